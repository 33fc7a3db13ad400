"""Quote stage: find what the article reports as said (see the quotes GUIDELINES).

Four shapes are found:
- direct: words in quotation marks after a speech cue (وقال الوزير: «…»);
- indirect: a cue, its subject, then أن/إن/بأن and the reported clause;
- mixed: an indirect clause holding quoted words, kept as one quote;
- headline: `SPEAKER: statement` (or `SPEAKER لـ OUTLET: statement`) on a title line.

Offsets are those of the quote content in doc.text: no quotation marks, no أن.
Speakers are left to the speaker stage; Quote.cue_start tells it where to look.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from newsan.document import Document, Quote, Token
from newsan.stages.speech import (
    BOUNDARY_ONLY,
    CALLING_VERBS,
    COLON_ONLY_CUES,
    CONJUNCTIONS_APART,
    CueForm,
    GOVERNED_PREPOSITIONS,
    NOT_REPORTING_BEFORE,
    OBJECT_SUFFIX_CUES,
    RELAY_SOURCE,
    RELAY_VERBS,
    TAIL_HEADS,
    TAIL_WORDS,
    cue_form,
    is_complementiser,
    is_definite,
    is_pure_saying,
    object_cue,
    reads_as_verb,
    relay_cue,
    written_with_conjunction,
)
from newsan.text.normalize import normalize

QUOTE_MARKS = "“”«»\"„‟″"
SENTENCE_END = ".!?؟"
CLAUSE_COMMAS = "،,؛;"
MAX_GAP = 30  # words between a cue and its أن or quotation mark (subject, time, place)
MAX_QUOTED_NAME_WORDS = 6  # longer quoted runs are statements, whatever follows them
MAX_NAME_WORDS = 3  # a quoted run this short inside a cue's subject is a name («الحدث»)
MIN_DIRECT_WORDS = 2
# Nouns before a quoted name: لبرنامج «…»، صحيفة «…», not speech.
NAME_NOUNS = frozenset(normalize(w) for w in (
    "برنامج", "قناة", "صحيفة", "جريدة", "مجلة", "موقع", "وكالة", "إذاعة", "اذاعة", "شبكة", "عملية",
    "كتاب", "فيلم", "مسلسل", "حملة", "مبادرة", "قانون", "حركة", "حزب", "جماعة", "تنظيم", "منظمة",
    "شركة", "نادي", "مشروع", "مؤتمر", "منتدى", "اسم", "بعنوان", "عنوان", "مسمى", "شعار", "وسم",
    "نوع", "ماركة", "تطبيق", "صفحة", "مجموعة", "مركز", "جمعية", "فرقة", "أغنية", "رواية", "مسرحية",
    "باسم",
))
MIN_UNMARKED_WORDS = 4
# A noun with ب written on it opens a verb's object (طالب بالتدخل، بإبداء); plain ب words
# are often other things (باسم، بعد، بين), so only ب before the article or a hamza; a ب
# written apart before quoted words is the describing بـ (وصف الوضع بـ "…").
OBJECT_WITH_BA = ("بال", "بإ", "بأ")
MIN_OBJECT_WORDING = 4  # quoted words straight after the subject, with no preposition first
MAX_OBJECT_HEAD_WORDS = 4
# Pledges (past and adverbial forms): reported only with quoted words in their object.
PLEDGE_FORMS = frozenset(normalize(w) for w in ("تعهد", "تعهدت", "تعهدوا", "تعهدا", "تعهدتا", "متعهدا", "متعهدة"))
# تعهد بـ these is "took charge of" a case, not a pledge (تعهدت الفرقة بالبحث في القضية).
TAKING_CHARGE = frozenset(normalize(w) for w in (
    "بالبحث", "بالتحقيق", "بالملف", "بالقضية", "بالنظر", "بالموضوع", "بالمتابعة", "بالأبحاث", "بالتحقيقات",
))
MAX_SUBJECT_BEFORE_WORDING = 3  # واكدت الوزارة "…"، وطالب رئيس الوزراء العراقي "…"  # words between the object's preposition and its quoted words (إلى وجود "…")
# Definite words that are time or clause words, not a subject (اليوم، التي، الذي).
NOT_SUBJECT_WORDS = frozenset(normalize(w) for w in (
    "اليوم", "الليلة", "الآن", "الان", "التي", "الذي", "الذين", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "المقبل", "القادم",
))
# Words of saying right after a participle (مضيفا بالقول، مضيفا القول، وختم قائلا): it reports.
SAYING_AFTER_PARTICIPLE = frozenset(normalize(w) for w in ("بالقول", "القول", "قائلا", "قائلة"))
# Words that mark the next word as a finite verb starting a clause of its own: a conjunction
# written apart (و قال), the particle قد (فقد أشار، وقد أكد) or a relative pronoun (الذي أوضح).
# The preposition that opens the object of a verb that states through it (دعا إلى "…"،
# أعرب عن "…"): only quoted words after it are the speaker's; other verbs take any.
OBJECT_PREPOSITIONS_OF = {
    "دعا": frozenset(normalize(w) for w in ("إلى", "الى")),
    "أعرب": frozenset(normalize(w) for w in ("عن",)),
    "عبّر": frozenset(normalize(w) for w in ("عن",)),
}
NOT_POSTPOSED = frozenset({"بين", "طالب", "وصف"})  # after a quote: "between", "student", وصف الحالة
THUS_WORDS = frozenset(normalize(w) for w in ("هكذا", "وهكذا"))  # «…»، هكذا علق الوزير
VERB_MARKERS = frozenset(normalize(w) for w in (
    "و", "ف", "ثم", "قد", "وقد", "فقد", "لقد", "الذي", "التي", "الذين",
    "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم",  # …، لكنه قال إن: a clause of its own
))
TAIL_LIMIT, ON = normalize("حد"), normalize("على")  # على حد قوله: the tail opens with على
MAX_RELAY_WORDS = 16  # وفق ما أفاد به + a source's title and name, before the sentence ends
MAX_NAME_AFTER_COMMA = 5  # …، وجدي صالح ل"الجوهرة أف أم".
BUT_RATHER = normalize("بل")  # … واعتبرت تصريحاتها شعبوية بل وصفتها بأنها: a verb of its own
# Conjunctions that open a clause of its own (وفق قوله، في حين ذكرت الصحيفة أن): a cue after
# them is a new verb, not part of the clause sought for the cue before.
CLAUSE_CONJUNCTIONS = frozenset(normalize(w) for w in ("حين", "بينما", "فيما", "وبينما", "وفيما"))
# Words that can open a statement but not a subject: after قال with no أن, they show that
# what follows is the statement itself (قال للأسف …، وأضاف في حال …).
STATEMENT_OPENERS = frozenset(normalize(w) for w in (
    "في", "من", "على", "عن", "مع", "إذا", "اذا", "إن", "لا", "لم", "لن", "لقد", "قد", "نحن", "أنا",
    "هناك", "هنا", "هذا", "هذه", "ما", "كل", "ليس", "لسنا", "لست", "إننا", "اننا", "إنني", "انني",
    "سوف", "يجب", "للأسف", "بالتأكيد", "طبعا", "أعتقد", "نعتقد", "أرى", "نرى", "لكن", "ولكن",
))
FIRST_PERSON = frozenset(normalize(w) for w in ("نحن", "أنا", "إننا", "اننا", "إنني", "انني"))
MAX_SUBJECT_WORDS = 8  # words a saying verb's subject may take before the statement it opens
# Words before بـ «…» that name rather than describe: المعروف بـ "…"، الملقب بـ "…".
NAMING_WORDS = frozenset(normalize(w) for w in (
    "المعروف", "المعروفة", "الملقب", "الملقبة", "المكنى", "المسمى", "المسماة", "يسمى", "تسمى", "يعرف", "تعرف",
))
DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك"))
RELATIVE_MA = normalize("ما")
MAX_HEADLINE_TITLE_WORDS = 3
OBJECT_PREPOSITIONS = frozenset(normalize(w) for w in ("على", "في", "من", "عن", "إلى", "الى", "مع", "ضد"))
# What a verb of expressing or calling takes before its object: أعرب عن أمله، دعا إلى.
OBJECT_MARKERS = frozenset(normalize(w) for w in ("عن", "إلى", "الى", "على"))
HEADLINE_LINES = 3  # non-empty lines at the top that may be titles
# Words that open Maghrebi place names (سيدي بوزيد، بني خلاد، منزل بورقيبة، حمام الأنف): before a
# headline's colon they make it a dateline.
PLACE_WORDS = frozenset(normalize(w) for w in (
    "سيدي", "بني", "منزل", "حمام", "عين", "بئر", "برج", "رأس", "قصر", "دوار", "ولاية", "معتمدية", "مدينة",
))
# Words that open a topic label before a headline's colon (ملف راديو "كلمة": …، فيديو: …،
# عاجل: …): what the story is about or what it is, never who spoke.
TOPIC_WORDS = frozenset(normalize(w) for w in (
    "ملف", "قضية", "فيديو", "بالفيديو", "صور", "بالصور", "عاجل", "خاص", "حصري", "تقرير", "متابعة",
))
MAX_HEADLINE_SPEAKER_WORDS = 6
MAX_HEADLINE_WORDS = 25


@dataclass
class Marked:
    """A quotation-marked run: content [start, end); open and close are the offsets
    of its marks, -1 where there is none."""

    open: int
    close: int
    start: int
    end: int


def add_quotes(doc: Document) -> None:
    """Needs the tokens' cue forms (speech.add_cues) and the named-entity mentions."""
    finder = QuoteFinder(doc, [(m.start, m.end, m.type) for m in doc.mentions])
    doc.quotes = sorted(finder.headlines() + finder.reported(), key=lambda q: q.start)


class QuoteFinder:
    def __init__(self, doc: Document, mentions: list[tuple[int, int, str]] = ()):
        self.text = doc.text
        self.mentions = list(mentions)  # (start, end, type) of named-entity mentions
        self.paragraphs = doc.paragraphs
        self.doc = doc
        self.tokens = doc.tokens
        self.marked = [run for start, end in self.paragraphs for run in self.marked_runs_in(start, end)]
        self.marked_starts = [m.start for m in self.marked]  # runs are in text order and never overlap
        self.marked_by_open = {m.open: m for m in self.marked if m.open >= 0}
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.mention_starts = [start for start, _, _ in self.mentions]
        self.claimed = SpanSet()  # spans already used by a quote or a cue's subject
        # A cue's quote depends only on the text after it, and a clause ends at the next cue
        # that has a quote of its own: each answer is kept, and found from the last cue back
        # (warm_cue_cache), so repeated cues cost linear time and no deep recursion.
        self.quote_cache: dict[int, Quote | None] = {}
        self.clause_end_cache: dict[int, int] = {}

    # ---- reported speech after a cue -------------------------------------------------
    def reported(self) -> list[Quote]:
        self.warm_cue_cache()
        quotes = []
        for index, word in enumerate(self.tokens):
            if word.cue is None or not (word.cue.reports or self.states_before_object(index)):
                continue
            if self.in_marked(word.start) or self.is_claimed(word.start):
                continue
            quote = self.quote_after_cue(index)
            if quote is not None:
                quotes.append(quote)
                self.claimed.add(word.start, quote.end)
        quotes += self.pledges()
        quotes += self.postposed_direct()
        quotes += self.relayed_after()
        return quotes

    def pledges(self) -> list[Quote]:
        """تعهدت الوزيرة بإبداء "…": a pledge whose object holds quoted words is a mixed quote.
        تعهد is no cue: in Tunisian news it is as often "take charge of" (تعهدت الفرقة
        بالبحث في القضية), and as a cue it would end other quotes that report a pledge."""
        quotes = []
        for index, word in enumerate(self.tokens):
            object_verb = word.cue is not None and word.cue.lemma in BOUNDARY_ONLY and not word.cue.noun
            if not (object_verb or bare_verb(word.norm) in PLEDGE_FORMS):
                continue
            if self.in_marked(word.start) or self.is_claimed(word.start):
                continue
            quote = self.pledge_quote(index)
            if quote is not None:
                quotes.append(quote)
                self.claimed.add(word.start, quote.end)
        return quotes

    def pledge_quote(self, index: int) -> Quote | None:
        """The mixed quote over a pledge's object: a noun with ب (بإبداء) and, within a few
        words, quoted words of the speaker's own, in the same sentence."""
        marker = -1
        j = index + 1
        while j < len(self.tokens) and j - index <= MAX_GAP:
            word = self.tokens[j]
            if word.paragraph != self.tokens[index].paragraph or self.is_sentence_end(j) or word.cue is not None:
                return None
            run = self.marked_opening_at(word.start)
            if run is not None:
                if marker >= 0 and self.is_object_wording(run, j, index, marker):
                    return self.object_phrase(run, marker, self.tokens[index])
                j = self.word_after(run)
                continue
            if marker < 0 and word.is_word and self.opens_verb_object(index, j):
                if word.norm in TAKING_CHARGE:
                    return None
                marker = j
            if marker >= 0 and word.text in CLAUSE_COMMAS:
                return None  # عبروا عن غضبهم، ورددوا شعارات "…": the object ended at the comma
            j += 1
        return None

    def opens_verb_object(self, index: int, j: int) -> bool:
        """The word that opens the object of the verb at index: إلى after دعا, عن after أعرب
        and عبّر; after a pledge any word in ب, else a governed preposition or a noun in بال."""
        cue = self.tokens[index].cue
        prepositions = OBJECT_PREPOSITIONS_OF.get(cue.lemma) if cue is not None else None
        if prepositions is not None:
            return self.tokens[j].norm in prepositions
        return self.opens_object(j) or (cue is None and self.pledged_in_b(j))

    def pledged_in_b(self, j: int) -> bool:
        """After a pledge any word in ب opens its object (تعهد بمواصلة "…"، تعهد بـ"رد حازم"),
        not only a definite or hamza-initial one; a name in ب stays the subject (تعهد بوتين),
        as does one the NER missed before the object (تعهد بلينكن بتقديم "…")."""
        word = self.tokens[j]
        following = next((w for w in self.tokens[j + 1 : j + 3] if w.is_word), None)
        object_next = following is not None and following.norm.startswith("ب") and len(word.norm) > 1
        return word.norm.startswith("ب") and word.cue is None and self.doc.mention_at(word.start) is None \
            and not object_next

    def warm_cue_cache(self) -> None:
        """Answer quote_after_cue for every cue that can end another's clause (a plain verb),
        last first, so that each answer only reads answers already kept."""
        for index in range(len(self.tokens) - 1, -1, -1):
            cue = self.tokens[index].cue
            if cue is not None and not cue.noun and self.is_own_verb(index):
                self.quote_after_cue(index)

    def quote_after_cue(self, cue_index: int) -> Quote | None:
        if cue_index not in self.quote_cache:
            self.quote_cache[cue_index] = self.find_quote_after_cue(cue_index)
        return self.quote_cache[cue_index]

    def find_quote_after_cue(self, cue_index: int) -> Quote | None:
        cue_word = self.tokens[cue_index]
        cue = cue_word.cue
        gap = 0
        j = cue_index + 1
        phrase_start = cue_word.end  # where the cue's object begins: after its subject's last name
        wording = None  # the first quoted run of the speaker's own words in that object
        marker = -1  # the word that opens the cue's object past its subject (بإبداء، إلى، بالتدخل)
        object_wording = None  # (the first quoted run inside that object, the marker before it)
        while j < len(self.tokens) and gap <= MAX_GAP:
            word = self.tokens[j]
            if word.paragraph != cue_word.paragraph or self.is_sentence_end(j):
                break
            run = self.marked_opening_at(word.start)
            if run is not None and cue.lemma in COLON_ONLY_CUES:
                return None
            if run is not None:
                statement = not (self.is_quoted_name(run, j, cue) or self.is_too_short(run)
                                 or not self.closes_statement(run))
                if statement and not cue.weak:
                    return self.direct(run, cue_word)
                if wording is None and self.is_wording(run, j, gap, cue_index):
                    wording = run
                elif object_wording is None and self.is_object_wording(run, j, cue_index, marker):
                    object_wording = run, marker
                elif statement:
                    return None  # a weak cue (بين، طالب) does not take a quoted statement
                elif wording is None:
                    phrase_start = run.close + 1 if run.close >= 0 else run.end  # a quoted name
                j = self.word_after(run)  # «الحدث»، أعلن «المرصد السوري» أن …
                gap += 1
                continue
            if marker < 0 and word.is_word and self.opens_object(j):
                marker = j
            if word.text == ":":
                if cue.lemma in COLON_ONLY_CUES and not self.only_a_name_between(cue_index, j):
                    return None  # وما زاد الأمر سوءا: …، وزاد عدد الوفيات: …: "made worse", "rose"
                return None if cue.weak else self.after_colon(j, cue_word)
            if cue.lemma in COLON_ONLY_CUES and is_complementiser(word.text):
                return None
            if word.is_word and self.interrupts(j, gap):
                break  # another cue: this one had no clause of its own
            if cue.noun and word.cue is not None and not (word.cue.noun or word.cue.participle or word.cue.weak):
                break  # وفي بيان صدر يوم السبت قال الأسطول إن: the verb reports, the noun sets the scene
            if word.is_word and is_complementiser(word.text) and cue.lemma in OBJECT_SUFFIX_CUES \
                    and not word.norm.startswith("ب"):
                return None  # وصفتهم بالإرهابيين، …، أكدت منظمة أن: وصف states only بأن
            if word.is_word and is_complementiser(word.text) and self.reports_here(j, cue_index):
                if gap == 0 and cue.imperfect and cue.gender == "m":
                    return None  # يذكر أن، يتوقع أن: impersonal "it is said that"
                if cue.lemma in RELAY_VERBS and not self.names_relayed_source(cue_index, j):
                    return None  # نقل المصابين …: carrying, not relaying
                return self.after_complementiser(j, cue_word)
            if gap == 0 and word.norm in GOVERNED_PREPOSITIONS and not self.complementiser_next(j):
                phrase = self.quoted_noun_phrase(j, cue_word)  # أشار إلى وجود «…»
                if phrase is not None or cue.weak:
                    return phrase  # a verb's place or channel (أكد على مدونته أن …): go on to أن
            gap += word.is_word
            j += 1
        if cue.lemma in COLON_ONLY_CUES:
            return None
        verb = not cue.weak or self.is_own_verb(cue_index) or self.starts_sentence(cue_index)
        if wording is not None and verb:  # وصف الرئيس …، not في وصف …
            return self.worded_phrase(phrase_start, wording, cue_word)
        if cue_word.cue is not None and is_pure_saying(cue_word.cue):
            quote = self.unmarked_statement(cue_index)
            if quote is not None:
                return quote
        if object_wording is not None and verb:
            return self.object_phrase(*object_wording, cue_word)
        return None

    def only_a_name_between(self, cue_index: int, j: int) -> bool:
        """Nothing, or one tagged person, between the cue and word j (وزاد: …، وزاد الدوسري: …)."""
        between = [w for w in self.tokens[cue_index + 1 : j] if w.is_word]
        if not between:
            return self.tokens[cue_index - 1].norm != RELATIVE_MA if cue_index else True
        mention = self.doc.mention_at(between[0].start)
        if mention is not None and mention.type == "PERS" and mention.end >= between[-1].end:
            return True
        # وزاد المدرب: …، وزاد الوزير في تصريحه: …: a title, and where it was said
        said_in = next((k for k, w in enumerate(between) if w.norm == normalize("في")), len(between))
        return opens_with_title(between) and said_in <= MAX_NAME_WORDS and len(between) - said_in <= 2

    def opens_object(self, j: int) -> bool:
        """A word that opens a cue's object rather than its subject: a preposition the verb
        governs (أشار إلى، شدد على) or a noun with ب written on it (تعهدت بإبداء، طالب …
        بالتدخل); not a cue, a name or أن."""
        word = self.tokens[j]
        if word.cue is not None or is_complementiser(word.text) or self.doc.mention_at(word.start) is not None:
            return False
        return word.norm in GOVERNED_PREPOSITIONS or word.text.startswith(OBJECT_WITH_BA)

    def is_object_wording(self, run: Marked, j: int, cue_index: int, marker: int) -> bool:
        """Quoted words of the speaker's own inside the cue's object: a few words after the word
        that opens the object (تعهدت بإبداء "…"، أشار إلى وجود "…"), or several words right
        after the subject (واكدت الوزارة "تواصل الحملات الرقابية في هذا المجال" في نفس الوقت).
        Only a subject (names, definite words) and no other cue may stand between the cue and
        the object. Not after a noun of saying, a relay (نقلت الشبكة عن المسؤول قوله "…") or a
        present-tense cue, whose subject comes before it (واشنطن تحذر الكويت من …)."""
        cue = self.tokens[cue_index].cue  # None for a pledge
        if cue is not None and (cue.noun or cue.imperfect or cue.lemma in RELAY_VERBS):
            return False
        if not self.quotes_wording(run, j):
            return False
        opening = marker if marker >= 0 else j
        if any(w.cue is not None for w in self.tokens[cue_index + 1 : j]) or not self.only_subject_between(
                cue_index, opening):
            return False
        if marker >= 0:
            return len(self.words_between(self.tokens[marker].end, run.open)) <= MAX_OBJECT_HEAD_WORDS
        subject = self.words_between(self.tokens[cue_index].end, run.open)
        content = self.text[run.start : run.end]
        return (1 <= len(subject) <= MAX_SUBJECT_BEFORE_WORDING and not any(c in SENTENCE_END for c in content)
                and len(self.words_between(run.start, run.end)) >= MIN_OBJECT_WORDING)

    def quotes_wording(self, run: Marked, j: int) -> bool:
        """Not a name: not after a noun it names (حملة "…"، باسم "…"، المعروف بـ "…"), not an
        outlet (لـ"الجوهرة"، لمراسل "وات"); a short run only where it ends the sentence
        (ينهي "معاناتهم".), since short quoted runs inside a sentence are mostly names."""
        previous = self.tokens[j - 1] if j else None
        before = self.tokens[j - 2] if j > 1 else None
        if previous is None or previous.norm in NAME_NOUNS or previous.norm in NAMING_WORDS:
            return False
        if before is not None and previous.norm in ("ب", "بـ") and before.norm in NAMING_WORDS:
            return False
        if is_outlet_prefix(self.text, run.open) or (previous.is_word and previous.norm.startswith("ل")):
            return False
        return not self.is_name_run(run, j) or self.ends_sentence(run)

    def only_subject_between(self, cue_index: int, k: int) -> bool:
        """The words between the cue and word k can be its subject: names, definite words, a
        noun in construct before one (مدير المدرسة), commas; nothing for a present-tense cue."""
        between = self.tokens[cue_index + 1 : k]
        cue = self.tokens[cue_index].cue
        if cue is not None and cue.imperfect:
            return not any(w.is_word for w in between)
        for index, word in enumerate(between):
            if not word.is_word:
                if word.text not in CLAUSE_COMMAS:
                    return False
                continue
            following = between[index + 1] if index + 1 < len(between) else None
            in_construct = following is not None and following.is_word and is_definite(following.text)
            if not (self.doc.mention_at(word.start) is not None or is_definite(word.text) or in_construct):
                return False
            if word.norm in NOT_SUBJECT_WORDS:
                return False
        return True

    def object_phrase(self, run: Marked, marker: int, cue_word: Token) -> Quote | None:
        """A mixed quote over the cue's object that holds quoted words: from the word after a
        governed preposition (أشار إلى [وجود "…"]) or from a noun with ب (تعهدت [بإبداء "…"]),
        else from the quoted words, to the end of the clause."""
        if marker < 0:
            start = run.start
        elif self.tokens[marker].norm in GOVERNED_PREPOSITIONS:
            start = self.skip_spaces_and_commas(self.tokens[marker].end)
        else:
            start = self.tokens[marker].start
        end = self.clause_end(start)
        return self.quote(start, end, "mixed", cue_word) if end > start else None

    def is_wording(self, run: Marked, j: int, gap: int, cue_index: int) -> bool:
        """Quoted words of the speaker's own in the cue's object: the term a describing بـ
        takes (وصف الوضع بـ "الكارثي"، واصفا ما حصل بـ"الهولوكست"); not a name (المعروف بـ
        "…"), not the subject straight after a verb, and not words that another cue on the
        way introduces (نقلت عنه قوله "…")."""
        if gap < 2 and not self.tokens[cue_index].cue.participle:
            return False  # a verb's subject comes before its object: وصف X بـ "…"
        if any(w.cue is not None for w in self.tokens[cue_index + 1 : j]):
            return False
        return self.tokens[j - 1].norm == "ب" and self.tokens[j - 2].norm not in NAMING_WORDS

    def worded_phrase(self, start: int, wording: Marked, cue_word: Token) -> Quote | None:
        """A cue whose object carries the speaker's quoted words is a mixed quote over that
        object: from after the subject's last name to the end of the clause."""
        start = self.skip_spaces_and_commas(start)
        first, last = bisect_right(self.mention_starts, start - 1), bisect_right(self.mention_starts, wording.open)
        names = [e for s, e, t in self.mentions[first:last] if t in ("PERS", "ORG") and e <= wording.open]
        start = self.skip_spaces_and_commas(max([start, *names]))
        end = self.clause_end(start)
        return self.quote(start, end, "mixed", cue_word) if end > start else None

    def unmarked_statement(self, cue_index: int) -> Quote | None:
        """قال للأسف الوضع سيئ …: a saying verb with no أن and no marks, whose next word
        can only open a statement (a particle, preposition or pronoun), never a subject."""
        cue_word = self.tokens[cue_index]
        j = cue_index + 1
        run = self.marked_opening_at(self.tokens[j].start) if j < len(self.tokens) else None
        quoted_subject = run is not None and run.close >= 0 and self.is_too_short(run)
        if quoted_subject:
            j = self.word_after(run)  # وأضاف «شيخ» …: the subject in marks, the statement next
        if j >= len(self.tokens) or self.tokens[j].paragraph != cue_word.paragraph or not self.tokens[j].is_word:
            return None
        if not quoted_subject and not opens_statement(self.tokens[j].text):
            j = self.first_person_after_subject(j)
            if j < 0:
                return None
        start = self.tokens[j].start
        end = self.clause_end(start)
        if len(self.words_between(start, end)) < MIN_UNMARKED_WORDS:
            return None
        return self.quote(start, end, "mixed" if self.marked_within(start, end) else "indirect", cue_word)

    def first_person_after_subject(self, j: int) -> int:
        """قال مقدم البرامج "يان برتاس" نحن …: a first-person pronoun after the subject
        opens the statement; the index of that pronoun, or -1."""
        words = 0
        while j < len(self.tokens) and words <= MAX_SUBJECT_WORDS:
            word = self.tokens[j]
            run = self.marked_opening_at(word.start)
            if run is not None:
                j, words = self.word_after(run), words + 1  # a quoted name in the subject
                continue
            if self.is_sentence_end(j) or word.text in ":" + CLAUSE_COMMAS or word.cue is not None:
                return -1
            if word.norm in FIRST_PERSON:
                return j
            words += word.is_word
            j += 1
        return -1

    def interrupts(self, j: int, gap: int) -> bool:
        """A second cue ends the search for the first one's clause when it is plainly a verb
        of its own or an adverbial participle (… وقال، … فقد أشار، … مؤكدا), a verb after a
        comma (وفور إعلانها بالخبر، قالت X إنها: the clause is the verb's), or one after an
        أنه that did not open the first cue's clause (إلا أنه شدد)."""
        cue = self.tokens[j].cue
        if cue is None or cue.noun or gap == 0:
            return False
        if cue.weak:  # …، فيما بيّن المدير أن، … بل وصفتها بأنها: a report of its own
            return self.after_clause_conjunction(j) or self.tokens[j - 1].norm == BUT_RATHER
        if cue.lemma in COLON_ONLY_CUES:
            return self.quote_after_cue(j) is not None
        return (cue.participle or self.is_own_verb(j) or self.tokens[j - 1].text in "،,"
                or self.tokens[j - 1].norm in CLAUSE_CONJUNCTIONS
                or is_complementiser(self.tokens[j - 1].text))  # …، إلا أنه شدد على أن: his own clause


    def is_own_verb(self, j: int) -> bool:
        """A cue that is plainly a finite verb opening a clause: written with و/ف (وقال), or
        after a conjunction written apart or the particle قد (و قال، فقد أشار)."""
        return written_with_conjunction(self.tokens[j]) or (j > 0 and self.tokens[j - 1].norm in VERB_MARKERS)

    def after_clause_conjunction(self, j: int) -> bool:
        """A past verb of saying after فيما/بينما (…، فيما أكد مسؤول أن); a present one may be
        the speaker's own (إن المعارضة تتحدث عن أزمة بينما تؤكد الأرقام أن …)."""
        cue = self.tokens[j].cue
        written_as_verb = cue is not None and "\u0651" in self.tokens[j].text  # بيّن with its shadda
        return j > 0 and cue is not None and (not cue.weak or written_as_verb) and not cue.imperfect \
            and not cue.participle and self.tokens[j - 1].norm in CLAUSE_CONJUNCTIONS

    def starts_sentence(self, j: int) -> bool:
        return j == 0 or self.tokens[j - 1].paragraph != self.tokens[j].paragraph or self.is_sentence_end(j - 1)

    def names_relayed_source(self, cue_index: int, j: int) -> bool:
        """نقلت الوكالة عن الوزير أن …: a relay verb reports when عن names the source."""
        return any(w.norm == RELAY_SOURCE for w in self.tokens[cue_index + 1 : j])

    def complementiser_follows(self, j: int) -> bool:
        """أن right after word j, or after a governed preposition (مشيرا إلى أن)."""
        following = [w for w in self.tokens[j + 1 : j + 3] if w.is_word]
        if following and following[0].norm in GOVERNED_PREPOSITIONS:
            following = following[1:]
        return bool(following) and is_complementiser(following[0].text)

    def statement_mark_follows(self, j: int) -> bool:
        """A quoted statement right after word j (… سيطرته مضيفا "حتى اليوم تم …"); not after
        قائلا, which takes the voice of the verb before it (… وهو يصرخ قائلا "…": the child's)."""
        if self.tokens[j].cue.lemma == "قال":
            return False
        following = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        run = self.marked_opening_at(following.start) if following is not None else None
        return run is not None and not self.is_too_short(run) and self.closes_statement(run)

    def saying_noun_follows(self, j: int) -> bool:
        """بالقول or قائلا right after word j (مضيفا بالقول "…")."""
        following = next((w for w in self.tokens[j + 1 : j + 2] if w.is_word), None)
        return following is not None and following.norm in SAYING_AFTER_PARTICIPLE

    def states_before_object(self, j: int) -> bool:
        """A verb that takes an object (أعرب عن، دعا إلى) states a clause when its أن comes
        first: straight after it (معربا أن) or after its subject (وأعرب – عوض حسين القادم
        من جدة أن), before the clause or sentence ends. After دعا's object, أن is a call
        (دعا التونسيين أن يعودوا), not a statement."""
        if self.tokens[j].cue.lemma in CALLING_VERBS:
            return self.complementiser_next(j)
        for k in range(j + 1, min(len(self.tokens), j + 2 + MAX_GAP)):
            word = self.tokens[k]
            if word.paragraph != self.tokens[j].paragraph or self.is_sentence_end(k):
                return False
            if word.is_word and is_complementiser(word.text):
                return self.reports_here(k, j)  # not من شأنه أن
            if word.norm in OBJECT_MARKERS or word.cue is not None or word.text in ":" + QUOTE_MARKS + CLAUSE_COMMAS:
                return False
        return False

    def complementiser_next(self, j: int) -> bool:
        following = next((w for w in self.tokens[j + 1 : j + 2] if w.is_word), None)
        return following is not None and is_complementiser(following.text)

    def closes_statement(self, run: Marked) -> bool:
        """A quoted statement ends where its sentence or clause does («…».، «…»، مضيفا …);
        a quoted run followed by more of the sentence is a name (أكد «المرصد السوري» أن …)."""
        if run.close < 0 or len(self.words_between(run.start, run.end)) > MAX_QUOTED_NAME_WORDS:
            return True
        rest, para_end = self.after_close(run)
        word = next(iter(self.words_between(rest, min(para_end, rest + 60))), None)
        if word is not None and is_complementiser(word.text) and self.text[rest] not in SENTENCE_END:
            return False  # أعلن «اتحاد تنسيقيات الثورة»، أن …: the quoted words were the subject
        if rest == para_end or self.text[rest] in SENTENCE_END + CLAUSE_COMMAS + QUOTE_MARKS + ")(":
            return True
        return self.cue_starts_at(rest, para_end) or (word is not None and word.norm in TAIL_HEADS)

    def reports_here(self, j: int, cue_index: int) -> bool:
        before = self.tokens[j - 1]
        if j - 1 == cue_index or not before.is_word:
            return True
        norm = before.norm
        bare = norm[1:] if norm[:1] in "وف" else norm  # ولو أن، وبعد أن
        return norm not in NOT_REPORTING_BEFORE and bare not in NOT_REPORTING_BEFORE

    def after_complementiser(self, j: int, cue_word: Token) -> Quote | None:
        start = self.skip_spaces_and_commas(self.tokens[j].end)
        run = self.marked_opening_at(start)
        if run is not None and self.run_closes_clause(run):
            return self.direct(run, cue_word)
        end = self.clause_end(start)
        if end <= start:
            return None
        return self.quote(start, end, "mixed" if self.marked_within(start, end) else "indirect", cue_word)

    def quoted_noun_phrase(self, j: int, cue_word: Token) -> Quote | None:
        """A cue with a noun phrase (أشار إلى وجود …) is a quote only when the phrase
        carries quoted wording: then it is a mixed quote."""
        start = self.skip_spaces_and_commas(self.tokens[j].end)
        run = self.marked_opening_at(start)
        if run is not None and self.run_closes_clause(run) and self.opens_with_complementiser(run):
            return self.direct(run, cue_word)  # أشارت إلى "أننا بحاجة …": the statement itself, quoted
        end = self.clause_end(start)
        if not any(not self.is_too_short(m) for m in self.marked_within(start, end)):
            return None
        return self.quote(start, end, "mixed", cue_word)

    def opens_with_complementiser(self, run: Marked) -> bool:
        first = self.word_at(self.skip_spaces_and_commas(run.start))
        return first is not None and is_complementiser(first.text)

    def after_colon(self, j: int, cue_word: Token) -> Quote | None:
        start = self.skip_spaces_and_commas(self.tokens[j].end)
        following = self.word_at(start)
        if following is not None and is_complementiser(following.text):
            start = self.skip_spaces_and_commas(following.end)
        run = self.marked_opening_at(start) or self.marked_content_at(start)
        if run is not None:
            return self.direct(run, cue_word)
        end = self.clause_end(start)
        return self.quote(start, end, "direct", cue_word) if end > start else None

    def direct(self, run: Marked, cue_word: Token) -> Quote | None:
        start, end = strip_span(self.text, run.start, run.end)
        following = self.word_at(start)
        if following is not None and is_complementiser(following.text):  # «إن …», "أنه، …"
            start, end = strip_span(self.text, following.end, end)
        if end <= start:
            return None
        return self.quote(start, end, "direct", cue_word)

    def quote(self, start: int, end: int, kind: str, cue_word: Token) -> Quote | None:
        start, end = strip_span(self.text, start, end)
        if end <= start:
            return None  # only marks and commas: وأضاف ان”.
        return Quote(self.text[start:end], start, end, kind, cue_word.text, cue_start=cue_word.start)

    def postposed_direct(self) -> list[Quote]:
        """«…»، قال الوزير: a marked statement whose cue follows it."""
        quotes = []
        for run in self.marked:
            if self.is_claimed(run.start) or run.open < 0 or len(self.words_between(run.start, run.end)) < 4:
                continue
            after = self.skip_spaces_and_commas(run.close + 1) if run.close >= 0 else -1
            word = self.postposed_cue(after)
            if word is not None:
                quote = self.direct(run, word)
                if quote is not None:
                    quotes.append(quote)
                    self.claimed.add(run.start, run.end)
        return quotes

    def relayed_after(self) -> list[Quote]:
        """… حجز 4 سيارات محملة ببضائع مهربة، وفق ما أكده رئيس مركز كندار: the news sentence
        before a relay of what a source said (وفق/حسب/بحسب ما + a verb of saying) is that
        source's statement, as a reader takes it."""
        quotes = []
        for index in range(1, len(self.tokens) - 2):
            cue = relay_cue(self.tokens, index)
            opener, verb = self.tokens[index], self.tokens[index + 2]
            if cue is None or cue.noun or cue.participle or cue.imperfect or cue.lemma in RELAY_VERBS \
                    or self.is_claimed(opener.start):
                continue  # وفق ما نقلت الوكالة عن مصدر: a relay of a relay, whose source is hard to tell
            if not self.ends_sentence_soon(index):
                continue  # ومن الإصلاحات، وفق ما أكده رئيس الهيئة، الإمضاء على …: the statement goes on after it
            start = self.sentence_start_before(index)
            end = self.tokens[index - 1].start if self.tokens[index - 1].text in CLAUSE_COMMAS else opener.start
            if start >= end or any(pos in self.claimed for pos in (start, end - 1)) or self.in_marked(start):
                continue
            quote = self.quote(start, end, "mixed" if self.marked_within(start, end) else "indirect", verb)
            if quote is not None and len(self.words_between(quote.start, quote.end)) >= MIN_DIRECT_WORDS:
                quotes.append(quote)
                self.claimed.add(start, opener.end)
        return quotes

    def ends_sentence_soon(self, index: int) -> bool:
        """Whether the sentence ends within a source's description after token index (وفق ما
        أفاد به المدير الجهوي للوكالة الفنية للنقل البري بمدنين بشير المكاري.), a name set off
        by a comma at most (…، وفق ما أكده رئيس المركز، وجدي صالح.), not the statement going on
        (…، وفق ما نقلت الوكالة عن مصدر، في مشاركة جميع الزوار …)."""
        words, since_comma = 0, -1  # -1: no comma yet
        for j in range(index, len(self.tokens)):
            if self.tokens[j].paragraph != self.tokens[index].paragraph or self.is_sentence_end(j):
                return since_comma <= MAX_NAME_AFTER_COMMA
            words += self.tokens[j].is_word
            if self.tokens[j].text in CLAUSE_COMMAS:
                since_comma = 0
            elif since_comma >= 0:
                since_comma += self.tokens[j].is_word
            if words > MAX_RELAY_WORDS:
                return False
        return True

    def sentence_start_before(self, index: int) -> int:
        """Where the sentence holding token index begins: after the last sentence end of its
        paragraph, or at the paragraph's start."""
        paragraph = self.tokens[index].paragraph
        start = index
        while start > 0 and self.tokens[start - 1].paragraph == paragraph and not self.is_sentence_end(start - 1):
            start -= 1
        return self.tokens[start].start

    def postposed_cue(self, pos: int) -> Token | None:
        """The verb that attributes a quote it follows: «…»، قال الوزير (هكذا قال), or a cleft whose
        verb carries the statement as its object: «…»، هذا ما قاله الوزير."""
        index = self.doc.token_index_at(pos)
        if index >= 0 and self.tokens[index].norm in THUS_WORDS:
            index += 1  # «…»، هكذا قال الوزير
        words = self.tokens[index : index + 3] if index >= 0 else []
        if words and words[0].cue is not None and not (words[0].cue.participle or words[0].cue.noun) \
                and words[0].cue.lemma not in NOT_POSTPOSED:
            return words[0]  # «…» بين الاتحاد والحزب is "between", طالب "a student"
        cleft = [w.norm for w in words[:2]]
        if len(words) == 3 and cleft[0] in DEMONSTRATIVES and cleft[1] == RELATIVE_MA and object_cue(words[2].text):
            return words[2]
        return None

    # ---- where a reported clause ends ----------------------------------------------
    def clause_end(self, start: int) -> int:
        """Sentence or paragraph end, a new cue that starts its own quote, or an
        attribution tail (وفق تعبيره), whichever comes first; quoted runs are skipped whole."""
        if start not in self.clause_end_cache:
            self.clause_end_cache[start] = self.find_clause_end(start)
        return self.clause_end_cache[start]

    def find_clause_end(self, start: int) -> int:
        para_end = self.para_end(start)
        j = self.doc.token_index_at_or_after(start)
        while j < len(self.tokens) and self.tokens[j].start < para_end:
            word = self.tokens[j]
            run = self.marked_opening_at(word.start)
            if run is not None:
                if run.end >= para_end:
                    return para_end
                j = self.word_after(run)
                continue
            if self.is_sentence_end(j):
                return word.start
            if self.is_tail(j) or self.is_boundary_cue(j):
                return self.clause_cut_before(j)
            j += 1
        return para_end

    def is_boundary_cue(self, j: int) -> bool:
        """A cue inside a clause starts a new quote when set off by a comma (، مؤكدا أن)
        or plainly a verb (وقال، فقد أشار) followed by its own clause; otherwise it is a nested report."""
        word = self.tokens[j]
        if word.cue is None or word.cue.noun:
            return False
        previous = self.tokens[j - 1] if j else None
        after_comma = previous is not None and previous.text in CLAUSE_COMMAS
        # …، فيما أكد مسؤول أن: a verb after فيما/بينما is the narrator's next report
        own_verb = self.is_own_verb(j) or self.after_clause_conjunction(j)
        if after_comma and (word.cue.participle or own_verb):
            return True
        if word.cue.participle and (self.complementiser_follows(j) or self.saying_noun_follows(j)
                                    or self.statement_mark_follows(j)):
            return True  # … مسؤولياتهم مؤكدا أن، … الجهة مضيفا بالقول "…"، … سيطرته مضيفا "…": its own clause
        return own_verb and self.quote_after_cue(j) is not None

    def is_tail(self, j: int) -> bool:
        if self.tokens[j].norm not in TAIL_HEADS:
            return False
        following = [w for w in self.tokens[j + 1 : j + 3] if w.is_word]
        return any(any(root in w.norm for root in TAIL_WORDS) for w in following)

    def clause_cut_before(self, j: int) -> int:
        """Where the clause ends before word j: before a comma or a joining و (، وفق …),
        and before the particle that introduces a verb (، فقد أشار)."""
        if j and (self.tokens[j - 1].norm in VERB_MARKERS or self.after_clause_conjunction(j)
                  or (self.tokens[j].norm == TAIL_LIMIT and self.tokens[j - 1].norm == ON)):
            j -= 1  # …، فقد أشار; … على حد قوله
        if j and self.tokens[j - 1].text in CLAUSE_COMMAS:
            return self.tokens[j - 1].start
        return self.tokens[j].start

    # ---- headlines -------------------------------------------------------------------
    def headlines(self) -> list[Quote]:
        quotes = []
        if not self.doc.starts_text:
            return quotes
        lines = [(s, e) for s, e in self.paragraphs if self.text[s:e].strip()][:HEADLINE_LINES]
        for start, end in lines:
            quote = self.headline(start, end)
            if quote is not None:
                quotes.append(quote)
                self.claimed.add(start, end)
        return quotes

    def headline(self, start: int, end: int) -> Quote | None:
        line = self.text[start:end]
        colon = line.find(":")
        if colon < 0 or line.rstrip().endswith("."):
            return None
        speaker_part = re.split(r"[/|]", line[:colon])[-1]  # breadcrumbs: الرئيسية / الأخبار / …
        speaker_start = start + colon - len(speaker_part)
        speaker_end = start + colon
        speaker_words = self.words_between(speaker_start, speaker_end)
        statement_words = self.words_between(speaker_end + 1, end)
        if not 1 <= len(speaker_words) <= MAX_HEADLINE_SPEAKER_WORDS or len(statement_words) < 2:
            return None
        if speaker_words[0].norm in TOPIC_WORDS:
            return None  # ملف راديو "كلمة": اجتماع طارئ …: a topic label
        if len(self.words_between(start, end)) > MAX_HEADLINE_WORDS:
            return None
        # cue_form, not Token.cue: a cue after a particle (لن يوضح) counts here too
        if cue_form(statement_words[-1].text) is not None or any(cue_form(w.text) for w in speaker_words):
            return None  # "… : مصدر أمني يوضح" names the source of the story, not a statement
        if not (self.names_a_speaker(speaker_start, speaker_end) or self.looks_like_name(speaker_start, speaker_end)):
            return None  # "سوسة : …", "دراسة : …": a place or topic, not who spoke
        if self.is_dateline(speaker_start, speaker_end):
            return None
        content_start, content_end = strip_span(self.text, start + colon + 1, end)
        mention_start, mention_end = strip_span(self.text, speaker_start, speaker_end)
        mention = self.text[mention_start:mention_end]
        if len(speaker_words) > 1 and speaker_words[-1].text.startswith("ل"):  # المالكي للافروف: to Lavrov
            mention = mention[: mention.rfind(speaker_words[-1].text)].rstrip()
        named = self.doc.mention_at(mention_start)
        if named is not None and named.type in ("PERS", "ORG") and named.start == mention_start < named.end < mention_end:
            mention = named.text  # أولاند يتوعد : … — the name, not the verb after it
        return Quote(self.text[content_start:content_end], content_start, content_end, "headline", "",
                     mention=mention, cue_start=mention_start)

    def names_a_speaker(self, start: int, end: int) -> bool:
        """SPEAKER or SPEAKER لـ OUTLET: the part before the colon ends with a person or
        organisation (at most a title before it, an addressee after it), not its object."""
        for m_start, m_end, m_type in self.mentions:
            if m_type not in ("PERS", "ORG") or not start <= m_start < end:
                continue
            first = self.words_between(m_start, m_end)[:1]
            if first and first[0].norm in OBJECT_PREPOSITIONS:
                return False  # ترد على ساركوزي
            rest = self.words_between(m_end, end)
            before = self.words_between(start, m_start)
            addressee = len(rest) <= 2 and bool(rest) and rest[0].text.startswith("ل")
            # بث صور للشهيد X : of whom (not الناطق الرسمي للحكومة X :, a title of a body)
            complement = bool(before) and before[-1].norm.startswith("لل") and not opens_with_title(before)
            if (not rest or addressee) and len(before) <= MAX_HEADLINE_TITLE_WORDS and not complement and not any(
                    w.norm in OBJECT_PREPOSITIONS or reads_as_verb(self.doc, w) for w in before):
                return True  # not تعطّل رحلات الخطوط التونسية :، إرهابيون يختطفون شقيق X : (a verb's subject)
        return False

    def is_dateline(self, start: int, end: int) -> bool:
        """سيدي بوزيد : الحماية المدنية تنقذ …: a place opening the line says where, not who
        (the place is a LOC mention, or a place word opens it: سيدي، بني، منزل …)."""
        words = self.words_between(start, end)
        if not words:
            return False
        place = self.doc.mention_at(words[0].start)
        return (place is not None and place.type == "LOC") or (len(words) <= 3 and words[0].norm in PLACE_WORDS)

    def looks_like_name(self, start: int, end: int) -> bool:
        """A name the NER missed: two or three words, none definite, none a preposition,
        no place among them (عابد شيخ; not سوسة، كرة اليد، في سوق النفيضة)."""
        words = self.words_between(start, end)
        if not 2 <= len(words) <= 3:
            return False
        definite = ("ال", "لل", "بال", "وال")
        if any(w.norm.startswith(definite) or w.norm in OBJECT_PREPOSITIONS for w in words):
            return False
        return not any(t == "LOC" and s < end and e > start for s, e, t in self.mentions)

    # ---- quotation marks ------------------------------------------------------------
    def marked_runs_in(self, start: int, end: int) -> list[Marked]:
        """Pair the marks of one paragraph. A mark that never closes runs to the paragraph end,
        or to the end of a sentence that a new cue follows (. وأضاف …) when there is one; a
        closing mark with no opening one closes a statement that began after a colon."""
        text = self.text
        runs: list[Marked] = []
        stack: list[int] = []
        last_close = pos = start
        skip_to = start
        while pos < end:
            for pos in range(pos, end):
                if pos < skip_to:
                    continue
                if text[pos] in QUOTE_MARKS:
                    role = mark_role(text, pos)
                    if stack and role == "either" and (nested := nested_pair_end(text, stack[0], pos, end)) > 0:
                        skip_to = nested  # « … تبقى " التماسيح " الكبيرة …»: a quoted word inside the quote
                        continue
                    lone_open = len(stack) == 1 and not any(c in QUOTE_MARKS for c in text[stack[0] + 1 : pos])
                    cue_start = self.speech_participle_before(pos, set_off=role == "either") \
                        if lone_open and role != "close" else -1
                    if lone_open and cue_start > stack[0]:
                        # "الغريب أنني … العمل مضيفا " كيف …": the first quote never closed, the mark
                        # after مضيفا opens the next one
                        runs.append(Marked(stack[0], -1, stack[0] + 1, cue_start))
                        stack = [pos]
                        last_close = cue_start
                        continue
                    if stack and role in ("close", "either"):
                        opened = stack.pop()
                        if not stack:
                            runs.append(Marked(opened, pos, opened + 1, pos))
                            last_close = pos + 1
                    elif role in ("open", "either"):
                        stack.append(pos)
                    else:  # a closing mark with nothing open
                        colon = text.rfind(":", last_close, pos)
                        if colon >= 0:
                            runs.append(Marked(-1, pos, colon + 1, pos))
                        last_close = pos + 1
            if not stack:
                break
            opened = stack[0]
            cut = self.unclosed_quote_end(opened + 1, end)
            runs.append(Marked(opened, -1, opened + 1, cut))
            stack = []
            last_close = pos = cut
        return runs

    def speech_participle_before(self, pos: int, set_off: bool) -> int:
        """Where the word right before the mark at pos starts, when it is a participle of saying
        or a word of saying after one (مضيفا"…"، مضيفا القول "…"): the mark opens what it
        introduces. -1 otherwise. A mark with spaces on both sides follows a participle set off
        by a comma (…، مضيفا " أمام …), not one ending the quote (بات مؤكدا " وأضاف)."""
        index = self.doc.token_index_at_or_after(pos) - 1  # the token before the mark's
        if index < 0:
            return -1
        word = self.tokens[index]
        if not ((word.cue is not None and word.cue.participle) or word.norm in SAYING_AFTER_PARTICIPLE):
            return -1
        if set_off and not (index > 0 and self.tokens[index - 1].text in CLAUSE_COMMAS):
            return -1
        return word.start

    def unclosed_quote_end(self, start: int, end: int) -> int:
        for match in re.finditer(r"[.!?؟]\s+", self.text[start:end]):
            pos = start + match.start()
            resumes = start + match.end()
            if is_sentence_end_at(self.text, pos) and (self.cue_starts_at(resumes, end) or self.narration_starts_at(resumes, end)):
                return pos + 1
        return end

    # ---- helpers -------------------------------------------------------------------
    def is_name_run(self, run: Marked, j: int) -> bool:
        """A quoted run inside a cue's subject that names something («الحدث»، لـ"الجوهرة")."""
        previous = self.tokens[j - 1] if j else None
        if is_outlet_prefix(self.text, run.open):
            return True
        if previous is not None and previous.is_word and names_what_follows(previous.norm):
            return True  # صحيفة "…"، لقناة "بي إف ام تي في"
        if previous is not None and previous.text == ":":
            return False
        if previous is not None and previous.is_word and is_complementiser(previous.text):
            return False
        words = self.words_between(run.start, run.end)
        if words and words[0].norm.startswith("لل") and len(words) <= MAX_NAME_WORDS + 2:
            return True  # المجلس الوطني "للجمعية التونسية لعلوم الزكاة": the rest of a name, of whom
        return len(words) <= MAX_NAME_WORDS and not (previous is not None and previous.cue is not None)

    def is_quoted_name(self, run: Marked, j: int, cue: CueForm) -> bool:
        """A short quoted run after a cue names something, unless a saying verb that takes no
        noun object ends its sentence with it (وقال متحدث "الاحتجاج قوبل بالرفض".; but
        أعلنت السلطات "كارثة وطنية". declares a name)."""
        if self.after_relay_opener(j) and len(self.words_between(run.start, run.end)) <= MAX_QUOTED_NAME_WORDS:
            return True  # حسب ما أفادت "أسوشيتد برس": the source it relays, not its words
        return self.is_name_run(run, j) and not (is_pure_saying(cue) and self.ends_sentence(run))

    def after_relay_opener(self, j: int) -> bool:
        """Word j comes right after a cue that follows حسب ما / وفق ما / بحسب ما."""
        words = [w for w in self.tokens[max(0, j - 4) : j] if w.is_word]
        return len(words) >= 3 and words[-1].cue is not None and relay_cue(words, len(words) - 3) is not None

    def ends_sentence(self, run: Marked) -> bool:
        if run.close < 0:
            return False
        rest, para_end = self.after_close(run)
        return rest == para_end or self.text[rest] in SENTENCE_END

    def is_too_short(self, run: Marked) -> bool:
        return len(self.words_between(run.start, run.end)) < MIN_DIRECT_WORDS

    def run_closes_clause(self, run: Marked) -> bool:
        """Whether a marked run right after أن is the whole statement (أن «…».) rather than its start."""
        if run.close < 0:
            return True
        rest, para_end = self.after_close(run)
        return rest == para_end or self.text[rest] in SENTENCE_END + CLAUSE_COMMAS + QUOTE_MARKS or self.cue_starts_at(
            rest, para_end)

    def after_close(self, run: Marked) -> tuple[int, int]:
        """(where the text resumes after a closed run's mark, past spaces; its paragraph's end)."""
        para_end = self.para_end(run.close)
        return para_end - len(self.text[run.close + 1 : para_end].lstrip()), para_end

    def is_sentence_end(self, j: int) -> bool:
        word = self.tokens[j]
        if word.text not in SENTENCE_END:
            return False
        return is_sentence_end_at(self.text, word.start)

    def marked_covering(self, pos: int) -> Marked | None:
        index = bisect_right(self.marked_starts, pos) - 1
        return self.marked[index] if index >= 0 and pos < self.marked[index].end else None

    def marked_within(self, start: int, end: int) -> list[Marked]:
        """The runs whose content starts in [start, end)."""
        return self.marked[bisect_right(self.marked_starts, start - 1) : bisect_right(self.marked_starts, end - 1)]

    def in_marked(self, pos: int) -> bool:
        return self.marked_covering(pos) is not None

    def is_claimed(self, pos: int) -> bool:
        return pos in self.claimed

    def marked_opening_at(self, pos: int) -> Marked | None:
        return self.marked_by_open.get(pos)

    def marked_content_at(self, pos: int) -> Marked | None:
        run = self.marked_covering(pos)
        return run if run is not None and run.open < 0 else None

    def words_between(self, start: int, end: int) -> list[Token]:
        """The words (tokens that are not punctuation) starting inside [start, end)."""
        first, last = self.doc.token_index_at_or_after(start), self.doc.token_index_at_or_after(end)
        return [token for token in self.tokens[first:last] if token.is_word]

    def narration_starts_at(self, pos: int, end: int) -> bool:
        """A sentence that opens with a verb and a named person (. وارجع الطيب …): the writer
        speaks again, so a quote left open before it has ended."""
        words = self.words_between(pos, min(end, pos + 60))
        if len(words) < 2 or words[0].norm[:1] not in "وف" or words[0].cue is not None:
            return False
        mention = self.doc.mention_at(words[1].start)
        if (mention is not None and mention.type in ("PERS", "ORG")) or words[1].norm in self.person_surnames:
            return True
        verb = words[0].norm.endswith("ت") and len(words[0].norm) >= 5 and not words[0].norm[1:].startswith("ال")
        return verb and is_definite(words[1].text)  # . وانتقدت الصحافة (not . والوقت الحالي)

    @cached_property
    def person_surnames(self) -> frozenset[str]:
        """The last word of every person the article names (الطيب of سمير الطيب), which may stand
        untagged alone later."""
        return frozenset(normalize(m.text.split()[-1]) for m in self.doc.mentions if m.type == "PERS" and m.text.split())

    def cue_starts_at(self, pos: int, end: int) -> bool:
        """Whether the first word within 40 characters of pos (and before end) is a speech cue."""
        words = self.words_between(pos, min(end, pos + 40))
        if len(words) > 1 and words[0].norm in CONJUNCTIONS_APART:
            words = words[1:]  # و قال, written apart
        return bool(words) and words[0].cue is not None

    def word_at(self, pos: int) -> Token | None:
        index = self.doc.token_index_at(pos)
        return self.tokens[index] if index >= 0 else None

    def word_after(self, run: Marked) -> int:
        after = run.close + 1 if run.close >= 0 else run.end
        return self.doc.token_index_at_or_after(after)

    def para_end(self, pos: int) -> int:
        index = bisect_right(self.paragraph_starts, pos) - 1
        if index >= 0 and pos <= self.paragraphs[index][1]:
            return self.paragraphs[index][1]
        return len(self.text)

    def skip_spaces_and_commas(self, pos: int) -> int:
        while pos < len(self.text) and (self.text[pos] in " \t\u00a0" or self.text[pos] in CLAUSE_COMMAS):
            pos += 1
        return pos


class SpanSet:
    """Character spans [start, end) with a fast "is pos inside one?": kept sorted and merged."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        first = bisect_right(self.ends, start - 1)  # the first span ending at or after start
        last = bisect_right(self.starts, end)  # past the last span starting at or before end
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]

    def __contains__(self, pos: int) -> bool:
        index = bisect_right(self.starts, pos) - 1
        return index >= 0 and pos < self.ends[index]


# ---- text structure ---------------------------------------------------------------------
def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, and trailing commas, colons and quotation marks, off a span."""
    while start < end and (text[start].isspace() or text[start] in CLAUSE_COMMAS + ":"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLAUSE_COMMAS + ":" + QUOTE_MARKS):
        end -= 1
    return start, end


def is_sentence_end_at(text: str, pos: int) -> bool:
    """A full stop ends a sentence when followed by a space, a mark or the end, and is
    not a decimal point (1.2) or part of an abbreviation (ايه.تي.في)."""
    after = text[pos + 1 : pos + 2]
    before = text[pos - 1 : pos]
    if after and not (after.isspace() or after in QUOTE_MARKS):
        return joins_two_sentences(text, pos)
    if before.isalpha() and (not text[pos - 2 : pos - 1].strip() or text[pos - 2 : pos - 1] == "."):
        return False  # a one-letter abbreviation: د. الزياني، أ.د. الزهراني
    return not (before.isdigit() and after.isdigit())


DOMAIN_ENDINGS = frozenset(("نت", "كوم", "أورغ", "اورغ", "أورج", "اورج", "انفو", "إنفو", "تي", "في"))


def joins_two_sentences(text: str, pos: int) -> bool:
    """العالم.كما قال: a full stop with no space after it, between two Arabic words, ends a
    sentence unless the words are an abbreviation's short letters (ايه.تي.في، أ.ف.ب)."""
    before = re.search(r"[\u0621-\u064A]+$", text[max(0, pos - 20) : pos])
    after = re.match(r"[\u0621-\u064A]+", text[pos + 1 : pos + 21])
    if before is None or after is None:
        return False
    following = text[pos + 1 + after.end() : pos + 2 + after.end()]
    if after.group() in DOMAIN_ENDINGS:
        return False  # الجزيرة.نت، إيلاف.كوم: a site's name
    return len(before.group()) >= 4 and len(after.group()) >= 2 and following != "."


def bare_verb(norm: str) -> str:
    """A normalised verb without the و/ف written on it (وتعهدت → تعهدت)."""
    return norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm


def opens_statement(word: str) -> bool:
    return normalize(word) in STATEMENT_OPENERS


def is_outlet_prefix(text: str, mark: int) -> bool:
    """لـ«الشرق الأوسط»، لـ "الجوهرة"، ل"…": the preposition ل attached to a quoted name."""
    before = text[max(0, mark - 4) : mark]
    attached = before[-1:] == "ل" or before.endswith("لـ")  # not بـ"…": تعهد بـ"رد حازم …"
    spaced = re.search(r"(^|\s)لـ?\s$", before) is not None
    return attached or spaced


# ---- quotation marks --------------------------------------------------------------------
MAX_NESTED_WORDS = 3


MIN_WORDS_BEFORE_NESTED = 4


def nested_pair_end(text: str, opened: int, pos: int, end: int) -> int:
    """Where a pair of marks nested in an open quote ends (after its second mark), or 0: a
    mark standing apart (` " `) that a second one closes within a few words, with the
    sentence going on after it, quotes a word inside the quote rather than closing it.
    Not when the quote has only begun (أفاد " مجدي عياش " مدير …) or a speech cue stands
    between the two marks (" … " وقالت سامية عبو " … ")."""
    if len(text[opened + 1 : pos].split()) < MIN_WORDS_BEFORE_NESTED:
        return 0
    following = next((k for k in range(pos + 1, min(end, pos + 60)) if text[k] in QUOTE_MARKS), -1)
    inner = text[pos + 1 : following].split() if following > 0 else []
    if not 1 <= len(inner) <= MAX_NESTED_WORDS or not all(word[0].isalpha() for word in inner):
        return 0  # ". وابرز ان": the first mark closes the quote, a sentence follows
    if any(cue_form(word) is not None for word in inner):
        return 0
    rest = text[following + 1 : end].lstrip()
    if not rest or not rest[0].isalpha():
        return 0  # the sentence ends or a mark follows: the second mark closes the quote
    return following + 1 if mark_role(text, following) == "either" else 0


def mark_role(text: str, pos: int) -> str:
    """open | close | either, from the characters around the mark (directions vary: ”…“ and »…«
    are as common as “…” and «…» in Arabic text)."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opens = before.isspace() or before in "(:[" + CLAUSE_COMMAS or pos == 0
    closes = after.isspace() or after in ").]" + SENTENCE_END + CLAUSE_COMMAS + ":"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def opens_with_title(words: list[Token]) -> bool:
    from newsan.stages.speakers import is_title_word  # speakers imports this module

    return is_title_word(words[0].text)


def names_what_follows(norm: str) -> bool:
    """A noun before a quoted name, also with و, ل or ب on it (لقناة «…»، بصحيفة «…»); not a
    definite one (للصحيفة "نلاحظ …": to the paper, then what was said)."""
    for form in (norm, norm[1:] if norm[:1] == "و" else ""):  # وصحيفة «…» too
        if form in NAME_NOUNS or (form[:1] in "لب" and form[1:] in NAME_NOUNS):
            return True
    return False
