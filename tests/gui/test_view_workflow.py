"""Seeing and moving: filters from the keyboard, find and replace, the legend in both themes,
a small window, and categories told apart without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog

from reviewapp.core.categories import CATEGORIES
from reviewapp.gui.palette import highlight_background, line_format

from .conftest import wait_analysed


def test_filters_are_reached_from_the_view_menu(window, qtbot, foxconn_copy):
    """Defect 7: the category filters, severity and "show resolved" had no keyboard way in."""
    tab = window.open_path(foxconn_copy)
    review = wait_analysed(qtbot, tab)
    view = window.view
    assert view.categories["hedge"].shortcut().toString() == "Ctrl+Alt+2"
    view.categories["hedge"].trigger()
    assert not tab.panel.category_boxes["hedge"].isChecked()
    assert not any(f.category == "hedge" for f in tab.panel.shown_findings())
    view.severities["warning"].trigger()
    assert tab.panel.severity_box.currentText() == "warning"
    assert all(f.severity != "suggestion" for f in tab.panel.shown_findings())
    view.show_resolved.trigger()
    assert not tab.panel.resolved_box.isChecked()
    view.filter_text.trigger()
    assert tab.panel.text_filter.hasFocus() or tab.panel.focusWidget() is tab.panel.text_filter
    qtbot.keyClicks(tab.panel.text_filter, "Foxconn")
    shown = tab.panel.shown_findings()
    assert shown and all("foxconn" in (f.text + f.message).lower() for f in shown)
    assert len(shown) < len(review.findings)


def test_stepping_shows_the_suggestion(window, qtbot, foxconn_copy):
    """Defect 8: a keyboard user never saw a finding's suggestion."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.findings.step(False)
    finding = tab.panel.current()
    assert finding.suggestion and finding.suggestion in window.statusBar().currentMessage()
    assert finding.suggestion in tab.card.body.text()


def test_find_and_replace(window, qtbot, foxconn_copy):
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.find_call("find")
    bar = tab.find_bar
    assert bar.isVisible() and not bar.replace_box.isVisible()
    qtbot.keyClicks(bar.find_box, "Foxconn")
    assert bar.find_next() and tab.editor.textCursor().selectedText() == "Foxconn"
    first = tab.editor.textCursor().selectionStart()
    window.find_call("next")
    assert tab.editor.textCursor().selectionStart() > first
    window.find_call("replace")
    assert bar.replace_box.isVisible() and bar.find_box.hasFocus()
    # Tab goes from what to find to what to put instead (in the row's order it went to "Previous").
    qtbot.keyClick(bar.find_box, Qt.Key.Key_Tab)
    assert bar.replace_box.hasFocus()
    qtbot.keyClicks(bar.replace_box, "Hon Hai")
    count = tab.text.count("Foxconn")
    assert bar.replace_all() == count and "Foxconn" not in tab.text
    tab.editor.undo()  # one undo step for the lot
    assert tab.text.count("Foxconn") == count
    qtbot.keyClick(bar.find_box, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_replace_has_its_own_key_and_history_keeps_ctrl_h(window):
    keys = {
        a.text(): a.shortcut().toString() for menu in window.menus.actions() for a in menu.menu().actions()
    }
    assert keys["&Find…"] == "Ctrl+F" and keys["R&eplace…"] == "Ctrl+Shift+H"
    assert keys["&History…"] == "Ctrl+H"
    shortcuts = [s for s in keys.values() if s]
    assert len(shortcuts) == len(set(shortcuts)), "two commands share a key"


def test_each_menu_item_has_its_own_access_key(window):
    """Two items of one menu with one underlined letter: the key only moved between them (Edit had
    Find and Preferences on F; Review three such pairs)."""
    import re

    def check(menu, path):
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            found = re.search(r"&([^&])", action.text())
            assert found, f"{path} > {action.text()!r} has no access key"
            letter = found.group(1).lower()
            assert letter not in letters, f"{path}: {letters.get(letter)!r} and {action.text()!r}"
            letters[letter] = action.text()
            if action.menu() is not None:
                check(action.menu(), f"{path} > {action.text()}")

    check(window.menus, "menu bar")


def test_help_lists_every_menu_command_with_its_keys(window, qtbot):
    """Help > Keyboard Shortcuts (F1) is read from the menus, so it names every command and its keys."""
    from PySide6.QtGui import QKeySequence

    [help_action] = [
        a for m in window.menus.actions() for a in m.menu().actions()
        if a.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    ]  # fmt: skip
    help_action.trigger()
    dialog = window.findChild(QDialog, "shortcuts-dialog")
    assert dialog is not None and dialog.isVisible()
    shown = {}
    for group in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(group)
        for row in range(item.childCount()):
            shown[(item.text(0), item.child(row).text(0))] = item.child(row).text(1)
    assert shown[("Review", "Resolve Finding…")] == "Ctrl+R"
    assert shown[("Edit", "Preferences…")] == QKeySequence(QKeySequence.StandardKey.Preferences).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert shown[("Elsewhere", "Finding card > Resolve…")] == "Alt+S"
    assert not any("&" in name for _, name in shown)
    commands = [
        a
        for m in window.menus.actions()
        for a in m.menu().actions()
        if not a.isSeparator() and a.menu() is None
    ]
    listed = [name for (group, name) in shown if group != "Elsewhere" and " > " not in name]
    assert len(listed) == len(commands)
    dialog.close()


def test_no_two_things_in_the_window_share_a_key(window, qtbot, foxconn_copy):
    """Alt+1 was both a category's filter and the finding card's first fix: Qt then runs neither
    ("ambiguous shortcut"). The menus' keys, the menus' access keys and the card's must all differ."""
    from PySide6.QtGui import QKeySequence

    from reviewapp.gui.document.finding_card import CARD_COMMANDS, MAX_FIX_BUTTONS

    menus = [a for m in window.menus.actions() for a in m.menu().actions()]
    menus += [a for m in menus if m.menu() is not None for a in m.menu().actions()]
    keys = [k.toString() for a in menus for k in a.shortcuts()]
    keys += [QKeySequence.mnemonic(m.text()).toString() for m in window.menus.actions()]
    keys += [QKeySequence.mnemonic(label).toString() for label in CARD_COMMANDS]
    keys += [QKeySequence.mnemonic(f"&{n}").toString() for n in range(1, MAX_FIX_BUTTONS + 1)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)

    # And the card's first fix is applied by its key while a fix is on offer.
    tab = window.open_path(foxconn_copy)
    review = wait_analysed(qtbot, tab)
    figure = next(f for f in review.findings if f.rule == "claim.figure")
    tab.jump_to(figure)
    assert tab.card.fix_buttons[0].isVisible()
    before = tab.text
    qtbot.keyClick(tab.editor, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.text != before, timeout=2000)  # a button's key clicks it after a beat
    assert window.view.categories["claim"].isChecked()


def test_the_legend_follows_the_theme(window, qtbot, foxconn_copy):
    """Defect 4: after switching to dark, the legend's labels stayed near-black."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    box = tab.panel.category_boxes["claim"]
    for dark, light_text in ((True, True), (False, False), (True, True)):
        window.set_dark(dark)
        qtbot.wait(10)  # the new palette reaches each widget through the event loop
        color = box.palette().color(QPalette.ColorRole.WindowText)
        assert box.styleSheet() == ""
        assert (color.lightness() > 150) is light_text, (dark, color.name())


def test_disabled_controls_stay_dark_in_the_dark_theme(window, qtbot):
    """A disabled button, field, box and list took the light palette's white in the dark theme."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

    window.set_dark(True)
    qtbot.wait(10)
    for make in (lambda: QPushButton("Allow for the house"), lambda: QLineEdit("text"),
                 lambda: QCheckBox("Show resolved"), lambda: QComboBox()):  # fmt: skip
        shades = []
        for enabled in (True, False):
            widget = make()
            qtbot.addWidget(widget)
            widget.setEnabled(enabled)
            widget.resize(200, 30)
            image = widget.grab().toImage()
            # The widget's face, inside its frame: the colour most of it is painted in.
            shades.append(image.pixelColor(image.width() // 2, image.height() - 8).lightness())
        enabled_shade, disabled_shade = shades
        assert disabled_shade < 100, (type(widget).__name__, shades)
        assert abs(disabled_shade - enabled_shade) < 40, (type(widget).__name__, shades)


def test_a_small_window_keeps_the_counts_and_the_text(window, qtbot, foxconn_copy):
    """Defect 12: at 640×480 the legend lost its counts."""
    tab = window.open_path(foxconn_copy)
    wait_analysed(qtbot, tab)
    window.resize(640, 480)

    def legend_laid_out() -> None:  # the layouts settle over a few passes (slower on a busy machine)
        for category, box in tab.panel.category_boxes.items():
            assert box.isVisible() and "(" in box.text(), category
            assert box.width() >= box.sizeHint().width(), f"{category}'s label is cut"
            assert tab.panel.legend.rect().contains(box.geometry()), f"{category} is outside the legend"

    qtbot.waitUntil(legend_laid_out, timeout=3000)
    assert tab.editor.width() > 250
    table = tab.panel.table
    assert table.horizontalHeader().length() <= table.viewport().width() + 1, "columns run off the panel"


# --- colour is never the only cue ---------------------------------------------------------

# Machado, Oliveira and Fernandes (2009), deuteranopia at full severity, on linear RGB.
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance_as_seen(pixel: int) -> float:
    """Luminance (0-255) of a pixel as a deuteranope sees it."""
    rgb = [_linear(v) for v in ((pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255)]
    seen = [max(0.0, min(1.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in DEUTERANOPIA]
    return 255 * (0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2])


def render(category: str, dark: bool, with_lines: bool) -> list[float]:
    """A sample of text marked as the category marks it, as a deuteranope sees it."""
    document = QTextDocument()
    document.setPlainText("Sample words marked here")
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = line_format(category, dark) if with_lines else QTextCursor(document).charFormat()
    fmt.setBackground(highlight_background(category, dark))
    fmt.setForeground(QColor("#dfe1e5" if dark else "#000000"))
    cursor.mergeCharFormat(fmt)
    image = QImage(260, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e1f22" if dark else "#ffffff"))
    painter = QPainter(image)
    document.drawContents(painter, QRectF(0, 0, 260, 40))
    painter.end()
    return [_luminance_as_seen(image.pixel(x, y)) for y in range(40) for x in range(260)]


def differing_pixels(a: list[float], b: list[float]) -> int:
    return sum(1 for p, q in zip(a, b, strict=True) if abs(p - q) > 40)


@pytest.mark.parametrize("dark", [False, True])
def test_every_category_is_told_apart_under_deuteranopia(qtbot, dark):
    """Each category's line pattern keeps it apart when its colour does not (colour-vision simulation)."""
    seen = {c: render(c, dark, with_lines=True) for c in CATEGORIES}
    for i, a in enumerate(CATEGORIES):
        for b in CATEGORIES[i + 1 :]:
            assert differing_pixels(seen[a], seen[b]) >= 25, f"{a} and {b} look alike"
    # The control: by colour alone some categories are the same grey to a deuteranope.
    tints = {c: render(c, dark, with_lines=False) for c in ("peacock", "ai_tell", "boilerplate")}
    assert (
        min(
            differing_pixels(tints["peacock"], tints["ai_tell"]),
            differing_pixels(tints["peacock"], tints["boilerplate"]),
            differing_pixels(tints["ai_tell"], tints["boilerplate"]),
        )
        < 25
    )


def test_an_edit_elsewhere_keeps_the_tables_chosen_row_and_scroll(window, qtbot, tmp_path):
    """The findings table follows an edit with the rows it removes and adds, not a new table:
    the finding the editor chose stays chosen and the list does not jump back to the top."""
    article = (Path(__file__).parents[1] / "data" / "openai-foxconn.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("\n".join([article] * 6), encoding="utf-8")
    tab = window.open_path(path)
    review = wait_analysed(qtbot, tab)
    table, panel = tab.panel.table, tab.panel
    chosen = panel.shown_findings()[len(review.findings) // 2]
    panel.select(chosen)
    table.scrollTo(table.currentIndex())
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0 and panel.current() == chosen

    cursor = QTextCursor(tab.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " Experts say it might rain.")
    tab.scheduler.debounce.stop()
    tab.scheduler.start()
    after = wait_analysed(qtbot, tab)
    assert any(f.rule == "hedge.modal" and f.text == "might" for f in after.findings)  # it was analysed
    assert panel.current() is not None and panel.current().id == chosen.id
    assert table.verticalScrollBar().value() == scrolled
    assert panel.shown_findings() == sorted_like(panel, after)


def sorted_like(panel, review):
    """The review's findings in the table's order, from the model's own sort."""
    return panel.model._sorted([*review.findings, *review.allowed])


def test_the_card_quotes_a_quoted_sentence_once(window, qtbot, tmp_path):
    """The card showed “"Ridership fell 22 percent last year."”."""
    path = tmp_path / "draft.txt"
    path.write_text(
        'Council news\nRiders waited.\n"Ridership fell 22 percent last year."\n', encoding="utf-8"
    )
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    window.findings.step(False)
    body = tab.card.body.text()
    assert "Ridership fell 22 percent" in body and "“&quot;" not in body and '“"' not in body
