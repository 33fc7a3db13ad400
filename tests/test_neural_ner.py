"""The neural NER tagger: numpy-only inference, one tag per token, same scores as torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsan.engines.neural_ner import MODEL_DIR, NeuralNer
from newsan.engines.neural_ner.model import WEIGHTS_FILE, NumpyTagger

pytestmark = pytest.mark.skipif(not (MODEL_DIR / WEIGHTS_FILE).exists(), reason="no trained neural NER model")

SENTENCE = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن العراق".split()
SENTENCES = [
    SENTENCE,
    "وصل رئيس الوزراء العراقي نوري المالكي إلى بغداد .".split(),
    ["."],
    "أعلنت وزارة الخارجية الأمريكية أن الرئيس باراك أوباما سيزور روسيا وسوريا ولبنان الأسبوع المقبل".split(),
]


@pytest.fixture(scope="module")
def ner():
    return NeuralNer()


def entity_tags(tokens, tags):
    return dict(zip(tokens, tags))


def test_loads_and_tags_without_torch():
    code = (
        "import sys\n"
        "from newsan.engines.neural_ner import NeuralNer\n"
        f"tags = NeuralNer().tag([{SENTENCE!r}])\n"
        "assert len(tags[0]) == %d, tags\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'sklearn')\n"
        "         or m.startswith(('camel_tools.ner', 'camel_tools.data', 'camel_tools.morphology', 'camel_tools.disambig'))]\n"
        "assert not heavy, heavy\n"
    ) % len(SENTENCE)
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_one_tag_per_token(ner):
    tagged = ner.tag(SENTENCES + [[]])
    assert [len(tags) for tags in tagged] == [len(tokens) for tokens in SENTENCES] + [0]
    allowed = {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PERS", "LOC", "ORG", "MISC")}
    assert all(tag in allowed for tags in tagged for tag in tags)


def test_batching_does_not_change_tags(ner):
    together = ner.tag(SENTENCES)
    alone = [ner.tag([tokens])[0] for tokens in SENTENCES]
    assert together == alone


def test_short_sentence(ner):
    tags = entity_tags(SENTENCE, ner.tag([SENTENCE])[0])
    assert tags["سيرغي"] == "B-PERS"
    assert tags["لافروف"] == "I-PERS"
    assert tags["موسكو"] == "B-LOC"
    assert tags["العراق"] == "B-LOC"


def test_numpy_forward_matches_torch():
    torch = pytest.importorskip("torch")
    from newsan.engines.neural_ner.train import TorchTagger, encode_batch

    tagger = NumpyTagger.load(MODEL_DIR)
    with np.load(MODEL_DIR / WEIGHTS_FILE) as archive:
        twin = TorchTagger.from_weights({key: archive[key] for key in archive.files})
    words, stems, bag, mask = encode_batch(tagger.encoder, SENTENCES)
    with torch.no_grad():
        expected = twin.emissions(words, stems, bag, mask).numpy()

    distinct = sorted({token for tokens in SENTENCES for token in tokens})
    row = {token: i for i, token in enumerate(distinct)}
    ids = np.zeros(words.shape, dtype=np.int64)
    for b, tokens in enumerate(SENTENCES):
        ids[b, : len(tokens)] = [row[token] for token in tokens]
    got = tagger.emissions(tagger.token_vectors(distinct)[ids], mask.numpy())
    real = mask.numpy().astype(bool)
    np.testing.assert_allclose(got[real], expected[real], atol=1e-4)
