"""`--format concise`: one greppable line per finding, sorted, then the summary line."""

from __future__ import annotations

from tests.unit.render.results import FINDINGS, result

EXPECTED = r"""plan/dialogue.yaml: info[DEAN015] too-many-findings: 3 more findings in this file not shown
plan/initiatives/01-a.yaml:3:9: warning[DEAN211] missing-lead: no Mexican lead for initiative 1
plan/initiatives/01-a.yaml:3:23: error[DEAN204] unknown-organization: unknown organization `DCO`
plan/initiatives/01-a.yaml:6:9: error[DEAN201] duplicate-id: duplicate milestone id `a`
plan/initiatives/01-a.yaml:7:1: error[DEAN101] unknown-key: unknown key `x-note\x1b[31m`, 50% off,\nnext line ##[group]
plan/notes.yaml: warning[DEAN004] unexpected-file: file is not part of the plan layout and was not checked
Found 3 errors, 2 warnings and 1 note in 3 files; checked 4 files (2 initiatives, 2 pillars, 2 organizations) in plan/, as of 2026-11-28.
"""  # noqa: E501


def test_findings(report):
    assert report("concise", result()) == EXPECTED


def test_all_checks_passed(report):
    assert report("concise", result([])) == (
        "All checks passed: checked 4 files (2 initiatives, 2 pillars, 2 organizations) in "
        "plan/, as of 2026-11-28.\n"
    )


def test_the_summary_names_only_the_severities_found(report):
    out = report("concise", result(FINDINGS[:1]))
    assert out.splitlines()[-1].startswith("Found 1 error in 1 file; checked 4 files")
    out = report("concise", result([FINDINGS[2], FINDINGS[5]]))
    assert out.splitlines()[-1].startswith("Found 1 warning and 1 note in 2 files; checked")


def test_the_files_named_on_the_command_line(report):
    r = result([])
    r.reported_paths, r.files_reported = ["plan/initiatives/01-a.yaml"], 1
    assert report("concise", r).endswith("in plan/, as of 2026-11-28; reporting on 1 file.\n")


def test_colour_only_styles_what_dean_writes(report):
    coloured = report("concise", result(), color=True)
    assert "\x1b[" in coloured
    # the finding's own ESC is still shown escaped, whatever the styles around it
    assert "unknown key `x-note\\x1b[31m`" in coloured
    assert coloured.count("\x1b[31m") == 0
