"""Function words (data/function_words.tsv): never, standing alone, a name or a speaker."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from newsan.text.normalize import spelled


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    text = files("newsan.text").joinpath("data/function_words.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(spelled(line.split("\t")[0]) for line in lines)


def is_function_word(word: str) -> bool:
    return spelled(word) in function_words()
