"""One record for a long text analysed window by window (reading/long.py).

Each window's record is joined in as it comes, its offsets moved to the whole text:
entities join by canonical name and type, speakers by name and kind, as --merge joins
documents (render/merge.py), but every described source too, since all are one
document's. Long lists (mentions, quotes, tokens) are kept as tuples, not dicts,
and become dicts again as they are written (Rows)."""

from __future__ import annotations

from array import array
from typing import Iterator

OFFSET_FIELDS = ("start", "end", "cue_start")


class Rows:
    """A long list of records that share their fields, kept column by column (whole
    numbers in arrays: 8 bytes an offset); iterating gives the dicts. JSON writers take
    it as a list (formats.plain)."""

    __slots__ = ("fields", "columns")

    def __init__(self, fields: tuple[str, ...]):
        self.fields = fields
        self.columns: list | None = None  # made from the first row, when the types are known

    def append(self, row: dict) -> None:
        if self.columns is None:
            self.columns = [array("q") if type(row[name]) is int else [] for name in self.fields]
        for column, name in zip(self.columns, self.fields):
            column.append(row[name])

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def __iter__(self) -> Iterator[dict]:
        return (dict(zip(self.fields, values)) for values in zip(*self.columns or ()))

    def __getitem__(self, index: int) -> dict:
        return {name: column[index] for name, column in zip(self.fields, self.columns or ())}


class WindowJoin:
    """Joins the windows' records. Each window's record is the whole analysis (an analyze
    record, or lemmas'), so that a speaker can be renamed with the entity it names; the
    joined record keeps what the task's record holds."""

    def __init__(self, task: str):
        self.task = task
        self.wants = {"entities": task in ("entities", "analyze"), "quotes": task in ("quotes", "analyze")}
        self.entities: dict[tuple[str, str], dict] = {}
        self.entity_of: dict[tuple[str, str], tuple[str, str]] = {}  # (form key, type) → joined entity
        self.entity_named: dict[str, tuple[str, str]] = {}  # a window's canonical name → joined entity
        self.quotes: Rows | None = None
        self.speakers: list[dict] = []
        self.tokens: Rows | None = None
        self.texts: list[str] = []
        self.strings: dict[str, str] = {}  # one copy of each repeated string

    def add(self, record: dict, offset: int) -> None:
        """Join a window's record (build_record), whose offsets start at `offset`."""
        for entity in record.get("entities", ()):
            self.add_entity(entity, offset)
        for quote in record.get("quotes", ()) if self.wants["quotes"] else ():
            self.quotes = self.quotes or Rows(tuple(quote))
            self.quotes.append({name: value if name == "text" else self.shared(value)
                                for name, value in moved(quote, offset).items()})
        self.speakers += record.get("speakers", ())
        for token in record.get("tokens", ()):
            self.tokens = self.tokens or Rows(tuple(token))
            self.tokens.append({name: self.shared(value) for name, value in moved(token, offset).items()})
        if "text" in record:
            self.texts.append(record["text"])

    def add_entity(self, entity: dict, offset: int) -> None:
        """An entity joins the one of an earlier window that has its name among its forms of
        two words or more (سرغي لافروف, chosen by one window, and سيرغي لافروف by another),
        else the one of the same canonical name."""
        from newsan.render.merge import name_key  # not at import: formats.py, for --help too, imports Rows

        type_ = entity["type"]
        key = (name_key(entity["canonical"]), type_)
        key = self.entity_of.get(key, key)
        joined = self.entities.get(key)
        if joined is None:
            joined = self.entities[key] = dict(entity, count=0, mentions=Rows(("text", "start", "end")))
        elif len(entity["canonical"].split()) > len(joined["canonical"].split()):
            joined["canonical"] = entity["canonical"]
        joined["count"] += entity["count"]
        self.entity_named.setdefault(entity["canonical"], key)
        for mention in entity["mentions"]:
            if self.wants["entities"]:
                joined["mentions"].append(dict(moved(mention, offset), text=self.shared(mention["text"])))
            form = name_key(mention["text"])
            if " " in form:
                self.entity_of.setdefault((form, type_), key)

    def name_of(self, name: str) -> str:
        """A speaker's name as the joined entity it names has it."""
        key = self.entity_named.get(name)
        return self.entities[key]["canonical"] if key else name

    def joined_speakers(self) -> list[dict]:
        """Speakers by name and kind, in order of first quote; a named one under the
        joined entity's name."""
        from newsan.render.merge import name_key

        joined: dict[tuple[str, str], dict] = {}
        for speaker in self.speakers:
            name = self.name_of(speaker["name"]) if speaker["kind"] != "described" else speaker["name"]
            into = joined.setdefault((name_key(name), speaker["kind"]), dict(speaker, name=name, aliases=[], quotes=0))
            into["title"] = into["title"] or speaker["title"]
            into["aliases"] += [a for a in speaker["aliases"] if a not in into["aliases"] and a != name]
            into["quotes"] += speaker["quotes"]
        return list(joined.values())

    def shared(self, value):
        return self.strings.setdefault(value, value) if isinstance(value, str) else value

    def record(self, source: str) -> dict:
        """The whole text's record, with the fields of a record of the task, in order."""
        record: dict = {"source": source}
        if self.wants["entities"]:
            record["entities"] = sorted(self.entities.values(), key=lambda e: (-e["count"], e["mentions"][0]["start"]))
        if self.wants["quotes"]:
            if self.quotes is not None:
                speakers = self.quotes.columns[self.quotes.fields.index("speaker")]
                speakers[:] = [self.shared(self.name_of(name)) for name in speakers]
            record["quotes"] = self.quotes or []
        if self.task in ("speakers", "analyze"):
            record["speakers"] = self.joined_speakers()
        if self.task == "lemmas":
            record["tokens"] = self.tokens or []
        if self.texts:
            record["text"] = "".join(self.texts)
        return record


def moved(item: dict, offset: int) -> dict:
    """`item` with its offsets into the whole text (-1, no cue, stays -1)."""
    return {name: value + offset if name in OFFSET_FIELDS and value >= 0 else value for name, value in item.items()}
