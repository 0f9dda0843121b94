"""Typed plan objects (built by ``deancli.plan.build``), partial dates and the walks over
plan data that several stages share. Each object remembers its document and JSON path so
that a rule can point at the exact key."""

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
    # plan files left out because they could not be read as plan data (relative paths);
    # see deancli.plan.load.readable_plan
    left_out: list[str] = field(default_factory=list)

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


def source_ref_ids(data: Any) -> list[str]:
    """The cited source ids of :func:`iter_source_refs`, without their paths (a walk that
    builds no path: rules ask this of every file, and the paths only for a finding)."""
    out: list[str] = []
    stack: list[tuple[Any, bool]] = [(data, True)]
    while stack:
        node, top = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if top and k == "sources":
                    continue  # the file's own registry of sources, not a citation
                if isinstance(v, list):
                    if k in _REF_KEYS:
                        out.extend(x for x in v if isinstance(x, str))
                    else:
                        stack.append((v, False))
                elif isinstance(v, dict):
                    stack.append((v, False))
        elif isinstance(node, list):
            stack.extend((x, False) for x in node if isinstance(x, dict | list))
    return out


def cited_source_ids(doc: Document) -> list[str]:
    """:func:`source_ref_ids` of a document's data, worked out once per document (two rules
    ask it of every file)."""
    if doc.cited is None:
        doc.cited = source_ref_ids(doc.data)
    return doc.cited


def milestone_key(ini: Initiative, ref: str) -> tuple[int | None, str]:
    """Resolve ``id`` or ``N/id`` relative to ``ini`` into (initiative id, milestone id)."""
    if "/" in ref:
        num, _, mid = ref.partition("/")
        return (int(num) if num.isdigit() else None), mid
    return ini.id, ref
