"""Function words (data/function_words.tsv): never, standing alone, a name or a speaker."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib.resources import files

from camel_tools.utils.dediac import dediac_ar

TATWEEL = "\u0640"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    text = files("newsan.text").joinpath("data/function_words.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(spelled(line.split("\t")[0]) for line in lines)


def spelled(word: str) -> str:
    """The word without diacritics or tatweel, its letters otherwise as written."""
    return dediac_ar(unicodedata.normalize("NFKC", word)).replace(TATWEEL, "")


def is_function_word(word: str) -> bool:
    return spelled(word) in function_words()
