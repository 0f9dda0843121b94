"""Property test for `dean fmt`'s comments: in files whose keys come in random orders, each
with random leading (above it) and trailing (after it) comments, the canonical layout keeps
every comment attached to the same key (right above it at its indentation, or on its line),
keeps the data, and is idempotent."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deancli.edit.layout import canonical_text
from deancli.edit.orders import ORDERS
from deancli.plan import yamlio

EXAMPLES = int(os.environ.get("DEAN_PROPERTY_EXAMPLES", "60"))
LABEL = re.compile(r"#\s*(lead|trail)=(\S+)")

# (key, value lines relative to the key, or None for a nested mapping given separately)
TOP = [
    ("schema_version", "1"),
    ("id", "12"),
    ("slug", "x"),
    ("pillar", "2"),
    ("status", "planned"),
    ("announced", "2021-12-13"),
]
TEXT_KEYS = ["es", "en"]
MILESTONE = [("id", None), ("status", "planned"), ("due", "2024-01-31"), ("kind", "event")]


@st.composite
def commented(
    draw: st.DrawFn, label: str, indent: str, line: str, trail: str | None = None
) -> list[str]:
    """``line`` with maybe a blank line and a leading comment above it, and maybe a trailing
    comment; comments carry the path of what they belong to (``label``; ``trail`` for the
    trailing one when it differs) so the test can find them again."""
    out = []
    if draw(st.booleans()):
        if draw(st.booleans()):
            out.append("")
        out.append(f"{indent}# lead={label}")
    gap = draw(st.sampled_from(["", " ", "   "]))
    trailing = f" {gap}# trail={trail or label}" if draw(st.booleans()) else ""
    return [*out, f"{indent}{line}{trailing}"]


@st.composite
def text_map(draw: st.DrawFn, key: str, label: str, indent: str) -> list[str]:
    lines = draw(commented(label, indent, f"{key}:"))
    child = indent + " " * draw(st.sampled_from([2, 4]))
    for sub in draw(st.permutations(TEXT_KEYS)):
        lines += draw(commented(f"{label}.{sub}", child, f"{sub}: {key} {sub}"))
    return lines


@st.composite
def document(draw: st.DrawFn) -> str:
    blocks: list[list[str]] = [draw(commented(k, "", f"{k}: {v}")) for k, v in TOP]
    blocks.append(draw(text_map("title", "title", "")))
    if draw(st.booleans()):
        blocks.append(draw(text_map("notes", "notes", "")))
    lines = draw(commented("leads", "", "leads:"))
    for side in draw(st.permutations(["mx", "us"])):
        lines += draw(commented(f"leads.{side}", "  ", f"{side}: []"))
    blocks.append(lines)
    lines = draw(commented("milestones", "", "milestones:"))
    dash = draw(st.sampled_from(["", "  "]))
    for i in range(draw(st.integers(1, 3))):
        keys = draw(st.permutations(MILESTONE))
        for n, (key, value) in enumerate(keys):
            label = f"milestones.{i}.{key}"
            body = f"{key}: {value if value is not None else f'm{i}'}"
            if n == 0:  # above the item: the item's; at the end of its line: the key's
                lines += draw(commented(f"milestones.{i}", dash, f"- {body}", label))
            else:
                lines += draw(commented(label, dash + "  ", body))
    blocks.append(lines)
    blocks.append(["sources: []"])
    order = draw(st.permutations(range(len(blocks))))
    out = [line for i in order for line in blocks[i]]
    if draw(st.booleans()):
        out.append("# the end")
    return "\n".join(out) + "\n"


def _path(label: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in label.split("."))


def _check_attachment(out: str) -> None:
    parsed = yamlio.parse(out, positions=True)
    assert parsed.keys is not None and parsed.values is not None
    lines = out.split("\n")
    content = [i + 1 for i, x in enumerate(lines) if x.strip() and not x.lstrip().startswith("#")]
    for n, line in enumerate(lines, 1):
        m = LABEL.search(line)
        if m is None:
            continue
        kind, label = m.groups()
        path = _path(label)
        span = parsed.keys.get(path) or parsed.values[path]
        if isinstance(path[-1], int):  # a list item: where its value starts
            span = parsed.values[path]
        if kind == "trail":
            assert span.line == n, (label, out)
            continue
        below = next(c for c in content if c > n)
        assert span.line == below, (label, out)
        target = lines[below - 1]
        assert len(line) - len(line.lstrip()) == len(target) - len(target.lstrip()), (label, out)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=document())
def test_fmt_keeps_each_comment_with_its_key(text):
    out = canonical_text(text, ORDERS["initiative"])
    assert yamlio.parse(out).data == yamlio.parse(text).data
    before = sorted(LABEL.findall(text))
    assert sorted(LABEL.findall(out)) == before  # none lost, none added
    _check_attachment(out)
    assert canonical_text(out, ORDERS["initiative"]) == out  # idempotent
    if "# the end" in text:
        assert out.endswith("# the end\n")
