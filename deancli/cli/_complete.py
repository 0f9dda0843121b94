"""Shell completion for values that live in the plan: initiative ids, pillars, organizations.

Completion runs on every TAB: it loads the plan quietly and never raises (a broken plan
just completes nothing)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any


def _plan() -> Any:
    from deancli.plan import load

    root = load.resolve_plan_dir(os.environ.get("DEAN_PLAN") or None)
    return load.load_plan(root).plan


def initiatives(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan = _plan()
        out = []
        for ini in plan.initiatives:
            for value in (str(ini.id), ini.slug or ""):
                if value and value.startswith(incomplete):
                    out.append((value, ini.title.get("en")[:60]))
        return out
    except Exception:  # completion must never break the shell
        return []


def pillars(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan = _plan()
        out = []
        for p in plan.pillars:
            for value in (str(p.number), p.roman):
                if value.lower().startswith(incomplete.lower()):
                    out.append((value, p.title.get("en")[:60]))
        return out
    except Exception:
        return []


def organizations(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan = _plan()
        return [
            (oid, org.name.get("en")[:60])
            for oid, org in sorted(plan.organizations.items())
            if oid.lower().startswith(incomplete.lower())
        ]
    except Exception:
        return []


def milestones(initiative: str, incomplete: str) -> list[tuple[str, str]]:
    """The milestone ids of the initiative given earlier on the command line."""
    try:
        from deancli.plan.lookup import find_initiative

        ini = find_initiative(_plan(), initiative)
        return [
            (m.id, m.title.get("en")[:60]) for m in ini.milestones if m.id.startswith(incomplete)
        ]
    except Exception:
        return []


_TEXT = ("es", "en")


def _field_names(milestone: bool) -> list[str]:
    from deancli.edit import orders

    nested: dict[str, Sequence[str]]
    if milestone:
        keys = orders.MILESTONE_ORDER
        nested = {"title": _TEXT, "note": _TEXT}
    else:
        keys = orders.INITIATIVE_ORDER
        nested = {"title": _TEXT, "summary": _TEXT, "notes": _TEXT, "leads": orders.LEADS_ORDER}
    out = []
    for key in keys:
        if key in ("schema_version", "milestones"):
            continue
        out += [f"{key}.{sub}" for sub in nested[key]] if key in nested else [key]
    return out


def _assignments(names: list[str], incomplete: str) -> list[str]:
    if "=" in incomplete:
        return []
    return [f"{name}=" for name in names if name.startswith(incomplete)]


def fields(milestone: bool, incomplete: str) -> list[str]:
    """``FIELD=`` for the fields of an initiative (or of a milestone)."""
    try:
        return _assignments(_field_names(milestone), incomplete)
    except Exception:
        return []


def milestone_fields(incomplete: str) -> list[str]:
    return fields(True, incomplete)
