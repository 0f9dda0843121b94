"""`dean status`: one row per pillar, or one row per initiative of a selection, and the
JSON document of either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from deancli.base import i18n
from deancli.base.i18n import long_date, t
from deancli.plan.evidence import initiative_is_stale
from deancli.plan.model import Plan, parse_date
from deancli.views.progress import OPEN, InitiativeSummary, PlanSummary, counts, group
from deancli.views.table import (
    JSON_VERSION,
    Bar,
    Cell,
    Table,
    count_cell,
    done_cell,
    tally_json,
    text_in,
    text_json,
    with_legend,
)


def pillar_table(plan: Plan, summary: PlanSummary, lang: str) -> Table:
    rows: list[list[Cell]] = []
    for ps in summary.pillars:
        pillar = plan.pillar(ps.number)
        title = text_in(pillar.title, lang) if pillar else ""
        rows.append(
            [
                ps.roman,
                title,
                str(len(ps.initiatives)),
                done_cell(ps.tally),
                Bar(ps.tally.done, ps.tally.counted),
                count_cell(ps.tally.overdue, lang),
                count_cell(ps.tally.unknown, lang),
                ps.evidence.date if ps.evidence else t("none", lang),
            ]
        )
    tot = summary.tally
    footer: list[Cell] = [
        "",
        t("total", lang),
        str(sum(len(p.initiatives) for p in summary.pillars)),
        done_cell(tot),
        Bar(tot.done, tot.counted),
        count_cell(tot.overdue, lang),
        count_cell(tot.unknown, lang),
        summary.evidence.date if summary.evidence else t("none", lang),
    ]
    caption = t("unassigned", lang, n=len(summary.unassigned)) if summary.unassigned else None
    return Table(
        title=t("plan_status", lang, date=long_date(summary.as_of, lang)),
        headers=[
            t("id", lang),
            t("pillar", lang),
            t("initiatives_short", lang),
            t("milestones_done", lang),
            t("progress", lang),
            t("overdue", lang),
            t("unknown_count", lang),
            t("newest_evidence", lang),
        ],
        rows=rows,
        footer=footer,
        wide={1},
        caption=caption,
    )


LONG_LISTING = 100  # rows; longer listings get a summary first and one line per row


def listing_summary(
    plan: Plan, items: list[InitiativeSummary], lang: str, as_of: dt.date
) -> Table | None:
    """Totals per pillar of a long listing, shown before it (None when it is short)."""
    if len(items) <= LONG_LISTING:
        return None
    table = pillar_table(plan, group(plan, items, as_of, keep_empty=False), lang)
    if len(table.rows) == 1:  # one pillar: its row is the total
        table.footer = None
    table.title = t("listing_summary", lang, n=f"{len(items):,}", date=long_date(as_of, lang))
    return table


def _leads(ids: list[str], lang: str) -> str:
    """The leads of one party; none recorded means none is publicly known (DEAN211)."""
    return ", ".join(ids) if ids else t("unknown_mark", lang)


def _next_due(s: InitiativeSummary, lang: str) -> str:
    """The next due date; "no date" when open milestones have none, "none" when nothing is
    left to come."""
    if s.next_due is not None:
        return s.next_due.label
    undated = any(
        m.status in OPEN and counts(m) and parse_date(m.due) is None
        for m in s.initiative.milestones
    )
    return t("no_date", lang) if undated else t("none", lang)


def initiative_table(
    plan: Plan,
    items: list[InitiativeSummary],
    lang: str,
    title: str,
    stale: tuple[set[int], int] | None = None,
) -> Table:
    """One row per initiative. ``stale``: the rows (indexes into ``items``) whose current
    status rests on evidence older than the threshold (months), marked ``*`` and explained
    in the caption."""
    stale_rows, months = stale or (set(), 0)
    rows: list[list[Cell]] = []
    for n, s in enumerate(items):
        ini = s.initiative
        rows.append(
            [
                ini.label,
                text_in(ini.title, lang),
                i18n.initiative_status(ini.status, lang),
                _leads(ini.leads.get("mx", []), lang),
                _leads(ini.leads.get("us", []), lang),
                done_cell(s.tally),
                Bar(s.tally.done, s.tally.counted),
                _next_due(s, lang),
                count_cell(s.tally.overdue, lang),
                (s.evidence.date if s.evidence else t("none", lang))
                + (" *" if n in stale_rows else ""),
            ]
        )
    caption = None if rows else t("no_initiatives", lang)
    if stale_rows:
        caption = t("stale_legend", lang, months=months)
    return Table(
        title=title,
        headers=[
            t("id", lang),
            t("initiative", lang),
            t("status", lang),
            t("leads_mx", lang),
            t("leads_us", lang),
            t("milestones_done", lang),
            t("progress", lang),
            t("next_due", lang),
            t("overdue", lang),
            t("newest_evidence", lang),
        ],
        rows=rows,
        wide={1},
        wrap={2},
        caption=caption,
    )


def initiative_json(s: InitiativeSummary, stale: bool | None = None) -> dict[str, Any]:
    ini = s.initiative
    extra = {} if stale is None else {"stale": stale}
    return {
        "id": ini.id,
        "slug": ini.slug,
        "pillar": ini.pillar,
        "title": text_json(ini.title),
        "status": ini.status,
        "status_as_of": ini.status_as_of,
        "leads": {"mx": ini.leads.get("mx", []), "us": ini.leads.get("us", [])},
        "milestones": tally_json(s.tally),
        "next_due": None
        if s.next_due is None
        else {
            "milestone": s.next_due.milestone,
            "due": s.next_due.due,
            "precision": s.next_due.precision,
            "label": s.next_due.label,
        },
        "newest_evidence": s.evidence.date if s.evidence else None,
        "path": ini.doc.display,
        **extra,
    }


def status_document(
    plan: Plan,
    summary: PlanSummary,
    lang: str,
    *,
    pillar: int | None,
    items: list[InitiativeSummary] | None,
    filters: dict[str, Any],
    stale: set[int] | None = None,
) -> dict[str, Any]:
    from deancli import __version__

    pillars = []
    for ps in summary.pillars:
        p = plan.pillar(ps.number)
        pillars.append(
            {
                "number": ps.number,
                "roman": ps.roman,
                "title": text_json(p.title) if p else {"es": None, "en": None},
                "initiatives": len(ps.initiatives),
                "initiatives_by_status": dict(sorted(ps.by_status.items())),
                "milestones": tally_json(ps.tally),
                "newest_evidence": ps.evidence.date if ps.evidence else None,
            }
        )
    doc: dict[str, Any] = {
        "version": JSON_VERSION,
        "kind": "status",
        "tool": {"name": "dean", "version": __version__},
        "as_of": summary.as_of.isoformat(),
        "lang": lang,
        "pillars": pillars,
        "totals": {
            "initiatives": summary.initiatives,
            "milestones": tally_json(summary.tally),
            "newest_evidence": summary.evidence.date if summary.evidence else None,
        },
        "selection": {"pillar": pillar, **filters},
        "initiatives": None
        if items is None
        else [initiative_json(s, n in (stale or set())) for n, s in enumerate(items)],
        "left_out_files": list(plan.left_out),
    }
    return doc


@dataclass(frozen=True)
class StatusSelection:
    """Which initiatives `dean status` lists (all pillars' totals when nothing is chosen).
    ``pillar`` and ``lead`` are already resolved (see ``deancli.plan.lookup``)."""

    pillar: int | None = None
    statuses: tuple[str, ...] = ()  # as given (the JSON document repeats them)
    lead: str | None = None
    overdue: bool = False

    @property
    def filtering(self) -> bool:
        return bool(
            self.pillar is not None or self.statuses or self.lead is not None or self.overdue
        )

    def matches(self, s: InitiativeSummary) -> bool:
        ini = s.initiative
        return (
            (self.pillar is None or ini.pillar == self.pillar)
            and (not self.statuses or ini.status in self.statuses)
            and (
                self.lead is None
                or self.lead in [*ini.leads.get("mx", []), *ini.leads.get("us", [])]
            )
            and (not self.overdue or s.tally.overdue > 0)
        )

    def filters(self) -> dict[str, Any]:
        """The selection as the JSON document records it (besides the pillar)."""
        return {"status": list(self.statuses), "lead": self.lead, "overdue": self.overdue}


@dataclass
class StatusView:
    """What `dean status` shows: the pillars' totals, or the selected initiatives."""

    plan: Plan
    summary: PlanSummary
    lang: str
    selection: StatusSelection
    items: list[InitiativeSummary] | None  # None: no selection, one row per pillar
    stale_months: int = 12  # the stale-evidence threshold (configuration)

    @property
    def as_of(self) -> dt.date:
        return self.summary.as_of

    def stale_rows(self) -> set[int]:
        """Indexes of the listed initiatives whose current status rests on stale evidence."""
        return {
            n
            for n, s in enumerate(self.items or [])
            if initiative_is_stale(
                self.plan, s.initiative, self.as_of, self.stale_months, s.evidence
            )
        }

    def table(self) -> Table:
        if self.items is None:
            return with_legend(pillar_table(self.plan, self.summary, self.lang), self.lang)
        lang = self.lang
        p = self.plan.pillar(self.selection.pillar) if self.selection.pillar is not None else None
        if p is not None:
            title = t("pillar_heading", lang, roman=p.roman, title=text_in(p.title, lang))
        else:
            title = t("initiatives", lang)
        title += f" ({t('as_of', lang)} {long_date(self.as_of, lang)})"
        return with_legend(
            initiative_table(
                self.plan,
                self.items,
                lang,
                title,
                (self.stale_rows(), self.stale_months),
            ),
            lang,
        )

    def long_summary(self) -> Table | None:
        """Totals per pillar before a long listing (None when the listing is short)."""
        if not self.items:
            return None
        return listing_summary(self.plan, self.items, self.lang, self.as_of)

    def document(self) -> dict[str, Any]:
        return status_document(
            self.plan,
            self.summary,
            self.lang,
            pillar=self.selection.pillar,
            items=self.items,
            filters=self.selection.filters(),
            stale=self.stale_rows(),
        )


def build_status(
    plan: Plan,
    as_of: dt.date,
    lang: str,
    selection: StatusSelection | None = None,
    stale_months: int = 12,
) -> StatusView:
    from deancli.views.progress import summarize

    selection = selection or StatusSelection()
    summary = summarize(plan, as_of)
    items = None
    if selection.filtering:
        items = [s for ps in summary.pillars for s in ps.initiatives if selection.matches(s)]
    return StatusView(plan, summary, lang, selection, items, stale_months)
