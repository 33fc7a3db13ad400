"""Running a task from the command line: sources in, records out, exit status."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field, replace
from typing import IO, Callable, Iterable, Iterator

import click

from newsan.batch import DEFAULT_TIMEOUT, run_batch, with_progress
from newsan.cli.target import TargetError, check_target, output_stream, writes_to_stdout
from newsan.cluster import ClusterError
from newsan.engines import EngineError
from newsan.pipeline import Pipeline, Settings
from newsan.reading import Item, ReadOptions, SourceError, documents, expand_sources
from newsan.reading.sources import DEFAULT_GLOB, is_folder
from newsan.render import formats
from newsan.render.database import StoreError, open_store
from newsan.render.filters import EntityFilter, filter_entities
from newsan.render.translit import TranslitError, check_scheme

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Output:
    fmt: str | None = "table"  # None: the default, table, or nothing on stdout with --db (and no -o)
    bidi: str = "auto"
    no_color: bool = False
    max_width: int | None = None
    merge: bool = False
    translit: str | None = None  # a scheme of newsan.render.translit
    db: str | None = None  # SQLite file to write into
    force: bool = False  # with db: analyse again what it already holds
    path: str | None = None  # -o FILE; None or -: stdout
    with_text: bool = False  # records carry the text (always for html)
    entities: EntityFilter = field(default_factory=EntityFilter)  # --types, --min-count, --top

    def entity_filter(self) -> EntityFilter:
        """The entities to write: tables also leave out the MISC that are conventions
        rather than names, unless MISC was asked for."""
        wants_misc = self.entities.types is not None and "MISC" in self.entities.types
        return replace(self.entities, hide_conventions=self.fmt == "table" and not wants_misc)


def batch_task(task: str, fmt: str | None) -> str:
    """The task the batch runs: an HTML page of quotes or speakers also marks the
    speakers' names, which are entities, so it runs the whole analysis."""
    return "analyze" if fmt == "html" and task in ("quotes", "speakers") else task


def glob_patterns(glob: str | Iterable[str] | None, reading: ReadOptions) -> tuple[str, ...]:
    """--glob as given (repeatable), or the default of --input (sources.DEFAULT_GLOB)."""
    patterns = (glob,) if isinstance(glob, str) else tuple(glob or ())
    return patterns or (DEFAULT_GLOB[reading.input],)


def run_task(task: str, paths, glob: str | Iterable[str] | None, workers: int, settings: Settings, output: Output,
             timeout: float = DEFAULT_TIMEOUT, reading: ReadOptions = ReadOptions(),
             scheduler: str | None = None) -> int:
    started = time.monotonic()
    glob = glob_patterns(glob, reading)
    try:
        sources = expand_sources(paths, glob, reading)
    except SourceError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    output = replace(output, fmt=output.fmt or (None if output.db and output.path is None else "table"))
    if output.fmt in ("csv", "tsv") and task == "analyze":  # the CLI does not offer them (options.TASK_FORMATS)
        click.echo("newsan: analyze writes table, json, jsonl or html; use quotes/entities/speakers for CSV", err=True)
        return EXIT_USAGE
    if not sources:
        click.echo(f"newsan: no files matching {', '.join(glob)} in {', '.join(paths)}", err=True)
    html = output.fmt == "html"
    run = batch_task(task, output.fmt)
    try:
        if output.fmt:
            check_target(output.path)  # before anything loads or runs
        check_scheme(output.translit)
        Pipeline(settings).prepare(run)
        store = open_store(output.db, run, reading.keep_fields) if output.db else None  # what fills the tables
        items = list(documents(sources))
        if store:
            items = store.to_analyse(items, output.force)
        records = analysed(items, run, settings, workers, timeout, scheduler, with_text=output.with_text or html)
    except (TargetError, EngineError, StoreError, ClusterError, TranslitError) as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    failures = []
    records = report_errors(records, failures)
    records = with_progress(records, len(items), len(items) > 1 and sys.stderr.isatty())
    if store:
        records = store.writing(records)
    if output.merge and not html:  # the page merges for its overview, and keeps every article
        from newsan.render.merge import merge_records

        records = iter([merge_records(records, task)])
    # The filters shape what is written (stdout, -o); the database, written above, keeps
    # every entity, so that a document stored once serves any later filter.
    records = filter_entities(records, output.entity_filter())
    if output.translit:
        from newsan.render.translit import with_translit

        records = with_translit(records, output.translit)
    if html:  # an overview page, then the articles
        as_list = output.merge or len(items) > 1
    else:
        as_list = not output.merge and (len(sources) > 1 or any(s.is_archive for s in sources)
                                        or any(p != "-" and is_folder(p) for p in paths))
    try:
        if output.fmt:
            writing(lambda out: write(records, task, output, as_list, out, reading.keep_fields), output.path)
        else:
            for _ in records:
                pass
    except TargetError as error:  # FILE became unwritable since check_target
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    if len(items) > 1 and sys.stderr.isatty():
        click.echo(summary_line(len(items), len(failures), time.monotonic() - started), err=True)
    if store:  # after the batch's line, what the database now holds
        click.echo(f"newsan: {store.summary()}", err=True)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def summary_line(documents: int, failed: int, seconds: float) -> str:
    """The end of a batch on a terminal: newsan: 120 documents, 2 failed, 3.4 s"""
    return f"newsan: {documents:,} documents, {failed:,} failed, {seconds:.1f} s"


def analysed(items: list[Item], task: str, settings: Settings, workers: int, timeout: float,
             scheduler: str | None, with_text: bool = False) -> Iterator[dict]:
    """One record per item, in order: through the process pool, or on a Dask cluster.
    `with_text`: records carry the text (records.build_record)."""
    if scheduler and items:
        from newsan.cluster import run_on_cluster

        return run_on_cluster(items, task, settings, scheduler, workers, timeout, with_text=with_text)
    return run_batch(items, task, settings, workers, timeout, with_text)


class ReaderGone(Exception):
    """The reader of the output went away (`newsan … | head`)."""


class OutputFailed(Exception):
    """The output cannot be written (stdout closed, disk full; for -o FILE as for stdout)."""


def writing(write_all: Callable[[IO[str]], object], path: str | None = None) -> None:
    """Run `write_all(out)` on stdout, or on -o FILE (target.output_stream: FILE appears
    only once complete, and stays as it was when anything fails), and flush; output
    failures become ReaderGone or OutputFailed, which the entry point reports. Click
    never sees the OSError (its handling of EPIPE differs between releases). A FILE that
    cannot be created at all raises TargetError, before `write_all` runs."""
    to_stdout = writes_to_stdout(path)
    if to_stdout and sys.stdout is None:
        raise OutputFailed("standard output is closed")
    try:
        with output_stream(path) as out:
            write_all(out)
            out.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
    except OSError as error:
        where = "the output" if to_stdout else path
        raise OutputFailed(f"cannot write {where}: {error.strerror or error}") from None


def report_errors(records: Iterable[dict], failures: list) -> Iterator[dict]:
    for record in records:
        if "error" in record:
            failures.append(record)
            click.echo(f"newsan: {record['source']}: {record['error']}", err=True)
        elif "warning" in record:
            click.echo(f"newsan: {record['source']}: warning: {record['warning']}", err=True)
        yield record


def write(records: Iterable[dict], task: str, output: Output, as_list: bool, out: IO[str], keep_fields=()) -> None:
    """`as_list`: several documents (a JSON array; for HTML, a page with an overview)."""
    if output.fmt == "json":
        formats.write_json(records, out, as_list)
    elif output.fmt == "jsonl":
        formats.write_jsonl(records, out)
    elif output.fmt in ("csv", "tsv"):
        formats.write_delimited(records, out, task, "," if output.fmt == "csv" else "\t", keep_fields,
                                output.merge)
    elif output.fmt == "html":
        from newsan.render.html import write_html

        write_html(records, out, task, as_list)
    else:
        print_table(records, task, output, out)


def print_table(records: Iterable[dict], task: str, output: Output, out: IO[str]) -> None:
    from rich.console import Console

    from newsan.render.arabic import resolve_bidi
    from newsan.render.table import TableStyle, print_tables

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:  # rich exits with status 1; a closed pipe is 141
            self.quiet = True
            raise ReaderGone()

    # Rich reads NO_COLOR itself; --no-color does the same for one run.
    console = PipedConsole(file=out, no_color=output.no_color or None, highlight=False)
    if output.max_width:
        console.width = min(output.max_width, console.width) if console.is_terminal else output.max_width
    bidi = resolve_bidi(output.bidi, console.is_terminal, os.environ)
    print_tables(records, task, console, TableStyle(bidi=bidi, translit=output.translit))
