"""Bytes to text: which encoding a file is in, and what in it is not text.

- A byte-order mark says UTF-8, UTF-16 or UTF-32; it is not part of the text
  (offsets index the text after it).
- Without one: UTF-16 or UTF-32 when the zero bytes fall where those put them
  (plainly so in Latin-script text), else UTF-8, else Windows-1252 or
  Latin-1 with a warning.
- Characters that are never text (NUL and the other C0 controls but tab,
  line ends and form feed; DEL; the noncharacters U+FDD0-U+FDEF, U+FFFE and
  U+FFFF) are removed, with a warning, so no report or analysis carries them;
  a file that is mostly such bytes is binary, and refused.
- Line ends become LF: CR LF, a lone CR, and the paragraph separator U+2029.
"""

from __future__ import annotations

import codecs

from . import errors
from .encoding import FileEncoding, detect_newline
from .regex_cache import compile_rule
from .wording import counted

# Programs keep the noncharacters for their own use: Qt's editor, for one, takes U+FDD0 and U+FDD1
# as frame marks and breaks a paragraph there, so the app would show another text than `check` reads.
_NOT_TEXT = compile_rule("[\x00-\x08\x0b\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff]")
_C1 = compile_rule("[\x80-\x9f]")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
SAMPLE = 8192  # bytes looked at to tell an encoding without a mark


def normalize_newlines(text: str) -> str:
    """Every line end as LF. The paragraph separator U+2029 is one: an editor's text (Qt's among
    them) breaks a paragraph there, so, kept, the app read another text than `check` (other
    paragraphs, another hash for the sign-off) and saved it changed."""
    # Most texts have neither: one scan each says so (each replace scans and copies the whole text).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2029" in text:
        text = text.replace("\u2029", "\n")
    return text


def as_text(text: str, label: object, warnings: list[str]) -> tuple[str, int]:
    """`text` as every reader gives it: its line ends LF, without the characters that are never
    text; and how many of those there were (said in `warnings`)."""
    text, removed = _NOT_TEXT.subn("", normalize_newlines(text))
    if removed:
        verb = "is" if removed == 1 else "are"
        warnings.append(
            f"{label}: removed {counted(removed, 'character')} that {verb} not text (such as NUL)."
        )
    return text, removed


def decode_file(raw: bytes, label: object) -> tuple[str, list[str], FileEncoding]:
    """The text (LF line ends), warnings, and how the file was encoded (to save it the same way)."""
    if not raw.strip(b" \t\r\n\x00\f\v"):
        raise errors.EmptyDocumentError(label, "the file is empty")
    warnings: list[str] = []
    encoding = _marked(raw) or _unmarked_wide(raw)
    if encoding is not None:
        text = _strict(raw[len(encoding.bom) :], encoding, label)
        if not encoding.bom:
            warnings.append(f"{label}: no byte-order mark; read as {encoding.label} ({encoding.codec}).")
    else:
        try:
            text = raw.decode("utf-8")
            encoding = FileEncoding("utf-8", "UTF-8")
        except UnicodeDecodeError:
            text, encoding = _fallback(raw, label)
            warnings.append(
                f"{label}: not valid UTF-8; read as {encoding.label}. Check accented letters and quotes."
            )
    encoding = FileEncoding(encoding.codec, encoding.label, encoding.bom, detect_newline(text[:1_000_000]))
    text, removed = as_text(text, label, warnings)
    if removed > max(3, len(text) // 200):
        raise errors.BinaryFileError(label, "this looks like binary data, not text")
    return text, warnings, encoding


def _marked(raw: bytes) -> FileEncoding | None:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return FileEncoding(codec, label, bom)
    return None


def _unmarked_wide(raw: bytes) -> FileEncoding | None:
    """UTF-16 or UTF-32 without a mark, told by where the zero bytes fall in the first few KB."""
    sample = raw[:SAMPLE]
    if b"\x00" not in sample:
        return None
    for width, codec, label in ((4, "utf-32", "UTF-32"), (2, "utf-16", "UTF-16")):
        usable = len(sample) - len(sample) % width
        if usable < width * 4:
            continue
        columns = [sample[i:usable:width] for i in range(width)]
        zero = [column.count(0) / len(column) for column in columns]
        # Latin-script text: every byte but the low one of each code unit is zero.
        if min(zero[1:]) > 0.9 and zero[0] < 0.5:
            return FileEncoding(f"{codec}-le", label)
        if min(zero[:-1]) > 0.9 and zero[-1] < 0.5:
            return FileEncoding(f"{codec}-be", label)
    return None


def _strict(raw: bytes, encoding: FileEncoding, label: object) -> str:
    try:
        return raw.decode(encoding.codec)
    except UnicodeDecodeError:
        raise errors.EncodingError(label, f"not valid {encoding.label} text") from None


def _fallback(raw: bytes, label: object) -> tuple[str, FileEncoding]:
    if b"\x00" in raw[:SAMPLE]:
        raise errors.BinaryFileError(
            label, "this is binary data, not text (if it is text, save it as UTF-8 and open it again)"
        )
    try:
        return raw.decode("cp1252"), FileEncoding("cp1252", "Windows-1252")
    except UnicodeDecodeError:
        pass
    text = raw.decode("latin-1")
    # C1 controls mean the bytes were never Latin-1 text either.
    if len(_C1.findall(text[:65536])) > 2:
        raise errors.EncodingError(label, "not valid text in UTF-8, Windows-1252 or Latin-1")
    return text, FileEncoding("latin-1", "Latin-1")
