"""Lemmas and parts of speech with CAMeL Tools' MLE disambiguator over the
calima-msa-r13 morphology database.

The MLE disambiguator looks at each word out of context, so a word's answer
never changes: we cache it per word (camel_tools' own cache never stores).
"""

from __future__ import annotations

from camel_tools.morphology.utils import strip_lex  # these two never touch camel_tools.data
from camel_tools.utils.dediac import dediac_ar

from newsan.engines import EngineError, camel_data
from newsan.engines.base import Sentences

# CAMeL's fine POS tags -> ours; tags not listed map to themselves when ours, else "noun".
POS_MAP = {
    "noun_quant": "noun",
    "noun_num": "num",
    "adj_num": "num",
    "adj_comp": "adj",
    "adv_interrog": "adv",
    "adv_rel": "adv",
    "pron_dem": "pron",
    "pron_exclam": "pron",
    "pron_interrog": "pron",
    "pron_rel": "pron",
    "verb_pseudo": "part",  # inna and her sisters
    "conj_sub": "conj",
    "interj": "part",
    "latin": "foreign",
}
OUR_POS = frozenset(
    ["noun", "noun_prop", "adj", "verb", "prep", "conj", "part", "pron", "adv", "num", "punc", "digit", "foreign", "abbrev"]
)


def map_pos(camel_pos: str) -> str:
    if camel_pos.startswith("part_"):
        return "part"
    pos = POS_MAP.get(camel_pos, camel_pos)
    return pos if pos in OUR_POS else "noun"


def _load_disambiguator():
    db_path = camel_data.morphology_db_path()
    if db_path is None:
        raise EngineError(
            f"CAMeL morphology database not found at {camel_data.expected_morphology_db_path()}; "
            f"install it with: {camel_data.install_command(camel_data.MLE_PACKAGE)}"
        )
    # Imported only now: these modules import camel_tools.data, safe once the catalogue is there.
    from camel_tools.disambig.mle import MLEDisambiguator
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    # What MLEDisambiguator.pretrained() builds, but from the paths we found
    # rather than those camel_tools.data fixed when it was first imported.
    analyzer = Analyzer(MorphologyDB(str(db_path), "a"), "NOAN_PROP")
    mle_path = camel_data.mle_model_path()
    return MLEDisambiguator(analyzer, str(mle_path) if mle_path else None, top=1, cache_size=0)


class CamelLemmatizer:
    name = "camel"

    def __init__(self, diacritized: bool = False):
        self.diacritized = diacritized
        self._disambiguator = _load_disambiguator()
        self._cache: dict[str, tuple[str, str]] = {}

    def _lemma(self, token: str, analysis: dict | None) -> tuple[str, str]:
        if analysis is None:  # no analysis at all (e.g. a word with punctuation inside)
            return (token if self.diacritized else dediac_ar(token)), "noun"
        lemma = strip_lex(analysis.get("lex") or token)  # qAl_1 -> qAl
        return (lemma if self.diacritized else dediac_ar(lemma)), map_pos(analysis.get("pos", ""))

    def _fill_cache(self, tokens: set[str]) -> None:
        new = sorted(token for token in tokens if token not in self._cache)
        for word in self._disambiguator.disambiguate(new):
            best = word.analyses[0].analysis if word.analyses else None
            self._cache[word.word] = self._lemma(word.word, best)

    def lemmatize(self, sentences: Sentences) -> list[list[tuple[str, str]]]:
        self._fill_cache({token for sentence in sentences for token in sentence})
        return [[self._cache[token] for token in sentence] for sentence in sentences]
