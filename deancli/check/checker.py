"""Validate every file of a loaded plan and run the cross-file rules. Returns data only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.errors import UsageProblem
from deancli.check.result import CheckResult
from deancli.plan import loader
from deancli.plan.load import LoadedPlan, Progress, load_plan


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
TOO_MANY_FINDINGS: Final = (
    "DEAN015",
    "too-many-findings",
    Severity.INFO,
    f"more than {MAX_FINDINGS_PER_FILE} findings in one file; the rest are counted, not listed",
)


def cap_per_file(diags: list[Diagnostic]) -> list[Diagnostic]:
    """At most MAX_FINDINGS_PER_FILE findings per file (the first in reading order), then one
    note saying how many more there are: hostile files must not flood a CI log."""
    from collections import defaultdict

    from deancli.base.diagnostics import Location

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
                *TOO_MANY_FINDINGS[:3],
                f"{len(items) - MAX_FINDINGS_PER_FILE} more findings in this file not shown",
                Location(path),
                hint="fix the findings above and run dean validate again",
            )
        )
    return out


def run_checks(loaded: LoadedPlan, as_of: dt.date) -> list[Diagnostic]:
    """Every finding for a loaded plan: loader, schema and cross-file rules."""
    from deancli.check.rules import RULES, Context
    from deancli.plan import schema

    diags = list(loaded.diagnostics)
    for doc in loaded.documents:
        diags.extend(schema.check_document(doc))
    ctx = Context(as_of=as_of)
    for rule in RULES:
        diags.extend(rule.check(loaded.plan, ctx))
    return diags


def check(
    root: Path,
    *,
    as_of: dt.date,
    paths: Sequence[str] = (),
    loaded: LoadedPlan | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Validate the whole plan; report findings on ``paths`` (all files when empty)."""
    import time

    started = time.perf_counter()
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
        file_ids={i.doc.display: i.id for i in plan.initiatives if i.id is not None},
        elapsed=time.perf_counter() - started,
    )
