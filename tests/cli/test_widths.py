"""Every command's human output at 60, 80 and 120 columns, in Spanish and English (issue 22).

One parametrised test runs each case at each width and language, and checks the invariants
of ``tests/widths.py`` against the same command at 1000 columns (the unwrapped text): no
line wider than the width (but for what cannot be cut: a URL, a path, code), no word split,
no trailing space. It also keeps the output as a golden file in ``tests/data/golden/widths/``
(``pytest --update-goldens`` rewrites them). The invariants are the strong part: the
Spanish strings change as they are translated, and the goldens are then regenerated, while
the invariants must keep holding.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, REAL_PLAN, REPO, Run, edit, run_dean, with_missing_leads
from tests.widths import problems

WIDTHS = (60, 80, 120)
LANGS = ("es", "en")
UNWRAPPED = 1000


def _help_pages() -> list[list[str]]:
    """Every command and subcommand, from the app itself: a new command gets its goldens."""
    import typer

    from deancli.cli import app

    root = typer.main.get_command(app)
    pages: list[list[str]] = [[]]
    for name, command in sorted(getattr(root, "commands", {}).items()):
        pages.append([name])
        pages.extend([name, sub] for sub in sorted(getattr(command, "commands", {})))
    assert len(pages) > 15
    return pages


HELP = _help_pages()

# name -> (where it runs, arguments, extra environment)
CASES: dict[str, tuple[str, list[str], dict[str, str]]] = {
    **{"help-" + ("-".join(args) or "dean"): ("repo", [*args, "--help"], {}) for args in HELP},
    "status": ("repo", ["status", "--as-of", AS_OF], {}),
    "status-pillar3": ("repo", ["status", "--pillar", "3", "--as-of", AS_OF], {}),
    "status-overdue": ("repo", ["status", "--status", "active", "--as-of", AS_OF], {}),
    "status-long": ("big", ["status", "--pillar", "3", "--as-of", AS_OF, "--no-pager"], {}),
    "show-8": ("repo", ["show", "8", "--as-of", AS_OF], {}),
    "show-5": ("repo", ["show", "5", "--as-of", AS_OF], {}),
    "timeline": ("repo", ["timeline", "--as-of", AS_OF], {}),
    "validate-full": ("broken", ["validate", "--format", "full", "--as-of", AS_OF], {}),
    "validate-full-verbose": (
        "broken",
        ["validate", "--format", "full", "--verbose", "--show-suppressed", "--as-of", AS_OF],
        {},
    ),
    # concise output is wrapped on a terminal (one line per finding for tools otherwise)
    "validate-concise": (
        "broken",
        ["validate", "--format", "concise", "--as-of", AS_OF],
        {"TTY_COMPATIBLE": "1"},
    ),
    "validate-clean": ("repo", ["validate", "--format", "full", "--as-of", AS_OF], {}),
    "explain-DEAN211": ("repo", ["explain", "DEAN211"], {}),
    "explain-DEAN213": ("repo", ["explain", "DEAN213", "DEAN204"], {}),
    "explain-list": ("repo", ["explain"], {}),
    "diff": ("git", ["diff", "HEAD~1", "HEAD", "--as-of", AS_OF], {}),
    "history": ("git", ["history", "--plan", "plan"], {}),
    "history-events": ("git", ["history", "--plan", "plan", "--events"], {}),
    "set": ("copy", ["set", "8", "status=completed", "--dry-run", "--as-of", AS_OF], {}),
    "new": (
        "copy",
        ["new", "--pillar", "3", "--title-es", "IA", "--title-en", "AI", "--dry-run"],
        {},
    ),
    "milestone-add": (
        "copy",
        [
            "milestone",
            "add",
            "8",
            "launch",
            "--title-es",
            "Lanzamiento",
            "--title-en",
            "Launch",
            "--due",
            "2027-06-30",
            "--source",
            "dl-2021-12-13",
            "--dry-run",
            "--as-of",
            AS_OF,
        ],
        {},
    ),
    "fmt": ("copy", ["fmt", "--check"], {}),
    "init": ("empty", ["init", "a-new-plan-in-a-directory-with-a-long-name"], {}),
}


def _git(cwd: Path, *args: str, date: str = "2024-01-15") -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd.parent),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_AUTHOR_DATE": f"{date}T12:00:00+00:00",
        "GIT_COMMITTER_DATE": f"{date}T12:00:00+00:00",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _git_repo(root: Path) -> None:
    """The real plan, committed, then changed (a status, a due date, a milestone done, a
    lead, a new initiative) and committed again."""
    root.mkdir()
    shutil.copytree(REAL_PLAN, root / "plan")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    plan = root / "plan"
    edit(
        plan / "initiatives/11-technical-training.yaml",
        "    due: 2024-03-31\n",
        "    due: 2024-09-30\n",
    )
    edit(
        plan / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "    status: unknown\n    depends_on: [cbpr-campaign-agreed]\n",
        "    status: done\n    completed_on: 2023-06-01\n    depends_on: [cbpr-campaign-agreed]\n",
    )
    edit(
        plan / "initiatives/01-strengthening-supply-chains.yaml",
        "  us: [DOC]\n",
        "  us: [DOC, USTR]\n",
    )
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "change", date="2024-06-15")


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The working directories of the cases, made once."""
    top = tmp_path_factory.mktemp("widths")
    broken = top / "broken"
    broken.mkdir()
    with_missing_leads(broken / "plan")  # warnings,
    plan = broken / "plan"
    edit(plan / "initiatives/09-innovation-creativity-campaign.yaml", "us: [DOC]\n", "us: [DCO]\n")
    edit(plan / "initiatives/11-technical-training.yaml", "due: 2024-03-31\n", "due: 2024-02-30\n")
    edit(
        plan / "initiatives/04-medical-devices.yaml",
        "announced: 2021-12-13\n",
        "anounced: 2021-12-13\n",
    )
    copy = top / "copy"
    copy.mkdir()
    shutil.copytree(REAL_PLAN, copy / "plan")
    (top / "empty").mkdir()
    _git_repo(top / "git")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    big = top / "big"
    big.mkdir()
    generate(440, big / "plan")
    return {
        "repo": REPO,
        "broken": broken,
        "copy": copy,
        "empty": top / "empty",
        "git": top / "git",
        "big": big,
    }


def _run(where: Path, args: list[str], env: dict[str, str], lang: str, width: int) -> Run:
    cwd = os.getcwd()
    os.chdir(where)
    try:
        # --lang before the command: a global option, taken by the commands that have it
        return run_dean(
            "--lang",
            lang,
            *args,
            env={**env, "COLUMNS": str(width), "DEAN_CACHE_DIR": str(where / ".cache")},
        )
    finally:
        os.chdir(cwd)
        if args[:1] == ["init"]:  # init writes: start again from an empty directory
            shutil.rmtree(where / args[1], ignore_errors=True)


def _shape(text: str) -> str:
    """Commit ids depend on git's object format and the copied plan: compared as a shape."""
    return re.sub(r"\b[0-9a-f]{12}\b", "<commit>", text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_output_fits_every_width(places, golden, name, lang):
    where, args, env = CASES[name]
    wide = _run(places[where], args, env, lang, UNWRAPPED)
    assert wide.stdout, (wide.exit_code, wide.stderr)
    for width in WIDTHS:
        result = _run(places[where], args, env, lang, width)
        assert result.exit_code == wide.exit_code, result.stderr
        assert problems(result.stdout, wide.stdout, width) == [], (width, result.stdout)
        golden(f"widths/{name}.{lang}.{width}.txt", _shape(result.stdout))


def test_the_checks_catch_what_they_are_for():
    """The invariants fail where they should (so that passing means something)."""
    wide = "Found 4 errors in 3 files; checked 13 files (11 initiatives, 4 pillars)\n"
    split = "Found 4 errors in 3 files; checked 13 files (11 initiatives, 4 pill\nars)\n"
    assert problems(split, wide, 80) == ["split word: 'pill'", "split word: 'ars)'"]
    assert problems("a b c " * 20 + "\n", wide, 60)[0].startswith("wider than 60")
    assert problems("Found \n", wide, 60) == ["trailing space on line 1"]
    assert problems("https://example.com/" + "x" * 100 + "\n", "", 60) == [
        "split word: 'https://example.com/" + "x" * 100 + "'"
    ]
    url = "https://example.com/" + "x" * 100
    assert problems(f"  {url}\n", url, 60) == []  # a URL alone may be wider than the line
    assert problems(f"  --> {url}\n", f"--> {url}", 60) == []
    assert problems(f"see {url}\n", f"see {url}", 60)[0].startswith("wider than 60")
    assert problems("Techno…\n", "Technology\n", 60) == ["split word: 'Techno…'"]
    assert problems("Technology…\n", "Technology energy\n", 60) == []


def test_concise_output_in_a_pipe_keeps_one_line_per_finding(places):
    """For grep and editors' problem matchers: wrapped on a terminal only."""
    args = ["validate", "--format", "concise", "--as-of", AS_OF]
    piped = _run(places["broken"], args, {}, "en", 60).stdout.splitlines()
    assert len(piped) == 16  # 15 findings and the summary, each on one line
    assert all(re.match(r"plan/\S+: (error|warning)\[DEAN\d{3}\] ", line) for line in piped[:-1])
    assert piped[-1].startswith("Found 3 errors and 12 warnings in 9 files; checked 13 files")
    terminal = _run(places["broken"], args, {"TTY_COMPATIBLE": "1"}, "en", 60).stdout
    assert " ".join(terminal.split()) == " ".join(" ".join(piped).split())
