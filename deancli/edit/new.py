"""`dean new`: a new initiative file with the next free id, validated with the whole plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deancli.base.errors import UsageProblem
from deancli.base.i18n import tr
from deancli.edit.atomic import write_atomic
from deancli.edit.change import Change, EditError
from deancli.edit.session import EditPlan, check_edit
from deancli.edit.splice import render_flow, render_scalar
from deancli.plan.loader import Document


def slugify(text: str, limit: int = 48) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_text).split()
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > limit:
            break
        slug = f"{slug}-{w}" if slug else w
    return slug or "initiative"


def new_initiative_text(
    *,
    ident: int,
    slug: str,
    pillar: int,
    title_es: str,
    title_en: str,
    status: str,
    leads_mx: list[str],
    leads_us: list[str],
    modeline: str,
) -> str:
    lines = [
        modeline,
        "schema_version: 1",
        f"id: {ident}",
        f"slug: {render_scalar(slug)}",
        f"pillar: {pillar}",
        "title:",
        f"  es: {render_scalar(title_es)}",
        f"  en: {render_scalar(title_en)}",
        f"status: {render_scalar(status)}",
        "leads:",
        f"  mx: {render_flow(leads_mx)}",
        f"  us: {render_flow(leads_us)}",
        "milestones: []",
        "sources: []",
    ]
    return "\n".join(lines) + "\n"


DEFAULT_MODELINE = "# yaml-language-server: $schema=../../schemas/initiative.schema.json"


def prepare_new(loaded: Any, as_of: Any, **fields: Any) -> EditPlan:
    """A new initiative file with the next free id, validated with the whole plan."""
    from deancli.plan import loader
    from deancli.plan.loader import parse_document

    plan = loaded.plan
    ident = max((i.id for i in plan.initiatives if i.id is not None), default=0) + 1
    slug = fields.pop("slug") or slugify(fields["title_en"])
    modeline = DEFAULT_MODELINE
    for ini in plan.initiatives:
        first = (ini.doc.text or "").split("\n", 1)[0]
        if first.startswith("# yaml-language-server:"):
            modeline = first
            break
    text = new_initiative_text(ident=ident, slug=slug, modeline=modeline, **fields)
    directory = Path(plan.root) / loader.INITIATIVES
    path = directory / f"{ident:02d}-{slug}.yaml"
    if path.exists() or path.is_symlink():
        raise EditError(
            tr("{name} already exists; dean does not overwrite it", name=loader.display_path(path))
        )
    display = loader.display_path(path)
    rel = path.relative_to(Path(plan.root)).as_posix()
    new = parse_document(Document(path, display, rel, "initiative"), text)
    problems = check_edit(loaded, None, new, as_of)
    if problems:
        raise EditError(tr("the new initiative would be invalid"), problems, {display: new.lines()})
    return EditPlan(new, Change(path, display, "", text), None)


def commit_new(plan: EditPlan) -> None:
    try:
        plan.change.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(
            tr(
                "cannot write {path}: {reason}",
                path=plan.change.path.parent,
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None
    write_atomic(plan.change.path, plan.change.after, None)
    plan.change.written = True
