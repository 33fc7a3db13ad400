"""Time per token on long documents: 10 KB, 100 KB, 1 MB and 5 MB of news text in one
document, for each task, in one process with the engines loaded (whole-process start-up
is bench/speed.py's). The text is the shared news articles joined by line breaks (the
seed article repeated where ../shared is absent). Prints µs per token and the ratio to
10 KB; the issue's target is at most 1.5 at 5 MB.

    python bench/long_docs.py [--sizes 10000,100000,1000000,5000000] [--tasks entities,analyze]
"""

import argparse
import glob
import time
from pathlib import Path

from newsan.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"


def corpus_text(size):
    files = sorted(glob.glob(str(NEWS / "antcorpus" / "*.txt"))) + sorted(glob.glob(str(NEWS / "saudinewsnet" / "*.txt")))
    texts = [Path(f).read_text(encoding="utf-8") for f in files] or [
        (ROOT / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8")]
    text = ""
    while len(text) < size:
        text += "\n".join(texts) + "\n"
    return text[:size]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000,5000000")
    ap.add_argument("--tasks", default="entities,quotes,analyze,lemmas")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    text = corpus_text(max(sizes) * 2 + 1_000_000)
    pipeline = Pipeline()
    for task in args.tasks.split(","):
        pipeline.prepare(task)
        pipeline.run(text[-200_000:], task=task)  # warm the engines on text that is not measured
        base = None
        for size in sizes:
            # Small sizes: the median over several different chunks, so one odd article
            # does not set the baseline; large ones once.
            runs = max(1, min(9, 1_000_000 // size))
            timings, tokens = [], 0
            for k in range(runs):
                chunk = text[k * size : (k + 1) * size]
                started = time.perf_counter()
                doc = pipeline.run(chunk, task=task)
                timings.append((time.perf_counter() - started) / max(1, len(doc.tokens)) * 1e6)
                tokens = len(doc.tokens)
            per_token = sorted(timings)[len(timings) // 2]
            base = base or per_token
            print(f"{task:9s} {size:>9,} chars {tokens:>8,} tokens {per_token:7.1f} µs/token "
                  f"x{per_token / base:.2f} (median of {runs})", flush=True)


if __name__ == "__main__":
    main()
