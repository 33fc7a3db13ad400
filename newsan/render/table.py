"""Rich tables for people: one table per document (or per merged batch)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rich.console import Console
from rich.table import Table

from newsan.render.arabic import for_terminal


@dataclass(frozen=True)
class TableStyle:
    bidi: bool = False
    translit: str | None = None


def print_tables(records: Iterable[dict], task: str, console: Console, style: TableStyle) -> None:
    for record in records:
        if "error" in record:
            continue  # already reported on stderr
        for table in TABLE_BUILDERS[task](record, style):
            console.print(table)


def _ar(text: str, style: TableStyle) -> str:
    return for_terminal(text, style.bidi)


def _table(title: str, style: TableStyle, *columns: str) -> Table:
    table = Table(title=_ar(title, style), title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def entities_tables(record: dict, style: TableStyle) -> list[Table]:
    columns = ["entity", "type", "count", "mentions"]
    if "documents" in record:
        columns.insert(3, "docs")
    table = _table(record["source"], style, *columns)
    for e in record["entities"]:
        forms = "، ".join(dict.fromkeys(m["text"] for m in e["mentions"]))
        cells = [_ar(e["canonical"], style), e["type"], str(e["count"]), _ar(forms, style)]
        if "documents" in record:
            cells.insert(3, str(e["documents"]))
        table.add_row(*cells)
    return [table]


def quotes_tables(record: dict, style: TableStyle) -> list[Table]:
    table = _table(record["source"], style, "speaker", "cue", "kind", "quote")
    table.columns[3].ratio = 1
    for q in record["quotes"]:
        table.add_row(_ar(q["speaker"] or "?", style), _ar(q["cue"], style), q["kind"], _ar(q["text"], style))
    return [table]


def speakers_tables(record: dict, style: TableStyle) -> list[Table]:
    table = _table(record["source"], style, "speaker", "title", "aliases", "quotes", "first quote")
    for s in record["speakers"]:
        table.add_row(_ar(s["name"], style), _ar(s["title"], style), _ar("، ".join(s["aliases"]), style),
                      str(s["quotes"]), _ar(s["first_quote"], style))
    return [table]


def analyze_tables(record: dict, style: TableStyle) -> list[Table]:
    return entities_tables(record, style) + quotes_tables(record, style) + speakers_tables(record, style)


def lemmas_tables(record: dict, style: TableStyle) -> list[Table]:
    table = _table(record["source"], style, "token", "lemma", "pos")
    for t in record["tokens"]:
        table.add_row(_ar(t["text"], style), _ar(t["lemma"] or "", style), t["pos"] or "")
    return [table]


TABLE_BUILDERS = {
    "entities": entities_tables,
    "quotes": quotes_tables,
    "speakers": speakers_tables,
    "analyze": analyze_tables,
    "lemmas": lemmas_tables,
}
