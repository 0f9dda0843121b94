"""A client that counts positions in UTF-8 (Neovim's first choice) and a server started with
`--lang es`: ranges are in the client's units on lines with accents, and what the server
says itself is in Spanish."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.lsp.conftest import SERVER

pytestmark = pytest.mark.asyncio(loop_scope="module")

ES = [*SERVER[:-1], "es"]
ONE = "initiatives/01-strengthening-supply-chains.yaml"


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=ES))
async def client(lsp_client: LanguageClient, workspace):  # type: ignore[no-untyped-def]
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf8]
                )
            ),
            root_uri=workspace.as_uri(),
        )
    )
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def test_ranges_count_utf8_bytes(editor):
    line = "  es: {kind: official, sources: [jornada-2021-12-14, acustik-2021-12]}\n"
    accented = "  es: {kind: oficiál, sources: [jornada-2021-12-14, acustik-2021-12]}\n"
    text = (editor.root / "plan" / ONE).read_text(encoding="utf-8").replace(line, accented)
    found = await editor.open(ONE, text)
    (choice,) = [d for d in found if d.code == "DEAN104"]
    start = len(b"  es: {kind: ")
    assert (choice.range.start.character, choice.range.end.character) == (
        start,
        start + len("oficiál".encode()),
    )
    after = accented.index("jornada") + 2
    position = types.Position(choice.range.start.line, len(accented[:after].encode()))
    hover = await editor.client.text_document_hover_async(
        types.HoverParams(editor.doc(ONE), position)
    )
    assert hover is not None and hover.range.start.character == len(
        accented[: accented.index("jornada")].encode()
    )
    await editor.close(ONE)


async def test_the_servers_own_words_are_spanish(editor):
    found = await editor.open(
        ONE, (editor.root / "plan" / ONE).read_text().replace("  us: [DOC]\n", "  us: [DOCC]\n")
    )
    (org,) = [d for d in found if d.code == "DEAN204"]
    actions = await editor.client.text_document_code_action_async(
        types.CodeActionParams(editor.doc(ONE), org.range, types.CodeActionContext([org]))
    )
    assert [a.title for a in actions] == [
        "Cambiar `DOCC` por `DOC`",
        "Suprimir unknown-organization en esta línea (con un motivo)",
    ]
    hover = await editor.client.text_document_hover_async(
        types.HoverParams(editor.doc(ONE), editor.position(ONE, "  mx: [SE]", len("  mx: [S")))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.split("\n\n")[:3] == [
        "**SE** · Organización",
        "Secretaría de Economía",
        "Ministry of Economy",
    ]
    where = editor.position(ONE, "depends_on: [itsi-partnership]", len("depends_on: [i"))
    hover = await editor.client.text_document_hover_async(types.HoverParams(editor.doc(ONE), where))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.split("\n\n")[-1] == "Estado: cumplido · Completado: 2024-03-28"
    await editor.close(ONE)


async def test_an_unused_suppression_can_be_removed(editor):
    text = (editor.root / "plan" / ONE).read_text(encoding="utf-8")
    text = text.replace("  mx: [SE]\n", "  mx: [SE]  # dean: ignore[missing-lead, DEAN204] -- x\n")
    found = await editor.open(ONE, text)
    (unused,) = [d for d in found if d.code == "DEAN021"]
    assert list(unused.tags or []) == [types.DiagnosticTag.Unnecessary]
    (action,) = await editor.client.text_document_code_action_async(
        types.CodeActionParams(editor.doc(ONE), unused.range, types.CodeActionContext([unused]))
    )
    assert action.title == "Quitar la supresión que no se usa"
    (edit,) = action.edit.changes[editor.uri(ONE)]
    assert (edit.range.start.line, edit.range.start.character, edit.new_text) == (
        unused.range.start.line,
        len("  mx: [SE]"),
        "",
    )
    await editor.close(ONE)
