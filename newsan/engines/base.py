"""The one small interface every engine implements.

An engine sees sentences as lists of token strings and answers one value per
token, so an embedded model and a CAMeL model are interchangeable behind it.
"""

from __future__ import annotations

from typing import Protocol, Sequence

Sentences = Sequence[Sequence[str]]


class NerEngine(Protocol):
    name: str

    def load(self) -> None:
        """Read the model now (before forking workers, so that they share it)."""

    def tag(self, sentences: Sentences) -> list[list[str]]:
        """One BIO tag (B-PERS, I-LOC, O, ...) per token of each sentence."""


class LemmaEngine(Protocol):
    name: str

    def lemmatize(self, sentences: Sentences) -> list[list[tuple[str, str]]]:
        """One (lemma, pos) pair per token of each sentence."""
