"""Whether a file is certainly in the canonical layout, decided from the one parse.

`dean fmt` lays a file out with ruamel.yaml (a load and a dump) and puts its comments back
(``layout.canonical_text``): about 10 ms a file. Most files of a plan already are in that
layout; :func:`certainly_canonical` says so from what reading the file already gave (its
data, and the marks of where each node stands, ``deancli/plan/spans.py``) by checking the
text against the layout the dump writes: keys in schema order, two spaces a level, list
items two spaces under their key, ``key: value`` with one space, flow collections on one
line as ``{a: b, c: [d, e]}``, text written so that the dump writes it the same way (plain
single-line text, quoted text without escapes, folded and literal blocks at their
indentation, whole numbers, ``true``/``false``, unquoted full dates), LF line ends, no
trailing spaces or tabs. Anything else, or anything it is unsure of, is left to the full
round trip: the answer is "certainly" or "ask the round trip", never "changed".

``tests/unit/edit/test_canonical.py`` checks it against the round trip on every test file
and on layouts made to differ from the canonical one in each way it checks.
"""

from __future__ import annotations

import re
from array import array
from typing import Any

from deancli.plan.yamlio import STR_TAG, plain_tag

_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_TIMESTAMP_START = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ]")

# plain text the dump surely writes plain again: it starts with a letter, a digit or one of
# a few harmless characters and does not end with `:` or `?` (what a plain scalar may not
# hold elsewhere, the parser has already refused)
_SAFE_PLAIN = re.compile(r"[\w(/.$+¿¡«].*(?<![:?])", re.S)

_PLAIN, _SINGLE, _DOUBLE, _LITERAL, _FOLDED = -1, -2, -3, -4, -5


class _NotSure(Exception):
    """The layout may differ from the dump's: ask the round trip."""


def certainly_canonical(text: str, data: Any, marks: Any, orders: dict[str, list[str]]) -> bool:
    """True when ``layout.canonical_text(text)`` is certainly ``text`` itself (so `dean fmt`
    leaves the file as it is); False when only the round trip can tell."""
    if not isinstance(data, dict) or not data or marks is None:
        return False
    if not text.endswith("\n") or "\r" in text or "\t" in text or "\\" in text:
        return False
    if " \n" in text or text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        return False  # a trailing space; a line that may be a document marker
    if not text.replace("\n", "").isprintable():
        # a character the dump would escape or YAML reads as a line break (isprintable()
        # refuses all of them, and a few more: a no-break space, a soft hyphen)
        return False
    checker = _Checker(text, marks, orders)
    try:
        checker.block_map(data, 0, 0, "", first_inline=False)
    except (_NotSure, IndexError, ValueError):  # any surprise: the round trip decides
        return False
    return True


def _real_date(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# what recurs across files is decided once (bounded caches, cleared when full): whether a
# key is plain text the dump writes as it is, whether plain text is, whether keys come in
# the canonical order of their place
_CACHE_MAX = 20_000
_KEYS_OK: dict[str, bool] = {}
_PLAIN_OK: dict[str, bool] = {}
_ORDER_OK: dict[tuple[str, tuple[str, ...]], bool] = {}


def _remember(cache: dict[Any, bool], key: Any, ok: bool) -> bool:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = ok
    return ok


def _key_ok(name: str) -> bool:
    ok = _KEYS_OK.get(name)
    if ok is None:
        ok = _remember(
            _KEYS_OK,
            name,
            bool(name)
            and name[0] not in "!&*?|>'\"%@`#,[]{}-:"
            and name.strip() == name
            and plain_tag(name) == STR_TAG,  # not read as a number, a date, true...
        )
    return ok


def _plain_ok(v: str) -> bool:
    """Plain text the dump writes plain and as it is (not a date it would rewrite)."""
    ok = _PLAIN_OK.get(v)
    if ok is None:
        good = not _TIMESTAMP_START.match(v) and _SAFE_PLAIN.fullmatch(v) is not None
        if good and _FULL_DATE.fullmatch(v) is not None and not _real_date(v):
            good = False  # the round trip cannot read an impossible date
        date_like = v[:4].isdigit() and v[4:5] == "-"
        if good and date_like and not (_FULL_DATE.fullmatch(v) or _YEAR_MONTH.fullmatch(v)):
            good = False  # date-like text other than YYYY-MM-DD or YYYY-MM
        ok = _remember(_PLAIN_OK, v, good) if len(v) <= 40 else good
    return ok


def _canonical_order(keys: list[str], order: list[str]) -> list[str]:
    known = [k for k in order if k in keys]
    rest = [k for k in keys if k not in order and not k.startswith("x-")]
    ext = [k for k in keys if k not in order and k.startswith("x-")]
    return known + rest + ext


class _Checker:
    def __init__(self, text: str, marks: array[int], orders: dict[str, list[str]]) -> None:
        self.text = text
        self.raw = marks
        self.orders = orders

    # -- where nodes stand
    def start(self, node: int) -> int:
        return self.raw[3 * node]

    def end(self, node: int) -> int:
        return self.raw[3 * node + 1]

    def link(self, node: int) -> int:
        return self.raw[3 * node + 2]

    def after(self, node: int) -> int:
        link = self.raw[3 * node + 2]
        return link if link >= 0 else node + 1

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def one_line(self, node: int) -> bool:
        return self.text.find("\n", self.raw[3 * node], self.raw[3 * node + 1]) < 0

    # -- the layout
    def order(self, keys: list[str], context: str) -> None:
        shape = (context, tuple(keys))
        ok = _ORDER_OK.get(shape)
        if ok is None:
            canonical = _canonical_order(keys, self.orders.get(context, []))
            ok = _remember(_ORDER_OK, shape, keys == canonical)
        if not ok:
            raise _NotSure

    def key(self, name: str, node: int) -> None:
        start, end = self.raw[3 * node], self.raw[3 * node + 1]
        if end - start != len(name) or not self.text.startswith(name, start):
            raise _NotSure  # a quoted or unusual key
        if not _key_ok(name):
            raise _NotSure

    def block_map(
        self, data: dict[str, Any], node: int, indent: int, context: str, *, first_inline: bool
    ) -> None:
        text = self.text
        if text[self.start(node)] in "{[":
            raise _NotSure  # a flow mapping where a block one is expected
        self.order(list(data), context)
        child = node + 1
        for n, (k, v) in enumerate(data.items()):
            self.key(k, child)
            at = self.start(child)
            before = text[self.line_start(at) : at]
            if n == 0 and first_inline:
                if before != " " * (indent - 2) + "- ":
                    raise _NotSure
            elif before != " " * indent:
                raise _NotSure
            value = child + 1
            sub = f"{context}.{k}" if context else k
            if isinstance(v, dict | list) and v and text[self.start(value)] not in "{[":
                # a block collection: the key ends its line (a comment may follow)
                rest = text[self.end(child) : text.index("\n", self.end(child))]
                if rest != ":" and not (rest[:2] == ": " and rest[1:].lstrip(" ")[:1] == "#"):
                    raise _NotSure
                if isinstance(v, dict):
                    self.block_map(v, value, indent + 2, sub, first_inline=False)
                else:
                    self.block_seq(v, value, indent + 2, sub + "[]")
            else:
                if text[self.end(child) : self.start(value)] != ": ":
                    raise _NotSure
                self.inline(v, value, indent, sub + ("[]" if isinstance(v, list) else ""))
            child = self.after(value)

    def block_seq(self, data: list[Any], node: int, indent: int, context: str) -> None:
        text = self.text
        if text[self.start(node)] in "{[":
            raise _NotSure
        child = node + 1
        for v in data:
            at = self.start(child)
            if text[self.line_start(at) : at] != " " * indent + "- ":
                raise _NotSure
            if isinstance(v, dict) and v and text[at] not in "{[":
                self.block_map(v, child, indent + 2, context, first_inline=True)
            elif isinstance(v, list) and v and text[at] not in "{[":
                raise _NotSure  # a list in a list: left to the round trip
            else:
                self.inline(v, child, indent, context)
            child = self.after(child)

    def inline(self, v: Any, node: int, indent: int, context: str) -> None:
        """A value on its key's (or dash's) line: a scalar, a block scalar or a flow
        collection."""
        link = self.link(node)
        if link >= 0:  # a collection: flow, on one line
            if not self.one_line(node):
                raise _NotSure
            self.flow(v, node, context)
            return
        if link in (_LITERAL, _FOLDED):
            self.block_scalar(v, node, indent, link)
            return
        if not self.one_line(node):
            raise _NotSure
        self.scalar(v, node, link)

    def scalar(self, v: Any, node: int, style: int) -> None:
        src = self.text[self.start(node) : self.end(node)]
        if style == _PLAIN:
            if isinstance(v, bool):
                if src not in ("true", "false"):
                    raise _NotSure
            elif isinstance(v, int):
                if not _DECIMAL.fullmatch(src):
                    raise _NotSure
            elif isinstance(v, str):
                if src != v or not _plain_ok(v):
                    raise _NotSure
            else:  # a float, nothing
                raise _NotSure
            return
        if not isinstance(v, str) or _FULL_DATE.fullmatch(v):
            raise _NotSure  # a quoted full date is written unquoted
        if style == _SINGLE:
            if src != "'" + v.replace("'", "''") + "'":
                raise _NotSure
        elif style == _DOUBLE:
            if src != '"' + v + '"' or '"' in v:
                raise _NotSure
        else:
            raise _NotSure

    def block_scalar(self, v: Any, node: int, indent: int, style: int) -> None:
        """``key: >-`` or ``|`` (with ``-`` when the text has no final line break), then
        its lines at two more spaces than the key, no blank or more-indented line."""
        if not isinstance(v, str) or not v:
            raise _NotSure
        text = self.text
        start, end = self.start(node), self.end(node)
        header_end = text.index("\n", start)
        header = text[start:header_end]
        mark = ">" if style == _FOLDED else "|"
        if v.endswith("\n"):
            if v.endswith("\n\n") or header != mark:
                raise _NotSure
        elif header != mark + "-":
            raise _NotSure
        body = text[header_end + 1 : end]
        lines = body.split("\n")
        while lines and lines[-1] == "":  # blank lines after the text (the dump keeps them)
            lines.pop()
        pad = " " * (indent + 2)
        content = []
        for line in lines:
            if not line.startswith(pad) or line[len(pad) : len(pad) + 1] in (" ", ""):
                raise _NotSure
            content.append(line[len(pad) :])
        if not content:
            raise _NotSure
        joined = (" " if style == _FOLDED else "\n").join(content)
        if joined != v.rstrip("\n"):
            raise _NotSure

    def flow(self, v: Any, node: int, context: str) -> None:
        text = self.text
        start, end = self.start(node), self.end(node)
        if isinstance(v, dict):
            if text[start] != "{" or text[end - 1] != "}":
                raise _NotSure
            self.order(list(v), context)
            at, child = start + 1, node + 1
            for n, (k, item) in enumerate(v.items()):
                if n and text[at : self.start(child)] != ", ":
                    raise _NotSure
                if not n and self.start(child) != at:
                    raise _NotSure
                self.key(k, child)
                value = child + 1
                if text[self.end(child) : self.start(value)] != ": ":
                    raise _NotSure
                sub = f"{context}.{k}" if context else k
                self.flow_item(item, value, sub + ("[]" if isinstance(item, list) else ""))
                at, child = self.end(value), self.after(value)
            if text[at:end] != "}":
                raise _NotSure
        elif isinstance(v, list):
            if text[start] != "[" or text[end - 1] != "]":
                raise _NotSure
            at, child = start + 1, node + 1
            for n, item in enumerate(v):
                if (n and text[at : self.start(child)] != ", ") or (
                    not n and self.start(child) != at
                ):
                    raise _NotSure
                self.flow_item(item, child, context)
                at, child = self.end(child), self.after(child)
            if text[at:end] != "]":
                raise _NotSure
        else:  # pragma: no cover - a collection's link is its own
            raise _NotSure

    def flow_item(self, v: Any, node: int, context: str) -> None:
        if self.link(node) >= 0:
            self.flow(v, node, context)
        else:
            style = self.link(node)
            if style not in (_PLAIN, _SINGLE, _DOUBLE):
                raise _NotSure
            self.scalar(v, node, style)
