"""Speed and memory of the command line, as a user runs it.

    python bench/speed.py [--data ../shared/data] [--limit 1000] [--task entities|analyze]
    python bench/speed.py --limit 6000 --task analyze     # the issue's batch target

Reports the start-up (median of 5 whole-process runs of `newsan entities SEED` and of
`newsan --help`), tokens/s of `newsan tag` (ANERcorp test, pre-tokenised) and
documents/s of `newsan TASK --format jsonl` over news articles (SaudiNewsNet and ANT),
with 1 and 2 workers, and the peak memory (max RSS) of the largest process. Times
include start-up, as a user would see them; the machine's load average is printed
before and after, since this 2-core VM is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdout=out).returncode
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak_kib, code)
"""


def measure(command: list[str], output: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of the largest process the command ran."""
    result = subprocess.run([sys.executable, "-c", MEASURE, str(output), *command],
                            capture_output=True, text=True, check=True)
    elapsed, peak_kib, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return float(elapsed), int(peak_kib) / 1024


def newsan(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsan", *args]


def bench_tag(data: Path, out: Path) -> dict:
    conll = data / "anercorp" / "test.conll"
    tokens = sum(1 for line in conll.open(encoding="utf-8") if line.strip())
    seconds, peak = measure(newsan("tag", "--engine", "embedded", "--format", "conll", str(conll)), out)
    return {"command": "tag", "tokens": tokens, "seconds": round(seconds, 2),
            "tokens_per_s": round(tokens / seconds), "peak_mib": round(peak)}


def bench_startup(out: Path, runs: int = 5) -> list[dict]:
    seed = ROOT / "seeds" / "000_717256e72bc829cd.txt"
    results = []
    for name, command in (("entities seed", newsan("entities", str(seed))), ("--help", newsan("--help"))):
        times = sorted(measure(command, out)[0] for _ in range(runs))
        results.append({"command": name, "median_seconds": round(times[len(times) // 2], 3),
                        "runs": [round(t, 3) for t in times]})
    return results


def bench_entities(data: Path, out: Path, limit: int, workers: int, task: str = "entities") -> dict:
    articles = sorted((data / "news" / "saudinewsnet").glob("*.txt"))[: limit // 2]
    articles += sorted((data / "news" / "antcorpus").glob("*.txt"))[: limit - len(articles)]
    with tempfile.TemporaryDirectory() as folder:
        for path in articles:
            shutil.copy(path, Path(folder) / f"{path.parent.name}_{path.name}")
        command = newsan(task, "--engine", "embedded", "--format", "jsonl", "--workers", str(workers), folder)
        seconds, peak = measure(command, out)
    records = [json.loads(line) for line in out.open(encoding="utf-8")]
    assert len(records) == len(articles), "every article gives one record"
    return {"command": task, "workers": workers, "documents": len(articles), "seconds": round(seconds, 2),
            "docs_per_s": round(len(articles) / seconds, 1), "peak_mib_per_process": round(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=1000, help="articles for the batch runs")
    parser.add_argument("--task", default="entities", choices=["entities", "quotes", "analyze"])
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"no data at {args.data}: pass --data")
    print(json.dumps({"load_average_before": [round(x, 2) for x in os.getloadavg()]}))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        results = bench_startup(out) + [bench_tag(args.data, out)]
        results += [bench_entities(args.data, out, args.limit, workers, args.task) for workers in (1, 2)]
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    print(json.dumps({"load_average_after": [round(x, 2) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
