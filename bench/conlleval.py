"""Entity-level P/R/F1 of predicted CoNLL tags against gold, conlleval style.

    python bench/conlleval.py GOLD.conll PRED.conll

Both files are `token<TAB>tag` with a blank line between sentences; only the
tag columns are compared, sentence by sentence.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsan.engines.embedded_ner.scoring import entities, format_scores, read_conll, score  # noqa: E402

__all__ = ["entities", "format_scores", "read_conll", "score", "main"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    args = parser.parse_args(argv)
    gold_tokens, gold_tags = read_conll(args.gold)
    pred_tokens, pred_tags = read_conll(args.pred)
    if [len(s) for s in gold_tokens] != [len(s) for s in pred_tokens]:
        print("gold and predicted sentences do not line up", file=sys.stderr)
        return 1
    print(format_scores(score(gold_tags, pred_tags)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
