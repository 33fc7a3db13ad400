"""Machine formats: JSON, JSON Lines, CSV and TSV, written as records arrive."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Iterator

from newsan.render.windows import Rows

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
            write_record(record, out, indent=2)
            out.write("\n")
        return
    out.write("[")
    for index, record in enumerate(records):
        out.write(",\n" if index else "\n")
        write_record(record, out, indent=2)
    out.write("\n]\n")


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    for record in records:
        write_record(record, out)
        out.write("\n")
        out.flush()


def write_record(record: dict, out: IO[str], indent: int | None = None) -> None:
    """The record as JSON; a long text's record (holding Rows) piece by piece, so that
    its text as JSON is never all in memory at once (json.dump writes as it encodes)."""
    if holds_rows(record):
        json.dump(record, out, ensure_ascii=False, indent=indent, default=plain)
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=indent))


def holds_rows(record: dict) -> bool:
    return (any(isinstance(record.get(name), Rows) for name in ("quotes", "tokens"))
            or any(isinstance(e.get("mentions"), Rows) for e in record.get("entities", ())))


def plain(value):
    """What JSON writes for the lists a long text's record keeps compact (windows.Rows):
    a list that json.dump's encoder reads one row at a time."""
    if isinstance(value, Rows):
        return RowsAsList(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class RowsAsList(list):
    """Rows as a list to json.dump's pure-Python encoder, which only iterates it and asks
    whether it is empty: its dicts are made one at a time as they are written."""

    def __init__(self, rows: Rows):
        super().__init__()
        self.rows = rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def write_delimited(records: Iterable[dict], out: IO[str], task: str, delimiter: str, keep_fields=(),
                    merged: bool = False) -> None:
    """The fixed header of the task (with --merge, its docs columns), then the --keep-field columns."""
    columns = (MERGED_CSV_COLUMNS if merged else CSV_COLUMNS)[task]
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns + list(keep_fields))
    for record in records:
        if "error" not in record:
            kept = [cell(record.get("fields", {}).get(key)) for key in keep_fields]
            writer.writerows([cells[column] for column in columns] + kept for cells in row_cells(record, task))


def row_cells(record: dict, task: str) -> Iterator[dict]:
    """One {column: value} per item of the record; the headers pick their columns from it."""
    source = record["source"]
    if task == "entities":
        for e in record["entities"]:
            forms = list(dict.fromkeys(m["text"] for m in e["mentions"]))
            yield {"source": source, "canonical": e["canonical"], "type": e["type"], "count": e["count"],
                   "docs": e.get("documents"), "mentions": LIST_SEPARATOR.join(forms)}
    elif task == "quotes":
        for q in record["quotes"]:
            yield {"source": q.get("source", source), "start": q["start"], "end": q["end"], "kind": q["kind"],
                   "cue": q["cue"], "speaker": q["speaker"], "mention": q["mention"], "title": q["title"],
                   "text": q["text"]}
    elif task == "speakers":
        for s in record["speakers"]:
            yield {"source": source, "name": s["name"], "kind": s.get("kind", ""), "title": s["title"],
                   "aliases": LIST_SEPARATOR.join(s["aliases"]), "quotes": s["quotes"],
                   "docs": s.get("documents"), "first_quote": s["first_quote"]}
    elif task == "lemmas":
        for t in record["tokens"]:
            yield {"source": source, "start": t["start"], "end": t["end"], "token": t["text"], "lemma": t["lemma"],
                   "pos": t["pos"]}


def cell(value) -> str:
    """A kept field in a CSV cell: text as it is, lists and objects as JSON, null as empty."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


