"""First stage: tokens with offsets, their normalised forms, sentences and paragraphs."""

from newsan.document import Document, Token
from newsan.text.normalize import normalize
from newsan.text.tokenize import paragraph_spans, sentence_ranges, tokenize


def add_tokens(doc: Document) -> None:
    spans = tokenize(doc.text)
    doc.sentences = sentence_ranges(doc.text, spans)
    doc.tokens = [Token(text, start, end, norm=normalize(text)) for text, start, end in spans]
    for index, (first, last) in enumerate(doc.sentences):
        for token in doc.tokens[first:last]:
            token.sentence = index
    doc.paragraphs = paragraph_spans(doc.text)
    paragraph = 0
    for token in doc.tokens:
        while token.start > doc.paragraphs[paragraph][1]:
            paragraph += 1
        token.paragraph = paragraph
