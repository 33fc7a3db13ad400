"""The embedded path stays light and offline: no torch, no transformers, no CAMeL
modules that reach for CAMeL data (importing those downloads a catalogue), and none of
the packages of optional inputs and outputs (HTML, SQLite, Dask, URLs) unless used."""

import subprocess
import sys

from conftest import SEED

# onnxruntime is not among them: the embedded NER's network runs on it.
FORBIDDEN = ("torch", "transformers", "sklearn", "camel_tools.ner", "camel_tools.data",
             "camel_tools.morphology", "camel_tools.disambig", "trafilatura", "lxml", "sqlite_utils", "dask",
             "distributed", "fsspec", "arabic_name_romanizer")

PROGRAM = f"""
import sys
from click.testing import CliRunner
from newsan.cli import cli
result = CliRunner().invoke(cli, ["entities", "-f", "json", {str(SEED)!r}])
assert result.exit_code == 0, result.output
print(" ".join(sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))))
"""


def test_entities_imports_nothing_heavy(tmp_path):
    env = {"CAMELTOOLS_DATA": str(tmp_path / "camel"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert not (tmp_path / "camel").exists() and not (tmp_path / ".camel_tools").exists()


LIGHT_PROGRAM = """
import sys
from click.testing import CliRunner
from newsan.cli import cli
for args in (["--help"], ["entities", "--help"], ["schema", "entities"]):
    assert CliRunner().invoke(cli, args).exit_code == 0
print(" ".join(sorted(m for m in sys.modules if m.startswith(("camel_tools", "pycrfsuite", "rich")))))
"""


def test_help_and_schema_import_no_camel_and_no_model():
    result = subprocess.run([sys.executable, "-c", LIGHT_PROGRAM], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_shipped_unicode_classification_gives_camels_own_character_sets():
    import json
    import unicodedata

    import pytest

    from newsan.text.charsets import RANGES_FILE

    if unicodedata.unidata_version not in json.loads(RANGES_FILE.read_text(encoding="utf-8")):
        pytest.skip(f"no shipped classification for Unicode {unicodedata.unidata_version} (python -m newsan.text.charsets)")
    program = """
import importlib.util, sys
from newsan.text import charsets
fast = sys.modules[charsets.MODULE]
assert "_newsan_code_points" in vars(fast), "the shipped classification was not used"
spec = importlib.util.find_spec(charsets.MODULE)
real = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real)
print(all(getattr(fast, name) == getattr(real, name) for name in real.__all__))
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
