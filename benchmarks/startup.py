"""Startup of this checkout against another revision, in paired, interleaved runs.

    python benchmarks/startup.py --against REV [--runs 30]

REV is checked out into a temporary git worktree and run with the same interpreter and the
same installed dependencies (PYTHONPATH points at it), so only dean's own code differs.
Each round runs every command once for both revisions, alternating which goes first, so
load on the machine hits both alike. Prints a Markdown table of medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

COMMANDS = [
    ("dean --version", ["--version"]),
    ("dean --help", ["--help"]),
    ("dean validate --help", ["validate", "--help"]),
]


def once(src: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "NO_COLOR": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "deancli", *args],
        env=env,
        cwd=src.parent,  # `python -m` puts the working directory first on sys.path
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dean-startup-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(base), args.against],
            check=True,
        )
        try:
            times: dict[tuple[str, str], list[float]] = {}
            for name, cmd in COMMANDS:
                once(REPO, cmd), once(base, cmd)  # warm the page cache
                for i in range(args.runs):
                    order = [("this", REPO), ("base", base)]
                    if i % 2:
                        order.reverse()
                    for label, src in order:
                        times.setdefault((name, label), []).append(once(src, cmd))
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)], check=False
            )
    print(f"| command | {args.against} median s | this checkout median s | ratio |")
    print("|---|---:|---:|---:|")
    for name, _ in COMMANDS:
        b = statistics.median(times[(name, "base")])
        t = statistics.median(times[(name, "this")])
        print(f"| `{name}` | {b:.3f} | {t:.3f} | {t / b:.2f} |")
    print(f"\n{args.runs} paired, interleaved runs each; Python {sys.version.split()[0]}.")


if __name__ == "__main__":
    main()
