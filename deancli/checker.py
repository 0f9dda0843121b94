"""Load the whole plan, validate every file, run the cross-file rules. Returns data only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deancli import loader, resources
from deancli.diagnostics import Diagnostic
from deancli.errors import PlanNotFoundError, UsageProblem
from deancli.loader import Document
from deancli.model import Plan, build_plan
from deancli.result import CheckResult

PLAN_ENV = "DEAN_PLAN"


def resolve_plan_dir(option: str | None) -> Path:
    """``--plan``, else ``$DEAN_PLAN``, else ``./plan`` when it exists, else the embedded plan."""
    if option:
        path = Path(option)
    elif os.environ.get(PLAN_ENV):
        path = Path(os.environ[PLAN_ENV])
    elif Path("plan").is_dir():
        path = Path("plan")
    else:
        path = resources.embedded_plan_dir()
    if not path.is_dir():
        raise PlanNotFoundError(f"plan directory not found: {path}")
    return path.absolute()


Progress = Callable[[int, int], None]
PARALLEL_FROM = 200  # initiative files; below this, starting workers costs more than it saves
JOBS_ENV = "DEAN_JOBS"


def _jobs() -> int:
    raw = os.environ.get(JOBS_ENV, "")
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return min(os.cpu_count() or 1, 8)


# What a worker sends back for one file: data, findings and text, not the Document (its
# paths the parent already has; pickling Path objects costs more than parsing them)
_Parsed = tuple[Any, list[Diagnostic], bytes | None]


def _read_initiative(args: tuple[Path, Path, str]) -> _Parsed:
    path, root, display = args
    doc = loader.read_document(path, root, "initiative", display)
    return doc.data, doc.diagnostics, doc.utf8


def read_initiatives(
    paths: list[Path], root: Path, progress: Progress | None = None
) -> list[Document]:
    """Read and parse initiative files, on every core for large plans (each file is
    independent; results come back in order). ``progress(done, total)`` is told as files
    finish."""
    jobs = _jobs()
    show = _display_paths(paths)
    work = [(p, root, d) for p, d in zip(paths, show, strict=True)]
    out: list[Document] = []

    def collect(results: Iterable[_Parsed]) -> list[Document]:
        for (path, _, display), (data, diagnostics, utf8) in zip(work, results, strict=True):
            doc = loader.Document(path, display, loader.rel_path(path, root), "initiative")
            doc.data, doc.diagnostics, doc.utf8 = data, diagnostics, utf8
            out.append(doc)
            if progress is not None and len(out) % 50 == 0:
                progress(len(out), len(work))
        return out

    if jobs < 2 or len(paths) < PARALLEL_FROM or not hasattr(os, "fork"):
        return collect(map(_read_initiative, work))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
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


def load_plan(root: Path, progress: Progress | None = None) -> LoadedPlan:
    files = loader.discover(root)
    root = files.root
    diags: list[Diagnostic] = []
    docs: list[Document] = []
    show = loader.display_path

    def required(path: Path | None, name: str) -> None:
        if path is None:
            diags.append(
                loader.load_diagnostic(
                    "missing-file",
                    show(root / name),
                    f"the plan has no `{name}`",
                    hint=f"create {name}; see the embedded plan for an example",
                )
            )

    required(files.dialogue, loader.DIALOGUE)
    required(files.organizations, loader.ORGANIZATIONS)
    if files.dialogue is not None:
        docs.append(loader.read_document(files.dialogue, root, "dialogue", show(files.dialogue)))
    if files.organizations is not None:
        docs.append(
            loader.read_document(
                files.organizations, root, "organizations", show(files.organizations)
            )
        )
    docs.extend(read_initiatives(files.initiatives, root, progress))
    for path in files.others:
        diags.append(
            loader.load_diagnostic(
                "unexpected-file",
                show(path),
                "file is not part of the plan layout and was not checked",
                hint="initiative files belong in initiatives/; the plan's other files are "
                "dialogue.yaml and organizations.yaml",
            )
        )
    for path, message, hint in files.problems:
        diags.append(loader.load_diagnostic("unreadable", show(path), message, hint=hint))
    for doc in docs:
        diags.extend(doc.diagnostics)
    return LoadedPlan(build_plan(root, docs), docs, diags)


def select_paths(root: Path, paths: Sequence[str]) -> list[Path]:
    """Resolve PATH arguments; each must exist inside the plan."""
    out = []
    root = root.resolve()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageProblem(f"no such file or directory: {raw}")
        resolved = p.resolve()
        try:
            resolved.relative_to(root)
        except ValueError:
            raise UsageProblem(
                f"{raw} is not inside the plan directory {loader.display_path(root)}; "
                "choose the plan with --plan"
            ) from None
        out.append(resolved)
    return out


MAX_FINDINGS_PER_FILE = 100


def cap_per_file(diags: list[Diagnostic]) -> list[Diagnostic]:
    """At most MAX_FINDINGS_PER_FILE findings per file (the first in reading order), then one
    note saying how many more there are: hostile files must not flood a CI log."""
    from collections import defaultdict

    from deancli.diagnostics import Location, Severity

    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diags:
        by_file[d.location.path].append(d)
    out: list[Diagnostic] = []
    for path, items in by_file.items():
        if len(items) <= MAX_FINDINGS_PER_FILE:
            out += items
            continue
        items.sort(key=Diagnostic.sort_key)
        out += items[:MAX_FINDINGS_PER_FILE]
        out.append(
            Diagnostic(
                "DEAN015",
                "too-many-findings",
                Severity.INFO,
                f"{len(items) - MAX_FINDINGS_PER_FILE} more findings in this file not shown",
                Location(path),
                hint="fix the findings above and run dean validate again",
            )
        )
    return out


def run_checks(loaded: LoadedPlan, as_of: dt.date) -> list[Diagnostic]:
    """Every finding for a loaded plan: loader, schema and cross-file rules."""
    from deancli import schema
    from deancli.rules import Context, iter_rules

    diags = list(loaded.diagnostics)
    for doc in loaded.documents:
        diags.extend(schema.check_document(doc))
    ctx = Context(as_of=as_of)
    for rule in iter_rules():
        diags.extend(rule.check(loaded.plan, ctx))
    return diags


def replace_document(loaded: LoadedPlan, old: Document, new: Document) -> LoadedPlan:
    """The same plan with one document replaced (an edit, before it is written)."""
    docs = [new if d is old else d for d in loaded.documents]
    diags = [d for d in loaded.diagnostics if d.location.path != old.display] + new.diagnostics
    return LoadedPlan(build_plan(loaded.plan.root, docs), docs, diags)


def check(
    root: Path,
    *,
    as_of: dt.date,
    paths: Sequence[str] = (),
    loaded: LoadedPlan | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Validate the whole plan; report findings on ``paths`` (all files when empty)."""
    selected = select_paths(root, paths) if paths else []
    loaded = loaded or load_plan(root, progress)
    diags = cap_per_file(run_checks(loaded, as_of))
    files_checked = len(loaded.documents)
    reported = files_checked
    if selected:
        keep = {
            loader.display_path(p)
            for p in [d.path for d in loaded.documents]
            if any(p.resolve() == s or s in p.resolve().parents for s in selected)
        }
        keep |= {
            d.location.path
            for d in diags
            if any(
                Path(d.location.path).resolve() == s or s in Path(d.location.path).resolve().parents
                for s in selected
            )
        }
        diags = [d for d in diags if d.location.path in keep]
        reported = len({k for k in keep if k in {doc.display for doc in loaded.documents}})
    plan = loaded.plan
    with_findings = {d.location.path for d in diags}
    sources = {doc.display: doc.lines() for doc in loaded.documents if doc.display in with_findings}
    return CheckResult(
        diagnostics=diags,
        files_checked=files_checked,
        files_reported=reported,
        plan_root=loader.display_path(plan.root),
        as_of=as_of,
        initiatives=len(plan.initiatives),
        pillars=len(plan.pillars),
        organizations=len(plan.organizations),
        reported_paths=[loader.display_path(p) for p in selected],
        sources=sources,
        files=[doc.display for doc in loaded.documents],
        file_pillars={i.doc.display: i.pillar for i in plan.initiatives},
        pillar_labels={p.number: f"{p.roman}: {p.title.get('en')}" for p in plan.pillars},
    )
