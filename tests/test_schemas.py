"""The shipped JSON Schemas describe exactly what the commands write."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED, SHARED_DATA, needs_shared
from newsan.cli import cli
from newsan.render.merge import merge_records
from newsan.render.schemas import SCHEMA_TASKS, load_schema
from newsan.render.translit import with_translit

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
ARTICLES = 100


def newsan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsan", *args], capture_output=True, text=True, cwd=ROOT)


def stdout_of(*args: str) -> str:
    """The command run in this process (one worker): faster than a new Python each time."""
    return CliRunner().invoke(cli, [*args, "--workers", "1"]).stdout


def validator(task: str) -> jsonschema.Draft202012Validator:
    schema = load_schema(task)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid(task: str, records: list[dict]) -> None:
    check = validator(task)
    for record in records:
        errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in check.iter_errors(record)]
        assert not errors, (record.get("source"), errors[:3])


@pytest.mark.parametrize("task", SCHEMA_TASKS)
def test_schema_command_prints_the_shipped_schema(task):
    result = CliRunner().invoke(cli, ["schema", task])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == load_schema(task)
    assert load_schema(task)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.fixture(scope="module")
def broken_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("inputs") / "image.txt"
    path.write_bytes(PNG)
    return path


@pytest.mark.parametrize("task", SCHEMA_TASKS)
def test_seed_and_error_records_follow_the_schema(task, broken_file):
    translit = [] if task == "lemmas" else ["--translit-scheme", "hsb"]
    records = json.loads(stdout_of(task, "-f", "json", *translit, str(SEED), str(broken_file)))
    assert [("error" in r) for r in records] == [False, True]
    assert_valid(task, records)


@pytest.mark.parametrize("task", ["entities", "quotes", "speakers", "analyze"])
def test_merged_seed_follows_the_schema(task, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    merged = json.loads(stdout_of(task, "-f", "json", "--merge", str(SEED), str(copy), "--translit"))
    assert merged["documents"] == 2
    assert_valid(task, [merged])


def test_schemas_reject_what_the_records_never_hold():
    check = validator("entities")
    good = {"source": "a.txt", "entities": [{"text": "روسيا", "canonical": "روسيا", "type": "LOC", "count": 1,
                                             "mentions": [{"text": "روسيا", "start": 0, "end": 5}]}]}
    assert check.is_valid(good)
    assert not check.is_valid(dict(good, extra=1))
    assert not check.is_valid({"source": "a.txt"})
    assert not check.is_valid({"source": "a.txt", "error": "x", "entities": []})
    entity = good["entities"][0]
    assert not check.is_valid(dict(good, entities=[dict(entity, type="PERSON")]))
    assert not check.is_valid(dict(good, entities=[dict(entity, documents=1)]))  # only merged entities have it


@needs_shared
def test_news_articles_follow_the_schemas():
    folders = [SHARED_DATA / "news" / "saudinewsnet", SHARED_DATA / "news" / "antcorpus"]
    paths = [str(p) for folder in folders for p in sorted(folder.glob("*.txt"))[: ARTICLES // 2]]
    result = newsan("analyze", "-f", "jsonl", "--workers", "2", *paths)
    assert result.returncode in (0, 1), result.stderr  # 1: some articles failed, as error records
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == ARTICLES
    assert_valid("analyze", records)
    assert_valid("analyze", list(with_translit(records, "safebw")))
    assert_valid("analyze", [merge_records(records, "analyze")])
    for task in ("entities", "quotes", "speakers"):
        singles = [{"source": r["source"], **({"error": r["error"]} if "error" in r else {task: r[task]})}
                   for r in records]
        assert_valid(task, singles)
        assert_valid(task, [merge_records(singles, task)])
