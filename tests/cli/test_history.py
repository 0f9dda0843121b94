"""`dean history` and `--at`: small git histories built in temporary folders, exact output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REAL_PLAN, REPO

BOM = "\ufeff"


def initiative(
    ident: int,
    *,
    pillar: int = 1,
    status: str = "active",
    leads: str = "[SE]",
    milestones: str = "",
    title: str = "",
) -> str:
    title = title or f"Initiative {ident}"
    return (
        "schema_version: 1\n"
        f"id: {ident}\n"
        f"pillar: {pillar}\n"
        f"title: {{es: Iniciativa {ident}, en: {title}}}\n"
        f"status: {status}\n"
        f"leads: {{mx: {leads}, us: []}}\n" + (f"milestones:\n{milestones}" if milestones else "")
    )


def milestone(mid: str, status: str, due: str | None = None, precision: str = "day") -> str:
    out = f"  - id: {mid}\n    title: {{es: Hito {mid}, en: Milestone {mid}}}\n"
    out += f"    status: {status}\n    sources: [ustr-2022-04]\n"
    if due:
        out += f"    due: {due}\n    due_precision: {precision}\n"
    if status == "done":
        out += "    completed_on: 2024-01-15\n"
    return out


class Repo:
    def __init__(self, top: Path) -> None:
        self.top = top
        self.plan = top / "plan"
        self.clock = 0

    def git(self, *args: str, date: str | None = None) -> str:
        env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.top.parent)}
        if date:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
        out = subprocess.run(
            ["git", *args], cwd=self.top, env=env, check=True, capture_output=True, text=True
        )
        return out.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        path = self.plan / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, date: str, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")


def new_repo(path: Path, with_plan: bool = True) -> Repo:
    path.mkdir(parents=True)
    repo = Repo(path)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test")
    repo.git("config", "user.email", "test@example.org")
    repo.git("config", "commit.gpgsign", "false")
    if with_plan:
        repo.plan.mkdir()
        shutil.copy(REAL_PLAN / "dialogue.yaml", repo.plan / "dialogue.yaml")
        shutil.copy(REAL_PLAN / "organizations.yaml", repo.plan / "organizations.yaml")
    return repo


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def hist(dean, cache_dir) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    def run(repo: Repo, *args: str, env: dict[str, str | None] | None = None):  # type: ignore[no-untyped-def]
        return dean(
            "history",
            "--plan",
            str(repo.plan),
            *args,
            env={"DEAN_CACHE_DIR": str(cache_dir), **(env or {})},
        )

    return run


@pytest.fixture
def story(tmp_path: Path) -> tuple[Repo, list[str]]:
    """Three commits: two initiatives; a milestone done and a date moved; a third added."""
    repo = new_repo(tmp_path / "repo")
    repo.write(
        "initiatives/01-one.yaml",
        initiative(
            1,
            milestones=milestone("a", "planned", "2024-03-31", "quarter")
            + milestone("b", "in_progress", "2024-06-30"),
        ),
    )
    repo.write(
        "initiatives/02-two.yaml",
        initiative(2, pillar=3, leads="[]", milestones=milestone("c", "unknown")),
    )
    shas = [repo.commit("2024-02-01", "start")]
    repo.write(
        "initiatives/01-one.yaml",
        initiative(
            1,
            milestones=milestone("a", "done", "2024-03-31", "quarter")
            + milestone("b", "in_progress", "2024-09-30"),
        ),
    )
    shas.append(repo.commit("2024-08-15", "progress"))
    repo.write("initiatives/03-three.yaml", initiative(3, pillar=3, status="planned"))
    shas.append(repo.commit("2024-10-02", "add three"))
    return repo, shas


HEADER = (
    "point,as_of,commit,valid,pillar,initiatives,counted,done,overdue,unknown,progress,"
    "initiatives_planned,initiatives_active,initiatives_finalising,initiatives_completed,"
    "initiatives_cancelled,initiatives_suspended,initiatives_unknown,problems"
)


def rows(text: str) -> list[str]:
    assert text.startswith(BOM)
    return text[1:].splitlines()


def test_history_csv_exact(hist, story):
    repo, (c1, c2, c3) = story
    result = hist(repo, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert rows(result.stdout) == [
        HEADER,
        f"2024-02-01,2024-02-01,{c1},yes,I,1,2,0,0,0,0.0000,0,1,0,0,0,0,0,",
        f"2024-02-01,2024-02-01,{c1},yes,II,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-02-01,2024-02-01,{c1},yes,III,1,1,0,0,1,0.0000,0,1,0,0,0,0,0,",
        f"2024-02-01,2024-02-01,{c1},yes,IV,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-02-01,2024-02-01,{c1},yes,total,2,3,0,0,1,0.0000,0,2,0,0,0,0,0,",
        # a done; b moved from 2024-06-30 to 2024-09-30: not overdue on 2024-08-15
        f"2024-08-15,2024-08-15,{c2},yes,I,1,2,1,0,0,0.5000,0,1,0,0,0,0,0,",
        f"2024-08-15,2024-08-15,{c2},yes,II,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-08-15,2024-08-15,{c2},yes,III,1,1,0,0,1,0.0000,0,1,0,0,0,0,0,",
        f"2024-08-15,2024-08-15,{c2},yes,IV,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-08-15,2024-08-15,{c2},yes,total,2,3,1,0,1,0.3333,0,2,0,0,0,0,0,",
        # b (due 2024-09-30) is overdue as of 2024-10-02
        f"2024-10-02,2024-10-02,{c3},yes,I,1,2,1,1,0,0.5000,0,1,0,0,0,0,0,",
        f"2024-10-02,2024-10-02,{c3},yes,II,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-10-02,2024-10-02,{c3},yes,III,2,1,0,0,1,0.0000,1,1,0,0,0,0,0,",
        f"2024-10-02,2024-10-02,{c3},yes,IV,0,0,0,0,0,,0,0,0,0,0,0,0,",
        f"2024-10-02,2024-10-02,{c3},yes,total,3,3,1,1,1,0.3333,1,2,0,0,0,0,0,",
    ]


def test_history_agrees_with_status_at_each_point(hist, dean, story, cache_dir):
    """Each point's totals are what `dean status --at` says of the same commit and day."""
    repo, shas = story
    doc = json.loads(hist(repo, "--format", "json").stdout)
    for point, sha in zip(doc["points"], shas, strict=True):
        status = dean("status", "--plan", str(repo.plan), "--at", sha, "--format", "json")
        assert status.exit_code == 0, status.stderr
        st = json.loads(status.stdout)
        assert st["as_of"] == point["as_of"]
        want = {k: st["totals"]["milestones"][k] for k in ("counted", "done", "overdue", "unknown")}
        got = {k: point["totals"]["milestones"][k] for k in want}
        assert got == want
        assert point["totals"]["initiatives"] == st["totals"]["initiatives"]


def test_history_json_matches_schema_and_is_exact(hist, story):
    repo, (c1, c2, c3) = story
    result = hist(repo, "--format", "json", "--pillar", "3")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    schema = json.loads((REPO / "docs/schemas/history-output.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["selection"] == {"pillar": 3, "lead": None}
    assert doc["history"] == {"starts": "2024-02-01", "shallow": False}
    assert doc["range"] == {"since": None, "until": None, "head": c3}
    assert [p["commit"] for p in doc["points"]] == [c1, c2, c3]
    assert doc["points"][2] == {
        "label": "2024-10-02",
        "as_of": "2024-10-02",
        "commit": c3,
        "commit_date": "2024-10-02",
        "valid": True,
        "problems": [],
        "pillars": [
            {
                "number": 3,
                "initiatives": 2,
                "initiatives_by_status": {"planned": 1, "active": 1},
                "milestones": {
                    "counted": 1,
                    "done": 0,
                    "overdue": 0,
                    "unknown": 1,
                    "progress": 0.0,
                },
            }
        ],
        "totals": {
            "initiatives": 2,
            "initiatives_by_status": {"planned": 1, "active": 1},
            "milestones": {"counted": 1, "done": 0, "overdue": 0, "unknown": 1, "progress": 0.0},
        },
    }
    assert doc["events"] is None and doc["slips"] is None


def test_cold_and_warm_cache_give_identical_results(hist, story, cache_dir):
    repo, _ = story
    for args in (["--format", "json"], ["--format", "json", "--events"]):
        shutil.rmtree(cache_dir, ignore_errors=True)
        cold = hist(repo, *args)
        assert (cache_dir / "history-cache.sqlite").exists()
        warm = hist(repo, *args)
        bypass = hist(repo, *args, "--no-cache")
        assert cold.exit_code == warm.exit_code == bypass.exit_code == 0
        assert cold.stdout == warm.stdout == bypass.stdout


def test_cache_under_the_git_directory_by_default(dean, story):
    repo, _ = story
    result = dean("history", "--plan", str(repo.plan), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert (repo.top / ".git" / "dean" / "history-cache.sqlite").exists()
    shutil.rmtree(repo.top / ".git" / "dean")  # safe to delete
    again = dean("history", "--plan", str(repo.plan), "--format", "csv")
    assert again.stdout == result.stdout


def test_events_and_slips(hist, story):
    repo, (_c1, c2, c3) = story
    repo.write(
        "initiatives/01-one.yaml",
        initiative(
            1,
            status="finalising",
            leads="[SE, SRE]",
            milestones=milestone("a", "done", "2024-03-31", "quarter")
            + milestone("b", "in_progress", "2025-03-31"),
        ),
    )
    c4 = repo.commit("2024-11-20", "slip again")
    csv_out = hist(repo, "--events", "--format", "csv")
    assert csv_out.exit_code == 0, csv_out.stderr
    assert rows(csv_out.stdout) == [
        "date,commit,initiative,title,field,milestone,before,after",
        f"2024-08-15,{c2},1,Initiative 1,completed,a,planned,2024-01-15",
        f"2024-08-15,{c2},1,Initiative 1,due,b,2024-06-30,2024-09-30",
        f"2024-10-02,{c3},3,Initiative 3,initiative,,,added",
        f"2024-11-20,{c4},1,Initiative 1,status,,active,finalising",
        f'2024-11-20,{c4},1,Initiative 1,leads.mx,,SE,"SE, SRE"',
        f"2024-11-20,{c4},1,Initiative 1,due,b,2024-09-30,2025-03-31",
    ]
    doc = json.loads(hist(repo, "--events", "--format", "json").stdout)
    assert doc["slips"] == [
        {
            "initiative": 1,
            "milestone": "b",
            "title": {"es": "Hito b", "en": "Milestone b"},
            "times": 2,
            "days": 92 + 182,
            "earlier": 0,
            "first_due": "2024-06-30",
            "due": "2025-03-31",
        }
    ]
    text = hist(repo, "--events", "--lang", "en", env={"COLUMNS": "80"})
    assert text.exit_code == 0, text.stderr
    assert (
        f"2024-08-15  {c2[:12]}\n"
        "  #1   milestone a: completed (planned → done, 2024-01-15)\n"
        "  #1   milestone b: due 2024-06-30 → 2024-09-30\n"
        f"2024-10-02  {c3[:12]}\n"
        "  #3   initiative added: Initiative 3\n"
    ) in text.stdout
    assert max(len(line) for line in text.stdout.splitlines()) <= 80
    # by month, the events still cover every commit of the range, not only the points
    repo.write("initiatives/03-three.yaml", initiative(3, pillar=3, status="active"))
    c5 = repo.commit("2024-11-25", "three starts")
    monthly = hist(
        repo, "--events", "--every", "month", "--since", "2024-11-01", "--format", "json"
    )
    doc = json.loads(monthly.stdout)
    assert [p["commit"] for p in doc["points"]] == [c5]
    assert [(e["commit"], e["field"]) for e in doc["events"]] == [
        (c4, "status"),
        (c4, "leads.mx"),
        (c4, "due"),
        (c5, "status"),
    ]
    assert "Milestones whose due date slipped" in text.stdout


def test_merge_counts_once_on_the_first_parent(hist, story):
    repo, (c1, c2, c3) = story
    repo.git("checkout", "-q", "-b", "side", c2)
    repo.write("initiatives/04-four.yaml", initiative(4, pillar=2))
    side = repo.commit("2024-09-01", "side work")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "side", "-m", "merge side", date="2024-10-10")
    merge = repo.git("rev-parse", "HEAD")
    doc = json.loads(hist(repo, "--format", "json").stdout)
    assert [p["commit"] for p in doc["points"]] == [c1, c2, c3, merge]
    assert side not in [p["commit"] for p in doc["points"]]
    assert doc["points"][-1]["totals"]["initiatives"] == 4
    events = json.loads(hist(repo, "--format", "json", "--events").stdout)["events"]
    assert [(e["commit"], e["initiative"], e["after"]) for e in events][-1] == (merge, 4, "added")


def test_rename_is_not_an_added_and_removed_initiative(hist, story):
    repo, (_c1, _c2, _c3) = story
    repo.git("mv", "plan/initiatives/02-two.yaml", "plan/initiatives/02-renamed.yaml")
    c4 = repo.commit("2024-10-05", "rename")
    doc = json.loads(hist(repo, "--format", "json", "--events").stdout)
    assert doc["points"][-1]["totals"] == doc["points"][-2]["totals"]
    last = [e for e in doc["events"] if e["commit"] == c4]
    assert last == [
        {
            "date": "2024-10-05",
            "commit": c4,
            "initiative": 2,
            "title": {"es": "Iniciativa 2", "en": "Initiative 2"},
            "field": "file",
            "milestone": None,
            "before": "initiatives/02-two.yaml",
            "after": "initiatives/02-renamed.yaml",
        }
    ]


def test_invalid_commit_is_marked_not_dropped(hist, story):
    repo, (_c1, _c2, _c3) = story
    repo.write("initiatives/02-two.yaml", "id: 2\nmilestones: [unclosed\n")
    bad = repo.commit("2024-10-03", "broken")
    repo.write("initiatives/03-three.yaml", initiative(3, pillar=3, status="bogus"))
    wrong = repo.commit("2024-10-04", "schema error")
    result = hist(repo, "--format", "csv")
    lines = rows(result.stdout)
    totals = [line for line in lines if ",total," in line]
    assert totals[-2] == (
        # the next commit's status "bogus" adds a column: initiatives_bogus
        f"2024-10-03,2024-10-03,{bad},no,total,2,2,1,1,0,0.5000,1,1,0,0,0,0,0,0,"
        "initiatives/02-two.yaml"
    )
    assert totals[-1].startswith(f"2024-10-04,2024-10-04,{wrong},no,total,2,")
    assert totals[-1].endswith(",initiatives/02-two.yaml initiatives/03-three.yaml")
    chart = hist(repo, env={"COLUMNS": "80"})
    assert chart.exit_code == 0, chart.stderr
    assert "2 points where plan files did not read or match their schema (marked !):" in (
        chart.stdout
    )
    assert f"  2024-10-03 {bad[:12]}: initiatives/02-two.yaml" in chart.stdout
    assert "! the plan did not validate" in chart.stdout


def test_chart_fits_80_columns_with_a_legend(hist, story):
    repo, _ = story
    for lang in ("en", "es"):
        result = hist(repo, "--lang", lang, env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= 80
        assert "█ I " in result.stdout and "░ IV " in result.stdout
        counted = "milestones counted" if lang == "en" else "hitos contados"
        assert f"· {counted}" in result.stdout


def test_every_month_and_week(hist, story):
    repo, (c1, c2, c3) = story
    doc = json.loads(hist(repo, "--format", "json", "--every", "month").stdout)
    labels = [(p["label"], p["as_of"], p["commit"]) for p in doc["points"]]
    assert labels[0] == ("2024-02", "2024-02-29", c1)
    assert labels[6] == ("2024-08", "2024-08-31", c2)
    assert labels[-1] == ("2024-10", "2024-10-02", c3)  # the last point ends at HEAD's day
    assert len(labels) == 9
    weeks = json.loads(hist(repo, "--format", "json", "--every", "week").stdout)["points"]
    assert weeks[0]["label"] == "2024-W05" and weeks[0]["as_of"] == "2024-02-04"
    assert weeks[-1]["label"] == "2024-W40"


def test_since_and_until(hist, story):
    repo, (_c1, c2, c3) = story
    by_date = json.loads(hist(repo, "--format", "json", "--since", "2024-03-01").stdout)
    assert [p["commit"] for p in by_date["points"]] == [c2, c3]
    by_rev = json.loads(
        hist(repo, "--format", "json", "--since", c2[:10], "--until", c2[:10]).stdout
    )
    assert [p["commit"] for p in by_rev["points"]] == [c2]
    empty = hist(repo, "--since", "2030-01-01")
    assert empty.exit_code == 2
    assert "no point in time in the range asked" in empty.stderr


def test_lead_filter(hist, story):
    repo, _ = story
    doc = json.loads(hist(repo, "--format", "json", "--lead", "se").stdout)
    assert doc["selection"]["lead"] == "SE"
    assert [p["totals"]["initiatives"] for p in doc["points"]] == [1, 1, 2]
    bad = hist(repo, "--lead", "NOPE")
    assert bad.exit_code == 2 and "unknown organization 'NOPE'" in bad.stderr


def test_markdown(hist, story):
    repo, (_c1, _c2, c3) = story
    result = hist(repo, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "### Plan history by commit: 2024-02-01 to 2024-10-02 (3 points)" in result.stdout
    assert f"| 2024-10-02 | {c3[:12]} | yes | 1/3 33% | 1 | 1 | 1/2 | 0/0 | 0/1 | 0/0 |" in (
        result.stdout
    )


def test_shallow_clone_says_where_history_starts(hist, story, tmp_path):
    repo, (_c1, c2, c3) = story
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.top}", str(clone)],
        check=True,
        capture_output=True,
    )
    shallow = Repo(clone)
    doc = json.loads(hist(shallow, "--format", "json").stdout)
    assert doc["history"] == {"starts": "2024-08-15", "shallow": True}
    assert [p["commit"] for p in doc["points"]] == [c2, c3]
    assert doc["points"][0]["totals"]["milestones"]["done"] == 1
    csv_run = hist(shallow, "--format", "csv")
    assert csv_run.stderr == (
        "dean: Shallow clone: the history starts on 2024-08-15; `git fetch --unshallow` reads "
        "further back.\n"
    )
    text = hist(shallow, env={"COLUMNS": "80"})
    assert "Shallow clone: the history starts on 2024-08-15" in text.stdout


def test_empty_repository_and_no_repository(hist, tmp_path):
    empty = new_repo(tmp_path / "empty")
    result = hist(empty)
    assert result.exit_code == 2
    assert result.stderr == (
        "dean: error: the repository has no commits yet; dean history reads the plan's "
        "history from git\n"
    )
    outside = tmp_path / "outside" / "plan"
    shutil.copytree(REAL_PLAN, outside)
    result = hist(Repo(outside.parent))
    if result.exit_code == 2:  # unless tmp_path itself sits in a repository
        assert "is not inside a git repository" in result.stderr
        assert "Traceback" not in result.stderr


def test_no_commit_touches_the_plan(hist, tmp_path):
    repo = new_repo(tmp_path / "repo", with_plan=False)
    (repo.top / "README").write_text("x\n")
    shutil.copy(REAL_PLAN / "dialogue.yaml", repo.top / "plandialogue.yaml")  # not plan/
    repo.commit("2024-01-01")
    repo.plan.mkdir()
    result = hist(repo)
    assert result.exit_code == 2
    assert "touches plan/" in result.stderr


def test_status_show_timeline_at(dean, story):
    repo, (c1, c2, _c3) = story
    plan = str(repo.plan)
    then = dean("status", "--plan", plan, "--at", c1, "--format", "json")
    assert then.exit_code == 0, then.stderr
    doc = json.loads(then.stdout)
    assert doc["as_of"] == "2024-02-01"
    assert doc["totals"]["initiatives"] == 2
    by_day = json.loads(
        dean("status", "--plan", plan, "--at", "2024-09-01", "--format", "json").stdout
    )
    assert by_day["as_of"] == "2024-09-01" and by_day["totals"]["milestones"]["done"] == 1
    fixed = json.loads(
        dean(
            "status", "--plan", plan, "--at", c1, "--as-of", "2025-01-01", "--format", "json"
        ).stdout
    )
    assert fixed["as_of"] == "2025-01-01" and fixed["totals"]["milestones"]["overdue"] == 2
    show = dean("show", "1", "--plan", plan, "--at", c1, "--format", "json")
    assert show.exit_code == 0, show.stderr
    assert [m["status"] for m in json.loads(show.stdout)["milestones_list"]] == [
        "planned",
        "in_progress",
    ]
    missing = dean("show", "3", "--plan", plan, "--at", c1)
    assert missing.exit_code == 2 and "no initiative '3'" in missing.stderr
    timeline = dean("timeline", "--plan", plan, "--at", c2)
    assert timeline.exit_code == 0, timeline.stderr
    assert dean("status", "--plan", plan, "--at", "nope").exit_code == 2
    early = dean("status", "--plan", plan, "--at", "2020-01-01")
    assert early.exit_code == 2 and "no commit on or before 2020-01-01" in early.stderr


def test_plan_at_the_top_of_the_repository_large_blobs_and_links(dean, tmp_path, cache_dir):
    """Blobs pass the loader's guards: a file over the size cap is marked, a symbolic link is
    never followed (left out, as `dean diff` does)."""
    top = tmp_path / "top"
    repo = new_repo(top, with_plan=False)
    for name in ("dialogue.yaml", "organizations.yaml"):
        shutil.copy(REAL_PLAN / name, top / name)
    (top / "initiatives").mkdir()
    (top / "initiatives" / "01-one.yaml").write_text(initiative(1), encoding="utf-8")
    first = repo.commit("2024-01-01")
    (top / "initiatives" / "02-big.yaml").write_text("id: 2\n" + "# x\n" * 70000)
    (top / "initiatives" / "03-link.yaml").symlink_to("../dialogue.yaml")
    second = repo.commit("2024-01-02")
    result = dean(
        "history", "--plan", str(top), "--format", "json", env={"DEAN_CACHE_DIR": str(cache_dir)}
    )
    assert result.exit_code == 0, result.stderr
    points = json.loads(result.stdout)["points"]
    assert [(p["commit"], p["valid"], p["problems"]) for p in points] == [
        (first, True, []),
        (second, False, ["initiatives/02-big.yaml"]),
    ]
    assert points[1]["totals"]["initiatives"] == 1


def test_statuses_are_the_schemas():
    from deancli.cli.status import STATUSES as CLI_STATUSES
    from deancli.history.series import STATUSES

    schema = json.loads((REPO / "schemas/initiative.schema.json").read_text())
    assert list(STATUSES) == schema["properties"]["status"]["enum"] == list(CLI_STATUSES)


def test_a_file_that_breaks_is_not_removed_nor_added_again(hist, story):
    repo, (_c1, _c2, _c3) = story
    good = (repo.plan / "initiatives/02-two.yaml").read_text()
    repo.write("initiatives/02-two.yaml", "id: 2\nmilestones: [unclosed\n")
    bad = repo.commit("2024-10-03", "broken")
    repo.write("initiatives/02-two.yaml", good.replace("status: active", "status: finalising"))
    fixed = repo.commit("2024-10-04", "fixed")
    events = json.loads(hist(repo, "--events", "--format", "json").stdout)["events"]
    assert [e for e in events if e["commit"] in (bad, fixed)] == []


def test_plan_text_is_escaped_in_every_history_format(hist, story):
    repo, _ = story
    title = '"\\e[31mRED\\e]8;;http://x\\aLINK | *md* <b>"'
    repo.write("initiatives/04-evil.yaml", initiative(4, pillar=2, title=title))
    repo.commit("2024-10-05", "evil")
    for args in (
        [],
        ["--events"],
        ["--events", "--format", "markdown"],
        ["--events", "--format", "csv"],
    ):
        result = hist(repo, *args, env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    md = hist(repo, "--events", "--format", "markdown").stdout
    assert "\\| \\*md\\* &lt;b&gt;" in md


@pytest.mark.parametrize("lang", ["en", "es"])
def test_chart_and_events_golden(hist, story, golden, lang):
    repo, _ = story
    chart = hist(repo, "--lang", lang, env={"COLUMNS": "80"})
    assert chart.exit_code == 0, chart.stderr
    golden(f"history-chart.{lang}.80.txt", chart.stdout)
    events = hist(repo, "--events", "--lang", lang, env={"COLUMNS": "80"})
    assert events.exit_code == 0, events.stderr
    # commit ids depend on the real plan files the story copies: compare them as a shape
    golden(f"history-events.{lang}.80.txt", re.sub(r"\b[0-9a-f]{12}\b", "<commit>", events.stdout))
