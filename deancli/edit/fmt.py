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
    try:
        out = canonical_text(text, ORDERS[doc.kind])
    except EditError as exc:
        return FormatResult(change, tr("cannot be reformatted safely: {reason}", reason=exc))
    except Exception as exc:  # ruamel raised on something it cannot round-trip
        return FormatResult(
            change, tr("cannot be reformatted safely ({kind})", kind=type(exc).__name__)
        )
    if yamlio.parse(out).data != doc.data:
        return FormatResult(change, tr("reformatting would change its data; left as it is"))
    if Counter(comment_texts(out)) != Counter(comment_texts(text)):
        return FormatResult(change, tr("reformatting would lose a comment; left as it is"))
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


def write(result: FormatResult) -> None:
    if result.problem is None and result.change.changed:
        fingerprint = Fingerprint.of(result.change.path)
        if fingerprint.sha256 != _sha(result.change.before):
            raise EditError(
                tr("{path} changed on disk since dean read it", path=result.change.display)
            )
        write_atomic(result.change.path, result.change.after, fingerprint)
        result.change.written = True


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
