"""Which URLs become terminal hyperlinks (OSC 8), and what their target may hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deancli.base.textsafe import link_target


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://example.com/a?b=c;d#e", "https://example.com/a?b=c;d#e"),
        ("http://example.com/", "http://example.com/"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://example.com/\x1b]8;;https://evil.example\x07", None),
        ("https://example.com/\x1b\\", None),
        ("https://example.com/\x9c", None),  # C1 string terminator
        ("https://example.com/\u202e", None),
        ("https://example.com/\u200b", None),
        ("https://example.com/\n", None),
        (None, None),
    ],
)
def test_only_plain_http_urls_become_targets(url, target):
    assert link_target(url) == target


@given(st.text())
def test_a_target_is_printable_ascii_and_cannot_end_the_sequence(text):
    target = link_target("https://x/" + text)
    assert target is None or all(0x21 <= ord(c) <= 0x7E for c in target)
