"""Engines behind one interface (see base.py), chosen per run.

`auto` uses CAMeL Tools' models where their data is installed, else the
embedded ones shipped in the package. Engine modules are imported only when
chosen: CAMeL's import some heavy libraries and may reach for the network.
"""

from __future__ import annotations

from functools import lru_cache

from newsan.engines.base import LemmaEngine, NerEngine

ENGINE_CHOICES = ("auto", "embedded", "camel")


class EngineError(Exception):
    """An engine was asked for but cannot run here (its data is missing)."""


@lru_cache(maxsize=None)
def ner_engine(name: str = "auto", model: str | None = None, device: str = "cpu") -> NerEngine:
    from newsan.engines import camel_data

    if name == "camel" or (name == "auto" and (model or camel_data.ner_model_dir())):
        from newsan.engines.camel_ner import CamelNer

        return CamelNer(model, device)
    from newsan.engines.embedded_ner import EmbeddedNer

    return EmbeddedNer()


@lru_cache(maxsize=None)
def lemma_engine(name: str = "auto", diacritized: bool = False) -> LemmaEngine:
    from newsan.engines import camel_data

    if name == "camel" or (name == "auto" and camel_data.morphology_db_path()):
        from newsan.engines.camel_lemma import CamelLemmatizer

        return CamelLemmatizer(diacritized=diacritized)
    from newsan.engines.embedded_lemma import EmbeddedLemmatizer

    return EmbeddedLemmatizer(diacritized=diacritized)
