"""The embedded lemmatizer: camel_tools' own morphological analyzer over a CAMeL
database built from the Buckwalter 1.0 lexicon (see build.py), ranked by lemma
probabilities learned from unlabelled news. Needs only camel_tools at runtime,
no CAMeL data and no network.
"""

from __future__ import annotations

import gzip
import math
import re
import tempfile
from collections import defaultdict
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Sequence

from camel_tools.utils.dediac import dediac_ar

DATA_DIR = Path(__file__).parent / "data"
DB_FILE = "morphology.db.gz"
UNKNOWN_WORDS_FILE = "unknown_words.txt.gz"
PATTERNS_FILE = "affix_patterns.tsv.gz"
UNSEEN_PATTERN_PROB = 1e-6
CONTEXT_FILE = "pos_context.tsv.gz"
SENTENCE_START = "<s>"
MAX_OPTIONS = 4
MIN_OPTION_PROB = 0.01
CONTEXT_WEIGHT = 1.0

Option = tuple[str, str, float]  # lemma, pos, log P(lemma, pos | word)

_PUNC = re.compile(r"^[^\w]+$")
_DIGIT = re.compile(r"\d")  # as camel_tools: a token with a digit (2015م، و50) is a number
_ARABIC = re.compile(r"^[\u0621-\u064a\u0640\u064b-\u0652\u0670\u0671]+$")
_LOOKUP_NORMALIZE = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": ""})

# Clitics the OOV fallback may take off, longest first: conjunction, then
# preposition, then the article (لل is ل + ال with the alef dropped).
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_BARE_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_MIN_REST = 3
_UNSEEN_PATTERN_LOGPROB = math.log(UNSEEN_PATTERN_PROB)


def analysis_key(analysis: dict) -> tuple[str, str]:
    """What an analysis says about lemma and part of speech: (diacritised lex, pos)."""
    return analysis["lex"], analysis["pos"]


def analysis_pattern(analysis: dict) -> tuple[str, str, str]:
    """How the analysis inflects: (pos, prefix morphemes, suffix morphemes and
    whether the stem is the lemma's own or another, e.g. a broken plural)."""
    return analysis["pos"], analysis.get("prf", "-"), analysis.get("suf", "-") + "|" + analysis["sf"]


def exact_analyses(analyses: list[dict]) -> list[dict]:
    """The analyses that spell the word as written, if any. CAMeL's lookup
    unifies ة/ه, ى/ي and alef forms, so رغبة also reads رغبه "he wanted it";
    those readings are marked source=spvar and only count when nothing else fits."""
    exact = [a for a in analyses if a.get("source") != "spvar"]
    return exact or analyses


def lookup_form(word: str) -> str:
    return dediac_ar(word).translate(_LOOKUP_NORMALIZE)


@lru_cache(maxsize=1)
def _pattern_logprobs() -> dict[tuple[str, str, str], float]:
    with gzip.open(DATA_DIR / PATTERNS_FILE, "rt", encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines)
        return {(pos, prf, suf): float(score) for pos, prf, suf, score in rows}


@lru_cache(maxsize=1)
def _pos_context() -> dict[tuple[str, str], float]:
    with gzip.open(DATA_DIR / CONTEXT_FILE, "rt", encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines)
        return {(prev, pos): float(score) for prev, pos, score in rows}


@lru_cache(maxsize=1)
def _unknown_words() -> frozenset[str]:
    with gzip.open(DATA_DIR / UNKNOWN_WORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(lookup_form(line.strip()) for line in lines if line.strip())


def load_analyzer():
    """camel_tools' Analyzer over the shipped database.

    MorphologyDB reads a plain file path, so the gzipped database is unpacked to
    a temporary folder that is gone as soon as it has been parsed.
    """
    from newsan.engines.embedded_lemma.camel_import import morphology

    MorphologyDB, Analyzer = morphology()
    with tempfile.TemporaryDirectory(prefix="newsan-") as folder:
        db_path = Path(folder) / "morphology.db"
        with gzip.open(DATA_DIR / DB_FILE, "rb") as packed:
            db_path.write_bytes(packed.read())
        return Analyzer(MorphologyDB(str(db_path)))


def token_class(token: str) -> str | None:
    """pos of tokens that are their own lemma: punctuation, digits, Latin script."""
    if _DIGIT.search(token):
        return "digit"
    if _PUNC.match(token):
        return "punc"
    if not _ARABIC.match(token):
        return "foreign"
    return None


class EmbeddedLemmatizer:
    name = "embedded"

    def __init__(self, diacritized: bool = False):
        self.diacritized = diacritized
        self._analyzer = load_analyzer()
        self._patterns = _pattern_logprobs()
        self._context = _pos_context()
        # word → its likely (lemma, pos, log P(lemma, pos | word)), best first; () when unknown
        self._cache: dict[str, tuple[Option, ...]] = {}

    def lemmatize(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, str]]]:
        document_words = {lookup_form(token) for sentence in sentences for token in sentence}
        return [self._best_path([self._options(token, document_words) for token in sentence])
                for sentence in sentences]

    def _options(self, token: str, document_words: set[str]) -> tuple[Option, ...]:
        options = self._cache.get(token)
        if options is None:
            options = self._cache[token] = self._word_options(token)
        return options or ((*self._unknown_word(token, document_words), 0.0),)

    def _best_path(self, options: list[tuple[Option, ...]]) -> list[tuple[str, str]]:
        """Viterbi over each word's options: log P(lemma, pos | word) plus how much
        the previous word's pos makes this pos likelier or less likely (a noun
        after a preposition, an adjective after a noun)."""
        if all(len(word) == 1 for word in options):
            return [(lemma, pos) for ((lemma, pos, _),) in options]
        paths = [(0.0, SENTENCE_START, ())]  # (score, last pos, (lemma, pos) so far)
        for word in options:
            extended = []
            for lemma, pos, logprob in word:
                score, _, history = max(
                    ((score + CONTEXT_WEIGHT * self._context.get((last, pos), 0.0), last, history)
                     for score, last, history in paths), key=itemgetter(0))
                extended.append((score + logprob, pos, history + ((lemma, pos),)))
            paths = extended
        return list(max(paths, key=itemgetter(0))[2])

    def _word_options(self, token: str) -> tuple[Option, ...]:
        pos = token_class(token)
        if pos:
            return ((token, pos, 0.0),)
        analyses = self._analyzer.analyze(token)
        if not analyses:
            return ()
        probs = self.lemma_probs(analyses)
        total = sum(probs.values())
        ranked = sorted(probs.items(), key=lambda item: -item[1])[:MAX_OPTIONS]
        return tuple((self._lemma_text(lex), pos, math.log(p / total)) for (lex, pos), p in ranked
                     if p / total >= MIN_OPTION_PROB or p == ranked[0][1])

    def lemma_probs(self, analyses: list[dict]) -> dict[tuple[str, str], float]:
        """P(lex, pos | word), up to a constant: the sum over the analyses giving
        that lemma (هدد gets both تهدد "she threatens" and "you threaten")."""
        probs = defaultdict(float)
        for analysis in exact_analyses(analyses):
            probs[analysis_key(analysis)] += math.exp(self._score(analysis))
        return probs

    def _score(self, analysis: dict) -> float:
        """log P(lex, pos) + log P(affixes | pos), as learned by build.py."""
        pattern = self._patterns.get(analysis_pattern(analysis), _UNSEEN_PATTERN_LOGPROB)
        return analysis["pos_lex_logprob"] + pattern

    def _lemma_text(self, lex: str) -> str:
        return lex if self.diacritized else dediac_ar(lex)

    def _unknown_word(self, token: str, document_words: set[str]) -> tuple[str, str]:
        """Words the lexicon lacks are mostly names. Take off the clitics that
        leave a word seen on its own (in this document, or often in the news
        corpus): للافروف → لافروف when لافروف occurs. Failing that, take off
        only what surely is a clitic: the article and what precedes it."""
        corpus_words = _unknown_words()  # not joined into one set: that copied the document's words per word

        def attested(form: str) -> bool:
            return form in document_words or form in corpus_words

        def seen(form: str) -> bool:
            return attested(lookup_form(form)) or attested(lookup_form("ال" + form))

        rest = next((rest for rest in clitic_strips(token) if seen(rest)), None)
        if rest is None:
            rest = next(clitic_strips(token, _ARTICLE_PREFIXES), token)
        return (rest if self.diacritized else dediac_ar(rest)), "noun_prop"


def clitic_strips(token: str, prefixes: Sequence[str] = _ARTICLE_PREFIXES + _BARE_PREFIXES):
    """What is left of `token` after each clitic prefix it starts with, longest first."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_REST:
            yield token[len(prefix):]
