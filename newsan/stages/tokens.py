"""First stage: tokens with offsets, their normalised forms, and sentences."""

from newsan.document import Document, Token
from newsan.text.normalize import normalize
from newsan.text.tokenize import sentence_ranges, tokenize


def add_tokens(doc: Document) -> None:
    spans = tokenize(doc.text)
    doc.sentences = sentence_ranges(doc.text, spans)
    doc.tokens = [Token(text, start, end, norm=normalize(text)) for text, start, end in spans]
    for index, (first, last) in enumerate(doc.sentences):
        for token in doc.tokens[first:last]:
            token.sentence = index
