"""The application icon, from the PNGs rendered out of resources/icons/reviewapp.svg."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..core.resources import resource_path


def app_icon() -> QIcon:
    """Every rendered size, so each desktop picks a sharp one (no SVG plugin needed)."""
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("reviewapp-*.png")):
        icon.addFile(str(png))
    return icon
