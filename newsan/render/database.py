"""--db FILE: the records in SQLite tables, written with sqlite-utils (imported only
here), for sqlite3, datasette or any SQL client. docs/output.md has the schema.

One row of `documents` per source, with the hash of its content and the tasks run on
it. A document already there with the same hash, for this task (or analyze), is
skipped unless --force: a batch interrupted halfway resumes where it stopped. Rows are
committed every COMMIT_EVERY documents and when the batch ends or is interrupted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsan.reading import Article, Item, ReadError, Source

COMMIT_EVERY = 200
TABLES = ("documents", "entities", "mentions", "speakers", "quotes")
TABLES_OF_TASK = {  # the tables a task fills, besides documents
    "entities": ("entities", "mentions"),
    "quotes": ("quotes",),
    "speakers": ("speakers",),
    "analyze": ("entities", "mentions", "speakers", "quotes"),
}
DOCUMENT_COLUMNS = {"id": int, "source": str, "hash": str, "tasks": str, "title": str, "text": str,
                    "warning": str, "error": str}
COLUMNS = {
    "entities": {"id": int, "document_id": int, "canonical": str, "type": str, "count": int, "text": str},
    "mentions": {"id": int, "entity_id": int, "document_id": int, "text": str, "start": int, "end": int},
    "speakers": {"id": int, "document_id": int, "name": str, "title": str, "aliases": str, "quotes": int,
                 "first_quote": str},
    "quotes": {"id": int, "document_id": int, "speaker_id": int, "kind": str, "speaker": str, "mention": str,
               "title": str, "cue": str, "start": int, "end": int, "text": str},
}
FOREIGN_KEYS = {
    "entities": [("document_id", "documents", "id")],
    "mentions": [("entity_id", "entities", "id"), ("document_id", "documents", "id")],
    "speakers": [("document_id", "documents", "id")],
    "quotes": [("document_id", "documents", "id"), ("speaker_id", "speakers", "id")],
}
INDEXES = {
    "entities": [["document_id"], ["canonical", "type"]],
    "mentions": [["entity_id"], ["document_id"]],
    "speakers": [["document_id"], ["name"]],
    "quotes": [["document_id"], ["speaker_id"], ["speaker"]],
}


class StoreError(Exception):
    """The database cannot be opened or written as asked."""


@dataclass
class Known:
    id: int
    hash: str | None
    tasks: set[str]
    error: str | None


def content_hash(item: Item) -> str | None:
    """SHA-256 of what is analysed: a file's content (decompressed), or a record's title,
    text and kept fields. None when it cannot be read (the batch reports why)."""
    if isinstance(item, Source):
        if item.path is None:  # stdin can be read once, and it is the analysis's
            return None
        try:
            return item.content_hash()
        except (OSError, ReadError):
            return None
    if isinstance(item, Article):
        content = json.dumps([item.title, item.text, item.fields], ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
    return None


def open_store(path: str, task: str, keep_fields: tuple[str, ...] = ()) -> Store:
    try:
        import sqlite_utils
    except ImportError:
        raise StoreError("--db needs sqlite-utils: pip install sqlite-utils") from None
    clashing = [name for name in keep_fields if name in DOCUMENT_COLUMNS]
    if clashing:
        raise StoreError(f"--keep-field {clashing[0]}: the documents table has a column of that name")
    try:
        db = sqlite_utils.Database(path)
        create_tables(db, keep_fields)
        return Store(db, path, task, keep_fields)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: {error}") from None


def create_tables(db, keep_fields: tuple[str, ...]) -> None:
    documents = db["documents"]
    documents.create(DOCUMENT_COLUMNS, pk="id", if_not_exists=True)
    documents.create_index(["source"], unique=True, if_not_exists=True)
    for name in keep_fields:
        if name not in documents.columns_dict:
            documents.add_column(name, str)
    for table, columns in COLUMNS.items():
        db[table].create(columns, pk="id", foreign_keys=FOREIGN_KEYS[table], if_not_exists=True)
        for index in INDEXES[table]:
            db[table].create_index(index, if_not_exists=True)


class Store:
    def __init__(self, db, path: str, task: str, keep_fields: tuple[str, ...]):
        self.db, self.path, self.task, self.keep_fields = db, path, task, keep_fields
        self.known = {row["source"]: Known(row["id"], row["hash"], set((row["tasks"] or "").split()), row["error"])
                      for row in db["documents"].rows_where(select="id, source, hash, tasks, error")}
        self.next_id = {table: (db.execute(f"select max(id) from [{table}]").fetchone()[0] or 0) + 1
                        for table in TABLES}
        self.hashes: list[str | None] = []  # of the items to analyse, in order
        self.pending: list[tuple[dict, str | None]] = []
        self.skipped = self.written = self.failed = 0

    def to_analyse(self, items: Iterable[Item], force: bool = False) -> list[Item]:
        """The items not already in the database (all of them with `force`)."""
        chosen = []
        for item in items:
            digest = content_hash(item)
            if not force and self.is_done(item.name, digest):
                self.skipped += 1
                continue
            chosen.append(item)
            self.hashes.append(digest)
        return chosen

    def is_done(self, source: str, digest: str | None) -> bool:
        known = self.known.get(source)
        return (known is not None and digest is not None and known.hash == digest and known.error is None
                and bool(known.tasks & {self.task, "analyze"}))

    def writing(self, records: Iterable[dict]) -> Iterator[dict]:
        """The records, passed on, each written into the database."""
        try:
            for record, digest in zip(records, self.hashes):
                if any(r["source"] == record["source"] for r, _ in self.pending):
                    self.flush()  # the same source twice: its rows replace the earlier ones
                self.pending.append((record, digest))
                if len(self.pending) >= COMMIT_EVERY:
                    self.flush()
                yield record
        finally:
            self.flush()
            self.db.close()

    def flush(self) -> None:
        if not self.pending:
            return
        stale: dict[str, list[int]] = {table: [] for table in TABLES_OF_TASK["analyze"]}
        rows: dict[str, list[dict]] = {table: [] for table in TABLES}
        for record, digest in self.pending:
            self.add_rows(record, digest, rows, stale)
        with self.db.atomic():
            for table, ids in stale.items():
                for first in range(0, len(ids), 500):
                    chunk = ids[first:first + 500]
                    self.db.execute(f"delete from [{table}] where document_id in ({','.join('?' * len(chunk))})",
                                    chunk)
            for table in TABLES:
                if rows[table]:
                    self.db[table].insert_all(rows[table], replace=table == "documents")
        self.pending = []

    def add_rows(self, record: dict, digest: str | None, rows: dict, stale: dict) -> None:
        source = record["source"]
        known = self.known.get(source)
        same = known is not None and known.hash == digest and known.error is None and "error" not in record
        tasks = set() if "error" in record else (known.tasks | {self.task} if same else {self.task})
        document_id = known.id if known else self.new_id("documents")
        if known:
            for table in TABLES_OF_TASK[self.task] if same else stale:
                stale[table].append(document_id)
        self.known[source] = Known(document_id, digest, tasks, record.get("error"))
        if "error" in record:
            self.failed += 1
        else:
            self.written += 1
        fields = record.get("fields") or {}
        rows["documents"].append({
            "id": document_id, "source": source, "hash": digest, "tasks": " ".join(sorted(tasks)),
            "title": record.get("title"), "text": record.get("text"), "warning": record.get("warning"),
            "error": record.get("error"), **{name: fields.get(name) for name in self.keep_fields}})
        for entity in record.get("entities", []):
            entity_id = self.new_id("entities")
            rows["entities"].append({"id": entity_id, "document_id": document_id, "canonical": entity["canonical"],
                                     "type": entity["type"], "count": entity["count"], "text": entity["text"]})
            rows["mentions"] += [{"id": self.new_id("mentions"), "entity_id": entity_id, "document_id": document_id,
                                  "text": m["text"], "start": m["start"], "end": m["end"]} for m in entity["mentions"]]
        speaker_ids = {}
        for speaker in record.get("speakers", []):
            speaker_ids[speaker["name"]] = speaker_id = self.new_id("speakers")
            rows["speakers"].append({"id": speaker_id, "document_id": document_id, "name": speaker["name"],
                                     "title": speaker["title"], "aliases": speaker["aliases"],
                                     "quotes": speaker["quotes"], "first_quote": speaker["first_quote"]})
        for quote in record.get("quotes", []):
            rows["quotes"].append({"id": self.new_id("quotes"), "document_id": document_id,
                                   "speaker_id": speaker_ids.get(quote["speaker"]), "kind": quote["kind"],
                                   "speaker": quote["speaker"], "mention": quote["mention"], "title": quote["title"],
                                   "cue": quote["cue"], "start": quote["start"], "end": quote["end"],
                                   "text": quote["text"]})

    def new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def summary(self) -> str:
        counts = [f"{self.written} document{'' if self.written == 1 else 's'} written"]
        if self.failed:
            counts.append(f"{self.failed} failed")
        if self.skipped:
            counts.append(f"{self.skipped} already there (--force to analyse them again)")
        return f"{self.path}: {', '.join(counts)}"
