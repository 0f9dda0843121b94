"""Key orders are derived, not copied: for every place ``deancli.edit.orders.ORDERS`` lays
out, its keys are exactly the properties the schema in ``schemas/`` allows there (so a new
schema field cannot be forgotten by `dean fmt` and `dean new`, nor a removed one linger)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from deancli.edit.orders import ORDERS
from deancli.plan.schema import SCHEMA_FILES
from tests.conftest import REPO

PLACES = [(kind, place) for kind, orders in ORDERS.items() for place in orders]


@cache
def _schema(kind: str) -> dict[str, Any]:
    text = (REPO / "schemas" / SCHEMA_FILES[kind]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _deref(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` (a pointer into the same schema file) merged in."""
    seen = set()
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local $ref are resolved, not {ref}"
        assert ref not in seen, f"$ref loop at {ref}"
        seen.add(ref)
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def schema_properties(kind: str, place: str) -> set[str]:
    """The property names the schema of ``kind`` allows at ``place``, written as ORDERS
    writes it: ``""`` for the top, ``a.b`` for nested mappings, ``a[]`` for list items."""
    root = _schema(kind)
    node = _deref(root, root)
    walked = ""
    for step in filter(None, place.split(".")):
        name = step.removesuffix("[]")
        props = node.get("properties", {})
        assert name in props, f"{SCHEMA_FILES[kind]} has no `{name}` under `{walked or '$'}`"
        node = _deref(root, props[name])
        if step.endswith("[]"):
            assert "items" in node, f"{SCHEMA_FILES[kind]}: `{name}` is not a list"
            node = _deref(root, node["items"])
        walked = f"{walked}.{step}" if walked else step
    return set(node.get("properties", {}))


def mismatch(kind: str, place: str, keys: list[str]) -> str | None:
    """What is wrong with ``keys`` as the order of ``place``, or None."""
    allowed = schema_properties(kind, place)
    problems = []
    missing = sorted(allowed - set(keys))
    extra = sorted(set(keys) - allowed)
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if missing:
        problems.append("missing " + ", ".join(missing))
    if extra:
        problems.append("not in the schema " + ", ".join(extra))
    if twice:
        problems.append("listed twice " + ", ".join(twice))
    if not problems:
        return None
    return f"ORDERS[{kind!r}][{place!r}] vs {SCHEMA_FILES[kind]}: " + "; ".join(problems)


@pytest.mark.parametrize(("kind", "place"), PLACES, ids=[f"{k}:{p or '$'}" for k, p in PLACES])
def test_an_order_lists_exactly_the_keys_the_schema_allows(kind, place):
    problem = mismatch(kind, place, ORDERS[kind][place])
    assert problem is None, problem


def test_every_kind_of_file_has_orders():
    assert set(ORDERS) == set(SCHEMA_FILES)
    for orders in ORDERS.values():
        assert "" in orders


def test_the_comparison_names_missing_and_extra_keys():
    leads = ["mx", "us", "sources", "lead_note", "mx"]
    assert mismatch("initiative", "leads", leads) == (
        "ORDERS['initiative']['leads'] vs initiative.schema.json: missing note; "
        "not in the schema lead_note; listed twice mx"
    )
    assert mismatch("initiative", "leads", ["mx", "us", "sources", "note"]) is None


def test_refs_are_followed():
    # `title` is a $ref to the shared bilingual text; list items to the shared source
    assert schema_properties("initiative", "title") == {"es", "en"}
    assert schema_properties("dialogue", "sources[]") >= {"id", "title", "publisher", "url"}


def test_a_place_the_schema_does_not_have_is_named():
    with pytest.raises(AssertionError, match=r"has no `nope` under `milestones\[\]`"):
        schema_properties("initiative", "milestones[].nope")
