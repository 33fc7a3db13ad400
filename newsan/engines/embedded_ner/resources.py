"""Lexical resources the tagger's features look up: word clusters, gazetteers and
given names and surnames.

All are small text files under `model/`, loaded once; nothing heavy is imported.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsan.text.normalize import normalize

MODEL_DIR = Path(__file__).parent / "model"
CLUSTERS_FILE = "clusters.tsv.gz"
CRF_FILE = "crf.model"
NEURAL_FILE = "tagger.onnx"  # the BiLSTM mixed with the CRF (neural.py, train_neural.py)
GAZETTEER_TYPES = ("LOC", "ORG", "PERS")
NAME_ROLES = ("given", "surname")
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
CLUSTER_SIZES = (64, 256, 1024, 2048)  # k-means sizes of the word clusters, coarse to fine


def gazetteer_file(kind: str) -> str:
    return f"gazetteer_{kind.lower()}.txt"


def names_file(role: str) -> str:
    return f"names_{role}.txt"


@dataclass(frozen=True)
class Gazetteer:
    whole: dict[str, frozenset[str]]  # normalised single-token names, by type
    part: dict[str, frozenset[str]]  # normalised tokens of multi-token names, by type


@dataclass(frozen=True)
class Resources:
    clusters: dict[str, tuple[str, ...]]  # normalised word -> cluster ids, coarse to fine
    gazetteer: Gazetteer
    names: dict[str, frozenset[str]]  # normalised single-word given names and surnames, by role


def read_gazetteer_names(path: Path) -> list[str]:
    """Normalised names of one gazetteer file, skipping separators such as '****'."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = " ".join(normalize(token) for token in line.split())
        if name and any(c.isalpha() for c in name):
            names.append(name)
    return names


def load_gazetteer(directory: Path) -> Gazetteer:
    whole, part = {}, {}
    for kind in GAZETTEER_TYPES:
        names = read_gazetteer_names(directory / gazetteer_file(kind))
        whole[kind] = frozenset(name for name in names if " " not in name)
        part[kind] = frozenset(token for name in names if " " in name for token in name.split() if len(token) > 1)
    return Gazetteer(whole, part)


@lru_cache(maxsize=4)
def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word<TAB>id<TAB>id... in descending corpus frequency; read once (the tagger and the
    lexicons of the pipeline share it; nobody changes it)."""
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids)
    return clusters


@lru_cache(maxsize=4)
def load_names(directory: Path) -> dict[str, frozenset[str]]:
    return {role: frozenset((directory / names_file(role)).read_text(encoding="utf-8").split()) for role in NAME_ROLES}


def load_resources(directory: Path = MODEL_DIR) -> Resources:
    return Resources(load_clusters(directory / CLUSTERS_FILE), load_gazetteer(directory), load_names(directory))
