"""Errors on a terminal wrap at spaces to its width; to a pipe they stay one line."""

from __future__ import annotations

import os
import shutil

import pytest

from deancli.cli._common import _wrapped_for_terminal


def test_an_error_wraps_at_spaces_under_a_hanging_indent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((40, 24)))
    text = "dean: error: no initiative '99'; initiatives: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n"
    assert _wrapped_for_terminal(text) == (
        "dean: error: no initiative '99';\n  initiatives: 1, 2, 3, 4, 5, 6, 7, 8,\n  9, 10, 11\n"
    )


def test_a_path_longer_than_the_line_stays_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((20, 24)))
    text = "dean: error: cannot read plan/initiatives/very-long-file-name.yaml\nsecond line\n"
    assert _wrapped_for_terminal(text) == (
        "dean: error: cannot\n  read\n  plan/initiatives/very-long-file-name.yaml\nsecond line\n"
    )
