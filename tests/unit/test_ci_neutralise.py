from __future__ import annotations

import io

import pytest

from deancli.render.ci import NeutralisedStream, neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text\n", "plain text\n"),
        ("a::b\n", "a::b\n"),
        ("::error file=x::forged\n", "\\x3a:error file=x::forged\n"),
        ("  \t::warning::x", "  \t\\x3a:warning::x"),
        ("ok\r::error::cr", "ok\r\\x3a:error::cr"),
        ("see ##[error]x and ##[warning]y", "see #\\x23[error]x and #\\x23[warning]y"),
        ("\u3000::notice::wide space\n", "\u3000\\x3a:notice::wide space\n"),
    ],
)
def test_neutralise(text, expected):
    assert neutralise(text) == expected


def test_stream_sees_a_command_split_across_writes():
    out = io.StringIO()
    stream = NeutralisedStream(out)
    for part in (":", ":err", "or::x\n#", "#", "[warning]y"):
        stream.write(part)
    assert out.getvalue() == "\\x3a:error::x\n"
    stream.finish()
    assert out.getvalue() == "\\x3a:error::x\n#\\x23[warning]y"
