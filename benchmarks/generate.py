"""Generate a realistic plan of N initiatives for benchmarks.

    python benchmarks/generate.py 1000 /tmp/plan-1000 [--invalid 5]

Each initiative file looks like the real ones (about 2-3 KB): comments, accents, bilingual
titles, 3-8 milestones with dates, sources; pillars and organizations come from the real
plan, so cross-file references resolve. With --invalid K, K files get one mistake each
(unknown organization, impossible date, typo in a key, ...).
"""

from __future__ import annotations

import argparse
import random
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


def initiative(ident: int, rnd: random.Random) -> str:
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
        "status_as_of: 2023-09-29",
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
        lines.append(f"    sources: [{', '.join(rnd.sample(SOURCES, 2))}]")
        if rnd.random() < 0.3:
            lines.append("    # reviewed at the last mid-year review")
    lines += [
        "sources:",
        f"  - id: local-{ident}",
        f"    title: Informe sobre la iniciativa {ident}",
        "    publisher: Secretaría de Economía",
        f"    url: https://example.org/informe/{ident}",
        "    date: 2023-10",
        "    lang: es",
        "    kind: news",
        "    official: false",
    ]
    return "\n".join(lines) + "\n"


def generate(n: int, dest: Path, invalid: int = 0, seed: int = 2021) -> Path:
    rnd = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "initiatives").mkdir(parents=True)
    for name in ("dialogue.yaml", "organizations.yaml"):
        shutil.copy(REPO / "plan" / name, dest / name)
    broken = set(rnd.sample(range(1, n + 1), min(invalid, n)))
    for ident in range(1, n + 1):
        text = initiative(ident, rnd)
        if ident in broken:
            old, new = rnd.choice(MISTAKES)
            old = old.format(us=text.split("  us: [", 1)[1].split("]", 1)[0])
            text = text.replace(old, new, 1)
        (dest / "initiatives" / f"{ident:05d}-initiative-{ident}.yaml").write_text(
            text, encoding="utf-8"
        )
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--invalid", type=int, default=0)
    args = parser.parse_args()
    generate(args.n, args.dest, args.invalid)


if __name__ == "__main__":
    main()
