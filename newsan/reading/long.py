"""Texts too long to analyse whole (a 100 MB dump of articles): read as a stream and
handed on in windows cut at paragraph boundaries, so that memory stays bounded
whatever the size. Offsets stay offsets into the whole text (render/windows.py)."""

from __future__ import annotations

import codecs
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from typing import BinaryIO, Iterable, Iterator

from newsan.reading.decode import DecodeError, encoding_of
from newsan.reading.opening import read_stream

LONG_TEXT_BYTES = 2_000_000  # a longer text input is analysed in windows
WINDOW_CHARS = 250_000  # about 0.5 MB of Arabic in UTF-8: some 50 MB while it is analysed
READ_BYTES = 1 << 20
# Where a window may end, best first: after a blank line (between articles of a dump),
# after a line (a paragraph of the document model), after a word.
WINDOW_ENDS = ("\n\n", "\n\r\n", "\n", " ")


@dataclass
class LongText:
    """One document too long to hold: its windows, read once from the open stream."""

    name: str
    head: bytes  # what was read to tell it is long
    rest: BinaryIO  # the stream after `head`
    closing: ExitStack  # closes the stream
    fields: dict | None = field(default=None)
    title = None
    show_text = False

    @cached_property
    def text(self) -> str:
        """The beginning of the text (what the language check reads)."""
        encoding, _ = self.encoding
        return self.head[:WINDOW_CHARS].decode(encoding, "replace")

    @cached_property
    def encoding(self) -> tuple[str, str]:
        return encoding_of(whole_units(self.head))

    def windows(self) -> Iterator[tuple[int, str]]:
        """(offset of the window in the whole text, the window's text), in order. Raises
        ReadError where the stream turns out not to be text of the head's encoding."""
        with self.closing:
            encoding, errors = self.encoding
            if encoding.startswith("utf-8"):  # a few broken characters later on read as in a short text
                errors = "replace"
            yield from cut_windows(decoded(self.head, self.rest, encoding, errors), WINDOW_CHARS)


def whole_units(head: bytes) -> bytes:
    """`head` without what may be part of a character at its end: cut after its last line
    break, and for UTF-16 (NUL bytes) to an even length."""
    if b"\x00" in head:
        return head[: len(head) // 2 * 2]
    end = head.rfind(b"\n")
    return head[: end + 1] if end >= 0 else head


def decoded(head: bytes, rest: BinaryIO, encoding: str, errors: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    chunk = head
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as error:
            raise DecodeError(f"invalid {encoding.removesuffix('-sig').upper()}: {error.reason}") from None
        if text:
            yield text
        if final:
            return
        chunk = read_stream(rest, READ_BYTES)


def cut_windows(pieces: Iterable[str], size: int) -> Iterator[tuple[int, str]]:
    pending, offset = "", 0
    for piece in pieces:
        pending += piece
        while len(pending) >= size:
            cut = window_end(pending, size)
            yield offset, pending[:cut]
            offset += cut
            pending = pending[cut:]
    if pending:
        yield offset, pending


def window_end(text: str, size: int) -> int:
    """Where a window of about `size` characters of `text` ends: after the last of the
    best WINDOW_ENDS in its second half, else at `size`."""
    for end in WINDOW_ENDS:
        at = text.rfind(end, size // 2, size)
        if at >= 0:
            return at + len(end)
    return size
