"""A warning for input that is not Arabic: the analysis would find nothing, silently."""

from __future__ import annotations

import re

LETTER = re.compile(r"[^\W\d_]")
ARABIC_LETTER = re.compile(r"(?=[^\W\d_])[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
MIN_ARABIC_SHARE = 0.05  # of the letters: less is not an Arabic text (a few names in Latin letters are fine)
SAMPLE = 20_000  # characters looked at: enough to tell, and a bounded cost for documents of megabytes


def language_warning(text: str) -> str | None:
    text = text[:SAMPLE]
    letters = len(LETTER.findall(text))
    if not letters:
        return None
    arabic = len(ARABIC_LETTER.findall(text))
    if arabic >= MIN_ARABIC_SHARE * letters:
        return None
    return f"not Arabic text ({100 * arabic / letters:.0f}% of its letters are Arabic): newsan analyses Arabic only"
