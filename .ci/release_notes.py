"""Check a release tag against the version and print its release notes from CHANGELOG.md.

    python .ci/release_notes.py v0.2.0 > release-notes.md

Exits 1, saying why, when the tag is not `v` + the version in deancli/__init__.py (the one
place the version lives) or CHANGELOG.md has no section for that version (`## 0.2.0` or
`## [0.2.0]`, optionally followed by ` — date`). Standard library only; the release workflow
runs it before building anything.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def version() -> str:
    text = (REPO / "deancli" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if match is None:
        raise SystemExit("release: no __version__ in deancli/__init__.py")
    return match.group(1)


def section(changelog: str, ver: str) -> str | None:
    """The body of the `## VERSION` section (up to the next `## `), without its heading."""
    heading = re.compile(rf"^## \[?{re.escape(ver)}\]?(?:\s.*)?$", re.M)
    match = heading.search(changelog)
    if match is None:
        return None
    rest = changelog[match.end() :]
    end = re.search(r"^## ", rest, re.M)
    return (rest[: end.start()] if end else rest).strip()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    tag, ver = argv[0], version()
    if tag != f"v{ver}":
        print(f"release: tag {tag} does not match the version v{ver} (deancli/__init__.py)",
              file=sys.stderr)  # fmt: skip
        return 1
    body = section((REPO / "CHANGELOG.md").read_text(encoding="utf-8"), ver)
    if not body:
        print(f"release: CHANGELOG.md has no `## {ver}` section with notes", file=sys.stderr)
        return 1
    sys.stdout.write(body + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
