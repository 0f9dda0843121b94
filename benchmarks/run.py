"""Time whole commands on real and generated plans, side by side with the peers and the floor,
and write docs/performance.md from the results (generated: never edit it by hand).

    python benchmarks/run.py              # the full run (about 25 minutes on 2 idle cores)
    python benchmarks/run.py --quick      # sizes 11 and 1,000, fewer runs: for development
    python benchmarks/run.py --from benchmarks/results/last.json   # rewrite the page only

Plans (benchmarks/generate.py): the real plan; ``clean`` generated plans (no findings);
``replica`` plans (the 11 real files replicated, with their suppressions and warnings);
``fixed`` (the replicas with their warnings fixed) and ``errors`` (every replica with one
error). Commands run in rounds: each round runs every command of a plan once, in an order
that rotates from round to round, so that load on the machine falls on all alike; a ratio
(dean ÷ floor, check-jsonschema ÷ dean, ...) is taken within each round and the median of
those is reported, with the median times. Each run records wall time and CPU time (user +
system of the process and of the workers it waited for, from wait4); the one-minute load
average is recorded with every plan.

Memory is the peak of the whole process tree: the proportional set size (PSS, from
/proc/PID/smaps_rollup, which divides a page shared by several processes among them, so
the sum over a process and its forked workers counts every page once) summed over the
command's process and all its descendants, sampled every 10 ms, in a run of its own
(sampling costs CPU, so timed runs are not sampled). Peers run in virtual environments of
their own under benchmarks/: ``.peers`` (check-jsonschema as pip installs it today: with
ruamel.yaml's pure-Python parser, since ruamel.yaml 0.19 no longer brings its C extension;
yamllint; PyYAML and jsonschema-rs for the floor) and ``.peers-clib`` (check-jsonschema
with ruamel.yaml.clib, its C parser). Benchmarks report numbers; no test asserts them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import venv
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS = HERE / ".peers"
PEERS_CLIB = HERE / ".peers-clib"
RESULTS = HERE / "results" / "last.json"
DOC = REPO / "docs" / "performance.md"
WORK = Path("/tmp/dean-bench")
AS_OF = "2026-11-28"
PEER_PACKAGES = ["check-jsonschema", "yamllint", "pyyaml", "jsonschema-rs"]
sys.path.insert(0, str(HERE))

CJ_C = "check-jsonschema (ruamel.yaml C)"
CJ_PURE = "check-jsonschema (ruamel.yaml pure Python)"
FLOOR = "floor"


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB, the largest process of the run) of one run."""
    run = run_once(cmd, env)
    return run.wall, run.rss


@dataclass
class Run:
    wall: float
    cpu: float  # user + system, the process and the children it waited for
    rss: float  # MiB, the largest single process (ru_maxrss)


def run_once(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_tree_pss(cmd: list[str], env: dict[str, str]) -> float:
    """Peak, over the run, of the PSS summed over the process and all its descendants (MiB),
    sampled every 10 ms."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            tree, todo = [], [proc.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo += _children(pid)
            peak = max(peak, sum(_pss_kib(p) for p in tree))
            time.sleep(0.01)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    done.set()
    thread.join()
    return peak / 1024


# -- peers


def _venv(path: Path, packages: list[str], without: list[str]) -> Path:
    py = path / "bin" / "python"
    if not py.exists():
        venv.create(path, with_pip=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *packages], check=True)
    if without:
        subprocess.run([str(py), "-m", "pip", "uninstall", "-q", "-y", *without], check=False)
    return py


def peers() -> tuple[Path, Path]:
    """(the peers' Python without ruamel.yaml's C extension, the one with it)."""
    pure = _venv(PEERS, PEER_PACKAGES, ["ruamel.yaml.clib"])
    clib = _venv(PEERS_CLIB, ["check-jsonschema", "ruamel.yaml.clib"], [])
    return pure, clib


def _version(py: Path, dist: str) -> str:
    proc = subprocess.run(
        [str(py), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
        capture_output=True,
        text=True,
    )
    return proc.stdout.strip() or "not installed"


def _uses_c_parser(py: Path) -> bool:
    code = (
        "import ruamel.yaml\n"
        "y = ruamel.yaml.YAML(typ='safe')\n"
        "y.load('a: 1')\n"
        "print(type(y.parser).__name__)"
    )
    proc = subprocess.run([str(py), "-c", code], capture_output=True, text=True)
    return proc.stdout.strip() == "CParser"


# -- plans


@dataclass
class PlanCase:
    name: str  # e.g. "1,000 replica"
    size: int
    kind: str
    path: str


def plans(sizes: list[int], kinds: list[str]) -> list[PlanCase]:
    from generate import generate

    out = []
    for n in sizes:
        if n == 11:
            out.append(PlanCase("real plan (11)", 11, "real", str(REPO / "plan")))
        for kind in kinds:
            dest = WORK / f"{kind}-{n}"
            generate(n, dest, kind=kind, fresh=True)
            out.append(PlanCase(f"{n:,} {kind}", n, kind, str(dest)))
    return out


def _show_id(plan: Path) -> str:
    files = sorted((plan / "initiatives").glob("*.yaml"))
    text = files[len(files) // 2].read_text(encoding="utf-8")
    m = re.search(r"^id: (\d+)", text, re.M)
    return m.group(1) if m else "1"


def fmt_copy(plan: Path, share: float = 0.1) -> tuple[Path, list[tuple[Path, str, str]]]:
    """A copy of ``plan`` in which ``share`` of the initiative files are out of the canonical
    layout (two top-level keys swapped), and (file, canonical text, changed text) to put
    them back out of layout before each run of `dean fmt`."""
    dest = Path(str(plan) + "-fmt")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(plan, dest)
    files = sorted((dest / "initiatives").glob("*.yaml"))
    rnd = random.Random(16)
    changed = []
    for path in rnd.sample(files, max(1, int(len(files) * share))):
        text = path.read_text(encoding="utf-8")
        moved = re.sub(r"^(slug: .*)\n(pillar: .*)$", r"\2\n\1", text, count=1, flags=re.M)
        path.write_text(moved, encoding="utf-8")
        changed.append((path, text, moved))
    return dest, changed


# -- results


@dataclass
class Result:
    plan: str
    command: str
    runs: list[Run]
    load: float  # one-minute load average after the plan's rounds
    pss: float | None = None  # MiB, peak of the process tree (a run of its own)
    note: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss for r in self.runs)


@dataclass
class Results:
    started: str
    took: float = 0.0
    commit: str = ""
    python: str = platform.python_version()
    cores: int = os.cpu_count() or 1
    quick: bool = False
    versions: dict[str, str] = field(default_factory=dict)
    startup: dict[str, list[float]] = field(default_factory=dict)
    startup_load: float = 0.0
    results: list[Result] = field(default_factory=list)
    # (plan, a, b) -> per-round ratios of a's wall time to b's (and of CPU times)
    ratios: dict[str, list[float]] = field(default_factory=dict)
    cpu_ratios: dict[str, list[float]] = field(default_factory=dict)

    def find(self, plan: str, command: str) -> Result | None:
        for r in self.results:
            if r.plan == plan and r.command == command:
                return r
        return None


def _key(plan: str, a: str, b: str) -> str:
    return f"{plan} | {a} | {b}"


def rounds(
    out: Results,
    case: PlanCase,
    commands: dict[str, list[str]],
    runs: dict[str, int],
    env: dict[str, str],
    pairs: list[tuple[str, str]],
    before: dict[str, object] | None = None,
) -> None:
    """Run ``commands`` in ``max(runs)`` rounds, each command at most its ``runs``, order
    rotating; record the per-round ratios of ``pairs``. ``before[name]()`` runs before each
    run of that command, untimed."""
    before = before or {}
    names = list(commands)
    for name in names:  # warm the page cache and imports (not for the slow ones, nor at
        # 10,000 files: the plans were just written, so their files are in the page cache)
        if runs[name] > 1 and case.size < 10000:
            if name in before:
                before[name]()  # type: ignore[operator]
            run_once(commands[name], env)
    got: dict[str, list[Run | None]] = {n: [] for n in names}
    total = max(runs.values())
    for r in range(total):
        order = names[r % len(names) :] + names[: r % len(names)]
        if r % 2:
            order.reverse()
        for name in names:
            got[name].append(None)
        for name in order:
            if r >= runs[name]:
                continue
            if name in before:
                before[name]()  # type: ignore[operator]
            got[name][r] = run_once(commands[name], env)
            print(f"  {case.name}: {name} {got[name][r].wall:.2f} s", file=sys.stderr, flush=True)  # type: ignore[union-attr]
    load = os.getloadavg()[0]
    for name in names:
        done = [x for x in got[name] if x is not None]
        out.results.append(Result(case.name, name, done, load))
    for a, b in pairs:
        if a not in got or b not in got:
            continue
        both = [(x, y) for x, y in zip(got[a], got[b], strict=True) if x and y]
        out.ratios[_key(case.name, a, b)] = [x.wall / y.wall for x, y in both]
        out.cpu_ratios[_key(case.name, a, b)] = [x.cpu / y.cpu for x, y in both]


def measure_all(args: argparse.Namespace) -> Results:
    started = time.time()
    out = Results(started=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), quick=args.quick)
    out.commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    pure, clib = peers()
    if not _uses_c_parser(clib) or _uses_c_parser(pure):
        raise SystemExit("the peers' environments do not parse as labelled")
    out.versions = {
        "dean's ruamel.yaml": _version(Path(sys.executable), "ruamel.yaml"),
        "dean's ruamel.yaml.clib": _version(Path(sys.executable), "ruamel.yaml.clib"),
        "check-jsonschema": _version(pure, "check-jsonschema"),
        "ruamel.yaml (.peers, pure Python)": _version(pure, "ruamel.yaml"),
        "ruamel.yaml (.peers-clib)": _version(clib, "ruamel.yaml"),
        "ruamel.yaml.clib (.peers-clib)": _version(clib, "ruamel.yaml.clib"),
        "jsonschema (check-jsonschema's)": _version(pure, "jsonschema"),
        "yamllint": _version(pure, "yamllint"),
        "PyYAML (floor)": _version(pure, "pyyaml"),
        "jsonschema-rs (floor)": _version(pure, "jsonschema-rs"),
        "typer": _version(Path(sys.executable), "typer"),
    }
    dean = [sys.executable, "-m", "deancli"]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    for var in ("DEAN_PLAN", "DEAN_JOBS", "DEAN_MP_START"):
        env.pop(var, None)

    # startup: paired, interleaved
    startup = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
        "dean --version": [*dean, "--version"],
        "dean --help": [*dean, "--help"],
    }
    for cmd in startup.values():
        run_once(cmd, env)
    out.startup = {name: [] for name in startup}
    for r in range(args.startup_pairs):
        names = list(startup) if r % 2 == 0 else list(reversed(startup))
        for name in names:
            out.startup[name].append(run_once(startup[name], env).wall)
    out.startup_load = os.getloadavg()[0]

    sizes = [11, 1000] if args.quick else [11, 1000, 10000]
    cases = plans(sizes, ["clean", "replica", "fixed", "errors"])
    by_name = {c.name: c for c in cases}
    for case in cases:
        if case.kind in ("fixed", "errors"):
            continue  # measured with their replica plan
        large = case.size >= 10000
        base = 1 if args.quick and case.size > 11 else 0
        many = (3 if large else 5) - 2 * base  # runs of the quick commands
        plan = Path(case.path)
        files = sorted(str(p) for p in (plan / "initiatives").glob("*.yaml"))
        validate = [*dean, "validate", "--format", "concise", "--as-of", AS_OF, "--plan"]
        cmds: dict[str, list[str]] = {
            "dean validate": [*validate, str(plan)],
            FLOOR: [str(pure), str(HERE / "floor.py"), str(plan)],
            CJ_C: [
                str(clib.parent / "check-jsonschema"),
                "--schemafile",
                str(REPO / "schemas/initiative.schema.json"),
                *files,
            ],
            "dean status": [*dean, "status", "--plan", str(plan), "--as-of", AS_OF],
        }
        runs = dict.fromkeys(cmds, many)
        before: dict[str, object] = {}
        # the slow peers: fewer runs where they take minutes
        # pure-Python check-jsonschema takes minutes at 10,000 files: there, once
        cmds[CJ_PURE] = [str(PEERS / "bin" / "check-jsonschema"), *cmds[CJ_C][1:]]
        runs[CJ_PURE] = many if case.size <= 11 else 1
        if case.kind in ("clean", "real") and not large:  # minutes at 10,000 files
            cmds["yamllint"] = [str(PEERS / "bin" / "yamllint"), "-d", "relaxed", *files]
            runs["yamllint"] = many if case.size <= 11 else 1
        if case.size >= 1000:
            cmds["dean fmt --check"] = [*dean, "fmt", "--check", "--plan", str(plan)]
            runs["dean fmt --check"] = many
        if case.kind == "replica":
            ident = _show_id(plan)
            cmds["dean timeline"] = [*dean, "timeline", "--plan", str(plan), "--as-of", AS_OF]
            cmds["dean show"] = [*dean, "show", ident, "--plan", str(plan), "--as-of", AS_OF]
            for kind in ("fixed", "errors"):
                other = by_name[f"{case.size:,} {kind}"]
                cmds[f"dean validate ({kind})"] = [*validate, other.path]
                runs[f"dean validate ({kind})"] = many
            errors_plan = by_name[f"{case.size:,} errors"].path
            cmds["floor (errors)"] = [str(pure), str(HERE / "floor.py"), errors_plan]
            runs["floor (errors)"] = many
            runs["dean timeline"] = runs["dean show"] = many
            if case.size >= 1000:
                copy, changed = fmt_copy(plan)
                cmds["dean fmt (10% change)"] = [*dean, "fmt", "--plan", str(copy)]
                cmds["dean validate (fmt copy)"] = [*validate, str(copy)]
                runs["dean fmt (10% change)"] = runs["dean validate (fmt copy)"] = many

                def unformat(changed: list[tuple[Path, str, str]] = changed) -> None:
                    for path, _, moved in changed:
                        path.write_text(moved, encoding="utf-8")

                before["dean fmt (10% change)"] = unformat
        pairs = [
            ("dean validate", FLOOR),
            (CJ_C, "dean validate"),
            (CJ_PURE, "dean validate"),
            ("yamllint", "dean validate"),
            ("dean validate", CJ_C),
            ("dean validate (fixed)", "floor (fixed)"),
            ("dean validate (errors)", "floor (errors)"),
            ("dean validate", "dean validate (fixed)"),
            ("dean fmt --check", "dean validate"),
            ("dean fmt (10% change)", "dean validate (fmt copy)"),
            ("dean timeline", "dean status"),
            ("dean show", "dean status"),
            ("dean status", FLOOR),
        ]
        rounds(out, case, cmds, runs, env, pairs, before)
        if case.size >= 1000 and case.kind in ("clean", "replica"):
            for name in ("dean validate", "dean fmt --check", FLOOR):
                res = out.find(case.name, name)
                if res is not None:
                    res.pss = peak_tree_pss(cmds[name], env)
    out.took = time.time() - started
    return out


# -- the page


def _med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _ratio(out: Results, plan: str, a: str, b: str, cpu: bool = False) -> float | None:
    got = (out.cpu_ratios if cpu else out.ratios).get(_key(plan, a, b))
    return _med(got) if got else None


def _verdict(value: float | None, limit: float, what: str = "") -> str:
    if value is None:
        return "not measured"
    if value <= limit:
        return f"**met**: {value:.2f}× (limit {limit:.2f}×{what})"
    return f"**missed** by {value / limit - 1:.0%}: {value:.2f}× (limit {limit:.2f}×{what})"


def _mem_verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    word = "**met**" if value <= limit else f"**missed** by {value - limit:.0f} MiB"
    return f"{word}: {value:.0f} MiB (limit {limit:.0f} MiB)"


# what the profile shows and the next step, for each target when it is missed (keyed by a
# piece of the target's name)
NOTES: dict[str, str] = {
    "peak memory of `fmt --check`": "files already in the canonical layout send back "
    "neither their data nor their text (`fmt` needs them only for the files it rewrites); "
    "what is left is the plan's other files, the workers' heaps and the command's own "
    "start. Next step: as for `validate`.",
    "`validate` ≤ 1.5× the floor": "dean's parse alone is now about as fast as the "
    "floor's (about 0.55 ms a replica file against 0.7 ms for PyYAML's C loader, measured "
    "in one process); what the floor does not do is the rest: in the workers, each file's "
    "suppressions and schema check and sending its data back (about 0.15 ms), then, in "
    "the main process after the parallel read, building the model (about 0.1 ms a file), "
    "the cross-file rules (about 0.25 ms), and positioning, matching and reporting the "
    "findings. That part runs on one core while the other waits, which is why the wall "
    "time is further from the floor than the CPU time. Next step: run the per-file part "
    "of the rules (stale evidence, leads, dates, cited sources) and the model's building "
    "in the workers, where the data and the marks already are, and leave the main "
    "process only the checks across files.",
    "with its warnings fixed": "what the replica plan does beyond the fixed one: each file's "
    "inline suppressions are found (a search of the lines holding `dean:`, the nodes that "
    "start on their lines from the marks) in the workers; in the main process every "
    "finding's position is resolved from the marks (a walk along its path) and matched to "
    "a suppression, and a fifth of the files report an unused suppression with a source "
    "excerpt (their text decoded and split into lines). Next step: position the per-file "
    "rules' findings in the workers (see the first target), so that the main process "
    "receives finished diagnostics and no marks.",
    "every one with an error": "half of these files have a schema error; their "
    "diagnostics now come from python-jsonschema walking only the keys with errors "
    "(about 0.3 ms a file, from 2.4 ms), in the workers; the rest is what every replica "
    "file costs (see the first target) plus the findings themselves: about two a file, "
    "each positioned from the marks, with a suggestion (edit distance to the known "
    "names) and a line of the report. Next step: the first target's, and building the "
    "diagnostics from jsonschema-rs's own errors where they say all python-jsonschema "
    "would (proven equal on the corpus as for the pruned walk).",
    "`fmt --check`": "files not recognised as canonical from the parse take ruamel.yaml's "
    "round trip in the workers. Next step: recognise more layouts (see "
    "deancli/edit/canonical.py for what is left to the round trip).",
    "10% of them out of layout": "each file that changes takes one ruamel.yaml round trip "
    "(its pure-Python scanner, composer and emitter: about 35 ms of CPU a file, in the "
    "workers); the check that the new layout is stable no longer takes a second one (it is "
    "decided from the parse), and the directory is synced once after all the renames. "
    "Next step: lay out a file from its marks directly when only key order or "
    "indentation differ, keeping the round trip for the rest.",
    "`timeline`": "its CPU time is within the target; its wall time is not, in this run: "
    "the chart prints one line per dated milestone (about 70,000 at 10,000 replica files) "
    "from the main process after the parallel read, and that serial part stretches most "
    "when other work shares the two cores (see the load average). Lines are built as runs "
    "of one style, written without Rich when there is no colour, and the files are read "
    "as for `status`. Next step: start printing while the last files are read.",
    "`show`": "`show` reads the whole plan as `status` does (a lookup by id or slug, and "
    "the files left out for reading errors, need every file) and then renders one "
    "initiative, so the two cost the same CPU time (the ratio of CPU times is about 1); "
    "wall times differ with the load of the moment. Next step: when the argument is an "
    "id, read the files whose names carry it first and the rest only to confirm nothing "
    "else matches (file names are checked to carry ids, DEAN202).",
    "peak memory": "the peak is the main process once every file is read, before the "
    "rules run: per replica file (6 KB of YAML), tracemalloc counts about 24 KB received "
    "from the workers (the data as Python dicts, lists and strings, about 13 KB; the text "
    "as UTF-8, 6 KB; the marks, 2 KB; the suppressions found, 1.5 KB) and 4.5 KB of "
    "model objects; the two workers add their own heaps. dean holds all of it because "
    "the cross-file rules, the positions of their findings and the report's excerpts "
    "need it, and it grows linearly (see the tree MiB at 1,000 and 10,000 files). "
    "Reaching 200 MiB at 10,000 files means about half of that per file. Next step: run "
    "the per-file part of the rules in the workers and send back only what the "
    "cross-file rules need (ids, references, dates), with each file's data kept as its "
    "pickled bytes (about 5 KB) for the findings that need it.",
    "`dean --version`": "Typer builds every command's click parameters from its signature "
    "on each start (13 commands, most of the time beyond `import typer`); the modules dean "
    "imports besides typer take under 10 ms, and neither ruamel.yaml, jsonschema nor rich "
    "is imported. Next step: a lazy click group that builds a command only when it runs "
    "(`--help` needs only the names and summaries).",
    "`dean --help`": "as for `--version`: building every command's parameters.",
    "real plan: `validate`": "on 11 files both tools are mostly process start: dean's is "
    "Python, Typer and its 13 commands, then jsonschema-rs and the rules; next step as for "
    "`--version`.",
}


def write_page(out: Results) -> str:
    big = "10,000" if any(r.plan.startswith("10,000") for r in out.results) else "1,000"
    lines = [
        "# Performance",
        "",
        "<!-- Generated by benchmarks/run.py from benchmarks/results/last.json; do not edit "
        "by hand: run it again (or `python benchmarks/run.py --from "
        "benchmarks/results/last.json` after changing its text). -->",
        "",
        "Reproduce everything on this page with one command: **`python benchmarks/run.py`** "
        "(about 25 minutes on two idle cores; it installs the peers into "
        "`benchmarks/.peers` and `benchmarks/.peers-clib` on first use). "
        "`python benchmarks/run.py --quick` (sizes 11 and 1,000, fewer runs) is for "
        "development.",
        "",
        f"This run: {out.started}, commit `{out.commit}`, {out.cores} cores, Python "
        f"{out.python}; the whole run took {out.took / 60:.1f} minutes"
        + (" (--quick)" if out.quick else "")
        + ". The one-minute load average is in every table: on an idle machine it is near "
        "0, and wall times grow with it while CPU times (user + system of the process and "
        "its workers) do not.",
        "",
        "Versions: " + "; ".join(f"{k} {v}" for k, v in out.versions.items()) + ".",
        "",
        "How it is measured: whole processes; each round runs every command of a plan once, "
        "in an order that rotates between rounds; ratios are taken within each round (so a "
        "busy moment slows both sides of a pair) and their median is shown, next to the "
        "median times. Memory (*tree MiB*) is the peak, over a run of its own, of the "
        "proportional set size summed over the command's process and every descendant "
        "(PSS from `/proc/PID/smaps_rollup`, sampled every 10 ms: a page shared by a "
        "process and its forked workers counts once in the sum, divided among them); "
        "*max RSS* is the largest single process of the timed runs (`ru_maxrss`), which is "
        "not a sum. The plans are made by `benchmarks/generate.py`: *clean* (synthetic "
        "files without findings), *replica* (the 11 real initiative files replicated with "
        "new ids and slugs and dates moved 0-8 months later: they keep the real files' "
        "inline suppressions, so every file has findings that are found, positioned and "
        "suppressed, and a fifth also have a reported warning, an unused suppression), "
        "*fixed* (the same replicas with their warnings fixed: leads filled, suppressions "
        "removed, thresholds raised in its dean.toml) and *errors* (every replica with one "
        "error: three kinds of schema error, three of cross-file rule). The floor "
        "(`benchmarks/floor.py`) is PyYAML's C loader, jsonschema-rs and the simplest "
        "cross-file checks on both cores: a reference point, not a tool. check-jsonschema "
        "validates the same initiative files against the same schema (no line numbers, "
        "no cross-file checks), in two configurations: with ruamel.yaml's C extension "
        "(`.peers-clib`), and as pip installs it today (ruamel.yaml 0.19 no longer brings "
        "its C extension, so it parses in pure Python: `.peers`). yamllint runs its "
        "`relaxed` configuration.",
        "",
    ]
    # targets
    rep, real = f"{big} replica", "real plan (11)"
    st = out.startup
    version = _med(st.get("dean --version", [])) / _med(st.get("python -c 'import typer'", [1]))
    helped = _med(st.get("dean --help", [])) / _med(st.get("python -c 'import typer'", [1]))
    typer_times = st.get("python -c 'import typer'", [])
    paired_v = [a / b for a, b in zip(st.get("dean --version", []), typer_times, strict=True)]
    paired_h = [a / b for a, b in zip(st.get("dean --help", []), typer_times, strict=True)]
    val = out.find(rep, "dean validate")
    fmt_check = out.find(rep, "dean fmt --check")
    targets = [
        (
            f"{big} replica files: `validate` ≤ 1.5× the floor",
            _verdict(_ratio(out, rep, "dean validate", FLOOR), 1.5),
            _verdict(_ratio(out, rep, "dean validate", FLOOR, cpu=True), 1.5, ", CPU time"),
        ),
        (
            f"{big} replica files: `validate` ≤ 1.15× the same plan with its warnings fixed",
            _verdict(_ratio(out, rep, "dean validate", "dean validate (fixed)"), 1.15),
            _verdict(
                _ratio(out, rep, "dean validate", "dean validate (fixed)", cpu=True),
                1.15,
                ", CPU time",
            ),
        ),
        (
            f"{big} files, every one with an error: `validate` ≤ 1.3× the floor",
            _verdict(_ratio(out, rep, "dean validate (errors)", "floor (errors)"), 1.3),
            _verdict(
                _ratio(out, rep, "dean validate (errors)", "floor (errors)", cpu=True),
                1.3,
                ", CPU time",
            ),
        ),
        (
            f"{big} replica files: `fmt --check` ≤ 1.5× `validate`",
            _verdict(_ratio(out, rep, "dean fmt --check", "dean validate"), 1.5),
            _verdict(
                _ratio(out, rep, "dean fmt --check", "dean validate", cpu=True), 1.5, ", CPU time"
            ),
        ),
        (
            f"{big} replica files, 10% of them out of layout: `fmt` ≤ 3× `validate`",
            _verdict(_ratio(out, rep, "dean fmt (10% change)", "dean validate (fmt copy)"), 3.0),
            _verdict(
                _ratio(out, rep, "dean fmt (10% change)", "dean validate (fmt copy)", cpu=True),
                3.0,
                ", CPU time",
            ),
        ),
        (
            f"{big} replica files: `timeline` ≤ `status` + 20%",
            _verdict(_ratio(out, rep, "dean timeline", "dean status"), 1.2),
            _verdict(_ratio(out, rep, "dean timeline", "dean status", cpu=True), 1.2, ", CPU time"),
        ),
        (
            f"{big} replica files: `show` ≤ `status`",
            _verdict(_ratio(out, rep, "dean show", "dean status"), 1.0),
            _verdict(_ratio(out, rep, "dean show", "dean status", cpu=True), 1.0, ", CPU time"),
        ),
        (
            f"{big} replica files: peak memory of `validate`, whole tree, ≤ 200 MiB",
            _mem_verdict(val.pss if val else None, 200),
            "",
        ),
        (
            f"{big} replica files: peak memory of `fmt --check`, whole tree, ≤ 200 MiB",
            _mem_verdict(fmt_check.pss if fmt_check else None, 200),
            "",
        ),
        (
            f"`dean --version` ≤ 1.2× `import typer` ({len(paired_v)} pairs)",
            _verdict(_med(paired_v) if paired_v else None, 1.2),
            f"medians: {version:.2f}×",
        ),
        (
            f"`dean --help` ≤ 1.2× `import typer` ({len(paired_h)} pairs)",
            _verdict(_med(paired_h) if paired_h else None, 1.2),
            f"medians: {helped:.2f}×",
        ),
        (
            "real plan: `validate` ≤ 0.6× check-jsonschema (C parser)",
            _verdict(_ratio(out, real, "dean validate", CJ_C), 0.6),
            _verdict(_ratio(out, real, "dean validate", CJ_C, cpu=True), 0.6, ", CPU time"),
        ),
    ]
    lines += [
        "## Targets (issue 16)",
        "",
        "Each ratio is the median of the per-round ratios of wall time; the CPU-time ratio "
        "beside it is what a busy machine does not change.",
        "",
        "| target | wall time | CPU time |",
        "|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in targets]
    lines.append("")
    missed = [a for a, b, c in targets if "missed" in b]
    if missed and NOTES:
        lines += ["### What the profiles show for the targets missed", ""]
        for a in missed:
            for key, note in NOTES.items():  # the first key found in the target's name
                if key in a:
                    lines += [f"- *{a}*: {note}", ""]
                    break
    # startup
    lines += [
        "## Startup",
        "",
        f"{len(st.get('dean --version', []))} rounds, each command once a round (order "
        f"reversed every other round); load average {out.startup_load:.1f}.",
        "",
        "| command | median s | ÷ `import typer` (median of pairs) |",
        "|---|---:|---:|",
    ]
    typer = st.get("python -c 'import typer'", [])
    for name, times in st.items():
        pairs = [a / b for a, b in zip(times, typer, strict=True)]
        lines.append(f"| `{name}` | {_med(times):.3f} | {_med(pairs):.2f}× |")
    lines.append("")
    # whole runs
    lines += [
        "## Whole runs",
        "",
        "Median wall and CPU seconds; *÷ floor* and *check-jsonschema ÷ this* are medians "
        "of per-round ratios (C: with ruamel.yaml's C parser; pure: without).",
        "",
        "| plan | command | runs | median s | CPU s | ÷ floor | check-jsonschema (C) ÷ this "
        "| check-jsonschema (pure) ÷ this | max RSS MiB | tree MiB | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in out.results:
        floor_of = (
            "floor (fixed)"
            if "(fixed)" in r.command
            else "floor (errors)"
            if "(errors)" in r.command
            else FLOOR
        )
        vs_floor = _ratio(out, r.plan, r.command, floor_of)
        if r.command == FLOOR:
            vs_floor = 1.0
        cj_c = _ratio(out, r.plan, CJ_C, r.command) if r.command == "dean validate" else None
        cj_p = _ratio(out, r.plan, CJ_PURE, r.command) if r.command == "dean validate" else None
        label = r.command + (" — one run, no warm-up" if len(r.runs) == 1 else "")
        lines.append(
            f"| {r.plan} | {label} | {len(r.runs)} | {r.wall:.2f} | {r.cpu:.2f} | "
            f"{'' if vs_floor is None else f'{vs_floor:.2f}×'} | "
            f"{'' if cj_c is None else f'{cj_c:.2f}×'} | "
            f"{'' if cj_p is None else f'{cj_p:.2f}×'} | {r.rss:.0f} | "
            f"{'' if r.pss is None else f'{r.pss:.0f}'} | {r.load:.1f} |"
        )
    lines += [""]
    lines += STATIC
    return "\n".join(lines) + "\n"


STATIC = [
    "## How dean is fast",
    "",
    "- **One parse per file, straight from the C parser's events.** The tree builder "
    "(`deancli/plan/yamlio.py`) handles the common case inline and interns short text. While "
    "it builds the data it records three small integers per node (where it starts and "
    "ends, and its style or where its subtree ends: `Parsed.marks`, 2 bytes each for files "
    "under 32 KiB). A finding's line and column are resolved from them only when asked for, "
    "by walking the data along the finding's path (`deancli/plan/spans.py`): no file is "
    "parsed a second time for positions. `tests/unit/test_fast_path.py` proves the spans, "
    "styles and what-starts-on-each-line equal to a positional parse on the whole test "
    "corpus.",
    "- **A check's per-file work where the file is read.** For large plans, files are read "
    "in worker processes; a check's workers also run the schema check and find the inline "
    'suppressions, with positions from the same parse. jsonschema-rs answers "valid?" '
    "(about 0.02 ms a file); for an invalid file, python-jsonschema gives the diagnostics, "
    "walking only the top-level keys jsonschema-rs found errors under (about 0.3 ms instead "
    "of 2.4 ms a file; the root's own keywords still see the whole file, and "
    "tests/unit/test_fast_path.py proves the diagnostics equal to the whole walk's). The "
    "main process runs the cross-file rules and matches findings to suppressions.",
    "- **`fmt --check` from the parse.** A file already in the canonical layout is "
    "recognised from its text and marks (`deancli/edit/canonical.py`: key order, "
    "indentation, quoting, flow collections, block scalars, line ends); only the others "
    "take ruamel.yaml's round trip (a load and a dump, about 10 ms a file), once, in the "
    "workers. `tests/unit/edit/test_canonical.py` checks that a file recognised as "
    "canonical is one the round trip leaves unchanged, on the whole test corpus, on the "
    "real plan and on layouts made to differ from the canonical one in each way checked.",
    "- **No cyclic garbage collection during a command.** dean's data are trees; reference "
    "counting frees them.",
    "- **Every core for large plans.** From 200 initiative files on (`DEAN_JOBS` overrides "
    "the count; `DEAN_MP_START` the start method).",
    "",
    "`dean history`: [performance-history.md](performance-history.md) (generated by "
    "`python benchmarks/history.py`). `dean report`: "
    "[performance-report.md](performance-report.md) (generated by `python "
    "benchmarks/report.py`).",
]


def _load(path: Path) -> Results:
    raw = json.loads(path.read_text(encoding="utf-8"))
    results = [
        Result(
            r["plan"], r["command"], [Run(**x) for x in r["runs"]], r["load"], r["pss"], r["note"]
        )
        for r in raw.pop("results")
    ]
    return Results(**raw, results=results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 11 and 1,000; fewer runs")
    parser.add_argument("--startup-pairs", type=int, default=20)
    parser.add_argument("--from", dest="source", type=Path, help="rewrite the page from results")
    parser.add_argument("--out", type=Path, help="where to write the page")
    args = parser.parse_args()
    if args.source:
        out = _load(args.source)
    else:
        if args.quick:
            args.startup_pairs = min(args.startup_pairs, 10)
        out = measure_all(args)
        target = RESULTS if not args.quick else WORK / "quick.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(asdict(out), indent=1) + "\n", encoding="utf-8")
        print(f"results: {target}", file=sys.stderr)
    page = write_page(out)
    dest = args.out or (WORK / "performance-quick.md" if out.quick else DOC)
    dest.write_text(page, encoding="utf-8")
    print(f"page: {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
