"""`dean init`: start a plan repository. A copy of the plan embedded in dean (or an empty
skeleton), the schemas beside it, editor settings whose schema references resolve from every
plan file, a pre-commit configuration and a GitHub workflow that run dean. Existing files are
never overwritten: each is reported and left as it is, and an existing ``plan/`` is left
whole (a copy merged into another plan would make duplicates)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from deancli import __version__
from deancli.base import resources
from deancli.base.errors import UsageProblem
from deancli.base.i18n import counted, ntr, tr

SETTINGS = """\
{
  "yaml.schemas": {
    "./schemas/initiative.schema.json": "plan/initiatives/*.yaml",
    "./schemas/dialogue.schema.json": "plan/dialogue.yaml",
    "./schemas/organizations.schema.json": "plan/organizations.yaml"
  },
  "yaml.customTags": [],
  "yaml.validate": true,
  "yaml.completion": true,
  "dean.server.command": ["dean", "lsp"]
}
"""

# The hook of dean's .pre-commit-hooks.yaml, run by the dean installed here (a test checks
# that the two stay the same).
PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): `pre-commit install`, then every commit that touches
# plan/ is checked by dean. dean loads the whole plan and reports on the files committed.
# This runs the dean installed in your environment; with dean's repository at hand, the
# same hook is `- repo: <dean's repository URL>`, `rev: v{version}`,
# `hooks: [{{id: dean-validate}}]`.
repos:
  - repo: local
    hooks:
      - id: dean-validate
        name: dean validate
        description: Check the plan (JSON Schemas and cross-file rules).
        entry: dean validate --format concise
        language: system
        files: ^plan/(.*/)?[^/]+\\.ya?ml$
        pass_filenames: true
        require_serial: true
      - id: dean-fmt
        name: dean fmt --check
        description: The plan's files are in the canonical layout (dean fmt fixes them).
        entry: dean fmt --check
        language: system
        files: ^plan/(.*/)?[^/]+\\.ya?ml$
        pass_filenames: true
        require_serial: true
"""

WORKFLOW = """\
# Check the plan with dean on every pull request and push to main (made by `dean init`).
# Hardening: read-only token by default, no credentials left in the checkout,
# pull-request data reaches `run:` only through `env:`, and dean fences anything that
# quotes plan files.
name: plan

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  plan:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write # upload the SARIF report to code scanning
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          fetch-depth: 0 # dean diff and --changed-since compare with the base branch
          persist-credentials: false
      - uses: actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97 # v7.0.0
        with:
          python-version: "3.11"
      - name: Install dean
        env:
          # the dean this plan is checked with: a pip requirement (a version, a wheel's
          # URL, or git+https://...@tag)
          DEAN_REQUIREMENT: deancli=={version}
        run: python -m pip install "${{DEAN_REQUIREMENT}}"
      - name: Validate what the pull request changes
        if: github.event_name == 'pull_request'
        env:
          BASE_REF: ${{{{ github.base_ref }}}}
        run: dean validate --changed-since "origin/${{BASE_REF}}" --output sarif:dean.sarif
      - name: Validate the whole plan
        if: github.event_name != 'pull_request'
        run: dean validate --output sarif:dean.sarif
      - name: Canonical layout
        if: always()
        run: dean fmt --check
      - name: Upload SARIF
        if: always() && hashFiles('dean.sarif') != ''
        uses: github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2
        with:
          sarif_file: dean.sarif
          category: dean
      - name: What the pull request changes in the plan
        if: always() && github.event_name == 'pull_request'
        env:
          BASE_REF: ${{{{ github.base_ref }}}}
        run: dean diff "origin/${{BASE_REF}}" --format markdown >> "${{GITHUB_STEP_SUMMARY}}"
"""

EMPTY_DIALOGUE = """\
# yaml-language-server: $schema=../schemas/dialogue.schema.json
#
# The dialogue this plan follows: its name, dates, co-chairs and pillars. Replace the
# placeholder names and titles; `dean explain` and the schema's hover help say what each
# field means. Add initiatives with `dean new`.
schema_version: 1

dialogue:
  name:
    es: Nombre del diálogo
    en: Name of the dialogue
  co_chairs:
    mx: [SRE]
    us: [DOS]

pillars:
  - number: 1
    roman: I
    title:
      es: Pilar I (por nombrar)
      en: Pillar I (to be named)
  - number: 2
    roman: II
    title:
      es: Pilar II (por nombrar)
      en: Pillar II (to be named)
  - number: 3
    roman: III
    title:
      es: Pilar III (por nombrar)
      en: Pillar III (to be named)
  - number: 4
    roman: IV
    title:
      es: Pilar IV (por nombrar)
      en: Pillar IV (to be named)
"""

EMPTY_ORGANIZATIONS = """\
# yaml-language-server: $schema=../schemas/organizations.schema.json
#
# Every organization the plan refers to; ids are what initiatives use in `leads`,
# `participants` and `owners`. Add the ones your plan needs.
schema_version: 1

organizations:
  - id: SRE
    country: MX
    type: ministry
    name:
      es: Secretaría de Relaciones Exteriores
      en: Ministry of Foreign Affairs
  - id: DOS
    country: US
    type: ministry
    name:
      es: Departamento de Estado
      en: Department of State
"""


@dataclass
class Outcome:
    """What `dean init` did with one file or group of files."""

    path: str  # relative to the directory initialised, with a slash at the end for a dir
    created: bool
    detail: str = ""


def _plan_files(empty: bool) -> Iterator[tuple[str, bytes]]:
    if empty:
        yield "plan/dialogue.yaml", EMPTY_DIALOGUE.encode()
        yield "plan/organizations.yaml", EMPTY_ORGANIZATIONS.encode()
        yield "plan/initiatives/.gitkeep", b""
        return
    yield from _tree(resources.embedded_plan_dir(), "plan")


def _tree(root: Path, prefix: str) -> Iterator[tuple[str, bytes]]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.suffix in (".yaml", ".yml", ".toml"):
            yield f"{prefix}/{path.relative_to(root).as_posix()}", path.read_bytes()


def _schemas() -> Iterator[tuple[str, bytes]]:
    for path in sorted(resources.schemas_dir().glob("*.schema.json")):
        yield f"schemas/{path.name}", path.read_bytes()


def _create(target: Path, data: bytes) -> bool:
    """Write a new file; False (and nothing written) when it exists."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return True


def init(directory: Path, *, empty: bool) -> list[Outcome]:
    """Create the plan repository's files in ``directory``; existing files are kept."""
    if directory.exists() and not directory.is_dir():
        raise UsageProblem(tr("{path} is not a directory", path=directory))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return _init(directory, empty)
    except OSError as exc:
        raise UsageProblem(
            tr("cannot write in {path}: {reason}", path=directory, reason=exc.strerror or exc)
        ) from None


def _init(directory: Path, empty: bool) -> list[Outcome]:
    out: list[Outcome] = []
    plan = directory / "plan"
    if plan.is_symlink() or (plan.exists() and (not plan.is_dir() or any(plan.iterdir()))):
        out.append(Outcome("plan/", False, "exists; left as it is"))
    else:
        files = list(_plan_files(empty))
        for rel, data in files:
            _create(directory / rel, data)
        count = sum(
            1 for rel, _ in files if rel.startswith("plan/initiatives/") and rel.endswith(".yaml")
        )
        what = (
            tr("an empty plan to fill in")
            if empty
            else ntr(
                "a copy of the DEAN plan, {n} initiative",
                "a copy of the DEAN plan, {n} initiatives",
                count,
            )
        )
        out.append(Outcome("plan/", True, what))
    groups: list[tuple[str, list[tuple[str, bytes]]]] = [
        ("schemas/", list(_schemas())),
        (".vscode/settings.json", [(".vscode/settings.json", SETTINGS.encode())]),
        (
            ".pre-commit-config.yaml",
            [(".pre-commit-config.yaml", PRE_COMMIT.format(version=__version__).encode())],
        ),
        (
            ".github/workflows/dean.yml",
            [(".github/workflows/dean.yml", WORKFLOW.format(version=__version__).encode())],
        ),
    ]
    for label, files in groups:
        made = [rel for rel, data in files if _create(directory / rel, data)]
        kept = [rel for rel, _ in files if rel not in made]
        if made:
            files_made = counted(len(made), "file") if label.endswith("/") else ""
            out.append(Outcome(label, True, files_made))
        if kept:
            detail = tr("exists; left as it is")
            if label.endswith("/"):
                detail = ntr(
                    "{n} of its files exists; left as it is",
                    "{n} of its files exist; left as they are",
                    len(kept),
                )
            out.append(Outcome(label, False, detail))
    return out
