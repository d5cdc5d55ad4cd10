"""Colours as document formats write them, judged as a reader sees them on the page."""

from __future__ import annotations

# Each of red, green and blue at least this: white to the eye on white paper ("F5F5F5", "FAFAFA").
NEAR_WHITE = 0xF0


def near_white_hex(rgb: str) -> bool:
    """Is a colour of six hex digits ("FFFFFF", "fefefa") white to the eye? Anything else is not."""
    if len(rgb) != 6 or rgb[0] not in "EeFf":  # most colours: no need to read the rest
        return False
    try:
        return min(bytes.fromhex(rgb)) >= NEAR_WHITE
    except ValueError:
        return False
