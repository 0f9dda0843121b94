"""`dean init`: a plan repository that validates, formats clean and works with every command,
and a scripted first session in it whose every step changes only the intended lines."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import AS_OF, REPO

MADE = [
    ".github/workflows/dean.yml",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    "plan/dialogue.yaml",
    "plan/organizations.yaml",
    "schemas/config.schema.json",
    "schemas/dialogue.schema.json",
    "schemas/initiative.schema.json",
    "schemas/organizations.schema.json",
]


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_init_copies_the_plan(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = dean("init", "repo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "created plan/ (a copy of the DEAN plan, 11 initiatives)\n"
        "created schemas/ (4 files)\n"
        "created .vscode/settings.json\n"
        "created .pre-commit-config.yaml\n"
        "created .github/workflows/dean.yml\n"
        "\n"
        "Next: cd repo, then dean validate (dean new adds an initiative).\n"
    )
    root = tmp_path / "repo"
    plan_files = [f"plan/{f}" for f in _files(REPO / "plan")]
    assert _files(root) == sorted(MADE[:3] + plan_files + MADE[5:])
    monkeypatch.chdir(root)
    assert dean("validate", "--as-of", AS_OF).exit_code == 0
    assert dean("fmt", "--check").stdout == "All files already formatted.\n"
    set_ = dean("set", "8", "status=suspended", "--as-of", AS_OF)  # its own copy: writable
    assert set_.exit_code == 0, set_.stderr


def test_init_empty_is_strictly_valid_and_works_with_every_command(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert dean("init", "--empty").exit_code == 0
    assert _files(tmp_path) == sorted([*MADE, "plan/initiatives/.gitkeep"])
    strict = dean("validate", "--strict", "--as-of", AS_OF)
    assert strict.exit_code == 0, strict.stdout
    assert dean("fmt", "--check").exit_code == 0
    for args in (
        ["status"],
        ["status", "--format", "json"],
        ["timeline"],
        ["validate", "--format", "sarif"],
        ["explain", "DEAN213"],
    ):
        result = dean(*args, "--as-of", AS_OF) if args[0] != "explain" else dean(*args)
        assert result.exit_code == 0, (args, result.stderr)
    missing = dean("show", "1")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "dean: error: no initiative '1'; initiatives: none\n",
    )


def test_init_never_overwrites(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "dialogue.yaml").write_text("# mine\n")
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text("{}\n")
    result = dean("init")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "kept plan/: exists; left as it is\n"
        "created schemas/ (4 files)\n"
        "kept .vscode/settings.json: exists; left as it is\n"
        "created .pre-commit-config.yaml\n"
        "created .github/workflows/dean.yml\n"
        "\n"
        "Next: dean validate (dean new adds an initiative).\n"
    )
    assert (tmp_path / "plan" / "dialogue.yaml").read_text() == "# mine\n"
    assert (tmp_path / ".vscode" / "settings.json").read_text() == "{}\n"
    assert _files(tmp_path / "plan") == ["dialogue.yaml"]


def test_init_into_a_file_is_a_clean_error(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").write_text("")
    result = dean("init", "taken")
    assert result.exit_code == 2
    assert result.stderr == "dean: error: taken is not a directory\n"


def _modeline_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, (path, first)
    return (path.parent / m.group(1)).resolve()


@pytest.mark.parametrize("empty", [False, True])
def test_editor_schema_references_resolve(dean, tmp_path, monkeypatch, empty):
    monkeypatch.chdir(tmp_path)
    assert dean("init", *(["--empty"] if empty else [])).exit_code == 0
    made = dean("new", "--pillar", "1", "--title-es", "a", "--title-en", "b", "--as-of", AS_OF)
    assert made.exit_code == 0, made.stderr
    for path in (tmp_path / "plan").rglob("*.yaml"):
        kind = "initiative" if path.parent.name == "initiatives" else path.stem
        assert _modeline_target(path) == tmp_path / "schemas" / f"{kind}.schema.json"
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text())
    for schema, pattern in settings["yaml.schemas"].items():
        assert (tmp_path / schema).is_file()
        assert list(tmp_path.glob(pattern)), pattern
    # the language server, started by the extension in editors/vscode/ through this setting
    extension = json.loads((REPO / "editors/vscode/package.json").read_text())
    properties = extension["contributes"]["configuration"]["properties"]
    assert settings["dean.server.command"] == properties["dean.server.command"]["default"]
    assert settings["dean.server.command"] == ["dean", "lsp"]


def test_pre_commit_hook_is_the_repository_hook(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert dean("init", "--empty").exit_code == 0
    config = YAML(typ="safe").load((tmp_path / ".pre-commit-config.yaml").read_text())
    (hook, fmt_hook) = config["repos"][0]["hooks"]
    (published,) = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text())
    for key in ("id", "name", "entry", "files", "pass_filenames", "require_serial"):
        assert hook[key] == published[key], key
    assert fmt_hook["entry"] == "dean fmt --check"


def test_workflow_is_hardened_and_passes_actionlint(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert dean("init", "--empty").exit_code == 0
    path = tmp_path / ".github/workflows/dean.yml"
    wf = YAML(typ="safe").load(path.read_text())
    assert wf["permissions"] == {"contents": "read"}
    ours = YAML(typ="safe").load((REPO / ".github/workflows/dean.yml").read_text())
    pins = {s["uses"] for j in ours["jobs"].values() for s in j["steps"] if "uses" in s}
    for job in wf["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step
            if "uses" in step:
                assert step["uses"] in pins  # the same pinned versions as dean's own workflow
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if actionlint is None:
        pytest.skip("actionlint is not installed for this platform")
    proc = subprocess.run(
        [actionlint, "-no-color", str(path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _changed(root: Path) -> list[str]:
    """The lines `git diff` shows as removed or added since the last commit; then commit."""
    _git(root, "add", "-A")
    diff = _git(root, "diff", "--cached", "--unified=0")
    _git(root, "commit", "-qm", "step")
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_first_session_touches_only_the_intended_lines(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert dean("init", "--empty").exit_code == 0
    _git(tmp_path, "init", "-q")
    _changed(tmp_path)
    at = ("--as-of", AS_OF)
    new = dean(
        "new", "--pillar", "II", "--title-es", "Cadenas de suministro", "--title-en",
        "Supply chains", "--lead-mx", "SRE", "--lead-us", "DOS", *at,
    )  # fmt: skip
    assert new.exit_code == 0, new.stderr
    assert (
        _changed(tmp_path)[0]
        == "+# yaml-language-server: $schema=../../schemas/initiative.schema.json"
    )
    steps = [
        (
            ["set", "1", "sources+={id: s1, title: Joint statement, publisher: SRE}"],
            ["-sources: []", "+sources:", "+  - id: s1", "+    title: Joint statement",
             "+    publisher: SRE"],
        ),
        (
            ["milestone", "add", "1", "group", "--title-es", "Grupo", "--title-en", "Group",
             "--due", "2027-03-31", "-s", "s1"],
            ["-milestones: []", "+milestones:", "+  - id: group", "+    title:",
             "+      es: Grupo", "+      en: Group", "+    due: 2027-03-31",
             "+    status: planned", f"+    status_as_of: {AS_OF}", "+    sources: [s1]"],
        ),
        (
            ["milestone", "add", "1", "report", "--title-es", "Informe", "--title-en", "Report",
             "--kind", "publication", "-s", "s1"],
            ["+  - id: report", "+    kind: publication", "+    title:", "+      es: Informe",
             "+      en: Report", "+    status: planned", f"+    status_as_of: {AS_OF}",
             "+    sources: [s1]"],
        ),
        (
            ["set", "1", "status=active", "--source", "s1"],
            ["-status: planned", "+status: active", f"+status_as_of: {AS_OF}",
             "+status_sources: [s1]"],
        ),
        (
            ["set", "1", "-m", "group", "status=in_progress", "--source", "s1"],
            ["-    status: planned", "+    status: in_progress"],
        ),
    ]  # fmt: skip
    for args, lines in steps:
        result = dean(*args, *at)
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stderr == ""
        assert _changed(tmp_path) == lines, args
    assert dean("fmt", "--check").stdout == "All files already formatted.\n"
    strict = dean("validate", "--strict", *at)
    assert strict.exit_code == 0, strict.stdout
    assert strict.stdout.startswith("All checks passed")
