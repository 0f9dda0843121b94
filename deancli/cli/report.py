from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import typer

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    LangOption,
    PlanOption,
    parse_as_of,
    pick_lang,
    run,
)

DEFAULT_OUTPUT = "dean-report.html"


@app.command(
    epilog="""Examples:

\b
  dean report                          write dean-report.html
  dean report -o site/index.html       for GitHub Pages
  dean report --lang es                the page opens in Spanish
  dean report --as-of 2024-06-30 -o -  as on that day, to standard output

The page holds both languages (a button switches), the data behind it as JSON, and makes no
network request: open it from disk, a CI artifact or any web server. A report built from a
plan with validation findings lists them at the top (and says so on standard error); the
page is written all the same. Exit codes: 0 written, 2 usage error, 3 dean could not run.
"""
)
def report(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=f"Where to write the page ('-' for standard output). [default: {DEFAULT_OUTPUT}]",
            show_default=False,
        ),
    ] = DEFAULT_OUTPUT,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """One self-contained HTML page of the whole plan, in Spanish and English: the dialogue,
    progress per pillar, a sortable and filterable table of initiatives, a timeline, each
    initiative in full, and any validation findings."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        import sys

        from deancli.base.errors import UsageProblem
        from deancli.base.i18n import counted, tr
        from deancli.check.checker import check, prepare_document
        from deancli.history.git import head_state
        from deancli.plan import load
        from deancli.render.views import get_renderer
        from deancli.views.report import Provenance, build_report

        target = None if output == "-" else Path(output)
        if target is not None and target.is_dir():
            raise UsageProblem(tr("{path} is a directory; name the file to write", path=output))
        if target is not None and not target.parent.is_dir():
            raise UsageProblem(tr("no such directory: {path}", path=target.parent))
        root = load.resolve_plan_dir(plan)
        loaded = load.load_plan(root, prepare=prepare_document)  # the check's per-file work
        result = check(root, as_of=today, loaded=loaded)
        state = head_state(root)
        provenance = Provenance(*state) if state is not None else None
        view = build_report(loaded.plan, result, today, language, provenance)
        renderer = get_renderer("html")
        if target is None:
            renderer(sys.stdout).render(view)
        else:
            _write(target, lambda out: renderer(out).render(view))
            size = target.stat().st_size
            sys.stderr.write(
                tr("dean: wrote {path} ({size} KB)", path=target, size=size // 1024 or 1) + "\n"
            )
        if result.errors or result.warnings:
            sys.stderr.write(
                tr(
                    "dean: note: the plan has {errors} and {warnings}; the page lists them at "
                    "the top (dean validate for details)",
                    errors=counted(result.errors, "error"),
                    warnings=counted(result.warnings, "warning"),
                )
                + "\n"
            )
        return 0

    # to standard output under GitHub Actions, the page lands in the log: fence it so that
    # plan text cannot be read as a workflow command
    run(body, fence=output == "-")


def _write(path: Path, write: Callable[[TextIO], None]) -> None:
    """Replace ``path`` in one step: a reader (a web server, a browser) never sees half a
    page, and a failed run leaves the old page."""
    import os
    import tempfile

    from deancli.base.errors import DeanError
    from deancli.base.i18n import tr

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise DeanError(
            tr("cannot write {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise DeanError(
            tr("cannot write {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
