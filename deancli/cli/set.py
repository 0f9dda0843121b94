"""`dean set`: change fields of an initiative or a milestone, touching only those lines."""

import re
from typing import Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.cli import _edit, app
from deancli.cli._common import (
    AsOfOption,
    DiffOption,
    DryRunOption,
    InitiativeArgument,
    PlanOption,
    parse_as_of,
    run,
)

ASSIGN_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*?)(\+=|-=|=)(.*)$", re.S)


def parse_value(raw: str) -> Any:
    """A value as YAML 1.2 reads it (``3`` is a number, ``done`` text, ``[a, b]`` a list)."""
    from deancli.plan import yamlio

    parsed = yamlio.parse(f"v: {raw}\n") if raw.strip() else None
    if parsed is None or parsed.issues or not isinstance(parsed.data, dict):
        return raw
    return parsed.data.get("v")


def parse_assignments(items: list[str], base: tuple[Any, ...]) -> list[Any]:
    from deancli.edit.change import Op

    ops = []
    for item in items:
        m = ASSIGN_RE.match(item)
        if m is None:
            raise UsageProblem(
                f"cannot read {item!r}: write FIELD=VALUE, FIELD+=VALUE or FIELD-=VALUE"
            )
        path, operator, raw = m.groups()
        *parents, key = path.split(".")
        kind = {"=": "set", "+=": "add", "-=": "remove"}[operator]
        ops.append(Op(kind, (*base, *parents), key, parse_value(raw)))
    return ops


@app.command(
    name="set",
    epilog="""Examples:

\b
  dean set 8 status=active status_as_of=2024-05-06
  dean set 8 --milestone cbpr-promotion-campaign status=done completed_on=2024-01-10
  dean set 11 --milestone education-high-tech-summit due=2024-09-30 due_precision=quarter
  dean set 2 leads.mx+=SE                  add a lead (-= removes one)
  dean set 8 --milestone inai-cbpr-workshop sources+=gda-2024-05-06
  dean set 8 'sources+={id: new-source, title: A title, publisher: Someone}'
  dean set 8 status=active --diff          show the change, write nothing

Only the edited lines change; comments, quoting and key order elsewhere stay as they are.
The edited plan is validated first: an edit that would add an error is refused (exit 1).
""",
)
def set_(
    initiative: InitiativeArgument,
    assignments: Annotated[
        list[str],
        typer.Argument(
            metavar="FIELD=VALUE...",
            help="Changes: FIELD=VALUE, FIELD+=VALUE, "
            "FIELD-=VALUE; FIELD may be dotted (leads.mx).",
        ),
    ],
    milestone: Annotated[
        str | None,
        typer.Option(
            "--milestone",
            "-m",
            metavar="ID",
            help="Edit this milestone instead.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Change fields of an initiative or one of its milestones, keeping everything else."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.edit.change import EditError
        from deancli.edit.session import prepare
        from deancli.plan import load
        from deancli.plan.lookup import find_initiative

        root = load.resolve_plan_dir(plan)
        loaded = load.load_plan(root)
        ini = find_initiative(loaded.plan, initiative)
        base: tuple[Any, ...] = ()
        if milestone is not None:
            ids = [m.id for m in ini.milestones]
            if milestone not in ids:
                from deancli.base.suggest import closest

                guess = closest(milestone, ids)
                hint = f" (did you mean {guess}?)" if guess else ""
                raise UsageProblem(
                    f"initiative {ini.label} has no milestone {milestone!r}{hint}; "
                    f"milestones: {', '.join(ids) or 'none'}"
                )
            base = ini.milestones[ids.index(milestone)].parts
        ops = parse_assignments(assignments, base)
        try:
            edit = prepare(loaded, ini.doc, ops, today)
        except EditError as exc:
            return _edit.refused(exc)
        return _edit.finish(edit, dry_run=dry_run, diff=diff)

    run(body)
