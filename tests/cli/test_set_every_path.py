"""`dean set` never crashes: every path the schema allows in an initiative and in a milestone,
on a file that has each parent and on one that has none of the optional ones, with every
operator and values of every YAML type. An edit may be refused (exit 1) or be a usage error
(exit 2); it is never "internal error" (exit 3)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import AS_OF, ENV, REAL_PLAN, REPO

EXAMPLES = int(os.environ.get("DEAN_PROPERTY_EXAMPLES", "60"))

MINIMAL = """\
# yaml-language-server: $schema=../../schemas/initiative.schema.json
schema_version: 1
id: 12
slug: minimal
pillar: 1
title:
  es: Mínima
  en: Minimal
status: planned
leads:
  mx: []
  us: []
milestones:
  - id: bare
    title: {es: Hito, en: Milestone}
    status: planned
    illustrative: true
sources: []
"""

# (initiative, milestone or None): a file with most parents, one with none of the optional
TARGETS = [("11", None), ("12", None), ("8", "cbpr-promotion-campaign"), ("12", "bare")]


def _paths(schema: dict[str, Any], node: dict[str, Any], prefix: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """(dotted path, kind) for every field the schema allows below ``node``."""
    defs = schema["$defs"]
    while "$ref" in node:
        node = {
            **defs[node["$ref"].rsplit("/", 1)[-1]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    if node.get("properties"):
        if prefix:
            yield ".".join(prefix), "object"
        for key, sub in node["properties"].items():
            yield from _paths(schema, sub, (*prefix, key))
    elif node.get("type") == "array":
        yield ".".join(prefix), "list"
    else:
        yield ".".join(prefix), "scalar"


SCHEMA = json.loads((REPO / "schemas/initiative.schema.json").read_text())
INITIATIVE_PATHS = [p for p in _paths(SCHEMA, SCHEMA) if p[0] != "milestones"]
MILESTONE_PATHS = list(_paths(SCHEMA, SCHEMA["properties"]["milestones"]["items"]))
FIRST = {"scalar": "=x", "list": "+=x", "object": "={es: x, en: y}"}
VALUES = ["x", "3", "true", "null", "''", "[a, b]", "{es: x, en: y}", "2024-01-31", "[]", "{}"]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("every-path") / "plan"
    shutil.copytree(REAL_PLAN, root)
    (root / "initiatives/12-minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    return root


def _set(plan: Path, ident: str, milestone: str | None, assignment: str) -> Any:
    from deancli.cli import app

    args = ["set", ident, assignment, "--dry-run", "--plan", str(plan), "--as-of", AS_OF]
    if milestone:
        args += ["-m", milestone]
    return CliRunner().invoke(app, args, env=ENV, catch_exceptions=False)


def _cases() -> list[tuple[str, str | None, str]]:
    out = []
    for ident, milestone in TARGETS:
        for path, kind in MILESTONE_PATHS if milestone else INITIATIVE_PATHS:
            out.append((ident, milestone, path + FIRST[kind]))
    return out


@pytest.mark.parametrize(("ident", "milestone", "assignment"), _cases())
def test_every_schema_path(plan, ident, milestone, assignment):
    result = _set(plan, ident, milestone, assignment)
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_operator_and_value_on_any_path(plan, data):
    ident, milestone = data.draw(st.sampled_from(TARGETS))
    path, _ = data.draw(st.sampled_from(MILESTONE_PATHS if milestone else INITIATIVE_PATHS))
    operator = data.draw(st.sampled_from(["=", "+=", "-=", ":="]))
    value = data.draw(st.sampled_from(VALUES))
    result = _set(plan, ident, milestone, f"{path}{operator}{value}")
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output
