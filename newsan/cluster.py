"""Batches on a Dask cluster (--scheduler ADDRESS, or `local` for a LocalCluster).

The batch is cut into coarse tasks, CHUNK documents each, so that the scheduler's cost
per task is small next to the analysis. Each worker process loads the pipeline once and
keeps it. Records come back in input order, chunk by chunk, with a bounded number of
chunks in flight, so an archive of any length streams through. When a worker is lost,
Dask runs its chunks again elsewhere; a chunk is collected once, so nothing is lost or
doubled. Dask is imported only here, and only when --scheduler is given.
"""

from __future__ import annotations

import logging
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from newsan.batch import DEFAULT_TIMEOUT, process_source
from newsan.pipeline import Pipeline, Settings
from newsan.reading import Item
from newsan.render.records import error_record

CHUNK = 50  # documents per task: about a second of work
CHUNKS_PER_THREAD = 3  # in flight, so that no worker waits for the next one
LOCAL = "local"

_worker_pipeline: Pipeline | None = None


class ClusterError(Exception):
    """No cluster to run on: Dask missing, or the scheduler cannot be reached."""


def run_on_cluster(items: Iterable[Item], task: str, settings: Settings, address: str, workers: int = 2,
                   timeout: float = DEFAULT_TIMEOUT, chunk: int = CHUNK, with_text: bool = False) -> Iterator[dict]:
    """Connects now (raising ClusterError), then streams one record per item, in order.
    `with_text`: records carry the text (records.build_record)."""
    client, cluster = connect(address, workers)
    return _records(client, cluster, iter(items), task, settings, timeout, chunk, with_text)


def connect(address: str, workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'newsan[dask]'") from None
    cluster = None
    try:
        if address == LOCAL:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            return Client(cluster), cluster
        return Client(address), None  # waits distributed.comm.timeouts.connect (30 s) for it
    except (OSError, TimeoutError, ValueError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def _records(client, cluster, items: Iterator[Item], task: str, settings: Settings, timeout: float,
             chunk: int, with_text: bool = False) -> Iterator[dict]:
    try:
        threads = sum(client.nthreads().values()) or 1
        pending: deque = deque()
        chunks = iter(lambda: list(islice(items, chunk)), [])
        for documents in chunks:
            pending.append((documents, client.submit(analyse_chunk, documents, task, settings, timeout, with_text,
                                                     pure=False)))
            if len(pending) >= threads * CHUNKS_PER_THREAD:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(documents: list[Item], future) -> list[dict]:
    """The chunk's records; a chunk that failed on every worker it was given to (one that
    kills its worker, say) gives one error record per document, and the batch goes on."""
    try:
        return future.result()
    except Exception as error:  # KilledWorker, a worker's own failure
        return [error_record(d.name, f"lost on the cluster: {type(error).__name__}: {error}") for d in documents]


def analyse_chunk(documents: list[Item], task: str, settings: Settings, timeout: float,
                  with_text: bool = False) -> list[dict]:
    """Runs on a worker: the records of a chunk, with the worker's one pipeline."""
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline.settings != settings:
        _worker_pipeline = Pipeline(settings)
    return [process_source(document, task, _worker_pipeline, timeout, with_text) for document in documents]
