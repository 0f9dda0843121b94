"""A copy of the real plan with one mistake of each kind: each is reported at the right file,
line and column with its documented code, and the run exits 1 (0 for warnings)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import AS_OF, edit

I09 = "plan/initiatives/09-innovation-creativity-campaign.yaml"
I11 = "plan/initiatives/11-technical-training.yaml"
I08 = "plan/initiatives/08-digital-cooperation-privacy-rules.yaml"

# (code, file under plan/, old text, new text, expected findings (code, path, line, column))
CASES = [
    ("DEAN001", I09, "pillar: 4\n", "pillar: [4\n", [("DEAN001", I09, 6, 6)]),
    (
        "DEAN002",
        I09,
        "status: unknown\n",
        "status: unknown\nstatus: active\n",
        [("DEAN002", I09, 15, 1)],
    ),
    (
        "DEAN005",
        I09,
        "announced: 2021-12-13\n",
        "announced: &d 2021-12-13\nx-copy: *d\n",
        [("DEAN005", I09, 12, 12), ("DEAN005", I09, 13, 9)],
    ),
    ("DEAN006", I09, "status: unknown\n", "status: !done unknown\n", [("DEAN006", I09, 14, 9)]),
    (
        "DEAN007",
        I09,
        "schema_version: 1\n",
        "%YAML 1.1\n---\nschema_version: 1\n",
        [("DEAN007", I09, 1, 1)],
    ),
    (
        "DEAN008",
        I09,
        "announced: 2021-12-13\n",
        "announced: 2021-12-13\nx-deep: " + "[" * 70 + "]" * 70 + "\n",
        [("DEAN008", I09, 13, 72)],
    ),
    (
        "DEAN010",
        I09,
        "schema_version: 1\n",
        "---\nschema_version: 1\n---\nid: 12\n",
        [("DEAN010", I09, 4, 1)],
    ),
    (
        "DEAN011",
        I09,
        "announced: 2021-12-13\n",
        'announced: 2021-12-13\nx-note: "bell\\a"\n',
        [("DEAN011", I09, 13, 9)],
    ),
    (
        "DEAN014",
        I09,
        "announced: 2021-12-13\n",
        "announced: 2021-12-13\n? [a, b]\n: 1\n",
        [("DEAN014", I09, 13, 3)],
    ),
    (
        "DEAN101",
        I09,
        "announced: 2021-12-13\n",
        "anounced: 2021-12-13\n",
        [("DEAN101", I09, 12, 1)],
    ),
    ("DEAN102", I09, "pillar: 4\n", "", [("DEAN102", I09, 2, 1)]),
    (
        "DEAN103",
        I09,
        "announced: 2021-12-13\n",
        "announced: 20211213\n",
        [("DEAN103", I09, 12, 12)],
    ),
    ("DEAN104", I09, "status: unknown\n", "status: unknwon\n", [("DEAN104", I09, 14, 9)]),
    ("DEAN105", I11, "due: 2024-03-31\n", "due: 2024-02-30\n", [("DEAN105", I11, 34, 10)]),
    ("DEAN106", I09, "us: [DOC]\n", "us: [DOC, DOC]\n", [("DEAN106", I09, 17, 7)]),
    (
        "DEAN201",
        I11,
        "- id: education-high-tech-summit\n",
        "- id: university-collaboration\n",
        [("DEAN201", I11, 29, 9)],
    ),
    (
        "DEAN202",
        I09,
        "slug: innovation-creativity-campaign\n",
        "slug: innovation-campaign\n",
        [("DEAN202", I09, 4, 7)],
    ),
    ("DEAN203", I09, "pillar: 4\n", "pillar: 5\n", [("DEAN203", I09, 5, 9)]),
    ("DEAN204", I09, "us: [DOC]\n", "us: [DCO]\n", [("DEAN204", I09, 17, 8)]),
    (
        "DEAN205",
        "plan/initiatives/04-medical-devices.yaml",
        "depends_on: [mdrc-2022-workplan]\n",
        "depends_on: [mdrc-2021-workplan]\n",
        [("DEAN205", "plan/initiatives/04-medical-devices.yaml", 77, 18)],
    ),
    (
        "DEAN206",
        I08,
        "    completed_on: 2021-12-13\n",
        "    completed_on: 2021-12-13\n    depends_on: [cbpr-promotion-campaign]\n",
        [("DEAN206", I08, 78, 18)],
    ),
    (
        "DEAN207",
        I09,
        "  sources: [expeditors-2021-12-13]\n",
        "  sources: [expeditor-2021-12-13]\n",
        [("DEAN207", I09, 18, 13)],
    ),
    (
        "DEAN208",
        I11,
        "    due_precision: quarter\n    status: unknown\n",
        "    due_precision: quarter\n    status: done\n",
        [("DEAN208", I11, 36, 13)],
    ),
    (
        "DEAN209",
        I08,
        "completed_on: 2025-05-09\n",
        "completed_on: 2027-05-09\n",
        [("DEAN209", I08, 134, 19)],
    ),
    (
        "DEAN210",
        "plan/dialogue.yaml",
        "relaunched: 2021-09-09\n",
        "relaunched: 2022-09-09\n",
        [("DEAN210", "plan/dialogue.yaml", 19, 24)],
    ),
]

WARNING_CASES = [
    (
        "DEAN211",
        "plan/initiatives/01-strengthening-supply-chains.yaml",
        "  mx: [SE]\n",
        "  mx: []\n",
        ("DEAN211", "plan/initiatives/01-strengthening-supply-chains.yaml", 26, 3),
    ),
    (
        "DEAN212",
        "plan/initiatives/03-border-conditions.yaml",
        "status: active  #",
        "status: completed  #",
        ("DEAN212", "plan/initiatives/03-border-conditions.yaml", 20, 9),
    ),
]


def findings(run_result) -> list[tuple[str, str, int, int, str]]:  # type: ignore[no-untyped-def]
    doc = json.loads(run_result.stdout)
    return [
        (d["code"], d["path"], d["line"], d["column"], d["severity"]) for d in doc["diagnostics"]
    ]


def errors(run_result) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    return [f[:4] for f in findings(run_result) if f[4] == "error"]


@pytest.mark.parametrize(
    ("code", "path", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_each_error_is_reported_where_it_is(dean, plan_copy, code, path, old, new, expected):
    edit(plan_copy.parent / path, old, new)
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1, result.stdout
    assert errors(result) == expected


@pytest.mark.parametrize(
    ("code", "path", "old", "new", "expected"), WARNING_CASES, ids=[c[0] for c in WARNING_CASES]
)
def test_each_warning_is_reported_and_exits_0(dean, plan_copy, code, path, old, new, expected):
    before = findings(dean("validate", "--format", "json", "--as-of", AS_OF))
    assert expected not in [f[:4] for f in before]
    edit(plan_copy.parent / path, old, new)
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert expected in [f[:4] for f in findings(result)]
    assert errors(result) == []
    strict = dean("validate", "--format", "json", "--as-of", AS_OF, "--strict")
    assert strict.exit_code == 1


def test_real_plan_passes_every_rule_with_its_known_unknowns_suppressed(dean, in_repo):
    """Its known unknowns (missing leads, stale evidence, no recent meeting) are suppressed
    with reasons where they stand, so --strict passes; removing a public lead fails it."""
    result = dean("validate", "--format", "json", "--as-of", AS_OF, "--strict")
    assert result.exit_code == 0
    assert findings(result) == []
    doc = json.loads(result.stdout)
    assert {s["code"] for s in doc["suppressed"]} == {"DEAN211", "DEAN220", "DEAN221"}
    assert all(s["reason"] for s in doc["suppressed"])


def test_removing_a_public_lead_fails_strict(dean, plan_copy):
    edit(
        plan_copy / "initiatives/01-strengthening-supply-chains.yaml", "  mx: [SE]\n", "  mx: []\n"
    )
    result = dean("validate", "--format", "concise", "--as-of", AS_OF, "--strict")
    assert result.exit_code == 1
    assert "warning[DEAN211] missing-lead: no Mexican lead for initiative 1" in result.stdout


def test_invalid_encoding(dean, plan_copy: Path):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    path.write_bytes(path.read_bytes().replace("Campaña".encode(), "Campaña".encode("latin-1")))
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert errors(result) == [("DEAN003", I09, 7, 12)]


def test_unexpected_file_is_a_warning(dean, plan_copy: Path):
    (plan_copy / "notes.yaml").write_text("a: 1\n")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert ("DEAN004", "plan/notes.yaml", None, None, "warning") in findings(result)


def test_not_a_mapping(dean, plan_copy: Path):
    (plan_copy / "initiatives/09-innovation-creativity-campaign.yaml").write_text("- a\n- b\n")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert errors(result) == [("DEAN009", I09, 1, 1)]


def test_empty_file_is_not_a_mapping(dean, plan_copy: Path):
    (plan_copy / "initiatives/09-innovation-creativity-campaign.yaml").write_text("# nothing\n")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert errors(result) == [("DEAN009", I09, 1, 1)]


def test_symlink_out_of_the_plan_is_refused_unread(dean, plan_copy: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    os.symlink(secret, plan_copy / "initiatives/12-evil.yaml")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert errors(result) == [("DEAN012", "plan/initiatives/12-evil.yaml", None, None)]
    assert "hunter2" not in result.stdout


def test_missing_registry_file(dean, plan_copy: Path):
    (plan_copy / "organizations.yaml").unlink()
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert errors(result) == [("DEAN013", "plan/organizations.yaml", None, None)]


def test_passing_variants(dean, plan_copy: Path):
    """Near misses that are valid: cross-file milestone reference, completed_by, quoted year,
    x- extensions, YAML 1.2 scalars that look like booleans."""
    ini = plan_copy / "initiatives/11-technical-training.yaml"
    edit(
        ini,
        "    due_precision: quarter\n    status: unknown\n",
        '    due_precision: quarter\n    status: done\n    completed_by: "2024"\n'
        "    depends_on: [8/cbpr-campaign-agreed]\n",
    )
    edit(ini, "announced: 2021-12-13\n", "announced: 2021-12-13\nx-reviewed: no\n")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stdout
    assert errors(result) == []


def test_all_mistakes_at_once_are_all_reported(dean, plan_copy: Path):
    edit(
        plan_copy / "initiatives/09-innovation-creativity-campaign.yaml",
        "us: [DOC]\n",
        "us: [DCO]\n",
    )
    edit(
        plan_copy / "initiatives/11-technical-training.yaml",
        "due: 2024-03-31\n",
        "due: 2024-02-30\n",
    )
    edit(
        plan_copy / "initiatives/04-medical-devices.yaml",
        "depends_on: [mdrc-2022-workplan]\n",
        "depends_on: [mdrc-2021-workplan]\n",
    )
    (plan_copy / "initiatives/10-entrepreneurs-msmes.yaml").write_text("id: [\n")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert [e[0] for e in errors(result)] == ["DEAN205", "DEAN204", "DEAN001", "DEAN105"]
