import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import run


def _complete_codes(incomplete: str) -> list[tuple[str, str]]:
    from deancli.check.codes import all_codes

    low = incomplete.lower()
    return [
        (c.code, c.summary)
        for c in all_codes()
        if c.code.lower().startswith(low) or c.name.startswith(low)
    ]


@app.command(
    epilog="""Examples:

\b
  dean explain DEAN207             what unknown-source catches, how to fix it
  dean explain unknown-source      the same, by name
  dean explain                     every code, one line each

The text is docs/rules.md, which is installed with dean; settings and suppressions:
docs/configuration.md.
"""
)
def explain(
    codes: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[CODE]...",
            help="Codes (DEAN207, 207) or names (unknown-source); none lists every code.",
            show_default=False,
            autocompletion=_complete_codes,
        ),
    ] = None,
) -> None:
    """What a finding means, why it matters and how to fix it."""

    def body() -> int:
        from deancli.base.errors import UsageProblem
        from deancli.base.suggest import closest
        from deancli.base.textsafe import safe
        from deancli.check.codes import all_codes, configure_text, find, help_text

        if not codes:
            for c in all_codes():
                sys.stdout.write(f"{c.code}  {c.name:<22} {c.severity.label:<8} {c.summary}\n")
            return 0
        found = []
        for raw in codes:
            info = find(raw)
            if info is None:
                names = [c.name for c in all_codes()] + [c.code for c in all_codes()]
                guess = closest(raw, names)
                hint = f" (did you mean {guess}?)" if guess else ""
                raise UsageProblem(f"no code {raw!r}{hint}; `dean explain` lists every code")
            found.append(info)
        for i, info in enumerate(found):
            if i:
                sys.stdout.write("\n")
            sys.stdout.write(f"{info.code} {info.name} ({info.severity.label})\n\n")
            sys.stdout.write(safe(help_text(info.code), keep_newlines=True) + "\n")
            sys.stdout.write("\n" + configure_text(info.name) + "\n")
        return 0

    run(body)
