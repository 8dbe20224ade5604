"""The `oit` command."""

from oit.cli.commands import app, main

__all__ = ["app", "main"]
