"""SARIF 2.1.0 for code-scanning dashboards (documented in docs/output.md).

Shaped for GitHub code scanning ("SARIF support for code scanning"): every rule is described
once in the driver from docs/rules.md (short and full description, help as text and
Markdown, precision and problem severity); every result has a complete region, a URI
relative to the repository root (``uriBaseId``), and ``partialFingerprints`` that do not
depend on line numbers, so an alert keeps its identity when lines move. At most 25,000
results are written (GitHub rejects more), with a notification saying how many were left out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from deancli import __version__
from deancli.base.diagnostics import Diagnostic, Location, Severity
from deancli.base.textsafe import json_safe, safe
from deancli.check.codes import CodeInfo, all_codes, configure_text, description, help_text
from deancli.check.result import CheckResult
from deancli.check.suppress import Suppressed
from deancli.render.reports.base import StreamReporter
from deancli.render.reports.regions import region

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "SRCROOT"
MAX_RESULTS = 25_000  # GitHub rejects a run with more results
MAX_DESCRIPTION = 1024  # GitHub's limit for shortDescription and fullDescription
# the key GitHub code scanning reads, and the same identity under dean's own versioned name
FINGERPRINT_KEYS = ("primaryLocationLineHash", "deanFindingIdentity/v1")


def source_root(plan_dir: Path) -> tuple[Path, str]:
    """The directory URIs are relative to: the repository holding the plan (the nearest
    directory with a ``.git``), else the plan directory's parent."""
    for d in (plan_dir, *plan_dir.parents):
        if (d / ".git").exists():
            return d, "The root of the git repository that holds the plan."
    return plan_dir.parent, "The directory that holds the plan (not in a git repository)."


def _absolute(display: str) -> Path:
    p = Path(display)
    return p if p.is_absolute() else Path.cwd() / p


class _Paths:
    """Displayed paths as percent-encoded URIs relative to the source root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, tuple[str, str | None]] = {}
        self._inside_cache: dict[str, str | None] = {}

    def _inside(self, display: str) -> str | None:
        if display not in self._inside_cache:
            try:
                rel: str | None = _absolute(display).relative_to(self.root).as_posix()
            except ValueError:
                rel = None
            self._inside_cache[display] = rel
        return self._inside_cache[display]

    def relative(self, display: str) -> str:
        """The path relative to the root, ``/``-separated (absolute when outside it)."""
        return self._inside(display) or _absolute(display).as_posix()

    def artifact(self, display: str) -> dict[str, str]:
        if display not in self._cache:
            rel = self._inside(display)
            if rel is None:
                self._cache[display] = (_absolute(display).as_uri(), None)
            else:
                # quote() encodes everything but unreserved characters and "/": spaces, "#",
                # "%", ":" (which would read as a scheme), non-ASCII (as UTF-8)
                self._cache[display] = (quote(rel, safe="/", errors="surrogateescape"), BASE_ID)
        uri, base = self._cache[display]
        return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}


def _limit(text: str) -> str:
    if len(text) <= MAX_DESCRIPTION:
        return text
    cut = text[: MAX_DESCRIPTION - 1]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > MAX_DESCRIPTION // 2 else cut.rstrip() + "…"


def _rule(c: CodeInfo) -> dict[str, Any]:
    short = f"{c.summary[0].upper()}{c.summary[1:]}"
    full = description(c.code)
    if full == short or full == f"{short}.":
        full = f"{short} ({c.severity.label} {c.code} {c.name})."
    header = f"{c.code} {c.name} ({c.severity.label})"
    doc = help_text(c.code)
    configure = configure_text(c.name)
    return {
        "id": c.code,
        "name": c.name,
        "shortDescription": {"text": _limit(short)},
        "fullDescription": {"text": _limit(full)},
        "help": {
            # the text `dean explain CODE` prints, and the same section as Markdown
            "text": f"{header}\n\n{doc}\n\n{configure}",
            "markdown": f"**{c.code} {c.name}** ({c.severity.label})\n\n{doc}\n\n"
            f"```\n{configure}\n```",
        },
        "defaultConfiguration": {"level": LEVEL[c.severity]},
        "properties": {
            "tags": [c.name],
            # every check is deterministic: a finding is always true of the file
            "precision": "very-high",
            "problem.severity": PROBLEM_SEVERITY[c.severity],
        },
    }


def document(result: CheckResult, *, show_suppressed: bool = False) -> dict[str, Any]:
    """The SARIF log; with ``show_suppressed`` the silenced findings too, each with its
    ``suppressions`` entry (GitHub code scanning ignores ``suppressions`` and would open an
    alert for each, so they are left out unless asked for)."""
    codes = all_codes()
    index = {c.code: i for i, c in enumerate(codes)}
    root, root_text = source_root(_absolute(result.plan_root))
    paths = _Paths(root)
    seen: Counter[str] = Counter()
    results = []
    for d in result.diagnostics:
        identity = _identity(d, paths.relative(d.location.path), result.file_ids)
        seen[identity] += 1
        out = _result(d, index, paths, result.sources)
        value = f"{identity}:{seen[identity]}"
        out["partialFingerprints"] = dict.fromkeys(FINGERPRINT_KEYS, value)
        results.append(out)
    diags = list(result.diagnostics)
    if show_suppressed:
        for s in result.suppressed:
            d = s.diagnostic
            out = _result(d, index, paths, result.sources)
            identity = _identity(d, paths.relative(d.location.path), result.file_ids)
            seen[identity] += 1
            value = f"{identity}:{seen[identity]}"
            out["partialFingerprints"] = dict.fromkeys(FINGERPRINT_KEYS, value)
            out["suppressions"] = [_suppression(s, paths)]
            results.append(out)
            diags.append(d)
    kept, left_out = _cap(results, diags)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if left_out:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {
                    "text": f"{left_out:,} of {len(results):,} results were left out: GitHub "
                    f"code scanning accepts at most {MAX_RESULTS:,} per run (errors were kept "
                    "first). `dean validate` lists them all."
                },
            }
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dean",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(c) for c in codes],
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {
                    BASE_ID: {
                        "uri": root.as_uri().rstrip("/") + "/",
                        "description": {"text": root_text},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": kept,
            }
        ],
    }


def _suppression(s: Suppressed, paths: _Paths) -> dict[str, Any]:
    """An inline ``# dean: ignore[...]`` is ``inSource`` at the comment's line; a baseline
    entry is ``external``, at the baseline file."""
    out: dict[str, Any] = {"kind": "external" if s.external else "inSource", "status": "accepted"}
    if s.reason:
        out["justification"] = safe(s.reason)
    path, _, line = s.where.rpartition(":")
    if s.external or not line.isdigit():
        physical: dict[str, Any] = {"artifactLocation": paths.artifact(s.where)}
    else:
        n = int(line)
        physical = {
            "artifactLocation": paths.artifact(path),
            "region": {"startLine": n, "endLine": n},
        }
    out["location"] = {"physicalLocation": physical}
    return out


def _identity(d: Diagnostic, rel_path: str, file_ids: dict[str, int]) -> str:
    """What makes a finding the same finding across runs: its rule, file, initiative and
    place in the data — never its line, so reformatting keeps it."""
    initiative = file_ids.get(d.location.path)
    parts = [d.code, rel_path, "" if initiative is None else str(initiative), d.json_path or ""]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _cap(results: list[dict[str, Any]], diags: list[Diagnostic]) -> tuple[list[Any], int]:
    """At most MAX_RESULTS results, the most severe first, in their original order."""
    if len(results) <= MAX_RESULTS:
        return results, 0
    order = sorted(range(len(results)), key=lambda i: -diags[i].severity)
    keep = sorted(order[:MAX_RESULTS])
    return [results[i] for i in keep], len(results) - MAX_RESULTS


def _location(loc: Location, paths: _Paths, sources: dict[str, list[str]]) -> dict[str, Any]:
    r = region(loc, sources.get(loc.path))
    return {
        "physicalLocation": {
            "artifactLocation": paths.artifact(loc.path),
            "region": {
                "startLine": r.start_line,
                "startColumn": r.start_column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            },
        }
    }


def _result(
    d: Diagnostic, index: dict[str, int], paths: _Paths, sources: dict[str, list[str]]
) -> dict[str, Any]:
    text = safe(d.message)
    if d.hint:
        text += f" (help: {safe(d.hint)})"
    out: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [_location(d.location, paths, sources)],
    }
    if d.related:
        out["relatedLocations"] = [
            {"id": i, **_location(r.location, paths, sources), "message": {"text": safe(r.message)}}
            for i, r in enumerate(d.related)
        ]
    if d.json_path:
        out["properties"] = {"jsonPath": safe(d.json_path)}
    return out


class SarifReporter(StreamReporter):
    def report(self, result: CheckResult) -> None:
        doc = document(result, show_suppressed=self.options.show_suppressed)
        self.out.write(json_safe(json.dumps(doc, ensure_ascii=False, indent=2)))
        self.out.write("\n")
