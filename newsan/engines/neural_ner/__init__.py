"""A small neural named-entity tagger whose inference needs only numpy.

Word and stem embeddings (PPMI + SVD on the ANT news corpus) and hashed affix,
shape and gazetteer features feed three residual 1-D convolutions and a CRF;
`model.NumpyTagger` runs the forward pass and Viterbi. Weights come from
`python -m newsan.engines.neural_ner.train` (torch, at training time only).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

MODEL_DIR = Path(__file__).parent / "model"


class NeuralNer:
    name = "embedded"

    def __init__(self, model_dir: Path | str = MODEL_DIR):
        self.model_dir = Path(model_dir)
        self._tagger = None

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        if self._tagger is None:
            from .model import NumpyTagger

            self._tagger = NumpyTagger.load(self.model_dir)
        return [split_at_prepositions(tokens, tags) for tokens, tags in zip(sentences, self._tagger.tag(sentences))]


def split_at_prepositions(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """A person's name never goes on through ل + ال (لل): المالكي للافروف is two people."""
    from newsan.text.normalize import normalize

    for i, (token, tag) in enumerate(zip(tokens, tags)):
        if tag == "I-PERS" and normalize(token).lstrip("وف").startswith("لل"):
            tags[i] = "B-PERS"
    return tags
