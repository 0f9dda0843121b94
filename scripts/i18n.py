"""The message catalogue's tools: extract what dean says, update the Spanish .po, compile it.

    python scripts/i18n.py update    # add new messages to the .po (empty), drop gone ones
    python scripts/i18n.py compile   # write dean.mo from dean.po (commit both)
    python scripts/i18n.py check     # exit 1 when the .po misses messages or has stale ones

Messages come from three places (docs/glossary.md says how to translate them):

* dean's code: the first arguments of ``tr``, ``ntr``, ``ptr``, ``M``, ``nM`` and ``N_``
  (deancli/base/i18n.py), found by reading the source (``ast``), and the enumeration words of
  ``i18n.marked()``;
* the command line's help: every command's help and epilog and every option's help, read
  from the Click command tree Typer builds (what ``--help`` prints);
* Click's and Typer's own messages (``Usage:``, ``No such option``...), read from their
  source: dean says them through the same catalogue (deancli/cli/_i18n.py).

The .po reader and the .mo writer are small and exact for the subset this file writes (the
tests compile the .po and compare with the committed .mo byte for byte).
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "deancli" / "locale" / "es" / "LC_MESSAGES" / "dean.po"
MO = PO.with_suffix(".mo")

HEADER = (
    "Project-Id-Version: dean\n"
    "Language: es_MX\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)

# (function name, positions of context, singular, plural) in dean's code
_MARKERS = {
    "tr": (None, 0, None),
    "M": (None, 0, None),
    "N_": (None, 0, None),
    "ntr": (None, 0, 1),
    "nM": (None, 0, 1),
    "nN_": (None, 0, 1),
    "ptr": (0, 1, None),
}
# the modules of Click and Typer whose messages people can see
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


@dataclass
class Entry:
    msgid: str
    context: str | None = None
    plural: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    where: list[str] = field(default_factory=list)
    comment: str = ""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


# ---------------------------------------------------------------- reading and writing .po


def _unquote(s: str) -> str:
    assert s.startswith('"') and s.endswith('"'), s
    out, i, body = [], 0, s[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            out.append(escapes[body[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(text: str) -> list[Entry]:
    """The entries of a .po file (the header is entry ``msgid ""``)."""
    entries: list[Entry] = []
    cur: dict[str, list[str]] = {}
    where: list[str] = []
    comment: list[str] = []
    last: str | None = None

    def flush() -> None:
        nonlocal cur, where, comment, last
        if "msgid" in cur:
            strs = sorted((k for k in cur if k.startswith("msgstr")), key=_order)
            entries.append(
                Entry(
                    "".join(cur["msgid"]),
                    "".join(cur["msgctxt"]) if "msgctxt" in cur else None,
                    "".join(cur["msgid_plural"]) if "msgid_plural" in cur else None,
                    ["".join(cur[k]) for k in strs],
                    where,
                    "\n".join(comment),
                )
            )
        cur, where, comment, last = {}, [], [], None

    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#:"):
            where += line[2:].split()
        elif line.startswith("#."):
            comment.append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert last is not None, raw
            cur[last].append(_unquote(line))
        else:
            keyword, _, rest = line.partition(" ")
            if keyword in cur:  # a new entry without a blank line between
                flush()
            last = keyword
            cur[keyword] = [_unquote(rest)]
    return entries


def _order(keyword: str) -> int:
    m = re.search(r"\[(\d+)\]", keyword)
    return int(m.group(1)) if m else 0


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    parts = body.split("\n")
    lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    if len(lines) <= 1 and len(body) < 70:
        return '"' + (lines[0] if lines else "") + '"'
    return '""\n' + "\n".join(f'"{x}"' for x in lines)


def write_po(entries: Iterable[Entry]) -> str:
    out = ['msgid ""', "msgstr " + _quote(HEADER), ""]
    for e in entries:
        if e.msgid == "":
            continue
        if e.comment:
            out += [f"#. {c}" for c in e.comment.splitlines()]
        if e.where:
            out.append("#: " + " ".join(sorted(set(e.where))))
        if e.context is not None:
            out.append("msgctxt " + _quote(e.context))
        out.append("msgid " + _quote(e.msgid))
        if e.plural is not None:
            out.append("msgid_plural " + _quote(e.plural))
            for i, s in enumerate(e.msgstr):
                out.append(f"msgstr[{i}] " + _quote(s))
        else:
            out.append("msgstr " + _quote(e.msgstr[0]))
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- compiling .mo


def compile_mo(entries: Iterable[Entry]) -> bytes:
    """GNU .mo bytes for the translated entries (and the header), sorted by id."""
    pairs: list[tuple[bytes, bytes]] = [(b"", HEADER.encode())]
    for e in entries:
        if e.msgid == "" or not all(e.msgstr):
            continue
        key = e.msgid if e.plural is None else f"{e.msgid}\0{e.plural}"
        if e.context is not None:
            key = f"{e.context}\x04{key}"
        pairs.append((key.encode(), "\0".join(e.msgstr).encode()))
    pairs.sort()
    n = len(pairs)
    ids_at, strs_at = 7 * 4, 7 * 4 + n * 8
    data_at = strs_at + n * 8
    ids = b"".join(k + b"\0" for k, _ in pairs)
    offsets_ids, offsets_strs, pos = [], [], data_at
    for k, _ in pairs:
        offsets_ids.append((len(k), pos))
        pos += len(k) + 1
    for _, v in pairs:
        offsets_strs.append((len(v), pos))
        pos += len(v) + 1
    out = struct.pack("<7I", 0x950412DE, 0, n, ids_at, strs_at, 0, data_at)
    out += b"".join(struct.pack("<2I", *o) for o in offsets_ids)
    out += b"".join(struct.pack("<2I", *o) for o in offsets_strs)
    return out + ids + b"".join(v + b"\0" for _, v in pairs)


# ---------------------------------------------------------------- extracting


def _const(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _source_messages(
    path: Path, rel: str, names: dict[str, tuple[int | None, int, int | None]]
) -> Iterator[Entry]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        fn = node.func
        name = (
            fn.id
            if isinstance(fn, ast.Name)
            else fn.attr
            if isinstance(fn, ast.Attribute)
            else None
        )
        if name not in names:
            continue
        ctx_at, id_at, plural_at = names[name]
        args = node.args
        if len(args) <= id_at:
            continue
        msgid = _const(args[id_at])
        if msgid is None:
            continue
        ctx = _const(args[ctx_at]) if ctx_at is not None else None
        plural = (
            _const(args[plural_at]) if plural_at is not None and len(args) > plural_at else None
        )
        yield Entry(msgid, ctx, plural, ["", ""] if plural is not None else [""], [rel])


def dean_messages() -> Iterator[Entry]:
    for path in sorted((ROOT / "deancli").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "deancli/base/i18n.py":
            yield from (e for e in _source_messages(path, rel, _MARKERS) if e.msgid not in _MARKERS)
        else:
            yield from _source_messages(path, rel, _MARKERS)
    from deancli.base.i18n import marked

    for ctx, msgid in marked():
        yield Entry(msgid, ctx, where=["deancli/base/i18n.py"])


def code_summaries() -> Iterator[Entry]:
    """The one-line summary of every diagnostic code (``dean explain``)."""
    from deancli.check.codes import all_codes

    for info in all_codes():
        yield Entry(info.summary, where=["deancli/check/codes.py"])


def help_messages() -> Iterator[Entry]:
    """Every help text and epilog of the command line, as ``--help`` has them."""
    sys.path.insert(0, str(ROOT))
    from deancli.cli._i18n import help_texts

    for text, where in help_texts():
        yield Entry(text, where=[where])


def third_party_messages() -> Iterator[Entry]:
    import importlib

    import typer.core  # noqa: TID251 - Click's messages: the Click that Typer runs on

    names = {"_": (None, 0, None), "ngettext": (None, 0, 1)}
    # the Click that Typer runs on: the copy newer Typers carry, else the click package
    click = "typer._click" if hasattr(typer.core, "_click") else "click"
    modules = [f"{click}.{m}" for m in _CLICK_MODULES] + ["typer.core"]
    for name in modules:
        mod = importlib.import_module(name)
        assert mod.__file__ is not None
        rel = name.replace(".", "/") + ".py"
        yield from _source_messages(Path(mod.__file__), rel, names)


def extract() -> list[Entry]:
    """Every message, each once (its places merged), in a stable order: dean's code, the
    help, then Click's and Typer's."""
    out: dict[tuple[str | None, str], Entry] = {}
    sources = (dean_messages(), code_summaries(), help_messages(), third_party_messages())
    for source in sources:
        for e in source:
            if e.key in out:
                out[e.key].where += e.where
                if e.plural and not out[e.key].plural:
                    out[e.key].plural, out[e.key].msgstr = e.plural, e.msgstr
            else:
                out[e.key] = e
    return list(out.values())


def update(path: Path = PO) -> tuple[int, int]:
    """Merge the extracted messages into the .po: translations kept, new ones empty, gone
    ones dropped. Returns (new, dropped)."""
    old = {e.key: e for e in read_po(path.read_text(encoding="utf-8"))} if path.exists() else {}
    new = extract()
    for e in new:
        if e.key in old:
            kept = old[e.key]
            if len(kept.msgstr) == len(e.msgstr):
                e.msgstr = kept.msgstr
            e.comment = kept.comment
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write_po(new), encoding="utf-8")
    keys = {e.key for e in new}
    return sum(k not in old for k in keys), sum(k not in keys for k in old if k[1])


def compile_po(path: Path = PO) -> bytes:
    return compile_mo(read_po(path.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        added, dropped = update()
        untranslated = [
            e.msgid
            for e in read_po(PO.read_text(encoding="utf-8"))
            if e.msgid and not all(e.msgstr)
        ]
        print(
            f"{PO.relative_to(ROOT)}: {added} new, {dropped} dropped, "
            f"{len(untranslated)} untranslated"
        )
        return 0
    if command == "compile":
        MO.write_bytes(compile_po())
        print(f"wrote {MO.relative_to(ROOT)}")
        return 0
    if command == "check":
        have = {e.key for e in read_po(PO.read_text(encoding="utf-8")) if e.msgid}
        want = {e.key for e in extract()}
        for key in sorted(want - have, key=str):
            print("missing:", key)
        for key in sorted(have - want, key=str):
            print("stale:", key)
        return int(have != want)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
