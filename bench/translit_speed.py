"""What --translit costs: the spelling step alone, over the entities of news articles.

    python bench/translit_speed.py [--data ../shared/data] [--limit 1000]

Runs `newsan entities --format jsonl` over the first SaudiNewsNet and ANT articles, then
times adding the `translit` fields to those records: the `names` scheme with
arabic-name-romanizer's model (where onnxruntime is installed), with its dictionary and
letter rules alone, and CAMeL's hsb letter scheme.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsan.render import translit  # noqa: E402


def records_of(paths: list[Path]) -> list[dict]:
    command = [sys.executable, "-m", "newsan", "entities", "-f", "jsonl", *map(str, paths)]
    output = subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout
    return [json.loads(line) for line in output.splitlines()]


def seconds(records: list[dict], scheme: str, with_model: bool) -> float:
    translit.romanizer_model_present = lambda: with_model
    translit._romanizer.cache_clear()
    translit.english_name.cache_clear()
    start = time.perf_counter()
    for _ in translit.with_translit(records, scheme):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    folders = [args.data / "news" / "saudinewsnet", args.data / "news" / "antcorpus"]
    paths = [p for folder in folders for p in sorted(folder.glob("*.txt"))[: args.limit // 2]]
    records = records_of(paths)
    people = {e["canonical"] for r in records for e in r.get("entities", []) if e["type"] == "PERS"}
    print(f"{len(records)} documents, {len(people)} distinct person names")
    has_model = translit.romanizer_model_present()
    runs = [("names, with the model", "names", True)] if has_model else []
    runs += [("names, dictionary and rules", "names", False), ("hsb", "hsb", False)]
    for label, scheme, with_model in runs:
        print(f"{label}: {seconds(records, scheme, with_model):.2f} s")


if __name__ == "__main__":
    main()
