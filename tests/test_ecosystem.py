"""Files other tools read: the pre-commit hook, the GitHub workflow, shell completion."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import AS_OF, REAL_PLAN, REPO

BIN = Path(sys.executable).parent


def _load(path: Path):  # type: ignore[no-untyped-def]
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    if actionlint is None:  # the test extra installs it where a wheel exists (Linux x86-64)
        pytest.skip("actionlint is not installed for this platform")
    proc = subprocess.run(
        [actionlint, "-no-color", ".github/workflows/dean.yml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_follows_the_hardening_advice():
    wf = _load(REPO / ".github/workflows/dean.yml")
    assert wf["permissions"] == {"contents": "read"}
    for job in wf["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step  # PR data only through env:
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def _hook() -> dict:  # type: ignore[type-arg]
    hooks = _load(REPO / ".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["dean-validate"]
    return hooks[0]


def _run_hook(repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the hook as pre-commit does: entry + the matching staged file names."""
    import re

    hook = _hook()
    matching = [f for f in files if re.search(hook["files"], f)]
    argv = shlex.split(hook["entry"])
    dean = str(BIN / argv[0]) if (BIN / argv[0]).exists() else argv[0]
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("DEAN_PLAN", None)
    return subprocess.run(
        [dean, *argv[1:], "--as-of", AS_OF, *matching],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_pre_commit_hook_passes_a_good_plan_and_fails_a_bad_file(tmp_path):
    shutil.copytree(REAL_PLAN, tmp_path / "plan")
    good = _run_hook(
        tmp_path, ["plan/initiatives/08-digital-cooperation-privacy-rules.yaml", "README.md"]
    )
    assert good.returncode == 0, good.stdout + good.stderr
    bad = tmp_path / "plan/initiatives/09-innovation-creativity-campaign.yaml"
    bad.write_text(bad.read_text().replace("us: [DOC]", "us: [DCO]"))
    result = _run_hook(tmp_path, ["plan/initiatives/09-innovation-creativity-campaign.yaml"])
    assert result.returncode == 1
    assert "error[DEAN204] unknown-organization" in result.stdout
    # a commit that only touches organizations.yaml still sees what it breaks elsewhere
    org = tmp_path / "plan/organizations.yaml"
    bad.write_text(bad.read_text().replace("us: [DCO]", "us: [DOC]"))
    org.write_text(org.read_text().replace("  - id: DOC\n", "  - id: COMMERCE\n"))
    result = _run_hook(tmp_path, ["plan/organizations.yaml"])
    assert result.returncode == 0  # findings are in other files: not this commit's files
    full = _run_hook(
        tmp_path,
        ["plan/organizations.yaml", "plan/initiatives/09-innovation-creativity-campaign.yaml"],
    )
    assert full.returncode == 1


def _completion(words: str, shell: str = "bash", lang: str | None = None) -> str:
    env = {
        **os.environ,
        "_DEAN_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
        "_TYPER_COMPLETE_ARGS": words,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "LANG": "en_US.UTF-8",
    }
    for name in ("DEAN_PLAN", "LC_ALL", "LC_MESSAGES", "DEAN_LANG"):
        env.pop(name, None)
    if lang is not None:
        env["DEAN_LANG"] = lang
    proc = subprocess.run(
        [sys.executable, "-m", "deancli"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout


def _complete(words: str) -> list[str]:
    return _completion(words).split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dean show 1", ["1", "10", "11"]),
        ("dean show ", [str(n) for n in range(1, 12)]),  # numbers, never mixed with slugs
        ("dean show dig", ["digital-cooperation-privacy-rules"]),
        ("dean show t", ["technical-training", "telecommunications-ict"]),
        ("dean status --pillar I", ["I", "II", "III", "IV"]),
        ("dean status --pillar ", ["1", "2", "3", "4"]),
        ("dean status --lead US", ["USAID", "USTR"]),
        ("dean validate --format s", ["sarif"]),
        ("dean status --format ", ["table", "json", "csv", "markdown"]),
        ("dean set 11 -m edu", ["education-high-tech-summit"]),
        ("dean set 11 stat", ["status=", "status_as_of=", "status_sources="]),
        ("dean set 11 -m university-collaboration tit", ["title.es=", "title.en="]),
        ("dean milestone move 11 u", ["university-collaboration"]),
        ("dean milestone move 11 x --after e", ["education-high-tech-summit"]),
    ],
)
def test_shell_completion(words, expected):
    assert _complete(words) == expected


def test_completion_describes_each_candidate_where_the_shell_shows_descriptions():
    """zsh and fish show a description beside each candidate; bash gets the bare values.
    A slug's description starts with its number, so neither reads as the other's pair."""
    zsh = _completion("dean show 8", "zsh")
    assert '"8":"Digital cooperation on border privacy regulations"' in zsh
    fish = _completion("dean show dig", "fish").splitlines()
    assert fish == [
        "digital-cooperation-privacy-rules\t8 — Digital cooperation on border privacy regulations"
    ]
    assert _completion("dean show 8").split() == ["8"]
    long = _completion("dean show 5", "fish").split("\t", 1)[1].strip()
    assert long.endswith("…") and len(long) <= 60  # cut after a word
    assert _completion("dean status --lead SE", "fish").startswith("SE\tMinistry of Economy")


def test_completion_on_a_broken_plan_completes_nothing(tmp_path):
    env = {
        **os.environ,
        "_DEAN_COMPLETE": "complete_bash",
        "COMP_WORDS": "dean show ",
        "COMP_CWORD": "2",
        "DEAN_PLAN": str(tmp_path / "missing"),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "deancli"], env=env, capture_output=True, text=True, check=False
    )
    assert proc.stdout.strip() == ""
    assert "Traceback" not in proc.stderr


def test_pyproject_declares_the_fast_parser():
    text = (REPO / "pyproject.toml").read_text()
    assert "ruamel.yaml.clib" in text
    from deancli.plan.yamlio import c_parser_available

    assert c_parser_available()


def test_completion_descriptions_follow_dean_lang():
    """Completion speaks the run's language, decided as for every command ($DEAN_LANG here)."""
    fish = _completion("dean show dig", "fish", lang="es").splitlines()
    assert fish == [
        "digital-cooperation-privacy-rules\t8 — Cooperación digital sobre normas de privacidad "
        "fronteriza"
    ]
