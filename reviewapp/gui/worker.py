"""Work off the GUI thread (analysis, report export): QRunnables that report through signals."""

from __future__ import annotations

import contextlib
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ..core import IncrementalAnalysis, ReviewAppError, load_text
from ..core.analysis import AnalysisResult
from ..core.document import Metadata, Paragraph
from ..core.grammar import GrammarChecker
from ..core.report import Report, write_text_report


class WorkerSignals(QObject):
    finished = Signal(int, object, float)  # generation, AnalysisResult, seconds
    failed = Signal(int, str)


class AnalysisWorker(QRunnable):
    """Analyse one snapshot of a draft's text; the generation tells stale results apart."""

    def __init__(
        self,
        session: IncrementalAnalysis,
        text: str,
        generation: int,
        path: object,
        fmt: str,
        metadata: Metadata | None,
    ) -> None:
        super().__init__()
        self.session = session
        self.text = text
        self.generation = generation
        self.path = path
        self.fmt = fmt
        self.metadata = metadata
        self.signals = WorkerSignals()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            document = load_text(self.text, self.path, self.fmt)  # type: ignore[arg-type]
            if self.metadata is not None and self.fmt in ("html", "docx"):
                # The editor shows the extracted text; keep what the original file declared.
                document.metadata.declared_ai_use = self.metadata.declared_ai_use
            result: AnalysisResult = self.session.run(document)
        except Exception as exc:  # a bug must reach the status bar, not kill the thread silently
            self.signals.failed.emit(
                self.generation, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
            )
            return
        with contextlib.suppress(RuntimeError):  # the draft was closed meanwhile: nobody waits for this
            self.signals.finished.emit(self.generation, result, time.perf_counter() - started)


class ExportSignals(QObject):
    finished = Signal(object, float)  # list of paths written, seconds
    failed = Signal(str)


class ExportWorker(QRunnable):
    """Render and write a report that was gathered in the GUI thread (the database stays there)."""

    def __init__(self, report: Report, fmt: str, path: Path) -> None:
        super().__init__()
        self.report = report
        self.fmt = fmt
        self.path = path
        self.signals = ExportSignals()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            if self.fmt == "pdf":
                from .pdf_report import write_pdf

                write_pdf(self.report, self.path)
                written = [self.path]
            else:
                written = write_text_report(self.report, self.fmt, self.path)
        except ReviewAppError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must reach the window, not kill the thread silently
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            traceback.print_exc()
            return
        self.signals.finished.emit(written, time.perf_counter() - started)


class GrammarSignals(QObject):
    finished = Signal(int)  # generation; results are in the checker's cache


class GrammarWorker(QRunnable):
    """Send the paragraphs LanguageTool has not seen; the checker never raises, it sets its status."""

    def __init__(
        self, checker: GrammarChecker, paragraphs: list[Paragraph], roles: list[str], generation: int
    ):
        super().__init__()
        self.checker = checker
        self.paragraphs = paragraphs
        self.roles = roles
        self.generation = generation
        self.signals = GrammarSignals()

    def run(self) -> None:
        try:
            self.checker.check(self.paragraphs, self.roles)
        finally:
            self.signals.finished.emit(self.generation)


class DownloadSignals(QObject):
    finished = Signal()
    failed = Signal(str)


class DownloadWorker(QRunnable):
    """Fetch LanguageTool with language-tool-python's own downloader; only after the user said yes."""

    def run(self) -> None:
        try:
            from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

            LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download()
        except Exception as exc:  # network, disk, Java version: all reach the window as text
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit()

    def __init__(self) -> None:
        super().__init__()
        self.signals = DownloadSignals()
