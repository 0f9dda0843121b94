"""`dean lsp` end to end: a real client over stdio opens, changes and closes plan files and
asks for everything the server offers. One server for the module; each test leaves the
buffers it opened closed, so the next starts from the plan on disk."""

from __future__ import annotations

import json
import shutil

import pytest
from lsprotocol import types

from tests.conftest import AS_OF

pytestmark = pytest.mark.asyncio(loop_scope="module")

ONE = "initiatives/01-strengthening-supply-chains.yaml"
CYBER = "initiatives/07-cybersecurity.yaml"
BROKEN = {  # three findings: an unknown organization, a done milestone without a date, a typo
    "  us: [DOC]\n": "  us: [DOCC]\n",
    "    completed_by: 2022-09-12\n    owners: [SE]\n    sources: [wh-2022-09-12]\n"
    "  - id: semiconductor-ict-forum": "    owners: [SE]\n    sources: [wh-2022-09-12]\n"
    "  - id: semiconductor-ict-forum",
    "status_sources: [ssacpa-2024-04, reportero-2024-04-19]": (
        "status_sources: [ssacpa-2024-04, reportero-2024-04-91]"
    ),
}
SEVERITY = {
    types.DiagnosticSeverity.Error: "error",
    types.DiagnosticSeverity.Warning: "warning",
    types.DiagnosticSeverity.Information: "info",
}


def _broken(text: str) -> str:
    for old, new in BROKEN.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


async def test_diagnostics_are_those_of_validate(editor, dean, workspace, tmp_path):
    """The unsaved buffer's findings: code, severity, range, message and help, and the link
    to the code's documentation, as `dean validate` reports the same text saved."""
    text = _broken((workspace / "plan" / ONE).read_text(encoding="utf-8"))
    found = await editor.open(ONE, text)
    shutil.copytree(workspace / "plan", tmp_path / "plan")
    (tmp_path / "plan" / ONE).write_text(text, encoding="utf-8")
    result = dean("validate", "--plan", str(tmp_path / "plan"), "-f", "json", "--as-of", AS_OF)
    expected = [
        (
            d["code"],
            d["severity"],
            (d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1),
            d["message"] + (f"\nhelp: {d['hint']}" if d["hint"] else ""),
        )
        for d in json.loads(result.stdout)["diagnostics"]
        if d["path"].endswith(ONE)
    ]
    assert [e[0] for e in expected] == ["DEAN207", "DEAN204", "DEAN208"]
    assert [
        (
            d.code,
            SEVERITY[d.severity],
            (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
            d.message,
        )
        for d in found
    ] == expected
    assert {d.source for d in found} == {"dean"}
    href = found[1].code_description.href
    assert href.startswith("file://") and href.endswith(
        "rules.md#dean204-unknown-organization-error"
    )
    await editor.close(ONE)
    assert list(editor.client.diagnostics[editor.uri(ONE)]) == []


async def test_a_change_is_checked_and_versioned(editor):
    assert await editor.open(CYBER) == []
    await editor.replace(CYBER, "status: done\n    completed_on: 2022-08-10", "status: done")
    (only,) = await editor.diagnostics(CYBER)
    assert (only.code, only.range.start.line, only.message.split("\n")[0]) == (
        "DEAN208",
        36,
        "milestone `cyber-working-group-first-dialogue` is done but has no completion date",
    )
    await editor.replace(
        CYBER, "status: done\n    sources: [state", "status: planned\n    sources: [state"
    )
    assert await editor.diagnostics(CYBER) == []
    await editor.close(CYBER)


async def test_renaming_a_shared_source_breaks_references_in_other_open_files(editor):
    """A cross-file finding follows the edit of another buffer, and goes when it is undone."""
    assert await editor.open(ONE) == []
    assert await editor.open("dialogue.yaml") == []
    await editor.replace(
        "dialogue.yaml",
        "  - id: reportero-2024-04-19\n",
        "  - id: reportero-2024-04-20\n",
        wait=ONE,
    )
    found = await editor.diagnostics(ONE)
    assert [(d.code, d.range.start.line) for d in found] == [("DEAN207", 23), ("DEAN207", 114)]
    assert "unknown source `reportero-2024-04-19`" in found[0].message
    await editor.replace(
        "dialogue.yaml",
        "  - id: reportero-2024-04-20\n",
        "  - id: reportero-2024-04-19\n",
        wait=ONE,
    )
    assert await editor.diagnostics(ONE) == []
    await editor.close("dialogue.yaml")
    await editor.close(ONE)


async def test_completion(editor):
    await editor.open(ONE)
    uri = editor.doc(ONE)

    async def labels(needle: str, offset: int) -> dict[str, str | None]:
        result = await editor.client.text_document_completion_async(
            types.CompletionParams(uri, editor.position(ONE, needle, offset))
        )
        assert isinstance(result, types.CompletionList)
        return {i.label: i.detail for i in result.items}

    orgs = await labels("  mx: [SE]", len("  mx: ["))
    assert orgs["SE"] == "Ministry of Economy" and orgs["DOC"] == "Department of Commerce"
    sources = await labels("status_sources: [ssacpa", len("status_sources: ["))
    assert "reportero-2024-04-19" in sources and "wh-2021-09-09" in sources
    assert set(await labels("\nstatus: active", len("\nstatus: "))) == {
        "planned",
        "active",
        "finalising",
        "completed",
        "cancelled",
        "suspended",
        "unknown",
    }
    assert set(
        await labels("    kind: event\n    title:\n      es: La SE organiza", len("    kind: "))
    ) == {"deliverable", "event", "decision", "publication", "context"}
    assert list(await labels("\nannounced: 2021-12-13", len("\nannounced: "))) == [AS_OF]
    pillars = await labels("\npillar: 1", len("\npillar: "))
    assert pillars["1"].startswith("I: ")
    deps = await labels("depends_on: [itsi-partnership]", len("depends_on: ["))
    assert "itsi-partnership" in deps and "7/cyber-working-group-first-dialogue" in deps
    await editor.replace(ONE, "announced: 2021-12-13\n", "announced: 2021-12-13\nrel\n")
    keys = await labels("\nrel\n", 4)
    assert set(keys) == {"depends_on", "indicators", "participants", "tags"}  # not there yet
    assert keys["participants"] == "Participants"
    await editor.close(ONE)


async def test_hover(editor):
    await editor.open(ONE)

    async def text(needle: str, offset: int) -> str:
        result = await editor.client.text_document_hover_async(
            types.HoverParams(editor.doc(ONE), editor.position(ONE, needle, offset))
        )
        assert result is not None and isinstance(result.contents, types.MarkupContent)
        return result.contents.value

    org = await text("  mx: [SE]", len("  mx: [S"))
    assert "Ministry of Economy" in org and "Secretaría de Economía" in org
    assert "Valid: no validity dates recorded" in org
    source = await text("reportero-2024-04-19]", 3)
    assert source == (
        "**México y EU discuten estrategias para la producción de semiconductores**\n\n"
        "El Reportero de la Comunidad · 2024-04-19\n\n"
        "<http://elreporterodelacomunidad.com/index.php/2024/04/19/"
        "mexico-y-eu-discuten-estrategias-para-la-produccion-de-semiconductores>\n\n"
        "Source `reportero-2024-04-19`"
    )
    milestone = await text("depends_on: [itsi-partnership]", len("depends_on: [i"))
    assert milestone == (
        "**Milestone itsi-partnership** (1)\n\n"
        "State announces a partnership with Mexico under the CHIPS Act ITSI Fund\n\n"
        "El Departamento de Estado anuncia una asociación con México bajo el Fondo ITSI de la "
        "Ley CHIPS\n\n"
        "Status: done · Completed: 2024-03-28"
    )
    key = await text("\nannounced:", 3)
    assert key.startswith("**Announced**")
    await editor.close(ONE)


async def test_definition_and_references(editor, workspace):
    await editor.open(ONE)
    org = editor.position(ONE, "  us: [DOC]", len("  us: [D"))
    (where,) = await editor.client.text_document_definition_async(
        types.DefinitionParams(editor.doc(ONE), org)
    )
    orgs = (workspace / "plan" / "organizations.yaml").read_text(encoding="utf-8").split("\n")
    assert where.uri == editor.uri("organizations.yaml")
    assert orgs[where.range.start.line].strip() == "- id: DOC"
    refs = await editor.client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=True),
            text_document=editor.doc(ONE),
            position=org,
        )
    )
    files = {r.uri.rsplit("/", 1)[1] for r in refs}
    assert {"organizations.yaml", "dialogue.yaml", "01-strengthening-supply-chains.yaml"} <= files
    refs_only = await editor.client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=False),
            text_document=editor.doc(ONE),
            position=org,
        )
    )
    assert len(refs_only) == len(refs) - 1
    source = editor.position(ONE, "reportero-2024-04-19]", 2)
    (where,) = await editor.client.text_document_definition_async(
        types.DefinitionParams(editor.doc(ONE), source)
    )
    dialogue = (workspace / "plan" / "dialogue.yaml").read_text(encoding="utf-8").split("\n")
    assert dialogue[where.range.start.line].strip() == "- id: reportero-2024-04-19"
    milestone = editor.position(ONE, "depends_on: [itsi-partnership]", len("depends_on: [i"))
    (where,) = await editor.client.text_document_definition_async(
        types.DefinitionParams(editor.doc(ONE), milestone)
    )
    assert where.uri == editor.uri(ONE)
    assert editor.texts[editor.uri(ONE)].split("\n")[where.range.start.line].strip() == (
        "- id: itsi-partnership"
    )
    await editor.close(ONE)


async def test_code_actions_fix_and_suppress(editor):
    found = await editor.open(ONE, _broken((editor.root / "plan" / ONE).read_text()))
    org = next(d for d in found if d.code == "DEAN204")
    actions = await editor.client.text_document_code_action_async(
        types.CodeActionParams(editor.doc(ONE), org.range, types.CodeActionContext([org]))
    )
    fix, suppress = actions
    assert fix.title == "Change `DOCC` to `DOC`" and fix.is_preferred
    (edit,) = fix.edit.changes[editor.uri(ONE)]
    assert (edit.range, edit.new_text) == (org.range, "DOC")
    assert suppress.title == "Suppress unknown-organization on this line (with a reason)"
    (edit,) = suppress.edit.changes[editor.uri(ONE)]
    assert edit.new_text == "  # dean: ignore[unknown-organization] -- "
    assert edit.range.start.line == org.range.start.line
    await editor.close(ONE)


async def test_formatting_is_dean_fmt_and_writes_nothing(editor, workspace):
    path = workspace / "plan" / CYBER
    on_disk = path.read_text(encoding="utf-8")
    shuffled = on_disk.replace("schema_version: 1\nid: 7\n", "id: 7\nschema_version: 1\n")
    await editor.open(CYBER, shuffled)
    edits = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(editor.doc(CYBER), types.FormattingOptions(2, True))
    )
    (edit,) = edits
    assert edit.new_text == on_disk
    assert edit.range.start == types.Position(0, 0)
    assert path.read_text(encoding="utf-8") == on_disk
    await editor.close(CYBER)
    await editor.open(CYBER)
    again = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(editor.doc(CYBER), types.FormattingOptions(2, True))
    )
    assert again is not None and list(again) == []
    await editor.close(CYBER)


async def test_files_changed_outside_the_editor_are_read_again(editor, workspace):
    """A `git checkout` or `dean set` changes files the editor has not open: the client
    reports them and the open files' findings follow."""
    assert editor.client.registrations[0].registrations[0].method == (
        types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    )
    orgs = workspace / "plan" / "organizations.yaml"
    before = orgs.read_text(encoding="utf-8")
    assert await editor.open(ONE) == []
    try:
        orgs.write_text(before.replace("  - id: DOC\n", "  - id: DOCX\n"), encoding="utf-8")
        editor.client.diagnostics.pop(editor.uri(ONE), None)
        editor.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(orgs.as_uri(), types.FileChangeType.Changed)]
            )
        )
        found = await editor.diagnostics(ONE)
        assert {d.code for d in found} == {"DEAN204"}
        assert "unknown organization `DOC`" in found[0].message
    finally:
        orgs.write_text(before, encoding="utf-8")
    editor.client.diagnostics.pop(editor.uri(ONE), None)
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(orgs.as_uri(), types.FileChangeType.Changed)]
        )
    )
    assert await editor.diagnostics(ONE) == []
    await editor.close(ONE)


async def test_the_configuration_is_read_again_when_it_changes(editor, workspace):
    config = workspace / "plan" / "dean.toml"
    before = config.read_text(encoding="utf-8")
    text = (workspace / "plan" / ONE).read_text(encoding="utf-8").replace("[DOC]", "[DOCC]")
    (org,) = await editor.open(ONE, text)
    assert org.severity == types.DiagnosticSeverity.Error
    try:
        config.write_text(before + '\n[rules]\nunknown-organization = "warning"\n')
        editor.client.diagnostics.pop(editor.uri(ONE), None)
        editor.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
            )
        )
        (org,) = await editor.diagnostics(ONE)
        assert org.severity == types.DiagnosticSeverity.Warning
    finally:
        config.write_text(before, encoding="utf-8")
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
        )
    )
    await editor.close(ONE)
