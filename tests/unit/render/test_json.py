"""`--format json`: the versioned document of docs/output.md; values are data (not escaped
for a terminal), but nothing json.dumps leaves raw can reach a log: control characters are
\\u escapes and `##[` cannot start a legacy workflow command."""

from __future__ import annotations

import dataclasses
import json

from deancli import __version__
from tests.unit.render.results import FINDINGS, result

EXPECTED = (
    r"""{
  "version": 1,
  "tool": {
    "name": "dean",
    "version": "VERSION"
  },
  "plan": "plan",
  "as_of": "2026-11-28",
  "summary": {
    "files_checked": 4,
    "files_reported": 4,
    "files_with_findings": 2,
    "errors": 2,
    "warnings": 1,
    "infos": 0,
    "initiatives": 2,
    "pillars": 2,
    "organizations": 2
  },
  "diagnostics": [
    {
      "code": "DEAN201",
      "name": "duplicate-id",
      "severity": "error",
      "message": "duplicate milestone id `a`",
      "path": "plan/initiatives/01-a.yaml",
      "line": 6,
      "column": 9,
      "end_line": 6,
      "end_column": 10,
      "json_path": "$.milestones[1].id",
      "hint": "give this milestone id another id",
      "related": [
        {
          "message": "first used here",
          "path": "plan/initiatives/01-a.yaml",
          "line": 5,
          "column": 9
        }
      ]
    },
    {
      "code": "DEAN101",
      "name": "unknown-key",
      "severity": "error",
      "message": "unknown key `x-note\\x1b[31m`, 50% off,\\nnext line ##\u005bgroup]",
      "path": "plan/initiatives/01-a.yaml",
      "line": 7,
      "column": 1,
      "end_line": null,
      "end_column": null,
      "json_path": "$['x-note\\x1b']",
      "hint": null,
      "related": []
    },
    {
      "code": "DEAN004",
      "name": "unexpected-file",
      "severity": "warning",
      "message": "file is not part of the plan layout and was not checked",
      "path": "plan/notes.yaml",
      "line": null,
      "column": null,
      "end_line": null,
      "end_column": null,
      "json_path": null,
      "hint": "initiative files belong in initiatives/",
      "related": []
    }
  ],
  "suppressed": [],
  "config": null
}
"""
).replace("VERSION", __version__)

SOME = [FINDINGS[1], FINDINGS[3], FINDINGS[4]]


def test_findings(report):
    assert report("json", result(SOME)) == EXPECTED


def test_the_values_are_the_findings_own_made_visible(report):
    """Human-readable fields carry the text formats' visible escapes (docs/output.md)."""
    from deancli.base.textsafe import safe

    doc = json.loads(report("json", result(SOME)))
    assert doc["diagnostics"][1]["message"] == safe(FINDINGS[3].message)
    assert "\\x1b" in doc["diagnostics"][1]["message"]


def test_nothing_found(report):
    doc = json.loads(report("json", result([])))
    assert doc["diagnostics"] == []
    assert doc["summary"]["files_with_findings"] == 0
    assert list(doc) == [
        "version",
        "tool",
        "plan",
        "as_of",
        "summary",
        "diagnostics",
        "suppressed",
        "config",
    ]


def test_invisible_characters_are_escaped(report):
    d = dataclasses.replace(FINDINGS[0], message="a\u202eb\x85c\u200bd")
    out = report("json", result([d]))
    assert json.loads(out)["diagnostics"][0]["message"] == "a\\u202eb\\x85c\\u200bd"
