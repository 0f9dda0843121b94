import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from deancli.base.errors import UsageProblem
from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    PlanOption,
    choices,
    color_flag,
    parse_as_of,
    run,
)
from deancli.render.reports import HUMAN, REPORTERS, describe

if TYPE_CHECKING:
    ValidateFormat = str
else:
    ValidateFormat = choices("ValidateFormat", ["auto", *REPORTERS])


def pick_format(fmt: str) -> str:
    from deancli.render.ci import in_actions

    if fmt != "auto":
        return str(fmt)
    if in_actions():
        return "github"
    return "full" if sys.stdout.isatty() else "concise"


def parse_outputs(values: list[str]) -> list[tuple[str, str]]:
    out = []
    for value in values:
        fmt, sep, path = value.partition(":")
        if not sep or not path or fmt not in REPORTERS:
            raise UsageProblem(
                f"--output takes FORMAT:PATH with FORMAT one of {', '.join(REPORTERS)}; "
                f"got {value!r}"
            )
        out.append((fmt, path))
    return out


@app.command(
    epilog="""Examples:

\b
  dean validate                                  the whole plan
  dean validate plan/initiatives/                report on initiative files only
  dean validate --format json > findings.json    for other tools
  dean validate --as-of 2024-01-01 --strict      reproducible; warnings fail too
  dean validate --output sarif:dean.sarif --output junit:dean.xml
  dean validate --changed-since origin/main      findings a branch introduces

Under GitHub Actions the default format is `github` (annotations on the pull request) and a
Markdown summary is appended to $GITHUB_STEP_SUMMARY.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings, 2 usage error,
3 dean could not run. What a code means: dean explain CODE.
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
            help=f"Output format: {describe()}. auto: github under GitHub Actions, full on a "
            "terminal, concise otherwise.",
        ),
    ] = "auto",
    outputs: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FORMAT:PATH",
            help="Also write the report in FORMAT to PATH (repeatable), e.g. sarif:dean.sarif.",
            show_default=False,
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Report findings in files changed since the git REF, and findings anywhere "
            "that REF did not have (what the change breaks).",
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary/--no-summary",
            help="Under GitHub Actions, append a Markdown summary to $GITHUB_STEP_SUMMARY.",
        ),
    ] = True,
    as_of: AsOfOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")
    ] = False,
    color: ColorOption = Color.auto,
) -> None:
    """Check that the plan is well-formed and consistent; report problems at file:line:col."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.check import checker
        from deancli.plan import load
        from deancli.render.ci import fenced, in_actions, stdout_is_file
        from deancli.render.reports import get_reporter

        extra = parse_outputs(outputs or [])
        root = load.resolve_plan_dir(plan)
        if changed_since is not None:
            from deancli.history import git as gitplan

            result = gitplan.check_changed_since(
                root, changed_since, as_of=today, paths=paths or ()
            )
        else:
            from deancli.render import progress_bar

            bar = progress_bar.LazyProgress("checking") if progress_bar.wanted() else None
            try:
                result = checker.check(root, as_of=today, paths=paths or (), progress=bar)
            finally:
                if bar is not None:
                    bar.close()
        name = pick_format(fmt)
        reporter = get_reporter(name)(sys.stdout, color=color_flag(color), strict=strict)
        with fenced(sys.stdout, in_actions() and name in HUMAN and not stdout_is_file()):
            reporter.report(result)
        for out_fmt, path in extra:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                get_reporter(out_fmt)(fh, color=False, strict=strict).report(result)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary and in_actions() and step_summary:
            from deancli.render.reports.summary import render

            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(render(result, strict=strict))
        sys.stdout.flush()
        return result.exit_code(strict=strict)

    run(body, fence=False)  # fences its human formats itself; annotations must get through
