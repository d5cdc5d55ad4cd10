"""Grammar and spelling through LanguageTool (language-tool-python), per paragraph, cached.

Nothing here downloads LanguageTool or reaches the network unless the settings
say "server" (a URL someone chose) or "local" (a LanguageTool on this machine).
When LanguageTool cannot be reached the checker says why and returns no
findings; every other analyzer works as before.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .analysis import AnalysisResult
from .document import Paragraph
from .errors import first_line
from .files import write_atomic
from .findings import Finding, assign_ids, sort_key
from .grammar_settings import HOW_TO_ENABLE, GrammarSettings, GrammarStatus
from .paths import data_dir
from .roles import DISCLOSURE

# What the grammar step emits: LanguageTool's rules as "grammar.<its rule id>", and a
# disclosure finding where a match falls inside the AI disclosure.
GRAMMAR_RULE_PREFIX = "grammar."
DISCLOSURE_LANGUAGE_RULE = "disclosure.languagetool"
GRAMMAR_RULES_WHY = {
    GRAMMAR_RULE_PREFIX: "LanguageTool found a spelling or grammar error; a published error costs trust.",
    DISCLOSURE_LANGUAGE_RULE: "A legal notice with language errors reads as unreviewed.",
}

# LanguageTool's issue types that are errors in print; the rest (style, typographical...) are suggestions.
WARNING_TYPES = frozenset({"misspelling", "grammar"})
MAX_REPLACEMENTS = 5


class _Match(NamedTuple):
    """One LanguageTool match, relative to its paragraph."""

    start: int
    end: int
    rule_id: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


class GrammarChecker:
    """One LanguageTool client and a cache of results by paragraph; safe to share between threads."""

    def __init__(self, settings: GrammarSettings, accepted_words: Iterable[str] = ()) -> None:
        self.settings = settings
        self.accepted = {w.strip().lower() for w in accepted_words if w.strip()}
        self.status = GrammarStatus(False, "not connected yet")
        self._tool: Any = None
        self._cache: dict[bytes, list[_Match]] = {}
        self._partial: set[bytes] = set()  # long paragraphs whose next piece is still to come
        self._lock = threading.Lock()

    @classmethod
    def with_dictionary(cls, settings: GrammarSettings, dictionary: Path | None = None) -> GrammarChecker:
        """A checker that accepts the words of the user's dictionary (or of `dictionary`)."""
        return cls(settings, read_dictionary(dictionary or settings.dictionary))

    # -- connecting

    def connect(self) -> GrammarStatus:
        """Start or reach LanguageTool as the settings say; never downloads it."""
        with self._lock:
            if self._tool is not None:
                return self.status
            self.status = self._connect()
            return self.status

    def _connect(self) -> GrammarStatus:
        settings = self.settings
        if settings.mode == "off":
            return GrammarStatus(False, f"grammar check is off; {HOW_TO_ENABLE}")
        try:
            import language_tool_python
        except ImportError:
            return GrammarStatus(
                False, "language-tool-python is not installed (pip install 'reviewapp[grammar]')"
            )
        if settings.mode == "local":
            problem = local_problem(settings)
            if problem:
                return GrammarStatus(False, problem)
            if settings.languagetool_dir:
                os.environ["LTP_JAR_DIR_PATH"] = str(settings.languagetool_dir)
        try:
            if settings.mode == "server":
                tool = language_tool_python.LanguageTool(settings.language, remote_server=settings.server_url)
            else:
                tool = language_tool_python.LanguageTool(settings.language)
        except Exception as exc:  # the client raises many kinds: connection, JSON, HTTP, Java
            return GrammarStatus(False, f"LanguageTool cannot be reached: {_reason(exc)}")
        # The client's own timeout is 300 s per request, a class constant; a desktop app
        # must give up sooner, so this instance gets the configured one.
        tool._TIMEOUT = settings.timeout  # type: ignore[assignment]
        if settings.disabled_rules:
            tool.disabled_rules = set(settings.disabled_rules)
        self._tool = tool
        where = settings.server_url if settings.mode == "server" else "local LanguageTool"
        return GrammarStatus(True, f"grammar by {where}")

    def close(self) -> None:
        with self._lock:
            if self._tool is not None:
                self._tool.close()
                self._tool = None

    # -- checking

    def cached(self, paragraphs: list[Paragraph], roles: list[str] | None = None) -> list[Finding]:
        """Findings for the paragraphs already checked; no request is made."""
        return self._findings(paragraphs, roles)

    def missing(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        return [p for p in paragraphs if (k := _key(p.text)) not in self._cache or k in self._partial]

    def check(self, paragraphs: list[Paragraph], roles: list[str] | None = None) -> list[Finding]:
        """Check the paragraphs not checked before (in as few requests as fit), then return all findings.

        When LanguageTool fails, `status` says why and only cached results come back.
        """
        status = self.connect()
        if status.available:
            todo = {_key(p.text): p.text for p in self.missing(paragraphs)}
            with self._lock:
                for key in self._partial & set(todo):  # a long paragraph cut short by a failure: anew
                    self._cache.pop(key, None)
                self._partial -= set(todo)
            try:
                for chunk in _chunks(list(todo.items()), self.settings.max_chars):
                    self._check_chunk(chunk)
            except Exception as exc:  # timeouts, HTTP errors, malformed JSON: all the same to the user
                self.status = GrammarStatus(False, f"LanguageTool failed: {_reason(exc)}")
                with self._lock:
                    self._tool = None  # connect afresh next time
        return self._findings(paragraphs, roles)

    def _check_chunk(self, chunk: list[Piece]) -> None:
        """One request for several paragraphs joined by blank lines; matches split back by offset."""
        # A hard-wrapped paragraph's line breaks become spaces (same length, so
        # offsets hold): to LanguageTool a line break may end a sentence.
        text = "\n\n".join(piece.text.replace("\n", " ") for piece in chunk)
        matches = self._tool.check(text)
        starts, position = [], 0
        for piece in chunk:
            starts.append(position)
            position += len(piece.text) + 2
        found: dict[bytes, list[_Match]] = {piece.key: [] for piece in chunk}
        for match in matches:
            offset, length = int(match.offset), int(match.error_length)
            index = bisect_right(starts, offset) - 1
            piece = chunk[index]
            local = offset - starts[index]
            if index < 0 or local + length > len(piece.text):
                continue  # spans the join between two paragraphs: an artefact of batching
            found[piece.key].append(
                _Match(
                    piece.offset + local,
                    piece.offset + local + length,
                    str(match.rule_id),
                    str(match.rule_issue_type),
                    str(match.message),
                    tuple(str(r) for r in match.replacements[:MAX_REPLACEMENTS]),
                )
            )
        with self._lock:
            for key, new in found.items():
                # A long paragraph comes back in several pieces: they add up.
                self._cache[key] = [*self._cache.get(key, ()), *new] if key in self._partial else new
                self._partial.discard(key)
            last = {piece.key: piece.continued for piece in chunk}  # the last piece of each paragraph
            self._partial.update(key for key, continued in last.items() if continued)

    def _findings(self, paragraphs: list[Paragraph], roles: list[str] | None) -> list[Finding]:
        disabled = set(self.settings.disabled_rules)
        out: list[Finding] = []
        for paragraph in paragraphs:
            matches = self._cache.get(_key(paragraph.text))
            if not matches:
                continue
            in_disclosure = roles is not None and roles[paragraph.index] == DISCLOSURE
            for match in matches:
                quote = paragraph.text[match.start : match.end]
                if match.rule_id in disabled or (
                    match.issue_type == "misspelling" and quote.lower() in self.accepted
                ):
                    continue
                out.extend(self._make(paragraph, match, quote, in_disclosure))
        return assign_ids(out)

    def _make(
        self, paragraph: Paragraph, match: _Match, quote: str, in_disclosure: bool
    ) -> Iterator[Finding]:
        start, end = paragraph.start + match.start, paragraph.start + match.end
        severity = "warning" if match.issue_type in WARNING_TYPES else "suggestion"
        suggestion = (
            "Replace with: " + ", ".join(f"“{r}”" for r in match.replacements) if match.replacements else None
        )
        rule = GRAMMAR_RULE_PREFIX + _rule_name(match.rule_id)
        yield Finding("grammar", rule, severity, start, end, quote, match.message, suggestion,
                      paragraph.text, replacements=match.replacements)  # fmt: skip
        if in_disclosure:
            # A legal notice with a language error reads as unreviewed: it is a disclosure gap too.
            yield Finding(
                "disclosure", DISCLOSURE_LANGUAGE_RULE, "warning", start, end, quote,
                f"Language error in the AI disclosure: {match.message}", suggestion,
                paragraph.text, replacements=match.replacements,
            )  # fmt: skip

    # -- the user's dictionary

    def accept(self, word: str) -> None:
        self.accepted.add(word.strip().lower())


def local_problem(settings: GrammarSettings) -> str | None:
    """Why a local LanguageTool cannot start, without downloading anything; None when it can."""
    if not shutil.which("java"):
        return f"a local LanguageTool needs Java 17 or newer, and no java is on the PATH; {HOW_TO_ENABLE}"
    if settings.languagetool_dir:
        if not any(settings.languagetool_dir.glob("languagetool-server.jar")):
            return f"{settings.languagetool_dir} holds no LanguageTool (languagetool-server.jar)"
        return None
    if not installed_languagetool():
        return "LanguageTool is not downloaded yet (Edit > Preferences offers to download it)"
    return None


def installed_languagetool() -> list[Path]:
    """LanguageTool folders language-tool-python has downloaded before (looked up, never fetched)."""
    try:
        from language_tool_python.utils import get_language_tool_download_path
    except ImportError:
        return []
    folder = Path(os.environ.get("LTP_PATH", "")) if os.environ.get("LTP_PATH") else None
    try:
        folder = folder or get_language_tool_download_path()
    except OSError:
        return []
    return sorted(p for p in folder.glob("LanguageTool-*") if (p / "languagetool-server.jar").exists())


class Piece(NamedTuple):
    """A paragraph, or part of one longer than a request may be, and where it starts in it."""

    key: bytes
    text: str
    offset: int = 0
    continued: bool = False  # more of this paragraph follows in a later piece


def _chunks(items: list[tuple[bytes, str]], limit: int) -> Iterator[list[Piece]]:
    """Paragraphs grouped into requests of at most `limit` characters; a longer one is cut at sentences."""
    chunk: list[Piece] = []
    size = 0
    for key, text in items:
        for piece in _split_long(key, text, limit):
            if chunk and size + len(piece.text) + 2 > limit:
                yield chunk
                chunk, size = [], 0
            chunk.append(piece)
            size += len(piece.text) + 2
    if chunk:
        yield chunk


def _split_long(key: bytes, text: str, limit: int) -> list[Piece]:
    """A paragraph over the limit, cut after a sentence (or, failing that, a space) that fits."""
    pieces, offset = [], 0
    while len(text) - offset > limit:
        window = text[offset : offset + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > 0 else (window.rfind(" ") + 1 or limit)
        pieces.append(Piece(key, text[offset : offset + cut], offset, continued=True))
        offset += cut
    pieces.append(Piece(key, text[offset:], offset))
    return pieces


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _rule_name(rule_id: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", rule_id.lower()).strip("_") or "rule"


def _reason(exc: BaseException) -> str:
    text = first_line(exc)
    return text if len(text) < 200 else text[:197] + "…"


def grammar_to_merge(result: AnalysisResult, grammar: list[Finding]) -> list[Finding]:
    """The grammar findings to merge into the analysis: the disclosure check may already flag the
    same words, and one disclosure finding is enough."""
    flagged = {(f.start, f.end) for f in result.findings if f.category == "disclosure"}
    return [f for f in grammar if not (f.category == "disclosure" and (f.start, f.end) in flagged)]


def with_grammar(
    result: AnalysisResult, grammar: list[Finding], shown: list[Finding] | None = None
) -> AnalysisResult:
    """The analysis with grammar findings merged in, in text order.

    `shown`: the grammar findings merged into the session's last review. Given, the
    analysis's change (how its findings came from the last pass's) also says that those
    were removed and these added, so a view can still follow it (pairing the grammar
    findings an edit left alone); without it, the merged list has no change.
    """
    return merge_grammar(result, grammar_to_merge(result, grammar), shown)


def merge_grammar(
    result: AnalysisResult, grammar: list[Finding], shown: list[Finding] | None = None
) -> AnalysisResult:
    """with_grammar for grammar findings already chosen by grammar_to_merge."""
    if not grammar and not shown:
        return result
    merged = sorted([*result.findings, *grammar], key=sort_key) if grammar else result.findings
    change = result.change
    if change is not None and shown is not None:
        change = change._replace(removed=[*change.removed, *shown], added=[*change.added, *grammar])
    else:
        change = None
    return AnalysisResult(result.document, merged, result.roles, result.reanalysed, result.changed, change)


def default_dictionary_path() -> Path:
    return data_dir() / "dictionary.txt"


def read_dictionary(path: Path | None) -> list[str]:
    """Accepted words, one per line; a missing file is an empty dictionary."""
    try:
        return (path or default_dictionary_path()).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return []


def add_to_dictionary(word: str, path: Path | None = None) -> None:
    path = path or default_dictionary_path()
    words = set(read_dictionary(path)) | {word.strip()}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "\n".join(sorted(words, key=str.lower)) + "\n")
