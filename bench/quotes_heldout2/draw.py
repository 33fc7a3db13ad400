"""Draw the articles of the second held-out quote set (run once; kept for provenance).

Ten antcorpus and ten saudinewsnet articles, never tuned on, to tell whether the first
held-out set's attribution is typical. Candidates: 600-5,000 characters with at least two
speech cues followed by أن/إن or a quotation mark (the pool rounds' filter), in no gold set,
and outside the first 500 articles of each folder (the before/after comparison sample
earlier sessions read).
"""

import json
import random
import re
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
NEWS = BENCH.parent.parent / "shared" / "data" / "news"
GOLD = [BENCH / "quotes_heldout", BENCH / "quotes_tune", BENCH / "quotes_tune2", BENCH / "quotes_tune3",
        BENCH.parent.parent / "shared" / "data" / "quotes" / "dev"]
CUE = re.compile(r"\b[وف]?(?:قال|أكد|أضاف|أوضح|صرح|أشار|اعتبر|أفاد|كشف|شدد|ذكر|مؤكدا|مشيرا|مضيفا)\w{0,3}\s+(?:\S+\s+){0,4}?(?:أن|إن|بأن|[«\"“:])")
SEED = 2029
PER_FOLDER = 10
SAMPLE = 500


def main(seed=SEED, gold=GOLD):
    """Print the drawn articles; the third set (bench/quotes_heldout3/draw.py) calls this with
    its own seed and this set among the gold ones."""
    gold = {json.loads(f.read_text(encoding="utf-8"))["doc"] for d in gold for f in d.glob("*.json")}
    rng = random.Random(seed)
    for folder in ("antcorpus", "saudinewsnet"):
        paths = sorted((NEWS / folder).glob("*.txt"))[SAMPLE:]
        rng.shuffle(paths)
        taken = []
        for path in paths:
            text = path.read_text(encoding="utf-8")
            if f"{folder}/{path.name}" in gold or not 600 <= len(text) <= 5000 or len(CUE.findall(text)) < 2:
                continue
            taken.append(path.name)
            if len(taken) == PER_FOLDER:
                break
        for name in sorted(taken):
            print(f"{folder}/{name}")


if __name__ == "__main__":
    main()
