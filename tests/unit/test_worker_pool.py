"""The parallel reader gives the same documents whatever the process start method: Linux
forks, macOS and Windows spawn (fresh interpreters that import dean and get only pickled
data). Running the pool under ``spawn`` here covers the other systems from Linux."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from deancli.base.errors import UsageProblem
from deancli.plan import load
from tests.conftest import AS_OF, REPO


@pytest.fixture(scope="module")
def plan_250(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More initiatives than ``PARALLEL_FROM``, some invalid (findings cross processes too)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    n = load.PARALLEL_FROM + 50
    plan: Path = generate(n, tmp_path_factory.mktemp("pool") / "plan", invalid=7)
    broken = sorted((plan / "initiatives").glob("*.yaml"))[-3]
    broken.write_bytes(broken.read_bytes() + b"# \xff not UTF-8\n")  # a reading finding
    return plan


def _read(plan: Path) -> list[tuple[Any, ...]]:
    paths = sorted((plan / "initiatives").glob("*.yaml"))
    docs = load.read_initiatives(paths, plan)
    return [(d.display, d.data, [str(x) for x in d.diagnostics], d.utf8) for d in docs]


@pytest.mark.parametrize("method", ["spawn", "forkserver", "fork"])
def test_pool_gives_the_serial_result_under_every_start_method(
    plan_250: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available on this system")
    monkeypatch.setenv("DEAN_JOBS", "1")
    serial = _read(plan_250)
    used: list[str | None] = []
    real = multiprocessing.get_context

    def spy(name: str | None = None) -> Any:
        used.append(name)
        return real(name)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    if method != "fork":  # fresh interpreters do not see this: the parent must not read files
        from deancli.plan import loader

        def not_here(*args: object, **kwargs: object) -> None:
            raise AssertionError("read in the parent process: the pool did not run")

        monkeypatch.setattr(loader, "read_document", not_here)
    monkeypatch.setenv("DEAN_JOBS", "2")
    monkeypatch.setenv("DEAN_MP_START", method)
    assert any(diags for _, _, diags, _ in serial)  # findings cross processes too
    assert _read(plan_250) == serial
    assert used == [method]  # the pool ran, with that method


def test_the_default_forks_on_linux_and_spawns_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEAN_MP_START", raising=False)
    for platform, method in [("linux", "fork"), ("darwin", "spawn"), ("win32", "spawn")]:
        monkeypatch.setattr(sys, "platform", platform)
        assert load.start_method() == method


def test_a_wrong_start_method_is_a_usage_error(dean: Any, in_repo: Path) -> None:
    result = dean("validate", env={"DEAN_MP_START": "threads"})
    assert result.exit_code == 2
    methods = "fork, forkserver, spawn" if hasattr(os, "fork") else "spawn"  # Windows: spawn
    assert result.stderr == (
        "dean: error: DEAN_MP_START='threads' is not a process start method here; "
        f"use one of: {methods}\n"
    )


def test_the_start_method_is_read_leniently_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEAN_MP_START", "Spawn ")
    assert load.start_method() == "spawn"
    monkeypatch.setenv("DEAN_MP_START", "vfork")
    with pytest.raises(UsageProblem):
        load.start_method()


def test_validate_from_a_fresh_interpreter_under_spawn(plan_250: Path) -> None:
    """The real command, as a separate process: spawned workers re-import dean's entry point
    (``python -m deancli``) and must not run the command again."""

    concise = ["--as-of", AS_OF, "--format", "concise"]

    def run(**extra: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **extra}
        env.pop("DEAN_PLAN", None)
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.run(
            [sys.executable, "-m", "deancli", "validate", "--plan", str(plan_250), *concise],
            capture_output=True,
            text=True,
            check=False,
            env=env,
            timeout=120,
        )

    serial = run(DEAN_JOBS="1")
    spawned = run(DEAN_JOBS="2", DEAN_MP_START="spawn")
    assert serial.returncode == 1, serial.stderr
    assert (spawned.returncode, spawned.stdout, spawned.stderr) == (
        serial.returncode,
        serial.stdout,
        serial.stderr,
    )
