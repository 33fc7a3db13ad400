"""Latin transliteration of names, with CAMeL Tools' character maps.

Schemes: `bw` (Buckwalter: one ASCII character per letter, but with ' | > < * $
that shells, CSV and regular expressions treat specially), `safebw` (Safe
Buckwalter: letters and digits only, the default) and `hsb` (Habash-Soudi-
Buckwalter: readable, with non-ASCII letters such as š and ṯ).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

SCHEMES = ("safebw", "bw", "hsb")
DEFAULT_SCHEME = "safebw"

# Where names are in each record, and which field of theirs is the name.
NAME_LISTS = {"entities": "canonical", "speakers": "name"}


@lru_cache(maxsize=None)
def _mapper(scheme: str):
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper(f"ar2{scheme}")


def transliterate(text: str, scheme: str = DEFAULT_SCHEME) -> str:
    return _mapper(scheme).map_string(text)


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
            record[list_name] = [dict(item, translit=transliterate(item[name_field], scheme))
                                 for item in record[list_name]]
    return record
