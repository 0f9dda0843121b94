"""One escaping function for everything that came from a file.

Values, keys, file names and validator messages pass through :func:`safe` before any output:
control characters (C0, DEL, C1), bidi overrides and isolates, zero-width characters, the BOM,
line and paragraph separators and lone surrogates become visible escapes (``\\x1b``,
``\\u202e``), so that no terminal, log viewer or CI runner obeys them and nothing invisible
hides in a review. Rich markup is never interpreted: renderers print with markup off.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character replaced by a visible escape."""
    s = text if isinstance(text, str) else str(text)
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(_escape, part) for part in s.split("\n"))
    return _UNSAFE.sub(_escape, s)


_LINKABLE = re.compile(r"https?://[\x21-\x7e]+", re.IGNORECASE)


def link_target(url: object) -> str | None:
    """``url`` as the target of a terminal hyperlink (OSC 8), or None when it must not be
    one. The target is written inside an escape sequence, so one that carried an escape,
    a BEL or any control character could end the sequence and speak to the terminal: only
    an http(s) URL qualifies, with non-ASCII characters percent-encoded and nothing but
    printable ASCII left (no space, no control, no bidi or invisible character)."""
    if not isinstance(url, str) or _UNSAFE.search(url):
        return None
    from urllib.parse import quote

    encoded = quote(url, safe="".join(chr(c) for c in range(0x21, 0x7F)))
    return encoded if _LINKABLE.fullmatch(encoded) else None


def is_safe(text: str) -> bool:
    return _UNSAFE.search(text) is None


def json_safe(text: str) -> str:
    """Escape, inside an already serialised JSON document, what json.dumps leaves raw: C1,
    invisible and bidi characters, and ``##[`` (which the GitHub Actions runner reads as a
    legacy workflow command anywhere in a log line). JSON syntax itself never contains
    ``##[``, so the replacement only ever happens inside strings."""
    text = re.sub(
        "[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )
    return text.replace("##[", "##\\u005b")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
