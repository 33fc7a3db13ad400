"""Arabic text utilities shared by the stages: tokenising with offsets, normalising for matching."""

from newsan.text.charsets import install as _install_fast_charsets

_install_fast_charsets()  # before anything imports CAMeL's tokenizer or dediacritiser
