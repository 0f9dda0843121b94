"""The floor: the least work that checks a plan of N files — PyYAML's C loader, jsonschema-rs,
the simplest cross-file checks (unique ids, pillar and organization references), on every
core. No line numbers, no diagnostics beyond a count: a reference point, not a tool.

    python benchmarks/floor.py PLAN_DIR
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from pathlib import Path

import jsonschema_rs
import yaml

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "initiative.schema.json"


class Loader(yaml.CSafeLoader):
    pass


# keep dates as text, as dean does (the schema wants strings)
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_validator = None


def check(path: str) -> tuple[object, object, list[str], bool]:
    global _validator
    if _validator is None:
        _validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=Loader)
    leads = data.get("leads", {})
    orgs = list(leads.get("mx", [])) + list(leads.get("us", []))
    return data.get("id"), data.get("pillar"), orgs, _validator.is_valid(data)


def main() -> int:
    plan = Path(sys.argv[1])
    files = sorted(str(p) for p in (plan / "initiatives").glob("*.yaml"))
    orgs = {
        o["id"]
        for o in yaml.load((plan / "organizations.yaml").read_text(), Loader=Loader)[
            "organizations"
        ]
    }
    pillars = {
        p["number"]
        for p in yaml.load((plan / "dialogue.yaml").read_text(), Loader=Loader)["pillars"]
    }
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(check, files, chunksize=max(1, len(files) // 16))
    ids = [r[0] for r in results]
    problems = (len(ids) - len(set(ids))) + sum(not r[3] for r in results)
    problems += sum(r[1] not in pillars for r in results)
    problems += sum(o not in orgs for r in results for o in r[2])
    print(f"{len(files)} files, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
