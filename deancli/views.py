"""What `status`, `show` and `timeline` display, as plain data (no Rich, no I/O).

Each view is a title, column headers and rows of cells. A cell is text (already in the
reader's language) or a :class:`Bar`. Renderers turn the same view into a terminal table,
Markdown or CSV; JSON comes from :func:`status_document` / :func:`show_document`, which keep
codes and both languages instead of labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from deancli import i18n
from deancli.i18n import t
from deancli.model import Initiative, Milestone, Plan, Text, parse_date, period_start
from deancli.progress import (
    InitiativeSummary,
    PlanSummary,
    Tally,
    due_label,
    group,
    state,
    summarize_initiative,
)
from deancli.rules.source_refs import iter_source_refs

JSON_VERSION = 1


@dataclass(frozen=True)
class Bar:
    """A progress bar: done of counted. ``ratio`` is None when nothing counts."""

    done: int
    counted: int

    @property
    def ratio(self) -> float | None:
        return self.done / self.counted if self.counted else None

    def percent(self) -> int | None:
        r = self.ratio
        return None if r is None else round(r * 100)

    def text(self, lang: str, width: int = 10) -> str:
        r = self.ratio
        if r is None:
            return t("na", lang)
        filled = round(r * width)
        return "█" * filled + "░" * (width - filled) + f" {round(r * 100):>3}%"

    def stacked(self, lang: str) -> Stacked:
        """Two lines for terminal tables: ``12/18   67%`` over a 10-cell bar."""
        r = self.ratio
        count = f"{self.done}/{self.counted}"
        if r is None:
            return Stacked((f"{count}  {t('na', lang)}",), self.ratio)
        filled = round(r * 10)
        pct = f"{round(r * 100)}%"
        return Stacked(
            (
                f"{count}{pct:>{max(len(pct) + 1, 10 - len(count))}}",
                "█" * filled + "░" * (10 - filled),
            ),
            r,
        )


@dataclass(frozen=True)
class Stacked:
    """A cell of several lines that dean composed itself (never from a plan file)."""

    lines: tuple[str, ...]
    ratio: float | None = None


Cell = str | Bar | Stacked


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    footer: list[Cell] | None = None
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    wide: set[int] = field(default_factory=set)  # columns that take the spare width
    wrap: set[int] = field(default_factory=set)  # other columns that may wrap
    caption: str | None = None


def text_in(text: Text, lang: str) -> str:
    """The text in ``lang``; when only the other language exists, say so visibly."""
    if text.has(lang):
        return text.get(lang)
    other = "en" if lang == "es" else "es"
    if text.has(other):
        return f"{text.get(other)} [{other}]"
    return ""


def _count(n: int, lang: str) -> str:
    return str(n) if n else t("none", lang)


def _done(tally: Tally) -> str:
    return f"{tally.done}/{tally.counted}"


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
                _done(ps.tally),
                Bar(ps.tally.done, ps.tally.counted),
                _count(ps.tally.overdue, lang),
                _count(ps.tally.unknown, lang),
                ps.evidence.date if ps.evidence else t("none", lang),
            ]
        )
    tot = summary.tally
    footer: list[Cell] = [
        "",
        t("total", lang),
        str(sum(len(p.initiatives) for p in summary.pillars)),
        _done(tot),
        Bar(tot.done, tot.counted),
        _count(tot.overdue, lang),
        _count(tot.unknown, lang),
        summary.evidence.date if summary.evidence else t("none", lang),
    ]
    caption = t("unassigned", lang, n=len(summary.unassigned)) if summary.unassigned else None
    return Table(
        title=t("plan_status", lang, date=summary.as_of.isoformat()),
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
        numeric={2, 3, 5, 6},
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
    table.title = t("listing_summary", lang, n=f"{len(items):,}", date=as_of.isoformat())
    return table


def _leads(ids: list[str], lang: str) -> str:
    return ", ".join(ids) if ids else t("none", lang)


def initiative_table(plan: Plan, items: list[InitiativeSummary], lang: str, title: str) -> Table:
    rows: list[list[Cell]] = []
    for s in items:
        ini = s.initiative
        rows.append(
            [
                ini.label,
                text_in(ini.title, lang),
                i18n.initiative_status(ini.status, lang),
                _leads(ini.leads.get("mx", []), lang),
                _leads(ini.leads.get("us", []), lang),
                _done(s.tally),
                Bar(s.tally.done, s.tally.counted),
                s.next_due.label if s.next_due else t("none", lang),
                _count(s.tally.overdue, lang),
                s.evidence.date if s.evidence else t("none", lang),
            ]
        )
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
        numeric={0, 5, 8},
        wide={1},
        wrap={2},
        caption=None if rows else t("no_initiatives", lang),
    )


# ---------------------------------------------------------------- JSON documents


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "total": tally.total,
        "counted": tally.counted,
        "done": tally.done,
        "in_progress": tally.in_progress,
        "planned": tally.planned,
        "overdue": tally.overdue,
        "unknown": tally.unknown,
        "progress": None if tally.ratio is None else round(tally.ratio, 4),
    }


def _text_json(text: Text) -> dict[str, str | None]:
    return {"es": text.es, "en": text.en}


def initiative_json(s: InitiativeSummary) -> dict[str, Any]:
    ini = s.initiative
    return {
        "id": ini.id,
        "slug": ini.slug,
        "pillar": ini.pillar,
        "title": _text_json(ini.title),
        "status": ini.status,
        "status_as_of": ini.status_as_of,
        "leads": {"mx": ini.leads.get("mx", []), "us": ini.leads.get("us", [])},
        "milestones": _tally_json(s.tally),
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
    }


def status_document(
    plan: Plan,
    summary: PlanSummary,
    lang: str,
    *,
    pillar: int | None,
    items: list[InitiativeSummary] | None,
    filters: dict[str, Any],
) -> dict[str, Any]:
    from deancli import __version__

    pillars = []
    for ps in summary.pillars:
        p = plan.pillar(ps.number)
        pillars.append(
            {
                "number": ps.number,
                "roman": ps.roman,
                "title": _text_json(p.title) if p else {"es": None, "en": None},
                "initiatives": len(ps.initiatives),
                "initiatives_by_status": dict(sorted(ps.by_status.items())),
                "milestones": _tally_json(ps.tally),
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
            "milestones": _tally_json(summary.tally),
            "newest_evidence": summary.evidence.date if summary.evidence else None,
        },
        "selection": {"pillar": pillar, **filters},
        "initiatives": None if items is None else [initiative_json(s) for s in items],
    }
    return doc


# ---------------------------------------------------------------- show


def milestone_date(m: Milestone) -> tuple[dt.date | None, str]:
    """The date a milestone sorts and displays by: completion, else due."""
    if m.completed:
        return period_start(m.completed), m.completed
    if m.due:
        return parse_date(m.due), due_label(m.due, m.due_precision)
    return None, ""


def ordered_milestones(ini: Initiative) -> list[Milestone]:
    far = dt.date.max
    return sorted(
        ini.milestones,
        key=lambda m: (milestone_date(m)[0] or far, ini.milestones.index(m)),
    )


def milestone_status_text(m: Milestone, as_of: dt.date, lang: str) -> str:
    st = state(m, as_of)
    if m.status == "done":
        if m.completed_on:
            return t("completed_on", lang, date=m.completed_on)
        if m.completed_by:
            return t("completed_by", lang, date=m.completed_by)
    label = i18n.milestone_status(st if st != "context" else m.status, lang)
    if m.due and m.status != "done":
        return f"{label}, {t('due', lang, date=due_label(m.due, m.due_precision))}"
    return label


def cited_sources(plan: Plan, ini: Initiative) -> list[Any]:
    """The sources an initiative cites and the ones it defines, newest first (undated last)."""
    known = plan.sources_for(ini)
    chosen = {ref: known[ref] for ref, _ in iter_source_refs(ini.data) if ref in known}
    chosen.update({s.id: s for s in ini.sources})
    far = dt.date.min

    def key(src: Any) -> tuple[dt.date, int, str]:
        start = period_start(src.date)
        return (start or far, len(src.date or ""), src.id)

    return sorted(chosen.values(), key=key, reverse=True)


def show_document(plan: Plan, ini: Initiative, as_of: dt.date) -> dict[str, Any]:
    from deancli import __version__

    s = summarize_initiative(plan, ini, as_of)
    pillar = plan.pillar(ini.pillar)
    return {
        "version": JSON_VERSION,
        "kind": "initiative",
        "tool": {"name": "dean", "version": __version__},
        "as_of": as_of.isoformat(),
        **initiative_json(s),
        "pillar": None
        if pillar is None
        else {"number": pillar.number, "roman": pillar.roman, "title": _text_json(pillar.title)},
        "title_provenance": ini.title_kind,
        "summary": _text_json(ini.summary),
        "announced": ini.announced,
        "participants": [
            {"org": p.org, "role": p.role, "note": _text_json(p.note)} for p in ini.participants
        ],
        "milestones_list": [
            {
                "id": m.id,
                "title": _text_json(m.title),
                "kind": m.kind,
                "status": m.status,
                "state": state(m, as_of),
                "due": m.due,
                "due_precision": m.due_precision,
                "due_label": due_label(m.due, m.due_precision) if m.due else None,
                "completed_on": m.completed_on,
                "completed_by": m.completed_by,
                "owners": m.owners,
                "depends_on": m.depends_on,
                "basis": m.basis,
                "sources": m.sources,
                "note": _text_json(m.note),
            }
            for m in ordered_milestones(ini)
        ],
        "indicators": [
            {
                "id": ind.id,
                "title": _text_json(ind.title),
                "measure": ind.measure,
                "unit": ind.unit,
                "actuals": [{"date": a.date, "value": a.value} for a in ind.actuals],
                "targets": [{"date": a.date, "value": a.value} for a in ind.targets],
            }
            for ind in ini.indicators
        ],
        "sources": [
            {
                "id": src.id,
                "title": src.title,
                "publisher": src.publisher,
                "date": src.date,
                "url": src.url,
                "official": src.official,
            }
            for src in cited_sources(plan, ini)
        ],
        "notes": _text_json(ini.notes),
    }


def milestone_table(plan: Plan, ini: Initiative, as_of: dt.date, lang: str) -> Table:
    rows: list[list[Cell]] = []
    for m in ordered_milestones(ini):
        title = text_in(m.title, lang)
        if m.basis == "editorial":
            title += f" ({t('editorial', lang)})"
        rows.append(
            [
                milestone_date(m)[1] or t("none", lang),
                title,
                i18n.kind(m.kind, lang),
                milestone_status_text(m, as_of, lang),
                ", ".join(m.sources) or t("none", lang),
            ]
        )
    return Table(
        title=t("milestones", lang),
        headers=[
            t("date", lang),
            t("milestone", lang),
            t("kind", lang),
            t("status", lang),
            t("sources", lang),
        ],
        rows=rows,
        wide={1},
        caption=None if rows else t("none", lang),
    )


def source_table(plan: Plan, ini: Initiative, lang: str) -> Table:
    rows: list[list[Cell]] = [
        [src.id, src.title, src.publisher, src.date or t("none", lang), src.url or ""]
        for src in cited_sources(plan, ini)
    ]
    return Table(
        title=t("sources", lang),
        headers=[
            t("id", lang),
            t("title", lang),
            t("publisher", lang),
            t("date", lang),
            t("url", lang),
        ],
        rows=rows,
        wide={1},
    )


def indicator_table(ini: Initiative, lang: str) -> Table | None:
    if not ini.indicators:
        return None
    rows: list[list[Cell]] = []
    for ind in ini.indicators:
        for kind_key, points in (
            ("baseline", [ind.baseline] if ind.baseline else []),
            ("target", ind.targets),
            ("actual", ind.actuals),
        ):
            for p in points:
                value = f"{p.value:,}" if isinstance(p.value, int | float) else str(p.value)
                rows.append(
                    [
                        text_in(ind.title, lang),
                        t(kind_key, lang),
                        p.date or "",
                        value,
                        ind.unit or "",
                    ]
                )
    return Table(
        title=t("indicators", lang),
        headers=[
            t("title", lang),
            t("kind", lang),
            t("date", lang),
            t("value", lang),
            t("unit", lang),
        ],
        rows=rows,
        numeric={3},
        wide={0},
    )


def org_label(plan: Plan, org_id: str, lang: str) -> str:
    org = plan.organizations.get(org_id)
    if org is None:
        return org_id
    name = text_in(org.name, lang)
    return f"{org_id} ({name})" if name else org_id


def show_fields(plan: Plan, ini: Initiative, as_of: dt.date, lang: str) -> list[tuple[str, str]]:
    """The key facts of an initiative as (label, value) lines."""
    other = "en" if lang == "es" else "es"
    pillar = plan.pillar(ini.pillar)
    out: list[tuple[str, str]] = []
    for lg in (lang, other):
        kind_ = ini.title_kind.get(lg)
        value = ini.title.get(lg) if ini.title.has(lg) else t("none", lang)
        if kind_:
            value += f" ({i18n.provenance(kind_, lang)})"
        out.append((t("title_in", lang, code=lg), value))
    if pillar is not None:
        out.append((t("pillar", lang), f"{pillar.roman}: {text_in(pillar.title, lang)}"))
    status = i18n.initiative_status(ini.status, lang)
    if ini.status_as_of:
        status += f" ({t('as_of', lang)} {ini.status_as_of})"
    out.append((t("status", lang), status))
    if ini.announced:
        out.append((t("announced", lang), ini.announced))
    for side in ("mx", "us"):
        ids = ini.leads.get(side, [])
        value = "; ".join(org_label(plan, o, lang) for o in ids) if ids else t("not_known", lang)
        out.append((f"{t('leads', lang)} {t(side, lang)}", value))
    if ini.participants:
        out.append(
            (
                t("participants", lang),
                "; ".join(
                    f"{org_label(plan, p.org, lang)}: {i18n.role(p.role or '', lang)}"
                    for p in ini.participants
                ),
            )
        )
    s = summarize_initiative(plan, ini, as_of)
    bar = Bar(s.tally.done, s.tally.counted)
    out.append((t("progress", lang), f"{_done(s.tally)}  {bar.text(lang)}"))
    if not ini.summary.empty:
        out.append((t("summary", lang), text_in(ini.summary, lang)))
    if not ini.notes.empty:
        out.append((t("notes", lang), text_in(ini.notes, lang)))
    return out


def compact_bars(view: Table, lang: str) -> Table:
    """For terminals: merge each "done" column and its bar into one stacked cell."""
    bar_cols = {
        i
        for row in view.rows + ([view.footer] if view.footer else [])
        for i, c in enumerate(row)
        if isinstance(c, Bar)
    }
    if not bar_cols:
        return view
    drop = {i - 1 for i in bar_cols}

    def merge(row: list[Cell]) -> list[Cell]:
        out: list[Cell] = []
        for i, c in enumerate(row):
            if i in drop:
                continue
            out.append(c.stacked(lang) if isinstance(c, Bar) else c)
        return out

    keep = [i for i in range(len(view.headers)) if i not in drop]
    remap = {old: new for new, old in enumerate(keep)}
    return Table(
        title=view.title,
        headers=[view.headers[i - 1] if i in bar_cols else view.headers[i] for i in keep],
        rows=[merge(r) for r in view.rows],
        footer=merge(view.footer) if view.footer else None,
        numeric={remap[i] for i in view.numeric if i in remap} | {remap[i] for i in bar_cols},
        wide={remap[i] for i in view.wide if i in remap},
        wrap={remap[i] for i in view.wrap if i in remap},
        caption=view.caption,
    )


# ---------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineItem:
    initiative: Initiative
    milestone: Milestone
    start: dt.date  # first day of the date's period
    end: dt.date  # last day (== start for a precise date)
    state: str  # see progress.state
    label: str  # the date as written, e.g. 2024-Q1


def timeline_items(
    plan: Plan, as_of: dt.date, pillar: int | None
) -> tuple[list[TimelineItem], int]:
    """Dated milestones (completion date when done, else due date), and how many have none."""
    from deancli.model import period_end
    from deancli.progress import period_of

    items: list[TimelineItem] = []
    undated = 0
    for ini in plan.initiatives:
        if pillar is not None and ini.pillar != pillar:
            continue
        for m in ordered_milestones(ini):
            st = state(m, as_of)
            if m.status == "done" and m.completed:
                start, end = period_start(m.completed), period_end(m.completed)
                label = m.completed
            elif m.due and (due := parse_date(m.due)) is not None:
                start, end = period_of(due, m.due_precision)
                label = due_label(m.due, m.due_precision)
            else:
                undated += 1
                continue
            if start is None or end is None:
                undated += 1
                continue
            items.append(TimelineItem(ini, m, start, end, st, label))
    return items, undated
