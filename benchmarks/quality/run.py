"""Detection quality, measured: 5-fold cross-validated precision, recall, F1 and average precision.

    python benchmarks/quality/run.py [--data ../shared/train] [--folds 5] [--write]
    python benchmarks/quality/run.py --pipeline

For each training split (check-worthy claims; uncertain sentences), the
learned score is trained on four folds and scores the fifth, so every sentence
is scored by a model that never saw it; the rules and the policy's thresholds
and floors (resources/policy/default.toml, [scores]) then decide, as the
analyzers do, whether the sentence is flagged. A sentence counts as flagged
when a finding of the category (claim; hedge or peacock) would cover it.

The claims file is 25 % check-worthy where the held-out debate set is 50 %:
"balanced" figures weigh the positives to a 50 % share. Average precision
ranks sentences by score and depends less on the share.

`--pipeline` runs only the whole shipped pipeline on every training sentence (in
sample: a check that rule changes do no harm where the cross-validation, which
scores single sentences, cannot see them).

Also: the shared corpus (../shared/corpus), through the shipped pipeline:
every required item found, and the clean draft's highest severity.
`--write` puts the table into benchmarks/quality/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_models  # noqa: E402

from reviewapp.core import Analyzer, load_path, load_policy, load_text  # noqa: E402
from reviewapp.core.analyzers.claim import sentence_signals  # noqa: E402
from reviewapp.core.analyzers.lexicon import held_back, uncertainty_rule_hits  # noqa: E402
from reviewapp.core.findings import SEVERITY_RANK  # noqa: E402
from reviewapp.core.policy import ScoreSettings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MARK_START, MARK_END = "<!-- quality table -->", "<!-- end of quality table -->"


@dataclass(frozen=True, slots=True)
class Scores:
    """One set, cross-validated: the label, the out-of-fold score and the rule hits of each sentence."""

    labels: list[int]
    scores: list[float]
    hits: list[set[str]]  # the rule names that flag each sentence
    # Sentences the analyzers flag on no score alone (hedges: one that states a figure or a date)
    held_back: list[bool] | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    precision: float
    recall: float
    f1: float
    flagged: int


def folds(labels: Sequence[int], k: int, seed: int = train_models.SEED) -> list[list[int]]:
    """Stratified folds: each gets its share of positives and negatives."""
    shuffle = random.Random(seed)
    positives = [i for i, y in enumerate(labels) if y]
    negatives = [i for i, y in enumerate(labels) if not y]
    shuffle.shuffle(positives)
    shuffle.shuffle(negatives)
    out: list[list[int]] = [[] for _ in range(k)]
    for j, i in enumerate(positives + negatives):
        out[j % k].append(i)
    return out


def cross_validate(name: str, data: Path, k: int, sample: int | None = None) -> Scores:
    spec = train_models.SPECS[name]
    rows = train_models.read_rows(data / spec.file)
    if sample:
        rows = random.Random(train_models.SEED).sample(rows, min(sample, len(rows)))
    texts = [text for text, _ in rows]
    labels = [label for _, label in rows]
    examples = train_models.featurize(spec, texts)
    scores = [0.0] * len(rows)
    for fold in folds(labels, k):
        held = set(fold)
        train = [i for i in range(len(rows)) if i not in held]
        model = train_models.fit(
            name, [examples[i] for i in train], [labels[i] for i in train], spec.settings
        )
        for i in fold:
            scores[i] = model.score(examples[i])
    if name == "claim":
        hits = [{f"claim.{k}" for k in s.kinds} if (s := sentence_signals(t)) else set() for t in texts]
        return Scores(labels, scores, hits)
    hits = [uncertainty_rule_hits(t) for t in texts]
    held_flags = [held_back(sentence_signals(t)) for t in texts]
    return Scores(labels, scores, hits, held_flags)


def decide(key: str, scores: Scores, settings: ScoreSettings, mode: str) -> list[bool]:
    """Flags as the analyzers set them ("policy"), or by the rules alone, or by the score alone."""
    threshold = settings.thresholds[key]
    flags = []
    held_back = scores.held_back or [False] * len(scores.scores)
    for score, hits, held in zip(scores.scores, scores.hits, held_back, strict=True):
        if mode == "rules":
            flags.append(bool(hits))
        elif mode == "score":
            flags.append(score >= threshold)
        elif key == "claim":  # a claim finding stands from the lowest floor of its kinds
            floor = min((settings.floor(key, rule) for rule in hits), default=2.0)
            flags.append(score >= floor or (not hits and score >= threshold))
        else:
            kept = any(score >= settings.floor(key, rule) for rule in hits)
            flags.append(kept or (score >= threshold and not held))
    return flags


def measure(labels: Sequence[int], flags: Sequence[bool], positive_share: float | None = None) -> Measure:
    """Precision, recall and F1; with `positive_share`, the positives weighed to that share."""
    tp = sum(1 for y, f in zip(labels, flags, strict=True) if f and y)
    fp = sum(1 for y, f in zip(labels, flags, strict=True) if f and not y)
    positives = sum(labels)
    weight = 1.0
    if positive_share is not None and positives:
        weight = (len(labels) - positives) / positives * positive_share / (1 - positive_share)
    precision = tp * weight / (tp * weight + fp) if tp + fp else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Measure(precision, recall, f1, tp + fp)


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def best_thresholds(key: str, scores: Scores, settings: ScoreSettings, share: float | None, min_p: float):
    """The threshold and floor that give the best F1 at the precision asked for (advice, not applied)."""
    best = None
    for t in range(5, 90):
        for u in range(5, t + 1):
            trial = ScoreSettings(
                {**settings.thresholds, key: t / 100},
                {**settings.floors, key: u / 100},
                settings.rule_floors,
            )
            m = measure(scores.labels, decide(key, scores, trial, "policy"), share)
            if m.precision >= min_p and (best is None or m.f1 > best[0].f1):
                best = (m, t / 100, u / 100)
    return best


def corpus_lines(corpus: Path) -> list[str]:
    if not corpus.is_dir():
        return [f"(no shared corpus at {corpus})"]
    analyzer = Analyzer()
    lines = []
    for expected_path in sorted(corpus.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        draft = expected_path.with_name(expected["document"])
        text = draft.read_text(encoding="utf-8")
        found = analyzer.analyze(load_path(draft)).findings
        required = expected.get("required", [])
        hit = 0
        for item in required:
            start = text.index(item["quote"])
            end = start + len(item["quote"])
            hit += any(f.category == item["category"] and f.start < end and start < f.end for f in found)
        top = max((f.severity for f in found), key=SEVERITY_RANK.__getitem__, default="none")
        lines.append(
            f"| {draft.name} | {hit} of {len(required)} required items found | highest severity {top} |"
        )
    return lines


def table(claims: Scores, uncertain: Scores, settings: ScoreSettings) -> list[str]:
    lines = [
        "| set | decided by | P | R | F1 | balanced P / R / F1 | AP of the score |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, key, scores, balanced in (
        ("check-worthy claims", "claim", claims, True),
        ("uncertain sentences", "hedge", uncertain, False),
    ):
        ap = average_precision(scores.labels, scores.scores)
        for mode, name in (
            ("rules", "rules alone"),
            ("score", "score alone"),
            ("policy", "rules and score (shipped)"),
        ):
            flags = decide(key, scores, settings, mode)
            m = measure(scores.labels, flags)
            b = measure(scores.labels, flags, 0.5) if balanced else None
            cells = f"{b.precision:.2f} / {b.recall:.2f} / {b.f1:.2f}" if b else "-"
            ap_cell = f"{ap:.3f}" if mode != "rules" else "-"
            figures = f"{m.precision:.2f} | {m.recall:.2f} | {m.f1:.2f}"
            lines.append(f"| {label} | {name} | {figures} | {cells} | {ap_cell} |")
    return lines


PIPELINE_CATEGORIES = {"claim": ("claim",), "uncertainty": ("hedge", "peacock")}


def through_pipeline(name: str, data: Path, sample: int | None = None) -> Measure:
    """The shipped pipeline (every analyzer, the shipped models) on each training sentence as a
    draft's body: in sample, so a check that rule changes do no harm where cross-validation,
    which scores single sentences, cannot see them, not a measure of quality."""
    rows = train_models.read_rows(data / train_models.SPECS[name].file)
    rows = rows[:sample] if sample else rows
    analyzer = Analyzer()
    head = "Intro line one.\n"  # so the sentence is body text, not a headline
    categories = PIPELINE_CATEGORIES[name]
    flags = []
    for text, _ in rows:
        findings = analyzer.analyze(load_text(head + text)).findings
        flags.append(any(f.category in categories and f.start >= len(head) for f in findings))
    return measure([label for _, label in rows], flags)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=train_models.DATA)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sample", type=int, help="use only this many sentences of each set (a quick run)")
    parser.add_argument(
        "--write", action="store_true", help="put the table into benchmarks/quality/README.md"
    )
    parser.add_argument(
        "--pipeline",
        action="store_true",
        help="only the whole pipeline on the training sentences (in sample)",
    )
    args = parser.parse_args(argv)
    if args.pipeline:
        for name in ("claim", "uncertainty"):
            m = through_pipeline(name, args.data, args.sample)
            print(f"{name}: P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f} (pipeline, in sample)")
        return 0
    settings = load_policy().scores
    claims = cross_validate("claim", args.data, args.folds, args.sample)
    uncertain = cross_validate("uncertainty", args.data, args.folds, args.sample)
    lines = table(claims, uncertain, settings)
    lines += ["", "| shared corpus | required | clean draft |", "|---|---|---|", *corpus_lines(args.corpus)]
    advice = [
        ("claim", claims, 0.5, 0.80, "claims, balanced P >= 0.80"),
        ("hedge", uncertain, None, 0.60, "uncertain, P >= 0.60"),
    ]
    lines.append("")
    for key, scores, share, min_p, what in advice:
        best = best_thresholds(key, scores, settings, share, min_p)
        if best:
            m, t, u = best
            lines.append(
                f"Best thresholds for {what}: {key} = {t:.2f}, {key}_floor = {u:.2f} (F1 {m.f1:.3f})"
            )
    print("\n".join(lines))
    if args.write:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        head, _, rest = text.partition(MARK_START)
        _, _, tail = rest.partition(MARK_END)
        readme.write_text(
            f"{head}{MARK_START}\n" + "\n".join(lines) + f"\n{MARK_END}{tail}", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
