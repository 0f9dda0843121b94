"""The plan in memory: the model dean lsp builds is the one build_plan builds, and an edit
rebuilds only the edited file's part of it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from deancli.lsp.documents import Buffer, PlanState
from deancli.plan.build import build_plan
from tests.conftest import REAL_PLAN


def _shape(plan):  # type: ignore[no-untyped-def]
    return (
        [(i.id, i.doc.rel, i.status, [m.id for m in i.milestones]) for i in plan.initiatives],
        sorted(plan.organizations),
        [(p.number, p.title) for p in plan.pillars],
        [s.id for s in plan.shared_sources],
        [d.rel for d in plan.documents],
    )


def test_an_edit_rebuilds_one_initiative(tmp_path: Path) -> None:
    shutil.copytree(REAL_PLAN, tmp_path / "plan")
    root = (tmp_path / "plan").resolve()
    state = PlanState.load(root, {}, as_of=dt.date(2026, 11, 28), isolated=True)
    assert _shape(state.loaded.plan) == _shape(build_plan(root, state.loaded.documents))
    before = {i.doc.rel: i for i in state.loaded.plan.initiatives}
    path = root / "initiatives" / "07-cybersecurity.yaml"
    text = path.read_text(encoding="utf-8").replace("\nid: 7\n", "\nid: 12\n")
    state.put(Buffer(path.as_uri(), path, text, 2))
    plan = state.loaded.plan
    assert _shape(plan) == _shape(build_plan(root, state.loaded.documents))
    assert [i.id for i in plan.initiatives][-1] == 12  # ordered by id, as build_plan orders
    for ini in plan.initiatives:
        if ini.doc.rel == "initiatives/07-cybersecurity.yaml":
            assert ini is not before[ini.doc.rel]
        else:
            assert ini is before[ini.doc.rel]
    state.drop(path)
    assert [i.id for i in state.loaded.plan.initiatives] == list(range(1, 12))
    assert path.read_text(encoding="utf-8") != text  # nothing written
