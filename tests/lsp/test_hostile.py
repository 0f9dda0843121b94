"""Hostile buffers behave as in `dean validate`: each class of input from tests/hostile.py,
opened unsaved in the editor, gets the code `dean validate` reports for the same file; no
message carries a raw control character; the server answers the next request; nothing is
written."""

from __future__ import annotations

import re

import pytest
from lsprotocol import types

from tests.hostile import CORPUS

pytestmark = pytest.mark.asyncio(loop_scope="module")

RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# an editor holds text: bytes that are not UTF-8 reach the server decoded some other way
NOT_TEXT = {"utf16", "latin1"}
HOSTILE = "initiatives/20-hostile.yaml"


async def test_every_hostile_buffer_is_reported_like_validate(editor, workspace):
    before = sorted(p.name for p in (workspace / "plan" / "initiatives").iterdir())
    cases = {
        name: (data.decode("utf-8"), code)
        for name, (data, code) in CORPUS.items()
        if name not in NOT_TEXT
    }
    cases["too-large"] = ("x: " + "a" * (300 * 1024) + "\n", "DEAN008")
    cases["huge-flow-of-ids"] = ("leads: {mx: [" + ", ".join(["SE"] * 5000) + "]}\n", "DEAN106")
    await editor.open("organizations.yaml")  # keeps the plan loaded between the cases
    for name, (text, code) in cases.items():
        found = await editor.open(HOSTILE, text)
        codes = {d.code for d in found}
        assert code in codes, (name, codes)
        if name == "raw-esc":  # not readable as plan text, yet placed in the editor's text
            (d,) = found
            assert (d.range.start.line, d.range.start.character) == (1, 6)
        for d in found:
            assert not RAW_CONTROL.search(d.message.replace("\n", " ")), (name, d.message)
            for r in d.related_information or []:
                assert not RAW_CONTROL.search(r.message), (name, r.message)
        hover = await editor.client.text_document_hover_async(
            types.HoverParams(editor.doc(HOSTILE), types.Position(0, 1))
        )
        assert hover is None or isinstance(hover, types.Hover)
        await editor.close(HOSTILE)
    await editor.close("organizations.yaml")
    assert sorted(p.name for p in (workspace / "plan" / "initiatives").iterdir()) == before


async def test_markup_and_workflow_commands_in_a_buffer_stay_text(editor):
    """Plan text in hover is inert Markdown: no link, image or HTML it did not earn."""
    text = (editor.root / "plan" / "organizations.yaml").read_text(encoding="utf-8")
    evil = "[click](https://evil.example) <img src=x> **bold** ::error::forged"
    text = text.replace("      en: Ministry of Economy\n", f'      en: "{evil}"\n')
    await editor.open("organizations.yaml", text)
    one = "initiatives/01-strengthening-supply-chains.yaml"
    await editor.open(one)
    hover = await editor.client.text_document_hover_async(
        types.HoverParams(editor.doc(one), editor.position(one, "  mx: [SE]", len("  mx: [S")))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "\\[click\\](https://evil.example) &lt;img src=x&gt; \\*\\*bold\\*\\*" in value
    assert "<img" not in value and "[click](" not in value
    await editor.close(one)
    await editor.close("organizations.yaml")
