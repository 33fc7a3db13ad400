"""camel_tools' morphology classes, imported without camel_tools.data's side effects.

camel_tools.morphology.database does `from camel_tools.data import CATALOGUE`,
and importing camel_tools.data mkdirs ~/.camel_tools, imports requests and
tqdm, and *downloads* catalogue.json when none is there (no network: it fails
or hangs). The database module only needs CATALOGUE for MorphologyDB.builtin_db,
which the embedded engine never calls. So, for the import only, a stand-in
camel_tools.data module is put in sys.modules whose CATALOGUE loads the real
one on first use; the stand-in is then removed, so any later
`import camel_tools.data` (the CAMeL engine's) gets the real module.
"""

from __future__ import annotations

import importlib
import sys
import types

DATA_MODULE = "camel_tools.data"


class _CatalogueOnDemand:
    """Forwards to the real camel_tools CATALOGUE, imported when first touched."""

    def __getattr__(self, name):
        return getattr(importlib.import_module(DATA_MODULE).CATALOGUE, name)


def _import_with_stand_in(module_names: tuple[str, ...]) -> None:
    stand_in = types.ModuleType(DATA_MODULE)
    stand_in.CATALOGUE = _CatalogueOnDemand()
    sys.modules[DATA_MODULE] = stand_in
    try:
        for name in module_names:
            importlib.import_module(name)
    finally:
        if sys.modules.get(DATA_MODULE) is stand_in:
            del sys.modules[DATA_MODULE]
        package = sys.modules.get("camel_tools")
        if getattr(package, "data", None) is stand_in:
            delattr(package, "data")


def morphology():
    """(MorphologyDB, Analyzer) classes of camel_tools.morphology."""
    names = ("camel_tools.morphology.database", "camel_tools.morphology.analyzer")
    if DATA_MODULE not in sys.modules and names[0] not in sys.modules:
        _import_with_stand_in(names)
    database = importlib.import_module(names[0])
    analyzer = importlib.import_module(names[1])
    return database.MorphologyDB, analyzer.Analyzer
