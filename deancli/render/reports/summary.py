"""The GitHub job summary ($GITHUB_STEP_SUMMARY): per-pillar pass/fail and the findings."""

from __future__ import annotations

from collections import Counter

from deancli.base.diagnostics import Severity
from deancli.base.i18n import active, counted, long_date, say, severity_label, tr
from deancli.check.result import CheckResult
from deancli.render.mdtext import escape

MAX_ROWS = 200


def render(result: CheckResult, *, strict: bool = False) -> str:
    failed = result.exit_code(strict=strict) != 0
    lines = ["## dean validate", ""]
    counts = f"{counted(result.errors, 'error')}, {counted(result.warnings, 'warning')}"
    verdict = tr("❌ **Failed**") if failed else tr("✅ **Passed**")
    lines.append(
        tr(
            "{verdict}: {counts} in {n} of {total} files (plan `{root}`, as of {date}).",
            verdict=verdict,
            counts=counts,
            n=result.files_with_findings,
            total=result.files_checked,
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
    if result.diagnostics:
        findings = tr("Findings ({n})", n=len(result.diagnostics))
        lines += ["", f"<details><summary>{findings}</summary>", ""]
        headers = [tr("Where"), tr("Severity"), tr("Code"), tr("Message")]
        lines += ["| " + " | ".join(headers) + " |", "|---|---|---|---|"]
        for d in result.diagnostics[:MAX_ROWS]:
            where = escape(d.location.path)
            if d.location.line is not None:
                where += f":{d.location.line}:{d.location.column or 1}"
            lines.append(
                f"| {where} | {severity_label(d.severity)} | {d.code} {d.name} "
                f"| {escape(say(d.message))} |"
            )
        if len(result.diagnostics) > MAX_ROWS:
            lines.append(f"| … | | | {tr('{n} more', n=len(result.diagnostics) - MAX_ROWS)} |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n\n"
