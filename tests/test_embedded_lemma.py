"""The embedded lemmatizer: exact lemmas for the words the stages rely on, and an
offline, light import (no CAMeL data, no download, no torch)."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED_DATA, needs_shared
from newsan.engines.embedded_lemma import EmbeddedLemmatizer


@pytest.fixture(scope="module")
def engine():
    return EmbeddedLemmatizer()


def lemmas(engine, words):
    return [lemma for lemma, _ in engine.lemmatize([words])[0]]


def test_interface(engine):
    assert EmbeddedLemmatizer.name == "embedded"
    result = engine.lemmatize([["قال", "الوزير"], [], ["."]])
    assert [len(sentence) for sentence in result] == [2, 0, 1]
    assert all(isinstance(lemma, str) and isinstance(pos, str) for lemma, pos in result[0])


def test_speech_verbs(engine):
    words = ["قالت", "يقول", "وقالوا", "وأضاف", "أضافت", "أكد", "أشار", "أعلن"]
    assert engine.lemmatize([words]) == [[
        ("قال", "verb"), ("قال", "verb"), ("قال", "verb"), ("أضاف", "verb"), ("أضاف", "verb"),
        ("أكد", "verb"), ("أشار", "verb"), ("أعلن", "verb"),
    ]]


def test_nouns_lose_clitics_and_plural(engine):
    assert lemmas(engine, ["للعلاقات", "الشركات", "بلاده", "العلاقات"]) == ["علاقة", "شركة", "بلد", "علاقة"]


def test_adjectives_are_masculine_singular(engine):
    assert lemmas(engine, ["الروسية", "العراقيين"]) == ["روسي", "عراقي"]


def test_lemmas_take_the_spelling_news_uses(engine):
    """Buckwalter's citation form is أوربي; the news writes أوروبي."""
    assert lemmas(engine, ["الأوروبي", "أوروبا", "واشنطن"]) == ["أوروبي", "أوروبا", "واشنطن"]


def test_function_words_lose_clitics(engine):
    assert lemmas(engine, ["وفي", "عليه", "منها"]) == ["في", "على", "من"]


def test_punctuation_digits_and_latin_are_their_own_lemma(engine):
    assert engine.lemmatize([["،", "2017", "Demain", "(", "؟"]]) == [[
        ("،", "punc"), ("2017", "digit"), ("Demain", "foreign"), ("(", "punc"), ("؟", "punc"),
    ]]


def test_unknown_names_keep_their_form_without_clitics(engine):
    sentence = ["قال", "لافروف", "للافروف", "والزرقاوي"]
    assert engine.lemmatize([sentence])[0][1:] == [
        ("لافروف", "noun_prop"), ("لافروف", "noun_prop"), ("زرقاوي", "noun_prop"),
    ]


def test_lemmas_have_no_lex_markers_or_diacritics_by_default(engine):
    for lemma, _ in engine.lemmatize([["قالت", "الشركات", "أعلن", "وزير"]])[0]:
        assert "_" not in lemma and not any("\u064b" <= c <= "\u0652" for c in lemma)


def test_diacritized_lemmas_keep_diacritics():
    pairs = EmbeddedLemmatizer(diacritized=True).lemmatize([["أضافت", "للعلاقات"]])[0]
    assert pairs == [("أَضاف", "verb"), ("عَلاقَة", "noun")]


def test_same_word_same_answer_from_the_cache(engine):
    first = engine.lemmatize([["الشركات"]])
    assert engine.lemmatize([["الشركات"]]) == first


PROGRAM = """
import json, sys
from newsan.engines.embedded_lemma import EmbeddedLemmatizer
pairs = EmbeddedLemmatizer().lemmatize([["قالت", "الشركات"]])
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in ("torch", "transformers", "requests")
               or m.startswith("camel_tools.data"))
print(json.dumps({"pairs": pairs, "heavy": heavy}))
"""


def test_works_offline_without_camel_data_and_imports_nothing_heavy(tmp_path):
    """camel_tools.data downloads a catalogue on import when none is installed:
    the engine must never import it, and must leave no files behind."""
    camel_data = tmp_path / "camel"
    camel_data.mkdir()
    env = {"CAMELTOOLS_DATA": str(camel_data), "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pairs"] == [[["قال", "verb"], ["شركة", "noun"]]]
    assert report["heavy"] == []
    assert list(camel_data.iterdir()) == []
    assert not (tmp_path / "home").exists()


@needs_shared
def test_dev_accuracy_and_speech_verbs():
    sys.path.insert(0, str(ROOT / "bench"))
    import lemmas_eval

    gold = lemmas_eval.read_gold(SHARED_DATA / "lemmas" / "dev.tsv")
    predicted = EmbeddedLemmatizer().lemmatize([[t for t, _, _ in s] for s in gold])
    right, total, misses = lemmas_eval.score(gold, predicted)
    assert sum(right.values()) / sum(total.values()) >= 0.95
    speech = {"قالت", "يقول", "وأضاف", "أكد", "أشار", "أعلن", "قال", "أضاف"}
    assert not [miss for miss in misses if miss[0] in speech]


AFTER_EMBEDDED = """
from newsan.engines.embedded_lemma import EmbeddedLemmatizer
EmbeddedLemmatizer().lemmatize([["قالت"]])
from camel_tools.morphology.database import MorphologyDB
print(MorphologyDB.builtin_db().__class__.__name__)
"""


def test_camel_catalogue_still_resolves_after_the_embedded_engine(tmp_path):
    """The stand-in for camel_tools.data lives only during the engine's import:
    camel_tools' own builtin databases resolve afterwards, through the real catalogue."""
    from camel_fixture import build_camel_data

    data = build_camel_data(tmp_path / "camel", ner=False)
    env = {"CAMELTOOLS_DATA": str(data), "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", AFTER_EMBEDDED], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "MorphologyDB"
