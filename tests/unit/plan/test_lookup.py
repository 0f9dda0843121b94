"""What users type on the command line, found in the plan (deancli.plan.lookup): a pillar by
number or Roman numeral, an organization by id or acronym, an initiative by number or slug.
Anything else is a usage error (exit 2) that lists the valid choices; an ambiguous number or
slug names the files instead of choosing one."""

from __future__ import annotations

import pytest

from deancli.base.errors import UsageProblem
from deancli.plan.load import load_plan
from deancli.plan.lookup import LookupProblem, find_initiative, find_organization, find_pillar
from tests.unit.plans import initiative


@pytest.fixture
def plan(mini_plan):
    return load_plan(mini_plan()).plan


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1", 1), ("2", 2), ("02", 2), (" 2 ", 2), ("I", 1), ("II", 2), ("ii", 2), ("iI", 2)],
)
def test_pillar(plan, typed, number):
    assert find_pillar(plan, typed).number == number


@pytest.mark.parametrize("typed", ["3", "0", "III", "IV", "x", "", "-1", "one"])
def test_unknown_pillar(plan, typed):
    with pytest.raises(LookupProblem) as exc:
        find_pillar(plan, typed)
    assert str(exc.value) == f"unknown pillar {typed!r}; valid pillars: 1 (I), 2 (II)"


@pytest.mark.parametrize(
    ("typed", "oid"),
    [
        ("SE", "SE"),
        ("se", "SE"),
        ("DOC", "DOC"),
        ("doc", "DOC"),
        ("Commerce", "DOC"),
        ("COMMERCE", "DOC"),
    ],
)
def test_organization(plan, typed, oid):
    assert find_organization(plan, typed) == oid


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("DCO", "unknown organization 'DCO' (did you mean DOC?); valid: DOC, SE"),
        ("SRE", "unknown organization 'SRE' (did you mean SE?); valid: DOC, SE"),
        ("Treasury", "unknown organization 'Treasury'; valid: DOC, SE"),
        ("", "unknown organization ''; valid: DOC, SE"),
    ],
)
def test_unknown_organization(plan, typed, message):
    with pytest.raises(LookupProblem) as exc:
        find_organization(plan, typed)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("typed", "ident"),
    [("1", 1), ("01", 1), ("0001", 1), (" 2 ", 2), ("first", 1), ("second", 2)],
)
def test_initiative(plan, typed, ident):
    assert find_initiative(plan, typed).id == ident


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9", "no initiative '9'; initiatives: 1, 2"),
        ("frist", "no initiative 'frist' (did you mean first?); initiatives: 1, 2"),
        ("FIRST", "no initiative 'FIRST' (did you mean first?); initiatives: 1, 2"),
        ("supply-chains", "no initiative 'supply-chains'; initiatives: 1, 2"),
    ],
)
def test_unknown_initiative(plan, typed, message):
    with pytest.raises(LookupProblem) as exc:
        find_initiative(plan, typed)
    assert str(exc.value) == message


def test_an_ambiguous_slug_names_the_files(mini_plan):
    plan = load_plan(mini_plan({"initiatives/03-first.yaml": initiative(3, "first")})).plan
    with pytest.raises(LookupProblem) as exc:
        find_initiative(plan, "first")
    assert str(exc.value) == (
        "'first' is ambiguous: 2 initiatives have this slug: 1 (initiatives/01-first.yaml); "
        "3 (initiatives/03-first.yaml); give each its own slug (dean validate shows where)"
    )
    assert find_initiative(plan, "3").id == 3


def test_an_ambiguous_number_names_the_files(mini_plan):
    plan = load_plan(mini_plan({"initiatives/01-again.yaml": initiative(1, "again")})).plan
    with pytest.raises(LookupProblem) as exc:
        find_initiative(plan, "01")
    assert str(exc.value) == (
        "'01' is ambiguous: 2 initiatives have this number: 1 (initiatives/01-again.yaml); "
        "1 (initiatives/01-first.yaml); give each its own number (dean validate shows where)"
    )
    assert find_initiative(plan, "again").doc.display == "initiatives/01-again.yaml"


def test_an_initiative_without_slug_or_id(mini_plan):
    files = {"initiatives/03-x.yaml": initiative('"three"', slug=None)}
    plan = load_plan(mini_plan(files)).plan
    with pytest.raises(LookupProblem, match=r"initiatives: 1, 2$"):
        find_initiative(plan, "three")


def test_a_lookup_problem_is_a_usage_error():
    assert issubclass(LookupProblem, UsageProblem)
