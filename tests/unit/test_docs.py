from __future__ import annotations

import json
import re

from deancli.check.codes import all_codes
from deancli.render.reports import REPORTERS
from tests.conftest import REPO


def test_every_code_is_documented_once():
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (DEAN\d{3}) ([a-z-]+) \((error|warning|info)\)$", text, re.M)
    documented = [(c, n, s) for c, n, s in headings]
    expected = [(c.code, c.name, c.severity.label) for c in all_codes()]
    assert documented == expected


def test_the_spanish_rule_documentation_follows_the_english():
    """docs/rules.es.md: the same headings, in the same order, each once (dean explain reads
    it in Spanish), and sections in Spanish (no English "Why:" left)."""
    english = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    spanish = (REPO / "docs" / "rules.es.md").read_text(encoding="utf-8")
    heading = r"^### DEAN\d{3} [a-z-]+ \((?:error|warning|info)\)$"
    assert re.findall(heading, spanish, re.M) == re.findall(heading, english, re.M)
    assert "\nWhy:" not in spanish and "\nFix:" not in spanish


def test_codes_are_unique_and_well_formed():
    codes = all_codes()
    assert len({c.code for c in codes}) == len(codes)
    assert len({c.name for c in codes}) == len(codes)
    for c in codes:
        assert re.fullmatch(r"DEAN\d{3}", c.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", c.name)


def test_format_choices_match_the_registry():
    from deancli.cli.validate import ValidateFormat

    assert [f.value for f in ValidateFormat] == ["auto", *REPORTERS]


def test_schemas_share_identical_definitions():
    """The schemas are self-contained for editors; their shared $defs must not drift."""
    schemas = {
        name: json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
        for name in ("dialogue", "organizations", "initiative")
    }
    shared = [
        "text",
        "text_any",
        "date",
        "partial_date",
        "org_id",
        "org_list",
        "source",
        "source_ref",
        "source_refs",
    ]
    for key in shared:
        first = schemas["initiative"]["$defs"][key]
        for name, schema in schemas.items():
            assert schema["$defs"][key] == first, (name, key)


def test_every_schema_property_has_title_and_description():
    def walk(node, path):
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                assert "title" in sub and "description" in sub, f"{path}.{key}"
            for key, sub in node.items():
                if key not in ("if", "then", "else", "not"):  # conditions, not definitions
                    walk(sub, f"{path}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{path}[{i}]")

    for name in ("dialogue", "organizations", "initiative"):
        schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"]
        walk(schema, name)


def test_plan_files_carry_the_editor_modeline():
    for path in sorted((REPO / "plan").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = first.split("=", 1)[1]
        assert (path.parent / target).resolve().is_file(), path
