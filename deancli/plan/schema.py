"""The only module that imports jsonschema: load the schemas, validate a document, and turn
each ValidationError into a Diagnostic at the right line and column."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from deancli.base import resources
from deancli.base.diagnostics import Diagnostic, Location, Severity, json_path
from deancli.base.i18n import M, english_only, nM
from deancli.base.suggest import closest
from deancli.plan.loader import Document

SCHEMA_FILES = {
    "dialogue": "dialogue.schema.json",
    "organizations": "organizations.schema.json",
    "initiative": "initiative.schema.json",
}

# (code, name) for schema findings; all are errors
SCHEMA_CODES: dict[str, tuple[str, str, str]] = {
    "unknown-key": ("DEAN101", "unknown-key", "a key the schema does not define"),
    "missing-key": ("DEAN102", "missing-key", "a required key is absent"),
    "wrong-type": ("DEAN103", "wrong-type", "a value of the wrong type (text, number, list...)"),
    "invalid-choice": ("DEAN104", "invalid-choice", "a value outside the allowed set"),
    "invalid-date": ("DEAN105", "invalid-date", "a date that is malformed or impossible"),
    "invalid-value": ("DEAN106", "invalid-value", "a value that breaks a constraint"),
}

MAX_UNKNOWN_KEYS = 20

_TYPE_NAMES = {
    "string": M("text"),
    "integer": M("a whole number"),
    "number": M("a number"),
    "boolean": M("true or false"),
    "object": M("a mapping"),
    "array": M("a list"),
    "null": M("nothing"),
}
_DATE_PATTERN_RE = re.compile(r"^\^\[0-9\]\{4\}")


def schema_dir() -> Path:
    return resources.schemas_dir()


@cache
def load_schema(kind: str) -> dict[str, Any]:
    path = schema_dir() / SCHEMA_FILES[kind]
    with open(path, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _is_partial_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return len(parts[0]) == 4 and int(parts[0]) > 0
        if len(parts) == 2:
            return 1 <= int(parts[1]) <= 12 and len(parts[0]) == 4 and int(parts[0]) > 0
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(parts) == 3


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@cache
def validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(_is_date)
    checker.checks("partial-date")(_is_partial_date)
    return Draft202012Validator(load_schema(kind), format_checker=checker)


def _short(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _closest(word: str, choices: list[str]) -> str | None:
    return closest(word, choices)


def _describe(schema: dict[str, Any]) -> str | None:
    desc = schema.get("description")
    title = schema.get("title")
    if desc and title:
        return english_only(f"{title}: {desc}")
    text = desc or title
    return english_only(str(text)) if text else None


@cache
def fast_validator(kind: str) -> Any:
    """jsonschema-rs (compiled, ~100x faster) when installed, else None. It only answers
    "valid or not"; every diagnostic still comes from the python-jsonschema path below, so
    the findings are the same with or without it (tests/unit/test_fast_path.py)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - depends on the platform's wheels
        return None
    return jsonschema_rs.validator_for(
        load_schema(kind),
        validate_formats=True,
        formats={"date": _is_date, "partial-date": _is_partial_date},
    )


def check_document(doc: Document, *, prune: bool = True) -> list[Diagnostic]:
    """Validate one parsed document against the schema of its kind (the findings worked out
    where the file was read, when they were: ``Document.schema_findings``). ``prune``: let
    python-jsonschema look only into the top-level keys jsonschema-rs found errors under
    (tests compare with ``prune=False`` on the whole corpus)."""
    if doc.schema_findings is not None:
        return list(doc.schema_findings)
    if not doc.ok:
        return []
    fast = fast_validator(doc.kind)
    if fast is not None and fast.is_valid(doc.data):
        return []
    precise = validator(doc.kind)
    if prune and fast is not None and isinstance(doc.data, dict):
        failing = frozenset(
            str(e.instance_path[0]) for e in fast.iter_errors(doc.data) if e.instance_path
        )
        precise = _pruned(doc.kind, failing, frozenset(doc.data))
    out: list[Diagnostic] = []
    seen: set[tuple[str, tuple[str | int, ...]]] = set()
    errors = sorted(precise.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and error.context:
            from jsonschema.exceptions import best_match

            error = best_match(error.context)
        for diag in _convert(doc, error):
            key = (diag.code, _path_key(diag.json_path))
            if key in seen:
                continue
            seen.add(key)
            out.append(diag)
    return out


_PRUNED: dict[tuple[str, frozenset[str], frozenset[str]], Any] = {}


def _pruned(kind: str, failing: frozenset[str], present: frozenset[str]) -> Any:
    """The validator of ``kind`` with a schema whose ``properties`` accept anything under
    the top-level keys that are present and valid: python-jsonschema then walks only the
    keys with errors (about 2.4 ms a file for the whole walk). The root's other keywords
    (required, additionalProperties, patternProperties) see the same names and subschemas,
    and every error keeps its schema, path and order: the diagnostics are those of the
    whole walk (tests/unit/test_fast_path.py)."""
    key = (kind, failing, present)
    found = _PRUNED.get(key)
    if found is None:
        root = load_schema(kind)
        props = root.get("properties")
        if not isinstance(props, dict):
            return validator(kind)
        schema = dict(root)
        schema["properties"] = {
            k: sub if k in failing or k not in present else True for k, sub in props.items()
        }
        found = validator(kind).evolve(schema=schema)
        if len(_PRUNED) > 256:  # a few shapes of mistake recur: keep it small
            _PRUNED.clear()
        _PRUNED[key] = found
    return found


def _path_key(jp: str | None) -> tuple[str | int, ...]:
    return (jp or "",)


def _diag(
    kind: str, doc: Document, message: str, parts: tuple[Any, ...], *, key: bool, hint: str | None
) -> Diagnostic:
    code, name, _ = SCHEMA_CODES[kind]
    span = doc.span(parts, key=key)
    return Diagnostic(
        code,
        name,
        Severity.ERROR,
        message,
        Location.at(doc.display, span),
        json_path(parts),
        hint,
    )


def _convert(doc: Document, error: Any) -> Iterator[Diagnostic]:
    parts = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    v = error.validator
    named = bool(parts and isinstance(parts[-1], str))
    where = f"`{parts[-1]}`" if named else M("value")
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        unknown = [
            k
            for k in error.instance
            if k not in allowed and not any(re.search(p, k) for p in patterns)
        ]
        if len(unknown) > MAX_UNKNOWN_KEYS:
            yield _diag(
                "unknown-key",
                doc,
                M("{n} more unknown keys in this mapping", n=len(unknown) - MAX_UNKNOWN_KEYS),
                parts,
                key=True,
                hint=M("allowed keys: {keys}", keys=", ".join(allowed)),
            )
        for k in unknown[:MAX_UNKNOWN_KEYS]:
            guess = _closest(k, allowed)
            hint = (
                M("did you mean `{guess}`?", guess=guess)
                if guess
                else M("allowed keys: {keys} (or an `x-` extension)", keys=", ".join(allowed))
            )
            yield _diag(
                "unknown-key",
                doc,
                M("unknown key `{key}`", key=_short(k)),
                (*parts, k),
                key=True,
                hint=hint,
            )
        return
    if v == "required":
        missing = re.match(r"'(.*)' is a required property", error.message)
        name = missing.group(1) if missing else str(error.validator_value)
        prop = schema.get("properties", {}).get(name, {})
        desc = _describe(prop) if isinstance(prop, dict) else None
        hint = (
            M("add `{key}:` here ({description})", key=name, description=desc)
            if desc
            else M("add `{key}:` here", key=name)
        )
        parent = parts
        yield _diag(
            "missing-key",
            doc,
            M("missing required key `{key}`", key=name),
            parent,
            key=True,
            hint=hint,
        )
        return
    if v == "type":
        expected = schema.get("type")
        names = [expected] if isinstance(expected, str) else list(expected or [])
        kinds = [_TYPE_NAMES.get(n, n) for n in names]
        want = kinds[0] if len(kinds) == 1 else M("{a} or {b}", a=kinds[0], b=kinds[1])
        found = _found(error.instance)
        yield _diag(
            "wrong-type",
            doc,
            M("{where} must be {want}, not {found}", where=where, want=want, found=found),
            parts,
            key=False,
            hint=_type_hint(doc, parts, error.instance, names) or _describe(schema),
        )
        return
    if v in ("enum", "const"):
        choices = schema.get("enum") or [schema.get("const")]
        shown = _short(error.instance)
        guess = _closest(str(error.instance), [str(c) for c in choices])
        allowed_text = ", ".join(f"`{c}`" for c in choices)
        if v == "const":
            message = M("{where} must be `{value}`", where=where, value=choices[0])
        elif named:
            message = M("`{value}` is not an allowed {key}", value=shown, key=parts[-1])
        else:
            message = M("`{value}` is not an allowed value", value=shown)
        hint = (
            M("did you mean `{guess}`? allowed: {allowed}", guess=guess, allowed=allowed_text)
            if guess
            else M("allowed: {allowed}", allowed=allowed_text)
        )
        yield _diag("invalid-choice", doc, message, parts, key=False, hint=hint)
        return
    is_date_schema = schema.get("format") in ("date", "partial-date")
    if v in ("pattern", "format") and is_date_schema:
        want = (
            M("YYYY-MM-DD")
            if schema.get("format") == "date"
            else M("{a} or {b}", a=M("{a}, {b}", a=M("YYYY-MM-DD"), b=M("YYYY-MM")), b=M("YYYY"))
        )
        if isinstance(error.instance, str) and re.fullmatch(
            r"[0-9]{4}(-[0-9]{2}){0,2}", error.instance
        ):
            message = M("`{value}` is not a real date", value=_short(error.instance))
            hint = M("check the month and day; write {form}", form=want)
        else:
            message = M(
                "`{value}` is not a date in the form {form}",
                value=_short(error.instance),
                form=want,
            )
            hint = M("write the date as {form}, e.g. 2021-12-13", form=want)
        yield _diag("invalid-date", doc, message, parts, key=False, hint=hint)
        return
    if v == "pattern":
        if named:
            message = M(
                "`{value}` is not a valid {key}", value=_short(error.instance), key=parts[-1]
            )
        else:
            message = M("`{value}` has the wrong form", value=_short(error.instance))
        yield _diag("invalid-value", doc, message, parts, key=False, hint=_describe(schema))
        return
    n = error.validator_value
    messages = {
        "minItems": nM(
            "{where} needs at least {n} item", "{where} needs at least {n} items", n, where=where
        )
        if isinstance(n, int)
        else None,
        "minLength": M("{where} must not be empty", where=where),
        "minProperties": M("{where} must not be empty", where=where),
        "uniqueItems": M("{where} lists the same item twice", where=where),
        "minimum": M("{where} must be at least {n}", where=where, n=n),
        "maximum": M("{where} must be at most {n}", where=where, n=n),
    }
    message = messages.get(v) or M(
        "{where}: {detail}", where=where, detail=english_only(_short(error.message, 80))
    )
    yield _diag("invalid-value", doc, message, parts, key=False, hint=_describe(schema))


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return M("nothing")
    if isinstance(value, int | float):
        return M("the number `{value}`", value=_short(value))
    if isinstance(value, str):
        return M("text `{value}`", value=_short(value))
    if isinstance(value, dict):
        return M("a mapping")
    if isinstance(value, list):
        return M("a list")
    return type(value).__name__


def _type_hint(doc: Document, parts: tuple[Any, ...], value: Any, wanted: list[str]) -> str | None:
    style = doc.style(parts)
    if "string" in wanted and style == "plain" and not isinstance(value, dict | list):
        raw = _raw_text(doc, parts)
        shown = raw if raw is not None else _short(value)
        return M(
            'YAML reads `{shown}` as {found}; write it in quotes: "{shown}"',
            shown=shown,
            found=_found(value),
        )
    if value is None and style == "plain":
        return M("the value is empty; write it after the colon")
    if ("integer" in wanted or "number" in wanted) and isinstance(value, str):
        return M("write the number without quotes")
    return None


def _raw_text(doc: Document, parts: tuple[Any, ...]) -> str | None:
    span = doc.span(parts)
    if span is None or span.end_line != span.line or span.end_column is None:
        return None
    lines = doc.lines()
    if span.line - 1 >= len(lines):
        return None
    return _short(lines[span.line - 1][span.column - 1 : span.end_column - 1])
