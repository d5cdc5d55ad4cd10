"""Review reports in HTML, Markdown and JSON (PDF is tested with Qt in tests/gui)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from reviewapp import __version__
from reviewapp.core import load_path, load_policy
from reviewapp.core.document import Paragraph
from reviewapp.core.findings import Finding
from reviewapp.core.report import (
    REPORT_FORMATS,
    build_report,
    disclosure_jsonld,
    jsonld_path,
    render_html,
    render_json,
    render_markdown,
    report_json,
)
from reviewapp.core.report.markdown import md_escape
from reviewapp.core.report.segments import Piece, Reference, marked_paragraphs
from reviewapp.core.resources import resource_path
from reviewapp.core.review import Reviewer
from reviewapp.core.store import ReviewStore

REFERENCE = Path(__file__).parent.parent / "data" / "reports"
GENERATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00|\d{4}-\d\d-\d\d \d\d:\d\d UTC")
HEAD = re.compile(r"\b\d+:[0-9a-f]{64}\b")  # the chain head: its hashes cover times and signatures
KEY = re.compile(r"\b[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}\b")  # a signer's key (new each run)


@pytest.fixture
def reviewed(tmp_path, data_dir, people):
    """The Foxconn article with two decisions and one rejection on record."""
    path = tmp_path / "openai-foxconn.txt"
    shutil.copy(data_dir / "openai-foxconn.txt", path)
    policy = load_policy()
    reviewer = Reviewer(policy)
    review = reviewer.review(load_path(path))
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    landmark = next(f for f in review.findings if f.rule == "peacock.term" and f.text == "Landmark")
    altman = next(f for f in review.findings if f.text.startswith("Sam Altman"))
    store.resolve(review.draft, landmark, "false_positive", people.signer("Ana Ruiz"), note="A headline word")
    store.resolve(
        review.draft, altman, "verified", people.signer("Bo Lindqvist"),
        source_url="https://example.org/altman-interview", note="Interview, 3 May",
    )  # fmt: skip
    store.sign_off(review.draft, people.signer("Ana Ruiz"), "author", "reject", comment="Sources missing")
    yield Judge(reviewer, review, store), store, policy, path
    store.close()


class Judge:
    """The review, judged against the record as it stands each time a report is made."""

    def __init__(self, reviewer, review, store):
        self.reviewer, self.review, self.store = reviewer, review, store

    def __call__(self):
        return self.reviewer.judge(self.review, self.store)

    @property
    def findings(self):
        return self.review.findings

    @property
    def document(self):
        return self.review.document

    @property
    def draft(self):
        return self.review.draft


def normalise(text: str, path: Path) -> str:
    text = text.replace(str(path), "openai-foxconn.txt").replace(md_escape(str(path)), "openai-foxconn.txt")
    text = HEAD.sub("<head>", TIMESTAMP.sub("<time>", text))
    text = KEY.sub("<key>", text)
    return text.replace(f"reviewapp {__version__}", "reviewapp <version>").replace(
        f'"version": "{__version__}"', '"version": "<version>"'
    )


def check_reference(name: str, produced: str) -> None:
    reference = REFERENCE / name
    if os.environ.get("REVIEWAPP_UPDATE_REFERENCE"):
        reference.write_text(produced, encoding="utf-8")
    assert produced == reference.read_text(encoding="utf-8"), f"{name} differs from the reference file"


def test_markdown_matches_the_reference(reviewed):
    result, store, policy, path = reviewed
    report = build_report(result(), store, policy, generated=GENERATED)
    check_reference("openai-foxconn.report.md", normalise(render_markdown(report), path))


def test_json_matches_the_reference_and_the_schema(reviewed):
    result, store, policy, path = reviewed
    report = build_report(result(), store, policy, generated=GENERATED)
    data = report_json(report)
    schema = json.loads(resource_path("schema", "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    check_reference("openai-foxconn.report.json", normalise(render_json(report), path))


def test_json_report_content(reviewed):
    result, store, policy, _path = reviewed
    data = report_json(build_report(result(), store, policy))
    assert data["document"]["sha256"] == result.document.sha256
    assert data["document"]["words"] == result.document.words
    assert data["summary"]["findings"] == len(result.findings) == len(data["findings"])
    assert data["summary"]["resolved"] == {"false_positive": 1, "verified": 1}
    assert data["summary"]["open"] == len(result.findings) - 2
    assert data["gate"]["publishable"] is False and data["gate"]["approval"] == "not approved"
    verified = next(
        f for f in data["findings"] if f["resolution"] and f["resolution"]["status"] == "verified"
    )
    assert verified["resolution"]["source_url"] == "https://example.org/altman-interview"
    assert [s["decision"] for s in data["signoffs"]] == ["reject"]
    audit = data["audit"]
    assert (audit["verified"], audit["entries"], audit["first_broken"], audit["problems"]) == (
        True,
        4,
        None,
        [],
    )
    assert audit["head"].startswith("4:")
    for finding in data["findings"]:
        assert result.document.text[finding["start"] : finding["end"]] == finding["text"]


def test_a_broken_audit_chain_shows_in_the_report(reviewed):
    result, store, policy, _path = reviewed
    store.conn.execute("DROP TRIGGER audit_no_update")
    store.conn.execute("UPDATE audit SET payload = replace(payload, 'Ana', 'Eve') WHERE id = 2")
    report = build_report(result(), store, policy)
    assert "does not verify**: entry 2" in render_markdown(report)
    assert "Does not verify: entry 2" in render_html(report)
    assert report_json(report)["audit"]["verified"] is False
    assert report.gate.publishable is False and report.gate.verified is False


def test_disclosure_names_the_approving_editor(reviewed, people):
    result, store, policy, _path = reviewed
    doc = result.document
    assert "editor" not in disclosure_jsonld(build_report(result(), store, policy))  # nobody approved yet
    store.sign_off(result.draft, people.signer("Carmen Ortiz"), "editor", "approve")
    block = disclosure_jsonld(build_report(result(), store, policy))
    assert block["@context"] == "https://schema.org"
    assert block["digitalSourceType"] == (
        "https://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
    )
    assert block["editor"] == block["accountablePerson"] == {"@type": "Person", "name": "Carmen Ortiz"}
    assert block["identifier"]["value"] == doc.sha256
    store.sign_off(result.draft, people.signer("Carmen Ortiz"), "editor", "reject", comment="on reflection")
    assert "editor" not in disclosure_jsonld(build_report(result(), store, policy))  # the latest word counts


def test_the_json_report_writes_its_disclosure_beside_it(reviewed, tmp_path):
    result, store, policy, _path = reviewed
    report = build_report(result(), store, policy)
    out = tmp_path / "report.json"
    written = [w.path for w in REPORT_FORMATS["json"].write(report, out)]
    assert written == [out, tmp_path / "report.jsonld"]
    assert json.loads(written[1].read_text()) == disclosure_jsonld(report)
    assert json.loads(out.read_text())["disclosure"] == disclosure_jsonld(report)
    assert jsonld_path(tmp_path / "x.jsonld") == tmp_path / "x.disclosure.jsonld"


HOSTILE = """<script>alert("draft")</script> Mayor <b>Jones</b> said the budget rose 40% in 2024.
<img src=x onerror="alert('img')"> or <a href="javascript:alert(1)">here</a>.
Click [here](javascript:alert('md')). A </script><script>alert('break out')</script>
A comment <!-- x --> and & ampersands.
"""


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_report_escapes_everything_from_the_draft(tmp_path, people):
    draft = tmp_path / "hostile.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    policy = load_policy()
    reviewer = Reviewer(policy)
    store = ReviewStore(tmp_path / "r.sqlite3")
    review = reviewer.review(load_path(draft))
    store.resolve(
        review.draft, review.findings[0], "verified", people.signer("<script>alert('name')</script>"),
        source_url="javascript:alert('source')", note="<img src=x onerror=alert('note')>",
    )  # fmt: skip
    review = reviewer.judge(review, store)
    html = render_html(build_report(review, store, policy))
    parser = _Elements()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]  # data, never run
    assert not [tag for tag, _ in parser.tags if tag in ("img", "iframe", "object", "embed", "link")]
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs  # nothing is fetched
        assert not (attrs.get("href") or "").lower().startswith("javascript")
    assert "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html  # and a browser would refuse to run anything anyway
    # The draft's words are all there, as text.
    assert "&lt;script&gt;alert(&quot;draft&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Jones&lt;/b&gt;" in html
    assert "javascript:alert(&#x27;source&#x27;)" in html
    # The JSON-LD block cannot be closed early by a headline with </script> in it.
    head_json = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(head_json) == disclosure_jsonld(build_report(review, store, policy))
    store.close()


def test_html_report_is_one_self_contained_file(reviewed):
    result, store, policy, _path = reviewed
    html = render_html(build_report(result(), store, policy))
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace("https://example.org/altman", ""))
    # Every finding is marked in the text and listed, linked by number.
    for number in range(1, len(result.findings) + 1):
        assert f'href="#f{number}"' in html and f'id="f{number}"' in html


def test_markdown_escapes_the_draft(tmp_path):
    draft = tmp_path / "hostile.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    store = ReviewStore(tmp_path / "r.sqlite3")
    policy = load_policy()
    review = Reviewer(policy).review(load_path(draft), store=store)
    markdown = render_markdown(build_report(review, store, policy))
    prose = markdown.split("```json")[0]  # the JSON-LD after it is a fenced code block: inert
    autolinks = re.compile(r"<https?://[^\s<>]+>")
    assert not re.search(r"(?<!\\)<", autolinks.sub("", prose))  # no raw HTML can open
    assert not re.search(r"(?<!\\)\]\(", prose)  # no link can form from the draft
    assert r'\<script\>alert("draft")\</script\>' in prose
    store.close()


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("5 * 3 = 15", r"5 \* 3 = 15"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("# not a heading", r"\# not a heading"),
        ("a | b", r"a \| b"),
        ("plain words, stay plain.", "plain words, stay plain."),
    ],
)
def test_md_escape(raw, escaped):
    assert md_escape(raw) == escaped


def _finding(start: int, end: int, rule: str = "hedge.modal") -> Finding:
    return Finding("hedge", rule, "suggestion", start, end, "", "m", id=f"{rule}-{start}-{end}")


def test_segments_nest_overlap_and_place_gaps():
    text = "One two three.\nFour five."
    paragraphs = [Paragraph(0, 0, 14, "One two three."), Paragraph(1, 15, 25, "Four five.")]
    outer, inner, gap = _finding(0, 13, "claim.x"), _finding(4, 7), _finding(25, 25, "disclosure.missing")
    first, second = marked_paragraphs(paragraphs, [outer, inner, gap])
    assert "".join(p.text for p in first if isinstance(p, Piece)) == text[:14]
    covered = [(p.text, {f.rule for f in p.findings}) for p in first if isinstance(p, Piece)]
    assert covered == [
        ("One ", {"claim.x"}),
        ("two", {"claim.x", "hedge.modal"}),
        (" three", {"claim.x"}),
        (".", set()),
    ]
    refs = [i for i, p in enumerate(first) if isinstance(p, Reference)]
    assert [first[i].finding for i in refs] == [inner, outer]  # each after the words it is about
    assert isinstance(second[-1], Reference) and second[-1].finding is gap  # the empty span, at the end


def test_a_finding_across_paragraphs_is_referenced_once():
    paragraphs = [Paragraph(0, 0, 3, "One"), Paragraph(1, 4, 7, "Two")]
    across = _finding(1, 6)
    pieces = [p for para in marked_paragraphs(paragraphs, [across]) for p in para]
    assert sum(1 for p in pieces if isinstance(p, Reference)) == 1
    assert [p.text for p in pieces if isinstance(p, Piece) and p.findings] == ["ne", "Tw"]


def test_footnotes_run_in_order_and_times_read_as_times(reviewed):
    """References are numbered as they appear ([6][7][8]..., never [6][8][9][7]); no ISO microseconds."""
    judge, store, policy, _ = reviewed
    report = build_report(judge(), store, policy)
    markdown = render_markdown(report)
    text = markdown.split("## Text", 1)[1].split("## Findings", 1)[0]
    numbers = [int(n) for n in re.findall(r"\[\^(\d+)\]", text)]
    assert numbers == list(range(1, len(report.findings) + 1))
    html = render_html(report, for_print=True)
    assert not re.search(r"\d\d:\d\d:\d\d\.\d+", markdown + html)
    assert re.search(r"Resolved: verified</b> by Bo Lindqvist, \d{4}-\d\d-\d\d \d\d:\d\d UTC", html)
    assert "2 of 45 resolved, 17 blocking" in html and "2 of 45 resolved, 17 blocking" in markdown


def test_on_paper_an_open_claim_is_underlined_in_its_colour_and_a_verified_one_is_not(reviewed):
    from reviewapp.core.report.html import PRINT_UNDERLINE

    judge, store, policy, _ = reviewed
    html = render_html(build_report(judge(), store, policy), for_print=True)
    colour = PRINT_UNDERLINE["claim"]
    verified = "Sam Altman, the CEO over at OpenAI"
    open_claim = "To design and manufacture advanced AI hardware"
    assert re.search(rf'<span style="text-decoration: underline; color: {colour}">{open_claim}', html)
    assert re.search(rf'<span style="[^"]*">{verified}', html) is None or "underline" not in re.search(
        rf'<span style="([^"]*)">{verified}', html
    ).group(1)
    number = build_report(judge(), store, policy).number()
    altman = next(f for f in judge().findings if f.text.startswith("Sam Altman"))
    assert f"[{number[altman.id]}\u2713]" in html  # a resolved finding's reference carries a tick


def test_a_report_of_many_findings_lists_repeated_ones_once(tmp_path, data_dir, people, monkeypatch):
    """Past GROUP_OVER findings, the same rule on the same words is one entry with a count."""
    from reviewapp.core.report import model

    text = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    path = tmp_path / "thrice.txt"
    path.write_text(text + "\n" + text + "\n" + text, encoding="utf-8")
    policy = load_policy()
    reviewer = Reviewer(policy)
    review = reviewer.review(load_path(path))
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        monkeypatch.setattr(model, "GROUP_OVER", 100)
        report = build_report(reviewer.judge(review, store), store, policy)
        assert report.grouped and len(report.findings) > 100
        entries = report.entries()
        assert len(entries) < len(report.findings) / 2
        assert any(len(e.findings) == 3 for e in entries)
        numbers = report.number()
        assert set(numbers) == {f.id for f in report.findings}
        html, markdown = render_html(report), render_markdown(report)
        assert "3 times, " in html and "listed once" in html
        landmark = next(n for n, e in enumerate(entries, 1) if e.first.text == "Landmark")
        assert markdown.count(f"[^{landmark}]:") == 1 and markdown.count(f"[^{landmark}]") == 4
        monkeypatch.setattr(model, "GROUP_OVER", 10_000)
        assert not build_report(reviewer.judge(review, store), store, policy).grouped


def test_on_paper_gives_long_runs_places_to_break():
    from reviewapp.core.report.html import PAPER_RUN, on_paper

    ordinary = "The council voted 7-2 on Tuesday, https://example.org/minutes/2025-03-04 says."
    assert on_paper(ordinary) == ordinary
    run = "." * (PAPER_RUN * 2 + 5)
    assert on_paper(f"Start {run} end") == f"Start {'.' * PAPER_RUN}\u200b{'.' * PAPER_RUN}\u200b..... end"
    spaced = on_paper("x" + " " * 5_000 + "y" + "z" * 300)
    assert spaced == "x " + "y" + "z" * (PAPER_RUN - 1) + "\u200b" + "z" * 101
    assert on_paper(ordinary + "\n" * 3_000 + "end") == ordinary + "\n" * 3_000 + "end"  # line ends stay


def test_pieces_lie_under_exactly_the_findings_covering_them():
    """The sweep that finds each piece's findings, against the definition, on random spans
    (empty ones, ones crossing paragraphs, ones sharing ends)."""
    import random

    from reviewapp.core.document import split_paragraphs
    from reviewapp.core.findings import new_finding
    from reviewapp.core.report.segments import Piece, marked_paragraphs

    rng = random.Random(7)
    text = "First paragraph here.\nSecond one, a little longer.\n\nThird.\nFourth and last paragraph."
    paragraphs = split_paragraphs(text)
    for _ in range(300):
        findings = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, len(text))
            end = min(len(text), start + rng.choice([0, 1, 3, 10, 40]))
            findings.append(new_finding("hedge", "r", "warning", start, end, text[start:end], "m", None, ""))
        for paragraph, pieces in zip(paragraphs, marked_paragraphs(paragraphs, findings), strict=True):
            at = paragraph.start
            for piece in pieces:
                if not isinstance(piece, Piece):
                    continue
                a, b = at, at + len(piece.text)
                expected = tuple(f for f in findings if f.start <= a and f.end >= b and f.start < f.end)
                # The findings of this paragraph only, in their order (as marked_paragraphs gives them).
                assert piece.findings == tuple(
                    f for f in expected if f in _of(paragraphs, paragraph, findings)
                )
                at = b


def _of(paragraphs, paragraph, findings):
    from bisect import bisect_right

    starts = [p.start for p in paragraphs]
    index = paragraphs.index(paragraph)
    chosen = []
    for f in findings:
        first = max(0, bisect_right(starts, f.start) - 1)
        last = max(first, bisect_right(starts, max(f.start, f.end - 1)) - 1)
        if first <= index <= last:
            chosen.append(f)
    return chosen


def test_on_paper_a_long_paragraph_goes_on_in_blocks():
    """Qt draws each page by walking its paragraph from the first line: on paper a paragraph
    goes on in a new block every PAPER_BLOCK characters, cut after a space, nothing lost."""
    from reviewapp.core.findings import new_finding
    from reviewapp.core.report.html import PAPER_BLOCK, _paper_blocks
    from reviewapp.core.report.segments import Piece, Reference

    finding = new_finding("hedge", "r", "warning", 0, 1, "x", "m", None, "")
    words = "word " * (PAPER_BLOCK // 4)  # a block and a quarter
    pieces = [Piece(words, ()), Reference(finding), Piece(words, (finding,)), Piece("end", ())]
    blocks = _paper_blocks(pieces)
    texts = ["".join(item.text for item in block if isinstance(item, Piece)) for block in blocks]
    assert "".join(texts) == words + words + "end"
    assert len(blocks) == 3 and all(len(text) <= PAPER_BLOCK for text in texts)
    assert all(text.startswith(" ") for text in texts[1:])  # cut at a space
    assert Reference(finding) in blocks[1]
    assert [item.findings for item in blocks[1] if isinstance(item, Piece)][-1] == (finding,)
    short = [Piece("A short paragraph.", ())]
    assert _paper_blocks(short) == [short]


def test_a_draft_not_in_english_is_noted_under_the_verdict(tmp_path):
    """Few findings on a German draft are not a clean review: every report says why."""
    from .test_language import GERMAN

    path = tmp_path / "haushalt.txt"
    path.write_text(GERMAN, encoding="utf-8")
    policy = load_policy()
    reviewer = Reviewer(policy)
    with ReviewStore(tmp_path / "reviews.sqlite3") as store:
        review = reviewer.judge(reviewer.review(load_path(path)), store)
        report = build_report(review, store, policy)
    note = "This draft does not read as English: reviewapp's rules and scores read English only"
    assert len(report.notes) == 1 and report.notes[0].startswith(note)  # said once, read or not
    assert f"<p><b>Note:</b> {html.escape(note)}" in render_html(report)
    assert f"**Note:** {note}" in render_markdown(report)
    assert json.loads(render_json(report))["document"]["notes"] == list(report.notes)


def test_how_the_draft_was_read_is_noted_under_the_verdict(tmp_path):
    """Tracked changes taken as accepted, text a page hides: the approval is of that text, and a
    reader of the record must know it (the app, whose edited draft carries no warnings, says)."""
    from .test_odt import COUNCIL

    policy = load_policy()
    reviewer = Reviewer(policy)
    with ReviewStore(tmp_path / "reviews.sqlite3") as store:
        review = reviewer.judge(reviewer.review(load_path(COUNCIL)), store)
        report = build_report(review, store, policy)
        told = build_report(review, store, policy, how_read=("Read from a copy.",))
    tracked = "Tracked changes not yet accepted or rejected: read as if all were accepted."
    assert report.notes == (tracked,)
    assert f"**Note:** {tracked}" in render_markdown(report)
    assert told.notes == ("Read from a copy.",)


def test_a_quoted_sentence_is_quoted_once_in_the_reports(tmp_path):
    """“"Ridership fell 22 percent last year."” showed two pairs of quotation marks."""
    path = tmp_path / "draft.txt"
    path.write_text(
        'Council news\nRiders waited.\n"Ridership fell 22 percent last year."\n', encoding="utf-8"
    )
    policy = load_policy()
    reviewer, store = Reviewer(policy), ReviewStore(tmp_path / "r.sqlite3")
    review = reviewer.judge(reviewer.review(load_path(path)), store)
    report = build_report(review, store, policy, generated=GENERATED)
    markdown, page = render_markdown(report), render_html(report)
    assert '"Ridership fell 22 percent last year."' in markdown
    assert '“"Ridership' not in markdown and "“&quot;Ridership" not in page and '“"Ridership' not in page
