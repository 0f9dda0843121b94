from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from deancli.cli import app
from deancli.cli._common import (
    AsOfOption,
    Color,
    ColorOption,
    LangOption,
    PlanOption,
    choices,
    parse_as_of,
    quotes_plan,
    render_view,
    run,
    view_format_option,
)
from deancli.render.views import formats_for

if TYPE_CHECKING:
    DiffFormat = str
else:
    DiffFormat = choices("DiffFormat", formats_for("diff"))


@app.command(
    epilog="""Examples:

\b
  dean diff                            the working tree against the merge-base
  dean diff origin/main                the working tree against origin/main
  dean diff HEAD~1 HEAD                the last commit
  dean diff --lang es                  in Spanish
  dean diff --format markdown >> "$GITHUB_STEP_SUMMARY"

Initiatives are matched by id: added, removed, moved to another file, retitled; status,
leads and pillar changes; milestones added, removed, completed, or with a moved due date;
progress per pillar before → after. A file that cannot be read at one side is named and
left out; the rest is still compared.
"""
)
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="Base revision (default: merge-base with the default branch).", show_default=False
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="Head revision (default: the working tree).", show_default=False),
    ] = None,
    plan: PlanOption = None,
    fmt: Annotated[DiffFormat, view_format_option("diff", "text")] = "text",
    lang: LangOption = None,
    as_of: AsOfOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """What a change means for the plan, between two git revisions."""
    today = parse_as_of(as_of)

    def body() -> int:
        from deancli.history import diff as plandiff
        from deancli.history import git as gitplan
        from deancli.plan import load

        root = load.resolve_plan_dir(plan)
        repo = gitplan.repo_for(root)
        base_sha = gitplan.resolve_rev(repo, base) if base else gitplan.default_base(repo)
        base_name = base or f"merge-base {base_sha[:12]}"
        import tempfile

        with tempfile.TemporaryDirectory(prefix="dean-diff-") as tmp:
            base_root = gitplan.materialise(repo, base_sha, Path(tmp) / "base")
            before = load.load_plan(base_root)
            if head is None:
                after = load.load_plan(root)
                head_name = "working tree"
            else:
                head_sha = gitplan.resolve_rev(repo, head)
                after = load.load_plan(gitplan.materialise(repo, head_sha, Path(tmp) / "head"))
                head_name = head
            # files with reading errors are left out of both sides' numbers, and named
            plan_before, plan_after = load.readable_plan(before), load.readable_plan(after)
            result = plandiff.diff_plans(
                plan_before,
                plan_after,
                base=base_name,
                head=head_name,
                as_of=today,
                invalid_base=plan_before.left_out,
                invalid_head=plan_after.left_out,
            )
        render_view(fmt, result, color=color)
        return 0

    run(body, fence=quotes_plan(fmt))
