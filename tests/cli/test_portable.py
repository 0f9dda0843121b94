"""dean behaves the same on every system: output is UTF-8 whatever the locale's encoding
(Windows pipes default to an ANSI code page), and a terminal that cannot show a character
gets a replacement instead of an error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import AS_OF, REPO


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", **env}
    for name in ("DEAN_PLAN", "GITHUB_ACTIONS", "PYTHONUTF8"):
        full.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "deancli", *args],
        cwd=REPO,
        env=full,
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_piped_output_is_utf8_whatever_the_locale(encoding):
    result = _run(
        "status", "--lang", "es", "--format", "csv", "--as-of", AS_OF, PYTHONIOENCODING=encoding
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeffpillar,roman".encode())  # the byte-order mark too
    text = result.stdout.decode("utf-8")  # strict: every byte is UTF-8
    assert any(ord(c) > 127 for c in text[1:]), text  # accented titles came through


def test_piped_human_output_with_symbols_is_utf8():
    result = _run("timeline", "--as-of", AS_OF, PYTHONIOENCODING="cp1252")
    assert result.returncode == 0, result.stderr
    assert "●".encode() in result.stdout
