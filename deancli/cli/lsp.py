"""`dean lsp`: the language server, over standard input and output."""

from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import AsOfOption, LangOption, parse_as_of, pick_lang, run


@app.command(
    epilog="""Examples:

\b
  dean lsp                      what an editor runs (stdin/stdout)
  dean lsp --as-of 2026-01-01   findings as of a fixed day

Editors start it for the plan's files: dialogue.yaml, organizations.yaml and
initiatives/*.yaml (set-up for VS Code, Neovim and Helix: docs/editors.md; `dean init`
writes the VS Code settings). It reports what `dean validate` reports, as you type, and
offers completion, hover, go to definition, find references, quick fixes and `dean fmt` as
formatting. It never writes a file: edits are offered to the editor.

Exit codes: 0 after the editor's shutdown request, 1 when the editor exits without one.
"""
)
def lsp(
    as_of: AsOfOption = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    lang: LangOption = None,
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help="Talk over standard input and output: the default, accepted because "
            "editors often pass it.",
            show_default=False,
        ),
    ] = False,
) -> None:
    """Run the language server: the plan's checks live in the editor."""
    day = parse_as_of(as_of) if as_of else None

    def body() -> int:
        import gc
        import os
        import sys

        from deancli.lsp.features import build
        from deancli.plan.load import START_ENV

        gc.enable()  # a long-lived process: the per-command pause of run() is not for it
        if sys.platform.startswith("linux"):
            # large plans are read by worker processes; forking a process that runs threads
            # (pygls reads standard input in one) is unsafe, so workers start from a fork
            # server, a clean process
            os.environ.setdefault(START_ENV, "forkserver")
        if sys.stdin.isatty():
            sys.stderr.write(
                "dean lsp is a language server: an editor starts it and speaks the Language\n"
                "Server Protocol on its standard input and output (docs/editors.md).\n"
                "Ctrl-C stops it.\n"
            )
        server = build(as_of=day, isolated=isolated, lang=pick_lang(lang))
        server.start_io()
        return 0 if server.protocol._shutdown else 1

    run(body, fence=False)  # standard output is the protocol's
