"""Loading a whole plan: which directory (``--plan``, ``$DEAN_PLAN``, ``./plan``, the embedded
plan), its files read (in parallel for large plans) and the model built from them. Findings of
reading are kept; checking them against the schemas and rules is ``deancli.check``'s job."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deancli.base import resources
from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.errors import PlanNotFoundError, UsageProblem
from deancli.base.i18n import M, tr
from deancli.plan import loader
from deancli.plan.build import build_plan
from deancli.plan.config import Config
from deancli.plan.discovery import discover
from deancli.plan.loader import Document
from deancli.plan.model import Plan

PLAN_ENV = "DEAN_PLAN"


def resolve_plan_dir(option: str | None) -> Path:
    """``--plan``, else ``$DEAN_PLAN``, else the ``plan`` setting of the configuration found
    from the working directory, else ``./plan`` when it exists, else the embedded plan."""
    from deancli.plan.config import find_config, quick_setting

    configured = None
    if not option and not os.environ.get(PLAN_ENV):
        found = find_config(Path.cwd())
        configured = quick_setting(found, "plan") if found else None
    if option:
        path = Path(option)
    elif os.environ.get(PLAN_ENV):
        path = Path(os.environ[PLAN_ENV])
    elif configured is not None and found is not None:
        path = found.parent / configured
    elif Path("plan").is_dir():
        path = Path("plan")
    else:
        path = resources.embedded_plan_dir()
    if not path.is_dir():
        raise PlanNotFoundError(tr("plan directory not found: {path}", path=path))
    return path.absolute()


def is_embedded(path: Path) -> bool:
    """Whether ``path`` is the plan embedded in dean."""
    try:
        return path.resolve() == resources.embedded_plan_dir().resolve()
    except OSError:
        return False


def resolve_writable_plan_dir(option: str | None) -> Path:
    """The plan directory an edit may write to: as :func:`resolve_plan_dir`, but never the
    plan embedded in the installed package (an edit there would change what every later run
    of dean shows). In a clone of dean's own repository, ``plan/`` chosen explicitly (by
    ``--plan``, ``$DEAN_PLAN`` or the working directory) is that repository's data and may be
    edited; reached only as the fallback, it is refused like the installed copy."""
    path = resolve_plan_dir(option)
    if not is_embedded(path):
        return path
    chosen = bool(option) or bool(os.environ.get(PLAN_ENV)) or Path("plan").is_dir()
    if chosen and not resources.is_installed(resources.embedded_plan_dir()):
        return path
    looked = (
        ""
        if chosen
        else tr("dean looked for a plan in --plan DIR, $DEAN_PLAN and ./plan, and found none.")
        + "\n"
    )
    raise UsageProblem(
        tr("the plan embedded in dean is read-only ({path})", path=path)
        + "\n"
        + looked
        + tr(
            "Start your own with `dean init` (a copy of this plan) or `dean init --empty`, "
            "then run dean there."
        )
    )


Progress = Callable[[int, int], None]
PARALLEL_FROM = 200  # initiative files; below this, starting workers costs more than it saves
JOBS_ENV = "DEAN_JOBS"


START_ENV = "DEAN_MP_START"
START_METHODS = ("fork", "forkserver", "spawn")


def start_method() -> str:
    """How worker processes start: ``$DEAN_MP_START`` (``fork``, ``forkserver`` or ``spawn``),
    else ``fork`` on Linux (the fastest; workers need no imports) and ``spawn`` elsewhere,
    as Python itself does on macOS and Windows. Workers only get picklable data and a
    module-level function, so every method gives the same results."""
    raw = os.environ.get(START_ENV, "").strip().lower()
    if not raw:
        return "fork" if sys.platform.startswith("linux") else "spawn"
    available = START_METHODS if hasattr(os, "fork") else ("spawn",)
    if raw not in available:
        raise UsageProblem(
            tr(
                "{setting} is not a process start method here; use one of: {methods}",
                setting=f"{START_ENV}={raw!r}",
                methods=", ".join(available),
            )
        )
    return raw


def _jobs() -> int:
    raw = os.environ.get(JOBS_ENV, "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return min(os.cpu_count() or 1, 8)


# Work done on each file where it is read (in a worker, for large plans), after parsing it:
# a module-level function (workers get it by name), which sets the Document's
# ``schema_findings`` and ``suppressions`` (deancli.check gives one for a check) or
# ``prepared`` (`dean fmt`'s result); it may drop ``marks`` when they are not needed after
Prepare = Callable[[Document], None]

# What a worker sends back for one file: data, findings, text, marks and what ``prepare``
# found, not the Document (its paths the parent already has; pickling Path objects costs
# more than parsing them)
_Parsed = tuple[Any, list[Diagnostic], bytes | None, Any, Any, Any, Any]


def _read_initiative(args: tuple[Path, Path, str, Prepare | None]) -> _Parsed:
    path, root, display, prepare = args
    doc = loader.read_document(path, root, "initiative", display, marks=prepare is not None)
    if prepare is not None:
        prepare(doc)
    return (
        doc.data,
        doc.diagnostics,
        doc.utf8,
        doc.marks,
        doc.schema_findings,
        doc.suppressions,
        doc.prepared,
    )


def read_initiatives(
    paths: list[Path],
    root: Path,
    progress: Progress | None = None,
    prepare: Prepare | None = None,
) -> list[Document]:
    """Read and parse initiative files, on every core for large plans (each file is
    independent; results come back in order). ``progress(done, total)`` is told as files
    finish. ``prepare`` runs on each file where it was read (see :data:`Prepare`); with it,
    files keep their compact positions (``Document.marks``)."""
    jobs = _jobs()
    method = start_method()  # a wrong $DEAN_MP_START is reported on every plan, not only big ones
    show = _display_paths(paths)
    work = [(p, root, d, prepare) for p, d in zip(paths, show, strict=True)]
    out: list[Document] = []

    rels: dict[Path, str] = {}  # per directory: one relative path computation, not one a file

    def rel(path: Path) -> str:
        parent = path.parent
        if parent not in rels:
            rels[parent] = loader.rel_path(parent / "x", root)[:-1]
        return rels[parent] + path.name

    def collect(results: Iterable[_Parsed]) -> list[Document]:
        for (path, _, display, _), got in zip(work, results, strict=True):
            doc = loader.Document(path, display, rel(path), "initiative")
            doc.data, doc.diagnostics, doc.utf8, doc.marks = got[:4]
            doc.schema_findings, doc.suppressions, doc.prepared = got[4:]
            out.append(doc)
            if progress is not None and len(out) % 50 == 0:
                progress(len(out), len(work))
        return out

    if jobs < 2 or len(paths) < PARALLEL_FROM:
        return collect(map(_read_initiative, work))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context(method)
    chunk = max(16, len(work) // (jobs * 8))
    try:
        with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
            return collect(pool.map(_read_initiative, work, chunksize=chunk))
    except (OSError, RuntimeError):  # no processes to be had: do it here
        out.clear()
        return collect(map(_read_initiative, work))


def _display_paths(paths: list[Path]) -> list[str]:
    """How each file is shown: relative to the working directory when inside it. Files of
    one directory share the directory's display form (one path computation, not one each)."""
    shown: dict[Path, str] = {}
    out = []
    for p in paths:
        parent = p.parent
        if parent not in shown:
            shown[parent] = loader.display_path(parent)
        prefix = shown[parent]
        out.append(p.name if prefix == "." else f"{prefix}/{p.name}")
    return out


@dataclass
class LoadedPlan:
    plan: Plan
    documents: list[Document]
    diagnostics: list[Diagnostic]  # loader and discovery findings, not yet the schema's


def load_plan(
    root: Path,
    progress: Progress | None = None,
    prepare: Prepare | None = None,
    overlay: Mapping[Path, str] | None = None,
) -> LoadedPlan:
    """Read every file of the plan at ``root`` and build its model. ``prepare`` runs on each
    file where it is read (a check's per-file work, see :data:`Prepare`). ``overlay``
    (absolute resolved path -> text) stands for what an editor holds in memory: those files
    are read from it instead of the disk (through the same guards: size cap, UTF-8, control
    characters), and one in ``initiatives/`` that is not on disk yet is added (`dean lsp`)."""
    files = discover(root)
    root = files.root
    if overlay:  # a buffer not saved yet is a plan file too
        new = [
            p
            for p in overlay
            if p.parent == root / loader.INITIATIVES and p.name.endswith(loader.YAML_SUFFIXES)
        ]
        files.initiatives = sorted({*files.initiatives, *new})
        if files.dialogue is None and root / loader.DIALOGUE in overlay:
            files.dialogue = root / loader.DIALOGUE
        if files.organizations is None and root / loader.ORGANIZATIONS in overlay:
            files.organizations = root / loader.ORGANIZATIONS
    diags: list[Diagnostic] = []
    docs: list[Document] = []
    show = loader.display_path

    def required(path: Path | None, name: str) -> None:
        if path is None:
            diags.append(
                loader.load_diagnostic(
                    "missing-file",
                    show(root / name),
                    M("the plan has no `{name}`", name=name),
                    hint=M("create {name}; see the embedded plan for an example", name=name),
                )
            )

    required(files.dialogue, loader.DIALOGUE)
    required(files.organizations, loader.ORGANIZATIONS)
    marks = prepare is not None
    if files.dialogue is not None:
        docs.append(
            loader.read_document(
                files.dialogue, root, "dialogue", show(files.dialogue), marks=marks
            )
        )
    if files.organizations is not None:
        docs.append(
            loader.read_document(
                files.organizations, root, "organizations", show(files.organizations), marks=marks
            )
        )
    if prepare is not None:
        for doc in docs:
            prepare(doc)
    docs.extend(read_initiatives(files.initiatives, root, progress, prepare))
    for path in files.others:
        diags.append(
            loader.load_diagnostic(
                "unexpected-file",
                show(path),
                M("file is not part of the plan layout and was not checked"),
                hint=M(
                    "initiative files belong in initiatives/; the plan's other files are "
                    "dialogue.yaml and organizations.yaml"
                ),
            )
        )
    for path, message, hint in files.problems:
        diags.append(loader.load_diagnostic("unreadable", show(path), message, hint=hint))
    for path, message, hint in files.links:
        diags.append(loader.load_diagnostic("link", show(path), message, hint=hint))
    if overlay:
        docs = [_overlaid(d, overlay[d.path], prepare) if d.path in overlay else d for d in docs]
    for doc in docs:
        diags.extend(doc.diagnostics)
    return LoadedPlan(build_plan(root, docs), docs, diags)


def _overlaid(doc: Document, text: str, prepare: Prepare | None) -> Document:
    """``doc`` as the editor holds it: its text through the same guards as a file's bytes
    (and the same per-file work, when there is some)."""
    fresh = Document(doc.path, doc.display, doc.rel, doc.kind)
    out = loader.read_bytes(fresh, text.encode("utf-8", "surrogatepass"), marks=prepare is not None)
    if prepare is not None:
        prepare(out)
    return out


def has_read_error(doc: Document) -> bool:
    """The file could not be read as plan data: it did not parse into a mapping, or reading
    it gave an error (an anchor, a tag, a `%YAML 1.1` directive, a duplicate key, an
    invisible character...), so what dean would show may not be what the file says."""
    return not doc.ok or any(d.severity is Severity.ERROR for d in doc.diagnostics)


def readable_plan(loaded: LoadedPlan) -> Plan:
    """The plan for views: built without the files that have reading errors, whose relative
    paths are in ``Plan.left_out`` (views count without them, name them, and JSON lists
    them)."""
    left_out = [d for d in loaded.documents if has_read_error(d)]
    if not left_out:
        return loaded.plan
    plan = build_plan(loaded.plan.root, [d for d in loaded.documents if not has_read_error(d)])
    plan.left_out = [d.rel for d in left_out]
    return plan


def replace_document(loaded: LoadedPlan, old: Document, new: Document) -> LoadedPlan:
    """The same plan with one document replaced (an edit, before it is written)."""
    docs = [new if d is old else d for d in loaded.documents]
    diags = [d for d in loaded.diagnostics if d.location.path != old.display] + new.diagnostics
    return LoadedPlan(build_plan(loaded.plan.root, docs), docs, diags)


def resolve_config(root: Path, option: str | None = None, *, isolated: bool = False) -> Config:
    """The configuration for the plan at ``root``: ``--config FILE``, else the nearest one
    from the plan directory up; none with ``--isolated``."""
    from deancli.base.errors import UsageProblem
    from deancli.plan.config import find_config, load_config

    if isolated:
        return Config()
    if option:
        path = Path(option)
        if not path.is_file():
            raise UsageProblem(tr("configuration file not found: {path}", path=option))
    else:
        found = find_config(root)
        if found is None:
            return Config()
        path = found
    return load_config(path, loader.display_path(path.absolute()))
