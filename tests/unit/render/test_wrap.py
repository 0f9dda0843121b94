"""Wrapping that never breaks a word, shortening after a word, and the console that writes
no trailing spaces (deancli.render.wrap, deancli.render.console)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from deancli.render.console import TrimmedLines, make_console
from deancli.render.wrap import shorten, wrap, wrap_plain

WORDS = st.lists(st.text(alphabet="abcdeé-/:.", min_size=1, max_size=30), min_size=1, max_size=30)


@given(WORDS, st.integers(min_value=10, max_value=120))
def test_wrapping_keeps_every_word_whole_and_in_order(words, width):
    lines = wrap_plain(" ".join(words), width, "  ", "    ")
    assert " ".join(" ".join(lines).split()) == " ".join(words)
    for line in lines:
        # a line is within the width, or it is one word longer than the width
        assert len(line) <= width or len(line.split()) == 1


def test_a_word_longer_than_the_line_stands_alone_and_whole():
    url = "https://example.com/" + "x" * 80
    assert wrap_plain(f"see {url} here", 40) == ["see", url, "here"]


def test_styles_and_leads_are_kept():
    text = Text("alpha beta gamma delta", style="bold")
    lines = wrap(text, 12, Text("> ", style="dim"), "  ")
    assert [line.plain for line in lines] == ["> alpha beta", "  gamma", "  delta"]
    assert lines[1].spans[0].style == "bold"


@pytest.mark.parametrize(
    ("text", "room", "expected"),
    [
        (
            "Technology energy region cooperation technology",
            40,
            "Technology energy region cooperation…",
        ),
        (
            "Technology energy region cooperation technology",
            37,
            "Technology energy region cooperation…",
        ),
        ("Technology energy region cooperation technology", 36, "Technology energy region…"),
        ("short", 10, "short"),
        ("Supercalifragilistic", 8, "Superca…"),  # a first word too long: cut inside it
    ],
)
def test_shortening_happens_after_a_word(text, room, expected):
    assert shorten(text, room) == expected


def test_trimmed_lines_drop_trailing_spaces_but_keep_codes():
    out = io.StringIO()
    trimmed = TrimmedLines(out)
    trimmed.write("a  \x1b[1m  \x1b[0m\nb ")
    trimmed.write("c   ")
    trimmed.write("\n")
    trimmed.write("end \x1b[0m")
    trimmed.flush()
    assert out.getvalue() == "a\x1b[1m\x1b[0m\nb c\nend\x1b[0m"


def test_a_console_table_has_no_trailing_spaces(monkeypatch):
    from rich.table import Table

    monkeypatch.setenv("COLUMNS", "60")
    out = io.StringIO()
    table = Table("a", "b")
    table.add_row("x", "a longer cell")
    table.add_row("a longer cell", "y")
    make_console(out, color=False).print(table)
    assert out.getvalue()
    assert all(line == line.rstrip() for line in out.getvalue().splitlines())


def test_a_width_is_kept_on_a_dumb_terminal(monkeypatch):
    """Rich takes a TERM=dumb terminal as 80 columns whatever it is told; dean keeps the
    width it was given."""
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "60")
    assert make_console(io.StringIO(), color=False).width == 60
