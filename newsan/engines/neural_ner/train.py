"""Build the neural NER model: embeddings, network, export to numpy.

    python -m newsan.engines.neural_ner.train [--data /work/shared/data] [--out newsan/engines/neural_ner/model] [--test]

1. Word embeddings: PPMI + randomized SVD of a ±2-word co-occurrence matrix of
   the ANT news corpus (Apache-2.0) and the ANERcorp training tokens; the
   vocabulary is the most frequent ANT words plus every training word.
2. Network (see `model.py`) trained with a CRF loss on anercorp/train.conll
   only, keeping the epoch with the best dev F1.
3. Export to `weights.npz`, copy the ANERGazet lists, print dev scores (and
   test scores with --test: report them once per model, never tune on them).

Deterministic for a given machine: everything is seeded and torch runs on one thread.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from scipy import sparse
from torch import nn

from newsan.engines.embedded_ner.resources import GAZETTEER_TYPES, gazetteer_file, load_gazetteer
from newsan.engines.embedded_ner.scoring import format_scores, read_conll, score

from . import MODEL_DIR, NeuralNer
from .features import MAX_FEATURES, TokenEncoder, word_key
from .model import WEIGHTS_FILE, NumpyTagger

DEFAULT_DATA = Path("/work/shared/data")
TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
SETTINGS = {
    "vocab_size": 50_000,  # most frequent ANT words, plus every training word
    "embedding_dim": 100,
    "window": 2,
    "buckets": 2**17,  # hashed feature table
    "feature_dim": 32,
    "hidden": 192,
    "dilations": (1, 2, 4),
    "dropout": 0.5,
    "word_dropout": 0.2,  # training words (and half of their stems) replaced by the unknown word
    "epochs": 12,  # the epoch with the best dev F1 is kept
    "batch_sentences": 16,
    "lr": 1e-3,
    "chunk": 100,  # training sentences longer than this are cut into pieces
    "seed": 13,
}


# --- embeddings ---------------------------------------------------------------


def read_unlabelled(path: Path) -> list[list[str]]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    with open(path, encoding="utf-8") as lines:
        return [[word_key(token) for token in simple_word_tokenize(line)] for line in lines if line.strip()]


def build_vocab(unlabelled: list[list[str]], train: list[list[str]], size: int) -> list[str]:
    counts = Counter(word for line in unlabelled for word in line)
    vocab = ["<unk>"] + [word for word, _ in counts.most_common(size)]
    seen = set(vocab)
    train_counts = Counter(word for line in train for word in line if word not in seen)
    return vocab + [word for word, _ in train_counts.most_common()]


def ppmi_svd(lines: list[list[str]], vocab: list[str], dim: int, window: int, seed: int) -> np.ndarray:
    """Rows of U·sqrt(S) of the PPMI matrix (context counts smoothed by ^0.75), unit length."""
    index = {word: i for i, word in enumerate(vocab)}
    ids = []
    for line in lines:
        ids.extend(index.get(word, 0) for word in line)
        ids.append(-1)  # contexts never cross a line
    ids = np.array(ids, dtype=np.int64)
    n = len(vocab)
    rows, cols = [], []
    for offset in (o for o in range(-window, window + 1) if o):
        distance = abs(offset)
        words, contexts = (ids[:-distance], ids[distance:]) if offset > 0 else (ids[distance:], ids[:-distance])
        keep = (words > 0) & (contexts > 0)
        rows.append(words[keep])
        cols.append(contexts[keep])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, n))
    counts.sum_duplicates()
    total = counts.sum()
    word_p = np.asarray(counts.sum(axis=1)).ravel() / total
    context = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    context_p = context / context.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data / total / (word_p[coo.row] * context_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    # randomized SVD (Halko et al.): a few sparse products instead of ARPACK
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(ppmi @ rng.standard_normal((counts.shape[1], dim + 20)))
    for _ in range(2):
        q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    u, s, _ = np.linalg.svd((ppmi.T @ q).T, full_matrices=False)
    vectors = (q @ u[:, :dim]) * np.sqrt(s[:dim])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.where(norms > 0, vectors / np.maximum(norms, 1e-8), 0.0)
    vectors[0] = 0.0
    return vectors.astype(np.float32)


# --- network ------------------------------------------------------------------


class TorchTagger(nn.Module):
    """The network of `model.NumpyTagger`, with a CRF loss."""

    def __init__(self, embeddings: np.ndarray, buckets: int, feature_dim: int, hidden: int, dilations, dropout: float):
        super().__init__()
        self.dilations = tuple(dilations)
        self.word_emb = nn.Embedding.from_pretrained(torch.tensor(embeddings), freeze=False)
        self.bag_emb = nn.Embedding(buckets, feature_dim, padding_idx=0)
        nn.init.zeros_(self.bag_emb.weight)  # buckets no training feature hits stay zero (and compress away)
        self.inp = nn.Linear(2 * embeddings.shape[1] + feature_dim, hidden)
        self.convs = nn.ModuleList(nn.Conv1d(hidden, hidden, 3, dilation=d, padding=d) for d in self.dilations)
        self.out = nn.Linear(hidden, len(TAGS))
        self.crf_trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
        self.crf_start = nn.Parameter(torch.zeros(len(TAGS)))
        self.crf_end = nn.Parameter(torch.zeros(len(TAGS)))
        self.drop = nn.Dropout(dropout)

    def emissions(self, words, stems, bag, mask):
        """(batch, length) ids and (batch, length, MAX_FEATURES) bags → (batch, length, tags)."""
        x = torch.cat([self.word_emb(words), self.word_emb(stems), self.bag_emb(bag).sum(dim=2)], dim=2)
        m = mask.unsqueeze(2).float()
        h = torch.relu(self.inp(self.drop(x))) * m
        for conv in self.convs:
            h = h + torch.relu(conv(self.drop(h).transpose(1, 2)).transpose(1, 2))
            h = h * m
        return self.out(self.drop(h))

    def nll(self, emissions, tags, mask):
        """Mean negative log-likelihood of the gold tags under the linear-chain CRF."""
        batch = torch.arange(emissions.shape[0])
        gold = self.crf_start[tags[:, 0]] + emissions[batch, 0, tags[:, 0]]
        alpha = self.crf_start + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            step = mask[:, t]
            gold = gold + step * (self.crf_trans[tags[:, t - 1], tags[:, t]] + emissions[batch, t, tags[:, t]])
            scores = torch.logsumexp(alpha.unsqueeze(2) + self.crf_trans + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(step.unsqueeze(1).bool(), scores, alpha)
        last = tags[batch, mask.sum(dim=1).long() - 1]
        gold = gold + self.crf_end[last]
        return (torch.logsumexp(alpha + self.crf_end, dim=1) - gold).mean()

    def export(self, vocab: list[str]) -> dict[str, np.ndarray]:
        def array(t):
            return t.detach().cpu().numpy().astype(np.float32)

        weights = {
            "tags": np.array(TAGS),
            "dilations": np.array(self.dilations, dtype=np.int64),
            "vocab": np.array(vocab),
            "word_emb": array(self.word_emb.weight).astype(np.float16),
            "bag_emb": array(self.bag_emb.weight).astype(np.float16),
            "in_w": array(self.inp.weight.T),
            "in_b": array(self.inp.bias),
            "out_w": array(self.out.weight.T),
            "out_b": array(self.out.bias),
            "crf_trans": array(self.crf_trans),
            "crf_start": array(self.crf_start),
            "crf_end": array(self.crf_end),
        }
        for layer, conv in enumerate(self.convs):
            hidden = conv.weight.shape[0]
            weights[f"conv{layer}_w"] = array(conv.weight.permute(2, 1, 0).reshape(3 * hidden, hidden))
            weights[f"conv{layer}_b"] = array(conv.bias)
        return weights

    @classmethod
    def from_weights(cls, weights: dict[str, np.ndarray]) -> "TorchTagger":
        """The torch twin of exported weights (for checking the numpy forward)."""
        hidden = weights["in_b"].shape[0]
        dilations = [int(d) for d in weights["dilations"]]
        bag = weights["bag_emb"]
        model = cls(weights["word_emb"].astype(np.float32), bag.shape[0], bag.shape[1], hidden, dilations, 0.0)
        with torch.no_grad():
            model.bag_emb.weight.copy_(torch.tensor(bag.astype(np.float32)))
            model.inp.weight.copy_(torch.tensor(weights["in_w"].T))
            model.inp.bias.copy_(torch.tensor(weights["in_b"]))
            model.out.weight.copy_(torch.tensor(weights["out_w"].T))
            model.out.bias.copy_(torch.tensor(weights["out_b"]))
            for name in ("crf_trans", "crf_start", "crf_end"):
                getattr(model, name).copy_(torch.tensor(weights[name]))
            for layer, conv in enumerate(model.convs):
                w = torch.tensor(weights[f"conv{layer}_w"]).reshape(3, hidden, hidden).permute(2, 1, 0)
                conv.weight.copy_(w)
                conv.bias.copy_(torch.tensor(weights[f"conv{layer}_b"]))
        return model.eval()


def encode_batch(encoder: TokenEncoder, sentences: list[list[str]]):
    """Padded tensors (words, stems, bag, mask) of a batch of sentences."""
    length = max(len(s) for s in sentences)
    words = torch.zeros(len(sentences), length, dtype=torch.long)
    stems = torch.zeros_like(words)
    bag = torch.zeros(len(sentences), length, MAX_FEATURES, dtype=torch.long)
    mask = torch.zeros(len(sentences), length)
    for b, tokens in enumerate(sentences):
        for t, token in enumerate(tokens):
            word, stem, feats = encoder.encode(token)
            words[b, t], stems[b, t], mask[b, t] = word, stem, 1.0
            bag[b, t, : len(feats)] = torch.tensor(feats, dtype=torch.long)
    return words, stems, bag, mask


def chunks(tokens: list[str], tags: list[str], size: int):
    for start in range(0, len(tokens), size):
        yield tokens[start : start + size], tags[start : start + size]


def train(settings: dict, data: Path, out: Path) -> None:
    seed = settings["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    out.mkdir(parents=True, exist_ok=True)
    for kind in GAZETTEER_TYPES:
        shutil.copyfile(data / "anergazet" / f"{kind.lower()}.txt", out / gazetteer_file(kind))
    gazetteer = load_gazetteer(out)

    train_tokens, train_tags = read_conll(data / "anercorp" / "train.conll")
    dev_tokens, dev_tags = read_conll(data / "anercorp" / "dev.conll")

    started = time.time()
    unlabelled = read_unlabelled(data / "news" / "ant_full_unlabelled.txt")
    train_keys = [[word_key(token) for token in tokens] for tokens in train_tokens]
    vocab = build_vocab(unlabelled, train_keys, settings["vocab_size"])
    embeddings = ppmi_svd(unlabelled + train_keys, vocab, settings["embedding_dim"], settings["window"], seed)
    print(f"embeddings: {len(vocab)} words x {embeddings.shape[1]} in {time.time() - started:.0f}s", flush=True)

    encoder = TokenEncoder(vocab, gazetteer, settings["buckets"])
    tag_index = {tag: i for i, tag in enumerate(TAGS)}
    examples = [c for tokens, tags in zip(train_tokens, train_tags) for c in chunks(tokens, tags, settings["chunk"])]
    examples.sort(key=lambda e: len(e[0]))
    size = settings["batch_sentences"]
    batches = []
    for start in range(0, len(examples), size):
        group = examples[start : start + size]
        words, stems, bag, mask = encode_batch(encoder, [tokens for tokens, _ in group])
        tags = torch.zeros_like(words)
        for b, (_, sentence_tags) in enumerate(group):
            tags[b, : len(sentence_tags)] = torch.tensor([tag_index[t] for t in sentence_tags])
        batches.append((words, stems, bag, mask, tags))

    model = TorchTagger(
        embeddings, settings["buckets"], settings["feature_dim"], settings["hidden"], settings["dilations"], settings["dropout"]
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=settings["lr"])
    best_f1, best_weights, best_epoch = -1.0, None, 0
    for epoch in range(1, settings["epochs"] + 1):
        epoch_started = time.time()
        model.train()
        random.shuffle(batches)
        total = 0.0
        for words, stems, bag, mask, tags in batches:
            if settings["word_dropout"]:
                drop = torch.rand(words.shape) < settings["word_dropout"]
                words = words.masked_fill(drop, 0)
                stems = stems.masked_fill(drop & (torch.rand(words.shape) < 0.5), 0)
            loss = model.nll(model.emissions(words, stems, bag, mask), tags, mask)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        model.eval()
        weights = model.export(vocab)
        dev = score(dev_tags, NumpyTagger(weights, gazetteer).tag(dev_tokens))["overall"]
        print(
            f"epoch {epoch:2d} loss {total / len(batches):7.3f} dev P {dev['precision']:.4f} R {dev['recall']:.4f} "
            f"F1 {dev['f1']:.4f} ({time.time() - epoch_started:.0f}s)",
            flush=True,
        )
        if dev["f1"] > best_f1:
            best_f1, best_weights, best_epoch = dev["f1"], weights, epoch
    np.savez_compressed(out / WEIGHTS_FILE, **best_weights)
    size_mb = sum(p.stat().st_size for p in out.iterdir()) / 1e6
    print(f"kept epoch {best_epoch} (dev F1 {best_f1:.4f}); trained in {time.time() - started:.0f}s; {out}: {size_mb:.1f} MB")


def evaluate(model_dir: Path, conll: Path) -> dict:
    sentences, gold = read_conll(conll)
    return score(gold, NeuralNer(model_dir).tag(sentences))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--test", action="store_true", help="also score anercorp/test.conll")
    parser.add_argument("--eval-only", action="store_true", help="score the model already in --out")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting (dev experiments)")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS)
    for item in args.set:
        key, value = item.split("=", 1)
        default = SETTINGS[key]
        if isinstance(default, bool):
            settings[key] = value.lower() in ("1", "true", "yes")
        elif isinstance(default, tuple):
            settings[key] = tuple(int(v) for v in value.split(","))
        else:
            settings[key] = type(default)(value)
    if not args.eval_only:
        print("settings:", settings)
        train(settings, args.data, args.out)
    print("dev\n" + format_scores(evaluate(args.out, args.data / "anercorp" / "dev.conll")))
    if args.test:
        print("test\n" + format_scores(evaluate(args.out, args.data / "anercorp" / "test.conll")))


if __name__ == "__main__":
    main()
