"""Score lemma engines on a gold file (default: ../shared/data/lemmas/dev.tsv).

    python bench/lemmas_eval.py [--engine embedded|camel|all] [--gold PATH] [--misses]

Accuracy follows data/lemmas/README.md: predicted lemma equals one of the gold
alternatives after normalising both (diacritics, tatweel, alef forms, ى→ي,
ة→ه; a leading ال ignored for gold noun_prop); punc, digit and foreign tokens
are not scored. Also reports words/s once warm, startup time and peak memory.
"""

from __future__ import annotations

import argparse
import importlib
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "lemmas" / "dev.tsv"
UNSCORED = {"punc", "digit", "foreign"}
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_NORMALIZE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ENGINES = {
    "embedded": ("newsan.engines.embedded_lemma", "EmbeddedLemmatizer"),
    "camel": ("newsan.engines.camel_lemma", "CamelLemmatizer"),
}
SPEED_ROUNDS = 20


def read_gold(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences of (token, lemma alternatives, pos)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            continue
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, lemma, pos = line.split("\t")
        current.append((token, lemma, pos))
    if current:
        sentences.append(current)
    return sentences


def normalize(lemma: str, proper: bool) -> str:
    lemma = _DIACRITICS.sub("", lemma).translate(_NORMALIZE)
    if proper and lemma.startswith("ال") and len(lemma) > 2:
        lemma = lemma[2:]
    return lemma


def is_right(predicted: str, gold: str, gold_pos: str) -> bool:
    proper = gold_pos == "noun_prop"
    return normalize(predicted, proper) in {normalize(g, proper) for g in gold.split("|")}


def score(gold, predicted):
    """(right, total) per gold pos, and the misses (token, gold, predicted, pos)."""
    right, total, misses = Counter(), Counter(), []
    for gold_sentence, predicted_sentence in zip(gold, predicted):
        for (token, lemma, pos), (guess, guess_pos) in zip(gold_sentence, predicted_sentence):
            if pos in UNSCORED:
                continue
            total[pos] += 1
            if is_right(guess, lemma, pos):
                right[pos] += 1
            else:
                misses.append((token, lemma, guess, f"{pos}/{guess_pos}"))
    return right, total, misses


def engine_unavailable(name: str) -> str | None:
    if name == "camel":
        from newsan.engines import camel_data

        if camel_data.morphology_db_path() is None:
            return "CAMeL morphology data (calima-msa-r13) is not installed"
    return None


def evaluate(name: str, gold, show_misses: bool) -> None:
    reason = engine_unavailable(name)
    if reason:
        print(f"[{name}] skipped: {reason}")
        return
    module, cls = ENGINES[name]
    started = time.perf_counter()
    engine = getattr(importlib.import_module(module), cls)()
    sentences = [[token for token, _, _ in sentence] for sentence in gold]
    predicted = engine.lemmatize(sentences)
    startup = time.perf_counter() - started

    words = sum(len(s) for s in sentences)
    started = time.perf_counter()
    for _ in range(SPEED_ROUNDS):
        engine.lemmatize(sentences)
    speed = words * SPEED_ROUNDS / (time.perf_counter() - started)

    right, total, misses = score(gold, predicted)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[{name}] accuracy {sum(right.values()) / sum(total.values()):.4f} "
          f"({sum(right.values())}/{sum(total.values())})")
    for pos in sorted(total, key=lambda p: -total[p]):
        print(f"  {pos:10s} {right[pos] / total[pos]:.3f} ({right[pos]}/{total[pos]})")
    print(f"  startup (load + first pass) {startup:.2f} s, {speed:,.0f} words/s warm, "
          f"peak memory {peak_mb:.0f} MB")
    if show_misses:
        for token, lemma, guess, pos in misses:
            print(f"  miss {token}\tgold {lemma}\tgot {guess}\t{pos}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("embedded", "camel", "all"), default="all")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", action="store_true", help="print every wrong token")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        sys.exit(f"gold file not found: {args.gold}")
    gold = read_gold(args.gold)
    for name in ENGINES if args.engine == "all" else (args.engine,):
        evaluate(name, gold, args.misses)


if __name__ == "__main__":
    main()
