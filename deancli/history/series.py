"""``dean history``: how the plan moved over time, from git alone.

One ``git log --first-parent --raw`` lists, for every commit on the branch's first-parent
line, which plan files changed and their blob ids before and after. Points in time are
sampled from those commits (each commit that changed the plan, or the last commit of each
week or month). Each distinct blob is read once through one ``git cat-file --batch``
process, parsed by the same guarded reader as the working tree (``deancli.plan.loader``),
checked against its schema, and reduced to the fields progress and the semantic diff use;
that reduction is kept in the blob cache (``deancli.history.cache``). Between two points
only the files that changed are taken out of the running totals and put back in, so the
cost grows with the number of changed blobs, not with commits × files.

The numbers follow ``deancli.views.progress`` (counted, done, overdue as of the point's date,
unknown) through the same model builder; events come from the semantic diff of
``deancli.history.diff``. A point where a plan file did not read or did not match its
schema is kept and marked, with the files named.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deancli.base.errors import UsageProblem
from deancli.history import git as gitplan
from deancli.history.diff import Change, initiative_changes, milestone_due
from deancli.plan import loader
from deancli.plan.model import Initiative, Pillar, Text, parse_date
from deancli.views import progress

EVERY = ("commit", "week", "month")
# the initiative statuses of schemas/initiative.schema.json (a test keeps them equal)
STATUSES = ("planned", "active", "finalising", "completed", "cancelled", "suspended", "unknown")
JSON_VERSION = 1
_REGULAR = ("100644", "100755")  # links and submodules are never followed
_ZERO = "0" * 40


# --- what one blob is, once read --------------------------------------------------------

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


def _doc(rel: str, kind: str, data: dict[str, Any]) -> loader.Document:
    doc = loader.Document(Path(rel), rel, rel, kind)
    doc.data = data
    return doc


def build(rel: str, data: dict[str, Any]) -> Initiative:
    from deancli.plan.build import build_initiative

    return build_initiative(_doc(rel, "initiative", data))


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


# --- the data the renderers get ---------------------------------------------------------


@dataclass(frozen=True)
class PointTally:
    initiatives: int
    by_status: dict[str, int]
    counted: int
    done: int
    overdue: int
    unknown: int

    @property
    def ratio(self) -> float | None:
        return self.done / self.counted if self.counted else None


@dataclass(frozen=True)
class PillarPoint:
    number: int
    tally: PointTally


@dataclass(frozen=True)
class Point:
    label: str  # the commit's day, the week (2026-W05) or the month (2026-05)
    as_of: dt.date  # overdue is counted as of this day
    commit: str
    commit_date: dt.date
    problems: list[str]  # plan files that did not read or match their schema, at this point
    pillars: list[PillarPoint]
    total: PointTally

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class PillarInfo:
    number: int
    roman: str
    title: Text


@dataclass(frozen=True)
class Event:
    date: dt.date
    commit: str
    initiative: int
    title: Text
    change: Change  # field "initiative" (before/after "added"/"removed") for whole initiatives


@dataclass
class Slip:
    """A milestone whose due date moved later at least once."""

    initiative: int
    milestone: str
    title: Text  # the milestone's
    times: int = 0  # moves to a later date
    days: int = 0  # by how many days in all (end of period to end of period)
    earlier: int = 0  # moves to an earlier date
    first_due: str = ""
    due: str = ""  # now


@dataclass
class HistoryView:
    every: str
    since: str | None
    until: str | None
    head: str  # the commit the history was read from
    shallow: bool
    starts: dt.date  # the date of the oldest commit read (the start of a shallow history)
    pillar: int | None  # the selection
    lead: str | None
    pillars: list[PillarInfo]  # every pillar shown at some point, as the newest point names it
    points: list[Point]
    events: list[Event] | None = None  # with --events
    slips: list[Slip] | None = None
    lang: str = "en"
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def invalid_points(self) -> int:
        return sum(not p.valid for p in self.points)


# --- reading the log --------------------------------------------------------------------


@dataclass(frozen=True)
class FileChange:
    rel: str  # relative to the plan root
    kind: str
    old: str | None  # blob id, None when absent (or not a regular file)
    new: str | None


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.date
    changes: list[FileChange]


def kind_of(rel: str) -> str | None:
    """Which plan file a path is (the layout ``dean`` reads), or None."""
    parts = rel.split("/")
    if any(p in ("", "..") or p.startswith(".") for p in parts):
        return None
    if len(parts) == 1:
        if rel == loader.DIALOGUE:
            return "dialogue"
        if rel == loader.ORGANIZATIONS:
            return "organizations"
        return None
    if len(parts) == 2 and parts[0] == loader.INITIATIVES and rel.endswith(loader.YAML_SUFFIXES):
        return "initiative"
    return None


def read_log(repo: gitplan.Repo, until: str) -> list[Commit]:
    """Every first-parent commit reachable from ``until``, oldest first, with the plan files
    each changed against its first parent (merges included; renames as delete + add)."""
    args = [
        "log",
        "--first-parent",
        "--root",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        "--diff-merges=first-parent",
        "-z",
        "--format=%x01%H %cI",
    ]
    if repo.plan_rel:
        args.append(f"--relative={repo.plan_rel}/")  # not planb/ nor plan.yaml
    out = gitplan._git([*args, until, "--"], repo.top)
    commits = []
    for chunk in out.split(b"\x01")[1:]:
        head, _, rest = chunk.partition(b"\0")
        sha, _, iso = head.decode().partition(" ")
        fields = rest.lstrip(b"\n").split(b"\0")
        changes = []
        for i in range(0, len(fields) - 1, 2):
            meta, raw_path = fields[i], fields[i + 1]
            if not meta.startswith(b":"):
                continue
            old_mode, new_mode, old, new, _status = meta[1:].decode().split(" ")
            rel = raw_path.decode("utf-8", "surrogateescape")
            kind = kind_of(rel)
            if kind is None:
                continue
            changes.append(
                FileChange(
                    rel,
                    kind,
                    old if old_mode in _REGULAR and old != _ZERO else None,
                    new if new_mode in _REGULAR and new != _ZERO else None,
                )
            )
        commits.append(Commit(sha, dt.date.fromisoformat(iso[:10]), changes))
    commits.reverse()
    return commits


# --- sampling ---------------------------------------------------------------------------


def _period(day: dt.date, every: str) -> tuple[str, dt.date]:
    """The label and last day of the week (ISO, Monday to Sunday) or month of ``day``."""
    if every == "week":
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day + dt.timedelta(days=7 - weekday)
    end = progress.period_of(day.replace(day=1), "month")[1]
    return f"{day.year}-{day.month:02d}", end


def _next_period(end: dt.date) -> dt.date:
    return end + dt.timedelta(days=1)


@dataclass(frozen=True)
class Bound:
    date: dt.date | None = None
    rev: str | None = None  # a full commit id


def parse_bound(repo: gitplan.Repo, value: str | None) -> Bound | None:
    if value is None:
        return None
    day = gitplan._as_date(value)
    if day is not None:
        return Bound(date=day)
    return Bound(rev=gitplan.resolve_rev(repo, value))


def first_index(commits: list[Commit], since: Bound | None) -> int | None:
    """The first commit of the range: ``--since REV``, else the first that touched the plan
    (None when none did)."""
    if since is not None and since.rev is not None:
        found = [i for i, c in enumerate(commits) if c.sha == since.rev]
        if not found:
            raise UsageProblem(
                f"{since.rev[:12]} is not on the first-parent line of the history read"
            )
        return found[0]
    touched = [i for i, c in enumerate(commits) if c.changes]
    return touched[0] if touched else None


def sample(
    commits: list[Commit], every: str, since: Bound | None, end_date: dt.date
) -> list[tuple[str, dt.date, int]]:
    """The points: (label, as-of day, index of the commit whose plan it shows)."""
    start = first_index(commits, since)
    if start is None:
        return []
    first = start
    if every == "commit":
        out = []
        for i in range(first, len(commits)):
            c = commits[i]
            if not c.changes and i != first:
                continue
            if since is not None and since.date is not None and c.date < since.date:
                continue
            if c.date > end_date:
                continue
            out.append((c.date.isoformat(), c.date, i))
        return out
    start_day = commits[first].date
    if since is not None and since.date is not None:
        start_day = max(start_day, since.date)
    out = []
    day = start_day
    idx = first
    while day <= end_date:
        label, last = _period(day, every)
        as_of = min(last, end_date)
        while idx + 1 < len(commits) and commits[idx + 1].date <= as_of:
            idx += 1
        if commits[idx].date <= as_of or idx == first:
            out.append((label, as_of, idx))
        day = _next_period(last)
    return out


# --- the blob store: cache, then git ----------------------------------------------------


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


# --- running totals ---------------------------------------------------------------------


@dataclass
class _Acc:
    initiatives: int = 0
    counted: int = 0
    done: int = 0
    unknown: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    overdue: Counter[int] = field(default_factory=Counter)

    def add(self, f: Facts, sign: int) -> None:
        self.initiatives += sign
        self.counted += sign * f.counted
        self.done += sign * f.done
        self.unknown += sign * f.unknown
        self.by_status[f.status] += sign
        for o in f.overdue_from:
            self.overdue[o] += sign

    def at(self, day: dt.date) -> PointTally:
        limit = day.toordinal()
        return PointTally(
            self.initiatives,
            {k: v for k, v in sorted(self.by_status.items(), key=_status_order) if v},
            self.counted,
            self.done,
            sum(n for o, n in self.overdue.items() if o <= limit),
            self.unknown,
        )


def _status_order(item: tuple[str, int]) -> tuple[int, str]:
    name = item[0]
    return (STATUSES.index(name) if name in STATUSES else len(STATUSES), name)


def _sum(tallies: list[PointTally]) -> PointTally:
    by_status: Counter[str] = Counter()
    for t in tallies:
        by_status.update(t.by_status)
    return PointTally(
        sum(t.initiatives for t in tallies),
        {k: v for k, v in sorted(by_status.items(), key=_status_order) if v},
        sum(t.counted for t in tallies),
        sum(t.done for t in tallies),
        sum(t.overdue for t in tallies),
        sum(t.unknown for t in tallies),
    )


def pillars_of(rec: Record | None) -> list[Pillar]:
    """The pillars a dialogue.yaml defines, through the model builder."""
    if rec is None or rec.data is None:
        return []
    from deancli.plan.build import build_plan

    return build_plan(None, [_doc(loader.DIALOGUE, "dialogue", rec.data)]).pillars


@dataclass
class Selection:
    pillar: str | None = None  # as typed; resolved against the newest point
    lead: str | None = None


def _resolve(
    blobs: Blobs, state: dict[str, tuple[str, str]], selection: Selection
) -> tuple[int | None, str | None]:
    if selection.pillar is None and selection.lead is None:
        return None, None
    from deancli.plan.build import build_plan
    from deancli.plan.lookup import find_organization, find_pillar

    docs = []
    for rel, (kind, sha) in state.items():
        if kind in ("dialogue", "organizations"):
            rec = blobs.record(kind, sha)
            if rec.data is not None:
                docs.append(_doc(rel, kind, rec.data))
    mini = build_plan(None, docs)
    pillar = find_pillar(mini, selection.pillar).number if selection.pillar is not None else None
    lead = find_organization(mini, selection.lead) if selection.lead is not None else None
    return pillar, lead


def _state_at(commits: list[Commit], upto: int) -> dict[str, tuple[str, str]]:
    state: dict[str, tuple[str, str]] = {}
    for c in commits[: upto + 1]:
        for ch in c.changes:
            if ch.new is None:
                state.pop(ch.rel, None)
            else:
                state[ch.rel] = (ch.kind, ch.new)
    return state


def build_history(
    repo: gitplan.Repo,
    *,
    every: str = "commit",
    since: str | None = None,
    until: str | None = None,
    selection: Selection | None = None,
    events: bool = False,
    cache: Any = None,
    lang: str = "en",
) -> HistoryView:
    selection = selection or Selection()
    if not gitplan.has_commits(repo):
        raise UsageProblem(
            "the repository has no commits yet; dean history reads the plan's history from git"
        )
    since_b = parse_bound(repo, since)
    until_b = parse_bound(repo, until)
    head = until_b.rev if until_b is not None and until_b.rev else gitplan.resolve_rev(repo, "HEAD")
    commits = read_log(repo, head)
    where = f"{repo.plan_rel}/" if repo.plan_rel else "the repository's top level"
    if until_b is not None and until_b.date is not None:
        end_date = until_b.date
    else:
        end_date = commits[-1].date if commits else gitplan.commit_date(repo, head)
    points_at = sample(commits, every, since_b, end_date)
    shallow = gitplan.is_shallow(repo)
    if not any(c.changes for c in commits):
        raise UsageProblem(f"no commit on the first-parent line of {head[:12]} touches {where}")
    if not points_at:
        raise UsageProblem("no point in time in the range asked; widen --since/--until")
    blobs = Blobs(repo, cache)

    # pass 1: which blobs the points (and the events) need
    first_idx, last_idx = points_at[0][2], points_at[-1][2]
    state = _state_at(commits, first_idx)
    wanted: set[tuple[str, str]] = set(state.values())
    for c in commits[first_idx + 1 : last_idx + 1]:
        wanted.update((ch.kind, ch.new) for ch in c.changes if ch.new is not None)
    # events: every commit of the range, also those before the first point of a period
    ev_first = first_index(commits, since_b) or 0
    if since_b is not None and since_b.date is not None:
        while ev_first < last_idx and commits[ev_first].date < since_b.date:
            ev_first += 1
    if events:
        for c in commits[ev_first : last_idx + 1]:
            for ch in c.changes:
                if ch.kind == "initiative":
                    wanted.update((ch.kind, s) for s in (ch.old, ch.new) if s is not None)
    blobs.load(wanted)

    newest = _state_at(commits, last_idx)
    pillar_n, lead = _resolve(blobs, newest, selection)

    # pass 2: running totals, changed files only between points
    accs: dict[int | None, _Acc] = {}
    applied: dict[str, tuple[str, str]] = {}
    invalid: set[str] = set()
    points: list[Point] = []
    shown: dict[int, PillarInfo] = {}
    cursor = -1
    state = {}
    for label, as_of, idx in points_at:
        dirty: set[str] = set()
        for c in commits[cursor + 1 : idx + 1]:
            for ch in c.changes:
                dirty.add(ch.rel)
                if ch.new is None:
                    state.pop(ch.rel, None)
                else:
                    state[ch.rel] = (ch.kind, ch.new)
        cursor = idx
        for rel in dirty:
            old = applied.pop(rel, None)
            new = state.get(rel)
            if old == new:
                if new is not None:
                    applied[rel] = new
                continue
            if old is not None:
                _apply(blobs, accs, old, -1, lead)
            invalid.discard(rel)
            if new is not None:
                applied[rel] = new
                _apply(blobs, accs, new, +1, lead)
                if not blobs.record(*new).valid:
                    invalid.add(rel)
        dialogue = applied.get(loader.DIALOGUE)
        defined = blobs.pillars(dialogue[1] if dialogue else None)
        problems = sorted(invalid)
        for name in (loader.DIALOGUE, loader.ORGANIZATIONS):
            if name not in applied:
                problems.append(f"{name} (missing)")
        pps = []
        for p in defined:
            if pillar_n is not None and p.number != pillar_n:
                continue
            pps.append(PillarPoint(p.number, (accs.get(p.number) or _Acc()).at(as_of)))
            shown[p.number] = PillarInfo(p.number, p.roman, p.title)
        points.append(
            Point(
                label,
                as_of,
                commits[idx].sha,
                commits[idx].date,
                problems,
                pps,
                _sum([pp.tally for pp in pps]),
            )
        )

    view = HistoryView(
        every=every,
        since=since,
        until=until,
        head=head,
        shallow=shallow,
        starts=commits[0].date,
        pillar=pillar_n,
        lead=lead,
        pillars=[shown[n] for n in sorted(shown)],
        points=points,
        lang=lang,
    )
    if events:
        view.events, view.slips = _events(blobs, commits, ev_first, last_idx, pillar_n, lead)
    if cache is not None:
        view.cache_hits, view.cache_misses = cache.hits, cache.misses
    return view


def _apply(
    blobs: Blobs, accs: dict[int | None, _Acc], entry: tuple[str, str], sign: int, lead: str | None
) -> None:
    kind, sha = entry
    if kind != "initiative":
        return
    f = blobs.facts(sha)
    if f is None or (lead is not None and lead not in f.leads):
        return
    acc = accs.get(f.pillar)
    if acc is None:
        acc = accs[f.pillar] = _Acc()
    acc.add(f, sign)


# --- events -----------------------------------------------------------------------------


def _events(
    blobs: Blobs,
    commits: list[Commit],
    first_idx: int,
    last_idx: int,
    pillar: int | None,
    lead: str | None,
) -> tuple[list[Event], list[Slip]]:
    events: list[Event] = []
    slips: dict[tuple[int, str], Slip] = {}
    present = bool(_state_at(commits, first_idx - 1)) if first_idx > 0 else False
    for i in range(first_idx, last_idx + 1):
        c = commits[i]
        had_plan = present
        present = present or any(ch.new is not None for ch in c.changes)
        if not had_plan:
            continue  # the plan's first commit: everything would be "added"
        before: dict[int, Initiative] = {}
        after: dict[int, Initiative] = {}
        for ch in c.changes:
            if ch.kind != "initiative":
                continue
            for sha, side in ((ch.old, before), (ch.new, after)):
                if sha is None:
                    continue
                rec = blobs.record("initiative", sha)
                if rec.data is None:
                    continue
                ini = build(ch.rel, rec.data)
                if ini.id is not None:
                    side[ini.id] = ini
        for ident in sorted(set(before) | set(after)):
            a, b = before.get(ident), after.get(ident)
            ref = b or a
            assert ref is not None
            if not _selected(a, b, pillar, lead):
                continue
            if a is None or b is None:
                what = "added" if a is None else "removed"
                ch_ = Change("initiative", None if a is None else what, what if a is None else None)
                events.append(Event(c.date, c.sha, ident, ref.title, ch_))
                continue
            for change in initiative_changes(a, b):
                events.append(Event(c.date, c.sha, ident, b.title, change))
            _slips(slips, ident, a, b)
    ordered = sorted(slips.values(), key=lambda s: (-s.times, -s.days, s.initiative, s.milestone))
    return events, [s for s in ordered if s.times]


def _selected(
    a: Initiative | None, b: Initiative | None, pillar: int | None, lead: str | None
) -> bool:
    sides = [x for x in (a, b) if x is not None]
    if pillar is not None and not any(x.pillar == pillar for x in sides):
        return False
    return lead is None or any(lead in x.leads.get("mx", []) + x.leads.get("us", []) for x in sides)


def _due_end(due: str | None, precision: str) -> dt.date | None:
    day = parse_date(due)
    return None if day is None else progress.period_of(day, precision)[1]


def _slips(slips: dict[tuple[int, str], Slip], ident: int, a: Initiative, b: Initiative) -> None:
    old = {m.id: m for m in a.milestones}
    for m in b.milestones:
        prev = old.get(m.id)
        if prev is None or milestone_due(prev) == milestone_due(m):
            continue
        end_a, end_b = _due_end(prev.due, prev.due_precision), _due_end(m.due, m.due_precision)
        if end_a is None or end_b is None or end_a == end_b:
            continue
        slip = slips.get((ident, m.id))
        if slip is None:
            slip = slips[(ident, m.id)] = Slip(
                ident, m.id, m.title, first_due=milestone_due(prev) or ""
            )
        slip.due = milestone_due(m) or ""
        slip.title = m.title
        if end_b > end_a:
            slip.times += 1
            slip.days += (end_b - end_a).days
        else:
            slip.earlier += 1


# --- the JSON document ------------------------------------------------------------------


def _tally_dict(t: PointTally) -> dict[str, Any]:
    return {
        "initiatives": t.initiatives,
        "initiatives_by_status": t.by_status,
        "milestones": {
            "counted": t.counted,
            "done": t.done,
            "overdue": t.overdue,
            "unknown": t.unknown,
            "progress": None if t.ratio is None else round(t.ratio, 4),
        },
    }


def to_dict(view: HistoryView) -> dict[str, Any]:
    """The versioned document of ``dean history --format json``
    (docs/schemas/history-output.schema.json); the HTML report can read the same data."""
    from deancli import __version__

    return {
        "version": JSON_VERSION,
        "kind": "history",
        "tool": {"name": "dean", "version": __version__},
        "every": view.every,
        "range": {"since": view.since, "until": view.until, "head": view.head},
        "history": {"starts": view.starts.isoformat(), "shallow": view.shallow},
        "selection": {"pillar": view.pillar, "lead": view.lead},
        "pillars": [
            {"number": p.number, "roman": p.roman, "title": {"es": p.title.es, "en": p.title.en}}
            for p in view.pillars
        ],
        "points": [
            {
                "label": p.label,
                "as_of": p.as_of.isoformat(),
                "commit": p.commit,
                "commit_date": p.commit_date.isoformat(),
                "valid": p.valid,
                "problems": p.problems,
                "pillars": [{"number": pp.number, **_tally_dict(pp.tally)} for pp in p.pillars],
                "totals": _tally_dict(p.total),
            }
            for p in view.points
        ],
        "events": None
        if view.events is None
        else [
            {
                "date": e.date.isoformat(),
                "commit": e.commit,
                "initiative": e.initiative,
                "title": {"es": e.title.es, "en": e.title.en},
                **e.change.to_dict(),
            }
            for e in view.events
        ],
        "slips": None
        if view.slips is None
        else [
            {
                "initiative": s.initiative,
                "milestone": s.milestone,
                "title": {"es": s.title.es, "en": s.title.en},
                "times": s.times,
                "days": s.days,
                "earlier": s.earlier,
                "first_due": s.first_due,
                "due": s.due,
            }
            for s in view.slips
        ],
    }


def iter_rows(view: HistoryView) -> Iterator[tuple[Point, str, PointTally]]:
    """(point, pillar roman or "total", tally): one row per pillar per point, then the total."""
    romans = {p.number: p.roman for p in view.pillars}
    for point in view.points:
        for pp in point.pillars:
            yield point, romans.get(pp.number, str(pp.number)), pp.tally
        yield point, "total", point.total
