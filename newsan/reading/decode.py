"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16, or Windows-1256."""

from __future__ import annotations

import codecs

from newsan.reading.article import ReadError


class DecodeError(ReadError):
    pass


ARABIC_1256_LETTERS = set(range(0xC1, 0xFB))  # where cp1256 keeps its Arabic letters
MAX_BROKEN_UTF8 = 0.01  # share of characters that may be broken sequences in text still read as UTF-8


def decode(data: bytes) -> str:
    return _decoded(data)[0]


def encoding_of(data: bytes) -> tuple[str, str]:
    """(codec, errors) that decode `data` as decode() reads it, for reading the rest of a
    stream of which `data` is the head. Raises DecodeError."""
    return _decoded(data)[1:]


def _decoded(data: bytes) -> tuple[str, str, str]:
    """(text, codec, errors): a BOM's codec (utf-8-sig, utf-16), UTF-16 without BOM,
    UTF-8, Windows-1256, or UTF-8 with a few broken characters replaced."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig", "strict"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16", "strict"
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return (*utf16, "strict")
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", "strict"
    except UnicodeDecodeError:
        pass
    if _looks_like_cp1256(data):
        return data.decode("cp1256"), "cp1256", "strict"
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8", "replace"
    raise DecodeError("cannot decode: not UTF-8, UTF-16 or Windows-1256 text")


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken characters, as `head -c` or `cut -c` leave
    when they cut a letter in two: the broken bytes become U+FFFD, the rest stays."""
    text = data.decode("utf-8", errors="replace")
    return text if text.count("\ufffd") <= len(text) * MAX_BROKEN_UTF8 else None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"invalid {encoding.removesuffix('-sig').upper()}: {error.reason} at byte {error.start}") from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of UTF-16 text without a BOM, or None: such text has a NUL in every
    other byte for Latin, and 0x06 there for Arabic; pick the byte order that fits."""
    if len(data) % 2:
        return None
    high_even = sum(1 for b in data[0::2] if b in (0, 6))
    high_odd = sum(1 for b in data[1::2] if b in (0, 6))
    encoding = "utf-16-be" if high_even > high_odd else "utf-16-le"
    if max(high_even, high_odd) < len(data) // 2 * 0.9:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _mostly_text(text) else None


def _looks_like_cp1256(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    if not high or _has_controls(data):
        return False
    return sum(1 for b in high if b in ARABIC_1256_LETTERS) / len(high) > 0.6


def _has_controls(data: bytes) -> bool:
    return any(b < 0x20 and b not in (9, 10, 12, 13) for b in data)


def _mostly_text(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 0x20 and c not in "\t\n\r\f")
    return controls <= len(text) * 0.01
