"""`dean set` and `dean new`: edits that change only what they are asked to."""

import re
import sys
from typing import Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.cli import _complete, app
from deancli.cli._common import (
    AsOfOption,
    DiffOption,
    DryRunOption,
    InitiativeArgument,
    PillarOption,
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
            return _refused(exc)
        return _finish(edit, dry_run=dry_run, diff=diff)

    run(body)


def _refused(exc: Any) -> int:
    """Why an edit was refused: each finding as `dean validate` shows it, with the edited
    line (what the file would say) and how to fix it."""
    from deancli.base.textsafe import safe
    from deancli.render.reports.text import FullReporter

    sys.stderr.write(f"dean: edit refused: {safe(str(exc))}\n")
    if exc.diagnostics:
        reporter = FullReporter(sys.stderr, color=False)
        for d in exc.diagnostics:
            reporter.console.print()
            for line in reporter.render(d, exc.sources.get(d.location.path)):
                reporter.console.print(line, soft_wrap=True)
    return 1


def _finish(edit: Any, *, dry_run: bool, diff: bool) -> int:
    from deancli.base.textsafe import safe
    from deancli.edit.session import commit

    change = edit.change
    if diff:
        sys.stdout.write(safe(change.diff(), keep_newlines=True))
    if not change.changed:
        sys.stdout.write(f"{safe(change.display)}: already so; nothing to change\n")
        return 0
    if dry_run or diff:
        if not diff:
            sys.stdout.write(f"would update {safe(change.display)}\n")
        return 0
    commit(edit)
    sys.stdout.write(f"updated {safe(change.display)}\n")
    return 0


@app.command(
    epilog="""Examples:

\b
  dean new --pillar 3 --title-es "Cooperación en IA" --title-en "Cooperation on AI"
  dean new                                 asks for what is missing (on a terminal)
  dean new --pillar 4 --title-es ... --title-en ... --lead-mx SE --dry-run

The file gets the next free id, a name NN-slug.yaml, the editor schema line and every
required field, and is validated with the whole plan before it is written. An existing
file is never overwritten.
"""
)
def new(
    pillar: PillarOption = None,
    title_es: Annotated[
        str | None, typer.Option("--title-es", help="Title in Spanish.", show_default=False)
    ] = None,
    title_en: Annotated[
        str | None, typer.Option("--title-en", help="Title in English.", show_default=False)
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option(
            "--slug",
            help="Short name for the file (default: from the English title).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str, typer.Option("--status", help="Initial status (planned, active, unknown...).")
    ] = "planned",
    lead_mx: Annotated[
        list[str] | None,
        typer.Option(
            "--lead-mx",
            metavar="ORG",
            help="Mexican lead (repeatable).",
            show_default=False,
            autocompletion=_complete.organizations,
        ),
    ] = None,
    lead_us: Annotated[
        list[str] | None,
        typer.Option(
            "--lead-us",
            metavar="ORG",
            help="U.S. lead (repeatable).",
            show_default=False,
            autocompletion=_complete.organizations,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Create an initiative file that dean validate accepts."""
    today = parse_as_of(as_of)
    answers = {"pillar": pillar, "title_es": title_es, "title_en": title_en}
    if interactive():
        prompts = {
            "pillar": "Pillar (1-4)",
            "title_es": "Title in Spanish",
            "title_en": "Title in English",
        }
        for key, text in prompts.items():
            if not answers[key]:
                answers[key] = typer.prompt(text)
    missing = [f"--{k.replace('_', '-')}" for k, v in answers.items() if not v]

    def body() -> int:
        from deancli.edit.change import EditError
        from deancli.edit.new import commit_new, prepare_new
        from deancli.plan import load
        from deancli.plan.lookup import find_pillar

        if missing:
            raise UsageProblem(f"missing {', '.join(missing)} (or run dean new on a terminal)")
        root = load.resolve_plan_dir(plan)
        loaded = load.load_plan(root)
        number = find_pillar(loaded.plan, str(answers["pillar"])).number
        try:
            edit = prepare_new(
                loaded,
                today,
                slug=slug,
                pillar=number,
                title_es=str(answers["title_es"]),
                title_en=str(answers["title_en"]),
                status=status,
                leads_mx=list(lead_mx or []),
                leads_us=list(lead_us or []),
            )
        except EditError as exc:
            return _refused(exc)
        from deancli.base.textsafe import safe

        if diff:
            sys.stdout.write(safe(edit.change.diff(), keep_newlines=True))
        if dry_run or diff:
            if not diff:
                sys.stdout.write(f"would create {safe(edit.change.display)}\n")
            return 0
        commit_new(edit)
        sys.stdout.write(f"created {safe(edit.change.display)}\n")
        return 0

    run(body)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command(
    epilog="""Examples:

\b
  dean fmt                    reformat every plan file in place
  dean fmt --check            exit 1 if any file would change (for CI)
  dean fmt --diff             show what would change; write nothing
  dean fmt plan/initiatives/08-digital-cooperation-privacy-rules.yaml

The canonical layout: keys in schema order, 2-space indentation with list items under their
key, full dates unquoted, no line wrapping, LF line endings. Comments are kept; a file whose
data or comments would not survive unchanged is left alone and reported.
"""
)
def fmt(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...", help="Only these plan files or directories.", show_default=False
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a file would change.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the changes as a diff; write nothing.")
    ] = False,
    plan: PlanOption = None,
) -> None:
    """Rewrite plan files in the canonical layout, keeping every comment."""

    def body() -> int:
        from pathlib import Path

        from deancli.base.textsafe import safe
        from deancli.check import checker
        from deancli.edit.fmt import format_document, write
        from deancli.plan import load

        root = load.resolve_plan_dir(plan)
        selected = checker.select_paths(root, paths) if paths else []
        loaded = load.load_plan(root)
        would, refused = 0, 0
        for doc in loaded.documents:
            resolved = Path(doc.path).resolve()
            if selected and not any(resolved == s or s in resolved.parents for s in selected):
                continue
            result = format_document(doc)
            if result.problem is not None:
                refused += 1
                sys.stderr.write(f"dean: {safe(doc.display)}: {result.problem}\n")
                continue
            if not result.change.changed:
                continue
            would += 1
            if diff:
                sys.stdout.write(safe(result.change.diff(), keep_newlines=True))
            elif check:
                sys.stdout.write(f"would reformat {safe(doc.display)}\n")
            else:
                write(result)
                sys.stdout.write(f"reformatted {safe(doc.display)}\n")
        if not (check or diff):
            return 1 if refused else 0
        if not diff:
            done = "would be reformatted" if would else "already formatted"
            sys.stdout.write(f"{would} file(s) {done}.\n" if would else f"All files {done}.\n")
        return 1 if (would or refused) and check else 0

    run(body)
