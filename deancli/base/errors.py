"""Expected failures. Caught at the CLI boundary; never shown as tracebacks."""

from __future__ import annotations


class DeanError(Exception):
    """dean could not run (exit code 3)."""


class PlanNotFoundError(DeanError):
    """The plan directory does not exist or is not a plan."""


class UsageProblem(DeanError):
    """A problem with the command line that the core detected (exit code 2)."""
