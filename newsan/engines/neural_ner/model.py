"""The tagger's forward pass and Viterbi decoding in numpy: no torch at run time.

Network (mirrored by `train.TorchTagger`, which the weights come from):

    token vector = [word embedding; stem embedding; sum of hashed feature embeddings]
    h = relu(token vector @ W_in + b_in)
    for each dilation d:  h = h + relu(conv1d(h, kernel 3, dilation d))   (pads are zeroed)
    emissions = h @ W_out + b_out
    tags = Viterbi(emissions, CRF transitions, start and end scores)

Everything that depends on one token only (embeddings and the first layer) is
computed once per distinct token of a call; the rest runs on whole batches of
sentences padded to the same length.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from .features import MAX_FEATURES, TokenEncoder

WEIGHTS_FILE = "weights.npz"
BATCH_TOKENS = 1024


class NumpyTagger:
    def __init__(self, weights: dict[str, np.ndarray], gazetteer):
        self.tags = [str(t) for t in weights["tags"]]
        self.dilations = [int(d) for d in weights["dilations"]]
        self.word_emb = weights["word_emb"].astype(np.float32)
        self.bag_emb = weights["bag_emb"].astype(np.float32)
        self.w = {k: v.astype(np.float32) for k, v in weights.items() if k.startswith(("in_", "conv", "out_", "crf_"))}
        vocab = [str(w) for w in weights["vocab"]]
        self.encoder = TokenEncoder(vocab, gazetteer, buckets=len(self.bag_emb))

    @classmethod
    def load(cls, model_dir: Path) -> "NumpyTagger":
        from newsan.engines.embedded_ner.resources import load_gazetteer

        with np.load(Path(model_dir) / WEIGHTS_FILE) as archive:
            weights = {key: archive[key] for key in archive.files}
        return cls(weights, load_gazetteer(Path(model_dir)))

    def token_vectors(self, tokens: Sequence[str]) -> np.ndarray:
        """First-layer activations of each (distinct) token: (len(tokens), hidden)."""
        codes = [self.encoder.encode(token) for token in tokens]
        words = np.array([c[0] for c in codes], dtype=np.int64)
        stems = np.array([c[1] for c in codes], dtype=np.int64)
        bag = np.zeros((len(codes), MAX_FEATURES), dtype=np.int64)
        for i, (_, _, feats) in enumerate(codes):
            bag[i, : len(feats)] = feats
        x = np.concatenate([self.word_emb[words], self.word_emb[stems], self.bag_emb[bag].sum(axis=1)], axis=1)
        return np.maximum(x @ self.w["in_w"] + self.w["in_b"], 0.0)

    def emissions(self, h: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, length, hidden) first-layer activations → (batch, length, tags) scores."""
        h = h * mask[:, :, None]
        length, hidden = h.shape[1], h.shape[2]
        for layer, d in enumerate(self.dilations):
            # kernel taps t-d, t, t+d as three products (no padded copy of h)
            w = self.w[f"conv{layer}_w"].reshape(3, hidden, hidden)
            y = h @ w[1] + self.w[f"conv{layer}_b"]
            if d < length:
                y[:, d:] += h[:, :-d] @ w[0]
                y[:, :-d] += h[:, d:] @ w[2]
            h = (h + np.maximum(y, 0.0)) * mask[:, :, None]
        return h @ self.w["out_w"] + self.w["out_b"]

    def viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best tag sequence of each sentence of a batch under the CRF."""
        batch, length, _ = emissions.shape
        trans = self.w["crf_trans"]
        score = self.w["crf_start"] + emissions[:, 0]
        backpointers = np.zeros((batch, length, len(self.tags)), dtype=np.int64)
        for t in range(1, length):
            candidates = score[:, :, None] + trans[None]
            backpointers[:, t] = candidates.argmax(axis=1)
            best = candidates.max(axis=1) + emissions[:, t]
            score = np.where((t < lengths)[:, None], best, score)
        last = (score + self.w["crf_end"]).argmax(axis=1)
        paths = []
        for b in range(batch):
            path = [int(last[b])]
            for t in range(int(lengths[b]) - 1, 0, -1):
                path.append(int(backpointers[b, t, path[-1]]))
            paths.append(path[::-1])
        return paths

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        distinct = sorted({token for tokens in sentences for token in tokens})
        row = {token: i for i, token in enumerate(distinct)}
        vectors = self.token_vectors(distinct) if distinct else None
        results: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i in range(len(sentences)) if sentences[i]), key=lambda i: len(sentences[i]))
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and len(sentences[order[end]]) * (end + 1 - start) <= BATCH_TOKENS:
                end += 1
            batch = order[start:end]
            lengths = np.array([len(sentences[i]) for i in batch])
            length = int(lengths.max())
            ids = np.zeros((len(batch), length), dtype=np.int64)
            for b, i in enumerate(batch):
                ids[b, : lengths[b]] = [row[token] for token in sentences[i]]
            mask = (np.arange(length)[None, :] < lengths[:, None]).astype(np.float32)
            paths = self.viterbi(self.emissions(vectors[ids], mask), lengths)
            for i, path in zip(batch, paths):
                results[i] = [self.tags[k] for k in path]
            start = end
        return results
