"""Schema conversion (deancli.plan.schema): each kind of jsonschema error becomes one
diagnostic with its code, the position of the key or value at fault, a terse message and a
hint that helps (a near miss, the allowed choices, the YAML reading that surprised)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deancli.plan import schema
from deancli.plan.loader import Document, parse_document
from deancli.plan.schema import MAX_UNKNOWN_KEYS, check_document
from tests.unit.plans import DIALOGUE, ORGANIZATIONS, initiative, milestone, milestones

INITIATIVE_KEYS = (
    "schema_version, id, slug, pillar, title, title_provenance, summary, announced, status, "
    "status_as_of, status_sources, leads, participants, depends_on, related, milestones, "
    "indicators, sources, tags, notes"
)
STATUSES = "`planned`, `active`, `finalising`, `completed`, `cancelled`, `suspended`, `unknown`"


def _check(text: str, kind: str = "initiative") -> list[tuple[str, int | None, int | None, str]]:
    doc = parse_document(Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", kind), text)
    assert doc.diagnostics == [], "the case must load cleanly"
    return [(d.code, d.location.line, d.location.column, d.message) for d in check_document(doc)]


def _hints(text: str, kind: str = "initiative") -> list[str | None]:
    doc = parse_document(Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", kind), text)
    return [d.hint for d in check_document(doc)]


# (file text) -> [(code, line, column, message)]
CASES = {
    "valid": (initiative(), []),
    "an x- extension": (initiative(extra="x-anything: [1, 2]\n"), []),
    "unknown key": (
        initiative(extra="anounced: 2021-12-13\n"),
        [("DEAN101", 8, 1, "unknown key `anounced`")],
    ),
    "unknown key in a nested mapping": (
        initiative(leads="{mx: [SE], us: [DOC], noet: x}"),
        [("DEAN101", 7, 30, "unknown key `noet`")],
    ),
    "missing key": (
        initiative().replace("status: active\n", ""),
        [("DEAN102", 1, 1, "missing required key `status`")],
    ),
    "missing key in a nested mapping": (
        initiative(leads="{mx: [SE]}"),
        [("DEAN102", 7, 1, "missing required key `us`")],
    ),
    "a number in quotes": (
        initiative('"1"'),
        [("DEAN103", 2, 5, "`id` must be a whole number, not text `1`")],
    ),
    "a number where text is expected": (
        initiative(slug="123"),
        [("DEAN103", 3, 7, "`slug` must be text, not the number `123`")],
    ),
    "text where a mapping is expected": (
        initiative().replace("title: {es: Iniciativa 1, en: Initiative 1}", "title: Initiative"),
        [("DEAN103", 5, 8, "`title` must be a mapping, not text `Initiative`")],
    ),
    "an empty value": (
        initiative(pillar=""),
        [("DEAN103", 4, 8, "`pillar` must be a whole number, not nothing")],
    ),
    "a list item of the wrong type": (
        initiative(extra="depends_on: [2, true]\n"),
        [("DEAN103", 8, 17, "value must be a whole number, not `true`")],
    ),
    "not an allowed choice": (
        initiative(status="activ"),
        [("DEAN104", 6, 9, "`activ` is not an allowed status")],
    ),
    "a constant": (
        initiative().replace("schema_version: 1", "schema_version: 2"),
        [("DEAN104", 1, 17, "`schema_version` must be `1`")],
    ),
    "an impossible date": (
        initiative(extra="announced: 2021-02-30\n"),
        [("DEAN105", 8, 12, "`2021-02-30` is not a real date")],
    ),
    "a date in another form": (
        initiative(extra="announced: 13/12/2021\n"),
        [("DEAN105", 8, 12, "`13/12/2021` is not a date in the form YYYY-MM-DD")],
    ),
    "an impossible partial date": (
        initiative(extra=milestones(milestone("a", "done", completed_by="2024-13", sources="[s]"))),
        [("DEAN105", 12, 19, "`2024-13` is not a real date")],
    ),
    "a pattern": (
        initiative(slug="Bad_Slug"),
        [("DEAN106", 3, 7, "`Bad_Slug` is not a valid slug")],
    ),
    "a pattern on a list item": (
        initiative(leads="{mx: [se], us: [DOC]}"),
        [("DEAN106", 7, 14, "`se` has the wrong form")],
    ),
    "a minimum": (initiative(0), [("DEAN106", 2, 5, "`id` must be at least 1")]),
    "an empty text": (
        initiative().replace("es: Iniciativa 1", 'es: ""'),
        [("DEAN106", 5, 13, "`es` must not be empty")],
    ),
    "an empty mapping": (
        initiative(extra="summary: {}\n"),
        [("DEAN106", 8, 10, "`summary` must not be empty")],
    ),
    "the same item twice": (
        initiative(leads="{mx: [SE], us: [DOC, DOC]}"),
        [("DEAN106", 7, 23, "`us` lists the same item twice")],
    ),
    "too few items": (
        initiative(extra=milestones(milestone("a", sources="[]"))),
        [("DEAN106", 12, 14, "`sources` needs at least 1 item")],
    ),
    "a conditional requirement": (
        initiative(extra=milestones(milestone("a"))),
        [("DEAN102", 9, 5, "missing required key `sources`")],
    ),
    "several findings, in the order of their paths": (
        initiative(0, status="activ", extra="anounced: 2021-12-13\n"),
        [
            ("DEAN101", 8, 1, "unknown key `anounced`"),
            ("DEAN106", 2, 5, "`id` must be at least 1"),
            ("DEAN104", 6, 9, "`activ` is not an allowed status"),
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_initiative(text, expected):
    assert _check(text) == expected


def test_dialogue():
    text = DIALOGUE.replace("kind: ministerial\n    - date", "kind: summit\n    - date")
    assert _check(DIALOGUE, "dialogue") == []
    assert _check(text, "dialogue") == [("DEAN104", 12, 13, "`summit` is not an allowed kind")]


def test_organizations():
    text = ORGANIZATIONS.replace("country: US", "country: USA")
    assert _check(ORGANIZATIONS, "organizations") == []
    assert _check(text, "organizations") == [("DEAN104", 8, 14, "`USA` is not an allowed country")]


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (initiative(extra="anounced: 2021-12-13\n"), "did you mean `announced`?"),
        (
            initiative(extra="zzz: 1\n"),
            f"allowed keys: {INITIATIVE_KEYS} (or an `x-` extension)",
        ),
        (
            initiative().replace("status: active\n", ""),
            "add `status:` here (Status: planned, active, finalising, completed, cancelled, "
            "suspended (IATI ActivityStatus), or unknown when there is no public evidence.)",
        ),
        (initiative('"1"'), "write the number without quotes"),
        (initiative(slug="123"), 'YAML reads `123` as the number `123`; write it in quotes: "123"'),
        (
            initiative(slug="0755"),
            'YAML reads `0755` as the number `755`; write it in quotes: "0755"',
        ),
        (initiative(pillar=""), "the value is empty; write it after the colon"),
        (initiative(status="activ"), f"did you mean `active`? allowed: {STATUSES}"),
        (initiative(status="zzzzzz"), f"allowed: {STATUSES}"),
        (
            initiative(extra="announced: 2021-02-30\n"),
            "check the month and day; write YYYY-MM-DD",
        ),
        (
            initiative(extra="announced: 13/12/2021\n"),
            "write the date as YYYY-MM-DD, e.g. 2021-12-13",
        ),
        (
            initiative(
                extra=milestones(milestone("a", "done", completed_by="2024-13", sources="[s]"))
            ),
            "check the month and day; write YYYY-MM-DD, YYYY-MM or YYYY",
        ),
        (
            initiative(slug="Bad_Slug"),
            "Slug: Short name, lower-case with dashes; the file is named NN-slug.yaml.",
        ),
    ],
)
def test_hints(text, hint):
    assert _hints(text) == [hint]


def test_a_yaml_1_2_word_is_text():
    """``no`` is text in YAML 1.2, so a slug `no` is valid (no Norway problem)."""
    assert _check(initiative(slug="no")) == []


def test_unknown_keys_are_listed_up_to_a_cap():
    extra = "".join(f"k{i}: 1\n" for i in range(MAX_UNKNOWN_KEYS + 3))
    found = _check(initiative(extra=extra))
    assert found[0] == ("DEAN101", 1, 1, "3 more unknown keys in this mapping")
    assert [m for *_, m in found[1:]] == [f"unknown key `k{i}`" for i in range(MAX_UNKNOWN_KEYS)]


@pytest.mark.xfail(strict=True, reason="plural() is not used: '1 more unknown keys'")
def test_one_more_unknown_key_is_singular():
    extra = "".join(f"k{i}: 1\n" for i in range(MAX_UNKNOWN_KEYS + 1))
    assert _check(initiative(extra=extra))[0][3] == "1 more unknown key in this mapping"


@pytest.mark.xfail(
    strict=True,
    reason="an empty text value gets the quoting hint ('YAML reads `` as nothing; write it in "
    'quotes: ""\') instead of the empty-value hint, which only numbers and lists reach',
)
def test_an_empty_text_value_says_it_is_empty():
    assert _hints(initiative(extra="announced:\n")) == [
        "the value is empty; write it after the colon"
    ]


def test_a_document_that_did_not_parse_is_not_checked():
    doc = parse_document(Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", "initiative"), "- a\n")
    assert not doc.ok
    assert check_document(doc) == []


def test_json_paths():
    text = initiative(leads="{mx: [se], us: [DOC]}", extra="anounced: 2021-12-13\n")
    doc = parse_document(Document(Path("/p/x.yaml"), "x.yaml", "x.yaml", "initiative"), text)
    assert [d.json_path for d in check_document(doc)] == ["$.anounced", "$.leads.mx[0]"]


@pytest.mark.parametrize(
    ("value", "full", "partial"),
    [
        ("2024-02-29", True, True),
        ("2023-02-29", False, False),
        ("2024-02", False, True),
        ("2024-13", False, False),
        ("2024", False, True),
        ("0000", False, False),
        ("24-02-01", False, False),
        ("2024-2-1", False, False),
        (20240201, True, True),  # not text: the type check reports it, not the format
    ],
)
def test_date_formats(value, full, partial):
    assert (schema._is_date(value), schema._is_partial_date(value)) == (full, partial)


def test_every_schema_file_loads():
    assert set(schema.SCHEMA_FILES) == {"dialogue", "organizations", "initiative"}
    for kind in schema.SCHEMA_FILES:
        assert schema.load_schema(kind)["type"] == "object"
