"""Running a task from the command line: sources in, records out, exit status."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import IO, Iterable, Iterator

import click

from newsan.batch import DEFAULT_TIMEOUT, run_batch, with_progress
from newsan.cli.target import TargetError, output_stream
from newsan.engines import EngineError
from newsan.pipeline import Pipeline, Settings
from newsan.reading import SourceError, expand_sources
from newsan.render import formats
from newsan.render.merge import merge_records
from newsan.render.translit import with_translit

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Output:
    fmt: str = "table"
    bidi: str = "auto"
    no_color: bool = False
    max_width: int | None = None
    merge: bool = False
    translit: str | None = None
    path: str | None = None  # -o FILE; None: stdout
    with_text: bool = False


def batch_task(task: str, fmt: str) -> str:
    """The task the batch runs: an HTML page of quotes or speakers also marks the
    speakers' names, which are entities, so it runs the whole analysis."""
    return "analyze" if fmt == "html" and task in ("quotes", "speakers") else task


def run_task(task: str, paths, glob: str, workers: int, settings: Settings, output: Output,
             timeout: float = DEFAULT_TIMEOUT) -> int:
    try:
        sources = expand_sources(paths, glob)
    except SourceError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    if output.fmt in ("csv", "tsv") and task == "analyze" and not output.merge:
        click.echo("newsan: analyze writes table, json, jsonl or html; use quotes/entities/speakers for CSV", err=True)
        return EXIT_USAGE
    if not sources:
        click.echo(f"newsan: no files matching {glob} in {', '.join(paths)}", err=True)
    try:
        Pipeline(settings).prepare(task)
    except EngineError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    failures = []
    html = output.fmt == "html"
    try:
        with output_stream(output.path) as out:
            records = run_batch(sources, batch_task(task, output.fmt), settings, workers, timeout,
                                with_text=output.with_text or html)
            records = report_errors(records, failures)
            records = with_progress(records, len(sources), len(sources) > 1 and sys.stderr.isatty())
            if output.merge and not html:  # the page merges for its overview, and keeps every article
                records = iter([merge_records(records, task)])
            records = with_translit(records, output.translit)
            if html:
                as_list = output.merge or len(sources) > 1  # an overview page, then the articles
            else:
                as_list = not output.merge and (len(sources) > 1 or any(os.path.isdir(p) for p in paths))
            write(records, task, output, as_list, out)
    except TargetError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    return EXIT_SOME_FAILED if failures else EXIT_OK


def report_errors(records: Iterable[dict], failures: list) -> Iterator[dict]:
    for record in records:
        if "error" in record:
            failures.append(record)
            click.echo(f"newsan: {record['source']}: {record['error']}", err=True)
        yield record


def write(records: Iterable[dict], task: str, output: Output, as_list: bool, out: IO[str]) -> None:
    """`as_list`: several documents (a JSON array; for HTML, a page with an overview)."""
    if output.fmt == "json":
        formats.write_json(records, out, as_list)
    elif output.fmt == "jsonl":
        formats.write_jsonl(records, out)
    elif output.fmt in ("csv", "tsv"):
        column_task = "entities" if task == "analyze" else task
        formats.write_delimited(records, out, column_task, "," if output.fmt == "csv" else "\t")
    elif output.fmt == "html":
        from newsan.render.html import write_html

        write_html(records, out, task, as_list)
    else:
        print_table(records, task, output, out)


def print_table(records: Iterable[dict], task: str, output: Output, out: IO[str]) -> None:
    from rich.console import Console

    from newsan.render.arabic import resolve_bidi
    from newsan.render.table import TableStyle, print_tables

    # Rich reads NO_COLOR itself; --no-color does the same for one run.
    console = Console(file=out, no_color=output.no_color or None, highlight=False)
    if output.max_width:
        console.width = min(output.max_width, console.width) if console.is_terminal else output.max_width
    bidi = resolve_bidi(output.bidi, console.is_terminal, os.environ)
    print_tables(records, task, console, TableStyle(bidi=bidi, translit=output.translit))
