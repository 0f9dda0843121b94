"""`--format full`: ruff-style blocks (header, location, a two-line excerpt with a caret under
the span, help, notes), then the summary line. Plan text is escaped, and the caret follows
the escaped text."""

from __future__ import annotations

import io

from deancli.base.diagnostics import Diagnostic, Location, Severity
from deancli.render.reports.text import FullReporter
from tests.unit.render.results import A, result

EXPECTED = r"""info[DEAN015]: 3 more findings in this file not shown  (too-many-findings)
  --> plan/dialogue.yaml

warning[DEAN211]: no Mexican lead for initiative 1  (missing-lead)
  --> plan/initiatives/01-a.yaml:3:9
  |
2 | id: 1
3 | leads: {mx: [], us: [DCO]}
  |         ^^
  = help: add the lead's organization id when a source names it

error[DEAN204]: unknown organization `DCO`  (unknown-organization)
  --> plan/initiatives/01-a.yaml:3:23
  |
2 | id: 1
3 | leads: {mx: [], us: [DCO]}
  |                       ^^^
  = help: did you mean `DOC`? (known ids: DOC, SE)

error[DEAN201]: duplicate milestone id `a`  (duplicate-id)
  --> plan/initiatives/01-a.yaml:6:9
  |
5 |   - id: a
6 |   - id: a
  |         ^
  = help: give this milestone id another id
  = note: first used here at plan/initiatives/01-a.yaml:5:9

error[DEAN101]: unknown key `x-note\x1b[31m`, 50% off,\nnext line ##[group]  (unknown-key)
  --> plan/initiatives/01-a.yaml:7:1
  |
6 |   - id: a
7 | x-note: \x1b[31mred%\x1b[0m
  | ^

warning[DEAN004]: file is not part of the plan layout and was not checked  (unexpected-file)
  --> plan/notes.yaml
  = help: initiative files belong in initiatives/

Found 3 errors, 2 warnings and 1 note in 3 files; checked 4 files (2 initiatives, 2 pillars, 2 organizations) in plan/, as of 2026-11-28.
"""  # noqa: E501


def test_findings(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for nothing to wrap
    assert report("full", result()) == EXPECTED


def test_a_narrow_terminal_wraps_at_spaces_and_cuts_source_after_a_word(report, monkeypatch):
    from tests.widths import problems

    narrow = report("full", result())
    monkeypatch.setenv("COLUMNS", "200")
    assert problems(narrow, report("full", result()), 40) == []
    assert "  = help: did you mean `DOC`? (known\n          ids: DOC, SE)" in narrow
    assert "3 | leads: {mx: [], us: [DCO]}" in narrow  # fits: as it is


def test_all_checks_passed(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert report("full", result([])) == (
        "All checks passed: checked 4 files (2 initiatives, 2 pillars, 2 organizations) in "
        "plan/, as of 2026-11-28.\n"
    )


def _one(line: str, column: int, end: int | None, *, number: int = 1) -> str:
    d = Diagnostic(
        "DEAN101",
        "unknown-key",
        Severity.ERROR,
        "m",
        Location(A, number, column, number if end else None, end),
    )
    r = result([d])
    r.sources = {A: ["first line", line] if number == 2 else [line]}
    return report_text(r)


def report_text(r) -> str:
    out = io.StringIO()
    reporter = FullReporter(out, color=False)
    reporter.console.width = 200  # source lines are cut to the width: wide enough for 160
    reporter.report(r)
    return out.getvalue()


def _excerpt(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:1].isdigit() or line.startswith("  |")]


def test_the_caret_follows_escaped_characters():
    # `red` starts at column 14 of the file, after ESC [ 3 1 m; ESC is shown as four characters
    out = _one("x-note: \x1b[31mred", 14, 17)
    assert _excerpt(out) == [
        "  |",
        r"1 | x-note: \x1b[31mred",
        "  | " + " " * len(r"x-note: \x1b[31m") + "^^^",
    ]


def test_the_first_line_has_no_line_before_it_and_the_caret_stays_on_the_text():
    out = _one("a: b", 4, 40)
    assert _excerpt(out) == ["  |", "1 | a: b", "  |    ^"]


def test_the_previous_line_is_shown():
    out = _one("key: value", 6, 11, number=2)
    assert _excerpt(out) == ["  |", "1 | first line", "2 | key: value", "  |      ^^^^^"]


def test_a_long_line_is_cut_around_the_column():
    line = "x: " + "a" * 300 + "BAD" + "b" * 300
    out = _one(line, 304, 307)
    [_, shown, caret] = _excerpt(out)
    assert shown.startswith("1 | … ") and shown.endswith(" …")
    assert len(shown) == len("1 | … ") + 160 + len(" …")
    assert shown[caret.index("^") : caret.index("^") + 3] == "BAD"


def test_no_excerpt_without_the_source():
    d = Diagnostic("DEAN101", "unknown-key", Severity.ERROR, "m", Location(A, 9, 1))
    assert report_text(result([d])).splitlines()[:3] == [
        "error[DEAN101]: m  (unknown-key)",
        "  --> plan/initiatives/01-a.yaml:9:1",
        "",
    ]
