"""Arabic text utilities shared by the stages: tokenising with offsets, normalising for matching."""
