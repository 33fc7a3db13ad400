"""Check gold quote files: fields, kinds, and that every text/cue/mention is a substring of the article.

  python bench/quotes_pool/check.py FILE.json [...]
"""

import json
import sys
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news"
KINDS = {"direct", "indirect", "mixed", "headline"}


def problems(path: Path) -> list[str]:
    record = json.loads(path.read_text(encoding="utf-8"))
    article = (NEWS / record["doc"]).read_text(encoding="utf-8")
    found = []
    speakers = record.get("speakers", {})
    for n, quote in enumerate(record["quotes"]):
        if set(quote) != {"text", "kind", "cue", "speaker", "mention", "optional"}:
            found.append(f"quote {n}: fields {sorted(quote)}")
        if quote.get("kind") not in KINDS:
            found.append(f"quote {n}: kind {quote.get('kind')!r}")
        for field in ("text", "cue", "mention"):
            value = quote.get(field, "")
            if value and value not in article:
                found.append(f"quote {n}: {field} not in the article: {value[:60]!r}")
        if not quote.get("text"):
            found.append(f"quote {n}: empty text")
        if quote.get("speaker") and quote["speaker"] not in speakers:
            found.append(f"quote {n}: speaker {quote['speaker']!r} missing from speakers")
        if not isinstance(quote.get("optional"), bool):
            found.append(f"quote {n}: optional must be true/false")
    return found


def main():
    bad = 0
    for name in sys.argv[1:]:
        for problem in problems(Path(name)):
            print(f"{name}: {problem}")
            bad += 1
    print("ok" if not bad else f"{bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
