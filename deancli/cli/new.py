"""`dean new`: a new initiative file with the next free id."""

import sys
from typing import Annotated

import typer

from deancli.base.errors import UsageProblem
from deancli.cli import _complete, _edit, app
from deancli.cli._common import (
    AsOfOption,
    DiffOption,
    DryRunOption,
    PillarOption,
    PlanOption,
    parse_as_of,
    run,
)


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
        root = load.resolve_writable_plan_dir(plan)
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
            return _edit.refused(exc)
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
