"""The `oit` command (typer): scan, report, history, diff, recheck, schedule, demo, fleet.

    commands    the typer app and its commands; exit codes 0 (the scan ran) and 2 (it could not run)
    fleet       `oit fleet enqueue | worker | status` (oit/fleet/), its modules loaded only when run
    leave       leaving the process without the interpreter's teardown once nothing is left to do

Exports `app` (the console script `oit`, [project.scripts] in pyproject.toml) and `main` (`python -m oit`). A
command only parses its arguments and calls the parts below it: oit.watch, oit.scan, oit.store.
"""

from oit.cli.commands import app, main
from oit.cli.fleet import fleet_app

app.add_typer(fleet_app, name="fleet")

__all__ = ["app", "main"]
