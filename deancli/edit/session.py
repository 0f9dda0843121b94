"""A checked edit: the spliced text validated with the whole plan (an edit that adds an
error is refused with its diagnostics), then written atomically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deancli.base.diagnostics import Diagnostic
from deancli.base.i18n import tr
from deancli.edit.atomic import Fingerprint, write_atomic
from deancli.edit.change import Change, EditError, Op
from deancli.edit.splice import splice
from deancli.plan.loader import Document


@dataclass
class EditPlan:
    """A checked edit, ready to write."""

    doc: Document
    change: Change
    fingerprint: Fingerprint | None


def _finding_key(d: Diagnostic) -> tuple[str, str, str]:
    return (d.code, d.location.path, d.message)


def check_edit(loaded: Any, old: Document | None, new: Document, as_of: Any) -> list[Diagnostic]:
    """Errors the edited plan has that the plan on disk did not have."""
    from deancli.base.diagnostics import Severity
    from deancli.check import checker
    from deancli.plan import load

    before = {_finding_key(d) for d in checker.run_checks(loaded, as_of)}
    if old is None:
        from deancli.plan.build import build_plan

        docs = [*loaded.documents, new]
        edited = load.LoadedPlan(
            build_plan(loaded.plan.root, docs), docs, [*loaded.diagnostics, *new.diagnostics]
        )
    else:
        edited = load.replace_document(loaded, old, new)
    after = checker.run_checks(edited, as_of)
    return sorted(
        (d for d in after if d.severity is Severity.ERROR and _finding_key(d) not in before),
        key=Diagnostic.sort_key,
    )


def prepare(loaded: Any, doc: Document, ops: list[Op], as_of: Any) -> EditPlan:
    from deancli.plan.loader import parse_document

    fingerprint = Fingerprint.of(doc.path)
    text = splice(doc, ops)
    new = parse_document(Document(doc.path, doc.display, doc.rel, doc.kind), text)
    problems = check_edit(loaded, doc, new, as_of)
    if problems:
        raise EditError(
            tr("the edit would make {path} invalid", path=doc.display),
            problems,
            {doc.display: new.lines()},
        )
    assert doc.text is not None
    return EditPlan(doc, Change(doc.path, doc.display, doc.text, text), fingerprint)


def commit(plan: EditPlan) -> None:
    if plan.change.changed:
        write_atomic(plan.change.path, plan.change.after, plan.fingerprint)
        plan.change.written = True
