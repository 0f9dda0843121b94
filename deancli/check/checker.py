"""Validate every file of a loaded plan and run the cross-file rules. Returns data only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.errors import UsageProblem
from deancli.base.i18n import active, tr
from deancli.check.cap import cap_per_file
from deancli.check.result import CheckResult
from deancli.check.suppress import Suppressed
from deancli.plan import loader
from deancli.plan.config import Config
from deancli.plan.load import LoadedPlan, Progress, load_plan


def select_paths(root: Path, paths: Sequence[str]) -> list[Path]:
    """Resolve PATH arguments; each must exist inside the plan."""
    out = []
    root = root.resolve()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageProblem(tr("no such file or directory: {path}", path=raw))
        resolved = p.resolve()
        try:
            resolved.relative_to(root)
        except ValueError:
            raise UsageProblem(
                tr(
                    "{path} is not inside the plan directory {root}; choose the plan with --plan",
                    path=raw,
                    root=loader.display_path(root),
                )
            ) from None
        out.append(resolved)
    return out


def run_checks(
    loaded: LoadedPlan, as_of: dt.date, config: Config | None = None
) -> list[Diagnostic]:
    """Every finding for a loaded plan: loader, schema and cross-file rules."""
    from deancli.check.rules import RULES, Context
    from deancli.plan import schema

    diags = list(loaded.diagnostics)
    for doc in loaded.documents:
        diags.extend(schema.check_document(doc))
    config = config or Config()
    ctx = Context(as_of, config.stale_months, config.meeting_months)
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
    config: Config | None = None,
) -> CheckResult:
    """Validate the whole plan; report findings on ``paths`` (all files when empty)."""
    import time

    started = time.perf_counter()
    selected = select_paths(root, paths) if paths else []
    if loaded is None:
        from deancli.plan import schema

        schema.fast_validator("initiative")  # made once, before workers fork
        loaded = load_plan(root, progress, prepare_document)
    config = config or Config()
    diags, suppressed = apply_settings(run_checks(loaded, as_of, config), loaded, config)
    diags = cap_per_file(diags)
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
        # in the run's language (the job summary's rows)
        pillar_labels={p.number: f"{p.roman}: {p.title.get(active())}" for p in plan.pillars},
        suppressed=suppressed,
        config=config.display,
        file_ids={i.doc.display: i.id for i in plan.initiatives if i.id is not None},
        elapsed=time.perf_counter() - started,
    )


def prepare_document(doc: loader.Document) -> None:
    """A check's work on one file, done where the file is read (in a worker, for large
    plans), from its one parse: its schema findings, and its inline suppressions, with
    their positions (``load.Prepare``)."""
    from deancli.check.suppress import find_suppressions
    from deancli.plan import schema

    doc.schema_findings = schema.check_document(doc)
    doc.suppressions = find_suppressions(doc)


_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


def apply_settings(
    diags: list[Diagnostic], loaded: LoadedPlan, config: Config
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """Inline suppressions, then the configured severities (``off`` drops a finding), plus
    the configuration's own findings."""
    import dataclasses

    from deancli.base.suggest import closest
    from deancli.check.codes import all_codes
    from deancli.check.suppress import apply
    from deancli.plan.config import unknown_rule

    kept, suppressed = apply(diags, loaded.documents)
    out = list(config.diagnostics)
    known = {c.code for c in all_codes()} | {c.name for c in all_codes()}
    for key, where in config.rule_keys:
        if key not in known:
            out.append(unknown_rule(config, key, where, closest(key, sorted(known))))
    if not config.rules and not config.overrides:
        return out + kept, suppressed
    rel = {doc.display: doc.rel for doc in loaded.documents}
    for d in kept:
        chosen = config.severity_for(d.code, d.name, rel.get(d.location.path, d.location.path))
        if chosen == "off":
            continue
        if chosen is not None and _SEVERITY[chosen] != d.severity:
            d = dataclasses.replace(d, severity=_SEVERITY[chosen])
        out.append(d)
    return out, suppressed
