"""Compare two `newsan analyze -f jsonl` outputs of the same articles, as a reader would check
a change: every quote added or removed, every speaker that changed, every (entity, type)
added or removed, one line each with the text before the quote.

    newsan analyze -f jsonl -j 2 FOLDER > before.jsonl   # on the old commit
    newsan analyze -f jsonl -j 2 FOLDER > after.jsonl    # on the new one
    python bench/compare_outputs.py before.jsonl after.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as lines:
        return {record["source"]: record for record in map(json.loads, lines)}


def main(before_path: str, after_path: str) -> None:
    before, after = load(before_path), load(after_path)
    quotes = speakers = entities = 0
    for source, old in before.items():
        new = after.get(source)
        if new is None or "error" in old or "error" in new:
            continue
        text = Path(source).read_text(encoding="utf-8")
        name = Path(source).stem
        old_quotes = {q["start"]: q for q in old["quotes"]}
        new_quotes = {q["start"]: q for q in new["quotes"]}
        for start in sorted(set(old_quotes) | set(new_quotes)):
            was, now = old_quotes.get(start), new_quotes.get(start)
            context = text[max(0, start - 80) : start]
            if was is None or now is None:
                quotes += 1
                quote = was or now
                print(f"{'-' if now is None else '+'} {name} [{quote['kind']}] {quote['cue']} "
                      f"{quote['speaker']!r}: {context!r} | {quote['text'][:50]!r}")
            elif was["speaker"] != now["speaker"]:
                speakers += 1
                print(f"~ {name} {was['cue']} {was['speaker']!r} -> {now['speaker']!r}: {context!r}")
        old_entities = {(e["canonical"], e["type"]) for e in old["entities"]}
        new_entities = {(e["canonical"], e["type"]) for e in new["entities"]}
        for entity in sorted(old_entities ^ new_entities):
            entities += 1
            print(f"E{'-' if entity in old_entities else '+'} {name} {entity}")
    print(f"quotes added/removed {quotes} speaker changes {speakers} entity changes {entities}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
