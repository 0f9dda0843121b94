"""A minimal valid plan for unit tests of reading, checking and views: two pillars, two
organizations, two initiatives. Tests write it into a temporary directory and change one
file at a time with a small snippet; the line numbers below are what findings point at."""

from __future__ import annotations

from pathlib import Path

from deancli.base.diagnostics import Diagnostic
from tests.conftest import AS_OF as AS_OF  # the reference date of every test

# lines: 1 schema_version, 3 name, 4 established, 5 relaunched, 6 work_plan_presented,
# 8-9 co_chairs, 11-14 meetings, 16-18 pillar 1, 19-21 pillar 2, 23-25 the shared source
DIALOGUE = """\
schema_version: 1
dialogue:
  name: {es: Diálogo, en: Dialogue}
  established: 2013-09
  relaunched: 2021-09-09
  work_plan_presented: 2021-12-13
  co_chairs:
    mx: [SE]
    us: [DOC]
  meetings:
    - date: 2021-09-09
      kind: ministerial
    - date: 2022-09-12
      kind: ministerial
pillars:
  - number: 1
    roman: I
    title: {es: Uno, en: One}
  - number: 2
    roman: II
    title: {es: Dos, en: Two}
sources:
  - id: shared
    title: A shared source
    publisher: Someone
"""

# lines: 3-6 SE (no acronym), 7-11 DOC (acronym Commerce)
ORGANIZATIONS = """\
schema_version: 1
organizations:
  - id: SE
    country: MX
    type: ministry
    name: {es: Secretaría de Economía, en: Ministry of Economy}
  - id: DOC
    country: US
    type: ministry
    acronym: Commerce
    name: {es: Departamento de Comercio, en: Department of Commerce}
"""


def initiative(
    ident: int | str = 1,
    slug: str | None = "first",
    *,
    pillar: int | str = 1,
    status: str = "active",
    leads: str = "{mx: [SE], us: [DOC]}",
    extra: str = "",
) -> str:
    """An initiative file: lines 1-7 are fixed (2 id, 3 slug or a comment when None, 4 pillar,
    6 status, 7 leads); ``extra`` starts at line 8."""
    slug_line = f"slug: {slug}\n" if slug is not None else "# no slug\n"
    return (
        "schema_version: 1\n"
        f"id: {ident}\n"
        f"{slug_line}"
        f"pillar: {pillar}\n"
        f"title: {{es: Iniciativa {ident}, en: Initiative {ident}}}\n"
        f"status: {status}\n"
        f"leads: {leads}\n"
    ) + extra


def milestones(*items: str) -> str:
    """A ``milestones:`` block of :func:`milestone` items (for ``initiative(extra=...)``)."""
    return "milestones:\n" + "".join(items)


def milestone(mid: str, status: str = "planned", **fields: str) -> str:
    """One milestone in block style: ``- id`` (value at column 9), title, status (value at
    column 13), then one line per field in the order given (``key`` at column 5)."""
    lines = [f"  - id: {mid}", "    title: {es: M, en: M}", f"    status: {status}"]
    lines += [f"    {key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


FIRST = "initiatives/01-first.yaml"
SECOND = "initiatives/02-second.yaml"

BASE: dict[str, str] = {
    "dialogue.yaml": DIALOGUE,
    "organizations.yaml": ORGANIZATIONS,
    FIRST: initiative(1, "first"),
    SECOND: initiative(2, "second", pillar=2),
}


def write_plan(root: Path, files: dict[str, str | None] | None = None) -> Path:
    """The minimal plan in ``root``, with ``files`` written over it (None deletes a file)."""
    for rel, text in {**BASE, **(files or {})}.items():
        path = root / rel
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def where(diags: list[Diagnostic]) -> list[tuple[str, str, int | None, int | None]]:
    """(code, path, line, column) of each finding, in the order they were given."""
    return [(d.code, d.location.path, d.location.line, d.location.column) for d in diags]
