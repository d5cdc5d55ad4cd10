"""The JSON report (see resources/schema/report.schema.json) and its JSON-LD disclosure block."""

from __future__ import annotations

import json
from typing import Any

from ..policy import IPTC_DIGITAL_SOURCE
from ..store import Resolution, SignOff
from .model import Report

REPORT_FORMAT_VERSION = 1


def report_json(report: Report) -> dict[str, Any]:
    numbers = report.number()
    return {
        "report": {"format": "reviewapp-report", "version": REPORT_FORMAT_VERSION},
        "tool": {"name": "reviewapp", "version": report.tool_version},
        "generated": report.generated,
        "document": {
            "title": report.title,
            "path": report.path,
            "words": report.words,
            "sha256": report.sha256,
            "file_sha256": report.file_sha256,
            "declared_ai_use": report.declared_ai_use,
            "ai_statement": report.ai_statement,
            "notes": list(report.notes),
        },
        "summary": {
            "findings": len(report.findings),
            "open": report.open_count,
            "by_category": report.counts(),
            "resolved": report.resolved_by_status(),
            "blocking": len(report.gate.unresolved),
            "progress": report.progress,
        },
        "gate": {
            "publishable": report.gate.publishable,
            "approval": report.gate.approval,
            "reasons": list(report.gate.reasons),
            "verified": report.gate.verified,
            "policy": report.gate.policy,
        },
        "findings": [
            {
                "number": numbers[f.id],
                **f.to_json(),
                "resolution": _resolution(report.resolutions.get(f.id)),
            }
            for f in report.findings
        ],
        "signoffs": [_signoff(s) for s in report.signoffs],
        "audit": {
            "verified": report.audit.ok,
            "entries": report.audit.entries,
            "first_broken": report.audit.first_broken,
            "reason": report.audit.reason,
            "head": report.audit.head,
            "problems": list(report.audit.problems),
        },
        "disclosure": disclosure_jsonld(report),
    }


def render_json(report: Report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"


def render_disclosure(report: Report) -> str:
    """The JSON-LD disclosure block as text, the same in every report that shows it."""
    return json.dumps(disclosure_jsonld(report), ensure_ascii=False, indent=2)


def disclosure_jsonld(report: Report) -> dict[str, Any]:
    """schema.org NewsArticle naming the AI's part (IPTC) and the human who holds responsibility."""
    block: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": report.title,
        "identifier": {"@type": "PropertyValue", "propertyID": "sha256", "value": report.sha256},
        "wordCount": report.words,
        "digitalSourceType": IPTC_DIGITAL_SOURCE + report.digital_source_type,
        "creativeWorkStatus": "approved" if report.gate.publishable else "in review",
    }
    if report.ai_statement:
        block["disclaimer"] = report.ai_statement
    if report.responsible is not None:
        person = {"@type": "Person", "name": report.responsible.person}
        block["editor"] = person
        block["accountablePerson"] = person
        block["dateModified"] = report.responsible.at
    return block


def _resolution(resolution: Resolution | None) -> dict[str, Any] | None:
    if resolution is None:
        return None
    return {
        "status": resolution.status,
        "by": resolution.person,
        "key": resolution.key,
        "at": resolution.at,
        "source_url": resolution.source_url,
        "note": resolution.note,
    }


def _signoff(signoff: SignOff) -> dict[str, Any]:
    return {
        "person": signoff.person,
        "key": signoff.key,
        "role": signoff.role,
        "decision": signoff.decision,
        "comment": signoff.comment,
        "at": signoff.at,
    }
