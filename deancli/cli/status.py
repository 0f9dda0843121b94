from typing import TYPE_CHECKING, Annotated

import typer

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    AtOption,
    Color,
    ColorOption,
    LangOption,
    LeadOption,
    NoPagerOption,
    PillarOption,
    PlanOption,
    choices,
    load_view_plan_at,
    parse_as_of,
    pick_lang,
    quotes_plan,
    render_view,
    run,
    view_format_option,
)
from deancli.render.views import formats_for

# the initiative statuses of schemas/initiative.schema.json (a test keeps them equal)
STATUSES = ("planned", "active", "finalising", "completed", "cancelled", "suspended", "unknown")

if TYPE_CHECKING:
    StatusFormat = str
    InitiativeStatus = str
else:
    StatusFormat = choices("StatusFormat", formats_for("status"))
    InitiativeStatus = choices("InitiativeStatus", STATUSES)


@app.command(
    epilog="""Examples:

\b
  dean status                          one row per pillar, with totals
  dean status --pillar 3               the initiatives of pillar III
  dean status --overdue --lang es      overdue milestones, in Spanish
  dean status --lead SE --status active
  dean status --format markdown        paste into a pull request or wiki
  dean status --format csv > plan.csv  open in a spreadsheet

Listings of more than 100 initiatives start with their totals and show one line per
initiative; on a terminal they open in a pager ($DEAN_PAGER, $PAGER or less; --no-pager
to print them directly).

Progress counts done milestones out of those that count (context, illustrative and
cancelled milestones do not); see docs/progress.md.
"""
)
def status(
    pillar: PillarOption = None,
    status_: Annotated[
        list[InitiativeStatus] | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",  # the choices are listed in the help: they are too long for it
            help=f"Only initiatives with this status (repeatable): {', '.join(STATUSES)}.",
            show_default=False,
        ),
    ] = None,
    lead: LeadOption = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only initiatives with overdue milestones.")
    ] = False,
    plan: PlanOption = None,
    fmt: Annotated[StatusFormat, view_format_option("status", "table")] = "table",
    lang: LangOption = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    color: ColorOption = Color.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """How each pillar (or each initiative of a pillar) stands: milestones done, overdue,
    unknown, and the newest evidence."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli.plan.config import find_config, quick_months
        from deancli.plan.lookup import find_organization, find_pillar
        from deancli.views.status import StatusSelection, build_status

        model, day = load_view_plan_at(plan, language, at, today if as_of else None)
        months = quick_months(find_config(model.root), "stale-evidence")
        selection = StatusSelection(
            pillar=find_pillar(model, pillar).number if pillar is not None else None,
            statuses=tuple(str(x) for x in status_ or []),
            lead=find_organization(model, lead) if lead is not None else None,
            overdue=overdue,
        )
        view = build_status(model, day, language, selection, stale_months=months)
        render_view(fmt, view, color=color, pager=not no_pager)
        return 0

    run(body, fence=quotes_plan(fmt))
