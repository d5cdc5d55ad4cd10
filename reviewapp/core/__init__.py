"""The analysis core: pure Python, never imports Qt.

from reviewapp.core import Analyzer, load_path
result = Analyzer().analyze(load_path("draft.txt"))
"""

from __future__ import annotations

from .analysis import AnalysisResult, Analyzer, IncrementalAnalysis
from .categories import CATEGORIES
from .document import Document, Paragraph, text_sha256
from .errors import LoadError, PolicyError, ReviewAppError
from .findings import SEVERITIES, Finding
from .loaders import SUPPORTED_SUFFIXES, load_path, load_text
from .policy import Policy, load_policy

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "SUPPORTED_SUFFIXES",
    "AnalysisResult",
    "Analyzer",
    "Document",
    "Finding",
    "IncrementalAnalysis",
    "LoadError",
    "Paragraph",
    "Policy",
    "PolicyError",
    "ReviewAppError",
    "load_path",
    "load_policy",
    "load_text",
    "text_sha256",
]
