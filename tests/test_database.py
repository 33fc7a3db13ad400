"""--db: the records in SQLite (sqlite-utils), and a batch that resumes."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from newsan.batch import run_batch
from newsan.cli import cli
from newsan.pipeline import Settings
from newsan.reading import documents, expand_sources
from newsan.render.database import open_store

SHORT = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم.\n"
QUOTED = "وقال وزير الخارجية الروسي سيرغي لافروف: \"نحن مستعدون للحوار\".\nوأضاف أن موسكو تدعم بغداد.\n"
ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def run(*args):
    return CliRunner().invoke(cli, [*args, "--workers", "1"])


def write_news(folder, count=6):
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text((SHORT, QUOTED)[i % 2] * (1 + i % 3), encoding="utf-8")
    return folder


def dump(path):
    """Every table's rows, in id order: what two databases must share to be the same."""
    db = sqlite_utils.Database(path)
    return {table: list(db[table].rows_where(order_by="id")) for table in db.table_names()}


def test_tables_columns_foreign_keys_and_indexes(tmp_path):
    result = run("analyze", "--db", str(tmp_path / "news.db"), str(write_news(tmp_path / "news", 2)))
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "news.db")
    assert sorted(db.table_names()) == ["documents", "entities", "mentions", "quotes", "speakers"]
    columns = {table: list(db[table].columns_dict) for table in db.table_names()}
    assert columns == {
        "documents": ["id", "source", "hash", "tasks", "title", "text", "warning", "error"],
        "entities": ["id", "document_id", "canonical", "type", "count", "text"],
        "mentions": ["id", "entity_id", "document_id", "text", "start", "end"],
        "speakers": ["id", "document_id", "name", "title", "aliases", "quotes", "first_quote"],
        "quotes": ["id", "document_id", "speaker_id", "kind", "speaker", "mention", "title", "cue", "start", "end",
                   "text"],
    }
    keys = {(fk.table, fk.column, fk.other_table) for table in db.table_names() for fk in db[table].foreign_keys}
    assert keys == {("entities", "document_id", "documents"), ("mentions", "entity_id", "entities"),
                    ("mentions", "document_id", "documents"), ("speakers", "document_id", "documents"),
                    ("quotes", "document_id", "documents"), ("quotes", "speaker_id", "speakers")}
    indexed = {(table, tuple(index.columns), index.unique) for table in db.table_names() for index in db[table].indexes}
    assert indexed == {("documents", ("source",), 1), ("entities", ("document_id",), 0),
                       ("entities", ("canonical", "type"), 0), ("mentions", ("entity_id",), 0),
                       ("mentions", ("document_id",), 0), ("speakers", ("document_id",), 0), ("speakers", ("name",), 0),
                       ("quotes", ("document_id",), 0), ("quotes", ("speaker_id",), 0), ("quotes", ("speaker",), 0)}
    assert result.stdout == ""  # with --db, no format given: nothing on stdout
    assert result.stderr == f"newsan: {tmp_path / 'news.db'}: 2 documents written\n"


def test_the_rows_are_the_json_records(tmp_path):
    news = write_news(tmp_path / "news", 4)
    records = json.loads(run("analyze", "-f", "json", "--db", str(tmp_path / "news.db"), str(news)).stdout)
    db = sqlite3.connect(tmp_path / "news.db")
    for record in records:
        (document_id,) = db.execute("select id from documents where source = ?", [record["source"]]).fetchone()
        entities = db.execute("select canonical, type, count, text, id from entities where document_id = ? "
                              "order by id", [document_id]).fetchall()
        assert [row[:4] for row in entities] == [(e["canonical"], e["type"], e["count"], e["text"])
                                                for e in record["entities"]]
        for (*_, entity_id), entity in zip(entities, record["entities"]):
            mentions = db.execute("select text, start, end from mentions where entity_id = ? order by id",
                                  [entity_id]).fetchall()
            assert mentions == [(m["text"], m["start"], m["end"]) for m in entity["mentions"]]
        quotes = db.execute("select q.kind, q.text, q.speaker, s.name from quotes q left join speakers s "
                            "on s.id = q.speaker_id where q.document_id = ? order by q.id", [document_id]).fetchall()
        assert quotes == [(q["kind"], q["text"], q["speaker"], q["speaker"] or None) for q in record["quotes"]]
        speakers = db.execute("select name, title, aliases, quotes from speakers where document_id = ? order by id",
                              [document_id]).fetchall()
        assert speakers == [(s["name"], s["title"], json.dumps(s["aliases"], ensure_ascii=False), s["quotes"])
                            for s in record["speakers"]]
    assert [q for r in records for q in r["quotes"]] != []


def test_a_second_run_is_a_no_op_and_force_redoes_it(tmp_path):
    news, path = write_news(tmp_path / "news"), tmp_path / "news.db"
    run("analyze", "--db", str(path), str(news))
    before = dump(path)
    again = run("analyze", "--db", str(path), str(news))
    assert again.exit_code == 0
    assert again.stderr == f"newsan: {path}: 0 documents written, 6 already there (--force to analyse them again)\n"
    assert dump(path) == before
    forced = run("analyze", "--db", str(path), "--force", str(news))
    assert forced.stderr == f"newsan: {path}: 6 documents written\n"
    after = dump(path)
    assert after["documents"] == before["documents"]  # same rows, same ids
    assert [(r["canonical"], r["document_id"]) for r in after["entities"]] == \
        [(r["canonical"], r["document_id"]) for r in before["entities"]]  # replaced, not doubled


def test_an_interrupted_batch_resumes_where_it_stopped(tmp_path):
    news, path = write_news(tmp_path / "news"), tmp_path / "news.db"
    run("analyze", "--db", str(tmp_path / "whole.db"), str(news))

    store = open_store(str(path), "analyze")
    items = store.to_analyse(documents(expand_sources([str(news)])))

    def interrupted():
        for number, record in enumerate(run_batch(items, "analyze", Settings(), workers=1)):
            if number == 3:
                raise KeyboardInterrupt  # Ctrl-C after three documents
            yield record

    with pytest.raises(KeyboardInterrupt):
        for _ in store.writing(interrupted()):
            pass
    assert [row["source"] for row in dump(path)["documents"]] == [str(news / f"{i:03d}.txt") for i in range(3)]
    resumed = run("analyze", "--db", str(path), str(news))
    assert resumed.stderr == f"newsan: {path}: 3 documents written, 3 already there (--force to analyse them again)\n"
    assert dump(path) == dump(tmp_path / "whole.db")


def test_a_changed_document_replaces_its_rows_and_another_task_adds_its_own(tmp_path):
    news, path = write_news(tmp_path / "news", 2), tmp_path / "news.db"
    run("entities", "--db", str(path), str(news))
    assert [r["tasks"] for r in dump(path)["documents"]] == ["entities", "entities"]
    quotes = run("quotes", "--db", str(path), str(news))  # not done yet for quotes: analysed, entities kept
    assert quotes.stderr == f"newsan: {path}: 2 documents written\n"
    tables = dump(path)
    assert [r["tasks"] for r in tables["documents"]] == ["entities quotes", "entities quotes"]
    assert tables["entities"] != [] and tables["quotes"] != []
    (news / "000.txt").write_text("قالت وزيرة الخارجية إن تونس بخير.", encoding="utf-8")
    changed = run("entities", "--db", str(path), str(news))
    assert changed.stderr == f"newsan: {path}: 1 document written, 1 already there (--force to analyse them again)\n"
    first = dump(path)["documents"][0]["id"]
    assert dump(path)["documents"][0]["tasks"] == "entities"
    assert [r["canonical"] for r in dump(path)["entities"] if r["document_id"] == first] == ["تونس"]
    assert [r for r in dump(path)["quotes"] if r["document_id"] == first] == []  # the old text's quotes are gone


def test_kept_fields_are_columns_and_failures_are_kept_and_retried(tmp_path):
    archive, path = tmp_path / "news.jsonl", tmp_path / "news.db"
    archive.write_text(json.dumps({"id": "a", "text": SHORT, "date": "2015-03-01"}, ensure_ascii=False) + "\n"
                       + "{broken\n", encoding="utf-8")
    result = run("entities", "--db", str(path), "--id-field", "id", "--keep-field", "date", str(archive))
    assert result.exit_code == 1
    rows = dump(path)["documents"]
    assert [(r["source"], r["date"], r["tasks"], r["error"]) for r in rows] == [
        ("a", "2015-03-01", "entities", None),
        (f"{archive}:2", None, "", "invalid JSON: Expecting property name enclosed in double quotes (column 2)")]
    again = run("entities", "--db", str(path), "--id-field", "id", "--keep-field", "date", str(archive))
    assert again.stderr.endswith(f"newsan: {path}: 0 documents written, 1 failed, 1 already there "
                                 "(--force to analyse them again)\n")
    assert result.stderr.startswith(f"newsan: {archive}:2: invalid JSON")


def test_db_and_a_format_write_both(tmp_path):
    news = write_news(tmp_path / "news", 2)
    result = run("entities", "-f", "jsonl", "--db", str(tmp_path / "news.db"), str(news))
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == \
        [row["source"] for row in dump(tmp_path / "news.db")["documents"]]


@pytest.mark.parametrize("args, message", [
    (["--keep-field", "hash"], "--keep-field hash: the documents table has a column of that name"),
    ([], "{db}: file is not a database"),
])
def test_bad_databases_and_clashing_fields_are_one_line_and_exit_2(tmp_path, args, message):
    news = write_news(tmp_path / "news", 1)
    path = tmp_path / "news.db"
    if not args:
        path.write_bytes(PNG * 100)
    result = run("entities", "--db", str(path), *args, str(news))
    assert result.exit_code == 2
    assert result.stderr == f"newsan: {message.format(db=path)}\n"


def test_stdin_into_the_database_is_analysed_not_only_hashed(tmp_path):
    # A real pipe, which can be read once (CliRunner's stdin can be rewound).
    path = tmp_path / "news.db"
    result = subprocess.run([sys.executable, "-m", "newsan", "entities", "--db", str(path), "-f", "jsonl", "-"],
                            input=SHORT.encode("utf-8"), capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.decode("utf-8"))
    assert [e["canonical"] for e in record["entities"]] == ["باراك أوباما", "واشنطن", "العراق"]
    assert sqlite_utils.Database(path)["entities"].count == 3
