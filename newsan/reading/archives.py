"""Archives of many documents: JSON Lines, CSV and TSV (one record each), and text
with --lines (one line each). Each document gets its own `source`: the --id-field
value, else `file:line`. A record that cannot be read is one BadRecord; the rest go on.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from newsan.reading.article import Article, BadRecord, ReadError, ReadOptions, with_title
from newsan.reading.opening import GZIP_ERRORS, open_binary
from newsan.reading.sources import Source

Item = Source | Article | BadRecord  # what a batch analyses: each gives one record
CSV_FIELD_LIMIT = 2**31 - 1  # articles are longer than the csv module's 128 KiB default


def documents(sources: Iterable[Source]) -> Iterator[Item]:
    """Sources of one document as they are (a worker reads them), archives record by record."""
    for source in sources:
        if source.is_archive:
            yield from archive_records(source)
        else:
            yield source


def archive_records(source: Source) -> Iterator[Article | BadRecord]:
    try:
        if source.kind == "jsonl":
            yield from jsonl_records(source)
        elif source.kind == "lines":
            yield from line_records(source)
        else:
            yield from delimited_records(source, "," if source.kind == "csv" else "\t")
    except ReadError as error:
        yield BadRecord(source.name, str(error))
    except GZIP_ERRORS as error:  # the records before it are analysed
        yield BadRecord(source.name, f"corrupt gzip data: {error}")
    except OSError as error:
        yield BadRecord(source.name, error.strerror or str(error))


def jsonl_records(source: Source) -> Iterator[Article | BadRecord]:
    """Streamed line by line, so an archive of any size takes little memory."""
    with open_binary(source.path) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            name = f"{source.name}:{number}"
            try:
                value = json.loads(line.strip())
            except UnicodeDecodeError:
                yield BadRecord(name, "not UTF-8 (JSON Lines are UTF-8)")
            except json.JSONDecodeError as error:
                yield BadRecord(name, f"invalid JSON: {error.msg} (column {error.colno})")
            else:
                yield record_article(name, value, source.options)


def delimited_records(source: Source, delimiter: str) -> Iterator[Article | BadRecord]:
    """A header row, then one record per row; the text is decoded as text files are
    (UTF-8, UTF-16 as spreadsheets export it, Windows-1256)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(source.read_text(), newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    line = reader.line_num + 1
    while True:
        name = f"{source.name}:{line}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield BadRecord(name, f"invalid {source.kind.upper()}: {error}")
            line = reader.line_num + 1
            continue
        if len(row) != len(header) and any(row):
            yield BadRecord(name, f"{len(row)} columns where the header has {len(header)}")
        elif any(row):
            yield record_article(name, dict(zip(header, row)), source.options)
        line = reader.line_num + 1


def line_records(source: Source) -> Iterator[Article]:
    for number, line in enumerate(source.read_text().split("\n"), 1):
        if line.strip():
            yield Article(f"{source.name}:{number}", line.rstrip("\r"), fields=source.options.empty_fields())


def record_article(name: str, record, options: ReadOptions) -> Article | BadRecord:
    """The document of one JSON object or CSV row."""
    if not isinstance(record, dict):
        return BadRecord(name, "not a JSON object")
    if options.text_field not in record:
        fields = ", ".join(record) or "none"
        return BadRecord(name, f"no {options.text_field!r} field (it has: {fields}); see --text-field")
    text = record[options.text_field]
    if not isinstance(text, str):
        return BadRecord(name, f"field {options.text_field!r} is not text")
    identifier = record.get(options.id_field) if options.id_field else None
    source = name if identifier in (None, "") else str(identifier)
    fields = {key: record.get(key) for key in options.keep_fields} if options.keep_fields else None
    if options.title_field is None:
        return Article(source, text, fields=fields)
    title = record.get(options.title_field)
    title = "" if title is None else str(title)
    analysed = with_title(title, text)
    return Article(source, analysed, title, fields, show_text=analysed != text)
