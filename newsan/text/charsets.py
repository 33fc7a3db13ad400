"""CAMeL Tools' character sets without their start-up cost.

`camel_tools.utils.charsets` classifies all 1.1 million code points by Unicode category
when it is imported (about 1 s, two thirds of newsan's start-up), and CAMeL's tokenizer
and dediacritiser import it. newsan ships that classification as ranges per Unicode
version (unicode_categories.json, made by `python -m newsan.text.charsets`) and runs
CAMeL's own module with its loop replaced by a fill from those ranges: the same sets,
built in milliseconds. With another Unicode version, or a CAMeL release whose module
reads differently, CAMeL's module is imported as it is.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import types
import unicodedata
from pathlib import Path

MODULE = "camel_tools.utils.charsets"
RANGES_FILE = Path(__file__).with_name("unicode_categories.json")
LOOP_START = "for x in range(0x110000):"
LOOP_END = "UNICODE_PUNCT_CHARSET = frozenset("
FILL = """
for _category, _set in (("L", UNICODE_LETTER_CHARSET), ("M", UNICODE_MARK_CHARSET),
                        ("N", UNICODE_NUMBER_CHARSET), ("P", UNICODE_PUNCT_CHARSET),
                        ("S", UNICODE_SYMBOL_CHARSET)):
    _set.update(map(chr, _newsan_code_points(_category)))

"""


def category_ranges() -> dict[str, list[list[int]]]:
    """[start, end] code point ranges (inclusive) of each major category L, M, N, P, S."""
    ranges: dict[str, list[list[int]]] = {c: [] for c in "LMNPS"}
    for code in range(0x110000):
        major = unicodedata.category(chr(code))[0]
        if major in ranges:
            spans = ranges[major]
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
    return ranges


def install() -> None:
    """Make `import camel_tools.utils.charsets` use the shipped classification."""
    if MODULE in sys.modules:
        return
    try:
        shipped = json.loads(RANGES_FILE.read_text(encoding="utf-8")).get(unicodedata.unidata_version)
        spec = importlib.util.find_spec(MODULE)
        source = spec.loader.get_source(MODULE) if spec is not None else None
    except (OSError, ValueError, ImportError):
        return
    if not shipped or not source or LOOP_START not in source or LOOP_END not in source:
        return
    start, end = source.index(LOOP_START), source.index(LOOP_END)
    module = types.ModuleType(MODULE)
    module.__file__, module.__spec__, module.__loader__ = spec.origin, spec, spec.loader

    def code_points(category):
        for first, last in shipped[category]:
            yield from range(first, last + 1)

    module.__dict__["_newsan_code_points"] = code_points
    exec(compile(source[:start] + FILL + source[end:], spec.origin, "exec"), module.__dict__)
    sys.modules[MODULE] = module


if __name__ == "__main__":  # add this Python's Unicode version to the shipped file
    table = json.loads(RANGES_FILE.read_text(encoding="utf-8")) if RANGES_FILE.exists() else {}
    table[unicodedata.unidata_version] = category_ranges()
    RANGES_FILE.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{RANGES_FILE}: Unicode {', '.join(sorted(table))}")
