"""What the neural tagger sees of one token, as integer ids.

Every token becomes three things, all depending on the token alone (so they are
computed once per distinct token and cached):

- a word id: its normalised form in the embedding vocabulary (0 = unknown);
- a stem id: its most stripped clitic reading that is in the vocabulary
  (للافروف → لافروف, والعراق → عراق), 0 if none;
- a bag of hashed sparse features: prefixes and suffixes of the word and of its
  stem, character trigrams, shape, clitics, frequency band and gazetteer hits.
  Their embeddings are summed, like a CRF's feature weights.

Plain Python, no numpy or torch: training and inference share it.
"""

from __future__ import annotations

import zlib
from typing import Sequence

from newsan.text.normalize import clitic_readings, normalize

GAZETTEER_TYPES = ("LOC", "ORG", "PERS")
MAX_FEATURES = 48  # hashed features per token, the rest are dropped (never reached in practice)
CACHE_LIMIT = 300_000


def word_key(token: str) -> str:
    """The form looked up in the vocabulary: normalised, Latin lower-cased, digits as 0."""
    word = normalize(token).lower()
    return "".join("0" if c.isdigit() else c for c in word)


def shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if any("a" <= c.lower() <= "z" for c in token):
        return "latin"
    if not any(c.isalpha() for c in token):
        return "punct"
    return "word"


def feature_bucket(feature: str, buckets: int) -> int:
    """A stable hash (Python's own is salted per process) into 1..buckets-1; 0 is padding."""
    return zlib.crc32(feature.encode("utf-8")) % (buckets - 1) + 1


class TokenEncoder:
    def __init__(self, vocab: Sequence[str], gazetteer, buckets: int):
        """vocab[0] is the unknown word; the rest in descending corpus frequency."""
        self.index = {word: i for i, word in enumerate(vocab)}
        self.gazetteer = gazetteer
        self.buckets = buckets
        self._cache: dict[str, tuple[int, int, tuple[int, ...]]] = {}

    def encode(self, token: str) -> tuple[int, int, tuple[int, ...]]:
        """(word id, stem id, hashed feature ids) of one token."""
        code = self._cache.get(token)
        if code is None:
            code = self._compute(token)
            if len(self._cache) < CACHE_LIMIT:
                self._cache[token] = code
        return code

    def features(self, token: str, word: str, readings: tuple[str, ...]) -> list[str]:
        """The sparse features of a token, its word key and that key's clitic readings."""
        stem = readings[-1]
        known_stem = next((r for r in reversed(readings) if r in self.index), None)
        feats = ["sh=" + shape(token), "cl=" + word[: len(word) - len(stem)]]
        feats += ["p%d=%s" % (n, word[:n]) for n in (1, 2, 3)]
        feats += ["x%d=%s" % (n, word[-n:]) for n in (1, 2, 3)]
        feats += ["sp%d=%s" % (n, stem[:n]) for n in (1, 2, 3)]
        feats += ["sx%d=%s" % (n, stem[-n:]) for n in (1, 2, 3, 4)]
        feats += ["len=%d" % min(len(stem), 10), "fq=" + self._frequency_band(known_stem)]
        feats += ["r=" + reading for reading in readings[1:]]
        marked = "<" + stem + ">"
        feats += ["t=" + marked[i : i + 3] for i in range(len(marked) - 2)]
        for kind in GAZETTEER_TYPES:
            if any(r in self.gazetteer.whole[kind] for r in readings):
                feats.append("g=" + kind)
            elif any(r in self.gazetteer.part[kind] for r in readings):
                feats.append("gp=" + kind)
        return feats[:MAX_FEATURES]

    def _compute(self, token: str) -> tuple[int, int, tuple[int, ...]]:
        word = word_key(token)
        readings = clitic_readings(word)
        stem_id = next((self.index[r] for r in reversed(readings) if r in self.index), 0)
        feats = tuple(feature_bucket(f, self.buckets) for f in self.features(token, word, readings))
        return self.index.get(word, 0), stem_id, feats

    def _frequency_band(self, word: str | None) -> str:
        """Names are mostly rare words: the order of magnitude of the rank is a cheap prior."""
        return "none" if word is None else str(len(str(self.index[word])))
