"""The LSP methods dean answers, each a thin handler over the modules that do the work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lsprotocol import types

from deancli.lsp import actions, completion, hover, navigation
from deancli.lsp.server import CONFIG_FILES, DeanServer, _path, guarded, quiet_logging


def build(*, as_of: dt.date | None = None, isolated: bool = False, lang: str = "en") -> DeanServer:
    """The server with every feature registered."""
    quiet_logging()
    server = DeanServer(as_of=as_of, isolated=isolated, lang=lang)
    register(server)
    return server


WATCHED = ["**/*.yaml", "**/*.yml", "**/dean.toml", "**/pyproject.toml"]


def register(server: DeanServer) -> None:
    @server.feature(types.INITIALIZED)
    @guarded
    def initialized(ls: DeanServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps else None
        if watch is not None and watch.dynamic_registration:
            ls.client_register_capability(
                types.RegistrationParams(
                    [
                        types.Registration(
                            "dean-watch",
                            types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            types.DidChangeWatchedFilesRegistrationOptions(
                                [types.FileSystemWatcher(glob) for glob in WATCHED]
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(ls: DeanServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.put(doc.uri, doc.text, doc.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(ls: DeanServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.roots:
            text = ls.workspace.get_text_document(uri).source
            ls.put(uri, text, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(ls: DeanServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded
    def did_save(ls: DeanServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and path.name in CONFIG_FILES:
            ls.reload(set(ls.plans), config=True)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded
    def watched(ls: DeanServer, params: types.DidChangeWatchedFilesParams) -> None:
        """Files changed outside the editor (git checkout, `dean set`): read the plans they
        belong to again; open buffers still win over the disk."""
        config = False
        roots: set[Path] = set()
        open_paths = ls.open_paths()
        for change in params.changes:
            path = _path(change.uri)
            if path is None or path in open_paths:
                continue
            if path.name in CONFIG_FILES:
                config = True
                roots |= set(ls.plans)
            roots |= {r for r in ls.plans if r in path.parents}
        ls.reload(roots, config=config)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[" ", "[", ",", "/", "-"]),
    )
    @guarded
    def complete(ls: DeanServer, params: types.CompletionParams) -> types.CompletionList | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        state, doc, lines = found
        return completion.complete(state, doc, lines, params.position, ls.lang)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    def on_hover(ls: DeanServer, params: types.HoverParams) -> types.Hover | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        state, doc, lines = found
        return hover.hover(state, doc, lines, params.position, ls.lang)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded
    def definition(ls: DeanServer, params: types.DefinitionParams) -> list[types.Location] | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        state, doc, lines = found
        return navigation.definition(state, doc, lines, params.position, ls.encoding())

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded
    def references(ls: DeanServer, params: types.ReferenceParams) -> list[types.Location] | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        state, doc, lines = found
        return navigation.references(
            state,
            doc,
            lines,
            params.position,
            ls.encoding(),
            declaration=params.context.include_declaration,
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    @guarded
    def code_action(
        ls: DeanServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        state, doc, lines = found
        return actions.code_actions(state, doc, lines, params, ls.lang) or None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded
    def formatting(
        ls: DeanServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit] | None:
        found = ls.lines(params.text_document.uri)
        if found is None:
            return None
        _, doc, lines = found
        edits, problem = actions.formatting(doc, lines)
        if problem is not None:
            from deancli.base.textsafe import safe

            ls.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Warning, f"dean fmt: {safe(doc.display)}: {problem}"
                )
            )
        return edits
