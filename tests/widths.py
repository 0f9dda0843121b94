"""What "fits the width" means, as checks on a command's output (tests/cli/test_widths.py).

Three invariants, for output rendered at a width W:

1. **No line is wider than W** (in terminal cells), unless it cannot be made narrower without
   breaking something that must stay whole: a line that holds a single token (a URL, a path,
   an id longer than the line: the terminal shows it whole, and copying it gives it whole),
   or that token after a marker of punctuation only (`  --> PATH`), or a line of code that
   is printed verbatim (inside a ``` fence: wrapping code would change it).
2. **No word is split**: every token of the output at W appears as a whole token of the
   *unwrapped* output, the same command at a width where nothing needs wrapping (1000
   columns). A token is a maximal run of non-space characters. Not words, and so not
   compared: runs made only of drawing characters (bars `█░`, rules `─`, the timeline's
   axis and glyphs `═●○◐◆┊╷`), and the `\\` that continues a shell command in help examples.
   A token shortened to fit (`Supply…`, or `Supply...` in Click's list of commands) counts
   by what precedes the ellipsis, which must be a whole token itself: shortening happens
   after a word, never inside one.
3. **No line ends in a space.**

The test compares sets of tokens, not their order: wrapping moves words between lines and
tables move columns, and neither may change a word.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

ELLIPSES = ("…", "...")
_DRAWING = re.compile(r"^[\u2500-\u25ff×!?\u2190-\u21ff]+$")  # box, blocks, shapes, arrows
_MARKER = re.compile(r"^[^\w\s]{1,3}$")  # -->  =  ·  *  +


def tokens(text: str) -> list[str]:
    return [t for t in text.split() if not _DRAWING.match(t) and t != "\\"]


def _stem(token: str) -> str | None:
    """What precedes the ellipsis of a shortened token (None for a token not shortened)."""
    for mark in ELLIPSES:
        if token.endswith(mark):
            return token[: -len(mark)]
    return None


def overlong(text: str, width: int) -> list[str]:
    """The lines wider than ``width`` that could have been made to fit."""
    bad = []
    code = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            code = not code
            continue
        if cell_len(line) <= width or code:
            continue
        words = line.split()
        if len(words) == 1 or (len(words) == 2 and _MARKER.match(words[0])):
            continue
        bad.append(line)
    return bad


def split_words(text: str, unwrapped: str) -> list[str]:
    """The tokens of ``text`` that are not whole tokens of ``unwrapped``."""
    whole = set(tokens(unwrapped))
    out = []
    for token in tokens(text):
        stem = _stem(token)
        if token in whole or (stem is not None and (not stem or stem in whole)):
            continue
        out.append(token)
    return out


def trailing_spaces(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line != line.rstrip(" ")]


def problems(text: str, unwrapped: str, width: int) -> list[str]:
    out = [f"wider than {width}: {line!r}" for line in overlong(text, width)]
    out += [f"split word: {token!r}" for token in split_words(text, unwrapped)]
    out += [f"trailing space on line {n}" for n in trailing_spaces(text)]
    return out
