"""Draw the articles of the modern NER corpus from news/ant_pool/ and split them into batches.

The draw is seeded and repeatable: the pool's files in name order, shuffled with
random.Random(SEED); an article is taken when its body has MIN_WORDS to MAX_WORDS
whitespace-separated words, until the batches hold TARGET_TOKENS tokens
(camel_tools' simple_word_tokenize).  Batches are consecutive runs of the draw of
about BATCH_TOKENS tokens each.  Every DOUBLE_EVERY-th article of the draw is also
annotated a second time, independently, for the agreement figures.

A second round (batches 19 on) draws from the articles the first left, with its own
seed, only those that name at least FOREIGN_HITS times a country, capital or body from
outside Tunisia (FOREIGN_NAMES): the first round is mostly Tunisian local news, while
ANERcorp and the news our users read are full of foreign names.  The first round's
batches stay exactly as they were.

    python corpus/ner/draw.py            # writes corpus/ner/batches/*.txt
"""

import random
import sys
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import pool_dir  # noqa: E402

HERE = Path(__file__).resolve().parent
SEED = 2026
MIN_WORDS, MAX_WORDS = 40, 400
TARGET_TOKENS = 172_000
BATCH_TOKENS = 10_000
DOUBLE_EVERY = 18
FIRST_ROUND_BATCHES = 18  # what the first round's draw makes; build.py holds out dev per round

SECOND_SEED = 2027
SECOND_TOKENS = 62_000
FOREIGN_HITS = 3
# Substrings, so that clitic and adjective forms (والعراق، الأمريكي) count too.
FOREIGN_NAMES = (
    "الولايات المتحدة", "أمريكا", "أمريكي", "واشنطن", "روسيا", "موسكو", "فرنسا", "باريس",
    "ألمانيا", "بريطانيا", "لندن", "الصين", "سوريا", "العراق", "مصر", "ليبيا", "الجزائر",
    "المغرب", "فلسطين", "إسرائيل", "تركيا", "إيران", "السعودية", "اليمن", "قطر", "الإمارات",
    "لبنان", "الأردن", "أوروبا", "الأمم المتحدة", "ترامب", "أوباما", "بوتين", "داعش",
    "الاتحاد الأوروبي",
)


def tokens(text):
    return sum(len(simple_word_tokenize(line)) for line in text.splitlines())


def names_foreign_news(text):
    return sum(text.count(name) for name in FOREIGN_NAMES) >= FOREIGN_HITS


def draw(pool, seed=SEED, target=TARGET_TOKENS, skip=(), wanted=lambda text: True):
    files = [f for f in sorted(pool.glob("ant_pool_*.txt")) if f.stem not in skip]
    random.Random(seed).shuffle(files)
    taken, total = [], 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        if not MIN_WORDS <= len(body.split()) <= MAX_WORDS or not wanted(text):
            continue
        n = tokens(text)
        taken.append((f.stem, n))
        total += n
        if total >= target:
            break
    return taken


def in_batches(taken):
    batches, current, size = [], [], 0
    for name, n in taken:
        current.append(name)
        size += n
        if size >= BATCH_TOKENS:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches


def main():
    out = HERE / "batches"
    out.mkdir(exist_ok=True)
    pool = pool_dir()
    first = draw(pool)
    second = draw(pool, SECOND_SEED, SECOND_TOKENS, skip={name for name, _ in first},
                  wanted=names_foreign_news)
    batches = in_batches(first)
    assert len(batches) == FIRST_ROUND_BATCHES, "the first round's batches must stay as they were"
    batches += in_batches(second)
    for k, names in enumerate(batches, 1):
        (out / f"batch_{k:02d}.txt").write_text("\n".join(names) + "\n")
    double = [name for taken in (first, second)
              for k, (name, _) in enumerate(taken) if k % DOUBLE_EVERY == 0]
    (out / "double.txt").write_text("\n".join(double) + "\n")
    taken = first + second
    print(f"{len(taken)} articles, {sum(n for _, n in taken)} tokens, {len(batches)} batches, "
          f"{len(double)} annotated twice")


if __name__ == "__main__":
    main()
