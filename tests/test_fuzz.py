"""The library on generated and mutated articles: no exception, no hang, no broken offset."""

from __future__ import annotations

import json
import random
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_inputs import ODD, PIECES, fuzz_input, offset_problems
from newsan import analyze
from newsan.pipeline import Pipeline
from newsan.render.records import analyze_record

from conftest import SEED

ARTICLE = SEED.read_text(encoding="utf-8")
PIPELINE = Pipeline()


def check(text: str) -> None:
    doc = PIPELINE.run(text, task="analyze")
    assert offset_problems(doc) == []
    assert len(doc.text) == len(text)
    json.dumps(analyze_record(doc), ensure_ascii=False).encode("utf-8")  # every record can be written


# A deadline far above the normal time (milliseconds) that only a runaway rule reaches.
FUZZ = settings(max_examples=120, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)


@FUZZ
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=150))
def test_generated_pieces(pieces):
    check(" ".join(pieces))


@FUZZ
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_articles(seed):
    check(fuzz_input(random.Random(seed), ARTICLE))


def test_repeated_cue_and_colon_is_linear():
    # Once exponential: each cue's clause ended at the next cue's quote, recomputed at every level.
    doc = analyze("وقال: " * 1000)
    assert len(doc.quotes) == 500
    assert [q.text for q in doc.quotes[:2]] == ["وقال", "وقال"]


def test_lone_surrogates_and_controls_are_cleaned_with_offsets_kept():
    text = "قال الوزير \ud800 إن الحكومة\x00 ستواصل دعمها \udfff للمالكي."
    doc = analyze(text)
    assert len(doc.text) == len(text)
    assert doc.text[11] == "\ufffd" and doc.text[23] == " "
    assert [q.text for q in doc.quotes] == ["الحكومة  ستواصل دعمها \ufffd للمالكي"]


def test_a_quote_of_only_marks_is_no_quote():
    doc = analyze("وأضاف ان”.\n\nوأضاف ان بلاده تدعم الحل.")
    assert [(q.text, q.cue) for q in doc.quotes] == [("بلاده تدعم الحل", "وأضاف")]


def test_odd_characters_alone():
    for piece in ODD:
        check(piece)
        check(piece * 50 + " وقال الوزير إن " + piece)
