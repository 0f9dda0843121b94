"""`dean show`: one initiative in full, as key facts, tables of milestones, indicators and
sources, and its JSON document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from deancli.base import i18n
from deancli.base.i18n import t
from deancli.plan.model import Initiative, Milestone, Plan, iter_source_refs, period_start
from deancli.views.progress import (
    due_label,
    milestone_date,
    ordered_milestones,
    state,
    summarize_initiative,
)
from deancli.views.status import initiative_json
from deancli.views.table import (
    JSON_VERSION,
    Bar,
    Cell,
    Table,
    done_cell,
    text_in,
    text_json,
    with_legend,
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
        "left_out_files": list(plan.left_out),
        **initiative_json(s),
        "pillar": None
        if pillar is None
        else {"number": pillar.number, "roman": pillar.roman, "title": text_json(pillar.title)},
        **detail_json(plan, ini, as_of),
    }


def detail_json(plan: Plan, ini: Initiative, as_of: dt.date) -> dict[str, Any]:
    """What `show --format json` adds to an initiative's `status` entry (the report embeds
    the same fields)."""
    return {
        "title_provenance": ini.title_kind,
        "summary": text_json(ini.summary),
        "announced": ini.announced,
        "participants": [
            {"org": p.org, "role": p.role, "note": text_json(p.note)} for p in ini.participants
        ],
        "milestones_list": [
            {
                "id": m.id,
                "title": text_json(m.title),
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
                "note": text_json(m.note),
            }
            for m in ordered_milestones(ini)
        ],
        "indicators": [
            {
                "id": ind.id,
                "title": text_json(ind.title),
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
        "notes": text_json(ini.notes),
    }


# the columns of `dean show --format csv`, those of milestone_table (docs/output.md)
MILESTONE_CSV = ("id", "date", "title", "kind", "status", "sources")


def milestone_table(plan: Plan, ini: Initiative, as_of: dt.date, lang: str) -> Table:
    rows: list[list[Cell]] = []
    for m in ordered_milestones(ini):
        title = text_in(m.title, lang)
        if m.basis == "editorial":
            title += f" ({t('editorial', lang)})"
        rows.append(
            [
                m.id,
                milestone_date(m)[1] or t("no_date", lang),
                title,
                i18n.kind(m.kind, lang),
                milestone_status_text(m, as_of, lang),
                ", ".join(m.sources) or t("none", lang),
            ]
        )
    return Table(
        title=t("milestones", lang),
        headers=[
            t("milestone_id", lang),
            t("date", lang),
            t("milestone", lang),
            t("kind", lang),
            t("status", lang),
            t("sources", lang),
        ],
        rows=rows,
        wide={2},
        wrap={0},
        caption=None if rows else t("none", lang),
    )


def milestone_notes_table(ini: Initiative, lang: str) -> Table | None:
    """The notes of the milestones that have one (what was and was not found), or None."""
    rows: list[list[Cell]] = [
        [m.id, text_in(m.note, lang)] for m in ordered_milestones(ini) if not m.note.empty
    ]
    if not rows:
        return None
    return Table(
        title=t("milestone_notes", lang),
        headers=[t("milestone_id", lang), t("note", lang)],
        rows=rows,
        wrap={1},
    )


def source_table(plan: Plan, ini: Initiative, lang: str) -> Table:
    rows: list[list[Cell]] = [
        [src.id, src.title, src.publisher, src.date or t("no_date", lang), src.url or ""]
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
    out.append((t("progress", lang), f"{done_cell(s.tally)}  {bar.text(lang)}"))
    if not ini.summary.empty:
        out.append((t("summary", lang), text_in(ini.summary, lang)))
    if not ini.notes.empty:
        out.append((t("notes", lang), text_in(ini.notes, lang)))
    return out


@dataclass
class ShowView:
    """What `dean show` shows of one initiative."""

    plan: Plan
    initiative: Initiative
    as_of: dt.date
    lang: str

    def heading(self) -> str:
        return f"{self.initiative.label} · {text_in(self.initiative.title, self.lang)}"

    def fields(self) -> list[tuple[str, str]]:
        return show_fields(self.plan, self.initiative, self.as_of, self.lang)

    def milestones(self) -> Table:
        return with_legend(
            milestone_table(self.plan, self.initiative, self.as_of, self.lang), self.lang
        )

    def csv_table(self) -> Table:
        """The milestones for spreadsheets: stable column names (docs/output.md), and
        nothing rather than a dash where there is no date or source."""
        table = self.milestones()
        marks = {t("none", self.lang), t("no_date", self.lang)}
        rows: list[list[Cell]] = [
            [c if c not in marks or i not in (1, 5) else "" for i, c in enumerate(row)]
            for row in table.rows
        ]
        return Table("", list(MILESTONE_CSV), rows)

    def milestone_notes(self) -> Table | None:
        return milestone_notes_table(self.initiative, self.lang)

    def indicators(self) -> Table | None:
        return indicator_table(self.initiative, self.lang)

    def sources(self) -> Table:
        return with_legend(source_table(self.plan, self.initiative, self.lang), self.lang)

    def cited_sources(self) -> list[Any]:
        return cited_sources(self.plan, self.initiative)

    def document(self) -> dict[str, Any]:
        return show_document(self.plan, self.initiative, self.as_of)
