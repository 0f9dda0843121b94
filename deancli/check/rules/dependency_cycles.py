"""DEAN206 dependency-cycle: Dependencies have no cycles: neither initiatives (`depends_on`) nor
milestones (`depends_on`, across files) may depend on themselves through a chain.

Documented for users in docs/rules.md (`dean explain DEAN206`).
"""

from __future__ import annotations

from collections.abc import Iterator

from deancli.base.diagnostics import Diagnostic, Severity
from deancli.base.i18n import M
from deancli.check.rules._base import Context, RuleInfo
from deancli.plan.model import Initiative, Milestone, Plan, milestone_key

RULE = RuleInfo("DEAN206", "dependency-cycle", Severity.ERROR, "dependencies that form a cycle")


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Elementary cycles found by an iterative DFS (one per back edge), deterministic."""
    white, grey, black = 0, 1, 2
    color = dict.fromkeys(graph, white)
    found: list[list[str]] = []
    for start in sorted(graph):
        if color[start] != white:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        color[start] = grey
        while stack:
            node, idx = stack[-1]
            succ = graph.get(node, [])
            if idx < len(succ):
                stack[-1] = (node, idx + 1)
                nxt = succ[idx]
                if nxt not in color:
                    continue
                if color[nxt] == white:
                    color[nxt] = grey
                    stack.append((nxt, 0))
                    path.append(nxt)
                elif color[nxt] == grey:
                    found.append([*path[path.index(nxt) :], nxt])
            else:
                color[node] = black
                stack.pop()
                path.pop()
    return found


def check(plan: Plan, ctx: Context) -> Iterator[Diagnostic]:
    inis = {str(i.id): i for i in plan.initiatives if i.id is not None}
    graph = {k: [str(d) for d in i.depends_on if d != i.id] for k, i in inis.items()}
    for cycle in _cycles(graph):
        ini = inis[cycle[0]]
        idx = ini.depends_on.index(int(cycle[1]))
        yield RULE.diag(
            ini.doc,
            ("depends_on", idx),
            M("initiative dependency cycle {cycle}", cycle=" → ".join(cycle)),
            hint=M("remove one `depends_on` entry of the cycle"),
        )
    owners: dict[str, tuple[Initiative, Milestone]] = {}
    mgraph: dict[str, list[str]] = {}
    for ini in plan.initiatives:
        for m in ini.milestones:
            key = f"{ini.id}/{m.id}"
            owners[key] = (ini, m)
            mgraph[key] = [
                f"{a}/{b}"
                for a, b in (milestone_key(ini, r) for r in m.depends_on)
                if (a, b) != (ini.id, m.id)
            ]
    for cycle in _cycles(mgraph):
        ini, m = owners[cycle[0]]
        target = cycle[1]
        idx = next(
            (
                n
                for n, r in enumerate(m.depends_on)
                if "{}/{}".format(*milestone_key(ini, r)) == target
            ),
            0,
        )
        yield RULE.diag(
            ini.doc,
            (*m.parts, "depends_on", idx),
            M("milestone dependency cycle {cycle}", cycle=" → ".join(cycle)),
            hint=M("remove one `depends_on` entry of the cycle"),
        )
