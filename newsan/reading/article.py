"""What the reader layer hands to the analysis: one document's text and what the
input says about it (title, kept fields), or a record that could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(ValueError):
    """One input (a file, a record) cannot be read; the batch goes on."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs (the --input family of options)."""

    input: str = "auto"  # auto | text | html | jsonl | csv | tsv
    text_field: str = "text"
    id_field: str | None = None
    title_field: str | None = None
    keep_fields: tuple[str, ...] = ()
    lines: bool = False  # one document per line of a text input

    def empty_fields(self) -> dict | None:
        return dict.fromkeys(self.keep_fields) if self.keep_fields else None


@dataclass(frozen=True)
class Article:
    """One document, read: what is analysed, and what its output record carries."""

    name: str  # the record's `source`
    text: str
    title: str | None = None  # None: the input has no title (plain text)
    fields: dict | None = field(default=None, hash=False)  # --keep-field values; None: none asked for
    show_text: bool = False  # the record includes `text`: it is not the input as read (HTML, a joined title)

    def read(self) -> Article:
        return self


@dataclass(frozen=True)
class BadRecord:
    """A record (or a whole archive) that cannot be read: it becomes one error record."""

    name: str
    error: str

    def read(self) -> Article:
        raise ReadError(self.error)


def with_title(title: str, body: str) -> str:
    """The text analysed for a titled document: the title as its first paragraph, as news
    files have it (the headline rules look there). A body that already starts with its
    title (HTML pages repeat it as a heading) is left as it is."""
    if not title or body.split("\n", 1)[0].strip() == title.strip():
        return body
    return f"{title}\n\n{body}" if body else title
