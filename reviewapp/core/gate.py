"""The publication gate: may this exact text be published under the house policy?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .analysis import AnalysisResult
from .findings import Finding
from .policy import Policy
from .store import Resolution, ReviewStore, SignOff

APPROVED, CHANGED, NOT_APPROVED = "approved", "changed since approval", "not approved"


@dataclass(frozen=True, slots=True)
class GateResult:
    publishable: bool
    approval: str  # APPROVED, CHANGED or NOT_APPROVED
    reasons: list[str] = field(default_factory=list)
    unresolved: list[Finding] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    signoffs: list[SignOff] = field(default_factory=list)


def document_key(path: Path | None, sha256: str) -> str:
    """How the database names a draft: its absolute path, or its first text for a pasted one."""
    return str(path.resolve()) if path else f"pasted:{sha256}"


def evaluate(
    result: AnalysisResult, store: ReviewStore, policy: Policy, key: str | None = None
) -> GateResult:
    """The gate for this text; `key` names the draft when it is not the text's own path."""
    document = result.document
    key = key or document_key(document.path, document.sha256)
    resolutions = store.resolutions(key)
    blocking = [
        f for f in result.findings if f.at_least(policy.block_unresolved_at) and f.id not in resolutions
    ]
    current = store.signoffs(key, document.sha256)
    latest: dict[str, SignOff] = {}
    for signoff in current:  # the latest decision of each role on this text counts
        latest[signoff.role] = signoff
    reasons: list[str] = []
    if blocking:
        reasons.append(
            f"{len(blocking)} finding(s) at {policy.block_unresolved_at} or above are unresolved "
            f"(first: {blocking[0].id}, {blocking[0].rule})"
        )
    for role in policy.required_roles:
        decision = latest.get(role)
        if decision is None:
            reasons.append(f"no approval by the {role} for this exact text")
        elif decision.decision == "reject":
            reasons.append(
                f"the {role} ({decision.person}) rejected this text"
                + (f": {decision.comment}" if decision.comment else "")
            )
    approved_now = all(latest.get(r) and latest[r].decision == "approve" for r in policy.required_roles)
    if approved_now:
        approval = APPROVED
    elif any(s.decision == "approve" for s in store.signoffs(key)):
        approval = CHANGED
        reasons.append("the text changed since it was approved; approve it again")
    else:
        approval = NOT_APPROVED
    return GateResult(not reasons, approval, reasons, blocking, resolutions, current)
