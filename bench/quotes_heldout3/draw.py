"""Draw the articles of the third held-out quote set (run once; kept for provenance).

Ten antcorpus and ten saudinewsnet articles, never tuned on, drawn as the second set was
(`bench/quotes_heldout2/draw.py`, whose filter this reuses) with seed 2030 and that set
excluded too, to add to the honest estimate of attribution.
"""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
SEED = 2030


def second_draw():
    spec = importlib.util.spec_from_file_location("heldout2_draw", BENCH / "quotes_heldout2" / "draw.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    draw = second_draw()
    draw.main(seed=SEED, gold=[*draw.GOLD, BENCH / "quotes_heldout2"])
