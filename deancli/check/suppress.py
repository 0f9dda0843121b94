"""Inline suppressions: ``# dean: ignore[DEAN211] -- no Mexican lead is public``.

A suppression at the end of a line covers the findings on that line and in the key or item
that starts there; on a line of its own it covers the key or item that starts on the next
line (a whole milestone, say). It names codes or rule names, and gives a reason after ``--``.
Coverage is by position in the data (the key's path), so a suppression keeps working when
``dean fmt`` moves the key with its comment.

A suppression without a reason is itself a warning (DEAN022), and one that silences nothing
is reported (DEAN021), like ruff's unused ``noqa``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from deancli.base.diagnostics import Diagnostic, Location, Severity, Span, json_path
from deancli.base.i18n import M
from deancli.plan.loader import Document

UNUSED = ("DEAN021", "unused-suppression", Severity.WARNING, "a suppression that silences nothing")
NO_REASON = (
    "DEAN022",
    "suppression-without-reason",
    Severity.WARNING,
    "a suppression that does not say why",
)

_COMMENT = re.compile(r"(?:^|\s)#\s*dean:\s*ignore\[([^\]\n]*)\]([^\n]*)$")


def _reason(rest: str) -> str | None:
    """The reason after ``--``; none when it is missing or empty (text without ``--`` is not
    taken for a reason, so that a mistyped separator is reported rather than ignored)."""
    rest = rest.strip()
    if not rest.startswith("--"):
        return None
    return rest[2:].strip() or None


@dataclass
class Suppression:
    path: str  # the file, as displayed
    line: int
    column: int
    rules: tuple[str, ...]  # codes or names, as written
    reason: str | None
    covers: str | None  # JSON path of the key or item it is about
    own_line: bool
    used: set[str] = field(default_factory=set)

    def matches(self, d: Diagnostic) -> bool:
        if d.code not in self.rules and d.name not in self.rules:
            return False
        if not self.own_line and d.location.line == self.line:
            return True
        if self.covers is None or d.json_path is None:
            return False
        jp = d.json_path
        return jp == self.covers or jp.startswith((self.covers + ".", self.covers + "["))


@dataclass(frozen=True)
class Suppressed:
    diagnostic: Diagnostic
    reason: str | None
    where: str  # file:line of the suppression (the baseline file for a baseline entry)
    external: bool = False  # silenced by the baseline, not by a comment in the file


def nodes_by_line(doc: Document) -> dict[int, tuple[str | int, ...]]:
    """For each line, the outermost key, or list item, that starts on it: what a comment on
    the line above, or at the end of that line, is about. (A mapping's value that merely
    starts on the line of its first key is not it: that line is about the key.) One pass over
    the positions, so that many suppressions in one file cost no more than one."""
    pos = doc.positions()
    if pos is None or pos.values is None or pos.keys is None:
        return {}
    out: dict[int, tuple[str | int, ...]] = {}

    def offer(parts: tuple[str | int, ...], line: int) -> None:
        if line not in out or len(parts) < len(out[line]):
            out[line] = parts

    for parts, span in pos.keys.items():
        offer(parts, span.line)
    for parts, span in pos.values.items():
        if parts and isinstance(parts[-1], int):
            offer(parts, span.line)
    return out


def find_suppressions(doc: Document) -> list[Suppression]:
    text = doc.text
    if text is None or "dean:" not in text:
        return []
    lines = text.splitlines()
    found = [
        (n, m)
        for n, line in enumerate(lines, start=1)
        if "dean:" in line and (m := _COMMENT.search(line))
    ]
    if not found:
        return []
    own = {n for n, m in found if lines[n - 1][: m.start()].strip() == ""}
    next_data = [0] * (len(lines) + 2)
    if own:
        # the next line that holds data, after each line (0: none), for comments on lines
        # of their own: one backward pass instead of a scan per comment
        for k in range(len(lines), 0, -1):
            stripped = lines[k - 1].strip()
            next_data[k] = k if stripped and not stripped.startswith("#") else next_data[k + 1]
    targets = {n: next_data[n + 1] if n in own else n for n, _ in found}
    nodes = doc.starting_on({t for t in targets.values() if t})
    if nodes is None:
        nodes = nodes_by_line(doc)
    out = []
    for n, m in found:
        line = lines[n - 1]
        rules = tuple(r.strip() for r in m.group(1).split(",") if r.strip())
        own_line = line[: m.start()].strip() == ""
        target = targets[n]
        parts = nodes.get(target) if target else None
        column = line.index("#", m.start()) + 1
        out.append(
            Suppression(
                doc.display,
                n,
                column,
                rules,
                _reason(m.group(2)),
                json_path(parts) if parts else None,
                own_line,
            )
        )
    return out


def apply(
    diags: list[Diagnostic], documents: list[Document]
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """Findings that no suppression covers (plus findings about the suppressions
    themselves), and the suppressed ones with their reasons."""
    by_file: dict[str, list[Suppression]] = {}
    for doc in documents:
        if doc.suppressions is not None:  # found where the file was read: fresh copies
            found = [dataclasses.replace(s, used=set()) for s in doc.suppressions]
        else:
            found = find_suppressions(doc)
        if found:
            by_file[doc.display] = found
    if not by_file:
        return diags, []
    # candidates by (file, code or name): a finding is only compared with the suppressions
    # that name its rule, in file order (the first that matches takes it)
    by_rule: dict[tuple[str, str], list[Suppression]] = {}
    for path, sups in by_file.items():
        for s in sups:
            for r in dict.fromkeys(s.rules):
                by_rule.setdefault((path, r), []).append(s)
    kept: list[Diagnostic] = []
    silenced: list[Suppressed] = []
    for d in diags:
        path = d.location.path
        candidates = by_rule.get((path, d.code), []) + by_rule.get((path, d.name), [])
        hit = min((s for s in candidates if s.matches(d)), key=lambda s: s.line, default=None)
        if hit is None:
            kept.append(d)
            continue
        hit.used.add(d.code)
        hit.used.add(d.name)
        silenced.append(Suppressed(d, hit.reason, f"{hit.path}:{hit.line}"))
    for sups in by_file.values():
        for s in sups:
            at = Location.at(s.path, Span(s.line, s.column))
            unused = [r for r in s.rules if r not in s.used]
            if not s.rules or unused:
                names = ", ".join(f"`{r}`" for r in unused)
                kept.append(
                    Diagnostic(
                        *UNUSED[:3],
                        M("suppression of {rules} silences nothing here", rules=names)
                        if names
                        else M("suppression of no rule silences nothing here"),
                        at,
                        hint=M(
                            "remove it, or move it to the line of the finding (or the line "
                            "above the key it is about)"
                        ),
                    )
                )
            if not s.reason:
                kept.append(
                    Diagnostic(
                        *NO_REASON[:3],
                        M("suppression without a reason"),
                        at,
                        hint=M(
                            "say why after `--`, e.g. "
                            "`# dean: ignore[DEAN211] -- no lead is public`"
                        ),
                    )
                )
    return kept, silenced
