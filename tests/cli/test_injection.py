"""Text from plan files is data: never Rich markup, never a terminal control sequence."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.conftest import AS_OF, edit

EVIL_YAML = (
    '"[bold red]x[/] \\e[31mRED\\e[0m [link=https://evil.example]click[/link] :rocket: \\u202eRTL"'
)
RAW_ESC = "\x1b[31mRED"
# what a title can hold and still be read (an ESC or a bidi override is a reading error,
# DEAN011, and views leave such a file out): markup, a link, an emoji, a tab
MARKUP_YAML = '"[bold red]x[/] \\tTAB [link=https://evil.example]click[/link] :rocket:"'


def _evil(plan_copy, title: str):  # type: ignore[no-untyped-def]
    edit(
        plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "  en: Digital cooperation on border privacy regulations\n",
        f"  en: {title}\n",
    )
    edit(
        plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml",
        "  - id: inai-extinguished\n",
        "  - id: inai-extinguished\n    x-evil: [/]\n",
    )
    return plan_copy


@pytest.fixture
def evil_plan(plan_copy):
    return _evil(plan_copy, EVIL_YAML)


@pytest.fixture
def markup_plan(plan_copy):
    return _evil(plan_copy, MARKUP_YAML)


VIEWS = [
    ["status", "--pillar", "3"],
    ["status", "--pillar", "3", "--format", "markdown"],
    ["status", "--pillar", "3", "--format", "csv"],
    ["status", "--pillar", "3", "--format", "json"],
    ["show", "8"],
    ["show", "8", "--format", "markdown"],
    ["show", "8", "--format", "json"],
    ["timeline", "--pillar", "3"],
]


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(a) for a in VIEWS])
@pytest.mark.parametrize("color", ["never", "always"])
def test_views_print_markup_and_escapes_literally(dean, markup_plan, args, color):
    extra = [] if "--format" in args and args[-1] != "table" else ["--color", color]
    result = dean(*args, "--lang", "en", "--as-of", AS_OF, *extra, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert RAW_ESC not in out
    assert "evil.example" not in "".join(link_targets(out))  # markup makes no hyperlink
    assert "\u202e" not in out
    assert "🚀" not in out
    if "json" in args:
        title = json.loads(out)
        assert "[bold red]x[/]" in json.dumps(title, ensure_ascii=False)
    elif "markdown" in args:
        assert "\\[bold red\\]x\\[/\\]" in out
    else:
        assert "[bold red]x[/]" in out
        assert "\\tTAB" in out
        assert "[link=https://evil.example]click[/link]" in out
    if color == "never" and "--format" not in args:
        assert "\x1b" not in out


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(a) for a in VIEWS])
def test_views_leave_out_a_file_with_control_escapes(dean, evil_plan, args):
    result = dean(*args, "--lang", "en", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert "reading errors is left out" in result.stderr
    assert "[bold red]" not in result.stdout
    assert RAW_ESC not in result.stdout and "\u202e" not in result.stdout


OSC8 = re.compile(r"\x1b\]8;([^;\x07\x1b]*);(.*?)(\x1b\\|\x07)", re.S)


def link_targets(out: str) -> list[str]:
    """The targets of the OSC 8 hyperlinks in ``out`` (an empty one closes a link)."""
    return [m.group(2) for m in OSC8.finditer(out) if m.group(2)]


# URLs a plan file may hold (raw control characters are a reading error, DEAN011, and such
# a file is left out of views): ones that are not http(s), with spaces, quotes, semicolons,
# escapes written out, non-ASCII letters
HOSTILE_URLS = [
    "javascript:alert(1)",
    'https://a.example/x y"z;w',
    "https://a.example/\\e]8;;https://evil.example\\a",
    "https://a.example/café",
    "https://a.example/\u00a0nbsp",
    "file:///etc/passwd",
]


@pytest.fixture
def url_plan(plan_copy):
    path = plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: hostile-{n}\n    title: Hostile {n}\n    publisher: X\n"
        f"    url: {json.dumps(url, ensure_ascii=False)}\n"
        for n, url in enumerate(HOSTILE_URLS)
    )
    path.write_text(text.replace("sources:\n", "sources:\n" + extra, 1), encoding="utf-8")
    return plan_copy


@pytest.mark.parametrize("width", ["60", "200"])
def test_hyperlink_targets_cannot_carry_escape_sequences(dean, url_plan, width):
    """Titles of sources are OSC 8 hyperlinks on a colour terminal. The target is written
    inside an escape sequence: only an http(s) URL of printable ASCII (others
    percent-encoded) becomes one, and every link is closed."""
    env = {"COLUMNS": width, "TERM": "xterm-256color"}
    result = dean("show", "8", "--as-of", AS_OF, "--color", "always", env=env)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    targets = link_targets(out)
    assert targets, "the real sources' titles are links"
    assert all(re.fullmatch(r"https?://[\x21-\x7e]+", t) for t in targets), targets
    assert not [t for t in targets if t.startswith(("javascript", "file"))]
    assert "https://a.example/caf%C3%A9" in targets
    assert 'https://a.example/x%20y"z;w' in targets
    # an escape written out in the file is backslashes and letters: inert inside the target
    assert "https://a.example/\\e]8;;https://evil.example\\a" in targets
    opened = [m for m in OSC8.finditer(out) if m.group(2)]
    closed = [m for m in OSC8.finditer(out) if not m.group(2)]
    assert len(opened) == len(closed)
    # every URL is printed whole, on one line (escaped like any plan text)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", OSC8.sub("", out))
    lines = plain.splitlines()
    for url in ("javascript:alert(1)", "https://a.example/café"):
        assert url in lines or any(line.strip() == url for line in lines), url


def test_validate_shows_hostile_values_escaped(dean, evil_plan):
    for fmt in ("full", "concise"):
        result = dean("validate", "--format", fmt, "--as-of", AS_OF, "--color", "always")
        assert result.exit_code == 1
        assert RAW_ESC not in result.stdout
        assert "\u202e" not in result.stdout
        assert "DEAN011" in result.stdout


# ---------------------------------------------------------------- every command under CI
#
# The commands and their --format choices come from the CLI itself (the Typer app's
# registered commands; the choices are made from render.reports.REPORTERS and
# render.views.VIEW_FORMATS), so a new command or format is covered without editing this
# test. RECIPES only adds arguments a command needs; a command without one runs with none.

import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import typer.main  # noqa: E402

from deancli.cli import app  # noqa: E402
from deancli.render.reports import REPORTERS  # noqa: E402
from deancli.render.views import formats_for  # noqa: E402
from tests.conftest import REAL_PLAN  # noqa: E402
from tests.hostile import FORGED, forge_plan  # noqa: E402

RECIPES: dict[str, list[list[str]]] = {
    "show": [["8"]],
    "status": [[], ["--pillar", "3"]],
    "diff": [["HEAD"]],
    "set": [
        ["8", "status=finalising", "--diff"],
        ["8", "status=finalising", "--dry-run"],
        ["8", "status=finalising"],
        ["8", "status=nonsense"],  # refused: the report quotes the edited lines
    ],
    "new": [
        ["--pillar", "3", "--title-es", FORGED, "--title-en", FORGED, "--diff"],
        ["--pillar", "3", "--title-es", "Nueva", "--title-en", "New", "--dry-run"],
        ["--pillar", "3", "--title-es", "Nueva", "--title-en", "New"],
    ],
    "fmt": [["--check"], ["--diff"], ["--check", "--diff"], []],
    "explain": [[], ["DEAN001"]],
    "init": [["fresh"], ["empty", "--empty"]],
    "milestone": [
        ["add", "8", "m-new", "--title-es", FORGED, "--title-en", FORGED, "--diff"],
        ["add", "8", "m-new", "--title-es", "Nuevo", "--title-en", "New"],
        ["rename", "8", "cbpr-campaign-agreed", "m-renamed", "--diff"],
    ],
}
NO_AS_OF = ("explain", "fmt", "init", "history")


def _registry() -> list[tuple[str, str | None]]:
    """(command, format) for every registered command and each of its --format choices."""
    group = typer.main.get_command(app)
    out = []
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        option = next((p for p in command.params if "--format" in p.opts), None)
        formats = list(option.type.choices) if option is not None else [None]
        out += [(name, f) for f in formats]
    return out


COMBOS = [
    (name, fmt, i, ci)
    for name, fmt in _registry()
    for i in range(len(RECIPES.get(name, [[]])))
    for ci in (True, False)
]

# dean's own workflow commands (validate's annotations): properties escaped, so a file name
# or a message cannot add a command or a property
OWN = re.compile(
    r"::(?:(?:error|warning|notice) file=[^,:\r\n]*(?:,(?:line|col|endLine|endColumn)=\d+)*"
    r",title=dean DEAN\d{3} [a-z-]+::.*|group::.*|endgroup::)"
)
TOKEN = re.compile(r"[0-9a-f]{32}")


def runner_commands(log: str) -> list[str]:
    """What the GitHub Actions runner would execute in ``log``, apart from dean's own
    annotations: it trims each line's leading whitespace, reads a line starting with `::`
    as a command and looks for the legacy `##[` form anywhere in any other line; after
    `::stop-commands::TOKEN` it reads nothing until the line `::TOKEN::`. A fence that is
    not dean's (random 32-hex token) or left open is itself reported."""
    found: list[str] = []
    stopped: str | None = None
    for raw in re.split(r"\r\n|\r|\n", log):
        line = raw.lstrip()
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        m = re.fullmatch(r"::stop-commands::(.*)", line)
        if m:
            if not TOKEN.fullmatch(m.group(1)):
                found.append(line)
            stopped = m.group(1)
            continue
        if line.startswith("::"):
            if not OWN.fullmatch(line):
                found.append(line)
        elif "##[" in line:
            found.append(line)
    if stopped is not None:
        found.append(f"(commands left stopped by {stopped!r})")
    return found


def test_the_combinations_come_from_the_registry():
    combos = {(n, f) for n, f, _, _ in COMBOS}
    assert {f for n, f in combos if n == "validate"} == {"auto", *REPORTERS}
    for view in ("status", "show", "timeline", "diff"):
        got, expected = {f for n, f in combos if n == view}, set(formats_for(view))
        assert got == expected or (got == {None} and len(expected) == 1), view
    assert {n for n, _ in combos} >= {"validate", "set", "new", "fmt", "explain"}


@pytest.fixture
def forged_repo(tmp_path, monkeypatch) -> Path:
    """A git repository whose HEAD has the real plan and whose working tree the forged one."""
    root = tmp_path / "repo"
    shutil.copytree(REAL_PLAN, root / "plan")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    git("add", "-A")
    git("commit", "-qm", "base")
    forge_plan(root / "plan")
    monkeypatch.chdir(root)
    return root


RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("command", "fmt", "recipe", "ci"),
    COMBOS,
    ids=[f"{n}-{f or 'plain'}-{i}-{'ci' if ci else 'local'}" for n, f, i, ci in COMBOS],
)
def test_no_forged_command_reaches_the_log(dean, forged_repo, command, fmt, recipe, ci):
    args = [command, *RECIPES.get(command, [[]])[recipe]]
    if fmt is not None:
        args += ["--format", fmt]
    if command not in ("explain", "fmt", "new") or "--pillar" in args:
        args += ["--as-of", AS_OF] if command not in NO_AS_OF else []
    env = {"COLUMNS": "60", "GITHUB_ACTIONS": "true" if ci else None}
    result = dean(*args, env=env)
    assert result.exit_code in (0, 1), (args, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if ci:
        assert runner_commands(result.stdout) == [], args
        assert runner_commands(result.stderr) == [], args
    for stream in (result.stdout, result.stderr):
        assert not RAW_CONTROL.search(stream.replace("\r\n", "\n")), (args, stream[:300])


@pytest.mark.parametrize(
    "args",
    [
        ["show", "8"],
        ["status", "--pillar", "3"],
        ["diff", "HEAD"],
        ["set", "8", "status=finalising", "--diff"],
        ["fmt", "--diff"],
        ["fmt", "--check", "--diff"],
        ["validate", "--format", "full"],
    ],
)
def test_forged_text_is_shown_fenced(dean, forged_repo, args):
    """The forged text is printed (the test above is not vacuous), between dean's fence."""
    extra = [] if args[0] == "fmt" else ["--as-of", AS_OF]
    result = dean(*args, *extra, env={"COLUMNS": "60", "GITHUB_ACTIONS": "true"})
    assert result.exit_code in (0, 1), result.stderr
    out = result.stdout
    assert "forged" in out
    assert re.match(r"::stop-commands::[0-9a-f]{32}\n", out), out[:200]
    if args[0] in ("set", "fmt"):
        # diff headers: the file name's newline is escaped, not a line break
        assert "\\n::error file=x::forged ##[error]forged.yaml" in out
        assert not re.search(r"^::error file=x::forged ##\[error\]forged\.yaml", out, re.M)


def test_refused_edit_on_stderr_is_neutralised(dean, forged_repo):
    result = dean("set", "8", "status=nonsense", "--as-of", AS_OF, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert "forged" in result.stderr
    assert "#\\x23[error]forged" in result.stderr
    assert runner_commands(result.stderr) == []


def test_json_and_sarif_fields_carry_visible_escapes(dean, forged_repo):
    """`jq -r .message` must not print an ESC or a newline from a plan file raw; the exact
    path of a file whose name had to be escaped is in `raw_path`."""
    from tests.hostile import CONTROL_FILE, FORGED_FILE

    doc = json.loads(dean("validate", "--format", "json", "--as-of", AS_OF).stdout)
    strings: list[str] = []

    def walk(node, key=""):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            for k, v in node.items():
                strings.append(k)
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and not key.startswith("raw_"):
            strings.append(node)

    walk(doc)
    assert not [s for s in strings if RAW_CONTROL.search(s) or "\n" in s]
    messages = [d["message"] for d in doc["diagnostics"]]
    assert any("\\x1b[31mred" in m for m in messages)
    by_path = {d["path"]: d for d in doc["diagnostics"]}
    forged = "plan/initiatives/" + FORGED_FILE.replace("\n", "\\n")
    assert by_path[forged]["raw_path"] == "plan/initiatives/" + FORGED_FILE
    control = "plan/initiatives/12-hostile-\\x1b[2J\\u202e::warning::forged\\x07.yaml"
    assert by_path[control]["raw_path"] == "plan/initiatives/" + CONTROL_FILE
    plain = [d for p, d in by_path.items() if "\\" not in p]
    assert all("raw_path" not in d for d in plain)

    sarif = json.loads(dean("validate", "--format", "sarif", "--as-of", AS_OF).stdout)
    for r in sarif["runs"][0]["results"]:
        text = r["message"]["text"]
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not RAW_CONTROL.search(text + uri) and "\n" not in text + uri


def test_json_views_carry_visible_escapes(dean, forged_repo):
    path = forged_repo / "plan/initiatives/09-innovation-creativity-campaign.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  en: ", text.index("\ntitle:\n"))
    end = text.index("\n", start + 1)
    path.write_text(text[:start] + "\n  en: |-\n    two\n    lines" + text[end:])
    doc = json.loads(dean("status", "-p", "4", "--format", "json", "--as-of", AS_OF).stdout)
    (nine,) = [i for i in doc["initiatives"] if i["id"] == 9]
    assert nine["title"]["en"] == "two\\nlines"
    doc = json.loads(dean("status", "-p", "3", "--format", "json", "--as-of", AS_OF).stdout)
    (eight,) = [i for i in doc["initiatives"] if i["id"] == 8]
    assert "\n" not in eight["path"] and "\\n::error" in eight["path"]
    assert eight["raw_path"].endswith("\n::error file=x::forged ##[error]forged.yaml")
