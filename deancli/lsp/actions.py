"""Code actions and formatting. Quick fixes: a finding's "did you mean" (``guess``) replaces
the value or key it is about; any rule or schema finding can be suppressed on its line with
``# dean: ignore[NAME] -- `` (left without a reason, DEAN022 asks for one until it is
written); an unused suppression can be removed. Formatting is `dean fmt` of the buffer, with
its guarantees (same data, every comment kept, stable), returned as an edit: nothing here
writes a file."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from deancli.lsp.diagnostics import SOURCE, UNUSED_SUPPRESSION
from deancli.lsp.documents import LiveDocument, PlanState
from deancli.lsp.guess import suggestion
from deancli.lsp.text import Lines
from deancli.lsp.words import w

_GUESS = re.compile(r"did you mean `([^`\n]+)`\?")
_SUPPRESSION = re.compile(r"(?:^|\s)#\s*dean:\s*ignore\[([^\]\n]*)\]")
NOT_SUPPRESSIBLE = re.compile(r"DEAN0\d\d")  # reading findings: fix the file instead


def _hint(d: types.Diagnostic) -> str:
    data = d.data if isinstance(d.data, dict) else {}
    hint = data.get("hint")
    if isinstance(hint, str):
        return hint
    _, _, rest = d.message.partition("\nhelp: ")
    return rest


def _name(d: types.Diagnostic) -> str:
    data = d.data if isinstance(d.data, dict) else {}
    name = data.get("name")
    return name if isinstance(name, str) and re.fullmatch(r"[a-z0-9-]+", name) else str(d.code)


def code_actions(
    state: PlanState,
    doc: LiveDocument,
    lines: Lines,
    params: types.CodeActionParams,
    lang: str,
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    out: list[types.CodeAction] = []
    for d in params.context.diagnostics:
        if d.source != SOURCE or not isinstance(d.code, str):
            continue
        data = d.data if isinstance(d.data, dict) else {}
        new = suggestion(state, doc, d.code, data.get("json_path"))
        if new is None:  # a finding dean does not recompute: its hint says it
            m = _GUESS.search(_hint(d))
            new = m.group(1) if m else None
        fix = _replacement(lines, d, uri, new, lang) if new else None
        if fix is not None:
            out.append(fix)
        if d.code == UNUSED_SUPPRESSION:
            removal = _remove_suppression(lines, d, uri, lang)
            if removal is not None:
                out.append(removal)
        elif not NOT_SUPPRESSIBLE.fullmatch(d.code):
            out.append(_suppress(lines, d, uri, lang))
    return out


def _edit(uri: str, rng: types.Range, text: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(rng, text)]})


def _replacement(
    lines: Lines, d: types.Diagnostic, uri: str, new: str, lang: str
) -> types.CodeAction | None:
    if d.range.start.line != d.range.end.line:
        return None
    old = _text(lines, d.range)
    if not old or old in ("-", ":"):
        return None
    if len(old) >= 2 and old[0] == old[-1] and old[0] in "'\"":
        replacement = old[0] + new + old[0]
        shown = old[1:-1]
    else:
        replacement, shown = new, old
    if not re.fullmatch(r"[A-Za-z0-9_./ -]+", new):
        return None
    return types.CodeAction(
        title=w("fix_replace", lang, old=shown, new=new),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[d],
        is_preferred=True,
        edit=_edit(uri, d.range, replacement),
    )


def _text(lines: Lines, rng: types.Range) -> str:
    return lines.text[lines.offset_of(rng.start) : lines.offset_of(rng.end)]


def _suppress(lines: Lines, d: types.Diagnostic, uri: str, lang: str) -> types.CodeAction:
    """``# dean: ignore[NAME] -- `` at the end of the finding's line (its name joins the list
    of a suppression already there)."""
    n, _ = lines.from_client(d.range.start)
    text = lines.line(n)
    name = _name(d)
    existing = _SUPPRESSION.search(text)
    if existing:
        at = existing.end(1)
        sep = ", " if existing.group(1).strip() else ""
        rng = types.Range(lines.to_client(n, at), lines.to_client(n, at))
        edit = _edit(uri, rng, f"{sep}{name}")
    else:
        end = len(text.rstrip())
        rng = types.Range(lines.to_client(n, end), lines.to_client(n, len(text)))
        edit = _edit(uri, rng, f"  # dean: ignore[{name}] -- ")
    return types.CodeAction(
        title=w("fix_suppress", lang, code=name),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[d],
        edit=edit,
    )


def _remove_suppression(
    lines: Lines, d: types.Diagnostic, uri: str, lang: str
) -> types.CodeAction | None:
    """Drop what an unused suppression names in vain: the whole comment (its line, when it
    stands alone) when nothing it names is used, else only the unused names."""
    n, col = lines.from_client(d.range.start)
    text = lines.line(n)
    m = _SUPPRESSION.search(text, max(0, col - 1))
    if m is None:
        return None
    unused = set(re.findall(r"`([^`]+)`", d.message.split("\n")[0]))
    named = [r.strip() for r in m.group(1).split(",") if r.strip()]
    kept = [r for r in named if r not in unused]
    if kept and len(kept) < len(named):
        rng = types.Range(lines.to_client(n, m.start(1)), lines.to_client(n, m.end(1)))
        return _removal(d, uri, rng, ", ".join(kept), lang)
    if kept:
        return None
    start = len(text[: m.start()].rstrip())
    if start == 0:  # a comment on its own line: the whole line goes
        rng = types.Range(types.Position(n, 0), types.Position(n + 1, 0))
    else:
        rng = types.Range(lines.to_client(n, start), lines.to_client(n, len(text)))
    return _removal(d, uri, rng, "", lang)


def _removal(
    d: types.Diagnostic, uri: str, rng: types.Range, text: str, lang: str
) -> types.CodeAction:
    return types.CodeAction(
        title=w("fix_unused", lang),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[d],
        is_preferred=True,
        edit=_edit(uri, rng, text),
    )


def formatting(doc: LiveDocument, lines: Lines) -> tuple[list[types.TextEdit] | None, Any]:
    """`dean fmt` of the buffer: one edit replacing the text, none when it is already in the
    canonical layout, or (None, why) when dean leaves the file alone."""
    from deancli.edit.fmt import format_document

    result = format_document(doc)
    if result.problem is not None:
        return None, result.problem
    if not result.change.changed:
        return [], None
    return [types.TextEdit(lines.whole(), result.change.after)], None
