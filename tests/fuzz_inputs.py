"""Generated and mutated articles for fuzzing the library: the pieces that stress the
quote and speaker rules (cues, colons, every style of quotation mark, nesting) and the
characters engines choke on (bidi controls, presentation forms, NUL, lone surrogates,
very long tokens). Used by tests/test_fuzz.py (hypothesis) and bench/fuzz.py (a plain
random draw of many inputs)."""

from __future__ import annotations

import random

CUES = ["وقال", "قال", "وأضاف", "وأكد", "مشيرا إلى أن", "وأوضح أن", "أن", "إن", "بأن", "قائلا",
        "وتابع", "كما قال", "وقالت", "وأشار", "معتبرا أن", "أعرب عن", "وصف", "بـ", "لـ", "نقلا عن",
        "حسب موقع", "قال مصدر", "هذا ما قاله", "كما يلي:", "جاء فيه:"]
NAMES = ["المالكي", "لافروف", "وزير الخارجية الروسي سيرغي لافروف", "نوري المالكي", "الوزير",
         "عدد من المحتجين", "الرئيس الباجي قائد السبسي", "تونس", "موسكو", "الأمم المتحدة"]
MARKS = ['"', "“", "”", "«", "»", "„", "‟", "″", "'", "‘", "’", "(", ")", "[", "]"]
PUNCTUATION = [":", " : ", ".", "،", ",", "؛", "؟", "!", "-", "–", "—", "...", "\n", "\n\n", " ", "  ", "\t"]
ODD = ["\u200f", "\u200e", "\u202b", "\u202c", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff",
       "ﻭﺃﺿﺎﻑ ﺃﻥ", "ﻗﺎﻝ", "\x00", "\x07", "\x1b", "\r", "\x85", "\u2028", "\ud800", "\udfff",
       "ـــــ", "ا" * 3000, "x" * 500, "١٢٣", "3.5", "😀", "\u0651\u064e", "\ufffd"]
WORDS = ["الحكومة", "ستواصل", "دعمها", "في", "من", "على", "الوضع", "سيئ", "نحن", "هذا", "اليوم"]
PIECES = CUES + NAMES + MARKS + PUNCTUATION + ODD + WORDS


def generated(rng: random.Random, size: int = 60) -> str:
    """A text of `size` random pieces joined by spaces or nothing."""
    return "".join(rng.choice(PIECES) + rng.choice(["", " ", " "]) for _ in range(size))


def mutated(rng: random.Random, article: str, edits: int = 8) -> str:
    """The article with a few random insertions, deletions and repeats."""
    text = article
    for _ in range(edits):
        pos = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.5:
            text = text[:pos] + rng.choice(PIECES) * rng.choice([1, 1, 2, 5, 40]) + text[pos:]
        elif action < 0.75:
            text = text[:pos] + text[pos + rng.randrange(1, 200):]
        else:
            chunk = text[pos : pos + rng.randrange(1, 80)]
            text = text[:pos] + chunk * rng.choice([2, 10, 50]) + text[pos:]
    return text


def fuzz_input(rng: random.Random, article: str) -> str:
    kind = rng.random()
    if kind < 0.4:
        return generated(rng, rng.choice([5, 30, 120, 400]))
    if kind < 0.9:
        return mutated(rng, article, rng.choice([1, 5, 20]))
    return rng.choice(CUES + PUNCTUATION + MARKS) * rng.choice([10, 100, 1000])


def offset_problems(doc) -> list[str]:
    """Every span's start:end slice of the text must equal its text, and no span is empty."""
    problems = []
    text = doc.text
    for token in doc.tokens:
        if text[token.start : token.end] != token.text or token.end <= token.start:
            problems.append(f"token {token.text!r} at {token.start}:{token.end}")
    for mention in doc.mentions:
        if text[mention.start : mention.end] != mention.text or mention.end <= mention.start:
            problems.append(f"mention {mention.text!r} at {mention.start}:{mention.end}")
    for entity in doc.entities:
        if not entity.mentions or not entity.canonical.strip():
            problems.append(f"entity {entity.canonical!r} with no mention or name")
    for quote in doc.quotes:
        if text[quote.start : quote.end] != quote.text or not quote.text.strip():
            problems.append(f"quote {quote.text!r} at {quote.start}:{quote.end}")
    return problems
