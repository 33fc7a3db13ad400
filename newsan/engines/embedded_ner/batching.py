"""Sentences of a document run through the tagger's array code together, padded to the
longest of each batch: batches of similar lengths, so that one very long sentence (a text
without punctuation) never pads hundreds of short ones to its length."""

from __future__ import annotations

from typing import Sequence

BATCH_SLOTS = 32_768  # tokens and padding of one batch: a few MB of float64 scores per tag


def length_batches(lengths: Sequence[int], slots: int = BATCH_SLOTS) -> list[list[int]]:
    """Indices of the non-empty sentences, shortest first, cut into batches whose count times
    longest length stays within `slots` (a longer sentence alone is a batch of its own)."""
    batches: list[list[int]] = []
    for i in sorted((i for i, n in enumerate(lengths) if n), key=lambda i: lengths[i]):
        if batches and (len(batches[-1]) + 1) * lengths[i] <= slots:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches
