"""`newsan info`: the engines, whether each can run here, and how to install the rest."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from newsan import __version__
from newsan.engines import camel_data


def show_info() -> None:
    console = Console(highlight=False)
    console.print(f"newsan {__version__}")
    console.print(f"CAMeL data looked for in: {camel_data.data_dir()} "
                  f"($CAMELTOOLS_DATA, else ~/.camel_tools)")
    table = Table("task", "engine", "available", "what it is", "where / how to install")
    for engine in camel_data.report():
        where = engine["where"] if engine["available"] else engine.get("install") or engine["where"]
        table.add_row(engine["task"], engine["name"], "yes" if engine["available"] else "no",
                      engine["what"], str(where))
    console.print(table)
    click.echo("--engine auto uses a CAMeL engine where it is available, else the embedded one.")
