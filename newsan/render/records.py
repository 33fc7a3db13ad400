"""A Document as a plain, JSON-ready record per task: what every output format reads.

Records are what batch workers send back, so they hold only plain data.
"""

from __future__ import annotations

from newsan.document import Document, Quote
from newsan.reading import Article, language_warning


def entities_record(doc: Document) -> dict:
    return {"source": doc.source, "entities": [
        {
            "text": doc.text[e.mentions[0].start : e.mentions[0].end],
            "canonical": e.canonical,
            "type": e.type,
            "count": e.count,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
        }
        for e in doc.entities
    ]}


def quote_fields(quote: Quote) -> dict:
    return {
        "text": quote.text, "start": quote.start, "end": quote.end, "kind": quote.kind,
        "cue": quote.cue, "speaker": quote.speaker, "mention": quote.mention, "title": quote.title,
    }


def quotes_record(doc: Document) -> dict:
    return {"source": doc.source, "quotes": [quote_fields(q) for q in doc.quotes]}


def speakers_record(doc: Document) -> dict:
    return {"source": doc.source, "speakers": [
        {"name": s.name, "kind": s.kind, "title": s.title, "aliases": s.aliases, "quotes": len(s.quotes),
         "first_quote": s.quotes[0].text if s.quotes else ""}
        for s in doc.speakers
    ]}


def analyze_record(doc: Document) -> dict:
    return {
        "source": doc.source,
        "entities": entities_record(doc)["entities"],
        "quotes": quotes_record(doc)["quotes"],
        "speakers": speakers_record(doc)["speakers"],
    }


def lemmas_record(doc: Document) -> dict:
    return {"source": doc.source, "tokens": [
        {"text": t.text, "start": t.start, "end": t.end, "lemma": t.lemma, "pos": t.pos} for t in doc.tokens
    ]}


RECORD_BUILDERS = {
    "entities": entities_record,
    "quotes": quotes_record,
    "speakers": speakers_record,
    "analyze": analyze_record,
    "lemmas": lemmas_record,
}


def build_record(task: str, doc: Document, with_text: bool = False) -> dict:
    """The task's record; `with_text` (--with-text, and always for --format html) adds
    the analysed text the offsets refer to, and each quote's cue offset, so that a
    reader can show every item in place."""
    record = RECORD_BUILDERS[task](doc)
    if with_text and task != "lemmas":
        record["text"] = doc.text
        for fields, quote in zip(record.get("quotes", []), doc.quotes):
            fields["cue_start"] = quote.cue_start
    return record


def error_record(source: str, message: str) -> dict:
    return {"source": source, "error": message}


def with_article(record: dict, article: Article) -> dict:
    """The record with what the input says about its document: `title` and kept
    `fields` after `source`, a `warning` for text that is not Arabic, and `text` (last)
    where the analysed text is not the input as read (an HTML page, a joined title). A
    record that already carries `text` (build_record with_text) keeps its own: the same
    analysed text, with control characters as the engines saw them."""
    head = {"source": record["source"]}
    if article.title is not None:
        head["title"] = article.title
    if article.fields is not None:
        head["fields"] = article.fields
    warning = language_warning(article.text)
    if warning:
        head["warning"] = warning
    tail = {"text": article.text} if article.show_text and "text" not in record else {}
    return head | record | tail
