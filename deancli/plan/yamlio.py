"""The only module that imports ruamel.yaml.

Plan files are read as a stream of parser events (the C parser when ruamel.yaml.clib is
installed) and turned into a plain JSON view (dict, list, str, int, float, bool, None) by an
iterative builder of our own. Doing the construction ourselves is what makes dean safe and
precise on any input:

- nothing is ever constructed from a tag, and aliases are never expanded (they are reported);
- nesting depth is bounded without recursion, so deep input cannot raise RecursionError;
- duplicate keys are reported with both locations instead of failing the whole file;
- scalars resolve with ruamel's YAML 1.2 resolver (``no``, ``on`` stay strings, ``0755`` is
  the integer 755), and date-shaped scalars stay text, checked later by the schema;
- the same builder can record the source span of every key and value, so diagnostics point
  at line and column; on the fast path it records them compactly instead (``marks``: three
  small integers a node, ``deancli/plan/spans.py`` turns them into spans on demand), so a
  finding's position comes from the one parse, not from a second one.

This module is longer than 400 lines: the event builder is one hot loop, inlined for speed
(docs/performance.md), and splitting it would spread ruamel.yaml over several modules.
"""

from __future__ import annotations

import functools
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from deancli.base.diagnostics import Span
from deancli.base.i18n import N_, M, english_only

MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 1000

PathKey = tuple[str | int, ...]

STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"

# Characters that are invisible, reorder text or control a terminal. Never legitimate in a
# plan file; reported wherever they occur in a key or a value.
INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A problem found while reading YAML. ``kind`` maps to a diagnostic code in loader."""

    kind: str
    message: str
    span: Span | None
    hint: str | None = None
    related: tuple[tuple[Span, str], ...] = ()
    path: PathKey | None = None


@dataclass(slots=True)
class Parsed:
    data: Any
    issues: list[YamlIssue] = field(default_factory=list)
    # json path -> span of the value; json path -> span of its key (mappings only)
    values: dict[PathKey, Span] | None = None
    keys: dict[PathKey, Span] | None = None
    # json path -> how the scalar was written: "plain" or a quote style
    styles: dict[PathKey, str] | None = None
    fatal: bool = False  # the document could not be read at all
    # with ``marks=True``, when the file parsed without issues: three integers per node, in
    # document order (a key before its value, a collection before its items): where the
    # node starts and ends (character offsets) and, for a collection, the number of the
    # node after its last descendant, for a scalar minus one minus its style (MARK_STYLES)
    marks: array[int] | None = None


# how a scalar was written, as stored in ``Parsed.marks``: -1 - index
MARK_STYLES = ("plain", "single", "double", "literal", "folded", "tagged", None)
_MARK_STYLE = {"'": -2, '"': -3, "|": -4, ">": -5}
_MARK_TAGGED, _MARK_ALIAS = -6, -7


def _span(start: Any, end: Any | None = None) -> Span:
    if end is None:
        return Span(start.line + 1, start.column + 1)
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


_TABLE: dict[str, list[tuple[str, Any]]] | None = None


def _resolve(value: str) -> str:
    """The tag YAML 1.2 gives a plain scalar: ruamel's own implicit-resolver table (so the
    semantics are exactly ruamel's), looked up without its per-call version machinery."""
    global _TABLE
    if _TABLE is None:
        from ruamel.yaml.resolver import VersionedResolver

        _TABLE = {
            str(k): [(str(tag), rx) for tag, rx in v]
            for k, v in VersionedResolver(version=(1, 2)).versioned_resolver.items()
            if k is not None
        }
    for tag, regexp in _TABLE.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return STR_TAG


def plain_tag(value: str) -> str:
    """The tag YAML 1.2 gives ``value`` written as a plain scalar (``STR_TAG`` for text)."""
    return _resolve(value)


def _to_int(text: str) -> int:
    s = text.replace("_", "")
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    if s[:2] in ("0b", "0B"):
        return sign * int(s[2:], 2)
    if s[:2] in ("0x", "0X"):
        return sign * int(s[2:], 16)
    if s[:2] in ("0o", "0O"):
        return sign * int(s[2:], 8)
    return sign * int(s, 10)


def _to_float(text: str) -> float:
    s = text.replace("_", "").lower()
    if s.endswith(".inf"):
        return float("-inf") if s.startswith("-") else float("inf")
    if s.endswith(".nan"):
        return float("nan")
    return float(s)


_STYLE_NAMES = {"'": "single", '"': "double", "|": "literal", ">": "folded"}


def iter_events(text: str, *, pure: bool = False) -> Iterator[Any]:
    """Parser events for ``text``; the C parser unless ``pure`` or clib is missing."""
    if not pure and c_parser_available():
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]

        # get_event returns None after the stream ends: a C-level loop, with no Python
        # frame per event beyond the parser's own (the parser is freed with the iterator;
        # its dispose() does nothing)
        return iter(CParser(text).get_event, None)
    from ruamel.yaml import YAML

    return iter(YAML(typ="safe", pure=True).parse(text))


@functools.cache
def c_parser_available() -> bool:
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - depends on the installation
        return False
    return CParser is not None


class _Frame:
    __slots__ = (
        "container",
        "is_map",
        "key",
        "key_span",
        "path",
        "seen",
        "skip",
        "slot",
        "start",
    )

    def __init__(self, is_map: bool, path: PathKey, start: Any) -> None:
        self.is_map = is_map
        self.container: Any = {} if is_map else []
        self.start = start  # the parser's mark where the collection starts
        self.path = path
        self.key: str | None = None  # pending mapping key
        self.key_span: Span | None = None
        self.seen: dict[str, Any] = {}  # key -> its event (for the span of a duplicate)
        self.skip = False  # the pending value belongs to a key that will be dropped
        self.slot = 0  # where its marks start in Parsed.marks (with marks)


_SCALAR, _START_MAP, _START_SEQ, _END, _ALIAS, _DOCUMENT = range(1, 7)
_INTERN_MAX = 40  # text up to this length is interned (keys, ids, dates, codes)
# what a short plain scalar resolves to (statuses, dates, ids, numbers, booleans recur in
# every file): a dictionary lookup instead of the resolver's regular expressions; values are
# immutable (None, bool, int, float, interned str); bounded, cleared when full
_PLAIN_VALUES: dict[str, Any] = {}
_PLAIN_VALUES_MAX = 50_000
_MISSING = object()


@functools.cache
def _event_kinds() -> dict[type, int]:
    from ruamel.yaml import events

    return {
        events.ScalarEvent: _SCALAR,
        events.MappingStartEvent: _START_MAP,
        events.SequenceStartEvent: _START_SEQ,
        events.MappingEndEvent: _END,
        events.SequenceEndEvent: _END,
        events.AliasEvent: _ALIAS,
        events.DocumentStartEvent: _DOCUMENT,
    }


def parse(text: str, *, positions: bool = False, pure: bool = False, marks: bool = False) -> Parsed:
    """Parse one YAML document into a JSON view. Never raises for any input text.
    ``positions``: spans of every key and value, as dictionaries; ``marks`` (without
    ``positions``): the same, compactly, in ``Parsed.marks`` (none for a file with issues)."""
    out = _parse_once(text, positions, pure, marks)
    if not pure and out.fatal and _confirm_with_pure(out) and c_parser_available():
        # libyaml's grammar is stricter than YAML 1.2 in places (a tab as separation inside
        # a line, `{: x}`, reserved directives): a file it rejects is read again with
        # ruamel's pure-Python parser, and accepted when that parser accepts it. When both
        # reject it, the C parser's message and position are the ones reported. Valid files
        # never pay for this: the C parser accepted them. (docs/limits.md)
        second = _parse_once(text, positions, True, marks)
        if not second.fatal:
            return second
    return out


# C parser errors that are right about YAML 1.2 where the pure parser is lax: a lone
# surrogate (`"\ud800"` is no character) and unknown escapes stay syntax errors.
_C_IS_RIGHT = ("invalid Unicode character escape", "unknown escape character")


def _confirm_with_pure(out: Parsed) -> bool:
    """Whether a fatal result of the C parser should be confirmed by the pure parser: only
    syntax errors (a limit, a directive or a second document is not a matter of grammar)."""
    if len(out.issues) == 0:
        return False
    last = out.issues[-1]
    return last.kind == "syntax" and not any(m in last.message for m in _C_IS_RIGHT)


def _parse_once(text: str, positions: bool, pure: bool, marks: bool = False) -> Parsed:
    out = Parsed(data=None)
    if positions:
        out.values, out.keys, out.styles = {}, {}, {}
    # marks only from the C parser: ruamel's pure reader counts lines and columns otherwise
    # (only LF and CR break a line, a BOM takes no column), and it runs only for the rare
    # file libyaml rejects, which is then parsed again for positions
    recorded: list[int] | None = [] if marks and not positions and not pure else None
    try:
        _build(iter_events(text, pure=pure), out, text, recorded)
    except Exception as exc:  # every library exception becomes a diagnostic
        out.fatal = True
        out.data = None
        out.issues.append(_exception_issue(exc, text))
    if recorded is not None and not out.fatal and not out.issues and recorded:
        # a file with issues (a duplicate key, an alias...) drops nodes from its data: its
        # marks would not follow the data, so it gets none (positions then parse it again)
        try:
            out.marks = array("h", recorded)
        except OverflowError:
            out.marks = array("i", recorded)
    return out


def _exception_issue(exc: Exception, text: str) -> YamlIssue:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        span = _span(mark) if mark is not None else None
        context = exc.context if exc.problem and exc.context else None
        if "incompatible YAML document" in problem:
            return YamlIssue(
                "directive",
                M("unsupported %YAML version"),
                span,
                M("remove the `%YAML` line; plan files are YAML 1.2"),
            )
        hint = _syntax_hint(problem, context)
        related: tuple[tuple[Span, str], ...] = ()
        if mark is not None and exc.problem and exc.context and exc.context_mark is not None:
            cm = exc.context_mark
            if (cm.line, cm.column) != (mark.line, mark.column):
                related = ((_span(cm), _known(exc.context)),)
        return YamlIssue(
            "syntax", M("invalid YAML: {problem}", problem=_known(problem)), span, hint, related
        )
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return YamlIssue(
            "syntax", M("invalid YAML: {problem}", problem=_known(exc.reason)), Span(line, col)
        )
    if isinstance(exc, RecursionError):
        return YamlIssue("limit", M("nesting too deep to read"), None, M("flatten the structure"))
    return YamlIssue(
        "syntax",
        M("unreadable YAML ({detail})", detail=f"{type(exc).__name__}: {str(exc)[:200]}"),
        None,
        M("fix the YAML so that it parses; `python -c 'import sys, ruamel.yaml'` is not needed"),
    )


# what the YAML parsers say most often, in the catalogue (anything else is quoted as it is)
_PROBLEMS = frozenset(
    {
        N_("mapping values are not allowed here"),
        N_("could not find expected ':'"),
        N_("found character that cannot start any token"),
        N_("did not find expected key"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected node content"),
        N_("found unexpected end of stream"),
        N_("found a tab character that violates indentation"),
        N_("found unknown escape character"),
        N_("while parsing a block mapping"),
        N_("while parsing a block collection"),
        N_("while parsing a flow sequence"),
        N_("while parsing a flow mapping"),
        N_("while scanning a simple key"),
        N_("while scanning a quoted scalar"),
        N_("while scanning a plain scalar"),
    }
)


def _known(problem: str) -> str:
    return M(problem) if problem in _PROBLEMS else english_only(problem)


def _syntax_hint(problem: str, context: str | None) -> str:
    if "tab" in problem:
        return M("indent with spaces; YAML does not allow tabs for indentation")
    if "mapping values are not allowed" in problem:
        return M("quote the value if it contains `: `, or fix the indentation of this line")
    if "expected ',' or" in problem or "flow" in (context or ""):
        return M("close the `[` or `{` on this line, or quote a value that contains , [ ] { }")
    if "could not find expected ':'" in problem:
        return M("add `: ` after the key, or indent this line under the previous key")
    if "found character" in problem:
        return M("quote the value: a plain scalar cannot start with this character")
    return M("fix the YAML syntax at this position")


def _build(events: Iterable[Any], out: Parsed, text: str, marks: list[int] | None = None) -> None:
    """Build ``out.data`` from parser events. The common case (a plain or quoted scalar
    without anchor or tag, a collection start or end) is handled inline: this loop runs
    once per node of every plan file, so it avoids per-event helper calls and computes
    source spans only when positions are wanted or a problem is reported. Rare events
    (anchors, tags, aliases, complex keys, documents) go through the helpers below.
    ``marks``, when given, receives the compact positions (see ``Parsed.marks``)."""
    kinds = _event_kinds()
    values, keys, styles = out.values, out.keys, out.styles
    positions = values is not None
    stack: list[_Frame] = []
    documents = 0
    root: Any = None
    have_root = False
    intern = sys.intern
    record = marks.extend if marks is not None else None
    # a value holds a character its source does not only through an escape (a backslash in
    # a double-quoted scalar): without one in the file, values need no search for them
    escapes = "\\" in text

    def attach(value: Any, span: Span | None, style: str | None) -> bool:
        """Attach a finished node to its parent. Returns False when the node was a key."""
        nonlocal root, have_root
        if not stack:
            root, have_root = value, True
            if values is not None:
                assert span is not None
                values[()] = span
            return True
        frame = stack[-1]
        if not frame.is_map:
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
        else:
            if frame.key is None and not frame.skip:
                return False
            key, frame.key = frame.key, None
            if frame.skip:
                frame.skip = False
                return True
            assert key is not None
            path = (*frame.path, key)
            frame.container[key] = value
            if keys is not None and frame.key_span is not None:
                keys[path] = frame.key_span
        if values is not None:
            assert span is not None
            values[path] = span
            if style is not None and styles is not None:
                styles[path] = style
        return True

    def child_path() -> PathKey:
        if not stack:
            return ()
        frame = stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.container))
        return (*frame.path, frame.key if frame.key is not None else "?")

    def expecting_key() -> bool:
        if not stack:
            return False
        frame = stack[-1]
        return frame.is_map and frame.key is None and not frame.skip

    def check_tag(ev: Any, span: Span) -> None:
        tag = ev.tag
        if tag is None or tag == "!":
            return
        if tag == STR_TAG:
            out.issues.append(
                YamlIssue(
                    "tag",
                    M("explicit tag `!!str`"),
                    span,
                    M("write the value in quotes instead of tagging it"),
                    path=child_path(),
                )
            )
            return
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        out.issues.append(
            YamlIssue(
                "tag",
                M("unsupported tag `{tag}`", tag=shown),
                span,
                M(
                    "remove the tag; plan files hold plain data (quote text that looks like "
                    "a number or a date)"
                ),
                path=child_path(),
            )
        )

    def check_anchor(ev: Any, span: Span) -> None:
        if getattr(ev, "anchor", None):
            out.issues.append(
                YamlIssue(
                    "alias",
                    M("anchor `&{name}`", name=ev.anchor),
                    span,
                    M("write the content out in full; plan files do not use anchors or aliases"),
                    path=child_path(),
                )
            )

    def skip_complex_key(it: Iterator[Any]) -> None:
        depth = 1
        for ev in it:
            kind = kinds.get(ev.__class__, 0)
            if kind in (_START_MAP, _START_SEQ):
                depth += 1
            elif kind == _END:
                depth -= 1
                if depth == 0:
                    return

    def scalar_value(ev: Any, raw: str) -> Any:
        tag = _resolve(raw)
        if tag == _NULL_TAG:
            return None
        if tag == _BOOL_TAG:
            return raw.lower() == "true"
        if tag == _INT_TAG:
            if len(raw) > MAX_NUMBER_DIGITS:
                out.issues.append(
                    YamlIssue(
                        "limit",
                        M("number too long"),
                        _span(ev.start_mark, ev.end_mark),
                        path=child_path(),
                    )
                )
                return None
            return _to_int(raw)
        if tag == _FLOAT_TAG:
            return _to_float(raw)
        # str and timestamp: dates stay text, the schema checks their form; short text
        # (keys, ids, dates, codes) is interned so that thousands of files share it
        return intern(raw) if len(raw) <= _INTERN_MAX else raw

    it = iter(events)
    for ev in it:
        kind = kinds.get(ev.__class__, 0)
        if kind == _SCALAR:
            raw: str = ev.value
            # ``ctag``, not the ``tag`` property: no Python call per scalar when untagged
            tag = None if ev.ctag is None else ev.tag
            if ev.anchor or (tag is not None and tag != "!"):
                span = _span(ev.start_mark, ev.end_mark)
                check_anchor(ev, span)
                check_tag(ev, span)
            if (
                escapes
                and INVISIBLE_RE.search(raw)
                and not INVISIBLE_RE.search(text[ev.start_mark.index : ev.end_mark.index])
            ):  # written as an escape ("\e", "\u200b"); literal ones are found by the loader
                what = (
                    M("invisible or control character in key")
                    if expecting_key()
                    else M("invisible or control character in value")
                )
                out.issues.append(
                    YamlIssue(
                        "invisible",
                        what,
                        _span(ev.start_mark, ev.end_mark),
                        M(
                            "retype the text without hidden characters (zero-width, BOM, "
                            "bidi or terminal control codes)"
                        ),
                        path=child_path(),
                    )
                )
            frame = stack[-1] if stack else None
            if frame is not None and frame.is_map and frame.key is None and not frame.skip:
                key = intern(raw) if len(raw) <= _INTERN_MAX else raw
                seen = frame.seen
                if key in seen:
                    first = seen[key]
                    out.issues.append(
                        YamlIssue(
                            "duplicate-key",
                            M("duplicate key `{key}`", key=key),
                            _span(ev.start_mark, ev.end_mark),
                            M("remove one of the two entries; YAML keeps only one of them"),
                            related=(
                                (_span(first.start_mark, first.end_mark), M("first defined here")),
                            ),
                            path=(*frame.path, key),
                        )
                    )
                    frame.skip = True
                    continue
                seen[key] = ev
                frame.key = key
                if positions:
                    frame.key_span = _span(ev.start_mark, ev.end_mark)
                elif record is not None:
                    record((ev.start_mark.index, ev.end_mark.index, -1))
                continue
            plain = not ev.style and tag is None and ev.implicit[0]
            if not plain:
                value: Any = raw
            elif (value := _PLAIN_VALUES.get(raw, _MISSING)) is _MISSING:
                value = scalar_value(ev, raw)
                if len(raw) <= _INTERN_MAX:  # short plain values recur across files
                    if len(_PLAIN_VALUES) >= _PLAIN_VALUES_MAX:
                        _PLAIN_VALUES.clear()
                    _PLAIN_VALUES[raw] = value
            if record is not None:
                code = -1 if plain else _MARK_STYLE.get(ev.style or "", _MARK_TAGGED)
                record((ev.start_mark.index, ev.end_mark.index, code))
            if positions:
                style = "plain" if plain else _STYLE_NAMES.get(ev.style or "", "tagged")
                attach(value, _span(ev.start_mark, ev.end_mark), style)
            elif frame is None:
                root, have_root = value, True
            elif frame.is_map:
                pending, frame.key = frame.key, None
                if frame.skip:
                    frame.skip = False
                else:
                    frame.container[pending] = value
            else:
                frame.container.append(value)
        elif kind in (_START_MAP, _START_SEQ):
            if expecting_key():
                out.issues.append(
                    YamlIssue(
                        "complex-key",
                        M("a mapping or list used as a key"),
                        _span(ev.start_mark),
                        M("keys must be plain text"),
                        path=stack[-1].path,
                    )
                )
                skip_complex_key(it)
                stack[-1].skip = True
                continue
            if ev.anchor or (ev.ctag is not None and ev.tag != "!"):
                span = _span(ev.start_mark)
                check_anchor(ev, span)
                check_tag(ev, span)
            if len(stack) >= MAX_DEPTH:
                out.issues.append(
                    YamlIssue(
                        "limit",
                        M("nesting deeper than {n} levels", n=MAX_DEPTH),
                        _span(ev.start_mark),
                        M("flatten the structure; plan files need only a few levels"),
                    )
                )
                out.fatal = True
                out.data = None
                return
            new = _Frame(kind == _START_MAP, child_path(), ev.start_mark)
            if marks is not None:
                new.slot = len(marks)
                marks.extend((ev.start_mark.index, 0, 0))
            stack.append(new)
        elif kind == _END:
            frame = stack.pop()
            if marks is not None:
                marks[frame.slot + 1] = ev.end_mark.index
                marks[frame.slot + 2] = len(marks) // 3
            if positions:
                start, end = frame.start, ev.end_mark
                span = Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
                attach(frame.container, span, None)
            else:
                attach(frame.container, None, None)
        elif kind == _ALIAS:
            span = _span(ev.start_mark, ev.end_mark)
            if expecting_key():
                stack[-1].skip = True
            out.issues.append(
                YamlIssue(
                    "alias",
                    M("alias `*{name}`", name=ev.anchor),
                    span,
                    M("write the content out in full; plan files do not use anchors or aliases"),
                    path=child_path(),
                )
            )
            if not expecting_key():
                if marks is not None:
                    marks.extend((ev.start_mark.index, ev.end_mark.index, _MARK_ALIAS))
                attach(None, span, None)
        elif kind == _DOCUMENT:
            documents += 1
            span = _span(ev.start_mark)
            if documents > 1:
                out.issues.append(
                    YamlIssue(
                        "multi-document",
                        M("more than one YAML document"),
                        span,
                        M("keep one document per file; remove the `---` line and what follows"),
                    )
                )
                out.fatal = True
                out.data = None
                return
            version = getattr(ev, "version", None)
            if version is not None and tuple(version) != (1, 2):
                out.issues.append(
                    YamlIssue(
                        "directive",
                        M(
                            "YAML version {version} is not supported",
                            version=f"{version[0]}.{version[1]}",
                        ),
                        Span(1, 1),
                        M("remove the `%YAML` line; plan files are YAML 1.2"),
                    )
                )
    out.data = root if have_root else None
