"""A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, the server on a free port with its
Unix socket in that folder (no TCP), a database per test, everything stopped and removed at the end.

Debian's server programs live in /usr/lib/postgresql/<version>/bin (pg_config --bindir names them). initdb and postgres
refuse to run as root: as root (CI, this machine) they run as the `postgres` user the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ADMIN = "oit"  # the cluster's superuser, trusted on its socket only


def bindir() -> Path | None:
    """The folder of initdb and pg_ctl: pg_config's, else the newest of Debian's versions; None when not installed."""
    folders = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        folders.append(out)
    folders += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    return next((Path(f) for f in folders if f and Path(f, "initdb").is_file()), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self) -> None:
        found = bindir()
        if found is None:
            raise RuntimeError("PostgreSQL is not installed")
        self.bin = found
        # Under /tmp itself, not pytest's tmp_path: that folder is root's alone, and the server may run as postgres.
        self.root = Path(tempfile.mkdtemp(prefix="oit-pg-"))
        self.data, self.socket_dir, self.port = self.root / "data", self.root, _free_port()
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> PostgresCluster:
        if self._as:
            shutil.chown(self.root, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        options = f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        log = self.root / "server.log"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(log), "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([*self._as, str(self.bin / program), *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr or done.stdout}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{ADMIN}@/{database}?host={self.socket_dir}&port={self.port}"

    def admin(self):  # type: ignore[no-untyped-def]  # a psycopg connection to the cluster's own database
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=self.port, user=ADMIN, dbname="postgres", autocommit=True
        )

    def create_database(self) -> str:
        name = f"oit_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def connections(self, database: str) -> int:
        """The sessions open on `database` (pg_stat_activity), this admin connection not counted."""
        with self.admin() as conn:
            row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)).fetchone()
        return int(row[0]) if row else 0
