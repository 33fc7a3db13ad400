"""`--merge`: one record that aggregates a whole batch."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from newsan.text.normalize import match_key, normalize


def merge_records(records: Iterable[dict], task: str) -> dict:
    records = [r for r in records if "error" not in r]
    merged: dict = {"source": f"<merged: {len(records)} documents>", "documents": len(records)}
    if task in ("entities", "analyze"):
        merged["entities"] = merge_entities(records)
    if task in ("quotes", "analyze"):
        merged["quotes"] = [dict(q, source=r["source"]) for r in records for q in r["quotes"]]
    if task in ("speakers", "analyze"):
        merged["speakers"] = merge_speakers(records)
    return merged


# Hamza seats spelt without the hamza in names (قائد/قايد السبسي، مسؤول/مسوول): one key across
# documents. A hamza on the line stays: علاء and علا are two names.
HAMZA_SEATS = str.maketrans({"ئ": "ي", "ؤ": "و"})


def name_key(name: str) -> str:
    return " ".join(match_key(word).translate(HAMZA_SEATS) for word in name.split())


def merge_entities(records: list[dict]) -> list[dict]:
    by_key: dict[tuple[str, str], dict] = {}
    documents: dict[tuple[str, str], set] = {}
    for number, record in enumerate(records):
        for entity in record["entities"]:
            key = (name_key(entity["canonical"]), entity["type"])
            merged = by_key.setdefault(key, dict(entity, count=0, documents=0, mentions=[]))
            if len(entity["canonical"].split()) > len(merged["canonical"].split()):
                merged["canonical"] = entity["canonical"]
            merged["count"] += entity["count"]
            documents.setdefault(key, set()).add(number)
            merged["documents"] = len(documents[key])  # قائد and قايد in one article: one document
            merged["mentions"] += [dict(m, source=record["source"]) for m in entity["mentions"]]
    return sorted(by_key.values(), key=lambda e: (-e["count"], -e["documents"]))


def merge_speakers(records: list[dict]) -> list[dict]:
    """Named speakers (persons, organisations) join across documents by name; a described
    source (مصدر أمني، الوزارة، عدد من المحتجين) is someone of its own document only, and so
    is a person the document names by a given name alone (محمد، خالد: many people). The
    merged title is the one most of their quotes were given (first seen on a tie)."""
    by_key: dict[tuple[str, str], dict] = {}
    titles: dict[tuple[str, str], Counter] = {}
    documents: dict[tuple[str, str], set] = {}
    for number, record in enumerate(records):  # by position: a source name (--id-field) may repeat
        for speaker in record["speakers"]:
            named = speaker.get("kind", "described") != "described" and not is_lone_given_name(speaker)
            key = (name_key(speaker["name"]), "" if named else record["source"])
            merged = by_key.setdefault(key, dict(speaker, aliases=[], quotes=0, documents=0))
            if speaker["title"]:
                titles.setdefault(key, Counter())[speaker["title"]] += speaker["quotes"]
            merged["aliases"] += [a for a in speaker["aliases"] if a not in merged["aliases"]]
            merged["quotes"] += speaker["quotes"]
            documents.setdefault(key, set()).add(number)
            merged["documents"] = len(documents[key])  # two speakers of one name in one document: one
    for key, counts in titles.items():
        by_key[key]["title"] = counts.most_common(1)[0][0]  # Counter keeps first-seen order on ties
    return sorted(by_key.values(), key=lambda s: (-s["quotes"], -s["documents"]))


def is_lone_given_name(speaker: dict) -> bool:
    from newsan.engines.embedded_ner import EmbeddedNer

    words = speaker["name"].split()
    return speaker.get("kind") == "person" and len(words) == 1 and normalize(words[0]) in EmbeddedNer.given_names()
