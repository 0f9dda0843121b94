import enum
from typing import TYPE_CHECKING, Annotated

import typer

from deancli.cli import app
from deancli.cli._common import (
    Color,
    ColorOption,
    LangOption,
    LeadOption,
    PillarOption,
    PlanOption,
    choices,
    pick_lang,
    quotes_plan,
    render_view,
    run,
    view_format_option,
)
from deancli.render.views import formats_for

if TYPE_CHECKING:
    HistoryFormat = str
else:
    HistoryFormat = choices("HistoryFormat", formats_for("history"))


class Every(enum.StrEnum):
    commit = "commit"
    week = "week"
    month = "month"


@app.command(
    epilog="""Examples:

\b
  dean history                         a point per commit changing the plan
  dean history --every month           the plan at the end of each month
  dean history --since 2025-01-01 --pillar 3
  dean history --events                what changed when; slipped milestones
  dean history --format csv > history.csv

Points follow the first-parent line of the branch (merges count once, as the branch saw
them). Each point counts the plan as it was then, with overdue milestones as of that day;
see docs/progress.md. A point where a plan file did not read or did not match its schema is
kept and marked, with the files named. Files are read from git's objects, never checked
out; what was read is cached by blob id (in the git directory; safe to delete, --no-cache
to bypass).
"""
)
def history(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE|REV",
            help="Start at this day (YYYY-MM-DD) or commit.",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="DATE|REV",
            help="End at this day (YYYY-MM-DD) or commit (default: HEAD).",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        Every, typer.Option("--every", help="A point per commit, per week or per month.")
    ] = Every.commit,
    pillar: PillarOption = None,
    lead: LeadOption = None,
    events: Annotated[
        bool,
        typer.Option(
            "--events",
            help="List what changed and when (milestones completed, dates moved, statuses, "
            "leads) and how often each milestone slipped.",
        ),
    ] = False,
    plan: PlanOption = None,
    fmt: Annotated[HistoryFormat, view_format_option("history", "chart")] = "chart",
    lang: LangOption = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the blob cache.")
    ] = False,
    color: ColorOption = Color.auto,
) -> None:
    """How the plan moved over time, from its git history: milestones counted, done,
    overdue and unknown, and initiatives by status, per pillar and in total."""
    language = pick_lang(lang)

    def body() -> int:
        from deancli.history import git as gitplan
        from deancli.history.cache import BlobCache, location
        from deancli.history.series import Selection, build_history
        from deancli.plan import load

        root = load.resolve_plan_dir(plan)
        repo = gitplan.repo_for(root)
        cache = None
        if not no_cache and gitplan.has_commits(repo):
            cache = BlobCache(location(gitplan.git_dir(repo)))
        try:
            view = build_history(
                repo,
                every=every.value,
                since=since,
                until=until,
                selection=Selection(pillar, lead),
                events=events,
                cache=cache,
                lang=language,
            )
        finally:
            if cache is not None:
                cache.close()
        render_view(fmt, view, color=color)
        if view.shallow and str(fmt) in ("csv", "json"):  # the other formats say it inline
            import sys

            from deancli.base.i18n import t

            sys.stderr.write(f"dean: {t('history_shallow', language, date=view.starts)}\n")
        return 0

    run(body, fence=quotes_plan(fmt))
