from conftest import FixedNer

from newsan.document import Document
from newsan.stages.entities import add_entities
from newsan.stages.ner import add_mentions, bio_spans
from newsan.stages.tokens import add_tokens

TEXT = (
    "التقى نوري المالكي وزير الخارجية سرغي لافروف في موسكو. "
    "وقال المالكي إن العراق يريد دورا لروسيا. "
    "وأكد سيرغي لافروف أن روسيا تدعم العراق، وقال للمالكي إن موسكو وبغداد شريكان."
)
TAGS = {
    "نوري المالكي": "PERS", "المالكي": "PERS", "للمالكي": "PERS", "سرغي لافروف": "PERS",
    "سيرغي لافروف": "PERS", "موسكو": "LOC", "العراق": "LOC", "لروسيا": "LOC", "روسيا": "LOC", "وبغداد": "LOC",
}


def entities_of(text, tags, lexicon=frozenset({"بغداد"})):
    doc = Document(text, "t")
    add_tokens(doc)
    add_mentions(doc, FixedNer(tags))
    add_entities(doc, lexicon)
    return doc


def test_mentions_group_under_the_fullest_clitic_free_name():
    doc = entities_of(TEXT, TAGS)
    summary = [(e.canonical, e.type, e.count) for e in doc.entities]
    assert summary == [
        ("نوري المالكي", "PERS", 3),
        ("سيرغي لافروف", "PERS", 2),
        ("موسكو", "LOC", 2),
        ("العراق", "LOC", 2),
        ("روسيا", "LOC", 2),
        ("بغداد", "LOC", 1),
    ]


def test_a_bare_clitic_letter_stays_unless_the_rest_is_a_known_word():
    unknown = entities_of(TEXT, TAGS, lexicon=frozenset()).entities
    assert [e.canonical for e in unknown if e.type == "LOC"][-1] == "وبغداد"


def test_mentions_keep_offsets_into_the_original_text():
    doc = entities_of(TEXT, TAGS)
    for entity in doc.entities:
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.end] == mention.text
            assert doc.entities[mention.entity] is entity
    assert [m.text for m in doc.entities[0].mentions] == ["نوري المالكي", "المالكي", "للمالكي"]


def test_a_surname_alone_joins_its_full_name_only_within_persons():
    doc = entities_of("زار جورج واشنطن المدينة. ثم وصل الوفد الى واشنطن.", {"جورج واشنطن": "PERS", "واشنطن": "LOC"})
    assert [(e.canonical, e.type) for e in doc.entities] == [("جورج واشنطن", "PERS"), ("واشنطن", "LOC")]


def test_bio_spans_follow_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]
    assert bio_spans(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]
    assert bio_spans(["B-PERS", "I-PERS"], sentence_of=[0, 1]) == [(0, 1, "PERS"), (1, 2, "PERS")]


def test_empty_text_has_no_entities():
    doc = entities_of("", TAGS)
    assert doc.tokens == [] and doc.entities == []


def test_persons_sharing_only_a_last_word_stay_apart():
    text = "قال حفص بن عاصم رضي الله عنه. وقال عثمان بن عفان رضي الله عنه. وذكر نوري كامل المالكي ثم نوري المالكي."
    phrases = {"حفص بن عاصم رضي الله": "PERS", "عثمان بن عفان رضي الله": "PERS",
               "نوري كامل المالكي": "PERS", "نوري المالكي": "PERS"}
    doc = entities_of(text, phrases)
    assert sorted((e.canonical, e.count) for e in doc.entities) == [
        ("حفص بن عاصم رضي الله", 1), ("عثمان بن عفان رضي الله", 1), ("نوري كامل المالكي", 2)]


def test_a_father_named_alone_is_another_person_but_a_family_name_joins():
    text = ("قال الأمير محمد بن سلمان بن عبدالعزيز إن الملك سلمان بن عبدالعزيز وافق. "
            "وشكر الشاب يوسف بن إبراهيم الصويان والده إبراهيم. "
            "وقال جوهر بن مبارك إن بن مبارك لن يترشح، وقال الصويان ذلك.")
    phrases = {"محمد بن سلمان بن عبدالعزيز": "PERS", "سلمان بن عبدالعزيز": "PERS", "يوسف بن إبراهيم الصويان": "PERS",
               "إبراهيم": "PERS", "جوهر بن مبارك": "PERS", "بن مبارك": "PERS", "الصويان": "PERS"}
    doc = entities_of(text, phrases)
    assert sorted((e.canonical, e.count) for e in doc.entities) == [
        ("إبراهيم", 1), ("جوهر بن مبارك", 2), ("سلمان بن عبدالعزيز", 1),
        ("محمد بن سلمان بن عبدالعزيز", 1), ("يوسف بن إبراهيم الصويان", 2)]


def test_among_equally_long_forms_the_one_with_the_article_is_canonical():
    doc = entities_of("زار وفد اليمن ثم عاد من يمن آخر.", {"اليمن": "LOC", "يمن": "LOC"})
    assert [(e.canonical, e.count) for e in doc.entities] == [("اليمن", 2)]


def test_a_name_found_once_is_tagged_wherever_it_recurs():
    from newsan.stages.ner import consistent_tags

    sentences = [["قال", "المدرب", "فينغر", "إن", "الفريق", "جاهز"], ["وأضاف", "لفينغر", "في", "لندن"],
                 ["في", "الفريق"]]
    tags = [["O", "O", "B-PERS", "O", "O", "O"], ["O", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    assert consistent_tags(sentences, tags, common_words=frozenset({"في"})) == [
        ["O", "O", "B-PERS", "O", "O", "O"], ["O", "B-PERS", "O", "B-LOC"], ["B-ORG", "O"]]


def test_a_gazetteer_name_is_not_cut_to_another_word_of_the_document():
    doc = entities_of("وقال باراك أوباما إن أراك هنا.", {"باراك أوباما": "PERS"}, frozenset({"باراك"}))
    assert [(e.canonical, e.type) for e in doc.entities] == [("باراك أوباما", "PERS")]


def test_document_finds_tokens_and_mentions_by_character_offset():
    doc = entities_of(TEXT, TAGS)
    second = doc.tokens[1]  # نوري
    assert doc.token_index_at(second.start) == 1 and doc.token_index_at(second.start + 1) == -1
    assert doc.token_index_at_or_after(second.start + 1) == 2
    assert doc.token_index_at_or_after(len(TEXT)) == len(doc.tokens)
    assert doc.mention_at(second.start + 2).name == "نوري المالكي"
    assert doc.mention_at(doc.tokens[0].start) is None  # التقى


def test_a_function_word_or_a_span_without_letters_is_no_name():
    tags = {"لي": "PERS", "على": "PERS", "------": "MISC", "سالم": "PERS"}
    doc = entities_of("وقال لي سالم إن الجامعة تدرب طلابها على مهارات الحوار ------ ثم غادر.", tags)
    assert [(m.text, m.type) for m in doc.mentions] == [("سالم", "PERS")]
    assert [t.ner for t in doc.tokens][:3] == ["O", "O", "B-PERS"]
    doc = entities_of("وأوضح الدكتور لي أن النوم مفيد.", tags)
    assert [(m.text, m.type) for m in doc.mentions] == [("لي", "PERS")]


def test_tagging_a_conll_file_drops_the_same_non_names_as_entities():
    from newsan.stages.ner import without_non_names

    sentences = [["وقال", "لي", "سالم", "إن"], ["الدكتور", "لي", "أوضح"], ["------"]]
    tags = [["O", "B-PERS", "B-PERS", "O"], ["O", "B-PERS", "O"], ["B-MISC"]]
    assert without_non_names(sentences, tags) == [["O", "O", "B-PERS", "O"], ["O", "B-PERS", "O"], ["O"]]


def test_a_speech_verb_after_a_conjunction_written_apart_is_not_a_name():
    from newsan.stages.ner import is_name

    assert not is_name(["طالب"], "و")
    assert is_name(["طالب"], "الطالب") and is_name(["طالب", "الرفاعي"], "و")


def test_a_surname_written_as_in_the_full_name_keeps_its_first_letters():
    text = "وفق ما صرح به عبد الرؤوف باللطيف كاتب عام النقابة. وقال باللطيف إن الإضراب تأجل."
    doc = entities_of(text, {"عبد الرؤوف باللطيف": "PERS", "باللطيف": "PERS"}, lexicon=frozenset({"اللطيف"}))
    assert [(m.text, m.proclitics, m.name, m.entity) for m in doc.mentions] == [
        ("عبد الرؤوف باللطيف", "", "عبد الرؤوف باللطيف", 0), ("باللطيف", "", "باللطيف", 0)]
    doc = entities_of("وقال عبد الرؤوف اللطيف إن الإضراب تأجل، وأشاد باللطيف.", {
        "عبد الرؤوف اللطيف": "PERS", "باللطيف": "PERS"}, lexicon=frozenset({"اللطيف"}))
    assert [(m.proclitics, m.name) for m in doc.mentions] == [("", "عبد الرؤوف اللطيف"), ("ب", "اللطيف")]


def test_a_name_after_a_place_or_body_noun_is_the_place_or_body():
    text = ("وقال مدير جامعة الملك سعود بدران العمر إن الدراسة بدأت، في مطار الملك عبدالعزيز الدولي "
            "وبمستشفى سليمان الحبيب، وفي مدينة سوسة.")
    tags = {"سعود": "PERS", "بدران العمر": "PERS", "الملك عبدالعزيز": "LOC", "سليمان الحبيب": "PERS", "سوسة": "LOC"}
    doc = entities_of(text, tags)
    assert sorted((e.canonical, e.type) for e in doc.entities) == [
        ("بدران العمر", "PERS"), ("جامعة الملك سعود", "ORG"), ("سوسة", "LOC"),
        ("مستشفى سليمان الحبيب", "ORG"), ("مطار الملك عبدالعزيز الدولي", "LOC")]


def test_a_kunya_the_tagger_cut_is_the_whole_name_where_um_cannot_be_or():
    text = "أما أم خالد فتقول إن المياه انقطعت. وسأل هل هو سالم أم خالد؟"
    doc = entities_of(text, {"خالد": "PERS", "سالم": "PERS"})
    assert sorted(m.text for m in doc.mentions) == ["أم خالد", "خالد", "سالم"]


def test_a_possessive_or_a_plain_genitive_is_no_namesake():
    text = ("وقال مؤسسه محمد العبار إن الشركة ستتوسع. واستقبل في مكتبه سلطان بن سلمان. وانتقد الحزب برنامج ترامب الاقتصادي. "
            "ووصلت الرسالة عن طريق الشيخ محمد آل ثاني. وافتتح مركز الملك سلمان.")
    tags = {"محمد العبار": "PERS", "سلطان بن سلمان": "PERS", "ترامب": "PERS", "محمد آل ثاني": "PERS", "سلمان": "PERS"}
    doc = entities_of(text, tags)
    assert sorted((e.canonical, e.type) for e in doc.entities) == [
        ("ترامب", "PERS"), ("سلطان بن سلمان", "PERS"), ("محمد آل ثاني", "PERS"), ("محمد العبار", "PERS"),
        ("مركز الملك سلمان", "ORG")]


def test_a_speech_verb_the_tagger_took_into_a_name_is_left_out():
    doc = entities_of("وأبان الصباغ أن المشروع في مراحله الأخيرة. ماكرون، أم لوبان؟", {"وأبان الصباغ": "PERS", "لوبان": "PERS", "ماكرون": "PERS"})
    assert sorted(m.text for m in doc.mentions) == ["الصباغ", "لوبان", "ماكرون"]


def test_a_place_named_after_a_sheikh_is_the_place():
    doc = entities_of("وأقيم الحفل في مركز الشيخ جابر الأحمد الثقافي. وشهد طريق الشيخ زايد ازدحاما.",
                      {"جابر الأحمد": "PERS", "زايد": "PERS"})
    assert sorted((e.canonical, e.type) for e in doc.entities) == [
        ("طريق الشيخ زايد", "LOC"), ("مركز الشيخ جابر الأحمد الثقافي", "ORG")]


def test_a_full_name_opening_with_a_given_name_keeps_its_first_letter():
    text = "وقال لسعد حميد إن الشركة رابحة. وأكدت بهية راشدي أن الفيلم جاهز. واحتفى الحضور بأبي القاسم الشابي."
    tags = {"لسعد حميد": "PERS", "بهية راشدي": "PERS", "بأبي القاسم الشابي": "PERS"}
    doc = entities_of(text, tags, lexicon=frozenset({"سعد", "هيه", "ابي"}))
    assert [e.canonical for e in doc.entities] == ["لسعد حميد", "بهية راشدي", "أبي القاسم الشابي"]


def test_an_adjective_the_tagger_takes_for_a_name_is_no_name():
    doc = entities_of("وأوهمها سالم أنه مهاجر في إيطاليا و ميسور الحال.", {"سالم": "PERS", "ميسور": "PERS"})
    assert [(m.text, m.type) for m in doc.mentions] == [("سالم", "PERS")]
