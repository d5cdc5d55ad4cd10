"""View: the findings filters from the keyboard (the same state as the boxes under the text),
and the size of the draft's text."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ...core.categories import CATEGORIES, LABELS
from ...core.findings import SEVERITIES
from ..document.editor import TEXT_SIZE
from ..document.tab import DocumentTab
from . import make_action
from .host import Host, widget


class ViewActions(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(widget(window))
        self.window = window
        self.categories: dict[str, QAction] = {}
        self.categories_menu = QMenu("Show &Categories", widget(window))
        for number, category in enumerate(CATEGORIES, 1):
            action = make_action(
                self, f"&{number} {LABELS[category]}", lambda on, c=category: self._set_category(c, on),
                f"Ctrl+Alt+{number}", checkable=True,  # Alt+1, Alt+2 are the finding card's fixes
            )  # fmt: skip
            action.setChecked(True)
            self.categories[category] = action
            self.categories_menu.addAction(action)
        self.severity_menu = QMenu("Minimum &Severity", widget(window))
        group = QActionGroup(self)
        self.severities: dict[str, QAction] = {}
        for severity in SEVERITIES:
            action = make_action(
                self, f"&{severity.capitalize()}", lambda _=False, s=severity: self._set_severity(s)
            )
            action.setCheckable(True)
            group.addAction(action)
            self.severities[severity] = action
            self.severity_menu.addAction(action)
        self.severities[SEVERITIES[0]].setChecked(True)
        self.show_resolved = make_action(
            self, "Show &Resolved Findings", self._set_resolved, "Ctrl+Shift+R", checkable=True
        )
        self.show_resolved.setChecked(True)
        self.filter_text = make_action(self, "&Filter Findings by Text…", self._focus_filter, "Ctrl+Shift+F")
        self.text_size = saved_text_size(window.settings)
        self.zoom_in = make_action(self, "Zoom &In", lambda: self.change_text_size(1))
        # Ctrl+= too: on most keyboards "+" is Shift+=, and editors take both.
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = make_action(
            self, "Zoom &Out", lambda: self.change_text_size(-1), QKeySequence.StandardKey.ZoomOut
        )
        self.actual_size = make_action(self, "&Actual Size", lambda: self.set_text_size(TEXT_SIZE), "Ctrl+0")

    def _tab(self) -> DocumentTab | None:
        return self.window.current()

    def _set_category(self, category: str, on: bool) -> None:
        tab = self._tab()
        if tab is not None:
            tab.panel.category_boxes[category].setChecked(on)

    def _set_severity(self, severity: str) -> None:
        tab = self._tab()
        if tab is not None:
            tab.panel.severity_box.setCurrentText(severity)

    def _set_resolved(self, on: bool) -> None:
        tab = self._tab()
        if tab is not None:
            tab.panel.resolved_box.setChecked(on)

    def _focus_filter(self) -> None:
        tab = self._tab()
        if tab is not None:
            tab.panel.text_filter.setFocus()
            tab.panel.text_filter.selectAll()

    # -- the size of the text

    def change_text_size(self, steps: int) -> None:
        """Larger (steps > 0) or smaller by a point a step, in every draft (Ctrl+wheel too)."""
        self.set_text_size(self.text_size + steps)

    def set_text_size(self, points: int) -> None:
        points = _bounded(points)
        if points != self.text_size:
            self.text_size = points
            self.window.settings.setValue(TEXT_SIZE_KEY, points)
            for tab in self.window.tab_list():
                tab.editor.set_text_size(points)
        edge = {MIN_TEXT_SIZE: " (the smallest)", MAX_TEXT_SIZE: " (the largest)"}.get(points, "")
        self.window.status.showMessage(f"Text size {points} pt{edge}; Ctrl+0 for {TEXT_SIZE} pt.", 3000)

    def sync(self, tab: DocumentTab | None) -> None:
        """Show the current draft's filters (each draft keeps its own)."""
        if tab is None:
            return
        panel = tab.panel
        for category, action in self.categories.items():
            action.setChecked(panel.category_boxes[category].isChecked())
        self.severities[panel.severity_box.currentText()].setChecked(True)
        self.show_resolved.setChecked(panel.resolved_box.isChecked())


MIN_TEXT_SIZE, MAX_TEXT_SIZE = 7, 40
TEXT_SIZE_KEY = "view/text_size"


def saved_text_size(settings: QSettings) -> int:
    """The size chosen last time, within bounds (a hand-edited settings file may hold anything)."""
    try:
        points = int(settings.value(TEXT_SIZE_KEY, TEXT_SIZE))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return TEXT_SIZE
    return _bounded(points)


def _bounded(points: int) -> int:
    return min(max(points, MIN_TEXT_SIZE), MAX_TEXT_SIZE)
