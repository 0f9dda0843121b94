from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from deancli.base.diagnostics import Diagnostic, Location, Related, Severity, json_path
from deancli.plan.loader import Document
from deancli.plan.model import Parts


@dataclass(frozen=True)
class Context:
    """What rules know besides the plan: the reference date and their thresholds
    (configurable; see deancli/plan/config.py)."""

    as_of: dt.date
    stale_months: int = 12
    meeting_months: int = 12


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: Severity
    summary: str

    def diag(
        self,
        doc: Document,
        parts: Parts,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        related: tuple[Related, ...] = (),
    ) -> Diagnostic:
        return Diagnostic(
            self.code,
            self.name,
            self.severity,
            message,
            Location.at(doc.display, doc.span(parts, key=key)),
            json_path(parts),
            hint,
            related,
        )


def related_at(doc: Document, parts: Parts, message: str, *, key: bool = False) -> Related:
    return Related(Location.at(doc.display, doc.span(parts, key=key)), message)
