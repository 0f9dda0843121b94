"""What the edit commands share: how a refused edit is shown and how a finished one is
reported."""

from __future__ import annotations

import sys
from typing import Any

from deancli.base.i18n import N_


def refused(exc: Any) -> int:
    """Why an edit was refused: each finding as `dean validate` shows it, with the edited
    line (what the file would say) and how to fix it."""
    from deancli.base.i18n import say, tr
    from deancli.base.textsafe import safe
    from deancli.render.reports.text import FullReporter

    message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    sys.stderr.write(tr("dean: edit refused: {reason}", reason=safe(say(message))) + "\n")
    if exc.diagnostics:
        reporter = FullReporter(sys.stderr, color=False)
        for d in exc.diagnostics:
            reporter.console.print()
            for line in reporter.render(d, exc.sources.get(d.location.path)):
                reporter.console.print(line, soft_wrap=True)
    return 1


def finish(
    edit: Any,
    *,
    dry_run: bool,
    diff: bool,
    warnings: list[str] | None = None,
    comments: bool = True,
) -> int:
    """Show or write a checked edit; then the notices (``comments``: point out comments on
    rewritten lines; off for a move, whose lines change place, not meaning)."""
    from deancli.base.i18n import tr
    from deancli.base.textsafe import safe
    from deancli.edit.session import commit
    from deancli.render.wrap import write_wrapped

    change = edit.change
    if diff:
        sys.stdout.write(safe(change.diff(), keep_newlines=True))
    if not change.changed:
        write_wrapped(
            sys.stdout, tr("{path}: already so; nothing to change", path=safe(change.display))
        )
        return 0
    if dry_run or diff:
        if not diff:
            write_wrapped(sys.stdout, tr("would update {path}", path=safe(change.display)))
    else:
        commit(edit)
        write_wrapped(sys.stdout, tr("updated {path}", path=safe(change.display)))
    notices(change if comments else None, warnings or [])
    return 0


def notices(change: Any, warnings: list[str]) -> None:
    """What the user should look at after an edit: comments on the edited lines (they may no
    longer be true) and evidence that was not given."""
    from deancli.base.i18n import say, tr
    from deancli.base.textsafe import safe

    for line, comment, filled in change.kept_comments() if change is not None else []:
        message = (
            N_(
                "dean: note: the comment on line {line} of {path} was written when the value "
                "was empty and is probably no longer true: {comment}"
            )
            if filled
            else N_(
                "dean: note: the comment on line {line} of {path} may no longer be true: {comment}"
            )
        )
        sys.stderr.write(
            tr(message, line=line, path=safe(change.display), comment=safe(comment)) + "\n"
        )
    for warning in warnings:
        sys.stderr.write(tr("dean: warning: {message}", message=safe(say(warning))) + "\n")


def no_such_milestone(ini: Any, milestone: str) -> str:
    from deancli.base.i18n import tr
    from deancli.base.suggest import closest

    ids = [m.id for m in ini.milestones]
    guess = closest(milestone, ids)
    hint = tr(" (did you mean {guess}?)", guess=guess) if guess else ""
    return tr(
        "initiative {label} has no milestone {id}{hint}; milestones: {ids}",
        label=ini.label,
        id=repr(milestone),
        hint=hint,
        ids=", ".join(ids) or tr("none"),
    )


def milestone_index(ini: Any, milestone: str) -> int:
    """The index of a milestone in its file's ``milestones`` list (a usage error naming the
    milestones there are, and the closest, when it has none by that id)."""
    from deancli.base.errors import UsageProblem

    for m in ini.milestones:
        if m.id == milestone:
            return int(m.parts[1])
    raise UsageProblem(no_such_milestone(ini, milestone))
