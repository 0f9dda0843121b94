"""The GitHub job summary ($GITHUB_STEP_SUMMARY): per-pillar pass/fail and the findings."""

from __future__ import annotations

from collections import Counter

from deancli.base.diagnostics import Severity
from deancli.base.textsafe import plural
from deancli.check.result import CheckResult
from deancli.render.mdtext import escape

MAX_ROWS = 200


def render(result: CheckResult, *, strict: bool = False) -> str:
    failed = result.exit_code(strict=strict) != 0
    lines = ["## dean validate", ""]
    counts = f"{plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}"
    verdict = "❌ **Failed**" if failed else "✅ **Passed**"
    lines.append(
        f"{verdict}: {counts} in {result.files_with_findings} of {result.files_checked} files "
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
    if result.diagnostics:
        lines += ["", f"<details><summary>Findings ({len(result.diagnostics)})</summary>", ""]
        lines += ["| Where | Severity | Code | Message |", "|---|---|---|---|"]
        for d in result.diagnostics[:MAX_ROWS]:
            where = escape(d.location.path)
            if d.location.line is not None:
                where += f":{d.location.line}:{d.location.column or 1}"
            lines.append(
                f"| {where} | {d.severity.label} | {d.code} {d.name} | {escape(d.message)} |"
            )
        if len(result.diagnostics) > MAX_ROWS:
            lines.append(f"| … | | | {len(result.diagnostics) - MAX_ROWS} more |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n\n"
