"""Which YAML dean accepts: valid YAML 1.2 that libyaml's grammar rejects is confirmed with
ruamel's pure-Python parser before it is called a syntax error (docs/limits.md)."""

from __future__ import annotations

import pytest

from deancli.plan import yamlio

# valid YAML 1.2 that the C parser (libyaml) rejects; the data the file holds
VALID_C_REJECTS = {
    "reserved-directive": ("%FOO bar baz\n---\na: 1\n", {"a": 1}),
    "reserved-directive-comment": ("%FOO  bar baz # comment\n---\na: 1\n", {"a": 1}),
    "flow-map-empty-key": ("{: x}\n", {"": "x"}),
    "flow-plain-starting-with-colon": ("{x: :x}\n", {"x": ":x"}),
    "flow-key-ending-in-colon": ("{a:, b: c}\n", {"a:": None, "b": "c"}),
}

# valid YAML 1.2 that the C parser accepts too (kept as they are, no second parse)
VALID_BOTH = {
    "tab-as-separation": ("a:\tb\n", {"a": "b"}),
    "tab-before-comment": ("a: b\t# c\n", {"a": "b"}),
    "tab-after-quoted-key": ('"a"\t: b\n', {"a": "b"}),
    "tab-inside-flow": ("[a,\tb]\n", ["a", "b"]),
    "flow-implicit-keys-empty-values": ("{a: , b: c}\n", {"a": None, "b": "c"}),
    "flow-key-without-value": ("{a, b: c}\n", {"a": None, "b": "c"}),
    "flow-seq-implicit-pair": ("[a: b, c]\n", [{"a": "b"}, "c"]),
    "flow-seq-pair-empty-value": ("[a: ]\n", [{"a": None}]),
    "flow-explicit-keys": ("{? a, ? b: c}\n", {"a": None, "b": "c"}),
    "json-like-adjacent-values": ('{"a":b, "c":[d]}\n', {"a": "b", "c": ["d"]}),
    "tag-directive": ("%TAG !e! tag:example.com,2000:\n---\na: 1\n", {"a": 1}),
}

# invalid YAML: (text, line, column, the C parser's message)
INVALID = {
    "unclosed-quote": ('a: "abc\nb: 1\n', 3, 1, "invalid YAML: found unexpected end of stream"),
    "bad-indent": ("a:\n  b: 1\n c: 2\n", 3, 2, "invalid YAML: did not find expected key"),
    "tab-indentation": (
        "a:\n\tb: 1\n",
        2,
        1,
        "invalid YAML: found character that cannot start any token",
    ),
    "tab-after-seq-indicator": (
        "-\tx\n",
        1,
        2,
        "invalid YAML: found character that cannot start any token",
    ),
    "unclosed-flow": ("a: [1, 2\n", 2, 1, "invalid YAML: did not find expected ',' or ']'"),
    "colon-in-plain-value": (
        "a: b: c\n",
        1,
        5,
        "invalid YAML: mapping values are not allowed in this context",
    ),
    "flow-seq-empty-key": ("[: x, a]\n", 1, 2, "invalid YAML: did not find expected node content"),
    "duplicate-yaml-directive": (
        "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
        2,
        1,
        "invalid YAML: found duplicate %YAML directive",
    ),
    "content-after-document-end": (
        "a: 1\n... x\n",
        2,
        5,
        "invalid YAML: did not find expected <document start>",
    ),
    "lone-surrogate-escape": (
        'x: "\\ud800"\n',
        1,
        7,
        "invalid YAML: found invalid Unicode character escape code",
    ),
    "unknown-escape": ('a: "\\q"\n', 1, 5, "invalid YAML: found unknown escape character"),
}


@pytest.mark.parametrize("name", sorted(VALID_C_REJECTS))
def test_valid_yaml_the_c_parser_rejects_is_accepted(name):
    text, data = VALID_C_REJECTS[name]
    if yamlio.c_parser_available():
        assert yamlio._parse_once(text, False, False).fatal  # the C parser alone rejects it
    for positions in (False, True):
        parsed = yamlio.parse(text, positions=positions)
        assert parsed.issues == []
        assert parsed.data == data


@pytest.mark.parametrize("name", sorted(VALID_BOTH))
def test_valid_yaml_both_parsers_accept(name, monkeypatch):
    text, data = VALID_BOTH[name]
    parsed = yamlio.parse(text)
    assert parsed.issues == []
    assert parsed.data == data


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_yaml_is_still_a_syntax_error_at_the_exact_place(name):
    text, line, col, message = INVALID[name]
    for positions in (False, True):
        parsed = yamlio.parse(text, positions=positions)
        assert parsed.fatal
        issue = parsed.issues[-1]
        assert issue.kind == "syntax"
        assert issue.message == message
        assert issue.span is not None
        assert (issue.span.line, issue.span.column) == (line, col)


def test_valid_files_are_parsed_once(monkeypatch):
    """The second (pure) parse happens only for files the C parser rejects."""
    calls = []
    real = yamlio.iter_events

    def counting(text, *, pure=False):  # type: ignore[no-untyped-def]
        calls.append(pure)
        return real(text, pure=pure)

    monkeypatch.setattr(yamlio, "iter_events", counting)
    yamlio.parse("a: 1\nb: [x, y]\n")
    assert calls == [False]


@pytest.mark.parametrize(
    "exc", [AssertionError, TypeError, NotImplementedError, ValueError, KeyError, RecursionError]
)
def test_no_exception_of_the_pure_parser_escapes(monkeypatch, exc):
    """Whatever the pure parser raises, the C parser's syntax error is reported."""
    if not yamlio.c_parser_available():
        pytest.skip("needs the C parser")
    real = yamlio.iter_events

    def failing(text, *, pure=False):  # type: ignore[no-untyped-def]
        if pure:
            raise exc("boom")
        return real(text, pure=pure)

    monkeypatch.setattr(yamlio, "iter_events", failing)
    parsed = yamlio.parse("%FOO bar\n---\na: 1\n")
    assert parsed.fatal
    assert parsed.issues[-1].message == "invalid YAML: found unknown directive name"
    assert parsed.issues[-1].span is not None


def test_cli_accepts_valid_yaml_the_c_parser_rejects(dean, plan_copy):
    from tests.conftest import AS_OF

    path = plan_copy / "initiatives/08-digital-cooperation-privacy-rules.yaml"
    path.write_text("%FOO reserved directive\n---\n" + path.read_text(encoding="utf-8"))
    result = dean("validate", "-f", "json", "--as-of", AS_OF)
    assert "DEAN001" not in result.stdout
