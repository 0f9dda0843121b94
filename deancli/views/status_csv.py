"""`dean status --format csv`: the status view as a table for spreadsheets (docs/output.md
lists the columns; a test keeps the two equal)."""

from __future__ import annotations

from deancli.views.progress import Tally
from deancli.views.status import StatusView
from deancli.views.table import Cell, Table, text_in

# the columns of `dean status --format csv` (docs/output.md lists them: keep the two equal)
PILLAR_CSV = (
    "pillar",
    "roman",
    "title",
    "initiatives",
    "done",
    "counted",
    "percent",
    "late",
    "unknown",
    "evidence",
)
INITIATIVE_CSV = (
    "id",
    "slug",
    "pillar",
    "title",
    "status",
    "leads_mx",
    "leads_us",
    "done",
    "counted",
    "percent",
    "late",
    "unknown",
    "next_due",
    "evidence",
    "stale",
)
NUMERIC_CSV = frozenset(
    {"pillar", "id", "initiatives", "done", "counted", "percent", "late", "unknown"}
)


def _tally_csv(tally: Tally) -> list[str]:
    """``done``, ``counted``, ``percent`` (whole, empty when nothing counts), ``late``."""
    percent = "" if tally.ratio is None else str(round(tally.ratio * 100))
    return [str(tally.done), str(tally.counted), percent, str(tally.overdue)]


def status_csv(view: StatusView) -> Table:
    """The table for spreadsheets: stable column names in any language (docs/output.md),
    numbers as numbers (empty where there is none: a percent of nothing), no total row
    (a spreadsheet sums the rows; the JSON document has the totals)."""
    rows: list[list[Cell]]
    if view.items is None:
        rows = [
            [
                str(ps.number),
                ps.roman,
                text_in(p.title, view.lang) if (p := view.plan.pillar(ps.number)) else "",
                str(len(ps.initiatives)),
                *_tally_csv(ps.tally),
                str(ps.tally.unknown),
                ps.evidence.date if ps.evidence else "",
            ]
            for ps in view.summary.pillars
        ]
        return Table("", list(PILLAR_CSV), rows)
    stale = view.stale_rows()
    rows = []
    for n, s in enumerate(view.items):
        ini = s.initiative
        done, counted, percent, late = _tally_csv(s.tally)
        rows.append(
            [
                str(ini.id),
                ini.slug or "",
                "" if ini.pillar is None else str(ini.pillar),
                text_in(ini.title, view.lang),
                ini.status or "",
                ", ".join(ini.leads.get("mx", [])),
                ", ".join(ini.leads.get("us", [])),
                done,
                counted,
                percent,
                late,
                str(s.tally.unknown),
                s.next_due.label if s.next_due else "",
                s.evidence.date if s.evidence else "",
                "true" if n in stale else "false",
            ]
        )
    return Table("", list(INITIATIVE_CSV), rows)
