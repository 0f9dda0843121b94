"""The few words the server says itself (hover labels, code action titles), in Spanish and
English; plan text comes with its own two languages."""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    # key: (es, en)
    "organization": ("Organización", "Organization"),
    "source": ("Fuente", "Source"),
    "milestone": ("Hito", "Milestone"),
    "initiative": ("Iniciativa", "Initiative"),
    "pillar": ("Pilar", "Pillar"),
    "country": ("País", "Country"),
    "type": ("Tipo", "Type"),
    "valid": ("Vigencia", "Valid"),
    "valid_from": ("desde {date}", "from {date}"),
    "valid_to": ("hasta {date}", "to {date}"),
    "valid_always": ("sin fechas de vigencia registradas", "no validity dates recorded"),
    "superseded_by": ("Sustituida por", "Superseded by"),
    "publisher": ("Editor", "Publisher"),
    "date": ("Fecha", "Date"),
    "status": ("Estado", "Status"),
    "due": ("Vence", "Due"),
    "completed": ("Completado", "Completed"),
    "undefined": ("no está definido en el plan", "is not defined in the plan"),
    "fix_replace": ("Cambiar `{old}` por `{new}`", "Change `{old}` to `{new}`"),
    "fix_suppress": (
        "Suprimir {code} en esta línea (con un motivo)",
        "Suppress {code} on this line (with a reason)",
    ),
    "fix_unused": ("Quitar la supresión que no se usa", "Remove the unused suppression"),
}


def w(key: str, lang: str, **values: object) -> str:
    es, en = _WORDS[key]
    return (es if lang == "es" else en).format(**values)
