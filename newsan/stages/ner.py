"""Named-entity stage: BIO tags from the NER engine, made consistent across the
document, then mentions (spans)."""

from __future__ import annotations

from collections import Counter, defaultdict

from newsan.document import Document, Mention
from newsan.engines.base import NerEngine
from newsan.text.normalize import clitic_readings, normalize

MIN_NAME_CHARS = 4  # shorter names are too often ordinary words to spread


def add_mentions(doc: Document, engine: NerEngine, common_words: frozenset[str] = frozenset()) -> None:
    sentences = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
    tags = consistent_tags(sentences, engine.tag(sentences), common_words)
    for (first, _), tags in zip(doc.sentences, tags):
        for offset, tag in enumerate(tags):
            doc.tokens[first + offset].ner = tag
    doc.mentions = [
        Mention(first, last, type_, doc.text[doc.tokens[first].start : doc.tokens[last - 1].end],
                doc.tokens[first].start, doc.tokens[last - 1].end)
        for first, last, type_ in bio_spans([t.ner for t in doc.tokens], [t.sentence for t in doc.tokens])
    ]


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
    recurs and the tagger left it O (ANERcorp dev F1 0.722 → 0.743, all of it recall).
    Names match on clitic-free forms (لروسيا ~ روسيا); the most frequent words of the
    language never spread, however they were tagged."""
    keys = [[clitic_readings(normalize(word))[-1] for word in sentence] for sentence in sentences]
    types: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for sentence_keys, sentence_tags in zip(keys, tags):
        for first, last, type_ in bio_spans(sentence_tags):
            name = tuple(sentence_keys[first:last])
            if sum(map(len, name)) >= MIN_NAME_CHARS and not (len(name) == 1 and name[0] in common_words):
                types[name][type_] += 1
    by_first_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in sorted(types, key=len, reverse=True):
        by_first_word[name[0]].append(name)
    return [spread(k, list(t), by_first_word, types) for k, t in zip(keys, tags)]


def spread(keys: list[str], tags: list[str], by_first_word, types) -> list[str]:
    i = 0
    while i < len(keys):
        name = next((n for n in by_first_word.get(keys[i], ()) if tuple(keys[i : i + len(n)]) == n
                     and all(tag == "O" for tag in tags[i : i + len(n)])), None)
        if name is None:
            i += 1
            continue
        type_ = types[name].most_common(1)[0][0]
        tags[i : i + len(name)] = ["B-" + type_] + ["I-" + type_] * (len(name) - 1)
        i += len(name)
    return tags
