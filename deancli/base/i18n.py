"""Everything dean says to people, in Spanish and English, from one message catalogue.

The catalogue is GNU gettext's: the English text in the code is the message id, and
``deancli/locale/es/LC_MESSAGES/dean.po`` holds its Spanish (compiled to the ``dean.mo``
beside it, which is committed; a test proves the two agree, another that every message the
code marks exists in both languages with the same placeholders). ``scripts/i18n.py``
extracts the messages, updates the ``.po`` and compiles it. docs/glossary.md fixes the terms.

Three ways to mark a message, all read by the extractor:

* ``tr("text {x}", x=...)``: said now, in the active language (the CLI sets it once per run,
  before anything is parsed: ``--lang``, ``$DEAN_LANG``, the ``lang`` setting, the locale).
* ``M("text {x}", x=...)``: a :class:`Msg`, for text made in the core that must keep one
  stable identity (diagnostics: baselines and sorting use the English); renderers say it
  with :func:`say`. Machine formats (JSON, SARIF, JUnit) print its English.
* ``N_("text")``: only marks a message said later by its English (help of registries).

Placeholders are ``str.format`` fields (``{n}``), the same in both languages. Plural forms
use :func:`ntr`; words with two Spanish genders use a context (:func:`ptr`).

The views also take ``lang`` explicitly (``t(key, lang)``): their labels are keyed, the key
naming the English message id.

Imports only the standard library. (This module is longer than 400 lines: the catalogue's
API and the keyed labels of the views are one table that callers import from one place.)
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

LANGS = ("es", "en")
DOMAIN = "dean"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_active = "en"


def parse_lang(value: str | None) -> str | None:
    """``es`` or ``en`` from what a person typed (``ES``, ``es_MX.UTF-8``...), else None."""
    if not value:
        return None
    low = value.strip().lower()
    for lang in LANGS:
        if low == lang or low.startswith((lang + "_", lang + "-", lang + ".")):
            return lang
    return None


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """Spanish when the locale (the first of LC_ALL, LC_MESSAGES, LANG that is set) is
    Spanish, else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "es" if value.strip().lower().startswith("es") else "en"
    return "en"


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """``$DEAN_LANG`` when it names a language, else the locale (see :func:`locale_lang`)."""
    env = os.environ if environ is None else environ
    return parse_lang(env.get("DEAN_LANG")) or locale_lang(env)


def active() -> str:
    """The language dean speaks in this run."""
    return _active


def set_active(lang: str) -> None:
    global _active
    _active = lang if lang in LANGS else "en"


@contextlib.contextmanager
def use(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the block (the CLI wraps each run in one)."""
    before = _active
    set_active(lang)
    try:
        yield
    finally:
        set_active(before)


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations into ``lang``: English is the message id itself."""
    if lang == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError:  # a broken install: say it in English rather than fail
        return gettext.NullTranslations()


def N_(msgid: str) -> str:
    """Mark a message for the catalogue without translating it here."""
    return msgid


def nN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural message for the catalogue (said later with :func:`ntr`)."""
    return (singular, plural)


def tr(msgid: str, /, *, lang: str | None = None, **values: object) -> str:
    """``msgid`` in ``lang`` (default: the active language), its fields filled in."""
    text = catalogue(lang or _active).gettext(msgid)
    return text.format(**_said(values, lang)) if values else text


def ntr(singular: str, plural: str, n: int, /, *, lang: str | None = None, **values: object) -> str:
    """The singular or plural form for ``n`` (``{n}`` is filled in too)."""
    text = catalogue(lang or _active).ngettext(singular, plural, n)
    return text.format(n=n, **_said(values, lang))


def ptr(context: str, msgid: str, /, *, lang: str | None = None) -> str:
    """``msgid`` in ``lang`` where the context decides (``cancelled`` of an initiative is
    *cancelada*, of a milestone *cancelado*)."""
    return catalogue(lang or _active).pgettext(context, msgid)


class Msg(str):
    """A message whose value, as a ``str``, is its English (what baselines, sorting and
    machine formats use) and that :func:`say` puts in the reader's language."""

    msgid: str
    values: dict[str, Any]
    plural: tuple[str, int] | None

    def __new__(
        cls,
        msgid: str,
        values: Mapping[str, Any] | None = None,
        plural: tuple[str, int] | None = None,
    ) -> Msg:
        vals = dict(values or {})
        if plural is not None:
            english = (msgid if plural[1] == 1 else plural[0]).format(n=plural[1], **vals)
        else:
            english = msgid.format(**vals) if vals else msgid
        self = super().__new__(cls, english)
        self.msgid, self.values, self.plural = msgid, vals, plural
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to worker processes and back
        return (Msg, (self.msgid, self.values, self.plural))

    def said(self, lang: str) -> str:
        if lang == "en":
            return str.__str__(self)
        if self.plural is not None:
            return ntr(self.msgid, self.plural[0], self.plural[1], lang=lang, **self.values)
        return tr(self.msgid, lang=lang, **self.values)


class EnglishOnly(Msg):
    """Text that exists only in English (a schema's description, a parser's message): said
    as it is, marked ``[en]`` in another language."""

    def said(self, lang: str) -> str:
        english = str.__str__(self)
        return english if lang == "en" else f"{english} [en]"

    def __reduce__(self) -> tuple[Any, ...]:
        return (english_only, (str.__str__(self),))


def english_only(text: str) -> Msg:
    return EnglishOnly("{text}", {"text": text})


def M(msgid: str, /, **values: object) -> Msg:
    """A message said later, in the reader's language (see :class:`Msg`)."""
    return Msg(msgid, values)


def nM(singular: str, plural: str, n: int, /, **values: object) -> Msg:
    """A plural message said later."""
    return Msg(singular, values, (plural, n))


def say(text: str, lang: str | None = None) -> str:
    """A :class:`Msg` in ``lang`` (default: the active language); other text as it is."""
    if isinstance(text, Msg):
        return text.said(lang or _active)
    return text


def _said(values: Mapping[str, object], lang: str | None) -> dict[str, object]:
    return {k: say(v, lang) if isinstance(v, Msg) else v for k, v in values.items()}


def severity_label(severity: Any) -> str:
    """``error``, ``warning``, ``info`` in the reader's language (codes stay as they are)."""
    return ptr("severity", severity.label)


def counted(n: int, what: str) -> str:
    """``3 errors``, ``1 warning``... in the reader's language."""
    forms = {
        "error": nN_("{n} error", "{n} errors"),
        "warning": nN_("{n} warning", "{n} warnings"),
        "note": nN_("{n} note", "{n} notes"),
        "file": nN_("{n} file", "{n} files"),
        "initiative": nN_("{n} initiative", "{n} initiatives"),
        "pillar": nN_("{n} pillar", "{n} pillars"),
        "organization": nN_("{n} organization", "{n} organizations"),
    }
    one, many = forms[what]
    return ntr(one, many, n)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def long_date(day: Any, lang: str) -> str:
    """A date for headings and sentences: ``28 nov 2026`` in Spanish (day without a leading
    zero, the month's short name in lower case: no day/month order to misread, and short
    enough for a heading at 80 columns), the ISO ``2026-11-28`` in English. Tables, CSV and
    JSON keep ISO dates in both languages (docs/glossary.md)."""
    if lang != "es":
        return str(day.isoformat())
    month = ptr("month (short)", _MONTHS[day.month - 1], lang=lang)
    return f"{day.day} {month} {day.year}"


# Labels of the views, by key: the English message id (its Spanish is in the catalogue).
_LABELS: dict[str, str] = {
    "plan_status": N_("Plan status as of {date}"),
    "pillar": N_("Pillar"),
    "pillar_heading": N_("Pillar {roman}: {title}"),
    "initiatives": N_("Initiatives"),
    "listing_summary": N_("Summary of {n} initiatives as of {date}"),
    "listing_note": N_("{n} initiatives, one per line (--format csv for a spreadsheet)"),
    "initiative": N_("Initiative"),
    "milestones_done": N_("Milestones"),
    "initiatives_short": N_("Init."),
    "progress": N_("Progress"),
    "overdue": N_("Late"),
    "unknown_count": N_("Unkn."),
    "newest_evidence": N_("Evidence"),
    "total": N_("Total"),
    "id": N_("#"),
    "status": N_("Status"),
    "leads_mx": N_("MX"),
    "leads_us": N_("US"),
    "next_due": N_("Next due"),
    "none": N_("—"),
    "na": N_("n/a"),
    "no_date": N_("n.d."),
    "unknown_mark": N_("?"),
    "no_initiatives": N_("No initiative matches."),
    "stale_legend": N_("* stale: a current status without evidence from the last {months} months"),
    "marks_legend": N_("Marks: {marks}"),
    "mark_none": N_("— none"),
    "mark_not_known": N_("? not publicly known"),
    "mark_no_date": N_("n.d. no date"),
    "mark_na": N_("n/a nothing counts"),
    "as_of": N_("as of"),
    "announced": N_("Announced"),
    "leads": N_("Leads"),
    "participants": N_("Participants"),
    "summary": N_("Summary"),
    "milestones": N_("Milestones"),
    "indicators": N_("Indicators"),
    "sources": N_("Sources"),
    "notes": N_("Notes"),
    "date": N_("Date"),
    "milestone": N_("Milestone"),
    "milestone_id": N_("Id"),
    "milestone_notes": N_("Milestone notes"),
    "note": N_("Note"),
    "kind": N_("Kind"),
    "title": N_("Title"),
    "publisher": N_("Publisher"),
    "url": N_("URL"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "actual": N_("Actual"),
    "not_known": N_("not publicly known"),
    "title_in": N_("Title ({code})"),
    "completed_on": N_("done on {date}"),
    "completed_by": N_("done by {date}"),
    "due": N_("due {date}"),
    "mx": N_("Mexico"),
    "us": N_("United States"),
    "undated_hidden": N_("{n} milestones without a date are not shown."),
    "timeline_title": N_("Timeline as of {date}"),
    "legend": N_("Legend"),
    "today": N_("today"),
    "editorial": N_("our mapping"),
    "history_title": N_("Plan history {every}: {first} to {last} ({n} points)"),
    "history_every_commit": N_("by commit"),
    "history_every_week": N_("by week"),
    "history_every_month": N_("by month"),
    "history_change": N_("From {first} to {last}"),
    "history_yes": N_("yes"),
    "history_no": N_("no"),
    "history_valid": N_("Valid"),
    "history_chart": N_("Milestones done per pillar (stacked) and milestones counted (·)"),
    "history_counted": N_("milestones counted"),
    "history_invalid_mark": N_("the plan did not validate"),
    "history_more": N_("… and {n} more"),
    "history_shallow": N_(
        "Shallow clone: the history starts on {date}; `git fetch --unshallow` reads further back."
    ),
    "history_events": N_("Changes from {first} to {last}"),
    "history_no_events": N_("No change to initiatives."),
    "history_slips": N_("Milestones whose due date slipped"),
    "history_no_slips": N_("No milestone's due date moved later."),
    "history_times": N_("Times"),
    "history_days": N_("Days"),
    "history_due": N_("Due"),
}

# the words of the plan's enumerations: (context, English); the context tells a translator
# what the word qualifies (Spanish agrees in gender: *la iniciativa*, *el hito*)
_STATUS = ("planned", "active", "finalising", "completed", "cancelled", "suspended")
_MSTATUS = {
    "planned": "planned",
    "in_progress": "in progress",
    "done": "done",
    "cancelled": "cancelled",
    "unknown": "unknown",
    "overdue": "overdue",
    "upcoming": "upcoming",
    "undated": "undated",
    "context": "context",
}
_KIND = ("deliverable", "event", "decision", "publication", "context")
_PROVENANCE = {"official": "official", "press": "press wording", "translation": "our translation"}
_ROLE = ("accountable", "implementing", "funding", "extending", "supporting")


# labels that depend on a number: (singular, plural)
_PLURAL_LABELS: dict[str, tuple[str, str]] = {
    "note_skipped": nN_(
        "dean: note: {n} file with reading errors is left out of these numbers; "
        "`dean validate` says why",
        "dean: note: {n} files with reading errors are left out of these numbers; "
        "`dean validate` says why",
    ),
    "history_invalid_note": nN_(
        "{n} point where plan files did not read or match their schema (marked !):",
        "{n} points where plan files did not read or match their schema (marked !):",
    ),
    "unassigned": nN_(
        "{n} initiative with an unknown pillar is not counted; run `dean validate`.",
        "{n} initiatives with an unknown pillar are not counted; run `dean validate`.",
    ),
}


def t(key: str, lang: str, **values: object) -> str:
    """A view label in ``lang`` (one that counts something takes ``n``)."""
    if key in _PLURAL_LABELS:
        one, many = _PLURAL_LABELS[key]
        n = values.pop("n")
        assert isinstance(n, int)
        return ntr(one, many, n, lang=lang, **values)
    return tr(_LABELS[key], lang=lang, **values)


def initiative_status(status: str, lang: str) -> str:
    if status == "unknown":
        return ptr("milestone status", "unknown", lang=lang)
    return ptr("initiative status", status, lang=lang) if status in _STATUS else status


def milestone_status(status: str, lang: str) -> str:
    if status not in _MSTATUS:
        return status
    return ptr("milestone status", _MSTATUS[status], lang=lang)


def kind(value: str, lang: str) -> str:
    return ptr("milestone kind", value, lang=lang) if value in _KIND else value


def provenance(value: str, lang: str) -> str:
    if value not in _PROVENANCE:
        return value
    return ptr("source provenance", _PROVENANCE[value], lang=lang)


def role(value: str, lang: str) -> str:
    return ptr("lead role", value, lang=lang) if value in _ROLE else value


def marked() -> tuple[tuple[str, str], ...]:
    """Every (context, English) the enumeration words above use, for the extractor."""
    return (
        *(("initiative status", s) for s in _STATUS),
        *(("milestone status", s) for s in _MSTATUS.values()),
        *(("milestone kind", k) for k in _KIND),
        *(("source provenance", p) for p in _PROVENANCE.values()),
        *(("lead role", r) for r in _ROLE),
        *(("month (short)", m) for m in _MONTHS),
        *(("severity", s) for s in ("error", "warning", "info")),
    )
