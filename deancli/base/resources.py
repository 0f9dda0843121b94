"""Where the embedded plan and the schemas live: inside the installed package (wheel), or at
the top of the source tree (editable install or a clone)."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent  # deancli/


def _first(name: str) -> Path:
    embedded = _PKG / "_embedded" / name
    if embedded.is_dir():
        return embedded
    return _PKG.parent / name


def schemas_dir() -> Path:
    return _first("schemas")


def embedded_plan_dir() -> Path:
    return _first("plan")


def docs_dir() -> Path:
    """docs/: rules.md, progress.md, output.md... (shipped in the wheel, so what --help points
    to is there after pip install)."""
    return _first("docs")


def is_installed(path: Path) -> bool:
    """Whether ``path`` lies in the installed package (a wheel's ``_embedded`` copy) rather
    than in a source checkout."""
    return (_PKG / "_embedded") in path.resolve().parents
