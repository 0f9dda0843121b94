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


# ---------------------------------------------------------------- links and file names


def _findings(dean, *args: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    result = dean("validate", "--format", "json", "--as-of", AS_OF, *args)
    _check_output(result)
    doc = json.loads(result.stdout)
    return [(d["code"], d["path"], d["message"]) for d in doc["diagnostics"]]


@pytest.mark.parametrize("target", [".", "..", "../initiatives", "../../plan/initiatives"])
def test_a_directory_link_is_reported_not_followed(dean, plan_copy, hang_guard, target):
    os.symlink(target, plan_copy / "initiatives" / "linked")
    found = _findings(dean)
    (link,) = [f for f in found if f[1] == "plan/initiatives/linked"]
    assert link[0] == "DEAN016"
    assert link[2].startswith("symbolic link to the directory `")
    assert link[2].endswith("`; not followed")


def test_a_plan_of_only_directory_links_does_not_pass_silently(dean, plan_copy, hang_guard):
    for path in (plan_copy / "initiatives").iterdir():
        path.unlink()
    os.symlink(".", plan_copy / "initiatives" / "self")
    os.symlink("..", plan_copy / "initiatives" / "parent")
    result = dean("validate", "--format", "concise", "--as-of", AS_OF)
    assert "All checks passed" not in result.stdout
    assert "plan/initiatives/parent: warning[DEAN016] symbolic-link:" in result.stdout
    assert "plan/initiatives/self: warning[DEAN016] symbolic-link:" in result.stdout
    strict = dean("validate", "--format", "concise", "--as-of", AS_OF, "--strict")
    assert strict.exit_code == 1


def test_links_of_every_kind_are_reported(dean, plan_copy, tmp_path, hang_guard):
    ini = plan_copy / "initiatives"
    os.symlink("01-strengthening-supply-chains.yaml", ini / "20-copy.yaml")  # followed
    os.symlink("nowhere", ini / "broken")
    os.symlink("../dialogue.yaml", ini / "notes.txt")
    os.symlink(tmp_path, ini / "outside")
    os.symlink(ini / "looped", ini / "looped")
    found = {(c, p) for c, p, _ in _findings(dean)}
    assert ("DEAN016", "plan/initiatives/20-copy.yaml") in found
    assert ("DEAN201", "plan/initiatives/20-copy.yaml") in found  # it was read: duplicate id
    assert ("DEAN016", "plan/initiatives/broken") in found
    assert ("DEAN016", "plan/initiatives/notes.txt") in found
    assert ("DEAN012", "plan/initiatives/outside") in found
    assert ("DEAN016", "plan/initiatives/looped") in found


def test_initiatives_linked_to_itself_cannot_hang(dean, plan_copy, hang_guard):
    import shutil

    shutil.rmtree(plan_copy / "initiatives")
    os.symlink("initiatives", plan_copy / "initiatives")
    found = _findings(dean)
    assert ("DEAN012", "plan/initiatives") in {(c, p) for c, p, _ in found}


def test_initiatives_linked_inside_the_plan_is_read_and_reported(dean, plan_copy):
    (plan_copy / "initiatives").rename(plan_copy / "real")
    os.symlink("real", plan_copy / "initiatives")
    found = _findings(dean)
    assert ("DEAN016", "plan/initiatives") in {(c, p) for c, p, _ in found}
    assert not any(c.startswith("DEAN1") or c == "DEAN013" for c, _, _ in found)


def test_a_newline_in_a_file_name_is_its_own_finding(dean, plan_copy):
    ini = plan_copy / "initiatives"
    (ini / "08-digital-cooperation-privacy-rules.yaml").rename(
        ini / "08-digital-cooperation-privacy-rules\nx.yaml"
    )
    (ini / "07-cybersecurity.yaml").rename(ini / "07-cybersecurity\x1b\u202e.yaml")
    found = _findings(dean)
    mine = sorted(
        (c, m)
        for c, p, m in found
        if p.startswith("plan/initiatives/0")
        and c
        in (
            "DEAN202",
            "DEAN214",
        )
    )
    assert mine == [
        (
            "DEAN202",
            "file name `07-cybersecurity\\x1b\\u202e.yaml` does not match slug `cybersecurity`",
        ),
        (
            "DEAN202",
            "file name `08-digital-cooperation-privacy-rules\\nx.yaml` does not match slug "
            "`digital-cooperation-privacy-rules`",
        ),
        ("DEAN214", "file name `07-cybersecurity\\x1b\\u202e.yaml` holds `\\u202e`, `\\x1b`"),
        ("DEAN214", "file name `08-digital-cooperation-privacy-rules\\nx.yaml` holds `\\n`"),
    ]


# ---------------------------------------------------------------- views and read errors

NOTE = (
    "dean: note: 1 file with reading errors is left out of these numbers; "
    "`dean validate` says why\n"
)


@pytest.fixture
def yaml11_plan(plan_copy: Path) -> Path:
    """Initiative 8 under `%YAML 1.1`, whose `NO` is then false: read, but with an error."""
    path = plan_copy / "initiatives" / "08-digital-cooperation-privacy-rules.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  en: Digital cooperation on border privacy regulations\n", "  en: NO\n")
    path.write_text("%YAML 1.1\n---\n" + text, encoding="utf-8")
    return plan_copy


def test_status_leaves_out_files_with_reading_errors(dean, yaml11_plan):
    result = dean("status", "--pillar", "3", "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0
    assert result.stderr == NOTE
    assert "NO" not in result.stdout.split()
    doc = json.loads(dean("status", "-f", "json", "--as-of", AS_OF).stdout)
    assert doc["left_out_files"] == ["initiatives/08-digital-cooperation-privacy-rules.yaml"]
    assert doc["totals"]["initiatives"] == 10
    (third,) = [p for p in doc["pillars"] if p["number"] == 3]
    assert third["initiatives"] == 2  # 6 and 7; 8 is left out
    es = dean("status", "--as-of", AS_OF, "--lang", "es")
    assert es.stderr.startswith("dean: nota: 1 archivo con errores de lectura se deja fuera")


def test_show_and_timeline_leave_out_files_with_reading_errors(dean, yaml11_plan):
    result = dean("show", "8", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == NOTE + (
        "dean: error: initiative '8' is in initiatives/08-digital-cooperation-privacy-rules.yaml,"
        " which has reading errors and is left out; `dean validate` says why\n"
    )
    by_slug = dean("show", "digital-cooperation-privacy-rules", "--as-of", AS_OF)
    assert "which has reading errors and is left out" in by_slug.stderr
    doc = json.loads(dean("show", "7", "-f", "json", "--as-of", AS_OF).stdout)
    assert doc["left_out_files"] == ["initiatives/08-digital-cooperation-privacy-rules.yaml"]
    clean = json.loads(
        dean("show", "7", "-f", "json", "--as-of", AS_OF, "--plan", str(REAL_PLAN)).stdout
    )
    assert clean["left_out_files"] == []
    timeline = dean("timeline", "--as-of", AS_OF, "--lang", "en", env={"COLUMNS": "200"})
    assert timeline.stderr == NOTE
    assert "inai" not in timeline.stdout.lower()


def test_anchors_make_a_file_left_out_of_views(dean, plan_copy):
    path = plan_copy / "initiatives" / "11-technical-training.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nstatus: ", "\nstatus: &s ", 1), encoding="utf-8")
    doc = json.loads(dean("status", "-f", "json", "--as-of", AS_OF).stdout)
    assert doc["left_out_files"] == ["initiatives/11-technical-training.yaml"]
    assert doc["totals"]["initiatives"] == 10


def test_diff_leaves_out_files_with_reading_errors(dean, plan_copy):
    import subprocess

    root = plan_copy.parent

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    git("add", "-A")
    git("commit", "-qm", "base")
    path = plan_copy / "initiatives" / "11-technical-training.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nstatus: ", "\nstatus: &s completed #", 1), encoding="utf-8")
    doc = json.loads(dean("diff", "HEAD", "-f", "json", "--as-of", AS_OF).stdout)
    assert doc["head"]["invalid_files"] == ["initiatives/11-technical-training.yaml"]
    assert doc["base"]["invalid_files"] == []
    assert [i["id"] for i in doc["initiatives"]] == []  # not "removed", not "completed"
    text = dean("diff", "HEAD", "--as-of", AS_OF).stdout
    assert "initiatives/11-technical-training.yaml could not be read at head" in text
