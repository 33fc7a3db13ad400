"""Build the modern NER training corpus: CoNLL files from the annotated articles.

Reads every annotated article under src/batch_*/ (see README.md and
docs/ner-guidelines.md), checks that the stripped text equals its ant_pool source
(check.py), tokenises and splits sentences exactly as bench/ner_modern/build.py does,
tags tokens in BIO, and writes

- train.conll: the articles not held out,
- dev.conll: the held-out modern dev split (DEV_SHARE of the articles, drawn by seed),
- gazetteer.tsv: every distinct entity of the training articles (name<TAB>type<TAB>number of
  articles it occurs in), the world knowledge the tagger's name lists are built from,

then prints counts per type and the agreement between the two independent annotations
of the articles in double/ (entity F1, exact span and type, per type).

    python corpus/ner/build.py [--pool DIR]
"""

import argparse
import collections
import importlib.util
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from check import check, parse, pool_dir  # noqa: E402
from draw import FIRST_ROUND_BATCHES  # noqa: E402

_spec = importlib.util.spec_from_file_location("ner_modern_build", ROOT / "bench" / "ner_modern" / "build.py")
_modern = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_modern)

DEV_SEED = 11
DEV_SHARE = 0.10
TYPES = ("PERS", "LOC", "ORG", "MISC")


def annotated(folder):
    return {p.stem: p for p in sorted(folder.glob("*.txt"))}


def conll_sentences(plain, spans):
    """[(token, tag)] sentences, a token taking the type of the entity it overlaps."""
    spans = sorted(spans)
    starts = [s for s, _, _ in spans]
    import bisect

    def entity_at(pos):
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < spans[k][1] else None

    out, seen = [], set()
    for line in _modern.tokens_with_offsets(plain):
        for sentence in _modern.sentences(line, plain, lambda p: entity_at(p) is not None):
            rows = []
            for token, s, e in sentence:
                k = bisect.bisect_right(starts, e - 1) - 1
                if k >= 0 and spans[k][1] > s:
                    rows.append((token, ("I-" if k in seen else "B-") + spans[k][2]))
                    seen.add(k)
                else:
                    rows.append((token, "O"))
            out.append(rows)
    return out


def without_proclitics(counts):
    """Join والعراق، بالعراق، للعراق with العراق where the bare form is an entity too."""
    out = collections.Counter()
    for (name, kind), n in counts.items():
        bare = name
        for prefix, replace in (("لل", "ال"), ("وال", "ال"), ("بال", "ال"), ("و", ""), ("ب", ""), ("ل", ""), ("ف", "")):
            candidate = replace + name[len(prefix):]
            if name.startswith(prefix) and (candidate, kind) in counts:
                bare = candidate
                break
        out[bare, kind] += n
    return out


def entity_set(path):
    plain, spans, _, _ = parse(path.read_text(encoding="utf-8"))
    return {(s, e, t) for s, e, t in spans}


def agreement(first, second):
    """Entity F1 between two annotations (symmetric), overall and per type; an entity is
    a tuple ending with its type."""
    rows = {}
    for kind in (None, *TYPES):
        a = {x for x in first if kind is None or x[-1] == kind}
        b = {x for x in second if kind is None or x[-1] == kind}
        both = len(a & b)
        f1 = 2 * both / (len(a) + len(b)) if a or b else 1.0
        rows[kind or "overall"] = (len(a), len(b), both, f1)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool", help="the ant_pool folder")
    ap.add_argument("--partial", action="store_true",
                    help="while annotation is under way: leave out files that fail the check")
    args = ap.parse_args()
    pool = pool_dir(args.pool)
    wanted, round_of = {}, {}
    for batch in sorted((HERE / "batches").glob("batch_*.txt")):
        for name in batch.read_text().split():
            wanted[name] = batch.stem
            round_of[name] = 1 if int(batch.stem.split("_")[1]) <= FIRST_ROUND_BATCHES else 2
    files = {}
    for folder in sorted((HERE / "src").glob("batch_*")):
        files.update(annotated(folder))
    missing = sorted(set(wanted) - set(files))
    extra = sorted(set(files) - set(wanted))
    if extra:
        sys.exit(f"build.py: annotated files not in any batch list: {extra[:5]}")
    bad = {name: errors for name, path in files.items() if (errors := check(path, pool))}
    if bad and args.partial:
        print(f"left out {len(bad)} files that fail the check (--partial)")
        files = {name: path for name, path in files.items() if name not in bad}
    elif bad:
        for name, errors in list(bad.items())[:10]:
            print(f"{name}: {errors[0]}", file=sys.stderr)
        sys.exit(f"build.py: {len(bad)} annotated files fail the check")

    names = sorted(files)
    dev = set()
    for draw_round in sorted(set(round_of.values())):
        # Each round of the draw holds out its own share, so that a later round leaves
        # the earlier rounds' dev articles as they were.
        members = [name for name in names if round_of[name] == draw_round]
        dev |= set(random.Random(DEV_SEED).sample(members, round(len(members) * DEV_SHARE)))
    counts = {"train": collections.Counter(), "dev": collections.Counter()}
    gazetteer = collections.Counter()
    tokens = collections.Counter()
    for split in ("train", "dev"):
        lines = []
        for name in names:
            if (name in dev) != (split == "dev"):
                continue
            plain, spans, _, _ = parse(files[name].read_text(encoding="utf-8"))
            counts[split].update(t for _, _, t in spans)
            counts[split]["articles"] += 1
            if split == "train":
                gazetteer.update({(" ".join(plain[s:e].split()), t) for s, e, t in spans})
            for sentence in conll_sentences(plain, spans):
                lines += [f"{token}\t{tag}" for token, tag in sentence] + [""]
                tokens[split] += len(sentence)
        (HERE / f"{split}.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = sorted(without_proclitics(gazetteer).items(), key=lambda item: (-item[1], item[0]))
    (HERE / "gazetteer.tsv").write_text("".join(f"{name}\t{kind}\t{n}\n" for (name, kind), n in rows), encoding="utf-8")
    print(f"annotated {len(files)} of {len(wanted)} drawn articles; missing {len(missing)}; "
          f"{len(rows)} distinct entities in the gazetteer")
    for split in ("train", "dev"):
        c = counts[split]
        print(f"{split:5s} {c['articles']:5d} articles {tokens[split]:7d} tokens  "
              + "  ".join(f"{t} {c[t]}" for t in TYPES))
    doubles = annotated(HERE / "double")
    pairs = [(files[n], doubles[n]) for n in sorted(doubles) if n in files]
    if pairs:
        first = {(n.stem, *x) for n, _ in pairs for x in entity_set(n)}
        second = {(n.stem, *x) for _, n in pairs for x in entity_set(n)}
        rows = agreement(first, second)
        print(f"agreement over {len(pairs)} articles annotated twice (entity F1, exact span and type):")
        for kind, (a, b, both, f1) in rows.items():
            print(f"  {kind:8s} first {a:4d} second {b:4d} same {both:4d}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
