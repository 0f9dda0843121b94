"""dean's configuration: ``[tool.dean]`` in ``pyproject.toml`` or a ``dean.toml``.

Found by walking up from the plan directory (the plan's own ``dean.toml`` first), like ruff
and black; ``--config FILE`` chooses one and ``--isolated`` ignores them all. The file is
checked against ``schemas/config.schema.json``; a mistake is a finding (DEAN020) at the
file's line and column like any other, and dean goes on with the settings that are valid.

Settings (all optional)::

    plan = "plan"                 # the plan directory, relative to this file
    lang = "es"                   # default language of views
    [rules]                       # severity by code or name: error, warning, info, off
    missing-lead = "info"
    [stale-evidence]
    months = 12                   # evidence older than this makes a current status stale
    [dialogue-meetings]
    months = 12                   # no meeting recorded within this period
    [[overrides]]                 # per-path severities; globs over plan-relative paths
    files = ["initiatives/05-*.yaml"]
    rules = { missing-lead = "off" }

In ``pyproject.toml`` the same keys live under ``[tool.dean]``.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deancli.base.diagnostics import Diagnostic, Location, Severity, Span
from deancli.base.i18n import M, english_only

CONFIG_FILE = "dean.toml"
PYPROJECT = "pyproject.toml"
SEVERITIES = ("error", "warning", "info", "off")
INVALID_CONFIG = ("DEAN020", "invalid-config", Severity.ERROR, "a mistake in dean's configuration")
MAX_CONFIG_BYTES = 256 * 1024


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    rules: dict[str, str]


@dataclass
class Config:
    """The settings in force; defaults when no file was found."""

    path: Path | None = None
    display: str | None = None
    plan: Path | None = None
    lang: str | None = None
    rules: dict[str, str] = field(default_factory=dict)  # code or name -> severity
    overrides: list[Override] = field(default_factory=list)
    stale_months: int = 12
    meeting_months: int = 12
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # (code or name as written, (line, column)) of every rule key, for unknown-rule findings
    rule_keys: list[tuple[str, tuple[int | None, int | None]]] = field(default_factory=list)

    def severity_for(self, code: str, name: str, rel_path: str) -> str | None:
        """The configured severity of a finding (None: as the rule says). The last override
        whose globs match the file wins over the global setting."""
        chosen = self.rules.get(code) or self.rules.get(name)
        for o in self.overrides:
            if any(fnmatch.fnmatchcase(rel_path, g) for g in o.files):
                chosen = o.rules.get(code) or o.rules.get(name) or chosen
        return chosen


def find_config(start: Path) -> Path | None:
    """The nearest dean.toml, or pyproject.toml with a [tool.dean] table, from ``start`` up."""
    here = start.absolute()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _has_tool_dean(candidate):
            return candidate
    return None


def _quick(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("dean", {})
    return data


def quick_setting(path: Path, key: str) -> str | None:
    """One text setting (``plan``, ``lang``) read without validating the file: what every
    command needs before it starts; `dean validate` reports any mistake in the file."""
    value = _quick(path).get(key)
    return value if isinstance(value, str) and value else None


def quick_months(path: Path | None, table: str, default: int = 12) -> int:
    """A ``months`` threshold read without validating the file (views need no more)."""
    if path is None:
        return default
    value = _quick(path).get(table, {})
    months = value.get("months") if isinstance(value, dict) else None
    return (
        months
        if isinstance(months, int) and not isinstance(months, bool) and months > 0
        else default
    )


def _has_tool_dean(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*dean\s*[.\]]", text, re.M) is not None


def load_config(path: Path, display: str) -> Config:
    """Read and check one configuration file; problems become DEAN020 findings."""
    import tomllib

    config = Config(path=path, display=display)
    try:
        raw = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
        if len(raw) > MAX_CONFIG_BYTES:
            raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024} KiB")
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        line, col = _toml_error_position(exc)
        config.diagnostics.append(
            _diag(
                display,
                M("cannot read the configuration: {reason}", reason=english_only(str(exc))),
                line,
                col,
            )
        )
        return config
    prefix: tuple[str | int, ...] = ()
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("dean", {})
        prefix = ("tool", "dean")
    locate = TomlLocator(text)
    valid = _valid_parts(data, prefix, locate, config)
    if "plan" in valid and isinstance(data.get("plan"), str):
        config.plan = (path.parent / data["plan"]).absolute()
    if "lang" in valid:
        config.lang = str(data["lang"]).lower()
    if isinstance(data.get("rules"), dict):  # the valid entries, even beside a wrong one
        config.rules = _rules(data["rules"], (*prefix, "rules"), locate, config)
    if "stale-evidence" in valid:
        config.stale_months = int(data["stale-evidence"].get("months", config.stale_months))
    if "dialogue-meetings" in valid:
        config.meeting_months = int(data["dialogue-meetings"].get("months", config.meeting_months))
    if "overrides" in valid:
        for i, o in enumerate(data.get("overrides", [])):
            rules = _rules(o.get("rules", {}), (*prefix, "overrides", i, "rules"), locate, config)
            config.overrides.append(Override(tuple(o.get("files", [])), rules))
    return config


def _valid_parts(
    data: dict[str, Any], prefix: tuple[str | int, ...], locate: TomlLocator, config: Config
) -> set[str]:
    """Check ``data`` against the published schema; the top-level keys without errors."""
    import json

    from deancli.base.resources import schemas_dir

    with open(schemas_dir() / "config.schema.json", encoding="utf-8") as fh:
        schema = json.load(fh)
    if _fast_valid(schema, data):  # no finding: python-jsonschema is not even imported
        return set(data)
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    bad: set[str] = set()
    seen: set[tuple[str | int, ...]] = set()
    # one finding per place: a wrong type says more than the enum it also fails
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (list(map(str, e.path)), e.validator != "type"),
    )
    for err in errors:
        parts = (*prefix, *err.path)
        if err.validator != "additionalProperties":
            if parts in seen:
                continue
            seen.add(parts)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            for key in extra:
                line, col = locate.key((*parts, key))
                config.diagnostics.append(
                    _diag(
                        config.display or "",
                        M("unknown setting `{key}`", key=key),
                        line,
                        col,
                        hint=M(
                            "the settings are plan, lang, rules, stale-evidence, "
                            "dialogue-meetings and overrides (dean explain DEAN020)"
                        ),
                    )
                )
        else:
            line, col = locate.key(parts)
            config.diagnostics.append(
                _diag(config.display or "", _message(err), line, col, hint=_hint(err))
            )
        if err.path:
            bad.add(str(err.path[0]))
    return {k for k in data if k not in bad}


def _fast_valid(schema: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether jsonschema-rs finds ``data`` valid (False when it is not installed). Its
    answer agrees with python-jsonschema's (tests/unit/test_fast_path.py), which, imported
    only for an invalid configuration, gives the findings."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - depends on the platform's wheels
        return False
    valid: bool = jsonschema_rs.validator_for(schema, validate_formats=False).is_valid(data)
    return valid


def _message(err: Any) -> str:
    where = ".".join(str(p) for p in err.path) or M("the configuration")
    if err.validator == "enum":
        return M(
            "`{where}` must be one of {values}",
            where=where,
            values=", ".join(map(str, err.validator_value)),
        )
    if err.validator == "type":
        return M("`{where}` must be {type}", where=where, type=err.validator_value)
    if err.validator in ("minimum", "maximum"):
        return M(
            "`{where}` is out of range ({limit} {value})",
            where=where,
            limit=err.validator,
            value=err.validator_value,
        )
    return M("`{where}`: {detail}", where=where, detail=english_only(err.message))


def _hint(err: Any) -> str | None:
    if err.validator == "enum" and list(err.validator_value) == list(SEVERITIES):
        return M("use error, warning, info or off")
    return None


def _rules(
    rules: dict[str, Any], parts: tuple[str | int, ...], locate: TomlLocator, config: Config
) -> dict[str, str]:
    """Severities by code or name, as written; where each key stands is kept, so that the
    checker (which knows the codes) can report an unknown one at its line."""
    out = {}
    for key, value in rules.items():
        if isinstance(value, str) and value in SEVERITIES:
            out[key] = value
            config.rule_keys.append((key, locate.key((*parts, key))))
    return out


def unknown_rule(
    config: Config, key: str, where: tuple[int | None, int | None], guess: str | None
) -> Diagnostic:
    hint = (
        M("did you mean `{guess}`?", guess=guess)
        if guess
        else M("`dean explain` lists every code and name")
    )
    return _diag(config.display or "", M("unknown rule `{key}`", key=key), *where, hint=hint)


def _diag(
    path: str, message: str, line: int | None, col: int | None, hint: str | None = None
) -> Diagnostic:
    code, name, severity, _ = INVALID_CONFIG
    span = Span(line, col or 1) if line is not None else None
    return Diagnostic(code, name, severity, message, Location.at(path, span), None, hint)


def _toml_error_position(exc: Exception) -> tuple[int | None, int | None]:
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


class TomlLocator:
    """Line and column (1-based) of a key in TOML text, for messages about configuration.
    Understands the layouts people write: ``[table]`` and ``[[array]]`` headers, ``key =``
    lines (bare or quoted keys) and inline tables on one line."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"""^(\s*)("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def key(self, parts: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        table: tuple[str | int, ...] = ()
        arrays: dict[tuple[str, ...], int] = {}
        best: tuple[int | None, int | None] = (None, None)
        for n, line in enumerate(self.lines, start=1):
            header = self._HEADER.match(line)
            if header:
                names = tuple(p.strip().strip("\"'") for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    arrays[names] = arrays.get(names, -1) + 1
                    table = (*names, arrays[names])
                else:
                    table = names
                if table == parts:
                    return n, line.index("[") + 1
                continue
            m = self._KEY.match(line)
            if not m:
                continue
            key = m.group(2).strip("\"'")
            full = (*table, key)
            if full == parts:
                return n, len(m.group(1)) + 1
            if parts[: len(full)] == full and len(parts) == len(full) + 1:
                # a key inside an inline table on this line: `rules = { missing-lead = "off" }`
                inner = re.search(rf"""[{{,]\s*["']?{re.escape(str(parts[-1]))}["']?\s*=""", line)
                if inner:
                    return n, inner.start() + 1 + len(inner.group(0)) - len(
                        inner.group(0).lstrip("{, ")
                    )
                best = (n, len(m.group(1)) + 1)
            elif parts[: len(full)] == full:
                best = (n, len(m.group(1)) + 1)
            elif table and parts[: len(table)] == table and best == (None, None):
                best = (n, 1)
        return best
