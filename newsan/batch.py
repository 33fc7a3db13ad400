"""Run a task over many sources, in order, through a process pool.

Each source becomes one record: the task's record, or an error record when
the source cannot be read or analysed. Nothing stops the batch but Ctrl-C.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from contextlib import closing, contextmanager
from typing import Iterable, Iterator

from newsan.pipeline import Pipeline, Settings
from newsan.reading import Item, ReadError, Source
from newsan.reading.long import LongText
from newsan.render.records import build_record, error_record, with_article
from newsan.render.windows import WindowJoin

_worker_pipeline: Pipeline | None = None
DEFAULT_TIMEOUT = 60.0  # seconds per document of up to TIMEOUT_CHARS characters
TIMEOUT_CHARS = 100_000  # a longer document gets proportionally more


class DocumentTimeout(BaseException):
    """Raised by the alarm; a BaseException, so that no `except Exception` on the analysis
    path can swallow it. `seconds`: the time that was allowed."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


MAX_TIMER_SECONDS = 10_000_000.0  # beyond this (or inf), no limit: setitimer overflows


def time_allowed(timeout: float, chars: int) -> float:
    """Seconds a document of `chars` characters may take (0: no limit)."""
    allowed = timeout * max(1.0, chars / TIMEOUT_CHARS) if timeout > 0 else 0.0
    return allowed if allowed < MAX_TIMER_SECONDS else 0.0


@contextmanager
def time_limit(seconds: float):
    """Raise DocumentTimeout in this (main) thread after `seconds`; no limit where the
    platform has no interval timer or the caller is not the main thread."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if usable:
        try:
            previous = signal.signal(signal.SIGALRM, lambda signum, frame: _stop(seconds))
        except ValueError:  # not the main thread
            usable = False
    try:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        if usable:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                signal.signal(signal.SIGALRM, previous)


def _stop(seconds: float):
    raise DocumentTimeout(seconds)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_source(source: Item, task: str, pipeline: Pipeline, timeout: float = DEFAULT_TIMEOUT,
                   with_text: bool = False) -> dict:
    try:
        article = source.read()
    except ReadError as error:
        return error_record(source.name, str(error))
    except OSError as error:
        return error_record(source.name, error.strerror or str(error))
    try:
        pipeline.prepare(task)  # loading the engines is not the document's time
        if isinstance(article, LongText):
            record = windowed_record(article, task, pipeline, timeout, with_text)
        else:
            with time_limit(time_allowed(timeout, len(article.text))):
                record = build_record(task, pipeline.run(article.text, article.name, task), with_text)
        return with_article(record, article)
    except DocumentTimeout as stopped:
        return error_record(source.name, f"analysis took longer than {stopped.seconds:.3g} s, stopped (see --timeout)")
    except ReadError as error:  # a long text's stream, found bad as it is read
        return error_record(source.name, str(error))
    except Exception as error:  # one broken document must not stop the batch
        return error_record(source.name, f"analysis failed: {type(error).__name__}: {error}")


def windowed_record(article: LongText, task: str, pipeline: Pipeline, timeout: float, with_text: bool) -> dict:
    """The record of a long text, analysed window by window; each window has the time
    a document of its length has."""
    join = WindowJoin(task)
    with closing(article.windows()) as windows:  # the stream is closed when a window fails, too
        for index, (offset, text) in enumerate(windows):
            with time_limit(time_allowed(timeout, len(text))):
                doc = pipeline.run(text, article.name, task, starts_text=index == 0)
            join.add(build_record("lemmas" if task == "lemmas" else "analyze", doc, with_text), offset)
            del doc
    return join.record(article.name)


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, quietly
    if _worker_pipeline is None or _worker_pipeline.settings != settings:
        _worker_pipeline = Pipeline(settings)  # spawned: nothing inherited


def _work(args: tuple[Item, str, float, bool]) -> dict:
    source, task, timeout, with_text = args
    return process_source(source, task, _worker_pipeline, timeout, with_text)


def run_batch(sources: list[Item], task: str, settings: Settings, workers: int,
              timeout: float = DEFAULT_TIMEOUT, with_text: bool = False) -> Iterator[dict]:
    """Records in the order of `sources`, streamed as they are ready. A document that takes
    longer than its time_allowed gives an error record, and the batch goes on.
    `with_text`: records carry the text (records.build_record)."""
    global _worker_pipeline
    workers = max(1, min(workers, len(sources)))
    in_process = [s for s in sources if isinstance(s, Source) and s.path is None]
    pipeline = Pipeline(settings)
    pipeline.prepare(task)  # before forking, so that workers share the loaded engines
    if workers == 1 or in_process:
        yield from (process_source(s, task, pipeline, timeout, with_text) for s in sources)
        return
    _worker_pipeline = pipeline
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunksize = max(1, min(16, len(sources) // (workers * 8)))
    with workers_ignoring_ctrl_c():
        pool = context.Pool(workers, initializer=_init_worker, initargs=(settings,))
    with pool:
        yield from pool.imap(_work, ((s, task, timeout, with_text) for s in sources), chunksize=chunksize)


@contextmanager
def workers_ignoring_ctrl_c():
    """Fork the workers with SIGINT ignored from their first instruction (Ctrl-C is the
    parent's to handle; a worker interrupted while starting printed a traceback)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
