"""The neural half of the embedded tagger: a small BiLSTM over each token's word, stem,
characters, clusters and lexicon hits, run with onnxruntime (trained by train_neural.py).

Its tag probabilities are mixed with the CRF's marginals and decoded together
(`mixed_tags`): the two make different mistakes, the CRF from its hand-made features, the
network from what it learnt of word forms and contexts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from newsan.text.normalize import clitic_readings, normalize

from .batching import length_batches
from .features import NAME_LIST_MIN_RANK, shape
from .resources import CLUSTER_SIZES, GAZETTEER_TYPES, NAME_ROLES, NEURAL_FILE, TAGS, Resources

CHARS_FILE = "chars.txt"
MAX_CHARS = 16  # a word's first 16 letters: longer words are clitic chains of known stems
SHAPES = ("word", "digit", "latin", "punct")
# What clitic_readings strips before the stem (و + ال, ب, لل …), as one small vocabulary.
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ول", "وب", "فب", "فل",
            "ولل", "فلل", "وبال", "فبال", "وك", "وكال")
RANK_BANDS = (100, 1_000, 10_000)
FLAGS = 2 * len(GAZETTEER_TYPES) + len(NAME_ROLES) + len(SHAPES) + 1 + len(RANK_BANDS)
ID_COLUMNS = 2 + MAX_CHARS + len(CLUSTER_SIZES) + 1  # word, stem, letters, clusters, prefix
PAD, UNKNOWN = 0, 1  # ids of padding and of a word or letter outside the vocabulary
# The CRF's share of the mixed probabilities, chosen on ANERcorp dev and the modern dev split.
CRF_WEIGHT = 0.6


class NeuralInputs:
    """The network's inputs for a sentence, one row per token; a token's row is computed
    once and cached, like the CRF's features."""

    def __init__(self, resources: Resources, chars: Sequence[str], cache_limit: int = 60_000):
        self.resources = resources
        self.ranks = {word: rank for rank, word in enumerate(resources.clusters)}  # by corpus frequency
        self.word_ids = {word: rank + 2 for word, rank in self.ranks.items()}  # 0, 1: PAD, UNKNOWN
        self.char_ids = {char: i + 2 for i, char in enumerate(chars)}
        # The cache is two preallocated tables, a row per token: thousands of small arrays
        # would fragment the heap, and a long text's memory with it.
        self._ids = np.zeros((cache_limit, ID_COLUMNS), dtype=np.int64)
        self._flags = np.zeros((cache_limit, FLAGS), dtype=np.float32)
        self._rows: dict[str, int] = {}

    def sentence(self, tokens: Sequence[str]) -> dict[str, np.ndarray]:
        if len(tokens) > len(self._ids):  # longer than the cache: computed apart
            computed = [self._compute(token) for token in tokens]
            ids = np.array([row for row, _ in computed], dtype=np.int64)
            flags = np.array([row for _, row in computed], dtype=np.float32)
        else:
            if len(self._rows) + len(tokens) > len(self._ids):
                self._rows.clear()  # full: start over, as the CRF's feature cache does, never mid-sentence
            rows = [self._row(token) for token in tokens]
            ids, flags = self._ids[rows], self._flags[rows]
        chars_end = 2 + MAX_CHARS
        return {
            "words": ids[:, :2],
            "chars": ids[:, 2:chars_end],
            "clusters": ids[:, chars_end : chars_end + len(CLUSTER_SIZES)],
            "prefixes": ids[:, -1],
            "flags": flags,
        }

    def _row(self, token: str) -> int:
        row = self._rows.get(token)
        if row is None:
            row = len(self._rows)
            self._ids[row], self._flags[row] = self._compute(token)
            self._rows[token] = row
        return row

    def _compute(self, token: str) -> tuple[list[int], list[float]]:
        """(ids: word, stem, letters, clusters, prefix; flags)."""
        word = normalize(token)
        readings = clitic_readings(word)
        stem = readings[-1]
        clusters = self.resources.clusters
        letters = [self.char_ids.get(c, UNKNOWN) for c in word[:MAX_CHARS]]
        cluster_ids = clusters.get(word) or next((clusters[r] for r in reversed(readings) if r in clusters), None)
        prefix = word[: len(word) - len(stem)]
        ids = [self.word_ids.get(word, UNKNOWN), self.word_ids.get(stem, UNKNOWN)]
        ids += letters + [PAD] * (MAX_CHARS - len(letters))
        ids += [int(c) + 1 for c in cluster_ids] if cluster_ids else [0] * len(CLUSTER_SIZES)
        ids.append(PREFIXES.index(prefix) + 1 if prefix in PREFIXES else 0)
        return ids, self._lexicon_flags(token, word, readings, stem)

    def _lexicon_flags(self, token: str, word: str, readings: tuple[str, ...], stem: str) -> list[float]:
        gazetteer = self.resources.gazetteer
        flags = []
        for kind in GAZETTEER_TYPES:
            flags.append(float(any(r in gazetteer.whole[kind] for r in readings)))
            flags.append(float(any(r in gazetteer.part[kind] for r in readings)))
        rank = self.ranks.get(stem)
        rare = rank is None or rank >= NAME_LIST_MIN_RANK
        flags += [float(rare and any(r in names for r in readings)) for names in self.resources.names.values()]
        flags += [float(shape(token) == s) for s in SHAPES]
        flags.append(float(word not in self.resources.clusters))
        flags += [float(rank is not None and rank < band) for band in RANK_BANDS]
        return flags


class NeuralTagger:
    def __init__(self, model_dir: Path, resources: Resources):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one document at a time; batches use processes
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # small inputs: the arena only grows each worker's memory
        self.session = onnxruntime.InferenceSession(str(model_dir / NEURAL_FILE), options,
                                                    providers=["CPUExecutionProvider"])
        chars = (model_dir / CHARS_FILE).read_text(encoding="utf-8").split("\n")
        self.inputs = NeuralInputs(resources, [c for c in chars if c])

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Tag probabilities of each token, (tokens, len(TAGS)) per sentence. Sentences of
        the same length run together: no padding, so a sentence's tags never depend on the
        others'."""
        out: list[np.ndarray | None] = [None] * len(sentences)
        by_length: dict[int, list[int]] = {}
        for i, tokens in enumerate(sentences):
            if tokens:
                by_length.setdefault(len(tokens), []).append(i)
            else:
                out[i] = np.zeros((0, len(TAGS)), dtype=np.float32)
        for indices in by_length.values():
            rows = [self.inputs.sentence(sentences[i]) for i in indices]
            feed = {name: np.stack([r[name] for r in rows]) for name in rows[0]}
            (probabilities,) = self.session.run(None, feed)
            for k, i in enumerate(indices):
                out[i] = probabilities[k]
        return out


def allowed_transitions() -> tuple[np.ndarray, np.ndarray]:
    """BIO: I-X only after B-X or I-X, and never first."""
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for i, before in enumerate(TAGS):
                allowed[i, j] = before != "O" and before[2:] == tag[2:]
    first = np.array([not tag.startswith("I-") for tag in TAGS])
    return allowed, first


_ALLOWED, _FIRST = allowed_transitions()


def best_tags(probabilities: np.ndarray) -> list[str]:
    """The BIO-valid tag sequence with the highest product of per-token probabilities."""
    return best_tag_paths([probabilities])[0]


def best_tag_paths(probabilities: Sequence[np.ndarray]) -> list[list[str]]:
    """best_tags of each sentence, with one Viterbi pass over each batch of similar lengths
    (batching.py), padded to the longest: a sentence's path is read back from its own last
    token, so padding after it changes nothing, and each number is computed as for the
    sentence alone."""
    out: list[list[str]] = [[] for _ in probabilities]
    for batch in length_batches([len(p) for p in probabilities]):
        for i, path in zip(batch, batch_paths([probabilities[i] for i in batch])):
            out[i] = path
    return out


def batch_paths(probabilities: Sequence[np.ndarray]) -> list[list[str]]:
    lengths = [len(p) for p in probabilities]
    scores = np.zeros((len(probabilities), max(lengths), len(TAGS)), dtype=np.float32)
    for k, p in enumerate(probabilities):
        scores[k, : lengths[k]] = np.log(p + 1e-9)
    barrier = np.where(_ALLOWED, 0.0, -1e9)
    best = np.where(_FIRST, scores[:, 0], -1e9)
    history, back = [best], []
    for t in range(1, scores.shape[1]):
        candidates = best[:, :, None] + barrier
        back.append(candidates.argmax(axis=1))
        best = candidates.max(axis=1) + scores[:, t]
        history.append(best)
    paths = []
    for k, n in enumerate(lengths):
        path = [int(history[n - 1][k].argmax())]
        for t in range(n - 2, -1, -1):
            path.append(int(back[t][k, path[-1]]))
        paths.append([TAGS[j] for j in reversed(path)])
    return paths


# Above the exact bound, so that float32 rounding can never reverse the comparison.
SURELY_OUTSIDE_MARGIN = 1e-6


def surely_outside(outside: np.ndarray, crf_weight: float = CRF_WEIGHT) -> bool:
    """Whether the mix must tag every token O whatever the network's probabilities (which sum
    to 1: the exported network ends in a softmax), given the CRF's probability of O at each
    token: above 1 / (2 * crf_weight) everywhere, O keeps more than half of the mixed
    probability at each token, so the all-O path, always allowed, is the best one. Such
    sentences skip the network."""
    return bool(len(outside) == 0 or outside.min() > 1 / (2 * crf_weight) + SURELY_OUTSIDE_MARGIN)


def mixed_tags(crf: np.ndarray, neural: np.ndarray, crf_weight: float = CRF_WEIGHT) -> list[str]:
    return best_tags(mixed(crf, neural, crf_weight))


def mixed(crf: np.ndarray, neural: np.ndarray, crf_weight: float = CRF_WEIGHT) -> np.ndarray:
    return crf_weight * crf + (1 - crf_weight) * neural
