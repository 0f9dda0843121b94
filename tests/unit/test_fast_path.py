"""The fast paths give the same answers as the precise ones, on the whole test corpus:
the C parser and the pure-Python parser build the same data and the same issues (YAML 1.2
semantics, dates, tags, duplicate keys), and jsonschema-rs says "valid" exactly when
python-jsonschema finds no error."""

from __future__ import annotations

import pytest

from deancli.plan import yamlio
from deancli.plan.loader import decode
from deancli.plan.schema import fast_validator, validator
from tests.conftest import REAL_PLAN
from tests.hostile import CORPUS

TRAPS = {
    "yaml-1.2-scalars": b"a: no\nb: on\nc: 0755\nd: 0o17\ne: 1_000\nf: 1.10\ng: .inf\nh: ~\n"
    b"i: 2021-09-09\nj: 2021-9-9\nk: 12:30:00\nl: 'yes'\nm: !!str 0123\nn: True\n",
    "duplicates": b"a: 1\nb: 2\na: 3\n'b': 4\n",
    "tags": b"a: !x 1\nb: !!python/name:os.system x\nc: !!binary aGk=\n",
}


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(REAL_PLAN.rglob("*.yaml")):
        out.append((path.name, path.read_text(encoding="utf-8")))
    for name, (data, _code) in {**CORPUS, **{k: (v, "") for k, v in TRAPS.items()}}.items():
        text, problem = decode(data)
        if problem is None and text is not None and len(text) < 200_000:
            out.append((name, text))
    return out


TEXTS = _texts()
# Inputs where libyaml (C) and ruamel's pure parser really differ. dean uses the C parser
# when installed (ruamel.yaml.clib is a declared dependency); the loader's own checks report
# both cases either way (DEAN011 for the BOM, the schema for the tab).
KNOWN_DIFFERENCES = {
    "tab-before-comment": "libyaml accepts `a\t# c`; ruamel's pure scanner rejects it (#560)",
    "bom-inside": "ruamel's pure reader keeps a BOM inside a key; libyaml rejects it",
}


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[t[0] for t in TEXTS])
def test_c_and_pure_parsers_agree(name, text):
    if name in KNOWN_DIFFERENCES:
        pytest.xfail(KNOWN_DIFFERENCES[name])
    if not yamlio.c_parser_available():
        pytest.skip("ruamel.yaml.clib is not installed")
    fast = yamlio.parse(text, positions=True)
    pure = yamlio.parse(text, positions=True, pure=True)
    if fast.fatal or pure.fatal or any(i.kind == "syntax" for i in fast.issues + pure.issues):
        # libyaml and ruamel's pure parser disagree on a few malformed inputs (a BOM inside
        # a document, %YAML 1.3, a tab before a comment, "\ud800"): both must reject them
        assert (fast.fatal or fast.issues) and (pure.fatal or pure.issues)
        return
    assert fast.data == pure.data
    assert fast.values == pure.values
    assert fast.keys == pure.keys
    assert [(i.kind, i.span) for i in fast.issues if i.kind != "syntax"] == [
        (i.kind, i.span) for i in pure.issues if i.kind != "syntax"
    ]
    assert any(i.kind == "syntax" for i in fast.issues) == any(
        i.kind == "syntax" for i in pure.issues
    )


def test_yaml_12_semantics():
    data = yamlio.parse(TRAPS["yaml-1.2-scalars"].decode()).data
    assert data == {
        "a": "no",
        "b": "on",
        "c": 755,
        "d": 15,
        "e": 1000,
        "f": 1.1,
        "g": float("inf"),
        "h": None,
        "i": "2021-09-09",
        "j": "2021-9-9",
        "k": "12:30:00",
        "l": "yes",
        "m": "0123",
        "n": True,
    }


def _instances() -> list[tuple[str, str, object]]:
    out = []
    for name, text in TEXTS:
        parsed = yamlio.parse(text)
        if isinstance(parsed.data, dict):
            kind = (
                "dialogue"
                if name == "dialogue.yaml"
                else "organizations"
                if name == "organizations.yaml"
                else "initiative"
            )
            out.append((name, kind, parsed.data))
    base = yamlio.parse(
        (REAL_PLAN / "initiatives/08-digital-cooperation-privacy-rules.yaml").read_text()
    ).data
    assert isinstance(base, dict)
    mutations = {
        "bad-status": {"status": "finished"},
        "bad-date": {"announced": "2021-02-30"},
        "partial-in-full": {"announced": "2021-02"},
        "int-title": {"title": {"es": 1, "en": "x"}},
        "extra-key": {"statsu": "x"},
        "x-key": {"x-anything": [1, {"a": None}]},
        "bad-url": {"sources": [{"id": "a", "title": "t", "publisher": "p", "url": "ftp://x"}]},
        "bad-partial": {
            "sources": [{"id": "a", "title": "t", "publisher": "p", "date": "2021-13"}]
        },
        "leap-day": {"announced": "2024-02-29"},
        "not-leap": {"announced": "2023-02-29"},
        "no-sources": {
            "milestones": [{"id": "m", "title": {"es": "a", "en": "b"}, "status": "planned"}]
        },
        "illustrative": {
            "milestones": [
                {
                    "id": "m",
                    "title": {"es": "a", "en": "b"},
                    "status": "planned",
                    "illustrative": True,
                }
            ]
        },
    }
    for name, change in mutations.items():
        out.append((name, "initiative", {**base, **change}))
    return out


INSTANCES = _instances()


@pytest.mark.parametrize(("name", "kind", "data"), INSTANCES, ids=[i[0] for i in INSTANCES])
def test_fast_validator_agrees_with_jsonschema(name, kind, data):
    fast = fast_validator(kind)
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    precise = not any(True for _ in validator(kind).iter_errors(data))
    assert fast.is_valid(data) is precise


def _precise_span(pos, parts, *, key=False):
    """``Document.span`` over the precise tables (what a second, positional parse gave)."""
    if key and parts in pos.keys:
        return pos.keys[parts]
    while parts:
        if parts in pos.values:
            return pos.values[parts]
        parts = parts[:-1]
    return pos.values.get(())


def _probes(values):
    """Every path of the file, and paths that go past it (a missing key, an index too far,
    a key where a list is, a list index where a mapping is): findings point at those too."""
    out = list(values)
    for path in list(values)[:400]:
        out += [(*path, "missing"), (*path, 10_000), (*path, 0), (*path, -1), (*path, True)]
    return out


# line breaks and layouts where offsets and lines could part ways (libyaml counts CRLF once,
# and a lone CR, NEL, U+2028 and U+2029 as breaks), for the positions test only: ruamel's
# pure parser counts some of them differently (it never reads these files, libyaml does)
LAYOUTS = {
    "crlf": "id: 1\r\ntitle:\r\n  es: a\r\n  en: 'b'\r\nlist:\r\n  - x\r\n  - {a: 1}\r\n",
    "lone-cr": "id: 1\rtitle: {es: a, en: b}\rlist: [1, 2]\r",
    "line-separator": 'a: x\u2028y\nb: "p\u2029q"\nc: 1  # c\n',
    "multi-line": "a: >-\n  folded\n  text\nb: |\n  literal\n\nc: \"two\n  lines\"\nd:\ne: ''\n",
    "nested": "- a: [1, [2, {b: c}]]\n  d:\n  - - e\n    - f\n- ~\n- 'q'\n",
    "wide": "título: «ñandú» 🦜 — x\nclave: 'ü'\n",
}


@pytest.mark.parametrize(
    ("name", "text"), [*TEXTS, *LAYOUTS.items()], ids=[*(t[0] for t in TEXTS), *LAYOUTS]
)
def test_positions_from_the_one_parse_are_the_precise_ones(name, text):
    """The compact marks of the one parse give exactly the spans and styles of a second,
    positional parse: for every path, as a key and as a value, and for the whole table."""
    from deancli.plan.spans import Marks

    fast = yamlio.parse(text, marks=True)
    precise = yamlio.parse(text, positions=True)
    assert fast.data == precise.data or fast.data != fast.data  # NaN is not equal to itself
    if fast.marks is None:
        # only files with reading issues, no data, or that libyaml rejects (read by the
        # pure parser) keep no marks: they are parsed again for positions
        c_rejects = yamlio._parse_once(text, False, False).fatal
        assert fast.fatal or fast.issues or fast.data is None or c_rejects, name
        return
    found = Marks(fast.data, fast.marks, text)
    assert found.tables() == (precise.values, precise.keys, precise.styles)
    for parts in _probes(precise.values):
        assert found.value_span(parts) == _precise_span(precise, parts), parts
        assert found.value_span(parts, key=True) == _precise_span(precise, parts, key=True)
        assert found.style(parts) == precise.styles.get(parts), parts


@pytest.mark.parametrize(
    ("name", "text"), [*TEXTS, *LAYOUTS.items()], ids=[*(t[0] for t in TEXTS), *LAYOUTS]
)
def test_what_starts_on_a_line_from_the_one_parse(name, text):
    """What a suppression comment covers (the outermost key or list item starting on a line)
    is the same from the marks as from the full tables, on every line of every file."""
    from deancli.check.suppress import nodes_by_line
    from deancli.plan.loader import Document
    from deancli.plan.spans import Marks, line_starts

    fast = yamlio.parse(text, marks=True)
    if fast.marks is None:
        return
    doc = Document(REAL_PLAN, name, name, "initiative", fast.data)
    doc.text = text
    doc._positions = yamlio.parse(text, positions=True)
    every = set(range(1, len(line_starts(text)) + 2))
    assert Marks(fast.data, fast.marks, text).starting_on(every) == nodes_by_line(doc)


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\r\nb", "a\rb\r", "a\u2028b\u2029\x85c\n\n"])
def test_line_starts_count_lines_as_libyaml(text):
    import re

    from deancli.plan.spans import line_starts

    breaks = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
    assert line_starts(text) == [0, *(m.end() for m in breaks.finditer(text))]
    assert line_starts(text + "\x0c") == [0, *(m.end() for m in breaks.finditer(text + "\x0c"))]


@pytest.mark.parametrize(("name", "kind", "data"), INSTANCES, ids=[i[0] for i in INSTANCES])
def test_schema_findings_walking_only_the_keys_with_errors(name, kind, data):
    """python-jsonschema walking only the top-level keys jsonschema-rs found errors under
    gives the diagnostics of the whole walk: same findings, messages, hints, paths, order."""
    from deancli.plan.loader import Document, parse_document
    from deancli.plan.schema import check_document

    if fast_validator(kind) is None:
        pytest.skip("jsonschema-rs is not installed")
    texts = dict(TEXTS)
    doc = Document(REAL_PLAN, name, name, kind)
    if name in texts:  # a file of the corpus: with its positions
        parse_document(doc, texts[name], marks=True)
    else:
        doc.data = data
    assert check_document(doc) == check_document(doc, prune=False)


def test_pruned_walk_on_files_with_many_mistakes():
    """Every mistake of the benchmarks' error plan and the generator's, one file each and
    all in one file, with positions: the same diagnostics either way."""
    import re

    from deancli.plan.loader import Document, parse_document
    from deancli.plan.schema import check_document

    if fast_validator("initiative") is None:
        pytest.skip("jsonschema-rs is not installed")
    base = (REAL_PLAN / "initiatives/03-border-conditions.yaml").read_text(encoding="utf-8")
    mistakes = [
        ("\nstatus_as_of:", "\nstatus_asof:"),
        ("\nannounced: 20", "\nannounced: 2021-02-30\nx-announced: 20"),
        ("\nstatus: active", "\nstatus: activ"),
        ("\nid: 3", "\nid: '3'"),
        ("\npillar: 1", "\npillar: 9"),
        ("    kind: ", "    kind: nope\n    x-kind: "),
        ("\nleads:\n  mx: []", "\nleads:\n  mx: [1]"),
        ("\nschema_version: 1", "\nschema_version: 2"),
        ("\nslug: border-conditions", ""),
    ]
    variants = [base.replace(a, b, 1) for a, b in mistakes]
    every = base
    for a, b in mistakes:
        every = every.replace(a, b, 1)
    found = 0
    for text in [*variants, every, re.sub(r"\n  - id: ", "\n  - idd: ", base)]:
        doc = Document(REAL_PLAN, "x.yaml", "x.yaml", "initiative")
        parse_document(doc, text, marks=True)
        assert check_document(doc) == check_document(doc, prune=False)
        found += len(check_document(doc))
    assert found > len(mistakes)


CONFIGS = [
    {},
    {"plan": "plan", "lang": "es"},
    {"lang": "fr"},
    {"lang": 1},
    {"plan": 3},
    {"rules": {"DEAN211": "off", "stale-evidence": "info"}},
    {"rules": {"DEAN211": "loud"}},
    {"rules": {"DEAN211": 1}},
    {"rules": "all"},
    {"stale-evidence": {"months": 12}},
    {"stale-evidence": {"months": 0}},
    {"stale-evidence": {"months": "12"}},
    {"stale-evidence": {"weeks": 3}},
    {"dialogue-meetings": {"months": 6}},
    {"dialogue-meetings": {"months": -1}},
    {"overrides": [{"files": ["initiatives/0*.yaml"], "rules": {"DEAN211": "off"}}]},
    {"overrides": [{"files": "x", "rules": {}}]},
    {"overrides": [{"rules": {"DEAN211": "off"}}]},
    {"overrides": {"files": []}},
    {"unknown": 1},
    {"plan": "p", "extra": {"a": 1}},
]


@pytest.mark.parametrize("config", CONFIGS, ids=[str(i) for i in range(len(CONFIGS))])
def test_config_fast_check_agrees_with_jsonschema(config):
    """jsonschema-rs says a configuration is valid exactly when python-jsonschema finds no
    error (so a valid one needs no python-jsonschema at all)."""
    import json

    import jsonschema

    from deancli.base.resources import schemas_dir
    from deancli.plan.config import _fast_valid

    schema = json.loads((schemas_dir() / "config.schema.json").read_text(encoding="utf-8"))
    precise = not any(True for _ in jsonschema.Draft202012Validator(schema).iter_errors(config))
    assert _fast_valid(schema, config) is precise


def test_real_config_is_valid_without_python_jsonschema():
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from deancli.plan.config import load_config\n"
        "c = load_config(Path(sys.argv[1]), 'dean.toml')\n"
        "assert not c.diagnostics and c.stale_months == 12, c.diagnostics\n"
        "assert 'jsonschema' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code, str(REAL_PLAN / "dean.toml")], check=True)
