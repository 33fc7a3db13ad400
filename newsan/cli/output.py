"""Running a task from the command line: sources in, records out, exit status."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

import click

from newsan.batch import DEFAULT_TIMEOUT, run_batch, with_progress
from newsan.engines import EngineError
from newsan.pipeline import Pipeline, Settings
from newsan.reading import SourceError, expand_sources
from newsan.render import formats
from newsan.render.filters import EntityFilter, filter_entities
from newsan.render.merge import merge_records
from newsan.render.translit import TranslitError, check_scheme, with_translit

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Output:
    fmt: str = "table"
    bidi: str = "auto"
    no_color: bool = False
    max_width: int | None = None
    merge: bool = False
    translit: str | None = None  # a scheme of newsan.render.translit
    entities: EntityFilter = field(default_factory=EntityFilter)

    def entity_filter(self) -> EntityFilter:
        """The entities to write: tables also leave out the MISC that are conventions
        rather than names, unless MISC was asked for."""
        wants_misc = self.entities.types is not None and "MISC" in self.entities.types
        return replace(self.entities, hide_conventions=self.fmt == "table" and not wants_misc)


def run_task(task: str, paths, glob: str | tuple[str, ...], workers: int, settings: Settings, output: Output,
             timeout: float = DEFAULT_TIMEOUT) -> int:
    started = time.monotonic()
    try:
        sources = expand_sources(paths, glob)
    except SourceError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    if not sources:
        patterns = ", ".join([glob] if isinstance(glob, str) else glob)
        click.echo(f"newsan: no files matching {patterns} in {', '.join(paths)}", err=True)
    try:
        check_scheme(output.translit)
        Pipeline(settings).prepare(task)
    except (EngineError, TranslitError) as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    failures = []
    records = report_errors(run_batch(sources, task, settings, workers, timeout), failures)
    records = with_progress(records, len(sources), len(sources) > 1 and sys.stderr.isatty())
    if output.merge:
        records = iter([merge_records(records, task)])
    records = filter_entities(records, output.entity_filter())
    records = with_translit(records, output.translit)
    as_list = not output.merge and (len(sources) > 1 or any(os.path.isdir(p) for p in paths))
    write(records, task, output, as_list)
    if len(sources) > 1 and sys.stderr.isatty():
        click.echo(summary_line(len(sources), len(failures), time.monotonic() - started), err=True)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def summary_line(documents: int, failed: int, seconds: float) -> str:
    """The end of a batch on a terminal: newsan: 120 documents, 2 failed, 3.4 s"""
    return f"newsan: {documents:,} documents, {failed:,} failed, {seconds:.1f} s"


def report_errors(records: Iterable[dict], failures: list) -> Iterator[dict]:
    for record in records:
        if "error" in record:
            failures.append(record)
            click.echo(f"newsan: {record['source']}: {record['error']}", err=True)
        yield record


def write(records: Iterable[dict], task: str, output: Output, as_list: bool) -> None:
    out = sys.stdout
    if output.fmt == "json":
        formats.write_json(records, out, as_list)
    elif output.fmt == "jsonl":
        formats.write_jsonl(records, out)
    elif output.fmt in ("csv", "tsv"):
        formats.write_delimited(records, out, task, "," if output.fmt == "csv" else "\t", output.merge)
    else:
        print_table(records, task, output)


def print_table(records: Iterable[dict], task: str, output: Output) -> None:
    from rich.console import Console

    from newsan.render.arabic import resolve_bidi
    from newsan.render.table import TableStyle, print_tables

    # Rich reads NO_COLOR itself; --no-color does the same for one run.
    console = Console(no_color=output.no_color or None, highlight=False)
    if output.max_width:
        console.width = min(output.max_width, console.width) if console.is_terminal else output.max_width
    bidi = resolve_bidi(output.bidi, console.is_terminal, os.environ)
    print_tables(records, task, console, TableStyle(bidi=bidi, translit=output.translit))
