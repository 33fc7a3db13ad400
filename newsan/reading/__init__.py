"""Reading input: files, folders and stdin, decoded whatever their encoding."""

from newsan.reading.decode import DecodeError, decode
from newsan.reading.sources import Source, SourceError, expand_sources

__all__ = ["DecodeError", "decode", "Source", "SourceError", "expand_sources"]
