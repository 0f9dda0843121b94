"""The `--status` choices of `dean status` are derived, not copied: they are the initiative
status enum of schemas/initiative.schema.json, in its order."""

from __future__ import annotations

import json

from deancli.cli.status import STATUSES
from tests.conftest import REPO


def test_status_choices_are_the_schemas_enum():
    schema = json.loads((REPO / "schemas" / "initiative.schema.json").read_text(encoding="utf-8"))
    assert list(STATUSES) == schema["properties"]["status"]["enum"]
