"""Load drafts (.txt, .md, .html, .docx) into Documents, refusing bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import errors
from .document import Document
from .encoding import FileEncoding, bom_of, detect_newline
from .metadata import extract_metadata

MAX_TEXT_CHARS = 20 * 1024 * 1024  # 20 MB of text: far beyond any article
MAX_HTML_BYTES = 60 * 1024 * 1024  # markup weighs more than its text
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # deflate rarely beats ~20 on XML; far above that is a bomb

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc
# Control characters that never occur in real text (tab, newlines, form feed are fine).
_BAD_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}


def load_path(path: str | Path) -> Document:
    """Load a draft from disk, choosing the reader by extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise errors.UnsupportedFormatError(
            path, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .html or .docx"
        )
    if suffix == ".docx":
        return load_docx(path)
    limit = MAX_HTML_BYTES if suffix in (".html", ".htm") else MAX_TEXT_CHARS
    raw = _read_bytes(path, limit)
    fmt = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(suffix, "txt")
    document = load_bytes(raw, fmt, path)
    document.file_sha256 = hashlib.sha256(raw).hexdigest()
    return document


def load_bytes(raw: bytes, fmt: str, path: Path | None = None) -> Document:
    """Decode and parse bytes of a text format ("txt", "md" or "html")."""
    label = path or "<draft>"
    text, warnings, encoding = decode_file(raw, label)
    if fmt == "html":
        from .htmltext import extract_article

        article = extract_article(text)
        return _finish(article.text, path, fmt, warnings, article.meta, article.title)
    document = _finish(text, path, fmt, warnings)
    document.encoding = encoding
    return document


def load_text(text: str, path: Path | None = None, fmt: str = "txt") -> Document:
    """A Document from text already in memory (pasted, or edited in the app)."""
    return _finish(normalize_newlines(text), path, fmt, [])


def edited(original: Document, text: str) -> Document:
    """The draft after an edit in the app: the new text, and what its file declared.

    The editor shows the text extracted from an HTML or Word file; the
    declared AI use came from its meta tags or properties, which the text
    no longer carries.
    """
    document = load_text(text, original.path, original.format)
    if original.format in ("html", "docx"):
        document.metadata.declared_ai_use = original.metadata.declared_ai_use
    return document


def _finish(
    text: str,
    path: Path | None,
    fmt: str,
    warnings: list[str],
    meta_tags: dict[str, str] | None = None,
    title: str | None = None,
) -> Document:
    label = path or "<draft>"
    if len(text) > MAX_TEXT_CHARS:
        raise errors.FileTooLargeError(label, "the text is over the 20 MB limit")
    if not text.strip():
        raise errors.EmptyDocumentError(label, "the draft is empty (no text found)")
    document = Document(text=text, path=path, format=fmt, warnings=warnings)
    document.metadata = extract_metadata(text, fmt, document.paragraphs, meta_tags, title)
    return document


def _read_bytes(path: Path, limit: int, head: int | None = None) -> bytes:
    """The file's bytes (or only its first `head` bytes), refusing files over `limit`."""
    try:
        if not path.is_file():
            raise errors.FileMissingError(path, "no such file")
        size = path.stat().st_size
        if size > limit:
            raise errors.FileTooLargeError(
                path, f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit"
            )
        with path.open("rb") as handle:
            return handle.read(-1 if head is None else head)
    except PermissionError:
        raise errors.UnreadableFileError(path, "permission denied") from None
    except OSError as exc:
        raise errors.UnreadableFileError(path, exc.strerror or str(exc)) from None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(raw: bytes, label: object) -> tuple[str, list[str]]:
    """UTF-8 (BOM or not) or UTF-16 with BOM; cp1252/latin-1 only with a warning."""
    text, warnings, _ = decode_file(raw, label)
    return text, warnings


def decode_file(raw: bytes, label: object) -> tuple[str, list[str], FileEncoding]:
    """The text (LF line ends), warnings, and how the file was encoded (to save it the same way)."""
    if not raw.strip():
        raise errors.EmptyDocumentError(label, "the file is empty")
    warnings: list[str] = []
    bom, codec = bom_of(raw)
    if codec in ("utf-16-le", "utf-16-be"):
        text = _strict(raw[len(bom) :], str(codec), label)
        encoding = FileEncoding(str(codec), "UTF-16", bom)
    elif b"\x00" in raw[:8192]:
        raise errors.BinaryFileError(label, "this is a binary file, not text")
    else:
        try:
            text = raw[len(bom) :].decode("utf-8")
            encoding = FileEncoding("utf-8", "UTF-8", bom)
        except UnicodeDecodeError:
            text, name = _fallback(raw, label)
            encoding = FileEncoding("cp1252" if name == "Windows-1252" else "latin-1", name)
            warnings.append(f"{label}: not valid UTF-8; read as {name}. Check accented letters and quotes.")
    encoding = FileEncoding(encoding.codec, encoding.label, encoding.bom, detect_newline(text[:1_000_000]))
    text = normalize_newlines(text)
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch in _BAD_CONTROLS)
    if bad > max(3, len(sample) // 200):
        raise errors.BinaryFileError(label, "this looks like binary data, not text")
    return text, warnings, encoding


def _strict(raw: bytes, encoding: str, label: object) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise errors.EncodingError(label, f"not valid {encoding.upper()} text") from None


def _fallback(raw: bytes, label: object) -> tuple[str, str]:
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        pass
    text = raw.decode("latin-1")
    # C1 controls mean the bytes were never Latin-1 text either.
    if sum(1 for ch in text[:65536] if "\x80" <= ch <= "\x9f") > 2:
        raise errors.EncodingError(label, "not valid text in UTF-8, Windows-1252 or Latin-1")
    return text, "Latin-1"


def load_docx(path: Path) -> Document:
    """Paragraph and table text of a Word document, in body order."""
    import zipfile  # here, not at the top: checking text files need not load it

    raw_head = _read_bytes(path, MAX_DOCX_BYTES, head=len(_OLE_MAGIC))
    if raw_head.startswith(_OLE_MAGIC):
        raise errors.CorruptDocumentError(
            path, "the document is password-protected or an old .doc; save it as .docx without a password"
        )
    _check_zip(path)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        word = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise errors.CorruptDocumentError(path, f"not a readable .docx ({_short(exc)})") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on broken XML
        raise errors.CorruptDocumentError(path, f"the .docx is damaged ({_short(exc)})") from None
    lines = [p for p in _docx_paragraphs(word) if p.strip()]
    text = normalize_newlines("\n".join(lines))
    props = word.core_properties
    document = _finish(text, path, "docx", [], {}, props.title or None)
    if props.author and not document.metadata.byline:
        document.metadata.byline = props.author
    document.file_sha256 = _file_sha256(path)
    return document


def _docx_paragraphs(word: object) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for block in word.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
    return out


def _check_zip(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise errors.CorruptDocumentError(path, "not a .docx (the file is not a valid zip package)") from None
    except OSError as exc:
        raise errors.UnreadableFileError(path, exc.strerror or str(exc)) from None
    total = sum(info.file_size for info in infos)
    if total > MAX_DOCX_UNPACKED:
        raise errors.FileTooLargeError(path, "the .docx unpacks to more than 200 MB (a zip bomb?)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise errors.FileTooLargeError(
                path, f"{info.filename} is compressed suspiciously well (a zip bomb?)"
            )


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
