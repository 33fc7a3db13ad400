"""A synthetic CAMeL Tools data folder, built offline for the CAMeL engine tests.

Laid out as `camel_data -i ner-arabert` and `camel_data -i disambig-mle-calima-msa-r13`
leave it (catalogue 1.6 paths):

    catalogue.json
    data/ner/arabert/                     BERT token classifier + tokenizer files
    data/morphology_db/calima-msa-r13/    morphology.db in CAMeL's text format
    data/disambig_mle/calima-msa-r13/     model.json, the MLE model

The NER model is a tiny BERT whose weights are set, after random
initialisation, so each word's label depends only on its first wordpiece
(NER_WORDS, else 'O'). Tests can then say exactly which label each token must
get, which is what catches a shifted label.
"""

from __future__ import annotations

import json
from pathlib import Path

CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
NER_WORDS = {"محمد": "B-PERS", "علي": "I-PERS", "القاهرة": "B-LOC", "مصر": "B-LOC", "اليونسكو": "B-ORG"}
OTHER_WORDS = ["في", "قال", "الرئيس", "إن", "زار", "من", "إلى", "اليوم", "مع", "وفد"]
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
NO_WORDPIECES = "\u200f"  # right-to-left mark: BERT's tokenizer deletes it, leaving nothing

NER_PATH = "ner/arabert"
MORPHOLOGY_PATH = "morphology_db/calima-msa-r13"
MLE_PATH = "disambig_mle/calima-msa-r13"


def catalogue() -> dict:
    """Same shape as CAMeL-Lab/camel-tools-data catalogue-1.6.json, cut down."""

    def package(destination: str, files: list[str], dependencies: list[str]) -> dict:
        return {
            "dependencies": dependencies,
            "description": "synthetic test package",
            "destination": destination,
            "files": [{"path": name, "sha256": "0" * 64, "size": 0} for name in files],
            "license": "test",
            "package_type": "http",
            "private": False,
            "sha256": "0" * 64,
            "size": 0,
            "url": "https://invalid.example/never-downloaded.zip",
            "version": "0.0.1",
        }

    return {
        "version": "1.6.0",
        "components": {
            "NamedEntityRecognition": {"default": "arabert", "datasets": {"arabert": {"path": NER_PATH}}},
            "MorphologyDB": {"default": "calima-msa-r13", "datasets": {"calima-msa-r13": {"path": MORPHOLOGY_PATH}}},
            "DisambigMLE": {"default": "calima-msa-r13", "datasets": {"calima-msa-r13": {"path": MLE_PATH}}},
        },
        "packages": {
            "ner-arabert": package(NER_PATH, ["config.json", "model.safetensors", "vocab.txt"], []),
            "morphology-db-msa-r13": package(MORPHOLOGY_PATH, ["morphology.db"], []),
            "disambig-mle-calima-msa-r13": package(MLE_PATH, ["model.json"], ["morphology-db-msa-r13"]),
        },
    }


def ner_vocab() -> list[str]:
    letters = list(ARABIC_LETTERS)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    return specials + list(NER_WORDS) + OTHER_WORDS + letters + [f"##{c}" for c in letters] + list(".،؟!0123456789")


def _make_label_lookup(model, vocab: list[str]) -> None:
    """Embeddings point at a label dimension and every layer passes them
    through, so the classifier's argmax is the word's own label."""
    import torch

    label_ids = {label: i for i, label in enumerate(CAMEL_LABELS)}
    with torch.no_grad():
        embeddings = model.bert.embeddings
        embeddings.word_embeddings.weight.zero_()
        for piece_id, piece in enumerate(vocab):
            embeddings.word_embeddings.weight[piece_id, label_ids[NER_WORDS.get(piece, "O")]] = 10.0
        embeddings.position_embeddings.weight.zero_()
        embeddings.token_type_embeddings.weight.zero_()
        for layer in model.bert.encoder.layer:  # residual + LayerNorm alone keep the argmax
            for dense in (layer.attention.output.dense, layer.output.dense):
                dense.weight.zero_()
                dense.bias.zero_()
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        for i in range(len(CAMEL_LABELS)):
            model.classifier.weight[i, i] = 1.0


def build_ner_model(folder: Path) -> Path:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ner_vocab()
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(str(folder))
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=512,
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={label: i for i, label in enumerate(CAMEL_LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    _make_label_lookup(model, vocab)
    model.save_pretrained(str(folder))
    return folder


# A tiny database in CAMeL's text format. Stems, prefixes and suffixes are
# written normalised as the analyzer looks them up (ة -> ه, أ/إ/آ -> ا, ى -> ي).
# قال has a noun reading more probable than its verb one: only the MLE model
# (model.json) makes it a verb.
_STEMS = [
    ("قال", "PV", "قالَ", "قالَ_1", "qAl/PV", "verb", -3.0),
    ("قال", "N", "قال", "قال_2", "qAl/NOUN", "noun", -2.0),
    ("رئيس", "N", "رَئِيس", "رَئِيس_1", "ra}iys/NOUN", "noun", -2.5),
    ("جديد", "N", "جَدِيد", "جَدِيد_1", "jadiyd/ADJ", "adj", -2.5),
    ("ثلاثه", "N", "ثَلاثَة", "ثَلاث_1", "valAvap/NOUN_NUM", "noun_num", -2.5),
    ("محمد", "NP", "مُحَمَّد", "مُحَمَّد_1", "muHam~ad/NOUN_PROP", "noun_prop", -2.5),
    ("القاهره", "NP", "القاهِرَة", "القاهِرَة_1", "AlqAhirap/NOUN_PROP", "noun_prop", -2.5),
    ("في", "P", "فِي", "فِي_1", "fiy/PREP", "prep", -1.0),
    ("ان", "P", "إِنَّ", "إِنَّ_1", "<in~a/PSEUDO_VERB", "verb_pseudo", -1.5),
    ("NOAN", "NBO", "NOAN", "NOAN", "NOAN/NOUN_PROP", "noun_prop", -99.0),
]
_PREFIXES = [("", "Pref-0", "", ""), ("ال", "Pref-Al", "ال", "Al/DET"), ("و", "Pref-Wa", "وَ", "wa/CONJ")]
_SUFFIXES = [("", "Suff-0", "", ""), ("ه", "Suff-F", "َة", "ap/NSUFF_FEM_SG")]
_PREFIX_STEM = {"Pref-0": ["PV", "N", "NP", "P", "NBO"], "Pref-Al": ["N"], "Pref-Wa": ["PV", "N", "NP", "P"]}
_STEM_SUFFIX = {"PV": ["Suff-0"], "N": ["Suff-0", "Suff-F"], "NP": ["Suff-0"], "P": ["Suff-0"], "NBO": ["Suff-0"]}
_PREFIX_SUFFIX = {"Pref-0": ["Suff-0", "Suff-F"], "Pref-Al": ["Suff-0", "Suff-F"], "Pref-Wa": ["Suff-0", "Suff-F"]}
_POS = ["noun", "noun_prop", "noun_num", "adj", "verb", "verb_pseudo", "prep", "punc", "digit", "latin", "foreign"]
_OPEN = ["diac", "lex", "bw", "gloss", "pos_lex_logprob", "lex_logprob"]


def morphology_db_text() -> str:
    lines = ["###DEFINES###", "DEFINE pos " + " ".join(f"pos:{p}" for p in _POS)]
    lines += [f"DEFINE {feat} {feat}:*open*" for feat in _OPEN]
    lines += ["###DEFAULTS###"]
    lines += [f"DEFAULT pos:{pos} diac:* lex:* bw:* gloss:*" for pos in ("punc", "digit", "latin")]
    lines += ["###ORDER###", "ORDER pos diac lex bw gloss", "###TOKENIZATIONS###", "###STEMBACKOFF###"]
    lines += ["STEMBACKOFF PROP NBO", "###PREFIXES###"]
    lines += [f"{form}\t{cat}\tdiac:{diac} bw:{bw} gloss:" for form, cat, diac, bw in _PREFIXES]
    lines += ["###SUFFIXES###"]
    lines += [f"{form}\t{cat}\tdiac:{diac} bw:{bw} gloss:" for form, cat, diac, bw in _SUFFIXES]
    lines += ["###STEMS###"]
    for stem, cat, diac, lex, bw, pos, logprob in _STEMS:
        lines.append(f"{stem}\t{cat}\tdiac:{diac} lex:{lex} bw:{bw} pos:{pos} gloss:x "
                     f"pos_lex_logprob:{logprob} lex_logprob:{logprob}")
    for header, table in (("###TABLE AB###", _PREFIX_STEM), ("###TABLE BC###", _STEM_SUFFIX),
                          ("###TABLE AC###", _PREFIX_SUFFIX)):
        lines.append(header)
        lines += [f"{left} {right}" for left, rights in table.items() for right in rights]
    return "\n".join(lines) + "\n"


def mle_model() -> dict:
    """Keyed by the undiacritised word, as MLEDisambiguator expects."""
    return {"قال": {"diac": "قالَ", "lex": "قالَ_1", "bw": "qAl/PV", "pos": "verb"}}


def build_camel_data(root: Path, ner: bool = True, lemmas: bool = True) -> Path:
    """Write the synthetic data folder under `root`; point CAMELTOOLS_DATA at it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalogue.json").write_text(json.dumps(catalogue(), ensure_ascii=False, indent=2), encoding="utf-8")
    data = root / "data"
    if ner:
        build_ner_model(data / NER_PATH)
    if lemmas:
        (data / MORPHOLOGY_PATH).mkdir(parents=True, exist_ok=True)
        (data / MORPHOLOGY_PATH / "morphology.db").write_text(morphology_db_text(), encoding="utf-8")
        (data / MLE_PATH).mkdir(parents=True, exist_ok=True)
        (data / MLE_PATH / "model.json").write_text(json.dumps(mle_model(), ensure_ascii=False), encoding="utf-8")
    return root
