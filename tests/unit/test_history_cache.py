"""The blob cache of `dean history`: versioned, bounded, safe to delete or damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deancli.history import cache as blobcache
from deancli.history.cache import BlobCache


def test_round_trip_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    c = BlobCache(path)
    c.put_many({"initiative:aa": b"one", "dialogue:bb": b"two"})
    c.close()
    c = BlobCache(path)
    assert c.get_many(["initiative:aa", "dialogue:bb", "initiative:cc"]) == {
        "initiative:aa": b"one",
        "dialogue:bb": b"two",
    }
    assert (c.hits, c.misses) == (2, 1)
    c.close()


def test_another_version_empties_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.sqlite"
    c = BlobCache(path)
    c.put_many({"initiative:aa": b"one"})
    c.close()
    monkeypatch.setattr(blobcache, "FORMAT", blobcache.FORMAT + 1)
    c = BlobCache(path)
    assert c.get_many(["initiative:aa"]) == {}
    c.close()


def test_a_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    c = BlobCache(path)
    c.put_many({"initiative:aa": b"one"})
    assert c.get_many(["initiative:aa"]) == {"initiative:aa": b"one"}
    c.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM blobs").fetchone() == (1,)


def test_bounded_least_recently_used_go_first(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "c.sqlite", max_bytes=1000)
    c.put_many({f"initiative:{i:02d}": b"x" * 100 for i in range(8)})  # 800 bytes
    c.get_many(["initiative:00"])  # used again: kept
    c.put_many({"initiative:new": b"y" * 400})  # 1,200 bytes: down to 750 or less
    left = c.get_many([f"initiative:{i:02d}" for i in range(8)] + ["initiative:new"])
    assert "initiative:00" in left and "initiative:new" in left
    assert sum(len(v) for v in left.values()) <= 750
    assert "initiative:01" not in left
    c.close()


def test_without_a_file_it_holds_nothing(tmp_path: Path) -> None:
    c = BlobCache(None)
    c.put_many({"initiative:aa": b"one"})
    assert c.get_many(["initiative:aa"]) == {}
    c.close()


def test_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(blobcache.CACHE_ENV, raising=False)
    git_dir = tmp_path / "repo" / ".git"
    git_dir.mkdir(parents=True)
    assert blobcache.location(git_dir) == git_dir / "dean" / blobcache.FILE
    monkeypatch.setenv(blobcache.CACHE_ENV, str(tmp_path / "elsewhere"))
    assert blobcache.location(git_dir) == tmp_path / "elsewhere" / blobcache.FILE
