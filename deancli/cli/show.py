from typing import TYPE_CHECKING, Annotated

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    AtOption,
    Color,
    ColorOption,
    InitiativeArgument,
    LangOption,
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

if TYPE_CHECKING:
    ShowFormat = str
else:
    ShowFormat = choices("ShowFormat", formats_for("show"))


@app.command(
    epilog="""Examples:

\b
  dean show 8                          initiative 8 in full
  dean show digital-cooperation-privacy-rules --lang es
  dean show 5 --format markdown        paste into a pull request or wiki
  dean show 5 --format json            everything, both languages
  dean show 1 --format csv             its milestones, for a spreadsheet
"""
)
def show(
    initiative: InitiativeArgument,
    plan: PlanOption = None,
    fmt: Annotated[ShowFormat, view_format_option("show", "table")] = "table",
    lang: LangOption = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """One initiative in full: titles, pillar, status, leads, milestones in date order,
    indicators, and the sources behind them."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli.plan.lookup import find_initiative
        from deancli.views.show import ShowView

        model, day = load_view_plan_at(plan, language, at, today if as_of else None)
        view = ShowView(model, find_initiative(model, initiative), day, language)
        render_view(fmt, view, color=color)
        return 0

    run(body, fence=quotes_plan(fmt))
