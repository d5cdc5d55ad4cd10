"""The JSON Schema of the JSON report, with its vocabularies read from the tables.

Categories, severities, resolution statuses, decisions and approval states are
written once, in their tables; the schema's `$defs` take them from there. The
file shipped in resources/schema/ is what this builds (a test checks it);
after changing a table, rewrite it with:

    python -m reviewapp.core.report.schema --write
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..categories import CATEGORIES
from ..decisions import DECISIONS, RESOLUTION_TABLE
from ..findings import SEVERITIES
from ..gate import APPROVAL_STATES
from ..resources import resource_path

SCHEMA_FILE = ("schema", "report.schema.json")


def vocabularies() -> dict[str, Any]:
    """The `$defs` that come from the tables."""
    return {
        "category": {"enum": list(CATEGORIES)},
        "severity": {"enum": list(SEVERITIES)},
        # A report shows the decision that stands: never "reopened", which takes one back.
        "resolution_status": {"enum": [status.id for status in RESOLUTION_TABLE if status.closes]},
        "decision": {"enum": list(DECISIONS)},
        "approval": {"enum": list(APPROVAL_STATES)},
        "counts": {
            "type": "object",
            "required": list(SEVERITIES),
            "additionalProperties": False,
            "properties": {s: {"type": "integer", "minimum": 0} for s in SEVERITIES},
        },
    }


def shipped_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path(*SCHEMA_FILE).read_text(encoding="utf-8"))
    return data


def report_schema() -> dict[str, Any]:
    """The shipped schema with its vocabularies as the tables have them now."""
    schema = shipped_schema()
    schema["$defs"].update(vocabularies())
    return schema


def main(argv: list[str]) -> int:
    schema = report_schema()
    if "--write" in argv:
        resource_path(*SCHEMA_FILE).write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        return 0
    same = schema == shipped_schema()
    print("the schema agrees with the tables" if same else "the schema differs from the tables: --write")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
