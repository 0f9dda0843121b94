"""Time whole commands, side by side: dean vs check-jsonschema and yamllint (peers) and the
floor script, on the real plan (11 initiatives) and generated plans of 1,000 and 10,000.

    python benchmarks/run.py                       # sizes 11 1000 10000
    python benchmarks/run.py --sizes 11 1000 --runs 7

Peers are installed into benchmarks/.peers (a virtual environment of their own), never into
dean's. Each command runs once to warm the caches, then --runs times; the table shows the
median wall time, the ratio to check-jsonschema on the same files, and the peak memory of
the process (its children included). Benchmarks report numbers; no test asserts them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS = HERE / ".peers"
PEER_PACKAGES = ["check-jsonschema", "yamllint", "pyyaml", "jsonschema-rs"]
sys.path.insert(0, str(HERE))


def peers_python() -> Path:
    py = PEERS / "bin" / "python"
    if not py.exists():
        venv.create(PEERS, with_pip=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True)
    return py


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB, the largest process of the run) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024


def bench(
    cmd: list[str], runs: int, env: dict[str, str], warm_up: bool = True
) -> tuple[float, float]:
    if warm_up:
        measure(cmd, env)
    times, peaks = [], []
    for _ in range(runs):
        t, m = measure(cmd, env)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[11, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--runs-large", type=int, default=3, help="runs of dean and the floor at 10,000 files"
    )
    parser.add_argument(
        "--peer-runs-large",
        type=int,
        default=1,
        help="runs of check-jsonschema and yamllint at 10,000 files (minutes each; no "
        "warm-up run: dean's runs have already brought the files into the page cache)",
    )
    args = parser.parse_args()
    from generate import generate

    peers = peers_python()
    bin_ = peers.parent
    dean = [sys.executable, "-m", "deancli"]
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("DEAN_PLAN", None)
    rows = []
    startup = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import typer'", [sys.executable, "-c", "import typer"]),
        ("dean --version", [*dean, "--version"]),
        ("dean --help", [*dean, "--help"]),
    ]
    print("| startup | median s |\n|---|---:|")
    for name, cmd in startup:
        t, _ = bench(cmd, max(args.runs, 10), env)
        print(f"| `{name}` | {t:.3f} |")
    print()
    for n in args.sizes:
        plan = REPO / "plan" if n == 11 else generate(n, Path(f"/tmp/dean-bench-{n}"))
        large = n >= 10000
        files = sorted(str(p) for p in (plan / "initiatives").glob("*.yaml"))
        cmds = [
            (
                "dean validate",
                [
                    *dean,
                    "validate",
                    "--plan",
                    str(plan),
                    "--format",
                    "concise",
                    "--as-of",
                    "2026-11-28",
                ],
            ),
            ("dean status", [*dean, "status", "--plan", str(plan), "--as-of", "2026-11-28"]),
            (
                "check-jsonschema",
                [
                    str(bin_ / "check-jsonschema"),
                    "--schemafile",
                    str(REPO / "schemas/initiative.schema.json"),
                    *files,
                ],
            ),
            ("yamllint", [str(bin_ / "yamllint"), "-d", "relaxed", str(plan / "initiatives")]),
            (
                "floor (PyYAML C + jsonschema-rs, 2 cores)",
                [str(peers), str(HERE / "floor.py"), str(plan)],
            ),
        ]
        results = {}
        for name, cmd in cmds:
            peer = name in ("check-jsonschema", "yamllint")
            runs = args.runs if not large else (args.peer_runs_large if peer else args.runs_large)
            t, mem = bench(cmd, runs, env, warm_up=not (large and peer))
            results[name] = (t, mem, runs)
            print(f"  {n:,} files, {name}: {t:.2f} s", file=sys.stderr, flush=True)
        base = results["check-jsonschema"][0]
        floor = results["floor (PyYAML C + jsonschema-rs, 2 cores)"][0]
        for name, (t, mem, runs) in results.items():
            rows.append((n, name, t, base / t if t else 0.0, t / floor, mem, runs))
    print(
        "| files | command | median s | check-jsonschema ÷ this | this ÷ floor | peak MiB | runs |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n, name, t, ratio, vs_floor, mem, runs in rows:
        print(f"| {n:,} | {name} | {t:.2f} | {ratio:.2f}× | {vs_floor:.2f}× | {mem:.0f} | {runs} |")


if __name__ == "__main__":
    main()
