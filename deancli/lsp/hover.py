"""Hover: what an id stands for (an organization's names in both languages and its validity
dates; a source's title, publisher, date and URL; a milestone's title and status; an
initiative's or a pillar's title), or what a key means (its schema description). Plan text
is escaped as Markdown (``mdtext.escape``): it can add no link, image or HTML."""

from __future__ import annotations

import re

from lsprotocol import types

from deancli.base.i18n import initiative_status, milestone_status
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.navigation import symbol_under
from deancli.lsp.symbols import Symbol, dig, node_at, schema_nodes
from deancli.lsp.text import Lines
from deancli.lsp.words import w
from deancli.plan.model import Plan, Text
from deancli.render.mdtext import escape

_URL = re.compile(r"https?://[^\s<>()\[\]`\\]+")


def hover(
    state: PlanState, doc: LiveDocument, lines: Lines, pos: types.Position, lang: str
) -> types.Hover | None:
    found = symbol_under(doc, lines, pos)
    if found is not None:
        sym, parts = found
        text: str | None = describe(state.loaded.plan, sym, lang)
        rng = lines.span_range(doc.span(parts))
    else:
        line, column = lines.from_client(pos)
        node = node_at(doc, line + 1, column + 1) if doc.ok else None
        if node is None or not node[2]:
            return None
        text = _key_doc(doc.kind, node[0])
        rng = lines.span_range(node[1])
    if not text:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text), rng)


def _key_doc(kind: str, parts: tuple[str | int, ...]) -> str | None:
    for node, _ in schema_nodes(kind, parts):
        title, desc = node.get("title"), node.get("description")
        if isinstance(title, str) or isinstance(desc, str):
            head = f"**{escape(title)}**" if isinstance(title, str) else ""
            body = escape(desc) if isinstance(desc, str) else ""
            return "\n\n".join(x for x in (head, body) if x)
    return None


def _both(text: Text, lang: str) -> list[str]:
    first, second = (text.es, text.en) if lang == "es" else (text.en, text.es)
    return [escape(t) for t in (first, second) if t]


def describe(plan: Plan, sym: Symbol, lang: str) -> str:
    value = escape(str(sym.value))
    if sym.kind == "organization":
        return _organization(plan, sym.key, lang) or f"`{value}` {w('undefined', lang)}"
    if sym.kind == "source":
        return _source(plan, sym.key, lang) or f"`{value}` {w('undefined', lang)}"
    if sym.kind == "milestone":
        num, mid = sym.key
        for ini in plan.initiatives:
            if ini.id != num:
                continue
            for m in ini.milestones:
                if m.id == mid:
                    lines = [
                        f"**{w('milestone', lang)} {escape(mid)}** ({ini.id})",
                        *_both(m.title, lang),
                    ]
                    shown = milestone_status(m.status, lang)
                    facts = [f"{w('status', lang)}: {escape(shown)}"]
                    if m.due:
                        facts.append(f"{w('due', lang)}: {escape(m.due)}")
                    if m.completed:
                        facts.append(f"{w('completed', lang)}: {escape(m.completed)}")
                    return "\n\n".join([*lines, " · ".join(facts)])
        return f"`{value}` {w('undefined', lang)}"
    if sym.kind == "initiative":
        found = plan.initiative(sym.key)
        if found is None:
            return f"`{value}` {w('undefined', lang)}"
        head = f"**{w('initiative', lang)} {found.id}**"
        return "\n\n".join(
            [
                head,
                *_both(found.title, lang),
                f"{w('status', lang)}: {escape(initiative_status(found.status, lang))}",
            ]
        )
    pillar = plan.pillar(sym.key)
    if pillar is None:
        return f"`{value}` {w('undefined', lang)}"
    return "\n\n".join(
        [f"**{w('pillar', lang)} {escape(pillar.roman)}**", *_both(pillar.title, lang)]
    )


def _organization(plan: Plan, oid: str, lang: str) -> str | None:
    org = plan.organizations.get(oid)
    if org is None:
        return None
    raw = dig(plan.organizations_doc.data if plan.organizations_doc else None, org.parts)
    valid_from = raw.get("valid_from") if isinstance(raw, dict) else None
    out = [f"**{escape(oid)}** · {w('organization', lang)}", *_both(org.name, lang)]
    facts = [escape(x) for x in (org.country, org.type) if x]
    dates = []
    if isinstance(valid_from, str):
        dates.append(w("valid_from", lang, date=escape(valid_from)))
    if org.valid_to:
        dates.append(w("valid_to", lang, date=escape(org.valid_to)))
    facts.append(f"{w('valid', lang)}: {' '.join(dates) or w('valid_always', lang)}")
    out.append(" · ".join(facts))
    if org.superseded_by:
        out.append(f"{w('superseded_by', lang)}: {escape(org.superseded_by)}")
    return "\n\n".join(out)


def _source(plan: Plan, key: tuple[str, str], lang: str) -> str | None:
    scope, sid = key
    if scope == "":
        shared = [s for s in plan.shared_sources if s.id == sid]
        if not shared:
            return None
        s = shared[0]
        title: str | None = s.title
        publisher: str | None = s.publisher
        date, url = s.date, s.url
    else:
        doc = next((d for d in plan.documents if d.rel == scope), None)
        own = doc.data.get("sources") if doc is not None and doc.ok else None
        entry = next(
            (
                e
                for e in (own if isinstance(own, list) else [])
                if isinstance(e, dict) and e.get("id") == sid
            ),
            None,
        )
        if entry is None:
            return None
        title, publisher, date, url = (
            v if isinstance(v, str) else None
            for v in (entry.get(k) for k in ("title", "publisher", "date", "url"))
        )
    out = [f"**{escape(title)}**" if title else f"**{escape(sid)}**"]
    facts = [escape(x) for x in (publisher, date) if x]
    if facts:
        out.append(" · ".join(facts))
    if url:
        out.append(f"<{url}>" if _URL.fullmatch(url) else escape(url))
    out.append(f"{w('source', lang)} `{escape(sid)}`")
    return "\n\n".join(out)
