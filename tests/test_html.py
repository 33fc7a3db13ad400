"""--format html: the page of an article and of a batch, as its markup says (the browser
test, test_browser.py, opens the same pages in Chromium)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from conftest import SEED
from htmltree import parse
from newsan.cli import cli
from newsan.render.html import asset, marked_text, write_html
from newsan.render.overview import document_date, entity_key, overview
from newsan.render.schemas import load_schema

HOSTILE = (
    "قال وزير الخارجية الروسي سيرغي لافروف إن \"<script>window.pwned = 1</script> سيحدث\".\n"
    "<a href=\"javascript:window.pwned=2\">اضغط هنا</a> <!-- تعليق مخفي --> <img src=x onerror=\"window.pwned=3\">\n"
    "</textarea></title></style><style>body{display:none}</style> &amp; &lt;b&gt; ]]> <svg onload=alert(1)>\n"
)


def run(*args, input=None):
    return CliRunner().invoke(cli, [*args, "--workers", "1"], input=input)


def page_of(*args, input=None) -> str:
    result = run(*args, "-f", "html", input=input)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def seed_record():
    result = run("analyze", "-f", "json", "--with-text", str(SEED))
    assert result.exit_code == 0
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seed_page():
    return page_of("analyze", str(SEED))


def assert_self_contained(page: str):
    """Nothing to fetch: no src, no link element, links only within the page, one inline script."""
    tree = parse(page).root
    assert not [e for e in tree.iter() if "src" in e.attrs or e.tag in ("link", "iframe", "object", "embed", "img")]
    assert all(e.attrs["href"].startswith("#") for e in tree.find_all() if "href" in e.attrs)
    scripts = tree.find_all("script")
    assert len(scripts) == 1 and scripts[0].text == asset("page.js")
    assert "url(" not in asset("page.css") and "@import" not in asset("page.css")


def test_seed_page_is_arabic_right_to_left_and_self_contained(seed_page):
    assert seed_page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">')
    assert_self_contained(seed_page)
    assert parse(seed_page).root.find("body").classes == ["single"]


def test_seed_text_is_shown_whole_and_in_order(seed_page, seed_record):
    shown = parse(seed_page).root.find("div", "text").text
    assert shown == seed_record["text"] == SEED.read_text(encoding="utf-8")


def test_every_mention_is_marked_with_its_type_and_canonical_name(seed_page, seed_record):
    marks = parse(seed_page).root.find("div", "text").find_all("mark")
    mentions = sorted((m["start"], m["text"], e["type"], e["canonical"], str(i))
                      for i, e in enumerate(seed_record["entities"]) for m in e["mentions"])
    assert [(m.text, m.classes, m.attrs["data-c"], m.attrs["data-e"], m.attrs["tabindex"]) for m in marks] == \
        [(text, [type_], canonical, index, "0") for _, text, type_, canonical, index in mentions]
    found = {(m.text, m.classes[0], m.attrs["data-c"]) for m in marks}
    assert ("المالكي", "PERS", "نوري المالكي") in found and ("لافروف", "PERS", "سيرغي لافروف") in found


def test_every_quote_is_marked_with_its_kind_speaker_and_cue(seed_page, seed_record):
    text = parse(seed_page).root.find("div", "text")
    quotes = text.find_all("span", "q")
    speakers = [s["name"] for s in seed_record["speakers"]]
    assert [(q.text, q.classes, q.attrs["data-who"], q.attrs["data-s"]) for q in quotes] == [
        (q["text"], ["q", q["kind"]], q["speaker"], str(speakers.index(q["speaker"])))
        for q in seed_record["quotes"]]
    assert "القائل: سيرغي لافروف · الصفة: وزير الخارجية الروسي" in quotes[2].attrs["title"]
    cues = sorted((q["cue_start"], q["cue"], str(speakers.index(q["speaker"])))
                  for q in seed_record["quotes"] if q["cue"])
    assert [(c.text, c.attrs["data-s"]) for c in text.find_all("b", "cue")] == [(cue, s) for _, cue, s in cues]


def test_the_side_list_links_speakers_to_their_mentions(seed_page, seed_record):
    side = parse(seed_page).root.find("aside")
    entities = seed_record["entities"]
    buttons = side.find_all("button", "item")
    shown = {b.attrs["data-e"]: b for b in buttons if "sp" not in b.classes}
    assert sorted(shown) == sorted(str(i) for i in range(len(entities)))
    assert all(shown[str(i)].text.startswith(e["canonical"]) for i, e in enumerate(entities))
    speakers = [b for b in buttons if "sp" in b.classes]
    assert [(b.attrs["data-s"], entities[int(b.attrs["data-e"])]["canonical"]) for b in speakers] == \
        [("0", "نوري المالكي"), ("1", "سيرغي لافروف")]


def test_quotes_and_speakers_pages_are_the_analyze_page(seed_page):
    assert page_of("quotes", str(SEED)) == seed_page
    assert page_of("speakers", str(SEED)) == seed_page


def test_the_entities_page_marks_entities_only(seed_record):
    tree = parse(page_of("entities", str(SEED))).root
    assert not tree.find_all("span", "q") and not tree.find_all("b", "cue")
    assert len(tree.find_all("mark")) == sum(e["count"] for e in seed_record["entities"])


def test_article_text_and_file_names_never_become_markup(tmp_path):
    path = tmp_path / "<b onmouseover=alert(1)>news.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    page = page_of("analyze", str(path))
    built = parse(page)
    tree = built.root
    assert built.comments == []
    assert_self_contained(page)
    assert not tree.find_all("img") and not tree.find_all("textarea") and not tree.find_all("svg")
    assert [e.tag for e in tree.find_all("style")] == ["style"]
    assert not [e for e in tree.iter() if any(name.startswith("on") for name in e.attrs)]
    assert tree.find("div", "text").text == HOSTILE
    assert tree.find("title").text == f"newsan: {path}"
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "&lt;!-- تعليق مخفي --&gt;" in page


def test_with_text_adds_the_text_and_cue_offsets_and_nothing_by_default(seed_record):
    text = seed_record["text"]
    assert all(text[q["cue_start"] : q["cue_start"] + len(q["cue"])] == q["cue"] for q in seed_record["quotes"])
    assert all(q["cue_start"] >= 0 for q in seed_record["quotes"])
    import jsonschema

    jsonschema.Draft202012Validator(load_schema("analyze")).validate(seed_record)
    plain = json.loads(run("analyze", "-f", "json", str(SEED)).stdout)
    assert "text" not in plain and all("cue_start" not in q for q in plain["quotes"])
    assert plain == {"source": seed_record["source"], "entities": seed_record["entities"],
                     "speakers": seed_record["speakers"],
                     "quotes": [{k: v for k, v in q.items() if k != "cue_start"} for q in seed_record["quotes"]]}


def test_markup_nests_where_a_mention_crosses_a_quote():
    text = "قال أحمد إن سيرغي لافروف وصل اليوم."
    record = {"source": "x", "text": text,
              "entities": [{"canonical": "سيرغي لافروف", "type": "PERS", "count": 1,
                            "mentions": [{"text": "سيرغي لافروف", "start": 12, "end": 24}]}],
              "quotes": [{"text": text[9:17], "start": 9, "end": 17, "kind": "indirect", "cue": "قال",
                          "cue_start": 0, "speaker": "أحمد", "mention": "أحمد", "title": ""}],
              "speakers": [{"name": "أحمد", "title": "", "aliases": [], "quotes": 1, "first_quote": ""}]}
    markup = marked_text(record)
    root = parse(f"<div>{markup}</div>").root
    assert root.text == text
    assert [m.text for m in root.find_all("mark")] == ["سيرغي", " لافروف"]  # cut at the quote's end
    assert root.find("span", "q").text == text[9:17]
    assert root.find("b", "cue").text == "قال"


# ---- a batch -------------------------------------------------------------------------------

def person(name, *starts, type_="PERS"):
    return {"canonical": name, "type": type_, "count": len(starts),
            "mentions": [{"text": name, "start": s, "end": s + len(name)} for s in starts]}


BATCH = [
    {"source": "news/2017-04-01_a.txt", "text": "x" * 100,
     "entities": [person("نوري المالكي", 0, 40), person("الأمم المتحدة", 60, type_="ORG")],
     "quotes": [{"text": "", "start": 50, "end": 90, "kind": "direct", "cue": "", "cue_start": -1,
                 "speaker": "نوري المالكي", "mention": "", "title": ""}],
     "speakers": [{"name": "نوري المالكي", "title": "", "aliases": [], "quotes": 1, "first_quote": ""}]},
    {"source": "news/20170403_b.txt", "text": "x" * 100,
     "entities": [person("نوري المالكي", 0), person("الأمم المتحدة", 20, type_="ORG"),
                  person("بغداد", 30, type_="LOC")],
     "quotes": [], "speakers": []},
    {"source": "news/broken.txt", "error": "binary file (contains NUL bytes)"},
    {"source": "news/c.txt", "date": "2017-04-02T10:00:00+01:00", "text": "x" * 100,
     "entities": [person("نوري المالكي", 0), person("بغداد", 30, type_="LOC")], "quotes": [], "speakers": []},
]


def test_overview_counts_who_is_where_with_whom_and_when():
    summary = overview(BATCH)
    assert (summary.documents, summary.failed, summary.dated) == (3, 1, 3)
    pers = summary.entities["PERS"]
    assert [(p.name, p.count, p.docs) for p in pers] == [("نوري المالكي", 4, [0, 1, 3])]
    assert [(s.name, s.count, s.docs) for s in summary.speakers] == [("نوري المالكي", 1, [0])]
    assert [(l.source.name, l.target.name, l.count, l.docs) for l in summary.network_links] == \
        [("الأمم المتحدة", "نوري المالكي", 2, [0, 1])]
    assert [(s.name, [(l.target.name, l.count, l.docs) for l in links]) for s, links in summary.quoting] == \
        [("نوري المالكي", [("الأمم المتحدة", 1, [0])])]
    maliki = {entity_key(person("نوري المالكي")): 1}
    assert [(p.label, p.docs, p.entities) for p in summary.periods] == [
        ("2017-04-01", [0], maliki), ("2017-04-02", [3], maliki), ("2017-04-03", [1], maliki)]


def test_batch_page_has_the_overview_the_list_and_every_article():
    out = io.StringIO()
    write_html(BATCH, out, "analyze", batch=True)
    page = out.getvalue()
    assert_self_contained(page)
    tree = parse(page).root
    assert tree.find("body").classes == ["batch"]
    overview_ = tree.find(id="overview")
    bars = {a.attrs["data-label"]: a.attrs["data-docs"] for a in overview_.find("ol", "bars").find_all("a", "f")}
    assert bars == {"نوري المالكي": "0 1 3"}
    network = overview_.find("svg", "network")
    assert [a.attrs["data-docs"] for a in network.find_all("a", "edge")] == ["0 1"]
    assert sorted(t.text for t in network.find_all("text")) == ["الأمم المتحدة", "نوري المالكي"]
    assert [a.attrs["data-label"] for a in overview_.find("table", "quoting").find_all("a", "chip")] == \
        ["نوري المالكي ← الأمم المتحدة"]
    timeline = overview_.find("svg", "timeline")
    assert [a.attrs["data-docs"] for a in timeline.find_all("a", "period")] == ["0", "3", "1"]
    rows = tree.find(id="list").find_all("li")
    assert [r.attrs["data-i"] for r in rows] == ["0", "1", "2", "3"] and rows[2].classes == ["failed"]
    assert [a.attrs["id"] for a in tree.find_all("article")] == ["doc-0", "doc-1", "doc-2", "doc-3"]
    failed = tree.find("article", id="doc-2")
    assert failed.find("p", "error").text == "binary file (contains NUL bytes)"
    assert [a.attrs["href"] for a in failed.find("nav", "pager").find_all("a")] == ["#overview", "#doc-1", "#doc-3"]


@pytest.mark.parametrize("record, expected", [
    ({"source": "a/2017-04-16_x.txt"}, date(2017, 4, 16)),
    ({"source": "20170416.txt"}, date(2017, 4, 16)),
    ({"source": "2017_04_16.txt"}, date(2017, 4, 16)),
    ({"source": "1_20170416.txt"}, date(2017, 4, 16)),
    ({"source": "120170416.txt"}, None),  # part of a longer number
    ({"source": "2017-0416.txt"}, None),  # mixed separators
    ({"source": "2017-02-30.txt"}, None),  # no such day
    ({"source": "x.txt", "date": "2017-04-16T09:43:00+01:00"}, date(2017, 4, 16)),
    ({"source": "x.txt", "date": "28/08/2016"}, date(2016, 8, 28)),  # day first
    ({"source": "2015-01-01.txt", "date": "2016-08-28"}, date(2016, 8, 28)),  # the field wins
    ({"source": "x.txt", "date": "yesterday"}, None),
])
def test_document_date_from_a_field_or_the_file_name(record, expected):
    assert document_date(record) == expected


def test_a_folder_through_the_cli_gives_a_batch_page_and_exit_1_for_a_bad_file(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "2017-04-01_a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "2017-07-20_b.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "2017-06-02_c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("analyze", "-f", "html", str(folder), "-o", str(tmp_path / "corpus.html"))
    assert result.exit_code == 1
    tree = parse((tmp_path / "corpus.html").read_text(encoding="utf-8")).root
    assert [r.classes for r in tree.find(id="list").find_all("li")] == [[], ["failed"], []]
    axis = [t.text for t in tree.find("svg", "timeline").find_all("text", "axis")]
    assert axis == ["1", "2017-04", "2017-05", "2017-06", "2017-07"]  # the highest bar's count, then months
    assert tree.find("article", id="doc-0").find("div", "text").text == SEED.read_text(encoding="utf-8")


def test_merge_of_one_document_is_a_batch_page():
    tree = parse(page_of("entities", "--merge", str(SEED))).root
    assert tree.find("body").classes == ["batch"]
    assert len(tree.find_all("article")) == 1


# ---- the records of the reading layer (archives, news pages) --------------------------------

NEWS_PAGE = SEED.parent.parent / "tests" / "data" / "news_page.html"


@pytest.mark.parametrize("record, expected", [
    ({"source": "dump.jsonl:1", "fields": {"date": "2016-08-28"}}, date(2016, 8, 28)),
    ({"source": "dump.jsonl:1", "fields": {"date": "28/08/2016", "url": "x"}}, date(2016, 8, 28)),
    ({"source": "2015-01-01.txt", "fields": {"date": "2016-08-28"}}, date(2016, 8, 28)),  # the kept field wins
    ({"source": "2015-01-01.txt", "fields": {"date": None}}, date(2015, 1, 1)),  # none kept: the name
    ({"source": "x.txt", "fields": {"date": 20160828}}, None),  # not text
    ({"source": "x.txt", "fields": None}, None),
])
def test_document_date_from_a_kept_field(record, expected):
    assert document_date(record) == expected


def test_an_archive_page_has_titles_kept_fields_warnings_and_a_timeline_from_kept_dates(tmp_path):
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    dump = tmp_path / "dump.jsonl"
    rows = [
        {"id": "a", "title": title, "body": body, "date": "2016-08-28", "url": "https://example.com/<a>"},
        {"id": "b", "title": "", "body": "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم.",
         "date": "02/09/2016", "url": None},
        {"id": "c", "title": "English", "body": "This is an English text about Washington.", "date": None},
    ]
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    options = ("--id-field", "id", "--title-field", "title", "--text-field", "body",
               "--keep-field", "date", "--keep-field", "url", str(dump))
    result = run("analyze", "-f", "html", *options)
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert_self_contained(page)
    tree = parse(page).root
    assert tree.find("body").classes == ["batch"]  # one archive, three documents
    timeline = tree.find("svg", "timeline")
    periods = [(a.attrs["data-label"], a.attrs["data-docs"]) for a in timeline.find_all("a", "period")]
    assert periods == [("2016-08-28", "0"), ("2016-09-02", "1")]  # c has no date
    a, b, c = (tree.find("article", id=f"doc-{i}") for i in range(3))
    assert a.find("h2").text == title
    assert b.find("h2").text == "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم."
    assert "2016-08-28" in a.find("p", "about").text and "2016-09-02" in b.find("p", "about").text
    assert a.find("p", "fields").text == "url: https://example.com/<a>"  # shown as text, escaped
    assert not b.find_all("p", "fields")
    assert c.find("p", "warning").text.startswith("not Arabic text")
    records = [json.loads(line) for line in run("analyze", "-f", "jsonl", "--with-text", *options).stdout.splitlines()]
    assert a.find("div", "text").text == records[0]["text"] == f"{title}\n\n{body}"
    assert [a.attrs["data-c"] for a in a.find("div", "text").find_all("mark")] == \
        [e["canonical"] for m, e in sorted((m["start"], e) for e in records[0]["entities"] for m in e["mentions"])]


def test_with_text_and_the_text_of_a_news_page_are_one_field():
    plain = json.loads(run("analyze", "-f", "json", str(NEWS_PAGE)).stdout)
    with_text = json.loads(run("analyze", "-f", "json", "--with-text", str(NEWS_PAGE)).stdout)
    assert list(plain)[-1] == list(with_text)[-1] == "text"
    assert with_text["text"] == plain["text"]
    assert {k: v for k, v in with_text.items() if k != "quotes"} == {k: v for k, v in plain.items() if k != "quotes"}
    assert [{k: v for k, v in q.items() if k != "cue_start"} for q in with_text["quotes"]] == plain["quotes"]
    import jsonschema

    for record in (plain, with_text):
        jsonschema.Draft202012Validator(load_schema("analyze")).validate(record)
    tree = parse(page_of("analyze", "--keep-field", "date", str(NEWS_PAGE))).root
    assert tree.find("div", "text").text == plain["text"]
    assert tree.find("h2").text == plain["title"]
    assert "2015-03-12" in tree.find("p", "about").text  # the page's own date


def test_with_text_on_a_cluster_worker_too():
    from newsan.cluster import analyse_chunk
    from newsan.pipeline import Settings
    from newsan.reading import Article

    article = Article("a", SEED.read_text(encoding="utf-8"))
    plain, = analyse_chunk([article], "quotes", Settings(), 60)
    with_text, = analyse_chunk([article], "quotes", Settings(), 60, True)
    assert "text" not in plain and with_text["text"] == article.text
    assert all(with_text["text"][q["cue_start"]:].startswith(q["cue"]) for q in with_text["quotes"] if q["cue"])


def test_an_html_page_with_db_stores_what_it_shows(tmp_path):
    import sqlite3

    db = tmp_path / "news.db"
    result = run("quotes", "-f", "html", "--db", str(db), str(SEED), "-o", str(tmp_path / "page.html"))
    assert result.exit_code == 0, result.output
    tree = parse((tmp_path / "page.html").read_text(encoding="utf-8")).root
    with sqlite3.connect(db) as connection:
        tasks, text = connection.execute("select tasks, text from documents").fetchone()
        quotes = connection.execute("select count(*) from quotes").fetchone()[0]
    assert (tasks, text) == ("analyze", SEED.read_text(encoding="utf-8"))  # the page ran the whole analysis
    assert quotes == len(tree.find("div", "text").find_all("span", "q")) > 0
