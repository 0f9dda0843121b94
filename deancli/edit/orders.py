"""The canonical key order of every mapping in the plan's files: `dean fmt` lays keys out in
it, and `dean set` / `dean new` insert a new key next to its neighbours in it.

Every key the schemas allow at a place is in the order for that place, and nothing else
(``tests/unit/edit/test_orders.py`` compares them with ``schemas/``, so a new schema field
cannot be forgotten here). The order itself is the plan's layout, not the schema's.
"""

from __future__ import annotations

# Canonical key order (schema order) for inserting new keys next to their neighbours.
INITIATIVE_ORDER = [
    "schema_version",
    "id",
    "slug",
    "pillar",
    "title",
    "title_provenance",
    "summary",
    "announced",
    "status",
    "status_as_of",
    "status_sources",
    "leads",
    "participants",
    "depends_on",
    "related",
    "notes",
    "milestones",
    "indicators",
    "sources",
    "tags",
]
MILESTONE_ORDER = [
    "id",
    "kind",
    "title",
    "due",
    "due_precision",
    "status",
    "status_as_of",
    "completed_on",
    "completed_by",
    "reported_as",
    "owners",
    "depends_on",
    "basis",
    "illustrative",
    "sources",
    "note",
]
SOURCE_ORDER = [
    "id",
    "title",
    "publisher",
    "url",
    "date",
    "lang",
    "kind",
    "official",
    "grade",
    "note",
]
LEADS_ORDER = ["mx", "us", "sources", "note"]

ORDERS: dict[str, dict[str, list[str]]] = {
    "initiative": {
        "": INITIATIVE_ORDER,
        "milestones[]": MILESTONE_ORDER,
        "sources[]": SOURCE_ORDER,
        "leads": LEADS_ORDER,
        "title": ["es", "en"],
        "summary": ["es", "en"],
        "notes": ["es", "en"],
        "participants[]": ["org", "role", "sources", "note"],
    },
    "dialogue": {
        "": ["schema_version", "dialogue", "pillars", "sources"],
        "dialogue": [
            "name",
            "acronym",
            "established",
            "relaunched",
            "work_plan_presented",
            "co_chairs",
            "sources",
            "notes",
            "meetings",
            "last_known_meeting",
        ],
        "pillars[]": [
            "number",
            "roman",
            "title",
            "title_provenance",
            "title_aliases",
            "summary",
            "sources",
        ],
        "sources[]": SOURCE_ORDER,
    },
    "organizations": {
        "": ["schema_version", "organizations", "sources"],
        "organizations[]": [
            "id",
            "country",
            "type",
            "acronym",
            "name",
            "valid_from",
            "valid_to",
            "end_kind",
            "superseded_by",
            "note",
            "sources",
        ],
        "sources[]": SOURCE_ORDER,
    },
}
