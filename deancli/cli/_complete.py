"""Shell completion for values that live in the plan: initiative ids, pillars, organizations.

Completion runs on every TAB: it loads the plan quietly and never raises (a broken plan
just completes nothing)."""

from __future__ import annotations

import os
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
