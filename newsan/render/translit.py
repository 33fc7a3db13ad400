"""Names in Latin letters, for --translit.

Schemes: `names` (the default: people's names as English-language news spells them,
from arabic-name-romanizer's dictionary of attested spellings, offline; other names
are left blank), and CAMeL Tools' character maps, one Latin character per Arabic
letter: `safebw` (Safe Buckwalter: letters and digits only), `bw` (Buckwalter, with
' | > < * $ that shells, CSV and regular expressions treat specially) and `hsb`
(Habash-Soudi-Buckwalter: readable, with non-ASCII letters such as š and ṯ).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Iterator

NAMES = "names"
LETTER_SCHEMES = ("safebw", "bw", "hsb")
SCHEMES = (NAMES, *LETTER_SCHEMES)
DEFAULT_SCHEME = NAMES
ROMANIZER = "arabic-name-romanizer"
INSTALL_NAMES = "pip install 'newsan[names]'"

# Where names are in each record, which field of theirs is the name, and which of them
# are people (the only names the `names` scheme spells).
NAME_LISTS = {"entities": "canonical", "speakers": "name"}


class TranslitError(Exception):
    """A scheme was asked for that cannot run here."""


def is_person(item: dict) -> bool:
    return item.get("type") == "PERS" or item.get("kind") == "person"


@lru_cache(maxsize=None)
def _mapper(scheme: str):
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper(f"ar2{scheme}")


def transliterate(text: str, scheme: str = "safebw") -> str:
    """Letter by letter, with one of CAMeL's LETTER_SCHEMES."""
    return _mapper(scheme).map_string(text)


def romanizer_present() -> bool:
    return importlib.util.find_spec("arabic_name_romanizer") is not None


def romanizer_model_present() -> bool:
    """The romanizer spells words outside its dictionary with a small ONNX model when
    onnxruntime is installed, else with its letter rules."""
    return all(importlib.util.find_spec(module) for module in ("onnxruntime", "numpy"))


def check_scheme(scheme: str | None) -> None:
    """Raise TranslitError when `scheme` cannot run here (its package is missing)."""
    if scheme == NAMES and not romanizer_present():
        raise TranslitError(f"--translit spells names with {ROMANIZER}, not installed here: {INSTALL_NAMES} "
                            f"(or spell letter by letter: --translit-scheme {LETTER_SCHEMES[-1]})")


@lru_cache(maxsize=None)
def _romanizer():
    from arabic_name_romanizer import Transliterator, UserDictionary

    foreign = files(__package__).joinpath("data/foreign_names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t")[:2] for line in foreign.splitlines() if line.strip() and not line.startswith("#")]
    # One candidate per word: the best name is the best spelling of each word (scores
    # multiply), and the library's product over every word's candidates grows as
    # 5 ** words (an NER span of 17 words took all the memory).
    return Transliterator(user_dictionary=UserDictionary.from_pairs(rows), max_per_unit=1,
                          auto_load_model=romanizer_model_present())


@lru_cache(maxsize=100_000)
def english_name(name: str) -> str:
    """A person's name as English-language news spells it (نوري المالكي → Nouri al-Maliki).
    One name per call: the model spells a batch of names differently from the same
    names one by one, and a name must read the same in every document."""
    return _romanizer().transliterate(name)


def spell(item: dict, name_field: str, scheme: str) -> str:
    if scheme == NAMES:
        return english_name(item[name_field]) if is_person(item) else ""
    return transliterate(item[name_field], scheme)


def with_translit(records: Iterable[dict], scheme: str | None) -> Iterator[dict]:
    """The records, with a `translit` field on every entity and speaker."""
    for record in records:
        if scheme and "error" not in record:
            record = add_translit(record, scheme)
        yield record


def add_translit(record: dict, scheme: str) -> dict:
    record = dict(record)
    for list_name, name_field in NAME_LISTS.items():
        if list_name in record:
            record[list_name] = [dict(item, translit=spell(item, name_field, scheme)) for item in record[list_name]]
    return record
