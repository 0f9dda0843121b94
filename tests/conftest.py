from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
REAL_PLAN = REPO / "plan"


def with_missing_leads(dest: Path) -> Path:
    """A copy of the real plan whose 12 missing leads are no longer suppressed: a real plan
    with findings (warnings), for what reports them."""
    import shutil

    shutil.copytree(REAL_PLAN, dest)
    for path in (dest / "initiatives").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  # dean: ignore[missing-lead] --", "  #"), encoding="utf-8")
    return dest


GOLDEN = Path(__file__).parent / "data" / "golden"
AS_OF = "2026-11-28"

ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "120",
    "TERM": "dumb",
    "DEAN_PLAN": None,
    "GITHUB_ACTIONS": None,
    "LANG": "en_US.UTF-8",
    "LC_ALL": None,
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


class _Runner(CliRunner):
    """Typer's runner, with help pages laid out for ``COLUMNS`` as in a terminal (the runner
    itself fixes them at 80 columns, whatever the terminal and ``max_content_width``)."""

    @contextlib.contextmanager
    def isolation(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from typer import testing

        with super().isolation(*args, **kwargs) as streams:
            testing.formatting.FORCED_WIDTH = None  # the runner restores it
            yield streams


def run_dean(*args: str, env: dict[str, str | None] | None = None) -> Run:
    """The real CLI, in-process, with colour off and a fixed width (``COLUMNS``)."""
    from deancli.cli import app

    full = {**ENV, **(env or {})}
    runner = _Runner()
    result = runner.invoke(app, list(args), env=full, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def dean() -> Callable[..., Run]:
    """Run the real CLI in-process, with colour off and a fixed width."""
    return run_dean


@pytest.fixture
def plan_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real plan in tmp_path/plan; the working directory is tmp_path."""
    dest = tmp_path / "plan"
    shutil.copytree(REAL_PLAN, dest)
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", schemas)
    monkeypatch.chdir(tmp_path)
    return dest


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    update = request.config.getoption("--update-goldens")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"missing golden file {path}; run pytest --update-goldens"
        assert actual == path.read_text(encoding="utf-8")

    return check


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(autouse=True, scope="session")
def _real_plan_untouched() -> Iterator[None]:
    """No test may change the repository's real plan."""
    before = _digest(REAL_PLAN)
    yield
    assert _digest(REAL_PLAN) == before, "a test modified plan/"


os.environ.pop("DEAN_PLAN", None)
