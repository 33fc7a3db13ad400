"""Build bench/ner_modern/modern.conll from the inline-annotated articles in src/.

Each src/<name>.txt is a copy of a news article (antcorpus_*.txt or
saudinewsnet_*.txt under the shared data folder) in which every named entity
is wrapped as ``[[TYPE text]]`` (TYPE: PERS, LOC, ORG, MISC).  This script

1. strips the markup and checks that the result equals the original article
   byte for byte (it stops with an error otherwise);
2. tokenises the original text with camel_tools' simple_word_tokenize, one
   line at a time, and splits lines into sentences after . ! ? and the Arabic
   question mark (closing quotes or brackets that follow stay with the
   sentence; no split when a comma-like mark follows, inside an entity, or
   for a point between two digits);
3. tags tokens in BIO from the character spans of the entities: a token that
   overlaps an entity takes its type (B- on the first such token, I- on the
   following ones), so a clitic + name token (والعراق, بالقلعة) carries the
   tag, as in ANERcorp; internal punctuation in a span is I-;
4. writes modern.conll (token<TAB>tag, blank line between sentences) and
   prints entity and token counts per type.

An entity mark that starts or ends inside a token (it "cuts" the token) is
reported; the tag still goes to the whole token.  --strict makes cuts fatal.

Usage (from the project root):  python bench/ner_modern/build.py [--strict]
The article folder is found at ../shared/data/news from the project root, or
given with --news DIR or the NEWSAN_NEWS_DIR environment variable.
"""

import argparse
import collections
import glob
import os
import random
import re
import sys
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TYPES = ("PERS", "LOC", "ORG", "MISC")

# The draw (see README): seed 4242, ANT then SaudiNewsNet, first 10 / first 6
# articles whose body has 120-450 whitespace-separated words, in draw order.
SEED = 4242
N_ANT, N_SAU = 10, 6
MIN_WORDS, MAX_WORDS = 120, 450
ARTICLES = [
    "antcorpus_1633", "antcorpus_2411", "antcorpus_0516", "antcorpus_0220",
    "antcorpus_1962", "antcorpus_1479", "antcorpus_2564", "antcorpus_2787",
    "antcorpus_0273", "antcorpus_1784",
    "saudinewsnet_0917", "saudinewsnet_1674", "saudinewsnet_2579",
    "saudinewsnet_1552", "saudinewsnet_0357", "saudinewsnet_2869",
]

MARK = re.compile(r"\[\[(PERS|LOC|ORG|MISC) (.+?)\]\]", re.S)
FINAL = {".", "!", "?", "؟"}
CLOSERS = {'"', "»", ")", "]", "'", "”", "’"} | FINAL
NO_SPLIT_BEFORE = {"،", ",", "؛", ";", ":"}


def fail(msg):
    sys.exit("build.py: ERROR: " + msg)


def news_dir(arg):
    cands = [arg, os.environ.get("NEWSAN_NEWS_DIR"),
             ROOT.parent / "shared" / "data" / "news",
             "/work/shared/data/news"]
    for c in cands:
        if c and (Path(c) / "antcorpus").is_dir():
            return Path(c)
    fail("news folder not found; give --news DIR (the folder holding "
         "antcorpus/ and saudinewsnet/)")


def body_words(path):
    text = Path(path).read_text(encoding="utf-8")
    parts = text.split("\n", 1)
    return len(parts[1].split()) if len(parts) > 1 else 0


def draw(news):
    """Re-run the documented draw; returns (taken names, skipped (name, words))."""
    rng = random.Random(SEED)
    ant = sorted(glob.glob(str(news / "antcorpus" / "antcorpus_*.txt")))
    rng.shuffle(ant)
    sau = sorted(glob.glob(str(news / "saudinewsnet" / "saudinewsnet_*.txt")))
    rng.shuffle(sau)
    taken, skipped = [], []
    for lst, n in ((ant, N_ANT), (sau, N_SAU)):
        got = 0
        for p in lst:
            if got == n:
                break
            name, wc = Path(p).stem, body_words(p)
            if MIN_WORDS <= wc <= MAX_WORDS:
                taken.append(name)
                got += 1
            else:
                skipped.append((name, wc))
    return taken, skipped


def parse(marked, name):
    """Strip [[TYPE text]] marks; return (plain text, [(start, end, type)])."""
    out, spans, pos, plain_len = [], [], 0, 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        plain_len += len(chunk)
        text = m.group(2)
        if text != text.strip():
            fail(f"{name}: entity with outer whitespace: {m.group(0)!r}")
        if "[[" in text or "]]" in text:
            fail(f"{name}: nested or broken mark: {m.group(0)!r}")
        spans.append((plain_len, plain_len + len(text), m.group(1)))
        out.append(text)
        plain_len += len(text)
        pos = m.end()
    out.append(marked[pos:])
    plain = "".join(out)
    for bad in ("[[", "]]"):
        i = plain.find(bad)
        if i >= 0:
            fail(f"{name}: stray {bad!r} (bad type or unclosed mark) near "
                 f"{plain[max(0, i - 30):i + 40]!r}")
    return plain, spans


def tokens_with_offsets(text):
    """simple_word_tokenize per line, with character offsets into text."""
    lines, start = [], 0
    for line in text.split("\n"):
        toks, p = [], 0
        for tok in simple_word_tokenize(line):
            i = line.find(tok, p)
            if i < 0:
                fail(f"token {tok!r} not found in line {line[:60]!r}")
            toks.append((tok, start + i, start + i + len(tok)))
            p = i + len(tok)
        if toks:
            lines.append(toks)
        start += len(line) + 1
    return lines


def sentences(line_toks, text, inside):
    """Split one line's tokens into sentences."""
    sents, cur, i, n = [], [], 0, len(line_toks)
    while i < n:
        tok, s, e = line_toks[i]
        cur.append(line_toks[i])
        i += 1
        if tok not in FINAL or inside(s):
            continue
        if tok == "." and 0 < s and e < len(text) and text[s - 1].isdigit() \
                and text[e].isdigit():
            continue  # decimal point
        while i < n and line_toks[i][0] in CLOSERS:
            cur.append(line_toks[i])
            i += 1
        if i < n and line_toks[i][0] in NO_SPLIT_BEFORE:
            continue
        sents.append(cur)
        cur = []
    if cur:
        sents.append(cur)
    return sents


def build_article(name, news, report):
    marked = (HERE / "src" / f"{name}.txt").read_text(encoding="utf-8")
    original = (news / name.split("_")[0] / f"{name}.txt").read_text(
        encoding="utf-8")
    plain, spans = parse(marked, name)
    if plain != original:
        i = next((k for k, (a, b) in enumerate(zip(plain, original)) if a != b),
                 min(len(plain), len(original)))
        fail(f"{name}: stripped text differs from the original at char {i}: "
             f"annotated {plain[max(0, i - 30):i + 30]!r} vs original "
             f"{original[max(0, i - 30):i + 30]!r}")
    spans.sort()
    for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
        if s2 < e1:
            fail(f"{name}: overlapping entities at {s1}-{e1} and {s2}-{e2}")

    def ent_at(pos):
        for k, (s, e, _) in enumerate(spans):
            if s <= pos < e:
                return k
        return None

    tagged, seen = [], set()
    for line in tokens_with_offsets(original):
        for sent in sentences(line, original,
                              lambda p: ent_at(p) is not None):
            rows = []
            for tok, s, e in sent:
                hit = [k for k, (es, ee, _) in enumerate(spans)
                       if es < e and s < ee]
                if len(hit) > 1:
                    fail(f"{name}: token {tok!r} overlaps {len(hit)} entities")
                if not hit:
                    rows.append((tok, "O"))
                    continue
                k = hit[0]
                es, ee, typ = spans[k]
                if s < es or ee < e:
                    report.append(f"{name}: mark "
                                  f"{original[es:ee]!r} cuts token {tok!r}")
                rows.append((tok, ("I-" if k in seen else "B-") + typ))
                seen.add(k)
            tagged.append(rows)
    missing = [original[s:e] for k, (s, e, _) in enumerate(spans)
               if k not in seen]
    if missing:
        fail(f"{name}: entities covering no token: {missing}")
    return tagged, spans, original


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", help="folder holding antcorpus/ and saudinewsnet/")
    ap.add_argument("--out", default=str(HERE / "modern.conll"))
    ap.add_argument("--strict", action="store_true",
                    help="fail when a mark cuts a token")
    args = ap.parse_args()
    news = news_dir(args.news)

    taken, skipped = draw(news)
    if taken != ARTICLES:
        fail(f"the draw gives {taken}, not the annotated list {ARTICLES}")
    src = sorted(p.stem for p in (HERE / "src").glob("*.txt"))
    if src != sorted(ARTICLES):
        fail(f"src/ holds {src}, expected {sorted(ARTICLES)}")

    ents = collections.Counter()
    toks = collections.Counter()
    per_article, report, out = [], [], []
    n_tok = n_sent = 0
    for name in ARTICLES:
        sents, spans, _ = build_article(name, news, report)
        a_tok = sum(len(s) for s in sents)
        a_ent = collections.Counter(t for _, _, t in spans)
        per_article.append((name, len(sents), a_tok, a_ent))
        ents.update(a_ent)
        for sent in sents:
            for tok, tag in sent:
                out.append(f"{tok}\t{tag}")
                toks[tag] += 1
            out.append("")
        n_tok += a_tok
        n_sent += len(sents)
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")

    print(f"skipped in the draw (body words outside {MIN_WORDS}-{MAX_WORDS}): "
          + ", ".join(f"{n} ({w})" for n, w in skipped))
    print(f"{'article':20} {'sents':>5} {'tokens':>6} "
          + " ".join(f"{t:>5}" for t in TYPES))
    for name, ns, nt, c in per_article:
        print(f"{name:20} {ns:5d} {nt:6d} "
              + " ".join(f"{c[t]:5d}" for t in TYPES))
    print(f"{'total':20} {n_sent:5d} {n_tok:6d} "
          + " ".join(f"{ents[t]:5d}" for t in TYPES))
    print(f"entities: {sum(ents.values())}  "
          + "  ".join(f"{t} {ents[t]}" for t in TYPES))
    print("tokens per tag: " + "  ".join(
        f"{k} {toks[k]}" for k in sorted(toks, key=lambda x: (x[2:], x))))
    print(f"marks cutting a token: {len(report)}")
    for r in report:
        print("  " + r)
    print(f"wrote {args.out}")
    if report and args.strict:
        fail("marks cut tokens (--strict)")


if __name__ == "__main__":
    main()
