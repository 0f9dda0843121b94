"""`dean status` selections (deancli.views.status): which initiatives each filter keeps, how
filters combine, and what the view and its JSON document record of the selection."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from deancli.plan.load import load_plan
from deancli.views.status import StatusSelection, build_status
from tests.unit.plans import AS_OF, FIRST, SECOND, initiative, milestone, milestones

TODAY = dt.date.fromisoformat(AS_OF)

# 1: pillar 1, active, SE + DOC, overdue    2: pillar 2, completed, SE only
# 3: pillar 1, planned, DOC only, on time   4: pillar 2, active, no leads, overdue
FILES = {
    FIRST: initiative(extra=milestones(milestone("late", due="2025-01-01"))),
    SECOND: initiative(2, "second", pillar=2, status="completed", leads="{mx: [SE], us: []}"),
    "initiatives/03-third.yaml": initiative(
        3,
        "third",
        status="planned",
        leads="{mx: [], us: [DOC]}",
        extra=milestones(milestone("later", due="2030-01-01")),
    ),
    "initiatives/04-fourth.yaml": initiative(
        4,
        "fourth",
        pillar=2,
        leads="{mx: [], us: []}",
        extra=milestones(milestone("late", "in_progress", due="2026-10-31")),
    ),
}


@pytest.fixture
def plan(mini_plan):
    return load_plan(mini_plan(FILES)).plan


def _ids(view):
    return None if view.items is None else [s.initiative.id for s in view.items]


SELECTIONS = {
    "pillar I": (StatusSelection(pillar=1), [1, 3]),
    "pillar II": (StatusSelection(pillar=2), [2, 4]),
    "one status": (StatusSelection(statuses=("active",)), [1, 4]),
    "two statuses": (StatusSelection(statuses=("active", "completed")), [1, 2, 4]),
    "a status nobody has": (StatusSelection(statuses=("cancelled",)), []),
    "a Mexican lead": (StatusSelection(lead="SE"), [1, 2]),
    "a U.S. lead": (StatusSelection(lead="DOC"), [1, 3]),
    "overdue": (StatusSelection(overdue=True), [1, 4]),
    "pillar and overdue": (StatusSelection(pillar=2, overdue=True), [4]),
    "lead and status": (StatusSelection(lead="DOC", statuses=("planned",)), [3]),
    "all four filters": (
        StatusSelection(pillar=1, statuses=("active",), lead="SE", overdue=False),
        [1],
    ),
    "filters that exclude each other": (StatusSelection(pillar=2, statuses=("planned",)), []),
}


@pytest.mark.parametrize(("selection", "ids"), SELECTIONS.values(), ids=SELECTIONS.keys())
def test_selection(plan, selection, ids):
    view = build_status(plan, TODAY, "en", selection)
    assert selection.filtering
    assert _ids(view) == ids
    assert view.document()["initiatives"] is not None
    assert [i["id"] for i in view.document()["initiatives"]] == ids


def test_no_selection_is_one_row_per_pillar(plan):
    for view in (build_status(plan, TODAY, "en"), build_status(plan, TODAY, "en", None)):
        assert not view.selection.filtering
        assert view.items is None
        assert [row[0] for row in view.table().rows] == ["I", "II"]
        assert view.document()["initiatives"] is None
        assert view.document()["selection"] == {
            "pillar": None,
            "status": [],
            "lead": None,
            "overdue": False,
        }


def test_overdue_depends_on_the_reference_date(plan):
    selection = StatusSelection(overdue=True)
    assert _ids(build_status(plan, dt.date(2026, 10, 31), "en", selection)) == [1]
    assert _ids(build_status(plan, dt.date(2024, 12, 31), "en", selection)) == []


def test_the_document_records_the_selection(plan):
    selection = StatusSelection(pillar=1, statuses=("active", "planned"), lead="DOC")
    doc = build_status(plan, TODAY, "en", selection).document()
    assert doc["selection"] == {
        "pillar": 1,
        "status": ["active", "planned"],
        "lead": "DOC",
        "overdue": False,
    }
    assert selection.filters() == {"status": ["active", "planned"], "lead": "DOC", "overdue": False}


@pytest.mark.parametrize(
    ("selection", "lang", "title"),
    [
        (StatusSelection(pillar=1), "en", "Pillar I: One (as of 2026-11-28)"),
        (StatusSelection(pillar=2), "es", "Pilar II: Dos (al 28 nov 2026)"),
        (StatusSelection(overdue=True), "en", "Initiatives (as of 2026-11-28)"),
    ],
)
def test_the_listing_title(plan, selection, lang, title):
    assert build_status(plan, TODAY, lang, selection).table().title == title


def test_matches_one_summary(plan):
    view = build_status(plan, TODAY, "en", StatusSelection(pillar=1))
    first = view.summary.pillars[0].initiatives[0]
    assert first.initiative.id == 1
    assert StatusSelection().matches(first)
    assert StatusSelection(lead="SE", overdue=True).matches(first)
    assert not StatusSelection(lead="DOC", statuses=("planned",)).matches(first)


def test_a_selection_is_a_value():
    assert StatusSelection(pillar=1) == StatusSelection(pillar=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        StatusSelection().pillar = 2  # type: ignore[misc]


@pytest.mark.xfail(
    strict=True,
    reason="build_status lists only initiatives of known pillars: one whose pillar is not in "
    "dialogue.yaml (DEAN203) is dropped from `--status`/`--lead`/`--overdue` listings, "
    "though the pillar table counts it as unassigned",
)
def test_an_initiative_of_an_unknown_pillar_is_still_selected_by_status(mini_plan):
    plan = load_plan(mini_plan({SECOND: initiative(2, "second", pillar=9)})).plan
    view = build_status(plan, TODAY, "en", StatusSelection(statuses=("active",)))
    assert _ids(view) == [1, 2]
