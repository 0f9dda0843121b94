"""`dean explain` for the terminal: the list of codes, and a code's section of docs/rules.md,
fitted to the width.

The text is printed as written where it fits; a paragraph with a line wider than the
terminal is wrapped again at spaces, and the codes' summaries wrap under their column. Code
is never wrapped (it would no longer be what to type): a code line that is too wide gets its
trailing comment on a line of its own above it, which changes nothing in YAML or TOML."""

from __future__ import annotations

import re
from typing import TextIO

from rich.cells import cell_len

from deancli.check.codes import CodeInfo
from deancli.render.console import make_console
from deancli.render.wrap import print_lines, wrap_plain

_COMMENT = re.compile(r"^(?P<code>\s*\S.*?)\s{2,}(?P<comment>#.*)$")
SUMMARY_MIN = 30  # below this much room beside the columns, a summary goes under them


def code_line(line: str, width: int) -> list[str]:
    """A line of code, with its trailing comment moved above it when it does not fit."""
    m = _COMMENT.match(line)
    if cell_len(line) <= width or m is None:
        return [line]
    code = m.group("code")
    lead = code[: len(code) - len(code.lstrip())]
    return [lead + m.group("comment"), *code_line(code, width)]


def _paragraph(lines: list[str], width: int) -> list[str]:
    if all(cell_len(line) <= width for line in lines):
        return lines
    return wrap_plain(" ".join(line.strip() for line in lines), width)


def fit(text: str, width: int, *, indented_code: bool = False) -> list[str]:
    """Markdown-like text fitted to ``width``: paragraphs as written or wrapped again,
    fenced code (and, with ``indented_code``, indented lines) kept as code."""
    out: list[str] = []
    para: list[str] = []
    fenced = False

    def flush() -> None:
        out.extend(_paragraph(para, width))
        para.clear()

    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            flush()
            fenced = not fenced
            out.append(line)
        elif fenced or (indented_code and line.startswith(" ")):
            flush()
            out += code_line(line, width)
        elif not line.strip():
            flush()
            out.append("")
        else:
            para.append(line)
    flush()
    return out


def code_list(codes: list[CodeInfo], width: int) -> list[str]:
    """One code a line: code, name, severity and summary, the summary wrapped under its
    column (or, on a narrow terminal, under the name)."""
    from deancli.base.i18n import severity_label, tr

    out: list[str] = []
    label_width = max((len(severity_label(c.severity)) for c in codes), default=0)
    for c in codes:
        head = f"{c.code}  {c.name:<22} {severity_label(c.severity):<{label_width}} "
        summary = tr(c.summary)
        if width - len(head) >= SUMMARY_MIN:
            out += wrap_plain(summary, width, head)
        else:
            out.append(head.rstrip())
            out += wrap_plain(summary, width, " " * 9)
    return out


def print_text(out: TextIO, lines: list[str]) -> None:
    print_lines(make_console(out, color=False), lines)


def width_of(out: TextIO) -> int:
    return make_console(out, color=False).width
