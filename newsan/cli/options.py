"""Option groups shared by the commands, so every command takes the same flags."""

from __future__ import annotations

import functools

import click

from newsan.batch import DEFAULT_TIMEOUT, TIMEOUT_CHARS, default_workers
from newsan.engines import ENGINE_CHOICES
from newsan.reading import ReadOptions
from newsan.render.translit import DEFAULT_SCHEME, SCHEMES

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "html")
INPUTS = ("auto", "text", "html", "jsonl", "csv", "tsv")


def _stack(*decorators):
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn

    return apply


def _read_options(command):
    """The --input family of options, handed to the command as one ReadOptions `reading`."""

    @functools.wraps(command)
    def with_reading(*args, input_kind, text_field, id_field, title_field, keep_field, lines, **kwargs):
        reading = ReadOptions(input_kind, text_field, id_field, title_field, tuple(keep_field), lines)
        return command(*args, reading=reading, **kwargs)

    return with_reading


input_options = _stack(
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("--glob", show_default="*.txt, or *.EXT for --input EXT",
                 help="Files to take from folders (FILE.gz too)."),
    click.option("--input", "input_kind", type=click.Choice(INPUTS), default="auto", show_default=True,
                 help="What the inputs are. auto: by extension (.jsonl .ndjson .csv .tsv .html, also .gz), "
                      "else HTML by content, else text."),
    click.option("--text-field", default="text", show_default=True, metavar="NAME",
                 help="JSON Lines/CSV/TSV: the field holding the article's text."),
    click.option("--id-field", metavar="NAME", help="JSON Lines/CSV/TSV: the field that names each record "
                                                     "(its `source`; default: FILE:LINE)."),
    click.option("--title-field", metavar="NAME", help="JSON Lines/CSV/TSV: the field holding the title "
                                                        "(analysed as the first paragraph)."),
    click.option("--keep-field", multiple=True, metavar="NAME",
                 help="A field of the input (or of an HTML page: date, url, author, ...) carried into every "
                      "output record; repeatable."),
    click.option("--lines", is_flag=True, help="Text inputs hold one document per line."),
    click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", metavar="ADDRESS",
                 help="Run the batch on a Dask cluster (tcp://HOST:8786), or `local` for a LocalCluster of "
                      "--workers processes; needs the dask extra. Also DASK_SCHEDULER_ADDRESS."),
    click.option("--workers", "-j", type=click.IntRange(1), default=default_workers,
                 show_default="number of cores", help="Processes for folders and many files."),
    click.option("--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT, show_default=True,
                 help=f"Seconds one document may take (per {TIMEOUT_CHARS:,} characters for longer ones; "
                      "0: no limit). A document that takes longer gets an error record; the batch goes on."),
    _read_options,
)

engine_options = _stack(
    click.option("--engine", type=click.Choice(ENGINE_CHOICES), default="auto", show_default=True,
                 help="auto: CAMeL Tools' models where installed, else the embedded ones."),
    click.option("--ner-model", type=click.Path(exists=True, file_okay=False),
                 help="A CAMeL NER model folder (implies --engine camel for NER)."),
    click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True,
                 help="Where CAMeL's BERT model runs."),
)


class SchemeChoice(click.Choice):
    """--translit takes an optional value, so `--translit article.txt` reads the
    path as a scheme: say how to write it instead."""

    def convert(self, value, param, ctx):
        if value not in self.choices:
            self.fail(f"{value!r} is not a scheme ({', '.join(self.choices)}); write --translit={DEFAULT_SCHEME} "
                      "or put --translit after the paths", param, ctx)
        return value


output_file_option = click.option(
    "--output", "-o", "output_path", type=click.Path(allow_dash=True), metavar="FILE",
    help="Write to FILE instead of stdout (replaced only once the output is complete).")


def output_options(formats=FORMATS, merge=True, translit=True, db=True, with_text=True):
    decorators = [
        click.option("--format", "-f", "fmt", type=click.Choice(formats),
                     show_default=f"{formats[0]}; none with --db" if db else formats[0],
                     help="html: one self-contained page (an overview first for several documents)."
                     if "html" in formats else None),
        output_file_option,
        click.option("--bidi", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
                     envvar="NEWSAN_BIDI",
                     help="Shape and reorder Arabic for terminals that cannot lay it out (tables on a "
                          "terminal only; pipes and files always get logical order). auto: off in "
                          "GNOME Terminal/VTE, Konsole and mlterm, on elsewhere."),
        click.option("--no-color", is_flag=True, help="Tables without colours (NO_COLOR is honoured too)."),
        click.option("--max-width", type=click.IntRange(40),
                     help="Widest table, in columns (default: the terminal's width, 80 for pipes)."),
    ]
    if merge:
        decorators.insert(1, click.option("--merge", is_flag=True, help="Aggregate a batch into one result."))
    if translit:
        decorators.append(click.option(
            "--translit", type=SchemeChoice(SCHEMES), is_flag=False, flag_value=DEFAULT_SCHEME, default=None,
            help=f"Latin spelling of entity and speaker names (a column, and a `translit` field in JSON). "
                 f"Alone: {DEFAULT_SCHEME}; give the scheme with `=`: --translit=hsb."))
    if with_text:
        decorators.append(click.option(
            "--with-text", is_flag=True,
            help="JSON and JSON Lines records carry the analysed text and each quote's cue offset."))
    if db:
        decorators += [
            click.option("--db", type=click.Path(dir_okay=False), metavar="FILE",
                         help="Write the results into this SQLite database (tables documents, entities, "
                              "mentions, quotes, speakers); documents already there are skipped."),
            click.option("--force", is_flag=True, help="With --db: analyse again documents already there."),
        ]
    return _stack(*decorators)

