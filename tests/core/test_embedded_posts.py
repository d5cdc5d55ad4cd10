"""An embedded social media post: its credit line ("— Maria Lopez (@marialopez) November 30, 2026")
is metadata, and the post above it is that person's words, quoted: its figures have a source
to confirm, not none."""

from __future__ import annotations

from reviewapp.core import Analyzer, IncrementalAnalysis, load_path, load_text
from reviewapp.core.loaders import edited

HEAD = "City approves new bus routes\nMaria Lopez, the transit director, shared the news on Monday.\n"
POST = "Big news for riders: the city approved 14 new routes today. pic.twitter.com/abc123"
CREDIT = "— Maria Lopez (@marialopez) November 30, 2026"
TAIL = "\nThe routes start in March.\n"


def claims(result):
    """The rules' claims (the learned score's, a suggestion on the lines around the post, move
    whenever the model is trained again)."""
    return [
        (f.rule, f.severity, f.text)
        for f in result.findings
        if f.category == "claim" and f.rule != "claim.learned"
    ]


def test_the_post_is_quoted_and_its_credit_line_is_metadata():
    text = f"{HEAD}{POST}\n{CREDIT}{TAIL}"
    result = Analyzer().analyze(load_text(text))
    assert result.roles == ["title", "body", "body", "meta", "body"]
    assert claims(result) == [("claim.figure", "suggestion", POST)]


def test_without_its_credit_line_the_post_is_an_unsourced_claim():
    text = f"{HEAD}{POST}{TAIL}"
    assert ("claim.figure", "warning", POST) in claims(Analyzer().analyze(load_text(text)))


def test_a_hedge_in_the_post_is_its_authors():
    post = "The new routes are arguably the best thing to happen to riders, some say."
    quoted = Analyzer().analyze(load_text(f"{HEAD}{post}\n{CREDIT}{TAIL}"))
    plain = Analyzer().analyze(load_text(f"{HEAD}{post}{TAIL}"))
    hedges = lambda result: [f.rule for f in result.findings if f.category == "hedge"]  # noqa: E731
    assert hedges(plain) and not hedges(quoted)


def test_an_edit_to_the_credit_line_reanalyses_the_post_above_it():
    session = IncrementalAnalysis(Analyzer())
    text = f"{HEAD}{POST}\n{CREDIT}{TAIL}"
    session.run(load_text(text))
    uncredited = session.run(load_text(text.replace(CREDIT, "That was the news.")))
    assert uncredited.changed == [2, 3]  # the post (its context changed) and the edited line
    full = Analyzer().analyze(load_text(text.replace(CREDIT, "That was the news.")))
    assert [f.to_json() for f in uncredited.findings] == [f.to_json() for f in full.findings]
    assert any(f.rule == "claim.figure" and f.severity == "warning" for f in uncredited.findings)


# An X post as its embed code prints it: line breaks inside the post's paragraph, the credit line
# after it, all in one block quotation.
PAGE = (
    "<html><body><article><h1>City approves new bus routes</h1>"
    "<p>Maria Lopez, the transit director, shared the news on Monday.</p>"
    '<blockquote class="twitter-tweet"><p lang="en">Big news for riders: the city approved 14 new'
    " routes today.<br><br>Ridership fell 22 percent last year. We will win riders back."
    ' <a href="https://t.co/abc">pic.twitter.com/abc123</a></p>&mdash; Maria Lopez (@marialopez)'
    ' <a href="https://twitter.com/marialopez/status/1">November 30, 2026</a></blockquote>'
    "<blockquote><p>Fares rose 10 percent in March.</p></blockquote>"
    "<p>The routes start in March.</p>"
    "</article></body></html>"
)


def figures(result):
    return [(f.text[:14], f.severity) for f in result.findings if f.rule == "claim.figure"]


def test_every_line_of_an_embedded_post_is_its_authors(tmp_path):
    """The post's first line, above a line break, was an unsourced figure: only the line just above
    the credit line was the post."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_path(path)
    assert document.paragraphs[2].text == "Big news for riders: the city approved 14 new routes today."
    result = Analyzer().analyze(document)
    assert figures(result) == [
        ("Big news for r", "suggestion"),
        ("Ridership fell", "suggestion"),
        ("Fares rose 10 ", "warning"),  # a block quotation of its own, credited by nobody
    ]
    # Kept while the draft is edited in the app.
    session = IncrementalAnalysis(Analyzer())
    session.run(document)
    typed = edited(document, document.text.replace("in March.", "in April."), document)
    assert figures(session.run(typed)) == figures(result)
