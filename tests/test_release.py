"""The release pipeline: workflows hardened and clean under zizmor and actionlint, Dependabot
for actions and the lock files, the lock covering what CI installs, reproducible wheels, and
the release notes taken from the CHANGELOG."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from deancli import __version__
from tests.conftest import REPO

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _load(path: Path):  # type: ignore[no-untyped-def]
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:  # the test extra installs both where a wheel exists
        pytest.skip(f"{name} is not installed for this platform")
    return found


def test_workflows_pass_actionlint():
    proc = subprocess.run(
        [_tool("actionlint"), "-no-color", *[str(w) for w in WORKFLOWS]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot():
    proc = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--format", "plain", ".github/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout, proc.stdout


def test_zizmor_test_can_fail(tmp_path):
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request_target\n"
        "jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v7\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", ".github/"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0
    assert "template-injection" in proc.stdout + proc.stderr


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(.*)$")


def test_every_action_is_pinned_by_commit_with_its_tag():
    pins: dict[str, tuple[str, str]] = {}
    for wf in WORKFLOWS:
        for n, line in enumerate(wf.read_text(encoding="utf-8").splitlines(), 1):
            m = USES.match(line)
            if not m:
                continue
            action, ref, comment = m.groups()
            where = f"{wf.name}:{n}"
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{where}: {action}@{ref} is not a commit"
            tag = re.fullmatch(r"\s+# (v\d+\.\d+\.\d+)", comment)
            assert tag, f"{where}: the tag is missing from the comment: {comment!r}"
            repo = "/".join(action.split("/")[:2])  # codeql-action/upload-sarif: same commit
            assert pins.setdefault(repo, (ref, tag[1])) == (ref, tag[1]), f"{where}: two pins"
    assert {"actions/checkout", "actions/setup-python"} <= pins.keys()


def test_permissions_are_minimal_per_job():
    for wf in WORKFLOWS:
        data = _load(wf)
        assert data["permissions"] in ({}, {"contents": "read"}), wf.name
        for name, job in data["jobs"].items():
            perms = job.get("permissions")
            assert perms is not None, f"{wf.name}: job {name} states its permissions"
            writes = {k for k, v in perms.items() if v == "write"}
            allowed = {
                ("dean.yml", "plan"): {"security-events"},
                ("release.yml", "publish"): {"id-token"},
                ("release.yml", "github-release"): {"contents"},
            }.get((wf.name, name), set())
            assert writes == allowed, f"{wf.name}: job {name} writes {writes}"
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), step  # data only through env:
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False


def test_release_publishes_with_trusted_publishing_and_attestations():
    data = _load(REPO / ".github/workflows/release.yml")
    assert data["on"] == {"push": {"tags": ["v*"]}}
    publish = data["jobs"]["publish"]
    assert publish["environment"] == "pypi"
    runs = "\n".join(s.get("run", "") for s in publish["steps"])
    assert "pypi_attestations sign dist/*" in runs
    assert "twine upload --non-interactive --attestations dist/*" in runs
    assert "password" not in runs.lower() and "secrets." not in str(publish)  # no token
    assert "--require-hashes -r requirements/release.txt" in runs
    # the published files are those that were built once and smoke-tested
    assert data["jobs"]["smoke"]["needs"] == "build" and publish["needs"] == "smoke"


def test_dependabot_updates_actions_and_the_lock_files():
    data = _load(REPO / ".github/dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in data["updates"]}
    assert set(ecosystems) == {"github-actions", "pip"}
    assert all(u["directory"] == "/" for u in data["updates"])


def _names(lines: list[str]) -> set[str]:
    out = set()
    for line in lines:
        m = re.match(r"^\s*\"?([A-Za-z0-9][A-Za-z0-9._-]*)", line)
        if m:
            out.add(re.sub(r"[-_.]+", "-", m.group(1)).lower())
    return out


def test_the_lock_pins_everything_ci_installs_with_hashes():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _names(project["dependencies"] + project["optional-dependencies"]["test"])
    ci_in = (REPO / "requirements/ci.in").read_text(encoding="utf-8").splitlines()
    wanted |= _names([line for line in ci_in if not line.startswith("#")])
    lock = (REPO / "requirements/ci.txt").read_text(encoding="utf-8")
    pinned = {
        re.sub(r"[-_.]+", "-", m[1]).lower(): m[2]
        for m in re.finditer(r"^([A-Za-z0-9][\w.-]*)==(\S+)", lock, re.M)
    }
    assert wanted <= pinned.keys(), sorted(wanted - pinned.keys())
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 2)[2])
    assert all("--hash=sha256:" in e for e in entries if "==" in e)
    release = (REPO / "requirements/release.txt").read_text(encoding="utf-8")
    for name in ("twine", "pypi-attestations"):
        assert re.search(rf"^{name}==\S+ .*\n\s+--hash=sha256:", release, re.M), name


def _build_wheel(src: Path, out: Path, epoch: str) -> bytes:
    """Build a wheel of the tree at ``src`` with hatchling's PEP 517 hook (what `python -m
    build` calls), in a fresh interpreter."""
    out.mkdir()
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    code = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return (out / proc.stdout.strip().splitlines()[-1]).read_bytes()


def _copy_sources(dest: Path, mtime: float) -> Path:
    for name in ["deancli", "plan", "schemas", "docs"]:
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["pyproject.toml", "README.md"]:
        shutil.copy2(REPO / name, dest / name)
    for path in dest.rglob("*"):
        os.utime(path, (mtime, mtime))
    return dest


def test_two_builds_with_the_same_source_date_epoch_give_identical_wheels(tmp_path):
    pytest.importorskip("hatchling")
    # two copies of the sources, with file times a day apart (as two checkouts would have)
    a = _copy_sources(tmp_path / "a", 1_700_000_000)
    b = _copy_sources(tmp_path / "b", 1_700_086_400)
    first = _build_wheel(a, tmp_path / "out-a", "1764547200")
    second = _build_wheel(b, tmp_path / "out-b", "1764547200")
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    # and the epoch is what sets the times: another one gives another wheel
    other = _build_wheel(a, tmp_path / "out-c", "1764633600")
    assert other != first


def _notes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / ".ci/release_notes.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_release_notes_refuse_a_tag_that_is_not_the_version():
    result = _notes("v99.0.0")
    assert result.returncode == 1
    assert result.stderr == (
        f"release: tag v99.0.0 does not match the version v{__version__} (deancli/__init__.py)\n"
    )


def test_release_notes_are_the_changelog_section():
    sys.path.insert(0, str(REPO / ".ci"))
    try:
        import release_notes  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / ".ci"))
    changelog = (
        "# Changelog\n\n## Unreleased\n\n- next\n\n"
        "## 0.2.0 — 2027-01-15\n\n### Added\n- `dean init`\n\n"
        "## [0.1.0]\n\n- first\n"
    )
    assert release_notes.section(changelog, "0.2.0") == "### Added\n- `dean init`"
    assert release_notes.section(changelog, "0.1.0") == "- first"
    assert release_notes.section(changelog, "0.1") is None
    assert release_notes.version() == __version__
