"""Score `newsan quotes` against the gold quotes (data/quotes/dev), as the GUIDELINES define:

- a found quote matches a gold quote when their spans overlap by at least half of the
  shorter one, one-to-one;
- optional gold quotes count neither way (a found quote that matches one is ignored);
- detection precision/recall/F1 over the required gold quotes;
- attribution accuracy over matched quotes: the found speaker agrees with the gold one when,
  normalised (no diacritics; alef, ya, ta marbuta unified), one contains the other or
  one of the gold speaker's aliases.

Usage:
  python bench/quotes_eval.py                 # through the CLI: newsan quotes --format jsonl
  python bench/quotes_eval.py --library       # calling Pipeline directly
  python bench/quotes_eval.py --data DIR --quiet
  python bench/quotes_eval.py --gold bench/quotes_tune      # tuning sets, annotated blind
  python bench/quotes_eval.py --gold bench/quotes_tune2
  python bench/quotes_eval.py --gold bench/quotes_heldout   # never tuned on: the honest estimate
  python bench/quotes_eval.py --gold bench/quotes_pool8 --second bench/quotes_pool8/double   # agreement
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
KINDS = ("direct", "indirect", "mixed", "headline")


def norm(text: str) -> str:
    text = DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return " ".join(text.split())


def load_gold(data: Path, gold_dir: Path | None = None) -> list[dict]:
    gold = []
    for path in sorted((gold_dir or data / "quotes" / "dev").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (data / "news" / record["doc"]).read_text(encoding="utf-8")
        for quote in record["quotes"]:
            start = text.find(quote["text"])
            if start < 0:
                raise SystemExit(f"{path.name}: gold quote not in the article: {quote['text'][:40]}")
            quote["start"], quote["end"] = start, start + len(quote["text"])
        record["path"] = str(data / "news" / record["doc"])
        gold.append(record)
    return gold


def run_cli(paths: list[str]) -> dict[str, list[dict]]:
    command = [sys.executable, "-m", "newsan", "quotes", "--format", "jsonl", *paths]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"newsan quotes failed (exit {result.returncode}); try --library")
    found = {}
    for line in result.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            found[str(Path(record["source"]).resolve())] = record.get("quotes", [])
    return found


def run_library(paths: list[str]) -> dict[str, list[dict]]:
    from newsan.pipeline import Pipeline
    from newsan.render.records import quotes_record

    pipeline = Pipeline()
    found = {}
    for path in paths:
        doc = pipeline.run(Path(path).read_text(encoding="utf-8"), path, "quotes")
        found[str(Path(path).resolve())] = quotes_record(doc)["quotes"]
    return found


def overlap_ok(a: dict, b: dict) -> bool:
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return overlap > 0 and overlap >= shorter / 2


def match(found: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching, largest overlaps first."""
    pairs = []
    for i, f in enumerate(found):
        for j, g in enumerate(gold):
            if overlap_ok(f, g):
                pairs.append((min(f["end"], g["end"]) - max(f["start"], g["start"]), i, j))
    used_f, used_g, matched = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def speaker_agrees(found: str, gold_speaker: str, aliases: list[str]) -> bool:
    found = norm(found)
    if not found:
        return False
    for name in [gold_speaker, *aliases]:
        name = norm(name)
        if name and (found in name or name in found):
            return True
    return False


def score(gold: list[dict], found: dict[str, list[dict]]) -> dict:
    counts = defaultdict(lambda: defaultdict(int))
    misses = {"fp": [], "fn": [], "speaker": []}
    for record in gold:
        doc = record["doc"]
        ours = found.get(str(Path(record["path"]).resolve()), [])
        theirs = record["quotes"]
        matched = match(ours, theirs)
        matched_f = {i for i, _ in matched}
        matched_g = {j for _, j in matched}
        for i, j in matched:
            g, f = theirs[j], ours[i]
            if g["optional"]:
                continue
            counts[g["kind"]]["tp"] += 1
            info = record["speakers"].get(g["speaker"], {})
            if speaker_agrees(f["speaker"], g["speaker"], info.get("aliases", [])):
                counts[g["kind"]]["speaker_ok"] += 1
            else:
                misses["speaker"].append((doc, g["kind"], f["speaker"], g["speaker"], f["cue"], g["text"]))
        for i, f in enumerate(ours):
            if i not in matched_f:
                counts[f["kind"]]["fp"] += 1
                misses["fp"].append((doc, f["kind"], f["speaker"], "", f["cue"], f["text"]))
        for j, g in enumerate(theirs):
            if j not in matched_g and not g["optional"]:
                counts[g["kind"]]["fn"] += 1
                misses["fn"].append((doc, g["kind"], "", g["speaker"], g["cue"], g["text"]))
    return {"counts": counts, "misses": misses}


def figures(c: dict) -> tuple[float, float, float, float, int]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["speaker_ok"] / tp if tp else 0.0
    return p, r, f1, acc, tp


def report(result: dict, quiet: bool) -> None:
    counts = result["counts"]
    total = defaultdict(int)
    for c in counts.values():
        for key, value in c.items():
            total[key] += value
    print(f"{'kind':10} {'P':>6} {'R':>6} {'F1':>6} {'attr':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, c in [*((k, counts[k]) for k in KINDS if k in counts), ("overall", total)]:
        p, r, f1, acc, tp = figures(c)
        print(f"{name:10} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:6.3f} {tp:4d} {c['fp']:4d} {c['fn']:4d}")
    print("(per-kind P uses the kind we output; R and attribution use the gold kind)")
    if quiet:
        return
    titles = {"fp": "False positives (found, not in gold)", "fn": "False negatives (gold, not found)",
              "speaker": "Wrong speakers (found → gold)"}
    for key, title in titles.items():
        print(f"\n## {title}: {len(result['misses'][key])}")
        for doc, kind, ours, theirs, cue, text in result["misses"][key]:
            who = f"{ours or '∅'} → {theirs}" if key == "speaker" else (ours or theirs)
            print(f"- {doc} [{kind}] cue={cue!r} speaker={who}\n    {text[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--library", action="store_true", help="call Pipeline directly, not the CLI")
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    parser.add_argument("--gold", type=Path, help="gold folder (default: DATA/quotes/dev; "
                        "bench/quotes_heldout holds articles the rules were never tuned on)")
    parser.add_argument("--second", type=Path, help="agreement instead: score the gold against a second "
                        "annotator's files for some of its articles (e.g. bench/quotes_pool8/double), whose "
                        "required quotes take newsan's place")
    args = parser.parse_args()
    gold = load_gold(args.data, args.gold)
    if args.second:
        second = {str(Path(r["path"]).resolve()): [q for q in r["quotes"] if not q["optional"]]
                  for r in load_gold(args.data, args.second)}
        report(score([r for r in gold if str(Path(r["path"]).resolve()) in second], second), args.quiet)
        return
    paths = [record["path"] for record in gold]
    found = run_library(paths) if args.library else run_cli(paths)
    report(score(gold, found), args.quiet)


if __name__ == "__main__":
    main()
