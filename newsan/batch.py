"""Run a task over many sources, in order, through a process pool.

Each source becomes one record: the task's record, or an error record when
the source cannot be read or analysed. Nothing stops the batch but Ctrl-C.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from typing import Iterable, Iterator

from newsan.pipeline import Pipeline, Settings
from newsan.reading import DecodeError, Source
from newsan.render.records import RECORD_BUILDERS, error_record

_worker_pipeline: Pipeline | None = None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_source(source: Source, task: str, pipeline: Pipeline) -> dict:
    try:
        text = source.read_text()
    except DecodeError as error:
        return error_record(source.name, str(error))
    except OSError as error:
        return error_record(source.name, error.strerror or str(error))
    try:
        return RECORD_BUILDERS[task](pipeline.run(text, source.name, task))
    except Exception as error:  # one broken document must not stop the batch
        return error_record(source.name, f"analysis failed: {type(error).__name__}: {error}")


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, quietly
    _worker_pipeline = Pipeline(settings)


def _work(args: tuple[Source, str]) -> dict:
    source, task = args
    return process_source(source, task, _worker_pipeline)


def run_batch(sources: list[Source], task: str, settings: Settings, workers: int) -> Iterator[dict]:
    """Records in the order of `sources`, streamed as they are ready."""
    workers = max(1, min(workers, len(sources)))
    in_process = [s for s in sources if s.path is None]
    if workers == 1 or in_process:
        pipeline = Pipeline(settings)
        yield from (process_source(s, task, pipeline) for s in sources)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunksize = max(1, min(16, len(sources) // (workers * 8)))
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_work, ((s, task) for s in sources), chunksize=chunksize)


def with_progress(records: Iterable[dict], total: int, enabled: bool) -> Iterator[dict]:
    if not enabled:
        yield from records
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("", total=total)
        for record in records:
            yield record
            progress.advance(bar)
