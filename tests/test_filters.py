"""Entity filters and the MISC conventions that tables leave out."""

import pytest

from newsan.render.filters import EntityFilter, filter_entities, is_convention


def entity(canonical, type_="MISC", count=1):
    return {"canonical": canonical, "type": type_, "count": count}


@pytest.mark.parametrize("canonical", ["الله", "لله", "ولله", "بالله", "دولار", "الدولار", "دولاراً", "بالدولار",
                                       "الدولار الأمريكي", "الريال السعودي", "اليورو", "أورو", "دنانير", "الجنيه المصري"])
def test_conventions(canonical):
    assert is_convention(entity(canonical))


@pytest.mark.parametrize("canonical", ["ريال مدريد", "مونديال 2018", "الإسلام", "عبد الله", "الله أكبر"])
def test_not_conventions(canonical):
    assert not is_convention(entity(canonical))


def test_only_misc_can_be_a_convention():
    assert not is_convention(entity("الدولار", "ORG"))


def test_hiding_conventions_comes_before_top():
    record = {"source": "x", "entities": [entity("الله", count=9), entity("تونس", "LOC", 5), entity("نوبل", count=2)]}
    [kept] = filter_entities([record], EntityFilter(top=2, hide_conventions=True))
    assert [e["canonical"] for e in kept["entities"]] == ["تونس", "نوبل"]
    [unfiltered] = filter_entities([record], EntityFilter())
    assert unfiltered is record


def test_types_and_min_count():
    record = {"source": "x", "entities": [entity("العراق", "LOC", 13), entity("نوري المالكي", "PERS", 9),
                                          entity("الإسلام", "MISC", 2), entity("بغداد", "LOC", 1)]}
    [kept] = filter_entities([record], EntityFilter(types=frozenset({"LOC", "MISC"}), min_count=2))
    assert [e["canonical"] for e in kept["entities"]] == ["العراق", "الإسلام"]
    assert filter_entities([{"source": "y", "error": "binary"}], EntityFilter(top=1)).__next__() == {
        "source": "y", "error": "binary"}
