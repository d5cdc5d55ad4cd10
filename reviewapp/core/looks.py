"""How formatted text looks to a reader, as document formats write it: colours judged as the eye
sees them on the page, and styles whose settings are layered over their parents'."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

# Each of red, green and blue at least this: white to the eye on white paper ("F5F5F5", "FAFAFA").
NEAR_WHITE = 0xF0
_MOST_PARENTS = 32  # styles with parents: deeper (or a loop) is damage, read no further


def near_white_hex(rgb: str) -> bool:
    """Is a colour of six hex digits ("FFFFFF", "fefefa") white to the eye? Anything else is not."""
    if len(rgb) != 6 or rgb[0] not in "EeFf":  # most colours: no need to read the rest
        return False
    try:
        return min(bytes.fromhex(rgb)) >= NEAR_WHITE
    except ValueError:
        return False


class Layer(Protocol):
    def over(self: L, below: L) -> L:
        """These settings over `below`: each from here where set, else from below."""
        ...


L = TypeVar("L", bound=Layer)


class StyleChain(Generic[L]):
    """Styles by name, each with its own settings and its parent's name (Word's "based on",
    OpenDocument's parent style): a style's settings over its parents', each worked out once, as
    a part may hold thousands of styles, each the next one's parent."""

    def __init__(self, empty: L) -> None:
        self._empty = empty  # the settings of no style: nothing set
        self._own: dict[str, tuple[str | None, L]] = {}
        self._resolved: dict[str, L] = {}

    def add(self, name: str, parent: str | None, own: L) -> None:
        self._own[name] = (parent, own)
        self._resolved.clear()  # a style added later may be another's parent

    def look(self, name: str | None, depth: int = 0) -> L:
        """A style's settings, with its parents'; none for a name no style has."""
        if name is None or depth > _MOST_PARENTS:
            return self._empty
        found = self._resolved.get(name)
        if found is None:
            entry = self._own.get(name)
            if entry is None:
                return self._empty
            self._resolved[name] = self._empty  # a style its own parent, by a loop: nothing more
            parent, own = entry
            found = self._resolved[name] = own.over(self.look(parent, depth + 1))
        return found
