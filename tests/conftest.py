from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_717256e72bc829cd.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"

needs_shared = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason=f"shared data not found at {SHARED_DATA} (only in the project's workspace)"
)


class FixedNer:
    """An NER engine that tags the phrases it is given (longest first), so stage
    tests don't depend on a trained model."""

    name = "fixed"

    def load(self):
        pass

    def __init__(self, phrases: dict[str, str]):
        self.phrases = sorted(((p.split(), t) for p, t in phrases.items()), key=lambda pt: -len(pt[0]))

    def tag(self, sentences):
        return [self._tag(list(tokens)) for tokens in sentences]

    def _tag(self, tokens):
        tags, i = [], 0
        while i < len(tokens):
            for words, type_ in self.phrases:
                if tokens[i : i + len(words)] == words:
                    tags += ["B-" + type_] + ["I-" + type_] * (len(words) - 1)
                    i += len(words)
                    break
            else:
                tags.append("O")
                i += 1
        return tags


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def interrupted(args: list[str], after: float, **popen) -> tuple[int, str]:
    """Run `python -m newsan ARGS`, send Ctrl-C after `after` seconds: (exit status, stderr)."""
    process = subprocess.Popen([sys.executable, "-m", "newsan", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, **popen)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr


def read_terminal(master: int, process: subprocess.Popen, seconds: float = 60) -> bytes:
    """All a child wrote to the pseudo-terminal `master` until it closed it; a child still
    silent after `seconds` is killed, so a test fails rather than hangs."""
    chunks, deadline = [], time.monotonic() + seconds
    while True:
        if not select.select([master], [], [], max(0.0, deadline - time.monotonic()))[0]:
            process.kill()
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return b"".join(chunks)
