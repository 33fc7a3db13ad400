"""Inputs as news archives come: HTML pages, JSON Lines, CSV and TSV archives, gzip,
one document per line, URLs; and a warning for text that is not Arabic."""

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsan.cli import cli
from newsan.reading import Article, BadRecord, ReadOptions, documents, expand_sources

DATA = Path(__file__).parent / "data"
PAGE = DATA / "news_page.html"
SHORT = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم."
# Only the article's entities: none of the menu's, the sidebar's, the scripts', the comments' or the footer's.
# (The CRF alone took in the adjective of موقف روسيا الثابت; mixed with the network it does not.)
PAGE_ENTITIES = [["سيرغي لافروف", "PERS", 3], ["نوري المالكي", "PERS", 3], ["موسكو", "LOC", 3],
                 ["العراق", "LOC", 3], ["روسيا", "LOC", 2], ["سوريا", "LOC", 1], ["بغداد", "LOC", 1]]
PAGE_TEXT_START = "لافروف يستقبل المالكي في موسكو\nاستقبل وزير الخارجية الروسي سيرغي لافروف"


def run(*args, input=None):
    return CliRunner().invoke(cli, [*args, "--workers", "1"], input=input)


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def entity_rows(record):
    return [[e["canonical"], e["type"], e["count"]] for e in record["entities"]]


def assert_offsets_hold(record):
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert record["text"][mention["start"]:mention["end"]] == mention["text"]


def test_an_html_page_gives_only_its_article():
    result = run("entities", "-f", "json", str(PAGE))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert list(record) == ["source", "title", "entities", "text"]
    assert record["title"] == "لافروف يستقبل المالكي في موسكو"
    assert entity_rows(record) == PAGE_ENTITIES
    assert record["text"].startswith(PAGE_TEXT_START)
    assert '"نحن نقدر موقف روسيا الثابت إلى جانب العراق"' in record["text"]  # &quot; decoded
    assert "<" not in record["text"] and "dataLayer" not in record["text"] and "التعليقات" not in record["text"]
    assert_offsets_hold(record)


def test_html_is_recognised_on_stdin_and_forced_with_input_html(tmp_path):
    piped = json.loads(run("entities", "-f", "json", input=PAGE.read_text(encoding="utf-8")).stdout)
    assert piped["source"] == "<stdin>" and entity_rows(piped) == PAGE_ENTITIES
    saved_as_text = tmp_path / "page.txt"
    saved_as_text.write_text(PAGE.read_text(encoding="utf-8").replace("<!DOCTYPE html>\n", ""), encoding="utf-8")
    forced = json.loads(run("entities", "-f", "json", "--input", "html", str(saved_as_text)).stdout)
    assert entity_rows(forced) == PAGE_ENTITIES
    as_text = json.loads(run("entities", "-f", "json", "--input", "text", str(PAGE)).stdout)
    assert "title" not in as_text and entity_rows(as_text) != PAGE_ENTITIES  # read as it is, markup and all


def test_quotes_of_an_html_page_point_into_its_text():
    record = json.loads(run("quotes", "-f", "json", str(PAGE)).stdout)
    quotes = [(q["kind"], q["speaker"], record["text"][q["start"]:q["end"]] == q["text"]) for q in record["quotes"]]
    assert quotes == [("indirect", "سيرغي لافروف", True), ("indirect", "سيرغي لافروف", True),
                      ("direct", "نوري المالكي", True), ("indirect", "نوري المالكي", True)]


def test_keep_field_takes_an_html_pages_metadata():
    record = json.loads(run("entities", "-f", "json", "--keep-field", "date", "--keep-field", "url",
                            "--keep-field", "section", str(PAGE)).stdout)
    assert record["fields"] == {"date": "2015-03-12", "url": "https://news.example.com/world/2015/03/12/lavrov-maliki",
                                "section": None}


def test_an_html_page_without_an_article_is_an_error_record(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var page = 'الرئيسية';</script></head><body></body></html>", encoding="utf-8")
    result = run("entities", "-f", "jsonl", str(empty))
    assert result.exit_code == 1
    assert records(result) == [{"source": str(empty), "error": "HTML page without article text"}]


def write_jsonl(path, rows, opener=open):
    with opener(path, "wt", encoding="utf-8") as out:
        for row in rows:
            out.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) + "\n")


ARCHIVE = [
    {"id": 101, "title": "أوباما في واشنطن", "text": SHORT, "date": "2015-03-01", "url": "https://x.example/101"},
    "{\"id\": 102, \"text\": \"unfinished\n",
    "\n",
    {"id": 103, "body": "قال الوزير إن تونس بخير."},
    {"id": 104, "text": "وقال الرياحي\nإن تونس بخير.", "date": "2015-03-02"},
]


def test_jsonl_records_are_documents_with_ids_kept_fields_and_error_records(tmp_path):
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, ARCHIVE)
    result = run("entities", "-f", "jsonl", "--id-field", "id", "--title-field", "title",
                 "--keep-field", "date", "--keep-field", "url", str(archive))
    assert result.exit_code == 1
    first, bad_json, no_text, last = records(result)
    assert first["source"] == "101" and first["title"] == "أوباما في واشنطن"
    assert first["fields"] == {"date": "2015-03-01", "url": "https://x.example/101"}
    assert first["text"] == "أوباما في واشنطن\n\n" + SHORT  # the title is the first paragraph
    assert entity_rows(first) == [["باراك أوباما", "PERS", 2], ["واشنطن", "LOC", 2], ["العراق", "LOC", 1]]
    assert_offsets_hold(first)
    assert bad_json == {"source": f"{archive}:2", "error": "invalid JSON: Unterminated string starting at (column 21)"}
    assert no_text == {"source": f"{archive}:4", "error": "no 'text' field (it has: id, body); see --text-field"}
    # No title in the record: the title field is empty, the text is analysed as it is (a real line break).
    assert last == {"source": "104", "title": "", "fields": {"date": "2015-03-02", "url": None},
                    "entities": [{"text": "الرياحي", "canonical": "الرياحي", "type": "PERS", "count": 1,
                                  "mentions": [{"text": "الرياحي", "start": 5, "end": 12}]},
                                 {"text": "تونس", "canonical": "تونس", "type": "LOC", "count": 1,
                                  "mentions": [{"text": "تونس", "start": 16, "end": 20}]}]}
    assert result.stderr == (f"newsan: {archive}:2: invalid JSON: Unterminated string starting at (column 21)\n"
                             f"newsan: {archive}:4: no 'text' field (it has: id, body); see --text-field\n")


def test_without_an_id_field_records_are_named_by_file_and_line(tmp_path):
    archive = tmp_path / "news.ndjson"
    write_jsonl(archive, [{"text": SHORT}, "\n", {"text": "تونس"}, "[1, 2]\n", {"text": 5}])
    result = run("entities", "-f", "jsonl", str(archive))
    assert [(r["source"], r.get("error")) for r in records(result)] == [
        (f"{archive}:1", None), (f"{archive}:3", None), (f"{archive}:4", "not a JSON object"),
        (f"{archive}:5", "field 'text' is not text")]


def test_stdin_needs_input_jsonl(tmp_path):
    lines = json.dumps({"text": SHORT}, ensure_ascii=False) + "\n"
    result = run("entities", "-f", "jsonl", "--input", "jsonl", input=lines)
    assert [r["source"] for r in records(result)] == ["<stdin>:1"]
    assert entity_rows(records(result)[0]) == [["باراك أوباما", "PERS", 1], ["واشنطن", "LOC", 1], ["العراق", "LOC", 1]]


@pytest.mark.parametrize("kind", ["csv", "tsv"])
def test_csv_and_tsv_rows_are_documents(tmp_path, kind):
    archive = tmp_path / f"export.{kind}"
    with archive.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="," if kind == "csv" else "\t")
        writer.writerow(["id", "date", "text"])
        writer.writerow(["a", "2015", 'قال الوزير "نحن هنا" في موسكو.\nوأضاف أن تونس بخير.'])
        writer.writerow(["b", "2016"])
        writer.writerow(["", "2017", SHORT])
    result = run("entities", "-f", "jsonl", "--id-field", "id", "--keep-field", "date", str(archive))
    assert result.exit_code == 1
    assert [(r["source"], r.get("fields"), r.get("error")) for r in records(result)] == [
        ("a", {"date": "2015"}, None),
        (f"{archive}:4", None, "2 columns where the header has 3"),  # the first record took lines 2 and 3
        (f"{archive}:5", {"date": "2017"}, None)]  # no id: file and line
    assert entity_rows(records(result)[0]) == [["موسكو", "LOC", 1], ["تونس", "LOC", 1]]


def test_kept_fields_are_columns_after_the_fixed_ones_in_csv(tmp_path):
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, [{"id": "x", "text": SHORT, "date": "2015-03-01", "tags": ["a", "b"]}])
    result = run("entities", "-f", "csv", "--id-field", "id", "--keep-field", "date", "--keep-field", "tags",
                 str(archive))
    assert result.stdout == ("source,canonical,type,count,mentions,date,tags\n"
                             "x,باراك أوباما,PERS,1,باراك أوباما,2015-03-01,\"[\"\"a\"\", \"\"b\"\"]\"\n"
                             "x,واشنطن,LOC,1,واشنطن,2015-03-01,\"[\"\"a\"\", \"\"b\"\"]\"\n"
                             "x,العراق,LOC,1,العراق,2015-03-01,\"[\"\"a\"\", \"\"b\"\"]\"\n")


def test_gzip_is_read_transparently(tmp_path):
    (tmp_path / "news").mkdir()
    plain = tmp_path / "news" / "a.txt"
    plain.write_text(SHORT, encoding="utf-8")
    (tmp_path / "news" / "b.txt.gz").write_bytes(gzip.compress(SHORT.encode("utf-8")))
    write_jsonl(tmp_path / "news.jsonl.gz", [{"text": SHORT}], opener=gzip.open)
    folder = records(run("entities", "-f", "jsonl", str(tmp_path / "news")))
    assert [r["source"] for r in folder] == [str(plain), str(tmp_path / "news" / "b.txt.gz")]
    assert folder[0]["entities"] == folder[1]["entities"] != []
    archive = records(run("entities", "-f", "jsonl", str(tmp_path / "news.jsonl.gz")))
    assert archive == [{"source": f"{tmp_path / 'news.jsonl.gz'}:1", "entities": folder[0]["entities"]}]
    piped = CliRunner().invoke(cli, ["entities", "-f", "jsonl"], input=gzip.compress(SHORT.encode("utf-8")))
    assert records(piped) == [{"source": "<stdin>", "entities": folder[0]["entities"]}]


def test_broken_gzip_is_an_error_record(tmp_path):
    broken = tmp_path / "cut.txt.gz"
    broken.write_bytes(gzip.compress(SHORT.encode("utf-8") * 50)[:40])
    result = run("entities", "-f", "jsonl", str(broken))
    assert result.exit_code == 1
    assert records(result) == [{"source": str(broken), "error": "corrupt gzip data: Compressed file ended before "
                                                                 "the end-of-stream marker was reached"}]


def test_a_cut_gzip_archive_gives_its_first_records_then_an_error_record(tmp_path):
    archive = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"text": f"{SHORT} {i}"}, ensure_ascii=False) + "\n" for i in range(2000))
    archive.write_bytes(gzip.compress(lines.encode("utf-8"))[:5000])
    result = records(run("entities", "-f", "jsonl", str(archive)))
    assert len(result) > 10 and all("entities" in r for r in result[:-1])
    assert result[-1] == {"source": str(archive), "error": "corrupt gzip data: Compressed file ended before the "
                                                            "end-of-stream marker was reached"}


def test_lines_makes_each_line_a_document(tmp_path):
    text = tmp_path / "headlines.txt"
    text.write_text(f"{SHORT}\n\nوقال لافروف إن روسيا مستعدة.\n", encoding="utf-8")
    result = records(run("quotes", "-f", "jsonl", "--lines", str(text)))
    assert [(r["source"], [q["speaker"] for q in r["quotes"]]) for r in result] == [
        (f"{text}:1", ["باراك أوباما"]), (f"{text}:3", ["لافروف"])]


def test_text_that_is_not_arabic_gets_a_warning():
    result = CliRunner().invoke(cli, ["entities", "-f", "jsonl"], input="The minister said the economy is fine.\n")
    assert result.exit_code == 0
    record = records(result)[0]
    assert record["warning"] == "not Arabic text (0% of its letters are Arabic): newsan analyses Arabic only"
    assert result.stderr == ("newsan: <stdin>: warning: not Arabic text (0% of its letters are Arabic): "
                             "newsan analyses Arabic only\n")
    arabic = CliRunner().invoke(cli, ["entities", "-f", "jsonl"], input=SHORT + " (Reuters, AFP)")
    assert "warning" not in records(arabic)[0] and arabic.stderr == ""


def test_folders_and_files_of_urls_are_read(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(SHORT, encoding="utf-8")
    url = f"file://{tmp_path / 'news'}"
    result = run("entities", "-f", "json", url)
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in json.loads(result.stdout)] == [f"{url}/a.txt"]
    assert entity_rows(json.loads(result.stdout)[0]) == [["باراك أوباما", "PERS", 1], ["واشنطن", "LOC", 1],
                                                         ["العراق", "LOC", 1]]
    missing = run("entities", f"file://{tmp_path / 'nothere'}")
    assert missing.exit_code == 2 and missing.stderr == f"newsan: no such file or directory: file://{tmp_path}/nothere\n"


def test_documents_expands_archives_and_leaves_files_to_the_workers(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [{"text": "تونس", "date": 1}, "{"])
    options = ReadOptions(keep_fields=("date",))
    items = list(documents(expand_sources([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], options=options)))
    assert [type(item) for item in items] == [type(expand_sources([str(tmp_path / "a.txt")])[0]), Article, BadRecord]
    assert items[1] == Article(f"{tmp_path / 'b.jsonl'}:1", "تونس", fields={"date": 1})
    assert items[0].read() == Article(str(tmp_path / "a.txt"), SHORT, fields={"date": None})


def test_records_with_input_fields_follow_the_schemas(tmp_path):
    import jsonschema

    from newsan.render.schemas import load_schema

    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, ARCHIVE)
    english = tmp_path / "en.txt"
    english.write_text("The minister said the economy is fine.", encoding="utf-8")
    for task in ("entities", "quotes", "speakers", "analyze", "lemmas"):
        found = json.loads(run(task, "-f", "json", "--id-field", "id", "--title-field", "title", "--keep-field", "date",
                               str(archive), str(PAGE), str(english)).stdout)
        assert [sorted(set(r) - {task, "tokens", "entities", "quotes", "speakers"}) for r in found] == [
            ["fields", "source", "text", "title"], ["error", "source"], ["error", "source"], ["fields", "source", "title"],
            ["fields", "source", "text", "title"], ["fields", "source", "warning"]]
        check = jsonschema.Draft202012Validator(load_schema(task))
        assert [list(check.iter_errors(r)) for r in found] == [[]] * len(found)
