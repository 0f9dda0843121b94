"""Options shared by the commands, and the one boundary where errors become exit codes."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, TypeVar

import typer

from deancli.base.errors import DeanError, UsageProblem
from deancli.base.exitcodes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE

T = TypeVar("T")


class Color(enum.StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def choices(name: str, values: Iterable[str]) -> type[enum.StrEnum]:
    """A choice type for Typer whose members come from a registry (so ``--help``, completion
    and validation list exactly the registered formats). Modules annotate with it behind
    ``if TYPE_CHECKING: X = str``: mypy cannot see members made at run time, and a member is a
    ``str`` anyway."""
    made: type[enum.StrEnum] = enum.StrEnum(name, {v: v for v in values})  # type: ignore[misc]
    return made


def color_flag(color: Color) -> bool | None:
    if color is Color.always:
        return True
    if color is Color.never or os.environ.get("TERM") == "dumb":
        return False
    return None


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        from deancli.base.i18n import tr

        raise typer.BadParameter(
            tr("{value} is not a date; use YYYY-MM-DD", value=repr(value))
        ) from None


PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="DIR",
        help="The plan directory (default: $DEAN_PLAN, ./plan, or the embedded plan).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Treat this date as today, for reproducible results (default: today).",
        show_default=False,
    ),
]
AtOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="REV|DATE",
        help="The plan as it stood at a git revision, or on a day (YYYY-MM-DD: the last "
        "first-parent commit of HEAD made that day or before); --as-of defaults to that day.",
        show_default=False,
    ),
]
ColorOption = Annotated[
    Color,
    typer.Option("--color", help="Colour output: auto (terminal, no NO_COLOR), always, never."),
]


def run(fn: Callable[[], int], *, fence: bool = True) -> None:
    """Run a command body; map expected failures to exit codes without a traceback.

    Under GitHub Actions every byte the body writes is kept from acting as a workflow
    command: standard output is fenced (see :func:`ci_fence`) unless ``fence=False`` — a
    machine format (JSON, SARIF, JUnit: escaped by construction) or a body that fences
    itself (validate, whose annotations must reach the runner) — and standard error is
    neutralised line by line (``render.ci.neutralise``)."""
    try:
        with (
            ci_fence() if fence else contextlib.nullcontext(),
            _ci_stderr(),
            _cyclic_gc_paused(),
        ):
            code = fn()
    except UsageProblem as exc:
        _fail(_error(exc), EXIT_USAGE)
    except DeanError as exc:
        _fail(_error(exc), EXIT_ERROR)
    except KeyboardInterrupt:
        from deancli.base.i18n import tr

        _fail(tr("interrupted"), EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_exit()
    except typer.Exit:
        raise
    except Exception as exc:  # a bug: say so, without a traceback unless asked
        if os.environ.get("DEAN_DEBUG"):
            raise
        from deancli.base.i18n import tr
        from deancli.base.textsafe import safe

        _fail(
            tr(
                "internal error: {kind}: {detail}\n"
                "This is a bug in dean; set DEAN_DEBUG=1 to see the traceback and report it.",
                kind=type(exc).__name__,
                detail=safe(str(exc))[:300],
            ),
            EXIT_ERROR,
        )
    raise typer.Exit(code)


def _error(exc: DeanError) -> str:
    """``error: ...`` in the run's language (a message made with ``M`` is said in it)."""
    from deancli.base.i18n import say, tr

    message = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return tr("error: {message}", message=say(message))


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one command. dean's data are trees (no
    reference cycles to free), but on large plans the collector's full passes over hundreds
    of thousands of live objects took a third of the run (docs/performance.md). Reference
    counting still frees everything; the previous state is restored afterwards, since tests
    run many commands in one process."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fail(message: str, code: int) -> None:
    from deancli.base.textsafe import safe
    from deancli.render.ci import in_actions, neutralise

    text = f"dean: {safe(message, keep_newlines=True)}\n"
    if in_actions():
        text = neutralise(text)
    elif _is_terminal(sys.stderr):
        text = _wrapped_for_terminal(text)
    sys.stderr.write(text)
    raise typer.Exit(code)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _wrapped_for_terminal(text: str) -> str:
    """An error on a terminal, wrapped at spaces to its width (never inside a word, a path
    or a list item), the continuation indented; to a pipe or a file it stays one line."""
    import shutil

    from deancli.render.wrap import wrap_plain

    width = max(shutil.get_terminal_size().columns, 20)
    lines: list[str] = []
    for line in text.rstrip("\n").split("\n"):
        lines += wrap_plain(line, width, "", "  ")
    return "\n".join(lines) + "\n"


def _ci_stderr() -> contextlib.AbstractContextManager[None]:
    from deancli.render.ci import in_actions, neutralised_stderr

    return neutralised_stderr(in_actions())


def _quiet_exit() -> None:
    # stdout was closed early (e.g. `dean validate | head`): exit quietly
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise typer.Exit(0)


class Lang(enum.StrEnum):
    es = "es"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        case_sensitive=False,
        help="Language of everything dean says, es or en (default: $DEAN_LANG, else the "
        "lang setting of dean.toml, else Spanish when LC_ALL/LC_MESSAGES/LANG starts with "
        "'es', else English).",
        show_default=False,
    ),
]


def view_format_option(view: str, default: str) -> Any:
    """``--format`` for a view command: choices and help from the view renderers' registry."""
    from deancli.render.views import describe

    return typer.Option("--format", "-f", help=f"Output format: {describe(view)}.")


def render_view(fmt: str, view: Any, *, color: Color, pager: bool = True) -> None:
    """Render a view (plain data) in the chosen format to standard output."""
    from deancli.render.views import get_renderer

    get_renderer(str(fmt))(sys.stdout, color=color_flag(color), pager=pager).render(view)


def quotes_plan(fmt: str) -> bool:
    """Whether a view format prints plan text for people (fenced under CI)."""
    from deancli.render.views import VIEW_FORMATS

    return VIEW_FORMATS[str(fmt)].quotes_plan


def pick_lang(lang: Lang | None) -> str:
    """The language of this run: ``--lang``, else what the command line's group decided
    before parsing (``$DEAN_LANG``, the ``lang`` setting, the locale: see cli/_i18n.py)."""
    from deancli.base import i18n

    return lang.value if lang is not None else i18n.active()


def ci_fence() -> contextlib.AbstractContextManager[None]:
    """Under GitHub Actions, fence output that quotes plan files (see render.github)."""
    from deancli.render.ci import fenced, in_actions, stdout_is_file

    return fenced(sys.stdout, in_actions() and not stdout_is_file())


def load_view_plan(plan_option: str | None, lang: str):  # type: ignore[no-untyped-def]
    """Load the plan for a view. Files with reading errors are left out of every number,
    with a one-line note on standard error (JSON views list them in ``left_out_files``)."""
    from deancli.base.i18n import t
    from deancli.plan import load

    root = load.resolve_plan_dir(plan_option)
    model = load.readable_plan(load.load_plan(root))
    if model.left_out:
        sys.stderr.write(t("note_skipped", lang, n=len(model.left_out)) + "\n")
    return model


def load_view_plan_at(  # type: ignore[no-untyped-def]
    plan_option: str | None, lang: str, at: str | None, as_of: dt.date | None
):
    """The plan for a view, and the day it is seen as of: the working tree and ``as_of`` (or
    today); with ``at``, the plan at that revision or day, read from git's objects through
    the same guarded loader (as ``dean diff`` does), and ``as_of`` or the day of ``at``."""
    if at is None:
        return load_view_plan(plan_option, lang), as_of or dt.date.today()
    import tempfile
    from pathlib import Path

    from deancli.base.i18n import t
    from deancli.history import git as gitplan
    from deancli.plan import load, loader

    root = load.resolve_plan_dir(plan_option)
    repo = gitplan.repo_for(root)
    sha, day = gitplan.rev_at(repo, at)
    with tempfile.TemporaryDirectory(prefix="dean-at-") as tmp:
        loaded = load.load_plan(gitplan.materialise(repo, sha, Path(tmp)))
    for doc in loaded.documents:  # shown where the file is in the working tree
        doc.display = loader.display_path(root / doc.rel)
    if not loaded.documents:
        from deancli.base.i18n import M

        raise UsageProblem(M("there is no plan at {at} ({sha})", at=at, sha=sha[:12]))
    skipped = [d for d in loaded.documents if not d.ok]
    if skipped:
        sys.stderr.write(t("note_skipped", lang, n=len(skipped)) + "\n")
    return loaded.plan, as_of or day


def _complete_pillars(incomplete: str) -> list[tuple[str, str]]:
    from deancli.cli._complete import pillars

    return pillars(incomplete)


def _complete_organizations(incomplete: str) -> list[tuple[str, str]]:
    from deancli.cli._complete import organizations

    return organizations(incomplete)


LeadOption = Annotated[
    str | None,
    typer.Option(
        "--lead",
        metavar="ORG",
        help="Only initiatives that ORG leads (e.g. SE, DOC).",
        show_default=False,
        autocompletion=_complete_organizations,
    ),
]
PillarOption = Annotated[
    str | None,
    typer.Option(
        "--pillar",
        "-p",
        metavar="N",
        help="Pillar N (1-4 or I-IV).",
        show_default=False,
        autocompletion=_complete_pillars,
    ),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Print long listings directly instead of through $DEAN_PAGER, $PAGER or less.",
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Check the edit and say what would change; write nothing.")
]
DiffOption = Annotated[
    bool, typer.Option("--diff", help="Show the change as a unified diff; write nothing.")
]


def _complete_initiatives(incomplete: str) -> list[tuple[str, str]]:
    from deancli.cli._complete import initiatives

    return initiatives(incomplete)


InitiativeArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Initiative number (e.g. 8) or slug.",
        autocompletion=_complete_initiatives,
    ),
]
