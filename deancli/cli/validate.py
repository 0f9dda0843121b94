import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    LangOption,
    PlanOption,
    choices,
    color_flag,
    parse_as_of,
    run,
)
from deancli.render.reports import HUMAN, REPORTERS, describe

if TYPE_CHECKING:
    ValidateFormat = str
    Level = str
else:
    ValidateFormat = choices("ValidateFormat", ["auto", *REPORTERS])
    Level = choices("Level", ["info", "warning", "error"])


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
            from deancli.base.i18n import tr

            raise UsageProblem(
                tr(
                    "--output takes FORMAT:PATH with FORMAT one of {formats}; got {value}",
                    formats=", ".join(REPORTERS),
                    value=repr(value),
                )
            )
        _check_writable(path)
        out.append((fmt, path))
    return out


def _check_writable(path: str, option: str = "--output") -> None:
    """Refuse an --output (or --write-baseline) path that cannot be written, before checking
    anything (exit 2)."""
    from pathlib import Path

    from deancli.base.i18n import tr
    from deancli.base.textsafe import safe

    p = Path(path)
    parent = p.parent
    reason = None
    if p.is_dir():
        reason = tr("it is a directory")
    elif not parent.is_dir():
        reason = tr("the directory {path} does not exist", path=safe(str(parent)))
    elif not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        reason = tr("permission denied")
    if reason:
        raise UsageProblem(
            tr(
                "cannot write {option} {path}: {reason}",
                option=option,
                path=safe(path),
                reason=reason,
            )
        )


def _baseline(result: Any, read: str | None, write: str | None, update: bool) -> Any:
    """Write a baseline of ``result``, or apply one (and shrink it with ``update``)."""
    from pathlib import Path

    from deancli.base.i18n import ntr, tr
    from deancli.base.textsafe import safe
    from deancli.check import baseline as bl

    if write is not None:
        recorded = bl.entries(result)
        text = bl.dumps(recorded)
        try:
            Path(write).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageProblem(
                tr(
                    "cannot write {option} {path}: {reason}",
                    option="--write-baseline",
                    path=safe(write),
                    reason=exc.strerror or type(exc).__name__,
                )
            ) from None
        n = len(recorded)
        sys.stderr.write(
            ntr(
                "dean: wrote {n} finding to the baseline {path}",
                "dean: wrote {n} findings to the baseline {path}",
                n,
                path=safe(write),
            )
            + "\n"
        )
        read = write
    assert read is not None
    try:
        text = Path(read).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise UsageProblem(
            tr("cannot read the baseline {path}: {reason}", path=safe(read), reason=reason)
        ) from None
    recorded = bl.loads(text, safe(read))
    result, still = bl.apply(result, recorded, read, text)
    if update and len(still) < len(recorded):
        try:
            Path(read).write_text(bl.dumps(still), encoding="utf-8")
        except OSError as exc:
            raise UsageProblem(
                tr(
                    "cannot update the baseline {path}: {reason}",
                    path=safe(read),
                    reason=exc.strerror or type(exc).__name__,
                )
            ) from None
        result = _without_stale(result)
        n = len(recorded) - len(still)
        sys.stderr.write(
            ntr(
                "dean: removed {n} stale entry from the baseline {path}",
                "dean: removed {n} stale entries from the baseline {path}",
                n,
                path=safe(read),
            )
            + "\n"
        )
    return result


def _without_stale(result: Any) -> Any:
    import dataclasses

    from deancli.check.baseline import STALE

    return dataclasses.replace(
        result, diagnostics=[d for d in result.diagnostics if d.code != STALE[0]]
    )


def _open_output(path: str) -> Any:
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        from deancli.base.i18n import tr
        from deancli.base.textsafe import safe

        raise UsageProblem(
            tr(
                "cannot write {option} {path}: {reason}",
                option="--output",
                path=safe(path),
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None


@app.command(
    epilog="""Examples:

\b
  dean validate                                the whole plan
  dean validate plan/initiatives/              initiative files only
  dean validate --format json > findings.json  for other tools
  dean validate --as-of 2024-01-01 --strict    reproducible; warnings fail
  dean validate --output sarif:dean.sarif --output junit:dean.xml
  dean validate --changed-since origin/main    what a branch introduces
  dean validate --quiet --show-suppressed      errors, and what was silenced
  dean validate --baseline base.json           only findings not in base.json

Under GitHub Actions the default format is `github` (annotations on the pull request) and a
Markdown summary is appended to $GITHUB_STEP_SUMMARY.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings, 2 usage error,
3 dean could not run. What a code means: dean explain CODE. Settings (severities, per-path
overrides, thresholds) live in dean.toml or [tool.dean] in pyproject.toml; one finding is
silenced with "# dean: ignore[CODE] -- reason" on its line.
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
    lang: LangOption = None,
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
    min_severity: Annotated[
        Level | None,
        typer.Option(
            "--min-severity",
            help="Leave out findings below this severity (they neither show nor count).",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Human formats: only errors, then the summary (which counts all)."
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", help="Full format: every finding, never grouped by rule."),
    ] = False,
    show_suppressed: Annotated[
        bool,
        typer.Option(
            "--show-suppressed", help="List the findings inline suppressions silenced, and why."
        ),
    ] = False,
    config_file: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Configuration file (default: the nearest dean.toml, or pyproject.toml with "
            "[tool.dean], from the plan directory up).",
            show_default=False,
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Leave out the findings this baseline records; report its entries that match "
            "nothing (DEAN023).",
            show_default=False,
        ),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record every finding in FILE, as a baseline for --baseline.",
            show_default=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="With --baseline: drop the entries that match nothing (never adds any).",
        ),
    ] = False,
    color: ColorOption = Color.auto,
) -> None:
    """Check that the plan is well-formed and consistent; report problems at file:line:col."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.base.i18n import tr
        from deancli.check import checker
        from deancli.plan import load
        from deancli.render.ci import fenced, in_actions, stdout_is_file
        from deancli.render.reports import get_reporter
        from deancli.render.reports.base import ReportOptions

        extra = parse_outputs(outputs or [])
        if update_baseline and baseline is None:
            raise UsageProblem(tr("--update-baseline needs --baseline FILE"))
        if baseline is not None and write_baseline is not None:
            raise UsageProblem(tr("use --baseline or --write-baseline, not both"))
        if write_baseline is not None:
            _check_writable(write_baseline, "--write-baseline")
        root = load.resolve_plan_dir(plan)
        config = load.resolve_config(root, config_file, isolated=isolated)
        if changed_since is not None:
            from deancli.history import git as gitplan

            result = gitplan.check_changed_since(
                root, changed_since, as_of=today, paths=paths or (), config=config
            )
        else:
            from deancli.render import progress_bar

            bar = progress_bar.LazyProgress(tr("checking")) if progress_bar.wanted() else None
            try:
                result = checker.check(
                    root, as_of=today, paths=paths or (), progress=bar, config=config
                )
            finally:
                if bar is not None:
                    bar.close()
        if write_baseline is not None or baseline is not None:
            result = _baseline(result, baseline, write_baseline, update_baseline)
        if min_severity is not None:
            from deancli.base.diagnostics import Severity

            result = result.at_least(Severity[str(min_severity).upper()])
        options = ReportOptions(quiet=quiet, verbose=verbose, show_suppressed=show_suppressed)
        name = pick_format(fmt)
        reporter = get_reporter(name)(
            sys.stdout, color=color_flag(color), strict=strict, options=options
        )
        with fenced(sys.stdout, in_actions() and name in HUMAN and not stdout_is_file()):
            reporter.report(result)
        for out_fmt, path in extra:  # every finding, whatever --quiet says
            with _open_output(path) as fh:
                get_reporter(out_fmt)(fh, color=False, strict=strict).report(result)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary and in_actions() and step_summary:
            from deancli.render.reports.summary import render

            try:
                with open(step_summary, "a", encoding="utf-8") as fh:
                    fh.write(render(result, strict=strict))
            except OSError as exc:  # the findings are reported; the summary is a bonus
                from deancli.base.textsafe import safe

                sys.stderr.write(
                    tr(
                        "dean: warning: cannot write the job summary to {path}: {reason}",
                        path=safe(step_summary),
                        reason=exc.strerror or type(exc).__name__,
                    )
                    + "\n"
                )
        sys.stdout.flush()
        return result.exit_code(strict=strict)

    run(body, fence=False)  # fences its human formats itself; annotations must get through
