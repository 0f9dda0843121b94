"""Versioned JSON for `dean validate` (documented in docs/output.md; add fields, never rename)."""

from __future__ import annotations

from typing import Any

from deancli import __version__
from deancli.check.result import CheckResult
from deancli.render.jsontext import dumps
from deancli.render.reports.base import StreamReporter

VERSION = 1


def document(result: CheckResult) -> dict[str, Any]:
    return {
        "version": VERSION,
        "tool": {"name": "dean", "version": __version__},
        "plan": result.plan_root,
        "as_of": result.as_of.isoformat(),
        "summary": {
            "files_checked": result.files_checked,
            "files_reported": result.files_reported,
            "files_with_findings": result.files_with_findings,
            "errors": result.errors,
            "warnings": result.warnings,
            "infos": result.infos,
            "initiatives": result.initiatives,
            "pillars": result.pillars,
            "organizations": result.organizations,
        },
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "suppressed": [
            {**s.diagnostic.to_dict(), "reason": s.reason, "suppressed_at": s.where}
            for s in result.suppressed
        ],
        "config": result.config,
    }


class JsonReporter(StreamReporter):
    def report(self, result: CheckResult) -> None:
        self.out.write(dumps(document(result)) + "\n")
