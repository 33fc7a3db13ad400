"""Expand the user's paths into sources: files, folders (recursive), stdin."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable

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


def expand_sources(paths: tuple[str, ...] | list[str], glob: str | Iterable[str] = "*.txt") -> list[Source]:
    """Files as given, folders walked recursively for files whose name matches one of
    the `glob` patterns, whatever its case (sorted; hidden files and folders inside
    are skipped), `-` or nothing for stdin. Raises SourceError for a path that does
    not exist."""
    if not paths:
        paths = [STDIN]
    missing = [p for p in paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise SourceError(f"no such file or directory: {missing[0]}")
    patterns = [glob] if isinstance(glob, str) else list(glob)
    sources = []
    for given in paths:
        if given == STDIN:
            sources.append(Source("<stdin>", None))
        elif Path(given).is_dir():
            sources.extend(Source(str(p), str(p)) for p in matching_files(Path(given), patterns))
        else:
            sources.append(Source(given, given))
    return sources


def matching_files(folder: Path, patterns: list[str]) -> list[Path]:
    """Files under `folder` whose name matches a pattern, case-insensitively; names that
    start with a dot (.git, .cache, .DS_Store) are left out with all they hold."""
    patterns = [pattern.casefold() for pattern in patterns]
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and any(fnmatchcase(name.casefold(), p) for p in patterns)]
    return sorted(path for path in found if path.is_file())
