"""Time `dean report` against `dean status` on generated plans, and the page in Chromium;
write the figures to docs/performance-report.md (generated: never edit it by hand).

    python benchmarks/report.py                         # sizes 11 1000 10000, 3 runs
    python benchmarks/report.py --sizes 11 1000 --runs 5 --out /tmp/report-perf.md

Whole processes, as benchmarks/run.py measures them: one warm-up run of each command, then
--runs runs of `dean status` and `dean report` taken in turns (so that a busy machine slows
both alike); medians of wall time, the largest peak memory. The target of issue 18: the
report takes no more than the time of `dean status` on the same plan plus 50%.

In the browser (headless Chromium through Playwright, when both are installed; see
tests/browser/): the time from opening the page until the table is drawn, and the time to
filter the table by text (including the pause the search box waits for the reader to stop
typing: 200 ms above 500 initiatives) and to sort it by a column — each the median of
--runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
AS_OF = "2026-11-28"
TARGET = 1.5

from run import measure  # noqa: E402


def _git_commit() -> str:
    proc = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return proc.stdout.strip() or "unknown"


def time_commands(plan: Path, page: Path, runs: int) -> dict[str, tuple[float, float]]:
    dean = [sys.executable, "-m", "deancli"]
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("DEAN_PLAN", None)
    commands = {
        "dean status": [*dean, "status", "--plan", str(plan), "--as-of", AS_OF],
        "dean report": [*dean, "report", "--plan", str(plan), "--as-of", AS_OF, "-o", str(page)],
    }
    for cmd in commands.values():  # warm-up
        measure(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            t, m = measure(cmd, env)
            times[name].append(t)
            peaks[name].append(m)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name in commands}


def time_browser(page: Path, runs: int) -> dict[str, float] | None:
    """Median seconds: open until drawn; filter by text; sort by progress."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = os.environ.get("DEAN_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        return None
    sys.path.insert(0, str(REPO))
    from tests.browser.conftest import CHROMIUM_ARGS

    opened, filtered, sorted_ = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_selector("#ini-table tbody tr")
            opened.append(time.perf_counter() - start)
            before = tab.inner_text("#showing")
            start = time.perf_counter()
            tab.fill("#f-q", "frontera")  # the search redraws when typing pauses: wait for it
            tab.wait_for_function(
                "old => document.querySelector('#showing').textContent !== old", arg=before
            )
            filtered.append(time.perf_counter() - start)
            start = time.perf_counter()
            tab.click('th[data-key="progress"] button')
            tab.wait_for_selector('th[data-key="progress"][aria-sort]')
            sorted_.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return {
        "open": statistics.median(opened),
        "filter": statistics.median(filtered),
        "sort": statistics.median(sorted_),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[11, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "performance-report.md")
    args = parser.parse_args()
    from generate import generate

    rows, browser_rows = [], []
    with tempfile.TemporaryDirectory(prefix="dean-report-bench-") as tmp:
        for n in args.sizes:
            plan = REPO / "plan" if n == 11 else generate(n, Path(f"/tmp/dean-bench-{n}"))
            page = Path(tmp) / f"report-{n}.html"
            print(f"{n:,} initiatives: timing commands...", file=sys.stderr)
            figures = time_commands(plan, page, args.runs)
            (status_s, status_m), (report_s, report_m) = (
                figures["dean status"],
                figures["dean report"],
            )
            ratio = report_s / status_s
            size = page.stat().st_size / 2**20
            rows.append(
                f"| {n:,} | {status_s:.2f} | {report_s:.2f} | {ratio:.2f}× | "
                f"{'met' if ratio <= TARGET else 'missed'} | {status_m:.0f} | {report_m:.0f} "
                f"| {size:.1f} |"
            )
            print(f"{n:,} initiatives: timing the page...", file=sys.stderr)
            b = time_browser(page, args.runs)
            if b is not None:
                browser_rows.append(
                    f"| {n:,} | {size:.1f} | {b['open']:.2f} | {b['filter']:.2f} "
                    f"| {b['sort']:.2f} |"
                )
    lines = [
        "# Performance of `dean report`",
        "",
        "<!-- Generated by benchmarks/report.py; do not edit by hand: run it again. -->",
        "",
        f"Generated by `python benchmarks/report.py --sizes {' '.join(map(str, args.sizes))} "
        f"--runs {args.runs}` on {dt.date.today().isoformat()} at commit `{_git_commit()}` "
        f"(Python {platform.python_version()}, {os.cpu_count()} cores). Plans of more than 11 "
        "initiatives come from `benchmarks/generate.py`; 11 is the embedded plan.",
        "",
        "## The command",
        "",
        "Whole processes; one warm-up run each, then the runs of `dean status` and `dean report` "
        "in turns; median wall time, largest peak memory. Target (issue 18): the report takes "
        f"no more than `dean status` plus 50% (ratio ≤ {TARGET:.2f}×).",
        "",
        "| initiatives | dean status s | dean report s | report ÷ status | target "
        "| status peak MiB | report peak MiB | page MiB |",
        "|---:|---:|---:|---:|---|---:|---:|---:|",
        *rows,
        "",
    ]
    if browser_rows:
        lines += [
            "## The page",
            "",
            "Headless Chromium (Playwright), 1280×900; median seconds of "
            f"{args.runs} runs: opening the file until the table is drawn, filtering the "
            "table by text, sorting it by progress. The table, the timeline and the details "
            "show 100 initiatives at a time.",
            "",
            "| initiatives | page MiB | open s | filter s | sort s |",
            "|---:|---:|---:|---:|---:|",
            *browser_rows,
            "",
        ]
    else:
        lines += ["(Playwright or Chromium not installed: no browser figures.)", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
