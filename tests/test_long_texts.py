"""Texts too long to analyse whole are analysed in windows cut at paragraph ends, with
offsets into the whole text and entities and speakers joined across the windows."""

import gzip
import time
import json
from pathlib import Path

import pytest

from newsan.batch import process_source
from newsan.pipeline import Pipeline
from newsan.reading import Source
from newsan.reading.long import LongText, cut_windows, window_end
from newsan.render.formats import write_jsonl
from newsan.render.records import build_record
from newsan.render.windows import WindowJoin

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_717256e72bc829cd.txt").read_text(encoding="utf-8")
ARTICLE = SEED + "\n\n"  # one article of a dump
PIPELINE = Pipeline()


@pytest.fixture
def small_windows(monkeypatch):
    """A text over 6,000 bytes is long, and each window holds one ARTICLE."""
    monkeypatch.setattr("newsan.reading.sources.LONG_TEXT_BYTES", 6_000)
    monkeypatch.setattr("newsan.reading.long.WINDOW_CHARS", len(ARTICLE) + 1)


def dump(tmp_path, text, name="dump.txt", compress=False):
    path = tmp_path / name
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return Source(str(path), str(path))


def test_a_window_ends_after_a_blank_line_then_a_line_then_a_word():
    assert window_end("aaaaaaaaaa\n\nb\ncc d", 18) == 12
    assert window_end("aaaaaa\n\nbb\ncc dd", 16) == 11  # a blank line in the first half is too early
    assert window_end("aaaaaaaaaa\nbb cc dd", 19) == 11
    assert window_end("aaaaaaaaaa bbbbbbb", 18) == 11
    assert window_end("a" * 20, 10) == 10


def test_windows_give_back_the_text_with_their_offsets():
    text = "".join(f"مقال {i}\n\nفقرة أولى.\nفقرة ثانية.\n\n" for i in range(50))
    windows = list(cut_windows([text[:300], text[300:]], 100))
    assert "".join(w for _, w in windows) == text
    assert [offset for offset, _ in windows] == [sum(len(w) for _, w in windows[:k]) for k in range(len(windows))]
    assert all(w.endswith("\n\n") for _, w in windows[:-1])


def test_a_short_text_is_read_whole(tmp_path, small_windows):
    assert not isinstance(dump(tmp_path, ARTICLE).read(), LongText)


@pytest.mark.parametrize("compress", [False, True])
def test_a_long_text_is_read_in_windows(tmp_path, small_windows, compress):
    article = dump(tmp_path, ARTICLE * 3, compress=compress).read()
    assert isinstance(article, LongText)
    assert list(article.windows()) == [(0, ARTICLE), (len(ARTICLE), ARTICLE), (2 * len(ARTICLE), ARTICLE)]


def window_records(task):
    """The records of the three windows, as each is analysed (the later ones start no text)."""
    return [build_record(task, PIPELINE.run(ARTICLE, task=task, starts_text=k == 0)) for k in range(3)]


def test_entities_join_across_windows_with_offsets_into_the_whole_text(tmp_path, small_windows):
    record = process_source(dump(tmp_path, ARTICLE * 3), "entities", PIPELINE)
    text = ARTICLE * 3
    one = {e["canonical"]: e["count"] for e in window_records("entities")[0]["entities"]}
    assert {e["canonical"]: e["count"] for e in record["entities"]} == {name: 3 * n for name, n in one.items()}
    mentions = [m for e in record["entities"] for m in e["mentions"]]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    assert max(m["start"] for m in mentions) > 2 * len(ARTICLE)
    assert [e["count"] for e in record["entities"]] == sorted((e["count"] for e in record["entities"]), reverse=True)


def test_quotes_of_every_window_and_headlines_only_at_the_start(tmp_path, small_windows):
    record = process_source(dump(tmp_path, ARTICLE * 3), "quotes", PIPELINE)
    windows = window_records("quotes")
    expected = [dict(q, start=q["start"] + k * len(ARTICLE), end=q["end"] + k * len(ARTICLE))
                for k, w in enumerate(windows) for q in w["quotes"]]
    assert list(record["quotes"]) == expected
    kinds = [q["kind"] for q in record["quotes"]]
    assert kinds.count("headline") == 2 and kinds[:2] == ["headline", "headline"]
    text = ARTICLE * 3
    assert all(text[q["start"]:q["end"]] == q["text"] for q in record["quotes"])


def test_speakers_join_across_windows(tmp_path, small_windows):
    record = process_source(dump(tmp_path, ARTICLE * 3), "speakers", PIPELINE)
    per_window = [{s["name"]: s["quotes"] for s in w["speakers"]} for w in window_records("speakers")]
    assert {s["name"]: s["quotes"] for s in record["speakers"]} == {
        name: sum(w.get(name, 0) for w in per_window) for name in per_window[0]}
    assert [s["name"] for s in record["speakers"]] == ["نوري المالكي", "سيرغي لافروف"]


def test_a_long_texts_record_is_written_as_json_like_any_other(tmp_path, small_windows):
    record = process_source(dump(tmp_path, ARTICLE * 3), "analyze", PIPELINE)
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        write_jsonl([record], stream)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["quotes"] == list(record["quotes"])
    assert written["entities"][0]["mentions"] == list(record["entities"][0]["mentions"])


def test_a_broken_character_later_on_is_read_as_in_a_short_text(tmp_path, small_windows):
    path = tmp_path / "cut.txt"  # `head -c` cut the last letter in two
    path.write_bytes((ARTICLE * 3).encode("utf-8") + "تونس".encode("utf-8")[:-1])
    windows = list(Source(str(path), str(path)).read().windows())
    assert "".join(text for _, text in windows) == ARTICLE * 3 + "تون\ufffd"


def test_a_window_that_runs_too_long_gives_the_text_an_error_record(tmp_path, small_windows):
    class SlowOnMarker(Pipeline):
        def run(self, text, source="<text>", task="entities", starts_text=True):
            if "SLOW" in text:
                time.sleep(30)
            return super().run(text, source, task, starts_text)

    source = dump(tmp_path, ARTICLE + ARTICLE.replace("المالكي", "SLOW", 1) + ARTICLE)
    started = time.monotonic()
    record = process_source(source, "entities", SlowOnMarker(), timeout=0.5)
    assert time.monotonic() - started < 10
    assert record == {"source": source.name, "error": "analysis took longer than 0.5 s, stopped (see --timeout)"}


def test_one_person_spelled_two_ways_by_two_windows_is_one_entity_and_one_speaker():
    join = WindowJoin("analyze")

    def window(canonical, forms, quotes):
        mentions = [{"text": form, "start": 10 * k, "end": 10 * k + len(form)} for k, form in enumerate(forms)]
        return {"source": "s", "entities": [{"text": forms[0], "canonical": canonical, "type": "PERS",
                                             "count": len(forms), "mentions": mentions}],
                "quotes": [{"text": "نص", "start": 100, "end": 102, "kind": "direct", "cue": "قال",
                            "speaker": canonical, "mention": forms[0], "title": ""}] * quotes,
                "speakers": [{"name": canonical, "kind": "person", "title": "", "aliases": [], "quotes": quotes,
                              "first_quote": "نص"}]}

    join.add(window("سيرغي لافروف", ["سيرغي لافروف", "سرغي لافروف", "لافروف"], 1), 0)
    join.add(window("سرغي لافروف", ["سرغي لافروف", "لافروف"], 2), 1000)
    record = join.record("s")
    assert [(e["canonical"], e["count"]) for e in record["entities"]] == [("سيرغي لافروف", 5)]
    assert [(s["name"], s["quotes"]) for s in record["speakers"]] == [("سيرغي لافروف", 3)]
    assert [q["speaker"] for q in record["quotes"]] == ["سيرغي لافروف"] * 3
    assert [m["start"] for m in record["entities"][0]["mentions"]] == [0, 10, 20, 1000, 1010]


def test_utf16_without_a_byte_order_mark_is_read_in_windows(tmp_path, small_windows):
    path = tmp_path / "utf16.txt"
    path.write_bytes((ARTICLE * 3).encode("utf-16-le"))
    article = Source(str(path), str(path)).read()
    assert isinstance(article, LongText)
    assert "".join(text for _, text in article.windows()) == ARTICLE * 3
