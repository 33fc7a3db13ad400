"""Expand the user's paths into sources: files, folders (recursive), stdin."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from newsan.reading.decode import decode

STDIN = "-"


class SourceError(Exception):
    """A path the user named does not exist or cannot be read."""


@dataclass(frozen=True)
class Source:
    name: str  # as shown to the user: the path, or <stdin>
    path: str | None  # None for stdin

    def read_text(self) -> str:
        """Decoded text; raises DecodeError or OSError for this source only."""
        if self.path is None:
            return decode(sys.stdin.buffer.read())
        return decode(Path(self.path).read_bytes())


def expand_sources(paths: tuple[str, ...] | list[str], glob: str = "*.txt") -> list[Source]:
    """Files as given, folders walked recursively for `glob` (sorted), `-` or
    nothing for stdin. Raises SourceError for a path that does not exist."""
    if not paths:
        paths = [STDIN]
    missing = [p for p in paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise SourceError(f"no such file or directory: {missing[0]}")
    sources = []
    for given in paths:
        if given == STDIN:
            sources.append(Source("<stdin>", None))
        elif Path(given).is_dir():
            found = sorted(p for p in Path(given).rglob(glob) if p.is_file())
            sources.extend(Source(str(p), str(p)) for p in found)
        else:
            sources.append(Source(given, given))
    return sources
