import codecs

import pytest

from newsan.reading import DecodeError, SourceError, decode, expand_sources

ARABIC = "قال وزير الخارجية “نحن هنا” في موسكو.\nسطر ثان"


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),
        ARABIC.encode("utf-16-le"),
        ARABIC.encode("utf-16-be"),
        ARABIC.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1256"],
)
def test_decodes_every_supported_encoding(data):
    assert decode(data) == ARABIC


def test_binary_data_is_an_error():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_undecodable_text_is_an_error():
    with pytest.raises(DecodeError, match="cannot decode"):
        decode(b"caf\xe9 \x81\x8d\x8f")


def test_empty_input_is_empty_text():
    assert decode(b"") == ""


def test_folders_are_walked_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "1.txt", "b/skip.md"]:
        (tmp_path / name).write_text("x")
    names = [s.name for s in expand_sources([str(tmp_path)])]
    assert names == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]
    assert [s.name for s in expand_sources([str(tmp_path)], glob="*.md")] == [str(tmp_path / "b" / "skip.md")]


def test_no_path_or_dash_means_stdin():
    assert [s.name for s in expand_sources([])] == ["<stdin>"]
    assert [s.path for s in expand_sources(["-"])] == [None]


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(SourceError, match="no such file or directory: .*nothere.txt"):
        expand_sources([str(tmp_path), str(tmp_path / "nothere.txt")])


def test_utf8_cut_inside_a_letter_keeps_the_rest():
    data = ("قال المالكي إن العراق " * 20 + "نعم").encode("utf-8")
    cut = data[:-1] + b"\n" + data[:3]  # two letters cut in half, as head -c or cut -c leave them
    text = decode(cut)
    assert text.count("\ufffd") == 2
    assert text.startswith("قال المالكي إن العراق")


def make_tree(root):
    for name in ["a.txt", "b.TXT", "c.md", "d.csv", "sub/e.Txt", ".hidden.txt", ".git/f.txt", "sub/.cache/g.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("قال أوباما في واشنطن", encoding="utf-8")


def test_glob_is_case_insensitive_repeatable_and_skips_hidden_files(tmp_path):
    make_tree(tmp_path)
    names = [s.name for s in expand_sources([str(tmp_path)])]
    assert names == [str(tmp_path / n) for n in ["a.txt", "b.TXT", "sub/e.Txt"]]
    names = [s.name for s in expand_sources([str(tmp_path)], ("*.txt", "*.MD"))]
    assert names == [str(tmp_path / n) for n in ["a.txt", "b.TXT", "c.md", "sub/e.Txt"]]


def test_a_hidden_folder_named_on_the_command_line_is_read(tmp_path):
    make_tree(tmp_path)
    assert [s.name for s in expand_sources([str(tmp_path / ".git")])] == [str(tmp_path / ".git" / "f.txt")]
    assert [s.name for s in expand_sources([str(tmp_path / ".hidden.txt")])] == [str(tmp_path / ".hidden.txt")]
