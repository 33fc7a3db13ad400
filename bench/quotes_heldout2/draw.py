"""Draw the articles of the second, third and fourth held-out quote sets (each run once;
kept for provenance): `python bench/quotes_heldout2/draw.py [ROUND]`, ROUND 2 (default), 3 or 4.

Ten antcorpus and ten saudinewsnet articles, never tuned on, to tell whether the first
held-out set's attribution is typical. Round N draws with seed 2027 + N and keeps out the
articles of the held-out sets drawn before it. Candidates: 600-5,000 characters with at least two
speech cues followed by أن/إن or a quotation mark (the pool rounds' filter), in no gold set,
and outside the first 500 articles of each folder (the before/after comparison sample
earlier sessions read).
"""

import json
import random
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
NEWS = BENCH.parent.parent / "shared" / "data" / "news"
GOLD = [BENCH / "quotes_heldout", BENCH / "quotes_tune", BENCH / "quotes_tune2", BENCH / "quotes_tune3",
        BENCH.parent.parent / "shared" / "data" / "quotes" / "dev"]
CUE = re.compile(r"\b[وف]?(?:قال|أكد|أضاف|أوضح|صرح|أشار|اعتبر|أفاد|كشف|شدد|ذكر|مؤكدا|مشيرا|مضيفا)\w{0,3}\s+(?:\S+\s+){0,4}?(?:أن|إن|بأن|[«\"“:])")
FIRST_ROUND_SEED = 2029  # round 2; round N has 2027 + N
PER_FOLDER = 10
SAMPLE = 500


def main(round_number: int = 2):
    """Print the articles drawn for held-out set `round_number`."""
    sets = [*GOLD, *(BENCH / f"quotes_heldout{r}" for r in range(2, round_number))]
    gold = {json.loads(f.read_text(encoding="utf-8"))["doc"] for d in sets for f in d.glob("*.json")}
    rng = random.Random(FIRST_ROUND_SEED - 2 + round_number)
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
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
