#!/usr/bin/env bash
# Starts the fleet's servers on this machine (README "The fleet"), called by tools/bootstrap.sh (`make setup`):
# Debian's PostgreSQL cluster with a database `oit` owned by a role named after this user (so that
# postgresql+psycopg:///oit connects over the local socket, no password), and a Redis on 127.0.0.1:6379.
# Safe to run again: what runs is left alone. OIT_NO_SERVICES=1 skips it. A server that cannot start is reported
# and the set-up goes on: `oit scan` and `oit schedule` need neither (the default database is SQLite).
set -uo pipefail

warn() { echo "เริ่ม $1 ไม่ได้: $2 / could not start $1: $2" >&2; }

if [ "${OIT_NO_SERVICES:-0}" = 1 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); SUDO=(); elif sudo -n true 2>/dev/null; then
  AS_PG=(sudo -n -u postgres); SUDO=(sudo -n)
else
  echo "ข้ามการเริ่ม PostgreSQL และ Redis (ไม่มีสิทธิ์ root) / not starting PostgreSQL and Redis (no root)" >&2
  exit 0
fi

# --- PostgreSQL: Debian's clusters (pg_ctlcluster), the database `oit` for this user -----------------------------
if command -v pg_lsclusters >/dev/null; then
  read -r version cluster status < <(pg_lsclusters --no-header 2>/dev/null | awk '{print $1, $2, $4; exit}')
  if [ -n "${version:-}" ] && [ "${status:-}" != online ]; then
    "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" start || warn PostgreSQL "pg_ctlcluster $version $cluster start"
  fi
  me=$(id -un)
  if "${AS_PG[@]}" psql -qtAc "SELECT 1" >/dev/null 2>&1; then
    "${AS_PG[@]}" psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'" | grep -q 1 \
      || "${AS_PG[@]}" createuser "$me" || warn PostgreSQL "createuser $me"
    "${AS_PG[@]}" psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'oit'" | grep -q 1 \
      || "${AS_PG[@]}" createdb -O "$me" oit || warn PostgreSQL "createdb oit"
    echo "PostgreSQL พร้อม: [database] url = \"postgresql+psycopg:///oit\" / PostgreSQL ready"
  fi
fi

# --- Redis: the Debian service when there is one, else the server itself as a daemon ----------------------------
if command -v redis-server >/dev/null && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  "${SUDO[@]}" service redis-server start >/dev/null 2>&1 \
    || "${SUDO[@]}" redis-server --bind 127.0.0.1 --port 6379 --daemonize yes >/dev/null \
    || warn Redis "redis-server"
fi
if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Redis พร้อม: [fleet] redis_url = \"redis://127.0.0.1:6379/0\" / Redis ready"
fi
exit 0
