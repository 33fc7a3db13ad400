"""What a batch's overview page shows, computed from the documents' plain records:
who is mentioned most, who speaks, who appears with whom, who quotes whom, and when.

Documents are referred to by their index in the batch (the order of the records),
so that every item can list the articles it comes from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from newsan.render.merge import name_key

TYPES = ("PERS", "ORG", "LOC", "MISC")
NETWORK_TYPES = ("PERS", "ORG")
TOP_ITEMS = 12  # bars per chart
NETWORK_NODES = 30
NETWORK_EDGES = 70
QUOTING_SPEAKERS = 12
QUOTING_TARGETS = 6
TIMELINE_ENTITIES = 6

# A date written in a file name: 2017-04-16, 2017_04_16, 2017.04.16, 2017/04/16 or 20170416,
# not inside a longer number.
NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
FIELD_DATE = re.compile(r"^\s*((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
# 28/08/2016 or 28-08-2016: day first, as Arabic (and European) news sites write it
FIELD_DATE_DAY_FIRST = re.compile(r"^\s*(0?[1-9]|[12]\d|3[01])([-/.])(0?[1-9]|1[0-2])\2((?:19|20)\d\d)(?!\d)")


@dataclass
class Item:
    """An entity or a speaker across the batch."""

    key: str  # "TYPE|name" for entities, "S|name" for speakers (names as merge.name_key)
    name: str  # the fullest form seen
    type: str  # PERS, ORG, LOC, MISC, or SPEAKER
    count: int = 0  # mentions, or quotes for a speaker
    docs: list[int] = field(default_factory=list)  # documents, ascending


@dataclass
class Link:
    """Two items that appear together, or a speaker and an entity named in their quotes."""

    source: Item
    target: Item
    count: int  # documents together, or mentions inside the speaker's quotes
    docs: list[int]


@dataclass
class Period:
    label: str  # 2017-04-16, 2017-04 or 2017
    docs: list[int]
    entities: dict[str, int]  # entity key -> documents of the period that mention it


@dataclass
class Overview:
    documents: int
    failed: int
    entities: dict[str, list[Item]]  # the most mentioned of each type
    speakers: list[Item]  # the most quoted
    network_nodes: list[Item]
    network_links: list[Link]
    quoting: list[tuple[Item, list[Link]]]  # speaker, the entities named in their quotes
    periods: list[Period]  # empty when no document has a date
    timeline_entities: list[Item]
    dated: int  # documents with a date


def entity_key(entity: dict) -> str:
    return f"{entity['type']}|{name_key(entity['canonical'])}"


def speaker_key(name: str) -> str:
    return f"S|{name_key(name)}"


def documents(records: list[dict]) -> list[tuple[int, dict]]:
    """(index, record) of the records that are analysed documents, not errors."""
    return [(i, r) for i, r in enumerate(records) if "error" not in r]


def overview(records: list[dict]) -> Overview:
    docs = documents(records)
    entities = gather_entities(docs)
    speakers = gather_speakers(docs)
    by_type = {t: top([e for e in entities.values() if e.type == t]) for t in TYPES}
    nodes, links = cooccurrence(docs, entities)
    periods, followed = timeline(docs, entities)
    return Overview(
        documents=len(docs), failed=len(records) - len(docs), entities=by_type, speakers=top(speakers.values()),
        network_nodes=nodes, network_links=links, quoting=quoting(docs, entities, speakers),
        periods=periods, timeline_entities=followed, dated=sum(len(p.docs) for p in periods),
    )


def top(items, size: int = TOP_ITEMS) -> list[Item]:
    """Mentioned (or quoted) in the most documents first, then most often."""
    return sorted(items, key=lambda item: (-len(item.docs), -item.count, item.name))[:size]


def _add(items: dict[str, Item], key: str, name: str, type_: str, count: int, index: int) -> Item:
    item = items.setdefault(key, Item(key, name, type_))
    if len(name.split()) > len(item.name.split()):
        item.name = name  # the fullest name, as --merge does
    item.count += count
    if not item.docs or item.docs[-1] != index:
        item.docs.append(index)
    return item


def gather_entities(docs: list[tuple[int, dict]]) -> dict[str, Item]:
    items: dict[str, Item] = {}
    for index, record in docs:
        for entity in record.get("entities", []):
            _add(items, entity_key(entity), entity["canonical"], entity["type"], entity["count"], index)
    return items


def gather_speakers(docs: list[tuple[int, dict]]) -> dict[str, Item]:
    items: dict[str, Item] = {}
    for index, record in docs:
        for speaker in record.get("speakers", []):
            _add(items, speaker_key(speaker["name"]), speaker["name"], "SPEAKER", speaker["quotes"], index)
    return items


def cooccurrence(docs: list[tuple[int, dict]], entities: dict[str, Item]) -> tuple[list[Item], list[Link]]:
    """People and organisations mentioned in the same documents: the most present ones
    as nodes, and the pairs that share the most documents as links (between pairs that
    share as many, those of the more present nodes)."""
    nodes = top([e for e in entities.values() if e.type in NETWORK_TYPES], NETWORK_NODES)
    chosen = {node.key for node in nodes}
    together: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, record in docs:
        keys = sorted({entity_key(e) for e in record.get("entities", [])} & chosen)
        for pair in combinations(keys, 2):
            together[pair].append(index)
    rank = {node.key: i for i, node in enumerate(nodes)}
    pairs = sorted(together.items(), key=lambda pair_found: (-len(pair_found[1]), sum(rank[k] for k in pair_found[0]),
                                                             pair_found[0]))[:NETWORK_EDGES]
    links = [Link(entities[a], entities[b], len(found), found) for (a, b), found in pairs]
    linked = {item.key for link in links for item in (link.source, link.target)}
    return [node for node in nodes if node.key in linked], links


def quoting(docs: list[tuple[int, dict]], entities: dict[str, Item],
            speakers: dict[str, Item]) -> list[tuple[Item, list[Link]]]:
    """For the most quoted speakers, the entities named inside their quotes (themselves
    left out), by how many times they are named there."""
    named: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, record in docs:
        mentions = sorted((m["start"], m["end"], entity_key(e)) for e in record.get("entities", [])
                          for m in e["mentions"])
        for quote in record.get("quotes", []):
            if not quote["speaker"]:
                continue
            speaker = speaker_key(quote["speaker"])
            own = speaker.split("|", 1)[1]
            for start, end, key in mentions:
                if quote["start"] <= start and end <= quote["end"] and key.split("|", 1)[1] != own:
                    named[speaker][key] += 1
                    if not where[speaker, key] or where[speaker, key][-1] != index:
                        where[speaker, key].append(index)
    ranked = top([speakers[key] for key in named], QUOTING_SPEAKERS)
    return [(speaker, [Link(speaker, entities[key], count, where[speaker.key, key])
                       for key, count in named[speaker.key].most_common(QUOTING_TARGETS)])
            for speaker in ranked]


def document_date(record: dict) -> date | None:
    """The record's kept `date` field (--keep-field date: `fields.date`, from an archive's
    records or an HTML page's metadata; or a top-level `date`): 2017-04-16, a longer
    timestamp, or 16/04/2017; else a date in its source's name."""
    value = (record.get("fields") or {}).get("date")
    if not isinstance(value, str) or not value.strip():
        value = record.get("date")
    if isinstance(value, str):
        if match := FIELD_DATE.match(value):
            return _date(match.group(1), match.group(2), match.group(3))
        if match := FIELD_DATE_DAY_FIRST.match(value):
            return _date(match.group(4), match.group(3), match.group(1))
    match = NAME_DATE.search(record.get("source", ""))
    return _date(match.group(1), match.group(3), match.group(4)) if match else None


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 2017-02-30
        return None


def period_of(day: date, first: date, last: date) -> str:
    """Days for up to three months, months for up to four years, else years."""
    span = (last - first).days
    if span <= 92:
        return day.isoformat()
    if span <= 4 * 366:
        return day.isoformat()[:7]
    return str(day.year)


def timeline(docs: list[tuple[int, dict]], entities: dict[str, Item]) -> tuple[list[Period], list[Item]]:
    """Documents per period, and how many of them mention each of the most present
    people, from the first dated document to the last (empty periods included)."""
    dated = [(day, index, record) for index, record in docs if (day := document_date(record))]
    if not dated:
        return [], []
    first, last = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    followed = top([e for e in entities.values() if e.type == "PERS"], TIMELINE_ENTITIES)
    keys = {item.key for item in followed}
    periods = {label: Period(label, [], {}) for label in _labels(first, last)}
    for day, index, record in sorted(dated, key=lambda dated_doc: dated_doc[1]):
        period = periods[period_of(day, first, last)]
        period.docs.append(index)
        for key in {entity_key(e) for e in record.get("entities", [])} & keys:
            period.entities[key] = period.entities.get(key, 0) + 1
    return list(periods.values()), followed


def _labels(first: date, last: date) -> list[str]:
    labels: list[str] = []
    day = first
    while day <= last:
        label = period_of(day, first, last)
        if not labels or labels[-1] != label:
            labels.append(label)
        day = date.fromordinal(day.toordinal() + 1)
    return labels
