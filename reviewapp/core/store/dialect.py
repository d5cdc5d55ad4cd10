"""The few places where SQLite's SQL and PostgreSQL's differ, as one object per server."""

from __future__ import annotations

from typing import NamedTuple


class Dialect(NamedTuple):
    name: str

    def json(self, column: str, field: str) -> str:
        """A text field of a JSON column."""
        if self.name == "postgresql":
            return f"({column}::jsonb ->> '{field}')"
        return f"json_extract({column}, '$.{field}')"

    def list_of(self, expression: str) -> str:
        """An aggregate: the values joined with commas."""
        if self.name == "postgresql":
            return f"string_agg(({expression})::text, ',')"
        return f"group_concat({expression})"

    @property
    def differs(self) -> str:
        """Not equal, NULL being a value (SQLite before 3.39 lacks IS DISTINCT FROM)."""
        return "IS DISTINCT FROM" if self.name == "postgresql" else "IS NOT"


SQLITE = Dialect("sqlite")
POSTGRESQL = Dialect("postgresql")
