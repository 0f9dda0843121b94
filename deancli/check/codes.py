"""Every diagnostic code dean can emit, in one catalogue (for `dean explain`, SARIF rule
lists, docs and tests). Each code is defined once, where it is produced: reading codes in
``deancli.plan.loader``, schema codes in ``deancli.plan.schema``, DEAN015 in ``cap``,
rule codes in their rule module. Their documentation is docs/rules.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from deancli.base.diagnostics import Severity
from deancli.base.i18n import N_, tr


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    severity: Severity
    summary: str


@cache
def all_codes() -> tuple[CodeInfo, ...]:
    from deancli.check.baseline import STALE
    from deancli.check.cap import TOO_MANY_FINDINGS
    from deancli.check.rules import RULES
    from deancli.check.suppress import NO_REASON, UNUSED
    from deancli.plan.config import INVALID_CONFIG
    from deancli.plan.loader import LOAD_CODES
    from deancli.plan.schema import SCHEMA_CODES

    out = [CodeInfo(*entry) for entry in LOAD_CODES.values()]
    out += [
        CodeInfo(code, name, Severity.ERROR, summary)
        for code, name, summary in SCHEMA_CODES.values()
    ]
    out += [CodeInfo(*TOO_MANY_FINDINGS), CodeInfo(*INVALID_CONFIG)]
    out += [CodeInfo(*UNUSED), CodeInfo(*NO_REASON), CodeInfo(*STALE)]
    out += [CodeInfo(r.RULE.code, r.RULE.name, r.RULE.severity, r.RULE.summary) for r in RULES]
    return tuple(sorted(out, key=lambda c: c.code))


def find(code_or_name: str) -> CodeInfo | None:
    """A code by its code (``DEAN207``, ``dean207``, ``207``) or its name (``unknown-source``)."""
    key = code_or_name.strip().lower()
    if key.isdigit():
        key = f"dean{int(key):03d}"
    for info in all_codes():
        if key in (info.code.lower(), info.name):
            return info
    return None


_HEADING = re.compile(r"^### (DEAN\d{3}) [a-z-]+ \((?:error|warning|info)\)$", re.M)


@cache
def documentation(name: str = "rules.md") -> dict[str, str]:
    """Each code's section of docs/rules.md (the one place rules are documented; it ships
    inside the package), without its heading. ``rules.es.md`` holds the sections translated
    into Spanish so far (`dean explain` falls back to the English one, saying so)."""
    from deancli.base.resources import docs_dir

    path = docs_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    parts = _HEADING.split(text)
    out = {}
    for code, body in zip(parts[1::2], parts[2::2], strict=True):
        body = re.split(r"^## ", body, maxsplit=1, flags=re.M)[0]
        out[code] = body.strip()
    return out


def help_text(code: str, lang: str = "en") -> str:
    """The documentation of a code as plain text: its docs/rules.md section (in Spanish, its
    rules.es.md section, else the English one introduced as such), else its summary."""
    if lang == "es":
        translated = documentation("rules.es.md").get(code)
        if translated:
            return translated
    doc = documentation().get(code)
    info = find(code)
    summary = _sentence(tr(info.summary, lang=lang)) if info else ""
    if doc and lang != "en":  # not translated yet: the summary, then the English, said so
        only = tr("(This documentation exists only in English.)", lang=lang)
        return f"{summary}\n\n{only}\n\n{doc}"
    return doc or summary


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}." if text else ""


_CONFIGURE = N_(
    """Configure it in dean.toml (or [tool.dean] in pyproject.toml):
  [rules]
  {name} = "off"  # or "info", "warning", "error"
Silence one finding, with a reason, on its line or the line above its key:
  # dean: ignore[{name}] -- reason"""
)


def configure_text(name: str, lang: str = "en") -> str:
    """How to configure or suppress a code: the fixed footer of `dean explain` and of SARIF
    help (every line fits 80 columns with the longest name)."""
    return tr(_CONFIGURE, lang=lang, name=name)


def description(code: str) -> str:
    """What a code catches, on one line: the first paragraph of its docs/rules.md section
    (the paragraph before any example or further detail), else its summary."""
    doc = documentation().get(code, "")
    first = doc.split("\n\n", 1)[0]
    if first.startswith("```"):
        first = ""
    text = " ".join(first.split())
    if text:
        return text
    info = find(code)
    return f"{info.summary[0].upper()}{info.summary[1:]}." if info else ""
