"""Option groups shared by the commands, so every command takes the same flags."""

from __future__ import annotations

import functools

import click

from newsan.batch import DEFAULT_TIMEOUT, TIMEOUT_CHARS, default_workers
from newsan.engines import ENGINE_CHOICES
from newsan.reading import ReadOptions
from newsan.render.filters import ENTITY_TYPES
from newsan.render.translit import DEFAULT_SCHEME, SCHEMES

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "html")
# analyze's records hold entities, quotes and speakers at once: no fixed CSV columns.
ANALYZE_FORMATS = ("table", "json", "jsonl", "html")
INPUTS = ("auto", "text", "html", "jsonl", "csv", "tsv")
FORMAT_HELP = {
    "table": "tables for people (one per document)",
    "json": "one object for one input, a list for several",
    "jsonl": "one object per document and line, written as each is ready",
    "csv": "one row per item, fixed header",
    "tsv": "csv with tabs",
    "html": "one self-contained page (an overview first for several documents)",
    "conll": "token<TAB>lemma<TAB>pos for pre-tokenised input",
}
PATHS_HELP = """\b
PATHS: files and folders, in any mix; folders are read recursively for
--glob (hidden files and folders inside are skipped); fsspec URLs
(s3://bucket/news/) too, with the dask extra; - or no PATHS reads
stdin. Run without PATHS in a terminal, this help is shown."""


def _stack(*decorators):
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn

    return apply


def _file_name_patterns(ctx, param, patterns):
    if any("/" in pattern for pattern in patterns):
        raise click.BadParameter("patterns match file names, without '/'", ctx, param)
    return patterns


def _read_options(command):
    """The --input family of options, handed to the command as one ReadOptions `reading`."""

    @functools.wraps(command)
    def with_reading(*args, input_kind, text_field, id_field, title_field, keep_field, lines, **kwargs):
        reading = ReadOptions(input_kind, text_field, id_field, title_field, tuple(keep_field), lines)
        return command(*args, reading=reading, **kwargs)

    return with_reading


input_options = _stack(
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("--glob", multiple=True, callback=_file_name_patterns, metavar="PATTERN",
                 show_default="*.txt, or *.EXT for --input EXT",
                 help="File names to take from folders (PATTERN.gz too), whatever their case; repeat for several "
                      "(--glob '*.txt' --glob '*.md')."),
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


def _entity_types(ctx, param, value):
    if value is None:
        return None
    types = {kind.strip().upper() for kind in value.split(",") if kind.strip()}
    unknown = sorted(types - set(ENTITY_TYPES))
    if unknown or not types:
        raise click.BadParameter(f"{' '.join(unknown) or 'none given'}: the types are {','.join(ENTITY_TYPES)}",
                                 ctx, param)
    return frozenset(types)


entity_filter_options = (
    click.option("--types", callback=_entity_types, metavar="TYPES",
                 help=f"Only these entity types, comma-separated ({','.join(ENTITY_TYPES)}). Without MISC, tables "
                      "leave out God's name in set phrases and currencies (JSON, CSV keep them)."),
    click.option("--min-count", type=click.IntRange(1), default=1, help="Only entities mentioned at least N times."),
    click.option("--top", type=click.IntRange(1), help="Only the N most mentioned entities (of each document, or "
                                                        "of the batch with --merge)."),
)

output_file_option = click.option(
    "--output", "-o", "output_path", type=click.Path(allow_dash=True), metavar="FILE",
    help="Write to FILE instead of stdout (replaced only once the output is complete).")


def output_options(formats=FORMATS, merge=True, translit=True, db=True, with_text=True, entity_filters=False):
    format_help = "; ".join(f"{name}: {FORMAT_HELP[name]}" for name in formats)
    decorators = [
        click.option("--format", "-f", "fmt", type=click.Choice(formats),
                     show_default=f"{formats[0]}; none with --db" if db else formats[0], help=f"{format_help}."),
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
        decorators += [
            click.option("--translit", is_flag=True,
                         help="Names in Latin letters too (a column, and a `translit` field in JSON): by default "
                              "people's names as English-language news spells them."),
            click.option("--translit-scheme", type=click.Choice(SCHEMES), default=None,
                         help=f"{DEFAULT_SCHEME} (default): English spellings of people's names, other names blank; "
                              "safebw, bw, hsb: CAMeL Tools' letter-by-letter schemes for every name. Implies "
                              "--translit."),
        ]
    if entity_filters:
        decorators += entity_filter_options
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
