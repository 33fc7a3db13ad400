"""`newsan info`: the engines, whether each can run here, and how to install the rest."""

from __future__ import annotations

import os

from rich.console import Console
from rich.table import Table

from newsan import __version__
from newsan.engines import camel_data


def show_info() -> None:
    console = Console(highlight=False)
    origin = "from $CAMELTOOLS_DATA" if os.environ.get("CAMELTOOLS_DATA") else "default; set $CAMELTOOLS_DATA to change"
    console.print(f"newsan {__version__}")
    console.print(f"CAMeL data folder: {camel_data.data_dir()} ({origin})", overflow="fold")
    table = Table("task", "engine", "status", "details")
    table.columns[3].overflow = "fold"
    for engine in camel_data.report():
        details = [engine["what"]]
        if engine["available"]:
            details.append(f"at {engine['where']}")
        else:
            details += [f"looked for {engine['where']}", f"install: {engine['install']}"]
        status = "available" if engine["available"] else "not installed"
        table.add_row(engine["task"], engine["name"], status, "\n".join(details))
    console.print(table)
    console.print("--engine auto uses a CAMeL engine where it is available, else the embedded one.")
