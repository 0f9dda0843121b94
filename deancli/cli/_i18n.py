"""The command line in the reader's language: which language a run speaks, its help, and
Click's and Typer's own messages (``Usage:``, ``Options``, ``No such option``...).

The language is decided once, before Click parses anything (so usage errors and ``--help``
are in it too): ``--lang`` wherever it appears on the line, then ``$DEAN_LANG``, then the
``lang`` setting of the nearest dean.toml (or ``[tool.dean]``), then the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``), then English; values are case-insensitive.

Help texts stay English in the code (they are the catalogue's message ids): :class:`DeanGroup`
puts the tree of commands Typer built into the run's language before Click formats it.
Click and Typer translate their own messages with ``gettext.gettext`` from the default
domain, bound into each of their modules as ``_`` (and ``ngettext``); :func:`install` points
those names at dean's catalogue, so they follow dean's language rather than the process's
locale (a test checks that every such module is covered). Longer than 400 lines: the
language choice, the help's translation and Click's messages are one mechanism.
"""

from __future__ import annotations

import functools
import gettext
import inspect
import re
import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any

import typer.core

from deancli.base import i18n
from deancli.base.i18n import N_
from deancli.cli._help import Group

# the Click that Typer runs on: the copy newer Typers carry, else the click package
click: Any = getattr(typer.core, "_click", None) or __import__("click")


def _gettext(message: str) -> str:
    return i18n.catalogue(i18n.active()).gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.catalogue(i18n.active()).ngettext(singular, plural, n)


def patched_modules() -> list[str]:
    """The modules of Click and Typer that translate with gettext (what :func:`install`
    covers)."""
    return sorted(
        name
        for name, mod in list(sys.modules.items())
        if name.split(".")[0] in ("click", "typer")
        and any(getattr(mod, attr, None) in _ORIGINALS for attr in ("_", "ngettext"))
    )


_ORIGINALS = (gettext.gettext, gettext.ngettext)


def install() -> None:
    """Make Click's and Typer's ``_`` and ``ngettext`` speak dean's active language."""
    for name in patched_modules():
        mod = sys.modules[name]
        if getattr(mod, "_", None) is gettext.gettext:
            mod._ = _gettext  # type: ignore[attr-defined]
        if getattr(mod, "ngettext", None) is gettext.ngettext:
            mod.ngettext = _ngettext  # type: ignore[attr-defined]


def lang_in_args(args: Sequence[str]) -> str | None:
    """The language ``--lang`` gives on the command line, wherever it stands (before ``--``);
    None when absent or not a language (Click then says why, in the default language)."""
    value = None
    items = list(args)
    for i, arg in enumerate(items):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(items):
            value = items[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    found = i18n.parse_lang(value)
    return found if found is not None and value is not None and value.lower() == found else None


def resolve_lang(option: str | None = None) -> str:
    """``--lang``, else ``$DEAN_LANG``, else the configuration's ``lang``, else the locale."""
    import os

    from_option = i18n.parse_lang(option)
    if from_option is not None:
        return from_option
    from_env = i18n.parse_lang(os.environ.get("DEAN_LANG"))
    if from_env is not None:
        return from_env
    from pathlib import Path

    from deancli.plan.config import find_config, quick_setting

    try:
        found = find_config(Path.cwd())
    except OSError:  # the working directory is gone
        found = None
    configured = i18n.parse_lang(quick_setting(found, "lang")) if found else None
    return configured or i18n.locale_lang()


def _walk(cmd: Any, path: str) -> Iterator[tuple[Any, str]]:
    yield cmd, path
    if isinstance(getattr(cmd, "commands", None), dict):
        for name, sub in cmd.commands.items():
            yield from _walk(sub, f"{path}/{name}")


_METAVARS = ("[OPTIONS]", "COMMAND [ARGS]...")


def help_texts() -> Iterator[tuple[str, str]]:
    """Every help text, epilog and metavar of the command line, and the command it belongs
    to (the catalogue's extractor reads them)."""
    from deancli.cli import app

    root = typer.main.get_command(app)
    for text in _METAVARS:
        yield text, "dean"
    for cmd, path in _walk(root, "dean"):
        for text in (cmd.help, cmd.epilog, cmd.short_help):
            if text:
                yield inspect.cleandoc(text), path
        ctx = click.Context(cmd, info_name=path)
        for param in cmd.get_params(ctx):
            help_text = getattr(param, "help", None)
            if help_text:
                yield str(help_text), path
            if param.metavar:
                yield str(param.metavar), path


def translate_tree(root: Any) -> None:
    """Put the help of every command and option into the active language (in place: Typer
    builds the tree afresh for every run), and the usage line's ``Usage:``."""
    if i18n.active() == "en":
        return
    say = _gettext
    for cmd, _path in _walk(root, "dean"):
        if cmd.help:
            cmd.help = say(inspect.cleandoc(cmd.help))
        if cmd.epilog:
            cmd.epilog = say(inspect.cleandoc(cmd.epilog))
        if cmd.short_help:
            cmd.short_help = say(inspect.cleandoc(cmd.short_help))
        if cmd.options_metavar:
            cmd.options_metavar = say(cmd.options_metavar)
        if getattr(cmd, "subcommand_metavar", None):
            cmd.subcommand_metavar = say(cmd.subcommand_metavar)
        for param in cmd.params:
            text = getattr(param, "help", None)
            if text:
                param.help = say(text)
            if param.metavar:
                param.metavar = say(param.metavar)
        cmd.format_usage = types.MethodType(_format_usage, cmd)
        cmd.get_help_option = types.MethodType(_help_option(type(cmd).get_help_option), cmd)


def _format_usage(self: Any, ctx: Any, formatter: Any) -> None:
    pieces = self.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=i18n.tr("Usage: "))


def _help_option(original: Any) -> Any:
    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None and option.help:
            option.help = _gettext(option.help)
        return option

    return get_help_option


# What Click (the copy inside Typer, which has no gettext) says, as templates of the
# catalogue: a message that matches one is said in the run's language; fields that are
# messages themselves ({message}, {detail}) are translated in turn.
CLICK_MESSAGES = (
    N_("No such option: {name}"),
    N_("(Possible options: {options})"),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing parameter {name}."),
    N_("Missing argument {name}. {detail}"),
    N_("Missing option {name}. {detail}"),
    N_("Choose from:\n\t{choices}"),
    N_("Invalid value for {param}: {message}"),
    N_("Invalid value: {message}"),
    N_("{value} is not one of {choices}."),
    N_("{value} is not a valid {type}."),
    N_("{value} is not in the range {range}."),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {n} arguments."),
    N_("Option {name} does not take a value."),
    N_("Got unexpected extra argument(s) ({args})"),
)
_NESTED = ("message", "detail")


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for template in CLICK_MESSAGES:
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(
            re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)
        )
        out.append((re.compile(regex, re.S), template))
    return tuple(out)


def click_text(text: str) -> str:
    """A message of Click's in the run's language (as it is when no template matches)."""
    if i18n.active() == "en":
        return text
    for pattern, template in _patterns():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        values = {k: click_text(v) if k in _NESTED else v for k, v in m.groupdict().items()}
        return i18n.tr(template, **values)
    return text


def show_error(exc: Any) -> None:
    """What Click's ``show`` prints for an error, in the run's language."""
    no_args = getattr(click.exceptions, "NoArgsIsHelpError", None)
    if no_args is not None and isinstance(exc, no_args):  # `dean` alone: the help, translated
        exc.show()
        return
    usage_error = isinstance(exc, click.exceptions.UsageError)
    if usage_error and exc.ctx is not None:
        hint = ""
        if exc.ctx.command.get_help_option(exc.ctx) is not None:
            hint = (
                i18n.tr(
                    "Try '{command} {option}' for help.",
                    command=exc.ctx.command_path,
                    option=exc.ctx.help_option_names[0],
                )
                + "\n"
            )
        typer.echo(f"{exc.ctx.get_usage()}\n{hint}", err=True, color=exc.ctx.color)
    typer.echo(i18n.tr("Error: {message}", message=click_text(exc.format_message())), err=True)


class DeanGroup(Group):
    """dean's top-level group: each run speaks one language, decided before parsing."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        extra["windows_expand_args"] = windows_expand_args
        argv = list(sys.argv[1:] if args is None else args)  # to look for --lang only: Click
        lang = resolve_lang(lang_in_args(argv))  # still gets `args` (None: it expands globs)
        install()
        with i18n.use(lang):
            translate_tree(self)
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, False, **extra)
            # Click's own error output is English: show errors here, in the run's language
            try:
                code = super().main(args, prog_name, complete_var, False, **extra)
            except click.exceptions.ClickException as exc:
                show_error(exc)
                sys.exit(exc.exit_code)
            except typer.Abort:
                typer.echo(i18n.tr("Aborted!"), err=True)
                sys.exit(1)
            sys.exit(code if isinstance(code, int) else 0)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return self._click_resolve_command(ctx, args)
        except click.exceptions.UsageError as e:
            from difflib import get_close_matches

            matches = get_close_matches(args[0], list(self.commands)) if args else []
            if matches:
                suggestions = ", ".join(f"{m!r}" for m in matches)
                e.message = i18n.tr(
                    "{message}. Did you mean {suggestions}?",
                    message=e.message.rstrip("."),
                    suggestions=suggestions,
                )
            raise
