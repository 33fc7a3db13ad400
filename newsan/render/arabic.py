"""Arabic for the terminal: shaped and reordered only where the terminal needs it.

Most terminals draw characters in the order they arrive, left to right, and
without joining letters: Arabic then reads backwards, in isolated letters. For
them (`bidi` on) each line is shaped into presentation forms (arabic-reshaper)
and reordered into visual order (python-bidi). Terminals that lay out
bidirectional text themselves must get logical order, or they reverse it twice.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len

ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def for_terminal(text: str, bidi: bool) -> str:
    """One line as the terminal should receive it."""
    if not bidi or not has_arabic(text):
        return text
    from bidi.algorithm import get_display

    return get_display(shape(text))


def is_rtl(text: str) -> bool:
    """Whether `text` starts, in reading order, with a right-to-left letter."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def has_arabic(text: str) -> bool:
    return any(low <= ord(char) <= high for char in text for low, high in ARABIC_RANGES)


def shape(text: str) -> str:
    """Joined letter forms. Diacritics are dropped: terminals that cannot join
    letters misplace combining marks on presentation forms."""
    from arabic_reshaper import reshape

    return reshape(text)


@lru_cache(maxsize=4096)
def display_width(word: str) -> int:
    """Cells `word` takes once shaped (a lam-alef pair becomes one ligature)."""
    return cell_len(shape(word)) if has_arabic(word) else cell_len(word)


def wrap_logical(text: str, width: int) -> list[str]:
    """Lines of at most `width` shaped cells, still in logical order.

    Wrapping must happen before reordering: reordering a whole paragraph and
    then cutting it puts its end on the first line.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += _wrap_paragraph(paragraph, max(width, 1))
    return lines


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines, current, used = [], [], 0
    for word in _fold_long_words(paragraph.split(), width):
        needed = display_width(word) + (1 if current else 0)
        if current and used + needed > width:
            lines.append(" ".join(current))
            current, used = [], 0
            needed = display_width(word)
        current.append(word)
        used += needed
    if current or not lines:
        lines.append(" ".join(current))
    return lines


def _fold_long_words(words: list[str], width: int) -> list[str]:
    """Words wider than a line, cut into pieces that fit."""
    pieces = []
    for word in words:
        while display_width(word) > width:
            cut = _longest_fitting_prefix(word, width)
            pieces.append(word[:cut])
            word = word[cut:]
        pieces.append(word)
    return pieces


def _longest_fitting_prefix(word: str, width: int) -> int:
    for end in range(len(word) - 1, 1, -1):
        if display_width(word[:end]) <= width:
            return end
    return 1


def minimum_width(text: str) -> int:
    """The widest word: a column narrower than that would cut words."""
    return max((display_width(word) for word in text.split()), default=0)


# BiDi-aware terminals, by the variable each sets in its shells. VTE (GNOME
# Terminal, Tilix, Terminator...) does the layout since 0.58, VTE_VERSION 5800.
VTE_BIDI_SINCE = 5800
BIDI_AWARE_ENV = ("KONSOLE_VERSION", "MLTERM")
# Multiplexers redraw the screen cell by cell in logical order, whatever the
# outer terminal is, so text inside them needs shaping even under VTE (which
# they inherit VTE_VERSION from).
MULTIPLEXER_ENV = ("TMUX", "STY")


def resolve_bidi(mode: str, is_terminal: bool, environ) -> bool:
    """Whether to shape and reorder: never for pipes and files (they get
    logical text, whatever `mode`); `auto` shapes unless the terminal is known
    to do the bidirectional layout itself."""
    if not is_terminal or mode == "off":
        return False
    if mode == "on":
        return True
    return not terminal_does_bidi(environ)


def terminal_does_bidi(environ) -> bool:
    if any(environ.get(name) for name in MULTIPLEXER_ENV):
        return False
    if any(environ.get(name) for name in BIDI_AWARE_ENV):
        return True
    vte = environ.get("VTE_VERSION", "")
    return vte.isdigit() and int(vte) >= VTE_BIDI_SINCE
