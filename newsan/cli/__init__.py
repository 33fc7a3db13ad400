"""The `newsan` command line: thin wrappers over the library."""

from newsan.cli.main import cli, main

__all__ = ["cli", "main"]
