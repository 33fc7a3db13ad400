"""The pipeline: which stages a task needs, run once over one Document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsan.document import Document


@dataclass(frozen=True)
class Settings:
    engine: str = "auto"
    ner_model: str | None = None
    device: str = "cpu"
    diacritized: bool = False


class Pipeline:
    """Runs the stages a task needs. Engines load on first use, once per process."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings

    @cached_property
    def ner(self):
        from newsan.engines import ner_engine

        s = self.settings
        return ner_engine(s.engine, s.ner_model, s.device)

    @cached_property
    def lemmas(self):
        from newsan.engines import lemma_engine

        return lemma_engine(self.settings.engine, self.settings.diacritized)

    @cached_property
    def lexicon(self) -> frozenset[str]:
        from newsan.engines.embedded_ner import EmbeddedNer

        return EmbeddedNer.known_names()

    @cached_property
    def common_words(self) -> frozenset[str]:
        from newsan.engines.embedded_ner import EmbeddedNer

        return EmbeddedNer.common_words()

    def prepare(self, task: str) -> None:
        """Load the engines `task` needs now: a missing engine is one error up
        front rather than one per document, and forked workers inherit them."""
        if task == "lemmas":
            self.lemmas
        else:
            self.ner.load()
            self.lexicon, self.common_words

    def run(self, text: str, source: str = "<text>", task: str = "entities", starts_text: bool = True) -> Document:
        """`starts_text`: False for a window of a long text after its first."""
        # Stages are imported here, not at the top, so that Settings and the CLI's --help
        # do not load CAMeL's tokenizer.
        from newsan.stages.entities import add_entities
        from newsan.stages.ner import add_mentions
        from newsan.stages.tokens import add_tokens
        from newsan.text.clean import analysable

        doc = Document(analysable(text), source, starts_text=starts_text)
        add_tokens(doc)
        if task == "lemmas":
            from newsan.stages.lemmas import add_lemmas

            add_lemmas(doc, self.lemmas)
            return doc
        add_mentions(doc, self.ner, self.common_words)
        add_entities(doc, self.lexicon)
        if task in ("quotes", "speakers", "analyze"):
            from newsan.stages.quotes import add_quotes
            from newsan.stages.speakers import add_speakers
            from newsan.stages.speech import add_cues

            add_cues(doc)
            add_quotes(doc)
            add_speakers(doc)
        return doc


def analyze(text: str, source: str = "<text>", task: str = "analyze", settings: Settings = Settings()) -> Document:
    """Library entry point: the Document for `text` with everything `task` needs."""
    return Pipeline(settings).run(text, source, task)
