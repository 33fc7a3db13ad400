"""`python -m newsan` and the `newsan` console script."""

import os
import signal


def _interrupted_while_starting(signum, frame):
    os._exit(130)  # Ctrl-C before the commands run: nothing to clean up, no traceback


def entry() -> None:
    # Set here, not when newsan.cli is imported, so that programs importing the library keep
    # their own Ctrl-C handling; main() puts the usual handling back once it runs.
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from newsan.cli import main

    main()


if __name__ == "__main__":
    entry()
