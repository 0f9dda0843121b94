import enum
import sys
from typing import Annotated

import typer

from deancli.cli import _complete, app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    FormatOption,
    LangOption,
    NoPagerOption,
    PillarOption,
    PlanOption,
    ViewFormat,
    color_flag,
    load_view_plan,
    parse_as_of,
    pick_lang,
    run,
)
from deancli.errors import UsageProblem


class InitiativeStatus(enum.StrEnum):
    planned = "planned"
    active = "active"
    finalising = "finalising"
    completed = "completed"
    cancelled = "cancelled"
    suspended = "suspended"
    unknown = "unknown"


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def resolve_pillar(plan, value: str) -> int:  # type: ignore[no-untyped-def]
    raw = value.strip()
    number = int(raw) if raw.isdigit() else ROMAN.get(raw.upper())
    for p in plan.pillars:
        if number == p.number or raw.upper() == p.roman.upper():
            return int(p.number)
    valid = ", ".join(f"{p.number} ({p.roman})" for p in plan.pillars)
    raise UsageProblem(f"unknown pillar {value!r}; valid pillars: {valid}")


def resolve_org(plan, value: str) -> str:  # type: ignore[no-untyped-def]
    from deancli.suggest import closest

    for oid, org in plan.organizations.items():
        if value.upper() == oid.upper() or (org.acronym and value.lower() == org.acronym.lower()):
            return str(oid)
    guess = closest(value, list(plan.organizations))
    hint = f" (did you mean {guess}?)" if guess else ""
    valid = ", ".join(sorted(plan.organizations))
    raise UsageProblem(f"unknown organization {value!r}{hint}; valid: {valid}")


@app.command(
    epilog="""Examples:

\b
  dean status                          one row per pillar, with totals
  dean status --pillar 3               the initiatives of pillar III (also --pillar III)
  dean status --overdue --lang es      initiatives with overdue milestones, in Spanish
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
            help="Only initiatives with this status (repeatable).",
            show_default=False,
        ),
    ] = None,
    lead: Annotated[
        str | None,
        typer.Option(
            "--lead",
            metavar="ORG",
            help="Only initiatives that ORG leads (e.g. SE, DOC).",
            show_default=False,
            autocompletion=_complete.organizations,
        ),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only initiatives with overdue milestones.")
    ] = False,
    plan: PlanOption = None,
    fmt: FormatOption = ViewFormat.table,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    color: ColorOption = Color.auto,
    no_pager: NoPagerOption = False,
) -> None:
    """How each pillar (or each initiative of a pillar) stands: milestones done, overdue,
    unknown, and the newest evidence."""
    today = parse_as_of(as_of)
    language = pick_lang(lang)

    def body() -> int:
        from deancli import progress, views
        from deancli.i18n import t

        model = load_view_plan(plan, language)
        summary = progress.summarize(model, today)
        number = resolve_pillar(model, pillar) if pillar is not None else None
        org = resolve_org(model, lead) if lead is not None else None
        filtering = number is not None or status_ or org or overdue
        items = None
        if filtering:
            items = [
                s
                for ps in summary.pillars
                for s in ps.initiatives
                if (number is None or s.initiative.pillar == number)
                and (not status_ or s.initiative.status in {x.value for x in status_})
                and (
                    org is None
                    or org in s.initiative.leads.get("mx", []) + s.initiative.leads.get("us", [])
                )
                and (not overdue or s.tally.overdue > 0)
            ]
        if fmt is ViewFormat.json:
            from deancli.render.json_report import dumps

            filters = {
                "status": [x.value for x in status_ or []],
                "lead": org,
                "overdue": overdue,
            }
            doc = views.status_document(
                model, summary, language, pillar=number, items=items, filters=filters
            )
            sys.stdout.write(dumps(doc) + "\n")
            return 0
        tables = []
        if items is None:
            tables.append(views.pillar_table(model, summary, language))
        else:
            if number is not None:
                p = model.pillar(number)
                title = t(
                    "pillar_heading",
                    language,
                    roman=p.roman,
                    title=views.text_in(p.title, language),
                )
            else:
                title = t("initiatives", language)
            title += f" ({t('as_of', language)} {today.isoformat()})"
            tables.append(views.initiative_table(model, items, language, title))
        if fmt is ViewFormat.csv:
            from deancli.render import csv_out

            csv_out.write(tables[0], sys.stdout)
        elif fmt is ViewFormat.markdown:
            from deancli.render import markdown

            markdown.print_tables(tables, sys.stdout, language)
        else:
            from deancli.render import tables as rt

            long = views.listing_summary(model, items, language, today) if items else None
            if long is None:
                rt.print_tables(tables, sys.stdout, language, color=color_flag(color))
                return 0
            # thousands of rows: totals first, then one line per initiative, paged on a
            # terminal (see docs/performance.md, "Big views")
            import io

            from deancli.render import listing, pager

            use_color, width = rt.terminal_choice(sys.stdout, color_flag(color))
            buf = io.StringIO()
            rt.print_tables([long], buf, language, color=use_color, width=width)
            note = t("listing_note", language, n=f"{len(tables[0].rows):,}")
            buf.write("\n")
            for line in listing.lines(tables[0], language, width=width, color=use_color, note=note):
                buf.write(line + "\n")
            pager.page(buf.getvalue(), sys.stdout, enabled=not no_pager)
        return 0

    run(body, fence=fmt is not ViewFormat.json)
