"""Entity-level precision, recall and F1 with conlleval semantics.

An entity is an exact (start, end, type) span. A B- tag always starts one; an
I- tag continues the open entity only if it has the same type, otherwise
(after O or another type) it starts a new one, as conlleval does.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from newsan.stages.ner import bio_spans


def entities(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end exclusive, type) of every entity in one sentence."""
    return set(bio_spans(list(tags)))


def _prf(correct: int, predicted: int, gold: int) -> dict:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "correct": correct, "predicted": predicted, "gold": gold}


def score(gold_sentences: Sequence[Sequence[str]], pred_sentences: Sequence[Sequence[str]]) -> dict:
    """{'overall': {...}, 'LOC': {...}, ...}: precision, recall, f1 and counts per type."""
    if len(gold_sentences) != len(pred_sentences):
        raise ValueError(f"{len(gold_sentences)} gold sentences but {len(pred_sentences)} predicted")
    gold_count, pred_count, correct_count = Counter(), Counter(), Counter()
    for number, (gold_tags, pred_tags) in enumerate(zip(gold_sentences, pred_sentences)):
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"sentence {number}: {len(gold_tags)} gold tags but {len(pred_tags)} predicted")
        gold, pred = entities(gold_tags), entities(pred_tags)
        gold_count.update(kind for _, _, kind in gold)
        pred_count.update(kind for _, _, kind in pred)
        correct_count.update(kind for _, _, kind in gold & pred)
    result = {kind: _prf(correct_count[kind], pred_count[kind], gold_count[kind]) for kind in sorted(gold_count | pred_count)}
    result["overall"] = _prf(sum(correct_count.values()), sum(pred_count.values()), sum(gold_count.values()))
    return result


def format_scores(scores: dict) -> str:
    lines = [f"{'type':<8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for kind, s in scores.items():
        lines.append(
            f"{kind:<8} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f} {s['gold']:6d} {s['predicted']:6d}"
        )
    return "\n".join(lines)


def read_conll(path) -> tuple[list[list[str]], list[list[str]]]:
    """(tokens, tags) per sentence of a `token<TAB>tag` file; a missing tag reads as O."""
    with open(path, encoding="utf-8") as lines:
        return parse_conll(lines)


def parse_conll(lines: Iterable[str]) -> tuple[list[list[str]], list[list[str]]]:
    sentences, tags = [], []
    tokens, sentence_tags = [], []
    for line in list(lines) + [""]:
        line = line.rstrip("\n")
        if not line.strip():
            if tokens:
                sentences.append(tokens)
                tags.append(sentence_tags)
            tokens, sentence_tags = [], []
            continue
        columns = line.split("\t")
        tokens.append(columns[0])
        sentence_tags.append(columns[1].strip() if len(columns) > 1 and columns[1].strip() else "O")
    return sentences, tags
