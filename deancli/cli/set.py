"""`dean set`: change fields of an initiative or a milestone, touching only those lines."""

import re
from typing import Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.base.i18n import say, tr
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

ASSIGN_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*?)(\+=|-=|:=|=)(.*)$", re.S)
OPERATORS = {"=": "set", ":=": "set", "+=": "add", "-=": "remove"}


def parse_value(raw: str, field: str = "FIELD") -> Any:
    """A value as YAML 1.2 reads it (``3`` is a number, ``done`` text, ``[a, b]`` a list).

    Never a silent guess: a value that YAML reads with a problem (a tag, an anchor, a
    control character, a syntax error) or that loses text to a comment (``#`` after a space
    starts one) is refused with the reason and the way to store the text as typed
    (``FIELD:=TEXT`` or ``--text``). An empty value is the empty text."""
    from deancli.base.textsafe import safe
    from deancli.plan import yamlio

    if not raw.strip():
        return raw
    import shlex

    as_text = tr(
        "write {assignment} to store the text as typed", assignment=shlex.quote(f"{field}:={raw}")
    )
    shown = f"`{field}={raw}`"
    if "\n" in raw or "\r" in raw:
        raise UsageProblem(
            safe(
                tr(
                    "{shown}: a value read as YAML must fit on one line; {as_text}",
                    shown=shown,
                    as_text=as_text,
                )
            )
        )
    text = f"v: {raw}\n"
    parsed = yamlio.parse(text, positions=True)
    if parsed.fatal or not isinstance(parsed.data, dict) or list(parsed.data) != ["v"]:
        reason = say(parsed.issues[0].message) if parsed.issues else tr("not a single value")
        raise UsageProblem(
            safe(
                tr(
                    "{shown}: YAML cannot read this value ({reason}); {as_text}",
                    shown=shown,
                    reason=reason,
                    as_text=as_text,
                )
            )
        )
    if parsed.issues:
        raise UsageProblem(
            safe(
                tr(
                    "{shown}: YAML reads this value with a problem ({reason}); {as_text}",
                    shown=shown,
                    reason=say(parsed.issues[0].message),
                    as_text=as_text,
                )
            )
        )
    value = parsed.data["v"]
    span = (parsed.values or {}).get(("v",))
    if span is not None and span.end_line == 1 and span.end_column is not None:
        rest = text[span.end_column - 1 :].strip()
        if rest.startswith("#"):
            from deancli.edit.splice import render_flow

            kept = tr("empty (null)") if value is None else f"`{render_flow(value)}`"
            raise UsageProblem(
                safe(
                    tr(
                        "{shown}: YAML reads `#` after a space as the start of a comment, so "
                        "the value would be {kept}; {as_text}",
                        shown=shown,
                        kept=kept,
                        as_text=as_text,
                    )
                )
            )
    return value


def parse_assignments(items: list[str], base: tuple[Any, ...], *, text: bool = False) -> list[Any]:
    from deancli.edit.change import Op

    ops = []
    for item in items:
        m = ASSIGN_RE.match(item)
        if m is None:
            raise UsageProblem(
                tr(
                    "cannot read {item}: write FIELD=VALUE, FIELD:=TEXT, FIELD+=VALUE or "
                    "FIELD-=VALUE",
                    item=repr(item),
                )
            )
        path, operator, raw = m.groups()
        *parents, key = path.split(".")
        if not all(parents) or not key:
            raise UsageProblem(
                tr(
                    "cannot read {item}: {path} is not a field name",
                    item=repr(item),
                    path=repr(path),
                )
            )
        as_text = text or operator == ":="
        value = raw if as_text else parse_value(raw, path)
        ops.append(Op(OPERATORS[operator], (*base, *parents), key, value))
    return ops


def evidence_ops(
    ops: list[Any], data: Any, base: tuple[Any, ...], today: str, sources: list[str]
) -> tuple[list[Any], list[str]]:
    """The operations that keep statements true, and warnings for what dean cannot add:

    - a status that changes gets ``status_as_of`` = the reference date, unless the command
      sets it too;
    - each ``--source`` goes where the changed statement's evidence lives (``status_sources``
      of the initiative, the milestone's ``sources``, ``leads.sources``);
    - a status or lead that changes with no source added is warned about."""
    from deancli.edit.change import Op

    def current(path: tuple[Any, ...]) -> Any:
        node = data
        for part in path:
            in_map = isinstance(node, dict) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
            if in_map or in_list:
                node = node[part]
            else:
                return None
        return node

    extra: list[Any] = []
    warnings: list[str] = []
    in_milestone = bool(base)
    evidence_key = ("sources",) if in_milestone else ("status_sources",)
    sets = {(op.target, op.key) for op in ops if op.kind == "set"}
    adds_source = any(
        op.key in ("sources", "status_sources") and op.kind in ("add", "set") for op in ops
    )
    status_changed = any(
        op.kind == "set"
        and op.key == "status"
        and op.target == base
        and current((*base, "status")) != op.value
        for op in ops
    )
    leads_changed = any(op.target == (*base, "leads") and op.key in ("mx", "us") for op in ops)
    if status_changed and (base, "status_as_of") not in sets:
        extra.append(Op("set", base, "status_as_of", today))

    def cite(target: tuple[Any, ...], key: str, source: str) -> None:
        """Add ``source`` to the list at ``target.key`` unless it is already there."""
        already = current((*target, key))
        if not (isinstance(already, list) and source in already):
            extra.append(Op("add", target, key, source))

    if sources and not (in_milestone or status_changed or leads_changed):
        raise UsageProblem(
            tr(
                "--source is the evidence for a status or lead change, and this edit changes "
                "neither; cite a source in a field with FIELD+=SOURCE"
            )
        )
    for source in sources:
        if status_changed or not leads_changed:
            cite((*base, *evidence_key[:-1]), evidence_key[-1], source)
        if leads_changed:
            cite((*base, "leads"), "sources", source)
    if not sources and not adds_source:
        where = "sources" if in_milestone else "status_sources"
        if status_changed:
            warnings.append(
                tr(
                    "the status changed with no source added; give the evidence with "
                    "--source ID (added to {where})",
                    where=where,
                )
            )
        if leads_changed:
            warnings.append(
                tr(
                    "the leads changed with no source added; give the evidence with --source "
                    "ID (added to leads.sources)"
                )
            )
    return extra, warnings


def _pillar(plan: Any, op: Any) -> Any:
    """``pillar=III`` (or ``iii``, ``3``) is pillar 3, as ``--pillar`` reads it."""
    if op.key == "pillar" and op.target == () and op.kind == "set" and isinstance(op.value, str):
        from dataclasses import replace

        from deancli.plan.lookup import find_pillar

        return replace(op, value=find_pillar(plan, op.value).number)
    return op


def _complete_fields(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete.fields(bool(ctx.params.get("milestone")), incomplete)


def _complete_milestones(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    # completing an option's value, the arguments before it are still in ctx.args
    given = ctx.params.get("initiative") or (ctx.args[0] if ctx.args else "")
    return _complete.milestones(str(given), incomplete)


@app.command(
    name="set",
    epilog="""Examples:

\b
  dean set 8 status=active --source gda-2024-05-06
  dean set 8 -m cbpr-promotion-campaign status=done completed_on=2024-01-10
  dean set 11 -m education-high-tech-summit due=2024-09-30
  dean set 2 leads.mx+=SE -s SOURCE    add a lead, with its source
  dean set 2 leads.mx-=SE              remove one
  dean set 11 summary.en=Training      creates summary: if it is missing
  dean set 11 pillar=III               pillars by number or Roman numeral
  dean set 11 'title.en:=# 1 priority'  := stores the text exactly as typed
  dean set 8 'sources+={id: x, title: A title, publisher: Someone}'
  dean set 8 status=active --diff      show the change, write nothing

VALUE is read as YAML 1.2 (3 is a number, [a, b] a list); a value YAML reads
with a problem (a comment after #, a tag, an anchor, a control character) is
refused with the reason. FIELD:=TEXT or --text stores text exactly as typed.

A new status gets status_as_of (the --as-of date unless you set it); give its
evidence with --source (a warning says when a status or lead changes without
one). Comments on edited lines are pointed out after the edit.

Only the edited lines change; comments, quoting and key order elsewhere stay.
The edited plan is validated first: an edit that would add an error is refused
(exit 1). Milestones are added, removed, renamed and moved with dean milestone.
""",
)
def set_(
    initiative: InitiativeArgument,
    assignments: Annotated[
        list[str],
        typer.Argument(
            metavar="FIELD=VALUE...",
            autocompletion=_complete_fields,
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
            autocompletion=_complete_milestones,
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            metavar="SOURCE",
            help="Evidence for the change: a source id of the file, added to status_sources "
            "(a status), the milestone's sources or leads.sources (leads). Repeatable.",
            show_default=False,
        ),
    ] = None,
    text: Annotated[
        bool,
        typer.Option(
            "--text", help="Store every VALUE as text exactly as typed (not read as YAML)."
        ),
    ] = False,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Change fields of an initiative or one of its milestones, keeping everything else."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.edit.change import EditError
        from deancli.edit.session import prepare
        from deancli.plan import load
        from deancli.plan.lookup import find_initiative

        root = load.resolve_writable_plan_dir(plan)
        loaded = load.load_plan(root)
        ini = find_initiative(loaded.plan, initiative)
        base: tuple[Any, ...] = ()
        if milestone is not None:
            base = ("milestones", _edit.milestone_index(ini, milestone))
        ops = parse_assignments(assignments, base, text=text)
        ops = [_pillar(loaded.plan, op) for op in ops]
        extra, warnings = evidence_ops(ops, ini.doc.data, base, today.isoformat(), source or [])
        try:
            edit = prepare(loaded, ini.doc, [*ops, *extra], today)
        except EditError as exc:
            return _edit.refused(exc)
        return _edit.finish(edit, dry_run=dry_run, diff=diff, warnings=warnings)

    run(body)
