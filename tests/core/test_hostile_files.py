"""Hostile files through the commands users run: `check`, `report` and `status` each give exit
status 2 and one line on stderr for each, never a traceback, and a good draft beside them is
still checked. The shapes are those of benchmarks/bench_hostile.py, at sizes a test can afford,
and some the size limit refuses."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, core: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
        )
        if core is not None:
            package.writestr("docProps/core.xml", core)
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)

ENCRYPTED_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" '
    'manifest:size="2000"><manifest:encryption-data '
    'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
    'manifest:checksum="AAAA"><manifest:algorithm '
    'manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
    'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>'
    "</manifest:manifest>"
)

# name -> (file name, bytes, what stderr says)
BAD = {
    "empty": ("empty.txt", b"", "the file is empty"),
    "binary": ("binary.txt", bytes(range(256)) * 40, "binary.txt: this is binary"),
    "only control characters": (
        "controls.txt",
        b"\x01\x02\x03\x04" * 500,
        "controls.txt: this looks like binary",
    ),
    "html with no text": (
        "nothing.html",
        b"<html><script>var x;</script></html>",
        "nothing.html: the draft is empty",
    ),
    "html, unclosed tags": ("tags.html", b"<a" * 50_000, "tags.html: the draft is empty"),
    "docx, not a zip": ("fake.docx", b"PK\x03\x04 not really", "not a .docx"),
    "docx, broken xml": ("broken.docx", docx("<w:p><w:r><w:t>half"), "damaged"),
    "docx, no body": ("nobody.docx", b"", "no word/document.xml"),
    "docx, encrypted": ("secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password"),
    "docx, billion laughs": ("laughs.docx", BILLION_LAUGHS.encode(), "laughs.docx: the .docx is damaged"),
    "odt, not a zip": ("fake.odt", b"PK\x03\x04 not really", "not a .odt"),
    "odt, billion laughs": ("laughs.odt", BILLION_LAUGHS.encode(), "laughs.odt: the .odt is damaged"),
    "odt, encrypted": ("secret.odt", b"", "password-protected"),
    "html, nested past any page": (
        "deep.html",
        b"<p>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000,
        "nests more than 2,048 levels deep",
    ),
    "a name with a line break": ("two\nlines.txt", b"", "two\\nlines.txt"),
    "a right-to-left override": ("evil\u202etxt.exe.txt", b"", "evil\\u202etxt.exe.txt"),
}


def run(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REVIEWAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "reviewapp", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    written = {}
    for name, (file_name, content, expected) in BAD.items():
        path = folder / file_name
        # A broken docx is a zip holding bad XML; "docx, no body" a zip without word/document.xml.
        if name == "docx, no body":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as package:
                package.writestr("hello.txt", "hi")
            content = buffer.getvalue()
        if name in ("docx, billion laughs", "odt, billion laughs"):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as package:
                package.writestr(
                    "content.xml" if file_name.endswith(".odt") else "word/document.xml", content
                )
            content = buffer.getvalue()
        if name == "odt, encrypted":  # as LibreOffice saves with a password: the parts are ciphered
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as package:
                package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
                package.writestr("content.xml", os.urandom(2000))
                package.writestr("META-INF/manifest.xml", ENCRYPTED_MANIFEST)
            content = buffer.getvalue()
        path.write_bytes(content)
        written[name] = (path, expected)
    good = folder / "good.txt"
    good.write_text(
        "Library hours\nThe library opens at nine on weekdays, the council said.\n", encoding="utf-8"
    )
    return folder, written, good


def test_check_reports_each_bad_file_in_one_line_and_the_good_one_in_json(files, tmp_path):
    folder, written, good = files
    paths = [str(path) for path, _ in written.values()]
    done = run("check", "--format", "json", *paths, str(good), cwd=folder, home=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == len(written), lines
    for name, (_path, expected) in written.items():
        assert sum(1 for line in lines if expected in line) >= 1, (name, lines)
    documents = json.loads(done.stdout)["documents"]
    assert [d["path"] for d in documents] == [str(good)]


@pytest.mark.parametrize("command", ["report", "status"])
def test_report_and_status_say_one_line_for_each_bad_file(files, tmp_path, command):
    folder, written, _good = files
    db = tmp_path / "r.sqlite3"
    for name, (path, expected) in written.items():
        extra = ["-o", str(tmp_path / "out.html")] if command == "report" else []
        done = run(command, str(path), "--db", str(db), "--init", *extra, cwd=folder, home=tmp_path)
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (name, lines)


def test_nul_bytes_are_removed_with_a_warning_and_never_reach_a_report(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(
        b"Library hours\nThe library opens at nine.\n" + b"x" * 9000 + b"\x00\x00 and closes at six.\n"
    )
    out = ["-o", str(tmp_path / "r.html")]
    done = run(
        "report", str(path), "--db", str(tmp_path / "r.sqlite3"), "--init", *out, cwd=tmp_path, home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "removed 2 characters that are not text" in done.stderr
    assert "\x00" not in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", b""),
        ("utf-32-be", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_wide_encodings_without_a_mark_are_told_apart(tmp_path, encoding, bom):
    from reviewapp.core import load_path

    text = "Library hours\nThe library opens at nine on weekdays.\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + text.encode(encoding))
    document = load_path(path)
    assert document.text == text
    assert bool(document.warnings) == (not bom)  # no mark: the reading is said
    assert document.encoding.encode(document.text) == path.read_bytes()  # saved back the same


def test_offsets_index_the_text_after_a_byte_order_mark(tmp_path):
    """As the findings contract and the README say: the mark is not part of the text."""
    from reviewapp.core import Analyzer, load_path

    content = "Library hours\nIt might rain, it seems.\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + content.encode("utf-8"))
    findings = Analyzer().analyze(load_path(path)).findings
    assert findings and all(content[f.start : f.end] == f.text for f in findings)


def test_the_size_limit_is_one_number_in_every_message(tmp_path):
    from reviewapp.core import errors, load_path
    from reviewapp.core.limits import InputLimits

    small = InputLimits(text_mb=1)
    cases = {
        "big.txt": b"word " * 300_000,
        "big.html": b"<p>" + b"word " * 700_000 + b"</p>",
        "long.html": b"<p>" + b"word " * 300_000 + b"</p>",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(errors.FileTooLargeError, match="the 1 MB limit"):
            load_path(tmp_path / name, small)
    many = tmp_path / "many.docx"
    many.write_bytes(docx("".join(f'<w:p w:rsidR="{n}"/>' for n in range(60_000))))
    with pytest.raises(errors.FileTooLargeError, match=r"over 50,000 paragraphs \(.*the 1 MB limit"):
        load_path(many, small)
    # In one table's cells too: a table is held until it ends, but never more of it than a bound.
    cells = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:tc></w:tr>" for n in range(60_000))
    many.write_bytes(docx(f"<w:tbl>{cells}</w:tbl>"))
    with pytest.raises(errors.FileTooLargeError, match=r"over 50,000 paragraphs \(.*the 1 MB limit"):
        load_path(many, small)
