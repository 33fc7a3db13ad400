"""Size and build time of the HTML page for a batch of news articles.

    python bench/html_page.py [--data ../shared/data] [--limit 1000] [--workers 2] [--keep corpus.html]

Copies the first LIMIT articles of news/antcorpus into a temporary folder, each
named with its date from the manifest (2017-04-16_antcorpus_0001.txt, so that the
page has its timeline), then times, start-up included:
  newsan analyze -f jsonl FOLDER        (the analysis alone)
  newsan analyze -f html FOLDER -o F    (analysis and page)
and reports the page's size, and the time to render the page alone from the records
(`-f jsonl --with-text`, read back in this process). Where Chromium is installed it also
opens the page headless and reports the time to its load event and the number of elements.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY_FIRST = re.compile(r"^(\d\d)/(\d\d)/(\d{4})")


def iso_date(value: str) -> str:
    """The manifest writes 2017-04-16T09:43:00+01:00 or 16/04/2017."""
    match = DAY_FIRST.match(value)
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else value[:10]


def dated_copies(data: Path, folder: Path, limit: int) -> int:
    corpus = data / "news" / "antcorpus"
    with open(corpus / "manifest.tsv", encoding="utf-8") as manifest:
        rows = list(csv.DictReader(manifest, delimiter="\t"))[:limit]
    for row in rows:
        shutil.copy(corpus / row["file"], folder / f"{iso_date(row['date'])}_{row['file']}")
    return len(rows)


def timed(command: list[str], stdout) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=stdout, check=True, cwd=ROOT)
    return time.perf_counter() - start


def render_alone(records: Path) -> float:
    sys.path.insert(0, str(ROOT))
    from newsan.render.html import write_html

    with open(records, encoding="utf-8") as lines:
        loaded = [json.loads(line) for line in lines]
    start = time.perf_counter()
    write_html(loaded, io.StringIO(), "analyze", batch=True)
    return time.perf_counter() - start


def browser_load(page: Path) -> dict | None:
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import Browser, find_chromium

    if not find_chromium():
        return None
    with Browser(timeout=120) as browser:
        start = time.perf_counter()
        opened = browser.open(page.resolve().as_uri())
        seconds = time.perf_counter() - start
        elements = opened.evaluate("document.getElementsByTagName('*').length")
        return {"load_s": round(seconds, 2), "elements": elements, "errors": opened.errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="also write the page here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "archive"
        folder.mkdir()
        articles = dated_copies(args.data, folder, args.limit)
        newsan = [sys.executable, "-m", "newsan", "analyze", "-j", str(args.workers), str(folder)]
        analysis = timed([*newsan, "-f", "jsonl"], subprocess.DEVNULL)
        page = Path(work) / "corpus.html"
        build = timed([*newsan, "-f", "html", "-o", str(page)], subprocess.DEVNULL)
        records = Path(work) / "records.jsonl"
        with open(records, "w", encoding="utf-8") as out:
            timed([*newsan, "-f", "jsonl", "--with-text"], out)
        report = {"articles": articles, "workers": args.workers, "jsonl_s": round(analysis, 2),
                  "html_s": round(build, 2), "render_s": round(render_alone(records), 2),
                  "page_bytes": page.stat().st_size,
                  "page_mib": round(page.stat().st_size / 2**20, 2),
                  "browser": browser_load(page)}
        if args.keep:
            shutil.copy(page, args.keep)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
