"""Read each plan file through one guarded way in (``discovery`` finds them).

Every byte dean reads from a plan passes through :func:`read_document` (files) or
:func:`read_bytes` (git blobs): regular files only, inside the plan, size-capped before
parsing, strict UTF-8, one YAML 1.2 document with a mapping at the top. Problems become
diagnostics; nothing here raises for bad input.

(This module is longer than 400 lines: every guard on the way in stays in one place, so
that a file's bytes and a git blob's pass exactly the same checks.)
"""

from __future__ import annotations

import collections
import os
import re
import stat
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deancli.base.diagnostics import Diagnostic, Location, Related, Severity, Span
from deancli.base.i18n import M
from deancli.plan import yamlio

if TYPE_CHECKING:
    from deancli.plan.spans import Marks

MAX_FILE_BYTES = 256 * 1024  # plan files are a few KiB; this bounds parse time too
YAML_SUFFIXES = (".yaml", ".yml")
DIALOGUE = "dialogue.yaml"
ORGANIZATIONS = "organizations.yaml"
INITIATIVES = "initiatives"

# kind -> (code, name, severity, summary); docs/rules.md documents each code
LOAD_CODES: dict[str, tuple[str, str, Severity, str]] = {
    "syntax": ("DEAN001", "yaml-syntax", Severity.ERROR, "the file is not valid YAML"),
    "duplicate-key": (
        "DEAN002",
        "duplicate-key",
        Severity.ERROR,
        "a key appears twice in one mapping",
    ),
    "encoding": (
        "DEAN003",
        "invalid-encoding",
        Severity.ERROR,
        "the file is not UTF-8 text, or holds raw control characters",
    ),
    "unexpected-file": (
        "DEAN004",
        "unexpected-file",
        Severity.WARNING,
        "a YAML file where the plan layout expects none",
    ),
    "alias": ("DEAN005", "yaml-anchor", Severity.ERROR, "an anchor (&a) or alias (*a)"),
    "tag": ("DEAN006", "yaml-tag", Severity.ERROR, "an explicit tag (!!str, !custom)"),
    "directive": ("DEAN007", "yaml-directive", Severity.ERROR, "a %YAML directive other than 1.2"),
    "limit": ("DEAN008", "limit-exceeded", Severity.ERROR, "a file too large or nested too deeply"),
    "not-mapping": (
        "DEAN009",
        "not-a-mapping",
        Severity.ERROR,
        "the top level is not a mapping (or the file is empty)",
    ),
    "multi-document": (
        "DEAN010",
        "multiple-documents",
        Severity.ERROR,
        "more than one YAML document in a file",
    ),
    "invisible": (
        "DEAN011",
        "invisible-character",
        Severity.ERROR,
        "an invisible, bidi or control character in a key or value",
    ),
    "unreadable": (
        "DEAN012",
        "unreadable-file",
        Severity.ERROR,
        "a file dean refuses to open (link out of the plan, not a regular file)",
    ),
    "missing-file": (
        "DEAN013",
        "missing-file",
        Severity.ERROR,
        "dialogue.yaml or organizations.yaml is missing",
    ),
    "complex-key": ("DEAN014", "complex-key", Severity.ERROR, "a mapping or list used as a key"),
    "link": (
        "DEAN016",
        "symbolic-link",
        Severity.WARNING,
        "a symbolic link inside the plan (followed only to a file inside the plan)",
    ),
}

_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_RAW_INVISIBLE = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
MAX_INVISIBLE_REPORTS = 20


def find_invisible(text: str) -> list[tuple[Span, str]]:
    """Literal invisible characters (zero-width, BOM, bidi) with their exact positions."""
    out = []
    for m in _RAW_INVISIBLE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        out.append((Span(line, col, line, col + 1), f"U+{ord(m.group()):04X}"))
        if len(out) >= MAX_INVISIBLE_REPORTS:
            break
    return out


def load_diagnostic(
    kind: str,
    path: str,
    message: str,
    span: Span | None = None,
    hint: str | None = None,
    related: tuple[Related, ...] = (),
    json_path: str | None = None,
) -> Diagnostic:
    code, name, severity, _ = LOAD_CODES[kind]
    return Diagnostic(
        code, name, severity, message, Location.at(path, span), json_path, hint, related
    )


@dataclass(eq=False)
class Document:
    """One plan file: where it is, what kind it is, its text and its JSON view."""

    path: Path  # absolute
    display: str  # as shown to the user
    rel: str  # relative to the plan root, POSIX separators
    kind: str  # "dialogue" | "organizations" | "initiative"
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _positions: yamlio.Parsed | None = None
    # the text, kept as UTF-8: half the memory of a str with any non-Latin-1 character
    # (an em dash is enough), and only files with findings or edits ever need it again
    utf8: bytes | None = None
    # positions, compactly, from the one parse (yamlio.Parsed.marks): read with marks=True
    marks: array[int] | None = None
    _marks: Marks | None = None
    # what the checker worked out where the file was read (a worker, for large plans):
    # its schema findings, and its inline suppressions (deancli.check.suppress); None when
    # not worked out yet
    schema_findings: list[Diagnostic] | None = None
    suppressions: list[Any] | None = None
    # what another command worked out where the file was read (`dean fmt`: its result)
    prepared: Any = None
    cited: list[str] | None = None  # the source ids it cites (model.cited_source_ids)

    @property
    def text(self) -> str | None:
        return None if self.utf8 is None else self.utf8.decode("utf-8", "surrogatepass")

    @text.setter
    def text(self, value: str | None) -> None:
        self.utf8 = None if value is None else value.encode("utf-8", "surrogatepass")

    @property
    def ok(self) -> bool:
        """Parsed into a mapping (it may still have schema errors)."""
        return isinstance(self.data, dict)

    def positions(self) -> yamlio.Parsed | None:
        """Where every key and value stands: from the parse's marks when it kept them, else
        parsed again (a file with reading issues, or one read without marks)."""
        if self._positions is None and self.text is not None:
            found = self._mark_table()
            if found is not None:
                values, keys, styles = found.tables()
                self._positions = yamlio.Parsed(self.data, [], values, keys, styles)
            else:
                self._positions = yamlio.parse(self.text, positions=True)
            _keep_positions(self)
        return self._positions

    def _mark_table(self) -> Marks | None:
        if self._marks is None and self.marks is not None and self.ok and self.utf8 is not None:
            from deancli.plan.spans import Marks

            self._marks = Marks(self.data, self.marks, self.text or "")
        return self._marks

    def span(self, parts: yamlio.PathKey, *, key: bool = False) -> Span | None:
        """Source span of the value (or the key) at ``parts``, else of its nearest parent."""
        if self._positions is None:
            found = self._mark_table()
            if found is not None:
                return found.value_span(tuple(parts), key=key)
        pos = self.positions()
        if pos is None or pos.values is None or pos.keys is None:
            return None
        parts = tuple(parts)
        if key and parts in pos.keys:
            return pos.keys[parts]
        while parts:
            if parts in pos.values:
                return pos.values[parts]
            parts = parts[:-1]
        return pos.values.get(())

    def starting_on(self, lines: set[int]) -> dict[int, yamlio.PathKey] | None:
        """The outermost key or list item starting on each of ``lines``, from the marks of
        the one parse; None without them (then the full positions answer)."""
        if self._positions is None:
            found = self._mark_table()
            if found is not None:
                return found.starting_on(lines)
        return None

    def style(self, parts: yamlio.PathKey) -> str | None:
        if self._positions is None:
            found = self._mark_table()
            if found is not None:
                return found.style(tuple(parts))
        pos = self.positions()
        if pos is None or pos.styles is None:
            return None
        return pos.styles.get(tuple(parts))

    def lines(self) -> list[str]:
        return (self.text or "").splitlines()


# Source positions cost ~50 KB a file. They are made only for files with findings, but when
# thousands of files have one (a renamed shared source), keeping them all took over 600 MiB:
# the most recent POSITIONS_KEPT stay, older ones are dropped and re-made if asked again
# (rules visit files in order, so that is rare).
POSITIONS_KEPT = 256
_with_positions: collections.deque[Document] = collections.deque()


def _keep_positions(doc: Document) -> None:
    _with_positions.append(doc)
    while len(_with_positions) > POSITIONS_KEPT:
        _with_positions.popleft()._positions = None


def display_path(path: Path, cwd: Path | None = None) -> str:
    cwd = cwd or Path.cwd()
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def rel_path(path: Path, root: Path) -> str:
    """``path`` relative to the plan root, POSIX separators (the name when outside)."""
    return path.relative_to(root).as_posix() if _inside(path, root) else path.name


def read_document(
    path: Path, root: Path, kind: str, display: str, *, marks: bool = False
) -> Document:
    """Read and parse one plan file through the guards. Never raises for bad input.
    ``marks``: keep the parse's compact positions (for a check: findings need them)."""
    doc = Document(path=path, display=display, rel=rel_path(path, root), kind=kind)
    raw, problem = _read_bytes(path, root)
    if problem is not None:
        doc.diagnostics.append(load_diagnostic("unreadable", display, problem[0], hint=problem[1]))
        return doc
    assert raw is not None
    return read_bytes(doc, raw, marks=marks)


def read_bytes(doc: Document, raw: bytes, *, marks: bool = False) -> Document:
    """The guards after reading, for bytes from anywhere (a file, a git blob): size cap,
    strict UTF-8, then :func:`parse_document`. Never raises for bad input."""
    display = doc.display
    if len(raw) > MAX_FILE_BYTES:
        doc.diagnostics.append(
            load_diagnostic(
                "limit",
                display,
                M("file larger than {size} KiB", size=MAX_FILE_BYTES // 1024),
                hint=M("split the content; a plan file is a few kilobytes"),
            )
        )
        return doc
    text, enc_problem = decode(raw)
    if enc_problem is not None:
        doc.diagnostics.append(
            load_diagnostic("encoding", display, enc_problem[0], enc_problem[1], enc_problem[2])
        )
        return doc
    assert text is not None
    return parse_document(doc, text, marks=marks)


def parse_document(doc: Document, text: str, *, marks: bool = False) -> Document:
    """Parse already-decoded text into ``doc`` (used for files and for edits in memory)."""
    display = doc.display
    doc.text = text
    for span, code in find_invisible(text):
        doc.diagnostics.append(
            load_diagnostic(
                "invisible",
                display,
                M("invisible character {code}", code=code),
                span,
                M(
                    "delete it: zero-width, byte-order-mark and bidi characters make text look "
                    "different from what it is"
                ),
            )
        )
    parsed = yamlio.parse(text, marks=marks)
    doc.marks = parsed.marks
    for issue in parsed.issues:
        related = tuple(Related(Location.at(display, s), m) for s, m in issue.related)
        jp = None
        if issue.path is not None:
            from deancli.base.diagnostics import json_path

            jp = json_path(issue.path)
        doc.diagnostics.append(
            load_diagnostic(issue.kind, display, issue.message, issue.span, issue.hint, related, jp)
        )
    if parsed.fatal:
        return doc
    if not isinstance(parsed.data, dict):
        doc.diagnostics.append(
            load_diagnostic(
                "not-mapping",
                display,
                M("top level is empty, not a mapping")
                if parsed.data is None
                else M("top level is a {type}, not a mapping", type=type(parsed.data).__name__),
                Span(1, 1),
                M("a plan file is a mapping of keys such as `schema_version: 1`"),
            )
        )
        return doc
    doc.data = parsed.data
    return doc


def _read_bytes(path: Path, root: Path) -> tuple[bytes | None, tuple[str, str] | None]:
    try:
        st = os.lstat(path)
    except OSError as exc:
        return None, (
            M("cannot read file ({reason})", reason=exc.strerror),
            M("check that the file exists"),
        )
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None, (M("broken or looping symbolic link"), M("replace the link with the file"))
        if not _inside(target, root):
            return None, (
                M("symbolic link points outside the plan"),
                M("dean never follows links out of the plan; copy the file into the plan"),
            )
        path = target
        st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        return None, (M("not a regular file"), M("plan files must be regular files"))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return None, (
            M("cannot open file ({reason})", reason=exc.strerror),
            M("check the file's permissions"),
        )
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None, (M("not a regular file"), M("plan files must be regular files"))
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks), None
    except OSError as exc:
        return None, (
            M("cannot read file ({reason})", reason=exc.strerror),
            M("check the file's permissions"),
        )
    finally:
        os.close(fd)


def decode(raw: bytes) -> tuple[str | None, tuple[str, Span, str] | None]:
    """Strict UTF-8 (one leading BOM allowed); raw control characters are refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, (
            M("not valid UTF-8 (byte 0x{byte})", byte=f"{raw[exc.start]:02x}"),
            Span(line, col),
            M("save the file as UTF-8"),
        )
    m = _RAW_CONTROL.search(text)
    if m is not None:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        return None, (
            M("control character U+{code} in file", code=f"{ord(m.group()):04X}"),
            Span(line, col),
            M("remove the character; plan files are plain text"),
        )
    return text, None
