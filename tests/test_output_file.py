"""-o/--output FILE: every command and format writes to a file what it writes to stdout,
and the file appears only when complete."""

import json
import os
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SEED, interrupted
from newsan.cli import cli

SHORT = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, [*args], input=input)


@pytest.mark.parametrize("command, fmt", [
    ("entities", "table"), ("entities", "json"), ("entities", "jsonl"), ("entities", "csv"), ("quotes", "tsv"),
    ("speakers", "json"), ("analyze", "jsonl"), ("lemmas", "csv"),
])
def test_the_file_holds_what_stdout_shows(tmp_path, command, fmt):
    target = tmp_path / "out"
    to_stdout = run(command, "-f", fmt, "--workers", "1", str(SEED))
    to_file = run(command, "-f", fmt, "--workers", "1", str(SEED), "-o", str(target))
    assert to_stdout.exit_code == to_file.exit_code == 0
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert to_stdout.stdout.strip()


def test_dash_is_stdout():
    assert run("entities", "-f", "jsonl", "-o", "-", input=SHORT).stdout == run("entities", "-f", "jsonl",
                                                                                  input=SHORT).stdout


def test_tag_and_conll_lemmas_write_to_the_file_too(tmp_path):
    conll = tmp_path / "in.conll"
    conll.write_text("قال\nأوباما\nفي\nواشنطن\n", encoding="utf-8")
    for command in (["tag"], ["lemmas", "-f", "conll"]):
        target = tmp_path / f"{command[0]}.out"
        shown = run(*command, str(conll))
        written = run(*command, str(conll), "-o", str(target))
        assert shown.exit_code == written.exit_code == 0
        assert target.read_text(encoding="utf-8") == shown.stdout and shown.stdout.count("\n") == 5


def test_schema_writes_to_the_file_too(tmp_path):
    target = tmp_path / "entities.schema.json"
    assert run("schema", "entities", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("schema", "entities").stdout


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        assert run("entities", "-f", "json", "-o", str(target), input=SHORT).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left beside it


@pytest.mark.parametrize("where, reason", [("missing/out.json", "No such file or directory"), (".", "is a directory")])
def test_a_path_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, where, reason):
    target = tmp_path / where
    result = subprocess.run([sys.executable, "-m", "newsan", "entities", "-o", str(target), str(SEED)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == f"newsan: cannot write {target}: {reason}\n"
    assert result.stdout == ""


def test_a_failed_run_leaves_an_earlier_file_as_it_was(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("earlier\n", encoding="utf-8")
    result = run("entities", "-o", str(target), str(tmp_path / "nothere.txt"))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "earlier\n"
    tagged = run("tag", "-o", str(target), str(tmp_path / "nothere.conll"))
    assert tagged.exit_code == 2
    assert target.read_text(encoding="utf-8") == "earlier\n"


def test_a_bad_input_in_a_batch_still_writes_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    target = tmp_path / "out.jsonl"
    result = run("entities", "-f", "jsonl", "-j", "1", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 "-o", str(target))
    assert result.exit_code == 1
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [("error" in r) for r in records] == [False, True]


def test_ctrl_c_leaves_no_half_file(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    never_ends = tmp_path / "never_ends.txt"
    os.mkfifo(never_ends)  # reading it blocks until interrupted
    target = tmp_path / "out.jsonl"
    target.write_text("earlier\n", encoding="utf-8")
    returncode, stderr = interrupted(
        ["entities", "-f", "jsonl", "-j", "1", str(tmp_path / "a.txt"), str(never_ends), "-o", str(target)], 3)
    assert returncode == 130
    assert "Traceback" not in stderr
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "never_ends.txt", "out.jsonl"]


@pytest.mark.parametrize("command", [["analyze", "-f", "html", str(SEED)], ["entities", "-f", "json", str(SEED)],
                                     ["schema", "analyze"]])
def test_a_file_that_fails_while_written_is_one_line_and_exit_74_and_stays_as_it_was(tmp_path, command):
    target = tmp_path / "out"
    target.write_text("earlier\n", encoding="utf-8")
    limited = f"ulimit -f 1; exec {sys.executable} -m newsan {' '.join(command)} -o {target}"  # 1 KiB at most
    result = subprocess.run(["bash", "-c", limited], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (74, f"newsan: cannot write {target}: File too large\n")
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_with_db_the_file_gets_the_table(tmp_path):
    target = tmp_path / "out.txt"
    result = run("entities", "--db", str(tmp_path / "news.db"), "-j", "1", str(SEED), "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "نوري المالكي" in target.read_text(encoding="utf-8")
