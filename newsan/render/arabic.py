"""Arabic for the terminal: shaped and reordered only where the terminal needs it."""

from __future__ import annotations


def for_terminal(text: str, bidi: bool) -> str:
    if not bidi:
        return text
    from arabic_reshaper import reshape
    from bidi.algorithm import get_display

    return get_display(reshape(text))


# Terminals that lay out bidirectional text themselves: shaping for them would
# reverse Arabic a second time.
BIDI_AWARE_ENV = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM")


def resolve_bidi(mode: str, is_terminal: bool, environ) -> bool:
    """Whether to shape and reorder: never for pipes and files; `auto` shapes
    unless the terminal is known to do the bidirectional layout itself."""
    if not is_terminal or mode == "off":
        return False
    if mode == "on":
        return True
    return not any(environ.get(name) for name in BIDI_AWARE_ENV)
