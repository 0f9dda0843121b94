"""The rule registry and its unit tests: every rule module is registered and has its own
table of cases in tests/unit/check/rules/, and the minimal plan those cases start from
passes every check (so each finding there comes from the case's snippet)."""

from __future__ import annotations

import datetime as dt
import pkgutil
from pathlib import Path

import deancli.check.rules as rules_pkg
from deancli.check.checker import check
from deancli.check.rules import RULES
from tests.unit.plans import AS_OF

HERE = Path(__file__).parent / "rules"


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(rules_pkg.__path__) if m.name[0] != "_")


def test_every_rule_module_is_registered():
    assert sorted(r.__name__.rpartition(".")[2] for r in RULES) == _modules()


def test_every_rule_module_has_its_unit_tests():
    tested = sorted(p.stem.removeprefix("test_") for p in HERE.glob("test_*.py"))
    assert tested == _modules()


def test_the_minimal_plan_passes_every_check(mini_plan):
    """...but the two freshness rules: it records no dated evidence and no recent meeting
    (their own cases are in rules/test_stale_evidence.py and rules/test_dialogue_meetings.py)."""
    result = check(mini_plan(), as_of=dt.date.fromisoformat(AS_OF))
    assert sorted({d.code for d in result.diagnostics}) == ["DEAN220", "DEAN221"]
    result = check(mini_plan(), as_of=dt.date.fromisoformat("2022-10-01"))
    assert [d.code for d in result.diagnostics] == ["DEAN220", "DEAN220"]  # no dated evidence
    assert (result.files_checked, result.initiatives, result.pillars, result.organizations) == (
        4,
        2,
        2,
        2,
    )
