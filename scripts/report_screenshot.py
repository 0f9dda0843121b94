"""Make the screenshot of `dean report` that README.md shows (docs/report-screenshot.png).

    python scripts/report_screenshot.py [--out docs/report-screenshot.png] [--lang en]
        [--width 1280] [--height 1400] [--at '#overview'] [--hash 'pillar=3']

Builds the report of the embedded plan (as of the tests' date, so the picture does not
change by itself), opens it in headless Chromium (the system's: $DEAN_CHROMIUM or
`chromium`; needs `pip install -e '.[browser]'`) and saves the part of the page from --at down.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-28"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--font-render-hinting=none",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "report-screenshot.png")
    parser.add_argument("--lang", choices=["es", "en"], default="en")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1400)
    parser.add_argument("--at", default="#overview", help="the element at the top of the picture")
    parser.add_argument("--hash", default="", help="URL hash to open, e.g. 'pillar=3'")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("DEAN_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        sys.exit("Chromium not found: apt-get install chromium, or set DEAN_CHROMIUM")
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        # a copy outside git: the footer names no commit, so the picture does not change
        # with every commit
        shutil.copytree(REPO / "plan", Path(tmp) / "plan")
        command = ["report", "--plan", "plan", "--as-of", AS_OF, "-o", str(page_path)]
        subprocess.run(
            [sys.executable, "-m", "deancli", *command],
            check=True,
            cwd=tmp,
            stderr=subprocess.DEVNULL,
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            fragment = f"#lang={args.lang}" + (f"&{args.hash}" if args.hash else "")
            page.goto(page_path.as_uri() + fragment)
            page.wait_for_selector("#ini-table tbody tr")
            if args.at:
                page.eval_on_selector(args.at, "e => e.scrollIntoView()")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
