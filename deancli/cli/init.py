"""`dean init`: start a plan repository (a copy of the embedded plan or an empty one)."""

import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import LangOption, run


@app.command(
    epilog="""Examples:

\b
  dean init my-plan            a copy of the DEAN plan in my-plan/
  dean init --empty my-plan    an empty plan: pillars to name, no initiatives
  dean init                    here, in the current directory

Created: plan/, schemas/, .vscode/settings.json (schemas for the VS Code YAML
extension; each plan file also names its schema in a first-line comment),
.pre-commit-config.yaml and .github/workflows/dean.yml. An existing file is
never overwritten, and an existing plan/ is left whole.
"""
)
def init(
    directory: Annotated[
        str, typer.Argument(metavar="[DIR]", help="Where to start it (default: here).")
    ] = ".",
    empty: Annotated[
        bool,
        typer.Option("--empty", help="An empty plan (pillars to name, no initiatives)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Start a plan repository: a plan, its schemas, editor, pre-commit and CI settings."""

    def body() -> int:
        from pathlib import Path

        from deancli.base.i18n import tr
        from deancli.base.textsafe import safe
        from deancli.edit.init import init as start
        from deancli.render.wrap import write_wrapped

        outcomes = start(Path(directory), empty=empty)
        for o in outcomes:
            path = safe(o.path)
            if o.created:
                line = (
                    tr("created {path} ({detail})", path=path, detail=safe(o.detail))
                    if o.detail
                    else tr("created {path}", path=path)
                )
            else:
                line = (
                    tr("kept {path}: {detail}", path=path, detail=safe(o.detail))
                    if o.detail
                    else tr("kept {path}", path=path)
                )
            write_wrapped(sys.stdout, line)
        sys.stdout.write("\n")
        if directory in (".", ""):
            write_wrapped(sys.stdout, tr("Next: dean validate (dean new adds an initiative)."))
        else:
            write_wrapped(
                sys.stdout,
                tr(
                    "Next: cd {directory}, then dean validate (dean new adds an initiative).",
                    directory=safe(directory),
                ),
            )
        return 0

    run(body)
