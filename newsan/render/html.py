"""--format html: one self-contained page to check what was found before publishing it.

For one document, the article itself: its text as written (logical order; the browser
lays it out right to left), entities marked by type with their canonical name on hover
or focus, quotes marked by kind with their speaker and cue, and beside it the list of
entities and speakers (clicking one lights its mentions). For a batch, an overview
comes first (charts.py, overview.py), then the list of articles, then the articles, one
shown at a time (#doc-N, with CSS alone; the small script adds the filters).

The page is rendered from the records with `text` and quote `cue_start`
(records.build_record with_text); what the input says about a document (`title`, kept
`fields`, a `warning`) shows in its header. All article text goes through markup.text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import IO, Iterable

from newsan import __version__
from newsan.render import charts
from newsan.render.markup import start_tag, tag, text
from newsan.render.overview import TYPES, Overview, document_date, entity_key, overview, speaker_key

TYPE_NAMES = {"PERS": "أشخاص", "ORG": "منظمات", "LOC": "أماكن", "MISC": "أخرى"}
KIND_NAMES = {"direct": "اقتباس مباشر", "indirect": "اقتباس غير مباشر", "mixed": "اقتباس مختلط",
              "headline": "اقتباس في العنوان"}
WORDS = {
    "articles": "مقالات", "mentions": "مرات الذكر", "quotes": "اقتباسات",
    "entities": "الكيانات", "speakers": "المتحدثون", "speaker": "القائل", "unknown": "غير معروف",
    "cue": "فعل القول", "as": "ذُكر بـ", "title": "الصفة", "failed": "تعذّر تحليلها",
    "list": "المقالات", "all": "عرض الكل", "back": "نظرة عامة",
    "previous": "السابق", "next": "التالي", "top_speakers": "الأكثر اقتباسًا",
    "network": "من يظهر مع من (أشخاص ومنظمات في المقالات نفسها)",
    "quoting": "من يذكر من في اقتباساته", "timeline": "عبر الزمن",
    "no_links": "لا يظهر اثنان منهم في مقال واحد.",
    "none": "لا شيء", "dated": "مقالات مؤرخة", "source": "المصدر", "date": "التاريخ",
    "no_documents": "لا مقالات.", "hint": "انقر على اسم لإبراز مواضع ذكره.",
}
TITLE_LENGTH = 160
WRITE_CHARS = 2048  # per write: at most 8 KiB of UTF-8, the size of Python's write buffer


def write_html(records: Iterable[dict], out: IO[str], task: str, batch: bool) -> None:
    """The page for `records` (all of them: the overview needs the whole batch), written
    in pieces: one large write to a pipe whose reader leaves (`| head`) can end without
    an error, the bytes after the first lost, where the next piece's write fails."""
    content = page(list(records), task, batch)
    for start in range(0, len(content), WRITE_CHARS):
        out.write(content[start : start + WRITE_CHARS])


def page(records: list[dict], task: str, batch: bool) -> str:
    if batch:
        title = f"newsan: {len(records)} {WORDS['articles']}"
        body = batch_body(records, task)
    else:
        title = f"newsan: {records[0]['source']}" if records else "newsan"
        body = "".join(article(i, r) for i, r in enumerate(records)) or tag("p", WORDS["no_documents"])
    head = ('<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="newsan {__version__}">' + tag("title", text(title))
            + tag("style", asset("page.css")))
    main = tag("main", body)
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">' + tag("head", head)
            + tag("body", main + tag("script", asset("page.js")), class_="batch" if batch else "single")
            + "</html>\n")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return files("newsan.render").joinpath("page", name).read_text(encoding="utf-8")


# ---- the article ---------------------------------------------------------------------------

def article(index: int, record: dict, batch_size: int = 0) -> str:
    """One document: a header, its marked text, and the side list; in a batch of
    `batch_size` documents, links to the overview and the neighbours first."""
    parts = [pager(index, batch_size)] if batch_size else []
    if "error" in record:
        parts += [tag("h2", tag("bdi", text(record["source"]), dir="ltr")),
                  tag("p", text(record["error"]), class_="error")]
    else:
        parts += [tag("h2", text(headline(record))), about(record),
                  tag("div", tag("div", marked_text(record), class_="text") + side_list(record), class_="layout")]
    return tag("article", "".join(parts), id=f"doc-{index}", class_="doc")


def headline(record: dict) -> str:
    """The record's title (an HTML page's, an archive's --title-field), else the first
    line of the text (a news file's title), shortened."""
    first = " ".join((record.get("title") or "").split())
    if not first:
        first = next((line.strip() for line in record.get("text", "").splitlines() if line.strip()), "")
    if not first:
        return record["source"]
    return first if len(first) <= TITLE_LENGTH else first[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"


def about(record: dict) -> str:
    day = document_date(record)
    facts = [f"{WORDS['source']}: " + tag("bdi", text(record["source"]), dir="ltr")]
    if day:
        facts.append(f"{WORDS['date']}: " + tag("bdi", day.isoformat(), dir="ltr"))
    facts += [f"{WORDS[name]}: {len(record[name])}" for name in ("entities", "quotes", "speakers") if name in record]
    kept = [tag("bdi", text(name), dir="ltr") + ": " + tag("bdi", text(value))
            for name, value in (record.get("fields") or {}).items()
            if name != "date" and value is not None and not isinstance(value, (dict, list)) and str(value).strip()]
    legend = "".join(tag("span", TYPE_NAMES[t], class_=f"key {t}") for t in TYPES)
    if "quotes" in record:
        legend += "".join(tag("span", KIND_NAMES[k], class_=f"key q {k}") for k in KIND_NAMES)
    return (tag("p", " · ".join(facts), class_="about")
            + (tag("p", " · ".join(kept), class_="about fields") if kept else "")
            + (tag("p", text(record["warning"]), class_="warning") if record.get("warning") else "")
            + tag("p", legend, class_="legend"))


def pager(index: int, size: int) -> str:
    links = [tag("a", WORDS["back"], href="#overview")]
    if index > 0:
        links.append(tag("a", WORDS["previous"], href=f"#doc-{index - 1}"))
    if index + 1 < size:
        links.append(tag("a", WORDS["next"], href=f"#doc-{index + 1}"))
    return tag("nav", " ".join(links), class_="pager")


def speaker_entities(record: dict) -> dict[int, int]:
    """Speaker index -> the index of the entity that is that speaker (same name)."""
    by_name: dict[str, int] = {}
    for i, entity in enumerate(record.get("entities", [])):
        if entity["type"] in ("PERS", "ORG"):
            by_name.setdefault(entity["canonical"], i)
    return {i: by_name[s["name"]] for i, s in enumerate(record.get("speakers", [])) if s["name"] in by_name}


def spans(record: dict) -> tuple[list[tuple], list[tuple]]:
    """(start, end, opening tag, closing tag, rank) of the quotes, and of the words inside
    them: entity mentions (rank 0) and cues (rank 1: a mention wins where they overlap)."""
    speakers = {s["name"]: i for i, s in enumerate(record.get("speakers", []))}
    outer, inner = [], []
    for i, entity in enumerate(record.get("entities", [])):
        for mention in entity["mentions"]:
            opener = start_tag("mark", class_=entity["type"], data_e=i, data_c=entity["canonical"], tabindex=0)
            inner.append((mention["start"], mention["end"], opener, "</mark>", 0))
    source = record.get("text", "")
    for quote in record.get("quotes", []):
        who = speakers.get(quote["speaker"])
        outer.append((quote["start"], quote["end"], quote_opener(quote, who), "</span>", 0))
        cue, at = quote["cue"], quote.get("cue_start", -1)
        if cue and at >= 0 and source[at : at + len(cue)] == cue:
            inner.append((at, at + len(cue), start_tag("b", class_="cue", data_s=who, title=WORDS["cue"]), "</b>", 1))
    return outer, inner


def quote_opener(quote: dict, who: int | None) -> str:
    details = [KIND_NAMES.get(quote["kind"], quote["kind"]),
               f"{WORDS['speaker']}: {quote['speaker'] or WORDS['unknown']}"]
    if quote["title"]:
        details.append(f"{WORDS['title']}: {quote['title']}")
    if quote["mention"] and quote["mention"] != quote["speaker"]:
        details.append(f"{WORDS['as']}: {quote['mention']}")
    if quote["cue"]:
        details.append(f"{WORDS['cue']}: {quote['cue']}")
    return start_tag("span", class_=f"q {quote['kind']}", data_s=who, data_who=quote["speaker"] or "؟",
                     title=" · ".join(details))


def marked_text(record: dict) -> str:
    """The text as markup: quotes are the outer layer, mentions and cues the inner one.
    Where two spans of a layer overlap, the one that starts later is shown; an inner span
    is cut where a quote begins or ends, so that the markup always nests."""
    source = record.get("text", "")
    outer, inner = spans(record)
    cuts = sorted({0, len(source), *(s[0] for s in outer + inner), *(s[1] for s in outer + inner)})
    cuts = [c for c in cuts if 0 <= c <= len(source)]
    quotes, words = Layer(outer), Layer(inner)
    pieces, open_outer, open_inner = [], None, None
    for start, end in zip(cuts, cuts[1:]):
        quote, word = quotes.at(start), words.at(start)
        if quote is not open_outer:
            pieces.append((open_inner[3] if open_inner else "") + (open_outer[3] if open_outer else ""))
            pieces.append(quote[2] if quote else "")
            open_outer, open_inner = quote, None
        if word is not open_inner:
            pieces.append(open_inner[3] if open_inner else "")
            pieces.append(word[2] if word else "")
            open_inner = word
        pieces.append(text(source[start:end]))
    pieces.append((open_inner[3] if open_inner else "") + (open_outer[3] if open_outer else ""))
    return "".join(pieces)


class Layer:
    """Spans (start, end, opener, closer, rank) swept left to right: `at(pos)` for
    increasing positions gives the span covering `pos` that starts last (the lower
    rank on a tie: a mention before a cue)."""

    def __init__(self, spans: list[tuple]):
        self.spans = sorted((s for s in spans if s[0] < s[1]), key=lambda s: (s[0], s[4]))
        self.next = 0
        self.active: list[tuple] = []

    def at(self, pos: int) -> tuple | None:
        while self.next < len(self.spans) and self.spans[self.next][0] <= pos:
            self.active.append(self.spans[self.next])
            self.next += 1
        self.active = [s for s in self.active if s[1] > pos]
        return max(self.active, key=lambda s: (s[0], -s[4]), default=None)


def side_list(record: dict) -> str:
    entities = record.get("entities", [])
    parts = [tag("p", WORDS["hint"], class_="hint")]
    if entities:
        parts.append(tag("h3", WORDS["entities"]))
        for type_ in TYPES:
            items = [(i, e) for i, e in enumerate(entities) if e["type"] == type_]
            if items:
                parts.append(tag("h4", TYPE_NAMES[type_], class_=type_))
                parts.append(tag("ul", "".join(tag("li", entity_button(i, e)) for i, e in items)))
    speakers = record.get("speakers", [])
    if speakers:
        links = speaker_entities(record)
        parts.append(tag("h3", WORDS["speakers"]))
        parts.append(tag("ul", "".join(tag("li", speaker_button(i, s, links.get(i))) for i, s in enumerate(speakers))))
    return tag("aside", "".join(parts), class_="side")


def entity_button(index: int, entity: dict) -> str:
    content = text(entity["canonical"]) + latin(entity) + tag("span", str(entity["count"]), class_="n")
    return tag("button", content, type="button", class_=f"item {entity['type']}", data_e=index,
               data_k=entity_key(entity), aria_pressed="false", title=f"{WORDS['mentions']}: {entity['count']}")


def speaker_button(index: int, speaker: dict, entity: int | None) -> str:
    content = (text(speaker["name"]) + latin(speaker)
               + (tag("small", text(speaker["title"])) if speaker["title"] else "")
               + tag("span", str(speaker["quotes"]), class_="n"))
    aliases = "، ".join(a for a in speaker["aliases"] if a != speaker["name"])
    return tag("button", content, type="button", class_="item sp", data_s=index, data_e=entity,
               data_k=speaker_key(speaker["name"]), aria_pressed="false",
               title=f"{WORDS['quotes']}: {speaker['quotes']}" + (f" · {aliases}" if aliases else ""))


def latin(item: dict) -> str:
    return tag("small", text(item["translit"]), dir="ltr") if item.get("translit") else ""


# ---- the batch ----------------------------------------------------------------------------

def batch_body(records: list[dict], task: str) -> str:
    summary = overview(records)
    articles = "".join(article(i, r, batch_size=len(records)) for i, r in enumerate(records))
    return overview_section(summary, task) + article_list(records) + articles


def overview_section(summary: Overview, task: str) -> str:
    unit = WORDS["articles"]
    counts = f"{WORDS['articles']}: {summary.documents}"
    if summary.failed:
        counts += f" · {WORDS['failed']}: {summary.failed}"
    if summary.periods:
        first, last = (tag("bdi", p.label, dir="ltr") for p in (summary.periods[0], summary.periods[-1]))
        counts += f" · {WORDS['dated']}: {summary.dated} ({first} – {last})"
    nav = tag("nav", tag("a", WORDS["list"], href="#list"), class_="pager")
    cards = []
    for type_ in TYPES:
        if summary.entities[type_]:
            cards.append(card(TYPE_NAMES[type_], charts.bar_chart(summary.entities[type_], unit, WORDS["mentions"])))
    if task != "entities":
        cards.append(card(WORDS["top_speakers"], charts.bar_chart(summary.speakers, unit, WORDS["quotes"])
                          or tag("p", WORDS["none"])))
    network = charts.network(summary.network_nodes, summary.network_links, unit) or tag("p", WORDS["no_links"])
    cards.append(card(WORDS["network"], network, wide=True))
    if task != "entities":
        cards.append(card(WORDS["quoting"], quoting_table(summary) or tag("p", WORDS["none"]), wide=True))
    if summary.periods:
        cards.append(card(WORDS["timeline"], charts.timeline(summary.periods, summary.timeline_entities, unit),
                          wide=True))
    content = tag("h1", "newsan") + tag("p", counts, class_="about") + nav + tag("div", "".join(cards), class_="cards")
    return tag("section", content, id="overview")


def card(title: str, content: str, wide: bool = False) -> str:
    return tag("section", tag("h2", text(title)) + content, class_="card wide" if wide else "card")


def quoting_table(summary: Overview) -> str:
    rows = []
    for speaker, links in summary.quoting:
        who = charts.filter_link(text(speaker.name), speaker.docs, speaker.name, speaker.key, class_="sp")
        named = " ".join(
            charts.filter_link(text(link.target.name) + tag("span", str(link.count), class_="n"), link.docs,
                               f"{speaker.name} ← {link.target.name}", link.target.key,
                               class_=f"chip {link.target.type}")
            for link in links)
        rows.append(tag("tr", tag("th", who, scope="row") + tag("td", named)))
    return tag("table", "".join(rows), class_="quoting") if rows else ""


def article_list(records: list[dict]) -> str:
    rows = []
    for i, record in enumerate(records):
        source = tag("bdi", text(record["source"]), dir="ltr", class_="src")
        if "error" in record:
            rows.append(tag("li", source + " " + tag("span", text(record["error"]), class_="error"), data_i=i,
                            class_="failed"))
            continue
        day = document_date(record)
        facts = [f"{WORDS[name]}: {len(record[name])}" for name in ("entities", "quotes") if name in record]
        rows.append(tag("li", tag("a", text(headline(record)), href=f"#doc-{i}") + " " + source
                        + (" " + tag("bdi", day.isoformat(), class_="d", dir="ltr") if day else "")
                        + " " + tag("span", " · ".join(facts), class_="c"), data_i=i))
    heading = (tag("h2", WORDS["list"] + tag("span", "", class_="filter")) +
               tag("button", WORDS["all"], type="button", id="show-all", hidden="hidden"))
    return tag("section", heading + tag("ol", "".join(rows), class_="list"), id="list")

