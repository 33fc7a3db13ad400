from __future__ import annotations

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
