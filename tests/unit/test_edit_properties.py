"""Property tests for edits: on generated valid initiative files with comments everywhere,
each `set` changes exactly the intended lines, the result validates, and `fmt` is
idempotent and keeps every comment."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deancli.base.diagnostics import Severity
from deancli.check import checker
from deancli.edit.change import Op
from deancli.edit.fmt import format_document
from deancli.edit.layout import comment_texts
from deancli.edit.session import prepare
from deancli.plan import load
from tests.conftest import REAL_PLAN

AS_OF = dt.date(2026, 11, 28)
ORGS = ["SRE", "SE", "SHCP", "DOC", "DOS", "USTR", "USAID"]
SOURCES = ["wh-2021-09-09", "ustr-2022-04", "dl-2021-12-13", "jornada-2021-12-14"]
STATUSES = ["planned", "active", "finalising", "completed", "suspended", "unknown"]
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ ", min_size=1, max_size=30).map(
    lambda s: s.strip() or "x"
)
comment = st.one_of(st.just(""), words.map(lambda w: f"  # {w}"))
date = st.dates(dt.date(2021, 1, 1), dt.date(2026, 11, 1)).map(lambda d: d.isoformat())


@st.composite
def scalar(draw: st.DrawFn, value: str) -> str:
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value + '"'
    return value


@st.composite
def str_list(draw: st.DrawFn, items: list[str], indent: int) -> str:
    if draw(st.booleans()) or not items:
        return "[" + ", ".join(items) + "]"
    pad = " " * indent
    return "\n" + "\n".join(f"{pad}- {i}" for i in items)


def leads(orgs: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(orgs), max_size=2, unique=True)


@st.composite
def initiative(draw: st.DrawFn) -> tuple[int, str, str]:
    ident = draw(st.integers(20, 99))
    slug = "gen-" + str(ident)
    lines = [
        "# yaml-language-server: $schema=../../schemas/initiative.schema.json",
        "schema_version: 1" + draw(comment),
        f"id: {ident}" + draw(comment),
        f"slug: {slug}",
        f"pillar: {draw(st.integers(1, 4))}" + draw(comment),
    ]
    if draw(st.booleans()):
        lines.append("# a full-line comment")
    lines += [
        "title:" + draw(comment),
        f"  es: {draw(scalar('Título ' + draw(words)))}",
        f"  en: {draw(scalar('Title ' + draw(words)))}" + draw(comment),
        f"status: {draw(st.sampled_from(STATUSES))}" + draw(comment),
        "leads:",
        f"  mx: {draw(str_list(draw(leads(ORGS[:3])), 4))}",
        f"  us: {draw(str_list(draw(leads(ORGS[3:])), 4))}" + draw(comment),
    ]
    if draw(st.booleans()):
        lines.append("")
    lines.append("milestones:")
    n = draw(st.integers(1, 4))
    for i in range(n):
        status = draw(st.sampled_from(["planned", "in_progress", "unknown", "done"]))
        lines += [
            f"  - id: m{i}" + draw(comment),
            "    title:",
            f"      es: {draw(scalar('Hito ' + str(i)))}",
            f"      en: {draw(scalar('Milestone ' + str(i)))}",
        ]
        if draw(st.booleans()):
            lines.append(f"    due: {draw(date)}" + draw(comment))
        lines.append(f"    status: {status}" + draw(comment))
        if status == "done":
            lines.append(f"    completed_on: {draw(date)}")
        if draw(st.booleans()):
            lines.append("    # comment inside a milestone")
        srcs = draw(st.lists(st.sampled_from(SOURCES), min_size=1, max_size=2, unique=True))
        lines.append(f"    sources: {draw(str_list(srcs, 6))}")
    return ident, slug, "\n".join(lines) + "\n"


OPS = st.sampled_from(["status", "lead-add", "lead-remove", "m-status", "m-due", "m-done"])


def _plan(tmp: Path, ident: int, slug: str, text: str) -> Path:
    plan = tmp / "plan"
    (plan / "initiatives").mkdir(parents=True)
    for name in ("dialogue.yaml", "organizations.yaml"):
        shutil.copy(REAL_PLAN / name, plan / name)
    (plan / "initiatives" / f"{ident:02d}-{slug}.yaml").write_text(text, encoding="utf-8")
    return plan


def _errors(loaded) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [d for d in checker.run_checks(loaded, AS_OF) if d.severity is Severity.ERROR]


@settings(
    max_examples=int(os.environ.get("DEAN_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(generated=initiative(), op=OPS, data=st.data())
def test_set_changes_exactly_the_intended_lines(generated, op, data):
    ident, slug, text = generated
    with tempfile.TemporaryDirectory() as tmp:
        plan = _plan(Path(tmp), ident, slug, text)
        loaded = load.load_plan(plan)
        assert _errors(loaded) == [], text
        ini = loaded.plan.initiatives[0]
        m = data.draw(st.sampled_from(ini.milestones))
        if op == "status":
            new = data.draw(st.sampled_from([s for s in STATUSES if s != ini.status]))
            ops, marks = [Op("set", (), "status", new)], ["status"]
        elif op == "lead-add":
            side = data.draw(st.sampled_from(["mx", "us"]))
            choices = [
                o for o in (ORGS[:3] if side == "mx" else ORGS[3:]) if o not in ini.leads[side]
            ]
            ops = [Op("add", ("leads",), side, choices[0])]
            marks = [choices[0], side, "- "]
        elif op == "lead-remove":
            side = data.draw(st.sampled_from(["mx", "us"]))
            if not ini.leads[side]:
                return
            ops = [Op("remove", ("leads",), side, ini.leads[side][0])]
            marks = [ini.leads[side][0], f"{side}:"]
        elif op == "m-status":
            new = data.draw(
                st.sampled_from([s for s in ("planned", "in_progress", "unknown") if s != m.status])
            )
            if m.status == "done":
                return
            ops, marks = [Op("set", m.parts, "status", new)], ["status"]
        elif op == "m-due":
            new_due = data.draw(date.filter(lambda d: d != m.due))
            ops, marks = [Op("set", m.parts, "due", new_due)], ["due"]
        else:
            if m.status == "done":
                return
            ops = [
                Op("set", m.parts, "status", "done"),
                Op("set", m.parts, "completed_on", "2024-01-10"),
            ]
            marks = ["status", "completed_on"]
        edit = prepare(loaded, ini.doc, ops, AS_OF)
        before, after = edit.change.before, edit.change.after
        changed = [
            line
            for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:2] in ("- ", "+ ")
        ]
        assert changed, (before, after)
        for line in changed:
            # a removed item's comment stays behind on a line of its own
            kept_comment = line.startswith("+ ") and line[2:].lstrip().startswith("#")
            assert kept_comment or any(mark in line for mark in marks), (line, ops)
        assert len(changed) <= 5
        assert Counter(comment_texts(after)) == Counter(comment_texts(before))  # no comment lost
        # validating the edited plan passes
        (edit.change.path).write_text(after, encoding="utf-8")
        assert _errors(load.load_plan(plan)) == []


@settings(
    max_examples=int(os.environ.get("DEAN_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(generated=initiative())
def test_fmt_is_idempotent_and_keeps_comments_and_data(generated):
    ident, slug, text = generated
    with tempfile.TemporaryDirectory() as tmp:
        plan = _plan(Path(tmp), ident, slug, text)
        doc = load.load_plan(plan).documents[-1]
        result = format_document(doc)
        assert result.problem is None, result.problem
        out = result.change.after
        assert Counter(comment_texts(out)) == Counter(comment_texts(text))
        doc.path.write_text(out, encoding="utf-8")
        again = format_document(load.load_plan(plan).documents[-1])
        assert again.problem is None
        assert again.change.after == out
        assert _errors(load.load_plan(plan)) == []
