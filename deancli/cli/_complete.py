"""Shell completion for values that live in the plan: initiative ids, pillars, organizations.

Completion runs on every TAB: it loads the plan quietly and never raises (a broken plan
just completes nothing). Each candidate comes with a description (the title, in the
reader's language), which zsh, fish and PowerShell show (``8 -- Digital cooperation on
border privacy regulations``) and bash leaves out. An initiative is completed by number or
by slug, never both at once: a word that starts with a digit (or nothing yet) gets the
numbers, one that starts with a letter the slugs, whose description starts with their
number. Listed together, ``8  technical-training`` read as a pair in bash's columns though
they are different initiatives; pillars likewise by number or by Roman numeral."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any


def _plan() -> Any:
    from deancli.plan import load

    root = load.resolve_plan_dir(os.environ.get("DEAN_PLAN") or None)
    return load.load_plan(root).plan


DESCRIPTION = 60  # cells: a description longer than this is cut after a word


def _describe(text: Any, lang: str) -> str:
    """A plan text as a one-line description: escaped, in ``lang``, cut after a word."""
    from deancli.base.textsafe import safe
    from deancli.views.table import text_in

    line = " ".join(safe(text_in(text, lang)).split())
    if len(line) <= DESCRIPTION:
        return line
    cut = line[: DESCRIPTION - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _lang() -> str:
    """The language this run speaks, as the command line's group decided it before parsing
    (``--lang``, ``$DEAN_LANG``, the ``lang`` setting, the locale: cli/_i18n.py)."""
    from deancli.base.i18n import active

    return active()


def _by_number(incomplete: str) -> bool:
    return not incomplete or incomplete[0].isdigit()


def initiatives(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan, lang = _plan(), _lang()
        if _by_number(incomplete):
            return [
                (str(ini.id), _describe(ini.title, lang))
                for ini in plan.initiatives
                if str(ini.id).startswith(incomplete)
            ]
        return [
            (ini.slug, f"{ini.id} — {_describe(ini.title, lang)}")
            for ini in sorted(plan.initiatives, key=lambda i: i.slug or "")
            if ini.slug and ini.slug.startswith(incomplete)
        ]
    except Exception:  # completion must never break the shell
        return []


def pillars(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan, lang = _plan(), _lang()
        number = _by_number(incomplete)
        out = []
        for p in plan.pillars:
            value = str(p.number) if number else p.roman
            if value.lower().startswith(incomplete.lower()):
                out.append((value, _describe(p.title, lang)))
        return out
    except Exception:
        return []


def organizations(incomplete: str) -> list[tuple[str, str]]:
    try:
        plan = _plan()
        lang = _lang()
        return [
            (oid, _describe(org.name, lang))
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
        lang = _lang()
        return [
            (m.id, _describe(m.title, lang)) for m in ini.milestones if m.id.startswith(incomplete)
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
