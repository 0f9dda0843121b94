"""`dean set`, `dean new`, `dean fmt` end to end, and the write guarantees."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deancli.edit import atomic as edit_mod
from tests.conftest import AS_OF, REPO, edit

I08 = "plan/initiatives/08-digital-cooperation-privacy-rules.yaml"


def test_set_diff_golden(dean, plan_copy, golden):
    before = (plan_copy.parent / I08).read_text()
    result = dean(
        "set",
        "8",
        "-m",
        "cbpr-promotion-campaign",
        "status=done",
        "completed_on=2024-01-10",
        "--diff",
        "--as-of",
        AS_OF,
    )
    assert result.exit_code == 0, result.stderr
    golden("set-8.diff", result.stdout)
    assert (plan_copy.parent / I08).read_text() == before  # --diff writes nothing


def test_set_writes_only_the_edited_lines(dean, plan_copy):
    path = plan_copy.parent / I08
    before = path.read_bytes()
    mode = path.stat().st_mode
    result = dean("set", "8", "status=finalising", "leads.us+=DOC", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"updated {I08}\n"
    after = path.read_bytes()
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [
        (b"status: active" + STALE_08, b"status: finalising" + STALE_08),
        (b"status_as_of: 2023-03-14", f"status_as_of: {AS_OF}".encode()),
        (
            b"  us: []  # dean: ignore[missing-lead] -- not found in the sources reviewed",
            b"  us: [DOC]  # dean: ignore[missing-lead] -- not found in the sources reviewed",
        ),
    ]
    assert path.stat().st_mode == mode
    assert not list(path.parent.glob(".*.tmp"))


def test_set_removes_with_minus_equals_keeping_the_comment(dean, plan_copy):
    path = plan_copy.parent / I08
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  mx: [SE]\n", "  mx:\n    - SE  # named in the MoU\n"))
    result = dean("set", "8", "leads.mx-=SE", "--as-of", AS_OF)  # `-=` after a dotted name
    assert result.exit_code == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert "  mx: []\n    # named in the MoU\n  us: []" in after
    result = dean("set", "8", "leads.us-=DOC", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "`DOC` is not in `leads.us`; nothing to remove" in result.stderr


def test_set_dry_run_and_nothing_to_change(dean, plan_copy):
    path = plan_copy.parent / I08
    before = path.read_text()
    assert dean("set", "8", "status=completed", "--dry-run").stdout == f"would update {I08}\n"
    assert path.read_text() == before
    same = dean("set", "8", "status=active")
    assert same.stdout == f"{I08}: already so; nothing to change\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["set", "8", "statsu=active"], 1, "error[DEAN101]: unknown key `statsu`  (unknown-key)"),
        (
            ["set", "8", "status=finished"],
            1,
            "error[DEAN104]: `finished` is not an allowed status  (invalid-choice)",
        ),
        (
            ["set", "8", "-m", "inai-cbpr-workshop", "completed_on=2030-01-01"],
            1,
            "  (future-date)\n",
        ),
        (
            ["set", "8", "leads.mx+=SER"],
            1,
            "error[DEAN204]: unknown organization `SER`  (unknown-organization)",
        ),
        (
            ["set", "8", "-m", "inai-cbpr-workshp", "status=done"],
            2,
            "has no milestone 'inai-cbpr-workshp' (did you mean inai-cbpr-workshop?)",
        ),
        (["set", "80", "status=done"], 2, "no initiative '80'"),
        (["set", "8", "status"], 2, "write FIELD=VALUE"),
    ],
)
def test_set_refuses_bad_edits_with_validate_diagnostics(dean, plan_copy, args, code, message):
    before = (plan_copy.parent / I08).read_text()
    result = dean(*args, "--as-of", AS_OF)
    assert result.exit_code == code
    assert message in result.stderr
    assert (plan_copy.parent / I08).read_text() == before


def test_refused_edit_shows_the_edited_line_and_how_to_fix_it(dean, plan_copy):
    result = dean("set", "8", "leads.mx+=SER", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr == (
        f"dean: edit refused: the edit would make {I08} invalid\n"
        "\n"
        "error[DEAN204]: unknown organization `SER`  (unknown-organization)\n"
        f"  --> {I08}:31:12\n"
        "   |\n"
        "30 | leads:\n"
        "31 |   mx: [SE, SER]\n"
        "   |            ^^^\n"
        "  = help: did you mean `SRE`? (known ids: AMEXCID, ATDT, COFEPRIS, CRT, DHS, DOC, DOS, "
        "IFT, INAI, SABG, SE, SHCP, SRE,\n"
        "          TREAS, USAID, USTR)\n"
    )


def test_set_adds_a_source_object(dean, plan_copy):
    result = dean(
        "set",
        "8",
        "sources+={id: new-source, title: 'A report: 2024', publisher: Someone, date: 2024-05}",
        "--as-of",
        AS_OF,
    )
    assert result.exit_code == 0, result.stderr
    text = (plan_copy.parent / I08).read_text()
    assert (
        text.endswith(
            "  - id: new-source\n    title: 'A report: 2024'\n    publisher: Someone\n"
            "    date: 2024-05\n"
        )
        or "  - id: new-source\n" in text
    )
    assert dean("validate", "--as-of", AS_OF, "-f", "json").exit_code == 0


def test_set_refuses_a_file_that_is_a_link(dean, plan_copy, tmp_path):
    target = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    inside = tmp_path / "real09.yaml"
    inside.write_bytes(target.read_bytes())
    target.unlink()
    os.symlink(inside, target)
    result = dean("set", "9", "status=active", "--as-of", AS_OF)
    assert result.exit_code != 0
    assert inside.read_text().count("status: unknown") == 1


def test_write_refuses_a_file_changed_since_read(plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    fp = edit_mod.Fingerprint.of(path)
    path.write_text(path.read_text() + "# someone else's edit\n")
    with pytest.raises(edit_mod.EditError, match="changed on disk"):
        edit_mod.write_atomic(path, "x: 1\n", fp)
    assert path.read_text().endswith("# someone else's edit\n")
    assert not list(path.parent.glob(".*.tmp"))


def test_killed_between_write_and_rename_leaves_the_old_file(plan_copy):
    """Fault injection: dean dies after writing the temporary file, before the rename."""
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    before = path.read_bytes()
    env = {**os.environ, edit_mod.FAULT_ENV: "before-rename", "DEAN_PLAN": str(plan_copy)}
    proc = subprocess.run(
        [sys.executable, "-m", "deancli", "set", "9", "status=active"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 99
    assert path.read_bytes() == before
    leftovers = list(path.parent.glob(".*.tmp"))
    assert len(leftovers) == 1  # the temp file is hidden, and dean ignores hidden files
    from deancli.plan import load

    assert len(load.load_plan(plan_copy).documents) == 13


def test_killed_at_random_moments_never_leaves_a_partial_file(plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    old = path.read_bytes()
    env = {**os.environ, "DEAN_PLAN": str(plan_copy)}
    for delay in (0.05, 0.15, 0.25, 0.35, 0.5):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "deancli",
                "set",
                "9",
                "status=unknown" if b"status: active" in path.read_bytes() else "status=active",
                "--as-of",
                AS_OF,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.kill()  # SIGKILL; TerminateProcess on Windows
        proc.wait()
        content = path.read_bytes()
        dated = f"status_as_of: {AS_OF}\n".encode()
        assert content in (
            old,
            old.replace(b"status: unknown\n", b"status: active\n" + dated),
            old.replace(b"status: unknown\n", b"status: unknown\n" + dated),
        )


def test_new_with_flags_golden(dean, plan_copy, golden):
    result = dean(
        "new",
        "--pillar",
        "III",
        "--title-es",
        "Cooperación en inteligencia artificial",
        "--title-en",
        "Cooperation on artificial intelligence",
        "--lead-mx",
        "SE",
        "--as-of",
        AS_OF,
    )
    assert result.exit_code == 0, result.stderr
    path = plan_copy / "initiatives/12-cooperation-on-artificial-intelligence.yaml"
    assert result.stdout == f"created plan/initiatives/{path.name}\n"
    golden("new-12.yaml", path.read_text())
    check = dean("validate", "--as-of", AS_OF, "-f", "json")
    assert check.exit_code == 0
    again = dean(
        "new",
        "--pillar",
        "3",
        "--title-es",
        "x",
        "--title-en",
        "y",
        "--slug",
        "cooperation-on-artificial-intelligence",
        "--as-of",
        AS_OF,
    )
    assert again.exit_code == 1  # the same slug as 12: DEAN213 duplicate-slug
    assert "error[DEAN213]" in again.stderr


def test_new_refuses_to_overwrite(dean, plan_copy):
    existing = plan_copy / "initiatives/12-dup.yaml"
    existing.write_text("# placeholder\n")
    result = dean(
        "new",
        "--pillar",
        "1",
        "--title-es",
        "a",
        "--title-en",
        "b",
        "--slug",
        "dup",
        "--as-of",
        AS_OF,
    )
    assert result.exit_code != 0
    assert existing.read_text() == "# placeholder\n"


def test_new_with_prompts(dean, plan_copy, monkeypatch, golden):
    monkeypatch.setattr("deancli.cli.new.interactive", lambda: True)
    from typer.testing import CliRunner

    from deancli.cli import app
    from tests.conftest import ENV

    result = CliRunner().invoke(
        app,
        ["new", "--as-of", AS_OF, "--dry-run"],
        input="4\nFormación dual\nDual training\nSE\n\n\n",
        env=ENV,
    )
    assert result.exit_code == 0, result.output
    golden("new-prompts.txt", result.stdout)


def test_new_with_prompts_in_spanish(dean, plan_copy, monkeypatch, golden):
    """The prompts, the checks of each answer and the result, in Spanish at 80 columns."""
    monkeypatch.setattr("deancli.cli.new.interactive", lambda: True)
    from typer.testing import CliRunner

    from deancli.cli import app
    from tests.conftest import ENV

    result = CliRunner().invoke(
        app,
        ["new", "--as-of", AS_OF, "--dry-run"],
        input="9\n4\nFormación dual\nDual training\nXYZ\nSE\n\nnope\nactive\n",
        env={**ENV, "LANG": "es_MX.UTF-8", "COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    golden("new-prompts.es.80.txt", result.stdout)
    assert result.stderr == (
        "  pilar desconocido '9'; pilares válidos: 1 (I), 2 (II), 3 (III), 4 (IV)\n"
        "  organización desconocida 'XYZ'; válidas: AMEXCID, ATDT, COFEPRIS, CRT, DHS, DOC, "
        "DOS, IFT, INAI, SABG, SE, SHCP, SRE, TREAS, USAID, USTR\n"
        "  'nope' no es un estado; válidos: planned, active, finalising, completed, "
        "cancelled, suspended, unknown\n"
    )


def test_new_missing_flags_off_a_terminal(dean, plan_copy):
    result = dean("new", "--pillar", "1")
    assert result.exit_code == 2
    assert "missing --title-es, --title-en" in result.stderr


def test_fmt_check_passes_on_the_embedded_plan(dean, in_repo):
    result = dean("fmt", "--check")
    assert result.exit_code == 0
    assert result.stdout == "All files already formatted.\n"


STALE_08 = (
    "  # dean: ignore[stale-evidence] -- newest public evidence 2025-05-09; none later found "
    "(research notes §1.7)"
).encode()


def test_fmt_diff_golden_and_check(dean, plan_copy, golden):
    path = plan_copy / "initiatives/11-technical-training.yaml"
    edit(path, "pillar: 4\n", "")
    edit(
        path,
        "research notes §1.7)\nstatus_as_of",
        "research notes §1.7)\npillar: 4   # moved here\nstatus_as_of",
    )
    edit(path, "    due: 2024-03-31\n", '    due: "2024-03-31"\n')
    before = path.read_text()
    result = dean("fmt", "--diff")
    golden("fmt.diff", result.stdout)
    assert path.read_text() == before
    assert dean("fmt", "--check").exit_code == 1
    assert dean("fmt").stdout == "reformatted plan/initiatives/11-technical-training.yaml\n"
    assert dean("fmt", "--check").exit_code == 0
    assert "pillar: 4   # moved here" in path.read_text()


def test_fmt_leaves_a_broken_file_alone(dean, plan_copy):
    path = plan_copy / "initiatives/11-technical-training.yaml"
    path.write_text("id: [\n")
    result = dean("fmt")
    assert result.exit_code == 1
    assert "has load errors" in result.stderr
    assert path.read_text() == "id: [\n"


def test_fmt_never_loses_a_comment(dean, plan_copy):
    path = plan_copy / "initiatives/11-technical-training.yaml"
    edit(path, "pillar: 4\n", "pillar: 4 # four\n# between\n")
    dean("fmt")
    text = path.read_text()
    assert "# four" in text and "# between" in text


def test_repo_plan_is_canonical():
    proc = subprocess.run(
        [sys.executable, "-m", "deancli", "fmt", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout
    assert Path(REPO / "plan").is_dir()
