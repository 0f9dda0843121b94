"""`--format sarif`: SARIF 2.1.0 with every code described once in the driver and each result
pointing at its rule by index; plan text escaped as in human formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deancli import __version__
from deancli.check.codes import CodeInfo, all_codes, configure_text, help_text
from deancli.render.reports import sarif
from tests.unit.render.results import FINDINGS, result

SOME = [FINDINGS[1], FINDINGS[3], FINDINGS[4]]

EXPECTED = (
    r"""{
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "dean",
          "version": "VERSION",
          "semanticVersion": "VERSION",
          "rules": [
            {
              "id": "DEAN004",
              "name": "unexpected-file",
              "shortDescription": {
                "text": "Summary of unexpected-file"
              },
              "fullDescription": {
                "text": "A YAML file in the plan directory that is not `dialogue.yaml`, `organizations.yaml` or an initiative under `initiatives/`. It is not checked. Why: a file in the wrong place is silently ignored by every report. Fix: move initiative files into `initiatives/`; delete stray files."
              },
              "help": {
                "text": "DEAN004 unexpected-file (warning)\n\nHelp for DEAN004.\n\nConfigure unexpected-file.",
                "markdown": "**DEAN004 unexpected-file** (warning)\n\nHelp for DEAN004.\n\n```\nConfigure unexpected-file.\n```"
              },
              "defaultConfiguration": {
                "level": "warning"
              },
              "properties": {
                "tags": [
                  "unexpected-file"
                ],
                "precision": "very-high",
                "problem.severity": "warning"
              }
            },
            {
              "id": "DEAN015",
              "name": "too-many-findings",
              "shortDescription": {
                "text": "Summary of too-many-findings"
              },
              "fullDescription": {
                "text": "More than 100 findings in one file: the first 100 (in reading order) are listed and this note counts the rest. Why: a broken or hostile file must not flood a CI log and hide the findings of other files. Fix: fix the findings listed and run `dean validate` again."
              },
              "help": {
                "text": "DEAN015 too-many-findings (info)\n\nHelp for DEAN015.\n\nConfigure too-many-findings.",
                "markdown": "**DEAN015 too-many-findings** (info)\n\nHelp for DEAN015.\n\n```\nConfigure too-many-findings.\n```"
              },
              "defaultConfiguration": {
                "level": "note"
              },
              "properties": {
                "tags": [
                  "too-many-findings"
                ],
                "precision": "very-high",
                "problem.severity": "recommendation"
              }
            },
            {
              "id": "DEAN101",
              "name": "unknown-key",
              "shortDescription": {
                "text": "Summary of unknown-key"
              },
              "fullDescription": {
                "text": "A key the schema does not define, with the closest valid key as \"did you mean\". Keys that start with `x-` are free extensions and are kept untouched."
              },
              "help": {
                "text": "DEAN101 unknown-key (error)\n\nHelp for DEAN101.\n\nConfigure unknown-key.",
                "markdown": "**DEAN101 unknown-key** (error)\n\nHelp for DEAN101.\n\n```\nConfigure unknown-key.\n```"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "unknown-key"
                ],
                "precision": "very-high",
                "problem.severity": "error"
              }
            },
            {
              "id": "DEAN201",
              "name": "duplicate-id",
              "shortDescription": {
                "text": "Summary of duplicate-id"
              },
              "fullDescription": {
                "text": "The same id twice: initiative ids across files; milestone, indicator and source ids within a file; a local source id that is also a shared one; pillar numbers; organization ids. Both places are shown."
              },
              "help": {
                "text": "DEAN201 duplicate-id (error)\n\nHelp for DEAN201.\n\nConfigure duplicate-id.",
                "markdown": "**DEAN201 duplicate-id** (error)\n\nHelp for DEAN201.\n\n```\nConfigure duplicate-id.\n```"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "duplicate-id"
                ],
                "precision": "very-high",
                "problem.severity": "error"
              }
            }
          ]
        }
      },
      "invocations": [
        {
          "executionSuccessful": true
        }
      ],
      "originalUriBaseIds": {
        "SRCROOT": {
          "uri": "ROOT_URI",
          "description": {
            "text": "The root of the git repository that holds the plan."
          }
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "DEAN201",
          "ruleIndex": 3,
          "level": "error",
          "message": {
            "text": "duplicate milestone id `a` (help: give this milestone id another id)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "plan/initiatives/01-a.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 6,
                  "startColumn": 9,
                  "endLine": 6,
                  "endColumn": 10
                }
              }
            }
          ],
          "relatedLocations": [
            {
              "id": 0,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "plan/initiatives/01-a.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 5,
                  "startColumn": 9,
                  "endLine": 5,
                  "endColumn": 10
                }
              },
              "message": {
                "text": "first used here"
              }
            }
          ],
          "properties": {
            "jsonPath": "$.milestones[1].id"
          },
          "partialFingerprints": {
            "primaryLocationLineHash": "33b1df70834713c28db844cbc4da7080:1",
            "deanFindingIdentity/v1": "33b1df70834713c28db844cbc4da7080:1"
          }
        },
        {
          "ruleId": "DEAN101",
          "ruleIndex": 2,
          "level": "error",
          "message": {
            "text": "unknown key `x-note\\x1b[31m`, 50% off,\\nnext line ##\u005bgroup]"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "plan/initiatives/01-a.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 7,
                  "startColumn": 1,
                  "endLine": 7,
                  "endColumn": 2
                }
              }
            }
          ],
          "properties": {
            "jsonPath": "$['x-note\\x1b']"
          },
          "partialFingerprints": {
            "primaryLocationLineHash": "4678e717558b1cae5da8383804f8cc61:1",
            "deanFindingIdentity/v1": "4678e717558b1cae5da8383804f8cc61:1"
          }
        },
        {
          "ruleId": "DEAN004",
          "ruleIndex": 0,
          "level": "warning",
          "message": {
            "text": "file is not part of the plan layout and was not checked (help: initiative files belong in initiatives/)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "plan/notes.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 1,
                  "endLine": 1,
                  "endColumn": 1
                }
              }
            }
          ],
          "partialFingerprints": {
            "primaryLocationLineHash": "d9214a08c76475a05e76764c2def08f5:1",
            "deanFindingIdentity/v1": "d9214a08c76475a05e76764c2def08f5:1"
          }
        }
      ]
    }
  ]
}
"""  # noqa: E501
).replace("VERSION", __version__)

# four codes: the three of SOME and one without a finding (the driver lists it all the same)
CATALOGUE = tuple(
    CodeInfo(d.code, d.name, d.severity, f"summary of {d.name}")
    for d in sorted(FINDINGS, key=lambda d: d.code)
    if d.code in {"DEAN004", "DEAN015", "DEAN101", "DEAN201"}
)


@pytest.fixture
def small_catalogue(monkeypatch):
    """The driver lists every code dean has; a catalogue of four keeps the expected text short."""
    monkeypatch.setattr(sarif, "all_codes", lambda: CATALOGUE)
    monkeypatch.setattr(sarif, "help_text", lambda code: f"Help for {code}.")
    monkeypatch.setattr(sarif, "configure_text", lambda name: f"Configure {name}.")


def test_findings(report, small_catalogue):
    """URIs are relative to the repository root, given once as a file: URI."""
    root, _ = sarif.source_root(Path("plan").absolute())
    expected = EXPECTED.replace("ROOT_URI", root.as_uri().rstrip("/") + "/")
    assert report("sarif", result(SOME)) == expected


def test_nothing_found(report, small_catalogue):
    doc = json.loads(report("sarif", result([])))
    assert doc["runs"][0]["results"] == []
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) == len(CATALOGUE)


def test_the_driver_describes_every_code_with_its_documentation(report):
    doc = json.loads(report("sarif", result()))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_codes()]
    for r, c in zip(rules, all_codes(), strict=True):
        summary = c.summary[0].upper() + c.summary[1:]
        assert (r["name"], r["shortDescription"]["text"]) == (c.name, summary)
        assert help_text(c.code) != ""
        assert r["help"]["text"] == (
            f"{c.code} {c.name} ({c.severity.label})\n\n{help_text(c.code)}\n\n"
            f"{configure_text(c.name)}"
        )
    for res in doc["runs"][0]["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
