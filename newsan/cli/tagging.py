"""`newsan tag`: the evaluation interface over pre-tokenised (CoNLL-style) text."""

from __future__ import annotations

import sys
from typing import IO, Iterator

import click

from newsan.pipeline import Pipeline, Settings
from newsan.reading import DecodeError, decode

BATCH_SENTENCES = 512


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


def tag_conll(path: str, settings: Settings, out: IO[str] | None = None) -> int:
    out = out or sys.stdout
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        text = decode(data)
    except (OSError, DecodeError) as error:
        click.echo(f"newsan: {path}: {getattr(error, 'strerror', None) or error}", err=True)
        return 2 if isinstance(error, FileNotFoundError) else 1
    engine = Pipeline(settings).ner
    sentences = list(read_conll(text))
    for start in range(0, len(sentences), BATCH_SENTENCES):
        batch = sentences[start : start + BATCH_SENTENCES]
        for tokens, tags in zip(batch, engine.tag(batch)):
            out.write("".join(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags)) + "\n")
    return 0
