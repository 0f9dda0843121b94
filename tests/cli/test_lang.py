"""One language per run, chosen the same way by every command: --lang (any case, anywhere on
the line), then $DEAN_LANG, then the lang setting of dean.toml, then LC_ALL, LC_MESSAGES,
LANG, then English. Help, usage errors and Click's own words follow it."""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, GOLDEN

NO_LOCALE = {"LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "DEAN_LANG": None}
SPANISH = "Estado del plan al 28 nov 2026"
ENGLISH = "Plan status as of 2026-11-28"


def first_line(dean, *args: str, env: dict[str, str | None]) -> str:
    result = dean("status", "--as-of", AS_OF, "--no-pager", *args, env={**NO_LOCALE, **env})
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()[0].rstrip()


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, ENGLISH),
        ([], {"LANG": "es_MX.UTF-8"}, SPANISH),
        ([], {"LANG": "es_MX.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, ENGLISH),
        ([], {"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, SPANISH),
        ([], {"LC_MESSAGES": "es_MX.UTF-8", "LC_ALL": "C.UTF-8"}, ENGLISH),
        ([], {"LANG": "en_US.UTF-8", "DEAN_LANG": "es"}, SPANISH),
        ([], {"LANG": "es_MX.UTF-8", "DEAN_LANG": "EN"}, ENGLISH),
        ([], {"LANG": "es_MX.UTF-8", "DEAN_LANG": "klingon"}, SPANISH),
        (["--lang", "ES"], {"DEAN_LANG": "en"}, SPANISH),
        (["--lang", "En"], {"LANG": "es_MX.UTF-8", "DEAN_LANG": "es"}, ENGLISH),
        (["--lang=es"], {}, SPANISH),
    ],
)
def test_the_language_is_chosen_in_order(dean, in_repo, args, env, expected):
    assert first_line(dean, *args, env=env) == expected


def test_the_setting_comes_after_dean_lang_and_before_the_locale(dean, plan_copy, tmp_path):
    (tmp_path / "dean.toml").write_text('lang = "ES"\n', encoding="utf-8")
    assert first_line(dean, env={"LANG": "en_US.UTF-8"}) == SPANISH
    assert first_line(dean, env={"LANG": "es_MX.UTF-8", "DEAN_LANG": "en"}) == ENGLISH
    assert first_line(dean, "--lang", "en", env={}) == ENGLISH


def test_an_unknown_language_is_a_usage_error_in_the_chosen_language(dean, in_repo):
    result = dean("status", "--lang", "fr", env={"LANG": "es_MX.UTF-8"})
    assert result.exit_code == 2
    assert result.stderr == (
        "Uso: dean status [OPCIONES]\n"
        "Pruebe 'dean status -h' para ver la ayuda.\n\n"
        "Error: Valor no válido para '--lang': 'fr' no es uno de 'es', 'en'.\n"
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["validate", "--nope"], "No existe la opción: --nope"),
        (["show"], "Falta el argumento 'ID'."),
        (["validate", "--output"], "La opción '--output' requiere un argumento."),
        (["validate", "--strict=yes"], "La opción '--strict' no admite un valor."),
        (["status", "extra"], "Se recibieron argumentos de más (extra)"),
        (["statu"], "No existe el comando 'statu'. ¿Quiso decir 'status'?"),
        (["status", "--as-of", "2024-13-01"], "Valor no válido: '2024-13-01' no es una fecha"),
        (["show", "99"], "error: no hay iniciativa '99'; iniciativas: "),
        (["status", "--pillar", "9"], "error: pilar desconocido '9'; pilares válidos: "),
    ],
)
def test_usage_errors_in_spanish(dean, in_repo, args, error):
    result = dean(*args, env={"LANG": "es_MX.UTF-8", "COLUMNS": "80"})
    assert result.exit_code == 2
    assert error in result.stderr, result.stderr
    for english in ("Usage", "Error: No such", "Missing", "Invalid value", "Try '", "unknown"):
        assert english not in result.stderr


def test_help_follows_the_language_of_the_run(dean):
    by_env = dean("status", "--help", env={"DEAN_LANG": "es"}).stdout
    by_option = dean("status", "--lang", "es", "--help").stdout
    assert by_env == by_option
    assert by_env.startswith("Uso: dean status [OPCIONES]")
    assert "Opciones:" in by_env and "Mostrar este mensaje y salir." in by_env
    assert dean("status", "--help", env={"LANG": "es_MX.UTF-8", "DEAN_LANG": "en"}).stdout == (
        dean("status", "--help").stdout
    )


def test_every_command_that_prints_text_takes_lang(dean):
    for command in ("validate", "status", "show", "timeline", "report", "diff", "history"):
        assert "--lang" in dean(command, "--help").stdout, command


def test_explain_in_spanish(dean):
    result = dean("explain", "DEAN207", env={"LANG": "es_MX.UTF-8"})
    assert result.stdout.startswith(
        "DEAN207 unknown-source (error)\n\nUn id de fuente citado (`sources`, `status_sources`,"
    )
    assert "Configúrela en dean.toml (o en [tool.dean] de pyproject.toml):" in result.stdout
    listing = dean("explain", env={"LANG": "es_MX.UTF-8"}).stdout.splitlines()
    assert (
        "DEAN211  missing-lead           advertencia no se conoce organización responsable de "
        "una de las partes"
    ) in listing


def test_explain_says_when_a_rule_is_documented_only_in_english(monkeypatch):
    from deancli.check import codes

    real = codes.documentation
    monkeypatch.setattr(
        codes, "documentation", lambda name="rules.md": {} if name.endswith(".es.md") else real()
    )
    text = codes.help_text("DEAN207", "es")
    assert text.startswith(
        "Un id de fuente citado que no está definido.\n\n"
        "(Esta documentación existe solo en inglés.)\n\n"
        "A cited source id"
    )
    assert codes.help_text("DEAN207", "en") == real()["DEAN207"]


# ------------------------------------------------------------------------- Spanish goldens


def _width(path: Path, lines: list[str]) -> int:
    """The width a golden was made at: ``.80.`` or ``.120.`` in its name, else its widest line."""
    for width in (60, 80, 100, 120):
        if f".{width}." in path.name:
            return width
    return max((len(line.rstrip()) for line in lines), default=0)


@functools.cache
def _vocabulary() -> frozenset[str]:
    """The words dean's Spanish is made of: the catalogue's and the plan's."""
    from tests.conftest import REAL_PLAN, REPO

    text = (REPO / "deancli/locale/es/LC_MESSAGES/dean.po").read_text(encoding="utf-8")
    text += "".join(p.read_text(encoding="utf-8") for p in REAL_PLAN.rglob("*.yaml"))
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))


def _wrapped_mid_word(lines: list[str], width: int) -> list[str]:
    """Lines that dean cut inside a word: filled to the last column, ending in letters that
    the next line goes on with, into a word of dean's Spanish (a URL or a path folded at the
    width is no word; two words wrapped between them do not make one)."""
    out = []
    for a, b in itertools.pairwise(lines):
        tail = a.rstrip().rsplit(" ", 1)[-1]
        head = b.lstrip().split(" ", 1)[0].rstrip(".,;:)")
        if len(a.rstrip()) < width or not (tail.isalpha() and head.isalpha()):
            continue
        if (tail + head).lower() in _vocabulary():
            out.append(f"{a!r} / {b!r}")
    return out


SPANISH_GOLDENS = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and ".es." in p.name)


def test_there_are_spanish_goldens():
    names = {p.relative_to(GOLDEN).as_posix() for p in SPANISH_GOLDENS}
    assert {
        "validate-errors.full.es.80.txt",
        "validate-errors.concise.es.80.txt",
        "diff.es.80.txt",
        "new-prompts.es.80.txt",
        "help/dean.es.80.txt",
        "help/validate.es.80.txt",
    } <= names


@pytest.mark.parametrize("path", SPANISH_GOLDENS, ids=lambda p: p.name)
def test_no_spanish_line_in_a_golden_wraps_mid_word(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert _wrapped_mid_word(lines, _width(path, lines)) == []


def test_the_mid_word_check_can_fail():
    assert _wrapped_mid_word(["x" * 73 + " inform", "ación del plan"], 80) != []
    assert _wrapped_mid_word(["x" * 70 + " inform", "ación del plan"], 80) == []
    assert _wrapped_mid_word(["x" * 73 + " del", "plan"], 80) == []
    assert (
        _wrapped_mid_word(["https://example.org/a-very-long-" + "x" * 48, "tail-of/url"], 80) == []
    )


def test_the_job_summary_and_annotations_in_spanish(dean, plan_copy, tmp_path):
    for path in (plan_copy / "initiatives").glob("*.yaml"):  # the 12 missing leads show
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  # dean: ignore[missing-lead] --", "  #"), encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {"LANG": "es_MX.UTF-8", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = dean("validate", "--as-of", AS_OF, env=env)
    assert result.exit_code == 0
    text = summary.read_text(encoding="utf-8")
    assert "✅ **Aprobado**: 0 errores, 12 advertencias en 8 de 13 archivos" in text
    assert "| Pilar | Archivos | Errores | Advertencias | Resultado |" in text
    assert "| I: Reconstruir juntos | 4 | 0 |" in text
    assert "| Diálogo y organizaciones | 2 | 0 | 0 | ✅ |" in text
    assert "<details><summary>Advertencias (12)</summary>" in text
    assert "title=dean DEAN211 missing-lead::la iniciativa 2 no tiene dependencia" in result.stdout
    assert result.stdout.rstrip().endswith("dean: 0 errores, 12 advertencias en 8 de 13 archivos")


@pytest.mark.parametrize("args", [[], ["milestone"]])
def test_a_group_without_a_command_shows_its_help(dean, args):
    for env, start in (({}, "Usage: dean"), ({"LANG": "es_MX.UTF-8"}, "Uso: dean")):
        result = dean(*args, env=env)
        assert result.exit_code == 2
        assert result.stderr.startswith(start)
        assert "Error:" not in result.stderr
