"""Audit speakers over a large batch: what a reader would see as plainly wrong.

Runs `newsan analyze` over the news folders (or reads its JSON Lines with --records)
and counts, per 1,000 quotes, the quotes whose speaker, title or alias breaks one of
these invariants, with examples in context:

- function_word: the speaker is a function word, a verb or a preposition with its
  clitic (لـ، لي، لصحيفة، يقول، عام);
- quantifier: the speaker is a bare quantifier (عدد، بعض، أحد) instead of the group;
- bare_generic: the speaker is one bare role or body noun (الوزارة، ضيف، مراسل);
- outlet_relay: the speaker is an outlet the article only relays through (حسب موقع X);
- dateline: a headline quote whose speaker is a place (سيدي بوزيد : …);
- title_name: the title runs into the speaker's name (رئيس الجمهورية الباجي), or a
  described speaker's title is a person's name;
- title_verb: the title holds a verb or a speech cue (أحد المرشحين تجنب);
- alias_verb / alias_two_persons: an alias holds a verb, or two persons' names;
- merged_generic (with the merged speakers): a described or generic source merged
  across documents.

    python bench/speakers_audit.py                      # the 6,000 articles of ../shared/data/news
    python bench/speakers_audit.py --records out.jsonl  # an existing `analyze -f jsonl` output
    python bench/speakers_audit.py --examples 5 folder/ ...
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsan.render.merge import merge_speakers  # noqa: E402
from newsan.stages.speech import cue_form  # noqa: E402
from newsan.text.normalize import normalize  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news"


def words(*items):
    return frozenset(normalize(w) for item in items for w in item.split())


FUNCTION_WORDS = words("""ل لـ لي له لها لهم لنا لك في من على عن إلى الى مع أن إن ان بأن ما لا لم لن هذا هذه ذلك
    تلك هو هي هم نحن أنا قد وقد كما عام العام سابقا أيضا ايضا كذلك حيث الذي التي بعد قبل خلال حول عند
    منذ كل بين أمس اليوم الآن ثم أو أم بل لكن و ف ب ك يا""")
# Quantifiers that need their group after them (عدد من المحتجين); البعض، العديد، الكثيرون stand alone.
QUANTIFIERS = words("عدد بعض أحد احد إحدى كل جميع معظم أغلب غالبية عدة مجموعة جملة")
BARE_GENERIC = words("""الوزارة الوزير الوزيرة ضيف ضيفة الضيف مراسل المراسل مراسلة الهيئة المنظمة الشركة
    الحكومة الإدارة الادارة الجمعية النقابة الاتحاد الحزب الحركة الجامعة الولاية البلدية الرئاسة المجلس
    اللجنة المديرية المندوبية الديوان الجهة المصدر الصحيفة الجريدة الموقع الوكالة القناة الإذاعة
    الرئيس المدير المسؤول المتحدث الناطق النائب""")
OUTLET_NOUNS = words("موقع صحيفة جريدة وكالة قناة إذاعة اذاعة مجلة تلفزيون شبكة صفحة")
RELAY_WORDS = words("حسب بحسب وحسب وبحسب وفق وفقا ووفق نقلا عن ونقلا ونقلت نقلت")
TITLE_WORDS = words("""رئيس رئيسة وزير وزيرة الوزير نائب مدير مديرة أمين عام عضو متحدث ناطق سفير قائد زعيم
    مستشار محافظ أمير ملك المدير الأمين الرئيس النائب الناطق المتحدث""")
VERB_PREFIXES = ("ي", "ت", "سي", "ست", "وي", "وت", "في", "فت")


def is_verb_like(word: str) -> bool:
    """A speech cue (any inflection), an auxiliary (تم، كان), or a word the lemma engine reads
    as a verb that is written as one: imperfect (يتوعد، يستقبل) or after و/ف (وتعهدت)."""
    norm = normalize(word)
    if cue_form(word) is not None or norm in AUXILIARIES:
        return True
    return norm in VERBS and (norm[:1] in "يت" or (norm[:1] in "وف" and norm[1:2] in "يت"))


AUXILIARIES = words("تم يتم كان كانت كانوا يكون تكون صدر يشار حيث")


VERBS: set[str] = set()


def learn_verbs(texts: list[str]) -> None:
    """Mark which of these words the embedded lemma engine tags as verbs."""
    from newsan.engines import lemma_engine

    engine = lemma_engine("embedded")
    vocab = sorted({w for t in texts for w in t.split()})
    for word, (lemma, pos) in zip(vocab, engine.lemmatize([vocab])[0]):
        if pos and pos.startswith("verb"):
            VERBS.add(normalize(word))


def analyze(paths: list[str], workers: int) -> list[dict]:
    command = [sys.executable, "-m", "newsan", "analyze", "-f", "jsonl", "-j", str(workers), *paths]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def audit_quote(quote: dict, record: dict, text: str) -> list[str]:
    found = []
    speaker, title = quote["speaker"], quote["title"]
    if not speaker:
        return found
    names = speaker.split()
    first = normalize(names[0].strip("ـ\"«»“”"))
    if len(names) == 1 and (first in FUNCTION_WORDS or len(first) <= 2 or cue_form(names[0]) is not None):
        found.append("function_word")
    elif names[0].startswith("لـ") or (first.startswith("ل") and first[1:].lstrip("ـ") in OUTLET_NOUNS | words("مراسل مجلس")):
        found.append("function_word")
    if len(names) == 1 and first in QUANTIFIERS:
        found.append("quantifier")
    if len(names) == 1 and first in BARE_GENERIC:
        found.append("bare_generic")
    if relayed_outlet(speaker, text):
        found.append("outlet_relay")
    persons = [e for e in record["entities"] if e["type"] == "PERS"]
    places = {normalize(e["canonical"]) for e in record["entities"] if e["type"] == "LOC"}
    if quote["kind"] == "headline" and normalize(speaker) in places:
        found.append("dateline")
    person_names = {normalize(e["canonical"]) for e in persons}
    described = not any(normalize(speaker) == normalize(e["canonical"]) for e in persons)
    if runs_into_name(title, speaker) or (title and described and normalize(title) in person_names):
        found.append("title_name")
    named = {normalize(w) for e in record["entities"] for w in e["canonical"].split()}
    if any(is_verb_like(w) for w in title.split() if normalize(w) not in named):
        found.append("title_verb")
    return found


def runs_into_name(title: str, name: str) -> bool:
    """The title ends with the first word(s) of the name (رئيس الجمهورية الباجي for الباجي قايد
    السبسي) or holds the whole name; other shared words (الله in الأمين العام لحزب الله for
    حسن نصر الله, خالد in أحد شيوخ بني خالد) are no fault."""
    title_words = [normalize(w.strip("،,")) for w in title.split()]
    name_words = [normalize(w) for w in name.split()]
    if len(name_words) > 1 and " ".join(name_words) in " ".join(title_words):
        return True
    return bool(title_words) and bool(name_words) and title_words[-1] == name_words[0] and len(name_words) > 1


def relayed_outlet(speaker: str, text: str) -> bool:
    """The speaker appears only as an outlet the article relays: حسب موقع "X"، نقلا عن صحيفة X."""
    pattern = re.compile(r"(\S+)\s+(\S+)\s*[\"«“]?\s*" + re.escape(speaker))
    hits = list(pattern.finditer(text))
    return bool(hits) and all(
        normalize(m.group(2)) in OUTLET_NOUNS and normalize(m.group(1)) in RELAY_WORDS for m in hits)


def audit_aliases(speaker: dict, record: dict) -> list[str]:
    found = []
    persons = [e["canonical"] for e in record["entities"] if e["type"] == "PERS"]
    named = {normalize(w) for e in record["entities"] for w in e["canonical"].split()}  # names are no verbs
    for alias in speaker["aliases"]:
        words_after = [w for w in alias.split()[1:] if normalize(w) not in named]
        if any(is_verb_like(w) for w in words_after):
            found.append("alias_verb")
        inside = [p for p in persons if p in alias]
        if len({p for p in inside if not any(p != q and p in q for q in inside)}) > 1:
            found.append("alias_two_persons")
    return found


def merged_generic(records: list[dict]) -> list[dict]:
    """Merged speakers joined from several documents although each is only a description."""
    named = {normalize(e["canonical"]) for r in records for e in r["entities"]}
    merged = merge_speakers(records)
    if all("kind" in s for r in records for s in r["speakers"]):
        return [s for s in merged if s["documents"] > 1 and s["kind"] == "described"]
    return [s for s in merged if s["documents"] > 1 and normalize(s["name"]) not in named]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="folders or files (default: the 6,000 shared articles)")
    ap.add_argument("--records", help="read this analyze JSON Lines output instead of running newsan")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("-j", "--workers", type=int, default=2)
    args = ap.parse_args()
    if args.records:
        records = [json.loads(line) for line in open(args.records, encoding="utf-8") if line.strip()]
    else:
        paths = args.paths or [str(NEWS / "antcorpus"), str(NEWS / "saudinewsnet")]
        records = analyze(paths, args.workers)
    records = [r for r in records if "error" not in r]
    learn_verbs([q["title"] for r in records for q in r["quotes"]] + [a for r in records for s in r["speakers"]
                                                                       for a in s["aliases"]] +
                [q["speaker"] for r in records for q in r["quotes"]])
    counts, examples = collections.Counter(), collections.defaultdict(list)
    quotes = 0
    for record in records:
        text = Path(record["source"]).read_text(encoding="utf-8") if Path(record["source"]).is_file() else ""
        for quote in record["quotes"]:
            quotes += 1
            for kind in audit_quote(quote, record, text):
                counts[kind] += 1
                examples[kind].append(f"{Path(record['source']).stem}: {quote['speaker']!r} / {quote['title']!r} "
                                      f"← {text[max(0, quote['start'] - 90):quote['start']].replace(chr(10), ' ')!r}")
        for speaker in record["speakers"]:
            for kind in audit_aliases(speaker, record):
                counts[kind] += speaker["quotes"]
                examples[kind].append(f"{Path(record['source']).stem}: {speaker['name']!r} aliases {speaker['aliases']}")
    generic = merged_generic(records)
    counts["merged_generic"] = sum(s["quotes"] for s in generic)
    examples["merged_generic"] = [f"{s['name']!r}: {s['quotes']} quotes in {s['documents']} documents" for s in generic]
    print(f"{len(records)} documents, {quotes} quotes, {sum(1 for r in records for q in r['quotes'] if not q['speaker'])} "
          "without a speaker")
    print(f"{'invariant':20s} {'quotes':>7s} {'per 1,000':>9s}")
    kinds = ["function_word", "quantifier", "bare_generic", "outlet_relay", "dateline", "title_name", "title_verb",
             "alias_verb", "alias_two_persons", "merged_generic"]
    for kind in kinds:
        print(f"{kind:20s} {counts[kind]:7d} {1000 * counts[kind] / max(1, quotes):9.2f}")
    for kind in kinds:
        if examples[kind] and args.examples:
            print(f"\n{kind}:")
            for line in examples[kind][: args.examples]:
                print("  " + line)


if __name__ == "__main__":
    main()
