"""The `oit` command (typer): scan, report, history, diff, recheck, schedule, demo.

    commands    the typer app and its commands; exit codes 0 (the scan ran) and 2 (it could not run)
    leave       leaving the process without the interpreter's teardown once nothing is left to do

Exports `app` (the console script `oit`, [project.scripts] in pyproject.toml) and `main` (`python -m oit`). A
command only parses its arguments and calls the parts below it: oit.watch, oit.scan, oit.store.
"""

from oit.cli.commands import app, main

__all__ = ["app", "main"]
