"""The HTML report: one self-contained file, inline CSS, no scripts, everything from the draft escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from ..categories import CATEGORIES, CATEGORY, LABELS, shade
from ..document import split_paragraphs
from ..findings import SEVERITIES, SEVERITY_RANK, Finding
from ..wording import counted, quoted
from .json_report import disclosure_jsonld, render_disclosure
from .model import Report, display_time
from .segments import Piece, Reference
from .tables import TableRows, cells, text_blocks

MARK_STRENGTH, RESOLVED_STRENGTH = 0.42, 0.16
QUOTE_LIMIT = 160

# Paper is laid out by Qt (gui/pdf_report.py), which breaks a run of text with no place to break
# "anywhere" in time growing as the square of the run (2 MB of full stops: never done), and
# never lays out a line of 65,536 spaces or more before more text (in the <pre> below, spaces
# are kept). On paper a long run gets an invisible place to break (a zero-width space) every
# PAPER_RUN characters, and a long run of spaces in kept text becomes one.
PAPER_RUN = 200
# Qt also draws each page by walking its paragraph's lines from the first: a paragraph of 2 MB
# took 10.8 s to draw (218 pages), cut in blocks of 20,000 characters 1.3 s. On paper a longer
# paragraph goes on in a block of its own, after a space, every PAPER_BLOCK characters.
PAPER_BLOCK = 20_000
_PAPER_GOES_ON = '<p style="margin: 0">'
_UNBROKEN = re.compile(rf"(?<!\S)\S{{{PAPER_RUN + 1},}}")  # from a run's start only: linear
_SPACE_RUN = re.compile(r"(?<![^\S\n])[^\S\n]{1000,}")  # from a run's start only
_BREAK = "\u200b"

# Element rules: few, so they cost little in Qt's renderer too.
BASE_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; font-size: 10.5pt;
       line-height: 1.45; color: #1a1a1a; background: #ffffff; max-width: 60em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 0.4em 0; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em 0; border-bottom: 1px solid #bbbbbb; }
table { border-collapse: collapse; margin: 0.3em 0; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border: 1px solid #cccccc; }
th { background: #f0f0f0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
pre { font-size: 8.5pt; background: #f6f6f6; padding: 0.6em; white-space: pre-wrap; }
"""
# Paper: a denser body; a long report has a thousand pages, and each costs time to draw.
PRINT_CSS = "body { font-size: 9.5pt; }\n"
# Class rules: a stylesheet for browsers, inline styles for print. Qt matches every rule
# against every element, and a long report has a hundred thousand elements.
STYLES = {
    "n": "text-align: right",
    "hash": 'font-family: "DejaVu Sans Mono", monospace; font-size: 9pt',
    "verdict-yes": "color: #00704F; font-weight: bold",
    "verdict-no": "color: #B34A00; font-weight: bold",
    "swatch": "padding: 1px 6px; margin-right: 6px; border-radius: 3px",
    "para": "margin: 0 0 0.7em 0",
    "ref": "font-size: 7.5pt; color: #444444; text-decoration: none",
    "finding": "margin: 0.5em 0 0 0; font-size: 9.5pt",
    "quote": "font-style: italic",
    "open": "color: #B34A00; font-weight: bold",
    **{
        c.id: f"text-decoration: underline; text-decoration-color: {c.color}; text-decoration-thickness: 2px"
        for c in CATEGORY.values()
        if c.mark == "underline"
    },
    # Resolved: the underline goes quiet, so an open claim stands out from a verified one.
    "settled": "text-decoration-style: dotted; text-decoration-color: #9a9a9a",
}
# On paper Qt draws an underline in the text's colour: an open claim's text takes a dark
# shade of its category colour (legible on white), a resolved claim loses the underline.
PRINT_UNDERLINE = {c.id: shade(c.color, 0.62) for c in CATEGORY.values() if c.mark == "underline"}
SETTLED_MARK = "\u2713"  # after a resolved finding's number
CSS = (
    BASE_CSS
    + "".join(f".{name} {{ {rule}; }}\n" for name, rule in STYLES.items())
    + "sup.ref a { color: inherit; }\n"
)


def _look(web: bool):
    """`look("quote")` → the attribute that styles an element: a class on the web, a style on paper."""

    def look(*names: str, extra: str = "") -> str:
        if web:
            style = f' style="{extra}"' if extra else ""
            return f'class="{" ".join(names)}"{style}'
        return 'style="' + "; ".join([*(STYLES[n] for n in names), *([extra] if extra else [])]) + '"'

    return look


def render_html(report: Report, for_print: bool = False) -> str:
    """The report page. `for_print` leaves out what paper cannot use (CSP, JSON-LD, links, tooltips)."""
    web = not for_print
    look = _look(web)
    numbers = report.number()
    title = escape(report.title if web else on_paper(report.title))
    head = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">']
    if web:
        # Defence in depth: even if something slipped through escaping, no script runs and nothing loads.
        head.append(
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        )
        head.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    head += [
        f"<title>Review report: {title}</title>",
        f"<style>{CSS if web else BASE_CSS + PRINT_CSS}</style>",
    ]
    if web:
        head.append(f'<script type="application/ld+json">{_script_json(disclosure_jsonld(report))}</script>')
    head.append("</head>")

    body = ["<body>", f"<h1>Review report: {title}</h1>", _facts(report, look)]
    body += _verdict(report, look)
    body += _summary(report, look)
    body += ["<h2>Text</h2>", _legend(look, web), "<div>"]
    paragraph = f"<p {look('para')}>"
    for marked in text_blocks(split_paragraphs(report.text), report.findings):
        if isinstance(marked, TableRows):  # a Markdown table's rows, shown as one
            body.append(_table(marked, lambda item: _piece(item, numbers, report, look, web)))
            continue
        blocks = [marked] if web else _paper_blocks(marked)
        for number, block in enumerate(blocks):
            # A paragraph cut in blocks on paper reads as one: no space between them.
            start = paragraph if number == len(blocks) - 1 else _PAPER_GOES_ON
            body.append(start + "".join(_piece(item, numbers, report, look, web) for item in block) + "</p>")
    body.append("</div>")
    body += _findings(report, numbers, look, web)
    body += _signoffs(report)
    body += [
        "<h2>Audit log</h2>",
        _audit(report, look),
        "<h2>Disclosure for the publishing system</h2>",
        "<p>schema.org JSON-LD, also embedded in this file's head:</p>",
        f"<pre>{escape(render_disclosure(report) if web else on_paper(render_disclosure(report)))}</pre>",
        "</body>",
        "</html>",
    ]
    return "\n".join(head + body) + "\n"


def _audit(report: Report, look) -> str:
    audit = report.audit
    head = (
        f"<p>Chain head <span {look('hash')}>{escape(audit.head or '')}</span>: keep it, and "
        "<code>reviewapp audit verify --expect HEAD</code> shows any later rollback or rewrite.</p>"
    )
    if audit.ok:
        entries = counted(audit.entries, "entry", "entries")
        verdict = f"Verifies: {entries}, hash chain intact, every decision signed by its signer."
        return f"<p {look('verdict-yes')}>{verdict}</p>{head}"
    reason = escape(audit.reason or "")
    return f"<p {look('verdict-no')}>Does not verify: entry {audit.first_broken}, {reason}.</p>{head}"


def _script_json(data: object) -> str:
    """JSON that cannot close its <script> element or open a comment, whatever the draft says."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _facts(report: Report, look) -> str:
    rows = [
        ("File", escape(report.path or "(pasted text)")),
        ("Words", f"{report.words:,}"),
        (
            "SHA-256 of the reviewed text (decoded, LF line ends)",
            f"<span {look('hash')}>{report.sha256}</span>",
        ),
        *(
            [
                (
                    "SHA-256 of the file (as sha256sum prints it)",
                    f"<span {look('hash')}>{report.file_sha256}</span>",
                )
            ]
            if report.file_sha256
            else []
        ),
        ("Report made", escape(display_time(report.generated))),
        ("Tool", f"reviewapp {escape(report.tool_version)}"),
    ]
    return "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def _verdict(report: Report, look) -> list[str]:
    gate = report.gate
    verdict = "Publishable" if gate.publishable else "Not publishable"
    css = "verdict-yes" if gate.publishable else "verdict-no"
    out = [
        "<h2>Verdict</h2>",
        f"<p {look(css)}>{verdict} ({escape(gate.approval)}).</p>",
        f"<p>Findings: {escape(report.progress)}.</p>",
    ]
    if gate.reasons:
        out.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in gate.reasons) + "</ul>")
    out += [f"<p><b>Note:</b> {escape(note)}</p>" for note in report.notes]
    return out


def _summary(report: Report, look) -> list[str]:
    counts, open_ = report.counts(), report.open_by_category()
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    number = f"<td {look('n')}>"
    rows = []
    for category in CATEGORIES:
        if sum(counts[category].values()):
            cells = "".join(f"{number}{counts[category][s]}</td>" for s in SEVERITIES)
            rows.append(f"<tr><td>{_swatch(category, look)}</td>{cells}{number}{open_[category]}</td></tr>")
    resolved = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in report.resolved_by_status().items())
    return [
        "<h2>Summary</h2>",
        f"<table><tr><th>Category</th>{head}<th>open</th></tr>{''.join(rows)}</table>",
        f"<p>{counted(len(report.findings), 'finding')}, {report.open_count} open"
        + (f"; resolved as {resolved}." if resolved else ".")
        + "</p>",
    ]


def _swatch(category: str, look) -> str:
    background = f"background-color: {CATEGORY[category].tint(MARK_STRENGTH)}"
    return f"<span {look('swatch', extra=background)}>{LABELS[category]}</span>"


def _legend(look, web: bool) -> str:
    underlined = [c for c in CATEGORIES if CATEGORY[c].mark == "underline"]

    def line(category: str) -> str:  # on paper the underline takes the text's colour
        return "text-decoration: underline" + ("" if web else f"; color: {PRINT_UNDERLINE[category]}")

    items = [f"<span {look(c, extra=line(c))}>{LABELS[c]}</span>" for c in underlined]
    items += [_swatch(c, look) for c in CATEGORIES if c not in underlined]
    return "<p>" + " ".join(items) + "</p>"


def _piece(item: object, numbers: dict[str, int], report: Report, look, web: bool) -> str:
    if not isinstance(item, Piece):
        finding: Finding = item.finding  # type: ignore[attr-defined]
        number = numbers[finding.id]
        label = f"{number}{SETTLED_MARK}" if finding.id in report.resolutions else str(number)
        if web:
            return f'<sup class="ref"><a href="#f{number}">[{label}]</a></sup>'
        return f"<sup {look('ref')}>[{label}]</sup>"
    text = escape(item.text if web else on_paper(item.text))
    if not item.findings:
        return text
    styles, classes = [], []
    lines = [f for f in item.findings if CATEGORY[f.category].mark == "underline"]
    if lines:
        open_lines = [f for f in lines if f.id not in report.resolutions]
        classes.extend(sorted({f.category for f in lines}))
        if web:
            styles.append("text-decoration: underline")
            if not open_lines:
                classes.append("settled")
        elif open_lines:
            styles.append(f"text-decoration: underline; color: {PRINT_UNDERLINE[open_lines[0].category]}")
    painted = [f for f in item.findings if CATEGORY[f.category].mark == "background"]
    if painted:
        # The most severe, then the narrowest: the same choice the editor makes when painting.
        top = max(painted, key=lambda f: (SEVERITY_RANK[f.severity], f.start - f.end))
        strength = RESOLVED_STRENGTH if top.id in report.resolutions else MARK_STRENGTH
        styles.append(f"background-color: {CATEGORY[top.category].tint(strength)}")
        classes.append(f"c-{top.category}")
    if not web:
        return f'<span style="{"; ".join(styles)}">{text}</span>'
    tip = escape(" / ".join(f"{LABELS[f.category]}: {f.message}" for f in item.findings))
    return f'<span class="{" ".join(classes)}" style="{"; ".join(styles)}" title="{tip}">{text}</span>'


def _table(table_rows: TableRows, piece: Callable[[object], str]) -> str:
    """A Markdown table of the draft as a table: its heading row, then its rows."""
    table = table_rows.table
    out = ["<table>"]
    for heading, row in table_rows.shown():
        tag = "th" if heading else "td"
        cells_html = []
        for column, cell in enumerate(cells(row)):
            align = table.alignments[column] if column < len(table.alignments) else "left"
            style = f' style="text-align: {align}"' if align != "left" else ""
            cells_html.append(f"<{tag}{style}>{''.join(piece(item) for item in cell)}</{tag}>")
        out.append(f"<tr>{''.join(cells_html)}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _findings(report: Report, numbers: dict[str, int], look, web: bool) -> list[str]:
    """One compact paragraph per finding, not a table: Qt lays out thousands of table rows very slowly."""
    out = ["<h2>Findings</h2>"]
    item, quote = f"<p {look('finding')}", f"<span {look('quote')}>"
    # On paper, plain rule names and labels: each extra element costs Qt time, times thousands.
    code, end_code, suggestion = (
        ("<code>", "</code>", "<i>Suggestion:</i>") if web else ("", "", "Suggestion:")
    )
    if report.grouped:
        out.append(
            f"<p>{len(report.findings):,} findings: those with the same rule and the same words are "
            "listed once, with how many times they occur.</p>"
        )
    for number, entry in enumerate(report.entries(), 1):
        finding = entry.first
        if len(entry.findings) > 1:
            open_ = sum(1 for f in entry.findings if f.id not in report.resolutions)
            status = f"{len(entry.findings):,} times, <span {look('open')}>{open_:,} open</span>"
            details = ""
            ident = ""
        else:
            status, details = _decision(report, finding, look)
            ident = f" · {code}{escape(finding.id)}{end_code}"
        what = f"{quote}{escape(quoted(_shorten(finding.text)))}</span> — " if finding.text else ""
        what += escape(finding.message)
        if finding.suggestion:
            what += f" {suggestion} {escape(finding.suggestion)}"
        anchor = f' id="f{number}"' if web else ""  # thousands of anchors cost Qt seconds
        out.append(
            f"{item}{anchor}><b>{number}.</b> {_swatch(finding.category, look)} {finding.severity}"
            f" · {code}{escape(finding.rule)}{end_code}{ident} · {status}"
            f"<br>{what}{'<br>' + details if details else ''}</p>"
        )
    return out


def on_paper(text: str) -> str:
    """`text` as Qt can lay it out on paper in time: see PAPER_RUN."""
    if len(text) <= PAPER_RUN:
        return text
    return _UNBROKEN.sub(_with_breaks, _SPACE_RUN.sub(" ", text))


def _paper_blocks(pieces: list[Piece | Reference]) -> list[list[Piece | Reference]]:
    """A paragraph's pieces in blocks of PAPER_BLOCK characters at most (a long piece cut where a
    block ends, at a space if it has one)."""
    blocks: list[list[Piece | Reference]] = [[]]
    room = PAPER_BLOCK
    for item in pieces:
        if not isinstance(item, Piece) or len(item.text) < room:
            room -= len(item.text) if isinstance(item, Piece) else 0
            blocks[-1].append(item)
            continue
        text = item.text
        while len(text) >= room:
            cut = text.rfind(" ", 0, room)
            cut = cut if cut > 0 else room
            blocks[-1].append(Piece(text[:cut], item.findings))
            blocks.append([])
            text, room = text[cut:], PAPER_BLOCK
        if text:
            room -= len(text)
            blocks[-1].append(Piece(text, item.findings))
    return blocks


def _with_breaks(run: re.Match[str]) -> str:
    found = run.group()
    return _BREAK.join(found[i : i + PAPER_RUN] for i in range(0, len(found), PAPER_RUN))


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Long quotes (claims are whole sentences) are cut: the text above shows them in full."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _decision(report: Report, finding: Finding, look) -> tuple[str, str]:
    """The status for the heading line, and the source and note below it."""
    resolution = report.resolutions.get(finding.id)
    if resolution is None:
        return f"<span {look('open')}>Open</span>", ""
    status = (
        f"<b>Resolved: {escape(resolution.status.replace('_', ' '))}</b>"
        f" by {escape(resolution.person)}, {escape(display_time(resolution.at))}"
    )
    details = []
    if resolution.source_url:
        details.append("Source: " + _link(resolution.source_url))
    if resolution.note:
        details.append("Note: " + escape(resolution.note))
    return status, " · ".join(details)


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
            f"<tr><td>{escape(display_time(s.at))}</td><td>{escape(s.person)}</td><td>{escape(s.role)}</td>"
            f"<td>{escape(s.decision)}</td><td>{escape(s.comment or '')}</td></tr>"
        )
    out.append("</table>")
    return out
