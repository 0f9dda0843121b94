import sys

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    FormatOption,
    InitiativeArgument,
    LangOption,
    PlanOption,
    ViewFormat,
    color_flag,
    load_view_plan,
    parse_as_of,
    pick_lang,
    run,
)
from deancli.errors import UsageProblem


def resolve_initiative(plan, ident: str):  # type: ignore[no-untyped-def]
    """An initiative by number (``8``, ``08``) or slug."""
    raw = ident.strip()
    for ini in plan.initiatives:
        if (raw.isdigit() and ini.id == int(raw)) or (ini.slug and raw == ini.slug):
            return ini
    from deancli.suggest import closest

    guess = closest(raw, [i.slug for i in plan.initiatives if i.slug])
    valid = ", ".join(str(i.id) for i in plan.initiatives if i.id is not None)
    hint = f" (did you mean {guess}?)" if guess else ""
    raise UsageProblem(f"no initiative {ident!r}{hint}; initiatives: {valid}")


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
    fmt: FormatOption = ViewFormat.table,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """One initiative in full: titles, pillar, status, leads, milestones in date order,
    indicators, and the sources behind them."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli import views

        model = load_view_plan(plan, language)
        ini = resolve_initiative(model, initiative)
        if fmt is ViewFormat.json:
            from deancli.render.json_report import dumps

            sys.stdout.write(dumps(views.show_document(model, ini, today)) + "\n")
        elif fmt is ViewFormat.csv:
            from deancli.render import csv_out

            csv_out.write(views.milestone_table(model, ini, today, language), sys.stdout)
        elif fmt is ViewFormat.markdown:
            from deancli.render.show import render_markdown

            sys.stdout.write(render_markdown(model, ini, today, language))
        else:
            from deancli.render.show import print_terminal

            print_terminal(model, ini, today, language, sys.stdout, color=color_flag(color))
        return 0

    run(body, fence=fmt is not ViewFormat.json)
