"""The guarded way in (deancli.plan.loader): discovery of the plan's files, the checks made
before parsing (links, file type, size, encoding), YAML problems as diagnostics with their
codes and positions, and source positions of a parsed document."""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest

from deancli.base.diagnostics import Span
from deancli.base.errors import PlanNotFoundError
from deancli.plan import loader
from deancli.plan.discovery import discover
from deancli.plan.load import load_plan
from deancli.plan.loader import (
    MAX_FILE_BYTES,
    MAX_INVISIBLE_REPORTS,
    Document,
    decode,
    find_invisible,
    parse_document,
    read_document,
)

# (file content) -> findings as (code, line, column) and whether it parsed into a mapping
READS = {
    "a mapping": (b"a: 1\nb: [x, y]\n", [], True),
    "a leading BOM is allowed": (b"\xef\xbb\xbfa: 1\n", [], True),
    "empty": (b"", [("DEAN009", 1, 1)], False),
    "only a comment": (b"# nothing\n", [("DEAN009", 1, 1)], False),
    "a list": (b"- a\n- b\n", [("DEAN009", 1, 1)], False),
    "a scalar": (b"just text\n", [("DEAN009", 1, 1)], False),
    "syntax": (b"a: [1\n", [("DEAN001", 2, 1)], False),
    "duplicate key": (b"a: 1\nb: 2\na: 3\n", [("DEAN002", 3, 1)], True),
    "not UTF-8": (b"a: 1\nb: caf\xe9\n", [("DEAN003", 2, 7)], False),
    "not UTF-8 after a two-byte character": (b"a: \xc3\xa9\xff\n", [("DEAN003", 1, 5)], False),
    "a raw control character": (b"a: 1\nb: x\x07\n", [("DEAN003", 2, 5)], False),
    "an anchor and an alias": (b"a: &x 1\nb: *x\n", [("DEAN005", 1, 4), ("DEAN005", 2, 4)], True),
    "a tag": (b"a: !t 1\n", [("DEAN006", 1, 4)], True),
    "YAML 1.1": (b"%YAML 1.1\n---\na: 1\n", [("DEAN007", 1, 1)], True),
    "two documents": (b"a: 1\n---\nb: 2\n", [("DEAN010", 2, 1)], False),
    "a zero-width space": ("a: x\u200by\n".encode(), [("DEAN011", 1, 5)], True),
    "a bidi override in a key": ('"a\u202e": 1\n'.encode(), [("DEAN011", 1, 3)], True),
    "a list as a key": (b"? [a]\n: 1\n", [("DEAN014", 1, 3)], True),
}


def _read(tmp_path: Path, content: bytes, name: str = "x.yaml") -> Document:
    path = tmp_path / name
    path.write_bytes(content)
    return read_document(path, tmp_path, "initiative", name)


def _where(doc: Document) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


@pytest.mark.parametrize(("content", "expected", "ok"), READS.values(), ids=READS.keys())
def test_read_document(tmp_path, content, expected, ok):
    doc = _read(tmp_path, content)
    assert (_where(doc), doc.ok) == (expected, ok)
    assert all(d.location.path == "x.yaml" for d in doc.diagnostics)


def test_every_load_code_is_in_the_table():
    assert sorted(code for code, *_ in loader.LOAD_CODES.values()) == [
        *(f"DEAN{n:03d}" for n in range(1, 15)),
        "DEAN016",  # symbolic-link (DEAN015 is the checker's cap)
    ]


def test_what_is_read(tmp_path):
    doc = _read(tmp_path, "a: 1\nb: café\n".encode())
    assert doc.data == {"a": 1, "b": "café"}
    assert (doc.display, doc.rel, doc.kind) == ("x.yaml", "x.yaml", "initiative")
    assert doc.text == "a: 1\nb: café\n"


def test_the_empty_file_message(tmp_path):
    [d] = _read(tmp_path, b"").diagnostics
    assert (d.message, d.hint) == (
        "top level is empty, not a mapping",
        "a plan file is a mapping of keys such as `schema_version: 1`",
    )
    [d] = _read(tmp_path, b"- a\n").diagnostics
    assert d.message == "top level is a list, not a mapping"


def test_a_duplicate_key_points_at_the_first(tmp_path):
    [d] = _read(tmp_path, b"a: 1\nb: 2\na: 3\n").diagnostics
    assert d.message == "duplicate key `a`"
    [rel] = d.related
    assert (rel.message, rel.location.line, rel.location.column) == ("first defined here", 1, 1)


def test_size_limit(tmp_path):
    body = b"a: " + b"x" * (MAX_FILE_BYTES - 4) + b"\n"
    assert len(body) == MAX_FILE_BYTES
    assert _read(tmp_path, body).ok
    [d] = _read(tmp_path, body + b"\n").diagnostics
    assert (d.code, d.message, d.location.line) == ("DEAN008", "file larger than 256 KiB", None)


# --- files dean refuses to open ------------------------------------------------------------


def _refused(doc: Document) -> tuple[str, str, str | None]:
    [d] = doc.diagnostics
    assert d.location.line is None
    return d.code, d.message, d.hint


def test_a_link_inside_the_plan_is_followed(tmp_path):
    (tmp_path / "real.yaml").write_text("a: 1\n")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    doc = read_document(tmp_path / "link.yaml", tmp_path, "initiative", "link.yaml")
    assert (doc.data, doc.diagnostics) == ({"a": 1}, [])


def test_a_link_out_of_the_plan_is_refused(tmp_path):
    root = tmp_path / "plan"
    root.mkdir()
    (tmp_path / "secret.yaml").write_text("a: 1\n")
    (root / "x.yaml").symlink_to(tmp_path / "secret.yaml")
    doc = read_document(root / "x.yaml", root, "initiative", "x.yaml")
    assert doc.data is None
    assert _refused(doc) == (
        "DEAN012",
        "symbolic link points outside the plan",
        "dean never follows links out of the plan; copy the file into the plan",
    )


def test_a_broken_link_is_refused(tmp_path):
    (tmp_path / "x.yaml").symlink_to("nowhere.yaml")
    doc = read_document(tmp_path / "x.yaml", tmp_path, "initiative", "x.yaml")
    assert _refused(doc)[:2] == ("DEAN012", "broken or looping symbolic link")


@pytest.mark.parametrize("make", [os.mkdir, os.mkfifo], ids=["directory", "fifo"])
def test_only_regular_files_are_opened(tmp_path, make):
    make(tmp_path / "x.yaml")
    doc = read_document(tmp_path / "x.yaml", tmp_path, "initiative", "x.yaml")
    assert _refused(doc) == ("DEAN012", "not a regular file", "plan files must be regular files")


def test_a_missing_file(tmp_path):
    doc = read_document(tmp_path / "x.yaml", tmp_path, "initiative", "x.yaml")
    assert _refused(doc)[:2] == ("DEAN012", "cannot read file (No such file or directory)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    doc = read_document(path, tmp_path, "initiative", "x.yaml")
    assert _refused(doc)[:2] == ("DEAN012", "cannot open file (Permission denied)")


# --- decoding ------------------------------------------------------------------------------


def test_decode():
    assert decode(b"\xef\xbb\xbfa: 1\n") == ("a: 1\n", None)
    assert decode(b"a: \xff") == (
        None,
        ("not valid UTF-8 (byte 0xff)", Span(1, 4), "save the file as UTF-8"),
    )
    text, problem = decode(b"a\nb\x1b[31m\n")
    assert text is None
    assert problem == (
        "control character U+001B in file",
        Span(2, 2),
        "remove the character; plan files are plain text",
    )
    # tab, newline and carriage return are text
    assert decode(b"a:\t1\r\n") == ("a:\t1\r\n", None)


def test_invisible_characters_are_reported_with_their_span_up_to_a_cap():
    assert find_invisible("ab\n c\u200bd\ufeff") == [
        (Span(2, 3, 2, 4), "U+200B"),
        (Span(2, 5, 2, 6), "U+FEFF"),
    ]
    assert len(find_invisible("\u200b" * 50)) == MAX_INVISIBLE_REPORTS


# --- positions -----------------------------------------------------------------------------

TEXT = "a: 1\nb:\n  c: [x, 'y']\n"


def _doc(text: str = TEXT) -> Document:
    return parse_document(Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", "initiative"), text)


def test_spans_of_values_and_keys():
    doc = _doc()
    assert doc.span(("a",)) == Span(1, 4, 1, 5)
    assert doc.span(("a",), key=True) == Span(1, 1, 1, 2)
    assert doc.span(("b", "c", 1)) == Span(3, 10, 3, 13)
    assert doc.span(("b", "c"), key=True) == Span(3, 3, 3, 4)


def test_a_missing_path_falls_back_to_its_nearest_parent():
    doc = _doc()
    assert doc.span(("b", "c", 7)) == doc.span(("b", "c"))
    assert doc.span(("b", "nope"), key=True) == doc.span(("b",))
    assert doc.span(("zzz",)) == doc.span(())


def test_scalar_styles():
    doc = _doc()
    assert (doc.style(("a",)), doc.style(("b", "c", 1))) == ("plain", "single")


def test_no_positions_without_text():
    doc = Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", "initiative")
    assert (doc.span(("a",)), doc.style(("a",)), doc.lines()) == (None, None, [])


def test_text_is_kept_as_utf8():
    doc = _doc("a: café — ok\n")
    assert doc.utf8 == "a: café — ok\n".encode()
    assert doc.lines() == ["a: café — ok"]


def test_positions_are_dropped_for_old_documents_and_made_again(monkeypatch):
    monkeypatch.setattr(loader, "POSITIONS_KEPT", 2)
    monkeypatch.setattr(loader, "_with_positions", collections.deque())
    docs = [_doc() for _ in range(3)]
    for doc in docs:
        doc.span(("a",))
    assert [d._positions is None for d in docs] == [True, False, False]
    assert docs[0].span(("a",)) == Span(1, 4, 1, 5)


# --- discovery -----------------------------------------------------------------------------


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a: 1\n")


def test_discover(tmp_path):
    _touch(
        tmp_path,
        "dialogue.yaml",
        "organizations.yaml",
        "initiatives/02-b.yaml",
        "initiatives/01-a.yml",
        "initiatives/README.md",
        "initiatives/.hidden.yaml",
        "initiatives/old/03-c.yaml",
        "notes.yaml",
        "README.md",
        ".dean.yaml",
    )
    found = discover(tmp_path)
    assert found.root == tmp_path.resolve()
    assert (found.dialogue, found.organizations) == (
        tmp_path / "dialogue.yaml",
        tmp_path / "organizations.yaml",
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found.initiatives] == [
        "initiatives/01-a.yml",
        "initiatives/02-b.yaml",
    ]
    assert [p.relative_to(tmp_path).as_posix() for p in found.others] == [
        "initiatives/old",
        "notes.yaml",
    ]
    assert found.problems == []


def test_discover_an_empty_plan(tmp_path):
    found = discover(tmp_path)
    assert (found.dialogue, found.organizations, found.initiatives, found.others) == (
        None,
        None,
        [],
        [],
    )


def test_discover_refuses_an_initiatives_link_out_of_the_plan(tmp_path):
    outside = tmp_path / "elsewhere"
    _touch(outside, "01-a.yaml")
    root = tmp_path / "plan"
    root.mkdir()
    (root / "initiatives").symlink_to(outside)
    found = discover(root)
    assert found.initiatives == []
    assert found.problems == [
        (
            root.resolve() / "initiatives",
            "symbolic link to a directory outside the plan; not followed",
            "dean never follows links out of the plan; move the directory into the plan",
        )
    ]


def test_discover_a_missing_directory(tmp_path):
    with pytest.raises(PlanNotFoundError, match="plan directory not found"):
        discover(tmp_path / "nope")


def test_display_and_rel_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert loader.display_path(tmp_path / "plan" / "x.yaml") == "plan/x.yaml"
    assert loader.display_path(Path("/elsewhere/x.yaml")) == "/elsewhere/x.yaml"
    assert loader.rel_path(tmp_path / "plan/initiatives/a.yaml", tmp_path / "plan") == (
        "initiatives/a.yaml"
    )
    assert loader.rel_path(Path("/elsewhere/x.yaml"), tmp_path) == "x.yaml"


# --- a whole plan --------------------------------------------------------------------------


def test_load_plan_reports_missing_and_unexpected_files(tmp_path, monkeypatch):
    _touch(tmp_path, "organizations.yaml", "initiatives/01-a.yaml", "extra.yml")
    monkeypatch.chdir(tmp_path)
    loaded = load_plan(tmp_path)
    assert [(d.code, d.severity.label, d.location.path, d.message) for d in loaded.diagnostics] == [
        ("DEAN013", "error", "dialogue.yaml", "the plan has no `dialogue.yaml`"),
        (
            "DEAN004",
            "warning",
            "extra.yml",
            "file is not part of the plan layout and was not checked",
        ),
    ]
    assert [(d.kind, d.display) for d in loaded.documents] == [
        ("organizations", "organizations.yaml"),
        ("initiative", "initiatives/01-a.yaml"),
    ]


def test_load_plan_keeps_each_files_findings(tmp_path, monkeypatch):
    _touch(tmp_path, "dialogue.yaml", "organizations.yaml")
    (tmp_path / "initiatives").mkdir()
    (tmp_path / "initiatives/01-a.yaml").write_bytes(b"a: [\n")
    monkeypatch.chdir(tmp_path)
    loaded = load_plan(tmp_path)
    assert [(d.code, d.location.path) for d in loaded.diagnostics] == [
        ("DEAN001", "initiatives/01-a.yaml")
    ]
    assert loaded.plan.initiatives == []
