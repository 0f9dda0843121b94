"""`dean new`: a new initiative file with the next free id."""

import contextlib
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.cli import _complete, _edit, app
from deancli.cli._common import (
    AsOfOption,
    DiffOption,
    DryRunOption,
    LangOption,
    PillarOption,
    PlanOption,
    parse_as_of,
    run,
)


@app.command(
    epilog="""Examples:

\b
  dean new --pillar 3 --title-es "Cooperación en IA" \\
      --title-en "Cooperation on AI"
  dean new                  asks for what is missing (on a terminal)
  dean new --pillar IV --title-es ... --title-en ... --lead-mx SE --dry-run

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
        str | None,
        typer.Option(
            "--status",
            help="Initial status: planned (default), active, unknown...",
            show_default=False,
        ),
    ] = None,
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
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Create an initiative file that dean validate accepts."""
    today = parse_as_of(as_of)
    asking = interactive()

    def body() -> int:
        from deancli.edit.change import EditError
        from deancli.edit.new import commit_new, prepare_new
        from deancli.plan import load
        from deancli.plan.lookup import find_pillar

        given = {"pillar": pillar, "title_es": title_es, "title_en": title_en}
        missing = [f"--{k.replace('_', '-')}" for k, v in given.items() if not v]
        if missing and not asking:
            raise UsageProblem(
                tr("missing {options} (or run dean new on a terminal)", options=", ".join(missing))
            )
        root = load.resolve_writable_plan_dir(plan)
        loaded = load.load_plan(root)
        answers = _ask_missing(loaded.plan, given, lead_mx, lead_us, status) if asking else {}
        number = find_pillar(loaded.plan, str(answers.get("pillar", pillar))).number
        leads = {
            side: list(answers.get(side, flag or []))
            for side, flag in (("mx", lead_mx), ("us", lead_us))
        }
        try:
            edit = prepare_new(
                loaded,
                today,
                slug=slug,
                pillar=number,
                title_es=str(answers.get("title_es", title_es)),
                title_en=str(answers.get("title_en", title_en)),
                status=str(answers.get("status") or status or "planned"),
                leads_mx=leads["mx"],
                leads_us=leads["us"],
            )
        except EditError as exc:
            return _edit.refused(exc)
        from deancli.base.textsafe import safe
        from deancli.render.wrap import write_wrapped

        if diff:
            sys.stdout.write(safe(edit.change.diff(), keep_newlines=True))
        if dry_run or diff:
            if not diff:
                write_wrapped(sys.stdout, tr("would create {path}", path=safe(edit.change.display)))
            return 0
        commit_new(edit)
        write_wrapped(sys.stdout, tr("created {path}", path=safe(edit.change.display)))
        return 0

    run(body)


def _ask_missing(
    plan: Any,
    given: dict[str, Any],
    lead_mx: list[str] | None,
    lead_us: list[str] | None,
    status: str | None,
) -> dict[str, Any]:
    """Ask on the terminal for what the flags did not give, checking each answer as it is
    typed (an answer that is not valid is explained and asked again). Ctrl-C or Ctrl-D
    interrupt: nothing is written (exit 130)."""
    from deancli.plan.lookup import find_organization, find_pillar

    out: dict[str, Any] = {}
    roman = ", ".join(f"{p.number} ({p.roman})" for p in plan.pillars)
    if not given["pillar"]:
        out["pillar"] = _ask(
            tr("Pillar [{choices}]", choices=roman), lambda v: find_pillar(plan, v).number
        )
    for key, label in (("title_es", tr("Title in Spanish")), ("title_en", tr("Title in English"))):
        if not given[key]:
            out[key] = _ask(label, _not_empty)
    orgs = sorted(plan.organizations)
    for side, flag, country in (("mx", lead_mx, "MX"), ("us", lead_us, "US")):
        if flag is None:
            ids = [o for o in orgs if plan.organizations[o].country == country] or orgs
            out[side] = _ask(
                tr("Mexican leads (organization ids; empty if not publicly known)")
                if side == "mx"
                else tr("U.S. leads (organization ids; empty if not publicly known)"),
                lambda v: [find_organization(plan, x) for x in v.replace(",", " ").split()],
                default="",
                complete=ids,
            )
    if status is None:
        choices = _statuses()
        out["status"] = _ask(
            tr("Status (TAB lists them) [planned]"),
            lambda v: _one_of(v.strip(), choices),
            default="planned",
            complete=choices,
        )
    return out


def _not_empty(value: str) -> str:
    if not value.strip():
        raise UsageProblem(tr("a title cannot be empty"))
    return value.strip()


def _one_of(value: str, choices: list[str]) -> str:
    if value not in choices:
        raise UsageProblem(
            tr(
                "{value} is not a status; valid: {choices}",
                value=repr(value),
                choices=", ".join(choices),
            )
        )
    return value


def _statuses() -> list[str]:
    from deancli.plan.schema import load_schema

    enum = load_schema("initiative")["properties"]["status"].get("enum") or []
    return [str(x) for x in enum]


def _ask(
    text: str, check: Any, default: str | None = None, complete: list[str] | None = None
) -> Any:
    """One prompt, repeated until ``check`` accepts the answer. The prompt's Ctrl-C and
    Ctrl-D (Typer's Abort) are an interruption: exit 130, as documented."""
    while True:
        with _completion(complete or []):
            try:
                raw = typer.prompt(text, default=default, show_default=False)
            except typer.Abort:
                raise KeyboardInterrupt from None
        try:
            return check(str(raw))
        except UsageProblem as exc:
            typer.echo(f"  {exc}", err=True)


@contextlib.contextmanager
def _completion(words: list[str]) -> Iterator[None]:
    """TAB completes ``words`` in a prompt (where Python has readline)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        yield
        return
    old = readline.get_completer()

    def completer(text: str, state: int) -> str | None:
        matches = [w for w in words if w.lower().startswith(text.lower())]
        return matches[state] if state < len(matches) else None

    readline.set_completer(completer if words else None)
    readline.parse_and_bind("tab: complete")
    try:
        yield
    finally:
        readline.set_completer(old)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
