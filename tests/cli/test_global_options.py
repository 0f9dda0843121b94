"""--plan, --lang, --color and --as-of before the command as well as after it (issue 22):
``dean --lang es status`` as git and gh users expect; given twice, the later one wins."""

from __future__ import annotations

import pytest

from tests.conftest import AS_OF, REAL_PLAN


def test_before_the_command_is_the_same_as_after(dean, in_repo):
    after = dean("status", "--plan", str(REAL_PLAN), "--lang", "es", "--as-of", AS_OF)
    before = dean("--plan", str(REAL_PLAN), "--lang", "es", "--as-of", AS_OF, "status")
    assert after.exit_code == before.exit_code == 0, before.stderr
    assert before.stdout == after.stdout
    assert before.stdout.startswith("Estado del plan al 28 nov 2026")


@pytest.mark.parametrize(
    ("args", "title"),
    [
        (["--lang", "es", "status", "--lang", "en"], "Plan status"),
        (["--lang", "en", "status", "--lang", "es"], "Estado del plan"),
        (["--lang", "es", "status"], "Estado del plan"),
        (["status", "--lang", "es"], "Estado del plan"),
    ],
)
def test_the_later_one_wins(dean, in_repo, args, title):
    result = dean(*args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(title)


def test_as_of_and_plan_before_the_command(dean, in_repo, tmp_path):
    early = dean("--as-of", "2022-01-01", "status", "--format", "json")
    assert '"as_of": "2022-01-01"' in early.stdout
    later = dean("--as-of", "2022-01-01", "status", "--format", "json", "--as-of", AS_OF)
    assert f'"as_of": "{AS_OF}"' in later.stdout
    missing = dean("--plan", str(tmp_path / "nowhere"), "status")
    assert missing.exit_code == 3
    assert "nowhere" in missing.stderr


def test_color_before_the_command(dean, in_repo):
    env = {"TERM": "xterm-256color", "NO_COLOR": None}
    coloured = dean("--color", "always", "status", "--as-of", AS_OF, env=env)
    assert "\x1b[" in coloured.stdout
    plain = dean("--color", "always", "status", "--color", "never", "--as-of", AS_OF, env=env)
    assert "\x1b[" not in plain.stdout


def test_nested_commands_take_them_too(dean, plan_copy):
    result = dean(
        "--plan",
        str(plan_copy),
        "--as-of",
        AS_OF,
        "milestone",
        "rename",
        "8",
        "cbpr-campaign-agreed",
        "cbpr-agreed",
        "--dry-run",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("would update")


def test_a_command_without_the_option_ignores_it(dean, in_repo):
    """An alias such as ``alias dean='dean --lang es'`` must keep every command working."""
    assert dean("--lang", "es", "--as-of", AS_OF, "explain", "DEAN211").exit_code == 0
    assert dean("--lang", "es", "fmt", "--check").exit_code == 0


def test_a_bad_value_before_the_command_is_a_usage_error(dean, in_repo):
    result = dean("--lang", "fr", "status")
    assert result.exit_code == 2
    assert "--lang" in result.stderr
    result = dean("--as-of", "tomorrow", "status")
    assert result.exit_code == 2
    assert "is not a date" in result.stderr


def test_the_top_level_help_says_so(dean):
    out = " ".join(dean("--help").stdout.split())
    assert "Global options: --plan, --lang, --color and --as-of may come before the command" in out
    assert "the later one wins" in out
    for option in ("--plan DIR", "--lang", "--color", "--as-of YYYY-MM-DD"):
        assert option in dean("--help").stdout
