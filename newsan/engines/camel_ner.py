"""Named entities with CAMeL Tools' AraBERT model (ANERcorp labels).

CAMeL's NERecognizer silently drops words its tokenizer turns into no
wordpieces (camel_tools issue #105), which shifts every later label. We feed it
only words that yield wordpieces, in chunks that fit its input, and put each
label back on the token it belongs to; the dropped words get 'O'.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from newsan.engines import EngineError, camel_data
from newsan.engines.base import Sentences

LABELS = frozenset(f"{prefix}-{kind}" for prefix in "BI" for kind in ("PERS", "LOC", "ORG", "MISC")) | {"O"}

# NERecognizer.predict pads every input to this many wordpieces, [CLS] and [SEP] included.
CAMEL_SEQ_LENGTH = 256
BATCH_SIZE = 32


def _model_folder(model: str | None) -> Path:
    if model:
        folder = Path(model).expanduser()
        if not (folder / "config.json").is_file():
            raise EngineError(f"--ner-model {model}: no config.json there (expected a BERT token-classification model folder)")
        return folder
    folder = camel_data.ner_model_dir()
    if folder is None:
        raise EngineError(
            f"CAMeL NER model not found at {camel_data.expected_ner_model_dir()}; "
            f"install it with: {camel_data.install_command(camel_data.NER_PACKAGE)}"
        )
    return folder


def _require_catalogue() -> None:
    # camel_tools.ner imports camel_tools.data, which downloads a missing catalogue.
    if not camel_data.has_catalogue():
        raise EngineError(
            f"camel_tools needs its catalogue at {camel_data.catalogue_path()} and would download it; "
            f"install CAMeL data first: {camel_data.install_command(camel_data.NER_PACKAGE)}"
        )


def _cuda_index(device: str) -> int | None:
    """None for the CPU, else the CUDA device index (-1: the current one)."""
    if device == "cpu":
        return None
    if device != "cuda" and not device.startswith("cuda:"):
        raise EngineError(f"unsupported device {device!r}: use cpu, cuda or cuda:N")
    import torch

    if not torch.cuda.is_available():
        raise EngineError(f"device {device!r} asked for but CUDA is not available here")
    return int(device.split(":", 1)[1]) if ":" in device else -1


class CamelNer:
    name = "camel"

    def __init__(self, model: str | None = None, device: str = "cpu"):
        folder = _model_folder(model)
        _require_catalogue()
        self._cuda = _cuda_index(device)
        from camel_tools.ner import NERecognizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # else every load draws a bar on stderr

        self._recognizer = NERecognizer(str(folder), use_gpu=self._cuda is not None)
        positions = self._recognizer.model.config.max_position_embeddings
        if positions < CAMEL_SEQ_LENGTH:
            raise EngineError(f"{folder}: the model has {positions} positions, CAMeL feeds it {CAMEL_SEQ_LENGTH}")
        self.max_pieces = CAMEL_SEQ_LENGTH - 2

    def load(self) -> None:
        """The model is read when the engine is made."""

    def _piece_counts(self, tokens: list[str]) -> list[int]:
        return [len(self._recognizer.tokenizer.tokenize(token)) for token in tokens]

    def _chunks(self, piece_counts: list[int]) -> list[list[int]]:
        """Token indices grouped so each group fits the model; tokens with no
        wordpieces, or more than a whole input holds, are left out."""
        chunks, current, used = [], [], 0
        for index, count in enumerate(piece_counts):
            if count == 0 or count > self.max_pieces:
                continue
            if used + count > self.max_pieces:
                chunks.append(current)
                current, used = [], 0
            current.append(index)
            used += count
        if current:
            chunks.append(current)
        return chunks

    def _predict(self, chunks: list[list[str]]) -> list[list[str]]:
        if not chunks:
            return []
        import torch

        on_device = torch.cuda.device(self._cuda) if self._cuda not in (None, -1) else nullcontext()
        with on_device:
            return self._recognizer.predict(chunks, batch_size=BATCH_SIZE)

    def tag(self, sentences: Sentences) -> list[list[str]]:
        sentences = [list(sentence) for sentence in sentences]
        owners, chunks = [], []  # (sentence index, token indices) and the words of each chunk
        for number, tokens in enumerate(sentences):
            for indices in self._chunks(self._piece_counts(tokens)):
                owners.append((number, indices))
                chunks.append([tokens[i] for i in indices])

        labels = [["O"] * len(tokens) for tokens in sentences]
        for (number, indices), predicted in zip(owners, self._predict(chunks), strict=True):
            for index, label in zip(indices, predicted, strict=True):
                labels[number][index] = label if label in LABELS else "O"
        return labels
