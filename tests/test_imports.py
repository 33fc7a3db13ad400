"""The embedded path stays light and offline: no torch, no transformers, no CAMeL
modules that reach for CAMeL data (importing those downloads a catalogue), and none of
the packages of optional inputs and outputs (HTML, SQLite, Dask, URLs) unless used."""

import subprocess
import sys

from conftest import SEED

FORBIDDEN = ("torch", "transformers", "sklearn", "camel_tools.ner", "camel_tools.data",
             "camel_tools.morphology", "camel_tools.disambig", "trafilatura", "lxml", "sqlite_utils", "dask",
             "distributed", "fsspec")

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
