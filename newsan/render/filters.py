"""Which entities a record shows: --types, --min-count, --top, and, in tables, the MISC
entities that are conventions rather than names (data/misc_conventions.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Iterator

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class EntityFilter:
    types: frozenset[str] | None = None  # None: every type
    min_count: int = 1
    top: int | None = None
    hide_conventions: bool = False

    @property
    def is_active(self) -> bool:
        return self != EntityFilter()


@lru_cache(maxsize=None)
def convention_words() -> frozenset[str]:
    from newsan.text.normalize import normalize  # CAMeL's normalisation: not imported for --help

    text = files("newsan.render").joinpath("data/misc_conventions.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(normalize(line.split("\t")[0]) for line in lines)


def is_nationality_adjective(word: str) -> bool:
    """الأمريكي، السعودي، التونسي: what may follow a currency's name."""
    from newsan.text.normalize import normalize

    return normalize(word).endswith("ي")


def is_convention(entity: dict) -> bool:
    """A MISC entity that is God's name in a set phrase or a currency (الله، الدولار الأمريكي)."""
    if entity["type"] != "MISC":
        return False
    from newsan.text.normalize import clitic_readings, normalize

    first, *rest = entity["canonical"].split() or [""]
    known = convention_words()
    return any(reading in known for reading in clitic_readings(normalize(first))) and all(
        map(is_nationality_adjective, rest))


def keep(entity: dict, how: EntityFilter) -> bool:
    return ((how.types is None or entity["type"] in how.types) and entity["count"] >= how.min_count
            and not (how.hide_conventions and is_convention(entity)))


def filter_entities(records: Iterable[dict], how: EntityFilter) -> Iterator[dict]:
    """The records with their `entities` lists filtered (most mentioned first, as they come)."""
    for record in records:
        if how.is_active and "entities" in record:
            kept = [entity for entity in record["entities"] if keep(entity, how)]
            record = dict(record, entities=kept[: how.top] if how.top is not None else kept)
        yield record
