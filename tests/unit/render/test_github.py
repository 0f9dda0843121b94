"""`--format github`: workflow commands, one annotation per finding grouped per file, data and
properties escaped as the Actions runner unescapes them, then a one-line count."""

from __future__ import annotations

import pytest

from deancli.base.diagnostics import Diagnostic, Location, Severity
from deancli.render.reports.github import annotation, escape_data, escape_property
from tests.unit.render.results import result

EXPECTED = r"""::group::plan/dialogue.yaml
::notice file=plan/dialogue.yaml,title=dean DEAN015 too-many-findings::3 more findings in this file not shown
::endgroup::
::group::plan/initiatives/01-a.yaml
::warning file=plan/initiatives/01-a.yaml,line=3,col=9,endLine=3,endColumn=10,title=dean DEAN211 missing-lead::no Mexican lead for initiative 1%0Ahelp: add the lead's organization id when a source names it
::error file=plan/initiatives/01-a.yaml,line=3,col=23,endLine=3,endColumn=25,title=dean DEAN204 unknown-organization::unknown organization `DCO`%0Ahelp: did you mean `DOC`? (known ids: DOC, SE)
::error file=plan/initiatives/01-a.yaml,line=6,col=9,endLine=6,endColumn=9,title=dean DEAN201 duplicate-id::duplicate milestone id `a`%0Ahelp: give this milestone id another id%0Anote: first used here at plan/initiatives/01-a.yaml:5:9
::error file=plan/initiatives/01-a.yaml,line=7,col=1,endLine=7,endColumn=1,title=dean DEAN101 unknown-key::unknown key `x-note\x1b[31m`, 50%25 off,\nnext line ##[group]
::endgroup::
::group::plan/notes.yaml
::warning file=plan/notes.yaml,title=dean DEAN004 unexpected-file::file is not part of the plan layout and was not checked%0Ahelp: initiative files belong in initiatives/
::endgroup::
dean: 3 errors, 2 warnings, 1 note in 3 of 4 files
"""  # noqa: E501


def test_findings(report):
    assert report("github", result()) == EXPECTED


def test_nothing_found(report):
    assert report("github", result([])) == "dean: 0 errors, 0 warnings in 0 of 4 files\n"


def test_every_line_is_one_command():
    """Whatever a value holds, an annotation stays on one line and starts with `::`."""
    d = Diagnostic(
        "DEAN101",
        "unknown-key",
        Severity.ERROR,
        "a\nb\rc\u2028d\x85e",
        Location("plan/a,b:c.yaml\n::error::x", 1, 2),
        hint="h\n::warning::y",
    )
    line = annotation(d)
    assert "\n" not in line and "\r" not in line
    assert line == (
        "::error file=plan/a%2Cb%3Ac.yaml\\n%3A%3Aerror%3A%3Ax,line=1,col=2,endLine=1,endColumn=2,"
        "title=dean DEAN101 unknown-key::a\\nb\\rc\\u2028d\\x85e%0Ahelp: h\\n::warning::y"
    )


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping(text, data, prop):
    assert (escape_data(text), escape_property(text)) == (data, prop)
