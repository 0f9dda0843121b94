"""Spanish and English labels for the views. Plan data carries its own two languages."""

from __future__ import annotations

import os

LANGS = ("es", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (es, en)
    "plan_status": ("Estado del plan al {date}", "Plan status as of {date}"),
    "pillar": ("Pilar", "Pillar"),
    "pillar_heading": ("Pilar {roman}: {title}", "Pillar {roman}: {title}"),
    "initiatives": ("Iniciativas", "Initiatives"),
    "listing_summary": (
        "Resumen de {n} iniciativas al {date}",
        "Summary of {n} initiatives as of {date}",
    ),
    "listing_note": (
        "{n} iniciativas, una por línea (--format csv para una hoja de cálculo)",
        "{n} initiatives, one per line (--format csv for a spreadsheet)",
    ),
    "initiative": ("Iniciativa", "Initiative"),
    "milestones_done": ("Hitos", "Milestones"),
    "initiatives_short": ("Inic.", "Init."),
    "progress": ("Avance", "Progress"),
    "overdue": ("Venc.", "Late"),
    "unknown_count": ("S/inf.", "Unkn."),
    "newest_evidence": ("Evidencia", "Evidence"),
    "total": ("Total", "Total"),
    "id": ("#", "#"),
    "status": ("Estado", "Status"),
    "leads_mx": ("MX", "MX"),
    "leads_us": ("EE. UU.", "US"),
    "next_due": ("Próximo", "Next due"),
    "none": ("—", "—"),
    "na": ("n/d", "n/a"),
    "no_initiatives": ("Ninguna iniciativa coincide.", "No initiative matches."),
    "stale_legend": (
        "* evidencia desactualizada: estado vigente sin evidencia de los últimos {months} meses",
        "* stale: a current status without evidence from the last {months} months",
    ),
    "as_of": ("al", "as of"),
    "announced": ("Anunciada", "Announced"),
    "leads": ("Responsables", "Leads"),
    "participants": ("Participantes", "Participants"),
    "summary": ("Resumen", "Summary"),
    "milestones": ("Hitos", "Milestones"),
    "indicators": ("Indicadores", "Indicators"),
    "sources": ("Fuentes", "Sources"),
    "notes": ("Notas", "Notes"),
    "date": ("Fecha", "Date"),
    "milestone": ("Hito", "Milestone"),
    "milestone_id": ("Id", "Id"),
    "milestone_notes": ("Notas de los hitos", "Milestone notes"),
    "note": ("Nota", "Note"),
    "kind": ("Tipo", "Kind"),
    "title": ("Título", "Title"),
    "publisher": ("Editor", "Publisher"),
    "url": ("URL", "URL"),
    "value": ("Valor", "Value"),
    "unit": ("Unidad", "Unit"),
    "baseline": ("Línea base", "Baseline"),
    "target": ("Meta", "Target"),
    "actual": ("Real", "Actual"),
    "not_known": ("no se conoce públicamente", "not publicly known"),
    "title_in": ("Título ({code})", "Title ({code})"),
    "completed_on": ("cumplido el {date}", "done on {date}"),
    "completed_by": ("cumplido a más tardar {date}", "done by {date}"),
    "due": ("vence {date}", "due {date}"),
    "mx": ("México", "Mexico"),
    "us": ("EE. UU.", "United States"),
    "undated_hidden": (
        "{n} hitos sin fecha no se muestran.",
        "{n} milestones without a date are not shown.",
    ),
    "timeline_title": ("Cronograma al {date}", "Timeline as of {date}"),
    "legend": ("Leyenda", "Legend"),
    "today": ("hoy", "today"),
    "editorial": ("atribución nuestra", "our mapping"),
    "note_skipped": (
        "dean: nota: {n} archivo(s) con errores de lectura se omiten de estas cifras; "
        "`dean validate` dice por qué",
        "dean: note: {n} file(s) with reading errors are left out of these numbers; "
        "`dean validate` says why",
    ),
    "history_title": (
        "Historia del plan {every}: {first} a {last} ({n} puntos)",
        "Plan history {every}: {first} to {last} ({n} points)",
    ),
    "history_every_commit": ("por commit", "by commit"),
    "history_every_week": ("por semana", "by week"),
    "history_every_month": ("por mes", "by month"),
    "history_change": ("Del {first} al {last}", "From {first} to {last}"),
    "history_yes": ("sí", "yes"),
    "history_no": ("no", "no"),
    "history_valid": ("Válido", "Valid"),
    "history_chart": (
        "Hitos cumplidos por pilar (apilados) y hitos contados (·)",
        "Milestones done per pillar (stacked) and milestones counted (·)",
    ),
    "history_counted": ("hitos contados", "milestones counted"),
    "history_invalid_mark": ("el plan no era válido", "the plan did not validate"),
    "history_invalid_note": (
        "{n} punto(s) con archivos que no se leyeron o no cumplen su esquema (marcados !):",
        "{n} point(s) where plan files did not read or match their schema (marked !):",
    ),
    "history_more": ("… y {n} más", "… and {n} more"),
    "history_shallow": (
        "Clon superficial: la historia empieza el {date}; `git fetch --unshallow` lee más atrás.",
        "Shallow clone: the history starts on {date}; `git fetch --unshallow` reads further back.",
    ),
    "history_events": ("Cambios del {first} al {last}", "Changes from {first} to {last}"),
    "history_no_events": ("Ningún cambio en las iniciativas.", "No change to initiatives."),
    "history_slips": ("Hitos cuya fecha se aplazó", "Milestones whose due date slipped"),
    "history_no_slips": (
        "Ninguna fecha de hito se movió a más tarde.",
        "No milestone's due date moved later.",
    ),
    "history_times": ("Veces", "Times"),
    "history_days": ("Días", "Days"),
    "history_due": ("Vence", "Due"),
    "unassigned": (
        "{n} iniciativa(s) con un pilar inexistente no se cuentan; ejecute `dean validate`.",
        "{n} initiative(s) with an unknown pillar are not counted; run `dean validate`.",
    ),
}

_STATUS = {
    # initiative statuses (es feminine: "la iniciativa")
    "planned": ("planeada", "planned"),
    "active": ("activa", "active"),
    "finalising": ("en cierre", "finalising"),
    "completed": ("concluida", "completed"),
    "suspended": ("suspendida", "suspended"),
}
_MSTATUS = {
    # milestone statuses and states (es masculine: "el hito")
    "planned": ("planeado", "planned"),
    "in_progress": ("en curso", "in progress"),
    "done": ("cumplido", "done"),
    "cancelled": ("cancelado", "cancelled"),
    "unknown": ("sin información", "unknown"),
    "overdue": ("vencido", "overdue"),
    "upcoming": ("próximo", "upcoming"),
    "undated": ("sin fecha", "undated"),
    "context": ("contexto", "context"),
}
_KIND = {
    "deliverable": ("entregable", "deliverable"),
    "event": ("evento", "event"),
    "decision": ("decisión", "decision"),
    "publication": ("publicación", "publication"),
    "context": ("contexto", "context"),
}
_PROVENANCE = {
    "official": ("oficial", "official"),
    "press": ("redacción de prensa", "press wording"),
    "translation": ("traducción nuestra", "our translation"),
}
_ROLE = {
    "accountable": ("responsable", "accountable"),
    "implementing": ("ejecutora", "implementing"),
    "funding": ("financiadora", "funding"),
    "extending": ("gestora", "extending"),
    "supporting": ("de apoyo", "supporting"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "es" else pair[1]


def t(key: str, lang: str, **values: object) -> str:
    text = _pick(_LABELS[key], lang)
    return text.format(**values) if values else text


def initiative_status(status: str, lang: str) -> str:
    if status == "cancelled":
        return "cancelada" if lang == "es" else "cancelled"
    if status == "unknown":
        return _pick(_MSTATUS["unknown"], lang)
    return _pick(_STATUS[status], lang) if status in _STATUS else status


def milestone_status(status: str, lang: str) -> str:
    return _pick(_MSTATUS[status], lang) if status in _MSTATUS else status


def kind(value: str, lang: str) -> str:
    return _pick(_KIND[value], lang) if value in _KIND else value


def provenance(value: str, lang: str) -> str:
    return _pick(_PROVENANCE[value], lang) if value in _PROVENANCE else value


def role(value: str, lang: str) -> str:
    return _pick(_ROLE[value], lang) if value in _ROLE else value


def default_lang(environ: dict[str, str] | None = None) -> str:
    """Spanish when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with ``es``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "es" if value.lower().startswith("es") else "en"
    return "en"
