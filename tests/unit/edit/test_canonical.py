"""`dean fmt` decides from the parse that a file is already canonical only when the full
round trip (``layout.canonical_text``) agrees: on every file of the test corpus, on the real
plan (where the fast answer must be taken), on files made to differ from the canonical layout
in each way the decision looks at, and on generated files."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings

from deancli.edit.canonical import certainly_canonical
from deancli.edit.layout import canonical_text
from deancli.edit.orders import ORDERS
from deancli.plan import yamlio
from tests.conftest import REAL_PLAN
from tests.unit.test_edit_properties import initiative
from tests.unit.test_fast_path import LAYOUTS, TEXTS
from tests.unit.test_fmt_comments import document

EXAMPLES = int(os.environ.get("DEAN_PROPERTY_EXAMPLES", "60"))


def _kind(name: str) -> str:
    return {"dialogue.yaml": "dialogue", "organizations.yaml": "organizations"}.get(
        name, "initiative"
    )


def _round_trip(text: str, kind: str) -> str | None:
    try:
        return canonical_text(text, ORDERS[kind])
    except Exception:  # the round trip refuses the file: fmt leaves it alone
        return None


def _agrees(name: str, text: str) -> bool:
    """Asserts the fast answer implies the round trip's; returns the fast answer."""
    kind = _kind(name)
    parsed = yamlio.parse(text, marks=True)
    fast = certainly_canonical(text, parsed.data, parsed.marks, ORDERS[kind])
    if fast:
        assert _round_trip(text, kind) == text, name
    return fast


REAL = {p.name: p.read_text(encoding="utf-8") for p in sorted(REAL_PLAN.rglob("*.yaml"))}


@pytest.mark.parametrize("name", list(REAL))
def test_the_real_plan_is_decided_from_the_parse(name):
    assert _round_trip(REAL[name], _kind(name)) == REAL[name]
    assert _agrees(name, REAL[name])


@pytest.mark.parametrize(
    ("name", "text"), [*TEXTS, *LAYOUTS.items()], ids=[*(t[0] for t in TEXTS), *LAYOUTS]
)
def test_corpus(name, text):
    _agrees(name, text)


def _swap_first_keys(text: str) -> str:
    lines = text.split("\n")
    top = [i for i, line in enumerate(lines) if re.match(r"[a-z_]+: \S", line)]
    if len(top) < 2:
        return text
    i, j = top[0], top[1]
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


# each changes the layout in one way the decision checks (the first match only)
MUTATIONS = {
    "key-order": _swap_first_keys,
    "indent-more": lambda t: re.sub(r"\n  (\w)", r"\n   \1", t, count=1),
    "indent-less-item": lambda t: t.replace("\n  - ", "\n- ", 1),
    "item-indent-more": lambda t: t.replace("\n  - ", "\n    - ", 1),
    "two-spaces-after-colon": lambda t: re.sub(r"\n(\w+): (\w)", r"\n\1:  \2", t, count=1),
    "quoted-plain": lambda t: re.sub(r"\nstatus: (\w+)", r"\nstatus: '\1'", t, count=1),
    "double-quoted-plain": lambda t: re.sub(r"\nstatus: (\w+)", r'\nstatus: "\1"', t, count=1),
    "quoted-date": lambda t: re.sub(r"announced: ([0-9-]+)", r"announced: '\1'", t, count=1),
    "short-date": lambda t: re.sub(
        r"announced: ([0-9]{4})-0?([0-9]+)-0?([0-9]+)", r"announced: \1-\2-\3", t, count=1
    ),
    "leading-zero": lambda t: re.sub(r"\npillar: (\d)", r"\npillar: 0\1", t, count=1),
    "hex": lambda t: re.sub(r"\nschema_version: 1", r"\nschema_version: 0x1", t, count=1),
    "capital-bool": lambda t: t.replace(": false", ": False", 1).replace(": true", ": True", 1),
    "trailing-space": lambda t: t.replace("\n", " \n", 1),
    "trailing-tab": lambda t: t.replace("\n", "\t\n", 1),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "no-final-newline": lambda t: t.rstrip("\n"),
    "explicit-start": lambda t: "---\n" + t,
    "flow-spacing": lambda t: t.replace(", ", ",  ", 1),
    "flow-padding": lambda t: t.replace("[", "[ ", 1),
    "flow-map-padding": lambda t: t.replace("{", "{ ", 1),
    "flow-over-lines": lambda t: t.replace(", ", ",\n    ", 1),
    "folded-indent": lambda t: re.sub(
        r">-\n(\s+)", lambda m: ">-\n" + m.group(1) + " ", t, count=1
    ),
    "folded-keep": lambda t: t.replace(": >-\n", ": >+\n", 1),
    "folded-clip": lambda t: t.replace(": >-\n", ": >\n", 1),
    "literal": lambda t: t.replace(": >-\n", ": |-\n", 1),
    "multi-line-plain": lambda t: re.sub(r"\n  es: (\w+) (\w+)", r"\n  es: \1\n    \2", t, count=1),
    "null": lambda t: re.sub(r"\nstatus_as_of: \S+", r"\nstatus_as_of:", t, count=1),
    "tilde": lambda t: re.sub(r"\nstatus_as_of: \S+", r"\nstatus_as_of: ~", t, count=1),
    "float": lambda t: re.sub(r"\nschema_version: 1", r"\nschema_version: 1.0", t, count=1),
    "quoted-key": lambda t: re.sub(r"\nstatus:", "\n'status':", t, count=1),
    "escape": lambda t: re.sub(r"(\n  en: )(\w)", r'\1"\\u0041\2', t, count=1).replace(
        '"\\u0041', '"\\u0041', 1
    ),
    "flow-block-map": lambda t: re.sub(r"\n  es: \{", "\n  es:\n    {", t, count=1),
    "comment-gap": lambda t: t.replace("  # ", "    # ", 1),
    "blank-lines": lambda t: t.replace("\nstatus:", "\n\n\nstatus:", 1),
    "comment-above": lambda t: t.replace("\nleads:", "\n# about leads\nleads:", 1),
    "ends-with-colon": lambda t: re.sub(r"\n  en: ([^\n{>|]+)\n", r"\n  en: \1:\n", t, count=1),
    "nested-list": lambda t: t.replace("\n  - ", "\n  - - ", 1),
}


@pytest.mark.parametrize("mutation", list(MUTATIONS))
@pytest.mark.parametrize("name", list(REAL))
def test_layouts_made_to_differ(name, mutation):
    text = MUTATIONS[mutation](REAL[name])
    if text == REAL[name]:
        pytest.skip("the mutation does not apply to this file")
    _agrees(name, text)


@given(document())
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_files_with_comments_everywhere(text):
    _agrees("generated.yaml", text)


@given(initiative())
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_initiatives(generated):
    _, _, text = generated
    _agrees("generated.yaml", text)
    out = _round_trip(text, "initiative")
    if out is not None:  # the canonical layout of any file is decided from the parse
        assert _agrees("generated.yaml", out)
