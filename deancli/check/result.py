"""The outcome of a check: sorted diagnostics, what was checked, and the exit-code policy."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.exitcodes import (  # noqa: F401  (re-exported: the exit-code policy lives here)
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from deancli.check.suppress import Suppressed


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    files_checked: int
    files_reported: int  # files whose findings are reported (all, or those named on the line)
    plan_root: str
    as_of: dt.date
    initiatives: int = 0
    pillars: int = 0
    organizations: int = 0
    reported_paths: list[str] = field(default_factory=list)
    # every file checked, as displayed, and the pillar of each initiative file
    files: list[str] = field(default_factory=list)
    file_pillars: dict[str, int | None] = field(default_factory=dict)
    pillar_labels: dict[int, str] = field(default_factory=dict)  # 1 -> "I: Building Back..."
    file_ids: dict[str, int] = field(default_factory=dict)  # initiative file -> its id
    elapsed: float = 0.0  # seconds the check took (load, schema, rules)
    # source lines of the files that have findings, for excerpts in human formats
    sources: dict[str, list[str]] = field(default_factory=dict)
    # findings silenced by inline suppressions, with their reasons (--show-suppressed)
    suppressed: list[Suppressed] = field(default_factory=list)
    config: str | None = None  # the configuration file in force, as displayed

    def __post_init__(self) -> None:
        unique: dict[object, Diagnostic] = {}
        for d in self.diagnostics:
            unique.setdefault((d.sort_key(), d.name, d.json_path), d)
        self.diagnostics = sorted(unique.values(), key=Diagnostic.sort_key)

    @property
    def counts(self) -> Counter[Severity]:
        return Counter(d.severity for d in self.diagnostics)

    @property
    def errors(self) -> int:
        return self.counts[Severity.ERROR]

    @property
    def warnings(self) -> int:
        return self.counts[Severity.WARNING]

    @property
    def infos(self) -> int:
        return self.counts[Severity.INFO]

    @property
    def files_with_findings(self) -> int:
        return len({d.location.path for d in self.diagnostics})

    def at_least(self, severity: Severity) -> CheckResult:
        """The same result without the findings below ``severity`` (--min-severity)."""
        import dataclasses

        kept = [d for d in self.diagnostics if d.severity >= severity]
        return dataclasses.replace(self, diagnostics=kept)

    def exit_code(self, *, strict: bool = False) -> int:
        """0: nothing at or above the threshold; 1: findings. Warnings count with --strict."""
        threshold = Severity.WARNING if strict else Severity.ERROR
        return EXIT_FINDINGS if any(d.severity >= threshold for d in self.diagnostics) else EXIT_OK
