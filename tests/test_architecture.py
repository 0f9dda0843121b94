"""The package map holds: import-linter contracts (pyproject.toml), module sizes, and the
registries as the one source of the CLI's choices."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

MAX_LINES = 400


def test_import_contracts_hold():
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports_command\n"
        "sys.argv = ['lint-imports', '--no-cache']\n"
        "lint_imports_command()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "BROKEN" not in proc.stdout
    assert proc.stdout.count("KEPT") == 8, proc.stdout


def test_modules_stay_small_unless_they_say_why():
    """Split before 400 lines; a longer module says why in a comment naming this test."""
    too_long = []
    for path in sorted((REPO / "deancli").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES and "longer than 400 lines:" not in text:
            too_long.append(f"{path.relative_to(REPO)}: {text.count(chr(10))} lines")
    assert too_long == []


def test_every_stage_says_what_it_owns_and_may_import():
    for pkg in ("base", "plan", "check", "views", "edit", "history", "render", "lsp"):
        doc = (REPO / "deancli" / pkg / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""'), pkg
        assert "May import" in doc or pkg == "base", pkg
