"""The `newsan` command line: thin wrappers over the library."""

import os
import signal


def _interrupted_while_starting(signum, frame):
    os._exit(130)  # Ctrl-C before the commands run: nothing to clean up, no traceback


signal.signal(signal.SIGINT, _interrupted_while_starting)  # main() puts the usual handling back

from newsan.cli.main import cli, main  # noqa: E402

__all__ = ["cli", "main"]
