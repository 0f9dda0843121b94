"""Typed plan objects, built leniently from the JSON view of each document.

Fields with the wrong type are left empty here (the schema reports them), so cross-file rules
and views can run on a partly broken plan. Each object remembers its document and JSON path
so that a rule can point at the exact key.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from deancli.plan.loader import Document

Parts = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Text:
    es: str | None = None
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, else the other language, else an empty string."""
        first, second = (self.es, self.en) if lang == "es" else (self.en, self.es)
        return first or second or ""

    def has(self, lang: str) -> bool:
        return bool(self.es if lang == "es" else self.en)

    @property
    def empty(self) -> bool:
        return not (self.es or self.en)


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


@functools.lru_cache(maxsize=4096)
def parse_date(value: str | None) -> dt.date | None:
    """A full YYYY-MM-DD date, or None."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def period_end(value: str | None) -> dt.date | None:
    """The last day of a full or partial date (``2022-09`` → 2022-09-30, ``2024`` → 12-31)."""
    if value is None:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return dt.date(y, m, calendar.monthrange(y, m)[1])
    except ValueError:
        return None
    return parse_date(value)


@functools.lru_cache(maxsize=4096)
def period_start(value: str | None) -> dt.date | None:
    if value is None:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        return None
    return parse_date(value)


@dataclass(slots=True)
class Ref:
    """A reference to something by id, with where it was written."""

    value: Any
    doc: Document
    parts: Parts


@dataclass(slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None
    date: str | None
    lang: str | None
    kind: str | None
    official: bool | None
    note: str | None
    doc: Document
    parts: Parts


@dataclass(slots=True)
class Milestone:
    id: str
    title: Text
    kind: str
    due: str | None
    due_precision: str
    status: str
    status_as_of: str | None
    completed_on: str | None
    completed_by: str | None
    owners: list[str]
    depends_on: list[str]
    basis: str | None
    illustrative: bool
    sources: list[str]
    note: Text
    doc: Document
    parts: Parts

    @property
    def completed(self) -> str | None:
        return self.completed_on or self.completed_by


@dataclass(slots=True)
class Measurement:
    date: str | None
    value: Any
    note: str | None


@dataclass(slots=True)
class Indicator:
    id: str
    title: Text
    measure: str | None
    unit: str | None
    baseline: Measurement | None
    targets: list[Measurement]
    actuals: list[Measurement]
    illustrative: bool


@dataclass(slots=True)
class Participant:
    org: str
    role: str | None
    note: Text


@dataclass(slots=True)
class Initiative:
    doc: Document
    id: int | None
    slug: str | None
    pillar: int | None
    title: Text
    title_kind: dict[str, str]  # lang -> official | press | translation
    summary: Text
    announced: str | None
    status: str
    status_as_of: str | None
    leads: dict[str, list[str]]
    participants: list[Participant]
    depends_on: list[int]
    milestones: list[Milestone]
    indicators: list[Indicator]
    sources: list[Source]
    notes: Text
    data: dict[str, Any]

    @property
    def label(self) -> str:
        return str(self.id) if self.id is not None else self.doc.rel


@dataclass(slots=True)
class Pillar:
    number: int
    roman: str
    title: Text
    summary: Text
    parts: Parts


@dataclass(slots=True)
class Organization:
    id: str
    country: str | None
    name: Text
    acronym: str | None
    type: str | None
    valid_to: str | None
    superseded_by: str | None
    parts: Parts


@dataclass(slots=True)
class Meeting:
    date: str | None
    kind: str | None
    place: str | None
    title: Text
    parts: Parts


@dataclass
class Plan:
    root: Any  # Path of the plan directory
    documents: list[Document]
    dialogue_doc: Document | None = None
    organizations_doc: Document | None = None
    name: Text = field(default_factory=Text)
    acronym: Text = field(default_factory=Text)
    relaunched: str | None = None
    work_plan_presented: str | None = None
    co_chairs: dict[str, list[str]] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    pillars: list[Pillar] = field(default_factory=list)
    organizations: dict[str, Organization] = field(default_factory=dict)
    shared_sources: list[Source] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    def pillar(self, number: int | None) -> Pillar | None:
        for p in self.pillars:
            if p.number == number:
                return p
        return None

    def initiative(self, ident: int) -> Initiative | None:
        for i in self.initiatives:
            if i.id == ident:
                return i
        return None

    def sources_for(self, initiative: Initiative) -> dict[str, Source]:
        """Sources an initiative may cite: the shared ones, then its own."""
        out = {s.id: s for s in self.shared_sources}
        out.update({s.id: s for s in initiative.sources})
        return out


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


_REF_KEYS = ("sources", "status_sources")


def iter_source_refs(data: Any, parts: Parts = ()) -> Iterator[tuple[str, Parts]]:
    """Every string inside a `sources`/`status_sources` list, except the top-level registry.
    Only containers are walked (most nodes are text), so a path is built per container."""
    stack: list[tuple[Any, Parts]] = [(data, parts)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if where == () and k == "sources":
                    continue  # the file's own registry of sources, not a citation
                if isinstance(v, list):
                    if k in _REF_KEYS:
                        for i, x in enumerate(v):
                            if isinstance(x, str):
                                yield x, (*where, k, i)
                    else:
                        stack.append((v, (*where, k)))
                elif isinstance(v, dict):
                    stack.append((v, (*where, k)))
        elif isinstance(node, list):
            stack.extend((x, (*where, i)) for i, x in enumerate(node) if isinstance(x, dict | list))
