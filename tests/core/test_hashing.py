"""What "this exact text" means: the documented rule, tested against how files differ on disk.

The text hash is SHA-256 of the text as decoded, without a byte-order mark,
with every line ending made LF, encoded as UTF-8 (Document's docstring and the
README say so). The file hash is SHA-256 of the file's bytes, as sha256sum
prints it. So an approval holds when the same text is saved with CRLF, a BOM
or another encoding, and fails after any change to the text.
"""

from __future__ import annotations

import codecs
import hashlib
import subprocess
import sys

import pytest

from reviewapp.core import load_path

TEXT = "Café budget\nThe council approved €1.2 million on Tuesday.\nIt opens in März.\n"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("lf.txt", TEXT.encode("utf-8")),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("cp1252.txt", TEXT.encode("cp1252")),
        ("utf16.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("cr.txt", TEXT.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_the_text_hash_is_the_decoded_text_with_lf_line_ends(tmp_path, name, raw):
    path = tmp_path / name
    path.write_bytes(raw)
    document = load_path(path)
    assert document.sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert document.file_sha256 == hashlib.sha256(raw).hexdigest()
    sha256sum = subprocess.run(["sha256sum", str(path)], capture_output=True, text=True, check=True)
    assert sha256sum.stdout.split()[0] == document.file_sha256


def test_any_change_to_the_text_changes_its_hash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(TEXT.replace("1.2", "1.3"), encoding="utf-8")
    assert load_path(a).sha256 != load_path(b).sha256


@pytest.mark.subprocess
def test_an_approval_holds_across_line_endings_and_encodings_and_history_shows_both_hashes(tmp_path):
    draft, db = tmp_path / "draft.txt", tmp_path / "r.sqlite3"
    draft.write_text("Library hours\nThe library opens at nine on weekdays.\n", encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "reviewapp", *args, str(draft), "--db", str(db)],
                              capture_output=True, text=True, timeout=60)  # fmt: skip

    assert (
        run("signoff", "--role", "editor", "--by", "Ed Itor", "--decision", "approve", "--init").returncode
        == 0
    )
    assert run("status").returncode == 0
    draft.write_bytes(codecs.BOM_UTF8 + draft.read_bytes().replace(b"\n", b"\r\n"))
    status = run("status")
    assert status.returncode == 0, status.stdout  # the same text: still approved
    file_hash = hashlib.sha256(draft.read_bytes()).hexdigest()
    assert f"file sha256 {file_hash}" in status.stdout
    history = run("history").stdout
    assert f"file sha256 {file_hash} (as sha256sum prints it)" in history and "text sha256" in history
    draft.write_text(draft.read_text(encoding="utf-8-sig") + "It closes at six.\n", encoding="utf-8")
    assert run("status").returncode == 1  # a changed text: not approved
