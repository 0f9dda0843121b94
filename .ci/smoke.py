"""Smoke suite for a built wheel: install it into a new virtual environment and run dean from
there, in an empty folder, as someone would after `pipx install deancli`. A file missing
from the wheel (the embedded plan, a schema, a doc that --help points to) fails here, while
the test suite, which runs on the source tree, would not notice.

    python .ci/smoke.py dist/deancli-X.Y.Z-py3-none-any.whl

Standard library only; runs on Linux, macOS and Windows. Commands are read from `dean --help`,
so a new command is smoke-tested (its --help at least) without editing this file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


class Smoke:
    def __init__(self, venv: Path, cwd: Path) -> None:
        self.dean = str(venv / BIN / f"dean{EXE}")
        self.python = str(venv / BIN / f"python{EXE}")
        self.cwd = cwd
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("DEAN_", "PYTHON"))}
        self.env.pop("GITHUB_ACTIONS", None)  # plain output, not fenced for the Actions log
        self.env.update({"NO_COLOR": "1", "COLUMNS": "80", "LANG": "en_US.UTF-8"})
        self.env.update({"PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"})
        self.passed: list[str] = []
        self.failed: list[str] = []

    def run(
        self, *args: str, cwd: Path | None = None, code: int = 0, plan: Path | None = None
    ) -> str:
        env = dict(self.env)
        if plan is not None:
            env["DEAN_PLAN"] = str(plan)
        proc = subprocess.run(
            [self.dean, *args],
            cwd=cwd or self.cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        if proc.returncode != code:
            raise AssertionError(
                f"exit {proc.returncode}, expected {code}\n{proc.stdout[-2000:]}{proc.stderr}"
            )
        if "Traceback" in proc.stderr:
            raise AssertionError(proc.stderr)
        return proc.stdout

    def py(self, code: str) -> list[str]:
        """Lines printed by `code` run by the environment's Python (isolated mode, from the
        empty folder: never the source tree's deancli)."""
        proc = subprocess.run(
            [self.python, "-I", "-c", code],
            cwd=self.cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        return proc.stdout.splitlines()

    def check(self, name: str, test: Callable[[], None]) -> None:
        try:
            test()
        except Exception as exc:  # report every failure, not just the first
            self.failed.append(name)
            print(f"FAIL {name}\n     {str(exc).replace(chr(10), chr(10) + '     ')}")
        else:
            self.passed.append(name)
            print(f"ok   {name}")


def install(wheel: Path, venv: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / BIN / f"python{EXE}")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )


def commands(help_text: str) -> list[str]:
    """The command names that `dean --help` lists under "Commands:"."""
    names: list[str] = []
    in_commands = False
    for line in help_text.splitlines():
        if line.strip().rstrip(":") == "Commands":
            in_commands = True
        elif in_commands and (m := re.match(r"^  ([a-z][a-z0-9-]*)(\s|$)", line)):
            names.append(m.group(1))
        elif in_commands and line and not line.startswith(" "):
            break
    return names


def suite(s: Smoke, wheel: Path, scratch: Path) -> None:
    version = wheel.name.split("-")[1]
    found: dict[str, list[str]] = {}

    def where() -> None:
        out = s.py(
            "import deancli; from deancli.base import resources as r; "
            "print(deancli.__file__); print(r.embedded_plan_dir()); print(r.docs_dir())"
        )
        venv = Path(s.python).parent.parent.resolve()
        for line in out:  # dean comes from the wheel, its data from inside the package
            assert Path(line).resolve().is_relative_to(venv), out
        assert "_embedded" in out[1] and "_embedded" in out[2], out

    def version_() -> None:
        out = s.run("--version")
        assert re.fullmatch(rf"dean {re.escape(version)} \(plan schema \d+\)\n", out), out

    def help_() -> None:
        out = s.run("--help")
        found["commands"] = commands(out)
        assert {"validate", "status", "explain"} <= set(found["commands"]), out

    s.check("dean comes from the installed wheel, with its embedded data", where)
    s.check("dean --version", version_)
    s.check("dean --help lists the commands", help_)
    docs_named: set[str] = set()
    for name in found.get("commands", []):

        def sub_help(name: str = name) -> None:
            out = s.run(name, "--help")
            assert f"Usage: dean {name}" in out, out
            docs_named.update(re.findall(r"docs/[\w./-]+\.(?:md|json)", out))

        s.check(f"dean {name} --help", sub_help)

    def docs_shipped() -> None:
        docs = Path(s.py("from deancli.base import resources as r; print(r.docs_dir())")[0])
        missing = [d for d in sorted(docs_named) if not (docs.parent / d).is_file()]
        assert docs_named and not missing, f"named in --help but not in the wheel: {missing}"

    s.check("every docs/ file that --help names is in the wheel", docs_shipped)

    def validate() -> None:
        out = s.run("validate", "--format", "concise")
        assert re.search(r"checked \d+ files \(\d+ initiatives", out), out

    def validate_json() -> None:
        data = json.loads(s.run("validate", "--format", "json"))
        assert data["tool"]["version"] == version and data["summary"]["errors"] == 0, data

    def status(lang: str) -> Callable[[], None]:
        def test() -> None:
            out = s.run("status", "--lang", lang)
            assert ("Pilar" if lang == "es" else "Pillar") in out, out

        return test

    def status_json() -> None:
        data = json.loads(s.run("status", "--format", "json"))
        assert data["tool"]["version"] == version, data

    s.check("dean validate on the embedded plan", validate)
    s.check("dean validate --format json", validate_json)
    s.check("dean status --lang en", status("en"))
    s.check("dean status --lang es", status("es"))
    s.check("dean status --format json", status_json)

    def show() -> None:
        out = s.run("show", "8")
        assert "Digital" in out or "digital" in out, out

    def timeline() -> None:
        out = s.run("timeline")
        assert re.search(r"20\d\d", out), out

    s.check("dean show 8", show)
    s.check("dean timeline", timeline)

    def explain() -> None:
        every = s.run("explain")
        assert "DEAN207" in every, every
        one = s.run("explain", "DEAN207")
        assert "# after" in one, one  # the before/after example of docs/rules.md, not a summary

    s.check("dean explain (the rules doc is in the wheel)", explain)

    def edit_a_copy() -> None:
        plan = Path(
            s.py("from deancli.base import resources as r; print(r.embedded_plan_dir())")[0]
        )
        work = scratch / "edit"
        shutil.copytree(plan, work / "plan")
        s.run("fmt", "--check", cwd=work)
        s.run("set", "8", "status=active", "--dry-run", cwd=work)

    s.check("dean fmt --check and set --dry-run on a copy", edit_a_copy)

    if "init" in found.get("commands", []):

        def init() -> None:
            empty = scratch / "init"
            empty.mkdir()
            s.run("init", cwd=empty)
            assert (empty / "plan").is_dir(), sorted(p.name for p in empty.iterdir())
            s.run("validate", cwd=empty)

        s.check("dean init in an empty folder, then dean validate there", init)

    if "lsp" in found.get("commands", []):

        def lsp() -> None:
            """The language server starts from the wheel (pygls installed with it) and ends
            with exit 0 after shutdown."""
            frames = b""
            for message in (
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
                {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
                {"jsonrpc": "2.0", "method": "exit"},
            ):
                body = json.dumps(message).encode()
                frames += f"Content-Length: {len(body)}\r\n\r\n".encode() + body
            proc = subprocess.run(
                [s.dean, "lsp"],
                input=frames,
                capture_output=True,
                cwd=s.cwd,
                env=s.env,
                timeout=120,
                check=False,
            )
            assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
            assert b'"serverInfo": {"name": "dean"' in proc.stdout, proc.stdout[-500:]

        s.check("dean lsp answers initialize and shutdown", lsp)


def main() -> int:
    if len(sys.argv) != 2 or not sys.argv[1].endswith(".whl"):
        print(__doc__, file=sys.stderr)
        return 2
    wheel = Path(sys.argv[1]).resolve()
    if not wheel.is_file():
        print(f"smoke: no wheel at {wheel}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dean-smoke-") as tmp:
        root = Path(tmp)
        install(wheel, root / "venv")
        empty = root / "empty"  # no ./plan here: dean uses the plan embedded in the wheel
        empty.mkdir()
        s = Smoke(root / "venv", empty)
        suite(s, wheel, root)
    print(f"smoke: {len(s.passed)} passed, {len(s.failed)} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
