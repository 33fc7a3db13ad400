"""Fuzz the library: analyze() over many generated and mutated articles.

Reports exceptions, broken offsets (a span whose start:end slice is not its text, an
empty quote) and the slowest inputs; every input must finish in under 1 s.

    python bench/fuzz.py                 # 10,000 inputs, seed 1
    python bench/fuzz.py -n 500 --seed 7 --save slow/   # keep the failing inputs
"""

import argparse
import json
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import fuzz_input, offset_problems  # noqa: E402

from newsan.pipeline import Pipeline  # noqa: E402
from newsan.render.records import analyze_record  # noqa: E402

HANG_SECONDS = 30


class Hang(Exception):
    pass


def on_alarm(signum, frame):
    raise Hang()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", help="a folder to write failing and slow inputs to")
    args = ap.parse_args()
    article = (ROOT / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8")
    rng = random.Random(args.seed)
    pipeline = Pipeline()
    pipeline.prepare("analyze")
    signal.signal(signal.SIGALRM, on_alarm)
    times, failures = [], []
    for k in range(args.n):
        text = fuzz_input(rng, article)
        start = time.perf_counter()
        signal.alarm(HANG_SECONDS)
        try:
            doc = pipeline.run(text, task="analyze")
            json.dumps(analyze_record(doc), ensure_ascii=False).encode("utf-8")
            problems = offset_problems(doc)
        except Hang:
            problems = [f"no answer after {HANG_SECONDS} s"]
        except Exception as error:  # noqa: BLE001 - every failure is reported
            problems = [f"{type(error).__name__}: {error}"[:200]]
        finally:
            signal.alarm(0)
        elapsed = time.perf_counter() - start
        times.append((elapsed, k, len(text)))
        if problems or elapsed > 1:
            failures.append((k, text, problems, elapsed))
    times.sort(reverse=True)
    total = sum(t for t, _, _ in times)
    print(f"{args.n} inputs in {total:.1f} s; slowest {times[0][0]:.2f} s (input {times[0][1]}, "
          f"{times[0][2]} chars); over 1 s: {sum(t > 1 for t, _, _ in times)}")
    kinds = {}
    for k, text, problems, elapsed in failures:
        for p in problems or [f"slow: {elapsed:.2f} s"]:
            kinds.setdefault(p.split(":")[0].split(" at ")[0], []).append(k)
    print(f"failing inputs: {len(failures)}")
    for kind, ks in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(ks):5d}  {kind}  (e.g. input {ks[0]})")
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for k, text, problems, elapsed in failures:
            (out / f"input_{k}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            (out / f"input_{k}.why").write_text("\n".join(problems) + f"\n{elapsed:.2f} s\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
