"""Option groups shared by the commands, so every command takes the same flags."""

from __future__ import annotations

import click

from newsan.batch import DEFAULT_TIMEOUT, TIMEOUT_CHARS, default_workers
from newsan.engines import ENGINE_CHOICES
from newsan.render.filters import ENTITY_TYPES
from newsan.render.translit import DEFAULT_SCHEME, SCHEMES

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
FORMAT_HELP = {
    "table": "tables for people (one per document)",
    "json": "one object for one input, a list for several",
    "jsonl": "one object per document and line, written as each is ready",
    "csv": "one row per item, fixed header",
    "tsv": "csv with tabs",
    "conll": "token<TAB>lemma<TAB>pos for pre-tokenised input",
}
PATHS_HELP = """\b
PATHS: files and folders, in any mix; folders are read recursively for
--glob (hidden files and folders inside are skipped); - or no PATHS
reads stdin. Run without PATHS in a terminal, this help is shown."""


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


input_options = _stack(
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("--glob", multiple=True, default=("*.txt",), show_default=True, callback=_file_name_patterns,
                 help="File names to take from folders, whatever their case; repeat for several (--glob '*.txt' "
                      "--glob '*.md')."),
    click.option("--workers", "-j", type=click.IntRange(1), default=default_workers,
                 show_default="number of cores", help="Processes for folders and many files."),
    click.option("--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT, show_default=True,
                 help=f"Seconds one document may take (per {TIMEOUT_CHARS:,} characters for longer ones; "
                      "0: no limit). A document that takes longer gets an error record; the batch goes on."),
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


def output_options(formats=FORMATS, merge=True, translit=True, entity_filters=False):
    format_help = "; ".join(f"{name}: {FORMAT_HELP[name]}" for name in formats)
    decorators = [
        click.option("--format", "-f", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                     help=f"{format_help}."),
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
    return _stack(*decorators)
