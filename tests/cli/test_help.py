from __future__ import annotations

import re
import subprocess
import sys

import pytest

from deancli import PLAN_SCHEMA_VERSION, __version__

COMMANDS = [
    "init",
    "validate",
    "status",
    "show",
    "timeline",
    "report",
    "diff",
    "history",
    "set",
    "new",
    "fmt",
    "explain",
    "lsp",
    "milestone",
]
SUBCOMMANDS = [
    ["milestone", "add"],
    ["milestone", "remove"],
    ["milestone", "rename"],
    ["milestone", "move"],
]


def test_version(dean):
    result = dean("--version")
    assert result.exit_code == 0
    assert result.stdout == f"dean {__version__} (plan schema {PLAN_SCHEMA_VERSION})\n"


def test_the_plan_schema_version_is_the_schemas_one():
    import json

    from tests.conftest import REPO

    for path in sorted((REPO / "schemas").glob("*.schema.json")):
        if path.name == "config.schema.json":  # dean's settings, not a plan file
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["properties"]["schema_version"]["const"] == PLAN_SCHEMA_VERSION, path


def test_top_level_help_has_examples_and_exit_codes(dean):
    result = dean("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "dean validate" in result.stdout
    assert "Exit codes: 0 ok, 1 findings, 2 usage error, 3 dean could not run" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(dean, command):
    result = dean(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"dean {command}" in result.stdout


@pytest.mark.parametrize("args", [[], *([c] for c in COMMANDS), *SUBCOMMANDS])
def test_help_examples_fit_80_columns(dean, args):
    result = dean(*args, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    examples = [line for line in result.stdout.splitlines() if line.lstrip().startswith("dean ")]
    assert examples or not args or "Examples:" in result.stdout
    assert [line for line in examples if len(line) > 80] == []


@pytest.mark.parametrize(
    "args", [[], *([c] for c in COMMANDS), *SUBCOMMANDS], ids=lambda a: " ".join(a) or "dean"
)
def test_help_golden_in_spanish_at_80_columns(dean, args, golden):
    """Every --help in Spanish, Click's and Typer's own words included (Usage, Options...)."""
    result = dean(*args, "--help", env={"LANG": "es_MX.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 0
    name = "-".join(args) or "dean"
    golden(f"help/{name}.es.80.txt", result.stdout)
    assert result.stdout.startswith("Uso: dean")
    assert "Usage:" not in result.stdout and "Show this message" not in result.stdout
    assert [line for line in result.stdout.splitlines() if len(line) > 80] == []


def test_readme_examples_fit_80_columns():
    from tests.conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:console|sh)?\n(.*?)```", text, re.S)
    examples = [
        line
        for block in blocks
        for line in block.splitlines()
        if line.lstrip().removeprefix("$ ").startswith("dean ")
    ]
    assert examples
    assert [line for line in examples if len(line) > 80] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    from tests.conftest import REPO

    assert f"dean {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_unknown_option_is_a_usage_error(dean):
    result = dean("validate", "--nope")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["validate", "--help"], ["report", "--help"], ["lsp", "--help"]],
)
def test_startup_imports_no_heavy_library(args):
    """`dean --version` and `--help` must not import ruamel.yaml, jsonschema, rich, jinja2 or
    the language server's pygls."""
    code = (
        "import sys\n"
        f"sys.argv = ['dean', *{args!r}]\n"
        "from deancli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'ruamel', 'jsonschema', 'rich', 'pydantic', 'jinja2', 'markupsafe', 'pygls', "
        "'lsprotocol', 'cattrs'})\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stderr == "[]"


def test_command_modules_keep_real_annotations():
    """Typer evaluates string annotations on every start: keep them real objects."""
    from tests.conftest import REPO

    for path in (REPO / "deancli" / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "@app.command" in text or path.name == "__init__.py":
            assert "\nfrom __future__ import annotations" not in text, path.name
