"""Speaker stage: who said each quote, and the list of speakers of a document.

For each quote, in order, the subject is looked for:
1. after the cue (وقال وزير الخارجية الروسي سيرغي لافروف إن …): a PERS/ORG mention,
   possibly after its title, or a described source (مصدر أمني، متحدث باسم الوزارة);
2. before a cue written without و/ف (لكن رئيس الوزراء أحمد داود أوغلو قال إن …);
3. in a headline, the words before the colon.
A title-only or descriptive subject (الوزير الروسي، الضيف العراقي، المصدر ذاته) is
matched, word for word, against the names and titles seen so far; with no subject at
all (وأضاف أن …، مؤكدا أن …) the quote goes to the most recent speaker whose gender and
number agree with the cue (قالت feminine, قالوا plural).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile

from newsan.document import Document, Mention, Quote, Speaker, Token
from newsan.stages.quotes import NAME_NOUNS, QUOTE_MARKS, SENTENCE_END, is_sentence_end_at
from newsan.stages.speech import (
    CALLING_VERBS,
    CONJUNCTIONS_APART,
    OBJECT_SUFFIX_CUES,
    RELAY_OPENERS,
    RELAY_SOURCE,
    RELAY_VERBS,
    WHAT_WORDS,
    cue_form,
    is_complementiser,
    is_definite,
    object_cue,
    reads_as_verb,
    relay_cue,
    written_with_conjunction,
)
from newsan.text.function_words import is_function_word
from newsan.text.normalize import normalize, spelled

SPEAKING_TYPES = ("PERS", "ORG")
MAX_TITLE_WORDS = 12
MAX_SUBJECT_WORDS = 12
MAX_PRE_SUBJECT_WORDS = 10
MAX_NAME_WORDS = 3
MAX_LEADING_WORDS = 2
MAX_APPOSITION_WORDS = 6
MARK_TO_QUOTE = 8  # a quotation mark this close before a quote opens it (« إن …)
HONORIFICS = frozenset(normalize(w) for w in (
    "الدكتور", "د", "الشيخ", "المهندس", "الأستاذ", "السيد", "السيدة", "الحاج", "الأمير", "اللواء",
    "العميد", "العقيد", "الفريق", "المستشار", "القاضي", "الإمام", "الأب", "البروفيسور",
    "المقدم", "الرائد", "النقيب", "الملازم", "الرقيب", "معالي", "سمو", "فضيلة", "سعادة", "السناتور",
    "م",  # م. (engineer) before a name, as د.; not أ., which is also a letter of أ ف ب (AFP)
))
# Indefinite nouns that describe an unnamed source: the description itself is the speaker.
SOURCE_HEADS = frozenset(normalize(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسئول", "متحدث", "متحدثا", "ناطق", "ناطقا",
    "خبير", "خبراء", "شاهد", "شهود", "سكان", "أحد", "محلل", "محللون", "مراقبون", "دبلوماسي",
    "دبلوماسيون", "مسؤولا", "مصدرا", "مواطن", "مواطنون", "ناشط", "ناشطون", "مسؤولة", "متحدثة", "ناطقة",
    # groups, described by where they belong (قيادات في المقاومة الشعبية، نواب في البرلمان)
    "قيادات", "قيادي", "قياديون", "قياديين", "ناشطات", "نشطاء", "أعضاء", "نواب", "عناصر", "موظفون",
))
# Source nouns that make a title in construct with a definite noun, whatever preposition
# follows it (مسؤولة السياسة الخارجية في الاتحاد الأوروبي فيديريكا موغيريني); not أحد
# (أحد المقربين من الزواري: one of those close to him).
CONSTRUCT_SOURCE_TITLES = frozenset(normalize(w) for w in ("مسؤول", "مسؤولة", "مسئول"))
# Definite role nouns that refer back to a person already quoted when no title matches
# (وأضافت المتحدثة، قال الضيف، أوضح المسؤول).
ROLE_NOUNS = frozenset(normalize(w) for w in (
    "متحدث", "متحدثة", "مسؤول", "مسؤولة", "ضيف", "ضيفة", "خبير", "خبيرة", "زائر", "لاعب", "نجم",
    "مدرب", "ناطق", "مصدر", "محلل", "باحث", "باحثة", "رجل", "سيدة", "شاب", "فنان", "فنانة",
    "قاضي", "قاضية",
))
# Source nouns in the singular beside ROLE_NOUNS (all singular): a speaker they head is one
# person, whom a plural continuation (وأوضحوا) cannot be.
SINGLE_SOURCE_NOUNS = frozenset(normalize(w) for w in (
    "مسئول", "ناطقة", "قيادي", "عضو", "شاهد", "مواطن", "ناشط", "دبلوماسي",
))
# Role nouns only a person can be: the others also stand for a body's statement.
PERSON_NOUNS = ROLE_NOUNS - frozenset(normalize(w) for w in ("متحدث", "متحدثة", "مسؤول", "مسؤولة", "ناطق", "مصدر"))
# Words after which the subject phrase stops: time, place and channel of the statement.
SUBJECT_STOPS = frozenset(normalize(w) for w in (
    "في", "خلال", "أمس", "امس", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "صباح", "مساء", "عبر", "أمام", "لدى", "عن", "على", "إلى", "الى",
    "من", "مع", "بعد", "قبل", "أثناء", "اثناء", "حسب", "بحسب", "وفق", "ثانية", "أيضا", "ايضا", "كذلك",
    "القول", "بالقول", "قد", "وطلب", "الذي", "التي", "الذين", "وهو", "وهي", "ظهر", "فجر", "ليلة",
    "الليلة", "عصر", "يوم", "غدا", "أول", "ثم", "بل", "ولا", "لا", "منذ", "ربما", "عندما", "حين", "قائلا",
    "ما", "كما", "يلي",  # قال رئيس الجمعية ما يلي: …، أعلنت الهيئة كما يلي: …
    "بمن",  # يتساءلون، بمن في ذلك …: "including"
    "بمناسبة", "بشأن", "بهذا", "بهذه", "بكل", "وبكل",  # وقال الوزير بهذه المناسبة إن: where it ends
    "فيما", "بخصوص", "حول",  # وقال رئيس البلدية فيما يخص …: what about, not who
    "وفقا", "طبقا", "نقلا",  # وقالت وفقا لنص خطابها: a relay of her words; the subject is dropped
))
# Words skipped before a subject: when, and how, it was said (وقال اليوم الأحد نائب …).
WHEN_AND_HOW_WORDS = frozenset(normalize(w) for w in (
    "أمس", "امس", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
    "السبت", "صباح", "مساء", "ظهر", "فجر", "الليلة", "غدا", "أيضا", "ايضا", "كذلك", "بدوره", "بدورها",
    "حينها", "وقتها", "آنذاك", "حينئذ", "حينذاك", "وقتئذ", "عندها", "يومها",  # وقال حينها إن …: then
    "مرة", "أخرى", "مجددا",  # فلاحظ مرة أخرى أن: again
    # manner, also skipped before the subject (the list holds what is said when, and how)
    "ضمنيا", "علنا", "رسميا", "مجددا", "مؤخرا", "لاحقا",  # وأقرت ضمنيا بأنه: how, not who
    "تعقيبا", "ردا", "تعليقا",  # وأكد تعقيبا على ما اعتبره …، أن: in reply to what, not who
    "الشهر", "الأسبوع", "الاسبوع", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي",
    "الفائت",  # قالت، الشهر الماضي، إن
))
# Words saying that a description is someone new (ضابط آخر، مصادر أخرى).
OTHER_WORDS = frozenset(normalize(w) for w in (
    "آخر", "أخرى", "آخرون", "آخرين", "أخريات", "ثان", "ثاني", "ثانية",
    "السابق", "السابقة", "الأسبق", "المساعد", "المساعدة",  # الوزير السابق is not the minister
))
# من جهته، من جانبه (after من) and بدوره (alone): "for his part", a sentence opener before
# the verb and its subject.
SIDE_WORDS = frozenset(normalize(w) for w in ("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم"))
IN_TURN_WORDS = frozenset(normalize(w) for w in ("بدوره", "بدورها", "بدورهم", "وبدوره", "وبدورها", "وبدورهم"))
FROM_WORDS = frozenset(normalize(w) for w in ("من", "ومن"))
ISSUED_WORDS = frozenset(normalize(w) for w in ("صادر", "الصادر", "صادرة", "الصادرة", "صدر", "صدرت"))
# Prepositions a title cannot end with (الأمين العام لـ "…"): what they governed was cut off.
DANGLING_WORDS = frozenset(normalize(w) for w in (
    "ل", "ب", "في", "من", "عن", "على", "إلى", "الى", "مع", "لدى", "باسم",  # الناطق الرسمي باسم
))
# Words after which a phrase is about someone else (مصدر في الوزارة عن لقائه مع الأمير X).
ABOUT_WORDS = frozenset(normalize(w) for w in ("عن", "مع", "حول", "بشأن", "بخصوص"))
# Words that open a state's full name (جمهورية مصر العربية، المملكة العربية السعودية).
STATE_WORDS = frozenset(normalize(w) for w in ("جمهورية", "مملكة", "المملكة", "دولة", "إمارة", "سلطنة"))
# كان before a fronted subject (وكانت الوزارة قد أعلنت): the subject starts after it.
PAST_AUXILIARIES = frozenset(normalize(w) for w in (
    "كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا", "فكانوا"))
# After a noun of saying, the words of a relative clause with no relative pronoun that say its
# owner made it (تصريحات كان أدلى بها، تصريحات أدلت بها): the owner is the sentence's subject.
MADE_STATEMENT = PAST_AUXILIARIES | frozenset(normalize(w) for w in ("أدلى", "أدلت", "أدلوا"))
# Adverbs that may sit between a fronted subject and its verb (أوغلو قال اليوم إن).
PRE_SUBJECT_BOUNDARIES = frozenset(normalize(w) for w in ("لكن", "ولكن", "بينما", "فيما", "حين", "كما"))
# Words a title is made of are everything but these; they end a title read backwards.
TITLE_BREAKS = frozenset(normalize(w) for w in (
    "مع", "و", "عن", "على", "إلى", "الى", "من", "بين", "التقى", "استقبل", "أن", "إن", "قال",
    "لكن", "ولكن", "بينما", "فيما", "حول", "ضد",
    "ما", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",  # a clause, not a title
))
APPOSITION_HEADS = frozenset(normalize(w) for w in (
    "رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "المدير", "مدير", "مديرة", "الأمين", "أمين", "نجم",
    "مدرب", "المدرب", "عضو", "المتحدث", "الناطق", "سفير", "قائد", "زعيم", "رئيسة", "المستشار", "مستشار",
    "الرئيس", "الوزير", "النائب", "العضو", "أحد", "محافظ", "أمير", "ملك", "القيادي", "المسؤول",
    "نائبة", "النائبة", "الوزيرة", "الرئيسة", "المديرة", "عضوة",  # women hold the same titles
))
# Where the search for a named subject stops: the statement's time, occasion and channel.
TITLE_STOPS = frozenset(normalize(w) for w in (
    "خلال", "أمس", "امس", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "صباح", "مساء", "عبر", "أمام", "لدى", "مع", "بعد", "قبل", "أثناء", "اثناء",
    "حسب", "وفق", "القول", "بالقول", "وطلب", "تصريح", "تصريحات", "بيان", "مقابلة", "حديث", "كلمة",
))
# A preposition with a pronoun between the verb and its subject: to or about whom it was
# said (قال عنها المخرج، قال له الوزير), or the verb's object noun (لفت الانتباه إلى أن);
# the subject, if any, follows it.
OBJECTS_BEFORE_SUBJECT = frozenset(normalize(w) for w in (
    "فيه", "فيها", "فيهم", "له", "لها", "لهم", "لنا", "منه", "منها", "عنه", "عنها", "إليه", "إليها",
    "عليه", "عليها", "لي", "لك", "لكم", "لكما", "إلي", "إلينا", "عني", "عنا",
    "خلالها", "خلاله",  # أكدت خلالها أنها: during it (the interview), not an object but skipped alike
    "عنهم", "عنهما", "لهما", "منهم", "إليهم", "عليهم", "فيهما",  # وقد قال عنهم ابن خلكان
    "به", "بها", "بهم", "بهما",  # بحسب ما أفاد به للجوهرة أف أم، الناطق …: reported it
    "ذلك", "هذا", "ذاك",  # أوضح ذلك المشرف على اللجنة: explained that, the subject follows
    # وجدد التأكيد على أنه، جدد دعوته إلى: the renewed statement, the subject is before or dropped
    "التأكيد", "تأكيده", "تأكيدها", "دعوته", "دعوتها", "الدعوة", "رفضه", "رفضها", "مطالبته", "مطالبتها",
    "النظر", "الانتباه", "الأنظار",  # لفت النظر إلى أن: drew attention to
))
NOT_SUBJECT_START = frozenset(normalize(w) for w in (
    "التالي", "بدوره", "بدورها", "بقوله", "بقولها", "قائلا", "قائلة",
    "هو", "هي", "هم", "هما", "أنا", "نحن", "أنت", "سابقا", "حاليا",
    "عز", "جل",  # قال عز من قائل، وقال جل في علاه: praise of God, not a subject
)) | WHAT_WORDS  # في بيان، بما وصفته بـ "…": what was said, not who
# Pronouns of respect and reference: the speaker quoted before (وبيّن سموه، وأكد الأخير), not
# the person named last, who is often the one addressed (رفع التهاني للملك … وقال سموه).
REFERRING_PRONOUNS = frozenset(normalize(w) for w in (
    "سموه", "سموها", "معاليه", "معاليها", "فضيلته", "سعادته", "سعادتها", "جلالته", "سيادته", "سماحته",
    "حضرته", "هؤلاء", "الأخير", "الأخيرة",
))
# The titles a pronoun of respect stands for: with no speaker quoted before, وأكد سموه is the
# person the article introduced as صاحب السمو الملكي الأمير …, not whoever was named last.
RESPECT_TITLES = {normalize(pronoun): frozenset(normalize(w) for w in titles) for pronoun, titles in (
    ("سموه", ("سمو", "الأمير", "أمير", "الشيخ", "ولي")),
    ("سموها", ("سمو", "الأميرة", "أميرة", "الشيخة")),
    ("معاليه", ("معالي", "وزير", "الوزير")),
    ("معاليها", ("معالي", "وزيرة", "الوزيرة")),
    ("فضيلته", ("فضيلة", "الشيخ", "المفتي", "إمام", "خطيب")),
    ("سماحته", ("سماحة", "الشيخ", "المفتي", "السيد")),
    ("جلالته", ("جلالة", "الملك", "السلطان")),
    ("سيادته", ("سيادة", "الرئيس", "رئيس")),
    ("سعادته", ("سعادة", "السفير", "سفير")),
)}
RESPECT_OPENERS = frozenset(normalize(w) for w in ("صاحب", "صاحبة", "خادم"))  # صاحب السمو الملكي
RESPECT_REACH = 6  # words before a name where its honorific title is looked for
# Words that are never part of a name the NER missed (مدير عام، رئيس سابقا).
NOT_NAME_WORDS = frozenset(normalize(w) for w in (
    "عام", "العام", "سابقا", "سابق", "الأسبق", "حاليا", "أيضا", "ايضا", "به", "بها", "لي", "له", "لها",
))
RELATIVE_PRONOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين"))
# The gender and number a relative pronoun gives its clause's verb; التي also stands for
# plurals of things, which take a feminine singular verb.
RELATIVE_AGREEMENT = {normalize("الذي"): ("m", "s"), normalize("التي"): ("f", "s"), normalize("الذين"): ("m", "p")}
IN_WHICH = frozenset(normalize(w) for w in ("فيه", "فيها", "خلاله", "خلالها"))  # X التي قال فيها: X is what was said
# كما قال X: a citation inside someone's statement.
CITING_WORDS = frozenset(normalize(w) for w in ("كما", "وكما"))
# كل من X و Y: "both X and Y", a quantifier before coordinated subjects.
EACH_OF = (normalize("كل"), normalize("من"))
ATTACHED_PREPOSITIONS = "بلك"
PREPOSITION_WORDS = frozenset(normalize(w) for w in ("على", "في", "من", "عن", "إلى", "الى", "مع", "ضد", "ل"))
CHANNEL_PREFIXES = tuple(normalize(w) for w in (
    "لمراسل", "للصحف", "لقناة", "لوكالة", "للصحافيين", "للصحفيين", "لمحطة", "لإذاعة", "لصحيفة", "لجريدة",
    "لموقع", "للتلفزيون", "لتلفزيون", "للإذاعة", "لراديو", "لشبكة", "لمجلة", "للجوهرة",
    "لجوهرة",  # صرح به لجوهرة أف أم: to Jawhara FM (the NER keeps the ل of a name without ال)
))
# Lemmas (as cue_form gives them, hamza kept) of verbs of saying whose object takes ب (أقر
# بوجود، اعترف بفعلته، أفاد بأن، نوه بما; ذكر is both ذَكَر and ذكّر بـ): a word in ب right after
# them is that object, not the subject.
B_OBJECT_VERBS = frozenset({"أقر", "اعترف", "أفاد", "نوه", "طالب", "صرح", "ذكر"})
# Lemmas of verbs of saying whose object follows their subject without a comma (ووصف X Y بأنه).
# (Not طالب or دعا: ودعا راشد الغنوشي رئيس حركة النهضة الحكومة إلى …, the title comes first.)
OBJECT_AFTER_SUBJECT = frozenset({"وصف"})
PRAISE_OF_GOD = frozenset(normalize(w) for w in ("تعالى", "سبحانه"))  # قال تعالى: God said
GOD = "الله"
# Words in ب that open a subject (the rest of the words in ب after those verbs are the object).
B_SUBJECTS = frozenset(normalize(w) for w in (
    "بعض", "بيان", "بيانات", "بلاغ", "بلاغات", "باحث", "باحثة", "باحثون", "باحثين", "بنك", "بلدية",
    "برلمان", "برلماني", "برلمانيون", "بعثة", "بائع", "بائعة", "بحار", "بحارة", "بطل", "بطلة", "بورصة",
))
# Where or how a source spoke, after في/من/عن/ب (في إفادة صحفية، في مؤتمر صحفي، في تصريح):
# the end of the source's description, which otherwise keeps its prepositions.
OCCASION_NOUNS = frozenset(normalize(w) for w in (
    "إفادة", "مؤتمر", "تصريح", "تصريحات", "بيان", "مقابلة", "حديث", "كلمة", "لقاء", "اتصال", "رسالة",
    "تغريدة", "تدوينة", "منشور", "خطاب", "ندوة", "جلسة", "إيجاز", "حوار", "رد", "تعليق",
))
SOURCE_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "من", "عن", "ب"))
# A quantifier is not a speaker by itself: the group is (عدد من المحتجين، بعض النواب).
QUANTIFIERS = frozenset(normalize(w) for w in (
    "عددا", "بعضا",  # لكن عددا من أتباع الحركة قالوا: the accusative after لكن
    "عدد", "بعض", "العديد", "كثير", "الكثير", "جملة", "عدة", "جميع", "معظم", "أغلب", "غالبية",
))
# Role nouns written in construct with a quoted name (ضيف "بوليتيكا"، مراسل "الجوهرة"): the
# quoted name belongs to the description; an outlet in construct with them is not the speaker
# (أفاد مراسل "الجوهرة أف أم": the reporter said it).
CONSTRUCT_ROLE_NOUNS = frozenset(normalize(w) for w in (
    "ضيف", "ضيفة", "مراسل", "مراسلة", "مقدم", "مقدمة", "مبعوث", "مبعوثة",
))
# Bodies a definite noun alone refers back to (الوزارة → وزارة الداخلية, الاتحاد → the ORG
# الاتحاد العام التونسي للشغل named before).
INSTITUTION_NOUNS = frozenset(normalize(w) for w in (
    "وزارة", "هيئة", "منظمة", "شركة", "جمعية", "نقابة", "اتحاد", "حزب", "حركة", "جامعة", "بلدية", "رئاسة",
    "مجلس", "لجنة", "مديرية", "مندوبية", "ديوان", "إدارة", "ادارة", "وكالة", "صحيفة", "جريدة", "قناة",
    "إذاعة", "اذاعة", "مؤسسة", "محكمة", "نيابة", "سفارة", "مصلحة", "غرفة", "كتلة", "جبهة", "رابطة",
    "مستشفى", "مركز", "مرصد", "ولاية", "معتمدية", "خلية", "فرقة", "منظمات", "نقابات", "موقع", "حكومة",
))
# Institution nouns with the article, as the subject of a sentence's verb (أعلنت الوزارة،
# تمكنت الشرطة الفرنسية): a body that can speak through a later participle (مؤكدة).
INSTITUTION_BODIES = frozenset(normalize("ال" + w) for w in (
    "وزارة", "هيئة", "منظمة", "شركة", "جمعية", "نقابة", "حكومة", "رئاسة", "شرطة", "نيابة", "محكمة",
    "سفارة", "إدارة", "ادارة", "مديرية", "بلدية", "لجنة",
    "صحف",  # وأدانت الصحف السعودية …، واعتبرت أنها: the papers, as one speaker
))
BODY_NOUNS = INSTITUTION_NOUNS | frozenset(normalize(w) for w in (
    # roles, when no person with that title is known: الوزير → وزير التجارة
    "وزير", "وزيرة", "مدير", "مديرة", "والي", "معتمد", "مندوب", "مندوبة", "عميد", "سفير", "محافظ",
    "مصدر", "متحدث", "ناطق",  # المصدر → مصدر أمني, المتحدث → المتحدث باسم الوزارة
))
# Bodies an article often names without their noun (الخطوط التونسية … الشركة، النهضة …
# الحركة، هيومن رايتس ووتش … المنظمة): with no antecedent headed by the noun, the noun
# refers to the organisation named last, if that is one in its own right.
UNHEADED_BODIES = frozenset(normalize(w) for w in ("شركة", "منظمة", "حزب", "حركة"))
# Phrases of occasion, emphasis or manner that may stand between a verb and its subject
# (وأكد بهذه المناسبة وزير الصحة، وقال بمناسبة افتتاح المعرض وزير الثقافة، ويؤكد وبكل وضوح أن):
# the subject, if any, is the first title or name after them; the description stops at them.
ADVERBIAL_OPENERS = frozenset(normalize(w) for w in (
    "بمناسبة", "بشأن", "بهذا", "بهذه", "بنفسه", "بنفسها", "بأنفسهم", "بكل", "وبكل",
))
# What a headline's SPEAKER part may open with when it names no one (بلاغ مروري : توخي الحذر):
# statements, and the occupations and roles news headlines quote, beside the title words.
SPEAKING_NOUNS = SOURCE_HEADS | ROLE_NOUNS | frozenset(normalize(w) for w in (
    "بلاغ", "بيان", "مصادر", "خبيرة", "مندوب", "مندوبة", "ممثل", "ممثلة",
    "إعلامي", "إعلامية", "صحفي", "صحفية", "صحافي", "صحافية", "محامي", "محامية", "طبيب", "طبيبة",
    "أستاذ", "أستاذة", "قاضي", "قاض", "قاضية", "كاتب", "كاتبة", "شاعر", "شاعرة", "مفتي", "داعية",
    "إمام", "مخرج", "مخرجة", "مرشح", "مرشحة", "قائد", "مسؤولو", "ناشطة", "سفيرة",
))
ACCREDITED = normalize("لدى")
SOURCE_NOUN = normalize("مصدر")  # المصدر alone: whoever the text last cited
DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك"))
# في بيان لها، في تصريح له: the statement is the subject's own, whatever follows.
# وفق ما أعلن عنه البيت الأبيض، مضيفا: the pronoun after the verb is the statement; its subject follows
OWN_STATEMENT_PRONOUNS = frozenset(normalize(w) for w in ("عنه", "عنها", "به", "بها", "إليه", "اليه"))
OWN_STATEMENT = frozenset(normalize(w) for w in ("له", "لها", "لهم", "لهما"))
# A statement in construct with its issuer as the subject (وقال بيان الاتحاد الماليزي): the issuer.
# (A definite البيان alone stays the speaker: the body quoted last is often the agency relaying it.)
THE_STATEMENT = frozenset(normalize(w) for w in ("البيان", "البلاغ"))
AFFILIATION_WORDS = frozenset(normalize(w) for w in ("التابع", "التابعة", "التابعين", "التابعون"))
PEOPLE_RELATIVES = frozenset(normalize(w) for w in ("الذين", "اللواتي", "اللاتي"))  # عدد من الأهالي الذين
STATEMENT_NOUNS = frozenset(normalize(w) for w in ("بيان", "بلاغ"))
OUTLET_BODIES = frozenset(normalize(w) for w in ("صحيفة", "جريدة", "وكالة", "قناة", "موقع", "إذاعة", "اذاعة", "مجلة"))
MAX_ANTECEDENT_WORDS = 5
# Verbs that name the person after them: a title ends before them (مواطن يدعى X).
NAMING_VERBS = frozenset(normalize(w) for w in ("يدعى", "تدعى", "يسمى", "تسمى", "يلقب", "تلقب", "المدعو", "المدعوة"))
RECEIVING_VERBS = frozenset(normalize(w) for w in (
    "تلقت", "تلقى", "تلقته", "تلقاه", "وصل", "وصلت", "ورد", "وردت", "استلمت", "استلم", "تحصلت", "تحصل",
))
# أفاد به شهود عيان مراسل الجوهرة: a reporter after a source is whom it told (ل dropped)
REPORTER_NOUNS = frozenset(normalize(w) for w in ("مراسل", "مراسلة", "موفد", "موفدة", "مبعوث", "مبعوثة"))
REPORTER_ADDRESSEES = tuple(normalize(w) for w in ("لمراسل", "لمقدم", "للمراسل", "لمبعوث"))
REPRESENTATIVES = frozenset(normalize(w) for w in ("نائب", "النائب", "نائبة", "النائبة", "ونائب", "والنائب"))
REPRESENTING = normalize("عن")
# How far back a description (الوزير الروسي) looks for whom it means: a news article is far
# shorter, so this only bounds the work on documents of megabytes.
REFERENCE_REACH = 20_000  # characters
# Nouns of saying a relayed source's words come with (نقلت الصحيفة عن الوزير قوله: …).
RELAYED_SAYINGS = frozenset(("قوله", "قولها", "القول"))
MAX_CANDIDATES = 64
APPOSITION_CLAUSE_STARTS = frozenset(normalize(w) for w in ("ما", "الذي", "التي", "والذي", "والتي", "فقال"))
# Words that end a subject because the clause goes on with a verb or a relay (عن شهود قولهم).
CLAUSE_VERBS = frozenset(normalize(w) for w in (
    "حيث", "تم", "كان", "كانت", "كانوا", "وكان", "وكانت", "صدر", "يكون", "تكون", "قوله", "قولها", "قولهم",
    "قولهما", "تأكيده", "تأكيدها", "تصريحه", "تصريحها", "افتراضهم",
))
NAME_ALI = "علي"  # as spelt (with ي): the name; على "on" normalises to the same letters
# Offices one person holds and another does not (الوزير is not النائب).
OFFICE_NOUNS = ("وزير", "وزيرة", "نائب", "نائبة", "رئيس", "رئيسة", "سفير", "سفيرة", "محافظ", "والي", "أمين",
                "عمدة", "قاضي", "ملك", "أمير", "أميرة", "سلطان")
# The commonest men's given names: a feminine cue never falls back to a person so named.
MEN_GIVEN_NAMES = frozenset(normalize(w) for w in (
    "محمد", "أحمد", "علي", "حسن", "حسين", "محمود", "خالد", "عمر", "يوسف", "إبراهيم", "مصطفى", "سعيد",
    "سالم", "فهد", "سعد", "ناصر", "كمال", "سامي", "طارق", "وليد", "جمال", "رضا", "منصور", "فيصل",
))
TIME_NOUNS = frozenset(normalize(w) for w in (
    "السنة", "العام", "الشهر", "الأسبوع", "اليوم", "الليلة", "الصباح", "المساء", "الأمس", "الموسم", "الفترة",
))
AMMA = frozenset(normalize(w) for w in ("أما", "وأما"))  # أما X فيقول: as for X, he says
ALL_WORDS = frozenset(normalize(w) for w in ("كل", "جميع", "كافة"))  # دعا كل/جميع …: whom, not who
SAME_AFTER_WORDS = frozenset(normalize(w) for w in ("ذاته", "ذاتها", "نفسه", "نفسها"))  # المصدر ذاته
SAME_WORDS = frozenset(normalize(w) for w in ("ذات", "نفس"))  # ذات المصدر: the same source
GENERIC_WORDS = frozenset(normalize(w) for w in (
    "في", "من", "ل", "عام", "العام", "ذاته", "نفسه", "ذاتها", "نفسها",
))


@dataclass
class Subject:
    """Who a quote's words name: an entity index, or a description (-1)."""

    entity: int = -1
    description: str = ""
    mention: str = ""
    title: str = ""
    pronoun: bool = False  # سموه، الأخير: the speaker quoted before, never one only named
    # A subject that names no speaker a reader could use (وقال 35% إنهم، تبين عند تفتيش
    # السيارة أنها): the quote has no speaker, not the one quoted before.
    unnamed: bool = False

    @property
    def empty(self) -> bool:
        return self.entity < 0 and not self.description and not self.unnamed


@dataclass
class Known:
    """A speaker being built: its key, display name, gender/number, names and titles."""

    key: str
    name: str
    gender: str = ""
    number: str = ""
    gender_named: bool = False  # the gender was read from a cue that names the speaker
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def words(self) -> set[str]:
        return {w for text in [self.name, *self.titles, *self.aliases] for w in keyword_set(text)}

    def title(self) -> str:
        """The first title written with the speaker's name that can be this speaker's: a
        woman's title (الوزيرة) before the name of a man (a masculine cue named him) is the
        subject of a verb on him (وحذرت الوزيرة ترامب)."""
        return next((t for t in self.titles if self.can_bear(t)), "")

    def can_bear(self, title: str) -> bool:
        return not (self.gender == "m" and self.gender_named and is_feminine_title(title))

    def agrees(self, gender: str, number: str) -> bool:
        """Whether a cue of this gender and number can be this speaker's (unknown agrees)."""
        return not gender or not self.gender or (self.gender == gender and self.number in ("", number))


def add_speakers(doc: Document) -> None:
    Attributor(doc).run()


class Attributor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens = doc.tokens
        self.titles = entity_titles(doc)
        self.known: dict[str, Known] = {}
        self.recent: dict[str, Known] = {}  # speakers by key, most recent last
        self.recent_by_surname: dict[str, Known] = {}  # the most recent speaker of each surname
        self.person_by_surname: dict[str, int] = {}  # the first PERS entity of each surname
        for index, entity in enumerate(doc.entities):
            if entity.type == "PERS":
                self.person_by_surname.setdefault(surname_key(entity.canonical), index)
        self.cue_positions = sorted(cue_position(q) for q in doc.quotes)
        self.titled_mentions = sorted((m.start, m.entity) for m in doc.mentions if m.entity in self.titles)
        self.titled_starts = [start for start, _ in self.titled_mentions]
        self.mention_starts = [m.start for m in doc.mentions]
        self.statement_issuer: Known | None = None  # who issued the statement last quoted through one

    def run(self) -> None:
        for quote in sorted(self.doc.quotes, key=cue_position):
            speaker, subject = self.attribute(quote)
            if quote.kind == "headline" and (speaker is None or not self.can_speak(speaker)):
                self.doc.quotes.remove(quote)  # كان 2017 : …، بعد انتشال جثته : …: a topic label
                continue
            if speaker is None and self.relayed_after(quote):
                self.doc.quotes.remove(quote)  # … وفق ما أكده + no source it can read: only the relay named one
                continue
            if speaker is None:
                continue
            quote.speaker = speaker.name
            quote.mention = subject.mention
            title = subject.title if speaker.can_bear(subject.title) else ""
            quote.title = without_name(title or speaker.title(), speaker.name)
            speaker.quotes.append(quote)
            if self.is_citation(quote) or speaker.name == GOD:
                continue  # a verse cited goes on with the one citing it
            self.recent.pop(speaker.key, None)
            self.recent[speaker.key] = speaker
            if self.through_statement(quote):
                self.statement_issuer = speaker  # وقال بيان للمحافظ …، وأكد البيان: the prefect
            if self.is_person(speaker):  # an organisation's last word is no surname (في سامسونغ)
                self.recent_by_surname[surname_key(speaker.name)] = speaker
        quoted = sorted((k for k in self.known.values() if k.quotes), key=lambda k: min(q.start for q in k.quotes))
        self.doc.speakers = [speaker_record(k, self.kind_of(k)) for k in quoted]

    # ---- one quote ---------------------------------------------------------------------
    def attribute(self, quote: Quote) -> tuple[Known | None, Subject]:
        cue = (cue_form(quote.cue) or object_cue(quote.cue)) if quote.cue else None  # ذكرته: she
        gender, number = (cue.gender, cue.number) if cue else ("", "")
        subject = self.subject_of(quote)
        if subject.unnamed:
            return None, subject
        if subject.entity >= 0:
            return self.speaker_for_entity(subject, gender, number), subject
        if subject.empty and not subject.pronoun:
            source = self.postposed_source(quote, gender)
            if source.empty:
                source = self.previous_sentence_subject(quote, gender)
            if source.entity >= 0:
                return self.speaker_for_entity(source, gender, number), subject
            if source.description:
                return self.speaker_for_description(source, gender, number, cue_position(quote)), subject
        if subject.description and points_back(subject.description):
            cited = self.postposed_source(quote, gender)  # وفق ما أفاد به المدير X. وأوضح ذات المصدر
            if cited.entity >= 0:
                return self.speaker_for_entity(cited, gender, number), subject
            if cited.description:
                return self.speaker_for_description(cited, gender, number, cue_position(quote)), subject
        if subject.description:
            return self.speaker_for_description(subject, gender, number, cue_position(quote)), subject
        speaker = self.most_recent(gender, number)
        if speaker is None and not subject.pronoun:
            speaker = self.opening_verb_subject(quote, gender, number)
        if speaker is None and not subject.mention:  # no subject, or a dropped one (ولم تتمالك نفسها … قائلة);
            speaker = self.person_named_before(quote, gender, number)  # not سموه, a respect pronoun (below)
        if speaker is None and subject.pronoun and subject.mention:
            speaker = self.person_honoured_before(quote, subject.mention, gender, number)
        return speaker, subject

    @staticmethod
    def addressed(word: Token) -> bool:
        """للملك، لوزير: a title or honorific with ل on it, before a name: to whom."""
        norm = word.norm
        rest = "ال" + norm[2:] if norm.startswith("لل") else norm[1:] if norm.startswith("ل") else ""
        return bool(rest) and (addressed_title(word) or rest in HONORIFICS or rest[2:] in APPOSITION_HEADS)

    def person_honoured_before(self, quote: Quote, pronoun: str, gender: str, number: str) -> Known | None:
        """رعى صاحب السمو الملكي الأمير فيصل بن بندر … . وأكد سموه أن …: the person named last
        before the cue with a title the pronoun of respect stands for (never one addressed: للملك)."""
        titles = RESPECT_TITLES[normalize(pronoun)]
        cue = cue_position(quote)
        for mention in reversed(self.doc.mentions[: bisect_right(self.mention_starts, cue)]):
            if mention.end > cue or mention.type != "PERS" or mention.entity < 0 or self.is_object(mention):
                continue
            index = self.doc.token_index_at(mention.start)
            before = [w for w in self.tokens[max(0, index - RESPECT_REACH) : index]
                      if w.is_word and w.sentence == self.tokens[index].sentence]
            if before and self.addressed(before[-1]):
                continue  # رفع التهاني للملك سلمان: the one addressed
            titled = any(w.norm in titles for w in before) or normalize(mention.text.split()[0]) in titles
            if titled and (self.subject_of_its_sentence(index) or not self.subject_so_titled(index, titles)):
                return self.speaker_for_entity(Subject(mention.entity), gender, number)
        return None

    def subject_so_titled(self, index: int, titles: frozenset[str]) -> bool:
        """Whether a word before the person's own titles in their sentence bears the title the
        pronoun stands for: رفع أمير منطقة القصيم التهنئة لولي العهد الأمير محمد … وأكد سموه
        is the governor; استقبل الأمير فيصل … معالي وزير التعليم حمد … وأكد معاليه is حمد."""
        first = self.doc.token_index_at_or_after(self.sentence_start(index))
        own = index
        while own - 1 > first and self.tokens[own - 1].is_word and (
                is_title_word(self.tokens[own - 1].text) or self.tokens[own - 1].norm in RESPECT_OPENERS
                or self.tokens[own - 1].norm in titles or is_definite(self.tokens[own - 1].text)
                or self.addressed(self.tokens[own - 1])):
            own -= 1
            if self.tokens[own].norm[:1] in "بل":
                break  # بسمو الأمير، لولي العهد: the person's titles start at the preposition
        return any(w.is_word and w.norm in titles for w in self.tokens[first:own])

    def subject_of_its_sentence(self, index: int) -> bool:
        """رعى صاحب السمو الملكي الأمير فيصل …: the person's titles follow the sentence's
        first word (its verb) with nothing else between; not التقى الوزير بفضيلة الشيخ …,
        هنأ أمير منطقة الرياض سمو الأمير …, whom the subject met or congratulated."""
        first = self.doc.token_index_at_or_after(self.sentence_start(index))
        between = [w for w in self.tokens[first + 1 : index] if w.is_word]
        return all(self.doc.mention_at(w.start) is None and w.norm[:1] not in "بل" and
                   (is_definite(w.text) or is_title_word(w.text) or w.norm in RESPECT_OPENERS) for w in between)

    @staticmethod
    def through_statement(quote: Quote) -> bool:
        """Whether the quote came through a statement: في بيان …، وقال بيان الوزارة/للمحافظ."""
        first = next(iter((quote.mention or "").split()), "")
        return normalize(quote.cue or "") in STATEMENT_NOUNS or normalize(first) in STATEMENT_NOUNS

    def can_speak(self, speaker: Known) -> bool:
        """A named entity, or a description of one who can speak (headlines come first: no
        speaker has been quoted yet)."""
        return speaker.key.startswith("entity:") or describes_a_speaker(speaker.name)

    def postposed_source(self, quote: Quote, gender: str) -> Subject:
        """وفق ما أكده مدير المستشفى عماد العبعاب. وأضاف أن …: a continuation opening the
        sentence after a post-posed attribution (وفق ما، حسب ما، بحسب ما + a verb of saying)
        goes on with that attribution's source, when their genders agree."""
        first = self.cue_opening_sentence(quote)
        if first < 1:
            return Subject()
        _, words = self.sentence_before(first)
        return self.relayed_source(words, gender)

    def relayed_source(self, words: list[Token], gender: str) -> Subject:
        """The source of the first relay in words (وفق ما أكده X، حسب ما أفاد به X), when the
        genders agree."""
        for i in range(len(words) - 2):
            verb = relay_cue(words, i)
            if verb is None or verb.noun or (gender and verb.gender != gender):
                continue
            after = i + 3 + (i + 3 < len(words) and words[i + 3].norm in OWN_STATEMENT_PRONOUNS)
            if after < len(words) and bare_noun(words[after].norm) in REPORTER_NOUNS:
                # وفق ما أفاد به مراسل وكالة تونس افريقيا للأنباء مصدر أمني: the reporter was told;
                # وفق ما أكده مراسل "الجوهرة أف أم": the correspondent, with no one else named
                told = next((k for k in range(after + 1, min(len(words), after + MAX_TITLE_WORDS))
                             if words[k].norm in SOURCE_HEADS), -1)
                if told < 0:
                    return described_subject(self.description(words[after:], source=True))
                after = told
            source = self.read_subject(words[after:], allow_place=False)  # بحسب ما أفاد به شهود عيان
            head = normalize(source.description.split()[0]) if source.description else ""
            if source.empty or (source.entity < 0 and head and head not in SOURCE_HEADS and not is_body_noun(bare_noun(head))):
                # … صرح به لجوهرة أف أم اليوم عبد الرؤوف باللطيف: past the addressee, the titled person
                person = self.person_ending_title(words[i + 3 :])
                if person is not None:  # المكلفة بالاتصال لدى الديوانة سلمى قلمون: the titled person
                    return Subject(person.entity)
            return Subject(source.entity, description=source.description, title=source.title)
        return Subject()

    def person_ending_title(self, words: list[Token]) -> Mention | None:
        """The first tagged person within a title's reach, before any word that turns to
        someone else (عن لقائه مع الأمير …)."""
        for word in words[: MAX_TITLE_WORDS + 1]:
            if word.norm in ABOUT_WORDS:
                return None
            mention = self.doc.mention_at(word.start)
            if mention is not None and mention.type == "PERS" and mention.entity >= 0 and not self.is_object(mention):
                return mention
        return None

    def sentence_before(self, first: int) -> tuple[int, list[Token]]:
        """Where the sentence before token `first` (which opens its own) starts, and its words."""
        start = self.sentence_start(first - 1)
        return start, [w for w in self.tokens[self.doc.token_index_at_or_after(start) : first] if w.is_word]

    def cue_opening_sentence(self, quote: Quote) -> int:
        """When the cue opens its sentence (وأضاف أن …، و أضاف أن …), the index of the sentence's
        first token (the cue, or the conjunction written apart before it), else -1."""
        cue_index = self.doc.token_index_at(quote.cue_start)
        if quote.kind == "headline" or cue_index < 0:
            return -1
        first = self.doc.token_index_at_or_after(self.sentence_start(cue_index))
        apart = first + 1 == cue_index and self.tokens[first].norm in CONJUNCTIONS_APART
        return first if first == cue_index or apart else -1

    def previous_sentence_subject(self, quote: Quote, gender: str) -> Subject:
        """أعلنت جمهورية مصر العربية قطع العلاقات … . وأضافت أن …: a continuation opening its
        sentence goes on with the subject of the verb of saying that opened the sentence
        before, when that verb took no quote (a noun phrase: قطع العلاقات) and the genders
        agree. With a quote there, its speaker is already the most recent."""
        first = self.cue_opening_sentence(quote)
        if first < 1:
            return Subject()
        start, words = self.sentence_before(first)
        if bisect_left(self.cue_positions, start) < bisect_left(self.cue_positions, self.tokens[first].start):
            return Subject()
        side = self.side_subject(start, first, words, gender)
        if side is not None:
            return side
        for i, word in enumerate(words[: MAX_LEADING_WORDS + 1]):
            cue = word.cue
            if cue is None or cue.participle or cue.noun or cue.imperfect:
                continue
            if gender and cue.gender != gender:
                return Subject()
            source = self.read_subject(words[i + 1 :], allow_place=True)
            if source.entity >= 0:
                return Subject(source.entity, title=source.title)
            head = bare_noun(normalize(source.description.split()[0])) if source.description else ""
            if is_body_noun(head):
                # a body, without the object the verb goes on to: أعلنت الوزارة سحب المنتج
                return Subject(description=definite_words(source.description))
            if head in STATE_WORDS:  # أعلنت جمهورية مصر العربية قطع العلاقات
                return Subject(description=state_name(source.description))
            return Subject()  # a bare noun phrase (الجهود، بهذا الخصوص) is likelier its object
        return Subject()

    def opening_verb_subject(self, quote: Quote, gender: str, number: str) -> Known | None:
        """استعرض الناطق الرسمي …، خلفية الشيباني خلال ندوة … حصيلة …. وقال إن …: with no one
        quoted before, the person the sentence before names as the subject of its opening verb,
        rather than the last name in it (… بمقر الإدارة ببوشوشة), as likely an object or a place."""
        first = self.cue_opening_sentence(quote)
        if first < 1 or number == "p":
            return None
        _, words = self.sentence_before(first)
        if len(words) < 2 or is_definite(words[0].text) or self.doc.mention_at(words[0].start) is not None \
                or words[0].cue is not None or not words[0].norm.isalpha():
            return None
        source = self.read_subject(words[1:], allow_place=False)
        if source.entity < 0 or self.doc.entities[source.entity].type != "PERS" or \
                not self.may_agree(source.entity, gender, number):
            return None
        return self.speaker_for_entity(Subject(source.entity, title=source.title), gender, number)

    def side_subject(self, start: int, first: int, words: list[Token], gender: str) -> Subject | None:
        """من جهته استعرض كاتب الدولة …، صبري الباش طبجي، مناقب الشهيد. وقال إن …: after "for his
        part" the verb, whatever it is, has the sentence's new subject, whom a continuation of
        the same gender goes on with: the person it names (None when it names none)."""
        opened = without_side_opener(words)
        if len(opened) == len(words) or len(opened) < 2:
            return None
        opener = words[len(words) - len(opened) - 1].norm
        if gender and side_gender(opener) not in ("", gender):
            return None
        after_verb = [t for t in self.tokens[self.doc.token_index_at_or_after(start) : first] if t.start > opened[0].start]
        subject = self.read_subject(after_verb, allow_place=False)
        if subject.entity >= 0 and self.doc.entities[subject.entity].type == "PERS":
            return Subject(subject.entity, title=subject.title)
        return None

    def is_citation(self, quote: Quote) -> bool:
        """…، كما قال الشاعر: a saying the current speaker cites mid-sentence; the next
        continuation (وأضاف) still belongs to the one citing it. At a sentence start,
        كما قال X is "X also said", a speaker of its own."""
        cue_index = self.doc.token_index_at(quote.cue_start)
        if cue_index < 2 or self.tokens[cue_index - 1].norm not in CITING_WORDS:
            return False
        first = self.doc.token_index_at_or_after(self.sentence_start(cue_index))
        return any(w.is_word for w in self.tokens[first : cue_index - 1])

    def person_named_before(self, quote: Quote, gender: str, number: str) -> Known | None:
        """With no subject and no agreeing speaker yet, the person named last before the cue
        who may agree with it: an empty speaker is always wrong, and the article's
        protagonist is the best guess."""
        if number == "p":
            return None
        cue = cue_position(quote)
        for mention in reversed(self.doc.mentions[: bisect_right(self.mention_starts, cue)]):
            if mention.end > cue or mention.type != "PERS" or mention.entity < 0 or self.is_object(mention):
                continue
            if self.may_agree(mention.entity, gender, number):
                return self.speaker_for_entity(Subject(mention.entity), gender, number)
        return None

    def may_agree(self, entity: int, gender: str, number: str) -> bool:
        """Whether a person named before may be the subject of a cue of this gender and number."""
        known = self.known.get(f"entity:{entity}")
        if known is None and gender == "f" and self.looks_masculine(entity):
            return False  # مضيفة after أحمد المحمد: not him; a blank rather than the wrong gender
        return known is None or known.agrees(gender, number) or not self.is_person(known)

    def looks_masculine(self, entity: int) -> bool:
        """A person never quoted yet, whose name or title is plainly a man's: one of the most
        common men's given names, عبد… or أبو…, or a title in the masculine (وزير، المدير)."""
        name = self.doc.entities[entity].canonical.split()
        first = normalize(name[0]) if name else ""
        titles = self.titles.get(entity, [])
        if titles and not any(is_feminine_title(t) for t in titles):
            return True
        return first in MEN_GIVEN_NAMES or first.startswith(("عبد", "ابو"))

    def relayed_after(self, quote: Quote) -> bool:
        """A news sentence quoted from the relay after it (…، وفق ما أكده X)."""
        cue_index = self.doc.token_index_at(quote.cue_start)
        return quote.end <= quote.cue_start and cue_index >= 2 and relay_cue(self.tokens, cue_index - 2) is not None

    def subject_of(self, quote: Quote) -> Subject:
        if quote.kind == "headline":
            return self.headline_subject(quote)
        cue_index = self.doc.token_index_at(quote.cue_start)
        if cue_index < 0:
            return Subject()
        if self.relayed_after(quote):
            # … حجز 4 سيارات، وفق ما أكده رئيس المركز، وجدي صالح: the relay's source
            relay = list(takewhile(lambda t: t.paragraph == self.tokens[cue_index].paragraph and t.text not in SENTENCE_END,
                                   self.tokens[cue_index - 2 :]))
            source = self.relayed_source([t for t in relay if t.is_word], "")
            if source.empty:  # بحسب ما صرح به في مقابلة: the sentence's subject said it, or no one it can tell
                source = self.sentence_subject(cue_index)
            return source if not source.empty else Subject(unnamed=True)
        cue = self.tokens[cue_index].cue
        # An adverbial participle (واصفا التصريحات بأنها) shares the main verb's subject:
        # what follows it is its object.
        subject_words = [] if cue is not None and cue.participle else self.words_after_cue(cue_index, quote)
        if cue is not None and cue.number == "p" and not (cue.participle or cue.noun):
            # ودعوا الهيئة السياسية إلى …: a verb that shows a plural or dual subject has it in
            # its ending; a noun after it is its object (before its subject the verb is singular)
            subject_words = []
        if cue is not None and cue.lemma in B_OBJECT_VERBS and self.object_in_b(subject_words):
            subject_words = []  # وأقر بوجود صعوبات، أفاد بتعرضه: its object; the subject is dropped
        if cue is not None and cue.lemma in RELAY_VERBS:
            # نقلت القناة عن الوكالة أن، … نقلا عن حزب الله أن: the agency, the party
            subject_words = relayed_source(self.words_after_cue(cue_index, quote) if cue.participle else subject_words)
        if cue is not None and cue.noun and subject_words and subject_words[0].norm in OWN_STATEMENT:
            # ودعت القناة في بيان لها …، السلط المعنية: its own statement, not the verb's object's
            main = self.sentence_subject(cue_index)
            return main if not main.empty else self.read_subject(self.subject_before_statement(cue_index),
                                                                 allow_place=False)
        if cue is not None and cue.noun and names_its_receiver(subject_words):
            subject_words = []  # في بيان تلقت الجوهرة أف أم نسخة منه: who received it, not who said it
        if cue is not None and cue.noun and subject_words and subject_words[0].norm in MADE_STATEMENT:
            # ردا على ما أثارته تصريحات كان أدلى بها لوكالة …، أنه: statements the sentence's subject made
            main = self.sentence_subject(cue_index)
            return main if not main.empty else Subject(pronoun=True)
        if cue is not None and cue.noun:
            subject_words = issuer(subject_words)  # في بيان صادر اليوم عن رئاسة الجمهورية: the presidency
        if cue is not None and cue.lemma in RELAYED_SAYINGS:
            relayed = self.read_subject(self.source_before(cue_index), allow_place=False)
            if not relayed.empty:
                return relayed  # ونقلت جريدة X عن بارك قولها: بارك said it, the paper relays it
        first = next((w for w in subject_words if w.is_word), None)
        if first is not None and first.norm in IN_WHICH and cue_index > 0 and any(
                bare_occasion(w.norm.removesuffix("ا")) in OCCASION_NOUNS for w in self.tokens[max(0, cue_index - 2) : cue_index]):
            # وأصدرت جماعة زنكي، التي …، بيانا قالت فيه، أصدر بيانا بالمناسبة دعا فيه: the
            # statement's issuer, the sentence's subject
            issuer_subject = self.sentence_subject(cue_index)
            if not issuer_subject.empty:
                return issuer_subject
        if first is not None and first.norm in PRAISE_OF_GOD:
            # وقال تعالى: (…)، في قوله تعالى «…»: a verse, God's words; after the statement
            # (…، كما قال تعالى) the one citing it goes on speaking
            return described_subject(GOD) if quote.start > first.start else Subject(pronoun=True)
        subject = self.read_subject(subject_words, allow_place=True)
        if subject.pronoun:
            return subject
        if cue is not None and cue.lemma in CALLING_VERBS:
            subject = without_object_called(subject)
        if cue is not None and cue.lemma in OBJECT_SUFFIX_CUES:
            subject = without_object_described(subject)
        finite = cue is not None and not cue.participle and not cue.noun
        if subject.empty and finite:
            subject = self.antecedent(cue_index)
            if subject.pronoun:
                return subject  # الهيئة التي قال إنها: not the body, whatever the sentence's verb says of it
        if subject.empty and finite:
            subject = self.relative_clause_subject(cue_index)
        if subject.empty and finite and self.tokens[cue_index].norm[:1] == "ف":
            topic = self.topic_of_amma(cue_index)
            if topic:  # أما سلطان فيقول: the topic أما sets up is the one who speaks, if it can
                read = self.read_subject(topic, allow_place=False)
                mention = self.doc.mention_at(topic[0].start)
                named = mention is not None and mention.type in (*SPEAKING_TYPES, "LOC") and mention.entity >= 0
                untagged_name = mention is None and len(topic) <= MAX_NAME_WORDS and not is_definite(topic[0].text)
                group = cue.number == "p" and is_definite(topic[0].text)  # أما الطلاب فقالوا
                quoted = self.recent_by_surname.get(surname_key(topic[0].text)) if named and len(mention.name.split()) == 1 else None
                if quoted is not None:  # أما كلينتون فتقول: the Clinton already quoted
                    subject = Subject(description=quoted.name, mention=topic[0].text)
                elif read.entity >= 0:
                    subject = read
                elif named:
                    subject = Subject(mention.entity, mention=mention.name)  # أما إيران فترى
                elif untagged_name or group or describes_a_speaker(read.description):
                    subject = read  # not أما الأسعار فقال: the topic he spoke of
        if subject.empty and finite and not written_with_conjunction(self.tokens[cue_index]):
            fronted = self.words_before_cue(cue_index)
            # كانت وزارة العدل قد أعلنت: between كان and قد is the subject, a description too; so
            # it is around كان before a plural verb, whose subject cannot follow it (وكانت الوزارة
            # والمديرية أعلنتا، الأمريكان كانوا يقولون)
            after_qad = self.tokens[cue_index - 1].norm == normalize("قد")
            plural_after_auxiliary = cue.number == "p" and (
                self.after_auxiliary(fronted) or self.tokens[cue_index - 1].norm in PAST_AUXILIARIES
                or (bool(fronted) and (is_definite(fronted[0].text) or fronted[0].norm in QUANTIFIERS)
                    and fronted[0].norm not in TIME_NOUNS))
            # لكن الباحثين خلصوا إلى أن (not السنة الماضية أعلنوا)
            # … كانت مفوضية اللاجئين قالت إن: right after كان, with قد or not
            definite = self.after_auxiliary(fronted) or plural_after_auxiliary
            subject = self.read_subject(fronted, allow_place=True, fronted=not definite)
        if subject.empty:
            subject = self.sentence_subject(cue_index)
        return subject

    def subject_before_statement(self, cue_index: int) -> list[Token]:
        """The words between the sentence's first word (its verb) and في before a noun of
        saying: the subject whose statement it is (ودعت [القناة] في بيان لها)."""
        if cue_index < 2 or self.tokens[cue_index - 1].norm != normalize("في"):
            return []
        first = self.doc.token_index_at_or_after(self.sentence_start(cue_index))
        words = [w for w in self.tokens[first + 1 : cue_index - 1] if w.is_word]
        if words and words[0].norm in DEMONSTRATIVES:
            return []  # وعبر هذا الهيكل النقابي، في بيان له: the one just quoted
        return words if 1 <= len(words) <= MAX_NAME_WORDS else []

    def source_before(self, cue_index: int) -> list[Token]:
        """The words between عن and a saying noun (نقلت الوكالة عن مصدر أمني قوله), within the
        sentence and a few words; none without عن."""
        sentence_start = self.sentence_start(cue_index)
        words = 0  # commas around a name set off (عن مدير عام …، شاهرخ نوش آبادي، قوله) do not count
        for index in range(cue_index - 1, -1, -1):
            word = self.tokens[index]
            words += word.is_word
            if word.start < sentence_start or word.text in QUOTE_MARKS + ":" or words > MAX_TITLE_WORDS + 1:
                break
            if word.norm == RELAY_SOURCE:
                return self.tokens[index + 1 : cue_index]
        return []

    def antecedent(self, cue_index: int) -> Subject:
        """X الذي أوضح أن …: a cue right after a relative pronoun reports the name before it."""
        before = self.tokens[cue_index - 1].norm if cue_index else ""
        following = self.tokens[cue_index + 1] if cue_index + 1 < len(self.tokens) else None
        in_which = following is not None and following.norm in IN_WHICH
        if cue_index >= 2 and before[:1] == "و" and before[1:] in RELATIVE_PRONOUNS and not in_which:
            # التسريبات التي نسبت لنبيل القروي والتي قالت إنها: "and which" goes back past the
            # name to an earlier clause; the sentence's subject speaks
            main = self.sentence_subject(cue_index)
            return main if not main.empty else Subject(pronoun=True)
        if cue_index < 2 or before not in RELATIVE_PRONOUNS:
            return Subject()
        if in_which:
            # كلمة أردوغان التي قال خلالها: the speech of the person named after it; otherwise
            # (تصريحاته على قناة الجزيرة التي قال فيها) the words, not who said them
            return self.speech_owner(cue_index - 1)
        if not agrees_with_relative(self.tokens[cue_index - 1].norm, self.tokens[cue_index].cue):
            # وانتقد ناجي البغوري الهيئة التي قال إنها: he said it of the body; he is the person
            # the sentence's verb names (not a body after it, likelier its object), else the last speaker
            main = self.sentence_subject(cue_index)
            person = main.entity >= 0 and self.doc.entities[main.entity].type == "PERS"
            return main if person else Subject(pronoun=True)
        named = self.tokens[cue_index - 2]
        if named.text in "،," and cue_index >= 3:
            named = self.tokens[cue_index - 3]  # … نجاة الهمامي، التي ذكرت: the name set off before it
        mention = self.doc.mention_at(named.start)
        if mention is None and self.tokens[cue_index - 1].norm in PEOPLE_RELATIVES:
            return self.group_before_relative(cue_index - 1)
        if mention is None:
            return Subject()
        if mention.end != named.end or mention.type not in SPEAKING_TYPES or mention.entity < 0:
            return Subject()
        return Subject(mention.entity, mention=mention.name)

    def group_before_relative(self, relative_index: int) -> Subject:
        """على حد تعبير عدد من الأهالي الذين اعتبروا أن …: the described group or source the
        relative clause is about (a quantifier or source noun opening the words before it)."""
        words = [w for w in self.tokens[max(0, relative_index - MAX_NAME_WORDS - 2) : relative_index] if w.is_word]
        for i, word in enumerate(words):
            if word.norm in QUANTIFIERS or word.norm in SOURCE_HEADS:
                return described_subject(self.description(words[i:], source=True))
        return Subject()

    def speech_owner(self, relative_index: int) -> Subject:
        """The person whose speech noun heads the relative clause at relative_index: the name
        right after the noun (كلمة أردوغان التي), else no speaker."""
        words = [w for w in self.tokens[max(0, relative_index - MAX_NAME_WORDS - 2) : relative_index] if w.is_word]
        for i, word in enumerate(words[:-1]):
            if bare_occasion(word.norm) not in OCCASION_NOUNS or word.norm != bare_occasion(word.norm):
                continue
            mention = self.doc.mention_at(words[i + 1].start)
            if mention is not None and mention.type == "PERS" and mention.entity >= 0 and mention.end == words[-1].end:
                return Subject(mention.entity, mention=mention.name)
        return Subject(unnamed=True)

    def relative_clause_subject(self, cue_index: int) -> Subject:
        """التقرير الذي نشرته منظمة "أنا يقظ" وأشارت فيه إلى أن …: a verb joined to a relative
        clause, whose فيه points back to the clause's head, shares the clause's subject."""
        following = self.tokens[cue_index + 1] if cue_index + 1 < len(self.tokens) else None
        if following is None or following.norm not in IN_WHICH or not written_with_conjunction(self.tokens[cue_index]):
            return Subject()
        start = self.sentence_start(cue_index)
        for j in range(cue_index - 1, 0, -1):
            if self.tokens[j].start < start:
                break
            if self.tokens[j].norm in RELATIVE_PRONOUNS:
                words = [w for w in self.tokens[j + 2 : cue_index] if w.is_word]  # after the clause's verb
                source = self.read_subject(words, allow_place=False) if words else Subject()
                return source if source.entity >= 0 else Subject()
        return Subject()

    def sentence_subject(self, cue_index: int) -> Subject:
        """With no subject of its own, a cue inside a sentence whose main verb has one
        (انتقد وزير الخارجية X …، قائلا …) reports that subject, unless an earlier quote of
        the same sentence already set the speaker."""
        sentence_start = self.sentence_start(cue_index)
        cue_start = self.tokens[cue_index].start
        earlier = bisect_left(self.cue_positions, sentence_start)
        if earlier < len(self.cue_positions) and self.cue_positions[earlier] < cue_start:
            return Subject()
        first = self.doc.token_index_at_or_after(sentence_start)
        opening = [w for w in self.tokens[first:cue_index] if w.is_word]
        if opening and opening[0].norm in RELAY_OPENERS:
            return Subject()  # وحسب موقع "يمن برس"، تابع "خلفان": the outlet relays, it does not speak
        # The subject follows the sentence's verb (and a particle: لم يخف، كما انتقد), or an
        # earlier speech verb of the sentence (من جانبه، أكد X …، مشيرا إلى أن).
        after_opener = without_side_opener(opening)
        # من جانبه معتمد الجهة منير الغريبي، استقبل: the subject may come right after the opener
        first_skip = 0 if len(after_opener) < len(opening) else 1
        opening = after_opener
        # not after a noun of saying: في تصريح لجوهرة أف أم names to whom, not who
        verbs = [i + 1 + (i + 1 < len(opening) and opening[i + 1].norm in OWN_STATEMENT_PRONOUNS)
                 for i, w in enumerate(opening) if w.cue is not None and not w.cue.participle and not w.cue.noun]
        # وفي ختام الزيارة، أشاد الوزير …، مؤكدا: the verb after a fronted phrase's comma
        after_fronted = self.after_fronted_comma(first, cue_index, opening)
        # …، وفق ما أعلن عنه البيت الأبيض مضيفا أن: the source of the post-posed attribution goes on
        # (the relay starts three words before, or four with the verb's pronoun: عنه، به)
        relayed = [v for v in verbs if any(k >= 0 and relay_cue(opening, k) is not None for k in (v - 3, v - 4))]
        for skip in [*relayed, *range(first_skip, MAX_LEADING_WORDS + 1), *after_fronted, *verbs]:
            before = opening[skip - 1] if 0 < skip <= len(opening) else None
            # تمكنت الشرطة: a body after a verb; not رئيس الحكومة's or الانتخابات البلدية's noun
            body_allowed = before is None or not (is_definite(before.text) or is_title_word(before.text))
            subject = self.subject_at(opening[skip : skip + MAX_TITLE_WORDS + 1], body_allowed)
            if not subject.empty:
                return subject
        return self.title_between(opening[first_skip:])

    def after_fronted_comma(self, first: int, cue_index: int, opening: list[Token]) -> list[int]:
        """Where a subject may start in `opening`: after the word that follows a comma
        closing a fronted phrase of a few words (وفي ختام الزيارة، أشاد), not the comma
        before the cue itself."""
        positions = {w.start: i for i, w in enumerate(opening)}
        skips = []
        for index in range(first, cue_index - 1):
            token = self.tokens[index]
            if token.text not in "،," or self.tokens[index + 1].start >= self.tokens[cue_index].start:
                continue
            verb = self.doc.token_index_at_or_after(token.end)
            i = positions.get(self.tokens[verb].start, -1) if verb < len(self.tokens) else -1
            if 0 < i <= MAX_PRE_SUBJECT_WORDS and i + 1 < len(opening):
                skips.append(i + 1)
        return skips

    def title_between(self, words: list[Token]) -> Subject:
        """وعلق رئيس النادي قائلا، ورفض الرئيس الاتهامات مؤكدا: a title right after the
        sentence's verb is its subject, described, when the title names no one; what follows
        the title's noun phrase is the verb's object."""
        if not words or not is_title_word(words[0].text):
            return Subject()
        # ورفض الرئيس الاتهامات مؤكدا: a definite title is the subject, the noun phrase after it
        # the object; a title in construct only when nothing follows it (وعلق رئيس النادي قائلا)
        length = noun_phrase_length([w.text for w in words])
        if length < len(words) and not is_definite(words[0].text):
            return Subject()
        title = words[:length]
        if len(title) > MAX_TITLE_WORDS or any(self.doc.mention_at(w.start) is not None for w in title[1:]):
            return Subject()
        return described_subject(self.description(title))

    def subject_at(self, words: list[Token], body_allowed: bool = True) -> Subject:
        """A subject that starts exactly at words[0]: a PERS mention, possibly after a title,
        or a title/honorific and a name the NER missed."""
        if not words:
            return Subject()
        first = words[0].norm
        mention = self.doc.mention_at(words[0].start)
        if mention is not None and mention.type in SPEAKING_TYPES and mention.entity >= 0:
            return Subject() if self.is_object(mention) else Subject(mention.entity)
        known = self.known_name_in(words[:1]) if mention is None and is_definite(words[0].text) else None
        if known is not None:
            return known[1]  # وختم الحقيل حديثه بالقول: a surname the NER missed, of a person named before
        if first not in HONORIFICS and first not in APPOSITION_HEADS:
            if first in INSTITUTION_BODIES and body_allowed:  # تمكنت الشرطة الفرنسية …، مؤكدة
                return described_subject(self.definite_phrase(words))
            if first in OUTLET_BODIES and body_allowed:  # وكانت صحيفة "عاجل"، نشرت …، حيث ذكرت
                outlet = next((m for m in map(self.doc.mention_at, (w.start for w in words[1:3] if w.is_word))
                               if m is not None and m.type == "ORG" and m.entity >= 0), None)
                if outlet is not None:
                    return Subject(outlet.entity)  # صحيفة "الفاينانشيال تايمز": the paper the NER knows
                named = self.construct_phrase(self.doc.token_index_at(words[0].start))
                return described_subject(named) if named else Subject()
            return Subject()
        for i, word in enumerate(words):
            mention = self.doc.mention_at(word.start)
            if mention is not None:
                if mention.type == "PERS" and mention.entity >= 0:
                    return Subject(mention.entity, title=self.clean_title(words[:i]))
                named = self.person_after(words, mention) if mention.type == "ORG" else None
                if named is not None:  # المدير العام لبنك الأمان، أحمد كرم: the person after the body
                    k, person = named
                    return Subject(person.entity, mention=person.name, title=self.clean_title(words[:k]))
                break
            if i and not (is_definite(word.text) or word.norm in HONORIFICS):
                break
        title, name = titled_name(words)
        return Subject(description=name, title=title) if name else Subject()

    def definite_phrase(self, words: list[Token]) -> str:
        return definite_words(self.description(words))

    @staticmethod
    def is_object(mention: Mention) -> bool:
        """A mention after a preposition, written apart (على ساركوزي, which the NER may
        take in) or attached (وأكد لرويترز أن …: said to Reuters): not the subject."""
        first = mention.text.split()[:1]
        attached = any(letter in mention.proclitics for letter in ATTACHED_PREPOSITIONS)
        if first and spelled(first[0]) == NAME_ALI and mention.type == "PERS" and len(mention.text.split()) > 1:
            return attached  # علي العنزي: the name, spelt with ي; the preposition is على
        return attached or (bool(first) and normalize(first[0]) in PREPOSITION_WORDS)

    def sentence_start(self, cue_index: int) -> int:
        paragraph = self.tokens[cue_index].paragraph
        for index in range(cue_index - 1, -1, -1):
            word = self.tokens[index]
            if word.paragraph != paragraph:
                return word.end + 1
            if word.text in SENTENCE_END and is_sentence_end_at(self.doc.text, word.start):
                return word.end
        return 0

    def headline_subject(self, quote: Quote) -> Subject:
        first = self.doc.token_index_at_or_after(quote.cue_start)
        words = [w for w in self.tokens[first : self.doc.token_index_at_or_after(quote.start)]
                 if w.end <= quote.start and w.is_word]
        subject = self.read_subject(words, allow_place=False)
        if subject.entity < 0 and words:  # a name the NER missed: the words before لـ OUTLET
            named = []
            for word in words[:MAX_NAME_WORDS]:
                if self.is_channel(word) or self.is_addressee(word) or word.norm in DANGLING_WORDS:
                    break  # المالكي للافروف، مندوبة أمريكا لدى الأمم المتحدة: to whom, where
                named.append(word.text)
            subject.description = " ".join(named)
        subject.mention = quote.mention
        return subject

    def words_after_cue(self, cue_index: int, quote: Quote) -> list[Token]:
        """The words between the cue and the quote, up to أن, a colon or a quotation mark;
        after a quote it follows («…»، قال الوزير), the rest of the clause."""
        cue = self.tokens[cue_index]
        postposed = quote.end <= cue.start
        out = []
        for index in range(cue_index + 1, len(self.tokens)):
            word = self.tokens[index]
            if (word.start >= quote.start and not postposed) or word.text == ":":
                break
            if postposed and (word.text in SENTENCE_END + "،," or word.paragraph != cue.paragraph):
                break
            if word.text in QUOTE_MARKS and quote.start - word.end <= MARK_TO_QUOTE:
                break
            if word.is_word and is_complementiser(word.text) and not self.inside_abbreviation(word):
                break
            out.append(word)
        return out

    def inside_abbreviation(self, word: Token) -> bool:
        """سي.إن.إن: a word glued to a full stop after a letter is a piece of an abbreviation."""
        text = self.doc.text
        return word.start >= 2 and text[word.start - 1] == "." and text[word.start - 2].isalpha()

    def words_before_cue(self, cue_index: int) -> list[Token]:
        """A fronted subject: the words from the clause start to the cue (… لكن X قال)."""
        out: list[Token] = []
        for word in reversed(self.tokens[max(0, cue_index - MAX_PRE_SUBJECT_WORDS) : cue_index]):
            if not word.is_word and (word.text in SENTENCE_END + "،,؛:" + QUOTE_MARKS):
                break
            if word.is_word and (word.norm in PRE_SUBJECT_BOUNDARIES or is_complementiser(word.text)):
                break  # يشار أن الفيفا قد أكدت: the subject starts after أن
            if word.norm in PAST_AUXILIARIES:
                if any(w.is_word and w.norm != normalize("قد") for w in out):
                    break  # … على الخط وكانت وزارة العدل قد أعلنت: the subject follows كانت
                continue  # يشار أن هيئة النادي كانت قد أعلنت: it comes before
            if word.paragraph != self.tokens[cue_index].paragraph:
                break
            out.insert(0, word)
        return [w for w in out if w.norm != normalize("قد")]

    def topic_of_amma(self, cue_index: int) -> list[Token]:
        """The words between أما opening the sentence and a cue written with ف (أما أم خالد
        فتقول), if only a few."""
        first = self.doc.token_index_at_or_after(self.sentence_start(cue_index))
        words = [w for w in self.tokens[first:cue_index] if w.is_word]
        if len(words) < 2 or words[0].norm not in AMMA or len(words) > MAX_SUBJECT_WORDS:
            return []
        return words[1:]

    def after_auxiliary(self, fronted: list[Token]) -> bool:
        """Whether the fronted words come right after كان (وكانت X قد أعلنت)."""
        if not fronted:
            return False
        before = self.doc.token_index_at(fronted[0].start) - 1
        return before >= 0 and self.tokens[before].norm in PAST_AUXILIARIES

    def read_subject(self, words: list[Token], allow_place: bool, fronted: bool = False) -> Subject:
        """The subject a run of words names: a speaker already known by name, the entity of
        a PERS/ORG mention after its title, or a description of the source."""
        written = words
        words = [w for w in words if w.is_word]
        while words and (words[0].norm in WHEN_AND_HOW_WORDS or words[0].norm in OBJECTS_BEFORE_SUBJECT or is_year(words)):
            words = words[2:] if is_year(words) else words[1:]  # قال اليوم الأحد نائب الحركة …، وأكد عام 2015
        if tuple(w.norm for w in words[:2]) == EACH_OF:
            words = words[2:]
        if not words:
            return Subject()
        head = words[0].norm
        if head in REFERRING_PRONOUNS or (head == normalize("هذا") and len(words) > 1 and words[1].norm in REFERRING_PRONOUNS):
            return Subject(pronoun=True, mention=words[0].text if head in RESPECT_TITLES else "")
        if head in ADVERBIAL_OPENERS:
            return self.subject_after_adverbial(words[1:], allow_place, fronted)
        if (head in STATEMENT_NOUNS or head.removeprefix("ال") in STATEMENT_NOUNS) and len(words) > 1 \
                and words[1].norm in ISSUED_WORDS:
            return self.statement_issuer_named(words[0], issuer(words[1:]))  # وقال بيان صادر عن الرئاسة
        if head in STATEMENT_NOUNS and len(words) > 1:  # وقال بيان الاتحاد الماليزي: the federation
            issuer_mention = self.doc.mention_at(words[1].start)
            if issuer_mention is not None and issuer_mention.type in SPEAKING_TYPES and issuer_mention.entity >= 0:
                return Subject(issuer_mention.entity, mention=self.doc.text[words[0].start : issuer_mention.end])
            if words[1].norm.startswith("لل") and issuer_mention is None and len(words[1].norm) > 4:
                # وقال بيان للمحافظ في منطقة سان-إي-مارن: the prefect's statement, the prefect speaks
                issued = "ال" + self.description(words[1:], source=True)[2:]
                return Subject(description=issued, mention=self.doc.text[words[0].start : words[1].end])
        if self.is_addressee(words[0]) or self.is_channel(words[0]):
            # وقال لـ"الجوهرة اف أم" إن …: to whom; the speaker is the last one, or the
            # subject set off after the addressee (أفاد به للجوهرة أف أم، الناطق الرسمي …)
            return self.subject_after_addressee(written[written.index(words[0]) :])
        if (head in SUBJECT_STOPS or head in NOT_SUBJECT_START) and self.names_whole(words):
            pass  # وقال علي بن صميخ المري: علي, not the preposition على; وقالت أنا ماري غوتيز: not "I"
        elif head in SUBJECT_STOPS or head in NOT_SUBJECT_START or not_a_subject(words[0]) or (
                head.startswith("بال") and not self.is_tagged_person(words[0])):
            return Subject()  # …, بالتصويت على: an object of the verb, the subject is dropped
        if head in QUANTIFIERS or words[0].text[:1].isdigit():  # عدد من المحتجين، 3 مسؤولين أمريكيين
            description = self.description(words, source=True)
            return described_subject(description)
        if head in SOURCE_HEADS:
            named = self.named_after_source(words)
            if named is not None:
                return named
            description = self.description(words, source=True)
            return Subject(description=description, mention=description)
        known = self.known_name_in(words)
        for i, word in enumerate(words[: MAX_TITLE_WORDS + 1]):
            if known is not None and known[0] <= i:
                return known[1]
            norm = word.norm
            channel = self.is_channel(word)
            genitive = channel and not is_channel_word(norm) and any(
                is_title_word(w.text) for w in words[:i])  # المدير الإداري لقوافل قفصة: ل is "of" here
            if (norm in TITLE_STOPS and not accredited_to(words, i)) or (channel and not genitive):
                break
            if i and norm in SUBJECT_STOPS and not any(is_title_word(w.text) for w in words[:i]) \
                    and not self.names_whole(words[i:]):
                break  # وقال البركاني في صفحته على «فيس بوك»: an untitled name, then where (not الشاب علي العنزي)
            mention = self.doc.mention_at(word.start)
            if mention is None or self.is_object(mention) or is_fragment(mention):
                continue
            if mention.type == "ORG" and not (person_title_opens(words, i) or role_of_body(words, i)) \
                    and titles_the_body(words, i):
                # المحلل السياسي ومدير مركز الارتكاز الإعلامي سالم زهران: the director, named after
                named = self.person_after(words, mention)
                if named is not None:
                    k, person = named
                    return Subject(person.entity, mention=person.name, title=self.clean_title(words[:k]))
            if mention.type == "ORG" and (person_title_opens(words, i) or role_of_body(words, i)):
                named = self.person_after(words, mention)
                if named is not None:  # وقال رئيس حركة النهضة راشد الغنوشي إن …
                    k, person = named
                    return Subject(person.entity, mention=person.name, title=self.clean_title(words[:k]))
                apposed = self.apposed_name(written)
                if apposed is not None:  # النائب في مجلس نواب الشعب عن حركة النهضة …، بشير الخليفي، إن
                    return apposed
                # an unnamed person of that body: رئيس قسم الهواتف في سامسونغ، رئيس حركة النهضة
                described = self.doc.text[words[0].start : mention.end] if preposition_before(words, i) \
                    else self.description(words)
                return Subject(description=described, mention=described)
            if mention.type == "PERS" and any(addressed_title(w) for w in words[:i]):
                # وجدد المسؤول النقابي انتقاده لوزير التربية ناجي جلول: the minister is its object;
                # المتحدث باسم المكتب الإعلامي لرئيس الوزراء حيدر العبادي سعد الحديثي: the spokesman speaks
                k = next((k for k, w in enumerate(words) if w.start >= mention.end), len(words))
                holder = self.doc.mention_at(words[k].start) if k < len(words) else None
                if holder is not None and holder.type == "PERS" and holder.entity >= 0 and not self.is_object(holder):
                    return Subject(holder.entity, mention=holder.name, title=self.clean_title(words[:k]))
                return Subject()
            if mention.type in SPEAKING_TYPES or (mention.type == "LOC" and i == 0 and allow_place):
                i, mention = self.person_closing_title(words, i, mention)
                title = self.clean_title(words[:i]) or self.apposition(mention)
                return Subject(mention.entity, mention=mention.name, title=title)
        if fronted:
            return Subject()  # a fronted phrase that names nobody: a topic (وحول الدور …)
        apposed = self.apposed_name(written)
        if apposed is not None:
            return apposed
        return described_subject(self.description(words))

    def statement_issuer_named(self, statement: Token, issuer: list[Token]) -> Subject:
        """وقال بيان صادر عن الرئاسة الأذرية إن …: the body that issued the statement speaks."""
        if not issuer:
            return Subject()
        mention = self.doc.mention_at(issuer[0].start)
        if mention is not None and mention.type in SPEAKING_TYPES and mention.entity >= 0:
            return Subject(mention.entity, mention=self.doc.text[statement.start : mention.end])
        description = self.description(issuer, source=True)
        if not description:
            return Subject()
        end = issuer[0].start + len(description)
        return Subject(description=description, mention=self.doc.text[statement.start : end])

    def apposed_name(self, written: list[Token]) -> Subject | None:
        """A title too long or too branched to reach its name, then the name set off by a comma
        (قال المنسق العام لشبكة مراقبون، رفيق الحلواني إن; الناطق الرسمي باسم القطب القضائي …،
        سفيان السليطي، أن): the person, the words before the comma their title."""
        for j in range(1, len(written) - 1):
            if written[j].text not in "،,":
                continue
            mention = self.doc.mention_at(written[j + 1].start)
            if mention is None or mention.type != "PERS" or mention.entity < 0 or self.is_object(mention):
                continue
            before = [w for w in written[:j] if w.is_word]
            while before and (before[0].norm in WHEN_AND_HOW_WORDS or is_year(before)):
                before = before[2:] if is_year(before) else before[1:]  # قال اليوم الأحد نائب …، X
            after = next((w for w in written[j + 1 :] if w.start >= mention.end), None)
            ends = after is None or after.text in "،," or after.norm in SUBJECT_STOPS or self.is_channel(after)
            if ends and before and not any(self.doc.mention_at(w.start) is not None and
                                           self.doc.mention_at(w.start).type == "PERS" for w in before) \
                    and not any(reads_as_verb(self.doc, w) or w.cue is not None for w in before):
                return Subject(mention.entity, mention=mention.name, title=self.clean_title(before))
            return None
        return None

    def object_in_b(self, words: list[Token]) -> bool:
        """Whether the words open with the ب of the verb's object (بوجود، بفعلته، بما قام به):
        not a name in ب, nor one of the few subjects in ب (بعض، بلاغ)."""
        first = next((w for w in words if w.is_word), None)
        if first is None or not first.norm.startswith("ب") or first.norm in OBJECTS_BEFORE_SUBJECT:
            return False  # صرح به المرشح: the subject follows
        mention = self.doc.mention_at(first.start)
        if mention is not None and "ب" not in mention.proclitics:
            return False  # وذكرت بريطانيا، واعترفت بكين: a name in ب
        return not can_open_with_b(first.norm)

    def is_tagged_person(self, word: Token) -> bool:
        """A person's name as written, no proclitic on it (وقال باللطيف)."""
        mention = self.doc.mention_at(word.start)
        return mention is not None and mention.type == "PERS" and mention.entity >= 0 and not mention.proclitics

    def subject_after_adverbial(self, words: list[Token], allow_place: bool, fronted: bool) -> Subject:
        """The subject after a phrase of occasion or manner: read from its first title, source
        noun or name (بهذه المناسبة وزير الصحة عبد اللطيف المكي); none if there is none."""
        for k, word in enumerate(words[: MAX_TITLE_WORDS + 1]):
            mention = self.doc.mention_at(word.start)
            named = mention is not None and mention.type in SPEAKING_TYPES and mention.entity >= 0
            if is_title_word(word.text) or word.norm in SOURCE_HEADS or (named and not self.is_object(mention)):
                return self.read_subject(words[k:], allow_place, fronted)
        return Subject()

    def names_whole(self, words: list[Token]) -> bool:
        """Whether the words open with a tagged name of two words or more, all of it among them."""
        mention = self.doc.mention_at(words[0].start)
        return (mention is not None and mention.type == "PERS" and mention.entity >= 0
                and len(mention.text.split()) > 1 and mention.end <= words[-1].end)

    def subject_after_addressee(self, words: list[Token]) -> Subject:
        """A subject after the addressee the verb opens with, when it names or titles a person:
        وأوضح لـ "واس" مدير عام المشاريع …، أكدت لـ "الاقتصادية"، مشاعل الحسين …; none after
        a reporter, whose name follows as an apposition (لمراسل "الجوهرة"، عمر التيس)."""
        if words[0].norm.startswith(REPORTER_ADDRESSEES):
            return Subject()
        rest = self.after_name(words, 1)
        while rest and rest[0].text in "،,":
            rest = rest[1:]
        first = next((w for w in rest if w.is_word), None)
        if first is None:
            return Subject()
        mention = self.doc.mention_at(first.start)
        person = mention is not None and mention.type == "PERS" and mention.entity >= 0 and not self.is_object(mention)
        return self.read_subject(rest, allow_place=False) if person or is_title_word(first.text) else Subject()

    def after_name(self, words: list[Token], k: int) -> list[Token]:
        """words[k:] past the mention (words[0]'s own or one starting at words[k]) or the quoted
        name that the addressee words[0] is: لـ "واس"، لوكالة تونس إفريقيا للأنباء، للجوهرة أف أم."""
        own = self.doc.mention_at(words[0].start)
        if own is not None:
            return [w for w in words if w.start >= own.end]
        if k < len(words) and words[k].text in QUOTE_MARKS:
            closing = next((i for i in range(k + 1, min(len(words), k + 2 + MAX_ANTECEDENT_WORDS))
                            if words[i].text in QUOTE_MARKS), -1)
            return words[closing + 1 :] if closing > 0 else words[k:]
        named = self.doc.mention_at(words[k].start) if k < len(words) else None
        return [w for w in words[k:] if w.start >= named.end] if named is not None else words[k:]

    def person_after(self, words: list[Token], mention: Mention) -> tuple[int, Mention] | None:
        """The person named within a few words after an organisation in a title (رئيس حركة
        النهضة راشد الغنوشي، رئيس الاتحاد الجهوي للفلاحة بسوسة حسان بلطيفة): (index, mention)."""
        j = next((k for k, w in enumerate(words) if w.start >= mention.end), len(words))
        for k in range(j, min(len(words), j + MAX_NAME_WORDS + 1)):
            later = self.doc.mention_at(words[k].start)
            if later is not None and later.type == "PERS" and later.entity >= 0 and not self.is_object(later):
                return k, later
            if words[k].norm in SUBJECT_STOPS or words[k].norm in TITLE_STOPS or is_channel_word(words[k].norm):
                return None
        return None

    def person_closing_title(self, words: list[Token], i: int, mention: Mention) -> tuple[int, Mention]:
        """A name inside a title (المتحدث باسم مركز الملك سلمان للإغاثة رأفت الصباغ): when the
        title goes on after the mention (a genitive: ل…، ال…), the person is the later name."""
        if i == 0 and mention.type == "PERS":
            return i, mention  # مختار الرحبي السكرتير الصحفي بمكتب الرئيس …: a name, then its apposition
        j = next((k for k, w in enumerate(words) if w.start >= mention.end), len(words))
        if j >= len(words) or not (is_definite(words[j].text) or words[j].norm.startswith("ل")):
            return i, mention
        if words[j].norm.startswith("وال"):
            return i, mention  # X والطبيب Y: a second subject, coordinated
        for k in range(j, min(len(words), j + MAX_TITLE_WORDS)):
            norm = words[k].norm
            if norm in SUBJECT_STOPS or norm in TITLE_STOPS or self.is_channel(words[k]):
                break
            later = self.doc.mention_at(words[k].start)
            if later is not None and later.type == "PERS" and later.entity >= 0:
                return k, later
        return i, mention

    def named_after_source(self, words: list[Token]) -> Subject | None:
        """مسؤول لجنة الملتقيات زكية الخضراوي: a source noun in construct with a name is a
        title; with a preposition first (مسؤول كبير في إدارة الرئيس أوباما) it stays a description,
        unless the noun is in construct, a title of its own (مسؤولة السياسة الخارجية في الاتحاد
        الأوروبي فيديريكا موغيريني)."""
        construct = words[0].norm in CONSTRUCT_SOURCE_TITLES and len(words) > 1 and is_definite(words[1].text)
        for i, word in enumerate(words[1 : MAX_TITLE_WORDS + 1], 1):
            norm = word.norm
            if construct and norm in SOURCE_PREPOSITIONS and self.doc.mention_at(word.start) is None:
                continue
            if norm in SUBJECT_STOPS | TITLE_STOPS | SOURCE_PREPOSITIONS or self.is_channel(word):
                return None
            mention = self.doc.mention_at(word.start)
            if mention is not None and construct and mention.type != "PERS":
                continue  # … في الاتحاد الأوروبي: the body of the title
            if mention is not None:
                if mention.type != "PERS" or mention.entity < 0:
                    return None
                title = self.clean_title(words[:i])
                return Subject(mention.entity, mention=mention.name, title=title)
        return None

    def known_name_in(self, words: list[Token]) -> tuple[int, Subject] | None:
        """The first word of the subject that is the surname of a speaker already quoted or
        of a person named elsewhere in the article: a name the NER missed here
        (أكد النائب عن الجبهة الشعبية، عمار عمروسية أن)."""
        for i, word in enumerate(words[: MAX_TITLE_WORDS + 1]):
            key = surname_key(word.text)
            if len(key) < 3:
                continue
            if is_title_word(word.text) and self.person_ending_title(words[i + 1 :]) is not None:
                continue  # وقال الأمين العام … أحمد أبو الغيط: the title of the name after it, not عبدالله الأمين
            mention = self.doc.mention_at(word.start)
            if mention is not None and mention.type == "PERS" and mention.end > word.end:
                continue  # … عبدالكريم نوح: a longer name of its own, not a known speaker's surname
            known = self.recent_by_surname.get(key)
            if known is not None:
                return i, Subject(description=known.name, mention=word.text)
            if key in self.person_by_surname:
                return i, Subject(self.person_by_surname[key], mention=word.text)
        return None

    def is_addressee(self, word: Token) -> bool:
        """للقاضي، للصحفيين، لسعيد مراد: to whom it was said, not who said it."""
        mention = self.doc.mention_at(word.start)
        if mention is not None:
            return "ل" in mention.proclitics
        return word.norm.startswith("لل")

    def description(self, words: list[Token], source: bool = False) -> str:
        """The subject phrase, up to where time, place or manner begin; a source's
        description keeps its prepositional part (مسؤول كبير في إدارة الرئيس)."""
        kept: list[Token] = []
        quoted_name = False  # inside the quoted name a role noun takes: ضيف "بوليتيكا"
        for k, word in enumerate(words[:MAX_SUBJECT_WORDS]):
            norm = word.norm
            between = self.doc.text[kept[-1].end : word.start] if kept else ""
            if kept and source and norm in SOURCE_PREPOSITIONS and k + 1 < len(words) and \
                    bare_occasion(words[k + 1].norm) in OCCASION_NOUNS:
                break  # متحدث باسم الخارجية في إفادة صحفية: where it was said, not who
            if any(c in QUOTE_MARKS for c in between) and len(kept) == 1 and (
                    kept[0].norm in CONSTRUCT_ROLE_NOUNS or kept[0].norm in OUTLET_BODIES):  # صحيفة "تلغراف"
                quoted_name = True
            elif quoted_name and any(c in QUOTE_MARKS for c in between):
                break  # past the quoted name's closing mark
            elif kept and (any(c in QUOTE_MARKS + "،,(" for c in between) or sets_off_with_dash(between)):
                break  # مصدر مطلع -طلب عدم الكشف عن هويته-: the source, not the aside
            within = self.doc.mention_at(word.start)
            affiliated = bool(kept) and (kept[-1].norm in AFFILIATION_WORDS or (  # التابعة للأمم المتحدة: "of"
                within is not None and within.start <= kept[-1].start))  # … المتحدة, in the name kept
            stops = norm in TITLE_STOPS or norm in CLAUSE_VERBS or (self.is_channel(word) and not affiliated) or not_a_subject(word) or (
                norm in SUBJECT_STOPS and not (source and norm in SOURCE_PREPOSITIONS) and not represents(kept, word))
            if kept and not quoted_name and (stops or reads_as_verb(self.doc, word, after_conjunction=True)
                                             or self.is_adverbial_participle(word) or norm in REPORTER_NOUNS):
                break  # inside the quoted name every word is the name's (ضيف "صباح الورد")
            kept.append(word)
        if not kept:
            return ""
        end = kept[-1].end
        if quoted_name and self.doc.text[end : end + 1] in QUOTE_MARKS:
            end += 1  # the closing mark of the quoted name
        text = self.doc.text[kept[0].start : end]
        return text.strip(" ،,")

    def is_adverbial_participle(self, word: Token) -> bool:
        """مسؤول بوزارة العدل متحدثا شريطة عدم نشر اسمه: an indefinite participle in the
        accusative (م…ا) tells how the source spoke; it is not part of who spoke."""
        norm = word.norm
        # not a noun whose last letter is ا (ميليشيا، موسيقى written موسيقا)
        return norm[:1] == "م" and norm.endswith("ا") and not norm.endswith(("يا", "قا")) and len(norm) >= 5 \
            and not is_definite(word.text) \
            and self.doc.mention_at(word.start) is None

    def is_channel(self, word: Token) -> bool:
        """لمراسل، لقناة، لـ«الشرق الأوسط»، لرويترز: to whom or through what it was said."""
        if is_channel_word(word.norm):
            return True
        mention = self.doc.mention_at(word.start)
        return mention is not None and "ل" in mention.proclitics

    def clean_title(self, words: list[Token]) -> str:
        """The title words before a name: no honorific, no naming verb (مواطن يدعى X), and
        nothing up to a verb, which ends the title read backwards (في تصريح إعلامي أفاد X،
        متحدث باسم الوزير يوبخ وزيرة الخارجية X)."""
        words = [w for i, w in enumerate(words) if w.text not in "()" and not (
            w.norm in HONORIFICS and not heads_a_complement(words, i))]
        while words and (not words[-1].is_word or is_naming_verb(words[-1].norm)):
            words.pop()  # الرجل ويدعى X: the naming verb, with و too
        verbs = [i for i, w in enumerate(words) if w.is_word and self.verb_in_title(w, last=i == len(words) - 1)]
        if verbs:
            words = words[verbs[-1] + 1 :]
        while words and not words[0].is_word:
            words = words[1:]
        if all(w.norm in NOT_NAME_WORDS for w in words if w.is_word):
            return ""  # كانت عام النقابة …: a piece of a title, not one
        return self.doc.text[words[0].start : words[-1].end].strip(" ،,")

    def verb_in_title(self, word: Token, last: bool) -> bool:
        """An auxiliary (تم، كان), an imperfect verb (يوبخ; a word in ت may be a noun: تاجر),
        or a speech cue right before the name (إعلامي أفاد X; مدير الاتصال بشركة نقل تونس
        holds the noun نقل)."""
        return (last and cue_form(word.text) is not None) or word.norm in CLAUSE_VERBS or (
            word.norm[:1] == "ي" and reads_as_verb(self.doc, word))

    def apposition(self, mention: Mention) -> str:
        return self.titles.get(mention.entity, [""])[0] if mention.entity in self.titles else ""

    # ---- speakers --------------------------------------------------------------------
    def speaker_for_entity(self, subject: Subject, gender: str, number: str) -> Known:
        entity = self.doc.entities[subject.entity]
        key = f"entity:{subject.entity}"
        if key not in self.known:
            self.known[key] = Known(key, strip_honorifics(entity.canonical), gender, number)
            self.known[key].titles += self.titles.get(subject.entity, [])
            self.known[key].aliases += [m.name for m in entity.mentions]
        known = self.known[key]
        self.learn(known, subject, gender, number)
        return known

    @staticmethod
    def title_like(known: Known) -> list[str]:
        """What says a speaker's office: their titles, and the name of a described one
        (السفير الأمريكي), never a person's name (العذاري is no nisba)."""
        return [*known.titles, known.name] if known.key.startswith("described:") else list(known.titles)

    @staticmethod
    def titled_otherwise(known: Known, description: str) -> bool:
        """The speaker has titles or a role noun for a name, none of which has the role's head
        (الوزير is not النائب); a speaker with no title may be any role (وأضاف الرجل)."""
        head = next(iter(ordered_keywords(description)), "")

        def stem(key: str) -> str:  # الوزيرة ~ وزير المالية: one office, either gender
            return key[:-1] if key.endswith("ه") else key

        title_heads = {next(iter(ordered_keywords(t)), "") for t in known.titles}
        if head in person_role_keys() and title_heads & person_role_keys():
            # المدرب is not the one the article titled اللاعب; one titled otherwise may be
            # (المدير الفني لتشيلسي … المدرب البرتغالي), and so may one with no title
            return stem(head) not in {stem(w) for t in known.titles for w in keyword_set(t)}
        if head not in office_keys():
            return False  # المسؤول، المتحدث: any speaker may be called so
        names = [*known.titles, known.name]
        if other_nationality(description, Attributor.title_like(known)):  # not العذاري, a name
            return True
        if known.key.startswith("described:") and keyword_set(description) - keyword_set(known.name) - GENERIC_WORDS:
            return True  # الوزير المكلف بالعلاقة مع البرلمان is not the وزير الداخلية quoted before
        heads = {next(iter(ordered_keywords(n)), "") for n in names if n}
        words = {w for n in names for w in keyword_set(n)}
        return bool(known.titles or heads & title_keys()) and stem(head) not in {stem(h) for h in heads | words}

    def speaker_for_description(self, subject: Subject, gender: str, number: str, cue_at: int) -> Known:
        if normalize(subject.description) in THE_STATEMENT and self.statement_issuer is not None:
            return self.statement_issuer  # وأكد البيان أن: the statement quoted before, its issuer speaks
        words = subject.description.split()
        if len(words) == 2 and is_definite(words[1]) and not points_back(subject.description):
            cited = self.source_named_before(subject.description, cue_at, adjective=normalize(words[1])[2:])
            if cited:  # وأوضح المصدر الأمني, after حسب ما أفاد به مصدر أمني: that source
                subject.mention, subject.description = subject.description, cited
        pointing_back = same_one_after(subject.description)
        if pointing_back != subject.description:  # ذات المصدر: the source cited before, if one is
            known_before = set(self.known)
            trial = Subject(description=pointing_back, mention=subject.mention, title=subject.title)
            match = self.speaker_for_description(trial, gender, number, cue_at)
            if match.key in known_before or match.key.startswith("entity:"):
                subject.title = trial.title
                return match
            del self.known[match.key]  # none: the words as written describe the source
        match = next((k for k in self.known.values() if k.name == subject.description), None)
        if match is None and not introduces_unnamed_source(subject.description):
            match = self.match_description(subject.description, cue_at, gender)
        former = any(normalize(w) in OTHER_WORDS for w in subject.description.split())
        if match is None and self.is_role_reference(subject.description) and not former:
            match = self.most_recent(gender, number)
            if match is not None and self.titled_otherwise(match, subject.description):
                match = None  # وقال الوزير … فيما قال النائب إن: another office, another person
            if match is not None and self.names_a_person(subject.description) and self.kind_of(match) == "organisation":
                match = None  # واعترف الرجل: not the newspaper that last reported
        if match is None:
            entity, phrase = self.body_antecedent(subject.description, cue_at)
            if entity >= 0:
                return self.speaker_for_entity(Subject(entity, mention=subject.description), gender, number)
            if phrase:  # the body or source as first named: a description, never split into a title
                subject.mention, subject.description = subject.description, phrase
                key = f"described:{normalize(phrase)}"
                match = self.known.setdefault(key, Known(key, phrase, gender, number))
                self.learn(match, subject, gender, number)
                return match
            if points_back(subject.description):  # المصادر ذاتها, after علمت الإذاعة من مصادر موثوقة أن
                phrase = self.source_named_before(subject.description, cue_at)
                if phrase:
                    subject.mention, subject.description = subject.description, phrase
            source = normalize(subject.description.split()[0]) in SOURCE_HEADS
            title, name = ("", subject.description) if source else split_title_name(subject.description)
            if self.names_a_body(name):
                title, name = "", subject.description  # الأمين العام لحزب مشروع تونس: a person of the party
            name = strip_honorifics(name)
            subject.title = subject.title or title
            key = f"described:{normalize(name)}"
            match = self.known.setdefault(key, Known(key, name, gender, number))
        self.learn(match, subject, gender, number)
        subject.title = subject.title or ""
        return match

    def source_named_before(self, description: str, cue_at: int, adjective: str = "") -> str:
        """The last indefinite source phrase before the cue with the noun of "the same source(s)"
        (مصادر موثوقة for المصادر ذاتها), or with the noun and adjective of a definite one (مصدر
        أمني for المصدر الأمني), cited as where the news came from rather than quoted."""
        head = normalize(same_one_after(description).split()[0])
        if not head.startswith("ال") or head[2:] not in SOURCE_HEADS:
            return ""
        cue_index = self.doc.token_index_at_or_after(cue_at)
        for k in reversed(range(cue_index - 1)):
            if self.tokens[k].norm != head[2:] or (adjective and self.tokens[k + 1].norm != adjective):
                continue
            if adjective:  # مصدر عسكري مالي: the noun and its nisbas, not what the source did (عن قلق …)
                phrase = [self.tokens[k], *takewhile(lambda t: is_adjective_word("ال" + t.norm), self.tokens[k + 1 : cue_index])]
                return self.doc.text[phrase[0].start : phrase[-1].end]
            phrase = takewhile(lambda t: t.is_word and not is_complementiser(t.text), self.tokens[k:cue_index])
            return self.description(list(phrase), source=True)
        return ""

    @staticmethod
    def names_a_person(description: str) -> bool:
        """الرجل، الضيف، اللاعب: a noun only a person can be (not المصدر or المتحدث, which an
        institution's statement also is)."""
        head = normalize(description.split()[0]) if description.split() else ""
        return head.startswith("ال") and head[2:] in PERSON_NOUNS

    def names_a_body(self, name: str) -> bool:
        """Whether the document names an organisation or a place with these words."""
        return any(e.type in ("ORG", "LOC") and normalize(e.canonical) == normalize(name) for e in self.doc.entities)

    def body_antecedent(self, description: str, cue_at: int) -> tuple[int, str]:
        """What a definite body noun alone (الوزارة، الاتحاد، المندوبية) refers back to: the last
        ORG mention before the cue headed by that noun (the entity), or the last phrase that
        names it in construct (وزارة الداخلية، المندوبية الجهوية للفلاحة): (entity or -1, phrase)."""
        words = description.split()
        norm = normalize(words[0]) if len(words) == 1 else ""
        if not norm.startswith("ال") or norm[2:] not in BODY_NOUNS:
            return -1, ""
        head = norm[2:]
        for index in range(self.doc.token_index_at_or_after(cue_at) - 1, -1, -1):
            token = self.tokens[index]
            if token.start < cue_at - REFERENCE_REACH:
                break
            mention = self.doc.mention_at(token.start)
            if mention is not None and mention.start == token.start:
                first = normalize(mention.name.split()[0])
                if mention.type == "ORG" and mention.entity >= 0 and bare_noun(first) in (head, norm):
                    return mention.entity, ""  # الحركة → حركة مشروع تونس (also written لحركة …)
                continue
            stem = bare_noun(token.norm)
            if stem == head or stem == norm:
                named = self.doc.mention_at(self.tokens[index + 1].start) if index + 1 < len(self.tokens) else None
                if stem == head and named is not None and named.type == "ORG" and named.entity >= 0:
                    return named.entity, ""  # حزب [نداء تونس] … الحزب
                phrase = self.construct_phrase(index)
                if phrase:
                    return -1, phrase
        if head in OUTLET_BODIES or head == SOURCE_NOUN:
            return self.cited_last(head, cue_at)
        return (self.organisation_named_last(cue_at) if head in UNHEADED_BODIES else -1), ""

    def cited_last(self, head: str, cue_at: int) -> tuple[int, str]:
        """What a speech or relay verb last had for subject, when a source or an outlet noun
        has no antecedent of its own (ذكرت «عكاظ» أن … وأضافت الصحيفة، وفق ما ذكرت صحيفة
        "تلغراف" … وأوضح المصدر، أعلنت وزارة الطاقة … وأفاد المصدر): an ORG mention, a quoted
        name, or a body noun with its name; an outlet noun takes only an outlet of that noun
        or one named without a noun. (entity or -1, phrase)."""
        for index in range(self.doc.token_index_at_or_after(cue_at) - 1, -1, -1):
            token = self.tokens[index]
            if token.start < cue_at - REFERENCE_REACH:
                break
            if token.cue is None or token.cue.noun or token.cue.participle or index + 1 >= len(self.tokens):
                continue
            following = self.tokens[index + 1]
            mention = self.doc.mention_at(following.start)
            if mention is not None and mention.type == "ORG" and mention.entity >= 0 and not self.is_object(mention):
                return mention.entity, ""
            if following.text in QUOTE_MARKS and self.quoted_name_at(index + 1):
                return -1, self.quoted_name_at(index + 1)
            noun = bare_noun(following.norm)
            if is_body_noun(noun) and (head == SOURCE_NOUN or noun == head) and self.construct_phrase(index + 1):
                return -1, self.construct_phrase(index + 1)
        return -1, ""

    def quoted_name_at(self, index: int) -> str:
        """The words of a short quoted name opening at token index (a quotation mark): «عكاظ»."""
        for k in range(index + 1, min(len(self.tokens), index + 2 + MAX_NAME_WORDS)):
            if self.tokens[k].text in QUOTE_MARKS:
                return self.doc.text[self.tokens[index].end : self.tokens[k].start].strip() if k > index + 1 else ""
            if not self.tokens[k].is_word:
                return ""
        return ""

    def organisation_named_last(self, cue_at: int) -> int:
        """The entity of the last ORG mention before the cue when it is an organisation in its
        own right (الخطوط التونسية … وأكدت الشركة), else -1: not a body headed by another
        noun (منظمة الطيران المدني … الشركة), nor a name written after a noun or a
        preposition (لموقع "الجزيرة"، صحيفة ديلي، مع غوغل)."""
        for mention in reversed(self.doc.mentions[: bisect_left(self.mention_starts, cue_at)]):
            if mention.start < cue_at - REFERENCE_REACH:
                break
            if mention.type != "ORG" or mention.end > cue_at:
                continue
            first = normalize(mention.name.split()[0]) if mention.name else ""
            if mention.entity < 0 or self.is_object(mention) or is_body_noun(bare_noun(first)):
                return -1
            return -1 if self.written_after_noun(mention) else mention.entity
        return -1

    def written_after_noun(self, mention: Mention) -> bool:
        """The word before a mention (past a quotation mark) is a noun it names or a
        preposition: صحيفة "تلغراف"، مجموعة سوفان، لموقع "الجزيرة"، مع غوغل."""
        before = self.word_before(mention)
        if before is None:
            return False
        norm = before.norm
        return is_body_noun(bare_noun(norm)) or norm in NAME_NOUNS or is_channel_word(norm) or norm in PREPOSITION_WORDS

    def word_before(self, mention: Mention) -> Token | None:
        """The word right before a mention, past a quotation mark («عكاظ»)."""
        index = self.doc.token_index_at(mention.start) - 1
        while index >= 0 and self.tokens[index].text in QUOTE_MARKS:
            index -= 1
        return self.tokens[index] if index >= 0 and self.tokens[index].is_word else None

    def construct_phrase(self, index: int) -> str:
        """A body noun and the definite words that name it (وزارة الشؤون الدينية), without
        the proclitics written on the noun; empty if nothing names it."""
        first = self.tokens[index]
        words = [first]
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is not None and following.text in QUOTE_MARKS and following.paragraph == first.paragraph:
            closing = next((t for t in self.tokens[index + 2 : index + 2 + MAX_ANTECEDENT_WORDS]
                            if t.text in QUOTE_MARKS), None)  # شركة "غوغل"
            if closing is not None and closing.start > following.end:
                return self.noun_without_clitics(first) + self.doc.text[first.end : closing.end]
        for k in range(index + 1, min(len(self.tokens), index + MAX_ANTECEDENT_WORDS)):
            token = self.tokens[k]
            if not token.is_word or token.paragraph != first.paragraph:
                break
            if token.norm in RELATIVE_PRONOUNS:
                break  # الشركة التي: a clause, not the nisba of مصدر أمني
            after_name_of = words[-1].norm == normalize("باسم")
            if after_name_of or len(words) == 1 and (
                    token.norm == normalize("باسم") or (token.norm.endswith(("ي", "يه")) and len(token.norm) > 3)):
                words.append(token)  # المتحدث باسم وزارة …، مصدر أمني
                continue
            if len(words) == 1 and not is_definite(bare_noun(first.norm)) and self.inside_construct(k):
                words.append(token)  # وزارة أملاك الدولة، وزارة تكنولوجيات الاتصال، موقع 218 الليبي
                continue
            if not is_definite(token.text) or is_stop(token):
                break
            words.append(token)
        if len(words) < 2:
            return ""
        return self.noun_without_clitics(first) + self.doc.text[first.end : words[-1].end]

    def inside_construct(self, k: int) -> bool:
        """An indefinite noun or a number between a body noun and the definite word it is in
        construct with (وزارة [أملاك] الدولة); not a verb (وزارة [ستعلن] اليوم)."""
        token, following = self.tokens[k], self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        if following is None or not following.is_word or following.paragraph != token.paragraph:
            return False
        if is_definite(token.text) or is_stop(token) or token.cue is not None or token.norm[:1] in "يس":
            return False
        return is_definite(following.text) and not is_stop(following) and following.norm not in WHEN_AND_HOW_WORDS

    def noun_without_clitics(self, token: Token) -> str:
        bare = bare_noun(token.norm)
        if token.norm.startswith("لل") and bare.startswith("ال"):
            return "ال" + token.text[2:]  # للمندوبية → المندوبية
        return token.text[len(token.norm) - len(bare) :]

    def is_role_reference(self, description: str) -> bool:
        """الضيف، المتحدثة، الوزير الروسي: one definite person noun, which points back to
        someone (المصدر ذاته), also with the party or region it stands for (النائب عن
        الجبهة الشعبية); not an honorific with a name (السيدة رفه)."""
        words = description.split()
        if len(words) > 2 and normalize(words[0]) in REPRESENTATIVES and normalize(words[1]) == REPRESENTING:
            words = words[:1]
        if len(words) > 1 and normalize(words[0]) in CONSTRUCT_ROLE_NOUNS and words[1][:1] in QUOTE_MARKS:
            words = ["ال" + words[0]]  # ضيف "بوليتكا": the programme's guest, the one just quoted
        if len(words) > 2 or not all(is_definite(w) or normalize(w) in GENERIC_WORDS for w in words):
            return False
        head = next(iter(keyword_set(words[0])), "")
        return head in role_keys() or head in title_keys()

    def match_description(self, description: str, cue_at: int, gender: str = "") -> Known | None:
        """The known speaker (or titled person) that a description refers to: its head word
        is the head of the speaker's name or title (الوزير الروسي ~ وزير الخارجية الروسي،
        المرصد ~ المرصد السوري), or it shares a nationality adjective (الضيف العراقي ~ نائب
        رئيس الجمهورية العراقية). A speaker of the other gender is not a candidate
        (وذكرت الهيئة is not رئيس الهيئة). On a tie, the most recent speaker wins."""
        wanted = keyword_set(description) - GENERIC_WORDS
        if not wanted or any(normalize(w) in OTHER_WORDS for w in description.split()):
            return None
        head = next(iter(ordered_keywords(description)), "")
        role = head in role_keys()
        candidates = self.recent_speakers() + [self.entity_candidate(i) for i in self.titled_before(cue_at)]
        best, best_score = None, 0
        person_title = head in title_keys()
        for candidate in candidates:
            if gender and candidate.gender and candidate.gender != gender:
                continue
            if other_nationality(description, self.title_like(candidate)):
                continue  # الرئيس الروسي is not الرئيس الأمريكي جو بايدن
            if person_title and self.kind_of(candidate) == "organisation":
                continue  # رئيس قسم الهواتف في سامسونغ is a person, not سامسونغ
            words = candidate.words()
            names = [candidate.name, *candidate.titles, *candidate.aliases]
            heads = {next(iter(ordered_keywords(name)), "") for name in names}
            shared = wanted & words
            nisba = role and any(w.endswith("ي") and len(w) > 3 for w in shared - {head})
            headed = head in heads and len(shared) >= min(2, len(wanted))
            # المجلس alone is the council, not a person whose title names it (نائب رئيس مجلس العلماء)
            word_of_title = head in words and len(wanted) == 1 and not (
                head in INSTITUTION_NOUNS and self.is_person(candidate))
            if not (headed or nisba or word_of_title):
                continue
            score = len(shared)
            if score > best_score or (score == best_score and candidate.key in self.recent):
                best, best_score = candidate, score
        if best is not None and best.key not in self.known:
            self.known[best.key] = best
        return best

    def recent_speakers(self) -> list[Known]:
        """The speakers a description can point back to: the last MAX_CANDIDATES (an article
        has far fewer; a document of megabytes would otherwise make each match scan all)."""
        speakers = list(self.recent.values())
        return speakers[-MAX_CANDIDATES:]

    def titled_before(self, cue_at: int) -> list[int]:
        """Titled persons mentioned within REFERENCE_REACH characters before the cue."""
        first = bisect_left(self.titled_starts, cue_at - REFERENCE_REACH)
        last = bisect_left(self.titled_starts, cue_at)
        return list(dict.fromkeys(index for _, index in self.titled_mentions[first:last]))

    def entity_candidate(self, index: int) -> Known:
        key = f"entity:{index}"
        if key in self.known:
            return self.known[key]
        entity = self.doc.entities[index]
        return Known(key, strip_honorifics(entity.canonical), titles=list(self.titles.get(index, [])),
                     aliases=[m.name for m in entity.mentions])

    def learn(self, known: Known, subject: Subject, gender: str, number: str) -> None:
        long_description = len(subject.mention.split()) > MAX_APPOSITION_WORDS and known.key.startswith("entity:")
        if subject.mention and not long_description:  # not وزير الصناعة والتجارة ممثلي النقابات …
            known.aliases.append(subject.mention)
        if subject.title and subject.title not in known.titles:
            known.titles.append(subject.title)
        # The gender is the first cue's, or better the first that names the speaker (a
        # continuation's may have been guessed wrong).
        if gender and (not known.gender or (subject.mention and not known.gender_named)):
            # A verb before its subject is singular whatever the subject (عبر عدد من الأهالي،
            # قال الخبراء): only a person is surely singular.
            verb_first = bool(subject.mention) and not self.is_person(known) and not names_one(known.name)
            known.gender, known.number = gender, "" if verb_first else number
            known.gender_named = bool(subject.mention)

    def most_recent(self, gender: str, number: str) -> Known | None:
        """The latest speaker agreeing with the cue; failing that the latest one that is not
        a person of the other gender (institutions and sources take either: وذكرت الوزارة،
        وقال المصدر), and a plural cue (قالوا) never goes to a single person."""
        for known in reversed(self.recent.values()):
            if known.agrees(gender, number):
                return known
        if number == "p":
            return None
        return next((known for known in reversed(self.recent.values())
                     if not self.is_person(known) and not self.names_a_person(known.name)), None)

    def kind_of(self, known: Known) -> str:
        """person or organisation (a named entity), else described (a source the text
        describes: مصدر أمني، وزارة الداخلية، عدد من المحتجين)."""
        kind, _, index = known.key.partition(":")
        entity_type = self.doc.entities[int(index)].type if kind == "entity" else ""
        return {"PERS": "person", "ORG": "organisation", "LOC": "place"}.get(entity_type, "described")

    def is_person(self, known: Known) -> bool:
        """A named person, whose gender is fixed (the first cue it spoke with tells it)."""
        kind, _, index = known.key.partition(":")
        return kind == "entity" and self.doc.entities[int(index)].type == "PERS"


def same_one_after(description: str) -> str:
    """ذات المصدر، نفس الخبير → المصدر ذاته، الخبير نفسه: "the same …" written first, in the order
    in which a description points back to the one cited before."""
    words = description.split()
    if len(words) != 2 or normalize(words[0]) not in SAME_WORDS or not is_definite(words[1]):
        return description
    return f"{words[1]} {words[0]}{'ها' if words[1].endswith(('ة', 'ات')) else 'ه'}"


def points_back(description: str) -> bool:
    """ذات المصدر، نفس الخبير، المصدر ذاته، المصدر نفسه: "the same" source as cited before."""
    words = description.split()
    if same_one_after(description) != description:
        return True
    return len(words) == 2 and is_definite(words[0]) and normalize(words[1]) in SAME_AFTER_WORDS


def describes_a_speaker(description: str) -> bool:
    """Whether a description a headline's colon follows can be who spoke: it opens with a title,
    role, source or body noun (مسؤول أمريكي، وزير أمريكي، بلاغ مروري), not an event, a time or a
    place (تصفيات دورة قطر، خلال 2016، مهرجان كان), which no name was found in either."""
    words = description.split()
    head = bare_noun(normalize(words[0])) if words else ""
    noun = head[2:] if head.startswith("ال") else head
    return bool(head) and (is_title_word(words[0]) or noun in SPEAKING_NOUNS or is_body_noun(head)
                           or described_by_nisba(words) or names_someone(words))


def described_by_nisba(words: list[str]) -> bool:
    """قيادي نهضاوي، لاجئ سوري، ناشطة حقوقية، أطباء تونسيون: an indefinite noun and a nisba
    adjective, or a nisba noun itself, which say who someone is; not انقلاب سيارة عسكرية."""
    nisba = ("ي", "ية", "يون", "يين", "يات")
    first, second = words[0], words[1] if len(words) > 1 else ""
    return not is_definite(first) and (first.endswith(("ي", "يون")) or (
        bool(second) and not is_definite(second) and second.endswith(nisba)))


def names_someone(words: list[str]) -> bool:
    """عادل قرار : …: two or three words opening with a given name, a name the NER missed."""
    return 2 <= len(words) <= 3 and not is_function_word(words[0]) and not any(c.isdigit() for w in words for c in w) \
        and is_given_name(normalize(words[0]))  # not كان 2017


def names_one(description: str) -> bool:
    """A description headed by a singular role or source noun (المتحدث باسم الأكاديمية، مصدر
    أمني، الضيف): one person, whom a plural cue (وأوضحوا) cannot be."""
    words = description.split()
    head = normalize(words[0]) if words else ""
    head = head[2:] if head.startswith("ال") else head
    return head in ROLE_NOUNS or head in SINGLE_SOURCE_NOUNS


def described_subject(description: str) -> Subject:
    """A description as the subject, unless it is no name at all: a number alone (35%) or
    one function word (عند، كل)."""
    if not any(c.isalpha() for c in description) or (
            len(description.split()) == 1 and is_function_word(description)):
        return Subject(unnamed=True)
    return Subject(description=description, mention=description)


def without_object_called(subject: Subject) -> Subject:
    """ودعا الرئيس الشعب إلى …، ودعت وزارة الصحة المواطنين إلى …، ودعا زعير الاتحادات العربية
    إلى …: after a verb of calling on someone, the caller's noun phrase ends before whom it
    calls on; a name the NER missed is the caller alone."""
    words = subject.description.split()
    if subject.entity >= 0 or not words:
        return subject
    if normalize(words[0]) in ALL_WORDS:
        return Subject()  # ودعت كل القائمين على …: whom she called on; the subject is dropped
    head = normalize(words[0])
    common = is_definite(words[0]) or is_title_word(words[0]) or is_body_noun(bare_noun(head)) or \
        head in SOURCE_HEADS or head in QUANTIFIERS or head in SPEAKING_NOUNS
    if not common and len(words) >= 2 and is_definite(words[1]):
        return Subject(description=words[0], mention=words[0], title=subject.title)
    length = noun_phrase_length(words)
    if length >= len(words):
        return subject
    kept = " ".join(words[:length])
    return Subject(description=kept, mention=kept, title=subject.title)


def without_object_described(subject: Subject) -> Subject:
    """ووصف الوزير القرار بأنه …: the describer's noun phrase ends before what it describes;
    a phrase that cannot speak (ووصف القرار بأنه، وصف فيه تقرير الصحيفة بأنه) is only what is
    described, and the subject is dropped."""
    subject = without_object_called(subject)
    words = subject.description.split()
    if subject.entity >= 0 or not words or describes_a_speaker(subject.description) or normalize(words[0]) in QUANTIFIERS:
        return subject
    return Subject()


def nisbas(text: str) -> set[str]:
    """The nationality and other nisba adjectives of a title (الروسي، الأمريكية → روسي، امريكي)."""
    found = set()
    for word in text.split():
        norm = normalize(word)
        if is_adjective_word(norm) and norm not in NOT_NAME_WORDS:
            stem = norm[2:]
            found.add(stem[:-1] if stem.endswith("ه") else stem)
    return found


def other_nationality(description: str, names: list[str]) -> bool:
    """The description's nisba is none of the candidate's while the candidate has one of its
    own (الرئيس الروسي vs الرئيس الأمريكي جو بايدن)."""
    if not description.split() or not is_title_word(description.split()[0]):
        return False  # المالكي: a surname, which looks like a nisba
    wanted = nisbas(description)
    theirs = set().union(*(nisbas(n) for n in names)) if names else set()
    return bool(wanted) and bool(theirs) and not wanted & theirs


def noun_phrase_length(words: list[str]) -> int:
    """How many of the words one noun phrase takes: a head and its construct chain up to the
    first definite word (رئيس الاتحاد، وزارة الصحة، الرئيس), then adjectives (المصري، العام),
    words joined by وال (والتجارة) and complements in ل/ب with one definite word (لكرة القدم،
    للأمم المتحدة، باسم الحكومة). A definite noun after that, or one in بال, is another phrase:
    the verb's object (الرئيس الشعب، وزارة الصحة المواطنين، الوزير بالإنجازات)."""
    i = 0
    while i < len(words) and not is_definite(words[i]) and i < MAX_TITLE_WORDS:
        i += 1  # رئيس مجلس إدارة …: indefinite heads in construct
    i += 1  # the chain's definite word
    if i == 1 and len(words) > 1 and normalize(words[1]).startswith("لل"):
        return 1  # وتحدث الوزير للصحفيين: to whom (but الأمين العام للأمم المتحدة goes on)
    participle_head = normalize(words[i - 1]).startswith(("الم", "م")) if i <= len(words) else False
    while i < len(words):
        norm = normalize(words[i])
        if is_adjective_word(norm) or norm in NOT_NAME_WORDS or norm in TITLE_ADJECTIVES or norm.startswith("وال"):
            i += 1  # الوزير السابق، المدرب المساعد، الرئيس المدير العام
        elif norm[:1] in "بل" and len(norm) > 3 and (not norm.startswith("بال") or participle_head):
            # لكرة القدم، للأمم المتحدة، باسم وزارة الداخلية، المكلف بالإعلام بوزارة التربية
            # (not الوزير بالإنجازات: the verb's object)
            i += 1
            while i < len(words) and not is_definite(words[i]) and normalize(words[i])[:1] not in "بل":
                i += 1  # the complement's own construct chain
            if i < len(words) and is_definite(words[i]) and not normalize(words[i]).startswith(("بال", "لل")):
                i += 1
        else:
            break
    return min(i, len(words))


# Adjectives of a title that are no nisba: its holder's standing (الوزير السابق، المدرب
# المساعد، الوزير الأول), and المدير of الرئيس المدير العام, one Tunisian office.
TITLE_ADJECTIVES = frozenset(normalize(w) for w in (
    "السابق", "السابقة", "الأسبق", "الأسبقة", "الأول", "الأولى", "المساعد", "المساعدة", "الحالي",
    "الحالية", "الجديد", "الجديدة", "المؤقت", "المؤقتة", "المكلف", "المكلفة", "المستقيل", "المستقيلة",
    "المقال", "المقالة", "المنتهية", "الأعلى", "المدير",
))


def is_adjective_word(norm: str) -> bool:
    """المصري، الإسرائيلية، العسكريين: a definite nisba adjective (normalised); not الي (إلى)."""
    return len(norm) > 4 and norm.startswith("ال") and norm.endswith(("ي", "يه", "يين", "يون", "يان", "يتين"))


def speaker_record(known: Known, kind: str) -> Speaker:
    """A body or a place has no title: what reads as one before it (مكتب الأمم المتحدة، إقليم
    الشركة، القيادية بحزب آفاق تونس) is part of its name or a person of it."""
    quotes = sorted(known.quotes, key=lambda q: q.start)
    title = "" if kind in ("organisation", "place") else without_name(known.title(), known.name)
    return Speaker(known.name, title, unique(known.aliases), quotes, kind)


def without_name(title: str, name: str) -> str:
    """The title without the words of the name it ran into (رئيس الجمهورية الباجي, speaker
    الباجي قايد السبسي → رئيس الجمهورية): a title is title words, never the name."""
    name_words = [normalize(w) for w in name.split()]
    words = [w for w in title.split() if w.strip("،,")]
    for k in range(min(len(words), len(name_words) - 1), 0, -1):
        if [normalize(w.strip("،,")) for w in words[-k:]] == name_words[:k]:
            words = words[:-k]  # the title ran into the first words of the name
            break
    if words and all(normalize(w.strip("،,")) in name_words for w in words):
        return ""  # قائد of الباجي قائد السبسي: a word of the name, not a title
    while words and (normalize(words[-1].strip("،,")) in DANGLING_WORDS or is_cut_body(words[-1].strip("،,"))):
        words.pop()  # الأمين العام لـ، مدير … بوزارة: the outlet or body after it was cut off
    return without_unpaired_mark(" ".join(words).strip(" ،,"))


def is_cut_body(word: str) -> bool:
    """بوزارة، بمجلس، لصحيفة، ووزير at a title's end: a body or role noun with a preposition or
    conjunction written on it but without the name that completed it (or the outlet spoken
    to); بلدية, a noun on its own, stays."""
    norm = normalize(word)
    bare = bare_noun(norm)
    return bare != norm and not bare.startswith(normalize("ال")) and is_body_noun(bare)


def without_unpaired_mark(title: str) -> str:
    """القيادي في حزب "حراك تونس الإرادة: the closing mark was cut off with the name after it;
    the lone opening mark goes too (straight marks only: « » and “ ” come in pairs that say
    which is which, and a title is cut before an opening one)."""
    if title.count('"') % 2:
        at = title.rfind('"')
        title = (title[:at] + title[at + 1 :]).replace("  ", " ")
    return title.strip()


def cue_position(quote: Quote) -> int:
    return quote.cue_start if quote.cue_start >= 0 else quote.start


def entity_titles(doc: Document) -> dict[int, list[str]]:
    """Titles written next to a person's name anywhere in the article: before it
    (وزير الخارجية الروسي سيرغي لافروف) or in apposition after it (منصور، رئيس نادي الزمالك)."""
    titles: dict[int, list[str]] = {}
    for mention in doc.mentions:
        index = doc.token_index_at(mention.start)
        if mention.type != "PERS" or mention.entity < 0 or index < 0:
            continue
        for title in (title_before(doc, index), title_after(doc, mention)):
            if title and title not in titles.setdefault(mention.entity, []):
                titles[mention.entity].append(title)
    return titles


def title_before(doc: Document, index: int) -> str:
    kept: list[Token] = []
    start = max(0, index - MAX_TITLE_WORDS)
    for k in range(index - 1, start - 1, -1):
        word, norm = doc.tokens[k], doc.tokens[k].norm
        if not word.is_word or cue_form(word.text) is not None:
            break
        if norm in TITLE_BREAKS and not represents(doc.tokens[start:k], word):
            break
        if is_complementiser(word.text) or norm in CLAUSE_VERBS:
            break  # اكد الأمين العام أنه تم إعادة النائبة X: a clause, not a title
        if word.paragraph != doc.tokens[index].paragraph:
            break  # a title never runs across a line
        if reads_as_verb(doc, word):
            break  # … ترافق رئيس الحكومة، مسؤولة تدعى …: a verb ends the title read backwards
        mention = doc.mention_at(word.start)
        if mention is not None and mention.type in ("PERS", "LOC"):
            break
        kept.insert(0, word)
    kept = [w for w in kept if w.norm not in HONORIFICS]
    if kept and not (is_definite(kept[-1].text) or kept[-1].norm in APPOSITION_HEADS
                     or doc.mention_at(kept[-1].start) is not None):
        return ""  # … تجنب الشيخ أحمد الفهد: a verb before the name, not a title (مدرب فريق تشيلسي is)
    heads = [i for i, w in enumerate(kept) if w.norm in APPOSITION_HEADS]
    if not heads:
        return ""
    kept = kept[heads[0] :]
    return doc.text[kept[0].start : kept[-1].end]


def title_after(doc: Document, mention: Mention) -> str:
    first = doc.token_index_at_or_after(mention.end)
    following = doc.tokens[first : first + MAX_TITLE_WORDS + 1]
    if following and following[0].text in "،,":
        following = following[1:]
    elif object_follows_subject(doc, mention):
        return ""  # ووصف سيونغ زعيم كوريا الشمالية بأنه: whom he described, not his title
    if not following or following[0].norm not in APPOSITION_HEADS:
        return ""
    kept: list[Token] = []
    for word in following[:MAX_APPOSITION_WORDS]:
        norm = word.norm
        if not word.is_word or norm in SUBJECT_STOPS or norm in TITLE_STOPS or is_complementiser(word.text):
            break
        if cue_form(word.text) is not None or norm in CLAUSE_VERBS or norm in APPOSITION_CLAUSE_STARTS or (
                kept and reads_as_verb(doc, word)):
            break  # … رئيس الجمعية أعلن، مدرب الفريق ما ينتظر: the sentence goes on
        if kept and norm[:1] == "و" and not is_definite(word.text):
            break  # وتضم …: the sentence goes on
        if kept and ends_a_construct(doc, kept[-1], word):
            break  # أمير منطقة الرياض حفل التخريج: the verb's object after the title
        kept.append(word)
    return doc.text[kept[0].start : kept[-1].end] if kept else ""


def ends_a_construct(doc: Document, last: Token, word: Token) -> bool:
    """A bare indefinite noun after a definite one opens a new phrase: a title's construct
    chain (أمير منطقة الرياض) ends at its definite word. A word in ب or ل goes on with it
    (مدير الطوارئ بوزارة الصحة), as does a name (أمير منطقة مكة المكرمة)."""
    definite_before = is_definite(last.text) or doc.mention_at(last.start) is not None
    return definite_before and not is_definite(word.text) and word.norm[:1] not in "بلك" \
        and doc.mention_at(word.start) is None and not is_title_word(word.text)  # نائب رئيس الدولة رئيس مجلس الوزراء


def object_follows_subject(doc: Document, mention: Mention) -> bool:
    """A name right after a verb whose object follows its subject (وصف X Y بـ، طالب X Y بـ، دعا X Y
    إلى): the noun phrase after the name is that object."""
    index = doc.token_index_at(mention.start)
    cue = cue_form(doc.tokens[index - 1].text) if index > 0 else None
    return cue is not None and cue.lemma in OBJECT_AFTER_SUBJECT


def without_side_opener(words: list[Token]) -> list[Token]:
    """The words after من جهته، من جانبها، بدوره (for his part) at the start of a sentence:
    the verb comes next, then its subject."""
    start = 0
    if words and words[0].norm == normalize("و"):
        start = 1
    if len(words) > start + 1 and words[start].norm in FROM_WORDS and words[start + 1].norm in SIDE_WORDS:
        return words[start + 2 :]
    if len(words) > start and words[start].norm in IN_TURN_WORDS:
        return words[start + 1 :]
    return words


def side_gender(opener: str) -> str:
    """m, f or "" (plural, or unknown) of من جهته/جهتها، بدوره/بدورها."""
    if opener.endswith("ها"):
        return "f"
    return "m" if opener.endswith("ه") else ""


def state_name(description: str) -> str:
    """جمهورية مصر العربية قطع العلاقات → جمهورية مصر العربية: the state word, the country's
    name and the adjectives with the article after it."""
    words = description.split()
    kept = words[:2]
    for word in words[2:]:
        if not normalize(word).startswith(normalize("ال")):
            break
        kept.append(word)
    return " ".join(kept)


def definite_words(description: str) -> str:
    """A body's description up to its first word without the article or its relative clause:
    in نفت الإدارة العامة للتعليم بالمدينة المنورة دعاوى …, the body, not what it denied."""
    kept = []
    for word in description.split():
        if kept and (not is_definite(word) or normalize(word) in RELATIVE_PRONOUNS or normalize(word) in ISSUED_WORDS):
            break  # … التي، … الصادرة اليوم: a clause or when it came out, not its name
        kept.append(word)
    return " ".join(kept)


def agrees_with_relative(pronoun: str, cue) -> bool:
    """Whether a cue right after a relative pronoun can have the pronoun's antecedent as its
    subject: الهيئة التي قالت (she, the body) but not الهيئة التي قال (he, of the body)."""
    gender, number = RELATIVE_AGREEMENT.get(pronoun, ("", ""))
    if cue is None or not gender or not cue.gender:
        return True
    if pronoun == normalize("التي") and cue.gender == "f":
        return True
    return cue.gender == gender and cue.number in ("", number)


def issuer(words: list[Token]) -> list[Token]:
    """After صادر (issued) what follows عن: in بيان صادر اليوم السبت عن رئاسة الجمهورية the
    issuer is the presidency, not صادر."""
    if not words or words[0].norm not in ISSUED_WORDS:
        return words
    for i, word in enumerate(words[: MAX_LEADING_WORDS + 3]):
        if word.norm == REPRESENTING:
            return words[i + 1 :]
    return []


def names_its_receiver(words: list[Token]) -> bool:
    """بيان تلقت الجوهرة أف أم نسخة منه: after a noun of saying, a verb of receiving, whose
    subject received the statement (في بيان أصدرته الوزارة names who made it)."""
    first = next((w for w in words if w.is_word), None)
    return first is not None and first.norm in RECEIVING_VERBS


def relayed_source(words: list[Token]) -> list[Token]:
    """The words after عن in نقلت القناة عن الوكالة: the source the statement comes from."""
    index = next((i for i, w in enumerate(words) if w.norm == RELAY_SOURCE), -1)
    return words[index + 1 :] if index >= 0 else words


# ---- words ---------------------------------------------------------------------------
def split_title_name(description: str) -> tuple[str, str]:
    """(title, name) of a subject the NER did not tag: the name is the run of undefined,
    non-title words closing a phrase that opens with a title word
    (الامين العام لحلف الأطلسي ينس شتولتينبيرج → ينس شتولتينبيرج)."""
    words = description.replace("(", " ").replace(")", " ").split()
    if len(words) < 2 or not any(normalize(w) in APPOSITION_HEADS for w in words[:2]):
        return "", description
    name: list[str] = []
    for word in reversed(words):
        norm = normalize(word)
        if norm.startswith(("ال", "لل", "بال", "وال", "ل")) or norm in APPOSITION_HEADS or norm in HONORIFICS:
            break
        if norm in NOT_NAME_WORDS:
            return "", description
        name.insert(0, word)
    if not 1 <= len(name) <= MAX_NAME_WORDS or len(name) == len(words):
        return "", description
    before = words[len(words) - len(name) - 1]
    if all(w.endswith(("ي", "ية")) for w in name) and not is_definite(before):
        # وزير أمريكي، قائد ميداني عراقي: the title's adjectives (not سامي after مدير المستشفى الجهوي)
        return "", description
    title_words = [w for w in words[: len(words) - len(name)] if normalize(w) not in HONORIFICS]
    return " ".join(title_words), " ".join(name)


def titled_name(words: list[Token]) -> tuple[str, str]:
    """A name the NER missed, read after a title or honorific: the title word, its
    definite complements, then one to three undefined words
    (وزير الخارجية الجزائري رمطان لعمامرة، الأستاذ عابد شيخ) → (title, name)."""
    i = 1
    while i < len(words) and is_definite(words[i].text) and words[i].norm not in HONORIFICS:
        i += 1
    title_end = i
    while i < len(words) and words[i].norm in HONORIFICS:
        i += 1
    name: list[Token] = []
    for word in words[i : i + MAX_NAME_WORDS]:
        norm = word.norm
        if not word.is_word or is_definite(word.text) or norm in PREPOSITION_WORDS or cue_form(word.text):
            break
        if norm in APPOSITION_HEADS or norm in SUBJECT_STOPS or norm in TITLE_STOPS or norm in NOT_NAME_WORDS \
                or norm in DANGLING_WORDS:
            break  # الناطق باسم وزارة الداخلية: باسم goes on with the title, it opens no name
        if is_channel_word(norm) or bare_noun(norm) != norm:
            break  # قال الوزير لصحيفة …، الأمين العام لمجلس …: to whom or of what, not his name
        name.append(word)
    if len(name) < 2 and not (name and words[0].norm not in HONORIFICS and is_given_name(name[0].norm)):
        return "", ""  # وأبرزت النائبة تشبث المرأة …: one word after a title is a name only if a known one
    title = " ".join(w.text for w in words[:title_end] if w.norm not in HONORIFICS)
    return title, " ".join(w.text for w in name)


def is_given_name(norm: str) -> bool:
    from newsan.engines.embedded_ner import EmbeddedNer

    return norm in EmbeddedNer.given_names()


def accredited_to(words: list[Token], i: int) -> bool:
    """لدى after a title word belongs to the title (المستشار لدى رئيس الحكومة، سفير تونس لدى
    الأمم المتحدة), not to the occasion (قال لدى افتتاحه)."""
    return words[i].norm == ACCREDITED and any(is_title_word(w.text) for w in words[max(0, i - 2) : i])


def is_title_word(word: str) -> bool:
    norm = normalize(word)
    return norm in APPOSITION_HEADS or norm in SOURCE_HEADS or norm in HONORIFICS or (
        norm.startswith("ال") and norm[2:] in APPOSITION_HEADS)


def is_feminine_title(title: str) -> bool:
    """وزيرة الدفاع، النائبة: a title word in its feminine form (a title word once ة is off)."""
    first = normalize(title.split()[0]) if title.split() else ""
    return first.endswith("ه") and first[:-1] in APPOSITION_HEADS


def introduces_unnamed_source(description: str) -> bool:
    """An indefinite source noun (مصدر أمني، متحدث باسم الوزارة) brings in someone new,
    whom no earlier name or title can be; a definite one (المصدر ذاته) points back."""
    words = description.split()
    head = normalize(words[0])
    return (head in SOURCE_HEADS or head in QUANTIFIERS) and not any(is_definite(w) for w in words[:2])


def is_fragment(mention: Mention) -> bool:
    """A mention of two letters or fewer (دي of دي مورغن, سي of سي إن إن): a piece of a name
    the NER cut, never shown as a speaker."""
    return len(normalize(mention.name).strip("\"«»“”ـ.")) <= 2


def heads_a_complement(words: list[Token], i: int) -> bool:
    """العميد بكلية الآداب، المهندس بالمعهد الوطني للرصد الجوي: a rank or honorific that heads
    where the person works is their title's first word, not an honorific to leave out."""
    following = words[i + 1] if i + 1 < len(words) else None
    return following is not None and (following.norm.startswith(("ب", "لل")) or following.norm in ("في", "لدى"))


def represents(before: list[Token], word: Token) -> bool:
    """عن after نائب: a member of parliament for a party or a region (النائب عن حركة
    النهضة), part of the title, not where or about what it was said."""
    return word.norm == REPRESENTING and bool(before) and before[-1].norm in REPRESENTATIVES


def preposition_before(words: list[Token], i: int) -> bool:
    """رئيس قسم الهواتف في سامسونغ: a preposition right before the body in a title, so that
    the body belongs to the description of the (unnamed) person."""
    return i >= 2 and words[i - 1].norm in ("في", "ب", "لدى")


def titles_the_body(words: list[Token], i: int) -> bool:
    """A person's title word right before the body at index i, also joined by و to a
    description before it (… ومدير مركز X)."""
    if i < 1:
        return False
    word = words[i - 1].text
    return is_title_word(word) or (word.startswith("و") and is_title_word(word[1:]))


def person_title_opens(words: list[Token], i: int) -> bool:
    """A person's title (رئيس، مدير، وزير …, not a source noun) opens the words before index i."""
    return i >= 1 and is_title_word(words[0].text) and normalize(words[0].text) not in SOURCE_HEADS


def role_of_body(words: list[Token], i: int) -> bool:
    """مراسل "الجوهرة أف أم"، ضيف "بوليتيكا": a role noun right before the body, whose person
    (named after it or not) is the speaker."""
    return i == 1 and words[0].norm in CONSTRUCT_ROLE_NOUNS


def can_open_with_b(norm: str) -> bool:
    """Whether a subject can open with this word in ب (بعض المصادر، بلاغ الوزارة، باحثون): the
    ب of most such words right after a verb is a preposition (أقر بوجود، بمناسبة، بما قام به)."""
    return norm in B_SUBJECTS or norm.removeprefix("ال") in B_SUBJECTS or (
        not norm.startswith("بال") and (is_body_noun(norm) or is_title_word(norm)))


def addressed_title(word: Token) -> bool:
    """لوزير، للرئيس: a title with ل on it, before a name: to or of whom, not who."""
    norm = word.norm
    for prefix, restore in (("لل", "ال"), ("ل", "")):
        if norm.startswith(prefix) and restore + norm[len(prefix) :] in APPOSITION_HEADS:
            return True
    return False


def is_channel_word(norm: str) -> bool:
    """ل، لـ، لمراسل، لقناة …: the preposition of an addressee, or a channel noun after it."""
    return norm in ("ل", "لـ") or norm.startswith(CHANNEL_PREFIXES)


def bare_noun(norm: str) -> str:
    """A normalised body noun without the conjunction or preposition written on it (بوزارة →
    وزارة, للوزارة → الوزارة); other words as they are."""
    if is_body_noun(norm):
        return norm
    for prefix in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        rest = norm[len(prefix) :] if norm.startswith(prefix) else ""
        if prefix.endswith("ل") and rest.startswith("ل"):
            rest = "ا" + rest  # للوزارة → الوزارة
        if rest and is_body_noun(rest):
            return rest
    return norm


def bare_occasion(norm: str) -> str:
    """المؤتمر → مؤتمر, تصريحه → تصريح: an occasion noun without article or possessive."""
    norm = norm[2:] if norm.startswith("ال") else norm
    for suffix in ("ها", "ه", "هم"):
        if norm.endswith(suffix) and norm[: -len(suffix)] in OCCASION_NOUNS:
            return norm[: -len(suffix)]
    return norm


def is_naming_verb(norm: str) -> bool:
    """يدعى، ويدعى، المدعو: "is called", before the name it gives."""
    return norm in NAMING_VERBS or (norm[:1] in "وف" and norm[1:] in NAMING_VERBS)


def sets_off_with_dash(between: str) -> bool:
    """A dash after a space and against the next word opens an aside (مسؤول -فضل عدم ذكر
    اسمه-). Between letters it joins a compound; with spaces both sides it may go on with the
    name (مدير شركة إيلاف - فرع الرياض)."""
    return len(between) > 1 and between[-1] in "-–—" and between[-2].isspace()


def is_stop(token: Token) -> bool:
    """Where a subject or a body's name stops: time, place, channel (في، اليوم، عبر، بيان)."""
    return token.norm in SUBJECT_STOPS or token.norm in TITLE_STOPS


def is_body_noun(norm: str) -> bool:
    bare = norm[2:] if norm.startswith("ال") else norm
    # the dual too (الوزارتان، وزارتا الصحة والعدل): two bodies speaking as one
    dual = bare[:-3] + "ه" if bare.endswith(("تان", "تين")) else bare[:-2] + "ه" if bare.endswith("تا") else ""
    return norm in BODY_NOUNS or bare in BODY_NOUNS or (bool(dual) and dual in BODY_NOUNS)


def not_a_subject(word: Token) -> bool:
    """A speech cue (a participle: مؤكدا) cannot open a speaker's name."""
    return word.cue is not None


@lru_cache(maxsize=100_000)
def keyword_set(text: str) -> frozenset[str]:
    """Content words for matching descriptions: normalised, without article or proclitics,
    feminine adjectives folded (العراقية ~ العراقي)."""
    keys = set()
    for word in text.split():
        norm = normalize(word)
        for prefix in ("وال", "بال", "لل", "ال", "و"):
            if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
                norm = norm[len(prefix) :]
                break
        if norm.startswith("و") and len(norm) >= 4:
            norm = norm[1:]  # a و of the word itself goes as the conjunction does: الوزارة ~ وزارة X
        if norm.endswith("يه") and len(norm) > 4:
            norm = norm[:-1]
        if len(norm) >= 2 and norm not in GENERIC_WORDS:
            keys.add(norm)
    return frozenset(keys)


@lru_cache(maxsize=1)
def office_keys() -> frozenset[str]:
    return frozenset(key for noun in OFFICE_NOUNS for key in keyword_set("ال" + noun))


@lru_cache(maxsize=1)
def role_keys() -> frozenset[str]:
    """ROLE_NOUNS as keyword_set writes them, to compare with a description's head word."""
    return keyword_set(" ".join(ROLE_NOUNS))


@lru_cache(maxsize=1)
def person_role_keys() -> frozenset[str]:
    """PERSON_NOUNS (roles only a person can have: اللاعب، المدرب، الضيف) as keyword_set writes them."""
    return keyword_set(" ".join(PERSON_NOUNS))


@lru_cache(maxsize=1)
def title_keys() -> frozenset[str]:
    return keyword_set(" ".join(APPOSITION_HEADS))


@lru_cache(maxsize=100_000)
def ordered_keywords(text: str) -> tuple[str, ...]:
    keys = keyword_set(text)
    out: list[str] = []
    for word in text.split():
        for key in keyword_set(word):
            if key in keys and key not in out:
                out.append(key)
    return tuple(out)


@lru_cache(maxsize=100_000)
def surname_key(name: str) -> str:
    """The last word of a name, normalised, without article or proclitics."""
    words = name.split()
    return next(iter(keyword_set(words[-1])), "") if words else ""


def is_year(words: list[Token]) -> bool:
    """عام 2015، العام 2016: a year, when the statement was made."""
    return len(words) > 1 and words[0].norm in (normalize("عام"), normalize("العام")) and words[1].text.isdigit()


def strip_honorifics(name: str) -> str:
    words = [w for w in name.split() if w.strip("-–—")]  # وقالت السيدة – دانيا: the dash sets the name off
    while len(words) > 1 and normalize(words[0].rstrip(".")) in HONORIFICS:  # د. الغامدي
        words = words[1:]
    return " ".join(words)


def unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
