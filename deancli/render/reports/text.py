"""Human formats for `dean validate`: full (excerpt, caret, help) and concise (one line each)."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, TextIO

from rich.text import Text

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import active, counted, long_date, say, severity_label, tr
from deancli.base.textsafe import safe
from deancli.check.result import CheckResult
from deancli.render.console import is_terminal, make_console
from deancli.render.reports.base import ReportOptions
from deancli.render.wrap import print_lines, print_wrapped, wrap

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
        self.terminal = is_terminal(out)
        self.options = options

    def shown(self, result: CheckResult) -> list[Diagnostic]:
        if self.options.quiet:
            return [d for d in result.diagnostics if d.severity >= Severity.ERROR]
        return result.diagnostics

    def epilogue(self, result: CheckResult) -> None:
        """What follows the findings: the suppressed ones when asked, then the summary."""
        if self.options.show_suppressed and result.suppressed:
            self.print(Text(tr("Suppressed ({n}):", n=len(result.suppressed)), style="bold"))
            for s in result.suppressed:
                reason = safe(say(s.reason)) if s.reason else tr("(no reason given)")
                self.print(
                    Text.assemble(
                        (location_text(s.diagnostic), "bold"),
                        f": {s.diagnostic.code} {s.diagnostic.name}: ",
                        reason,
                        (f"  [{safe(s.where)}]", "dim"),
                    ),
                    "  ",
                    "      ",
                )
        self.print(summary_line(result))

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
            self.print(self.line(d), rest="    ")
        self.epilogue(result)

    @property
    def wraps(self) -> bool:
        """Concise output is one line per finding, and one summary line, for tools (grep,
        editors' problem matchers, logs) when it goes to a pipe or a file; on a terminal it
        is wrapped at spaces to the width, as the full format always is."""
        return self.terminal

    def print(self, text: Text, first: str = "", rest: str | None = None) -> None:
        if self.wraps:
            print_wrapped(self.console, text, first=first, rest=rest)
        else:
            print_lines(self.console, [Text(first) + text if first else text])


class FullReporter(ConciseReporter):
    """ruff-style: header, location, a source excerpt with a caret, help and notes; for
    people, so always wrapped to the width."""

    @property
    def wraps(self) -> bool:
        return True

    def report(self, result: CheckResult) -> None:
        shown = self.shown(result)
        per_rule = Counter(d.code for d in shown)
        printed: Counter[str] = Counter()
        for d in shown:
            many = per_rule[d.code] > GROUP_FROM and not self.options.verbose
            if many and printed[d.code] >= GROUP_SHOW:
                continue
            printed[d.code] += 1
            print_lines(self.console, self.render(d, result.sources.get(d.location.path)))
            self.console.print()
            if many and printed[d.code] == GROUP_SHOW:
                rest = [x for x in shown if x.code == d.code][GROUP_SHOW:]
                files = len({x.location.path for x in rest})
                self.print(
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
                    "",
                    "  ",
                )
                self.console.print()
        self.epilogue(result)

    def render(self, d: Diagnostic, lines: list[str] | None) -> list[Text]:
        """The finding's lines, wrapped at spaces to the width; source lines are cut
        around the caret (after a word, marked with "…") rather than wrapped."""
        style = _STYLE[d.severity]
        room = self.console.width
        head = Text.assemble(
            (f"{severity_label(d.severity)}[{d.code}]", style),
            (f": {safe(say(d.message))}", "bold"),
            (f"  ({d.name})", "dim"),
        )
        out = wrap(head, room, "", "  ")
        out.append(Text.assemble(("  --> ", "blue"), location_text(d)))
        loc = d.location
        if lines is not None and loc.line is not None and 1 <= loc.line <= len(lines):
            width = len(str(loc.line))
            gutter = " " * width
            source_room = max(20, room - width - 3)
            out.append(Text(f"{gutter} |", style="blue"))
            if loc.line > 1:
                prev, _ = _excerpt(lines[loc.line - 2], 1, source_room)
                out.append(Text.assemble((f"{loc.line - 1:>{width}} | ", "blue"), prev))
            text, caret_col = _excerpt(lines[loc.line - 1], loc.column or 1, source_room)
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
        hang = " " * 10
        if d.hint:
            label = tr("  = help: ")
            out += wrap(Text(safe(say(d.hint))), room, Text(label, style="bold cyan"), hang)
        for rel in d.related:
            note = Text.assemble(
                safe(say(rel.message)),
                tr(" at "),
                (_rel_loc(rel.location.path, rel.location.line, rel.location.column), "bold"),
            )
            out += wrap(note, room, Text(tr("  = note: "), style="bold"), hang)
        return out


def _rel_loc(path: str, line: int | None, col: int | None) -> str:
    out = safe(path)
    if line is not None:
        out += f":{line}"
        if col is not None:
            out += f":{col}"
    return out


def _excerpt(line: str, column: int, room: int = _MAX_EXCERPT) -> tuple[str, int]:
    """The escaped source line and the caret's column in it. A line longer than ``room``
    (or ``_MAX_EXCERPT``) is cut around ``column``, after whole words where it can be,
    the cuts marked with "…"."""
    text = safe(line)
    caret = len(safe(line[: max(0, column - 1)]))  # where the caret falls in the escaped text
    if len(text) <= min(room, _MAX_EXCERPT):
        return text, caret + 1
    keep = max(1, min(_MAX_EXCERPT, room - 4))  # and room for "… " and " …"
    start = max(0, min(caret - keep // 2, len(text) - keep))
    end = min(len(text), start + keep)
    if start > 0:  # begin after a space, when one lies between the cut and the caret
        space = text.find(" ", start, caret)
        start = space + 1 if space >= 0 else start
    if end < len(text):  # end before a space, when one lies between the caret and the cut
        space = text.rfind(" ", caret + 1, end + 1)
        end = space if space > caret else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + text[start:end].rstrip() + suffix, len(prefix) + caret - start + 1
