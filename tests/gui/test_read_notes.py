"""How a draft was read (an encoding guessed, tracked changes taken as accepted) stays above its
text while it is open: a status message went before anyone read it."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml

from .conftest import wait_analysed

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _tracked_docx(path):
    word = docx.Document()
    paragraph = word.add_paragraph("The council voted ")
    paragraph._p.append(
        parse_xml(f'<w:ins {_W} w:id="1" w:author="Ana Ruiz"><w:r><w:t>7-2</w:t></w:r></w:ins>')
    )
    paragraph.add_run(" on Tuesday to approve the budget.")
    word.save(path)
    return path


def test_tracked_changes_are_noted_above_the_text(window, qtbot, tmp_path):
    tab = window.open_path(_tracked_docx(tmp_path / "draft.docx"))
    wait_analysed(qtbot, tab)
    assert tab.text == "The council voted 7-2 on Tuesday to approve the budget."
    assert not tab.layout_note.isHidden()
    assert tab.layout_note.text() == (
        "Tracked changes not yet accepted or rejected: read as if all were accepted."
    )


def test_a_guessed_encoding_is_noted_and_a_plain_draft_has_no_note(window, qtbot, tmp_path, foxconn_copy):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners say the council voted on Tuesday.\n".encode("cp1252"))
    tab = window.open_path(latin)
    wait_analysed(qtbot, tab)
    assert tab.layout_note.text().startswith("Not valid UTF-8; read as Windows-1252")
    assert not tab.layout_note.isHidden()
    plain = window.open_path(foxconn_copy)
    wait_analysed(qtbot, plain)
    assert plain.layout_note.isHidden()


def test_saved_as_a_new_file_the_note_about_the_old_one_goes(window, qtbot, tmp_path):
    tab = window.open_path(_tracked_docx(tmp_path / "draft.docx"))
    wait_analysed(qtbot, tab)
    target = tmp_path / "draft.txt"
    assert window.files.write(tab, target)
    tab.saved_as(target)
    assert tab.layout_note.isHidden()
    assert target.read_text(encoding="utf-8") == tab.text


def test_a_draft_not_in_english_is_noted(window, qtbot, tmp_path):
    from tests.core.test_language import GERMAN

    path = tmp_path / "haushalt.txt"
    path.write_text(GERMAN, encoding="utf-8")
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    assert tab.layout_note.text().startswith("This draft does not read as English")
    assert not tab.layout_note.isHidden()


def test_a_draft_not_in_english_saved_as_another_file_still_says_so(window, qtbot, tmp_path):
    from tests.core.test_language import GERMAN

    path = tmp_path / "haushalt.txt"
    path.write_text(GERMAN, encoding="cp1252")  # not UTF-8 (ß, ü): said too, of how this file was read
    tab = window.open_path(path)
    wait_analysed(qtbot, tab)
    assert (
        "Not valid UTF-8" in tab.layout_note.text() and "does not read as English" in tab.layout_note.text()
    )
    target = tmp_path / "haushalt-2.txt"
    assert window.files.write(tab, target)
    tab.saved_as(target)
    assert tab.layout_note.text().startswith("This draft does not read as English")
    assert "UTF-8" not in tab.layout_note.text()


def test_an_odt_opens_with_its_tracked_changes_noted(window, qtbot):
    from tests.core.test_odt import COUNCIL

    tab = window.open_path(COUNCIL)
    wait_analysed(qtbot, tab)
    assert tab.text.startswith("Council approves bus plan\nThe council voted seven to two")
    assert tab.layout_note.text() == (
        "Tracked changes not yet accepted or rejected: read as if all were accepted."
    )
    assert not tab.layout_note.isHidden()
    assert window.windowTitle().startswith("council.odt")


def test_a_paragraph_the_page_hides_stays_a_finding_while_the_draft_is_edited(window, qtbot, tmp_path):
    from tests.core.test_hidden_text import HIDDEN, PAGE

    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    tab = window.open_path(path)
    review = wait_analysed(qtbot, tab)
    assert HIDDEN in [f.text for f in review.findings if f.rule == "boilerplate.hidden"]
    assert tab.layout_note.text().startswith("3 passages hidden from the page's readers")
    qtbot.keyClicks(tab.editor, "Draft: ")
    review = wait_analysed(qtbot, tab)
    assert tab.text.startswith("Draft: ")
    assert HIDDEN in [f.text for f in review.findings if f.rule == "boilerplate.hidden"]
