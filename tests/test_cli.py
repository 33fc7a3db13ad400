"""The command line as a user runs it: outputs, batches and failures."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED, interrupted
from newsan import __version__
from newsan.cli import cli

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
SHORT = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن العراق يحتاج إلى الدعم.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def newsan(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "newsan", *args], capture_output=True, text=True, **kwargs)


def test_seed_entities_as_json():
    result = run("entities", "--format", "json", str(SEED))
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["source"] == str(SEED)
    found = {(e["canonical"], e["type"]) for e in record["entities"]}
    assert ("نوري المالكي", "PERS") in found
    assert any("لافروف" in name and type_ == "PERS" for name, type_ in found)
    for place in ["العراق", "روسيا", "موسكو", "بغداد", "سوريا", "ليبيا"]:
        assert (place, "LOC") in found, place
    for entity in record["entities"]:
        assert entity["count"] == len(entity["mentions"])
        text = SEED.read_text(encoding="utf-8")
        assert all(text[m["start"] : m["end"]] == m["text"] for m in entity["mentions"])


def test_seed_table_shows_names_and_types():
    result = run("entities", "--no-color", "--bidi", "off", str(SEED))
    assert result.exit_code == 0
    assert "نوري المالكي" in result.output and "PERS" in result.output and "LOC" in result.output


def test_csv_and_tsv_have_the_documented_header():
    assert run("entities", "-f", "csv", str(SEED)).output.splitlines()[0] == "source,canonical,type,count,mentions"
    assert run("entities", "-f", "tsv", str(SEED)).output.splitlines()[0] == "source\tcanonical\ttype\tcount\tmentions"


def test_stdin_and_dash_are_the_same_input():
    piped = run("entities", "-f", "jsonl", input=SHORT)
    dashed = run("entities", "-f", "jsonl", "-", input=SHORT)
    assert piped.exit_code == dashed.exit_code == 0
    assert piped.output == dashed.output
    assert json.loads(piped.output)["source"] == "<stdin>"


def test_empty_input_gives_an_empty_result():
    result = run("entities", "-f", "jsonl", input="")
    assert result.exit_code == 0
    assert result.output == '{"source": "<stdin>", "entities": []}\n'


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "nothere.txt"
    result = newsan("entities", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"newsan: no such file or directory: {missing}\n"
    assert result.stdout == ""


def write_batch(folder, count):
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(SHORT * (1 + i % 3), encoding="utf-8")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_bad_file_yields_an_error_record_and_the_rest_go_on(tmp_path, workers):
    write_batch(tmp_path / "news", 6)
    (tmp_path / "news" / "002.txt").write_bytes(PNG)
    result = newsan("entities", "-f", "jsonl", "--workers", workers, str(tmp_path / "news"))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(tmp_path / "news" / f"{i:03d}.txt") for i in range(6)]
    assert records[2] == {"source": str(tmp_path / "news" / "002.txt"), "error": "binary file (contains NUL bytes)"}
    assert all("entities" in r for i, r in enumerate(records) if i != 2)
    assert result.stderr == f"newsan: {tmp_path / 'news' / '002.txt'}: binary file (contains NUL bytes)\n"


def test_one_worker_and_two_give_the_same_output(tmp_path):
    write_batch(tmp_path / "news", 9)
    one = newsan("entities", "-f", "json", "-j", "1", str(tmp_path / "news"))
    two = newsan("entities", "-f", "json", "-j", "2", str(tmp_path / "news"))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)) == 9


def test_merge_aggregates_a_batch(tmp_path):
    write_batch(tmp_path / "news", 3)
    result = run("entities", "-f", "json", "--merge", str(tmp_path / "news"))
    merged = json.loads(result.output)
    assert merged["documents"] == 3
    by_name = {e["canonical"]: e for e in merged["entities"]}
    assert by_name["واشنطن"]["count"] == 6 and by_name["واشنطن"]["documents"] == 3


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table", "html"])
def test_broken_pipe_is_quiet_and_exits_141(tmp_path, fmt):
    write_batch(tmp_path / "news", 40)
    shell = f"set -o pipefail; {sys.executable} -m newsan entities -f {fmt} -j 1 {tmp_path / 'news'} | head -c 200"
    result = subprocess.run(["bash", "-c", shell], capture_output=True)
    assert result.returncode == 141
    assert len(result.stdout) == 200  # bytes
    assert result.stderr == b""


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_closed_stdout_is_one_line_and_exit_74(fmt):
    result = subprocess.run(["bash", "-c", f"{sys.executable} -m newsan entities -f {fmt} {SEED} >&-"],
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (74, "newsan: standard output is closed\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_a_full_disk_is_one_line_and_exit_74(fmt):
    result = subprocess.run(["bash", "-c", f"{sys.executable} -m newsan entities -f {fmt} {SEED} > /dev/full"],
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (74, "newsan: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("delay", [0.3, 0.6, 1.0])
def test_ctrl_c_while_starting_exits_130_quietly(tmp_path, delay):
    write_batch(tmp_path / "news", 20)
    returncode, stderr = interrupted(["entities", "-f", "jsonl", str(tmp_path / "news")], delay)
    assert returncode in (130, 0)  # 0: it had finished already
    assert stderr.strip() == ""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_exits_130_without_a_traceback(tmp_path, workers):
    write_batch(tmp_path / "news", 4)
    never_ends = tmp_path / "never_ends.txt"
    os.mkfifo(never_ends)  # reading it blocks until interrupted
    paths = sorted(str(p) for p in (tmp_path / "news").iterdir()) + [str(never_ends)]
    returncode, stderr = interrupted(["entities", "-f", "jsonl", "-j", workers, *paths], 3)
    assert returncode == 130
    assert "Traceback" not in stderr


def test_tag_keeps_tokens_and_sentence_breaks(tmp_path):
    conll = tmp_path / "in.conll"
    conll.write_text("قال\tO\nأوباما\tB-PERS\nفي\tO\nواشنطن\tB-LOC\n\nالعراق\tB-LOC\n.\tO\n", encoding="utf-8")
    result = run("tag", "--format", "conll", str(conll))
    assert result.exit_code == 0
    sentences = [block.splitlines() for block in result.output.strip("\n").split("\n\n")]
    assert [[line.split("\t")[0] for line in s] for s in sentences] == [["قال", "أوباما", "في", "واشنطن"], ["العراق", "."]]
    assert all(line.split("\t")[1] in {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
               for s in sentences for line in s)
    assert result.output.endswith("\n\n")


def test_version_and_help_with_examples():
    assert run("--version").output == f"newsan, version {__version__}\n"
    for command in ["entities", "quotes", "speakers", "analyze", "tag", "info"]:
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.output, command


@pytest.mark.parametrize("command", [["entities"], ["tag"], ["lemmas"]])
def test_a_missing_camel_engine_is_one_line_and_exit_2(tmp_path, command):
    env = dict(os.environ, CAMELTOOLS_DATA=str(tmp_path), HOME=str(tmp_path))
    result = newsan(*command, "--engine", "camel", str(SEED), env=env)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("newsan: CAMeL ") and "install it with: camel_data -i " in result.stderr
    assert result.stdout == ""


def test_a_folder_without_matching_files_says_so(tmp_path):
    result = newsan("entities", "-f", "json", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout == "[\n]\n"
    assert result.stderr == f"newsan: no files matching *.txt in {tmp_path}\n"


SEED_CSV = """\
source,canonical,type,count,mentions
{seed},العراق,LOC,13,العراق
{seed},نوري المالكي,PERS,9,المالكي | نوري المالكي
{seed},روسيا,LOC,8,لروسيا | روسيا
{seed},سيرغي لافروف,PERS,6,للافروف | سرغي لافروف | لافروف | سيرغي لافروف
{seed},موسكو,LOC,3,موسكو
{seed},سوريا,LOC,3,وسوريا | سوريا
{seed},بغداد,LOC,1,بغداد
{seed},ليبيا,LOC,1,وليبيا
{seed},داعش,ORG,1,داعش
{seed},الشرق الأوسط,LOC,1,الشرق الأوسط
"""


def test_seed_entities_exactly(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("entities", "-f", "csv", "seeds/000_717256e72bc829cd.txt")
    assert result.exit_code == 0
    assert result.output == SEED_CSV.format(seed="seeds/000_717256e72bc829cd.txt")
