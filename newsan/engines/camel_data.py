"""Where CAMeL Tools keeps its data, found without importing camel_tools.data
(importing it downloads a catalogue when none is there).

CAMeL resolves a dataset as `$CAMELTOOLS_DATA/data/<path>`, `<path>` coming
from the components of its catalogue.json; we read the same file, falling back
to the paths of catalogue 1.6 when it lacks an entry.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

NER_PACKAGE = "ner-arabert"
MORPHOLOGY_PACKAGE = "morphology-db-msa-r13"
MLE_PACKAGE = "disambig-mle-calima-msa-r13"  # depends on morphology-db-msa-r13: installs both

# (catalogue component, dataset) -> path under data/ in catalogue 1.6
_DEFAULT_PATHS = {
    ("NamedEntityRecognition", "arabert"): "ner/arabert",
    ("MorphologyDB", "calima-msa-r13"): "morphology_db/calima-msa-r13",
    ("DisambigMLE", "calima-msa-r13"): "disambig_mle/calima-msa-r13",
}


def install_command(package: str) -> str:
    return f"camel_data -i {package}"


def data_dir() -> Path:
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def catalogue_path() -> Path:
    return data_dir() / "catalogue.json"


def _catalogue() -> dict | None:
    """The parsed catalogue, or None when missing or unreadable (camel_tools
    would download a missing one, or fail on an unreadable one)."""
    try:
        return json.loads(catalogue_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def dataset_dir(component: str, dataset: str) -> Path:
    """Where CAMeL looks for a dataset, whether or not it is installed."""
    entry = ((_catalogue() or {}).get("components", {}).get(component, {}).get("datasets", {}).get(dataset, {}))
    path = entry.get("path") if isinstance(entry, dict) else None
    return data_dir() / "data" / (path or _DEFAULT_PATHS[(component, dataset)])


def expected_ner_model_dir() -> Path:
    return dataset_dir("NamedEntityRecognition", "arabert")


def expected_morphology_db_path() -> Path:
    return dataset_dir("MorphologyDB", "calima-msa-r13") / "morphology.db"


def expected_mle_model_path() -> Path:
    return dataset_dir("DisambigMLE", "calima-msa-r13") / "model.json"


def has_catalogue() -> bool:
    return _catalogue() is not None


def ner_model_dir() -> Path | None:
    """The installed ner-arabert model folder, or None."""
    folder = expected_ner_model_dir()
    return folder if has_catalogue() and (folder / "config.json").is_file() else None


def morphology_db_path() -> Path | None:
    """The installed calima-msa-r13 database, or None."""
    path = expected_morphology_db_path()
    return path if has_catalogue() and path.is_file() else None


def mle_model_path() -> Path | None:
    """The installed calima-msa-r13 MLE model (optional: without it words are
    ranked by the database's pos-lex probabilities alone), or None."""
    path = expected_mle_model_path()
    return path if has_catalogue() and path.is_file() else None


def _module_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _embedded_entry(task: str, module: str, what: str) -> dict:
    folder = _module_dir(module)
    return {
        "name": "embedded",
        "task": task,
        "kind": "embedded",
        "available": folder is not None,
        "where": str(folder) if folder else module,
        "what": what,
        "install": None if folder else "reinstall newsan (the embedded engine ships with it)",
    }


def _camel_entry(task: str, found: Path | None, expected: Path, what: str, package: str) -> dict:
    missing_catalogue = not has_catalogue()
    return {
        "name": "camel",
        "task": task,
        "kind": "camel",
        "available": found is not None,
        "where": str(catalogue_path() if missing_catalogue else expected),
        "what": what,
        "install": None if found else install_command(package),
    }


def report() -> list[dict]:
    """What each engine is and whether it can run here, for `newsan info`."""
    lemma_what = "CAMeL MLE disambiguator, calima-msa-r13 database"
    if morphology_db_path() and not mle_model_path():
        lemma_what += " (no MLE model: pos-lex probabilities alone)"
    return [
        _embedded_entry("ner", "newsan.engines.embedded_ner", "NER tagger shipped with newsan"),
        _camel_entry("ner", ner_model_dir(), expected_ner_model_dir(),
                     "CAMeL AraBERT model fine-tuned on ANERcorp", NER_PACKAGE),
        _embedded_entry("lemmas", "newsan.engines.embedded_lemma", "lemmatizer shipped with newsan"),
        _camel_entry("lemmas", morphology_db_path(), expected_morphology_db_path(), lemma_what, MLE_PACKAGE),
    ]
