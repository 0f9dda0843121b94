from __future__ import annotations

import enum
import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    PlanOption,
    color_flag,
    parse_as_of,
    run,
)


class ValidateFormat(enum.StrEnum):
    auto = "auto"
    full = "full"
    concise = "concise"
    json = "json"


def pick_format(fmt: ValidateFormat) -> str:
    if fmt is not ValidateFormat.auto:
        return str(fmt.value)
    return "full" if sys.stdout.isatty() else "concise"


@app.command(
    epilog="""Examples:

\b
  dean validate                                  the whole plan
  dean validate plan/initiatives/                report on initiative files only
  dean validate --format json > findings.json    for other tools
  dean validate --as-of 2024-01-01 --strict      reproducible; warnings fail too

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings, 2 usage error,
3 dean could not run. Rules and codes: docs/rules.md.
"""
)
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Report only on these files or directories of the plan (the whole plan is "
            "always loaded, so cross-file rules still apply).",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    fmt: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: full (excerpts, help), concise (one line per finding), json. "
            "auto: full on a terminal, concise otherwise.",
        ),
    ] = ValidateFormat.auto,
    as_of: AsOfOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")
    ] = False,
    color: ColorOption = Color.auto,
) -> None:
    """Check that the plan is well-formed and consistent; report problems at file:line:col."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli import checker
        from deancli.render import get_reporter

        root = checker.resolve_plan_dir(plan)
        result = checker.check(root, as_of=today, paths=paths or ())
        reporter = get_reporter(pick_format(fmt))(sys.stdout, color=color_flag(color))
        reporter.report(result)
        sys.stdout.flush()
        return result.exit_code(strict=strict)

    run(body)
