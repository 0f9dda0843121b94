"""What ``dean history`` knows of one git blob, and where it gets it: the blob cache, else
git (one ``git cat-file --batch`` process) and the guarded reader of ``deancli.plan.loader``,
on every core when there are many blobs.

A blob is read once: parsed, checked against the schema of its kind, and reduced to the
fields progress and the semantic diff use (``_prune``; the model builder reads nothing
else), and to the facts the running totals need (through ``deancli.views.progress``).
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deancli.history import git as gitplan
from deancli.plan import loader
from deancli.plan.model import Initiative, Pillar
from deancli.views import progress

_MILESTONE_KEYS = (
    "id",
    "title",
    "kind",
    "due",
    "due_precision",
    "status",
    "completed_on",
    "completed_by",
    "illustrative",
)
_INITIATIVE_KEYS = ("id", "slug", "pillar", "title", "status", "leads")


def _prune(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The part of a file's data that progress and the semantic diff read; the model is
    built from it exactly as from the whole (the builder reads nothing else)."""
    if kind == "initiative":
        out = {k: data[k] for k in _INITIATIVE_KEYS if k in data}
        ms = data.get("milestones")
        if isinstance(ms, list):
            out["milestones"] = [
                {k: m[k] for k in _MILESTONE_KEYS if k in m} for m in ms if isinstance(m, dict)
            ]
        return out
    if kind == "dialogue":
        ps = data.get("pillars")
        if not isinstance(ps, list):
            return {}
        keep = ("number", "roman", "title")
        return {"pillars": [{k: p[k] for k in keep if k in p} for p in ps if isinstance(p, dict)]}
    orgs = data.get("organizations")
    if not isinstance(orgs, list):
        return {}
    keep = ("id", "acronym", "name")
    return {
        "organizations": [{k: o[k] for k in keep if k in o} for o in orgs if isinstance(o, dict)]
    }


def read_blob(raw: bytes, kind: str) -> bytes:
    """Read one blob through the guarded reader and its schema; what the cache keeps, as
    marshalled ``(ok, valid, facts, pruned)``: ``facts`` (initiatives only) is what the
    running totals need, ``pruned`` (marshalled again, loaded only when asked) what the model
    builder and the semantic diff read."""
    from deancli.base.diagnostics import Severity
    from deancli.plan import schema

    doc = loader.Document(Path(kind), kind, kind, kind)
    loader.read_bytes(doc, raw)
    if not doc.ok:
        return marshal.dumps((False, False, None, None))
    valid = not any(d.severity is Severity.ERROR for d in doc.diagnostics)
    valid = valid and not schema.check_document(doc)
    pruned = _prune(kind, doc.data)
    facts = facts_of(pruned).as_tuple() if kind == "initiative" else None
    return marshal.dumps((True, valid, facts, marshal.dumps(pruned)))


def _read_blob_args(args: tuple[bytes, str]) -> bytes:
    return read_blob(*args)


class Record:
    """One blob as read: whether it parsed into a mapping, whether it also matched its
    schema with no error from the reader, its facts (initiatives), its pruned data."""

    __slots__ = ("_data", "_raw", "facts", "ok", "valid")

    def __init__(self, value: bytes) -> None:
        ok, valid, facts, raw = marshal.loads(value)
        self.ok: bool = ok
        self.valid: bool = valid
        self.facts: Facts | None = None if facts is None else Facts.from_tuple(facts)
        self._raw: bytes | None = raw
        self._data: dict[str, Any] | None = None

    @property
    def data(self) -> dict[str, Any] | None:
        if self._data is None and self._raw is not None:
            self._data = marshal.loads(self._raw)
        return self._data


@dataclass(frozen=True)
class Facts:
    """One initiative blob reduced to what the running totals need."""

    id: int | None
    pillar: int | None
    status: str
    leads: frozenset[str]
    counted: int
    done: int
    unknown: int
    overdue_from: tuple[int, ...]  # day ordinals from which each counted milestone is overdue

    def as_tuple(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.pillar,
            self.status,
            tuple(sorted(self.leads)),
            self.counted,
            self.done,
            self.unknown,
            self.overdue_from,
        )

    @classmethod
    def from_tuple(cls, t: tuple[Any, ...]) -> Facts:
        return cls(t[0], t[1], t[2], frozenset(t[3]), t[4], t[5], t[6], tuple(t[7]))


def make_doc(rel: str, kind: str, data: dict[str, Any]) -> loader.Document:
    doc = loader.Document(Path(rel), rel, rel, kind)
    doc.data = data
    return doc


def build(rel: str, data: dict[str, Any]) -> Initiative:
    from deancli.plan.build import build_initiative

    return build_initiative(make_doc(rel, "initiative", data))


def facts_of(data: dict[str, Any]) -> Facts:
    ini = build("", data)
    t = progress.tally(ini.milestones, dt.date.min)
    froms = []
    for m in ini.milestones:
        if progress.counts(m) and (first := progress.overdue_from(m)) is not None:
            froms.append(first.toordinal())
    return Facts(
        ini.id,
        ini.pillar,
        ini.status,
        frozenset(ini.leads.get("mx", []) + ini.leads.get("us", [])),
        t.counted,
        t.done,
        t.unknown,
        tuple(sorted(froms)),
    )


class Blobs:
    """Records by (kind, blob id): from the cache, else read from git and parsed (on every
    core when there are many), then cached."""

    def __init__(self, repo: gitplan.Repo, cache: Any) -> None:
        self.repo = repo
        self.cache = cache
        self.records: dict[tuple[str, str], Record] = {}
        self._pillars: dict[str, list[Pillar]] = {}

    def load(self, wanted: Iterable[tuple[str, str]]) -> None:
        need = sorted({w for w in wanted if w not in self.records})
        if not need:
            return
        keys = {f"{kind}:{sha}": (kind, sha) for kind, sha in need}
        found = self.cache.get_many(keys) if self.cache is not None else {}
        for key, value in found.items():
            self.records[keys[key]] = Record(value)
        missing = [(kind, sha) for key, (kind, sha) in keys.items() if key not in found]
        if not missing:
            return
        from deancli.history.catfile import CatFile

        with CatFile(self.repo.top) as cat:
            raws = dict(cat.read_many(sorted({sha for _, sha in missing})))
        work = [(raws[sha], kind) for kind, sha in missing]
        made = dict(zip(missing, _parse_all(work), strict=True))
        for (kind, sha), value in made.items():
            self.records[(kind, sha)] = Record(value)
        if self.cache is not None:
            self.cache.put_many({f"{kind}:{sha}": v for (kind, sha), v in made.items()})

    def record(self, kind: str, sha: str) -> Record:
        return self.records[(kind, sha)]

    def facts(self, sha: str) -> Facts | None:
        """The initiative at ``sha`` for the running totals; None when it did not read."""
        return self.records[("initiative", sha)].facts

    def pillars(self, sha: str | None) -> list[Pillar]:
        """The pillars a dialogue.yaml defines, through the model builder (once per blob)."""
        if sha is None:
            return []
        if sha not in self._pillars:
            self._pillars[sha] = pillars_of(self.records[("dialogue", sha)])
        return self._pillars[sha]


def _parse_all(work: list[tuple[bytes, str]]) -> list[bytes]:
    """Parse blobs, on every core when there are many (as ``load.read_initiatives`` does)."""
    import os

    from deancli.plan.load import PARALLEL_FROM, _jobs

    jobs = _jobs()
    if jobs < 2 or len(work) < PARALLEL_FROM or not hasattr(os, "fork"):
        return [read_blob(raw, kind) for raw, kind in work]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
    chunk = max(16, len(work) // (jobs * 8))
    try:
        with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
            return list(pool.map(_read_blob_args, work, chunksize=chunk))
    except (OSError, RuntimeError):  # no processes to be had: do it here
        return [read_blob(raw, kind) for raw, kind in work]


def pillars_of(rec: Record | None) -> list[Pillar]:
    """The pillars a dialogue.yaml defines, through the model builder."""
    if rec is None or rec.data is None:
        return []
    from deancli.plan.build import build_plan

    return build_plan(None, [make_doc(loader.DIALOGUE, "dialogue", rec.data)]).pillars
