"""`dean status`, `dean show`, `dean timeline` on the embedded plan."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from tests.conftest import AS_OF, REPO, edit


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("width", ["80", "120"])
@pytest.mark.parametrize("pillar", [None, "3"])
def test_status_golden(dean, in_repo, golden, lang, width, pillar):
    args = ["status", "--as-of", AS_OF, "--lang", lang]
    if pillar:
        args += ["--pillar", pillar]
    result = dean(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    name = f"status{'-pillar' + pillar if pillar else ''}.{lang}.{width}.txt"
    golden(name, result.stdout)
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


def test_status_pillar_roman_equals_number(dean, in_repo):
    assert (
        dean("status", "--pillar", "III", "--as-of", AS_OF).stdout
        == dean("status", "--pillar", "3", "--as-of", AS_OF).stdout
    )


def test_status_counts_on_the_real_plan(dean, in_repo):
    doc = json.loads(dean("status", "--format", "json", "--as-of", AS_OF).stdout)
    per_pillar = {p["roman"]: p["initiatives"] for p in doc["pillars"]}
    assert per_pillar == {"I": 4, "II": 1, "III": 3, "IV": 3}
    assert doc["totals"]["initiatives"] == 11
    p3 = json.loads(dean("status", "--pillar", "3", "--format", "json", "--as-of", AS_OF).stdout)
    assert [i["id"] for i in p3["initiatives"]] == [6, 7, 8]
    eight = p3["initiatives"][2]
    assert eight["milestones"]["done"] == 2
    assert eight["milestones"]["counted"] == 4
    assert eight["leads"] == {"mx": ["SE"], "us": []}


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--pillar", "3"],
        ["--lead", "DOC"],
        ["--status", "unknown"],
        ["--overdue"],
        ["--pillar", "1", "--lead", "se", "--status", "active"],
    ],
)
def test_status_json_matches_its_documented_schema(dean, in_repo, args):
    result = dean("status", "--format", "json", "--as-of", AS_OF, *args)
    assert result.exit_code == 0
    schema = json.loads((REPO / "docs/schemas/status-output.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(json.loads(result.stdout))


def test_status_filters_combine(dean, in_repo):
    doc = json.loads(
        dean(
            "status", "--format", "json", "--as-of", AS_OF, "--lead", "DOC", "--pillar", "1"
        ).stdout
    )
    assert [i["id"] for i in doc["initiatives"]] == [1, 2, 4]
    unknown = json.loads(dean("status", "-f", "json", "--as-of", AS_OF, "-s", "unknown").stdout)
    assert [i["id"] for i in unknown["initiatives"]] == [9]
    late = json.loads(dean("status", "-f", "json", "--as-of", AS_OF, "--overdue").stdout)
    assert late["initiatives"] == []


def test_overdue_filter_finds_a_late_milestone(dean, plan_copy):
    edit(
        plan_copy / "initiatives/11-technical-training.yaml",
        "    due_precision: quarter\n    status: unknown\n",
        "    due_precision: quarter\n    status: planned\n",
    )
    doc = json.loads(dean("status", "-f", "json", "--as-of", AS_OF, "--overdue").stdout)
    assert [i["id"] for i in doc["initiatives"]] == [11]
    assert doc["initiatives"][0]["milestones"]["overdue"] == 1
    before = json.loads(dean("status", "-f", "json", "--as-of", "2024-03-31", "--overdue").stdout)
    assert before["initiatives"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pillar", "7"], "unknown pillar '7'; valid pillars: 1 (I), 2 (II), 3 (III), 4 (IV)"),
        (["--pillar", "V"], "unknown pillar 'V'; valid pillars: 1 (I), 2 (II), 3 (III), 4 (IV)"),
        (
            ["--lead", "SER"],
            "unknown organization 'SER' (did you mean SRE?); valid: AMEXCID, ATDT, "
            "COFEPRIS, CRT, DHS, DOC, DOS, IFT, INAI, SABG, SE, SHCP, SRE, TREAS, USAID, USTR",
        ),
    ],
)
def test_unknown_pillar_or_org_is_a_usage_error(dean, in_repo, args, message):
    result = dean("status", *args)
    assert result.exit_code == 2
    assert result.stderr == f"dean: error: {message}\n"


def test_lead_accepts_acronym(dean, in_repo):
    by_id = dean("status", "-f", "json", "--as-of", AS_OF, "--lead", "DOS").stdout
    by_acronym = dean("status", "-f", "json", "--as-of", AS_OF, "--lead", "state").stdout
    assert json.loads(by_id)["initiatives"] == json.loads(by_acronym)["initiatives"]


def test_status_csv_round_trips_with_accents(dean, in_repo):
    result = dean("status", "--pillar", "3", "--format", "csv", "--lang", "es", "--as-of", AS_OF)
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["#", "Iniciativa", "Estado"]
    assert (
        rows[1][1]
        == "Cooperación México – Estados Unidos en redes de telecomunicaciones y TIC de vanguardia"
    )
    assert [r[0] for r in rows[1:]] == ["6", "7", "8"]


def test_status_markdown_golden(dean, in_repo, golden):
    result = dean("status", "--format", "markdown", "--as-of", AS_OF, "--lang", "es")
    golden("status.es.md", result.stdout)


def test_lang_defaults_to_the_locale(dean, in_repo):
    es = dean("status", "--as-of", AS_OF, env={"LANG": "es_MX.UTF-8"})
    assert "Estado del plan" in es.stdout
    en = dean("status", "--as-of", AS_OF, env={"LANG": "C.UTF-8"})
    assert "Plan status" in en.stdout
    lc_all = dean("status", "--as-of", AS_OF, env={"LANG": "en_US.UTF-8", "LC_ALL": "es_ES.UTF-8"})
    assert "Estado del plan" in lc_all.stdout


def test_missing_language_falls_back_visibly(dean, plan_copy):
    """Pillar summaries exist only in English: the Spanish view marks the fallback."""
    result = dean("show", "9", "--lang", "es", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert "Resumen" not in result.stdout
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(path, "status: unknown\n", "status: unknown\nsummary:\n  en: Only English here.\n")
    result = dean("show", "9", "--lang", "es", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert "Only English here. [en]" in result.stdout
    result = dean("show", "9", "--lang", "en", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert "Only English here.\n" in result.stdout.replace(" \n", "\n").replace("  ", "")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_show_golden(dean, in_repo, golden, lang):
    result = dean("show", "8", "--as-of", AS_OF, "--lang", lang, env={"COLUMNS": "100"})
    assert result.exit_code == 0
    golden(f"show-8.{lang}.txt", result.stdout)
    assert "basham-2023-03-14" in result.stdout
    assert (
        "https://basham.com.mx/en/a-new-model-for-cross-border-data-transfers-cbpr" in result.stdout
    )


def test_show_by_slug_and_zero_padded(dean, in_repo):
    a = dean("show", "8", "--as-of", AS_OF).stdout
    assert dean("show", "08", "--as-of", AS_OF).stdout == a
    assert dean("show", "digital-cooperation-privacy-rules", "--as-of", AS_OF).stdout == a


def test_show_unknown_initiative(dean, in_repo):
    result = dean("show", "12")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "dean: error: no initiative '12'; initiatives: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n"
    )


def test_show_markdown_and_json(dean, in_repo, golden):
    md = dean("show", "5", "--format", "markdown", "--as-of", AS_OF, "--lang", "en")
    golden("show-5.en.md", md.stdout)
    doc = json.loads(dean("show", "5", "--format", "json", "--as-of", AS_OF).stdout)
    assert doc["id"] == 5 and doc["kind"] == "initiative"
    assert [m["id"] for m in doc["milestones_list"]][:2] == [
        "sembrando-vida-jcf-collaboration",
        "sembrando-oportunidades",
    ]
    assert {s["id"] for s in doc["sources"]} >= {"usaid-2021-12-01", "usaid-2023-10-02"}
    assert doc["indicators"][0]["actuals"] == [{"date": "2022", "value": 450000000}]


def test_show_csv_lists_milestones(dean, in_repo):
    out = dean("show", "11", "--format", "csv", "--as-of", AS_OF).stdout
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0] == ["Id", "Date", "Milestone", "Kind", "Status", "Sources"]
    assert rows[1][:2] == ["education-high-tech-summit", "2024-Q1"]
    assert rows[1][4] == "unknown, due 2024-Q1"
    assert rows[2][:2] == ["university-collaboration", "n.d."]


@pytest.mark.parametrize("width", ["80", "120"])
def test_timeline_golden(dean, in_repo, golden, width):
    result = dean("timeline", "--as-of", AS_OF, "--lang", "en", env={"COLUMNS": width})
    assert result.exit_code == 0
    golden(f"timeline.en.{width}.txt", result.stdout)
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


def test_timeline_marks_states_differently(dean, plan_copy):
    edit(
        plan_copy / "initiatives/11-technical-training.yaml",
        "    due_precision: quarter\n    status: unknown\n",
        "    due_precision: quarter\n    status: planned\n",
    )
    result = dean("timeline", "--pillar", "4", "--as-of", AS_OF)
    summit = next(line for line in result.stdout.splitlines() if "education-high-tech" in line)
    assert summit.rstrip().endswith("!") or "═!" in summit
    later = dean("timeline", "--pillar", "4", "--as-of", "2023-12-01").stdout
    summit = next(line for line in later.splitlines() if "education-high-tech" in line)
    assert "○" in summit and "!" not in summit
