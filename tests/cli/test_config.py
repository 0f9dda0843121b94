"""Configuration (dean.toml, [tool.dean]), inline suppressions with reasons, output control,
`dean explain` and the stale mark of `dean status` (issue 15), through the real CLI on a copy
of the real plan."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from tests.conftest import AS_OF, edit

I09 = "plan/initiatives/09-innovation-creativity-campaign.yaml"
I05 = "plan/initiatives/05-root-causes-of-migration.yaml"
I01 = "plan/initiatives/01-strengthening-supply-chains.yaml"
TAIL = "checked 13 files (11 initiatives, 4 pillars, 16 organizations) in plan/, as of 2026-11-28"
LEAD_09 = f"{I09}:16:3: warning[DEAN211] missing-lead: no Mexican lead for initiative 9"
SUPPRESSION_09 = "  # dean: ignore[missing-lead] -- not publicly known"
STALE_05 = "  # dean: ignore[stale-evidence] -- newest public evidence 2025-07-01; none later"


def validate(dean, *args: str):  # type: ignore[no-untyped-def]
    return dean("validate", "--as-of", AS_OF, "--format", "concise", *args)


def lines(out: str) -> list[str]:
    return out.splitlines()


def wrapped(text: str, width: int = 120) -> str:
    """``text`` as the full format prints it: wrapped at spaces to the width."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) + "\n"


def unsuppress_09(plan: Path) -> None:
    """Initiative 9 without the suppression of its missing Mexican lead (line 16)."""
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", SUPPRESSION_09, "")


def strip_suppressions(plan: Path) -> None:
    for path in [*plan.glob("initiatives/*.yaml"), plan / "dialogue.yaml"]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"[ \t]*# dean: ignore\[[^\]]*\].*", "", text), encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- settings ----------------------------------------------------------------------------


def test_the_copied_plan_is_clean_and_one_removed_suppression_shows(dean, plan_copy):
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"
    unsuppress_09(plan_copy)
    r = validate(dean)
    assert r.exit_code == 0
    assert lines(r.stdout) == [LEAD_09, f"Found 1 warning in 1 file; {TAIL}; 30 suppressed."]


@pytest.mark.parametrize("key", ["DEAN211", "missing-lead"])
def test_rule_severity_by_code_or_name(dean, plan_copy, key):
    unsuppress_09(plan_copy)
    write(plan_copy / "dean.toml", f'[rules]\n{key} = "error"\n')
    r = validate(dean)
    assert r.exit_code == 1
    assert lines(r.stdout)[0] == LEAD_09.replace("warning[", "error[")
    write(plan_copy / "dean.toml", f'[rules]\n{key} = "info"\n')
    r = validate(dean, "--strict")
    assert r.exit_code == 0
    assert lines(r.stdout)[0] == LEAD_09.replace("warning[", "info[")


@pytest.mark.parametrize("key", ["DEAN211", "missing-lead"])
def test_rule_off_drops_the_finding(dean, plan_copy, key):
    unsuppress_09(plan_copy)
    write(plan_copy / "dean.toml", f'[rules]\n{key} = "off"\n')
    r = validate(dean, "--strict")
    assert (r.exit_code, r.stdout) == (0, f"All checks passed: {TAIL}; 30 suppressed.\n")


def test_per_path_overrides_match_globs_and_the_last_one_wins(dean, plan_copy):
    unsuppress_09(plan_copy)
    write(
        plan_copy / "dean.toml",
        '[rules]\nmissing-lead = "error"\n\n'
        '[[overrides]]\nfiles = ["initiatives/09-*.yaml"]\nrules = { missing-lead = "off" }\n\n'
        '[[overrides]]\nfiles = ["initiatives/0?-innovation-*.yaml"]\n'
        'rules = { DEAN211 = "info" }\n',
    )
    assert lines(validate(dean).stdout)[0] == LEAD_09.replace("warning[", "info[")
    # an override for other files leaves the global setting in force
    write(
        plan_copy / "dean.toml",
        '[rules]\nmissing-lead = "error"\n\n'
        '[[overrides]]\nfiles = ["initiatives/05-*.yaml"]\nrules = { missing-lead = "off" }\n',
    )
    assert lines(validate(dean).stdout)[0] == LEAD_09.replace("warning[", "error[")
    # only the last matching override is off
    write(
        plan_copy / "dean.toml",
        '[[overrides]]\nfiles = ["initiatives/*.yaml"]\nrules = { missing-lead = "error" }\n\n'
        '[[overrides]]\nfiles = ["initiatives/09-*"]\nrules = { missing-lead = "off" }\n',
    )
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 30 suppressed.\n"


def test_plan_setting_chooses_the_plan_directory(dean, plan_copy, tmp_path):
    moved = tmp_path / "data" / "hled"
    moved.parent.mkdir()
    plan_copy.rename(moved)
    write(tmp_path / "dean.toml", 'plan = "data/hled"\n')
    r = dean("status", "--as-of", AS_OF, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["as_of"] == AS_OF
    r = dean("validate", "--as-of", AS_OF, "--format", "json")
    assert json.loads(r.stdout)["summary"]["files_checked"] == 13
    assert "data/hled" in json.loads(r.stdout)["plan"]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [('lang = "es"', "Estado del plan"), ('lang = "en"', "Plan status"), ("", "Plan status")],
)
def test_lang_setting_is_the_default_language(dean, plan_copy, tmp_path, setting, expected):
    write(tmp_path / "dean.toml", setting + "\n")
    r = dean("status", "--as-of", AS_OF, "--no-pager", env={"LANG": "en_US.UTF-8"})
    assert r.stdout.startswith(expected), r.stdout[:80]
    r = dean("status", "--as-of", AS_OF, "--no-pager", "--lang", "en")
    assert r.stdout.startswith("Plan status")


def test_stale_evidence_months_setting(dean, plan_copy):
    edit(plan_copy / "initiatives/05-root-causes-of-migration.yaml", STALE_05, "  #")
    finding = (
        f"{I05}:22:9: warning[DEAN220] stale-evidence: initiative 5 is `active` on stale "
        "evidence (newest evidence 2025-07-01, 16 months old)"
    )
    write(plan_copy / "dean.toml", "[stale-evidence]\nmonths = 12\n")
    assert lines(validate(dean).stdout)[0] == finding
    write(plan_copy / "dean.toml", "[stale-evidence]\nmonths = 16\n")
    # (suppressions of evidence between 12 and 16 months old elsewhere now silence nothing)
    assert [x for x in lines(validate(dean).stdout) if x.startswith(I05)] == []
    write(plan_copy / "dean.toml", "[stale-evidence]\nmonths = 15\n")
    assert lines(validate(dean).stdout)[0] == finding


def test_dialogue_meetings_months_setting(dean, plan_copy):
    edit(plan_copy / "dialogue.yaml", "  # dean: ignore[dialogue-inactive]", "  # ignore[x]")
    finding = (
        "plan/dialogue.yaml:33:3: warning[DEAN221] dialogue-inactive: no meeting of the "
        "dialogue recorded since 2024-04-19 (31 months)"
    )
    assert lines(validate(dean).stdout)[0] == finding  # the plan's dean.toml: 12 months
    write(plan_copy / "dean.toml", "[dialogue-meetings]\nmonths = 31\n")
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 30 suppressed.\n"
    write(plan_copy / "dean.toml", "[dialogue-meetings]\nmonths = 30\n")
    assert lines(validate(dean).stdout)[0] == finding


# --- finding the file ----------------------------------------------------------------------


def test_pyproject_tool_dean_is_found_from_the_plan_upward(dean, plan_copy, tmp_path):
    unsuppress_09(plan_copy)
    (plan_copy / "dean.toml").unlink()
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.dean.rules]\nDEAN211 = "error"\n',
    )
    r = validate(dean)
    assert lines(r.stdout)[0] == LEAD_09.replace("warning[", "error[")
    # a dean.toml nearer the plan wins over the pyproject.toml above it
    write(plan_copy / "dean.toml", '[rules]\nDEAN211 = "info"\n')
    assert lines(validate(dean).stdout)[0] == LEAD_09.replace("warning[", "info[")
    # a pyproject.toml without [tool.dean] is not a configuration
    (plan_copy / "dean.toml").unlink()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert lines(validate(dean).stdout)[0] == LEAD_09


def test_dean_toml_above_the_plan_is_found(dean, plan_copy, tmp_path):
    unsuppress_09(plan_copy)
    (plan_copy / "dean.toml").unlink()
    write(tmp_path / "dean.toml", '[rules]\nmissing-lead = "off"\n')
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 30 suppressed.\n"


def test_config_option_and_isolated(dean, plan_copy, tmp_path):
    unsuppress_09(plan_copy)
    other = write(tmp_path / "strict.toml", '[rules]\nmissing-lead = "error"\n')
    write(plan_copy / "dean.toml", '[rules]\nmissing-lead = "off"\n')
    r = validate(dean, "--config", str(other))
    assert (r.exit_code, lines(r.stdout)[0]) == (1, LEAD_09.replace("warning[", "error["))
    r = validate(dean, "--isolated")
    assert (r.exit_code, lines(r.stdout)[0]) == (0, LEAD_09)
    r = validate(dean, "--config", "missing.toml")
    assert r.exit_code == 2
    assert r.stderr == "dean: error: configuration file not found: missing.toml\n"


# --- mistakes in the configuration ---------------------------------------------------------


def config_findings(dean, plan: Path, text: str, *args: str) -> list[str]:
    write(plan / "dean.toml", text)
    r = validate(dean, *args)
    assert r.exit_code == 1
    return [line for line in lines(r.stdout) if "DEAN020" in line]


def test_bad_toml_is_reported_at_its_line_and_column(dean, plan_copy):
    assert config_findings(dean, plan_copy, "[rules]\nmissing-lead = \n") == [
        "plan/dean.toml:2:16: error[DEAN020] invalid-config: cannot read the configuration: "
        "Invalid value (at line 2, column 16)"
    ]


def test_unknown_setting_wrong_type_and_value(dean, plan_copy):
    text = (
        "# settings\n"
        'plan = "plan"\n'
        'colour = "red"\n'
        "[stale-evidence]\n"
        'months = "twelve"\n'
        "[dialogue-meetings]\n"
        "months = 0\n"
        "[rules]\n"
        'missing-lead = "loud"\n'
    )
    assert config_findings(dean, plan_copy, text) == [
        "plan/dean.toml:3:1: error[DEAN020] invalid-config: unknown setting `colour`",
        "plan/dean.toml:5:1: error[DEAN020] invalid-config: `stale-evidence.months` must be "
        "integer",
        "plan/dean.toml:7:1: error[DEAN020] invalid-config: `dialogue-meetings.months` is out "
        "of range (minimum 1)",
        "plan/dean.toml:9:1: error[DEAN020] invalid-config: `rules.missing-lead` must be one of "
        "error, warning, info, off",
    ]


def test_unknown_rule_names_the_closest_one(dean, plan_copy):
    text = (
        '[rules]\nmissing-leed = "off"\nDEAN211 = "info"\n\n'
        '[[overrides]]\nfiles = ["initiatives/*"]\nrules = { stale-evidance = "off" }\n'
    )
    write(plan_copy / "dean.toml", text)
    r = dean("validate", "--as-of", AS_OF, "--format", "full")
    assert r.exit_code == 1
    assert r.stdout == (
        "error[DEAN020]: unknown rule `missing-leed`  (invalid-config)\n"
        "  --> plan/dean.toml:2:1\n"
        "  = help: did you mean `missing-lead`?\n\n"
        "error[DEAN020]: unknown rule `stale-evidance`  (invalid-config)\n"
        "  --> plan/dean.toml:7:11\n"
        "  = help: did you mean `stale-evidence`?\n\n"
        + wrapped(f"Found 2 errors in 1 file; {TAIL}; 31 suppressed.")
    ).replace("unknown rule `stale-evidence`", "unknown rule `stale-evidance`")


def test_pyproject_mistakes_are_at_their_line_in_pyproject(dean, plan_copy, tmp_path):
    (plan_copy / "dean.toml").unlink()
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.dean]\nlang = "fr"\n\n[tool.dean.rules]\nbogus = "off"\n',
    )
    assert [x for x in lines(validate(dean).stdout) if "DEAN020" in x] == [
        "pyproject.toml:5:1: error[DEAN020] invalid-config: `lang` must be one of es, en, ES, EN",
        "pyproject.toml:8:1: error[DEAN020] invalid-config: unknown rule `bogus`",
    ]


def test_a_wrong_setting_leaves_the_valid_ones_in_force(dean, plan_copy):
    unsuppress_09(plan_copy)
    out = config_findings(dean, plan_copy, '[rules]\nDEAN211 = "error"\nDEAN220 = 3\n')
    assert out == [
        "plan/dean.toml:3:1: error[DEAN020] invalid-config: `rules.DEAN220` must be string"
    ]
    assert LEAD_09.replace("warning[", "error[") in validate(dean).stdout


# --- suppressions --------------------------------------------------------------------------


def test_trailing_suppression_by_code_or_name(dean, plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(path, "ignore[missing-lead]", "ignore[DEAN211]")
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"
    edit(path, "ignore[DEAN211]", "ignore[DEAN220, missing-lead]")
    r = validate(dean)
    assert lines(r.stdout) == [
        f"{I09}:16:11: warning[DEAN021] unused-suppression: suppression of `DEAN220` silences "
        "nothing here",
        f"Found 1 warning in 1 file; {TAIL}; 31 suppressed.",
    ]


def test_suppression_on_the_line_above_a_key(dean, plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(path, SUPPRESSION_09, "")
    edit(path, "leads:\n", "# dean: ignore[DEAN211] -- no lead is public\nleads:\n")
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"
    # above `us:` it covers nothing that is wrong
    edit(path, "# dean: ignore[DEAN211] -- no lead is public\nleads:\n", "leads:\n")
    edit(path, "  us: [DOC]\n", "  # dean: ignore[DEAN211] -- no lead is public\n  us: [DOC]\n")
    assert lines(validate(dean).stdout) == [
        LEAD_09,
        f"{I09}:17:3: warning[DEAN021] unused-suppression: suppression of `DEAN211` silences "
        "nothing here",
        f"Found 2 warnings in 1 file; {TAIL}; 30 suppressed.",
    ]


def test_suppression_above_a_list_item_covers_the_whole_milestone(dean, plan_copy):
    path = plan_copy / "initiatives/01-strengthening-supply-chains.yaml"
    old = "    status: in_progress  # dean: ignore[stale-evidence] -- newest public evidence 2024-04-19; none later found (research notes §1.7)\n"  # noqa: E501
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 3
    path.write_text(text.replace(old, "    status: in_progress\n"), encoding="utf-8")
    assert len([x for x in lines(validate(dean).stdout) if "DEAN220" in x]) == 3
    edit(
        path,
        "  - id: arizona-students-and-canieti-forums\n",
        "  # dean: ignore[stale-evidence] -- the whole milestone: nothing after 2024\n"
        "  - id: arizona-students-and-canieti-forums\n",
    )
    r = validate(dean, "--show-suppressed")
    stale = [x for x in lines(r.stdout) if "DEAN220" in x and "stale-evidence:" in x]
    assert [x.split(":")[1] for x in stale if not x.startswith(" ")] == ["128", "156"]
    assert (
        f"  {I01}:114:13: DEAN220 stale-evidence: the whole milestone: nothing after 2024"
        f"  [{I01}:108]"
    ) in lines(r.stdout)


def test_suppression_without_a_reason_is_a_warning(dean, plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    text = path.read_text(encoding="utf-8")
    edit(path, SUPPRESSION_09, "  # dean: ignore[missing-lead]")
    r = validate(dean, "--strict")
    assert r.exit_code == 1
    assert lines(r.stdout) == [
        f"{I09}:16:11: warning[DEAN022] suppression-without-reason: suppression without a reason",
        f"Found 1 warning in 1 file; {TAIL}; 31 suppressed.",
    ]
    # an empty reason, or text without the `--` separator, is no reason either
    for written in ("--   ", "not publicly known"):
        path.write_text(text.replace(SUPPRESSION_09, f"  # dean: ignore[missing-lead] {written}"))
        r = validate(dean)
        assert lines(r.stdout)[0] == (
            f"{I09}:16:11: warning[DEAN022] suppression-without-reason: "
            "suppression without a reason"
        ), written


def test_unused_suppression_is_reported(dean, plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(path, "announced: 2021-12-13\n", "announced: 2021-12-13  # dean: ignore[DEAN207] -- x\n")
    r = validate(dean, "--strict")
    assert r.exit_code == 1
    assert lines(r.stdout) == [
        f"{I09}:12:24: warning[DEAN021] unused-suppression: suppression of `DEAN207` silences "
        "nothing here",
        f"Found 1 warning in 1 file; {TAIL}; 31 suppressed.",
    ]


def test_suppression_survives_fmt_reordering_keys(dean, plan_copy):
    path = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    text = path.read_text(encoding="utf-8")
    leads = re.search(r"^leads:\n(?:  .*\n)+", text, re.M)
    assert leads is not None
    block = "# dean: ignore[missing-lead] -- no lead is public\n" + leads.group(0)
    moved = text.replace(leads.group(0), "").replace(SUPPRESSION_09, "") + block
    moved = moved.replace(SUPPRESSION_09, "")
    path.write_text(moved, encoding="utf-8")
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"
    r = dean("fmt")
    assert r.exit_code == 0, r.stderr
    after = path.read_text(encoding="utf-8")
    assert after != moved
    assert after.index("leads:") < after.index("notes:")
    assert "# dean: ignore[missing-lead] -- no lead is public\nleads:" in after
    assert validate(dean).stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"


# --- output control ------------------------------------------------------------------------


def test_show_suppressed_lists_what_was_silenced_and_why(dean, plan_copy):
    r = validate(dean, "--show-suppressed")
    assert r.exit_code == 0
    out = lines(r.stdout)
    assert out[0] == "Suppressed (31):"
    assert f"  {I09}:16:3: DEAN211 missing-lead: not publicly known  [{I09}:16]" in out
    assert out[-1] == f"All checks passed: {TAIL}; 31 suppressed."
    assert "Suppressed" not in validate(dean).stdout


def test_quiet_keeps_errors_and_the_summary(dean, plan_copy):
    strip_suppressions(plan_copy)
    edit(plan_copy / "initiatives/09-innovation-creativity-campaign.yaml", "pillar: 4", "pillar: 9")
    r = dean("validate", "--as-of", AS_OF, "--format", "full", "--quiet")
    assert r.exit_code == 1
    assert "warning[" not in r.stdout
    assert r.stdout.count("error[") == 1
    summary = r.stdout.split("\n\n")[-1]  # the full format wraps it to the width
    assert " ".join(summary.split()) == f"Found 1 error and 31 warnings in 12 files; {TAIL}."


def test_min_severity_leaves_out_lower_findings(dean, plan_copy):
    strip_suppressions(plan_copy)
    r = validate(dean, "--min-severity", "error", "--strict")
    assert (r.exit_code, r.stdout) == (0, f"All checks passed: {TAIL}.\n")
    write(plan_copy / "dean.toml", '[rules]\nmissing-lead = "info"\n')
    r = validate(dean, "--min-severity", "warning")
    assert "DEAN211" not in r.stdout
    assert r.stdout.count("warning[DEAN220]") == 18
    assert "info[DEAN211]" in validate(dean, "--min-severity", "info").stdout


def test_full_format_groups_many_findings_of_one_rule_unless_verbose(dean, plan_copy):
    strip_suppressions(plan_copy)
    r = dean("validate", "--as-of", AS_OF, "--format", "full")
    assert r.stdout.count("warning[DEAN211]") == 3
    assert r.stdout.count("warning[DEAN220]") == 3
    assert (
        "… 9 × missing-lead (DEAN211) more, in 6 files; --verbose shows every one "
        "(--format concise, one line each)\n"
    ) in r.stdout
    assert "… 15 × stale-evidence (DEAN220) more, in 9 files;" in r.stdout
    assert r.stdout.count("warning[DEAN221]") == 1
    v = dean("validate", "--as-of", AS_OF, "--format", "full", "--verbose")
    assert v.stdout.count("warning[DEAN211]") == 12
    assert v.stdout.count("warning[DEAN220]") == 18
    assert "×" not in v.stdout
    # ten findings of one rule are not grouped
    write(plan_copy / "dean.toml", '[rules]\nstale-evidence = "off"\n')
    p = plan_copy / "initiatives/02-environmental-technologies.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("  mx: []", "  mx: [SE]"), "utf-8")
    p = plan_copy / "initiatives/03-border-conditions.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("  mx: []", "  mx: [SE]"), "utf-8")
    r = dean("validate", "--as-of", AS_OF, "--format", "full")
    assert r.stdout.count("warning[DEAN211]") == 10
    assert "×" not in r.stdout


# --- dean explain --------------------------------------------------------------------------


def _codes():  # type: ignore[no-untyped-def]
    from deancli.check.codes import all_codes

    return all_codes()


@pytest.mark.parametrize("info", _codes(), ids=lambda c: c.code)
def test_explain_every_code(dean, info):
    r = dean("explain", info.code)
    assert r.exit_code == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[0] == f"{info.code} {info.name} ({info.severity.label})"
    assert len(out) > 4
    assert all(len(line) <= 80 for line in out[-6:]), out[-6:]
    assert out[-6:] == [
        "",
        "Configure it in dean.toml (or [tool.dean] in pyproject.toml):",
        "  [rules]",
        f'  {info.name} = "off"  # or "info", "warning", "error"',
        "Silence one finding, with a reason, on its line or the line above its key:",
        f"  # dean: ignore[{info.name}] -- reason",
    ]
    assert dean("explain", info.name).stdout == r.stdout


# --- stale evidence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "stale"),
    [("2026-07-01", False), ("2026-07-31", False), ("2026-08-01", True), ("2025-12-01", False)],
)
def test_stale_evidence_on_both_sides_of_the_threshold(dean, plan_copy, as_of, stale):
    edit(plan_copy / "initiatives/05-root-causes-of-migration.yaml", STALE_05, "  #")
    r = dean("validate", "--as-of", as_of, "--format", "concise", I05)
    found = [x for x in lines(r.stdout) if "DEAN220" in x]
    if stale:
        assert found == [
            f"{I05}:22:9: warning[DEAN220] stale-evidence: initiative 5 is `active` on stale "
            "evidence (newest evidence 2025-07-01, 13 months old)"
        ]
    else:
        assert found == []
    s = dean("status", "--as-of", as_of, "--pillar", "2", "--format", "json")
    assert json.loads(s.stdout)["initiatives"][0]["stale"] is stale


def test_status_marks_stale_rows_with_a_legend_in_every_format(dean, plan_copy):
    legend = "stale: a current status without evidence from the last 12 months"
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--no-pager")
    out = [line.rstrip() for line in lines(r.stdout)]
    assert [line[-12:] for line in out if "2025-07-01" in line] == ["2025-07-01 *"]
    assert out[-2:] == [f"* {legend}", "Marks: — none"]
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--format", "markdown")
    assert "| 2025-07-01 \\* |" in r.stdout
    assert f"\\* {legend}" in r.stdout
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--format", "csv")
    assert r.stdout.rstrip().endswith(",2025-07-01,true")  # the stale column
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--format", "json")
    assert json.loads(r.stdout)["initiatives"][0]["stale"] is True
    # the threshold comes from the configuration
    write(plan_copy / "dean.toml", "[stale-evidence]\nmonths = 24\n")
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--no-pager")
    assert "*" not in r.stdout
    r = dean("status", "--as-of", AS_OF, "--pillar", "2", "--format", "json")
    assert json.loads(r.stdout)["initiatives"][0]["stale"] is False


# --- the documented examples ---------------------------------------------------------------


def _toml_blocks(path: Path) -> list[str]:
    return re.findall(r"^```toml\n(.*?)^```", path.read_text(encoding="utf-8"), re.M | re.S)


@pytest.mark.parametrize(
    ("doc", "index", "name"),
    [
        ("docs/configuration.md", 0, "dean.toml"),
        ("docs/configuration.md", 1, "pyproject.toml"),
        ("README.md", 0, "dean.toml"),
    ],
)
def test_documented_examples_are_valid(dean, plan_copy, tmp_path, doc, index, name):
    from tests.conftest import REPO

    (plan_copy / "dean.toml").unlink()
    text = _toml_blocks(REPO / doc)[index]
    if name == "pyproject.toml":
        text = '[project]\nname = "x"\n\n' + text
    write(tmp_path / name, text)
    r = dean("validate", "--as-of", AS_OF, "--format", "json")
    report = json.loads(r.stdout)
    assert report["config"] == name
    assert [d for d in report["diagnostics"] if d["code"] == "DEAN020"] == []
    assert dean("status", "--as-of", AS_OF, "--no-pager").stdout.startswith("Estado del plan")


# --- baseline ------------------------------------------------------------------------------


def test_baseline_write_use_stale_and_shrink(dean, plan_copy, tmp_path):
    strip_suppressions(plan_copy)
    baseline = tmp_path / "dean-baseline.json"
    r = validate(dean, "--write-baseline", str(baseline), "--strict")
    assert r.exit_code == 0
    assert r.stderr == f"dean: wrote 31 findings to the baseline {baseline}\n"
    assert r.stdout == f"All checks passed: {TAIL}; 31 suppressed.\n"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["entries"]) == 31
    assert {
        "file": "initiatives/09-innovation-creativity-campaign.yaml",
        "rule": "DEAN211",
        "path": "$.leads.mx",
        "message": "no Mexican lead for initiative 9",
    } in data["entries"]
    assert all("line" not in e for e in data["entries"])
    # used: everything recorded is silenced, and says so with --show-suppressed
    r = validate(dean, "--baseline", str(baseline), "--strict", "--show-suppressed")
    assert r.exit_code == 0
    assert f"  {I09}:16:3: DEAN211 missing-lead: in the baseline {baseline}  [{baseline}]" in lines(
        r.stdout
    )
    # lines move (not reported), a finding goes (stale entry), a new one comes (reported)
    i09 = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    edit(i09, "announced: 2021-12-13\n", "# a new comment\n\nannounced: 2021-12-13\n")
    edit(i09, "  us: [DOC]\n", "  us: []\n")
    edit(i09, "  mx: []\n", "  mx: [SE]\n")
    before = baseline.read_text(encoding="utf-8")
    stale_line = next(
        n for n, x in enumerate(before.splitlines(), 1) if "initiative 9" in x and "Mexican" in x
    )
    r = validate(dean, "--baseline", str(baseline))
    assert lines(r.stdout) == [
        f"{baseline}:{stale_line}:1: warning[DEAN023] stale-baseline-entry: baseline entry "
        "matches no finding: DEAN211 in initiatives/09-innovation-creativity-campaign.yaml at "
        "$.leads.mx: no Mexican lead for initiative 9",
        f"{I09}:19:3: warning[DEAN211] missing-lead: no U.S. lead for initiative 9",
        f"Found 2 warnings in 2 files; {TAIL}; 30 suppressed.",
    ]
    assert baseline.read_text(encoding="utf-8") == before  # only --update-baseline writes
    # shrink: the stale entry goes, the new finding is not added
    r = validate(dean, "--baseline", str(baseline), "--update-baseline")
    assert r.stderr == f"dean: removed 1 stale entry from the baseline {baseline}\n"
    assert lines(r.stdout) == [
        f"{I09}:19:3: warning[DEAN211] missing-lead: no U.S. lead for initiative 9",
        f"Found 1 warning in 1 file; {TAIL}; 30 suppressed.",
    ]
    after = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert len(after) == 30
    assert not any("initiative 9" in e["message"] for e in after)
    r = validate(dean, "--baseline", str(baseline), "--update-baseline")
    assert r.stderr == ""
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["entries"]) == 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--update-baseline"], "--update-baseline needs --baseline FILE"),
        (
            ["--baseline", "nope.json"],
            "cannot read the baseline nope.json: No such file or directory",
        ),
        (
            ["--baseline", "bad.json"],
            "cannot read the baseline bad.json: not a version 1 dean baseline",
        ),
        (
            ["--baseline", "entries.json"],
            "cannot read the baseline entries.json: each entry needs file, rule, path and message",
        ),
        (
            ["--baseline", "b.json", "--write-baseline", "c.json"],
            "use --baseline or --write-baseline, not both",
        ),
        (
            ["--write-baseline", "no/such/dir/b.json"],
            "cannot write --write-baseline no/such/dir/b.json: the directory no/such/dir does "
            "not exist",
        ),
    ],
)
def test_baseline_usage_errors(dean, plan_copy, tmp_path, args, message):
    write(tmp_path / "bad.json", '{"entries": []}')
    write(tmp_path / "entries.json", '{"version": 1, "entries": [{"file": "x"}]}')
    r = validate(dean, *args)
    assert (r.exit_code, r.stderr) == (2, f"dean: error: {message}\n")
