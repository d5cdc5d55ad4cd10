"""The HTML report: one self-contained file, inline CSS, no scripts, everything from the draft escaped."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlsplit

from ..categories import COLORS, LABELS, tint
from ..document import split_paragraphs
from ..findings import CATEGORIES, SEVERITIES, SEVERITY_RANK, Finding
from .json_report import disclosure_jsonld
from .model import Report
from .segments import Piece, marked_paragraphs

MARK_STRENGTH, RESOLVED_STRENGTH = 0.42, 0.16

CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; font-size: 10.5pt;
       line-height: 1.45; color: #1a1a1a; background: #ffffff; max-width: 60em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 0.4em 0; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em 0; border-bottom: 1px solid #bbbbbb; }
table { border-collapse: collapse; margin: 0.3em 0; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border: 1px solid #cccccc; }
th { background: #f0f0f0; }
td.n { text-align: right; }
code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.verdict-yes { color: #00704F; font-weight: bold; }
.verdict-no { color: #B34A00; font-weight: bold; }
.legend span.swatch { padding: 1px 6px; margin-right: 6px; border-radius: 3px; }
.text p { margin: 0 0 0.7em 0; }
.claim { text-decoration: underline; text-decoration-color: #E69F00; text-decoration-thickness: 2px; }
sup.ref { font-size: 7.5pt; }
.findings code { font-size: 8pt; }
sup.ref a { color: #444444; text-decoration: none; }
.findings td { font-size: 9.5pt; }
.quote { font-style: italic; }
.open { color: #B34A00; font-weight: bold; }
pre { font-size: 8.5pt; background: #f6f6f6; padding: 0.6em; white-space: pre-wrap; }
"""


def render_html(report: Report, for_print: bool = False) -> str:
    """The report page. `for_print` leaves out what Qt's renderer cannot use (the CSP, JSON-LD)."""
    numbers = report.number()
    title = escape(report.title)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
    ]
    if not for_print:
        # Defence in depth: even if something slipped through escaping, no script runs and nothing loads.
        head.append(
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        )
        head.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    head += [f"<title>Review report: {title}</title>", f"<style>{CSS}</style>"]
    if not for_print:
        head.append(f'<script type="application/ld+json">{_script_json(disclosure_jsonld(report))}</script>')
    head.append("</head>")

    body = ["<body>", f"<h1>Review report: {title}</h1>", _facts(report)]
    body += _verdict(report)
    body += _summary(report)
    body += ["<h2>Text</h2>", _legend(), '<div class="text">']
    for pieces in marked_paragraphs(split_paragraphs(report.text), report.findings):
        body.append("<p>" + "".join(_piece(item, numbers, report) for item in pieces) + "</p>")
    body.append("</div>")
    body += _findings(report, numbers)
    body += _signoffs(report)
    body += [
        "<h2>Audit log</h2>",
        _audit(report),
        "<h2>Disclosure for the publishing system</h2>",
        "<p>schema.org JSON-LD, also embedded in this file's head:</p>",
        f"<pre>{escape(json.dumps(disclosure_jsonld(report), ensure_ascii=False, indent=2))}</pre>",
        "</body>",
        "</html>",
    ]
    return "\n".join(head + body) + "\n"


def _audit(report: Report) -> str:
    audit = report.audit
    if audit.ok:
        return f'<p class="verdict-yes">Verifies: {audit.entries} entries, hash chain intact.</p>'
    reason = escape(audit.reason or "")
    return f'<p class="verdict-no">Does not verify: entry {audit.first_broken}, {reason}.</p>'


def _script_json(data: object) -> str:
    """JSON that cannot close its <script> element or open a comment, whatever the draft says."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _facts(report: Report) -> str:
    rows = [
        ("File", escape(report.path or "(pasted text)")),
        ("Words", f"{report.words:,}"),
        ("SHA-256 of the reviewed text", f'<span class="hash">{report.sha256}</span>'),
        ("Report made", escape(report.generated)),
        ("Tool", f"reviewapp {escape(report.tool_version)}"),
    ]
    return "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def _verdict(report: Report) -> list[str]:
    gate = report.gate
    verdict = "Publishable" if gate.publishable else "Not publishable"
    css = "verdict-yes" if gate.publishable else "verdict-no"
    out = ["<h2>Verdict</h2>", f'<p class="{css}">{verdict} ({escape(gate.approval)}).</p>']
    if gate.reasons:
        out.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in gate.reasons) + "</ul>")
    return out


def _summary(report: Report) -> list[str]:
    counts, open_ = report.counts(), report.open_by_category()
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    rows = []
    for category in CATEGORIES:
        if sum(counts[category].values()):
            cells = "".join(f'<td class="n">{counts[category][s]}</td>' for s in SEVERITIES)
            rows.append(f'<tr><td>{_swatch(category)}</td>{cells}<td class="n">{open_[category]}</td></tr>')
    resolved = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in report.resolved_by_status().items())
    return [
        "<h2>Summary</h2>",
        f"<table><tr><th>Category</th>{head}<th>open</th></tr>{''.join(rows)}</table>",
        f"<p>{len(report.findings)} findings, {report.open_count} open"
        + (f"; resolved as {resolved}." if resolved else ".")
        + "</p>",
    ]


def _swatch(category: str) -> str:
    return (
        f'<span class="swatch" style="background-color: {tint(COLORS[category][0], MARK_STRENGTH)}">'
        f"{LABELS[category]}</span>"
    )


def _legend() -> str:
    items = [_swatch(c) for c in CATEGORIES if c != "claim"]
    items.insert(0, f'<span class="claim" style="text-decoration: underline">{LABELS["claim"]}</span>')
    return '<p class="legend">' + " ".join(items) + "</p>"


def _piece(item: object, numbers: dict[str, int], report: Report) -> str:
    if not isinstance(item, Piece):
        finding: Finding = item.finding  # type: ignore[attr-defined]
        number = numbers[finding.id]
        return f'<sup class="ref"><a href="#f{number}">[{number}]</a></sup>'
    text = escape(item.text)
    if not item.findings:
        return text
    styles, classes = [], []
    if any(f.category == "claim" for f in item.findings):
        classes.append("claim")
        styles.append("text-decoration: underline")
    painted = [f for f in item.findings if f.category != "claim"]
    if painted:
        # The most severe, then the narrowest: the same choice the editor makes when painting.
        top = max(painted, key=lambda f: (SEVERITY_RANK[f.severity], f.start - f.end))
        strength = RESOLVED_STRENGTH if top.id in report.resolutions else MARK_STRENGTH
        styles.append(f"background-color: {tint(COLORS[top.category][0], strength)}")
        classes.append(f"c-{top.category}")
    tip = escape(" / ".join(f"{LABELS[f.category]}: {f.message}" for f in item.findings))
    return f'<span class="{" ".join(classes)}" style="{"; ".join(styles)}" title="{tip}">{text}</span>'


def _findings(report: Report, numbers: dict[str, int]) -> list[str]:
    out = [
        "<h2>Findings</h2>",
        '<table class="findings" width="100%"><tr><th width="4%">#</th><th width="27%">Finding</th>'
        '<th width="49%">What it says</th><th width="20%">Decision</th></tr>',
    ]
    for finding in report.findings:
        number = numbers[finding.id]
        quote = f'<span class="quote">“{escape(finding.text)}”</span>' if finding.text else "(at this place)"
        what = f"{quote}<br>{escape(finding.message)}"
        if finding.suggestion:
            what += f"<br><i>Suggestion:</i> {escape(finding.suggestion)}"
        out.append(
            f'<tr><td class="n"><a id="f{number}" name="f{number}"></a>{number}</td>'
            f"<td>{_swatch(finding.category)}<br>{finding.severity}<br><code>{escape(finding.rule)}</code>"
            f"<br><code>{escape(finding.id)}</code></td><td>{what}</td>"
            f"<td>{_decision(report, finding)}</td></tr>"
        )
    out.append("</table>")
    return out


def _decision(report: Report, finding: Finding) -> str:
    resolution = report.resolutions.get(finding.id)
    if resolution is None:
        return '<span class="open">Open</span>'
    parts = [
        f"<b>{escape(resolution.status.replace('_', ' '))}</b>",
        f"by {escape(resolution.person)}",
        escape(resolution.at),
    ]
    if resolution.source_url:
        parts.append("Source: " + _link(resolution.source_url))
    if resolution.note:
        parts.append("Note: " + escape(resolution.note))
    return "<br>".join(parts)


def _link(url: str) -> str:
    """Only web links become links; anything else (javascript:, data:, file:) stays text."""
    if urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url.strip(), quote=True)}" rel="noreferrer">{escape(url)}</a>'
    return f"<code>{escape(url)}</code>"


def _signoffs(report: Report) -> list[str]:
    out = ["<h2>Sign-offs of this text</h2>"]
    if not report.signoffs:
        return [*out, "<p>No one has signed off this exact text.</p>"]
    out.append("<table><tr><th>When</th><th>Who</th><th>Role</th><th>Decision</th><th>Comment</th></tr>")
    for s in report.signoffs:
        out.append(
            f"<tr><td>{escape(s.at)}</td><td>{escape(s.person)}</td><td>{escape(s.role)}</td>"
            f"<td>{escape(s.decision)}</td><td>{escape(s.comment or '')}</td></tr>"
        )
    out.append("</table>")
    return out
