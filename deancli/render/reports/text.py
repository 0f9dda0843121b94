"""Human formats for `dean validate`: full (excerpt, caret, help) and concise (one line each)."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, TextIO

from rich.text import Text

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import active, counted, long_date, say, severity_label, tr
from deancli.base.textsafe import safe
from deancli.check.result import CheckResult
from deancli.render.console import make_console
from deancli.render.reports.base import ReportOptions

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
GROUP_FROM = 10  # more findings of one rule than this are grouped in the full format
GROUP_SHOW = 3  # of which this many are shown in full
_MAX_EXCERPT = 160


def location_text(d: Diagnostic) -> str:
    loc = d.location
    out = safe(loc.path)
    if loc.line is not None:
        out += f":{loc.line}"
        if loc.column is not None:
            out += f":{loc.column}"
    return out


def summary_line(result: CheckResult) -> Text:
    what = tr(
        "{files} ({initiatives}, {pillars}, {organizations}) in {root}/, as of {date}",
        files=counted(result.files_checked, "file"),
        initiatives=counted(result.initiatives, "initiative"),
        pillars=counted(result.pillars, "pillar"),
        organizations=counted(result.organizations, "organization"),
        root=safe(result.plan_root),
        date=long_date(result.as_of, active()),
    )
    if result.reported_paths:
        what += tr("; reporting on {files}", files=counted(result.files_reported, "file"))
    if result.suppressed:
        what += tr("; {n} suppressed", n=len(result.suppressed))
    if not result.diagnostics:
        head, _, tail = tr("All checks passed: checked {what}.", what=what).partition(":")
        return Text.assemble((head, "bold green"), ":" + tail)
    parts = []
    if result.errors:
        parts.append((counted(result.errors, "error"), "bold red"))
    if result.warnings:
        parts.append((counted(result.warnings, "warning"), "bold yellow"))
    if result.infos:
        parts.append((counted(result.infos, "note"), "bold cyan"))
    # "Found {counts} in {files}; checked {what}.", with each count in its colour
    sentence = tr(
        "Found {counts} in {files}; checked {what}.",
        files=counted(result.files_with_findings, "file"),
        what=what,
        counts="\0",
    )
    before, _, after = sentence.partition("\0")
    text = Text(before)
    for i, part in enumerate(parts):
        if i:
            text.append(tr(" and ") if i == len(parts) - 1 else ", ")
        text.append(*part)
    text.append(after)
    return text


class ConciseReporter:
    """``path:line:col: severity[CODE] name: message`` — one line per finding."""

    human: ClassVar[bool] = True

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),  # noqa: B008
    ) -> None:
        self.console = make_console(out, color=color)
        self.options = options

    def shown(self, result: CheckResult) -> list[Diagnostic]:
        if self.options.quiet:
            return [d for d in result.diagnostics if d.severity >= Severity.ERROR]
        return result.diagnostics

    def epilogue(self, result: CheckResult) -> None:
        """What follows the findings: the suppressed ones when asked, then the summary."""
        if self.options.show_suppressed and result.suppressed:
            self.console.print(
                Text(tr("Suppressed ({n}):", n=len(result.suppressed)), style="bold"),
                soft_wrap=True,
            )
            for s in result.suppressed:
                reason = safe(say(s.reason)) if s.reason else tr("(no reason given)")
                self.console.print(
                    Text.assemble(
                        "  ",
                        (location_text(s.diagnostic), "bold"),
                        f": {s.diagnostic.code} {s.diagnostic.name}: ",
                        reason,
                        (f"  [{safe(s.where)}]", "dim"),
                    ),
                    soft_wrap=True,
                )
        self.console.print(summary_line(result), soft_wrap=True)

    def line(self, d: Diagnostic) -> Text:
        return Text.assemble(
            (location_text(d), "bold"),
            ": ",
            (f"{severity_label(d.severity)}[{d.code}]", _STYLE[d.severity]),
            f" {d.name}: ",
            safe(say(d.message)),
        )

    def report(self, result: CheckResult) -> None:
        for d in self.shown(result):
            self.console.print(self.line(d), soft_wrap=True)
        self.epilogue(result)


class FullReporter(ConciseReporter):
    """ruff-style: header, location, a source excerpt with a caret, help and notes."""

    def report(self, result: CheckResult) -> None:
        shown = self.shown(result)
        per_rule = Counter(d.code for d in shown)
        printed: Counter[str] = Counter()
        for d in shown:
            many = per_rule[d.code] > GROUP_FROM and not self.options.verbose
            if many and printed[d.code] >= GROUP_SHOW:
                continue
            printed[d.code] += 1
            for line in self.render(d, result.sources.get(d.location.path)):
                self.console.print(line, soft_wrap=True)
            self.console.print()
            if many and printed[d.code] == GROUP_SHOW:
                rest = [x for x in shown if x.code == d.code][GROUP_SHOW:]
                files = len({x.location.path for x in rest})
                self.console.print(
                    Text.assemble(
                        (
                            tr(
                                "… {n} × {name} ({code}) more",
                                n=len(rest),
                                name=d.name,
                                code=d.code,
                            ),
                            "bold",
                        ),
                        tr(
                            ", in {files}; --verbose shows every one "
                            "(--format concise, one line each)",
                            files=counted(files, "file"),
                        ),
                    ),
                    soft_wrap=True,
                )
                self.console.print()
        self.epilogue(result)

    def render(self, d: Diagnostic, lines: list[str] | None) -> list[Text]:
        style = _STYLE[d.severity]
        out = [
            Text.assemble(
                (f"{severity_label(d.severity)}[{d.code}]", style),
                (f": {safe(say(d.message))}", "bold"),
                (f"  ({d.name})", "dim"),
            ),
            Text.assemble(("  --> ", "blue"), location_text(d)),
        ]
        loc = d.location
        if lines is not None and loc.line is not None and 1 <= loc.line <= len(lines):
            width = len(str(loc.line))
            gutter = " " * width
            out.append(Text(f"{gutter} |", style="blue"))
            if loc.line > 1:
                prev, _ = _excerpt(lines[loc.line - 2], 1)
                out.append(Text.assemble((f"{loc.line - 1:>{width}} | ", "blue"), prev))
            text, caret_col = _excerpt(lines[loc.line - 1], loc.column or 1)
            out.append(Text.assemble((f"{loc.line:>{width}} | ", "blue"), text))
            length = 1
            if loc.end_line == loc.line and loc.end_column and loc.column:
                length = max(1, loc.end_column - loc.column)
            length = min(length, max(1, len(text) - caret_col + 1))
            out.append(
                Text.assemble(
                    (f"{gutter} | ", "blue"), " " * (caret_col - 1), ("^" * length, style)
                )
            )
        if d.hint:
            out.append(Text.assemble((tr("  = help: "), "bold cyan"), safe(say(d.hint))))
        for rel in d.related:
            out.append(
                Text.assemble(
                    (tr("  = note: "), "bold"),
                    safe(say(rel.message)),
                    tr(" at "),
                    (_rel_loc(rel.location.path, rel.location.line, rel.location.column), "bold"),
                )
            )
        return out


def _rel_loc(path: str, line: int | None, col: int | None) -> str:
    out = safe(path)
    if line is not None:
        out += f":{line}"
        if col is not None:
            out += f":{col}"
    return out


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """The escaped source line (cut around ``column`` when long) and the caret's column in it."""
    start = 0
    if len(line) > _MAX_EXCERPT:
        start = max(0, min(column - 1 - _MAX_EXCERPT // 2, len(line) - _MAX_EXCERPT))
    visible = line[start : start + _MAX_EXCERPT]
    before = safe(visible[: max(0, column - 1 - start)])
    text = safe(visible)
    prefix = "… " if start else ""
    suffix = " …" if start + _MAX_EXCERPT < len(line) else ""
    return prefix + text + suffix, len(prefix) + len(before) + 1
