"""`--merge`: one record that aggregates a whole batch."""

from __future__ import annotations

from typing import Iterable

from newsan.text.normalize import match_key


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


def name_key(name: str) -> str:
    return " ".join(match_key(word) for word in name.split())


def merge_entities(records: list[dict]) -> list[dict]:
    by_key: dict[tuple[str, str], dict] = {}
    for record in records:
        for entity in record["entities"]:
            key = (name_key(entity["canonical"]), entity["type"])
            merged = by_key.setdefault(key, dict(entity, count=0, documents=0, mentions=[]))
            if len(entity["canonical"].split()) > len(merged["canonical"].split()):
                merged["canonical"] = entity["canonical"]
            merged["count"] += entity["count"]
            merged["documents"] += 1
            merged["mentions"] += [dict(m, source=record["source"]) for m in entity["mentions"]]
    return sorted(by_key.values(), key=lambda e: (-e["count"], -e["documents"]))


def merge_speakers(records: list[dict]) -> list[dict]:
    """Named speakers (persons, organisations) join across documents by name; a described
    source (مصدر أمني، الوزارة، عدد من المحتجين) is someone of its own document only."""
    by_key: dict[tuple[str, str], dict] = {}
    for record in records:
        for speaker in record["speakers"]:
            named = speaker.get("kind", "described") != "described"
            key = (name_key(speaker["name"]), "" if named else record["source"])
            merged = by_key.setdefault(key, dict(speaker, aliases=[], quotes=0, documents=0))
            merged["title"] = merged["title"] or speaker["title"]
            merged["aliases"] += [a for a in speaker["aliases"] if a not in merged["aliases"]]
            merged["quotes"] += speaker["quotes"]
            merged["documents"] += 1
    return sorted(by_key.values(), key=lambda s: (-s["quotes"], -s["documents"]))
