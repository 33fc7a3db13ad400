"""Speech cues: the verbs, participles and nouns that introduce reported speech,
recognised in any inflection from a small table of stems.

A cue form carries the gender and number its morphology shows (قالت feminine,
قالوا plural), which attribution uses to pick the speaker of a continuation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsan.document import Document, Token
from newsan.text.normalize import normalize, spelled

# lemma: (past 3rd masc. singular, imperfect stem after the person prefix, participle stem).
# Written as usual; everything is normalised before matching. "" = no such form in use.
CUE_VERBS: dict[str, tuple[str, str, str]] = {
    "قال": ("قال", "قول", "قائل"),
    "أضاف": ("أضاف", "ضيف", "مضيف"),
    "أكد": ("أكد", "ؤكد", "مؤكد"),
    "أشار": ("أشار", "شير", "مشير"),
    "أوضح": ("أوضح", "وضح", "موضح"),
    "صرح": ("صرح", "صرح", "مصرح"),
    "لفت": ("لفت", "لفت", "لافت"),
    "بين": ("بين", "بين", "مبين"),
    "ذكر": ("ذكر", "ذكر", "ذاكر"),
    "أعلن": ("أعلن", "علن", "معلن"),
    "شدد": ("شدد", "شدد", "مشدد"),
    "اعتبر": ("اعتبر", "عتبر", "معتبر"),
    "تابع": ("تابع", "تابع", "متابع"),
    "أفاد": ("أفاد", "فيد", "مفيد"),
    "كشف": ("كشف", "كشف", "كاشف"),
    "أردف": ("أردف", "ردف", "مردف"),
    "نوه": ("نوه", "نوه", "منوه"),
    "حذر": ("حذر", "حذر", "محذر"),
    "طالب": ("طالب", "طالب", "مطالب"),
    "استطرد": ("استطرد", "ستطرد", "مستطرد"),
    "استدرك": ("استدرك", "ستدرك", "مستدرك"),  # مستدركا بالقول: "then qualifying"
    "علق": ("علق", "علق", "معلق"),
    "أبلغ": ("أبلغ", "", ""),  # يبلغ/تبلغ would read as بلغ "to reach" (تبلغ من العمر)
    "أفصح": ("أفصح", "فصح", "مفصح"),
    "اعتقد": ("اعتقد", "عتقد", "معتقد"),
    "أقر": ("أقر", "قر", "مقر"),
    "اعترف": ("اعترف", "عترف", "معترف"),
    "زعم": ("زعم", "زعم", "زاعم"),
    "رجح": ("رجح", "رجح", "مرجح"),
    "توقع": ("توقع", "توقع", "متوقع"),
    "استبعد": ("استبعد", "ستبعد", "مستبعد"),  # ruled out that …; also "excluded" (weak)
    "نبه": ("نبه", "نبه", "منبه"),
    "أجاب": ("أجاب", "جيب", "مجيب"),
    "تساءل": ("تساءل", "تساءل", "متسائل"),
    "ختم": ("ختم", "ختم", "خاتم"),
    "جدد": ("جدد", "جدد", "مجدد"),
    "أعرب": ("أعرب", "عرب", "معرب"),
    "ثمن": ("ثمن", "ثمن", "مثمن"),
    "أبرز": ("أبرز", "", "مبرز"),  # يبرز/تبرز would read as برز "to emerge"
    "وصف": ("وصف", "صف", "واصف"),
    "ذكّر": ("", "", "مذكر"),  # مذكرا "reminding"; مذكرة is also "memorandum"
    "نقل": ("نقل", "نقل", "ناقل"),  # relays a source: نقلت الوكالة عن الوزير أن
    "أجمع": ("أجمع", "", ""),  # أجمعوا أن: stated together; يجمع/مجمع are "gathers"/"complex"
    "عبّر": ("عبّر", "", "معبر"),  # past عبر is also "via": weak, it reports only before أن
    "لاحظ": ("لاحظ", "لاحظ", "ملاحظ"),  # ولاحظ الوزير أن، ملاحظا أن (ملاحظة is "a note")
    "خلص": ("خلص", "خلص", ""),  # وخلصت الدراسة إلى أن; weak: خلص من is "got rid of"
    "أبان": ("أبان", "", ""),  # "made clear", Saudi press (وأبان مدير …أن); يبين/مبينا are بين's
    "زاد": ("زاد", "", ""),  # وزاد: «…» "he added"; يزيد/زائدا are "increases"/"plus"
}
# Verbs spelt like another word once the hamza is gone (إبان "during"): a cue only as written
# with أ, or with و/ف on it.
HAMZA_HOMOGRAPHS = frozenset({"أبان"})
CALLED_FORMS = frozenset(("يدعى", "تدعى"))
NOT_WORD = normalize("غير")
IMPERSONAL_IN_T = frozenset({"بين"})  # تبين is also تبيّن "it became clear"
RENEWED = normalize("جدد")  # also جُدُد "new (ones)" after a plural noun
# Particles before a past verb (وكان ترامب قد وصفه، … بل وصفتها بأنها): a verb carrying its object
# pronoun after them is a cue, as it is with و/ف on it.
PAST_PARTICLES = frozenset(normalize(w) for w in ("قد", "وقد", "لقد", "فقد", "بل"))
PREPOSITIONS_BEFORE_NOUN = frozenset(normalize(w) for w in ("على", "في", "من", "إلى", "عن", "مع", "بعد", "قبل"))
# Verbs read with their object pronoun on them (وصفته، ووصفتها): the object is whom they
# describe, and the statement comes with بأن (وصفه بأنه), never a bare أن.
OBJECT_SUFFIX_CUES = frozenset({"وصف"})
WHAT_WORDS = frozenset(normalize(w) for w in ("ما", "بما", "لما", "عما", "مما", "فيما"))  # ما وصفه بـ: "what he called"
# Verbs that mostly mean something else (زاد عدد الحالات "rose"): they report only a
# statement after a colon (وزاد: «…»، وزاد الوزير: …).
COLON_ONLY_CUES = frozenset({"زاد"})

# Homographs of common nouns or prepositions (بين "between", طالب "student", توقع
# "expectation"): they report only when أن follows, never before a colon or
# quotation mark alone, and they do not interrupt another cue's subject.
WEAK_CUES = frozenset({"خلص", "بين", "طالب", "توقع", "استبعد", "رجح", "ختم", "ثمن", "أعرب", "أبرز", "وصف", "ذكّر", "نقل", "عبّر", "أجمع"})
# Participles that are also common nouns (مذكرة "memorandum"): weak like the verb.
WEAK_PARTICIPLES = frozenset({"ذكّر"})
# Verbs that relay what another source said (نقل عن): they report only with a عن source.
RELAY_VERBS = frozenset({"نقل"})
RELAY_SOURCE = normalize("عن")
# Verbs that take an object, not a statement (دعا الله أن، أعرب عن أمله أن): they end
# another cue's clause but report nothing themselves, unless أن follows them directly
# (معربا أن: stating that).
BOUNDARY_ONLY = frozenset({"دعا", "أبدى", "أعرب", "ثمن", "عبّر"})
# Past forms that are also prepositions (عبر "via": تعرف عليها عبر مواقع التواصل): a verb only
# where a verb must be, opening its sentence or written with و/ف (عبر عدد من الأهالي بأن …).
PREPOSITION_HOMOGRAPHS = frozenset({"عبّر"})
CALLING_VERBS = frozenset({"دعا"})  # دعا X أن يعودوا: a call on someone, not a statement
# بين is also "between" (بين X و Y): not a cue when a word joined by و follows within a few words.
BETWEEN = normalize("بين")
PAIR_WORDS = 4
# من بين، ما بين، كان بين لاجئين: "among", "between" (not فيما بيّن المدير: "while he explained")
AMONG_BEFORE = frozenset(normalize(w) for w in ("من", "ومن", "ما", "كان", "كانت", "وكان", "وكانت", "يكون", "تكون",
                                                 "أو"))  # قبل المقابلة أو بين الشوطين

# Verbs whose last radical is weak inflect irregularly: their forms are listed whole.
# Each entry: form -> (gender, number); m/f, s/p.
WEAK_VERB_FORMS: dict[str, dict[str, tuple[str, str]]] = {
    "رأى": {"رأى": ("m", "s"), "رأت": ("f", "s"), "رأوا": ("m", "p"), "يرى": ("m", "s"),
            "ترى": ("f", "s"), "يرون": ("m", "p")},
    "نفى": {"نفى": ("m", "s"), "نفت": ("f", "s"), "نفوا": ("m", "p"), "ينفي": ("m", "s"),
            "تنفي": ("f", "s"), "ينفون": ("m", "p"), "نافيا": ("m", "s")},
    "دعا": {"دعا": ("m", "s"), "دعت": ("f", "s"), "دعوا": ("m", "p"), "يدعو": ("m", "s"),
            "تدعو": ("f", "s"), "يدعون": ("m", "p"), "داعيا": ("m", "s")},
    "ادعى": {"ادعى": ("m", "s"), "ادعت": ("f", "s"), "ادعوا": ("m", "p"), "يدعي": ("m", "s"),
             "تدعي": ("f", "s")},
    "أبدى": {"أبدى": ("m", "s"), "أبدت": ("f", "s"), "أبدوا": ("m", "p"), "مبديا": ("m", "s")},
}

# Nouns of saying that introduce a quote by themselves (بقوله: "…"، في تصريح … أن).
SAYING_NOUNS = ("قوله", "قولها", "بقوله", "بقولها", "القول", "بالقول", "تصريح", "تصريحات",
                "بيان", "حديثه", "حديثها")

# Verbal nouns of saying that take a possessive pronoun, the speaker
# (رغم اعترافه أن، منذ إعلانها أن): weak, like nouns, they report only before أن.
SAYING_MASDARS = ("اعتراف", "تأكيد", "إعلان", "توضيح", "تحذير", "زعم", "ادعاء", "إقرار", "إشارة")
POSSESSIVES = {"ه": ("m", "s"), "ها": ("f", "s"), "هم": ("m", "p")}

# Particles that govern the verb after them (أن يعلن، لن يقول): that verb reports nothing.
VERB_PARTICLES = frozenset(normalize(w) for w in ("أن", "لن", "لم", "كي", "لكي", "لئلا", "حتى",
                                                  "يمكن", "ويمكن", "يصعب", "ويصعب"))  # يمكن وصفها بأنها: impersonal

# Verbs that introduce a clause but are not also common nouns or prepositions,
# so they may introduce an unmarked statement with no أن (وأضاف: نحن …).
PURE_SAYING = frozenset({"قال", "أضاف", "تابع", "أردف", "استطرد"})

# The complementiser that opens a reported clause, with the pronoun it may carry (أنه، إنها).
COMPLEMENTISERS = frozenset(
    normalize(p + s)
    for p in ("أن", "إن", "بأن", "بإن")
    for s in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي")
)
# إلى أن، على أن، من أن: a preposition the verb governs before the complementiser.
GOVERNED_PREPOSITIONS = frozenset(normalize(w) for w in ("إلى", "الى", "على", "من", "عن"))

# Words after which أن starts a clause of their own, not the reported one
# (بعد أن، دون أن، يجب أن، ضرورة أن).
NOT_REPORTING_BEFORE = frozenset(normalize(w) for w in (
    "بعد", "قبل", "دون", "بدون", "منذ", "رغم", "مجرد", "يجب", "ينبغي", "يمكن", "بد", "لابد", "شأنه", "شأنها",
    "ضرورة", "أهمية", "إمكانية", "احتمال", "إلا", "حتى", "لو", "كما", "في", "يريد", "تريد", "أراد", "نريد", "شأن",
    "المتوقع", "المقرر", "المنتظر", "المفترض", "الممكن", "المرجح", "المحتمل", "المفروض", "الضروري",
    "المؤمل", "المأمول",
    "خصوصا", "خاصة", "سيما", "علما",  # خصوصا أن، لا سيما أن، علما أن: "since", "given that"
))

# Words that open a relay of what an outlet, a document or a source said (وحسب موقع X، …؛
# حسب ما أفادت "أسوشيتد برس"؛ وفق ما أعلن عنه البيت الأبيض).
RELAY_OPENERS = frozenset(normalize(w) for w in (
    "حسب", "بحسب", "وحسب", "وبحسب", "وفق", "ووفق", "وفقا", "ووفقا", "نقلا", "ونقلا", "طبق",
))

CONJUNCTIONS_APART = frozenset(("و", "ف"))  # و قال، و أضاف: the conjunction written as a word of its own
RELAY_WHAT = frozenset(normalize(w) for w in ("ما", "لما"))  # وفق ما، وفقا لما

# Attribution tails that end a reported clause: "، وفق تعبيره"، "حسب قوله"، "على حد قولها".
TAIL_HEADS = frozenset(normalize(w) for w in ("وفق", "حسب", "بحسب", "وفقا", "حد"))
TAIL_WORDS = ("تعبير", "قول", "وصف", "تقدير", "ترجيح")  # وفق تقديره، بحسب ترجيحها


FEMININE_PARTICIPLES = frozenset({"قال", "أكد", "أضاف", "أوضح", "أشار", "بين", "نوه", "أردف", "شدد", "اعتبر", "ذكّر"})


@dataclass(frozen=True)
class CueForm:
    lemma: str
    gender: str  # m | f
    number: str  # s | p
    participle: bool = False
    noun: bool = False
    imperfect: bool = False

    @property
    def weak(self) -> bool:
        if self.lemma in SAYING_MASDARS:
            return True
        return self.lemma in WEAK_CUES and (not self.participle or self.lemma in WEAK_PARTICIPLES)

    @property
    def reports(self) -> bool:
        return self.lemma not in BOUNDARY_ONLY


def _inflect(lemma: str, past: str, imperfect: str, participle: str) -> dict[str, CueForm]:
    forms: dict[str, CueForm] = {}

    def add(form: str, gender: str, number: str, **kind: bool) -> None:
        forms.setdefault(normalize(form), CueForm(lemma, gender, number, **kind))

    if past:
        add(past, "m", "s")
        add(past + "ت", "f", "s")
        add(past + "وا", "m", "p")
        add(past + "ا", "m", "p")  # dual
        add(past + "تا", "f", "p")
    if imperfect:
        add("ي" + imperfect, "m", "s", imperfect=True)
        add("ت" + imperfect, "f", "s", imperfect=True)
        add("ي" + imperfect + "ون", "m", "p", imperfect=True)
        add("ي" + imperfect + "ان", "m", "p", imperfect=True)
    if participle:
        # Only the adverbial accusative (مؤكدا، مؤكدة): other endings are mostly nouns
        # (متابعة "follow-up", متابعون "followers", مطالب "demands").
        add(participle + "ا", "m", "s", participle=True)
        if lemma in FEMININE_PARTICIPLES:
            add(participle + "ة", "f", "s", participle=True)
    return forms


@lru_cache(maxsize=1)
def cue_table() -> dict[str, CueForm]:
    table: dict[str, CueForm] = {}
    for lemma, (past, imperfect, participle) in CUE_VERBS.items():
        for form, cue in _inflect(lemma, past, imperfect, participle).items():
            table.setdefault(form, cue)
    for lemma, forms in WEAK_VERB_FORMS.items():
        for form, (gender, number) in forms.items():
            imperfect = form.startswith(("ي", "ت")) and not form.endswith("ت")
            participle = form.endswith("يا")  # نافيا، داعيا
            table.setdefault(normalize(form), CueForm(lemma, gender, number, participle, imperfect=imperfect))
    for noun in SAYING_NOUNS:
        gender = "f" if noun.endswith("ها") else "m"
        table.setdefault(normalize(noun), CueForm(noun, gender, "s", noun=True))
    for stem in SAYING_MASDARS:
        for suffix, (gender, number) in POSSESSIVES.items():
            form = stem[:-1] + "ت" if stem.endswith("ة") else stem  # إشارة → إشارته
            table.setdefault(normalize(form + suffix), CueForm(stem, gender, number, noun=True))
    return table


def add_cues(doc: Document) -> None:
    """Set Token.cue on every word that is a speech cue, unless its context shows it is not
    one here (reads_as_cue_here), and on a describing verb with its object after قد."""
    previous = None
    for index, token in enumerate(doc.tokens):
        if token.is_word and not (previous is not None and previous.norm in VERB_PARTICLES):
            cue = cue_form(token.text)
            if cue is None and previous is not None and previous.norm in PAST_PARTICLES:
                cue = with_object_pronoun("و" + token.norm)  # وكان ترامب قد وصفه بأنه: a verb after قد
            if cue is not None and not reads_as_cue_here(doc, index, previous, cue):
                cue = None
            token.cue = cue
        previous = token


def reads_as_cue_here(doc: Document, index: int, previous: Token | None, cue: CueForm) -> bool:
    """Whether a word that spells a cue is one where it stands."""
    token = doc.tokens[index]
    before = previous.norm if previous is not None else ""
    if cue.lemma in PREPOSITION_HOMOGRAPHS and not cue.participle:
        opens = previous is None or previous.sentence != token.sentence
        if not (opens or token.norm[:1] in "وف"):
            return False  # تعرف عليها عبر مواقع التواصل: "via", away from a verb's place
    if cue.imperfect and before in PREPOSITIONS_BEFORE_NOUN:
        return False  # القدرة على تذكر الأشياء: a verbal noun after a preposition, not a verb
    if cue.lemma in OBJECT_SUFFIX_CUES:
        if before in WHAT_WORDS:
            return False  # بالكف عما وصفه بـ"شيطنة": the speaker's own words, in a relative clause
        table = cue_table()
        following = next((t for t in doc.tokens[index + 1 : index + 3] if t.is_word), None)
        suffixed = token.norm not in table and token.norm[1:] not in table
        if suffixed and following is not None and following.norm[:1] == "ل" and doc.mention_at(following.start) is None:
            return False  # ووصفه للوضع بأنه كارثي أثار جدلا: the noun, "his description of"
    if token.norm == RENEWED and before.endswith(("ين", "ون")) and len(before) > 4:
        return False  # منتدبين جدد، لاعبون جدد: "new", the plural of جديد
    if cue.participle and before == NOT_WORD:
        return False  # تقارير غير مؤكدة: "unconfirmed", an adjective
    if cue.lemma in IMPERSONAL_IN_T and cue.imperfect and cue.gender == "f":
        return False  # تبين بعد التحقيقات أن، وتبين أن: تبيّن "it turned out", not "she shows"
    if cue.lemma in HAMZA_HOMOGRAPHS and not hamza_above_or_conjunction(token.text):
        return False  # إبان لقائهم: "during", which ابان also spells without its hamza
    if token.norm == BETWEEN and (before in AMONG_BEFORE or joins_a_pair(doc.tokens[index + 1 : index + 1 + PAIR_WORDS])):
        return False  # جمعت بين أصالة الموروث وثقافة الحاضر، من بين لاجئين: "between", "among"
    return True


def hamza_above_or_conjunction(word: str) -> bool:
    """أبان or وابان / فأبان: the verb; إبان and a bare ابان are "during"."""
    return word.startswith("أ") or (word[:1] in "وف" and word[1:2] in "أا")


def joins_a_pair(following: list) -> bool:
    """X و Y: a word or a number joined by و to the words before it, the و written on it or
    apart (بين قابس وجربة، بين 30 و36 سنة، بين المتلوي و قفصة), before any punctuation or أن."""
    for word in following:
        if not word.is_word or is_complementiser(word.text):
            return False
        if word.norm == "و" or (word.norm[:1] == "و" and word.norm[1:].isdigit()):
            return True
        if word.norm[:1] == "و" and len(word.norm) > 3 and cue_form(word.text) is None:
            return True
    return False


@lru_cache(maxsize=1)
def verbs_in_alef_maksura() -> frozenset[str]:
    """Normalised verb forms written with a final ى (رأى، نفى، ادعى، أبدى): the same letters
    with ي are nouns (رأي "opinion", نفي "denial")."""
    forms = [normalize(form) for table in WEAK_VERB_FORMS.values() for form in table
             if form.endswith("ى") and not form.startswith(("ي", "ت"))]
    return frozenset(forms) | frozenset(c + form for form in forms for c in "وف")


@lru_cache(maxsize=200_000)
def cue_form(word: str) -> CueForm | None:
    """The cue a written word is, read with or without a leading و/ف."""
    norm = normalize(word)
    if norm in verbs_in_alef_maksura() and spelled(word).endswith("ي"):
        return None  # رأي عام، نفي: the noun; the verb is written رأى، نفى
    if spelled(word).removeprefix("و").removeprefix("ف") in CALLED_FORMS:
        return None  # شخص يدعى أحمد: "is called"; يدعي (with ي) is "claims"
    table = cue_table()
    cue = table.get(norm) or (table.get(norm[1:]) if len(norm) > 3 and norm[0] in "وف" else None)
    if cue is None:
        cue = with_object_pronoun(norm)
    if cue is not None and cue.noun and spelled(word).endswith("ة") and not cue.lemma.endswith("ة"):
        return None  # حديثة العهد: "recent", not حديثه "his talk" (ة and ه meet in normalisation)
    return cue


def with_object_pronoun(norm: str) -> CueForm | None:
    """ووصفتها الولايات المتحدة بأنها، فوصفه بأنه: a describing verb with its object on it,
    written with و or ف (bare وصفه is as often the noun "his description": بسبب وصفه …)."""
    table = cue_table()
    if norm[:1] not in "وف":
        return None
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = norm[: -len(suffix)] if norm.endswith(suffix) else ""
        for form in (stem[1:],):
            cue = table.get(form) if len(form) > 2 else None
            if cue is not None and cue.lemma in OBJECT_SUFFIX_CUES and not cue.noun:
                return cue
    return None


def written_with_conjunction(token: Token) -> bool:
    """A cue with و/ف attached (وقال، فأضاف): plainly a verb opening its own clause."""
    return token.norm[:1] in "وف" and cue_form(token.text[1:]) is not None


def object_cue(word: str) -> CueForm | None:
    """A past speech verb carrying its object, the statement (قاله، أكدته، ذكرها),
    as in a cleft after a quote: «…»، هذا ما قاله الوزير."""
    norm = normalize(word)
    for suffix in ("ه", "ها"):
        cue = cue_table().get(norm[: -len(suffix)]) if norm.endswith(suffix) else None
        if cue is not None and not (cue.participle or cue.noun or cue.imperfect):
            return cue
    return None


def relay_cue(words: list[Token], i: int) -> CueForm | None:
    """The verb of a relay of what a source said starting at words[i] (وفق ما أكده، حسب ما
    أفاد به، وفقا لما ذكره), with its object pronoun or not; None if no relay starts there."""
    if i + 2 >= len(words) or words[i].norm not in RELAY_OPENERS or words[i + 1].norm not in RELAY_WHAT:
        return None
    verb = words[i + 2]
    return object_cue(verb.text) or cue_form(verb.text)


def is_complementiser(word: str) -> bool:
    norm = normalize(word)
    return norm in COMPLEMENTISERS


def is_pure_saying(cue: CueForm) -> bool:
    return cue.lemma in PURE_SAYING and not cue.participle and not cue.noun


def reads_as_verb(doc: Document, word: Token, after_conjunction: bool = False) -> bool:
    """يستقبل، ترافق، يُدعى (and with after_conjunction وتعهدت): an undefined word of four
    letters or more opening with ي or ت, outside any name the NER tagged (تونس، تويوتا);
    only asked where a title or a subject phrase would go on, never of a name."""
    norm = word.norm
    if after_conjunction and norm[:1] in "وف" and len(norm) > 4:
        norm = norm[1:]
    return norm[:1] in "يت" and len(norm) >= 4 and not is_definite(word.text) and not is_noun_form(word.text) \
        and doc.mention_at(word.start) is None


def is_noun_form(word: str) -> bool:
    """تصريحات (-ات), تركية (-ية) and تقارير، تفاصيل (تفاعيل): nouns and adjectives, not verbs in ت."""
    letters = spelled(word)
    norm = normalize(word)
    return letters.endswith(("ات", "ية")) or (len(norm) == 6 and norm[2] == "ا" and norm[4] == "ي")


def is_definite(word: str) -> bool:
    return normalize(word).startswith(("ال", "لل", "بال", "وال", "كال"))
