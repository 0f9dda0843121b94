"""`dean fmt`: the canonical layout of plan files, keeping every comment."""

import sys
from typing import Annotated

import typer

from deancli.cli import app
from deancli.cli._common import (
    LangOption,
    PlanOption,
    run,
)


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
    lang: LangOption = None,
) -> None:
    """Rewrite plan files in the canonical layout, keeping every comment."""

    def body() -> int:
        from pathlib import Path

        from deancli.base.i18n import ntr, say, tr
        from deancli.base.textsafe import safe
        from deancli.check import checker
        from deancli.edit.atomic import sync_directory
        from deancli.edit.fmt import format_document, prepare_format, prepared_result, write
        from deancli.plan import load
        from deancli.render.wrap import write_wrapped

        writes = not (check or diff)
        root = load.resolve_writable_plan_dir(plan) if writes else load.resolve_plan_dir(plan)
        selected = checker.select_paths(root, paths) if paths else []
        # every file formatted where it is read (in parallel for large plans), unless only a
        # few are asked for
        loaded = load.load_plan(root, prepare=None if selected else prepare_format)
        would, refused = 0, 0
        written: set[Path] = set()  # directories whose renames are synced once, at the end
        for doc in loaded.documents:
            if selected:
                resolved = Path(doc.path).resolve()
                if not any(resolved == s or s in resolved.parents for s in selected):
                    continue
            if doc.prepared == (None, None):
                continue  # worked out where it was read: already in the canonical layout
            result = prepared_result(doc) if doc.prepared is not None else format_document(doc)
            if result.problem is not None:
                refused += 1
                sys.stderr.write(f"dean: {safe(doc.display)}: {say(result.problem)}\n")
                continue
            if not result.change.changed:
                continue
            would += 1
            if diff:
                sys.stdout.write(safe(result.change.diff(), keep_newlines=True))
            elif check:
                write_wrapped(sys.stdout, tr("would reformat {path}", path=safe(doc.display)))
            else:
                try:
                    write(result, sync_dir=False)
                finally:
                    written.add(Path(doc.path).parent)
                write_wrapped(sys.stdout, tr("reformatted {path}", path=safe(doc.display)))
        for directory in sorted(written):
            sync_directory(directory)
        left = (
            ntr(
                "{n} file cannot be reformatted safely (see above)",
                "{n} files cannot be reformatted safely (see above)",
                refused,
            )
            if refused
            else ""
        )
        if not (check or diff):
            if left:
                write_wrapped(sys.stdout, f"{left[0].upper()}{left[1:]}.")
            return 1 if refused else 0
        if not diff:
            parts = (
                [ntr("{n} file would be reformatted", "{n} files would be reformatted", would)]
                if would
                else []
            )
            parts += [left] if left else []
            summary = "; ".join(parts) or tr("all files already formatted")
            write_wrapped(sys.stdout, f"{summary[0].upper()}{summary[1:]}.")
        return 1 if (would or refused) and check else 0

    run(body)
