"""The reporter registry: every format resolves to a reporter of the right kind, human
formats are exactly those that say so, and every format has its own unit test here."""

from __future__ import annotations

from pathlib import Path

import pytest

from deancli.render.reports import HUMAN, REPORTERS, describe, get_reporter

HERE = Path(__file__).parent


@pytest.mark.parametrize("name", REPORTERS)
def test_each_format_has_a_reporter_and_a_unit_test(name):
    reporter = get_reporter(name)
    assert reporter.human is (name in HUMAN)
    assert callable(reporter.report)
    assert (HERE / f"test_{name}.py").is_file(), f"no tests/unit/render/test_{name}.py"


def test_the_help_text_lists_the_formats_in_registry_order():
    assert describe() == (
        "full (excerpts, help), concise (one line per finding), json, "
        "github (workflow annotations), sarif, junit"
    )
