"""Where CAMeL Tools keeps its data, found without importing camel_tools.data
(importing it downloads a catalogue when none is there)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def ner_model_dir() -> Path | None:
    """The installed ner-arabert model folder, or None."""
    folder = data_dir() / "data" / "ner" / "arabert"
    return folder if (data_dir() / "catalogue.json").exists() and folder.is_dir() else None


def morphology_db_path() -> Path | None:
    """The installed calima-msa-r13 database, or None."""
    path = data_dir() / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    return path if (data_dir() / "catalogue.json").exists() and path.is_file() else None
