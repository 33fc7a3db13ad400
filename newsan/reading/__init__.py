"""Reading input: files, folders, stdin and URLs, decoded whatever their encoding;
HTML pages reduced to their article; archives (JSON Lines, CSV, TSV) record by record."""

from newsan.reading.archives import Item, documents
from newsan.reading.article import Article, BadRecord, ReadError, ReadOptions
from newsan.reading.decode import DecodeError, decode
from newsan.reading.language import language_warning
from newsan.reading.sources import Source, SourceError, expand_sources

__all__ = ["Article", "BadRecord", "DecodeError", "Item", "ReadError", "ReadOptions", "Source", "SourceError",
           "decode", "documents", "expand_sources", "language_warning"]
