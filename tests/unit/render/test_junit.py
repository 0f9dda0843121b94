"""`--format junit`: one test case per plan file (files with findings but outside the
plan's list too), a failure per finding at or above the failing severity, the rest in
system-out; `##[` written as an XML character reference so a CI log never reads it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.unit.render.results import result


def _suite(text: str) -> ET.Element:
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert suite is not None
    return suite


def test_findings(report, monkeypatch):
    """One test case per file; a failing file has one <failure> listing its findings; lower
    findings go to the suite's <system-out> (schemas: tests/cli/test_formats.py)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    suite = _suite(report("junit", result()))
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "5",
        "failures": "1",
        "errors": "0",
        "skipped": "0",
    }
    assert suite.get("timestamp") == "1970-01-01T00:00:00"
    (failing,) = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    failure = failing.find("failure")
    assert failing.get("name") == "plan/initiatives/01-a.yaml"
    assert (failure.get("type"), failure.get("message")) == ("DEAN101 DEAN201 DEAN204", "3 errors")
    assert failure.text.splitlines()[0] == (
        "plan/initiatives/01-a.yaml:3:23: error[DEAN204] unknown-organization: unknown "
        "organization `DCO` (help: did you mean `DOC`? (known ids: DOC, SE))"
    )
    assert "##[" not in report("junit", result())  # a legacy workflow command in a CI log
    assert "info[DEAN015]" in suite.find("system-out").text


def test_nothing_found(report):
    suite = _suite(report("junit", result([])))
    assert (suite.get("tests"), suite.get("failures")) == ("4", "0")
    assert [c.get("name") for c in suite.iter("testcase")] == result([]).files
    assert list(suite.iter("failure")) == []


def test_strict_fails_on_warnings_too(report):
    suite = _suite(report("junit", result(), strict=True))
    assert suite.get("failures") == "2"
    failures = {
        c.get("name"): (c.find("failure").get("type") if c.find("failure") is not None else None)
        for c in suite.iter("testcase")
    }
    assert failures == {
        "plan/dialogue.yaml": None,  # the note stays a note
        "plan/organizations.yaml": None,
        "plan/initiatives/01-a.yaml": "DEAN101 DEAN201 DEAN204 DEAN211",
        "plan/initiatives/02-b.yaml": None,
        "plan/notes.yaml": "DEAN004",
    }
