"""The publication gate: may this exact text be published under the house policy?

Judged from the draft's verified record (store.record): a record that does
not verify is never publishable. Separation of duties: each required role
approved by a different person (when the policy says so), and a rejection of
this text stands until the person who gave it withdraws it (or approves),
or someone in a role the policy names overrides it with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import attrgetter, not_
from typing import NamedTuple

from .categories import LABELS
from .decisions import RESOLUTION
from .findings import SEVERITY_RANK, Finding
from .policy import Policy
from .store import DraftRecord, DraftRef, Resolution, SignOff
from .wording import counted, quoted

APPROVED, CHANGED, NOT_APPROVED = "approved", "changed since approval", "not approved"
NOT_VERIFIED = "record does not verify"
APPROVAL_STATES = (APPROVED, CHANGED, NOT_APPROVED, NOT_VERIFIED)


class GateResult(NamedTuple):
    publishable: bool
    approval: str  # one of APPROVAL_STATES
    reasons: list[str]
    unresolved: list[Finding]
    resolutions: dict[str, Resolution]
    signoffs: list[SignOff]  # of this exact text, oldest first
    verified: bool
    policy: str  # the fingerprint of the policy that judged
    notes: list[str]  # worth knowing, not reasons to refuse
    findings: int = 0  # how many findings this text has
    resolved: int = 0  # how many of them are resolved

    @property
    def progress(self) -> str:
        """At a glance: "12 of 41 resolved, 3 blocking"."""
        return f"{self.resolved} of {self.findings} resolved, {len(self.unresolved)} blocking"


def evaluate(findings: Sequence[Finding], draft: DraftRef, record: DraftRecord, policy: Policy) -> GateResult:
    """The gate for this version of the draft, from its findings and its verified record."""
    # "Removed" in an older record, while the words are still there, resolves nothing.
    resolutions = {i: r for i, r in record.resolutions.items() if RESOLUTION[r.status].recorded}
    # At C speed up to the few at a blocking severity: the app judges ten thousand after each edit.
    floor = SEVERITY_RANK[policy.block_unresolved_at]
    high = {name for name, rank in SEVERITY_RANK.items() if rank >= floor}
    at_high = list(compress(findings, map(high.__contains__, map(_SEVERITY, findings))))
    if resolutions:
        blocking = list(compress(at_high, map(not_, map(resolutions.__contains__, map(_ID, at_high)))))
        resolved = sum(map(resolutions.__contains__, map(_ID, findings)))
    else:  # a draft nobody has worked on yet: every finding at a blocking severity blocks
        blocking, resolved = at_high, 0
    current = [s for s in record.signoffs if s.sha256 == draft.sha256]
    reasons = [f"the review record does not verify: {problem}" for problem in record.problems]
    if blocking:
        first = blocking[0]
        quote = first.text if len(first.text) <= 50 else first.text[:49] + "…"
        reasons.append(
            f"{counted(len(blocking), 'finding')} at {policy.block_unresolved_at} or above "
            f"{'is' if len(blocking) == 1 else 'are'} unresolved "
            f"(first: {quoted(quote)}, {LABELS[first.category].lower()})"
        )
    rejections = _standing_rejections(current, policy)
    for r in rejections:
        reasons.append(
            f"the {r.role} ({r.person}) rejected this text" + (f": {r.comment}" if r.comment else "")
        )
    _, missing = _approvals(current, policy)
    reasons += missing
    approved_now = not missing and not rejections
    if record.problems:
        approval = NOT_VERIFIED
    elif approved_now and policy.required_roles:
        approval = APPROVED
    elif any(s.decision == "approve" and s.sha256 != draft.sha256 for s in record.signoffs):
        approval = CHANGED
        reasons.append("the text changed since it was approved; approve it again")
    else:
        approval = NOT_APPROVED
    return GateResult(
        not reasons,
        approval,
        reasons,
        blocking,
        resolutions,
        current,
        verified=not record.problems,
        policy=policy.fingerprint,
        notes=list(record.notes),
        findings=len(findings),
        resolved=resolved,
    )


_SEVERITY = attrgetter("severity")
_ID = attrgetter("id")


def _standing_rejections(signoffs: list[SignOff], policy: Policy) -> list[SignOff]:
    """Rejections not withdrawn (or superseded by an approval) by their author, nor overridden."""
    standing: list[SignOff] = []
    for s in signoffs:
        if s.decision == "reject":
            standing = [r for r in standing if (r.key, r.role) != (s.key, s.role)] + [s]
        elif s.decision in ("withdraw", "approve"):
            standing = [r for r in standing if (r.key, r.role) != (s.key, s.role)]
        elif s.decision == "override" and s.role in policy.override_roles:
            standing = []
    return standing


def _approvals(signoffs: list[SignOff], policy: Policy) -> tuple[dict[str, SignOff], list[str]]:
    """The approval that counts for each required role, and why a role has none."""
    latest: dict[str, SignOff] = {}
    for s in signoffs:  # each role's latest approval, rejection or withdrawal of this text
        if s.decision in ("approve", "reject"):
            latest[s.role] = s
        elif s.decision == "withdraw" and s.role in latest and latest[s.role].key == s.key:
            del latest[s.role]
    counted: dict[str, SignOff] = {}
    missing: list[str] = []
    signers: dict[str | None, str] = {}  # key -> the required role it approved
    for role in policy.required_roles:
        decision = latest.get(role)
        if decision is None or decision.decision != "approve":
            missing.append(f"no approval by the {role} for this exact text")
            continue
        other = signers.get(decision.key)
        if policy.distinct_signers and other is not None:
            missing.append(
                f"the {role}'s approval is by {decision.person}, who also approved as {other}: "
                "each required role needs a different person"
            )
            continue
        signers[decision.key] = role
        counted[role] = decision
    return counted, missing
