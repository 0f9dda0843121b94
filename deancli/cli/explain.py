import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import LangOption, run


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
    lang: LangOption = None,
) -> None:
    """What a finding means, why it matters and how to fix it."""

    def body() -> int:
        from deancli.base.errors import UsageProblem
        from deancli.base.i18n import active, severity_label, tr
        from deancli.base.suggest import closest
        from deancli.base.textsafe import safe
        from deancli.check.codes import all_codes, configure_text, find, help_text
        from deancli.render.explain import code_list, fit, print_text, width_of

        lang = active()
        width = width_of(sys.stdout)
        if not codes:
            print_text(sys.stdout, code_list(list(all_codes()), width))
            return 0
        found = []
        for raw in codes:
            info = find(raw)
            if info is None:
                names = [c.name for c in all_codes()] + [c.code for c in all_codes()]
                guess = closest(raw, names)
                hint = tr(" (did you mean {guess}?)", guess=guess) if guess else ""
                raise UsageProblem(
                    tr(
                        "no code {code}{hint}; `dean explain` lists every code",
                        code=repr(raw),
                        hint=hint,
                    )
                )
            found.append(info)
        lines: list[str] = []
        for i, info in enumerate(found):
            if i:
                lines.append("")
            lines += [f"{info.code} {info.name} ({severity_label(info.severity)})", ""]
            lines += fit(safe(help_text(info.code, lang), keep_newlines=True), width)
            lines += ["", *fit(configure_text(info.name, lang), width, indented_code=True)]
        print_text(sys.stdout, lines)
        return 0

    run(body)
