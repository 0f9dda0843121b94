"""The plan's history as git tells it: one ``git log --first-parent --raw`` for the plan
files each commit changed (blob ids before and after; merges against their first parent;
renames as a delete and an add), and the points in time sampled from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.history import git as gitplan
from deancli.plan import loader
from deancli.views import progress

_REGULAR = ("100644", "100755")  # links and submodules are never followed
_ZERO = "0" * 40


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
                tr("{rev} is not on the first-parent line of the history read", rev=since.rev[:12])
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


def state_at(commits: list[Commit], upto: int) -> dict[str, tuple[str, str]]:
    state: dict[str, tuple[str, str]] = {}
    for c in commits[: upto + 1]:
        for ch in c.changes:
            if ch.new is None:
                state.pop(ch.rel, None)
            else:
                state[ch.rel] = (ch.kind, ch.new)
    return state
