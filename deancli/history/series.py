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

Modules: ``log`` (the git log and the sampling), ``blobs`` (one blob, read once),
``events`` (--events), ``cache``, ``catfile``; this one runs the totals and makes the
document.

The numbers follow ``deancli.views.progress`` (counted, done, overdue as of the point's date,
unknown) through the same model builder; events come from the semantic diff of
``deancli.history.diff``. A point where a plan file did not read or did not match its
schema is kept and marked, with the files named.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.history import git as gitplan
from deancli.history.blobs import Blobs, Facts, make_doc
from deancli.history.events import Event, Slip, events_between
from deancli.history.log import first_index, parse_bound, read_log, sample, state_at
from deancli.plan import loader
from deancli.plan.model import Text

EVERY = ("commit", "week", "month")
# the initiative statuses of schemas/initiative.schema.json (a test keeps them equal)
STATUSES = ("planned", "active", "finalising", "completed", "cancelled", "suspended", "unknown")
JSON_VERSION = 1


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
                docs.append(make_doc(rel, kind, rec.data))
    mini = build_plan(None, docs)
    pillar = find_pillar(mini, selection.pillar).number if selection.pillar is not None else None
    lead = find_organization(mini, selection.lead) if selection.lead is not None else None
    return pillar, lead


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
            tr("the repository has no commits yet; dean history reads the plan's history from git")
        )
    since_b = parse_bound(repo, since)
    until_b = parse_bound(repo, until)
    head = until_b.rev if until_b is not None and until_b.rev else gitplan.resolve_rev(repo, "HEAD")
    commits = read_log(repo, head)
    where = f"{repo.plan_rel}/" if repo.plan_rel else tr("the repository's top level")
    if until_b is not None and until_b.date is not None:
        end_date = until_b.date
    else:
        end_date = commits[-1].date if commits else gitplan.commit_date(repo, head)
    points_at = sample(commits, every, since_b, end_date)
    shallow = gitplan.is_shallow(repo)
    if not any(c.changes for c in commits):
        raise UsageProblem(
            tr(
                "no commit on the first-parent line of {head} touches {where}",
                head=head[:12],
                where=where,
            )
        )
    if not points_at:
        raise UsageProblem(tr("no point in time in the range asked; widen --since/--until"))
    blobs = Blobs(repo, cache)

    # pass 1: which blobs the points (and the events) need
    first_idx, last_idx = points_at[0][2], points_at[-1][2]
    state = state_at(commits, first_idx)
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

    newest = state_at(commits, last_idx)
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
        view.events, view.slips = events_between(blobs, commits, ev_first, last_idx, pillar_n, lead)
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


def iter_rows(view: HistoryView) -> Iterator[tuple[Point, str, PointTally]]:
    """(point, pillar roman or "total", tally): one row per pillar per point, then the total."""
    romans = {p.number: p.roman for p in view.pillars}
    for point in view.points:
        for pp in point.pillars:
            yield point, romans.get(pp.number, str(pp.number)), pp.tally
        yield point, "total", point.total
