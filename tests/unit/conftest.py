from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.plans import write_plan

MakePlan = Callable[..., Path]


@pytest.fixture
def mini_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakePlan:
    """``mini_plan(files)`` writes the minimal plan of ``tests/unit/plans.py`` (changed by
    ``files``) into tmp_path/plan and makes it the working directory, so that findings show
    paths such as ``initiatives/01-first.yaml``."""
    root = tmp_path / "plan"

    def make(files: dict[str, str | None] | None = None) -> Path:
        write_plan(root, files)
        monkeypatch.chdir(root)
        return root

    return make
