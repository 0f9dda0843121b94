"""The plan at a git revision, and checks relative to one (`--changed-since`, `dean diff`).

Files are read from git's object store (never checked out, never executed) into a temporary
directory and then go through the same guarded loader as the working tree. Symbolic links
stored in git are left out; blobs larger than the loader's cap are truncated so the loader
reports them.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from deancli.base.diagnostics import Diagnostic
from deancli.base.errors import DeanError, UsageProblem
from deancli.base.i18n import tr
from deancli.check.result import CheckResult
from deancli.plan import loader
from deancli.plan.config import Config

WORKTREE = None  # a revision of None means the working tree


def _git(args: Sequence[str], cwd: Path, *, input: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise DeanError(tr("git is not installed; it is needed for this command")) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageProblem(
            tr(
                "git {command} failed: {reason}",
                command=args[0],
                reason=message[-1] if message else tr("unknown error"),
            )
        )
    return proc.stdout


@dataclass(frozen=True)
class Repo:
    top: Path
    plan_rel: str  # the plan directory relative to the repository, POSIX


def repo_for(plan_root: Path) -> Repo:
    plan_root = plan_root.resolve()
    try:
        out = _git(["rev-parse", "--show-toplevel"], plan_root)
    except UsageProblem:
        raise UsageProblem(
            tr("{path} is not inside a git repository", path=loader.display_path(plan_root))
        ) from None
    top = Path(out.decode().strip()).resolve()
    rel = plan_root.relative_to(top).as_posix()
    return Repo(top, rel if rel != "." else "")


def resolve_rev(repo: Repo, rev: str) -> str:
    if not rev or rev.startswith("-"):
        raise UsageProblem(tr("not a git revision: {rev}", rev=repr(rev)))
    try:
        out = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo.top
        )
    except UsageProblem:
        raise UsageProblem(tr("unknown git revision {rev}", rev=repr(rev))) from None
    return out.decode().strip()


def default_base(repo: Repo) -> str:
    """The merge-base of HEAD with the default branch (origin/HEAD, main or master)."""
    candidates = []
    try:
        head = _git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], repo.top)
        candidates.append(head.decode().strip())
    except UsageProblem:
        pass
    candidates += ["origin/main", "origin/master", "main", "master"]
    for name in candidates:
        try:
            resolve_rev(repo, name)
            out = _git(["merge-base", "HEAD", name], repo.top)
            return out.decode().strip()
        except UsageProblem:
            continue
    raise UsageProblem(tr("no default branch found (origin/HEAD, main or master); name BASE"))


def materialise(repo: Repo, rev: str, dest: Path) -> Path:
    """Write the plan directory as it is at ``rev`` under ``dest``; return the plan root."""
    root = dest / (Path(repo.plan_rel).name or "plan")
    root.mkdir(parents=True)
    spec = repo.plan_rel or "."
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", rev, "--", spec], repo.top)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path_b = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # links and submodules are never followed
        path = path_b.decode("utf-8", "surrogateescape")
        rel = path[len(repo.plan_rel) + 1 :] if repo.plan_rel else path
        parts = Path(rel).parts
        if not parts or any(p in ("..", "") or p.startswith(".") for p in parts):
            continue
        if len(parts) > 2 or (len(parts) == 2 and parts[0] != loader.INITIATIVES):
            continue  # dean reads only the plan's top level and initiatives/
        blobs.append((sha, rel))
    if blobs:
        batch = _git(
            ["cat-file", "--batch"],
            repo.top,
            input="".join(f"{sha}\n" for sha, _ in blobs).encode(),
        )
        pos = 0
        for _sha, rel in blobs:
            header_end = batch.index(b"\n", pos)
            size = int(batch[pos:header_end].split()[2])
            start = header_end + 1
            content = batch[start : start + min(size, loader.MAX_FILE_BYTES + 1)]
            pos = start + size + 1
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    return root


def changed_files(repo: Repo, rev: str) -> set[str]:
    """Plan files (relative to the plan root) that differ between ``rev`` and the working
    tree, untracked ones included."""
    spec = repo.plan_rel or "."
    out = _git(["diff", "--name-only", "-z", "--no-renames", rev, "--", spec], repo.top)
    out += b"\0" + _git(["ls-files", "--others", "--exclude-standard", "-z", "--", spec], repo.top)
    names = set()
    for raw in out.split(b"\0"):
        if not raw:
            continue
        path = raw.decode("utf-8", "surrogateescape")
        names.add(path[len(repo.plan_rel) + 1 :] if repo.plan_rel else path)
    return names


def _key(d: Diagnostic, prefix: str) -> tuple[str, str, str]:
    path = d.location.path
    rel = path[len(prefix) :] if path.startswith(prefix) else path
    return (d.code, rel, d.message)


def check_changed_since(
    root: Path,
    rev: str,
    *,
    as_of: dt.date,
    paths: Sequence[str] = (),
    config: Config | None = None,
) -> CheckResult:
    """All findings in files changed since ``rev``, plus findings elsewhere that ``rev`` did
    not have (a change to one file can break another)."""
    from deancli.check import checker

    repo = repo_for(root)
    sha = resolve_rev(repo, rev)
    changed = changed_files(repo, sha)
    current = checker.check(root, as_of=as_of, paths=paths, config=config)
    with tempfile.TemporaryDirectory(prefix="dean-") as tmp:
        base_root = materialise(repo, sha, Path(tmp))
        base = checker.check(base_root, as_of=as_of, config=config)
        base_prefix = loader.display_path(base_root.resolve()) + "/"
        before = Counter(_key(d, base_prefix) for d in base.diagnostics)
    prefix = current.plan_root + "/"
    kept = []
    for d in current.diagnostics:
        key = _key(d, prefix)
        if key[1] in changed:
            kept.append(d)
        elif before[key] > 0:
            before[key] -= 1
        else:
            kept.append(d)
    current.diagnostics = kept
    current.reported_paths = current.reported_paths or [tr("changed since {rev}", rev=rev)]
    current.files_reported = len({k for k in changed if k.endswith(loader.YAML_SUFFIXES)})
    return current


def git_dir(repo: Repo) -> Path:
    """The repository's common git directory (shared by its worktrees)."""
    out = _git(["rev-parse", "--git-common-dir"], repo.top).decode().strip()
    path = Path(out)
    return path if path.is_absolute() else (repo.top / path).resolve()


def has_commits(repo: Repo) -> bool:
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], repo.top)
    except UsageProblem:
        return False
    return True


def is_shallow(repo: Repo) -> bool:
    return _git(["rev-parse", "--is-shallow-repository"], repo.top).decode().strip() == "true"


def commit_date(repo: Repo, sha: str) -> dt.date:
    """The day a commit was committed, in its committer's time zone."""
    out = _git(["log", "-1", "--format=%cI", sha, "--"], repo.top).decode().strip()
    return dt.date.fromisoformat(out[:10])


def rev_at(repo: Repo, value: str) -> tuple[str, dt.date]:
    """``--at REV|DATE``: a revision, or the last first-parent commit of HEAD made on or
    before a YYYY-MM-DD date. Returns the commit and the day it stands for (the date asked,
    or the commit's date)."""
    day = _as_date(value)
    if day is None:
        sha = resolve_rev(repo, value)
        return sha, commit_date(repo, sha)
    if not has_commits(repo):
        raise UsageProblem(tr("the repository has no commits yet"))
    out = _git(
        ["rev-list", "--first-parent", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD", "--"],
        repo.top,
    ).strip()
    if not out:
        raise UsageProblem(
            tr("no commit on or before {date} (the history starts later)", date=day.isoformat())
        )
    return out.decode(), day


def _as_date(value: str) -> dt.date | None:
    if len(value) != 10 or value.count("-") != 2:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def head_state(plan_root: Path) -> tuple[str, bool] | None:
    """The commit checked out where the plan lives, and whether the plan's files differ from
    it (changed or untracked); None when the plan is not in a git repository (or git is not
    installed)."""
    try:
        repo = repo_for(plan_root)
        sha = resolve_rev(repo, "HEAD")
        spec = repo.plan_rel or "."
        status = _git(["status", "--porcelain", "-z", "--", spec], repo.top)
    except DeanError:
        return None
    return sha, bool(status.strip(b"\0"))
