"""The GitHub job summary ($GITHUB_STEP_SUMMARY): the verdict with the same counts as the
log's last line, a pass/fail table with a row per pillar, then the errors in full (never
collapsed: they are what failed the job) and the warnings and notes collapsed, each with
its count."""

from __future__ import annotations

from collections import Counter

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.textsafe import plural
from deancli.check.result import CheckResult
from deancli.render.mdtext import escape

MAX_ROWS = 200  # per section


def counts(result: CheckResult) -> str:
    """``1 error, 13 warnings in 9 of 14 files``: what the job summary and the last line of
    the log (``--format github``) both say."""
    parts = [plural(result.errors, "error"), plural(result.warnings, "warning")]
    if result.infos:
        parts.append(plural(result.infos, "note"))
    where = f"{result.files_with_findings} of {plural(result.files_checked, 'file')}"
    return f"{', '.join(parts)} in {where}"


def _findings(title: str, found: list[Diagnostic], *, collapsed: bool) -> list[str]:
    if not found:
        return []
    if collapsed:
        lines = ["", f"<details><summary>{title} ({len(found)})</summary>", ""]
    else:
        lines = ["", f"### {title} ({len(found)})", ""]
    lines += ["| Where | Code | Message |", "|---|---|---|"]
    for d in found[:MAX_ROWS]:
        where = escape(d.location.path)
        if d.location.line is not None:
            where += f":{d.location.line}:{d.location.column or 1}"
        lines.append(f"| {where} | {d.code} {d.name} | {escape(d.message)} |")
    if len(found) > MAX_ROWS:
        lines.append(f"| … | | {len(found) - MAX_ROWS} more |")
    if collapsed:
        lines += ["", "</details>"]
    return lines


def render(result: CheckResult, *, strict: bool = False) -> str:
    failed = result.exit_code(strict=strict) != 0
    lines = ["## dean validate", ""]
    verdict = "❌ **Failed**" if failed else "✅ **Passed**"
    lines.append(
        f"{verdict}: {counts(result)} "
        f"(plan `{escape(result.plan_root)}`, as of {result.as_of.isoformat()})."
    )
    lines += ["", "| Pillar | Files | Errors | Warnings | Result |", "|---|---:|---:|---:|---|"]
    groups: dict[str, list[str]] = {}
    for path in result.files:
        pillar = result.file_pillars.get(path)
        if path not in result.file_pillars:
            key = "Dialogue and organizations"
        elif pillar in result.pillar_labels:
            key = result.pillar_labels[pillar]
        else:
            key = "Initiatives with an unknown pillar"
        groups.setdefault(key, []).append(path)
    threshold = Severity.WARNING if strict else Severity.ERROR
    for key in sorted(groups, key=lambda k: (k.startswith("Dialogue"), k)):
        paths = set(groups[key])
        sev = Counter(d.severity for d in result.diagnostics if d.location.path in paths)
        bad = any(d.severity >= threshold for d in result.diagnostics if d.location.path in paths)
        lines.append(
            f"| {escape(key)} | {len(paths)} | {sev[Severity.ERROR]} | {sev[Severity.WARNING]} "
            f"| {'❌' if bad else '✅'} |"
        )
    by = {s: [d for d in result.diagnostics if d.severity is s] for s in Severity}
    # with --strict the warnings fail the job too: then they are not collapsed either
    lines += _findings("Errors", by[Severity.ERROR], collapsed=False)
    lines += _findings("Warnings", by[Severity.WARNING], collapsed=not strict)
    lines += _findings("Notes", by[Severity.INFO], collapsed=True)
    return "\n".join(lines) + "\n\n"
