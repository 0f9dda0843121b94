"""Browser tests of `dean report`: headless Chromium driven by Playwright.

The browser is the system's Chromium (Debian's `chromium` package, or $DEAN_CHROMIUM);
Playwright never downloads one. Without Playwright or Chromium the tests are skipped on a
developer's machine and fail under CI (CI=true), so CI cannot pass without running them.

The fixtures live for this package only: Playwright's sync API keeps an event loop running
in the main thread while it is open, which the language server's asyncio tests (tests/lsp)
cannot start under.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AS_OF, REPO

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    explicit = os.environ.get("DEAN_CHROMIUM")
    if explicit:
        return explicit
    # Debian's chromium; Google Chrome (GitHub's runners); Ubuntu's chromium-browser last,
    # which may be a stub that installs a snap
    for name in ("chromium", "google-chrome", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[browser]')")
    exe = chromium_path()
    if exe is None:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


def build_report(plan: Path, out: Path, *extra: str) -> Path:
    args = ["report", "--plan", str(plan), "--as-of", AS_OF, "-o", str(out), *extra]
    proc = subprocess.run(
        [sys.executable, "-m", "deancli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "DEAN_PLAN": ""},
    )
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="package")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real plan with its missing leads shown (12 warnings): the page lists findings."""
    from tests.conftest import with_missing_leads

    plan = with_missing_leads(tmp_path_factory.mktemp("real") / "plan")
    return build_report(plan, tmp_path_factory.mktemp("report") / "real.html")


@pytest.fixture(scope="package")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.report_plans import make_hostile_plan

    tmp = tmp_path_factory.mktemp("hostile")
    return build_report(make_hostile_plan(tmp), tmp / "hostile.html")


@pytest.fixture(scope="package")
def big_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("big")
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "1000", str(tmp / "plan")],
        check=True,
        capture_output=True,
    )
    return build_report(tmp / "plan", tmp / "big.html")


@dataclass
class Watched:
    """A page and everything it did that a report must never do."""

    page: Any
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_(path: Path, *, hash: str = "", width: int = 1280, height: int = 900) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        w = Watched(page)
        url = path.resolve().as_uri()

        def on_request(request: Any) -> None:
            if request.url.split("#")[0] != url:
                w.requests.append(request.url)

        page.on("request", on_request)
        page.on("console", lambda m: w.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: w.console.append(f"pageerror: {e}"))

        def on_dialog(dialog: Any) -> None:
            w.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        # anything that is not the page itself is refused (and recorded above)
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.split("#")[0] == url else route.abort()
            ),
        )
        page.goto(url + hash)
        page.wait_for_selector("#ini-table tbody tr, #showing:not(:empty)")
        return w

    yield open_
    for c in contexts:
        c.close()
