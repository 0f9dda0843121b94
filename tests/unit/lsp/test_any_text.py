"""No request fails on any buffer at any position: whatever is typed, completion, hover,
definition, references, code actions and formatting answer (or answer nothing)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from deancli.lsp import actions, completion, diagnostics, hover, navigation
from deancli.lsp.documents import Buffer, PlanState
from deancli.lsp.text import Lines
from tests.conftest import REAL_PLAN

PIECES = [
    "\n",
    " ",
    "  ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    '"',
    "'",
    "|",
    ">",
    "&a",
    "*a",
    "!!str ",
    "id",
    "milestones",
    "depends_on",
    "leads",
    "mx",
    "us",
    "sources",
    "status",
    "SE",
    "DOC",
    "wh-2021-09-09",
    "1/",
    "pillar",
    "1",
    "é",
    "😀",
    "\t",
    "\r\n",
    "\u202e",
    "title",
    "es",
    "kind",
    "owners",
    "x-",
    "2024-01-01",
]


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> PlanState:
    root = tmp_path_factory.mktemp("any") / "plan"
    shutil.copytree(REAL_PLAN, root)
    return PlanState.load(root.resolve(), {}, as_of=dt.date(2026, 11, 28), isolated=True)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=60),
    line=st.integers(0, 12),
    character=st.integers(0, 40),
)
def test_every_request_answers(state, pieces, line, character):
    text = "".join(pieces)
    path = state.root / "initiatives" / "30-typing.yaml"
    state.put(Buffer(path.as_uri(), path, text, 1))
    doc = state.document(path)
    assert doc is not None
    lines = Lines(doc.text if doc.text is not None else text)
    pos = types.Position(line, character)
    found = diagnostics.findings(state).get(doc.display, [])
    docs = state.by_display()
    converted = [diagnostics.to_lsp(d, lines, docs, "utf-16") for d in found]
    completion.complete(state, doc, lines, pos, "en")
    hover.hover(state, doc, lines, pos, "es")
    navigation.definition(state, doc, lines, pos, "utf-16")
    navigation.references(state, doc, lines, pos, "utf-16", declaration=True)
    params = types.CodeActionParams(
        types.TextDocumentIdentifier(path.as_uri()),
        types.Range(pos, pos),
        types.CodeActionContext(converted),
    )
    actions.code_actions(state, doc, lines, params, "en")
    actions.formatting(doc, lines)
    state.drop(path)
