"""dean in pull requests: github, sarif and junit formats, --output, the job summary,
fencing of human output, --changed-since and dean diff."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import AS_OF, REAL_PLAN, REPO, edit

SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"
FORGED = '"::error file=x,line=1::forged%0A##[warning]legacy\\n::warning::after-newline"'


def _break(plan: Path) -> None:
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", "us: [DOC]\n", "us: [DCO]\n")
    edit(plan / "initiatives/11-technical-training.yaml", "due: 2024-03-31\n", "due: 2024-02-30\n")


def _forge(plan: Path) -> None:
    edit(
        plan / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "  en: Digital cooperation on border privacy regulations\n",
        f"  en: {FORGED}\n",
    )
    edit(
        plan / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "us: []  # dean: ignore[missing-lead] -- not found",
        f"us: [{FORGED}]  # dean: ignore[missing-lead] -- not found",
    )


def test_github_format_golden(dean, plan_copy, golden):
    _break(plan_copy)
    result = dean("validate", "--format", "github", "--as-of", AS_OF)
    assert result.exit_code == 1
    golden("validate-errors.github.txt", result.stdout)


def test_auto_is_github_under_actions(dean, plan_copy):
    _break(plan_copy)
    result = dean("validate", "--as-of", AS_OF, "--no-summary", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::group::plan/initiatives/09-innovation-creativity-campaign")


def _commands(log: str) -> list[str]:
    """Lines the Actions runner would read as workflow commands, honouring stop-commands."""
    found, stopped = [], None
    for raw in log.splitlines():
        line = raw.lstrip()
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        m = re.match(r"::stop-commands::(\S+)", line)
        if m:
            stopped = m.group(1)
            continue
        # a line that is a (V2) command is read as one; any other line is searched for the
        # legacy "##[" form (actions/runner ActionCommandManager)
        if line.startswith("::") or "##[" in line:
            found.append(line)
    return found


@pytest.mark.parametrize("fmt", ["github", "full", "concise", "json", "sarif", "junit"])
def test_no_forged_workflow_command_reaches_the_log(dean, plan_copy, fmt):
    _forge(plan_copy)
    result = dean(
        "validate",
        "--format",
        fmt,
        "--as-of",
        AS_OF,
        "--no-summary",
        env={"GITHUB_ACTIONS": "true"},
    )
    for line in _commands(result.stdout):
        assert line.startswith(
            (
                "::error file=plan/",
                "::warning file=plan/",
                "::notice file=plan/",
                "::group::plan/",
                "::endgroup::",
            )
        ), line
        assert "forged" not in line.split("::", 2)[1]  # only in the escaped message part
    assert not re.search(r"^\s*::warning::after-newline", result.stdout, re.M)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--pillar", "3"],
        ["status", "--format", "markdown"],
        ["show", "8"],
        ["timeline"],
        ["status", "--format", "json", "--pillar", "3"],
        ["show", "8", "--format", "json"],
        ["report", "-o", "-"],
    ],
)
def test_views_under_actions_cannot_forge_commands(dean, plan_copy, args):
    _forge(plan_copy)
    result = dean(
        *args, "--as-of", AS_OF, "--lang", "en", env={"GITHUB_ACTIONS": "true", "COLUMNS": "60"}
    )
    assert result.exit_code == 0
    assert _commands(result.stdout) == []


def test_sarif_validates_against_the_official_schema(dean, plan_copy):
    _break(plan_copy)
    result = dean("validate", "--format", "sarif", "--as-of", AS_OF)
    doc = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    errors = [r for r in run["results"] if r["level"] == "error"]
    assert {r["ruleId"] for r in errors} == {"DEAN204", "DEAN105"}
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]
    loc = errors[0]["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] > 0


def test_junit_parses_and_counts_match(dean, plan_copy):
    _break(plan_copy)
    result = dean("validate", "--format", "junit", "--as-of", AS_OF)
    root = ET.fromstring(result.stdout.encode())
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) == 13
    failing = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failing) == 2
    assert {c.get("name") for c in failing} == {
        "plan/initiatives/09-innovation-creativity-campaign.yaml",
        "plan/initiatives/11-technical-training.yaml",
    }
    strict = ET.fromstring(
        dean("validate", "-f", "junit", "--as-of", AS_OF, "--strict").stdout.encode()
    )
    # the plan's known unknowns are suppressed with reasons: no warning fails --strict
    assert int(strict.find("testsuite").get("failures")) == 2


def test_several_outputs_in_one_run(dean, plan_copy, tmp_path):
    _break(plan_copy)
    sarif, junit, js = tmp_path / "d.sarif", tmp_path / "d.xml", tmp_path / "d.json"
    result = dean(
        "validate",
        "--format",
        "concise",
        "--as-of",
        AS_OF,
        "--output",
        f"sarif:{sarif}",
        "-o",
        f"junit:{junit}",
        "-o",
        f"json:{js}",
    )
    assert result.exit_code == 1
    assert "error[DEAN204]" in result.stdout
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    ET.fromstring(junit.read_bytes())
    assert json.loads(js.read_text())["summary"]["errors"] == 2


def test_bad_output_spec_is_a_usage_error(dean, in_repo):
    result = dean("validate", "--output", "yaml:x.yaml")
    assert result.exit_code == 2
    assert "--output takes FORMAT:PATH" in result.stderr


def test_job_summary(dean, plan_copy, tmp_path, golden):
    _break(plan_copy)
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n")
    dean(
        "validate",
        "--as-of",
        AS_OF,
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    text = summary.read_text()
    assert text.startswith("previous step\n## dean validate\n")
    golden("validate-errors.summary.md", text)


def test_job_summary_leads_with_errors_and_counts_as_the_log(dean, tmp_path, golden, monkeypatch):
    """Errors and warnings mixed: the errors first and in full, the warnings collapsed with
    their count, and the verdict's counts are the log's last line's."""
    from tests.conftest import REPO, with_missing_leads

    plan = with_missing_leads(tmp_path / "plan")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    _break(plan)
    summary = tmp_path / "summary.md"
    log = dean(
        "validate",
        "--as-of",
        AS_OF,
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert log.exit_code == 1
    text = summary.read_text()
    golden("validate-mixed.summary.md", text)
    last = log.stdout.splitlines()[-1]
    assert last == "dean: 2 errors, 12 warnings in 8 of 13 files"
    assert "**Failed**: 2 errors, 12 warnings in 8 of 13 files (" in text
    errors = text.index("### Errors (2)")
    warnings = text.index("<details><summary>Warnings (12)</summary>")
    assert errors < warnings  # errors first,
    assert "<details>" not in text[errors:warnings]  # and not collapsed
    rows = [line for line in text.splitlines() if line.startswith("| plan/")]
    assert [r.split(" | ")[1].split()[0] for r in rows[:2]] == ["DEAN204", "DEAN105"]
    assert len(rows) == 14
    # with --strict the warnings fail the job too, and are not collapsed
    summary.write_text("")
    dean(
        "validate",
        "--as-of",
        AS_OF,
        "--strict",
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert "### Warnings (12)" in summary.read_text()


def test_job_summary_escapes_file_data(dean, plan_copy, tmp_path):
    _forge(plan_copy)
    edit(
        plan_copy / "initiatives/09-innovation-creativity-campaign.yaml",
        "us: [DOC]\n",
        'us: ["<img src=x onerror=alert(1)>|[x](javascript:alert(1))"]\n',
    )
    summary = tmp_path / "summary.md"
    dean(
        "validate",
        "--as-of",
        AS_OF,
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    text = summary.read_text()
    assert "<img" not in text
    assert "&lt;img" in text
    assert "[x](javascript" not in text  # brackets escaped: no link


# ---------------------------------------------------------------- git


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(REAL_PLAN, root / "plan")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", "test@example.invalid")
    _git(root, "config", "user.name", "test")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    monkeypatch.chdir(root)
    return root


def _change(root: Path) -> None:
    plan = root / "plan"
    edit(
        plan / "initiatives/09-innovation-creativity-campaign.yaml",
        "status: unknown\n",
        "status: active\n",
    )
    edit(
        plan / "initiatives/11-technical-training.yaml",
        "    due: 2024-03-31\n",
        "    due: 2024-09-30\n",
    )
    edit(
        plan / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "    status: unknown\n    depends_on: [cbpr-campaign-agreed]\n",
        "    status: done\n    completed_on: 2023-06-01\n    depends_on: [cbpr-campaign-agreed]\n",
    )
    new = (plan / "initiatives/09-innovation-creativity-campaign.yaml").read_text()
    new = new.replace("id: 9\n", "id: 12\n").replace(
        "slug: innovation-creativity-campaign", "slug: new-initiative"
    )
    new = new.replace("  en: Campaign to Support", "  en: A new campaign to Support")
    (plan / "initiatives/12-new-initiative.yaml").write_text(new)
    edit(
        plan / "initiatives/01-strengthening-supply-chains.yaml",
        "  us: [DOC]\n",
        "  us: [DOC, USTR]\n",
    )


def test_diff_markdown_golden(dean, repo, golden):
    _change(repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "change")
    result = dean("diff", "HEAD~1", "HEAD", "--format", "markdown", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    golden("diff.md", result.stdout)
    text = dean("diff", "HEAD~1", "HEAD", "--as-of", AS_OF)
    golden("diff.txt", text.stdout)
    doc = json.loads(dean("diff", "HEAD~1", "HEAD", "-f", "json", "--as-of", AS_OF).stdout)
    golden(
        "diff.json",
        json.dumps({k: v for k, v in doc.items() if k != "tool"}, indent=2, ensure_ascii=False)
        + "\n",
    )
    assert [(i["id"], i["kind"]) for i in doc["initiatives"]] == [
        (1, "changed"),
        (8, "changed"),
        (9, "changed"),
        (11, "changed"),
        (12, "added"),
    ]


def test_diff_golden_in_spanish_at_80_columns(dean, repo, golden):
    _change(repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "change")
    env = {"LANG": "es_MX.UTF-8", "COLUMNS": "80"}
    text = dean("diff", "HEAD~1", "HEAD", "--as-of", AS_OF, env=env)
    assert text.exit_code == 0, text.stderr
    golden("diff.es.80.txt", text.stdout)
    spanish = dean(
        "diff", "HEAD~1", "HEAD", "--as-of", AS_OF, "--lang", "ES", env={"COLUMNS": "80"}
    )
    assert spanish.stdout == text.stdout
    assert [line for line in text.stdout.splitlines() if len(line) > 80] == []
    english = dean("diff", "HEAD~1", "HEAD", "--as-of", AS_OF, "--lang", "en", env=env)
    assert english.stdout.startswith("Plan changes HEAD~1 → HEAD (as of 2026-11-28)")


def test_diff_defaults_to_merge_base_and_working_tree(dean, repo):
    _git(repo, "checkout", "-qb", "feature")
    _change(repo)
    result = dean("diff", "-f", "json", "--as-of", AS_OF)
    doc = json.loads(result.stdout)
    assert doc["head"]["rev"] == "working tree"
    assert doc["base"]["rev"].startswith("merge-base ")
    assert len(doc["initiatives"]) == 5


def test_diff_when_a_file_was_invalid_at_base(dean, repo):
    path = repo / "plan/initiatives/05-root-causes-of-migration.yaml"
    good = path.read_text()
    path.write_text("id: [\n")
    _git(repo, "commit", "-qam", "broken")
    path.write_text(good)
    _change(repo)
    result = dean("diff", "HEAD", "-f", "json", "--as-of", AS_OF)
    doc = json.loads(result.stdout)
    assert doc["base"]["invalid_files"] == ["initiatives/05-root-causes-of-migration.yaml"]
    assert 5 not in [i["id"] for i in doc["initiatives"]]
    assert len(doc["initiatives"]) == 5
    text = dean("diff", "HEAD", "--as-of", AS_OF).stdout
    assert "could not be read at base" in text


def test_diff_unknown_revision_and_not_a_repo(dean, repo, tmp_path, monkeypatch):
    result = dean("diff", "nope")
    assert result.exit_code == 2
    assert result.stderr == "dean: error: unknown git revision 'nope'\n"
    assert dean("diff", "--", "-x").exit_code == 2
    elsewhere = tmp_path / "norepo"
    shutil.copytree(REAL_PLAN, elsewhere / "plan")
    monkeypatch.chdir(elsewhere)
    result = dean("diff", "HEAD")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_changed_since_reports_changed_files_and_what_they_break(dean, repo):
    plan = repo / "plan"
    # main has two unsuppressed warnings: initiative 2 (unchanged later) and 11 (changed)
    edit(
        plan / "initiatives/02-environmental-technologies.yaml",
        "  # dean: ignore[missing-lead] -- not publicly known",
        "",
    )
    edit(
        plan / "initiatives/11-technical-training.yaml",
        "  us: []  # dean: ignore[missing-lead] -- not publicly known",
        "  us: []",
    )
    _git(repo, "commit", "-qam", "two warnings")
    _git(repo, "checkout", "-qb", "feature")
    # a change to organizations.yaml breaks initiative 9, which did not change
    edit(plan / "organizations.yaml", "  - id: DOC\n", "  - id: COMMERCE\n")
    edit(plan / "initiatives/11-technical-training.yaml", "due: 2024-03-31\n", "due: 2024-02-30\n")
    result = dean("validate", "--changed-since", "main", "-f", "json", "--as-of", AS_OF)
    assert result.exit_code == 1
    found = {(d["code"], d["path"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("DEAN105", "plan/initiatives/11-technical-training.yaml") in found
    assert ("DEAN204", "plan/initiatives/09-innovation-creativity-campaign.yaml") in found
    # old warnings in unchanged files are not reported again
    assert ("DEAN211", "plan/initiatives/02-environmental-technologies.yaml") not in found
    # the changed file's own old warnings are
    assert ("DEAN211", "plan/initiatives/11-technical-training.yaml") in found


def test_changed_since_clean_branch(dean, repo):
    result = dean("validate", "--changed-since", "main", "-f", "json", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["diagnostics"] == []
