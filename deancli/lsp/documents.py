"""The plan in memory: the files on disk overlaid with the editor's open buffers.

One :class:`PlanState` per plan directory an open file belongs to. The first file opened
loads the plan (``load_plan`` with the buffers as its overlay); after that, a change re-reads
only the changed buffer, through the same guards as a file (size cap, strict UTF-8, control
characters), and swaps it into the plan: every other document, with its parsed data and the
source positions already found in it, is kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deancli.plan import loader
from deancli.plan.build import build_initiative, build_plan
from deancli.plan.config import Config
from deancli.plan.load import LoadedPlan, load_plan, resolve_config
from deancli.plan.loader import Document
from deancli.plan.model import Plan


@dataclass(eq=False)
class LiveDocument(Document):
    """A plan document that remembers the spans rules ask for: documents the edit did not
    touch keep them from one check to the next (positions are the costly part of a finding;
    the loader keeps only the most recent files' positions)."""

    spans: dict[tuple[tuple[str | int, ...], bool], Any] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-document indexes (navigation)

    @classmethod
    def adopt(cls, doc: Document) -> LiveDocument:
        if isinstance(doc, LiveDocument):
            return doc
        return cls(
            doc.path, doc.display, doc.rel, doc.kind, doc.data, doc.diagnostics, utf8=doc.utf8
        )

    def span(self, parts: Any, *, key: bool = False) -> Any:
        k = (tuple(parts), key)
        if k not in self.spans:
            self.spans[k] = super().span(parts, key=key)
        return self.spans[k]


def plan_root_for(path: Path, open_paths: set[Path] | None = None) -> Path | None:
    """The plan directory of a file, when the file is one of a plan's: ``dialogue.yaml``,
    ``organizations.yaml`` or a YAML file in ``initiatives/``, in a directory that holds
    dialogue.yaml or organizations.yaml (on disk or open in the editor)."""
    if path.name in (loader.DIALOGUE, loader.ORGANIZATIONS):
        root = path.parent
    elif path.parent.name == loader.INITIATIVES and path.name.endswith(loader.YAML_SUFFIXES):
        root = path.parent.parent
    else:
        return None
    for name in (loader.DIALOGUE, loader.ORGANIZATIONS):
        if (root / name).is_file() or (open_paths and root / name in open_paths):
            return root
    return None


@dataclass
class Buffer:
    uri: str
    path: Path
    text: str
    version: int | None = None


@dataclass
class PlanState:
    """One plan directory: its configuration, the plan as checked, and the open buffers."""

    root: Path
    config: Config
    loaded: LoadedPlan
    buffers: dict[Path, Buffer] = field(default_factory=dict)
    as_of: dt.date | None = None
    published: dict[str, Any] = field(default_factory=dict)  # uri -> diagnostics last sent

    @classmethod
    def load(
        cls, root: Path, buffers: dict[Path, Buffer], *, as_of: dt.date | None, isolated: bool
    ) -> PlanState:
        config = resolve_config(root, isolated=isolated)
        overlay = {p: b.text for p, b in buffers.items()}
        return cls(root, config, _live(root, overlay), dict(buffers), as_of)

    def reload(self) -> None:
        """Read the plan again from disk, with the open buffers over it."""
        overlay = {p: b.text for p, b in self.buffers.items()}
        self.loaded = _live(self.root, overlay)

    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    def document(self, path: Path) -> LiveDocument | None:
        for doc in self.loaded.documents:
            if doc.path == path:
                assert isinstance(doc, LiveDocument)
                return doc
        return None

    def by_display(self) -> dict[str, LiveDocument]:
        out: dict[str, LiveDocument] = {}
        for doc in self.loaded.documents:
            assert isinstance(doc, LiveDocument)
            out[doc.display] = doc
        return out

    def put(self, buffer: Buffer) -> None:
        """A buffer opened or changed: swap its document into the plan."""
        self.buffers[buffer.path] = buffer
        old = self.document(buffer.path)
        kind = _kind(buffer.path, self.root)
        fresh = Document(
            buffer.path,
            loader.display_path(buffer.path),
            loader.rel_path(buffer.path, self.root),
            kind,
        )
        new = LiveDocument.adopt(
            loader.read_bytes(fresh, buffer.text.encode("utf-8", "surrogatepass"))
        )
        if old is not None:
            self._replace(old, new)
        else:
            self._rebuild([*self.loaded.documents, new], extra=new.diagnostics)

    def drop(self, path: Path) -> None:
        """A buffer closed: the file as it is on disk again (or gone, if it never was)."""
        self.buffers.pop(path, None)
        old = self.document(path)
        if old is None:
            return
        if path.is_file():
            new = LiveDocument.adopt(loader.read_document(path, self.root, old.kind, old.display))
            self._replace(old, new)
        else:
            docs = [d for d in self.loaded.documents if d is not old]
            kept = [d for d in self.loaded.diagnostics if d.location.path != old.display]
            self.loaded = LoadedPlan(build(self.root, docs), docs, kept)

    def _replace(self, old: Document, new: Document) -> None:
        """``load.replace_document``, with the model of every other file reused."""
        docs = [new if d is old else d for d in self.loaded.documents]
        kept = [d for d in self.loaded.diagnostics if d.location.path != old.display]
        self.loaded = LoadedPlan(build(self.root, docs), docs, kept + new.diagnostics)

    def _rebuild(self, docs: list[Document], extra: list[Any]) -> None:
        self.loaded = LoadedPlan(build(self.root, docs), docs, [*self.loaded.diagnostics, *extra])


def _kind(path: Path, root: Path) -> str:
    if path == root / loader.DIALOGUE:
        return "dialogue"
    if path == root / loader.ORGANIZATIONS:
        return "organizations"
    return "initiative"


def _live(root: Path, overlay: dict[Path, str]) -> LoadedPlan:
    loaded = load_plan(root, overlay=overlay)
    docs: list[Document] = [LiveDocument.adopt(d) for d in loaded.documents]
    return LoadedPlan(build(loaded.plan.root, docs), docs, loaded.diagnostics)


def build(root: Path, docs: list[Document]) -> Plan:
    """``build_plan``, reusing the initiative built from each document that did not change
    (an edit rebuilds one initiative, not a thousand): the dialogue and organizations are
    built by ``build_plan`` itself, and initiatives are ordered as it orders them (a test
    compares the two)."""
    plan = build_plan(root, [d for d in docs if d.kind != "initiative"])
    plan.documents = docs
    for doc in docs:
        if doc.kind != "initiative" or not doc.ok:
            continue
        if isinstance(doc, LiveDocument):
            if "initiative" not in doc.memo:
                doc.memo["initiative"] = build_initiative(doc)
            plan.initiatives.append(doc.memo["initiative"])
        else:
            plan.initiatives.append(build_initiative(doc))
    plan.initiatives.sort(key=lambda i: (i.id is None, i.id or 0, i.doc.rel))
    return plan
