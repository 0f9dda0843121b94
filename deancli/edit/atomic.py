"""Atomic writes: a file is always either its old or its new content, and never written if
it changed on disk since dean read it."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.edit.change import EditError


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when dean read it; a write is refused if it changed since."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    sha256: str
    mode: int

    @classmethod
    def of(cls, path: Path) -> Fingerprint:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode):
            raise EditError(
                tr("{path} is not a regular file; dean does not write through links", path=path)
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, digest, st.st_mode)


FAULT_ENV = "DEAN_FAULT_INJECT"  # tests only: "before-rename" exits between write and rename


def write_atomic(
    path: Path, text: str, expect: Fingerprint | None, *, sync_dir: bool = True
) -> None:
    """Write ``text`` to ``path`` so that it is always either the old or the new content:
    a temporary file in the same directory, fsync, the original mode, a check that the file
    did not change since it was read, rename over it, fsync the directory (unless
    ``sync_dir`` is false: a caller writing many files of one directory syncs it once, after
    the last, with :func:`sync_directory`)."""
    directory = path.parent
    data = text.encode("utf-8")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # a read-only directory, a full disk: the user's to fix (exit 2)
        raise UsageProblem(
            tr(
                "cannot write {path}: {reason}",
                path=path,
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if expect is not None:
            os.chmod(tmp, stat.S_IMODE(expect.mode))
            now = Fingerprint.of(path)
            if now != expect:
                raise EditError(
                    tr("{name} changed on disk since dean read it; run again", name=path.name)
                )
        else:
            os.chmod(tmp, 0o644)
            if path.exists() or path.is_symlink():
                raise EditError(
                    tr("{name} already exists; dean does not overwrite it", name=path.name)
                )
        if os.environ.get(FAULT_ENV) == "before-rename":
            os._exit(99)
        os.replace(tmp, path)
        if sync_dir:
            sync_directory(directory)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sync_directory(directory: Path) -> None:
    """Make the renames into ``directory`` durable (fsync the directory)."""
    if os.name != "nt":  # Windows opens no directory; its rename is durable by itself
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
