"""What an editor may decide, and the checks every decision passes before it is recorded.

One table of resolution statuses and one of sign-off decisions, read by the
command line, the desktop app, the store and the reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .errors import ReviewAppError

if TYPE_CHECKING:
    from .keys import Identity
    from .policy import Policy


class Signer(NamedTuple):
    """Who is deciding (their signing key) and under which house policy."""

    identity: Identity
    policy: Policy


class DecisionError(ReviewAppError):
    """A decision that cannot be recorded as given (no name, an unknown role or status...)."""


class ResolutionStatus(NamedTuple):
    id: str
    label: str  # as the resolve dialog offers it
    needs_evidence: bool = False  # a source URL or a note saying how it was checked
    # False: not a record but an edit ("Removed" deletes the words; their finding goes with
    # them). Older records may hold it; the gate does not count it while the words are there.
    recorded: bool = True
    # False: it takes back the finding's last decision (a resolution given by mistake); the
    # finding is open again, and the record keeps both entries.
    closes: bool = True


RESOLUTION_TABLE: tuple[ResolutionStatus, ...] = (
    ResolutionStatus("verified", "Verified (with a source)", needs_evidence=True),
    ResolutionStatus("disputed", "Disputed"),
    ResolutionStatus("removed", "Removed from the text", recorded=False),
    ResolutionStatus("opinion", "Opinion (labelled as such)"),
    ResolutionStatus("false_positive", "False positive"),
    ResolutionStatus("reopened", "Open again", closes=False),
)
REOPENED = "reopened"
RESOLUTION: dict[str, ResolutionStatus] = {s.id: s for s in RESOLUTION_TABLE}
RESOLUTION_STATUSES: tuple[str, ...] = tuple(RESOLUTION)


class Decision(NamedTuple):
    id: str
    label: str


DECISION_TABLE: tuple[Decision, ...] = (
    Decision("approve", "Approve this text"),
    Decision("reject", "Reject it"),
    Decision("withdraw", "Withdraw my rejection"),
    Decision("override", "Override a rejection (with a reason)"),
)
DECISIONS: tuple[str, ...] = tuple(d.id for d in DECISION_TABLE)


def required_name(person: str | None) -> str:
    """The decider's name, trimmed; refused when empty."""
    person = (person or "").strip()
    if not person:
        raise DecisionError("a name is required: who is making this decision?")
    return person


def check_resolution(status: str, source_url: str | None, note: str | None) -> None:
    if status not in RESOLUTION:
        raise DecisionError(f"unknown status {status!r}; use one of {', '.join(RESOLUTION_STATUSES)}")
    if not RESOLUTION[status].recorded:
        raise DecisionError(
            "the words are still in the draft: delete them (in the app, Removed deletes them) "
            "and the finding goes with them; nothing needs recording"
        )
    if RESOLUTION[status].needs_evidence and not (source_url or note):
        raise DecisionError(f"a {status} finding needs a source URL or a note saying how it was verified")


def check_decision(
    decision: str, comment: str | None = None, role: str = "", override_roles: tuple[str, ...] = ()
) -> None:
    if decision not in DECISIONS:
        raise DecisionError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if decision == "override":
        if role not in override_roles:
            allowed = ", ".join(override_roles) or "no role (set signoff.override_roles in the policy)"
            raise DecisionError(f"a rejection may be overridden by {allowed}, not by the {role}")
        if not (comment or "").strip():
            raise DecisionError("an override needs a reason (a comment)")


def check_role(role: str, roles: tuple[str, ...]) -> None:
    """Refuse a role the house policy does not have (no check when it names none)."""
    if roles and role not in roles:
        raise DecisionError(f"unknown role {role!r}; the house policy has {', '.join(roles)}")
