"""Machine formats: JSON, JSON Lines, CSV and TSV, written as records arrive."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Iterator

# Fixed, documented headers (README "Output formats"); one row per item.
CSV_COLUMNS = {
    "entities": ["source", "canonical", "type", "count", "mentions"],
    "quotes": ["source", "start", "end", "kind", "cue", "speaker", "mention", "title", "text"],
    "speakers": ["source", "name", "title", "aliases", "quotes", "first_quote"],
    "lemmas": ["source", "start", "end", "token", "lemma", "pos"],
}
# --merge adds the number of documents, as the tables show it.
MERGED_CSV_COLUMNS = dict(
    CSV_COLUMNS,
    entities=["source", "canonical", "type", "count", "docs", "mentions"],
    speakers=["source", "name", "kind", "title", "aliases", "quotes", "docs", "first_quote"],
)
LIST_SEPARATOR = " | "


def write_json(records: Iterable[dict], out: IO[str], as_list: bool) -> None:
    if not as_list:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    out.write("[")
    for index, record in enumerate(records):
        out.write(",\n" if index else "\n")
        out.write(json.dumps(record, ensure_ascii=False, indent=2))
    out.write("\n]\n")


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def write_delimited(records: Iterable[dict], out: IO[str], task: str, delimiter: str, keep_fields=(),
                    merged: bool = False) -> None:
    """The fixed header of the task (with --merge, its docs columns), then the --keep-field columns."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow((MERGED_CSV_COLUMNS if merged else CSV_COLUMNS)[task] + list(keep_fields))
    for record in records:
        if "error" not in record:
            kept = [cell(record.get("fields", {}).get(key)) for key in keep_fields]
            writer.writerows(row + kept for row in (merged_rows(record, task) if merged else rows(record, task)))


def merged_rows(record: dict, task: str) -> Iterator[list]:
    source = record["source"]
    if task == "entities":
        for e in record["entities"]:
            forms = list(dict.fromkeys(m["text"] for m in e["mentions"]))
            yield [source, e["canonical"], e["type"], e["count"], e["documents"], LIST_SEPARATOR.join(forms)]
    elif task == "speakers":
        for s in record["speakers"]:
            yield [source, s["name"], s.get("kind", ""), s["title"], LIST_SEPARATOR.join(s["aliases"]), s["quotes"],
                   s["documents"], s["first_quote"]]
    else:
        yield from rows(record, task)


def cell(value) -> str:
    """A kept field in a CSV cell: text as it is, lists and objects as JSON, null as empty."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def rows(record: dict, task: str) -> Iterator[list]:
    source = record["source"]
    if task == "entities":
        for e in record["entities"]:
            forms = list(dict.fromkeys(m["text"] for m in e["mentions"]))
            yield [source, e["canonical"], e["type"], e["count"], LIST_SEPARATOR.join(forms)]
    elif task == "quotes":
        for q in record["quotes"]:
            yield [q.get("source", source), q["start"], q["end"], q["kind"], q["cue"], q["speaker"],
                   q["mention"], q["title"], q["text"]]
    elif task == "speakers":
        for s in record["speakers"]:
            yield [source, s["name"], s["title"], LIST_SEPARATOR.join(s["aliases"]), s["quotes"], s["first_quote"]]
    elif task == "lemmas":
        for t in record["tokens"]:
            yield [source, t["start"], t["end"], t["text"], t["lemma"], t["pos"]]
