"""Category colours and line styles as Qt sees them (the table itself is in the core, shared
with reports).

Colour is never the only cue: each category also has its own line (dotted,
dashed, wavy, struck through...), drawn in the text and in the legend's icon,
so a reader who cannot tell the colours apart can tell the lines.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat

from ..core.categories import CATEGORY, LABELS

__all__ = [
    "LABELS",
    "WARNING_COLOR",
    "category_color",
    "category_icon",
    "highlight_background",
    "line_format",
]

# Okabe–Ito vermillion, for refusals and warnings in dialogs: legible in light and dark themes.
WARNING_COLOR = "#D55E00"

_UNDERLINES = {
    "single": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "dashdot": QTextCharFormat.UnderlineStyle.DashDotLine,
    "dashdotdot": QTextCharFormat.UnderlineStyle.DashDotDotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
}
_PENS = {
    "single": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
    "dashdotdot": Qt.PenStyle.DashDotDotLine,
}


def category_color(category: str, dark: bool) -> QColor:
    return QColor(CATEGORY[category].colour(dark))


def highlight_background(category: str, dark: bool, resolved: bool = False) -> QColor:
    color = category_color(category, dark)
    color.setAlpha(40 if resolved else (110 if dark else 85))
    return color


def line_format(category: str, dark: bool, resolved: bool = False) -> QTextCharFormat:
    """The category's own line, in its colour (fainter once resolved)."""
    fmt = QTextCharFormat()
    line = CATEGORY[category].line
    if line == "strike":
        fmt.setFontStrikeOut(not resolved)  # text to cut: struck through until settled
        return fmt
    color = category_color(category, dark)
    if resolved:
        color.setAlpha(90)
    fmt.setUnderlineStyle(_UNDERLINES[line])
    fmt.setUnderlineColor(color)
    return fmt


def category_icon(category: str, dark: bool, size: int = 18) -> QIcon:
    """The legend's sample: a tinted patch with the category's line across it."""
    width, height = size * 2, size
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    color = category_color(category, dark)
    painter = QPainter(pixmap)
    painter.fillRect(QRectF(0, 0, width, height), highlight_background(category, dark))
    line = CATEGORY[category].line
    pen = QPen(color, 2)
    if line == "strike":
        pen.setColor(QColor("#e6e6e6" if dark else "#222222"))
        painter.setPen(pen)
        painter.drawLine(QPointF(2, height / 2), QPointF(width - 2, height / 2))
    elif line == "wave":
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        path = QPainterPath(QPointF(1, height - 5))
        for x in range(1, width):
            path.lineTo(QPointF(x, height - 5 + 2.5 * math.sin(x / 1.6)))
        painter.drawPath(path)
    else:
        pen.setStyle(_PENS[line])
        painter.setPen(pen)
        painter.drawLine(QPointF(1, height - 3), QPointF(width - 1, height - 3))
    painter.end()
    return QIcon(pixmap)
