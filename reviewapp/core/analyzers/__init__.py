"""The analyzers, one module each, and the registry the engine reads them from."""

from __future__ import annotations

from .ai_tell import QuestionRevealCheck, StackedConnectivesCheck
from .base import Check, DocumentView, RuleInfo
from .boilerplate import BoilerplateCheck
from .claim import ClaimCheck
from .disclosure import DisclosureCheck
from .lexicon import WordListCheck

# Every analyzer, in the order it runs. A new analyzer is a module and a line here.
REGISTRY: tuple[type[Check], ...] = (
    BoilerplateCheck,
    WordListCheck,
    ClaimCheck,
    QuestionRevealCheck,
    StackedConnectivesCheck,
    DisclosureCheck,
)

__all__ = ["REGISTRY", "Check", "DocumentView", "RuleInfo"]
