"""Hostile input: every command answers with diagnostics, never a traceback, a hang, raw
control characters, or a file read from outside the plan."""

from __future__ import annotations

import json
import os
import re
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, REAL_PLAN
from tests.hostile import CORPUS, SPECIAL, materialise

# C0 controls except \n, DEL, C1, bidi overrides: never in any output (colour is off here)
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAMES = sorted(CORPUS) + list(SPECIAL)
COMMANDS = [
    ["validate", "--format", "concise"],
    ["validate", "--format", "full"],
    ["validate", "--format", "json"],
    ["status"],
    ["status", "--pillar", "1"],
    ["status", "--format", "markdown"],
    ["status", "--format", "csv"],
    ["show", "1"],
    ["timeline"],
    ["set", "1", "status=finalising", "--dry-run"],
    ["fmt", "--check"],
    ["fmt", "--diff"],
]


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """Fail instead of hanging (a guard against infinite loops, not a benchmark)."""

    def boom(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError("dean took longer than 30 s")

    if not hasattr(signal, "SIGALRM"):  # Windows: no alarm; CI's job timeout is the guard
        yield
        return
    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _check_output(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert "hunter2" not in result.stdout + result.stderr
    assert not RAW_CONTROL.search(result.stdout.replace("\r\n", "\n")), result.stdout[:500]
    assert not RAW_CONTROL.search(result.stderr)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_survives(dean, plan_copy, tmp_path, hang_guard, name):
    target = plan_copy / "initiatives" / "20-hostile.yaml"
    code = materialise(name, target, tmp_path)
    for args in COMMANDS:
        result = dean(*args, *([] if args[0] == "fmt" else ["--as-of", AS_OF]))
        _check_output(result)
        if args[0] == "validate":
            assert result.exit_code == 1, (args, result.stdout[-500:])
            if "json" in args:
                codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
                assert code in codes, (name, codes)
        elif args[0] == "fmt":
            assert result.exit_code in (0, 1), (args, result.stderr)
        else:
            assert result.exit_code == 0, (args, result.stderr)
    # nothing was written by the edit commands' dry runs
    assert (plan_copy / "initiatives/01-strengthening-supply-chains.yaml").read_text().count(
        "status: active"
    ) == 1


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_diff_and_changed_since_survive(dean, plan_copy, tmp_path, hang_guard, name):
    import subprocess

    root = plan_copy.parent

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    git("add", "-A")
    git("commit", "-qm", "base")
    code = materialise(name, plan_copy / "initiatives" / "20-hostile.yaml", tmp_path)
    git("add", "-A")
    git("commit", "-qm", "hostile")
    for args in (
        ["diff", "HEAD~1", "HEAD"],
        ["diff", "HEAD~1", "HEAD", "-f", "markdown"],
        ["diff", "HEAD~1", "HEAD", "-f", "json"],
        ["diff", "HEAD", "HEAD~1"],
    ):
        result = dean(*args, "--as-of", AS_OF)
        _check_output(result)
        assert result.exit_code == 0, (args, result.stderr)
    result = dean("validate", "--changed-since", "HEAD~1", "-f", "json", "--as-of", AS_OF)
    _check_output(result)
    assert result.exit_code == 1
    assert code in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


def test_real_plan_files_are_not_opened_through_links(dean, plan_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("password: hunter2\n")
    os.symlink(outside, plan_copy / "initiatives" / "linked-dir")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    assert "hunter2" not in result.stdout


def test_initiatives_directory_linked_out_of_the_plan(dean, plan_copy, tmp_path):
    import shutil

    moved = tmp_path / "elsewhere"
    shutil.move(plan_copy / "initiatives", moved)
    os.symlink(moved, plan_copy / "initiatives")
    result = dean("validate", "--format", "json", "--as-of", AS_OF)
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert "DEAN012" in codes
    assert result.exit_code == 1


# ---------------------------------------------------------------- fuzzing

BASE = (REAL_PLAN / "initiatives" / "08-digital-cooperation-privacy-rules.yaml").read_bytes()
EXAMPLES = int(os.environ.get("DEAN_FUZZ_EXAMPLES", "25"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(BASE)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "control", "nest", "huge", "splice"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip":
            if data:
                data[pos] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[pos:]
        elif kind == "control":
            data[pos:pos] = draw(
                st.sampled_from(
                    [
                        b"\x00",
                        b"\x1b[2J",
                        b"\t",
                        b"\r",
                        b"\xc2\x9b",
                        "\u202e".encode(),
                        b"\xff",
                        b"\\e",
                        b'"\\e[31m"',
                        "\u200b".encode(),
                        b"\xef\xbb\xbf",
                    ]
                )
            )
        elif kind == "nest":
            depth = draw(st.integers(1, 300))
            data[pos:pos] = b"[" * depth + b"]" * draw(st.integers(0, depth))
        elif kind == "huge":
            data[pos:pos] = b"a" * draw(st.integers(1000, 300_000))
        else:
            data[pos:pos] = draw(
                st.sampled_from(
                    [
                        b": ",
                        b"&a ",
                        b"*a",
                        b"!!str ",
                        b"!x ",
                        b"? ",
                        b"- ",
                        b"\n---\n",
                        b"{",
                        b"}",
                        b"'",
                        b'"',
                        b"%YAML 1.1\n",
                        b"<<: ",
                        b"\n  ",
                        b"#",
                    ]
                )
            )
    return bytes(data)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=mutated())
def test_fuzzed_plan_files(dean, data):
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan"
        (plan / "initiatives").mkdir(parents=True)
        for name in ("dialogue.yaml", "organizations.yaml"):
            (plan / name).write_bytes((REAL_PLAN / name).read_bytes())
        (plan / "initiatives" / "08-digital-cooperation-privacy-rules.yaml").write_bytes(data)
        for args in (
            ["validate", "--format", "full"],
            ["validate", "--format", "json"],
            ["status", "--pillar", "3"],
            ["show", "8"],
            ["timeline"],
        ):
            result = dean(*args, "--plan", str(plan), "--as-of", AS_OF)
            assert result.exit_code in (0, 1, 2) if args[0] == "show" else (0, 1), result
            _check_output(result)
