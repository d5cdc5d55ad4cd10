"""How a Word run looks through its layers of formatting (docx_look.py), on styles parts as a
damaged or hostile file may write them."""

from __future__ import annotations

import io
import zipfile

from reviewapp.core import docx_look
from reviewapp.core.docx_look import NO_LOOK, STYLES_PART, Look
from reviewapp.core.packages import small_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def read_styles(data: bytes | None) -> docx_look.Styles:
    """The styles of a package whose styles part holds `data` (None: a package without one), as
    the Word reader reads them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        if data is not None:
            package.writestr(STYLES_PART, data)
    return docx_look.read_styles(small_xml(zipfile.ZipFile(buffer), STYLES_PART, docx_look.STYLES_MOST_BYTES))


def styles_part(*styles: str, defaults: str = "") -> bytes:
    return f"<w:styles {W}>{defaults}{''.join(styles)}</w:styles>".encode()


def style(style_id: str, based_on: str | None = None, run: str = "", kind: str = "paragraph") -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}" w:styleId="{style_id}">{base}<w:rPr>{run}</w:rPr></w:style>'


def test_the_nearest_layer_names_each_setting():
    run = Look(vanish=False, color="000000")
    assert run.over(Look(vanish=True, color="FFFFFF", size="2")) == Look(False, "000000", "2", None)
    assert NO_LOOK.over(run) == run


def test_a_style_takes_what_it_does_not_name_from_the_one_it_is_based_on():
    styles = read_styles(
        styles_part(
            style("Base", run='<w:color w:val="FFFFFF"/><w:sz w:val="24"/>'),
            style("Dark", "Base", run='<w:color w:val="000000"/>'),
            style("Ghost", "Base"),
        )
    )
    assert styles.look("Dark") == Look(None, "000000", "24", None)
    assert styles.look("Ghost") == Look(None, "FFFFFF", "24", None)
    assert styles.hiding == {"Base", "Ghost"}
    # The run's own colour over its paragraph's white style; a run with no settings of its own
    # takes the white.
    assert not styles.run_look("Ghost", None, Look(color="000000")).may_hide()
    assert styles.run_look("Ghost", None, NO_LOOK).white()


def test_styles_based_on_each_other_in_a_loop_or_past_any_document_end():
    chain = [style(f"s{i}", f"s{i + 1}") for i in range(200)] + [style("s200", run="<w:vanish/>")]
    loop = [style("a", "b"), style("b", "a", run="<w:vanish/>")]
    styles = read_styles(styles_part(*chain, *loop))
    assert {"a", "b", "s200", "s199"} <= styles.hiding
    assert "s0" not in styles.hiding  # based on 200 styles: read no further than a document goes
    assert styles.look("a").vanish and styles.look("b").vanish


def test_a_missing_or_damaged_styles_part_has_no_styles():
    for data in (None, b"<w:styles", b"\x00\x01not xml"):
        styles = read_styles(data)
        assert styles.hiding == frozenset() and not styles.always


def test_defaults_that_hide_make_every_paragraph_looked_at():
    hidden_defaults = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="1"/></w:rPr></w:rPrDefault></w:docDefaults>'
    )
    assert read_styles(styles_part(defaults=hidden_defaults)).always
    assert not read_styles(styles_part(style("Normal"))).always
