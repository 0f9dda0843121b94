import sys

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    LangOption,
    PillarOption,
    PlanOption,
    color_flag,
    load_view_plan,
    parse_as_of,
    pick_lang,
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
    color: ColorOption = Color.auto,
) -> None:
    """Milestones on a time axis: done, upcoming, overdue and imprecise dates drawn
    differently."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli import views
        from deancli.cli.status import resolve_pillar
        from deancli.render.timeline import render

        model = load_view_plan(plan, language)
        number = resolve_pillar(model, pillar) if pillar is not None else None
        items, undated = views.timeline_items(model, today, number)
        render(items, undated, today, language, sys.stdout, color=color_flag(color))
        return 0

    run(body, fence=True)
