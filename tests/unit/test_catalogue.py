"""The message catalogue (deancli/locale/es/LC_MESSAGES/dean.po): every message dean can say
exists in Spanish and English with the same placeholders, the compiled .mo is the .po, and
the catalogue holds exactly what the code, the help and Click say (scripts/i18n.py)."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("dean_i18n_tools", REPO / "scripts" / "i18n.py")
assert _spec is not None and _spec.loader is not None
tools = importlib.util.module_from_spec(_spec)
sys.modules["dean_i18n_tools"] = tools
_spec.loader.exec_module(tools)

ENTRIES = [e for e in tools.read_po(tools.PO.read_text(encoding="utf-8")) if e.msgid]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]|%[sd]")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_the_catalogue_is_not_empty():
    assert len(ENTRIES) > 500


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: (e.context or "") + e.msgid[:60])
def test_every_message_exists_in_both_languages_with_the_same_placeholders(entry):
    english = [entry.msgid] + ([entry.plural] if entry.plural is not None else [])
    assert all(e.strip() for e in english)
    assert len(entry.msgstr) == (2 if entry.plural is not None else 1)
    assert all(s.strip() for s in entry.msgstr), f"no Spanish for {entry.msgid!r}"
    want = placeholders(english[-1])
    for spanish in entry.msgstr:
        assert placeholders(spanish) == want, (entry.msgid, spanish)


def test_the_compiled_catalogue_is_its_source():
    """deancli/locale/es/LC_MESSAGES/dean.mo is committed (a fresh clone and the wheel need no
    build step); it must be what `python scripts/i18n.py compile` makes of the .po."""
    assert tools.MO.read_bytes() == tools.compile_po(), "run: python scripts/i18n.py compile"


def test_the_catalogue_holds_exactly_what_dean_says():
    """Every marked message, help text and Click message is in the .po, and nothing else:
    `python scripts/i18n.py update` adds new ones (then translate them)."""
    have = {e.key for e in ENTRIES}
    want = {e.key for e in tools.extract()}
    assert sorted(want - have, key=str) == [], "missing from the .po"
    assert sorted(have - want, key=str) == [], "stale in the .po"


def test_the_po_is_written_as_the_tool_writes_it():
    """So that updates make small diffs."""
    text = tools.PO.read_text(encoding="utf-8")
    assert tools.write_po(tools.read_po(text)) == text


def test_gettext_reads_the_compiled_catalogue():
    from deancli.base import i18n

    assert i18n.tr("Options", lang="es") == "Opciones"
    assert i18n.tr("Options", lang="en") == "Options"
    assert i18n.ntr("{n} file", "{n} files", 1, lang="es") == "1 archivo"
    assert i18n.ntr("{n} file", "{n} files", 3, lang="es") == "3 archivos"
    assert i18n.ptr("initiative status", "cancelled", lang="es") == "cancelada"
    assert i18n.ptr("milestone status", "cancelled", lang="es") == "cancelado"


def test_a_message_keeps_its_english_identity_and_says_itself_in_spanish():
    import pickle

    from deancli.base import i18n

    m = i18n.M("unknown source `{id}`", id="x")
    assert m == "unknown source `x`"  # what baselines, sorting and JSON use
    assert i18n.say(m, "es") == "fuente desconocida `x`"
    assert i18n.say(m, "en") == "unknown source `x`"
    assert i18n.say(pickle.loads(pickle.dumps(m)), "es") == "fuente desconocida `x`"
    only = i18n.english_only("Status: planned")
    assert i18n.say(only, "es") == "Status: planned [en]"
    assert i18n.say(only, "en") == "Status: planned"


def test_click_and_typer_translate_through_deans_catalogue():
    """Every module of Click or Typer that translates with gettext is pointed at dean's
    catalogue once the command line has started (none still uses the process's locale)."""
    from deancli.cli import _i18n

    _i18n.install()
    assert _i18n.patched_modules() == []
