"""Word clusters from unlabelled text (train time only: needs numpy, scipy, sklearn).

Each frequent word gets a vector from the two words either side of it
(positive PMI, reduced by SVD), and k-means at a few sizes gives coarse and fine
cluster ids. Names the labelled data never saw still share a cluster with
names it did, which is what lets the tagger generalise to newer news.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize as l2_normalize
from threadpoolctl import threadpool_limits

from newsan.text.normalize import normalize

from .resources import CLUSTER_SIZES

BOUNDARY = -1
CONTEXT_OFFSETS = (-2, -1, 1, 2)


def read_unlabelled(path: Path) -> Iterable[list[str]]:
    """Normalised tokens of each non-empty line."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield [normalize(token) for token in simple_word_tokenize(line)]


def corpus_ids(lines: list[list[str]], index: dict[str, int], unknown: int) -> np.ndarray:
    """All tokens as ids, a BOUNDARY between lines so contexts never cross them."""
    ids = []
    for tokens in lines:
        ids.extend(index.get(token, unknown) for token in tokens)
        ids.append(BOUNDARY)
    return np.array(ids, dtype=np.int64)


def cooccurrence(ids: np.ndarray, vocab_size: int, context_size: int) -> sparse.csr_matrix:
    """Counts of (word, context word at offset d), one column block per offset."""
    rows, cols = [], []
    for block, offset in enumerate(CONTEXT_OFFSETS):
        distance = abs(offset)
        # both arrays are indexed by the leftmost position of the pair
        words, contexts = (ids[:-distance], ids[distance:]) if offset > 0 else (ids[distance:], ids[:-distance])
        keep = (words >= 0) & (words < vocab_size) & (contexts >= 0) & (contexts < context_size)
        keep &= _no_boundary_between(ids, distance)
        rows.append(words[keep])
        cols.append(contexts[keep] + block * context_size)
    data = np.ones(sum(len(r) for r in rows), dtype=np.float64)
    shape = (vocab_size, context_size * len(CONTEXT_OFFSETS))
    return sparse.coo_matrix((data, (np.concatenate(rows), np.concatenate(cols))), shape=shape).tocsr()


def _no_boundary_between(ids: np.ndarray, distance: int) -> np.ndarray:
    """For each pair (i, i + distance), whether no BOUNDARY lies strictly between."""
    is_boundary = (ids == BOUNDARY).astype(np.int64)
    before = np.concatenate([[0], np.cumsum(is_boundary)])
    # boundaries in positions i+1 .. i+distance-1 for pair (i, i+distance)
    count = before[distance : len(ids)] - before[1 : len(ids) - distance + 1]
    return count == 0


def ppmi(counts: sparse.csr_matrix, smoothing: float = 0.75) -> sparse.csr_matrix:
    counts = counts.tocoo()
    total = counts.sum()
    row_sums = np.asarray(counts.sum(axis=1)).ravel()
    col_sums = np.asarray(counts.sum(axis=0)).ravel() ** smoothing
    col_probs = col_sums / col_sums.sum()
    pmi = np.log(counts.data * 1.0 / total) - np.log(row_sums[counts.row] / total) - np.log(col_probs[counts.col])
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def word_vectors(
    lines: list[list[str]],
    vocab_size: int = 50_000,
    context_size: int = 3_000,
    dimensions: int = 100,
    seed: int = 0,
) -> tuple[list[str], np.ndarray]:
    """The most frequent words, most frequent first, and a unit vector for each.

    One BLAS thread: with more, sums are added in an order that depends on the thread
    count, and the clusters (and the tagger's dev F1, by up to 0.01) with it."""
    frequency = Counter(token for tokens in lines for token in tokens)
    vocab = [word for word, count in frequency.most_common(vocab_size) if count >= 2]
    index = {word: i for i, word in enumerate(vocab)}
    ids = corpus_ids(lines, index, unknown=len(vocab))
    matrix = ppmi(cooccurrence(ids, len(vocab), min(context_size, len(vocab))))
    with threadpool_limits(limits=1):
        vectors = TruncatedSVD(dimensions, random_state=seed).fit_transform(matrix)
    return vocab, l2_normalize(vectors)


def build_clusters(
    lines: list[list[str]],
    sizes: tuple[int, ...] = CLUSTER_SIZES,
    seed: int = 0,
) -> list[tuple[str, tuple[int, ...]]]:
    """(word, cluster id per size) for the most frequent words, most frequent first."""
    vocab, vectors = word_vectors(lines, seed=seed)
    labels = []
    with threadpool_limits(limits=1):
        for size in sizes:
            kmeans = MiniBatchKMeans(size, random_state=seed, batch_size=4096, n_init=3)
            labels.append(kmeans.fit_predict(vectors))
    return [(word, tuple(int(column[i]) for column in labels)) for i, word in enumerate(vocab)]


def write_clusters(clusters: list[tuple[str, tuple[int, ...]]], path: Path) -> None:
    # no file name and mtime=0 keep the gzip bytes identical across runs and folders
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        for word, ids in clusters:
            out.write(("\t".join([word, *map(str, ids)]) + "\n").encode("utf-8"))
