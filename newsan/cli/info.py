"""`newsan info`: the engines and optional packages, whether each is here, and how to
install the rest."""

from __future__ import annotations

import os
import re
import shutil
from importlib import metadata

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsan import __version__
from newsan.engines import camel_data
from newsan.render.translit import INSTALL_NAMES, ROMANIZER


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
    parts = Table("optional part", "status", "for")
    parts.columns[2].overflow = "fold"
    for part in optional_parts():
        status = part["version"] if part["present"] else part["missing"]
        details = part["what"] if part["present"] else f"{part['what']}\ninstall: {part['install']}"
        parts.add_row(part["name"], status, escape(details))  # escape: [names] is not markup
    console.print(parts)


def installed_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def missing_requirements(distribution: str) -> list[str]:
    """What `distribution` requires and is not installed (a light install leaves out
    camel-tools' own dependencies)."""
    required = [re.match(r"[A-Za-z0-9._-]+", line).group() for line in metadata.requires(distribution) or []
                if "extra ==" not in line]
    return [name for name in required if installed_version(name) is None]


# What `pip install newsan` brings but an install without dependencies (--no-deps) may
# lack, and the extras; each: (name, the distributions it needs, what for, how to install).
PACKAGE_PARTS = (
    ("trafilatura", ("trafilatura", "lxml_html_clean"), "HTML input: news pages reduced to their article",
     "pip install trafilatura lxml_html_clean (dependencies of newsan)"),
    ("sqlite-utils", ("sqlite-utils",), "--db: the results in SQLite tables",
     "pip install sqlite-utils (a dependency of newsan)"),
    ("dask", ("dask", "distributed", "fsspec"), "--scheduler: batches on a Dask cluster; fsspec URLs as PATHS",
     "pip install 'newsan[dask]'"),
)
CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")  # as tests/browser.py


def package_part(name: str, distributions: tuple[str, ...], what: str, install: str) -> dict:
    missing = [d for d in distributions if installed_version(d) is None]
    return {"name": name, "present": not missing, "version": installed_version(distributions[0]) or "",
            "missing": f"missing: {', '.join(missing)}",
            "what": what, "install": install}


def find_chromium() -> str | None:
    named = os.environ.get("NEWSAN_CHROMIUM")
    if named:
        return shutil.which(named)
    return next(filter(None, map(shutil.which, CHROMIUM)), None)


def optional_parts() -> list[dict]:
    """The packages newsan runs without, and what each adds."""
    romanizer = installed_version(ROMANIZER)
    onnxruntime = installed_version("onnxruntime") if romanizer else None
    camel_missing = missing_requirements("camel-tools") if installed_version("camel-tools") else ["camel-tools"]
    chromium = find_chromium()
    return [
        {"name": ROMANIZER, "present": romanizer is not None, "version": romanizer, "missing": "not installed",
         "what": "--translit: people's names as English-language news spells them", "install": INSTALL_NAMES},
        {"name": "onnxruntime", "present": onnxruntime is not None, "version": onnxruntime,
         "missing": "not installed",
         "what": f"{ROMANIZER}'s model, for names outside its dictionary (without it: letter rules)",
         "install": INSTALL_NAMES},
        {"name": "CAMeL Tools' dependencies", "present": not camel_missing, "version": "all installed",
         "missing": f"missing: {', '.join(camel_missing)}",
         "what": "CAMeL's own engines (--engine camel) and camel_data; not needed by the embedded ones",
         "install": "pip install camel-tools (README: without the CUDA build of torch)"},
        *(package_part(*part) for part in PACKAGE_PARTS),
        {"name": "Chromium", "present": chromium is not None, "version": chromium, "missing": "not found",
         "what": "a browser for the HTML pages' tests (tests/test_browser.py); no package needed to write them",
         "install": "apt-get install chromium, or NEWSAN_CHROMIUM=PROGRAM"},
    ]
