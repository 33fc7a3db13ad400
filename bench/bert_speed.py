"""How fast CAMeL's NER model would run here on CPU, without its weights.

    python bench/bert_speed.py [--data ../shared/data] [--sentences 300]

CAMeL's `ner-arabert` is a BERT-base token classifier (12 layers, hidden 768,
about 540 MB). Its weights cannot be downloaded here, but its speed does not
depend on them: this builds a randomly initialised model of the same shape and
times it on ANERcorp test sentences as CAMeL's NERecognizer feeds them (batches
of 32, padded to 256 wordpieces, one thread per core), giving tokens/s to set
beside `bench/speed.py`'s figure for the embedded tagger.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH, LENGTH = 32, 256


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sentences", type=int, default=320)
    args = parser.parse_args()

    import torch
    from transformers import BertConfig, BertForTokenClassification

    from newsan.cli.tagging import read_conll

    sentences = list(read_conll((args.data / "anercorp" / "test.conll").read_text(encoding="utf-8")))
    sentences = sentences[: args.sentences]
    tokens = sum(len(s) for s in sentences)
    model = BertForTokenClassification(BertConfig(vocab_size=64000, num_labels=9)).eval()
    batches = (len(sentences) + BATCH - 1) // BATCH
    inputs = torch.randint(5, 64000, (BATCH, LENGTH))
    started = time.perf_counter()
    with torch.inference_mode():
        for _ in range(batches):
            model(input_ids=inputs, attention_mask=torch.ones_like(inputs))
    seconds = time.perf_counter() - started
    print(f"BERT-base shape, random weights: {tokens} tokens in {seconds:.1f}s = "
          f"{tokens / seconds:.0f} tokens/s on {torch.get_num_threads()} threads")


if __name__ == "__main__":
    main()
