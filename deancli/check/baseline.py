"""A baseline: the findings a team accepts for now, so that only new ones are reported.

``dean validate --write-baseline FILE`` records every finding; ``--baseline FILE`` silences
the findings it records and reports its entries that no longer match (DEAN023);
``--update-baseline`` drops those stale entries and never adds any, so a baseline can only
shrink. Entries are keyed by (file relative to the plan, rule code, data path, message),
never by line number, so that moving lines does not make them stale. Several identical
findings are several entries.

The file is JSON, one entry per line, so that a diff of it is readable::

    {"version": 1, "entries": [
    {"file": "initiatives/09-x.yaml", "rule": "DEAN211", "path": "$.leads.mx", "message": "..."}
    ]}
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from typing import Any

from deancli.base.diagnostics import Diagnostic, Location, Severity, Span
from deancli.base.errors import UsageProblem
from deancli.base.i18n import M, tr
from deancli.check.result import CheckResult
from deancli.check.suppress import Suppressed

STALE = (
    "DEAN023",
    "stale-baseline-entry",
    Severity.WARNING,
    "a baseline entry that matches no finding",
)
VERSION = 1

Entry = tuple[str, str, str, str]  # file (plan-relative), rule code, data path, message


def _rel(path: str, plan_root: str) -> str:
    root = plan_root.rstrip("/") + "/"
    return path[len(root) :] if path.startswith(root) else path


def key(d: Diagnostic, plan_root: str) -> Entry:
    return (_rel(d.location.path, plan_root), d.code, d.json_path or "", d.message)


def dumps(entries: list[Entry]) -> str:
    lines = [
        json.dumps(
            {"file": f, "rule": r, "path": p, "message": m}, ensure_ascii=False, sort_keys=False
        )
        for f, r, p, m in sorted(entries)
    ]
    body = ",\n".join(lines)
    return (
        f'{{"version": {VERSION}, "entries": [\n{body}\n]}}\n'
        if lines
        else (f'{{"version": {VERSION}, "entries": []}}\n')
    )


def loads(text: str, display: str) -> list[Entry]:
    try:
        data: Any = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError(tr("not a version {n} dean baseline", n=VERSION))
        if not isinstance(data.get("entries"), list):
            raise ValueError(tr("`entries` must be a list"))
        out = []
        for e in data["entries"]:
            if not isinstance(e, dict) or not {"file", "rule", "path", "message"} <= set(e):
                raise ValueError(tr("each entry needs file, rule, path and message"))
            fields = (e["file"], e["rule"], e["path"], e["message"])
            if not all(isinstance(x, str) for x in fields):
                raise ValueError(tr("an entry's file, rule, path and message must be strings"))
            out.append(fields)
        return out
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageProblem(
            tr("cannot read the baseline {path}: {reason}", path=display, reason=exc)
        ) from None


def entries(result: CheckResult) -> list[Entry]:
    """What a baseline of this result records: every reported finding."""
    return [key(d, result.plan_root) for d in result.diagnostics]


def apply(
    result: CheckResult, recorded: list[Entry], display: str, text: str = ""
) -> tuple[CheckResult, list[Entry]]:
    """The result without the findings the baseline records (they count as suppressed, with
    the baseline as their reason), plus a DEAN023 for each entry that matched nothing; and
    the entries that still match (what ``--update-baseline`` keeps)."""
    left = Counter(recorded)
    kept: list[Diagnostic] = []
    silenced: list[Suppressed] = []
    for d in result.diagnostics:
        k = key(d, result.plan_root)
        if left[k] > 0:
            left[k] -= 1
            silenced.append(
                Suppressed(d, M("in the baseline {path}", path=display), display, external=True)
            )
        else:
            kept.append(d)
    lines = text.splitlines()
    stale = list(left.elements())
    for f, r, p, m in stale:
        needle = json.dumps(m, ensure_ascii=False)
        line = next((n for n, s in enumerate(lines, 1) if needle in s and f in s), None)
        kept.append(
            Diagnostic(
                *STALE[:3],
                M(
                    "baseline entry matches no finding: {rule} in {file} at {path}: {message}",
                    rule=r,
                    file=f,
                    path=p or "-",
                    message=m,
                ),
                Location.at(display, Span(line, 1) if line else None),
                hint=M("the finding was fixed or changed; drop the entry with --update-baseline"),
            )
        )
    still = list((Counter(recorded) - Counter(stale)).elements())
    return (
        dataclasses.replace(result, diagnostics=kept, suppressed=[*result.suppressed, *silenced]),
        still,
    )
