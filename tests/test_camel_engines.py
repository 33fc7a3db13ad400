"""The CAMeL engines end to end, offline, on a synthetic CAMeL data folder
(tests/camel_fixture.py).

The engines build their camel_tools objects from the paths newsan finds, not
from the catalogue camel_tools.data fixes at its first import, so they run in
this process. What camel_tools.data itself reads at import (and downloads when
missing) is checked in a subprocess with a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from camel_fixture import NER_WORDS, NO_WORDPIECES, build_camel_data
from newsan.engines import EngineError, camel_data, lemma_engine, ner_engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def camel_home(tmp_path_factory) -> Path:
    return build_camel_data(tmp_path_factory.mktemp("camel_data"))


@pytest.fixture
def empty_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    _clear_engine_caches()
    yield tmp_path
    _clear_engine_caches()


@pytest.fixture
def with_camel(camel_home, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(camel_home))
    # importing camel_tools.data mkdirs ~/.camel_tools: keep it off the real home
    if "camel_tools.data" not in sys.modules:
        monkeypatch.setenv("HOME", str(tmp_path))
    _clear_engine_caches()
    yield camel_home
    _clear_engine_caches()


def _clear_engine_caches():
    ner_engine.cache_clear()
    lemma_engine.cache_clear()


def expected_labels(tokens: list[str]) -> list[str]:
    """What the synthetic model must answer: its label per word, 'O' for the rest."""
    return [NER_WORDS.get(token, "O") for token in tokens]


# --- NER ---------------------------------------------------------------------

def test_camel_ner_one_label_per_token(with_camel):
    engine = ner_engine("camel")
    assert engine.name == "camel"
    sentences = [
        "زار محمد علي القاهرة اليوم مع وفد من اليونسكو .".split(),
        "قال الرئيس إن مصر".split(),
        [],
    ]
    assert engine.tag(sentences) == [expected_labels(s) for s in sentences]


def test_token_without_wordpieces_gets_o_and_labels_do_not_shift(with_camel):
    engine = ner_engine("camel")
    tokens = ["زار", "محمد", NO_WORDPIECES, "علي", "القاهرة"]
    assert engine._recognizer.tokenizer.tokenize(NO_WORDPIECES) == []
    # camel_tools alone drops the token, shifting the labels after it (issue #105)
    assert len(engine._recognizer.predict([tokens])[0]) == len(tokens) - 1
    assert engine.tag([tokens]) == [["O", "B-PERS", "O", "I-PERS", "B-LOC"]]
    assert engine.tag([[NO_WORDPIECES]]) == [["O"]]


def test_long_sentence_is_chunked_and_joined(with_camel):
    engine = ner_engine("camel")
    tokens = [("محمد" if i % 37 == 0 else "القاهرة" if i % 53 == 0 else "وفد") for i in range(400)]
    tokens[100] = "زيدون"  # several wordpieces
    tokens[101] = NO_WORDPIECES
    assert sum(engine._piece_counts(tokens)) > engine.max_pieces
    assert engine.tag([tokens, ["مصر"]]) == [expected_labels(tokens), ["B-LOC"]]


def test_small_chunks_keep_alignment(with_camel):
    engine = ner_engine("camel")
    engine.max_pieces, usual = 4, engine.max_pieces
    try:
        tokens = "محمد زار القاهرة ثم مصر مع علي".split()  # ثم: two wordpieces
        tokens.insert(3, "ااااااا")  # more wordpieces than a chunk holds: 'O', the rest unmoved
        assert len(engine._chunks(engine._piece_counts(tokens))) > 2
        assert engine.tag([tokens]) == [expected_labels(tokens)]
    finally:
        engine.max_pieces = usual


def test_ner_model_folder_option(with_camel):
    engine = ner_engine("camel", model=str(with_camel / "data" / "ner" / "arabert"))
    assert engine.tag([["محمد", "في", "مصر"]]) == [["B-PERS", "O", "B-LOC"]]
    with pytest.raises(EngineError, match="config.json"):
        ner_engine("camel", model=str(with_camel))


def test_ner_model_folder_without_catalogue_is_an_engine_error(camel_home, empty_home):
    # importing camel_tools.ner would try to download the catalogue
    with pytest.raises(EngineError, match="catalogue"):
        ner_engine("camel", model=str(camel_home / "data" / "ner" / "arabert"))


def test_unsupported_device_is_an_engine_error(with_camel):
    with pytest.raises(EngineError, match="device"):
        ner_engine("camel", device="tpu")


def test_cuda_without_cuda_is_an_engine_error(with_camel):
    import torch

    if torch.cuda.is_available():
        assert ner_engine("camel", device="cuda:0").tag([["محمد"]]) == [["B-PERS"]]
    else:
        with pytest.raises(EngineError, match="CUDA is not available"):
            ner_engine("camel", device="cuda")


# --- lemmas --------------------------------------------------------------------

SENTENCE = "قال الرئيس محمد في القاهرة إن ثلاثة الجديدة زيدون ، 2024 CNN وقال".split()


def test_camel_lemmas_one_pair_per_token(with_camel):
    engine = lemma_engine("camel")
    assert engine.name == "camel"
    assert engine.lemmatize([SENTENCE, []]) == [
        [
            ("قال", "verb"),  # the MLE model's choice over the likelier noun reading
            ("رئيس", "noun"),
            ("محمد", "noun_prop"),
            ("في", "prep"),
            ("القاهرة", "noun_prop"),
            ("إن", "part"),
            ("ثلاث", "num"),
            ("جديد", "adj"),
            ("زيدون", "noun_prop"),  # unknown: CAMeL's proper-noun backoff
            ("،", "punc"),
            ("2024", "digit"),
            ("CNN", "foreign"),
            ("قال", "noun"),  # not in the MLE model: pos-lex probabilities decide
        ],
        [],
    ]
    assert set(engine._cache) == set(SENTENCE)


def test_diacritized_lemmas_keep_diacritics_not_lex_markers(with_camel):
    pairs = lemma_engine("camel", diacritized=True).lemmatize([["قال", "الجديدة", "محمد"]])
    assert pairs == [[("قالَ", "verb"), ("جَدِيد", "adj"), ("مُحَمَّد", "noun_prop")]]


# --- selection and report ------------------------------------------------------------

def test_auto_picks_camel_where_its_data_is(with_camel):
    assert ner_engine("auto").name == "camel"
    assert lemma_engine("auto").name == "camel"


def test_auto_picks_embedded_without_camel_data(empty_home):
    embedded_ner = pytest.importorskip("newsan.engines.embedded_ner")
    embedded_lemma = pytest.importorskip("newsan.engines.embedded_lemma")
    assert isinstance(ner_engine("auto"), embedded_ner.EmbeddedNer)
    assert isinstance(lemma_engine("auto"), embedded_lemma.EmbeddedLemmatizer)


def test_camel_without_data_says_how_to_install(empty_home):
    with pytest.raises(EngineError, match="camel_data -i ner-arabert"):
        ner_engine("camel")
    with pytest.raises(EngineError, match="camel_data -i disambig-mle-calima-msa-r13"):
        lemma_engine("camel")


def test_report_with_camel_data(with_camel):
    camel = {entry["task"]: entry for entry in camel_data.report() if entry["kind"] == "camel"}
    assert camel["ner"]["available"] and camel["lemmas"]["available"]
    assert camel["ner"]["where"] == str(with_camel / "data" / "ner" / "arabert")
    assert camel["lemmas"]["where"] == str(with_camel / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db")
    assert camel["ner"]["install"] is None and camel["lemmas"]["install"] is None


def test_report_without_camel_data(empty_home):
    report = camel_data.report()
    assert {(e["task"], e["kind"]) for e in report} == {
        ("ner", "embedded"), ("ner", "camel"), ("lemmas", "embedded"), ("lemmas", "camel")}
    camel = {entry["task"]: entry for entry in report if entry["kind"] == "camel"}
    assert not camel["ner"]["available"] and not camel["lemmas"]["available"]
    assert camel["ner"]["install"] == "camel_data -i ner-arabert"
    assert camel["lemmas"]["install"] == "camel_data -i disambig-mle-calima-msa-r13"
    assert camel["ner"]["where"] == str(empty_home / "catalogue.json")
    for entry in report:
        assert set(entry) >= {"name", "task", "kind", "available", "where", "what", "install"}


def test_report_follows_the_catalogue_paths(tmp_path, monkeypatch):
    """CAMeL reads dataset paths from its catalogue; so do we."""
    catalogue = {"components": {"NamedEntityRecognition": {"default": "arabert",
                                                           "datasets": {"arabert": {"path": "elsewhere/ner"}}}}}
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    (tmp_path / "data" / "elsewhere" / "ner").mkdir(parents=True)
    (tmp_path / "data" / "elsewhere" / "ner" / "config.json").write_text("{}")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert camel_data.ner_model_dir() == tmp_path / "data" / "elsewhere" / "ner"
    assert camel_data.morphology_db_path() is None


PRETRAINED = """
from camel_tools.disambig.mle import MLEDisambiguator
from camel_tools.ner import NERecognizer
print(MLEDisambiguator.pretrained().disambiguate(["قال"])[0].analyses[0].analysis["pos"])
print(NERecognizer.pretrained(use_gpu=False).predict_sentence(["محمد", "في", "مصر"]))
"""


def test_fixture_has_the_layout_camel_pretrained_loaders_expect(camel_home, tmp_path):
    """A fresh interpreter, so camel_tools.data reads this CAMELTOOLS_DATA."""
    env = dict(os.environ, CAMELTOOLS_DATA=str(camel_home), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", PRETRAINED], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["verb", "['B-PERS', 'O', 'B-LOC']"]


# --- the import trap -------------------------------------------------------------------

EMBEDDED_PATH = """
import sys
from newsan.engines import EngineError, camel_data, lemma_engine, ner_engine
from newsan.text.tokenize import tokenize
camel_data.report()
tokenize("قال محمد في القاهرة.")
for select in (ner_engine, lemma_engine):
    try:
        select("auto")
    except ImportError:
        pass  # an embedded engine not written yet
    try:
        select("camel")
    except EngineError:
        pass
loaded = sorted(m for m in sys.modules if m.startswith("camel_tools.data"))
print("camel_tools.data imported:", loaded)
sys.exit(1 if loaded else 0)
"""


def test_embedded_path_never_imports_camel_tools_data(tmp_path):
    env = dict(os.environ, CAMELTOOLS_DATA=str(tmp_path / "camel"), HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", EMBEDDED_PATH], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "camel" / "catalogue.json").exists()


# --- CLI -------------------------------------------------------------------------------

CLI = """
import json, sys
from click.testing import CliRunner
from newsan.cli import cli
outputs = []
for command in (["tag", "--engine", "camel", "-"], ["lemmas", "--engine", "camel", "--format", "conll", "-"]):
    result = CliRunner().invoke(cli, command, input=sys.argv[1])
    outputs.append([result.exit_code, result.output])
print(json.dumps(outputs))
"""


def test_cli_tag_and_lemmas_with_camel_engine(camel_home, tmp_path):
    """`newsan tag` and `newsan lemmas` in a fresh interpreter (one for both: torch is slow to import)."""
    conll = "زار\nمحمد\n" + NO_WORDPIECES + "\nعلي\nالقاهرة\n\nفي\nمصر\n"
    env = dict(os.environ, CAMELTOOLS_DATA=str(camel_home), HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", CLI, conll], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    (tag_exit, tags), (lemmas_exit, lemmas) = json.loads(result.stdout)
    assert tag_exit == 0, tags
    assert [block.splitlines() for block in tags.strip("\n").split("\n\n")] == [
        ["زار\tO", "محمد\tB-PERS", NO_WORDPIECES + "\tO", "علي\tI-PERS", "القاهرة\tB-LOC"],
        ["في\tO", "مصر\tB-LOC"],
    ]
    assert lemmas_exit == 0, lemmas
    rows = [line.split("\t") for line in lemmas.splitlines() if line]
    assert len(rows) == 7 and all(len(row) == 3 for row in rows)
    assert rows[1] == ["محمد", "محمد", "noun_prop"] and rows[6] == ["مصر", "مصر", "noun_prop"]
