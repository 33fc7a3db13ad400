"""Tokens with character offsets, cut exactly as CAMeL Tools' simple_word_tokenize cuts them."""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize

SENTENCE_END = frozenset(".؟?!")
CLOSERS = frozenset("\"'”’»)]}")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every token of `text`.

    CAMeL's tokenizer returns strings only; each is a substring of the text in
    order, so finding it from the previous end recovers its offsets.
    """
    spans = []
    cursor = 0
    for token in simple_word_tokenize(text):
        start = text.find(token, cursor)
        end = start + len(token)
        spans.append((token, start, end))
        cursor = end
    return spans


def sentence_ranges(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: they end after . ؟ ! (and any closing
    quote or bracket right after it) and at every line break."""
    ranges = []
    first = 0
    for i, (token, start, end) in enumerate(spans):
        is_last = i + 1 == len(spans)
        next_start = len(text) if is_last else spans[i + 1][1]
        ends = "\n" in text[end:next_start]
        if token in SENTENCE_END or (token in CLOSERS and i > first and spans[i - 1][0] in SENTENCE_END):
            ends = ends or is_last or spans[i + 1][0] not in CLOSERS
        if ends or is_last:
            ranges.append((first, i + 1))
            first = i + 1
    return ranges


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the lines of `text`: every line break ends a paragraph."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
