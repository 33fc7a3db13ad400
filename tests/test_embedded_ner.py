"""The embedded NER model and the conlleval-style scorer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsan.engines.embedded_ner import EmbeddedNer
from newsan.engines.embedded_ner.features import FeatureExtractor
from newsan.engines.embedded_ner.resources import load_resources
from newsan.engines.embedded_ner.scoring import entities, score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def ner():
    return EmbeddedNer()


def test_tags_a_fixed_sentence_exactly(ner):
    tokens = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو".split()
    assert ner.tag([tokens]) == [["O", "O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]]


def test_clitic_forms_of_names(ner):
    # The tagger alone tags this headline's للافروف as a person of its own (the model
    # before the name lists joined it to المالكي, the one before this left it untagged).
    tokens = "المالكي للافروف : العراق يواجه تحديات ونريد دورا لروسيا وسوريا".split()
    assert ner.tag([tokens]) == [["B-PERS", "B-PERS", "O", "B-LOC", "O", "O", "O", "O", "B-LOC", "B-LOC"]]


def test_one_tag_per_token_and_empty_sentences(ner):
    assert ner.tag([[], ["في"], ["."]]) == [[], ["O"], ["O"]]


def test_tag_time_imports_stay_light():
    code = (
        "import sys; from newsan.engines.embedded_ner import EmbeddedNer;"
        "EmbeddedNer().tag([['في', 'موسكو']]);"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'sklearn')"
        " or m.startswith(('camel_tools.ner', 'camel_tools.data', 'camel_tools.morphology', 'camel_tools.disambig'))];"
        "print(heavy)"
    )
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_lexicons():
    names, words = EmbeddedNer.known_names(), EmbeddedNer.known_words()
    assert "عمان" in names and "****" not in names
    assert "في" in words and 40_000 <= len(words) <= 50_000


def test_name_lists_speak_only_for_words_outside_the_most_frequent():
    extractor = FeatureExtractor(load_resources())

    def name_features(word):
        return [f for f in extractor.sentence([word])[0] if f.startswith("n=")]

    assert name_features("وطلعت") == ["n=given", "n=surname"]
    assert name_features("الشاعر") == ["n=surname"]
    assert name_features("جمال") == []  # a name, but also among the 3,000 most frequent words
    assert name_features("لافروف") == []


def test_entities_follow_conlleval():
    # an I- after O or after another type opens a new entity
    assert entities(["B-PERS", "I-PERS", "O", "I-LOC", "I-ORG", "B-ORG", "I-ORG"]) == {
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")
    }


def test_score_exact_numbers():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-LOC"]]
    result = score(gold, pred)
    # gold: PERS 0-2, LOC 3, ORG 0; predicted: PERS 0, LOC 3, ORG 0, LOC 1
    assert (result["overall"]["correct"], result["overall"]["predicted"], result["overall"]["gold"]) == (2, 4, 3)
    assert result["overall"]["precision"] == pytest.approx(1 / 2)
    assert result["overall"]["recall"] == pytest.approx(2 / 3)
    assert result["overall"]["f1"] == pytest.approx(4 / 7)
    assert result["LOC"]["precision"] == pytest.approx(0.5) and result["LOC"]["recall"] == 1.0
    assert result["PERS"]["f1"] == 0.0
    assert result["ORG"]["f1"] == 1.0


@pytest.mark.skipif(not DATA.is_dir(), reason="ANERcorp not found at ../shared/data from the repo root")
def test_dev_f1_holds():
    from newsan.engines.embedded_ner.scoring import read_conll

    sentences, gold = read_conll(DATA / "anercorp" / "dev.conll")
    assert score(gold, EmbeddedNer().tag(sentences))["overall"]["f1"] > 0.70


def test_decoding_keeps_bio_valid():
    import numpy as np

    from newsan.engines.embedded_ner.neural import TAGS, best_tags

    def row(**probabilities):
        out = np.full(len(TAGS), 0.01, dtype=np.float32)
        for tag, p in probabilities.items():
            out[TAGS.index(tag.replace("_", "-"))] = p
        return out

    # token by token the best tags would be O, I-PERS: an I- may not follow O
    probabilities = np.stack([row(O=0.9), row(I_PERS=0.6, B_PERS=0.3)])
    assert best_tags(probabilities) == ["O", "B-PERS"]
    probabilities = np.stack([row(B_LOC=0.5, O=0.4), row(I_PERS=0.5, I_LOC=0.4)])
    assert best_tags(probabilities) == ["B-LOC", "I-LOC"]
    assert best_tags(np.zeros((0, len(TAGS)), dtype=np.float32)) == []


def test_a_sentence_gets_the_same_tags_alone_or_among_others(ner):
    sentences = ["قال وزير الخارجية الروسي سيرغي لافروف في موسكو".split(),
                 "وصل رئيس الوزراء العراقي نوري المالكي إلى بغداد أمس".split(),  # as long as the first
                 "أعلنت وزارة الداخلية التونسية".split(), []]
    assert ner.tag(sentences) == [ner.tag([tokens])[0] for tokens in sentences]


def test_a_model_folder_without_the_network_tags_with_the_crf_alone(tmp_path):
    import shutil

    from newsan.engines.embedded_ner.resources import MODEL_DIR, NEURAL_FILE

    shutil.copytree(MODEL_DIR, tmp_path / "model", ignore=shutil.ignore_patterns(NEURAL_FILE))
    tokens = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو".split()
    crf_alone = EmbeddedNer(tmp_path / "model")
    crf_alone.load()
    assert crf_alone._neural is None
    assert crf_alone.tag([tokens]) == [crf_alone._tagger.tag(crf_alone._extractor.sentence(tokens))]


def test_a_sentence_the_crf_is_sure_of_skips_the_network_without_changing_its_tags(ner):
    import numpy as np

    from newsan.engines.embedded_ner.neural import mixed_tags, surely_outside

    tokens = "وقال إن الوضع صعب في هذه المرحلة".split()
    outside = ner.crf_marginals([tokens])[0][:, 0]
    assert surely_outside(outside) and ner.tag([tokens]) == [["O"] * len(tokens)]
    # whatever the network says, O keeps more than half of the mix at each token
    crf = np.zeros((1, 9), dtype=np.float32)
    crf[0, 0], crf[0, 1] = 0.84, 0.16
    assert surely_outside(crf[:, 0]) and mixed_tags(crf, np.eye(9, dtype=np.float32)[[1]]) == ["O"]
    assert not surely_outside(np.array([0.8], dtype=np.float32))


def test_the_networks_input_cache_gives_the_same_rows_when_it_starts_over(ner):
    import numpy as np

    from newsan.engines.embedded_ner.neural import CHARS_FILE, NeuralInputs
    from newsan.engines.embedded_ner.resources import MODEL_DIR

    ner.load()
    chars = [c for c in (MODEL_DIR / CHARS_FILE).read_text(encoding="utf-8").split("\n") if c]
    roomy = NeuralInputs(ner._neural.inputs.resources, chars)
    tokens = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو".split()
    for limit in (3, 5, 8):  # a cache smaller than a sentence, or filling up in the middle of one
        small = NeuralInputs(ner._neural.inputs.resources, chars, cache_limit=limit)
        for sentence in (tokens[:3], tokens, tokens[2:7], tokens):
            got, expected = small.sentence(sentence), roomy.sentence(sentence)
            assert all(np.array_equal(got[name], expected[name]) for name in expected)


def test_the_crfs_probabilities_are_crfsuites(ner):
    import numpy as np

    from newsan.engines.embedded_ner.resources import TAGS

    seed = (ROOT / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8")
    sentences = [line.split() for line in seed.splitlines()] + [["قال"], []]
    ours = ner.crf_marginals(sentences)
    for tokens, marginals in zip(sentences, ours):
        ner._tagger.set(ner._extractor.sentence(tokens))
        theirs = np.array([[ner._tagger.marginal(tag, i) for tag in TAGS] for i in range(len(tokens))])
        assert marginals.shape == (len(tokens), len(TAGS))
        assert len(tokens) == 0 or np.abs(marginals - theirs).max() < 1e-6
    assert sum(len(t) for t in sentences) > 300


def test_the_crf_weights_are_read_whole_from_the_model_file():
    from newsan.engines.embedded_ner.crf_marginals import read_weights
    import pycrfsuite

    from newsan.engines.embedded_ner.resources import CRF_FILE, MODEL_DIR

    weights = read_weights(MODEL_DIR / CRF_FILE)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_DIR / CRF_FILE))
    assert set(weights.attributes) == {attribute for attribute, _ in tagger.info().state_features}
    assert weights.state.shape == (len(weights.attributes), 9) and weights.transition.shape == (9, 9)
    assert weights.transition[0, 2] < -5  # O → I-PERS: BIO says never
    with pytest.raises(ValueError):
        read_weights(MODEL_DIR / "chars.txt")


def test_a_score_cache_that_starts_over_gives_the_same_probabilities(ner):
    from newsan.engines.embedded_ner.crf_marginals import CrfMarginals, read_weights
    from newsan.engines.embedded_ner.resources import CRF_FILE, MODEL_DIR

    ner.load()
    tokens = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو".split()
    small = CrfMarginals(read_weights(MODEL_DIR / CRF_FILE), ner._extractor, cache_limit=10)
    [before] = small.marginals([tokens])
    small.marginals([["كلمة%d" % i for i in range(6)]])  # fills the cache: it starts over
    [after] = small.marginals([tokens])
    assert (before == after).all() and (before == ner._marginals.marginals([tokens])[0]).all()
    longer = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الوضع صعب جدا".split()
    [apart] = small.marginals([longer])  # longer than the whole cache: scored without it
    import numpy as np

    assert np.abs(apart - ner._marginals.marginals([longer])[0]).max() < 1e-12


def test_sentences_are_batched_by_length_within_a_budget():
    from newsan.engines.embedded_ner.batching import length_batches

    assert length_batches([3, 0, 5, 2], slots=10) == [[3, 0], [2]]
    assert length_batches([50, 1, 1], slots=10) == [[1, 2], [0]]  # too long for any batch: alone
    assert length_batches([0, 0]) == []


def test_viterbi_over_a_batch_gives_each_sentences_own_path():
    import numpy as np

    from newsan.engines.embedded_ner.neural import TAGS, batch_paths, best_tag_paths

    rng = np.random.default_rng(0)
    sentences = [rng.dirichlet(np.ones(len(TAGS)), n).astype(np.float32) for n in (1, 7, 3, 12, 0, 5)]
    together = best_tag_paths(sentences)
    assert together == [batch_paths([p])[0] if len(p) else [] for p in sentences]
    assert [len(t) for t in together] == [1, 7, 3, 12, 0, 5]
    assert all(not t[0].startswith("I-") for t in together if t)


def test_a_sentences_crf_probabilities_do_not_depend_on_the_others_in_its_batch(ner):
    ner.load()
    seed = (ROOT / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8")
    sentences = [line.split() for line in seed.splitlines() if line.split()]
    together = ner._marginals.marginals(sentences)
    assert all((alone == ner._marginals.marginals([tokens])[0]).all() for tokens, alone in zip(sentences, together))
