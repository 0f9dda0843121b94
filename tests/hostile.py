"""A corpus of hostile plan files: every class of input dean must survive.

Each entry: name → (bytes, the diagnostic code dean must report). Entries that need the
filesystem (links, FIFOs, directories, large files) are made by :func:`materialise`.
"""

from __future__ import annotations

import os
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
