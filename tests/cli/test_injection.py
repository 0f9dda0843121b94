"""Text from plan files is data: never Rich markup, never a terminal control sequence."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, edit

EVIL_YAML = (
    '"[bold red]x[/] \\e[31mRED\\e[0m [link=https://evil.example]click[/link] :rocket: \\u202eRTL"'
)
RAW_ESC = "\x1b[31mRED"


@pytest.fixture
def evil_plan(plan_copy):
    edit(
        plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "  en: Digital cooperation on border privacy regulations\n",
        f"  en: {EVIL_YAML}\n",
    )
    edit(
        plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "  - id: inai-extinguished\n",
        "  - id: inai-extinguished\n    x-evil: [/]\n",
    )
    return plan_copy


VIEWS = [
    ["status", "--pillar", "3"],
    ["status", "--pillar", "3", "--format", "markdown"],
    ["status", "--pillar", "3", "--format", "csv"],
    ["status", "--pillar", "3", "--format", "json"],
    ["show", "8"],
    ["show", "8", "--format", "markdown"],
    ["show", "8", "--format", "json"],
    ["timeline", "--pillar", "3"],
]


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(a) for a in VIEWS])
@pytest.mark.parametrize("color", ["never", "always"])
def test_views_print_markup_and_escapes_literally(dean, evil_plan, args, color):
    extra = [] if "--format" in args and args[-1] != "table" else ["--color", color]
    result = dean(*args, "--lang", "en", "--as-of", AS_OF, *extra, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert RAW_ESC not in out
    assert "\x1b]8;" not in out  # no hyperlink
    assert "\u202e" not in out
    assert "🚀" not in out
    if "json" in args:
        title = json.loads(out)
        assert "[bold red]x[/]" in json.dumps(title, ensure_ascii=False)
    elif "markdown" in args:
        assert "\\[bold red\\]x\\[/\\]" in out
    else:
        assert "[bold red]x[/]" in out
        assert "\\x1b[31mRED" in out
        assert "[link=https://evil.example]click[/link]" in out
    if color == "never" and "--format" not in args:
        assert "\x1b" not in out


def test_validate_shows_hostile_values_escaped(dean, evil_plan):
    for fmt in ("full", "concise"):
        result = dean("validate", "--format", fmt, "--as-of", AS_OF, "--color", "always")
        assert result.exit_code == 1
        assert RAW_ESC not in result.stdout
        assert "\u202e" not in result.stdout
        assert "DEAN011" in result.stdout
