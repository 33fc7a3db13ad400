"""Rich tables for people: one table per document (or per merged batch).

Tables are as wide as their content, up to the console's width; long cells
(quotes, mention lists) wrap inside their column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from newsan.render.arabic import display_width, for_terminal, has_arabic, is_rtl, minimum_width, wrap_logical


# Entity types in colour (dropped with --no-color or NO_COLOR).
TYPE_COLOURS = {"PERS": "cyan", "LOC": "green", "ORG": "magenta", "MISC": "yellow"}


@dataclass(frozen=True)
class TableStyle:
    bidi: bool = False
    translit: str | None = None


class VisualText:
    """A cell of Arabic for a terminal without BiDi: wrapped to the column in
    logical order, then each line shaped and reordered, so the first line is
    the beginning of the text. (Reordering first and letting rich wrap would
    put the end of the text on the first line.)"""

    def __init__(self, text: str):
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest_line = max((display_width(line) for line in self.text.splitlines()), default=1)
        return Measurement(max(minimum_width(self.text), 1), max(widest_line, 1))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = [for_terminal(line, True) for line in wrap_logical(self.text, options.max_width)]
        yield Text("\n".join(lines), justify="right" if is_rtl(self.text) else "left", no_wrap=True)


def print_tables(records: Iterable[dict], task: str, console: Console, style: TableStyle) -> None:
    for record in records:
        if "error" in record:
            continue  # already reported on stderr
        for table in TABLE_BUILDERS[task](record, style):
            console.print(table)


def _ar(text: str, style: TableStyle):
    """A cell that may hold Arabic."""
    if style.bidi and has_arabic(text) and text.strip():
        return VisualText(text)
    return text


def _table(title: str, style: TableStyle, *columns: str) -> Table:
    table = Table(title=for_terminal(title, style.bidi), title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _latin(item: dict, style: TableStyle) -> list[str]:
    return [item.get("translit", "")] if style.translit else []


def entities_tables(record: dict, style: TableStyle) -> list[Table]:
    merged = "documents" in record
    columns = ["entity", *(["latin"] if style.translit else []), "type", "count", *(["docs"] if merged else []),
               "mentions"]
    table = _table(record["source"], style, *columns)
    for e in record["entities"]:
        forms = "، ".join(dict.fromkeys(m["text"] for m in e["mentions"]))
        docs = [str(e["documents"])] if merged else []
        kind = Text(e["type"], style=TYPE_COLOURS.get(e["type"], ""))
        table.add_row(_ar(e["canonical"], style), *_latin(e, style), kind, str(e["count"]), *docs,
                      _ar(forms, style))
    return [table]


def quotes_tables(record: dict, style: TableStyle) -> list[Table]:
    merged = "documents" in record
    table = _table(record["source"], style, *(["source"] if merged else []), "speaker", "cue", "kind", "quote")
    for q in record["quotes"]:
        source = [q.get("source", "")] if merged else []
        table.add_row(*source, _ar(q["speaker"] or "?", style), _ar(q["cue"], style), q["kind"], _ar(q["text"], style))
    return [table]


def speakers_tables(record: dict, style: TableStyle) -> list[Table]:
    merged = "documents" in record
    columns = ["speaker", *(["latin"] if style.translit else []), "title", "aliases", "quotes",
               *(["docs"] if merged else []), "first quote"]
    table = _table(record["source"], style, *columns)
    for s in record["speakers"]:
        docs = [str(s["documents"])] if merged else []
        table.add_row(_ar(s["name"], style), *_latin(s, style), _ar(s["title"], style),
                      _ar("، ".join(s["aliases"]), style), str(s["quotes"]), *docs, _ar(s["first_quote"], style))
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
