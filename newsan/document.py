"""The document object that every stage reads and enriches.

Offsets (`start`, `end`) are always character offsets into `Document.text`, the
original text as decoded, so whatever a stage finds can be shown in context.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsan.stages.speech import CueForm


@dataclass
class Token:
    text: str
    start: int
    end: int
    sentence: int = 0
    norm: str = ""  # normalised form, for matching only
    ner: str = "O"  # BIO tag
    lemma: str | None = None
    pos: str | None = None
    paragraph: int = 0  # index into Document.paragraphs
    cue: CueForm | None = None  # the speech cue this word is (speech.add_cues)

    @property
    def is_word(self) -> bool:
        """A word rather than punctuation: it starts with a letter, a digit or tatweel."""
        return self.text[0].isalnum() or self.text[0] == "\u0640"


@dataclass
class Mention:
    """A named-entity mention: tokens[first:last] (last exclusive)."""

    first: int
    last: int
    type: str
    text: str
    start: int
    end: int
    entity: int = -1  # index into Document.entities once canonicalised
    proclitics: str = ""  # و ف ب ل ك written on its first word (وروسيا → و), set with the entity
    name: str = ""  # the mention as written without them (وروسيا → روسيا, للعراق → العراق)


@dataclass
class Entity:
    canonical: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    key: str = ""

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed | headline
    cue: str
    speaker: str = ""
    mention: str = ""
    title: str = ""
    cue_start: int = -1


@dataclass
class Speaker:
    name: str
    title: str = ""
    aliases: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    kind: str = "described"  # person | organisation | place (a named entity) | described


@dataclass
class Document:
    text: str
    source: str = "<stdin>"
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # character spans of the lines
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    starts_text: bool = True  # False for a window after the first of a long text: no headline there

    def sentence_tokens(self, index: int) -> list[Token]:
        first, last = self.sentences[index]
        return self.tokens[first:last]

    def token_index_at_or_after(self, pos: int) -> int:
        """The first token starting at or after character `pos` (len(tokens) if none)."""
        return bisect_left(self.tokens, pos, key=attrgetter("start"))

    def token_index_at(self, pos: int) -> int:
        """The token starting exactly at `pos`, or -1."""
        index = self.token_index_at_or_after(pos)
        return index if index < len(self.tokens) and self.tokens[index].start == pos else -1

    def mention_at(self, pos: int) -> Mention | None:
        """The mention covering character `pos` (mentions are sorted and never overlap)."""
        index = bisect_right(self.mentions, pos, key=attrgetter("start")) - 1
        return self.mentions[index] if index >= 0 and pos < self.mentions[index].end else None
