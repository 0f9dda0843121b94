"""The versioned JSON document of ``dean history --format json``
(docs/schemas/history-output.schema.json); the HTML report can read the same data."""

from __future__ import annotations

from typing import Any

from deancli.history.series import JSON_VERSION, HistoryView, PointTally


def _tally_dict(t: PointTally) -> dict[str, Any]:
    return {
        "initiatives": t.initiatives,
        "initiatives_by_status": t.by_status,
        "milestones": {
            "counted": t.counted,
            "done": t.done,
            "overdue": t.overdue,
            "unknown": t.unknown,
            "progress": None if t.ratio is None else round(t.ratio, 4),
        },
    }


def to_dict(view: HistoryView) -> dict[str, Any]:
    """The versioned document of ``dean history --format json``
    (docs/schemas/history-output.schema.json); the HTML report can read the same data."""
    from deancli import __version__

    return {
        "version": JSON_VERSION,
        "kind": "history",
        "tool": {"name": "dean", "version": __version__},
        "every": view.every,
        "range": {"since": view.since, "until": view.until, "head": view.head},
        "history": {"starts": view.starts.isoformat(), "shallow": view.shallow},
        "selection": {"pillar": view.pillar, "lead": view.lead},
        "pillars": [
            {"number": p.number, "roman": p.roman, "title": {"es": p.title.es, "en": p.title.en}}
            for p in view.pillars
        ],
        "points": [
            {
                "label": p.label,
                "as_of": p.as_of.isoformat(),
                "commit": p.commit,
                "commit_date": p.commit_date.isoformat(),
                "valid": p.valid,
                "problems": p.problems,
                "pillars": [{"number": pp.number, **_tally_dict(pp.tally)} for pp in p.pillars],
                "totals": _tally_dict(p.total),
            }
            for p in view.points
        ],
        "events": None
        if view.events is None
        else [
            {
                "date": e.date.isoformat(),
                "commit": e.commit,
                "initiative": e.initiative,
                "title": {"es": e.title.es, "en": e.title.en},
                **e.change.to_dict(),
            }
            for e in view.events
        ],
        "slips": None
        if view.slips is None
        else [
            {
                "initiative": s.initiative,
                "milestone": s.milestone,
                "title": {"es": s.title.es, "en": s.title.en},
                "times": s.times,
                "days": s.days,
                "earlier": s.earlier,
                "first_due": s.first_due,
                "due": s.due,
            }
            for s in view.slips
        ],
    }
