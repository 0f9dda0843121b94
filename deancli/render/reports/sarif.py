"""SARIF 2.1.0 for code-scanning dashboards; every rule is described once in the driver."""

from __future__ import annotations

import json
from typing import Any, ClassVar, TextIO

from deancli import __version__
from deancli.base.diagnostics import Diagnostic, Location, Severity
from deancli.base.textsafe import json_safe, safe
from deancli.check.codes import all_codes, help_text
from deancli.check.result import CheckResult
from deancli.render.reports.base import ReportOptions

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(loc: Location) -> dict[str, int] | None:
    if loc.line is None:
        return None
    region = {"startLine": loc.line}
    if loc.column is not None:
        region["startColumn"] = loc.column
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
        if loc.end_column is not None:
            region["endColumn"] = loc.end_column
    return region


def _location(loc: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": safe(loc.path)}}
    region = _region(loc)
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def document(result: CheckResult) -> dict[str, Any]:
    codes = all_codes()
    index = {c.code: i for i, c in enumerate(codes)}
    rules = [
        {
            "id": c.code,
            "name": c.name,
            "shortDescription": {"text": c.summary},
            "fullDescription": {"text": c.summary},
            "help": {"text": help_text(c.code)},
            "defaultConfiguration": {"level": LEVEL[c.severity]},
            "properties": {"tags": [c.name]},
        }
        for c in codes
    ]
    results = []
    for d in result.diagnostics:
        results.append(_result(d, index))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dean",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = safe(d.message)
    if d.hint:
        text += f" (help: {safe(d.hint)})"
    out: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [_location(d.location)],
    }
    if d.related:
        out["relatedLocations"] = [
            {"id": i, **_location(r.location), "message": {"text": safe(r.message)}}
            for i, r in enumerate(d.related)
        ]
    if d.json_path:
        out["properties"] = {"jsonPath": safe(d.json_path)}
    return out


class SarifReporter:
    human: ClassVar[bool] = False

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool | None = None,
        strict: bool = False,
        options: ReportOptions = ReportOptions(),  # noqa: B008
    ) -> None:
        self.out = out

    def report(self, result: CheckResult) -> None:
        self.out.write(json_safe(json.dumps(document(result), ensure_ascii=False, indent=2)))
        self.out.write("\n")
