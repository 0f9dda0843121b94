"""The quick fix's replacement is found again from the plan, and it is the "did you mean"
that the finding's hint gives."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from deancli.base.diagnostics import json_path
from deancli.lsp import diagnostics
from deancli.lsp.documents import Buffer, PlanState
from deancli.lsp.guess import parse_json_path, suggestion
from tests.conftest import REAL_PLAN

TYPOS = {
    "  us: [DOC]\n": "  us: [DOCC]\n",  # DEAN204
    "status_sources: [ssacpa-2024-04,": "status_sources: [ssacpa-2024-4,",  # DEAN207
    "\nannounced: 2021-12-13\n": "\nannounced: 2021-12-13\nsumary: {en: x}\n",  # DEAN101
    "\nstatus: active\n": "\nstatus: activ\n",  # DEAN104
}


@pytest.mark.parametrize(
    "parts", [(), ("a", 0, "b"), ("x-y", 12), ("a b", "it's", 'q"'), ("ñ",), ("k.v", "[0]")]
)
def test_json_paths_read_back(parts):
    assert parse_json_path(json_path(parts)) == parts


def test_the_suggestion_is_the_hints(tmp_path: Path) -> None:
    shutil.copytree(REAL_PLAN, tmp_path / "plan")
    root = (tmp_path / "plan").resolve()
    state = PlanState.load(root, {}, as_of=dt.date(2026, 11, 28), isolated=True)
    path = root / "initiatives" / "01-strengthening-supply-chains.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in TYPOS.items():
        text = text.replace(old, new)
    state.put(Buffer(path.as_uri(), path, text, 2))
    doc = state.document(path)
    assert doc is not None
    found = diagnostics.findings(state)[doc.display]
    checked = set()
    for d in found:
        m = re.search(r"did you mean `([^`]+)`", d.hint or "")
        if m:
            assert suggestion(state, doc, d.code, d.json_path) == m.group(1), d
            checked.add(d.code)
    assert checked == {"DEAN204", "DEAN207", "DEAN101", "DEAN104"}
