"""Where output goes (-o/--output): stdout, or a file that appears only once complete.

The output is written to a hidden temporary file beside FILE and renamed onto FILE
at the end, so an interrupted or failed run never leaves half a file behind and an
earlier FILE stays as it was.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator


class TargetError(Exception):
    """FILE cannot be written (the message is one line, for the user)."""


def writes_to_stdout(path: str | None) -> bool:
    return path in (None, "-")


def check_target(path: str | None) -> None:
    """Raise TargetError now when FILE cannot be written (the checks output_stream makes,
    with a temporary file made and removed), so that a run fails before it loads anything."""
    if writes_to_stdout(path):
        return
    temporary, stream = _open_beside(path)
    stream.close()
    _remove(temporary)


@contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """stdout for no path or `-`; else a text stream whose content becomes `path`
    when the block ends normally. Raises TargetError before anything is run when
    `path` cannot be written."""
    if writes_to_stdout(path):
        yield sys.stdout
        return
    temporary, stream = _open_beside(path)
    try:
        with stream:
            yield stream
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _open_beside(path: str) -> tuple[str, IO[str]]:
    if os.path.isdir(path):
        raise TargetError(f"cannot write {path}: is a directory")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part", dir=folder)
    except OSError as error:
        raise TargetError(f"cannot write {path}: {error.strerror or error}") from None
    return temporary, open(handle, "w", encoding="utf-8", newline="")


def _mode_for(path: str) -> int:
    """An existing FILE keeps its permissions; a new one gets the usual (0666 less the umask),
    not mkstemp's private 0600."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
