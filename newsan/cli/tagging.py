"""`newsan tag`: the evaluation interface over pre-tokenised (CoNLL-style) text."""

from __future__ import annotations

import os
import sys
from typing import IO, Iterator

import click

from newsan.pipeline import Pipeline, Settings
from newsan.reading import DecodeError, decode
from newsan.stages.ner import consistent_tags, without_non_names


def read_conll(text: str) -> Iterator[list[str]]:
    """Sentences of tokens: first column of each line, blank lines between sentences."""
    sentence: list[str] = []
    for line in text.splitlines():
        token = line.split("\t")[0].strip() if line.strip() else ""
        if token:
            sentence.append(token)
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def read_input(path: str) -> str | None:
    """The decoded text of `path` (- for stdin), or None after a one-line error."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        return decode(data)
    except (OSError, DecodeError) as error:
        click.echo(f"newsan: {path}: {getattr(error, 'strerror', None) or error}", err=True)
        return None


def write_columns(path: str, label, out: IO[str] | None) -> int:
    """token<TAB>label(s) for each token of the CoNLL input, sentences kept.
    `label` maps all the sentences to one string per token."""
    text = read_input(path)
    if text is None:
        return 2 if path != "-" and not os.path.exists(path) else 1
    out = out or sys.stdout
    sentences = list(read_conll(text))
    for tokens, labels in zip(sentences, label(sentences)):
        out.write("".join(f"{token}\t{value}\n" for token, value in zip(tokens, labels)) + "\n")
    return 0


def tag_conll(path: str, settings: Settings, out: IO[str] | None = None) -> int:
    """The input is one document: its tags are made consistent across it, as
    `newsan entities` does for each document."""
    pipeline = Pipeline(settings)

    def label(sentences):
        tags = consistent_tags(sentences, pipeline.ner.tag(sentences), pipeline.common_words)
        return without_non_names(sentences, tags)

    return write_columns(path, label, out)


def lemmatize_conll(path: str, settings: Settings, out: IO[str] | None = None) -> int:
    engine = Pipeline(settings).lemmas

    def label(batch):
        return [[f"{lemma}\t{pos}" for lemma, pos in pairs] for pairs in engine.lemmatize(batch)]

    return write_columns(path, label, out)
