"""The command line: one module per command (init, validate, status, show, timeline, report,
diff, history, set, new, fmt, explain, lsp; ``milestone`` is a group of four), the options they
share (``_common``), what the edit commands share (``_edit``) and completion (``_complete``).

Command modules import the core inside their bodies, so `dean --help` and `dean --version`
load neither ruamel.yaml nor jsonschema. The modules that declare commands do not use
``from __future__ import annotations``: Typer reads every command's signature at start-up,
and evaluating string annotations cost about 15 ms of each run (docs/performance.md).
"""

import typer

from deancli import PLAN_SCHEMA_VERSION, __version__
from deancli.cli._common import AsOfOption, Color, ColorOption, LangOption, PlanOption
from deancli.cli._help import use_for
from deancli.cli._i18n import DeanGroup

HELP = """Keep the Mexico–U.S. High-Level Economic Dialogue (DEAN/HLED) work plan as data, check it,
and see where it stands.

Every command runs on the plan in --plan DIR, else $DEAN_PLAN, else ./plan when it exists,
else the plan embedded in dean (read-only: dean init copies it for you to edit).

Global options: --plan, --lang, --color and --as-of may come before the command (dean
--lang es status) as well as after it; given twice, the later one wins. Each applies to
the commands that take it.

Examples:

\b
  dean validate                      check the whole plan
  dean validate --format json        machine-readable findings
  dean validate plan/initiatives/    report on initiative files only
  dean status --pillar 3             initiatives of pillar III
  dean init my-plan                  start a plan repository of your own

Exit codes: 0 ok, 1 findings, 2 usage error, 3 dean could not run, 130 interrupted.
"""

app = typer.Typer(
    name="dean",
    cls=DeanGroup,  # one language per run (help and Click's messages), global options
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        from deancli.base.i18n import tr

        typer.echo(
            tr(
                "dean {version} (plan schema {schema})",
                version=__version__,
                schema=PLAN_SCHEMA_VERSION,
            )
        )
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        help="Show the version (and the plan schema version it reads) and exit.",
        callback=_version,
        is_eager=True,
    ),
    plan: PlanOption = None,
    lang: LangOption = None,
    color: ColorOption = Color.auto,
    as_of: AsOfOption = None,
) -> None:
    """The global options are read here and given to the command (``_help.Command``)."""


# Registering a command = importing its module; --help lists them in this order.
# isort: off
from deancli.cli import init as _init  # noqa: E402,F401
from deancli.cli import validate as _validate  # noqa: E402,F401
from deancli.cli import status as _status  # noqa: E402,F401
from deancli.cli import show as _show  # noqa: E402,F401
from deancli.cli import timeline as _timeline  # noqa: E402,F401
from deancli.cli import report as _report  # noqa: E402,F401
from deancli.cli import diff as _diff  # noqa: E402,F401
from deancli.cli import history as _history  # noqa: E402,F401
from deancli.cli import set as _set  # noqa: E402,F401
from deancli.cli import new as _new  # noqa: E402,F401
from deancli.cli import milestone as _milestone  # noqa: E402,F401
from deancli.cli import fmt as _fmt  # noqa: E402,F401
from deancli.cli import explain as _explain  # noqa: E402,F401
from deancli.cli import lsp as _lsp  # noqa: E402,F401
# isort: on

use_for(app)


def _utf8_output() -> None:
    """Output is UTF-8 whatever the locale: a pipe or file gets UTF-8 (JSON, CSV, SARIF,
    Markdown are UTF-8 by contract; Windows would otherwise use its ANSI code page); a terminal
    keeps its encoding, and a character it cannot show becomes ``?`` instead of an error."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):  # a closed or detached stream: leave it
            pass


def main() -> None:
    import os
    import sys

    _utf8_output()
    try:
        app(prog_name="dean")
    except Exception as exc:  # outside any command body: still no traceback for users
        if os.environ.get("DEAN_DEBUG"):
            raise
        from deancli.base.i18n import tr

        sys.stderr.write(tr("dean: internal error: {kind}", kind=type(exc).__name__) + "\n")
        sys.exit(3)
