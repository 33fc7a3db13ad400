"""Quote and speaker rules added to generalise beyond the dev articles: each test is a
short synthetic text with the exact quotes and speakers expected."""

from __future__ import annotations

from tests.test_quotes import persons, quotes_of


def found(doc):
    return [(q.cue, q.text, q.speaker) for q in doc.quotes]


# ---- cues ---------------------------------------------------------------------------------
def test_new_speech_verbs_report_before_an():
    doc = quotes_of("وأبرز المدير أن المشروع اكتمل في موعده.\n")
    assert found(doc) == [("وأبرز", "المشروع اكتمل في موعده", "المدير")]
    doc = quotes_of("وانتقد الوزير الخطة واصفا إياها بأنها غير واقعية تماما.\n")
    assert [(q.cue, q.text) for q in doc.quotes] == [("واصفا", "غير واقعية تماما")]


def test_a_reminding_participle_is_a_cue_but_a_memorandum_is_not():
    doc = quotes_of("وأكد سالم أن المصنع جاهز، مذكرا بأن العمال تدربوا جيدا.\n",
                    persons("سالم"))
    assert found(doc) == [("وأكد", "المصنع جاهز", "سالم"), ("مذكرا", "العمال تدربوا جيدا", "سالم")]
    assert quotes_of("ووقع الطرفان مذكرة تفاهم: تعاون في الزراعة والصناعة والتجارة.\n").quotes == []


def test_a_possessive_noun_of_saying_before_an_reports_for_its_owner():
    text = "وأشرك المدرب كريم عادل اللاعب رغم اعترافه أن الفريق تلقى تحذيرا من الاتحاد.\n"
    doc = quotes_of(text, persons("كريم عادل"))
    assert found(doc) == [("اعترافه", "الفريق تلقى تحذيرا من الاتحاد", "كريم عادل")]
    assert quotes_of("وأثار اعترافه بالخطأ جدلا واسعا.\n").quotes == []


def test_a_relayed_statement_belongs_to_the_source_after_an():
    text = "ونقلت قناة النيل عن وكالة الأنباء الرسمية أن الرئيس أصدر قرارا بالعفو.\n"
    doc = quotes_of(text, {"قناة النيل": ("ORG", ["قناة النيل"]), "وكالة الأنباء الرسمية": ("ORG", ["وكالة الأنباء الرسمية"])})
    assert found(doc) == [("ونقلت", "الرئيس أصدر قرارا بالعفو", "وكالة الأنباء الرسمية")]
    assert quotes_of("ونقلت سيارات الإسعاف المصابين إلى المستشفى بعد أن وقع الحادث.\n").quotes == []


# ---- quotes after their statement -------------------------------------------------------
def test_a_cue_after_the_quote_names_its_speaker():
    text = "«نحن مستعدون للتحدي الكبير هذا العام»، قال المدرب أحمد سعيد.\n"
    doc = quotes_of(text, persons("أحمد سعيد"))
    assert found(doc) == [("قال", "نحن مستعدون للتحدي الكبير هذا العام", "أحمد سعيد")]


def test_a_cleft_this_is_what_x_said_attributes_the_quote_before_it():
    text = ("وقال أحمد سعيد إن الفريق جاهز.\n"
            "«اللعب ضده كان صعبا جدا طوال الموسم»، هذا ما قاله القائد عمر فاروق، "
            "مضيفا: «إنه لاعب رائع ويستحق الاحترام».\n")
    doc = quotes_of(text, persons("أحمد سعيد", "عمر فاروق"))
    assert found(doc) == [
        ("وقال", "الفريق جاهز", "أحمد سعيد"),
        ("قاله", "اللعب ضده كان صعبا جدا طوال الموسم", "عمر فاروق"),
        ("مضيفا", "لاعب رائع ويستحق الاحترام", "عمر فاروق"),
    ]


# ---- subjects -----------------------------------------------------------------------------
def test_an_adverbial_participle_takes_the_main_subject_not_its_object():
    text = "انتقد الوزير سامي الخطيب الخطة. واصفا تلك التصريحات بأنها لا تخدم أحدا.\n"
    doc = quotes_of(text, persons("سامي الخطيب"))
    assert found(doc) == [("واصفا", "لا تخدم أحدا", "سامي الخطيب")]


def test_a_participle_takes_the_subject_of_an_earlier_speech_verb_of_its_sentence():
    text = ("وقالت ليلى حسن إن التمويل كاف. من جانبه، أكد المدير العام للبنك، عمر فاروق، دعم المشروع، "
            "مشيرا إلى أن القرض سيصرف قريبا.\n")
    doc = quotes_of(text, persons("ليلى حسن", "عمر فاروق"))
    assert [q.speaker for q in doc.quotes] == ["ليلى حسن", "عمر فاروق"]


def test_a_pronoun_object_before_the_subject_is_skipped():
    doc = quotes_of("والتي قال عنها المخرج في نص المسرحية إنها تعمل في صمت.\n")
    assert found(doc) == [("قال", "تعمل في صمت", "المخرج")]


def test_each_of_introduces_the_subject():
    text = "وأكد كل من المدير سامي الرقيق والطبيب عمر فاروق أن الحالة مستقرة.\n"
    doc = quotes_of(text, persons("سامي الرقيق", "عمر فاروق"))
    assert found(doc) == [("وأكد", "الحالة مستقرة", "سامي الرقيق")]


def test_according_to_the_press_is_not_the_subject():
    text = "تفاعل الرئيس أحمد سعيد مع الضحايا. وقال بحسب ما نقلته صحف محلية إن ما حصل مأساة.\n"
    doc = quotes_of(text, persons("أحمد سعيد"))
    assert found(doc) == [("وقال", "ما حصل مأساة", "أحمد سعيد")]


# ---- where clauses start and end ----------------------------------------------------------
def test_a_one_letter_abbreviation_does_not_end_the_sentence():
    doc = quotes_of("وشدد د. الزياني على أن المجلس سيحافظ على مصالحه.\n", persons("الزياني"))
    assert found(doc) == [("وشدد", "المجلس سيحافظ على مصالحه", "الزياني")]


def test_a_participle_with_its_own_clause_ends_the_previous_one():
    doc = quotes_of("وأوضح الوزير أن القانون سيشمل الجميع مؤكدا أن الحساب يكون في النهاية.\n")
    assert [(q.cue, q.text) for q in doc.quotes] == [
        ("وأوضح", "القانون سيشمل الجميع"), ("مؤكدا", "الحساب يكون في النهاية")]


def test_expressing_ends_a_clause_without_reporting():
    doc = quotes_of("وأبرز الوزير أن التعديلات جاءت متأخرة، معبرا عن عدم رضاه عن النتائج.\n")
    assert [(q.cue, q.text) for q in doc.quotes] == [("وأبرز", "التعديلات جاءت متأخرة")]


def test_a_feminine_imperfect_cue_is_not_impersonal():
    text = "أما ليلى حسن التي يرجح فوزها، فتقول إن ذلك يعود لضرورات العمل.\n"
    doc = quotes_of(text, persons("ليلى حسن"))
    assert found(doc) == [("فتقول", "ذلك يعود لضرورات العمل", "ليلى حسن")]
    assert quotes_of("يذكر أن المهرجان انطلق قبل عشر سنوات.\n").quotes == []


def test_an_after_since_or_hoped_is_not_reported():
    assert quotes_of("ويبدو الفريق من أبرز المرشحين للقب خصوصا أن مدربه لم يغير التشكيلة.\n").quotes == []
    assert quotes_of("وبين الأسماء والأدوار تباين، فقد كان من المؤمل أن يتحلى الشاب بأفكار مستنيرة.\n").quotes == []


def test_a_saying_cited_mid_sentence_does_not_take_over_the_continuation():
    text = ("وقال الخطيب أحمد سعيد إن العلم يهدي القلوب. وهذا حق، كما قال الشاعر: «العلم نور يهدي العقول». "
            "وأضاف أن التعليم أساس النهضة.\n"
            "كما قال الطبيب عمر فاروق إن الصحة مهمة جدا. وأضاف أن الوقاية خير علاج.\n")
    doc = quotes_of(text, persons("أحمد سعيد", "عمر فاروق"))
    assert [(q.cue, q.speaker) for q in doc.quotes] == [
        ("وقال", "أحمد سعيد"), ("قال", "الشاعر"), ("وأضاف", "أحمد سعيد"),
        ("قال", "عمر فاروق"), ("وأضاف", "عمر فاروق")]


def test_a_cue_after_qad_or_a_separate_wa_starts_its_own_quote():
    text = ("وأوضح سالم أن البرنامج بدأ أمس، أما الوفود فقد أشار كريم أن عددها ثلاثة وفود.\n"
            "وأكد سالم أن الوضع هادئ و قال كريم إن الفريق جاهز تماما.\n")
    doc = quotes_of(text, persons("سالم", "كريم"))
    assert found(doc) == [
        ("وأوضح", "البرنامج بدأ أمس، أما الوفود", "سالم"),
        ("أشار", "عددها ثلاثة وفود", "كريم"),
        ("وأكد", "الوضع هادئ", "سالم"),
        ("قال", "الفريق جاهز تماما", "كريم"),
    ]


def test_ruling_out_and_expressing_report_before_an():
    doc = quotes_of("واستبعد سالم، أن تأتي القمة بمفاجآت كبرى.\n", persons("سالم"))
    assert found(doc) == [("واستبعد", "تأتي القمة بمفاجآت كبرى", "سالم")]
    doc = quotes_of("وأشار سالم إلى أن الفريق أرسل ملفا، معربا أن الوالي دخل الملعب.\n",
                    persons("سالم"))
    assert found(doc) == [("وأشار", "الفريق أرسل ملفا", "سالم"), ("معربا", "الوالي دخل الملعب", "سالم")]
    assert quotes_of("واستبعد المدرب اللاعب من التشكيلة: قرار فني بحت.\n").quotes == []


def test_a_cue_after_a_relative_pronoun_reports_the_name_before_it():
    text = "وأكد سالم أن الوالي دخل الملعب وهو ما نفاه المسؤول كريم الذي أوضح أنه لم يدخل أبدا.\n"
    doc = quotes_of(text, persons("سالم", "كريم"))
    assert found(doc) == [("وأكد", "الوالي دخل الملعب وهو ما نفاه المسؤول كريم", "سالم"),
                          ("أوضح", "لم يدخل أبدا", "كريم")]


def test_the_object_of_drew_attention_is_not_the_speaker():
    text = "وقال سالم إن المعرض يفتح غدا.\nولفت النظر إلى أنه سيعقد لقاء للنحالين.\nوأفاد أن البرنامج سينظم محاضرات.\n"
    doc = quotes_of(text, persons("سالم"))
    assert [q.speaker for q in doc.quotes] == ["سالم", "سالم", "سالم"]


def test_a_description_does_not_match_a_speaker_of_the_other_gender():
    text = "وقال رئيس الهيئة سالم إن الاستقالة نهائية.\nوذكرت الهيئة في بلاغ لها أن المجلس سيجتمع غدا.\n"
    doc = quotes_of(text, persons("سالم"))
    assert found(doc) == [("وقال", "الاستقالة نهائية", "سالم"), ("وذكرت", "المجلس سيجتمع غدا", "الهيئة")]


def test_a_cue_in_arabic_presentation_forms_is_read_as_its_letters():
    # ﻭﺃﺿﺎﻑ ﺃﻥ: the letters as a PDF copy gives them (U+FExx), which normalisation folds (NFKC)
    doc = quotes_of("وقال سالم إن الطريق مغلق.\nﻭﺃﺿﺎﻑ ﺃﻥ الفرق تعمل على فتحه منذ الصباح.\n",
                    persons("سالم"))
    assert found(doc) == [("وقال", "الطريق مغلق", "سالم"),
                          ("ﻭﺃﺿﺎﻑ", "الفرق تعمل على فتحه منذ الصباح", "سالم")]


def test_a_feminine_pointing_participle_starts_its_own_quote():
    text = "وقالت سلمى إن الموسم كان ناجحا، مشيرة إلى أن الزوار تضاعفوا هذا العام.\n"
    doc = quotes_of(text, persons("سلمى"))
    assert found(doc) == [("وقالت", "الموسم كان ناجحا", "سلمى"),
                          ("مشيرة", "الزوار تضاعفوا هذا العام", "سلمى")]


def test_a_feminine_continuation_never_goes_to_a_man_already_quoted():
    text = "زارت سلمى المصنع صباح اليوم.\nوقال أحمد سالم إن الإنتاج تضاعف هذا العام.\nوأوضحت أن العمال راضون عن الأجور.\n"
    doc = quotes_of(text, persons("سلمى", "أحمد سالم"))
    assert found(doc) == [("وقال", "الإنتاج تضاعف هذا العام", "أحمد سالم"),
                          ("وأوضحت", "العمال راضون عن الأجور", "سلمى")]


def test_a_speakers_gender_is_read_from_the_cue_that_names_it():
    # أكدت guessed him as its speaker; وقال سالم names him, so وأضاف agrees with him
    text = ("وقال خالد إن الطريق مغلق.\nالتقى أحمد سالم الوزيرة أمس. وأكدت أن المشروع سيكتمل.\n"
            "وقال سالم إن التمويل متوفر.\nوأضاف أن العمال جاهزون للبدء.\n")
    doc = quotes_of(text, {"خالد": ("PERS", ["خالد"]), "أحمد سالم": ("PERS", ["أحمد سالم", "سالم"])})
    assert [q.speaker for q in doc.quotes][2:] == ["أحمد سالم", "أحمد سالم"]


def test_a_name_after_an_honorific_or_a_dash_is_a_new_speaker_not_a_role_reference():
    text = ("وقالت منى سالم إن الحفل كان رائعا.\nوأشارت - السيدة رفه من المدينة إلى أن الأطفال فرحوا كثيرا.\n"
            "وقالت السيدة – دانيا من جدة إن التنظيم كان جيدا.\n")
    doc = quotes_of(text, persons("منى سالم"))
    assert [q.speaker for q in doc.quotes] == ["منى سالم", "رفه", "دانيا"]


def test_an_expressing_verb_states_a_clause_when_its_subject_comes_before_an():
    text = "وأعرب – سامي ناصر القادم من جدة أن الاحتفالات كانت رائعة.\nوأعرب ناصر عن أمله أن تتكرر كل عام.\n"
    doc = quotes_of(text, {"سامي ناصر": ("PERS", ["سامي ناصر", "ناصر"])})
    assert found(doc) == [("وأعرب", "الاحتفالات كانت رائعة", "سامي ناصر")]


def test_a_plural_continuation_goes_to_a_group_named_after_a_singular_verb():
    doc = quotes_of("وقال الخبراء إن الطقس سيتحسن غدا.\nوأضافوا أن الأمطار ستتوقف مساء.\n")
    assert found(doc) == [("وقال", "الطقس سيتحسن غدا", "الخبراء"), ("وأضافوا", "الأمطار ستتوقف مساء", "الخبراء")]


def test_between_a_pair_of_numbers_or_words_written_apart_is_no_cue():
    assert quotes_of("وتتراوح أعمارهما بين 30 و36 سنة على أن البحث متواصل.\n").quotes == []
    assert quotes_of("وقع الحادث في الطريق الرابطة بين المتلوي و قفصة مما أدى إلى أن السيارة انقلبت.\n").quotes == []
    doc = quotes_of("وبين الوزير أن الطريق مفتوحة.\n")
    assert found(doc) == [("وبين", "الطريق مفتوحة", "الوزير")]


# ---- session 10: rules from the ninth pool round --------------------------------------------
def test_a_cue_after_an_anhu_that_opened_no_clause_takes_the_clause_after_it():
    text = ("وندد سامي ناصر، الذي جدد دعم حزبه للحكومة، بمحاولات نسف المكاسب، إلا أنه شدد على أن "
            "حزبه لن يغير مواقفه.\n")
    doc = quotes_of(text, persons("سامي ناصر"))
    assert found(doc) == [("شدد", "حزبه لن يغير مواقفه", "سامي ناصر")]


def test_a_group_described_by_where_it_belongs_is_the_speaker_in_full():
    doc = quotes_of("وقالت قيادات في المقاومة الشعبية إن القوات تقدمت.\nوأضافت أن الطيران ساعد في ذلك.\n")
    assert found(doc) == [("وقالت", "القوات تقدمت", "قيادات في المقاومة الشعبية"),
                          ("وأضافت", "الطيران ساعد في ذلك", "قيادات في المقاومة الشعبية")]
    doc = quotes_of("وقال نواب في البرلمان إن القانون سيمر.\nوقالت مسؤولة في وزارة الصحة إن الوباء تحت السيطرة.\n")
    assert [q.speaker for q in doc.quotes] == ["نواب في البرلمان", "مسؤولة في وزارة الصحة"]


def test_a_source_noun_in_construct_is_the_title_of_the_name_after_its_preposition():
    text = "وقالت مسؤولة السياسة الخارجية في الاتحاد الأوروبي منى سالم أمس إن أوروبا بحاجة إلى المهاجرين.\n"
    doc = quotes_of(text, {"منى سالم": ("PERS", ["منى سالم"]), "الاتحاد الأوروبي": ("ORG", ["الاتحاد الأوروبي"])})
    assert found(doc) == [("وقالت", "أوروبا بحاجة إلى المهاجرين", "منى سالم")]
    text = "ونقل الموقع عن أحد المقربين من سامي ناصر قوله إن الرجل كان هادئا.\n"
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["أحد المقربين من سامي ناصر"]


def test_a_participle_before_a_quoted_statement_ends_the_clause_before_it():
    text = 'وقال سامي ناصر إن الأدلة تتراكم مع تقدم القوات مضيفا "حتى اليوم تم اكتشاف أكثر من خمسين مقبرة".\n'
    doc = quotes_of(text, persons("سامي ناصر"))
    assert [(q.kind, q.cue, q.text) for q in doc.quotes] == [
        ("indirect", "وقال", "الأدلة تتراكم مع تقدم القوات"),
        ("direct", "مضيفا", "حتى اليوم تم اكتشاف أكثر من خمسين مقبرة")]
    text = 'وقالت منى سالم إنها سمعت الطفل وهو يصرخ قائلا "لا أريد الاستحمام بماء بارد".\n'
    assert [q.cue for q in quotes_of(text, persons("منى سالم")).quotes] == ["وقالت"]  # the child's words, nested


def test_a_mark_after_a_participle_opens_a_new_quote_when_the_first_never_closed():
    text = ('وقال سامي ناصر في تصريح للإذاعة " الغريب أنني تلقيت رسائل كثيرة تلومني على هذا العمل '
            'مضيفا "كيف يوجهون اتهاما لشخص يفترضون أنه مات بالفعل"؟\n')
    doc = quotes_of(text, persons("سامي ناصر"))
    assert [(q.kind, q.cue, q.text) for q in doc.quotes] == [
        ("direct", "وقال", "الغريب أنني تلقيت رسائل كثيرة تلومني على هذا العمل"),
        ("direct", "مضيفا", "كيف يوجهون اتهاما لشخص يفترضون أنه مات بالفعل")]


def test_a_quoted_statement_after_ila_that_opens_with_anna_is_direct():
    text = 'وقالت منى سالم إن الحدود مفتوحة، وأشارت إلى "أننا بحاجة إلى وضع حد للمأساة في البحر".\n'
    doc = quotes_of(text, persons("منى سالم"))
    assert [(q.kind, q.cue, q.text) for q in doc.quotes] == [
        ("indirect", "وقالت", "الحدود مفتوحة"), ("direct", "وأشارت", "بحاجة إلى وضع حد للمأساة في البحر")]


def test_a_cue_after_lakinnahu_is_a_quote_of_its_own():
    text = "وأضافت الصحيفة أن المسؤول تحدث بناء على معلومات حديثة، لكنه قال إن الأجهزة لم تصل إلى استنتاج.\n"
    doc = quotes_of(text)
    assert [(q.cue, q.text) for q in doc.quotes] == [
        ("وأضافت", "المسؤول تحدث بناء على معلومات حديثة"), ("قال", "الأجهزة لم تصل إلى استنتاج")]


def test_a_quote_left_open_ends_where_the_writer_names_someone_again():
    text = ('وقال سامي ناصر، " إن منظومة المياه مضطربة نتيجة النقص الحاد في السد. وارجع ناصر ضعف '
            'المخزون إلى الجفاف، معتبرا أن الوضعية تهم مياه الري.\n')
    doc = quotes_of(text, {"سامي ناصر": ("PERS", ["سامي ناصر"])})
    assert [(q.kind, q.cue, q.text) for q in doc.quotes] == [
        ("direct", "وقال", "منظومة المياه مضطربة نتيجة النقص الحاد في السد."),
        ("indirect", "معتبرا", "الوضعية تهم مياه الري")]
    text = ('وقال سامي ناصر " هناك من يريد العودة إلى المنظومة القديمة التي لم تعد صالحة. و قال ناصر '
            'إن المنظومات الحديثة تقوم على التكنولوجيا.\n')
    doc = quotes_of(text, persons("سامي ناصر"))
    assert [(q.kind, q.text) for q in doc.quotes] == [
        ("direct", "هناك من يريد العودة إلى المنظومة القديمة التي لم تعد صالحة."),
        ("indirect", "المنظومات الحديثة تقوم على التكنولوجيا")]


def test_lada_after_a_title_belongs_to_the_title_not_to_the_occasion():
    text = "وقال المستشار لدى رئيس الحكومة رضا سالم إن البنك مؤهل للخوصصة.\nوقال الوزير لدى افتتاحه المعرض إن القطاع ينمو.\n"
    doc = quotes_of(text, persons("رضا سالم"))
    assert [q.speaker for q in doc.quotes] == ["رضا سالم", "الوزير"]


def test_the_same_sources_are_those_the_news_came_from():
    text = ("علمت الإذاعة من مصادر موثوقة أن قرار الإقالة جاء لسببين.\n"
            "وأوضحت المصادر ذاتها أن رئيس الحكومة لم يقترح عليه أي حقيبة. وبينت أنه ليس هناك أي سبب.\n")
    assert [q.speaker for q in quotes_of(text).quotes] == ["مصادر موثوقة", "مصادر موثوقة"]
    assert [q.speaker for q in quotes_of("وأكدت المصادر ذاتها أن الاجتماع تأجل.\n").quotes] == ["المصادر ذاتها"]


def test_a_role_noun_is_not_the_speaker_the_article_gave_another_role():
    text = "وقال اللاعب سامي ناصر إن الفريق جاهز للمباراة. وقال المدرب إن التحضيرات كانت جيدة.\n"
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر", "المدرب"]
    text = "وقال المدير الفني سامي ناصر إن الفريق جاهز للمباراة. وأضاف المدرب أن التحضيرات كانت جيدة.\n"
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر", "سامي ناصر"]


def test_a_describing_verbs_object_is_not_its_subject():
    doc = quotes_of('ووصف الوزير القرار بأنه "خطوة في الاتجاه الصحيح".\n')
    assert found(doc) == [("ووصف", "خطوة في الاتجاه الصحيح", "الوزير")]
    text = 'وقال سامي ناصر إن الوضع صعب.\nووصف القرار بأنه "خطوة في الاتجاه الصحيح".\n'
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر", "سامي ناصر"]


def test_with_no_one_quoted_before_the_subject_of_the_opening_verb_speaks():
    text = ("استعرض الناطق الرسمي باسم الحرس الوطني، سامي ناصر خلال ندوة صحفية بمقر الإدارة ببوشوشة، "
            "حصيلة السنة الماضية. وقال إن الوحدات قامت بعمليات كثيرة.\n")
    doc = quotes_of(text, {"سامي ناصر": ("PERS", ["سامي ناصر"]), "ببوشوشة": ("PERS", ["ببوشوشة"])})
    assert [q.speaker for q in doc.quotes] == ["سامي ناصر"]


def test_a_statement_issued_by_a_body_is_the_bodys():
    doc = quotes_of("وقال بيان صادر عن وزارة الداخلية إن الوضع هادئ.\nوأضاف البيان أن الطرق مفتوحة.\n")
    assert [(q.speaker, q.mention) for q in doc.quotes] == [
        ("وزارة الداخلية", "بيان صادر عن وزارة الداخلية"), ("وزارة الداخلية", "البيان")]


# ---- session 10: from the eleventh pool round ------------------------------------------------
def test_what_was_said_is_never_the_speaker_of_a_statement_noun():
    text = 'نددت حركة النهضة، اليوم الجمعة في بيان، بما وصفته بـ "الأسلوب الخسيس من التشويه والكذب الذي يلجأ إليه خصومها".\n'
    doc = quotes_of(text, {"حركة النهضة": ("ORG", ["حركة النهضة"])})
    assert [(q.cue, q.speaker) for q in doc.quotes] == [("بيان", "حركة النهضة")]


def test_a_group_before_alladhina_is_the_speaker_of_the_relative_clause():
    text = 'وجاءت المسيرة للتنديد بالتهميش على حد تعبير عدد من الاهالي الذين اعتبروا ان "اليأس دفع بالشباب الى ركوب قوارب الموت".\n'
    assert [q.speaker for q in quotes_of(text).quotes] == ["عدد من الاهالي"]


def test_the_issuer_of_a_statement_speaks_through_fihi_after_an_adverb():
    text = 'وكان الاتحاد المحلي للشغل اصدر بيانا بالمناسبة دعا فيه الحكومة الى "تنفيذ الوعود التنموية للمنطقة".\n'
    doc = quotes_of(text, {"الاتحاد المحلي للشغل": ("ORG", ["الاتحاد المحلي للشغل"])})
    assert [q.speaker for q in doc.quotes] == ["الاتحاد المحلي للشغل"]


def test_a_dropped_subject_goes_to_the_person_named_before_when_no_one_agrees():
    text = ('وقال الوزير سامي ناصر إن الفنانين مرحب بهم.\nوكانت الفنانة منى سالم قد عبرت عن غضبها. ولم تتمالك '
            'نفسها من البكاء قائلة " جيراننا أهانونا ولم ينظروا الينا نظرة احترام. وانتقدت الصحافة الجزائرية التنظيم.\n')
    doc = quotes_of(text, persons("سامي ناصر", "منى سالم"))
    assert [(q.cue, q.speaker, q.text) for q in doc.quotes][1:] == [
        ("قائلة", "منى سالم", "جيراننا أهانونا ولم ينظروا الينا نظرة احترام.")]


def test_a_plural_continuation_never_goes_to_one_spokesman():
    text = ('أكد علماء روس أنهم سجلوا آثار عاصفة مغناطيسية. وقال المتحدث باسم الأكاديمية: "تلك العاصفة '
            'غير خطيرة على صحة الإنسان". وأوضحوا أن آثار العاصفة بدأت بالانحسار.\n')
    assert [q.speaker for q in quotes_of(text).quotes] == ["علماء روس", "المتحدث باسم الأكاديمية", "علماء روس"]


def test_the_words_between_kana_and_the_verb_are_its_subject():
    text = ("وقالت المنظمة إن الوضع صعب. وكانت مفوضية اللاجئين التابعة للأمم المتحدة قالت، الشهر الماضي، "
            "إن عشرة آلاف مهاجر ماتوا غرقا.\n")
    assert [q.speaker for q in quotes_of(text).quotes] == ["المنظمة", "مفوضية اللاجئين التابعة للأمم المتحدة"]


def test_a_closing_mark_after_a_participle_still_closes_its_quote():
    text = 'وقال سامي ناصر " إن الفوز بات مؤكدا " وأضاف أن الفريق جاهز.\n'
    assert [(q.cue, q.text) for q in quotes_of(text, persons("سامي ناصر")).quotes] == [
        ("وقال", "الفوز بات مؤكدا"), ("وأضاف", "الفريق جاهز")]


def test_an_open_quote_goes_on_over_a_sentence_opening_with_a_definite_noun():
    text = 'وقال سامي ناصر " إن المشروع متوقف منذ أشهر. والوقت الحالي لا يسمح بالانتظار أكثر.\n'
    assert [q.text for q in quotes_of(text, persons("سامي ناصر")).quotes] == [
        "المشروع متوقف منذ أشهر. والوقت الحالي لا يسمح بالانتظار أكثر."]


def test_a_definite_statement_issued_by_a_body_is_the_bodys():
    doc = quotes_of("وقال البيان الصادر عن وزارة الداخلية إن الوضع هادئ.\n")
    assert [q.speaker for q in doc.quotes] == ["وزارة الداخلية"]


# ---- session 10: from the second reader's audit and the twelfth pool round -------------------
def test_the_guest_of_a_named_programme_is_the_guest_just_quoted():
    text = ('وقال سامي ناصر خلال استضافته اليوم في "بوليتيكا" إنه تم اختيار 50 دائرة فقط.\n'
            'وفي سياق آخر، أكد ضيف "بوليتيكا" أنه ممنوع من الحضور في وسائل إعلامية.\n')
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر", "سامي ناصر"]


def test_a_continuation_with_wa_written_apart_goes_on_with_the_source_cited_after_the_news():
    text = ("تمكنت الوحدات الأمنية من حجز 4 سيارات محملة ببضائع مهربة، وفق ما أكده رئيس المركز، سامي ناصر.\n"
            "و أضاف المصدر نفسه أنه تم تحرير محاضر جبائية.\n")
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر", "سامي ناصر"]


def test_and_which_after_a_name_goes_back_to_the_sentences_subject():
    text = ('عبرت منظمة "أنا يقظ" عن "بالغ صدمتها" مما جاء في التسريبات التي نسبت لمدير قناة (نسمة)، سامي ناصر '
            'والتي قالت إنها تحتوي على "تحريض مباشر ضد طاقم المنظمة".\n')
    doc = quotes_of(text, {"سامي ناصر": ("PERS", ["سامي ناصر"]), "أنا يقظ": ("ORG", ['منظمة "أنا يقظ"'])})
    assert [q.speaker for q in doc.quotes] == ["أنا يقظ"]


def test_the_security_source_is_the_one_the_news_was_had_from():
    text = ("لقي تلميذ حتفه دهسا بالمترو، حسب ما أفاد به مصدر أمني مراسلة الوكالة بالجهة.\n"
            "من ناحيته، أفاد مدير الاتصال بالشركة، سامي ناصر، بأن الحادث جد بين محطتين. "
            "وأوضح المصدر الأمني، أن الطفل كان جالسا بمؤخرة العربة.\n")
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["مصدر أمني", "سامي ناصر", "مصدر أمني"]


def test_a_describing_verb_after_bal_reports_for_itself():
    text = ("وردت الوزيرة منى سالم على اتهامات النائبة واعتبرت تصريحاتها شعبوية بل وصفتها صراحة بأنها "
            "عنصرية تنم عن جهل كبير.\n")
    assert [(q.cue, q.speaker) for q in quotes_of(text, persons("منى سالم")).quotes] == [("وصفتها", "منى سالم")]


def test_tabayyana_it_turned_out_is_no_cue():
    assert quotes_of("تبين بعد التحقيقات التي أجرتها الشرطة أن المتهم سرق مليوني أورو.\n").quotes == []
    assert quotes_of("وقد تبين لاحقا أنها لتاجر من المدينة.\n").quotes == []


def test_an_ala_hadd_qawlihi_tail_leaves_no_ala_in_the_quote():
    text = "وقال الوزير إن الأسطول سيتدعم بعربات جديدة ذات قدرة حمولة كبيرة على حد قوله. وأوضح أن العربات ستصل قريبا.\n"
    assert [q.text for q in quotes_of(text).quotes] == ["الأسطول سيتدعم بعربات جديدة ذات قدرة حمولة كبيرة", "العربات ستصل قريبا"]


def test_a_participle_after_ghayr_is_an_adjective():
    doc = quotes_of("وأشارت تقارير غير مؤكدة إلى أن سبعة أشخاص قتلوا.\n")
    assert found(doc) == [("وأشارت", "سبعة أشخاص قتلوا", "تقارير غير مؤكدة")]


def test_a_news_sentence_relayed_after_it_is_the_sources_statement():
    text = ("تمكنت الوحدات الأمنية من حجز 4 سيارات محملة ببضائع مهربة، وفق ما أكده رئيس المركز، سامي ناصر.\n"
            "لقي تلميذ حتفه دهسا بالمترو في منوبة، حسب ما أفاد به مصدر أمني مراسلة الوكالة بالجهة.\n"
            "وقبض الأعوان على مجرم خطير محل 10 مناشير تفتيش، وفق ما أكده مراسل \"الجوهرة أف أم\" بالجهة.\n")
    doc = quotes_of(text, persons("سامي ناصر"))
    assert [(q.cue, q.speaker, q.text) for q in doc.quotes] == [
        ("أكده", "سامي ناصر", "تمكنت الوحدات الأمنية من حجز 4 سيارات محملة ببضائع مهربة"),
        ("أفاد", "مصدر أمني", "لقي تلميذ حتفه دهسا بالمترو في منوبة"),
        ("أكده", 'مراسل "الجوهرة أف أم"', "وقبض الأعوان على مجرم خطير محل 10 مناشير تفتيش")]


def test_no_relayed_statement_where_the_sentence_goes_on_or_relays_a_relay():
    text = ("ومن الإصلاحات، وفق ما أكده رئيس الهيئة، الإمضاء على ميثاق مكافحة الفساد من قبل الحكومة والقضاء والنقابات والأحزاب.\n"
            "ويتمثل الشرط الجديد، وفق ما نقلت الوكالة عن مصدر، في كشف الزوار لنشاطهم الإلكتروني.\n")
    assert quotes_of(text).quotes == []


def test_a_relative_after_a_name_set_off_by_a_comma_is_that_persons():
    text = ("وعرف موسم الحج وفاة ستة حجاج، بحسب ما أكدته آمر المطار، منى سالم. وتوفي الحجاج لأسباب صحية، "
            "وفق ما أكدته المكلفة بالإعلام بالوزارة، سلمى قلمون، التي ذكرت كذلك بأن عدد الحجيج بلغ 8300.\n")
    doc = quotes_of(text, persons("منى سالم", "سلمى قلمون"))
    assert [q.speaker for q in doc.quotes][-1] == "سلمى قلمون"


def test_a_relayed_statement_whose_source_cannot_be_read_is_no_quote():
    text = "وبدأ الوزير سامي ناصر اليوم جولته المغاربية لتسريع ترحيل المهاجرين، بحسب ما صرح به في مقابلة مع الوكالة.\n"
    assert [q.speaker for q in quotes_of(text, persons("سامي ناصر")).quotes] == ["سامي ناصر"]
    text = "وحجزت الوحدات الأمنية كمية من الأسلحة والذخيرة في المنطقة، وفق ما أفاد به ذلك.\n"
    assert quotes_of(text).quotes == []
