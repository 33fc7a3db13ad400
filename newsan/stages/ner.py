"""Named-entity stage: BIO tags from the NER engine, made consistent across the
document, then mentions (spans)."""

from __future__ import annotations

from collections import Counter, defaultdict

from newsan.document import Document, Mention
from newsan.engines.base import NerEngine
from newsan.stages.speakers import AMMA, HONORIFICS, is_adjective_word
from newsan.stages.speech import cue_form
from newsan.text.function_words import is_function_word
from newsan.text.normalize import clitic_readings, normalize, spelled

MIN_NAME_CHARS = 4  # shorter names are too often ordinary words to spread
CONJUNCTIONS_APART = frozenset(normalize(w) for w in ("و", "ف"))
MIN_FORM = 3  # proclitic-free readings shorter than this match too much
# Places and bodies named after a person (جامعة الملك سعود، مستشفى الملك فهد، كتائب الشهيد عز
# الدين القسام، مؤسسة الملك خالد الخيرية): the person's name there is part of the place's or
# the body's, which the tagger often leaves to the name alone (سعود PERS), and which then reads
# as a person, even as the speaker of مدير جامعة الملك سعود الدكتور بدران العمر.
NAMED_PLACES = frozenset(normalize(w) for w in (
    "مطار", "مدينة", "شارع", "طريق", "ميناء", "حي", "ملعب", "استاد", "جسر", "ساحة", "قاعدة", "مخيم",
))
NAMED_BODIES = frozenset(normalize(w) for w in (
    "جامعة", "مستشفى", "مؤسسة", "مركز", "كلية", "مسجد", "جامع", "جائزة", "معهد", "مجمع", "برنامج",
    "صندوق", "مكتبة", "قصر", "مدرسة", "أكاديمية", "اكاديمية", "كرسي", "كتائب", "سرايا",
))
NAMESAKE_HONORIFICS = frozenset(normalize(w) for w in (
    "الملك", "الأمير", "الأميرة", "الشهيد", "الإمام", "الامام", "السلطان", "الشيخ",
))
KUNYA_WORDS = frozenset(normalize(w) for w in ("أم", "أبو", "أبي", "أبا"))
GENITIVE_NOUNS = frozenset(normalize(w) for w in ("برنامج", "مركز", "قصر", "طريق"))
ROYAL_TITLES = NAMESAKE_HONORIFICS - frozenset(normalize(w) for w in ("الشهيد", "الإمام"))  # not a martyr's or imam's
VIA_WORDS = frozenset(normalize(w) for w in ("عن",))
ATTACHED_TO_NOUN = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
NAMESAKE_NOUNS = NAMED_PLACES | NAMED_BODIES  # words a mention may open with, under a proclitic (بمطار)


def add_mentions(doc: Document, engine: NerEngine, common_words: frozenset[str] = frozenset()) -> None:
    sentences = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
    tagged = without_non_names(sentences, consistent_tags(sentences, engine.tag(sentences), common_words))
    tagged = [with_kunyas(words, with_namesakes(words, without_leading_verb(words, tags)))
              for words, tags in zip(sentences, tagged)]
    for (first, _), tags in zip(doc.sentences, tagged):
        for offset, tag in enumerate(tags):
            doc.tokens[first + offset].ner = tag
    doc.mentions = [
        Mention(first, last, type_, doc.text[doc.tokens[first].start : doc.tokens[last - 1].end],
                doc.tokens[first].start, doc.tokens[last - 1].end)
        for first, last, type_ in bio_spans([t.ner for t in doc.tokens], [t.sentence for t in doc.tokens])
    ]


def without_non_names(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """The tags with O over every span that cannot be a name (is_name)."""
    for words, sentence_tags in zip(sentences, tags):
        for first, last, _ in bio_spans(sentence_tags):
            if not is_name(words[first:last], words[first - 1] if first else ""):
                sentence_tags[first:last] = ["O"] * (last - first)
    return tags


def is_name(words: list[str], before: str) -> bool:
    """A span can be a name unless it has no letter (------، 2020), is one function word
    (قال لي، جامعة الإمام على مهارات) with no honorific before it (الدكتور لي), or is one
    speech verb after و or ف written apart (و طالب موظفو الوزارة: demanded, not the name طالب)."""
    if not any(c.isalpha() for word in words for c in word):
        return False
    if len(words) == 1 and is_function_word(words[0]):
        return normalize(before) in HONORIFICS
    if len(words) == 1 and normalize(before) in CONJUNCTIONS_APART and is_past_speech_verb(words[0]):
        return False
    return True


def without_leading_verb(words: list[str], tags: list[str]) -> list[str]:
    """وأبان الصباغ، وأكد الزهراني: a speech verb with و or ف on it, which the tagger took
    into the name after it, is no part of the name."""
    for first, last, type_ in bio_spans(tags):
        if last - first > 1 and words[first][:1] in "وف" and is_past_speech_verb(words[first]):
            tags[first], tags[first + 1] = "O", "B-" + type_
    return tags


def with_namesakes(words: list[str], tags: list[str]) -> list[str]:
    """A person's name after a place or body noun in construct, with or without the title
    before it (جامعة الملك سعود، مستشفى سليمان الحبيب), and any name after such a title
    (مطار [الملك عبدالعزيز] LOC), is that place's (LOC) or body's (ORG) name, with the
    adjectives after it (مطار الملك عبدالعزيز الدولي)."""
    for first, last, type_ in bio_spans(tags):
        noun_at = first - 1
        titled = normalize(words[first]) in NAMESAKE_HONORIFICS
        if not titled and noun_at >= 0 and tags[noun_at] == "O" and normalize(words[noun_at]) in NAMESAKE_HONORIFICS:
            noun_at -= 1  # جامعة الملك [سعود]
            titled = True
        if type_ != "PERS" and not titled:
            continue  # مدينة سوسة، ملعب رادس: the place is named already
        royal = any(normalize(w) in ROYAL_TITLES for w in words[noun_at + 1 : first + 1])
        via = noun_at > 0 and normalize(words[noun_at - 1]) in VIA_WORDS  # عن طريق: "by way of"
        kind = namesake_kind(words[noun_at], royal) if noun_at >= 0 and not via else ""
        if not kind:
            continue
        start = noun_at
        while start > 0 and tags[start].startswith("I-"):
            start -= 1  # [كتائب الشهيد] [عز الدين القسام]: the body tagged in part
        end = last
        while end < len(words) and tags[end] == "O" and is_adjective_word(normalize(words[end])):
            end += 1
        tags[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    return tags


def with_kunyas(words: list[str], tags: list[str]) -> list[str]:
    """أم خالد، أبو محمد: a person called as the mother or father of a child, which the tagger
    may cut to the child's name (خالد). أم is also "or" (هل هو خالد أم محمد، ماكرون، أم لوبان):
    it opens the name only at the sentence's start, after أما or after a speech verb."""
    for first, _, type_ in bio_spans(tags):
        if type_ != "PERS" or first == 0 or tags[first - 1] != "O" or normalize(words[first - 1]) not in KUNYA_WORDS:
            continue
        before = words[first - 2] if first >= 2 else ""
        if not before or normalize(before) in AMMA or cue_form(before) is not None:
            tags[first - 1], tags[first] = "B-PERS", "I-PERS"
    return tags


def namesake_kind(word: str, royal: bool = True) -> str:
    """LOC or ORG for a place or body noun that a name may follow (بجامعة too), else "".
    A noun in ة must be written with it: مكتبه، مؤسسه، مدرسه are "his office, its founder, his
    teacher". برنامج، مركز، قصر، طريق take a person in a plain genitive too (برنامج ترامب،
    مركز محمد صلاح، عن طريق): they name a place only after a royal title (مركز الملك سلمان)."""
    norm = normalize(word)
    for noun in (norm, *(norm[len(p):] for p in ATTACHED_TO_NOUN if norm.startswith(p))):
        if noun.endswith("ه") and not spelled(word).endswith("ة"):
            continue
        if noun in GENITIVE_NOUNS and not royal:
            continue
        if noun in NAMED_PLACES:
            return "LOC"
        if noun in NAMED_BODIES:
            return "ORG"
    return ""


def is_past_speech_verb(word: str) -> bool:
    cue = cue_form(word)
    return cue is not None and not (cue.noun or cue.participle or cue.imperfect)


def bio_spans(tags: list[str], sentence_of: list[int] | None = None) -> list[tuple[int, int, str]]:
    """(first, last, type) of each entity, conlleval style: an I- tag after O,
    after another type, or across a sentence break starts a new entity."""
    spans = []
    first, current = -1, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, type_ = tag.partition("-")
        new_sentence = sentence_of is not None and 0 < i < len(tags) and sentence_of[i] != sentence_of[i - 1]
        continues = prefix == "I" and type_ == current and not new_sentence
        if current is not None and not continues:
            spans.append((first, i, current))
            current = None
        if prefix in ("B", "I") and not continues:
            first, current = i, type_
    return spans


def consistent_tags(sentences: list[list[str]], tags: list[list[str]],
                    common_words: frozenset[str] = frozenset()) -> list[list[str]]:
    """One sense per document: a name the tagger found once is a name wherever it
    recurs and the tagger left it O (ANERcorp dev F1 0.722 → 0.744, all of it recall).
    Words match when they share a reading without proclitics (فينغر ~ لفينغر, روسيا ~
    لروسيا); the most frequent words of the language never spread, however tagged."""
    forms = [[word_forms(word) for word in sentence] for sentence in sentences]
    types: dict[tuple[frozenset[str], ...], Counter] = defaultdict(Counter)
    for sentence_forms, sentence_tags in zip(forms, tags):
        for first, last, type_ in bio_spans(sentence_tags):
            name = tuple(sentence_forms[first:last])
            if is_spreadable(name, common_words):
                types[name][type_] += 1
    # Longest names first, then in document order: the same result in every process.
    order = {name: rank for rank, name in enumerate(sorted(types, key=len, reverse=True))}
    by_first_form: dict[str, list] = defaultdict(list)
    for name in order:
        for form in name[0]:
            by_first_form[form].append(name)
    return [spread(f, list(t), by_first_form, types, order) for f, t in zip(forms, tags)]


def word_forms(word: str) -> frozenset[str]:
    """The word as written and its proclitic-free readings (normalised)."""
    readings = clitic_readings(normalize(word))
    return frozenset(r for r in readings[1:] if len(r) >= MIN_FORM) | {readings[0]}


def is_spreadable(name: tuple[frozenset[str], ...], common_words: frozenset[str]) -> bool:
    if sum(min(map(len, forms)) for forms in name) < MIN_NAME_CHARS:
        return False
    return len(name) > 1 or not name[0] & common_words


def spread(forms: list[frozenset[str]], tags: list[str], by_first_form, types, order) -> list[str]:
    i = 0
    while i < len(forms):
        candidates = sorted({n for form in forms[i] for n in by_first_form.get(form, ())}, key=order.get)
        name = next((n for n in candidates if len(n) <= len(forms) - i
                     and all(forms[i + j] & n[j] and tags[i + j] == "O" for j in range(len(n)))), None)
        if name is None:
            i += 1
            continue
        type_ = types[name].most_common(1)[0][0]
        tags[i : i + len(name)] = ["B-" + type_] + ["I-" + type_] * (len(name) - 1)
        i += len(name)
    return tags
