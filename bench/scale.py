"""Batches at scale: the process pool against a Dask LocalCluster, JSON Lines against SQLite.

    python bench/scale.py [--data ../shared/data] [--limit 6000] [--workers 2]

Copies `limit` news articles (SaudiNewsNet and ANT, half each) into a folder and times
`newsan analyze` over it, as a user runs it (start-up included):

- `-f jsonl -j N`                                    the process pool
- `-f jsonl -j N --scheduler local`                  a LocalCluster of N worker processes
- `--db FILE -j N`                                   into SQLite instead of JSON Lines
- `--db FILE -j N` again                             the second run, which skips everything

and checks that the cluster's records equal the pool's and that the database holds one
row per article. Prints one JSON line per run, the ratios, and the load average before
and after (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from speed import measure, newsan

ROOT = Path(__file__).resolve().parent.parent


def copy_articles(data: Path, limit: int, folder: Path) -> int:
    articles = sorted((data / "news" / "saudinewsnet").glob("*.txt"))[: limit // 2]
    articles += sorted((data / "news" / "antcorpus").glob("*.txt"))[: limit - len(articles)]
    for path in articles:
        shutil.copy(path, folder / f"{path.parent.name}_{path.name}")
    return len(articles)


def timed(name: str, command: list[str], out: Path, documents: int) -> dict:
    seconds, peak = measure(command, out)
    return {"run": name, "documents": documents, "seconds": round(seconds, 2),
            "docs_per_s": round(documents / seconds, 1), "peak_mib_largest_process": round(peak)}


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=6000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"no data at {args.data}: pass --data")
    print(json.dumps({"load_average_before": load(), "cores": os.cpu_count()}))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "news").mkdir()
        count = copy_articles(args.data, args.limit, scratch / "news")
        folder, jobs = str(scratch / "news"), ["-j", str(args.workers)]
        pool_out, cluster_out, db_out = scratch / "pool.jsonl", scratch / "cluster.jsonl", scratch / "db.out"
        database = scratch / "news.db"
        results = [
            timed("pool jsonl", newsan("analyze", "-f", "jsonl", *jobs, folder), pool_out, count),
            timed("local cluster jsonl", newsan("analyze", "-f", "jsonl", *jobs, "--scheduler", "local", folder),
                  cluster_out, count),
            timed("pool sqlite", newsan("analyze", "--db", str(database), *jobs, folder), db_out, count),
            timed("pool sqlite, second run", newsan("analyze", "--db", str(database), *jobs, folder), db_out, count),
        ]
        assert cluster_out.read_bytes() == pool_out.read_bytes(), "the cluster's records differ from the pool's"
        rows = sqlite3.connect(database).execute("select count(*) from documents where error is null").fetchone()[0]
        assert rows == count - pool_out.read_text(encoding="utf-8").count('"error": '), "one row per article"
        sizes = {"jsonl_mib": round(pool_out.stat().st_size / 2**20, 1),
                 "sqlite_mib": round(database.stat().st_size / 2**20, 1)}
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    pool, cluster, sqlite, again = (r["seconds"] for r in results)
    print(json.dumps({"cluster_over_pool": round(cluster / pool, 2), "sqlite_over_jsonl": round(sqlite / pool, 2),
                      "second_run_s": again, **sizes, "load_average_after": load()}))


if __name__ == "__main__":
    sys.exit(main())
