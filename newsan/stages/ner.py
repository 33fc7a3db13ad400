"""Named-entity stage: BIO tags from the NER engine, then mentions (spans)."""

from __future__ import annotations

from newsan.document import Document, Mention
from newsan.engines.base import NerEngine


def add_mentions(doc: Document, engine: NerEngine) -> None:
    sentences = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
    for (first, _), tags in zip(doc.sentences, engine.tag(sentences)):
        for offset, tag in enumerate(tags):
            doc.tokens[first + offset].ner = tag
    doc.mentions = [
        Mention(first, last, type_, doc.text[doc.tokens[first].start : doc.tokens[last - 1].end],
                doc.tokens[first].start, doc.tokens[last - 1].end)
        for first, last, type_ in bio_spans([t.ner for t in doc.tokens], [t.sentence for t in doc.tokens])
    ]


def bio_spans(tags: list[str], sentence_of: list[int] | None = None) -> list[tuple[int, int, str]]:
    """(first, last, type) of each entity, conlleval style: an I- tag after O,
    after another type, or across a sentence break starts a new entity."""
    spans = []
    first, current = -1, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, type_ = tag.partition("-")
        new_sentence = sentence_of is not None and 0 < i < len(tags) and sentence_of[i] != sentence_of[i - 1]
        continues = prefix == "I" and type_ == current and not new_sentence
        if current is not None and not continues:
            spans.append((first, i, current))
            current = None
        if prefix in ("B", "I") and not continues:
            first, current = i, type_
    return spans
