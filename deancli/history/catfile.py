"""One long-lived ``git cat-file --batch`` process for every blob a command reads (never a
process per object). Requests are written by a helper thread while the answers are read, so
thousands of blobs stream through one pipe without either side waiting on the other.

Blobs larger than the loader's cap are cut to the cap plus one byte, so the guarded reader
still reports them as too large.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from deancli.base.errors import DeanError
from deancli.base.i18n import tr
from deancli.plan import loader


class CatFile:
    def __init__(self, top: Path) -> None:
        try:
            self._proc = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except FileNotFoundError:
            raise DeanError(tr("git is not installed; it is needed for this command")) from None
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._in: IO[bytes] = self._proc.stdin
        self._out: IO[bytes] = self._proc.stdout

    def __enter__(self) -> CatFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._in.close()
        self._out.close()
        self._proc.wait()

    def _feed(self, shas: list[str]) -> None:
        try:
            for start in range(0, len(shas), 512):
                self._in.write("".join(f"{s}\n" for s in shas[start : start + 512]).encode())
            self._in.flush()
        except OSError:  # git went away: the reader reports it
            pass

    def _answer(self, sha: str) -> bytes:
        header = self._out.readline()
        if not header:
            raise DeanError(tr("git cat-file stopped before blob {sha}", sha=sha[:12]))
        parts = header.split()
        if len(parts) != 3 or parts[1] != b"blob":
            raise DeanError(tr("git object {sha} is missing or not a file", sha=sha[:12]))
        size = int(parts[2])
        keep = min(size, loader.MAX_FILE_BYTES + 1)
        data = self._out.read(keep)
        rest = size - keep
        while rest > 0:  # too large: read past the remainder, keep only the cap
            chunk = self._out.read(min(rest, 1 << 16))
            if not chunk:
                break
            rest -= len(chunk)
        self._out.read(1)  # the newline after each object
        return data

    def read_many(self, shas: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(sha, content) for each blob, in the order asked."""
        wanted = list(shas)
        if not wanted:
            return
        writer = threading.Thread(target=self._feed, args=(wanted,), daemon=True)
        writer.start()
        try:
            for sha in wanted:
                yield sha, self._answer(sha)
        finally:
            if writer.is_alive():  # stopped early: git may be blocked writing answers
                self._proc.kill()
            writer.join()
