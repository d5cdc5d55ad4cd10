"""The publication gate: may this exact text be published under the house policy?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .findings import Finding
from .policy import Policy
from .store import DraftRef, Resolution, ReviewStore, SignOff

APPROVED, CHANGED, NOT_APPROVED = "approved", "changed since approval", "not approved"
APPROVAL_STATES = (APPROVED, CHANGED, NOT_APPROVED)


@dataclass(frozen=True, slots=True)
class GateResult:
    publishable: bool
    approval: str  # one of APPROVAL_STATES
    reasons: list[str] = field(default_factory=list)
    unresolved: list[Finding] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    signoffs: list[SignOff] = field(default_factory=list)


def evaluate(findings: Sequence[Finding], draft: DraftRef, store: ReviewStore, policy: Policy) -> GateResult:
    """The gate for this version of the draft, from its findings and the review record."""
    resolutions = store.resolutions(draft.key)
    blocking = [f for f in findings if f.at_least(policy.block_unresolved_at) and f.id not in resolutions]
    current = store.signoffs(draft.key, draft.sha256)
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
    elif any(s.decision == "approve" for s in store.signoffs(draft.key)):
        approval = CHANGED
        reasons.append("the text changed since it was approved; approve it again")
    else:
        approval = NOT_APPROVED
    return GateResult(not reasons, approval, reasons, blocking, resolutions, current)
