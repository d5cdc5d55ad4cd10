from __future__ import annotations

import itertools

from reviewapp.core import Analyzer, IncrementalAnalysis, load_path, load_text
from reviewapp.core.analysis import AnalysisResult

from .helpers import rule_exercising_drafts


def test_edit_reanalyses_only_the_changed_paragraph(data_dir):
    doc = load_path(data_dir / "openai-foxconn.txt")
    session = IncrementalAnalysis(Analyzer())
    first = session.run(doc)
    assert first.reanalysed == len(doc.paragraphs)

    edited = doc.text.replace("It feels like a really strategic play", "It is a strategic play")
    second = session.run(load_text(edited))
    assert second.reanalysed == 1
    assert second.changed == [7]
    assert not any(f.text == "It feels like" for f in second.findings)
    # The result equals a full analysis of the edited text.
    full = Analyzer().analyze(load_text(edited))
    assert [f.to_json() for f in second.findings] == [f.to_json() for f in full.findings]


def test_an_edit_to_the_source_above_reanalyses_the_figures_below():
    """The figures a paragraph opens with go on from the sourced figures above (roles): an edit
    that takes the source out makes them unsourced, though their own paragraph is unchanged."""
    text = (
        "Rates fall again\nRates fell to 6.2% this week, Freddie Mac said.\nA year ago, they averaged 6.8%.\n"
    )
    session = IncrementalAnalysis(Analyzer())
    below = text.index("A year")
    first = session.run(load_text(text))
    assert [f.severity for f in first.findings if f.rule == "claim.figure" and f.start == below] == [
        "suggestion"
    ]
    edited = text.replace(", Freddie Mac said", "")
    second = session.run(load_text(edited))
    assert second.reanalysed == 2
    below = edited.index("A year")
    assert [f.severity for f in second.findings if f.rule == "claim.figure" and f.start == below] == [
        "warning"
    ]


def test_ids_survive_edits_elsewhere(data_dir):
    doc = load_path(data_dir / "openai-foxconn.txt")
    analyzer = Analyzer()
    before = {f.id: f for f in analyzer.analyze(doc).findings}
    edited = doc.text.replace("Well, this is quite a development", "Well, this is quite a big development")
    after = {f.id: f for f in analyzer.analyze(load_text(edited)).findings}
    moved = [f for i, f in before.items() if i in after and f.start > 200]
    assert moved, "findings after the edit keep their ids"
    assert all(after[f.id].start == f.start + 4 for f in moved)


def test_document_level_check_reruns_after_an_edit(data_dir):
    doc = load_path(data_dir / "openai-foxconn.txt")
    session = IncrementalAnalysis(Analyzer())
    assert any(f.rule == "disclosure.truncated" for f in session.run(doc).findings)
    fixed = doc.text + " it."
    assert not any(f.rule == "disclosure.truncated" for f in session.run(load_text(fixed)).findings)


def test_a_denial_typed_into_one_paragraph_contradicts_the_disclosure(data_dir):
    """Denials are found per paragraph and kept with its cached result: edits add and drop them."""
    doc = load_path(data_dir / "openai-foxconn.txt")
    session = IncrementalAnalysis(Analyzer())
    assert not any(f.rule == "disclosure.contradiction" for f in session.run(doc).findings)

    sentence = "It feels like a really strategic play"
    denying = doc.text.replace(sentence, "This story was written entirely by humans. " + sentence)
    second = session.run(load_text(denying))
    assert second.reanalysed == 1
    [contradiction] = [f for f in second.findings if f.rule == "disclosure.contradiction"]
    assert contradiction.text == "This story was written entirely by humans."

    third = session.run(load_text(doc.text))
    assert third.reanalysed == 1
    assert not any(f.rule == "disclosure.contradiction" for f in third.findings)


def test_parallel_analysis_equals_serial(data_dir):
    from reviewapp.core.analysis import PARALLEL_MIN_PARAGRAPHS

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    copies = PARALLEL_MIN_PARAGRAPHS // len(article.splitlines()) + 2
    doc = load_text("\n".join([article] * copies))
    assert len(doc.paragraphs) >= PARALLEL_MIN_PARAGRAPHS
    analyzer = Analyzer()
    serial = analyzer.analyze(doc, workers=1)
    parallel = analyzer.analyze(doc, workers=2)
    assert parallel.roles == serial.roles
    assert [f.to_json() for f in parallel.findings] == [f.to_json() for f in serial.findings]


def test_one_huge_paragraph_is_shared_among_processes_with_the_same_findings(data_dir, monkeypatch):
    """Its pieces go to different processes (one paragraph is not one process's work), and the
    findings are those of one process analysing it."""
    from reviewapp.core import analysis

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    huge = " ".join([" ".join(article.split("\n"))] * 60)  # one paragraph of several pieces
    doc = load_text(f"Title\n{huge}\nA last line, the council said on Friday.\n")
    assert len(doc.paragraphs[1].text) > 3 * analysis.PIECE_CHARS
    shares = []
    real = analysis._chunks
    monkeypatch.setattr(
        analysis, "_chunks", lambda sizes, workers: shares.append(sizes) or real(sizes, workers)
    )
    analyzer = Analyzer()
    parallel = analyzer.analyze(doc, workers=2)
    assert shares and len(shares[0]) > 3  # the title, the pieces, the last line
    serial = analyzer.analyze(doc, workers=1)
    assert parallel.roles == serial.roles
    assert [f.to_json() for f in parallel.findings] == [f.to_json() for f in serial.findings]


def test_trigger_gates_change_no_result(data_dir, monkeypatch):
    """The trigger words only skip work: with the gates off, every finding is the same."""
    from reviewapp.core import patterns

    texts = rule_exercising_drafts(data_dir)
    # A pattern's word boundary falls inside a compound, so its trigger must too.
    texts.append(
        load_text(
            "The top-level plan was approved.\n\n"
            "This story was machine-written and human-edited by our staff."
        )
    )
    gated = [[f.to_json() for f in Analyzer().analyze(d).findings] for d in texts]
    monkeypatch.setattr(patterns, "GATES_ENABLED", False)
    ungated = [[f.to_json() for f in Analyzer().analyze(d).findings] for d in texts]
    assert gated == ungated


def test_a_huge_paragraph_is_analysed_in_pieces_with_the_same_findings(monkeypatch, data_dir):
    """Cut at sentence ends, the pieces find what the whole paragraph does, at the same offsets."""
    from reviewapp.core import analysis

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    from reviewapp.core.roles import is_disclosure

    # Body text: a disclosure is judged as one statement, which no paragraph this long is.
    body = [p for p in article.split("\n") if len(p.split()) > 25 and not is_disclosure(p)]
    text = "Title\n" + " ".join(body * 8) + "\n"
    document = load_text(text)
    whole = analysis.Analyzer().analyze(document)
    monkeypatch.setattr(analysis, "PIECE_CHARS", 2_000)
    pieces = analysis.Analyzer().analyze(document)
    assert len(max(document.paragraphs, key=lambda p: len(p.text)).text) > 8 * 2_000
    assert [f.to_json() for f in pieces.findings] == [f.to_json() for f in whole.findings]
    assert all(text[f.start : f.end] == f.text for f in pieces.findings)


def test_pieces_cover_the_text_and_end_at_sentence_ends_where_there_are_any(monkeypatch):
    from reviewapp.core import analysis

    monkeypatch.setattr(analysis, "PIECE_CHARS", 100)
    prose = "The council met on Monday. It voted to close the pool. " * 20
    cuts = analysis._pieces(prose)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(prose)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(e - s <= 100 for s, e in cuts)
    assert all(prose[s] in "TI" for s, _ in cuts)  # each piece starts a sentence
    for hostile in ("x" * 1_000, "." * 1_000, "a " * 500):
        cuts = analysis._pieces(hostile)
        assert cuts[-1][1] == len(hostile) and all(0 < e - s <= 100 for s, e in cuts)


def test_a_session_gives_the_ids_a_fresh_analysis_gives_when_repeats_are_renumbered(data_dir):
    """The session reuses the last pass's ids; removing the first of repeated findings renumbers
    the later ones, and the reused ids must follow exactly as hashing afresh would."""
    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    text = "\n\n".join([article] * 3)
    session = IncrementalAnalysis(Analyzer())
    session.run(load_text(text))
    for edited in (
        text.replace("It feels like a really strategic play", "It is a play", 1),  # the first repeat goes
        text.replace("It feels like a really strategic play", "It is a play", 1) + "\n\nIt feels like rain.",
        text,  # and back
    ):
        again = session.run(load_text(edited))
        fresh = Analyzer().analyze(load_text(edited))
        assert [f.to_json() for f in again.findings] == [f.to_json() for f in fresh.findings]


def test_ids_after_many_edits_of_a_repeated_article_equal_a_fresh_analysis(data_dir):
    """An edit renumbers only the findings whose (rule, text, sentence) it added or took away,
    wherever they are (core/numbering.py): repeats of the article share every such key, so each
    edit renumbers copies far from it. Every pass equals a fresh one, ids and all."""
    import random

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    lines = "\n".join([article] * 3).split("\n")
    session = IncrementalAnalysis(Analyzer())
    session.run(load_text("\n".join(lines)))
    rng = random.Random(20261129)
    edits = [
        lambda i: lines.__setitem__(i, lines[i] + " It might rain."),  # a sentence's findings change
        lambda i: lines.__setitem__(i, lines[i][: len(lines[i]) // 2]),  # cut: a repeat is gone
        lambda i: lines.insert(i, lines[rng.randrange(len(lines))]),  # a repeat more, here
        lambda i: lines.pop(i) if len(lines) > 5 else None,  # a paragraph less: indices move
        lambda i: lines.insert(i, ""),  # a blank line: nothing but the offsets moves
        lambda i: lines.__setitem__(
            i, "Disclaimer: this article was written with AI."
        ),  # the document's checks
        lambda i: lines.insert(i, "This story was written entirely by humans."),  # and their findings
    ]
    previous = session.run(load_text("\n".join(lines)))
    for _ in range(60):
        rng.choice(edits)(rng.randrange(len(lines)))
        text = "\n".join(lines)
        again = session.run(load_text(text))
        fresh = Analyzer().analyze(load_text(text))
        assert again.findings == fresh.findings
        assert again.findings == sorted(again.findings, key=lambda f: (f.start, f.end, f.rule))
        assert_change_says_how(previous, again)
        previous = again


def assert_change_says_how(previous: AnalysisResult, now: AnalysisResult) -> None:
    """`now.change` accounts for every finding of both passes (the very objects), and pairs each
    kept finding with itself moved by the edit or numbered again, nothing else changed."""
    change = now.change
    assert change is not None
    assert sorted(map(id, [*change.before, *change.removed])) == sorted(map(id, previous.findings))
    assert sorted(map(id, [*change.after, *change.added])) == sorted(map(id, now.findings))
    shift = len(now.document.text) - len(previous.document.text)
    for old, new in zip(change.before, change.after, strict=True):
        assert new.start - old.start == new.end - old.end and new.start - old.start in (0, shift)
        assert old._replace(start=new.start, end=new.end, id=new.id) == new


def test_chunks_are_small_enough_for_a_result_to_fit_a_forked_process_pipe():
    """A long draft is cut into chunks of at most about CHUNK_CHARS of text, so a forked
    process's result does not wait on a full pipe; every job is in one chunk, in order."""
    from reviewapp.core import analysis

    sizes = [3_000] * 7_000  # 21 MB of paragraphs
    chunks = analysis._chunks(sizes, 2)
    assert [start for start, _ in chunks] == [0, *(end for _, end in chunks[:-1])] and chunks[-1][1] == len(
        sizes
    )
    assert max(sum(sizes[start:end]) for start, end in chunks) <= analysis.CHUNK_CHARS + 3_000


def test_chunks_shrink_as_the_work_left_does():
    """The first chunks of a 90,000-word draft are large, the last a paragraph or so: the process
    that takes the last one finishes soon after the other."""
    from reviewapp.core import analysis

    sizes = [250] * 2_400  # 600,000 characters in short paragraphs
    texts = [sum(sizes[start:end]) for start, end in analysis._chunks(sizes, 2)]
    assert texts == sorted(texts, reverse=True)
    assert texts[0] == 600_000 // (2 * analysis.GUIDE)
    assert max(texts[-5:]) <= analysis.LAST_CHUNK_CHARS + 250
    assert sum(texts) == 600_000
    assert analysis._chunks([50_000], 2) == [(0, 1)]


def test_a_long_drafts_analysis_tells_how_far_it_has_gone(data_dir):
    """The app's status bar shows how far a long draft's first analysis has gone; a short one, or
    an edit of one paragraph, says nothing (it is over before anyone could read it)."""
    from reviewapp.core.analysis import PROGRESS_MIN_PARAGRAPHS

    article = (data_dir / "openai-foxconn.txt").read_text(encoding="utf-8")
    copies = -(-PROGRESS_MIN_PARAGRAPHS // len(load_text(article).paragraphs))
    document = load_text("\n".join([article] * copies))
    told: list[tuple[int, int]] = []
    session = IncrementalAnalysis(Analyzer())
    result = session.run(document, progress=lambda done, total: told.append((done, total)))
    total = len(document.paragraphs)
    assert len(told) >= 2 and told[-1] == (total, total)
    assert [done for done, _ in told] == sorted({done for done, _ in told})  # rising, each once
    assert [f.to_json() for f in result.findings] == [
        f.to_json() for f in Analyzer().analyze(document).findings
    ]
    told.clear()
    edited = load_text(document.text.replace("It feels like", "It seems like", 1))
    assert session.run(edited, progress=lambda *args: told.append(args)).reanalysed == 1
    IncrementalAnalysis(Analyzer()).run(load_text(article), progress=lambda *args: told.append(args))
    assert told == []
