"""Entity stage: group mentions into entities with one canonical form each.

Mentions are matched on keys (normalised, proclitics and article removed), so
المالكي, والمالكي and نوري المالكي meet; the canonical form is the fullest name
used, shown with its proclitics removed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from newsan.document import Document, Entity, Mention
from newsan.stages.ner import KUNYA_WORDS, NAMESAKE_NOUNS
from newsan.stages.speakers import is_given_name
from newsan.text.normalize import match_key, split_proclitics

MAX_FIRST_NAME_EDITS = 1  # سرغي / سيرغي لافروف: transliteration variants of one name
SON_OF = {"بن", "ابن", "بنت"}  # match keys


def add_entities(doc: Document, lexicon: frozenset[str] = frozenset()) -> None:
    known = with_namesake_nouns(lexicon) | {t.norm for t in doc.tokens}
    inner_name_words = {t.norm for m in doc.mentions if m.type == "PERS" for t in doc.tokens[m.first + 1 : m.last]}
    for mention in doc.mentions:
        first = doc.tokens[mention.first].norm
        if first in inner_name_words or opens_full_name(mention, first):
            # باللطيف after عبد الرؤوف باللطيف, بهية راشدي, وليد الجزيري: the name as written,
            # no ب or و to take off
            mention.proclitics, mention.name = "", mention.text
        else:
            mention.proclitics, mention.name = split_mention(doc, mention, known, lexicon)
    keyed = [(mention, mention_keys(doc, mention, known, lexicon)) for mention in doc.mentions]
    groups: list[list[tuple[Mention, tuple[str, ...]]]] = []
    groups_with_word: dict[str, list[int]] = defaultdict(list)  # only groups sharing a word can match
    # Longest mentions first, so a surname alone joins the full name it shortens.
    for mention, keys in sorted(keyed, key=lambda mk: (-len(mk[1]), mk[0].start)):
        candidates = sorted({index for key in keys for index in groups_with_word[key]})
        index = next((i for i in candidates if same_entity(keys, mention.type, groups[i])), len(groups))
        if index == len(groups):
            groups.append([])
        groups[index].append((mention, keys))
        for key in keys:
            if index not in groups_with_word[key]:
                groups_with_word[key].append(index)
    doc.entities = [make_entity(group) for group in groups]
    doc.entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    for index, entity in enumerate(doc.entities):
        for mention in entity.mentions:
            mention.entity = index


@lru_cache(maxsize=4)
def with_namesake_nouns(lexicon: frozenset[str]) -> frozenset[str]:
    """The lexicon and the nouns a place's name opens with (بمطار الملك عبدالعزيز: ب + مطار),
    joined once, not for every document."""
    return lexicon | NAMESAKE_NOUNS


def mention_keys(doc: Document, mention: Mention, known: set[str], names: frozenset[str]) -> tuple[str, ...]:
    tokens = doc.tokens[mention.first : mention.last]
    keys = [match_key(tokens[0].text, known, names)] + [match_key(t.text, frozenset()) for t in tokens[1:]]
    return tuple(k for k in keys if k)


def same_entity(keys: tuple[str, ...], type_: str, group) -> bool:
    for other, other_keys in group:
        if keys == other_keys:
            return True
        if other.type != type_ or len(keys) >= len(other_keys):
            continue
        # A shorter name of a person keeps its words' order (نوري المالكي within
        # نوري كامل المالكي); other names must appear whole (العراق within جمهورية العراق).
        if is_shorter_name(keys, other_keys) if type_ == "PERS" else is_sublist(keys, other_keys):
            return True
    if type_ == "PERS" and len(keys) > 1:
        return any(same_person_spelled_differently(keys, k) for _, k in group)
    return False


def same_person_spelled_differently(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or a[-1] != b[-1]:
        return False
    return all(edit_distance(x, y) <= MAX_FIRST_NAME_EDITS for x, y in zip(a[:-1], b[:-1]))


def is_shorter_name(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """A person is called by the first name or the family name, not by a father's or
    grandfather's name alone: عبد العزيز is another man than محمد بن عبد العزيز الصفيان
    or فيصل بن خالد بن عبدالعزيز (his father, or the king a road is named after).
    A last word after بن is a family name only when the short name opens with بن
    (بن مبارك for جوهر بن مبارك); سلمان بن عبدالعزيز is the father of محمد بن سلمان بن عبدالعزيز."""
    if not short or not is_subsequence(short, long):
        return False
    by_family_name = short[-1] == long[-1] and (long[-2] not in SON_OF or short[0] in SON_OF)
    return short[0] == long[0] or by_family_name


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    words = iter(long)
    return all(word in words for word in short)


def is_sublist(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def opens_full_name(mention: Mention, first: str) -> bool:
    """A person's name of two words or more whose first word is a given name as written."""
    if first[1:] in KUNYA_WORDS:
        return False  # بأبي القاسم الشابي: ب + أبي, whatever بابي may be
    return mention.type == "PERS" and mention.last - mention.first > 1 and is_given_name(first)


def make_entity(group) -> Entity:
    mentions = sorted((m for m, _ in group), key=lambda m: m.start)
    forms = Counter(m.name for m in mentions)
    types = Counter(m.type for m in mentions)
    fullest = max(forms, key=lambda form: (len(form.split()), forms[form], len(form)))
    _, keys = max(group, key=lambda mk: len(mk[1]))
    return Entity(fullest, types.most_common(1)[0][0], mentions, " ".join(keys))


def split_mention(doc: Document, mention: Mention, known: set[str], names: frozenset[str]) -> tuple[str, str]:
    """(proclitics, the mention without them)."""
    first = doc.tokens[mention.first]
    proclitics, rest = split_proclitics(first.text, known, names)
    return proclitics, rest + doc.text[first.end : mention.end]
