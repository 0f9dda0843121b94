"""dean's findings as LSP diagnostics: the checker of `dean validate` run as it is (loader,
schema and cross-file rules, inline suppressions, configured severities, the per-file cap),
so an editor shows exactly what `dean validate` reports, with the same codes, severities,
positions and related locations."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from lsprotocol import types

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.textsafe import safe
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.text import Lines

SOURCE = "dean"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
UNUSED_SUPPRESSION = "DEAN021"


def findings(state: PlanState) -> dict[str, list[Diagnostic]]:
    """Every finding of the plan, by file as displayed (what `dean validate` reports)."""
    from deancli.check import checker
    from deancli.check.cap import cap_per_file

    loaded = state.loaded
    diags = checker.run_checks(loaded, state.today(), state.config)
    diags, _ = checker.apply_settings(diags, loaded, state.config)
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in cap_per_file(diags):
        out[d.location.path].append(d)
    for items in out.values():
        items.sort(key=Diagnostic.sort_key)
    return out


@cache
def rules_doc_uri() -> str:
    from deancli.base.resources import docs_dir

    return (docs_dir() / "rules.md").absolute().as_uri()


def code_href(d: Diagnostic) -> str:
    """The code's section of docs/rules.md (what `dean explain CODE` prints), as a link."""
    anchor = re.sub(r"[^a-z0-9 -]", "", f"{d.code} {d.name} ({d.severity.label})".lower())
    return f"{rules_doc_uri()}#{anchor.replace(' ', '-')}"


def to_lsp(
    d: Diagnostic,
    lines: Lines,
    docs: dict[str, LiveDocument],
    encoding: str,
) -> types.Diagnostic:
    """One finding in the client's terms; plan text in it is escaped (``safe``) as in every
    terminal report, and the hint follows the message as in `dean validate`'s ``help:``."""
    message = safe(d.message)
    if d.hint:
        message += f"\nhelp: {safe(d.hint)}"
    related = []
    for r in d.related:
        target = docs.get(r.location.path)
        if target is None:
            continue
        there = lines if target.display == d.location.path else Lines(target.text or "", encoding)
        related.append(
            types.DiagnosticRelatedInformation(
                types.Location(target.path.as_uri(), there.location_range(r.location)),
                safe(r.message),
            )
        )
    return types.Diagnostic(
        range=lines.location_range(d.location),
        message=message,
        severity=_SEVERITY[d.severity],
        code=d.code,
        code_description=types.CodeDescription(href=code_href(d)),
        source=SOURCE,
        related_information=related or None,
        tags=[types.DiagnosticTag.Unnecessary] if d.code == UNUSED_SUPPRESSION else None,
        data={"name": d.name, "hint": d.hint, "json_path": d.json_path},
    )
