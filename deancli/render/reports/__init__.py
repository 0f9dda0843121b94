"""Reporters for ``dean validate``: a name → class registry, imported lazily.

Adding a format = one module here + one line in ``REPORTERS``; the CLI's ``--format`` and
``--output`` choices and their help text come from the registry.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from deancli.render.reports.base import Reporter


class Entry(NamedTuple):
    target: str  # "module:Class", imported only when the format is used
    help: str  # shown in --help after the format's name


REPORTERS: Final[dict[str, Entry]] = {
    "full": Entry("deancli.render.reports.text:FullReporter", "excerpts, help"),
    "concise": Entry("deancli.render.reports.text:ConciseReporter", "one line per finding"),
    "json": Entry("deancli.render.reports.json_report:JsonReporter", ""),
    "github": Entry("deancli.render.reports.github:GithubReporter", "workflow annotations"),
    "sarif": Entry("deancli.render.reports.sarif:SarifReporter", ""),
    "junit": Entry("deancli.render.reports.junit:JunitReporter", ""),
}
HUMAN: Final = frozenset({"full", "concise"})  # formats that quote plan text for people


def describe() -> str:
    """The formats for --help: ``full (excerpts, help), concise (...), json, ...``."""
    return ", ".join(f"{name} ({e.help})" if e.help else name for name, e in REPORTERS.items())


def get_reporter(name: str) -> type[Reporter]:
    module, _, cls = REPORTERS[name].target.partition(":")
    reporter: type[Reporter] = getattr(importlib.import_module(module), cls)
    return reporter
