"""Running a task from the command line: sources in, records out, exit status."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

import click

from newsan.batch import DEFAULT_TIMEOUT, run_batch, with_progress
from newsan.cluster import ClusterError
from newsan.engines import EngineError
from newsan.pipeline import Pipeline, Settings
from newsan.reading import Item, ReadOptions, SourceError, documents, expand_sources
from newsan.reading.sources import DEFAULT_GLOB, is_folder
from newsan.render import formats
from newsan.render.database import StoreError, open_store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Output:
    fmt: str | None = "table"  # None: the default, table, or nothing on stdout with --db
    bidi: str = "auto"
    no_color: bool = False
    max_width: int | None = None
    merge: bool = False
    translit: str | None = None
    db: str | None = None  # SQLite file to write into
    force: bool = False  # with db: analyse again what it already holds


def run_task(task: str, paths, glob: str | None, workers: int, settings: Settings, output: Output,
             timeout: float = DEFAULT_TIMEOUT, reading: ReadOptions = ReadOptions(),
             scheduler: str | None = None) -> int:
    glob = glob or DEFAULT_GLOB[reading.input]
    try:
        sources = expand_sources(paths, glob, reading)
    except SourceError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    output = replace(output, fmt=output.fmt or (None if output.db else "table"))
    if output.fmt in ("csv", "tsv") and task == "analyze" and not output.merge:
        click.echo("newsan: analyze writes table, json or jsonl; use quotes/entities/speakers for CSV", err=True)
        return EXIT_USAGE
    if not sources:
        click.echo(f"newsan: no files matching {glob} in {', '.join(paths)}", err=True)
    try:
        Pipeline(settings).prepare(task)
        store = open_store(output.db, task, reading.keep_fields) if output.db else None
        items = list(documents(sources))
        if store:
            items = store.to_analyse(items, output.force)
        records = analysed(items, task, settings, workers, timeout, scheduler)
    except (EngineError, StoreError, ClusterError) as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    failures = []
    records = report_errors(records, failures)
    records = with_progress(records, len(items), len(items) > 1 and sys.stderr.isatty())
    if store:
        records = store.writing(records)
    if output.merge:
        from newsan.render.merge import merge_records

        records = iter([merge_records(records, task)])
    if output.translit:
        from newsan.render.translit import with_translit

        records = with_translit(records, output.translit)
    as_list = not output.merge and (len(sources) > 1 or any(s.is_archive for s in sources)
                                    or any(p != "-" and is_folder(p) for p in paths))
    if output.fmt:
        writing(lambda: write(records, task, output, as_list, reading.keep_fields))
    else:
        for _ in records:
            pass
    if store:
        click.echo(f"newsan: {store.summary()}", err=True)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def analysed(items: list[Item], task: str, settings: Settings, workers: int, timeout: float,
             scheduler: str | None) -> Iterator[dict]:
    """One record per item, in order: through the process pool, or on a Dask cluster."""
    if scheduler and items:
        from newsan.cluster import run_on_cluster

        return run_on_cluster(items, task, settings, scheduler, workers, timeout)
    return run_batch(items, task, settings, workers, timeout)


class ReaderGone(Exception):
    """The reader of the output went away (`newsan … | head`)."""


class OutputFailed(Exception):
    """The output cannot be written (stdout closed, disk full)."""


def writing(write_all) -> None:
    """Run `write_all` and flush, turning output failures into ReaderGone or OutputFailed,
    which the entry point reports; Click never sees the OSError (its handling of EPIPE
    differs between releases)."""
    if sys.stdout is None:
        raise OutputFailed("standard output is closed")
    try:
        write_all()
        sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
    except OSError as error:
        raise OutputFailed(f"cannot write the output: {error.strerror or error}") from None


def report_errors(records: Iterable[dict], failures: list) -> Iterator[dict]:
    for record in records:
        if "error" in record:
            failures.append(record)
            click.echo(f"newsan: {record['source']}: {record['error']}", err=True)
        elif "warning" in record:
            click.echo(f"newsan: {record['source']}: warning: {record['warning']}", err=True)
        yield record


def write(records: Iterable[dict], task: str, output: Output, as_list: bool, keep_fields=()) -> None:
    out = sys.stdout
    if output.fmt == "json":
        formats.write_json(records, out, as_list)
    elif output.fmt == "jsonl":
        formats.write_jsonl(records, out)
    elif output.fmt in ("csv", "tsv"):
        column_task = "entities" if task == "analyze" else task
        formats.write_delimited(records, out, column_task, "," if output.fmt == "csv" else "\t", keep_fields,
                                output.merge)
    else:
        print_table(records, task, output)


def print_table(records: Iterable[dict], task: str, output: Output) -> None:
    from rich.console import Console

    from newsan.render.arabic import resolve_bidi
    from newsan.render.table import TableStyle, print_tables

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:  # rich exits with status 1; a closed pipe is 141
            self.quiet = True
            raise ReaderGone()

    # Rich reads NO_COLOR itself; --no-color does the same for one run.
    console = PipedConsole(no_color=output.no_color or None, highlight=False)
    if output.max_width:
        console.width = min(output.max_width, console.width) if console.is_terminal else output.max_width
    bidi = resolve_bidi(output.bidi, console.is_terminal, os.environ)
    print_tables(records, task, console, TableStyle(bidi=bidi, translit=output.translit))
