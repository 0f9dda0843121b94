"""The server: pygls wiring of the features to the plan in memory.

Checks are coalesced: a change marks its plan, and one check runs once the messages already
received are handled (a burst of keystrokes is checked once). Every handler is guarded: an
unexpected error becomes one line in the client's log (the traceback only with
``DEAN_DEBUG``), never a crash of the server."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from deancli import __version__
from deancli.lsp import diagnostics, navigation
from deancli.lsp.documents import Buffer, LiveDocument, PlanState, plan_root_for
from deancli.lsp.text import Lines

F = TypeVar("F", bound=Callable[..., Any])
CONFIG_FILES = ("dean.toml", "pyproject.toml")


class DeanServer(LanguageServer):
    def __init__(self, *, as_of: dt.date | None, isolated: bool, lang: str) -> None:
        super().__init__("dean", __version__)
        self.as_of = as_of
        self.isolated = isolated
        self.lang = lang
        self.plans: dict[Path, PlanState] = {}
        self.roots: dict[str, Path] = {}  # uri of an open plan file -> its plan directory
        self._dirty: dict[Path, set[str]] = {}  # plan -> uris changed since the last check
        self._scheduled = False

    # ------------------------------------------------------------ documents

    def encoding(self) -> str:
        """The position encoding agreed with the client: ``utf-8``, ``utf-16`` or ``utf-32``."""
        agreed = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return agreed.value if isinstance(agreed, types.PositionEncodingKind) else str(agreed)

    def open_paths(self) -> set[Path]:
        return {b.path for s in self.plans.values() for b in s.buffers.values()}

    def state_for(self, uri: str) -> PlanState | None:
        root = self.roots.get(uri)
        return self.plans.get(root) if root is not None else None

    def put(self, uri: str, text: str, version: int | None) -> None:
        path = _path(uri)
        if path is None:
            return
        root = self.roots.get(uri) or plan_root_for(path, self.open_paths())
        if root is None:
            return
        self.roots[uri] = root
        buffer = Buffer(uri, path, text, version)
        state = self.plans.get(root)
        if state is None:
            self.plans[root] = PlanState.load(
                root, {path: buffer}, as_of=self.as_of, isolated=self.isolated
            )
        else:
            state.put(buffer)
        self.schedule(root, uri)

    def close(self, uri: str) -> None:
        state = self.state_for(uri)
        root = self.roots.pop(uri, None)
        path = _path(uri)
        if state is None or root is None or path is None:
            return
        state.drop(path)
        state.published.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
        if not state.buffers:
            del self.plans[root]  # read again from disk when a file of it opens again
        else:
            self.schedule(root, None)

    def lines(self, uri: str) -> tuple[PlanState, LiveDocument, Lines] | None:
        state = self.state_for(uri)
        path = _path(uri)
        if state is None or path is None:
            return None
        doc = state.document(path)
        if doc is None:
            return None
        buffer = state.buffers.get(path)
        text = buffer.text if buffer is not None else None
        return state, doc, navigation.lines_of(doc, self.encoding(), text)

    # ------------------------------------------------------------ checking

    def schedule(self, root: Path, uri: str | None) -> None:
        self._dirty.setdefault(root, set()).update([uri] if uri else [])
        if self._scheduled:
            return
        self._scheduled = True
        try:
            asyncio.get_running_loop().call_soon(self.check_now)
        except RuntimeError:  # no loop (called directly): check at once
            self.check_now()

    def check_now(self) -> None:
        self._scheduled = False
        dirty, self._dirty = self._dirty, {}
        for root, changed in dirty.items():
            state = self.plans.get(root)
            if state is not None:
                _guard(self, "check", functools.partial(self.publish, state, changed))

    def publish(self, state: PlanState, changed: set[str]) -> None:
        """Check the plan and send the findings of every open file whose findings changed
        (and always of the files just changed: the client waits for them)."""
        found = diagnostics.findings(state)
        docs = state.by_display()
        encoding = self.encoding()
        for buffer in list(state.buffers.values()):
            doc = state.document(buffer.path)
            if doc is None:
                continue
            lines = navigation.lines_of(doc, encoding, buffer.text)
            items = [
                diagnostics.to_lsp(d, lines, docs, encoding) for d in found.get(doc.display, [])
            ]
            if state.published.get(buffer.uri) == items and buffer.uri not in changed:
                continue
            state.published[buffer.uri] = items
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(buffer.uri, items, version=buffer.version)
            )

    def reload(self, roots: set[Path], *, config: bool = False) -> None:
        for root in roots:
            state = self.plans.get(root)
            if state is None:
                continue
            if config:
                from deancli.plan.load import resolve_config

                state.config = resolve_config(root, isolated=self.isolated)
            state.reload()
            self.schedule(root, None)


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    fs = to_fs_path(uri)
    if fs is None:
        return None
    try:
        return Path(fs).resolve()
    except (OSError, RuntimeError):
        return None


def _guard(server: DeanServer, what: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn``; an unexpected error is one line in the client's log, not a crash."""
    try:
        return fn()
    except Exception as exc:
        if os.environ.get("DEAN_DEBUG"):
            import traceback

            detail = "\n" + traceback.format_exc()
        else:
            detail = " (set DEAN_DEBUG=1 to log the traceback)"
        from deancli.base.textsafe import safe

        server.window_log_message(
            types.LogMessageParams(
                types.MessageType.Error,
                f"dean: internal error in {what}: {type(exc).__name__}: {safe(str(exc))[:300]}"
                f"{detail}",
            )
        )
        return None


def guarded(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(server: DeanServer, params: Any) -> Any:
        return _guard(server, fn.__name__, lambda: fn(server, params))

    return wrapper  # type: ignore[return-value]


class _OneLine:
    """pygls's own log records, one line each on standard error (the editor's log): what
    went wrong without a traceback, unless ``DEAN_DEBUG`` asks for it."""

    def format(self, record: Any) -> str:
        from deancli.base.textsafe import safe

        text = f"dean lsp: {record.levelname.lower()}: {safe(record.getMessage())}"
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f" ({type(exc).__name__}: {safe(str(exc))[:300]})"
            if os.environ.get("DEAN_DEBUG"):
                import traceback

                text += "\n" + "".join(traceback.format_exception(exc))
        return text


def quiet_logging() -> None:
    import logging
    import sys

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())  # type: ignore[arg-type]
    log = logging.getLogger("pygls")
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG if os.environ.get("DEAN_DEBUG") else logging.WARNING)
    log.propagate = False
