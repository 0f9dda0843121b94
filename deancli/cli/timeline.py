from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    AtOption,
    Color,
    ColorOption,
    LangOption,
    PillarOption,
    PlanOption,
    load_view_plan_at,
    parse_as_of,
    pick_lang,
    render_view,
    run,
)


@app.command(
    epilog="""Examples:

\b
  dean timeline                        every dated milestone of the plan
  dean timeline --pillar 3             pillar III only
  dean timeline --as-of 2024-06-30     as it looked on that day
"""
)
def timeline(
    pillar: PillarOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Milestones on a time axis: done, upcoming, overdue and imprecise dates drawn
    differently."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli.plan.lookup import find_pillar
        from deancli.views.timeline import build_timeline

        model, day = load_view_plan_at(plan, language, at, today if as_of else None)
        number = find_pillar(model, pillar).number if pillar is not None else None
        render_view("table", build_timeline(model, day, language, number), color=color)
        return 0

    run(body, fence=True)
