"""`dean milestone add|remove|rename|move`: the milestones of an initiative, edited with the
guarantees of `dean set` (only the intended lines change, the plan is validated before the
write, the write is atomic, comments are kept), in block and flow lists alike."""

from typing import Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.cli import _complete, _edit, app
from deancli.cli._common import (
    AsOfOption,
    DiffOption,
    DryRunOption,
    InitiativeArgument,
    LangOption,
    PlanOption,
    parse_as_of,
    run,
)

milestone_app = typer.Typer(
    name="milestone",
    help="Add, remove, rename and reorder the milestones of an initiative.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""Examples:

\b
  dean milestone add 12 launch --title-es Lanzamiento \\
      --title-en Launch --due 2025-06-30 --source gda-2024-05-06
  dean milestone rename 12 launch public-launch
  dean milestone move 12 public-launch --first
  dean milestone remove 12 public-launch

Each edit is validated with the whole plan before anything is written; --diff
shows it and writes nothing. `dean show ID` lists the milestone ids.
""",
)
app.add_typer(milestone_app)


def _complete_milestones(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    # completing an option's value, the arguments before it are still in ctx.args
    given = ctx.params.get("initiative") or (ctx.args[0] if ctx.args else "")
    return _complete.milestones(str(given), incomplete)


MilestoneArgument = Annotated[
    str,
    typer.Argument(
        metavar="MILESTONE",
        help="Milestone id (dean show ID lists them).",
        autocompletion=_complete_milestones,
    ),
]


def _where(flag: str, help: str) -> Any:
    return typer.Option(
        flag,
        metavar="MILESTONE",
        help=help,
        show_default=False,
        autocompletion=_complete_milestones,
    )


def _load(plan: str | None, initiative: str) -> tuple[Any, Any]:
    from deancli.plan import load
    from deancli.plan.lookup import find_initiative

    loaded = load.load_plan(load.resolve_writable_plan_dir(plan))
    return loaded, find_initiative(loaded.plan, initiative)


def _apply(
    loaded: Any,
    ini: Any,
    ops: list[Any],
    today: Any,
    dry_run: bool,
    diff: bool,
    comments: bool = True,
) -> int:
    from deancli.edit.change import EditError
    from deancli.edit.session import prepare

    try:
        edit = prepare(loaded, ini.doc, ops, today)
    except EditError as exc:
        return _edit.refused(exc)
    return _edit.finish(edit, dry_run=dry_run, diff=diff, comments=comments)


def _position(ini: Any, before: str | None, after: str | None, skip: int | None = None) -> int:
    """The index in the milestones list a milestone goes to: before or after another one,
    else the end (in the list without item ``skip``, the one being moved)."""
    if before and after:
        raise UsageProblem(tr("give --before or --after, not both"))
    anchor = before or after
    size = len(ini.doc.data.get("milestones") or [])
    if anchor is None:
        return size - (1 if skip is not None else 0)
    if anchor == (ini.milestones[skip].id if skip is not None else None):
        raise UsageProblem(tr("cannot place milestone {id} relative to itself", id=repr(anchor)))
    index = _edit.milestone_index(ini, anchor)
    if skip is not None and skip < index:
        index -= 1
    return index + (1 if after else 0)


@milestone_app.command(
    "add",
    epilog="""Examples:

\b
  dean milestone add 12 launch --title-es Lanzamiento \\
      --title-en Launch --due 2025-06-30 --source gda-2024-05-06
  dean milestone add 12 review --title-es Revisión --title-en Review \\
      --kind event --after launch --source gda-2024-05-06 due_precision=month

The milestone gets status_as_of (the --as-of date) with its status; FIELD=VALUE
sets any other field as `dean set -m` does.
""",
)
def add(
    initiative: InitiativeArgument,
    milestone: Annotated[str, typer.Argument(metavar="MILESTONE", help="The new milestone's id.")],
    fields: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FIELD=VALUE]...",
            help="Other fields, as in dean set.",
            show_default=False,
            autocompletion=_complete.milestone_fields,
        ),
    ] = None,
    title_es: Annotated[
        str | None, typer.Option("--title-es", help="Title in Spanish.", show_default=False)
    ] = None,
    title_en: Annotated[
        str | None, typer.Option("--title-en", help="Title in English.", show_default=False)
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="deliverable, event, decision, publication or context.",
            show_default=False,
        ),
    ] = None,
    status: Annotated[str, typer.Option("--status", help="planned, in_progress, done...")] = (
        "planned"
    ),
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="YYYY-MM-DD", help="Due date.", show_default=False),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            metavar="SOURCE",
            help="A source id of the file that supports it (repeatable).",
            show_default=False,
        ),
    ] = None,
    before: Annotated[str | None, _where("--before", "Put it before this milestone.")] = None,
    after: Annotated[
        str | None, _where("--after", "Put it after this milestone (default: last).")
    ] = None,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Add a milestone to an initiative."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.cli.set import parse_assignments
        from deancli.edit.change import Op
        from deancli.edit.orders import MILESTONE_ORDER
        from deancli.edit.splice import apply_to_data, materialise

        loaded, ini = _load(plan, initiative)
        if milestone in [m.id for m in ini.milestones]:
            raise UsageProblem(
                tr(
                    "initiative {label} already has a milestone {id}",
                    label=ini.label,
                    id=repr(milestone),
                )
            )
        item: dict[str, Any] = {"id": milestone}
        if kind is not None:
            item["kind"] = kind
        title = {k: v for k, v in (("es", title_es), ("en", title_en)) if v is not None}
        if title:
            item["title"] = title
        if due is not None:
            item["due"] = due
        item["status"] = status
        item["status_as_of"] = today.isoformat()
        if source:
            item["sources"] = list(source)
        for op in parse_assignments(fields or [], ()):
            item = apply_to_data(item, [materialise(item, op)])
        missing = [
            f"--title-{lang}"
            for lang in ("es", "en")
            if not isinstance(item.get("title"), dict) or not item["title"].get(lang)
        ]
        if missing:
            raise UsageProblem(
                tr(
                    "missing {options}: a milestone has a title in both",
                    options=", ".join(missing),
                )
            )
        order = {k: i for i, k in enumerate(MILESTONE_ORDER)}
        item = dict(sorted(item.items(), key=lambda kv: order.get(kv[0], len(order))))
        index = _position(ini, before, after)
        return _apply(
            loaded, ini, [Op("insert", (), "milestones", (index, item))], today, dry_run, diff
        )

    run(body)


@milestone_app.command(
    "remove",
    epilog="""Example:

\b
  dean milestone remove 12 launch --diff

A milestone that others depend on is refused (the finding says which). Its
comments stay in the file, for you to keep or delete.
""",
)
def remove(
    initiative: InitiativeArgument,
    milestone: MilestoneArgument,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Remove a milestone from an initiative."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.edit.change import Op

        loaded, ini = _load(plan, initiative)
        index = _edit.milestone_index(ini, milestone)
        item = ini.doc.data["milestones"][index]
        return _apply(loaded, ini, [Op("remove", (), "milestones", item)], today, dry_run, diff)

    run(body)


@milestone_app.command(
    "rename",
    epilog="""Example:

\b
  dean milestone rename 12 launch public-launch

depends_on references in the same file follow the new id; a reference from
another initiative (N/launch) makes the edit refused, with where it is.
""",
)
def rename(
    initiative: InitiativeArgument,
    milestone: MilestoneArgument,
    new_id: Annotated[str, typer.Argument(metavar="NEW_ID", help="The milestone's new id.")],
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Give a milestone a new id, updating the references to it in its file."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.edit.change import Op

        loaded, ini = _load(plan, initiative)
        index = _edit.milestone_index(ini, milestone)
        if new_id != milestone and new_id in [m.id for m in ini.milestones]:
            raise UsageProblem(
                tr(
                    "initiative {label} already has a milestone {id}",
                    label=ini.label,
                    id=repr(new_id),
                )
            )
        ops = [Op("set", ("milestones", index), "id", new_id)]
        renames = {milestone: new_id, f"{ini.id}/{milestone}": f"{ini.id}/{new_id}"}
        for j, m in enumerate(ini.doc.data.get("milestones") or []):
            refs = m.get("depends_on") if isinstance(m, dict) else None
            for k, ref in enumerate(refs if isinstance(refs, list) else []):
                if ref in renames:
                    ops.append(Op("replace", ("milestones", j), "depends_on", (k, renames[ref])))
        return _apply(loaded, ini, ops, today, dry_run, diff)

    run(body)


@milestone_app.command(
    "move",
    epilog="""Examples:

\b
  dean milestone move 12 launch --first
  dean milestone move 12 launch --after kickoff

The milestone's lines (with the comments above them) move as they are.
""",
)
def move(
    initiative: InitiativeArgument,
    milestone: MilestoneArgument,
    before: Annotated[str | None, _where("--before", "Put it before this milestone.")] = None,
    after: Annotated[str | None, _where("--after", "Put it after this milestone.")] = None,
    first: Annotated[bool, typer.Option("--first", help="Make it the first milestone.")] = False,
    last: Annotated[bool, typer.Option("--last", help="Make it the last milestone.")] = False,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Move a milestone to another place in its initiative's list."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.edit.change import Op

        if sum(bool(x) for x in (before, after, first, last)) != 1:
            raise UsageProblem(
                tr("say where: one of --before MILESTONE, --after MILESTONE, --first, --last")
            )
        loaded, ini = _load(plan, initiative)
        index = _edit.milestone_index(ini, milestone)
        position = [m.parts[1] for m in ini.milestones].index(index)
        if first:
            dest = 0
        elif last:
            dest = len(ini.milestones) - 1
        else:
            dest = _position(ini, before, after, skip=position)
        ops = [] if dest == index else [Op("move", (), "milestones", (index, dest))]
        return _apply(loaded, ini, ops, today, dry_run, diff, comments=False)

    run(body)
