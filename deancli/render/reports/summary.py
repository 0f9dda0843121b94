"""The GitHub job summary ($GITHUB_STEP_SUMMARY): the verdict with the same counts as the
log's last line, a pass/fail table with a row per pillar, then the errors in full (never
collapsed: they are what failed the job) and the warnings and notes collapsed, each with
its count."""

from __future__ import annotations

from collections import Counter

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import active, counted, long_date, say, tr
from deancli.check.result import CheckResult
from deancli.render.mdtext import escape

MAX_ROWS = 200  # per section


def counts(result: CheckResult) -> str:
    """``1 error, 13 warnings in 9 of 14 files``: what the job summary and the last line of
    the log (``--format github``) both say."""
    parts = [counted(result.errors, "error"), counted(result.warnings, "warning")]
    if result.infos:
        parts.append(counted(result.infos, "note"))
    return tr(
        "{counts} in {n} of {files}",
        counts=", ".join(parts),
        n=result.files_with_findings,
        files=counted(result.files_checked, "file"),
    )


def _findings(title: str, found: list[Diagnostic], *, collapsed: bool) -> list[str]:
    if not found:
        return []
    if collapsed:
        lines = ["", f"<details><summary>{title} ({len(found)})</summary>", ""]
    else:
        lines = ["", f"### {title} ({len(found)})", ""]
    lines += ["| " + " | ".join([tr("Where"), tr("Code"), tr("Message")]) + " |", "|---|---|---|"]
    for d in found[:MAX_ROWS]:
        where = escape(d.location.path)
        if d.location.line is not None:
            where += f":{d.location.line}:{d.location.column or 1}"
        lines.append(f"| {where} | {d.code} {d.name} | {escape(say(d.message))} |")
    if len(found) > MAX_ROWS:
        lines.append(f"| … | | {tr('{n} more', n=len(found) - MAX_ROWS)} |")
    if collapsed:
        lines += ["", "</details>"]
    return lines


def render(result: CheckResult, *, strict: bool = False) -> str:
    failed = result.exit_code(strict=strict) != 0
    lines = ["## dean validate", ""]
    verdict = tr("❌ **Failed**") if failed else tr("✅ **Passed**")
    lines.append(
        tr(
            "{verdict}: {counts} (plan `{root}`, as of {date}).",
            verdict=verdict,
            counts=counts(result),
            root=escape(result.plan_root),
            date=long_date(result.as_of, active()),
        )
    )
    headers = [tr("Pillar"), tr("Files"), tr("Errors"), tr("Warnings"), tr("Result")]
    lines += ["", "| " + " | ".join(headers) + " |", "|---|---:|---:|---:|---|"]
    groups: dict[str, list[str]] = {}
    dialogue = tr("Dialogue and organizations")
    for path in result.files:
        pillar = result.file_pillars.get(path)
        if path not in result.file_pillars:
            key = dialogue
        elif pillar in result.pillar_labels:
            key = result.pillar_labels[pillar]
        else:
            key = tr("Initiatives with an unknown pillar")
        groups.setdefault(key, []).append(path)
    threshold = Severity.WARNING if strict else Severity.ERROR
    for key in sorted(groups, key=lambda k: (k == dialogue, k)):
        paths = set(groups[key])
        sev = Counter(d.severity for d in result.diagnostics if d.location.path in paths)
        bad = any(d.severity >= threshold for d in result.diagnostics if d.location.path in paths)
        lines.append(
            f"| {escape(key)} | {len(paths)} | {sev[Severity.ERROR]} | {sev[Severity.WARNING]} "
            f"| {'❌' if bad else '✅'} |"
        )
    by = {s: [d for d in result.diagnostics if d.severity is s] for s in Severity}
    # with --strict the warnings fail the job too: then they are not collapsed either
    lines += _findings(tr("Errors"), by[Severity.ERROR], collapsed=False)
    lines += _findings(tr("Warnings"), by[Severity.WARNING], collapsed=not strict)
    lines += _findings(tr("Notes"), by[Severity.INFO], collapsed=True)
    return "\n".join(lines) + "\n\n"
