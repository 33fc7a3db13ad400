"""Batches: a document that takes too long gets an error record and the batch goes on."""

import time

from newsan.batch import process_source, run_batch, time_allowed
from newsan.pipeline import Pipeline
from newsan.reading import Source


class SlowOnMarker(Pipeline):
    """Takes 30 s on a text holding SLOW, as a runaway rule would."""

    def run(self, text, source="<text>", task="entities", starts_text=True):
        if "SLOW" in text:
            time.sleep(30)
        return super().run(text, source, task, starts_text)


def write(tmp_path, texts):
    sources = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(Source(str(path), str(path)))
    return sources


def test_a_slow_document_is_stopped_with_an_error_record(tmp_path):
    source = write(tmp_path, ["SLOW قال الوزير إن تونس بخير."])[0]
    started = time.monotonic()
    record = process_source(source, "entities", SlowOnMarker(), timeout=0.5)
    assert time.monotonic() - started < 10
    assert record == {"source": source.name, "error": "analysis took longer than 0.5 s, stopped (see --timeout)"}


def test_the_batch_goes_on_after_a_slow_document(tmp_path, monkeypatch):
    sources = write(tmp_path, ["تونس", "SLOW", "موسكو"])
    monkeypatch.setattr("newsan.batch.Pipeline", SlowOnMarker)
    records = list(run_batch(sources, "entities", SlowOnMarker().settings, workers=1, timeout=0.5))
    assert [r["source"] for r in records] == [s.name for s in sources]
    assert "error" in records[1]
    assert [e["canonical"] for e in records[2]["entities"]] == ["موسكو"]


def test_longer_documents_get_proportionally_more_time():
    assert time_allowed(60, 5_000) == 60
    assert time_allowed(60, 1_000_000) == 600
    assert time_allowed(0, 1_000_000) == 0


def test_an_endless_timeout_is_no_limit():
    assert time_allowed(float("inf"), 5_000) == 0
    assert time_allowed(1e12, 5_000) == 0
