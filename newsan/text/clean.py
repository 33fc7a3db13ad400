"""Text the engines can take, of the same length as the input, so offsets stay valid."""

from __future__ import annotations

import re

# Lone surrogates cannot be encoded (crfsuite and every UTF-8 writer fail on them): they
# become U+FFFD, as broken bytes do when a file is read. Control characters other than
# the whitespace ones (tab, line breaks) become a space: they separate, they say nothing.
SURROGATES = re.compile("[\ud800-\udfff]")
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def analysable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD and control characters by spaces,
    one character for one, so every offset means the same in both."""
    text = SURROGATES.sub("\ufffd", text)
    return CONTROLS.sub(" ", text)
