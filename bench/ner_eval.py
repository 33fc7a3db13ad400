"""Score the NER tagger on ANERcorp dev or test.

    python bench/ner_eval.py [--split dev|test] [--data DIR] [--engine embedded|camel|auto] [--library]
    python bench/ner_eval.py --gold bench/ner_modern/modern.conll   # modern news, never trained on

By default predictions come from the CLI, `python -m newsan tag --format conll`,
exactly as a user would run it; `--library` calls EmbeddedNer directly.
Test is for reporting once per model, never for tuning.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsan.engines.embedded_ner.scoring import format_scores, parse_conll, read_conll, score  # noqa: E402


def write_tokens(sentences: list[list[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for tokens in sentences:
            out.write("\n".join(tokens) + "\n\n")


def tag_with_cli(sentences: list[list[str]], engine: str) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        tokens_file = Path(tmp) / "tokens.conll"
        write_tokens(sentences, tokens_file)
        result = subprocess.run(
            [sys.executable, "-m", "newsan", "tag", "--engine", engine, "--format", "conll", str(tokens_file)],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True,
        )
    pred_tokens, pred_tags = parse_conll(result.stdout.splitlines())
    if pred_tokens != sentences:
        raise SystemExit("the CLI's output does not line up with its input tokens")
    return pred_tags


def tag_with_library(sentences: list[list[str]]) -> list[list[str]]:
    from newsan.engines.embedded_ner import EmbeddedNer

    return EmbeddedNer().tag(sentences)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--engine", default="embedded", help="the CLI's --engine (default: embedded)")
    parser.add_argument("--gold", type=Path, help="score this CoNLL file instead of an ANERcorp split")
    parser.add_argument("--library", action="store_true", help="call EmbeddedNer instead of the CLI")
    args = parser.parse_args(argv)

    gold_file = args.gold or args.data / "anercorp" / f"{args.split}.conll"
    sentences, gold = read_conll(gold_file)
    started = time.perf_counter()
    pred = tag_with_library(sentences) if args.library else tag_with_cli(sentences, args.engine)
    seconds = time.perf_counter() - started
    tokens = sum(len(s) for s in sentences)
    print(f"{gold_file.name}: {tokens} tokens in {seconds:.2f}s, {tokens / seconds:,.0f} tokens/s"
          f" ({'library' if args.library else f'CLI --engine {args.engine}, including start-up'})")
    print(format_scores(score(gold, pred)))


if __name__ == "__main__":
    main()
