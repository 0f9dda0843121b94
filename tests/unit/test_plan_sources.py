"""Every dated fact of the plan cites at least one source that the plan defines.

Dated facts: the dialogue's meetings and its last known meeting, an initiative's status (when
it has `status_as_of`), every milestone, indicator values and an organization's end
(`valid_to`). A citation resolves when the id is listed under `sources` in the same file or in
dialogue.yaml, as rule DEAN207 does. This test reads the YAML on its own so that it keeps
working whatever the package layout.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import REAL_PLAN

GRADES = {"official", "primary_news", "secondary"}


def _load(path: Path) -> dict[str, Any]:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}


def _ids(data: dict[str, Any]) -> set[str]:
    return {s["id"] for s in data.get("sources") or [] if isinstance(s, dict) and "id" in s}


def _files(plan: Path) -> dict[str, dict[str, Any]]:
    return {p.relative_to(plan).as_posix(): _load(p) for p in sorted(plan.rglob("*.yaml"))}


def facts_without_source(plan: Path) -> list[str]:
    """`file: fact: problem` for each dated fact with no source or an undefined one."""
    files = _files(plan)
    shared = _ids(files.get("dialogue.yaml", {}))
    problems: list[str] = []

    def check(rel: str, what: str, refs: Any, known: set[str]) -> None:
        if not isinstance(refs, list) or not refs:
            problems.append(f"{rel}: {what}: no source")
            return
        for ref in refs:
            if ref not in known:
                problems.append(f"{rel}: {what}: unknown source `{ref}`")

    for rel, data in files.items():
        known = shared | _ids(data)
        if rel == "dialogue.yaml":
            dialogue = data.get("dialogue") or {}
            for m in dialogue.get("meetings") or []:
                check(rel, f"meeting {m.get('date')}", m.get("sources"), known)
            last = dialogue.get("last_known_meeting")
            if last is not None:
                check(rel, "last_known_meeting", last.get("sources"), known)
        elif rel == "organizations.yaml":
            for o in data.get("organizations") or []:
                if "valid_to" in o or "superseded_by" in o:
                    check(rel, f"organization {o.get('id')} end", o.get("sources"), known)
        else:
            if "status_as_of" in data:
                check(
                    rel, f"status as of {data['status_as_of']}", data.get("status_sources"), known
                )
            for m in data.get("milestones") or []:
                if not m.get("illustrative"):
                    check(rel, f"milestone {m.get('id')}", m.get("sources"), known)
            for ind in data.get("indicators") or []:
                for a in ind.get("actuals") or []:
                    refs = a.get("sources") or ind.get("sources")
                    check(rel, f"indicator {ind.get('id')} {a.get('date')}", refs, known)
            for r in data.get("related") or []:
                check(
                    rel, f"related {r.get('name') or r.get('initiative')}", r.get("sources"), known
                )
    return problems


def test_every_dated_fact_cites_a_defined_source() -> None:
    assert facts_without_source(REAL_PLAN) == []


def test_the_check_finds_facts_without_a_source(tmp_path: Path) -> None:
    """A deliberately broken copy: the same function must list exactly what was broken."""
    plan = tmp_path / "plan"
    shutil.copytree(REAL_PLAN, plan)
    one = plan / "initiatives" / "01-strengthening-supply-chains.yaml"
    text = one.read_text(encoding="utf-8")
    text = text.replace("status_sources: [ssacpa-2024-04, reportero-2024-04-19]\n", "", 1)
    text = text.replace("    sources: [voa-2023-10, ssacpa-2024-04]\n", "    sources: []\n", 1)
    text = text.replace("sources: [reuters-2024-03-28, wttl-2024-03]", "sources: [reuters-2042]", 1)
    one.write_text(text, encoding="utf-8")
    dialogue = plan / "dialogue.yaml"
    dialogue.write_text(
        dialogue.read_text(encoding="utf-8").replace(
            "      sources: [state-2024-midyear, ssacpa-2024-04, reportero-2024-04-19]\n", "", 1
        ),
        encoding="utf-8",
    )
    rel = "initiatives/01-strengthening-supply-chains.yaml"
    assert facts_without_source(plan) == [
        "dialogue.yaml: meeting 2024-04-19: no source",
        f"{rel}: status as of 2024-04-19: no source",
        f"{rel}: milestone joint-semiconductor-action-plan: no source",
        f"{rel}: milestone itsi-partnership: unknown source `reuters-2042`",
    ]


def test_every_source_is_graded_and_untitled_ones_say_so() -> None:
    for rel, data in _files(REAL_PLAN).items():
        for s in data.get("sources") or []:
            assert s.get("grade") in GRADES, (rel, s["id"])
            if s["title"].startswith("("):
                assert "Headline not recorded" in (s.get("note") or ""), (rel, s["id"])


def test_last_known_meeting_is_the_newest_meeting() -> None:
    dialogue = _load(REAL_PLAN / "dialogue.yaml")["dialogue"]
    newest = max(str(m["date"]) for m in dialogue["meetings"])
    assert str(dialogue["last_known_meeting"]["date"]) == newest
    assert dialogue["last_known_meeting"]["later_meeting_found"] is False


def test_superseded_by_lists_are_checked(dean, plan_copy: Path) -> None:
    """DEAN204 reads every id of a `superseded_by` list (IFT's functions were split)."""
    orgs = plan_copy / "organizations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "superseded_by: [ATDT, CRT]", "superseded_by: [ATDT, CRX]"
        ),
        encoding="utf-8",
    )
    result = dean("validate", "--plan", str(plan_copy), "--format", "concise")
    assert result.exit_code == 1
    assert "unknown organization `CRX`" in result.stdout
