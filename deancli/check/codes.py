"""Every diagnostic code dean can emit, in one catalogue (for docs, SARIF rule lists, tests)."""

from __future__ import annotations

from dataclasses import dataclass

from deancli.base.diagnostics import Severity


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    severity: Severity
    summary: str


_LOAD_SUMMARY = {
    "DEAN001": "the file is not valid YAML",
    "DEAN002": "a key appears twice in one mapping",
    "DEAN003": "the file is not UTF-8 text, or holds raw control characters",
    "DEAN004": "a YAML file where the plan layout expects none",
    "DEAN005": "an anchor (&a) or alias (*a)",
    "DEAN006": "an explicit tag (!!str, !custom)",
    "DEAN007": "a %YAML directive other than 1.2",
    "DEAN008": "a file too large or nested too deeply",
    "DEAN009": "the top level is not a mapping (or the file is empty)",
    "DEAN010": "more than one YAML document in a file",
    "DEAN011": "an invisible, bidi or control character in a key or value",
    "DEAN012": "a file dean refuses to open (link out of the plan, not a regular file)",
    "DEAN013": "dialogue.yaml or organizations.yaml is missing",
    "DEAN014": "a mapping or list used as a key",
}


def help_text(code: str) -> str:
    """The documentation of a code: a rule module's docstring, else its summary."""
    from deancli.check.rules import iter_rules

    for rule in iter_rules():
        if rule.RULE.code == code and rule.__doc__:
            return " ".join(rule.__doc__.split())
    for info in all_codes():
        if info.code == code:
            return f"{info.summary[0].upper()}{info.summary[1:]}. See docs/rules.md."
    return "See docs/rules.md."


def all_codes() -> list[CodeInfo]:
    from deancli.check.rules import iter_rules
    from deancli.plan.loader import LOAD_CODES
    from deancli.plan.schema import SCHEMA_CODES

    out = [
        CodeInfo(code, name, severity, _LOAD_SUMMARY[code])
        for code, name, severity in LOAD_CODES.values()
    ]
    out += [
        CodeInfo(code, name, Severity.ERROR, summary)
        for code, name, summary in SCHEMA_CODES.values()
    ]
    out.append(
        CodeInfo(
            "DEAN015",
            "too-many-findings",
            Severity.INFO,
            "more than 100 findings in one file; the rest are counted, not listed",
        )
    )
    for rule in iter_rules():
        info = rule.RULE
        out.append(CodeInfo(info.code, info.name, info.severity, info.summary))
    return sorted(out, key=lambda c: c.code)
