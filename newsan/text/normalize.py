"""Normalisation for matching only: what users see is always the original text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
# Alef with a wavy hamza (ٲن for أن, in text typed with Urdu or Persian keyboards): CAMeL's
# alef normalisation leaves them, so أن would not be found.
WAVY_HAMZA_ALEFS = str.maketrans({"\u0672": "ا", "\u0673": "ا"})
PROCLITICS = "وفبلك"  # conjunctions and prepositions written attached to the word
ARTICLE = "ال"
MIN_STEM = 2
MAX_SHORT_NAME = 3


@lru_cache(maxsize=200_000)
def normalize(word: str) -> str:
    """Dediacritise and unify alef, alef maksura and teh marbuta forms. Presentation forms
    (ﺃﺿﺎﻑ, U+FExx, in text copied from PDFs) are read as the letters they show (NFKC)."""
    word = spelled(word).translate(WAVY_HAMZA_ALEFS)
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(word)))


def spelled(word: str) -> str:
    """The word without diacritics or tatweel, presentation forms read as letters (NFKC), its
    alef, ya and teh marbuta as written (على "on" is not علي the name)."""
    return dediac_ar(unicodedata.normalize("NFKC", word)).replace(TATWEEL, "")


def split_proclitics(word: str, known=frozenset(), names=frozenset()) -> tuple[str, str]:
    """Split a word into (proclitics, rest) as written, keeping the article in `rest`.

    وروسيا → (و, روسيا), للعراق → (ل, العراق), والمالكي → (و, المالكي).
    A bare و/ف/ب/ل/ك is only taken off when what remains is attested in `known`
    (normalised forms: the document's other words, a lexicon), since many names
    begin with those letters (واشنطن، بغداد، ليبيا). A word that is itself one of
    `names` keeps its letter unless the rest is a name too: باراك stays whole
    though أراك is a word; بروسيا is ب + روسيا. ك ("like") is rare before a name and many
    names open with it: a name keeps it when the rest is a name of three letters
    (كريم though ريم is a name, كامل though أمل is); وجدة is still و + جدة.
    """
    norm = normalize(word)
    for size in (2, 1):
        prefix, rest = norm[:size], norm[size:]
        if not is_proclitic(prefix) or len(rest) < MIN_STEM + 1:
            continue
        if prefix.endswith("ل") and rest.startswith("ل"):
            # لل: ل + a word in ل (للافروف), or ل + ال with its alef dropped (للعراق)
            if rest in known:
                return word[:size], word[size:]
            return word[:size], "ال" + word[size + 1 :]
        if rest.startswith(ARTICLE) and len(rest) > MIN_STEM + 2:
            return word[:size], word[size:]
        if rest in known and (norm not in names or (rest in names and not short_name_after_like(prefix, rest))):
            return word[:size], word[size:]
    return "", word


def short_name_after_like(prefix: str, rest: str) -> bool:
    return prefix == "ك" and len(rest) <= MAX_SHORT_NAME


def is_proclitic(prefix: str) -> bool:
    """و or ف, then optionally ب ل or ك; or just one of ب ل ك."""
    if len(prefix) == 2:
        return prefix[0] in "وف" and prefix[1] in "بلك"
    return prefix in PROCLITICS


def match_key(word: str, known=frozenset(), names=frozenset()) -> str:
    """Normalised, proclitics and article removed: المالكي, والمالكي, مالكي → مالكي."""
    rest = normalize(split_proclitics(word, known, names)[1])
    if rest.startswith(ARTICLE) and len(rest) > MIN_STEM + 2:
        rest = rest[2:]
    return rest


@lru_cache(maxsize=200_000)
def clitic_readings(word: str) -> tuple[str, ...]:
    """Every reading of a normalised word with proclitics (و ف ب ل ك ال) removed.

    The first reading is the word as written; later ones strip more. `لل` is
    ل + ال with the alef of the article dropped, so للعراق also reads عراق.
    """
    readings = [word]

    def add(form: str) -> None:
        if len(form) >= MIN_STEM and form not in readings:
            readings.append(form)

    rest = word
    if rest[:1] in "وف" and len(rest) > MIN_STEM + 1:
        rest = rest[1:]
        add(rest)
    if rest[:1] in "بلك" and len(rest) > MIN_STEM + 1:
        if rest.startswith("لل") and len(rest) > MIN_STEM + 2:
            add(rest[1:])  # ل + word starting with ل (للافروف)
            add(rest[2:])  # ل + ال + word (للعراق)
            return tuple(readings)
        rest = rest[1:]
        add(rest)
    if rest.startswith(ARTICLE) and len(rest) > MIN_STEM + 1:
        add(rest[2:])
    return tuple(readings)

