"""CLI conventions: --translit and its schemes, help, no-argument help in a terminal,
--glob, the batch summary, entity filters, MISC conventions in tables, newsan info and
the light install's requirements."""

from __future__ import annotations

import configparser
import json
import os
import re
import subprocess
import sys
from fnmatch import fnmatch

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED, read_terminal
from newsan.cli import cli
from newsan.cli import info
from newsan.cli.output import summary_line
from newsan.render import translit

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07]*\x07")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
# God's name in a set phrase and a currency, both MISC for the NER, beside a place and a
# MISC that is a name (مونديال 2018).
CONVENTIONS = "وقال الوزير رحمه الله إن سعر الدولار ارتفع في تونس قبل انطلاق مونديال 2018.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def entities_of(*args, input=None) -> list[dict]:
    result = run("entities", "-f", "json", *args, input=input)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["entities"]


def in_terminal(*args: str, stdin_terminal: bool, tmp_path) -> tuple[int, str, str]:
    """newsan with stderr (and stdin if asked) on a terminal and stdout to a file:
    (exit status, stdout, what the terminal showed)."""
    master, slave = os.openpty()
    out = tmp_path / "stdout.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    with out.open("w") as stdout:
        process = subprocess.Popen([sys.executable, "-m", "newsan", *args], cwd=ROOT, env=dict(env, TERM="xterm"),
                                   stdin=slave if stdin_terminal else subprocess.DEVNULL, stdout=stdout,
                                   stderr=slave)
        os.close(slave)
        shown = read_terminal(master, process)  # still waiting (on stdin?) after a minute: killed
        status = process.wait()
    text = ANSI.sub("", shown.decode("utf-8", "replace")).replace("\r\n", "\n")
    screen = "\n".join(line.rsplit("\r", 1)[-1] for line in text.split("\n"))  # a line redrawn after \r
    return status, out.read_text(encoding="utf-8"), screen


# --translit

def test_translit_is_a_flag_before_or_after_the_paths():
    before = entities_of("--translit", str(SEED))
    after = entities_of(str(SEED), "--translit")
    assert before == after
    spelled = {e["canonical"]: e["translit"] for e in before}
    assert spelled["نوري المالكي"] == "Nouri al-Maliki"
    assert spelled["سيرغي لافروف"] == "Sergei Lavrov"
    assert spelled["العراق"] == ""  # the names scheme spells people only


def test_seed_table_shows_english_spellings_of_its_people(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("entities", "--translit", "--bidi", "off", "seeds/000_717256e72bc829cd.txt")
    assert result.exit_code == 0
    assert "Nouri al-Maliki" in result.output and "Sergei Lavrov" in result.output


def test_letter_schemes_by_name_imply_translit():
    spelled = {e["canonical"]: e["translit"] for e in entities_of("--translit-scheme", "safebw", str(SEED))}
    assert spelled["نوري المالكي"] == "nwry AlmAlky" and spelled["العراق"] == "AlErAq"
    hsb = {e["canonical"]: e["translit"] for e in entities_of(str(SEED), "--translit-scheme", "hsb")}
    assert hsb["الشرق الأوسط"] == "Alšrq AlÂwsT"


def test_speakers_who_are_people_get_english_names():
    result = run("speakers", "-f", "json", "--translit", str(SEED))
    assert {s["name"]: s["translit"] for s in json.loads(result.stdout)["speakers"]} == {
        "نوري المالكي": "Nouri al-Maliki", "سيرغي لافروف": "Sergei Lavrov"}


def test_words_of_a_listed_foreign_name_are_spelled_alone_too():
    assert translit.english_name("لافروف") == "Lavrov"
    assert translit.english_name("فلاديمير بوتين") == "Vladimir Putin"


def test_a_long_entity_is_spelled_word_by_word():
    # The romanizer multiplies every word's candidates: 5 ** 17 names without max_per_unit.
    assert translit.english_name(" ".join(["محمد"] * 17)).split() == ["Mohamed"] * 17


def test_translit_without_the_romanizer_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.setattr(translit, "romanizer_present", lambda: False)
    result = run("entities", "--translit", str(SEED))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("newsan: --translit spells names with arabic-name-romanizer, not installed here: "
                             "pip install 'newsan[names]' (or spell letter by letter: --translit-scheme hsb)\n")
    assert run("entities", "--translit-scheme", "hsb", "-f", "json", str(SEED)).exit_code == 0


# --help and no arguments

def test_analyze_help_lists_only_the_formats_it_writes():
    result = run("analyze", "--help")
    assert "-f, --format [table|json|jsonl|html]" in result.output
    assert "csv:" not in result.output and "tsv:" not in result.output  # csv is an --input, not a format
    assert run("analyze", "-f", "csv", str(SEED)).exit_code == 2


@pytest.mark.parametrize("command", ["entities", "quotes", "speakers", "analyze", "lemmas"])
def test_help_explains_paths_and_each_format(command):
    text = " ".join(run(command, "--help").output.split())
    assert "PATHS: files and folders, in any mix; folders are read recursively for --glob" in text
    assert "- or no PATHS reads stdin" in text
    assert "table: tables for people (one per document); json: one object for one input, a list for several" in text


@pytest.mark.parametrize("command", [["entities"], ["analyze", "-f", "json"], ["lemmas"], ["tag"]])
def test_no_paths_in_a_terminal_shows_the_help(tmp_path, command):
    status, stdout, screen = in_terminal(*command, stdin_terminal=True, tmp_path=tmp_path)
    assert status == 2
    assert stdout == ""
    assert screen.startswith(f"Usage: newsan {command[0]} [OPTIONS]")


def test_no_paths_with_a_pipe_reads_stdin():
    result = subprocess.run([sys.executable, "-m", "newsan", "entities", "-f", "jsonl"], input="قال أوباما في واشنطن",
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert json.loads(result.stdout)["source"] == "<stdin>"


# --glob and hidden folders

def make_tree(root):
    for name in ["a.txt", "b.TXT", "c.md", "d.csv", "sub/e.Txt", ".hidden.txt", ".git/f.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        text = "قال أوباما في واشنطن"
        (root / name).write_text(f"text\n{text}\n" if name.endswith(".csv") else text, encoding="utf-8")


def test_repeated_glob_on_the_command_line(tmp_path):
    make_tree(tmp_path)
    result = run("entities", "-f", "jsonl", "-j", "1", "--glob", "*.md", "--glob", "*.CSV", str(tmp_path))
    # A .csv file found by --glob is still a CSV archive (--input auto): one record per row.
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(tmp_path / "c.md"), f"{tmp_path / 'd.csv'}:2"]
    assert run("entities", "--glob", "sub/*.txt", str(tmp_path)).exit_code == 2  # patterns are file names


def test_the_default_glob_of_an_input_kind_is_case_insensitive_with_gz_and_skips_hidden(tmp_path):
    import gzip

    from newsan.reading import ReadOptions, expand_sources

    record = '{"text": "قال أوباما في واشنطن"}\n'
    for name in ["a.jsonl", "sub/B.JSONL", ".cache/c.jsonl", "sub/.d.jsonl", "e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(record, encoding="utf-8")
    (tmp_path / "f.JSONL.GZ").write_bytes(gzip.compress(record.encode("utf-8")))
    found = [s.name for s in expand_sources([str(tmp_path)], options=ReadOptions("jsonl"))]
    assert found == [str(tmp_path / n) for n in ["a.jsonl", "f.JSONL.GZ", "sub/B.JSONL"]]
    result = run("entities", "-f", "jsonl", "-j", "1", "--input", "jsonl", str(tmp_path))
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        f"{tmp_path / n}:1" for n in ["a.jsonl", "f.JSONL.GZ", "sub/B.JSONL"]]


def test_hidden_files_are_skipped_under_a_url_too(tmp_path):
    pytest.importorskip("fsspec")
    make_tree(tmp_path)
    result = run("entities", "-f", "jsonl", "-j", "1", f"file://{tmp_path}")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        f"file://{tmp_path / n}" for n in ["a.txt", "b.TXT", "sub/e.Txt"]]


def test_no_match_names_every_pattern(tmp_path):
    result = run("entities", "-f", "json", "--glob", "*.xml", "--glob", "*.html", str(tmp_path))
    assert result.stderr == f"newsan: no files matching *.xml, *.html in {tmp_path}\n"


# the batch summary

def test_batch_summary_on_a_terminal(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "1.txt").write_text("قال أوباما في واشنطن", encoding="utf-8")
    (tmp_path / "news" / "2.txt").write_bytes(PNG)
    status, stdout, screen = in_terminal("entities", "-f", "jsonl", "-j", "1", str(tmp_path / "news"),
                                         stdin_terminal=False, tmp_path=tmp_path)
    assert status == 1
    assert len(stdout.splitlines()) == 2
    assert f"newsan: {tmp_path / 'news' / '2.txt'}: binary file (contains NUL bytes)\n" in screen
    last = screen.rstrip("\n").rsplit("\n", 1)[-1]  # after the progress bar
    assert re.fullmatch(r"newsan: 2 documents, 1 failed, \d+\.\d s", last), screen


def test_batch_summary_and_the_database_line_with_db(tmp_path):
    (tmp_path / "news").mkdir()
    for n in range(3):
        (tmp_path / "news" / f"{n}.txt").write_text(f"قال أوباما في واشنطن {n}", encoding="utf-8")
    db = tmp_path / "news.db"
    status, stdout, screen = in_terminal("entities", "--db", str(db), "-j", "1", str(tmp_path / "news"),
                                         stdin_terminal=False, tmp_path=tmp_path)
    assert status == 0 and stdout == ""
    lines = screen.rstrip("\n").split("\n")
    assert re.fullmatch(r"newsan: 3 documents, 0 failed, \d+\.\d s", lines[-2]), screen
    assert lines[-1] == f"newsan: {db}: 3 documents written"
    status, _, screen = in_terminal("entities", "--db", str(db), str(tmp_path / "news"), stdin_terminal=False,
                                    tmp_path=tmp_path)
    assert status == 0
    assert screen == f"newsan: {db}: 0 documents written, 3 already there (--force to analyse them again)\n"


def test_summary_line():
    assert summary_line(1200, 3, 65.43) == "newsan: 1,200 documents, 3 failed, 65.4 s"


def test_no_summary_for_one_document_or_off_a_terminal(tmp_path):
    status, _, screen = in_terminal("entities", "-f", "json", str(SEED), stdin_terminal=False, tmp_path=tmp_path)
    assert status == 0 and screen == ""
    result = subprocess.run([sys.executable, "-m", "newsan", "entities", "-f", "json", str(SEED), str(SEED)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stderr == ""


# entity filters

def test_types_min_count_and_top(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("entities", "-f", "csv", "--types", "pers,LOC", "--min-count", "3", "--top", "4",
                 "seeds/000_717256e72bc829cd.txt")
    assert result.output == (
        "source,canonical,type,count,mentions\n"
        "seeds/000_717256e72bc829cd.txt,العراق,LOC,13,العراق\n"
        "seeds/000_717256e72bc829cd.txt,نوري المالكي,PERS,9,المالكي | نوري المالكي\n"
        "seeds/000_717256e72bc829cd.txt,روسيا,LOC,8,لروسيا | روسيا\n"
        "seeds/000_717256e72bc829cd.txt,سيرغي لافروف,PERS,6,للافروف | سرغي لافروف | لافروف | سيرغي لافروف\n")
    assert [e["canonical"] for e in entities_of("--types", "PERS", str(SEED))] == ["نوري المالكي", "سيرغي لافروف"]


def test_top_with_merge_is_the_top_of_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("قال أوباما في واشنطن وفي واشنطن", encoding="utf-8")
    (tmp_path / "b.txt").write_text("زار كيري موسكو ثم واشنطن", encoding="utf-8")
    result = run("entities", "-f", "json", "--merge", "--top", "1", str(tmp_path))
    merged = json.loads(result.stdout)
    assert [(e["canonical"], e["count"], e["documents"]) for e in merged["entities"]] == [("واشنطن", 3, 2)]


def test_analyze_filters_its_entities_only():
    result = run("analyze", "-f", "json", "--types", "PERS", str(SEED))
    record = json.loads(result.stdout)
    assert {e["type"] for e in record["entities"]} == {"PERS"}
    assert len(record["quotes"]) == len(json.loads(run("quotes", "-f", "json", str(SEED)).stdout)["quotes"])


def test_filters_apply_to_the_records_of_archives(tmp_path):
    archive = tmp_path / "dump.jsonl"
    text = SEED.read_text(encoding="utf-8")
    archive.write_text("".join(json.dumps({"id": f"n{n}", "text": text}, ensure_ascii=False) + "\n"
                               for n in range(2)), encoding="utf-8")
    result = run("entities", "-f", "jsonl", "-j", "1", "--id-field", "id", "--types", "PERS", "--top", "1",
                 "--translit", str(archive))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], [(e["canonical"], e["translit"]) for e in r["entities"]]) for r in records] == [
        ("n0", [("نوري المالكي", "Nouri al-Maliki")]), ("n1", [("نوري المالكي", "Nouri al-Maliki")])]
    page = run("analyze", "-f", "html", "--types", "LOC", str(archive))
    assert page.exit_code == 0 and 'class="LOC"' in page.stdout and 'class="PERS"' not in page.stdout


@pytest.mark.parametrize("types, status", [("PEOPLE", 2), ("PERS,MISC,X", 2), (",", 2), ("PERS,", 0)])
def test_unknown_types_are_a_usage_error(types, status):
    assert run("entities", "--types", types, str(SEED)).exit_code == status


# MISC conventions

def test_tables_leave_out_god_s_name_and_currencies_json_keeps_them():
    found = {e["canonical"]: e["type"] for e in entities_of(input=CONVENTIONS)}
    assert found == {"الله": "MISC", "الدولار": "MISC", "تونس": "LOC", "مونديال 2018": "MISC"}
    table = run("entities", "--bidi", "off", input=CONVENTIONS).output
    assert "تونس" in table and "مونديال 2018" in table
    assert "الله" not in table and "الدولار" not in table
    asked = run("entities", "--bidi", "off", "--types", "MISC,LOC", input=CONVENTIONS).output
    assert "الله" in asked and "الدولار" in asked
    assert "الله" in run("entities", "-f", "csv", input=CONVENTIONS).output


# newsan info and the light install

def test_info_says_which_optional_parts_are_here(monkeypatch):
    result = run("info")
    assert result.exit_code == 0
    assert re.search(r"arabic-name-romanizer +│ 0\.2\.0 ", result.output)
    monkeypatch.setattr(info, "installed_version", lambda name: None if name != "camel-tools" else "1.6.0")
    parts = {part["name"]: part for part in info.optional_parts()}
    assert not parts["arabic-name-romanizer"]["present"] and not parts["onnxruntime"]["present"]
    assert parts["arabic-name-romanizer"]["install"] == "pip install 'newsan[names]'"
    camel = parts["CAMeL Tools' dependencies"]
    assert not camel["present"] and "torch" in camel["missing"] and "transformers" in camel["missing"]
    assert not parts["dask"]["present"] and parts["dask"]["install"] == "pip install 'newsan[dask]'"
    assert parts["trafilatura"]["missing"] == "missing: trafilatura, lxml_html_clean"
    assert not parts["sqlite-utils"]["present"]
    monkeypatch.setenv("NEWSAN_CHROMIUM", "/nonexistent/chromium")
    assert not {part["name"]: part for part in info.optional_parts()}["Chromium"]["present"]


def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config


def requirement_name(line: str) -> str:
    return re.match(r"[A-Za-z0-9._-]+", line).group().lower()


def test_light_requirements_hold_every_dependency_but_camel_tools():
    required = {requirement_name(line) for line in setup_cfg()["options"]["install_requires"].split()
                if line and line[0].isalpha()}
    lines = (ROOT / "requirements-light.txt").read_text(encoding="utf-8").splitlines()
    light = {requirement_name(line) for line in lines if line and not line.startswith("#")}
    assert required - {"camel-tools"} <= light
    assert "camel-tools" not in light and "torch" not in light


def test_every_data_file_is_shipped():
    patterns = setup_cfg()["options.package_data"]["newsan"].split()
    data = [p.relative_to(ROOT / "newsan").as_posix() for p in (ROOT / "newsan").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data and [path for path in data if not any(fnmatch(path, pattern) for pattern in patterns)] == []


def test_a_camel_engine_without_its_packages_is_one_line_and_exit_2(monkeypatch, capsys):
    from newsan.cli import main
    from newsan.pipeline import Pipeline

    def missing_torch(self, task):
        raise ModuleNotFoundError("No module named 'torch'", name="torch")

    monkeypatch.setattr(Pipeline, "prepare", missing_torch)  # as in a light install with CAMeL's data
    with pytest.raises(SystemExit) as done:
        main(["entities", str(SEED)])
    assert done.value.code == 2
    assert capsys.readouterr().err == ("newsan: No module named 'torch'; CAMeL's engines need camel-tools' "
                                       "dependencies (pip install camel-tools), or use --engine embedded\n")
