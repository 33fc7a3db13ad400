"""Train the neural half of the embedded tagger and export it to ONNX (train time only:
needs torch, which camel-tools brings, and onnx, the `build` extra).

    python -m newsan.engines.embedded_ner.train_neural [--seed 0] [--epochs 6]

Run after train.py (it reads the clusters, gazetteers and CRF of --out, and is run by it).
Trains on ANERcorp train and the modern corpus, keeps the epoch whose mixed tagger
(CRF_WEIGHT of the CRF's marginals, the rest the network's) scores best on ANERcorp dev and
the modern dev split together, and prints the dev scores of the CRF, the network and their
mix at several weights.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from newsan.text.normalize import normalize

from .clusters import read_unlabelled, word_vectors
from .neural import (
    CHARS_FILE,
    CRF_WEIGHT,
    FLAGS,
    MAX_CHARS,
    NEURAL_FILE,
    PREFIXES,
    TAGS,
    NeuralInputs,
    NeuralTagger,
    best_tags,
    mixed_tags,
)
from .resources import CLUSTER_SIZES, MODEL_DIR, load_resources
from .scoring import read_conll, score

WORD_DIM, CHAR_DIM, CHAR_FILTERS, CLUSTER_DIM, PREFIX_DIM, HIDDEN = 100, 30, 50, 16, 8, 150
DROPOUT, WORD_DROPOUT = 0.5, 0.1
BATCH, LEARNING_RATE = 32, 2e-3
# The shipped network: seeds 0/1/2 gave the mix ANERcorp dev .730/.743/.732 and modern dev
# .867/.867/.869 (README, "The NER model"); 1 is best on the two together.
SEED, EPOCHS = 1, 6
INPUTS = ("words", "chars", "clusters", "prefixes", "flags")


class Network(nn.Module):
    """One embedding table for a token's word and its stem, a character CNN, cluster and
    prefix embeddings and lexicon flags, into a BiLSTM and a softmax per token."""

    def __init__(self, vocabulary: int, chars: int):
        super().__init__()
        self.words = nn.Embedding(vocabulary + 2, WORD_DIM, padding_idx=0)
        self.chars = nn.Embedding(chars + 2, CHAR_DIM, padding_idx=0)
        self.char_cnn = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
        self.clusters = nn.ModuleList([nn.Embedding(size + 1, CLUSTER_DIM) for size in CLUSTER_SIZES])
        self.prefixes = nn.Embedding(len(PREFIXES) + 1, PREFIX_DIM)
        width = 2 * WORD_DIM + CHAR_FILTERS + len(CLUSTER_SIZES) * CLUSTER_DIM + PREFIX_DIM + FLAGS
        self.dropout = nn.Dropout(DROPOUT)
        self.lstm = nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, len(TAGS))

    def token_vectors(self, words, chars, clusters, prefixes, flags, word_table):
        batch, length = words.shape[0], words.shape[1]
        word_vectors = nn.functional.embedding(words, word_table).float().reshape(batch, length, 2 * WORD_DIM)
        letters = self.chars(chars.reshape(-1, MAX_CHARS)).transpose(1, 2)
        char_vectors = torch.relu(self.char_cnn(letters)).max(dim=2).values.reshape(batch, length, CHAR_FILTERS)
        parts = [word_vectors, char_vectors] + [e(clusters[:, :, k]) for k, e in enumerate(self.clusters)]
        return torch.cat(parts + [self.prefixes(prefixes), flags], dim=2)

    def forward(self, words, chars, clusters, prefixes, flags, lengths=None, word_table=None):
        table = self.words.weight if word_table is None else word_table
        x = self.dropout(self.token_vectors(words, chars, clusters, prefixes, flags, table))
        if lengths is None:
            hidden, _ = self.lstm(x)
        else:  # packed: a sentence's backward pass starts at its own last token, not at padding
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                                         total_length=words.shape[1])
        return self.out(self.dropout(hidden))


class Exported(nn.Module):
    """What the ONNX file holds: probabilities, with the word table stored in float16 (half
    the size; the tags it gives are the same on the dev sets)."""

    def __init__(self, network: Network):
        super().__init__()
        self.network = network.eval()
        self.register_buffer("word_table", network.words.weight.detach().half())

    def forward(self, words, chars, clusters, prefixes, flags):
        logits = self.network(words, chars, clusters, prefixes, flags, word_table=self.word_table)
        return torch.softmax(logits, dim=-1)


def encode(inputs: NeuralInputs, sentences, tags=None) -> list[dict]:
    index = {tag: i for i, tag in enumerate(TAGS)}
    rows = []
    for k, tokens in enumerate(sentences):
        row = {name: torch.from_numpy(a) for name, a in inputs.sentence(tokens).items()}
        if tags is not None:
            row["tags"] = torch.tensor([index[t] for t in tags[k]])
        rows.append(row)
    return rows


def collate(rows: list[dict]):
    pad = nn.utils.rnn.pad_sequence
    feed = [pad([r[name] for r in rows], batch_first=True) for name in INPUTS]
    lengths = torch.tensor([len(r["words"]) for r in rows])
    tags = pad([r["tags"] for r in rows], batch_first=True, padding_value=-100) if "tags" in rows[0] else None
    return feed, lengths, tags


def probabilities(network: Network, rows: list[dict]) -> list[np.ndarray]:
    network.eval()
    out = []
    with torch.no_grad():
        for row in rows:  # one at a time, as at tag time
            feed = [row[name].unsqueeze(0) for name in INPUTS]
            out.append(torch.softmax(network(*feed), dim=-1)[0].numpy())
    network.train()
    return out


def initial_word_table(data: Path, words: list[str]) -> np.ndarray:
    """Word vectors made as the clusters' are (PPMI + SVD of the unlabelled news and ANERcorp
    train, SVD seed 0), as a start the labelled data then tunes; rows 0 and 1 (padding,
    unknown) and words without a vector start at zero."""
    lines = list(read_unlabelled(data / "news" / "ant_full_unlabelled.txt"))
    lines += [[normalize(t) for t in s] for s in read_conll(data / "anercorp" / "train.conll")[0]]
    vocabulary, vectors = word_vectors(lines)
    row = {word: i for i, word in enumerate(vocabulary)}
    table = np.zeros((len(words) + 2, vectors.shape[1]), dtype=np.float32)
    for i, word in enumerate(words):
        if word in row:
            table[i + 2] = vectors[row[word]]
    return table


def crf_marginals(model_dir: Path, sentences) -> list[np.ndarray]:
    from . import EmbeddedNer

    return EmbeddedNer(model_dir).crf_marginals(sentences)


def train(data: Path, out: Path, modern: Path | None, seed: int = SEED, epochs: int = EPOCHS,
          anercorp_copies: int = 1) -> None:
    """Train on ANERcorp train (anercorp_copies times over) and modern/train.conll (none when
    modern is None), choose the epoch on ANERcorp dev and modern/dev.conll, export to out."""
    torch.manual_seed(seed)
    shuffle = random.Random(seed)
    torch.set_num_threads(2)
    resources = load_resources(out)
    sentences, tags = read_conll(data / "anercorp" / "train.conll")
    sentences, tags = sentences * anercorp_copies, tags * anercorp_copies
    devs = {"ANERcorp dev": read_conll(data / "anercorp" / "dev.conll")}
    if modern is not None:
        modern_sentences, modern_tags = read_conll(modern / "train.conll")
        sentences, tags = sentences + modern_sentences, tags + modern_tags
        if (modern / "dev.conll").is_file():
            devs["modern dev"] = read_conll(modern / "dev.conll")
    letters = {}
    for tokens in sentences:
        for token in tokens:
            for c in normalize(token):
                letters[c] = letters.get(c, 0) + 1
    chars = sorted(c for c, n in letters.items() if n >= 2 and c != "\n")
    inputs = NeuralInputs(resources, chars)
    train_rows = encode(inputs, sentences, tags)
    dev_rows = {name: encode(inputs, s) for name, (s, _) in devs.items()}
    crf = {name: crf_marginals(out, s) for name, (s, _) in devs.items()}

    network = Network(len(resources.clusters), len(chars))
    network.words.weight.data.copy_(torch.from_numpy(initial_word_table(data, list(resources.clusters))))
    optimiser = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE)
    loss_of = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state = -1.0, None
    for epoch in range(epochs):
        started = time.time()
        shuffle.shuffle(train_rows)
        for start in range(0, len(train_rows), BATCH):
            feed, lengths, gold = collate(train_rows[start : start + BATCH])
            unknown = (torch.rand(feed[0].shape) < WORD_DROPOUT) & (feed[0] > 0)
            feed[0] = feed[0].masked_fill(unknown, 1)  # unseen words: learn to use letters and clusters
            optimiser.zero_grad()
            loss = loss_of(network(*feed, lengths=lengths).reshape(-1, len(TAGS)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimiser.step()
        scores = {}
        for name, (_, gold_tags) in devs.items():
            neural = probabilities(network, dev_rows[name])
            scores[name] = (score(gold_tags, [best_tags(p) for p in neural])["overall"]["f1"],
                            score(gold_tags, [mixed_tags(c, p) for c, p in zip(crf[name], neural)])["overall"]["f1"])
        mixed = sum(s[1] for s in scores.values()) / len(scores)
        print(f"epoch {epoch}: {time.time() - started:.0f}s, " + ", ".join(
            f"{name} network {a:.4f} mixed {b:.4f}" for name, (a, b) in scores.items()), flush=True)
        if mixed > best:
            best, best_state = mixed, {k: v.clone() for k, v in network.state_dict().items()}
    network.load_state_dict(best_state)
    # the network and its letters together: a new table beside an old network would misread
    (out / CHARS_FILE).write_text("".join(c + "\n" for c in chars), encoding="utf-8")
    export(network, out / NEURAL_FILE)
    report_weights(out, resources, devs, crf)


def report_weights(out: Path, resources, devs, crf) -> None:
    """Dev F1 of the mix at several CRF weights, through the exported file as at tag time."""
    exported = NeuralTagger(out, resources)
    for name, (sentences, gold_tags) in devs.items():
        neural = exported.probabilities(sentences)
        figures = []
        for weight in (1.0, 0.7, 0.6, 0.5, 0.0):
            f1 = score(gold_tags, [mixed_tags(c, p, weight) for c, p in zip(crf[name], neural)])["overall"]["f1"]
            figures.append(f"{weight:.1f}: {f1:.4f}")
        print(f"{name}, F1 by CRF weight (shipped {CRF_WEIGHT}): " + ", ".join(figures))


def export(network: Network, path: Path) -> None:
    length = 7
    example = (torch.ones(1, length, 2, dtype=torch.long), torch.ones(1, length, MAX_CHARS, dtype=torch.long),
               torch.ones(1, length, len(CLUSTER_SIZES), dtype=torch.long), torch.ones(1, length, dtype=torch.long),
               torch.zeros(1, length, FLAGS))
    names = list(INPUTS)
    axes = {name: {0: "sentences", 1: "tokens"} for name in names + ["probabilities"]}
    full = path.with_name(path.stem + ".float.onnx")
    torch.onnx.export(Exported(network), example, str(full), input_names=names, output_names=["probabilities"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize(full, path)
    full.unlink()
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")


def quantize(full: Path, path: Path) -> None:
    """The LSTM's and the output layer's weights in int8, dequantised as it runs (onnxruntime's
    dynamic quantisation): the network runs twice as fast, and tags 15 of 202,865 tokens of
    1,500 news articles otherwise; its dev scores are the ones report_weights prints."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8, op_types_to_quantize=["LSTM", "MatMul"])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    from .train import DEFAULT_DATA, MODERN_CORPUS

    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--modern", type=Path, default=MODERN_CORPUS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    train(args.data, args.out, args.modern, args.seed, args.epochs)


if __name__ == "__main__":
    main()
