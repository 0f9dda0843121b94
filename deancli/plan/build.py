"""Building the typed plan leniently from the JSON view of each document.

Fields with the wrong type are left empty here (the schema reports them), so cross-file rules
and views can run on a partly broken plan.
"""

from __future__ import annotations

from typing import Any

from deancli.plan.loader import Document
from deancli.plan.model import (
    Indicator,
    Initiative,
    Measurement,
    Meeting,
    Milestone,
    Organization,
    Participant,
    Pillar,
    Plan,
    Source,
    Text,
)


def _text(value: Any) -> Text:
    if not isinstance(value, dict):
        return Text()
    es, en = value.get("es"), value.get("en")
    return Text(es if isinstance(es, str) else None, en if isinstance(en, str) else None)


def _str(d: dict[str, Any], key: str) -> str | None:
    v = d.get(key)
    return v if isinstance(v, str) else None


def _int(d: dict[str, Any], key: str) -> int | None:
    v = d.get(key)
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _list(d: dict[str, Any], key: str) -> list[Any]:
    v = d.get(key)
    return v if isinstance(v, list) else []


def _strs(d: dict[str, Any], key: str) -> list[tuple[int, str]]:
    """(index, value) for the string items of a list field."""
    return [(i, x) for i, x in enumerate(_list(d, key)) if isinstance(x, str)]


def _maps(d: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, x) for i, x in enumerate(_list(d, key)) if isinstance(x, dict)]


def _sources(doc: Document, data: dict[str, Any]) -> list[Source]:
    out = []
    for i, s in _maps(data, "sources"):
        sid = _str(s, "id")
        if sid is None:
            continue
        official = s.get("official")
        out.append(
            Source(
                sid,
                _str(s, "title") or "",
                _str(s, "publisher") or "",
                _str(s, "url"),
                _str(s, "date"),
                _str(s, "lang"),
                _str(s, "kind"),
                official if isinstance(official, bool) else None,
                _str(s, "note"),
                doc,
                ("sources", i),
            )
        )
    return out


def _measure(value: Any) -> Measurement | None:
    if not isinstance(value, dict):
        return None
    return Measurement(_str(value, "date"), value.get("value"), _str(value, "note"))


def build_initiative(doc: Document) -> Initiative:
    d: dict[str, Any] = doc.data
    milestones = []
    for i, m in _maps(d, "milestones"):
        mid = _str(m, "id")
        if mid is None:
            continue
        milestones.append(
            Milestone(
                id=mid,
                title=_text(m.get("title")),
                kind=_str(m, "kind") or "deliverable",
                due=_str(m, "due"),
                due_precision=_str(m, "due_precision") or "day",
                status=_str(m, "status") or "unknown",
                status_as_of=_str(m, "status_as_of"),
                completed_on=_str(m, "completed_on"),
                completed_by=_str(m, "completed_by"),
                owners=[x for _, x in _strs(m, "owners")],
                depends_on=[x for _, x in _strs(m, "depends_on")],
                basis=_str(m, "basis"),
                illustrative=m.get("illustrative") is True,
                sources=[x for _, x in _strs(m, "sources")],
                note=_text(m.get("note")),
                doc=doc,
                parts=("milestones", i),
            )
        )
    indicators = []
    for _, ind in _maps(d, "indicators"):
        iid = _str(ind, "id")
        if iid is None:
            continue
        indicators.append(
            Indicator(
                iid,
                _text(ind.get("title")),
                _str(ind, "measure"),
                _str(ind, "unit"),
                _measure(ind.get("baseline")),
                [t for _, x in _maps(ind, "targets") if (t := _measure(x))],
                [a for _, x in _maps(ind, "actuals") if (a := _measure(x))],
                ind.get("illustrative") is True,
            )
        )
    leads_raw = d.get("leads") if isinstance(d.get("leads"), dict) else {}
    assert isinstance(leads_raw, dict)
    leads = {side: [x for _, x in _strs(leads_raw, side)] for side in ("mx", "us")}
    prov = d.get("title_provenance") if isinstance(d.get("title_provenance"), dict) else {}
    assert isinstance(prov, dict)
    title_kind = {
        lang: v["kind"]
        for lang, v in prov.items()
        if isinstance(v, dict) and isinstance(v.get("kind"), str)
    }
    return Initiative(
        doc=doc,
        id=_int(d, "id"),
        slug=_str(d, "slug"),
        pillar=_int(d, "pillar"),
        title=_text(d.get("title")),
        title_kind=title_kind,
        summary=_text(d.get("summary")),
        announced=_str(d, "announced"),
        status=_str(d, "status") or "unknown",
        status_as_of=_str(d, "status_as_of"),
        leads=leads,
        participants=[
            Participant(p["org"], _str(p, "role"), _text(p.get("note")))
            for _, p in _maps(d, "participants")
            if isinstance(p.get("org"), str)
        ],
        depends_on=[x for x in _list(d, "depends_on") if isinstance(x, int)],
        milestones=milestones,
        indicators=indicators,
        sources=_sources(doc, d),
        notes=_text(d.get("notes")),
        data=d,
    )


def build_plan(root: Any, documents: list[Document]) -> Plan:
    plan = Plan(root=root, documents=documents)
    for doc in documents:
        if not doc.ok:
            continue
        d: dict[str, Any] = doc.data
        if doc.kind == "dialogue":
            plan.dialogue_doc = doc
            dlg = d.get("dialogue") if isinstance(d.get("dialogue"), dict) else {}
            assert isinstance(dlg, dict)
            plan.name = _text(dlg.get("name"))
            plan.acronym = _text(dlg.get("acronym"))
            plan.relaunched = _str(dlg, "relaunched")
            plan.work_plan_presented = _str(dlg, "work_plan_presented")
            cc = dlg.get("co_chairs") if isinstance(dlg.get("co_chairs"), dict) else {}
            assert isinstance(cc, dict)
            plan.co_chairs = {side: [x for _, x in _strs(cc, side)] for side in ("mx", "us")}
            plan.meetings = [
                Meeting(
                    _str(m, "date"),
                    _str(m, "kind"),
                    _str(m, "place"),
                    _text(m.get("title")),
                    ("dialogue", "meetings", i),
                )
                for i, m in _maps(dlg, "meetings")
            ]
            for i, p in _maps(d, "pillars"):
                number = _int(p, "number")
                if number is None:
                    continue
                plan.pillars.append(
                    Pillar(
                        number,
                        _str(p, "roman") or str(number),
                        _text(p.get("title")),
                        _text(p.get("summary")),
                        ("pillars", i),
                    )
                )
            plan.shared_sources = _sources(doc, d)
        elif doc.kind == "organizations":
            plan.organizations_doc = doc
            for i, o in _maps(d, "organizations"):
                oid = _str(o, "id")
                if oid is None or oid in plan.organizations:
                    continue
                plan.organizations[oid] = Organization(
                    oid,
                    _str(o, "country"),
                    _text(o.get("name")),
                    _str(o, "acronym"),
                    _str(o, "type"),
                    _str(o, "valid_to"),
                    _str(o, "superseded_by"),
                    ("organizations", i),
                )
        elif doc.kind == "initiative":
            plan.initiatives.append(build_initiative(doc))
    plan.pillars.sort(key=lambda p: p.number)
    plan.initiatives.sort(key=lambda i: (i.id is None, i.id or 0, i.doc.rel))
    return plan
