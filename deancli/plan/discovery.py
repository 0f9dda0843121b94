"""Finding the plan's files: ``dialogue.yaml``, ``organizations.yaml`` and one level of
``initiatives/``, without opening anything or following links out of the plan.

Every symbolic link is reported (none is skipped silently): only a link to a YAML file
inside the plan, or ``initiatives`` linked to a directory inside the plan, is followed.
Discovery lists one level of ``initiatives/`` only, so a link loop (``-> .``, ``-> ..``)
cannot make it walk forever. docs/rules.md: DEAN004 (stray YAML files), DEAN012 (links out
of the plan), DEAN016 (the other links).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from deancli.base.errors import PlanNotFoundError
from deancli.base.i18n import M, tr
from deancli.plan.loader import DIALOGUE, INITIATIVES, ORGANIZATIONS, YAML_SUFFIXES


@dataclass
class PlanFiles:
    root: Path
    dialogue: Path | None
    organizations: Path | None
    initiatives: list[Path]
    others: list[Path]  # YAML files where dean expects none
    problems: list[tuple[Path, str, str]]  # (path, message, hint) for entries refused
    # (path, message, hint) for symbolic links: reported whether followed or not
    links: list[tuple[Path, str, str]] = field(default_factory=list)


def discover(root: Path) -> PlanFiles:
    """List the plan's files without following links out of it or opening anything."""
    if not root.is_dir():
        raise PlanNotFoundError(tr("plan directory not found: {path}", path=root))
    root = root.resolve()
    found = PlanFiles(root, None, None, [], [], [])
    for entry in _scan(root):
        p = Path(entry.path)
        if entry.is_symlink() and not _link_usable(entry, root, found):
            continue
        if entry.name == DIALOGUE:
            found.dialogue = p
        elif entry.name == ORGANIZATIONS:
            found.organizations = p
        elif entry.name == INITIATIVES and entry.is_dir(follow_symlinks=True):
            for sub in _scan(p):
                sp = Path(sub.path)
                if sub.is_symlink() and not _link_usable(sub, root, found):
                    continue
                if sub.name.endswith(YAML_SUFFIXES):
                    found.initiatives.append(sp)
                elif sub.is_dir(follow_symlinks=False):
                    found.others.append(sp)
        elif entry.name.endswith(YAML_SUFFIXES):
            found.others.append(p)
    found.initiatives.sort()
    found.others.sort()
    found.links.sort()
    return found


def _link_usable(entry: os.DirEntry[str], root: Path, found: PlanFiles) -> bool:
    """Report the symbolic link ``entry`` and say whether discovery may use it."""
    yaml_name = entry.name.endswith(YAML_SUFFIXES)
    special = yaml_name or entry.name in (INITIATIVES, DIALOGUE, ORGANIZATIONS)
    verdict = judge_link(Path(entry.path), root, yaml_name=yaml_name, plan_file=special)
    entry_list = found.problems if verdict.refused else found.links
    entry_list.append((Path(entry.path), verdict.message, verdict.hint))
    return verdict.follow


def _scan(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as it:
            entries = [e for e in it if not e.name.startswith(".")]
    except OSError:
        return []
    return sorted(entries, key=lambda e: e.name)


@dataclass(frozen=True)
class Verdict:
    follow: bool  # discovery may use the link
    refused: bool  # DEAN012 unreadable-file (an error) rather than DEAN016 symbolic-link
    message: str
    hint: str


def judge_link(path: Path, root: Path, *, yaml_name: bool, plan_file: bool) -> Verdict:
    """``path`` is a symbolic link directly in ``root`` (resolved) or in ``initiatives/``;
    ``yaml_name``: its name ends in .yaml/.yml; ``plan_file``: it is named like a file or
    directory of the plan layout (``dialogue.yaml``, ``organizations.yaml``,
    ``initiatives``) or is a YAML file, i.e. a name dean would read."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        if plan_file:
            return Verdict(
                False,
                True,
                M("broken or looping symbolic link"),
                M("replace the link with the file"),
            )
        return Verdict(
            False, False, M("broken or looping symbolic link; not followed"), M("delete the link")
        )
    is_dir = target.is_dir()
    if target != root and root not in target.parents:
        if is_dir:
            return Verdict(
                False,
                True,
                M("symbolic link to a directory outside the plan; not followed"),
                M("dean never follows links out of the plan; move the directory into the plan"),
            )
        return Verdict(
            False,
            True,
            M("symbolic link to a file outside the plan; not followed"),
            M("dean never follows links out of the plan; move the file into the plan"),
        )
    shown = target.relative_to(root).as_posix()
    if is_dir and path.name == "initiatives" and path.parent == root:
        return Verdict(
            True,
            False,
            M("`initiatives` is a symbolic link to `{target}`; dean reads it", target=shown),
            M("make initiatives/ a real directory: edits and git see links differently"),
        )
    if is_dir:
        return Verdict(
            False,
            False,
            M("symbolic link to the directory `{target}`; not followed", target=shown),
            M("dean reads initiatives/ only; delete the link or move the files there"),
        )
    if yaml_name:
        return Verdict(
            True,
            False,
            M("symbolic link to `{target}`", target=shown),
            M(
                "replace the link with the file: `dean set` and `dean fmt` do not edit through "
                "links"
            ),
        )
    return Verdict(
        False,
        False,
        M("symbolic link to `{target}`; not part of the plan", target=shown),
        M("delete the link"),
    )
