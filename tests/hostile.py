"""A corpus of hostile plan files: every class of input dean must survive.

Each entry: name → (bytes, the diagnostic code dean must report). Entries that need the
filesystem (links, FIFOs, directories, large files) are made by :func:`materialise`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

OK_HEAD = "schema_version: 1\nid: 20\nslug: x\npillar: 1\n"


def _bomb() -> bytes:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


CORPUS: dict[str, tuple[bytes, str]] = {
    "billion-laughs": (_bomb(), "DEAN005"),
    "deep-flow": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "DEAN008"),
    "deep-block": ("".join("  " * i + f"k{i}:\n" for i in range(200)).encode(), "DEAN008"),
    "yaml-1.1": (b"%YAML 1.1\n---\nstatus: no\n", "DEAN007"),
    "yaml-1.3": (b"%YAML 1.3\n---\na: 1\n", "DEAN007"),
    "yaml-2.0": (b"%YAML 2.0\n---\na: 1\n", "DEAN007"),
    "huge-int": (OK_HEAD.encode() + b"x-n: " + b"9" * 5000 + b"\n", "DEAN008"),
    "impossible-date": (OK_HEAD.encode() + b"announced: 2025-02-30\n", "DEAN105"),
    "year-zero": (OK_HEAD.encode() + b"announced: 0000-01-01\n", "DEAN105"),
    "tab-before-comment": (OK_HEAD.encode() + b"status: active\t# c\n", "DEAN102"),
    "tab-indent": (b"a:\n\tb: 1\n", "DEAN001"),
    "utf16": ("id: 20\n".encode("utf-16"), "DEAN003"),
    "latin1": (OK_HEAD.encode() + "x-name: café\n".encode("latin-1"), "DEAN003"),
    "nul-byte": (b"id: 20\x00\n", "DEAN003"),
    "raw-esc": (b"id: 20\nslug: \x1b[2J\n", "DEAN003"),
    "raw-c1": ("id: 20\nslug: \x9b2J\n".encode(), "DEAN003"),
    "raw-del": (b"id: 20\nslug: a\x7fb\n", "DEAN003"),
    "nel": ("id: 20\nslug: a\x85b\n".encode(), "DEAN003"),
    "escaped-esc": (OK_HEAD.encode() + b'x-t: "\\e[31mred\\e]0;title\\a"\n', "DEAN011"),
    "escaped-surrogate": (OK_HEAD.encode() + b'x-t: "\\ud800"\n', "DEAN001"),
    "bidi-override": (OK_HEAD.encode() + "x-t: abc\u202edef\n".encode(), "DEAN011"),
    "zero-width-key": ("ti\u200btle: x\n".encode(), "DEAN011"),
    "bom-inside": ("\ufeffid: 20\n\ufeffslug: x\n".encode(), "DEAN011"),
    "python-tag": (b"id: !!python/object/apply:os.system ['echo pwned']\n", "DEAN006"),
    "custom-tag": (OK_HEAD.encode() + b"status: !done active\n", "DEAN006"),
    "str-tag": (OK_HEAD.encode() + b"x-v: !!str 0123\n", "DEAN006"),
    "complex-key": (b"? [a, {b: c}]\n: 1\n", "DEAN014"),
    "merge-keys": (b"base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n", "DEAN005"),
    "two-documents": (b"a: 1\n---\nb: 2\n", "DEAN010"),
    "empty": (b"", "DEAN009"),
    "only-comment": (b"# nothing\n", "DEAN009"),
    "scalar-top": (b"just text\n", "DEAN009"),
    "list-top": (b"- 1\n- 2\n", "DEAN009"),
    "duplicate-keys": (OK_HEAD.encode() + b"id: 21\n", "DEAN002"),
    "true-key-vs-1": (b"1: a\ntrue: b\n", "DEAN101"),
    "rich-markup": (
        OK_HEAD.encode() + b'x-t: "[bold red]x[/] [link=https://e.x]y[/link]"\n',
        "DEAN102",
    ),
    "workflow-command": (
        OK_HEAD.encode() + b'x-t: "::error file=a,line=1::forged%0A##[warning]x"\n',
        "DEAN102",
    ),
    "undefined-alias": (b"a: *nothing\n", "DEAN005"),
    "unclosed-quote": (b'a: "abc\nb: 1\n', "DEAN001"),
    "wide-flow": (("{" + ",".join(f"k{i}: {i}" for i in range(3000)) + "}\n").encode(), "DEAN101"),
}

SPECIAL = ("too-large", "fifo", "directory", "link-out", "link-dev-zero", "broken-link")


def materialise(name: str, target: Path, outside: Path) -> str:
    """Create the hostile entry ``name`` at ``target``; return the code dean must report."""
    if name in CORPUS:
        data, code = CORPUS[name]
        target.write_bytes(data)
        return code
    if name == "too-large":
        target.write_bytes(b"x: " + b"a" * (300 * 1024) + b"\n")
        return "DEAN008"
    if name == "fifo":
        if not hasattr(os, "mkfifo"):  # Windows has no named pipes in the file system
            import pytest

            pytest.skip("no FIFOs on this system")
        os.mkfifo(target)
        return "DEAN012"
    if name == "directory":
        target.mkdir()
        return "DEAN012"
    if name == "link-out":
        secret = outside / "secret.yaml"
        secret.write_text("password: hunter2\n")
        os.symlink(secret, target)
        return "DEAN012"
    if name == "link-dev-zero":
        os.symlink("/dev/zero", target)
        return "DEAN012"
    if name == "broken-link":
        os.symlink(outside / "missing.yaml", target)
        return "DEAN012"
    raise KeyError(name)


# ---------------------------------------------------------------- forged workflow commands

# what a pull request could write to make a CI log obey it (GitHub Actions workflow
# commands, V2 and legacy forms, a forged stop of command processing, an escaped newline)
FORGED = "::error file=x::forged ##[error]forged ::stop-commands::pwn %0A::warning::forged"
# the same with control and invisible characters, written as YAML double-quoted escapes
FORGED_ESCAPED = FORGED + r" \e[31mred\e]0;title\a \u202eRTL \r::error::cr \x85nel"
FORGED_FILE = "08-digital-cooperation-privacy-rules\n::error file=x::forged ##[error]forged.yaml"
CONTROL_FILE = "12-hostile-\x1b[2J\u202e::warning::forged\x07.yaml"
_FREE_TEXT = re.compile(r"^(\s*(?:- )?(?:es|en|note|title|publisher|name): )(?![>|{\[])(.+)$", re.M)


def _quoted(value: str) -> str:
    if value[:1] in "\"'":
        value = value[1:-1]
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + " " + FORGED + '"'


def forge_plan(plan: Path) -> None:
    """Put forged workflow commands into every free-text field of every plan file (plain and
    block scalars, comments, an extension key, milestone titles), into a file name (with a
    newline that splits diff headers), and add an initiative whose every key and value
    carries forged commands and escaped control characters (a file name with control
    characters too). The result still loads: views and edits show the forged text."""
    files = [plan / "dialogue.yaml", plan / "organizations.yaml"]
    files += sorted((plan / "initiatives").glob("*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = _FREE_TEXT.sub(lambda m: m.group(1) + _quoted(m.group(2)), text)
        text = text.replace("\nschema_version: 1\n", f"\n# {FORGED}\nschema_version: 1\n", 1)
        path.write_text(text, encoding="utf-8")
    eight = plan / "initiatives" / "08-digital-cooperation-privacy-rules.yaml"
    text = eight.read_text(encoding="utf-8")
    text = text.replace(
        "\nid: 8\n", f'\n"x-{FORGED}": "{FORGED}"\nid: 8\n', 1
    )  # out of the canonical key order: `dean fmt --diff` shows it
    text = text.replace("\nstatus: active\n", f"\n# {FORGED}\nstatus: active\n", 1)
    text = text.replace(
        "\nnotes:\n", "\nx-block: |\n  ::error file=x::forged\n  ##[error]forged\nnotes:\n", 1
    )
    eight.write_text(text, encoding="utf-8")
    eight.rename(plan / "initiatives" / FORGED_FILE)
    q = f'"{FORGED_ESCAPED}"'
    (plan / "initiatives" / CONTROL_FILE).write_text(
        "schema_version: 1\n"
        "id: 12\n"
        f"slug: {q}\n"
        "pillar: 3\n"
        f"title:\n  es: {q}\n  en: |\n    ::error file=x::forged\n    ##[error]forged\n"
        f"status: {q}\n"
        f"leads:\n  mx: [{q}]\n  us: [{q}]\n"
        f"{q}: {q}\n"
        f"milestones:\n  - id: {q}\n    title: {{es: {q}, en: {q}}}\n    status: {q}\n"
        f"    {q}: x\n",
        encoding="utf-8",
    )
