"""Generate plans of N initiatives for benchmarks, of four kinds.

    python benchmarks/generate.py 1000 /tmp/plan-1000 [--kind clean|replica|fixed|errors]
    python benchmarks/generate.py 1000 /tmp/plan-1000 --invalid 5

- ``clean`` (the default): synthetic files that look like the real ones (about 2-3 KB):
  comments, accents, bilingual titles, 3-8 milestones with dates, sources; pillars and
  organizations come from the real plan, so cross-file references resolve; evidence is
  dated 2026 (fresh for the benchmark's as-of day, 2026-11-28; ``generate(fresh=False)``
  gives the files of earlier versions, dated 2023). No findings. With
  --invalid K, K files get one mistake each (unknown organization, impossible date, ...).
- ``replica``: the 11 real initiative files replicated, each copy with a new id and slug and
  its dates moved 0-8 whole months later (the newest stays before 2026-11-28, the benchmark's
  as-of day). They keep the real files' inline suppressions (``# dean: ignore[...] --
  reason``) and so their real warnings: every file has findings that are found, positioned
  and matched to a suppression (31 in the 11 real files); where the shift makes evidence
  fresh, a suppression silences nothing and is reported (DEAN021, a fifth of the files).
- ``fixed``: the same replicas with their warnings fixed: empty lead lists filled, the
  suppressions removed, and the plan's dean.toml giving evidence and meetings 50 years
  before they are stale. Same files, same rules run, no findings.
- ``errors``: the replicas, each with one error (no two neighbours alike): a misspelt key, an
  impossible date, a status outside the allowed set (schema errors), an unknown organization,
  an unknown source, a milestone depending on an unknown milestone (cross-file rules).
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ORGS_MX = ["SRE", "SE", "SHCP", "AMEXCID", "COFEPRIS"]
ORGS_US = ["DOS", "DOC", "USTR", "USAID", "DHS"]
SOURCES = [
    "wh-2021-09-09",
    "ustr-2022-04",
    "dl-2021-12-13",
    "jornada-2021-12-14",
    "ustr-2022-09-12",
    "wh-2022-09-12",
    "pledgetimes-2023-04-19",
    "ustr-2023-09-29",
]
WORDS_ES = [
    "cooperación",
    "cadenas",
    "suministro",
    "frontera",
    "comercio",
    "energía",
    "tecnología",
    "formación",
    "inversión",
    "pequeñas",
    "empresas",
    "datos",
    "región",
]
WORDS_EN = [
    "cooperation",
    "supply",
    "chains",
    "border",
    "trade",
    "energy",
    "technology",
    "training",
    "investment",
    "small",
    "business",
    "data",
    "region",
]
MISTAKES = [
    ("  us: [{us}]", "  us: [DCO]"),
    ("status: active", "statsu: active"),
    ("    due: 2024-03-31", "    due: 2024-02-30"),
    ("pillar: ", "pillar: 9\nx-old-pillar: "),
    ("kind: deliverable", "kind: deliverabel"),
]


def initiative(ident: int, rnd: random.Random, fresh: bool = True) -> str:
    title_es = " ".join(rnd.choice(WORDS_ES) for _ in range(6)).capitalize()
    title_en = " ".join(rnd.choice(WORDS_EN) for _ in range(6)).capitalize()
    mx, us = rnd.choice(ORGS_MX), rnd.choice(ORGS_US)
    lines = [
        "# yaml-language-server: $schema=../../schemas/initiative.schema.json",
        f"# Initiative {ident}: generated for benchmarks",
        "schema_version: 1",
        f"id: {ident}",
        f"slug: initiative-{ident}",
        f"pillar: {rnd.randint(1, 4)}",
        "title:",
        f"  es: {title_es}",
        f"  en: {title_en}",
        "title_provenance:",
        f"  es: {{kind: official, sources: [{rnd.choice(SOURCES)}]}}",
        "  en: {kind: translation, note: Our translation.}",
        "summary:",
        "  es: >-",
        f"    {' '.join(rnd.choice(WORDS_ES) for _ in range(14))},",
        f"    {' '.join(rnd.choice(WORDS_ES) for _ in range(12))}.",
        "  en: >-",
        f"    {' '.join(rnd.choice(WORDS_EN) for _ in range(14))},",
        f"    {' '.join(rnd.choice(WORDS_EN) for _ in range(12))}.",
        "announced: 2021-12-13",
        "status: active",
        f"status_as_of: {'2026-06-30' if fresh else '2023-09-29'}",
        f"status_sources: [{rnd.choice(SOURCES)}]",
        "leads:",
        f"  mx: [{mx}]   # named in the cited source",
        f"  us: [{us}]",
        "milestones:",
    ]
    for m in range(rnd.randint(3, 8)):
        status = rnd.choice(["done", "done", "in_progress", "planned", "unknown"])
        lines += [
            f"  - id: milestone-{m}",
            f"    kind: {rnd.choice(['deliverable', 'event', 'decision'])}",
            "    title:",
            f"      es: Hito {m} — {' '.join(rnd.choice(WORDS_ES) for _ in range(5))}",
            f"      en: Milestone {m} — {' '.join(rnd.choice(WORDS_EN) for _ in range(5))}",
            f"    due: 202{rnd.randint(2, 6)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
            f"    due_precision: {rnd.choice(['day', 'month', 'quarter'])}",
            f"    status: {status}",
        ]
        if status == "done":
            lines.append(f"    completed_on: 2023-0{rnd.randint(1, 9)}-2{rnd.randint(0, 8)}")
        # its own source (dated 2026-06) keeps the evidence fresh: no stale-evidence
        own = f", local-{ident}" if fresh else ""
        lines.append(f"    sources: [{', '.join(rnd.sample(SOURCES, 2))}{own}]")
        if rnd.random() < 0.3:
            lines.append("    # reviewed at the last mid-year review")
    lines += [
        "sources:",
        f"  - id: local-{ident}",
        f"    title: Informe sobre la iniciativa {ident}",
        "    publisher: Secretaría de Economía",
        f"    url: https://example.org/informe/{ident}",
        f"    date: {'2026-06' if fresh else '2023-10'}",
        "    lang: es",
        "    kind: news",
        "    official: false",
    ]
    return "\n".join(lines) + "\n"


KINDS = ("clean", "replica", "fixed", "errors")
# keys whose values are dates in initiative files (the real files' date keys)
_DATE_LINE = re.compile(
    r"^(\s*(?:- )?(?:announced|completed_by|completed_on|date|due|status_as_of): )"
    r"(['\"]?)([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?\2(?=\s|$)",
    re.M,
)
_SUPPRESSION = re.compile(r"\s*# dean: ignore\[[^\]\n]*\][^\n]*")
REPLICA_ERRORS = [  # (old, new): applied once to a replica; schema errors, then rule errors
    ("\nstatus_as_of:", "\nstatus_asof:"),
    ("\nannounced: 20", "\nannounced: 2021-02-30\nx-announced: 20"),
    ("\nstatus: active", "\nstatus: activ"),
    ("\nleads:\n  mx: [", "\nleads:\n  mx: [NOPE, "),
    ("\nstatus_sources: [", "\nstatus_sources: [no-such-source, "),
    ("\n  - id: ", "\n  - depends_on: [no-such-milestone]\n    id: "),
]


def real_files() -> list[tuple[str, str]]:
    """(slug, text) of the real plan's initiative files, in order."""
    out = []
    for path in sorted((REPO / "plan" / "initiatives").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^slug: (.+)$", text, re.M)
        assert m is not None, path
        out.append((m.group(1).strip(), text))
    return out


def shift_months(text: str, months: int) -> str:
    """Every date of ``text``'s date keys moved ``months`` whole months back (later when
    negative; the day clamped to the month's length)."""

    def move(m: re.Match[str]) -> str:
        year, month = int(m.group(3)), int(m.group(4))
        k = year * 12 + month - 1 - months
        year, month = divmod(k, 12)
        month += 1
        out = f"{year:04d}-{month:02d}"
        if m.group(5):
            day = min(int(m.group(5)), calendar.monthrange(year, month)[1])
            out += f"-{day:02d}"
        return f"{m.group(1)}{m.group(2)}{out}{m.group(2)}"

    return _DATE_LINE.sub(move, text)


def replica(ident: int, kind: str, originals: list[tuple[str, str]]) -> tuple[str, str]:
    """File name and text of replica ``ident`` (1-based) of the given kind."""
    slug, text = originals[(ident - 1) % len(originals)]
    copy = (ident - 1) // len(originals)
    new_slug = f"{slug}-{ident}"
    text = re.sub(r"^id: .*$", f"id: {ident}", text, count=1, flags=re.M)
    text = re.sub(r"^slug: .*$", f"slug: {new_slug}", text, count=1, flags=re.M)
    text = shift_months(text, -(copy % 9))
    if kind == "fixed":
        text = _SUPPRESSION.sub("", text)
        text = re.sub(r"^(  mx:) \[\]", r"\1 [SE]", text, flags=re.M)
        text = re.sub(r"^(  us:) \[\]", r"\1 [DOC]", text, flags=re.M)
    elif kind == "errors":
        for k in range(len(REPLICA_ERRORS)):
            old, new = REPLICA_ERRORS[(ident + k) % len(REPLICA_ERRORS)]
            if old in text:
                text = text.replace(old, new, 1)
                break
        else:  # pragma: no cover - every real file has a status line
            raise AssertionError(f"no error fits replica {ident}")
    return f"{ident:05d}-{new_slug}.yaml", text


FIXED_CONFIG = """# benchmarks/generate.py --kind fixed: the replicas' warnings fixed
[stale-evidence]
months = 600

[dialogue-meetings]
months = 600
"""


def generate(
    n: int,
    dest: Path,
    invalid: int = 0,
    seed: int = 2021,
    kind: str = "clean",
    fresh: bool = False,
) -> Path:
    """A plan of ``n`` initiatives of ``kind`` at ``dest``. ``fresh`` (clean plans): evidence
    dated 2026, so that no stale-evidence warning fires; without it, the files of earlier
    versions of this script (dated 2023, stale today; the tests' golden outputs use them)."""
    if kind != "clean":
        return generate_replicas(n, dest, kind)
    rnd = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "initiatives").mkdir(parents=True)
    for name in ("dialogue.yaml", "organizations.yaml"):
        shutil.copy(REPO / "plan" / name, dest / name)
    broken = set(rnd.sample(range(1, n + 1), min(invalid, n)))
    for ident in range(1, n + 1):
        text = initiative(ident, rnd, fresh)
        if ident in broken:
            old, new = rnd.choice(MISTAKES)
            old = old.format(us=text.split("  us: [", 1)[1].split("]", 1)[0])
            text = text.replace(old, new, 1)
        (dest / "initiatives" / f"{ident:05d}-initiative-{ident}.yaml").write_text(
            text, encoding="utf-8"
        )
    return dest


def generate_replicas(n: int, dest: Path, kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "initiatives").mkdir(parents=True)
    for name in ("dialogue.yaml", "organizations.yaml"):
        text = (REPO / "plan" / name).read_text(encoding="utf-8")
        if kind == "fixed":
            text = _SUPPRESSION.sub("", text)
        (dest / name).write_text(text, encoding="utf-8")
    config = (REPO / "plan" / "dean.toml").read_text(encoding="utf-8")
    (dest / "dean.toml").write_text(FIXED_CONFIG if kind == "fixed" else config, "utf-8")
    originals = real_files()
    for ident in range(1, n + 1):
        name, text = replica(ident, kind, originals)
        (dest / "initiatives" / name).write_text(text, encoding="utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--invalid", type=int, default=0, help="clean plans only")
    parser.add_argument("--kind", choices=KINDS, default="clean")
    args = parser.parse_args()
    generate(args.n, args.dest, args.invalid, kind=args.kind, fresh=True)


if __name__ == "__main__":
    main()
