"""Finding what users type on the command line in the plan: a pillar by number or Roman
numeral, an organization by id or acronym, an initiative by number or slug.

Each lookup returns the thing found or raises :class:`LookupProblem` (a usage error, exit 2)
whose message lists the valid choices or, for an ambiguous slug, the candidates.
"""

from __future__ import annotations

from deancli.base.errors import UsageProblem
from deancli.base.i18n import N_, tr
from deancli.base.suggest import closest
from deancli.plan.model import Initiative, Pillar, Plan

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


class LookupProblem(UsageProblem):
    """What the user typed names nothing in the plan, or more than one thing."""


def find_pillar(plan: Plan, value: str) -> Pillar:
    """A pillar by number (``3``) or Roman numeral (``III``, ``iii``)."""
    raw = value.strip()
    number = int(raw) if raw.isdigit() else ROMAN.get(raw.upper())
    for p in plan.pillars:
        if number == p.number or raw.upper() == p.roman.upper():
            return p
    valid = ", ".join(f"{p.number} ({p.roman})" for p in plan.pillars)
    raise LookupProblem(
        tr("unknown pillar {value}; valid pillars: {valid}", value=repr(value), valid=valid)
    )


def find_organization(plan: Plan, value: str) -> str:
    """An organization's id, by id or acronym, ignoring case."""
    for oid, org in plan.organizations.items():
        if value.upper() == oid.upper() or (org.acronym and value.lower() == org.acronym.lower()):
            return oid
    guess = closest(value, list(plan.organizations))
    hint = tr(" (did you mean {guess}?)", guess=guess) if guess else ""
    valid = ", ".join(sorted(plan.organizations))
    raise LookupProblem(
        tr(
            "unknown organization {value}{hint}; valid: {valid}",
            value=repr(value),
            hint=hint,
            valid=valid,
        )
    )


def find_initiative(plan: Plan, ident: str) -> Initiative:
    """An initiative by number (``8``, ``08``) or slug. Two initiatives with the same number
    or slug (a finding of ``dean validate``) make the lookup ambiguous: an error that names
    the files, never a silent choice of the first."""
    raw = ident.strip()
    found = [
        ini
        for ini in plan.initiatives
        if (raw.isdigit() and ini.id == int(raw)) or (ini.slug and raw == ini.slug)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        candidates = "; ".join(f"{ini.label} ({ini.doc.display})" for ini in found)
        message = (
            N_(
                "{ident} is ambiguous: {n} initiatives have this number: {candidates}; "
                "give each its own number (dean validate shows where)"
            )
            if raw.isdigit()
            else N_(
                "{ident} is ambiguous: {n} initiatives have this slug: {candidates}; "
                "give each its own slug (dean validate shows where)"
            )
        )
        raise LookupProblem(tr(message, ident=repr(ident), n=len(found), candidates=candidates))
    for rel in plan.left_out:  # its file had reading errors: say so, not "no initiative"
        number, _, slug = rel.rpartition("/")[2].partition("-")
        if (raw.isdigit() and number.isdigit() and int(number) == int(raw)) or (
            raw and slug.rsplit(".", 1)[0] == raw
        ):
            raise LookupProblem(
                tr(
                    "initiative {ident} is in {path}, which has reading errors and is left "
                    "out; `dean validate` says why",
                    ident=repr(ident),
                    path=rel,
                )
            )
    guess = closest(raw, [i.slug for i in plan.initiatives if i.slug])
    valid = ", ".join(str(i.id) for i in plan.initiatives if i.id is not None)
    hint = tr(" (did you mean {guess}?)", guess=guess) if guess else ""
    raise LookupProblem(
        tr(
            "no initiative {ident}{hint}; initiatives: {valid}",
            ident=repr(ident),
            hint=hint,
            valid=valid or tr("none"),
        )
    )
