"""`dean fmt`: the canonical layout of plan files, with proof that nothing was lost.

A file is reformatted only if all of these hold, otherwise it is left alone and reported:
its data is unchanged (the same JSON view before and after), every comment is still there,
and formatting the result again changes nothing (idempotence).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from deancli.base.i18n import tr
from deancli.edit.atomic import Fingerprint, write_atomic
from deancli.edit.canonical import certainly_canonical
from deancli.edit.change import Change, EditError
from deancli.edit.layout import canonical_text, comment_texts
from deancli.edit.orders import ORDERS
from deancli.plan import yamlio
from deancli.plan.loader import Document


@dataclass
class FormatResult:
    change: Change
    problem: str | None = None  # why the file was left alone


def format_document(doc: Document) -> FormatResult:
    text = doc.text or ""
    change = Change(doc.path, doc.display, text, text)
    if not doc.ok or any(d.severity.name == "ERROR" for d in doc.diagnostics):
        return FormatResult(change, tr("the file has load errors; fix them first (dean validate)"))
    if certainly_canonical(text, doc.data, doc.marks, ORDERS[doc.kind]):
        return FormatResult(change)  # decided from the parse (edit/canonical.py)
    try:
        out = canonical_text(text, ORDERS[doc.kind])
    except EditError as exc:
        return FormatResult(change, tr("cannot be reformatted safely: {reason}", reason=exc))
    except Exception as exc:  # ruamel raised on something it cannot round-trip
        return FormatResult(
            change, tr("cannot be reformatted safely ({kind})", kind=type(exc).__name__)
        )
    if out == text:  # the round trip changed nothing: nothing can have been lost
        return FormatResult(change)
    laid_out = yamlio.parse(out, marks=True)
    if laid_out.data != doc.data:
        return FormatResult(change, tr("reformatting would change its data; left as it is"))
    if Counter(comment_texts(out)) != Counter(comment_texts(text)):
        return FormatResult(change, tr("reformatting would lose a comment; left as it is"))
    if certainly_canonical(out, laid_out.data, laid_out.marks, ORDERS[doc.kind]):
        again: str | None = out  # stable, decided from the parse (no second round trip)
    else:
        try:
            again = canonical_text(out, ORDERS[doc.kind])
        except Exception:
            again = None
    if again != out:
        return FormatResult(
            change, tr("the canonical layout is not stable for this file; left as it is")
        )
    change.after = out
    return FormatResult(change)


def prepare_format(doc: Document) -> None:
    """`dean fmt`'s work on one file, done where it is read (in a worker, for large plans;
    ``load.Prepare``): ``doc.prepared`` is (why it is left alone, or None; the new text,
    or None when it stays as it is)."""
    result = format_document(doc)
    changed = result.problem is None and result.change.changed
    doc.prepared = (result.problem, result.change.after if changed else None)
    doc.marks = None  # needed no more
    if doc.prepared == (None, None):
        # already canonical: `dean fmt` needs nothing more of it, so neither its data nor
        # its text travels back from the worker or stays in memory (findings of reading
        # are kept)
        doc.data, doc.utf8 = None, None


def prepared_result(doc: Document) -> FormatResult:
    """The :class:`FormatResult` that :func:`prepare_format` worked out for ``doc``."""
    text = doc.text or ""
    problem, after = doc.prepared
    return FormatResult(
        Change(doc.path, doc.display, text, text if after is None else after), problem
    )


def write(result: FormatResult, *, sync_dir: bool = True) -> None:
    """Write a reformatted file atomically (``sync_dir``: see ``atomic.write_atomic``)."""
    if result.problem is None and result.change.changed:
        fingerprint = Fingerprint.of(result.change.path)
        if fingerprint.sha256 != _sha(result.change.before):
            raise EditError(
                tr("{path} changed on disk since dean read it", path=result.change.display)
            )
        write_atomic(result.change.path, result.change.after, fingerprint, sync_dir=sync_dir)
        result.change.written = True


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
