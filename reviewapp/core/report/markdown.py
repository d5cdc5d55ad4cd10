"""The Markdown report: the text with footnote references, then every finding as a footnote."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..categories import CATEGORIES, LABELS
from ..document import split_paragraphs
from ..findings import SEVERITIES
from ..wording import counted, quoted
from .json_report import render_disclosure
from .model import Report, display_time
from .segments import Piece, Reference
from .tables import TableRows, cells, text_blocks

# Characters that could start markup in CommonMark; escaped so the draft shows as written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!$])")
_LIST_MARK = re.compile(r"^(\s*)([-+=])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: str) -> str:
    text = _escape_inline(text)
    return _NUMBERED.sub(r"\1\\\2", _LIST_MARK.sub(r"\1\\\2", text))


def _escape_inline(text: str) -> str:
    """The characters that could start markup escaped, as inside a line (a table's cell): no list
    marks, which only open a line."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str | None) -> str:
    return md_escape(text or "").replace("\n", " ")


def render_markdown(report: Report) -> str:
    numbers = report.number()
    lines = [
        f"# Review report: {md_escape(report.title)}",
        "",
        "| | |",
        "|---|---|",
        f"| File | {_cell(report.path or '(pasted text)')} |",
        f"| Words | {report.words:,} |",
        f"| SHA-256 of the reviewed text (decoded, LF line ends) | `{report.sha256}` |",
        *(
            [f"| SHA-256 of the file (as sha256sum prints it) | `{report.file_sha256}` |"]
            if report.file_sha256
            else []
        ),
        f"| Report made | {display_time(report.generated)} |",
        f"| Tool | reviewapp {report.tool_version} |",
        "",
        "## Verdict",
        "",
        f"**{'Publishable' if report.gate.publishable else 'Not publishable'}** ({report.gate.approval}).",
        "",
        f"Findings: {report.progress}.",
        "",
    ]
    lines += [f"- {md_escape(reason)}" for reason in report.gate.reasons]
    lines += [line for note in report.notes for line in ("", f"**Note:** {md_escape(note)}")]
    lines += ["", "## Summary", "", "| Category | " + " | ".join(SEVERITIES) + " | open |", "|---" * 5 + "|"]
    counts = report.counts()
    for category in CATEGORIES:
        total = sum(counts[category].values())
        if total:
            open_ = sum(
                1 for f in report.findings if f.category == category and f.id not in report.resolutions
            )
            row = " | ".join(str(counts[category][s]) for s in SEVERITIES)
            lines.append(f"| {LABELS[category]} | {row} | {open_} |")
    resolved = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in report.resolved_by_status().items())
    lines += [
        "",
        f"{counted(len(report.findings), 'finding')}, {report.open_count} open"
        + (f"; resolved as {resolved}." if resolved else "."),
        "",
        "## Text",
        "",
        "Each finding is a footnote reference after the words it is about; the footnote quotes them.",
        "",
    ]

    def piece(item: Piece | Reference) -> str:
        return md_escape(item.text) if isinstance(item, Piece) else f"[^{numbers[item.finding.id]}]"

    def in_cell(item: Piece | Reference) -> str:  # inside a row, no text opens a line
        return _escape_inline(item.text) if isinstance(item, Piece) else piece(item)

    for pieces in text_blocks(split_paragraphs(report.text), report.findings):
        if isinstance(pieces, TableRows):  # a Markdown table's rows, kept together so the table stays one
            lines += [*_table(pieces, in_cell), ""]
        else:
            lines += ["".join(map(piece, pieces)), ""]
    lines += ["## Findings", ""]
    if report.grouped:
        lines += [
            f"{len(report.findings):,} findings: those with the same rule and the same words are listed "
            "once, with how many times they occur.",
            "",
        ]
    for number, entry in enumerate(report.entries(), 1):
        finding = entry.first
        ident = "" if len(entry.findings) > 1 else f", id `{finding.id}`"
        parts = [
            f"[^{number}]: **{LABELS[finding.category]}**, {finding.severity} (`{finding.rule}`{ident}):",
            quoted(_cell(finding.text)) if finding.text else "(at this place)",
            f"— {_cell(finding.message)}",
        ]
        if finding.suggestion:
            parts.append(f"*Suggestion:* {_cell(finding.suggestion)}")
        resolution = report.resolutions.get(finding.id)
        if len(entry.findings) > 1:
            open_ = sum(1 for f in entry.findings if f.id not in report.resolutions)
            parts.append(f"**{len(entry.findings):,} times, {open_:,} open.**")
        elif resolution is None:
            parts.append("**Open.**")
        else:
            parts.append(
                f"**Resolved: {resolution.status.replace('_', ' ')}** by {_cell(resolution.person)},"
                f" {display_time(resolution.at)}."
            )
            if resolution.source_url:
                parts.append(f"Source: <{_url(resolution.source_url)}>.")
            if resolution.note:
                parts.append(f"Note: {_cell(resolution.note)}")
        lines.append(" ".join(parts))
    lines += ["", "## Sign-offs of this text", ""]
    if report.signoffs:
        lines += ["| When | Who | Role | Decision | Comment |", "|---|---|---|---|---|"]
        lines += [
            f"| {display_time(s.at)} | {_cell(s.person)} | {s.role} | {s.decision} | {_cell(s.comment)} |"
            for s in report.signoffs
        ]
    else:
        lines.append("No one has signed off this exact text.")
    audit = report.audit
    lines += [
        "",
        "## Audit log",
        "",
        f"The record verifies: {counted(audit.entries, 'entry', 'entries')}, hash chain intact, "
        "every decision signed by its signer."
        if audit.ok
        else f"**The record does not verify**: entry {audit.first_broken}, {audit.reason}.",
        "",
        f"Chain head: `{audit.head}` (keep it: `audit verify --expect HEAD` shows any later rollback)",
        "",
        "## Disclosure for the publishing system (JSON-LD)",
        "",
        "```json",
        render_disclosure(report).replace("```", "`\u200b``"),
        "```",
        "",
    ]
    return "\n".join(lines)


def _table(table_rows: TableRows, piece: Callable[[Piece | Reference], str]) -> list[str]:
    """The table's rows, its cells' text escaped (a bar in a cell included) between the bars."""
    table = table_rows.table
    out = []
    for number, (_, row) in enumerate(table_rows.shown()):
        out.append("| " + " | ".join("".join(map(piece, cell)).strip() for cell in cells(row)) + " |")
        if number == 0:
            out.append("|" + "|".join(_RULE[align] for align in table.alignments) + "|")
    return out


_RULE = {"left": "---", "right": "---:", "center": ":---:"}


def _url(url: str) -> str:
    """An autolink must not contain spaces or angle brackets."""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
