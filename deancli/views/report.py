"""`dean report`: the whole plan for people who never open a terminal, as plain data.

The report's document is the `status --format json` document listing every initiative, each
entry extended with what `show --format json` adds, plus the dialogue, the organizations,
the dated milestones of the timeline, the validation findings and the provenance. The HTML
renderer (``deancli.render.views.html``) draws the page from it and embeds it, so the page
can be reproduced and scraped. Labels come in both languages: the page switches language
without being built again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from deancli.base import i18n
from deancli.base.diagnostics import Diagnostic
from deancli.base.i18n import N_
from deancli.check.result import CheckResult
from deancli.plan.model import Plan
from deancli.views.progress import summarize
from deancli.views.show import detail_json
from deancli.views.status import StatusSelection, status_document
from deancli.views.table import text_json
from deancli.views.timeline import milestone_span

REPORT_VERSION = 1  # of the embedded document (docs/schemas/); add fields, never rename
MAX_FINDINGS_SHOWN = 200  # the page lists the first ones; the document keeps every one

# labels only the report uses (English message ids; the others come from deancli.base.i18n)
_REPORT_LABELS: dict[str, str] = {
    "subtitle": N_("Work plan status as of {date}"),
    "language": N_("Language"),
    "skip": N_("Skip to the initiatives"),
    "contents": N_("Contents"),
    "dialogue": N_("The dialogue"),
    "overview": N_("Progress"),
    "overall": N_("Overall progress"),
    "overall_detail": N_("{done} of {counted} milestones done"),
    "late_detail": N_("{n} milestones overdue"),
    "unknown_detail": N_("{n} milestones with no information"),
    "pillars_caption": N_("Progress per pillar: milestones done out of those that count"),
    "relaunched": N_("Relaunched"),
    "work_plan_presented": N_("Work plan presented"),
    "co_chairs": N_("Co-chairs"),
    "meetings_caption": N_("Meetings of the dialogue"),
    "place": N_("Place"),
    "initiatives_caption": N_("Initiatives: press a heading to sort"),
    "filter_text": N_("Search"),
    "filter_any": N_("All"),
    "filter_overdue": N_("Only with overdue milestones"),
    "sort_by": N_("Sort by"),
    "sort_asc": N_("ascending"),
    "sort_desc": N_("descending"),
    "filter_reset": N_("Clear filters"),
    "lead": N_("Lead"),
    "leads_both": N_("Leads"),
    "showing": N_("{from}–{to} of {n} initiatives"),
    "showing_none": N_("No initiative matches."),
    "page_prev": N_("Previous"),
    "page_next": N_("Next"),
    "pages": N_("Table pages"),
    "details": N_("Initiatives in full"),
    "details_note": N_("The initiatives of the table, in the same order."),
    "timeline": N_("Timeline"),
    "timeline_note": N_(
        "Milestones of the initiatives in the table; a bar is an imprecise date "
        "(month, quarter or year)."
    ),
    "timeline_span": N_("bar: imprecise date"),
    "findings": N_("Validation findings"),
    "findings_banner": N_(
        "This report was built from a plan with problems: {errors} error(s), "
        "{warnings} warning(s). The figures may be incomplete."
    ),
    "findings_banner_minor": N_(
        "Validating the plan found no errors, but {n} warning(s) or note(s)."
    ),
    "findings_caption": N_("{n} findings, by file"),
    "findings_list": N_("Show the {n} findings"),
    "findings_more": N_("{shown} of {n} shown; run `dean validate` to see them all."),
    "severity": N_("Severity"),
    "code": N_("Code"),
    "file": N_("File"),
    "message": N_("Message"),
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("note"),
    "provenance": N_("Provenance"),
    "made_by": N_("Made by dean {version}"),
    "schema_version": N_("schema version {v}"),
    "as_of_date": N_("data as of {date}"),
    "commit": N_("commit {commit}"),
    "dirty": N_("with uncommitted changes in the working tree"),
    "no_git": N_("the plan is not in git"),
    "data_note": N_("The data behind this page is embedded as JSON (element #dean-data)."),
    "only_in": N_("only in {lang}"),
    "lang_es": N_("Spanish"),
    "lang_en": N_("English"),
    "noscript": N_(
        "The initiatives table, the timeline and the details need JavaScript; the data is "
        "in the element #dean-data."
    ),
    "kind_ministerial": N_("ministerial meeting"),
    "kind_work_plan": N_("work plan"),
    "kind_mid_year_review": N_("mid-year review"),
    "official_source": N_("official"),
}

# the labels of deancli.base.i18n the page uses
_BASE_LABELS = (
    "pillar",
    "initiatives",
    "initiative",
    "milestones_done",
    "progress",
    "overdue",
    "unknown_count",
    "newest_evidence",
    "total",
    "id",
    "status",
    "leads_mx",
    "leads_us",
    "next_due",
    "none",
    "na",
    "as_of",
    "announced",
    "leads",
    "participants",
    "summary",
    "milestones",
    "indicators",
    "sources",
    "notes",
    "date",
    "milestone",
    "kind",
    "title",
    "publisher",
    "value",
    "unit",
    "baseline",
    "target",
    "actual",
    "not_known",
    "mx",
    "us",
    "legend",
    "today",
    "editorial",
    "undated_hidden",
    "initiatives_short",
    "completed_on",
    "completed_by",
    "title_in",
)

INITIATIVE_STATUSES = ("planned", "active", "finalising", "completed", "cancelled", "suspended")
MILESTONE_STATES = (
    "done",
    "overdue",
    "in_progress",
    "upcoming",
    "undated",
    "unknown",
    "cancelled",
    "context",
    "planned",
)
KINDS = ("deliverable", "event", "decision", "publication", "context")
ROLES = ("accountable", "implementing", "funding", "extending", "supporting")
PROVENANCES = ("official", "press", "translation")


def labels(lang: str) -> dict[str, str]:
    """Every label of the page in one language (templates as written: ``{n}`` stays)."""
    out = {k: i18n.t(k, lang) for k in _BASE_LABELS}
    out.update({k: i18n.tr(v, lang=lang) for k, v in _REPORT_LABELS.items()})
    for s in (*INITIATIVE_STATUSES, "unknown"):
        out[f"is_{s}"] = i18n.initiative_status(s, lang)
    for s in MILESTONE_STATES:
        out[f"ms_{s}"] = i18n.milestone_status(s, lang)
    for k in KINDS:
        out[f"kind_{k}"] = i18n.kind(k, lang)
    for r in ROLES:
        out[f"role_{r}"] = i18n.role(r, lang)
    for p in PROVENANCES:
        out[f"prov_{p}"] = i18n.provenance(p, lang)
    return out


@dataclass(frozen=True)
class Provenance:
    """Where the plan came from: a git commit (and whether the working tree had changes to
    the plan), or nothing when the plan is not in git."""

    commit: str | None = None
    dirty: bool = False


def _dialogue_json(plan: Plan) -> dict[str, Any]:
    return {
        "name": text_json(plan.name),
        "acronym": text_json(plan.acronym),
        "relaunched": plan.relaunched,
        "work_plan_presented": plan.work_plan_presented,
        "co_chairs": {side: plan.co_chairs.get(side, []) for side in ("mx", "us")},
        "meetings": [
            {"date": m.date, "kind": m.kind, "place": m.place, "title": text_json(m.title)}
            for m in plan.meetings
        ],
    }


def _organizations_json(plan: Plan) -> dict[str, Any]:
    return {
        org.id: {"name": text_json(org.name), "country": org.country}
        for org in plan.organizations.values()
    }


def _finding(d: Diagnostic, plan_root: str) -> dict[str, Any]:
    """A finding as `validate --format json` gives it, its path relative to the plan (the
    page must not depend on where it was built)."""
    out = d.to_dict()
    prefix = plan_root.rstrip("/") + "/"
    for item in (out, *out["related"]):
        if item["path"].startswith(prefix):
            item["path"] = item["path"][len(prefix) :]
    return out


def _schema_version(plan: Plan) -> int | None:
    doc = plan.dialogue_doc
    value = doc.data.get("schema_version") if doc is not None and doc.ok else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass
class ReportView:
    """What `dean report` shows: one document (plain data, both languages) and the labels of
    the page in both languages. ``lang`` is the language the page opens in."""

    document: dict[str, Any]
    lang: str

    @property
    def labels(self) -> dict[str, dict[str, str]]:
        return {lg: labels(lg) for lg in i18n.LANGS}


def build_report(
    plan: Plan,
    check: CheckResult,
    as_of: dt.date,
    lang: str,
    provenance: Provenance | None,
) -> ReportView:
    from deancli import __version__

    summary = summarize(plan, as_of)
    items = [s for ps in summary.pillars for s in ps.initiatives] + summary.unassigned
    doc = status_document(
        plan,
        summary,
        lang,
        pillar=None,
        items=items,
        filters=StatusSelection().filters(),
    )
    doc["kind"] = "report"
    doc["report_version"] = REPORT_VERSION
    # the same shared sources are cited by many initiatives: each is written once, in
    # "sources", and an initiative lists the indexes of its own ("source_refs")
    sources: list[dict[str, Any]] = []
    source_index: dict[tuple[Any, ...], int] = {}
    timeline: list[dict[str, Any]] = []
    undated = 0
    for n, (entry, s) in enumerate(zip(doc["initiatives"], items, strict=True)):
        entry.update(detail_json(plan, s.initiative, as_of))
        refs = []
        for src in entry.pop("sources"):
            key = tuple(src.values())
            if key not in source_index:
                source_index[key] = len(sources)
                sources.append(src)
            refs.append(source_index[key])
        entry["source_refs"] = refs
        # the timeline of `dean timeline`, from the milestones already in date order
        for m in entry["milestones_list"]:
            completed = m["completed_on"] or m["completed_by"]
            span = milestone_span(m["status"], completed, m["due"], m["due_precision"])
            if span is None:
                undated += 1
                continue
            timeline.append(
                {
                    "initiative": n,
                    "milestone": m["id"],
                    "start": span[0].isoformat(),
                    "end": span[1].isoformat(),
                    "state": m["state"],
                    "label": span[2],
                }
            )
    doc["sources"] = sources
    doc["timeline"] = {"items": timeline, "undated": undated}
    doc["dialogue"] = _dialogue_json(plan)
    doc["organizations"] = _organizations_json(plan)
    doc["findings"] = {
        "errors": check.errors,
        "warnings": check.warnings,
        "infos": check.infos,
        "items": [_finding(d, check.plan_root) for d in check.diagnostics],
    }
    doc["provenance"] = {
        "dean_version": __version__,
        "schema_version": _schema_version(plan),
        "as_of": as_of.isoformat(),
        "git": None
        if provenance is None or provenance.commit is None
        else {"commit": provenance.commit, "dirty": provenance.dirty},
    }
    return ReportView(doc, lang)
