"""`--format junit`: one test case per plan file (files with findings but outside the
plan's list too), a failure per finding at or above the failing severity, the rest in
system-out; `##[` written as an XML character reference so a CI log never reads it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.unit.render.results import FINDINGS, result

EXPECTED = r"""<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="dean" tests="5" failures="1" errors="0">
  <testsuite name="dean validate" tests="5" failures="1" errors="0" skipped="0">
    <testcase name="plan/dialogue.yaml" classname="dean.validate" file="plan/dialogue.yaml">
      <system-out>plan/dialogue.yaml: info[DEAN015] too-many-findings: 3 more findings in this file not shown</system-out>
    </testcase>
    <testcase name="plan/organizations.yaml" classname="dean.validate" file="plan/organizations.yaml" />
    <testcase name="plan/initiatives/01-a.yaml" classname="dean.validate" file="plan/initiatives/01-a.yaml">
      <failure type="DEAN204" message="unknown organization `DCO`">plan/initiatives/01-a.yaml:3:23: error[DEAN204] unknown-organization: unknown organization `DCO` (help: did you mean `DOC`? (known ids: DOC, SE))</failure>
      <failure type="DEAN201" message="duplicate milestone id `a`">plan/initiatives/01-a.yaml:6:9: error[DEAN201] duplicate-id: duplicate milestone id `a` (help: give this milestone id another id)</failure>
      <failure type="DEAN101" message="unknown key `x-note\x1b[31m`, 50% off,\nnext line ##&#91;group]">plan/initiatives/01-a.yaml:7:1: error[DEAN101] unknown-key: unknown key `x-note\x1b[31m`, 50% off,\nnext line ##&#91;group]</failure>
      <system-out>plan/initiatives/01-a.yaml:3:9: warning[DEAN211] missing-lead: no Mexican lead for initiative 1 (help: add the lead's organization id when a source names it)</system-out>
    </testcase>
    <testcase name="plan/initiatives/02-b.yaml" classname="dean.validate" file="plan/initiatives/02-b.yaml" />
    <testcase name="plan/notes.yaml" classname="dean.validate" file="plan/notes.yaml">
      <system-out>plan/notes.yaml: warning[DEAN004] unexpected-file: file is not part of the plan layout and was not checked (help: initiative files belong in initiatives/)</system-out>
    </testcase>
  </testsuite>
</testsuites>
"""  # noqa: E501


def test_findings(report):
    assert report("junit", result()) == EXPECTED


def test_nothing_found(report):
    root = ET.fromstring(report("junit", result([])))
    assert (root.get("tests"), root.get("failures")) == ("4", "0")
    assert [c.get("name") for c in root.iter("testcase")] == result([]).files
    assert list(root.iter("failure")) == []


def test_strict_fails_on_warnings_too(report):
    root = ET.fromstring(report("junit", result(), strict=True))
    assert root.get("failures") == "2"
    failures = {
        c.get("name"): [f.get("type") for f in c.iter("failure")] for c in root.iter("testcase")
    }
    assert failures == {
        "plan/dialogue.yaml": [],
        "plan/organizations.yaml": [],
        "plan/initiatives/01-a.yaml": ["DEAN211", "DEAN204", "DEAN201", "DEAN101"],
        "plan/initiatives/02-b.yaml": [],
        "plan/notes.yaml": ["DEAN004"],
    }
    # the note stays a note
    [out] = next(c for c in root.iter("testcase") if c.get("name") == "plan/dialogue.yaml")
    assert out.tag == "system-out"


def test_the_xml_reads_back_to_the_escaped_text(report):
    root = ET.fromstring(report("junit", result(FINDINGS[3:4])))
    [failure] = root.iter("failure")
    assert failure.get("message") == r"unknown key `x-note\x1b[31m`, 50% off,\nnext line ##[group]"
