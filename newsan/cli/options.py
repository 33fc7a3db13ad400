"""Option groups shared by the commands, so every command takes the same flags."""

from __future__ import annotations

import click

from newsan.batch import default_workers
from newsan.engines import ENGINE_CHOICES

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


def _stack(*decorators):
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn

    return apply


input_options = _stack(
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("--glob", default="*.txt", show_default=True, help="Files to take from folders."),
    click.option("--workers", "-j", type=click.IntRange(1), default=default_workers,
                 show_default="number of cores", help="Processes for folders and many files."),
)

engine_options = _stack(
    click.option("--engine", type=click.Choice(ENGINE_CHOICES), default="auto", show_default=True,
                 help="auto: CAMeL Tools' models where installed, else the embedded ones."),
    click.option("--ner-model", type=click.Path(exists=True, file_okay=False),
                 help="A CAMeL NER model folder (implies --engine camel for NER)."),
    click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True,
                 help="Where CAMeL's BERT model runs."),
)


def output_options(formats=FORMATS, merge=True):
    decorators = [
        click.option("--format", "-f", "fmt", type=click.Choice(formats), default=formats[0], show_default=True),
        click.option("--bidi", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
                     envvar="NEWSAN_BIDI",
                     help="Shape and reorder Arabic for terminals that cannot (tables only)."),
        click.option("--no-color", is_flag=True, help="Plain text tables (NO_COLOR is honoured too)."),
        click.option("--max-width", type=click.IntRange(40), help="Table width in columns."),
    ]
    if merge:
        decorators.insert(1, click.option("--merge", is_flag=True, help="Aggregate a batch into one result."))
    return _stack(*decorators)

