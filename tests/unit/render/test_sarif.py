"""`--format sarif`: SARIF 2.1.0 with every code described once in the driver and each result
pointing at its rule by index; plan text escaped as in human formats."""

from __future__ import annotations

import json

import pytest

from deancli import __version__
from deancli.check.codes import CodeInfo, all_codes, help_text
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
                "text": "summary of unexpected-file"
              },
              "fullDescription": {
                "text": "summary of unexpected-file"
              },
              "help": {
                "text": "Help for DEAN004."
              },
              "defaultConfiguration": {
                "level": "warning"
              },
              "properties": {
                "tags": [
                  "unexpected-file"
                ]
              }
            },
            {
              "id": "DEAN015",
              "name": "too-many-findings",
              "shortDescription": {
                "text": "summary of too-many-findings"
              },
              "fullDescription": {
                "text": "summary of too-many-findings"
              },
              "help": {
                "text": "Help for DEAN015."
              },
              "defaultConfiguration": {
                "level": "note"
              },
              "properties": {
                "tags": [
                  "too-many-findings"
                ]
              }
            },
            {
              "id": "DEAN101",
              "name": "unknown-key",
              "shortDescription": {
                "text": "summary of unknown-key"
              },
              "fullDescription": {
                "text": "summary of unknown-key"
              },
              "help": {
                "text": "Help for DEAN101."
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "unknown-key"
                ]
              }
            },
            {
              "id": "DEAN201",
              "name": "duplicate-id",
              "shortDescription": {
                "text": "summary of duplicate-id"
              },
              "fullDescription": {
                "text": "summary of duplicate-id"
              },
              "help": {
                "text": "Help for DEAN201."
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "duplicate-id"
                ]
              }
            }
          ]
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
                  "uri": "plan/initiatives/01-a.yaml"
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
                  "uri": "plan/initiatives/01-a.yaml"
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
                  "uri": "plan/initiatives/01-a.yaml"
                },
                "region": {
                  "startLine": 7,
                  "startColumn": 1
                }
              }
            }
          ],
          "properties": {
            "jsonPath": "$['x-note\\x1b']"
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
                  "uri": "plan/notes.yaml"
                }
              }
            }
          ]
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


def test_findings(report, small_catalogue):
    assert report("sarif", result(SOME)) == EXPECTED


def test_nothing_found(report, small_catalogue):
    doc = json.loads(report("sarif", result([])))
    assert doc["runs"][0]["results"] == []
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) == len(CATALOGUE)


def test_the_driver_describes_every_code_with_its_documentation(report):
    doc = json.loads(report("sarif", result()))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_codes()]
    for r, c in zip(rules, all_codes(), strict=True):
        assert (r["name"], r["shortDescription"]["text"]) == (c.name, c.summary)
        assert r["help"]["text"] == help_text(c.code) != ""
    for res in doc["runs"][0]["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
