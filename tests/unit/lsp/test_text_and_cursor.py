"""Positions in the client's units, and where the cursor stands in a buffer being typed."""

from __future__ import annotations

import pytest
from lsprotocol import types

from deancli.base.diagnostics import Span
from deancli.lsp.cursor import cursor_at
from deancli.lsp.text import Lines

TEXT = "a: x\r\nb: é😀z\rc: ok\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        (types.PositionEncodingKind.Utf16, 7),  # é is 1 unit, 😀 2, z 1
        (types.PositionEncodingKind.Utf8, 10),  # é 2 bytes, 😀 4, z 1
        (types.PositionEncodingKind.Utf32, 6),
    ],
)
def test_columns_in_the_clients_units(encoding, expected):
    lines = Lines(TEXT, encoding)
    assert lines.lines == ["a: x", "b: é😀z", "c: ok", ""]
    rng = lines.span_range(Span(2, 4, 2, 7))  # é😀z: code points 4..6 (1-based), end exclusive
    assert (rng.start, rng.end) == (types.Position(1, 3), types.Position(1, expected))
    assert lines.from_client(types.Position(1, expected)) == (1, 6)
    assert lines.offset_of(types.Position(2, 0)) == TEXT.index("c:")


def test_positions_past_the_end_are_clamped():
    lines = Lines("a: 1\n")
    assert lines.to_client(9, 9) == types.Position(1, 0)
    assert lines.from_client(types.Position(0, 99)) == (0, 4)
    assert lines.span_range(None) == types.Range(types.Position(0, 0), types.Position(0, 0))
    word = lines.span_range(Span(1, 4))  # no end: the word
    assert (word.start.character, word.end.character) == (3, 4)


def _at(src: str):  # type: ignore[no-untyped-def]
    lines = src.split("\n")
    (n,) = [i for i, line in enumerate(lines) if "|" in line]
    col = lines[n].index("|")
    lines[n] = lines[n].replace("|", "", 1)
    return cursor_at(lines, n, col)


@pytest.mark.parametrize(
    ("src", "parts", "mode", "word"),
    [
        ("status: acti|", ("status",), "value", "acti"),
        ("leads:\n  mx: [SE, D|]", ("leads", "mx", 0), "value", "D"),
        ("leads:\n  mx:\n    - |", ("leads", "mx", 0), "value", ""),
        ("milestones:\n- id: a\n  own|", ("milestones", 0), "key", "own"),
        (
            "milestones:\n  - id: a\n    owners:\n      - S|",
            ("milestones", 0, "owners", 0),
            "value",
            "S",
        ),
        ("milestones:\n  - kind: |", ("milestones", 0, "kind"), "value", ""),
        ("t:\n  es: {kind: x, sources: [jor|]}", ("t", "es", "sources", 0), "value", "jor"),
        ("t:\n  es: {kind: |}", ("t", "es", "kind"), "value", ""),
        ("a:\n  b: 1\nc|", (), "key", "c"),
    ],
)
def test_cursor(src, parts, mode, word):
    cur = _at(src)
    assert cur is not None
    assert (cur.parts, cur.mode, cur.word) == (parts, mode, word)


@pytest.mark.parametrize("src", ["# a comment |", 'title: "some text |', "a: b c|"])
def test_nothing_to_complete(src):
    assert _at(src) is None


def test_siblings_are_the_keys_already_written():
    cur = _at("milestones:\n- id: a\n  |\n  status: done\n- id: b\n  kind: event")
    assert cur is not None and cur.siblings == {"id", "status"}
