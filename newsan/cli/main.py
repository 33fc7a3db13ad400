"""Commands. Each is a thin wrapper: parse options, call the library, render."""

from __future__ import annotations

import os
import signal
import sys

import click

from newsan import __version__
from newsan.cli.options import (ANALYZE_FORMATS, FORMATS, PATHS_HELP, engine_options, input_options,
                                output_file_option, output_options)
from newsan.cli.output import Output, OutputFailed, ReaderGone, run_task, writing
from newsan.cli.target import TargetError
from newsan.engines import EngineError
from newsan.pipeline import Settings
from newsan.render.filters import EntityFilter
from newsan.render.schemas import SCHEMA_TASKS, schema_text
from newsan.render.translit import DEFAULT_SCHEME

EXIT_USAGE, EXIT_OUTPUT_FAILED, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 2, 74, 130, 141


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsan")
def cli():
    """Who is mentioned, what was said and who said it, in Arabic news.

    \b
    Examples:
      newsan entities article.txt
      curl -s https://example.com/article.txt | newsan entities
      newsan quotes --format jsonl archive/ > quotes.jsonl
      newsan analyze --format html archive/ -o corpus.html
      newsan analyze --db news.db archive/
    """


def help_without_input(paths) -> None:
    """No PATHS and stdin a terminal: the user is not piping text in, so show the help
    rather than wait on stdin in silence."""
    if not paths and sys.stdin.isatty():
        raise click.exceptions.NoArgsIsHelpError(click.get_current_context())


def chosen_scheme(translit: bool, scheme: str | None) -> str | None:
    return scheme or (DEFAULT_SCHEME if translit else None)


def task_command(task: str, summary: str, example: str, formats=FORMATS, entity_filters=False):
    """A command that runs `task` over files, folders or stdin."""

    @input_options
    @engine_options
    @output_options(formats=formats, entity_filters=entity_filters)
    def command(paths, glob, workers, timeout, reading, scheduler, engine, ner_model, device, fmt, output_path, bidi,
                no_color, max_width, translit, translit_scheme, with_text, db, force, merge=False, types=None,
                min_count=1, top=None):
        help_without_input(paths)
        settings = Settings(engine=engine, ner_model=ner_model, device=device)
        output = Output(fmt, bidi, no_color, max_width, merge, chosen_scheme(translit, translit_scheme), db=db,
                        force=force, path=output_path, with_text=with_text,
                        entities=EntityFilter(types, min_count, top))
        sys.exit(run_task(task, paths, glob, workers, settings, output, timeout, reading, scheduler))

    command.__doc__ = f"{summary}\n\n\b\nExample:\n  {example}"
    return cli.command(task, epilog=PATHS_HELP)(command)


task_command("entities", "People, places and organisations mentioned in each document.",
             "newsan entities --top 10 --translit seeds/000_717256e72bc829cd.txt", entity_filters=True)
task_command("quotes", "Direct, indirect and mixed quotes, with their speakers.",
             "newsan quotes --format json article.txt")
task_command("speakers", "Who is quoted: one row per speaker, with title and aliases.",
             "newsan speakers --merge archive/")
task_command("analyze", "Entities, quotes and speakers of each document in one pass.",
             "newsan analyze --format jsonl archive/ > analysis.jsonl", formats=ANALYZE_FORMATS,
             entity_filters=True)


@cli.command(epilog=PATHS_HELP)
@input_options
@engine_options
@output_options(formats=("table", "json", "jsonl", "csv", "tsv", "conll"), merge=False, translit=False, db=False,
                with_text=False)
@click.option("--diacritized", is_flag=True, help="Keep the lemmas' diacritics.")
def lemmas(paths, glob, workers, timeout, reading, scheduler, engine, ner_model, device, fmt, output_path, bidi,
           no_color, max_width, diacritized):
    """Lemma and part of speech of every token.

    With --format conll the input is pre-tokenised (one token per line, blank
    line between sentences) and the output is token<TAB>lemma<TAB>pos.

    \b
    Example:
      newsan lemmas seeds/000_717256e72bc829cd.txt
    """
    help_without_input(paths)
    settings = Settings(engine=engine, ner_model=ner_model, device=device, diacritized=diacritized)
    if fmt == "conll":
        from newsan.cli.tagging import lemmatize_conll

        sys.exit(write_to(output_path, lambda out: lemmatize_conll(paths[0] if paths else "-", settings, out)))
    output = Output(fmt or "table", bidi, no_color, max_width, path=output_path)
    sys.exit(run_task("lemmas", paths, glob, workers, settings, output, timeout, reading, scheduler))


@cli.command()
@click.argument("path", required=False, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(["conll"]), default="conll", show_default=True)
@output_file_option
@engine_options
def tag(path, fmt, output_path, engine, ner_model, device):
    """BIO named-entity tags for pre-tokenised text.

    Reads one token per line (a second column is ignored), a blank line between
    sentences, from PATH or stdin (- or no PATH); writes token<TAB>tag with the
    same tokens and sentence breaks.

    \b
    Example:
      newsan tag --format conll ANERcorp-test.txt > predicted.conll
    """
    from newsan.cli.tagging import tag_conll

    help_without_input(path)
    settings = Settings(engine=engine, ner_model=ner_model, device=device)
    sys.exit(write_to(output_path, lambda out: tag_conll(path or "-", settings, out)))


class _NothingWritten(Exception):
    pass


def write_to(path: str | None, write) -> int:
    """Exit status of `write(stream)` on stdout or -o FILE; 2 when FILE cannot be written.
    `write` reads one input: when it fails (non-zero), FILE is left as it was. Failures to
    write are those of every command (output.writing: 74, or 141 for a closed pipe)."""
    status = 0

    def write_all(out) -> None:
        nonlocal status
        status = write(out)
        if status:
            raise _NothingWritten()

    try:
        writing(write_all, path)
    except _NothingWritten:
        pass
    except TargetError as error:
        click.echo(f"newsan: {error}", err=True)
        return EXIT_USAGE
    return status


@cli.command()
@click.argument("task", type=click.Choice(SCHEMA_TASKS))
@output_file_option
def schema(task, output_path):
    """The JSON Schema (draft 2020-12) of one task's JSON and JSON Lines records.

    \b
    Example:
      newsan schema entities -o entities.schema.json
    """
    def write_schema(out) -> int:
        out.write(schema_text(task))
        return 0

    sys.exit(write_to(output_path, write_schema))


@cli.command()
def info():
    """Which engines are available, and how to install the missing ones.

    \b
    Example:
      newsan info
    """
    from newsan.cli.info import show_info

    show_info()


def main(argv=None) -> None:
    """Console entry point: exit codes and failures as the README documents them."""
    for stream in (sys.stdout, sys.stderr):  # text that cannot be encoded (a lone surrogate in an
        if stream is not None and hasattr(stream, "reconfigure"):  # archive's field) is shown as ?
            stream.reconfigure(errors="replace")
    interrupted = []

    def on_interrupt(signum, frame):
        interrupted.append(signum)  # an import that Ctrl-C breaks may raise ImportError instead
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGINT, on_interrupt)  # from here on, Ctrl-C is handled below
        cli.main(args=argv, prog_name="newsan", standalone_mode=False)
    except SystemExit:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: a late Ctrl-C must not break the exit
        raise
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE if isinstance(error, click.UsageError) else error.exit_code)
    except EngineError as error:
        click.echo(f"newsan: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except ImportError as error:
        if interrupted:  # Ctrl-C inside a C extension's import (onnxruntime: "initialization failed")
            sys.stderr.write("\n")
            sys.exit(EXIT_INTERRUPTED)
        # A light install (README) lacks what CAMeL's engines import; --engine auto picks
        # them wherever CAMeL's data is installed.
        click.echo(f"newsan: {error}; CAMeL's engines need camel-tools' dependencies (pip install camel-tools), "
                   "or use --engine embedded", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("\n")  # closes the terminal's ^C echo
        sys.exit(EXIT_INTERRUPTED)
    except click.exceptions.Abort:  # Click has closed the ^C echo itself
        sys.exit(EXIT_INTERRUPTED)
    except (BrokenPipeError, ReaderGone):
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining while it flushes stdout at exit.
        discard_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except OutputFailed as error:
        click.echo(f"newsan: {error}", err=True)
        discard_stdout()
        sys.exit(EXIT_OUTPUT_FAILED)


def discard_stdout() -> None:
    """Point stdout at /dev/null, so that Python's last flush at exit has nowhere to fail."""
    if sys.stdout is None:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
