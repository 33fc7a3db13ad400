"""The CRF's tag probabilities at each token, computed with numpy from crf.model's weights.

python-crfsuite answers one (tag, token) marginal per call after encoding every string
feature of the sentence; here each distinct token's share of the state scores (its own
features, and what it adds to its neighbours' at each window offset) is summed once from
the weights and cached, and forward-backward runs for all the sentences of a call
together. The same weights and the same model, in float64 as crfsuite: the probabilities
agree to about 1e-12 (tests/test_embedded_ner.py checks them against crfsuite's).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .batching import length_batches
from .features import FeatureExtractor
from .resources import TAGS

CACHE_LIMIT = 60_000  # distinct tokens whose scores are kept (5 x 9 float64 each: 21 MB)
FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfWeights:
    attributes: dict[str, int]  # attribute string -> row of `state`
    state: np.ndarray  # (attributes, tags): the weight of each attribute for each tag, TAGS order
    transition: np.ndarray  # (tags, tags): from the row's tag to the column's


def read_weights(path: Path) -> CrfWeights:
    """The weights of a crfsuite CRF1d model file, as its own reader lays it out (crf1dm.c):
    a header of offsets, a feature array (type, source, destination, float64 weight), and the
    label and attribute strings in two CQDB databases, read through their id-ordered index."""
    data = path.read_bytes()
    (magic, _, kind, _, _, n_labels, n_attributes, off_features, off_labels, off_attributes, _, _) = \
        struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a crfsuite CRF1d model")
    chunk, _, n_features = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk where the header says")
    features = np.frombuffer(data, FEATURE, n_features, off_features + 12)
    labels = read_strings(data, off_labels, n_labels)
    if sorted(labels) != sorted(TAGS):
        raise ValueError(f"{path}: labels {labels}, not the tagger's {TAGS}")
    tag_of_label = np.array([TAGS.index(label) for label in labels])
    state = np.zeros((n_attributes, len(TAGS)))
    states = features[features["type"] == STATE]
    state[states["src"], tag_of_label[states["dst"]]] = states["weight"]
    transition = np.zeros((len(TAGS), len(TAGS)))
    moves = features[features["type"] == TRANSITION]
    transition[tag_of_label[moves["src"]], tag_of_label[moves["dst"]]] = moves["weight"]
    attributes = {name: i for i, name in enumerate(read_strings(data, off_attributes, n_attributes))}
    return CrfWeights(attributes, state, transition)


def read_strings(data: bytes, offset: int, count: int) -> list[str]:
    """The keys of a CQDB database by id: its backward array holds, for each id, the offset of
    the record (id, key size, key with its NUL)."""
    chunk, _, _, _, backward_size, backward_offset = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB" or backward_size != count:
        raise ValueError("crf.model: unexpected string database")
    strings = []
    for record in struct.unpack_from("<%dI" % count, data, offset + backward_offset):
        size = struct.unpack_from("<I", data, offset + record + 4)[0]
        start = offset + record + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))
    return strings


class CrfMarginals:
    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor, cache_limit: int = CACHE_LIMIT):
        self.weights = weights
        self.extractor = extractor
        self.window = extractor.window
        self.exp_transition = np.exp(weights.transition)
        self.exp_transition_back = np.ascontiguousarray(self.exp_transition.T)
        self.padding = self.scores([extractor.padding[offset] for offset in self.window])
        # A row per distinct token: its own features' scores, then what it adds at each offset.
        self._scores = np.zeros((cache_limit, 1 + len(self.window), len(TAGS)))
        self._stems: list[str] = []
        self._rows: dict[str, int] = {}

    def scores(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """(groups, tags): the summed weights of each group of features, with one gather and one
        sum for all of them (features the model gives no weight count nothing)."""
        attributes = self.weights.attributes
        rows, starts = [], []
        for features in groups:
            starts.append(len(rows))
            rows += [attributes[f] for f in features if f in attributes]
        # a zero row closes the last group, so that every start indexes a row; a group with no
        # weighted feature (its start equal to the next) scores zero, not reduceat's lone row
        gathered = np.vstack([self.weights.state[rows], np.zeros(len(TAGS))])
        sums = np.add.reduceat(gathered, starts)
        ends = starts[1:] + [len(rows)]
        sums[[start == end for start, end in zip(starts, ends)]] = 0.0
        return sums

    def token_scores(self, token: str) -> tuple[np.ndarray, str]:
        """(1 + window, tags): the token's own features' scores, then what it adds to the token
        at each window offset from it; and its stem, for the bigram features."""
        own, context, stem = self.extractor.compute(token)
        return self.scores([own, *(context[offset] for offset in self.window)]), stem

    def row(self, token: str) -> int:
        row = self._rows.get(token)
        if row is None:
            row = len(self._rows)
            self._scores[row], stem = self.token_scores(token)
            self._stems.append(stem)
            self._rows[token] = row
        return row

    def state_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """(tokens, tags): the sum of the weights of every feature of each token in its sentence."""
        if len(tokens) > len(self._scores):  # longer than the cache: computed apart
            computed = [self.token_scores(token) for token in tokens]
            table = np.array([scores for scores, _ in computed])
            token_stems = [stem for _, stem in computed]
        else:
            if len(self._rows) + len(tokens) > len(self._scores):
                self._rows.clear()  # never in the middle of a sentence
                self._stems.clear()
            rows = [self.row(token) for token in tokens]
            table = self._scores[rows]
            token_stems = [self._stems[r] for r in rows]
        scores = table[:, 0].copy()
        n = len(tokens)
        for k, offset in enumerate(self.window, 1):
            if offset > 0:  # the token `offset` places on adds its features, or the padding does
                scores[: max(n - offset, 0)] += table[offset:, k]
                scores[max(n - offset, 0) :] += self.padding[k - 1]
            else:
                scores[-offset:] += table[: max(n + offset, 0), k]
                scores[: min(-offset, n)] += self.padding[k - 1]
        stems = ["BOS", *token_stems, "EOS"]
        attributes, state = self.weights.attributes, self.weights.state
        for i in range(n):
            for bigram in ("bg-=" + stems[i] + "|" + stems[i + 1], "bg+=" + stems[i + 1] + "|" + stems[i + 2]):
                index = attributes.get(bigram)
                if index is not None:
                    scores[i] += state[index]
        return scores

    def marginals(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each sentence's (tokens, tags) probabilities, by forward-backward over all the
        sentences at once: the forward pass with the sentences aligned on their first token, the
        backward pass with them aligned on their last, so that the padding never reaches a real
        token. Each step is rescaled to sum to 1, which the probabilities do not depend on.
        The products are taken row by row (a stack of 1-row products), as one product of all
        the rows would be rounded differently with their number: a sentence's probabilities
        are the same bits whatever sentences share its batch.
        Sentences go in batches of similar lengths (batching.py)."""
        lengths = [len(tokens) for tokens in sentences]
        out = [np.zeros((0, len(TAGS))) for _ in sentences]
        for batch in length_batches(lengths):
            for i, marginals in zip(batch, self.batch_marginals([sentences[i] for i in batch])):
                out[i] = marginals
        return out

    def batch_marginals(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        lengths = [len(tokens) for tokens in sentences]
        steps = max(lengths)
        first_aligned = np.ones((len(sentences), steps, len(TAGS)))
        last_aligned = np.ones((len(sentences), steps, len(TAGS)))
        for k, tokens in enumerate(sentences):
            exp_state = np.exp(self.state_scores(tokens))
            first_aligned[k, : lengths[k]] = exp_state
            last_aligned[k, steps - lengths[k] :] = exp_state
        forward = np.empty_like(first_aligned)
        forward[:, 0] = first_aligned[:, 0] / first_aligned[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, steps):
            step = (forward[:, t - 1, None] @ self.exp_transition)[:, 0] * first_aligned[:, t]
            forward[:, t] = step / step.sum(axis=1, keepdims=True)
        backward = np.empty_like(last_aligned)
        backward[:, steps - 1] = 1.0
        for t in range(steps - 2, -1, -1):
            step = ((last_aligned[:, t + 1] * backward[:, t + 1])[:, None] @ self.exp_transition_back)[:, 0]
            backward[:, t] = step / step.sum(axis=1, keepdims=True)
        out = []
        for k, n in enumerate(lengths):
            joint = forward[k, :n] * backward[k, steps - n :]
            out.append(joint / joint.sum(axis=1, keepdims=True))
        return out
