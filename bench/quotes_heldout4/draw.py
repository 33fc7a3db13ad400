"""Draw the articles of the fourth held-out quote set (run once; kept for provenance).

Ten antcorpus and ten saudinewsnet articles, never tuned on, drawn as the second and third
sets were (`bench/quotes_heldout2/draw.py`, whose filter this reuses) with seed 2031 and
those sets excluded too: a fresh estimate of attribution for the rules of session 9.
"""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
SEED = 2031


def second_draw():
    spec = importlib.util.spec_from_file_location("heldout2_draw", BENCH / "quotes_heldout2" / "draw.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    draw = second_draw()
    draw.main(seed=SEED, gold=[*draw.GOLD, BENCH / "quotes_heldout2", BENCH / "quotes_heldout3"])
