"""Editing people can trust (issue 12): each numbered problem of the issue's "Why", driven
through the real CLI, with exact output where the output is a contract."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import AS_OF, REAL_PLAN, edit

I11 = "plan/initiatives/11-technical-training.yaml"
I08 = "plan/initiatives/08-digital-cooperation-privacy-rules.yaml"

READ_ONLY = (
    "dean: error: the plan embedded in dean is read-only ({path})\n"
    "dean looked for a plan in --plan DIR, $DEAN_PLAN and ./plan, and found none.\n"
    "Start your own with `dean init` (a copy of this plan) or `dean init --empty`, then run "
    "dean there.\n"
)


# 1. edits into the installed package ----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["set", "8", "status=suspended"],
        ["set", "8", "status=suspended", "--dry-run"],
        ["new", "--pillar", "1", "--title-es", "a", "--title-en", "b"],
        ["fmt"],
    ],
)
def test_edits_refuse_the_embedded_plan(dean, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)  # no ./plan, no $DEAN_PLAN: dean falls back to its own plan
    result = dean(*args)
    assert result.exit_code == 2
    assert result.stderr == READ_ONLY.format(path=REAL_PLAN)
    assert result.stdout == ""


def test_reading_commands_still_use_the_embedded_plan(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert dean("show", "8").exit_code == 0
    assert dean("fmt", "--check").exit_code == 0


def test_an_installed_plan_is_refused_even_when_named(dean, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("deancli.base.resources.is_installed", lambda path: True)
    result = dean("set", "8", "status=suspended", "--plan", str(REAL_PLAN))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"dean: error: the plan embedded in dean is read-only ({REAL_PLAN})\nStart"
    )


# 2. crash on a missing parent --------------------------------------------------------------


STALE_11 = (
    "  # dean: ignore[stale-evidence] -- newest public evidence 2024-04-19; none later found "
    "(research notes §1.7)"
)


def test_set_creates_a_missing_parent_in_canonical_position(dean, plan_copy):
    result = dean("set", "11", "summary.en=Training", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"--- a/{I11}\n"
        f"+++ b/{I11}\n"
        "@@ -9,6 +9,8 @@\n"
        " title_provenance:\n"
        "   es: {kind: official, sources: [jornada-2021-12-14, acustik-2021-12]}\n"
        "   en: {kind: translation, note: No official English name was found.}\n"
        "+summary:\n"
        "+  en: Training\n"
        " announced: 2021-12-13\n"
        f" status: active{STALE_11}\n"
        " status_as_of: 2023-04-18\n"
    )


def test_set_on_a_file_made_by_new(dean, plan_copy):
    made = dean("new", "--pillar", "2", "--title-es", "Uno", "--title-en", "One", "--as-of", AS_OF)
    assert made.exit_code == 0, made.stderr
    result = dean("set", "12", "notes.es=Nota", "summary.es=Resumen", "summary.en=Summary")
    assert result.exit_code == 0, result.stderr
    text = (plan_copy / "initiatives/12-one.yaml").read_text()
    assert "summary:\n  es: Resumen\n  en: Summary\n" in text
    assert "notes:\n  es: Nota\n" in text
    assert dean("validate", "--as-of", AS_OF).exit_code == 0


def test_set_through_a_value_that_is_not_a_mapping(dean, plan_copy):
    result = dean("set", "11", "status.en=x")
    assert result.exit_code == 1
    assert (
        result.stderr == "dean: edit refused: cannot edit `status.en`: `status` is not a mapping\n"
    )


# 4. duplicates ---------------------------------------------------------------------------


def test_duplicate_slugs_are_reported_and_ambiguous(dean, plan_copy):
    twin = plan_copy / "initiatives/12-technical-training.yaml"
    twin.write_text((plan_copy.parent / I11).read_text().replace("id: 11", "id: 12"))
    result = dean("validate", "--format", "concise", "--as-of", AS_OF)
    assert result.exit_code == 1
    found = [line for line in result.stdout.splitlines() if "DEAN213" in line]
    assert found == [
        f"{I11}:4:7: error[DEAN213] duplicate-slug: slug `technical-training` is also the slug "
        "of initiative 12",
        "plan/initiatives/12-technical-training.yaml:4:7: error[DEAN213] duplicate-slug: slug "
        "`technical-training` is also the slug of initiative 11",
    ]
    shown = dean("show", "technical-training")
    assert shown.exit_code == 2
    assert shown.stderr == (
        "dean: error: 'technical-training' is ambiguous: 2 initiatives have this slug: "
        f"11 ({I11}); 12 (plan/initiatives/12-technical-training.yaml); give each its own "
        "slug (dean validate shows where)\n"
    )


def test_new_refuses_a_slug_that_exists(dean, plan_copy):
    result = dean(
        "new", "--pillar", "4", "--title-es", "a", "--title-en", "b",
        "--slug", "technical-training", "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "error[DEAN213]" in result.stderr
    assert not (plan_copy / "initiatives/12-technical-training.yaml").exists()


def test_set_refuses_an_id_two_files_share(dean, plan_copy):
    shutil.copy(plan_copy.parent / I11, plan_copy / "initiatives/11-technical-training-2.yaml")
    before = (plan_copy.parent / I11).read_text()
    result = dean("set", "11", "status=unknown")
    assert result.exit_code == 2
    assert "'11' is ambiguous: 2 initiatives have this number" in result.stderr
    assert (plan_copy.parent / I11).read_text() == before


# 5. edits that leave false statements ------------------------------------------------------


def test_a_status_change_dates_itself_and_asks_for_evidence(dean, plan_copy):
    result = dean("set", "11", "status=completed", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    text = (plan_copy.parent / I11).read_text()
    assert f"status: completed{STALE_11}\nstatus_as_of: {AS_OF}\n" in text
    # the suppression on the line is about the old status: dean says so
    assert result.stderr == (
        f"dean: note: the comment on line 13 of {I11} may no longer be true:{STALE_11[1:]}\n"
        "dean: warning: the status changed with no source added; give the evidence with "
        "--source ID (added to status_sources)\n"
    )


def test_a_status_change_with_its_source(dean, plan_copy):
    result = dean(
        "set", "11", "status=suspended", "status_as_of=2024-01-02",
        "--source", "penmedia-2023-10", "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"dean: note: the comment on line 13 of {I11} may no longer be true:{STALE_11[1:]}\n"
    )
    text = (plan_copy.parent / I11).read_text()
    assert (
        f"status: suspended{STALE_11}\nstatus_as_of: 2024-01-02\n"
        "status_sources: [pledgetimes-2023-04-19, penmedia-2023-10]\n"
    ) in text


def test_a_lead_added_next_to_a_comment_about_the_empty_value(dean, plan_copy):
    result = dean("set", "11", "leads.mx+=SE", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"dean: note: the comment on line 17 of {I11} was written when the value was empty and "
        "is probably no longer true: # dean: ignore[missing-lead] -- not publicly known\n"
        "dean: warning: the leads changed with no source added; give the evidence with "
        "--source ID (added to leads.sources)\n"
    )
    with_source = dean("set", "11", "leads.us+=DOC", "-s", "penmedia-2023-10", "--as-of", AS_OF)
    assert with_source.exit_code == 0, with_source.stderr
    assert (
        "leads:\n  mx: [SE]  # dean: ignore[missing-lead] -- not publicly known\n"
        "  us: [DOC]  # dean: ignore[missing-lead] -- not publicly known\n"
        "  sources: [penmedia-2023-10]\n" in ((plan_copy.parent / I11).read_text())
    )


# 7. values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        (
            "title.en=# 1 priority",
            "`title.en=# 1 priority`: YAML reads `#` after a space as the start of a comment, "
            "so the value would be empty (null); write 'title.en:=# 1 priority' to store the "
            "text as typed",
        ),
        (
            "title.en=Priority #1",
            "`title.en=Priority #1`: YAML reads `#` after a space as the start of a comment, "
            "so the value would be `Priority`; write 'title.en:=Priority #1' to store the text "
            "as typed",
        ),
        (
            'title.en="\\e[31m"',
            '`title.en="\\e[31m"`: YAML reads this value with a problem (invisible or control '
            "character in value); write 'title.en:=\"\\e[31m\"' to store the text as typed",
        ),
        (
            "title.en=&a x",
            "`title.en=&a x`: YAML reads this value with a problem (anchor `&a`); write "
            "'title.en:=&a x' to store the text as typed",
        ),
        (
            "title.en=!!str x",
            "`title.en=!!str x`: YAML reads this value with a problem (explicit tag `!!str`); "
            "write 'title.en:=!!str x' to store the text as typed",
        ),
        (
            "title.en=Trade: goods",
            "`title.en=Trade: goods`: YAML cannot read this value (invalid YAML: mapping values "
            "are not allowed in this context); write 'title.en:=Trade: goods' to store the text "
            "as typed",
        ),
    ],
)
def test_values_yaml_reads_with_a_problem_are_refused(dean, plan_copy, arg, message):
    before = (plan_copy.parent / I11).read_text()
    result = dean("set", "11", arg)
    assert result.exit_code == 2
    assert result.stderr == f"dean: error: {message}\n"
    assert (plan_copy.parent / I11).read_text() == before


def test_text_as_typed_with_colon_equals_or_text(dean, plan_copy):
    result = dean("set", "11", "title.en:=# 1 priority", "notes.en:=&a: b")
    assert result.exit_code == 0, result.stderr
    text = (plan_copy.parent / I11).read_text()
    assert '  en: "# 1 priority"\n' in text
    assert 'notes:\n  en: "&a: b"\n' in text
    result = dean("set", "11", "--text", "title.es=3")
    assert result.exit_code == 0, result.stderr
    assert '  es: "3"\n' in (plan_copy.parent / I11).read_text()


def test_pillar_by_roman_numeral(dean, plan_copy):
    result = dean("set", "11", "pillar=III", "--diff")
    assert result.exit_code == 0, result.stderr
    assert "-pillar: 4\n+pillar: 3\n" in result.stdout
    bad = dean("set", "11", "pillar=IX")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("dean: error: unknown pillar 'IX'; valid pillars: 1 (I)")


def test_adding_twice_and_removing_a_missing_item_read_alike(dean, plan_copy):
    twice = dean("set", "11", "status_sources+=pledgetimes-2023-04-19")
    assert twice.exit_code == 1
    assert twice.stderr == (
        "dean: edit refused: `pledgetimes-2023-04-19` is already in `status_sources`; "
        "nothing to add\n"
    )
    missing = dean("set", "11", "leads.mx-=SE")
    assert missing.exit_code == 1
    assert missing.stderr == "dean: edit refused: `SE` is not in `leads.mx`; nothing to remove\n"


# 9. usage errors are usage errors ----------------------------------------------------------


def test_output_into_a_missing_directory(dean, in_repo, tmp_path):
    target = tmp_path / "missing" / "o.sarif"
    result = dean("validate", "--output", f"sarif:{target}", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        f"dean: error: cannot write --output {target}: the directory {target.parent} does not "
        "exist\n"
    )
    assert result.stdout == ""
    directory = dean("validate", "--output", f"junit:{tmp_path}", "--as-of", AS_OF)
    assert directory.exit_code == 2
    assert directory.stderr == f"dean: error: cannot write --output {tmp_path}: it is a directory\n"


# 3. milestones ---------------------------------------------------------------------------

FLOW = """\
schema_version: 1
id: 12
slug: flow
pillar: 1
title: {es: Flujo, en: Flow}
status: planned
leads: {mx: [SE], us: [DOC]}
milestones: [{id: a, title: {es: A, en: A}, status: planned, sources: [s1]}, {id: b, title: {es: B, en: B}, status: planned, sources: [s1], depends_on: [a]}]  # kept
sources: [{id: s1, title: S, publisher: P}]
"""  # noqa: E501


def _new_one(dean, plan_copy):
    made = dean("new", "--pillar", "2", "--title-es", "Uno", "--title-en", "One", "--as-of", AS_OF)
    assert made.exit_code == 0, made.stderr
    path = plan_copy / "initiatives/12-one.yaml"
    edit(path, "sources: []\n", "sources:\n  - id: s1\n    title: A source\n    publisher: P\n")
    return path


def test_milestones_added_to_a_new_file(dean, plan_copy):
    path = _new_one(dean, plan_copy)
    args = ("--source", "s1", "--as-of", AS_OF)
    first = dean(
        "milestone", "add", "12", "launch", "--title-es", "Lanzamiento", "--title-en", "Launch",
        "--due", "2027-06-30", *args,
    )  # fmt: skip
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "updated plan/initiatives/12-one.yaml\n"
    second = dean(
        "milestone", "add", "12", "kickoff", "--title-es", "Inicio", "--title-en", "Kickoff",
        "--kind", "event", "--before", "launch", "due_precision=month", "--due", "2027-01-31",
        *args,
    )  # fmt: skip
    assert second.exit_code == 0, second.stderr
    assert path.read_text().split("milestones:\n")[1].split("sources:\n  - id: s1")[0] == (
        "  - id: kickoff\n"
        "    kind: event\n"
        "    title:\n"
        "      es: Inicio\n"
        "      en: Kickoff\n"
        "    due: 2027-01-31\n"
        "    due_precision: month\n"
        "    status: planned\n"
        f"    status_as_of: {AS_OF}\n"
        "    sources: [s1]\n"
        "  - id: launch\n"
        "    title:\n"
        "      es: Lanzamiento\n"
        "      en: Launch\n"
        "    due: 2027-06-30\n"
        "    status: planned\n"
        f"    status_as_of: {AS_OF}\n"
        "    sources: [s1]\n"
    )
    assert dean("validate", "--as-of", AS_OF).exit_code == 0
    assert dean("fmt", "--check").exit_code == 0


def test_milestone_rename_move_remove_in_a_block_list(dean, plan_copy):
    path = plan_copy.parent / I08
    before = path.read_text()
    renamed = dean("milestone", "rename", "8", "cbpr-campaign-agreed", "campaign-agreed")
    assert renamed.exit_code == 0, renamed.stderr
    after = path.read_text()
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("  - id: cbpr-campaign-agreed", "  - id: campaign-agreed"),
        ("    depends_on: [cbpr-campaign-agreed]", "    depends_on: [campaign-agreed]"),
    ]
    moved = dean("milestone", "move", "8", "inai-extinguished", "--first", "--diff")
    assert moved.exit_code == 0, moved.stderr
    assert moved.stdout.count("\n+  - id: inai-extinguished\n") == 1
    assert moved.stdout.count("\n-  - id: inai-extinguished\n") == 1
    refused = dean("milestone", "remove", "8", "campaign-agreed")
    assert refused.exit_code == 1  # cbpr-promotion-campaign depends on it
    assert "unknown milestone `campaign-agreed`" in refused.stderr
    removed = dean("milestone", "remove", "8", "inai-third-party-certifier")
    assert removed.exit_code == 0, removed.stderr
    assert "inai-third-party-certifier" not in path.read_text().split("\nsources:")[0]
    assert dean("validate", "--as-of", AS_OF).exit_code == 0


def test_milestones_in_a_flow_list(dean, plan_copy):
    path = plan_copy / "initiatives/12-flow.yaml"
    path.write_text(FLOW)
    add = dean(
        "milestone", "add", "12", "c", "--title-es", "C", "--title-en", "C", "-s", "s1",
        "--after", "a", "--as-of", AS_OF,
    )  # fmt: skip
    assert add.exit_code == 0, add.stderr
    assert dean("milestone", "rename", "12", "a", "a2").exit_code == 0
    assert dean("milestone", "move", "12", "b", "--first").exit_code == 0
    assert dean("milestone", "remove", "12", "c").exit_code == 0
    assert path.read_text() == FLOW.replace(
        "[{id: a, title: {es: A, en: A}, status: planned, sources: [s1]}, "
        "{id: b, title: {es: B, en: B}, status: planned, sources: [s1], depends_on: [a]}]",
        "[{id: b, title: {es: B, en: B}, status: planned, sources: [s1], depends_on: [a2]}, "
        "{id: a2, title: {es: A, en: A}, status: planned, sources: [s1]}]",
    )


def test_milestone_usage_errors(dean, plan_copy):
    result = dean("milestone", "move", "11", "university-colaboration", "--first")
    assert result.exit_code == 2
    assert result.stderr == (
        "dean: error: initiative 11 has no milestone 'university-colaboration' (did you mean "
        "university-collaboration?); milestones: university-collaboration, "
        "education-high-tech-summit, mesa-community-college-cohort, asu-mexican-institutions\n"
    )
    where = dean("milestone", "move", "11", "university-collaboration")
    assert where.exit_code == 2
    assert where.stderr == (
        "dean: error: say where: one of --before MILESTONE, --after MILESTONE, --first, --last\n"
    )
    title = dean("milestone", "add", "11", "x", "--title-es", "X")
    assert title.exit_code == 2
    assert title.stderr == "dean: error: missing --title-en: a milestone has a title in both\n"


def test_show_lists_milestone_ids_and_notes(dean, in_repo):
    out = dean("show", "11", "--as-of", AS_OF, env={"COLUMNS": "80"}).stdout
    assert "education-high-tech-summit  Summit on education and high technology in" in out
    assert "Milestone notes" in out
    assert "whether it took place was not found," in out


# 8. interactive new ----------------------------------------------------------------------


def _prompted(monkeypatch, answers: str, *args: str):
    monkeypatch.setattr("deancli.cli.new.interactive", lambda: True)
    from typer.testing import CliRunner

    from deancli.cli import app
    from tests.conftest import ENV

    return CliRunner().invoke(app, ["new", "--as-of", AS_OF, *args], input=answers, env=ENV)


def test_interactive_new_checks_each_answer_as_typed(plan_copy, monkeypatch):
    result = _prompted(
        monkeypatch, "5\nIII\n \nFormación\nTraining\nXX SE\nSE\nState\ndone\nactive\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Pillar [1 (I), 2 (II), 3 (III), 4 (IV)]: 5\n"
        "Pillar [1 (I), 2 (II), 3 (III), 4 (IV)]: III\n"
        "Title in Spanish:  \n"
        "Title in Spanish: Formación\n"
        "Title in English: Training\n"
        "Mexican leads (organization ids; empty if not publicly known): XX SE\n"
        "Mexican leads (organization ids; empty if not publicly known): SE\n"
        "U.S. leads (organization ids; empty if not publicly known): State\n"
        "Status (TAB lists them) [planned]: done\n"
        "Status (TAB lists them) [planned]: active\n"
        "created plan/initiatives/12-training.yaml\n"
    )
    assert result.stderr.splitlines() == [
        "  unknown pillar '5'; valid pillars: 1 (I), 2 (II), 3 (III), 4 (IV)",
        "  a title cannot be empty",
        "  unknown organization 'XX'; valid: AMEXCID, ATDT, COFEPRIS, CRT, DHS, DOC, DOS, IFT, "
        "INAI, SABG, SE, SHCP, SRE, TREAS, USAID, USTR",
        "  'done' is not a status; valid: planned, active, finalising, completed, cancelled, "
        "suspended, unknown",
    ]
    text = (plan_copy / "initiatives/12-training.yaml").read_text()
    assert "pillar: 3\n" in text
    assert "status: active\nleads:\n  mx: [SE]\n  us: [DOS]\n" in text


@pytest.mark.parametrize("answers", ["4\nFormación\n", None])
def test_interactive_new_interrupted_writes_nothing(plan_copy, monkeypatch, answers):
    if answers is None:  # Ctrl-C at the first prompt

        def interrupt(prompt: str = "") -> str:
            raise KeyboardInterrupt

        monkeypatch.setattr("typer._click.termui.visible_prompt_func", interrupt)
    result = _prompted(monkeypatch, answers or "")  # else: Ctrl-D after two answers
    assert result.exit_code == 130
    assert result.stderr.endswith("dean: interrupted\n")
    assert "Aborted" not in result.output
    assert sorted(p.name for p in (plan_copy / "initiatives").iterdir())[-1].startswith("11-")


# 6. fmt and comments ---------------------------------------------------------------------

SCRAMBLED = """\
# yaml-language-server: $schema=../../schemas/initiative.schema.json
slug: x   # the slug
# the number
id: 12
schema_version: 1
pillar: 1
status: planned
title:
    # Spanish first
    es: Equis  # es trailing
    en: Ex
leads: {mx: [], us: []}
milestones: []
sources: []
# the end
"""

CANONICAL = """\
# yaml-language-server: $schema=../../schemas/initiative.schema.json
schema_version: 1
# the number
id: 12
slug: x   # the slug
pillar: 1
title:
  # Spanish first
  es: Equis  # es trailing
  en: Ex
status: planned
leads: {mx: [], us: []}
milestones: []
sources: []
# the end
"""


def test_fmt_moves_and_reindents_comments_with_their_keys(dean, plan_copy):
    path = plan_copy / "initiatives/12-x.yaml"
    path.write_text(SCRAMBLED)
    check = dean("fmt", "--check")
    assert (check.exit_code, check.stdout) == (
        1,
        "would reformat plan/initiatives/12-x.yaml\n1 file would be reformatted.\n",
    )
    assert dean("fmt").stdout == "reformatted plan/initiatives/12-x.yaml\n"
    assert path.read_text() == CANONICAL
    assert dean("fmt", "--check").stdout == "All files already formatted.\n"


def test_fmt_never_wraps_a_line(dean, plan_copy):
    path = plan_copy / "initiatives/12-x.yaml"
    long_title = " ".join(["word"] * 40_000)  # 200 kB on one line
    path.write_text(SCRAMBLED.replace("en: Ex\n", f"en: {long_title}\n"))
    assert dean("fmt").exit_code == 0
    assert path.read_text() == CANONICAL.replace("en: Ex\n", f"en: {long_title}\n")


def test_fmt_check_says_what_its_exit_code_says(dean, plan_copy):
    broken = plan_copy / "initiatives/09-innovation-creativity-campaign.yaml"
    broken.write_text(broken.read_text() + "  bad: [\n")
    check = dean("fmt", "--check")
    assert check.exit_code == 1
    assert check.stdout == "1 file cannot be reformatted safely (see above).\n"
    assert check.stderr == (
        f"dean: {broken.relative_to(plan_copy.parent)}: the file has load errors; fix them "
        "first (dean validate)\n"
    )
    (plan_copy / "initiatives/12-x.yaml").write_text(SCRAMBLED)
    (plan_copy / "initiatives/13-y.yaml").write_text(
        SCRAMBLED.replace("12", "13").replace("slug: x ", "slug: y ")
    )
    both = dean("fmt", "--check")
    assert both.stdout.splitlines()[-1] == (
        "2 files would be reformatted; 1 file cannot be reformatted safely (see above)."
    )
    written = dean("fmt")
    assert written.exit_code == 1
    assert written.stdout.splitlines()[-1] == "1 file cannot be reformatted safely (see above)."


def test_timeline_shows_whole_milestone_ids_at_120_columns(dean, in_repo):
    out = dean("timeline", "--as-of", AS_OF, env={"COLUMNS": "120"}).stdout
    assert re.search(r" transport-electrification-working-group +2022-09-12 ", out)
    assert "…" not in "".join(line[:45] for line in out.splitlines())


def test_an_unwritable_job_summary_is_a_warning(dean, in_repo, tmp_path):
    summary = tmp_path / "missing" / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = dean("validate", "--as-of", AS_OF, env=env)
    assert result.exit_code == 0
    assert result.stderr == (
        f"dean: warning: cannot write the job summary to {summary}: No such file or directory\n"
    )


def test_a_source_for_an_edit_that_states_no_status_or_lead(dean, plan_copy):
    result = dean("set", "11", "summary.en=x", "--source", "penmedia-2023-10")
    assert result.exit_code == 2
    assert result.stderr == (
        "dean: error: --source is the evidence for a status or lead change, and this edit "
        "changes neither; cite a source in a field with FIELD+=SOURCE\n"
    )
    flow = dean("set", "11", "milestones+={id: m, title: {es: a, en: b}, status: planned, "
                "sources: [penmedia-2023-10]}", "--dry-run")  # fmt: skip
    assert flow.exit_code == 0, flow.stderr


def test_an_unwritable_plan_is_a_usage_error(dean, plan_copy, monkeypatch):
    def refuse(*args, **kwargs):  # what a read-only directory does (tests may run as root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    result = dean("set", "11", "status=unknown")
    assert result.exit_code == 2
    assert result.stderr == (
        f"dean: error: cannot write {plan_copy.resolve().parent / I11}: Permission denied\n"
    )
