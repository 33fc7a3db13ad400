"""Expand the user's paths into sources: files, folders (recursive), stdin, fsspec URLs.

A source is one input. Text and HTML sources are one document each, read where they
are analysed (a worker); JSON Lines, CSV, TSV and --lines sources are archives of many
documents (reading/archives.py).
"""

from __future__ import annotations

import hashlib
import os
from contextlib import ExitStack
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Iterable

from newsan.reading.article import Article, ReadOptions
from newsan.reading.decode import decode
from newsan.reading.html import html_article, looks_like_html
from newsan.reading.long import LONG_TEXT_BYTES, LongText
from newsan.reading.opening import fsspec, is_url, open_binary, read_bytes, read_stream

STDIN = "-"
ARCHIVE_KINDS = ("jsonl", "csv", "tsv", "lines")
KIND_OF_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
                     ".html": "html", ".htm": "html"}
DEFAULT_GLOB = {"auto": "*.txt", "text": "*.txt", "html": "*.html", "jsonl": "*.jsonl", "csv": "*.csv",
                "tsv": "*.tsv"}


class SourceError(Exception):
    """A path the user named does not exist or cannot be read."""


@dataclass(frozen=True)
class Source:
    name: str  # as shown to the user: the path, or <stdin>
    path: str | None  # None for stdin; a local path or an fsspec URL
    kind: str = "auto"  # auto (HTML by content, else text) | text | html | jsonl | csv | tsv | lines
    options: ReadOptions = ReadOptions()

    def read_bytes(self) -> bytes:
        """The content, decompressed if gzip; raises OSError or ReadError."""
        return read_bytes(self.path)

    def content_hash(self) -> str:
        """SHA-256 of the content (decompressed), read in pieces: a long file is never
        whole in memory. Raises OSError or ReadError."""
        digest = hashlib.sha256()
        with open_binary(self.path) as stream:
            while piece := read_stream(stream, 1 << 20):
                digest.update(piece)
        return digest.hexdigest()

    def read_text(self) -> str:
        """Decoded text; raises DecodeError or OSError for this source only."""
        return decode(self.read_bytes())

    def read(self) -> Article | LongText:
        """The one document of a text or HTML source; a text longer than
        LONG_TEXT_BYTES as a LongText, read window by window as it is analysed."""
        with ExitStack() as closing:
            stream = closing.enter_context(open_binary(self.path))
            head = read_stream(stream, LONG_TEXT_BYTES + 1)
            if len(head) > LONG_TEXT_BYTES and self.kind != "html":
                long = LongText(self.name, head, stream, closing, self.options.empty_fields())
                if self.kind == "text" or not looks_like_html(long.text):
                    long.closing = closing.pop_all()
                    return long
            text = decode(head + read_stream(stream))
        if self.kind == "html" or (self.kind == "auto" and looks_like_html(text)):
            return html_article(self.name, text, self.options.keep_fields)
        return Article(self.name, text, fields=self.options.empty_fields())

    @property
    def is_archive(self) -> bool:
        return self.kind in ARCHIVE_KINDS


def source_kind(path: str | None, options: ReadOptions) -> str:
    kind = options.input
    if kind == "auto" and path is not None:
        name = path[:-3] if path.endswith(".gz") else path
        kind = KIND_OF_EXTENSION.get(PurePosixPath(name).suffix.lower(), "auto")
    if options.lines and kind in ("auto", "text"):
        kind = "lines"
    return kind


def expand_sources(paths: tuple[str, ...] | list[str], glob: str | Iterable[str] | None = None,
                   options: ReadOptions = ReadOptions()) -> list[Source]:
    """Files as given, folders walked recursively for files whose name matches one of
    the `glob` patterns or PATTERN.gz, whatever its case (sorted; by default *.txt, or
    the extension of --input; hidden files and folders inside are skipped), `-` or
    nothing for stdin. Raises SourceError for a path that does not exist."""
    if not paths:
        paths = [STDIN]
    patterns = (glob,) if isinstance(glob, str) else tuple(glob or ())
    patterns = patterns or (DEFAULT_GLOB[options.input],)
    missing = [p for p in paths if p != STDIN and not _exists(p)]
    if missing:
        raise SourceError(f"no such file or directory: {missing[0]}")
    found: list[str | None] = []
    for given in paths:
        if given == STDIN:
            found.append(None)
        elif is_folder(given):
            found.extend(_walk(given, patterns))
        else:
            found.append(given)
    return [Source("<stdin>" if p is None else p, p, source_kind(p, options), options) for p in found]


def name_matches(name: str, patterns: Iterable[str]) -> bool:
    """`name` matches a pattern, or a pattern plus .gz, whatever the case of either."""
    name = name.casefold()
    return any(fnmatchcase(name, pattern.casefold()) or fnmatchcase(name, pattern.casefold() + ".gz")
               for pattern in patterns)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def matching_files(folder: Path, patterns: Iterable[str]) -> list[Path]:
    """Files under `folder` whose name matches a pattern (name_matches); names that
    start with a dot (.git, .cache, .DS_Store) are left out with all they hold."""
    patterns = tuple(patterns)
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not is_hidden(name)]
        found += [Path(root, name) for name in files if not is_hidden(name) and name_matches(name, patterns)]
    return sorted(path for path in found if path.is_file())


def _walk(folder: str, patterns: tuple[str, ...]) -> list[str]:
    if is_url(folder):
        fs, root = _url_fs(folder)
        base = PurePosixPath(root)
        found = []
        for path in map(PurePosixPath, fs.find(root)):
            inside = path.relative_to(base).parts if path.is_relative_to(base) else path.parts[-1:]
            if not any(map(is_hidden, inside)) and name_matches(path.name, patterns):
                found.append(path)
        return [fs.unstrip_protocol(str(p)) for p in sorted(found)]
    return [str(p) for p in matching_files(Path(folder), patterns)]


def _url_fs(url: str):
    try:
        return fsspec().core.url_to_fs(url)
    except Exception as error:  # an unknown protocol, a missing filesystem package
        raise SourceError(f"{url}: {error}") from None


def _exists(path: str) -> bool:
    if not is_url(path):
        return Path(path).exists()
    fs, root = _url_fs(path)
    return fs.exists(root)


def is_folder(path: str) -> bool:
    if not is_url(path):
        return Path(path).is_dir()
    fs, root = _url_fs(path)
    return fs.isdir(root)
