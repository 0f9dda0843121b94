"""One `dean lsp` server per module, driven over stdio by pytest-lsp's client (which also
checks that the server keeps to what the client said it supports)."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import AS_OF, REAL_PLAN, REPO

SERVER = [sys.executable, "-m", "deancli", "lsp", "--as-of", AS_OF, "--lang", "en"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the real plan (and its schemas) that the tests' buffers stand over. The
    server never writes a file: the copy is the same after every test of the module (tests
    that change a file on disk themselves put it back)."""
    root = tmp_path_factory.mktemp("lsp")
    shutil.copytree(REAL_PLAN, root / "plan")
    shutil.copytree(REPO / "schemas", root / "schemas")
    before = _snapshot(root)
    yield root
    assert _snapshot(root) == before


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations = [*getattr(lsp_client, "registrations", []), params]

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(workspace.as_uri(), "plan")],
        )
    )
    yield
    await lsp_client.shutdown_session()


class Editor:
    """What an editor does with the server: open, change, close, and wait for findings."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    def uri(self, rel: str) -> str:
        return (self.root / "plan" / rel).as_uri()

    async def open(self, rel: str, text: str | None = None) -> Sequence[types.Diagnostic]:
        uri = self.uri(rel)
        text = (self.root / "plan" / rel).read_text(encoding="utf-8") if text is None else text
        self.versions[uri], self.texts[uri] = 1, text
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
        )
        return await self.diagnostics(rel)

    async def replace(self, rel: str, old: str, new: str, *, wait: str | None = None) -> None:
        """Change the buffer (one incremental edit, as editors send), then wait until the
        findings of ``wait`` (default: this file) are published again."""
        uri = self.uri(rel)
        text = self.texts[uri]
        assert text.count(old) == 1, old
        start = text.index(old)
        before = text[:start]
        line = before.count("\n")
        col = len(before) - (before.rfind("\n") + 1)
        end_text = before + old
        end_line = end_text.count("\n")
        end_col = len(end_text) - (end_text.rfind("\n") + 1)
        self.versions[uri] += 1
        self.texts[uri] = text.replace(old, new)
        waited = self.uri(wait) if wait else uri
        self.client.diagnostics.pop(waited, None)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=self.versions[uri], uri=uri),
                [
                    types.TextDocumentContentChangePartial(
                        types.Range(types.Position(line, col), types.Position(end_line, end_col)),
                        new,
                    )
                ],
            )
        )
        await self.wait_for(waited)

    async def close(self, rel: str) -> None:
        uri = self.uri(rel)
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        await self.wait_for(uri)

    async def wait_for(self, uri: str) -> None:
        async def until() -> None:
            while uri not in self.client.diagnostics:
                await asyncio.sleep(0.005)

        await asyncio.wait_for(until(), timeout=20)

    async def diagnostics(self, rel: str) -> Sequence[types.Diagnostic]:
        await self.wait_for(self.uri(rel))
        return list(self.client.diagnostics[self.uri(rel)])

    def position(self, rel: str, needle: str, offset: int = 0) -> types.Position:
        """Where ``needle`` (unique in the buffer) starts, plus ``offset`` characters."""
        text = self.texts[self.uri(rel)]
        assert text.count(needle) == 1, needle
        before = text[: text.index(needle) + offset]
        return types.Position(before.count("\n"), len(before) - (before.rfind("\n") + 1))

    def doc(self, rel: str) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(self.uri(rel))


@pytest.fixture
def editor(client: LanguageClient, workspace: Path) -> Callable[[], Editor]:
    return Editor(client, workspace)  # type: ignore[return-value]
