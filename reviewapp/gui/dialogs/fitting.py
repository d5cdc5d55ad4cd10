"""Dialogs sized to show all of their wrapped text, and text too long for the screen scrolled."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QScrollArea

SCREEN_SHARE = 0.9  # a dialog takes at most this much of the screen's height
TEXT_SHARE = 0.5  # and one scrolled text at most this much, before it scrolls


def scrolled(label: QLabel) -> QScrollArea:
    """`label` in a frameless area that scrolls it when it is too long for the screen."""
    area = QScrollArea()
    area.setObjectName(f"{label.objectName()}-area")
    area.setWidget(label)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a stop for Tab only when it scrolls (fit_to_text)
    return area


def fit_to_text(dialog: QDialog, width: int, min_height: int, areas: Iterable[QScrollArea] = ()) -> None:
    """Resize `dialog` to `width` and tall enough to show its wrapped labels in full.

    A window's minimum size does not follow a wrapped label's height for its
    width, so a dialog given a fixed size cut off the end of a long
    explanation: its layout is asked how tall it must be at that width. Each
    of `areas` (see `scrolled`) is given its text's height, up to a share of
    the screen's; beyond that it scrolls.
    """
    screen = dialog.screen()
    available = int(screen.availableGeometry().height() * SCREEN_SHARE) if screen is not None else 10_000
    dialog.resize(width, min_height)
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()  # the areas' widths at this size
    for area in areas:
        label = area.widget()
        if label is not None:
            text_height = label.heightForWidth(area.viewport().width())
            room = int(available * TEXT_SHARE)
            area.setMinimumHeight(min(text_height, room))
            # Keys reach the rest of a text that scrolls (Tab to it, then the arrows); one that
            # fits is no stop, so the first field still has the focus when the dialog opens.
            area.setFocusPolicy(Qt.FocusPolicy.TabFocus if text_height > room else Qt.FocusPolicy.NoFocus)
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    dialog.resize(width, max(min_height, min(needed, available)))
