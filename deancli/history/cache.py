"""The blob cache of ``dean history``: what the guarded reader made of a git blob, kept by
blob id so that each version of a plan file is parsed once, ever.

- **Where**: ``$DEAN_CACHE_DIR`` when set; else ``dean/`` inside the repository's git
  directory; else (read-only git directory) the user cache directory (``$XDG_CACHE_HOME`` or
  ``~/.cache``) under ``dean/``, one file per repository; else no cache at all.
- **Versioned**: the file records the cache format, dean's version and a digest of the
  schemas; any difference empties it. A cached entry is a pure function of the blob's bytes
  and those three, so the cache never changes a result (a test compares cold and warm runs).
- **Bounded**: at most ``MAX_BYTES`` of entries; the least recently used go first.
- **Safe to delete**, at any time: it is rebuilt on the next run. A damaged file is
  deleted and rebuilt too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

FORMAT = 2
FILE = "history-cache.sqlite"
MAX_BYTES = 64 * 1024 * 1024
CACHE_ENV = "DEAN_CACHE_DIR"
_CHUNK = 500  # keys per SELECT (below SQLite's variable limit)


def _version() -> str:
    from deancli import __version__
    from deancli.base import resources

    digest = hashlib.sha256()
    schemas = resources.schemas_dir()
    for name in sorted(os.listdir(schemas)):
        if name.endswith(".json"):
            digest.update(name.encode())
            digest.update((schemas / name).read_bytes())
    return f"{FORMAT}:{__version__}:{digest.hexdigest()[:16]}"


def _writable_dir(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK)


def location(git_dir: Path) -> Path | None:
    """The cache file for the repository whose git directory is ``git_dir``."""
    env = os.environ.get(CACHE_ENV)
    if env:
        d = Path(env)
        return d / FILE if _writable_dir(d) else None
    inside = git_dir / "dean"
    if _writable_dir(inside):
        return inside / FILE
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    user = Path(base) / "dean"
    if _writable_dir(user):
        tag = hashlib.sha256(str(git_dir.resolve()).encode()).hexdigest()[:16]
        return user / f"history-{tag}.sqlite"
    return None


class BlobCache:
    """``key`` → bytes, where a key is ``kind:blob-id``. Without a file (``path`` None, or
    the file cannot be opened) it holds nothing and stores nothing."""

    def __init__(self, path: Path | None, *, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        if path is not None:
            try:
                self._db = self._open(path)
            except sqlite3.Error:
                self._db = self._reset(path)

    def _open(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=5, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS blobs "
            "(key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)"
        )
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        version = _version()
        if row is None or row[0] != version:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM blobs")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('clock', '0')")
            db.execute("COMMIT")
        return db

    def _reset(self, path: Path) -> sqlite3.Connection | None:
        """A damaged or foreign file: delete it and start again (it is only a cache)."""
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{path}{suffix}")
        try:
            return self._open(path)
        except sqlite3.Error:
            return None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = list(keys)
        found: dict[str, bytes] = {}
        if self._db is not None and wanted:
            try:
                for start in range(0, len(wanted), _CHUNK):
                    chunk = wanted[start : start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    found.update(
                        self._db.execute(
                            f"SELECT key, value FROM blobs WHERE key IN ({marks})", chunk
                        ).fetchall()
                    )
            except sqlite3.Error:
                found = {}
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        if found:
            self._touch(list(found))
        return found

    def _clock(self, db: sqlite3.Connection) -> int:
        row = db.execute("SELECT value FROM meta WHERE key='clock'").fetchone()
        tick = int(row[0]) + 1 if row else 1
        db.execute("INSERT OR REPLACE INTO meta VALUES ('clock', ?)", (str(tick),))
        return tick

    def _touch(self, keys: list[str]) -> None:
        db = self._db
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            tick = self._clock(db)
            db.executemany("UPDATE blobs SET used=? WHERE key=?", ((tick, k) for k in keys))
            db.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()

    def put_many(self, items: dict[str, bytes]) -> None:
        db = self._db
        if db is None or not items:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            tick = self._clock(db)
            db.executemany(
                "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)",
                ((k, v, tick) for k, v in items.items()),
            )
            self._bound(db)
            db.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()

    def _bound(self, db: sqlite3.Connection) -> None:
        """Drop the least recently used entries until the rest fit in ``max_bytes``."""
        (total,) = db.execute("SELECT COALESCE(SUM(LENGTH(value)), 0) FROM blobs").fetchone()
        if total <= self.max_bytes:
            return
        excess = total - self.max_bytes * 3 // 4  # make room for a while
        doomed = []
        for key, size in db.execute("SELECT key, LENGTH(value) FROM blobs ORDER BY used, key"):
            if excess <= 0:
                break
            doomed.append((key,))
            excess -= size
        db.executemany("DELETE FROM blobs WHERE key=?", doomed)

    def _rollback(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
