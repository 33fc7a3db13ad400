"""The bytes of an input: a local file, stdin or an fsspec URL (s3://, gcs://, file://),
gzip-compressed or not (by content: the gzip magic bytes)."""

from __future__ import annotations

import gzip
import re
import sys
import zlib
from contextlib import contextmanager
from typing import BinaryIO, Iterator

from newsan.reading.article import ReadError

GZIP_MAGIC = b"\x1f\x8b"
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)  # a cut or damaged stream, found as it is read
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    return bool(URL.match(path))


def fsspec():
    try:
        import fsspec
    except ImportError:
        raise ReadError("reading URLs needs fsspec: pip install 'newsan[dask]'") from None
    return fsspec


@contextmanager
def open_binary(path: str | None) -> Iterator[BinaryIO]:
    """A binary stream of the input's content, decompressed if it is gzip.
    `path` None is stdin. Raises OSError or ReadError."""
    if path is None:
        yield _gunzipped(sys.stdin.buffer)
    elif is_url(path):
        with fsspec().open(path, "rb") as raw:
            yield _gunzipped(raw)
    else:
        with open(path, "rb") as raw:
            yield _gunzipped(raw)


def read_bytes(path: str | None) -> bytes:
    with open_binary(path) as stream:
        return read_stream(stream)


def read_stream(stream: BinaryIO, size: int = -1) -> bytes:
    """Up to `size` bytes (all: -1); raises ReadError for damaged gzip data."""
    try:
        return stream.read(size)
    except GZIP_ERRORS as error:
        raise ReadError(f"corrupt gzip data: {error}") from None


def _gunzipped(stream: BinaryIO) -> BinaryIO:
    if _head(stream, 2) == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")
    return stream


def _head(stream: BinaryIO, size: int) -> bytes:
    """The first bytes, left in the stream."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    head = stream.read(size)
    stream.seek(0)
    return head
