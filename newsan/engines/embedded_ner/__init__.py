"""The embedded named-entity tagger: a CRF over word, clitic, cluster and gazetteer features,
mixed with a small BiLSTM (neural.py) run by onnxruntime.

Needs python-crfsuite, numpy, onnxruntime and the small files under `model/`; no torch,
sklearn or CAMeL models are imported at tag time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from newsan.text.normalize import normalize

from .resources import (
    CLUSTERS_FILE,
    CRF_FILE,
    GAZETTEER_TYPES,
    MODEL_DIR,
    NEURAL_FILE,
    gazetteer_file,
    load_clusters,
    load_names,
    load_resources,
    read_gazetteer_names,
)

KNOWN_WORDS = 50_000
COMMON_WORDS = 500


class EmbeddedNer:
    name = "embedded"

    def __init__(self, model_dir: Path | str = MODEL_DIR):
        self.model_dir = Path(model_dir)
        self._tagger = None
        self._extractor = None
        self._neural = None
        self._marginals = None

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        self.load()
        if self._neural is None:  # a model folder without the network: the CRF alone
            tagged = [self._tagger.tag(self._extractor.sentence(tokens)) for tokens in sentences]
        else:
            from .neural import best_tag_paths, mixed

            crf = self.crf_marginals(sentences, unless_surely_outside=True)
            # a sentence the CRF is sure holds no entity (None) is all O whatever the network says
            uncertain = [i for i, marginals in enumerate(crf) if marginals is not None]
            neural = self._neural.probabilities([sentences[i] for i in uncertain])
            paths = dict(zip(uncertain, best_tag_paths([mixed(crf[i], p) for i, p in zip(uncertain, neural)])))
            tagged = [paths[i] if i in paths else ["O"] * len(tokens) for i, tokens in enumerate(sentences)]
        return [split_at_prepositions(tokens, tags) for tokens, tags in zip(sentences, tagged)]

    def crf_marginals(self, sentences: Sequence[Sequence[str]], unless_surely_outside: bool = False):
        """The CRF's probability of each tag at each token, (tokens, len(TAGS)) float32 per
        sentence; with unless_surely_outside, None for a sentence whose O probabilities alone
        settle the mix (neural.surely_outside)."""
        import numpy as np

        from .neural import surely_outside

        self.load()
        out = []
        for marginals in self._marginals.marginals(sentences):
            marginals = marginals.astype(np.float32)
            out.append(None if unless_surely_outside and surely_outside(marginals[:, 0]) else marginals)
        return out

    def load(self) -> None:
        if self._tagger is not None:
            return
        import pycrfsuite

        from .features import FeatureExtractor

        from .crf_marginals import CrfMarginals, read_weights

        resources = load_resources(self.model_dir)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(self.model_dir / CRF_FILE))
        weights = read_weights(self.model_dir / CRF_FILE)
        # features the model gives no weight are left out: the tagger would look them up for nothing
        self._extractor = FeatureExtractor(resources, weighted=frozenset(weights.attributes))
        self._marginals = CrfMarginals(weights, self._extractor)
        if (self.model_dir / NEURAL_FILE).is_file():
            from .neural import NeuralTagger

            self._neural = NeuralTagger(self.model_dir, resources)
        self._tagger = tagger

    @staticmethod
    def known_names() -> frozenset[str]:
        """Normalised gazetteer names, whole and word by word: a lexicon for clitic stripping."""
        return _known_names(MODEL_DIR)

    @staticmethod
    def common_words() -> frozenset[str]:
        """The few hundred most frequent normalised words: too common to be taken for a
        name wherever they recur."""
        return _common_words(MODEL_DIR)

    @staticmethod
    def given_names() -> frozenset[str]:
        """Normalised single-word given names (Wikidata's, as the tagger's name lists)."""
        return _given_names(MODEL_DIR)

    @staticmethod
    def known_words() -> frozenset[str]:
        """The most frequent normalised words of the unlabelled news corpus."""
        return _known_words(MODEL_DIR)


def split_at_prepositions(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """A person's name never goes on through ل + ال (لل): المالكي للافروف is two people.
    (Organisation names can: الاتحاد الدولي لكرة القدم.)"""
    for i, (token, tag) in enumerate(zip(tokens, tags)):
        if tag == "I-PERS" and normalize(token).lstrip("وف").startswith("لل"):
            tags[i] = "B-PERS"
    return tags


@lru_cache(maxsize=None)
def _known_names(model_dir: Path) -> frozenset[str]:
    names = set()
    for kind in GAZETTEER_TYPES:
        for name in read_gazetteer_names(model_dir / gazetteer_file(kind)):
            names.add(name)
            names.update(token for token in name.split() if len(token) > 1)
    return frozenset(names)


def _given_names(model_dir: Path) -> frozenset[str]:
    return load_names(model_dir)["given"]  # the tagger's own list, read once


@lru_cache(maxsize=None)
def _words_by_frequency(model_dir: Path) -> tuple[str, ...]:
    return tuple(load_clusters(model_dir / CLUSTERS_FILE))


@lru_cache(maxsize=None)
def _common_words(model_dir: Path) -> frozenset[str]:
    return frozenset(_words_by_frequency(model_dir)[:COMMON_WORDS])


@lru_cache(maxsize=None)
def _known_words(model_dir: Path) -> frozenset[str]:
    return frozenset(_words_by_frequency(model_dir)[:KNOWN_WORDS])
