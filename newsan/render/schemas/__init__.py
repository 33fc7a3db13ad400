"""JSON Schemas (draft 2020-12) of the JSON and JSON Lines records, one per task.

The schemas are data files shipped with the package (setup.cfg package_data);
docs/output.md describes the same fields for people.
"""

from __future__ import annotations

import json
from importlib.resources import files

SCHEMA_TASKS = ("entities", "quotes", "speakers", "analyze", "lemmas")


def schema_text(task: str) -> str:
    return files(__name__).joinpath(f"{task}.json").read_text(encoding="utf-8")


def load_schema(task: str) -> dict:
    return json.loads(schema_text(task))
