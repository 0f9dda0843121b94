"""A progress bar on stderr for long runs: shown only on a terminal, outside CI, and only
once the work has taken more than a second (so quick runs never flicker)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

DELAY = 1.0


def wanted() -> bool:
    return (
        sys.stderr.isatty()
        and not os.environ.get("CI")
        and os.environ.get("GITHUB_ACTIONS") != "true"
        and "NO_PROGRESS" not in os.environ
    )


class LazyProgress:
    def __init__(self, label: str) -> None:
        self.label = label
        self.start = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.start < DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn(self.label),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True, markup=False, highlight=False, emoji=False),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
