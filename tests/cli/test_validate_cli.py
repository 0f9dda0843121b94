"""`dean validate` end to end: formats (golden), exit codes, paths, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, REPO, edit


def test_real_plan_concise_golden(dean, in_repo, golden):
    result = dean("validate", "--format", "concise", "--as-of", AS_OF)
    assert result.exit_code == 0
    golden("validate-real.concise.txt", result.stdout)
    assert result.stdout.splitlines()[-1] == (
        "All checks passed: checked 13 files (11 initiatives, 4 pillars, "
        "16 organizations) in plan/, as of 2026-11-28; 31 suppressed."
    )


def test_real_plan_full_golden(dean, in_repo, golden):
    result = dean("validate", "--format", "full", "--as-of", AS_OF)
    assert result.exit_code == 0
    golden("validate-real.full.txt", result.stdout)


def test_real_plan_json_golden(dean, in_repo, golden):
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    assert doc["summary"]["files_checked"] == 13
    assert doc["summary"]["errors"] == 0
    golden("validate-real.json", result.stdout.replace(doc["tool"]["version"], "VERSION"))


def _broken_plan(plan: Path) -> None:
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", "us: [DOC]\n", "us: [DCO]\n")
    edit(
        plan / "initiatives/09-innovation-creativity-campaign.yaml",
        "status: unknown\n",
        "status: unknown\nstatus: active\n",
    )
    edit(plan / "initiatives/11-technical-training.yaml", "due: 2024-03-31\n", "due: 2024-02-30\n")
    edit(
        plan / "initiatives/04-medical-devices.yaml",
        "announced: 2021-12-13\n",
        "anounced: 20211213\n",
    )


def test_errors_full_golden(dean, plan_copy, golden):
    _broken_plan(plan_copy)
    result = dean("validate", "--format", "full", "--as-of", AS_OF, "plan/initiatives/")
    assert result.exit_code == 1
    golden("validate-errors.full.txt", result.stdout)


def test_errors_concise_golden(dean, plan_copy, golden):
    _broken_plan(plan_copy)
    result = dean("validate", "--format", "concise", "--as-of", AS_OF)
    assert result.exit_code == 1
    golden("validate-errors.concise.txt", result.stdout)


SPANISH_80 = {"LANG": "es_MX.UTF-8", "COLUMNS": "80"}


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_errors_golden_in_spanish_at_80_columns(dean, plan_copy, golden, fmt):
    _broken_plan(plan_copy)
    result = dean("validate", "--format", fmt, "--as-of", AS_OF, env=SPANISH_80)
    assert result.exit_code == 1
    golden(f"validate-errors.{fmt}.es.80.txt", result.stdout)


def test_machine_formats_say_the_same_in_every_language(dean, plan_copy):
    """JSON, SARIF and JUnit are for tools: their keys, codes and message texts are the same
    whatever the language (human formats and GitHub annotations follow it)."""
    _broken_plan(plan_copy)
    import re

    def timeless(text: str) -> str:  # JUnit records how long the check took
        return re.sub(r' time="[0-9.]+"', "", text)

    for fmt in ("json", "sarif", "junit"):
        en = dean("validate", "--format", fmt, "--as-of", AS_OF, "--lang", "en")
        es = dean("validate", "--format", fmt, "--as-of", AS_OF, "--lang", "es")
        assert timeless(es.stdout) == timeless(en.stdout), fmt
    gh = dean("validate", "--format", "github", "--as-of", AS_OF, "--lang", "es").stdout
    assert "::error file=" in gh and "title=dean DEAN105 invalid-date::" in gh
    assert "`2024-02-30` no es una fecha real%0Asugerencia: revise el mes y el día" in gh


def test_errors_json_golden(dean, plan_copy, golden):
    _broken_plan(plan_copy)
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    golden("validate-errors.json", result.stdout.replace(doc["tool"]["version"], "VERSION"))


def test_auto_format_is_concise_when_piped(dean, in_repo):
    auto = dean("validate", "--as-of", AS_OF)
    concise = dean("validate", "--format", "concise", "--as-of", AS_OF)
    assert auto.stdout == concise.stdout


def test_paths_limit_what_is_reported(dean, plan_copy):
    _broken_plan(plan_copy)
    result = dean(
        "validate",
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "plan/initiatives/11-technical-training.yaml",
    )
    doc = json.loads(result.stdout)
    assert {d["path"] for d in doc["diagnostics"]} == {
        "plan/initiatives/11-technical-training.yaml"
    }
    assert doc["summary"]["files_checked"] == 13
    assert doc["summary"]["files_reported"] == 1
    assert result.exit_code == 1


def test_path_outside_the_plan_is_a_usage_error(dean, plan_copy, tmp_path):
    other = tmp_path / "elsewhere.yaml"
    other.write_text("a: 1\n")
    result = dean("validate", str(other))
    assert result.exit_code == 2
    assert "is not inside the plan directory" in result.stderr


def test_missing_path_is_a_usage_error(dean, plan_copy):
    result = dean("validate", "plan/nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == "dean: error: no such file or directory: plan/nope.yaml\n"


def test_bad_as_of_is_a_usage_error(dean, in_repo):
    result = dean("validate", "--as-of", "2024-13-01")
    assert result.exit_code == 2
    assert "is not a date; use YYYY-MM-DD" in result.stderr


def test_missing_plan_directory_exits_3(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = dean("validate", "--plan", "does-not-exist")
    assert result.exit_code == 3
    assert result.stderr == "dean: error: plan directory not found: does-not-exist\n"


def test_dean_plan_environment_variable(dean, plan_copy, tmp_path, monkeypatch):
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = dean(
        "validate", "--format", "json", "--as-of", AS_OF, env={"DEAN_PLAN": str(plan_copy)}
    )
    assert json.loads(result.stdout)["summary"]["initiatives"] == 11


def test_embedded_plan_is_the_default_outside_a_plan(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    doc = json.loads(result.stdout)
    assert doc["summary"]["initiatives"] == 11
    assert doc["plan"] == str(REPO / "plan")


def test_python_m_and_exit_code_in_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "deancli", "validate", "--format", "concise", "--as-of", AS_OF],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.endswith("in plan/, as of 2026-11-28; 31 suppressed.\n")
    assert proc.stderr == ""
