"""The analysis core: pure Python, never imports Qt.

from reviewapp.core import Analyzer, load_path
result = Analyzer().analyze(load_path("draft.txt"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

# What each name is imported from. Imported when first used (PEP 562), not with the package:
# `reviewapp history` and `status` must not pay for the analyzers or the reports they do not use.
_EXPORTS = {
    "AnalysisResult": "analysis",
    "Analyzer": "analysis",
    "IncrementalAnalysis": "analysis",
    "CATEGORIES": "categories",
    "Document": "document",
    "Paragraph": "document",
    "text_sha256": "document",
    "LoadError": "errors",
    "PolicyError": "errors",
    "ReviewAppError": "errors",
    "SEVERITIES": "findings",
    "Finding": "findings",
    "SUPPORTED_SUFFIXES": "loaders",
    "load_path": "loaders",
    "load_text": "loaders",
    "Policy": "policy",
    "load_policy": "policy",
}

if TYPE_CHECKING:
    from .analysis import AnalysisResult, Analyzer, IncrementalAnalysis
    from .categories import CATEGORIES
    from .document import Document, Paragraph, text_sha256
    from .errors import LoadError, PolicyError, ReviewAppError
    from .findings import SEVERITIES, Finding
    from .loaders import SUPPORTED_SUFFIXES, load_path, load_text
    from .policy import Policy, load_policy


__getattr__ = lazy_exports(__name__, _EXPORTS)


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
