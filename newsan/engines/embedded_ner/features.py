"""CRF features of a token in its sentence.

Everything that depends on the token alone is computed once per distinct token
and cached; a sentence then only stitches cached tuples together, which keeps
pure-Python extraction fast.
"""

from __future__ import annotations

from typing import Sequence

from newsan.text.normalize import clitic_readings, normalize

from .resources import GAZETTEER_TYPES, Resources

WINDOW = (-2, -1, 1, 2)
# Cached token features (for the CRF alone and for training; the mix with the network keeps
# score rows instead, crf_marginals.py) are dropped once this many are kept, so a long batch's
# memory stays bounded; the frequent words are back in the cache within a few documents.
CACHE_LIMIT = 30_000
# A name that is also an everyday word (أمل، سعيد، جمال) says little: the name lists
# only speak for words outside the most frequent ones (dev F1 best at 1,000-3,000).
NAME_LIST_MIN_RANK = 3_000


def shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if any("a" <= c.lower() <= "z" for c in token):
        return "latin"
    if not any(c.isalpha() for c in token):
        return "punct"
    return "word"


class FeatureExtractor:
    """`weighted`: the attributes the model gives a weight (None: all); the others are left
    out, since the tagger would only look them up to find nothing (a quarter of them)."""

    def __init__(self, resources: Resources, window: Sequence[int] = WINDOW, weighted: frozenset[str] | None = None):
        self.clusters = resources.clusters
        self.gazetteer = resources.gazetteer
        self.names = resources.names
        self.ranks = {word: rank for rank, word in enumerate(self.clusters)}
        self.window = tuple(window)
        self.padding = {offset: ("%d%s" % (offset, "BOS" if offset < 0 else "EOS"),) for offset in self.window}
        self._cache: dict[str, tuple] = {}
        self.weighted = weighted

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        infos = [self._token(token) for token in tokens]
        features = []
        last = len(infos) - 1
        for i, (own, context, stem) in enumerate(infos):
            feats = list(own)
            for offset in self.window:
                j = i + offset
                feats.extend(infos[j][1][offset] if 0 <= j <= last else self.padding[offset])
            prev_stem = infos[i - 1][2] if i > 0 else "BOS"
            next_stem = infos[i + 1][2] if i < last else "EOS"
            for bigram in ("bg-=" + prev_stem + "|" + stem, "bg+=" + stem + "|" + next_stem):
                if self.weighted is None or bigram in self.weighted:
                    feats.append(bigram)
            features.append(feats)
        return features

    def _token(self, token: str) -> tuple:
        info = self._cache.get(token)
        if info is None:
            info = self.compute(token)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[token] = info
        return info

    def compute(self, token: str) -> tuple:
        """(own features, {offset: features seen from a neighbour}, stem)."""
        word = normalize(token)
        readings = clitic_readings(word)
        stem = readings[-1]
        word_clusters = self.clusters.get(word)
        stem_clusters = next((self.clusters[r] for r in reversed(readings) if r in self.clusters), None)
        gazetteer = self._gazetteer_hits(readings) + self._name_hits(readings, stem)

        own = ["bias", "w=" + word, "s=" + stem, "sh=" + shape(token), "len=" + str(min(len(stem), 8))]
        own += ["p%d=%s" % (n, word[:n]) for n in (1, 2, 3)]
        own += ["x%d=%s" % (n, word[-n:]) for n in (1, 2, 3)]
        own += ["sp%d=%s" % (n, stem[:n]) for n in (1, 2, 3)]
        own += ["sx4=" + stem[-4:], "fq=" + self._frequency_band(stem)]
        own += ["cl=" + word[: len(word) - len(stem)]]
        own += ["r=" + reading for reading in readings[1:-1]]
        if word_clusters is None:
            own.append("oov")
        else:
            own += ["wc%d=%s" % (k, c) for k, c in enumerate(word_clusters)]
        if stem_clusters is not None:
            own += ["sc%d=%s" % (k, c) for k, c in enumerate(stem_clusters)]
        own += gazetteer

        seen = ["w=" + word, "s=" + stem] + gazetteer
        if stem_clusters is not None:
            seen += ["c%d=%s" % (k, c) for k, c in enumerate(stem_clusters)]
        context = {offset: tuple("%d%s" % (offset, f) for f in seen) for offset in self.window}
        if self.weighted is not None:
            own = [f for f in own if f in self.weighted]
            context = {offset: tuple(f for f in fs if f in self.weighted) for offset, fs in context.items()}
        return tuple(own), context, stem

    def _frequency_band(self, word: str) -> str:
        """Names are mostly rare words: the order of magnitude of the rank is a cheap prior."""
        rank = self.ranks.get(word)
        return "none" if rank is None else str(len(str(rank)))

    def _name_hits(self, readings: tuple[str, ...], stem: str) -> list[str]:
        if self.ranks.get(stem, NAME_LIST_MIN_RANK) < NAME_LIST_MIN_RANK:
            return []
        return ["n=" + role for role, names in self.names.items() if any(r in names for r in readings)]

    def _gazetteer_hits(self, readings: tuple[str, ...]) -> list[str]:
        hits = []
        for kind in GAZETTEER_TYPES:
            if any(r in self.gazetteer.whole[kind] for r in readings):
                hits.append("g=" + kind)
            elif any(r in self.gazetteer.part[kind] for r in readings):
                hits.append("gp=" + kind)
        return hits
