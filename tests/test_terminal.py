"""What a person sees: the real command in a pseudo-terminal of a given size."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

import pytest
from arabic_reshaper import reshape
from bidi.algorithm import get_display
from rich.cells import cell_len

from conftest import ROOT, SEED, read_terminal
from newsan.render.arabic import for_terminal, resolve_bidi, wrap_logical
from newsan.render.translit import transliterate

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07]*\x07")
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|38;)[0-9;]*m")
# Variables that tell newsan or rich what the terminal is: the tests set their own.
TERMINAL_ENV = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TMUX", "STY", "COLUMNS", "LINES", "NO_COLOR",
                "NEWSAN_BIDI", "FORCE_COLOR", "TERM_PROGRAM")


def visual(text: str) -> str:
    return get_display(reshape(text))


def in_terminal(*args: str, columns: int = 80, env: dict | None = None) -> str:
    """newsan's output on a terminal `columns` wide, escape sequences kept."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in TERMINAL_ENV}
    environ.update(TERM="xterm-256color", **(env or {}))
    process = subprocess.Popen([sys.executable, "-m", "newsan", *args], cwd=ROOT, env=environ,
                               stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    shown = read_terminal(master, process)
    assert process.wait(timeout=60) == 0, shown.decode("utf-8", "replace")
    return shown.decode("utf-8").replace("\r\n", "\n")


def screen_lines(output: str) -> list[str]:
    return ANSI.sub("", output).splitlines()


@pytest.fixture(scope="module")
def seed_tables():
    """The seed's entities table, once per BiDi mode."""
    return {mode: in_terminal("entities", "--bidi", mode, str(SEED)) for mode in ("on", "off")}


def test_bidi_on_shows_names_shaped_and_in_visual_order(seed_tables):
    screen = ANSI.sub("", seed_tables["on"])
    for name in ["نوري المالكي", "لافروف", "العراق"]:
        assert visual(name) in screen, name
        assert name not in screen, name


def test_bidi_off_shows_names_in_logical_order(seed_tables):
    screen = ANSI.sub("", seed_tables["off"])
    for name in ["نوري المالكي", "لافروف", "العراق"]:
        assert name in screen
        assert visual(name) not in screen


def test_newsan_bidi_variable_is_the_default_for_bidi():
    screen = ANSI.sub("", in_terminal("entities", str(SEED), env={"NEWSAN_BIDI": "off"}))
    assert "نوري المالكي" in screen


def test_auto_leaves_arabic_alone_in_bidi_aware_terminals():
    screen = ANSI.sub("", in_terminal("entities", str(SEED), env={"VTE_VERSION": "7200"}))
    assert "نوري المالكي" in screen
    screen = ANSI.sub("", in_terminal("entities", str(SEED)))  # xterm
    assert visual("نوري المالكي") in screen


def test_files_and_pipes_get_logical_utf8_even_with_bidi_on(tmp_path):
    target = tmp_path / "table.txt"
    with target.open("wb") as out:
        subprocess.run([sys.executable, "-m", "newsan", "entities", "--bidi", "on", str(SEED)], stdout=out,
                       check=True, cwd=ROOT)
    written = target.read_bytes().decode("utf-8")
    assert "نوري المالكي" in written and visual("المالكي") not in written


def test_seed_table_fits_80_columns(seed_tables):
    for mode, output in seed_tables.items():
        assert max(map(cell_len, screen_lines(output))) <= 80, mode


def test_long_quotes_wrap_inside_80_and_use_all_of_160():
    for columns in (80, 160):
        lines = screen_lines(in_terminal("quotes", "--bidi", "on", str(SEED), columns=columns))
        widths = [cell_len(line) for line in lines]
        assert max(widths) == columns, columns
        assert sum(line.startswith("│") for line in lines) > 2  # rows wrapped over several lines


def test_max_width_narrows_the_table():
    lines = screen_lines(in_terminal("quotes", "--max-width", "60", str(SEED), columns=160))
    assert max(map(cell_len, lines)) == 60


def test_no_color_flag_and_variable_drop_colours(seed_tables):
    assert COLOUR.search(seed_tables["off"])  # entity types are coloured
    assert not COLOUR.search(in_terminal("entities", "--no-color", str(SEED)))
    assert not COLOUR.search(in_terminal("entities", str(SEED), env={"NO_COLOR": "1"}))


def test_translit_column_in_the_table():
    screen = ANSI.sub("", in_terminal("entities", "--bidi", "off", str(SEED), "--translit"))
    assert "latin" in screen and "Nouri al-Maliki" in screen and "Sergei Lavrov" in screen


def test_wrapped_rtl_cell_reads_from_its_first_line():
    text = "إن العراق يحتاج إلى الدعم الروسي في الحرب على الإرهاب"
    lines = wrap_logical(text, 20)
    assert len(lines) > 1 and " ".join(lines) == text
    assert all(cell_len(for_terminal(line, True)) <= 20 for line in lines)
    assert for_terminal(lines[0], True).endswith(visual("إن"))  # read from the right


def test_diacritics_take_no_cells():
    assert cell_len("مُحَمَّد") == cell_len("محمد") == 4


def test_auto_detection():
    assert resolve_bidi("auto", True, {}) is True  # xterm, Windows Terminal, macOS Terminal
    assert resolve_bidi("auto", True, {"WT_SESSION": "x"}) is True
    assert resolve_bidi("auto", True, {"VTE_VERSION": "7600"}) is False
    assert resolve_bidi("auto", True, {"VTE_VERSION": "5202"}) is True  # VTE before BiDi support
    assert resolve_bidi("auto", True, {"KONSOLE_VERSION": "230804"}) is False
    assert resolve_bidi("auto", True, {"MLTERM": "3.9.3"}) is False
    assert resolve_bidi("auto", True, {"VTE_VERSION": "7600", "TMUX": "/tmp/tmux-0/default,1,0"}) is True
    assert resolve_bidi("on", False, {}) is False
    assert resolve_bidi("off", True, {}) is False


def test_transliteration_schemes():
    assert transliterate("المالكي") == "AlmAlky"
    assert transliterate("لافروف") == "lAfrwf"
    assert transliterate("الشرق", "bw") == "Al$rq"
    assert transliterate("الشرق", "hsb") == "Alšrq"
