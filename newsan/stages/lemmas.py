"""Lemma stage: one lemma and part of speech per token, from the lemma engine."""

from newsan.document import Document
from newsan.engines.base import LemmaEngine


def add_lemmas(doc: Document, engine: LemmaEngine) -> None:
    sentences = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
    for (first, _), pairs in zip(doc.sentences, engine.lemmatize(sentences)):
        for offset, (lemma, pos) in enumerate(pairs):
            token = doc.tokens[first + offset]
            token.lemma, token.pos = lemma, pos
