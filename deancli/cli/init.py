"""`dean init`: start a plan repository (a copy of the embedded plan or an empty one)."""

import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import run


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
) -> None:
    """Start a plan repository: a plan, its schemas, editor, pre-commit and CI settings."""

    def body() -> int:
        from pathlib import Path

        from deancli.base.textsafe import safe
        from deancli.edit.init import init as start
        from deancli.render.wrap import write_wrapped

        outcomes = start(Path(directory), empty=empty)
        for o in outcomes:
            verb = "created" if o.created else "kept"
            detail = (
                f" ({o.detail})" if o.detail and o.created else f": {o.detail}" if o.detail else ""
            )
            write_wrapped(sys.stdout, f"{verb} {safe(o.path)}{safe(detail)}")
        where = "" if directory in (".", "") else f"cd {safe(directory)}, then "
        sys.stdout.write("\n")
        write_wrapped(sys.stdout, f"Next: {where}dean validate (dean new adds an initiative).")
        return 0

    run(body)
