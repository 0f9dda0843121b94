"""Help pages that read well at every width, and options that may come before the command.

Click wraps help text at spaces, but keeps ``\\b`` blocks (our examples) exactly as written,
so a terminal narrower than an example breaks it mid-word; and it wraps at hyphens, which
can split ``--as-of`` or ``cross-file``. :class:`HelpFormatter` wraps at spaces only, and
lays out an example block that does not fit as a list: each command on its own line(s),
continued with `` \\`` where it is longer than the line (so it can still be copied into a
shell), and its description below it, indented. Option lists keep a narrower first column
on narrow terminals, so their help text gets the room.

The global options (``--plan``, ``--lang``, ``--color``, ``--as-of``) are accepted before
the command, as git and gh users expect (``dean --lang es status``): the root command reads
them and :class:`Command` gives each to the command when the command takes it and did not
get it itself, so the one given later on the command line wins.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import Any

import typer.core

try:  # typer 0.28 carries its own copy of click
    from typer._click import Context as _Context
    from typer._click import HelpFormatter as _HelpFormatter
    from typer._click.core import ParameterSource
except ImportError:  # pragma: no cover - typer < 0.28 uses click itself
    from click import Context as _Context  # type: ignore[assignment]
    from click import HelpFormatter as _HelpFormatter  # type: ignore[assignment]
    from click.core import ParameterSource  # type: ignore[assignment]

GLOBAL_OPTIONS = ("plan", "lang", "color", "as_of")
NARROW = 70  # below this (a 60-column terminal), option names get a narrower column
_WORD = re.compile(r"""(?:[^\s'"]+|'[^']*'|"[^"]*")+""")  # a shell word, quotes kept whole


def wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """``text`` wrapped at spaces only: a word longer than the line stays whole."""
    return textwrap.wrap(
        text,
        max(width, len(initial) + 1, len(subsequent) + 1),
        initial_indent=initial,
        subsequent_indent=subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [initial.rstrip()]


_REDIRECT = (">", ">>", "<", "|", "2>")


def _units(command: str) -> list[str]:
    """The shell words of a command, an option kept with its value (``--due 2025-06-30``)
    and a redirection with its file (``> findings.json``)."""
    words = _WORD.findall(command)
    out: list[str] = []
    for word in words:
        option = out and out[-1].startswith("-") and " " not in out[-1]
        if out and ((option and not word.startswith("-")) or out[-1] in _REDIRECT):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _command_lines(command: str, width: int, indent: str) -> list[str]:
    """A shell command over as many lines as it needs, each continued with `` \\``."""
    lines: list[str] = []
    current = ""
    lead = indent
    for unit in _units(command):
        if current and len(f"{lead}{current} {unit}") + 2 > width:
            lines.append(f"{lead}{current} \\")
            lead = indent + "  "
            current = unit
        else:
            current = f"{current} {unit}" if current else unit
    lines.append(lead + current)
    return lines


def _examples(lines: list[str], width: int, indent: str) -> list[str]:
    """A ``\\b`` block: as written when every line fits, else one example after another,
    command first (continued with `` \\`` where it is longer than a line), description
    below it."""
    if all(len(indent + line) <= width for line in lines):
        return [(indent + line).rstrip() for line in lines]
    out: list[str] = []
    pending = ""  # a command continued on the next line
    lead = indent
    for line in lines:
        if not pending:
            lead = indent + " " * (len(line) - len(line.lstrip()))
        text = f"{pending} {line.strip()}" if pending else line.strip()
        pending = ""
        if text.endswith("\\"):
            pending = text[:-1].rstrip()
            continue
        if not text.startswith("dean "):  # not an example: wrap it as prose
            out += wrap(text, width, lead, lead + "  ")
            continue
        command, *rest = re.split(r"\s{2,}", text, maxsplit=1)
        out += _command_lines(command, width, lead)
        if rest:
            out += wrap(rest[0].strip(), width, lead + "    ", lead + "    ")
    return out


def _paragraphs(text: str) -> list[tuple[int, bool, list[str]]]:
    """Click's paragraphs: (indent, kept as written, lines)."""
    out: list[tuple[int, bool, list[str]]] = []
    buf: list[str] = []
    indent: int | None = None

    def flush() -> None:
        if buf:
            raw = buf[0].strip() == "\b"
            out.append((indent or 0, raw, buf[1:] if raw else list(buf)))
            buf.clear()

    for line in text.expandtabs().splitlines():
        if not line.strip():
            flush()
            indent = None
            continue
        if indent is None:
            indent = len(line) - len(line.lstrip())
            line = line.lstrip()
        buf.append(line)
    flush()
    return out


class HelpFormatter(_HelpFormatter):
    def write_text(self, text: str) -> None:
        blocks = []
        for indent, raw, lines in _paragraphs(text):
            lead = " " * (self.current_indent + indent)
            if raw:
                blocks.append("\n".join(_examples(lines, self.width, lead)))
            else:
                blocks.append("\n".join(wrap(" ".join(lines), self.width, lead, lead)))
        self.write("\n\n".join(blocks) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = "Usage: " if prefix is None else prefix
        head = f"{prefix:>{self.current_indent}}{prog} "
        room = self.width - self.current_indent
        if room >= len(head) + 20:
            lines = wrap(args, room, head, " " * len(head))
        else:
            lead = " " * (max(self.current_indent, len(prefix)) + 4)
            lines = [head.rstrip(), *wrap(args, room, lead, lead)]
        self.write("\n".join(lines) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        if self.width < NARROW:  # give the descriptions the room
            col_max = min(col_max, 16)
        first_col = min(max((len(r[0]) for r in rows), default=0), col_max) + col_spacing
        lead = " " * self.current_indent
        hang = " " * (self.current_indent + first_col)
        for first, second in rows:
            if not second:
                self.write(f"{lead}{first}\n")
                continue
            if len(first) <= first_col - col_spacing:
                head = f"{lead}{first}".ljust(self.current_indent + first_col)
                lines = wrap(second, self.width, head, hang)
            else:
                lines = [f"{lead}{first}", *wrap(second, self.width, hang, hang)]
            self.write("\n".join(lines) + "\n")


class Context(_Context):
    formatter_class = HelpFormatter


def _given_before(ctx: Any) -> dict[str, Any]:
    """The global options given before the command (on the root command's line: its
    defaults are not given, and must not override a command's own)."""
    root = ctx.find_root()
    if root is ctx:
        return {}
    return {
        name: value
        for name, value in root.params.items()
        if name in GLOBAL_OPTIONS and root.get_parameter_source(name) is ParameterSource.COMMANDLINE
    }


class Command(typer.core.TyperCommand):
    context_class = Context

    def invoke(self, ctx: Any) -> Any:
        before = _given_before(ctx)
        for param in self.params:
            name = param.name
            if name not in before:
                continue
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                continue  # given after the command too: the later one wins
            ctx.params[name] = param.process_value(ctx, before[name])
        return super().invoke(ctx)


class Group(typer.core.TyperGroup):
    context_class = Context


def use_for(app: typer.Typer) -> None:
    """Make every command of ``app`` (and of its groups) use this help and these options."""
    for command in app.registered_commands:
        if command.cls in (None, typer.core.TyperCommand):
            command.cls = Command
    for group in app.registered_groups:
        if group.typer_instance is not None:
            info = group.typer_instance.info
            if not isinstance(info.cls, type) or info.cls is typer.core.TyperGroup:
                info.cls = Group
            use_for(group.typer_instance)
