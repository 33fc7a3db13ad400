"""Check annotated articles of the modern NER corpus against their sources.

Each annotated file is a copy of one article of ``news/ant_pool/`` in which every
entity is wrapped as ``[[TYPE text]]`` (see docs/ner-guidelines.md).  For each file
this script strips the marks and compares the result with the source byte for byte,
and reports marks that cut a word, unknown types and empty or padded spans.

    python corpus/ner/check.py corpus/ner/src/batch_01/*.txt
    python corpus/ner/check.py --repair FILE   # restore the source's spaces (NBSP etc.)

``--repair`` rewrites a file whose only differences from its source are
whitespace characters (a file tool that turned no-break spaces into spaces),
taking each such character from the source.  Exit status 1 when a file fails.
"""

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TYPES = ("PERS", "LOC", "ORG", "MISC")
OPEN, CLOSE = "[[", "]]"
MARK = re.compile(r"\[\[([A-Z]+) ")


def pool_dir(arg=None):
    for cand in (arg, os.environ.get("NEWSAN_POOL_DIR"),
                 ROOT.parent / "shared" / "data" / "news" / "ant_pool"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    sys.exit("check.py: ant_pool folder not found; give --pool DIR")


def parse(marked):
    """Return (plain text, spans [(start, end, type)], plain-index -> marked-index, errors)."""
    plain, where, spans, errors = [], [], [], []
    i, n = 0, len(marked)
    while i < n:
        if marked.startswith(OPEN, i):
            m = MARK.match(marked, i)
            if not m:
                errors.append(f"malformed mark at {i}: {marked[i:i + 20]!r}")
                i += 2
                continue
            kind = m.group(1)
            close = marked.find(CLOSE, m.end())
            nested = marked.find(OPEN, m.end())
            if close < 0 or (0 <= nested < close):
                errors.append(f"unclosed or nested mark at {i}: {marked[i:i + 30]!r}")
                i = m.end()
                continue
            body = marked[m.end():close]
            if kind not in TYPES:
                errors.append(f"unknown type {kind!r}: {marked[i:close + 2]!r}")
            if not body or body != body.strip():
                errors.append(f"empty or padded span: {marked[i:close + 2]!r}")
            start = len(plain)
            for j in range(m.end(), close):
                plain.append(marked[j])
                where.append(j)
            spans.append((start, len(plain), kind))
            i = close + 2
        elif marked.startswith(CLOSE, i):
            errors.append(f"stray ]] at {i}: {marked[max(0, i - 20):i + 2]!r}")
            i += 2
        else:
            plain.append(marked[i])
            where.append(i)
            i += 1
    return "".join(plain), spans, where, errors


def is_word_char(ch):
    return ch.isalnum() or unicodedata.category(ch) == "Mn" or ch == "\u0640"


def cut_words(plain, spans):
    cuts = []
    for start, end, kind in spans:
        before = plain[start - 1] if start > 0 else " "
        after = plain[end] if end < len(plain) else " "
        if (is_word_char(before) and is_word_char(plain[start])) or \
           (is_word_char(after) and is_word_char(plain[end - 1])):
            lo, hi = max(0, start - 10), min(len(plain), end + 10)
            cuts.append(f"mark cuts a word: {kind} {plain[start:end]!r} in {plain[lo:hi]!r}")
    return cuts


def first_difference(a, b):
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return k
    return min(len(a), len(b))


def repair(marked, plain, where, source):
    if len(plain) != len(source):
        return None
    out = list(marked)
    for k, (x, y) in enumerate(zip(plain, source)):
        if x != y:
            if not (x.isspace() and y.isspace()):
                return None
            out[where[k]] = y
    return "".join(out)


def check(path, pool, fix=False):
    path = Path(path)
    source_path = pool / path.name
    if not source_path.is_file():
        return [f"no source article {path.name} in {pool}"]
    source = source_path.read_bytes().decode("utf-8")
    marked = path.read_bytes().decode("utf-8")
    plain, spans, where, errors = parse(marked)
    if plain != source and fix and not errors:
        fixed = repair(marked, plain, where, source)
        if fixed is not None:
            path.write_bytes(fixed.encode("utf-8"))
            print(f"{path}: repaired whitespace")
            plain, spans, where, errors = parse(fixed)
    if plain != source:
        k = first_difference(plain, source)
        errors.append(
            f"stripped text differs from the source at character {k}: "
            f"file has {plain[max(0, k - 15):k + 15]!r}, source has {source[max(0, k - 15):k + 15]!r}")
    errors += cut_words(plain, spans)
    return errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--pool", help="the ant_pool folder (default ../shared/data/news/ant_pool)")
    ap.add_argument("--repair", action="store_true", help="restore whitespace from the source")
    args = ap.parse_args(argv)
    pool = pool_dir(args.pool)
    failed = 0
    for f in args.files:
        errors = check(f, pool, args.repair)
        for e in errors:
            print(f"{f}: {e}")
        failed += bool(errors)
    print(f"{len(args.files) - failed} of {len(args.files)} files pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
