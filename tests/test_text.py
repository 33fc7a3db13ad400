from camel_tools.tokenizers.word import simple_word_tokenize

from newsan.text.normalize import match_key, normalize, split_proclitics
from newsan.text.tokenize import sentence_ranges, tokenize


def test_tokens_are_camels_with_offsets_into_the_original(seed_text):
    spans = tokenize(seed_text)
    assert [t for t, _, _ in spans] == simple_word_tokenize(seed_text)
    assert all(seed_text[start:end] == token for token, start, end in spans)


def test_sentences_end_at_stops_closing_quotes_and_line_breaks():
    text = "قال: “نعم.” ثم ذهب! وعاد\nسطر"
    spans = tokenize(text)
    sentences = [" ".join(t for t, _, _ in spans[a:b]) for a, b in sentence_ranges(text, spans)]
    assert sentences == ["قال : “ نعم . ”", "ثم ذهب !", "وعاد", "سطر"]


def test_seed_has_the_gold_sentence_count(seed_text):
    assert len(sentence_ranges(seed_text, tokenize(seed_text))) == 23


def test_normalize_unifies_spelling_variants():
    assert normalize("إِلَى") == normalize("الى") == "الي"
    assert normalize("مدرسة") == "مدرسه"


def test_proclitics_come_off_when_the_rest_is_attested():
    known = {"روسيا", "لافروف"}
    assert split_proclitics("لروسيا", known) == ("ل", "روسيا")
    assert split_proclitics("وروسيا", known) == ("و", "روسيا")
    assert split_proclitics("للافروف", known) == ("ل", "لافروف")
    assert split_proclitics("للعراق", known) == ("ل", "العراق")
    assert split_proclitics("والمالكي", known) == ("و", "المالكي")


def test_names_that_begin_with_clitic_letters_stay_whole():
    for name in ["واشنطن", "بغداد", "ليبيا", "كندا", "فرنسا"]:
        assert split_proclitics(name, set()) == ("", name)


def test_match_key_drops_clitics_and_article():
    assert match_key("والمالكي") == match_key("المالكي") == match_key("مالكي") == "مالكي"


def test_a_known_name_keeps_its_first_letter_unless_the_rest_is_a_name_too():
    names = {"باراك", "فيصل", "روسيا", "بروسيا"}
    assert split_proclitics("باراك", {"اراك"}, names) == ("", "باراك")
    assert split_proclitics("فيصل", {"يصل"}, names) == ("", "فيصل")
    assert split_proclitics("بروسيا", {"روسيا"}, names) == ("ب", "روسيا")
    assert split_proclitics("باراك", {"اراك"}) == ("ب", "اراك")  # no lexicon: the document's word wins


def test_a_name_opening_with_kaf_keeps_it_before_a_three_letter_name():
    names = {"كريم", "ريم", "كامل", "امل", "جده", "وجده", "روسيا"}
    assert split_proclitics("كريم", names, names) == ("", "كريم")  # كريم هلالي, not like Reem
    assert split_proclitics("كامل", names, names) == ("", "كامل")
    assert split_proclitics("وجدة", names, names) == ("و", "جدة")  # and Jeddah, in Saudi news
    assert split_proclitics("كروسيا", names, names) == ("ك", "روسيا")
