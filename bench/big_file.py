"""Peak memory and time of one very large text file: the shared news articles joined
by blank lines and repeated up to SIZE megabytes (the seed article where ../shared is
absent), run through `newsan TASK -f FORMAT FILE` as a user would, each in a fresh
process. The issue's target: under 500 MB peak RSS for 100 MB through entities and
quotes, time linear in the size.

    python bench/big_file.py [--sizes 10,100] [--tasks entities,quotes] [--formats jsonl,table]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"


def news_bytes() -> bytes:
    files = sorted(glob.glob(str(NEWS / "antcorpus" / "*.txt"))) + sorted(glob.glob(str(NEWS / "saudinewsnet" / "*.txt")))
    texts = [Path(f).read_text(encoding="utf-8").strip() for f in files] or [
        (ROOT / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8").strip()]
    return ("\n\n".join(texts) + "\n\n").encode("utf-8")


def write_file(path: Path, size: int, joined: bytes) -> None:
    """About `size` bytes of whole lines of `joined`, repeated."""
    with path.open("wb") as out:
        written = 0
        while written < size:
            part = joined[: size - written]
            if len(part) < len(joined):
                part = part[: part.rfind(b"\n") + 1]
                if not part:
                    break
            out.write(part)
            written += len(part)


def measure(args: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit status, last line on stderr) of one run, output discarded."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode, (lines or [""])[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100", help="megabytes, comma-separated")
    ap.add_argument("--tasks", default="entities,quotes")
    ap.add_argument("--formats", default="jsonl")
    args = ap.parse_args()
    joined = news_bytes()
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"{size}mb.txt"
            write_file(path, size * 1_000_000, joined)
            for task in args.tasks.split(","):
                for fmt in args.formats.split(","):
                    seconds, peak, status, error = measure([sys.executable, "-m", "newsan", task, "-f", fmt, str(path)])
                    print(f"{task:9s} {fmt:6s} {size:5d} MB  {seconds:7.1f} s  {seconds / size:5.2f} s/MB  "
                          f"peak {peak:6.0f} MB  exit {status}" + (f"  {error}" if status else ""), flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
