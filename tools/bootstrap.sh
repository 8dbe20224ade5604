#!/usr/bin/env bash
# Prepares a fresh Debian machine for oit: Debian packages (when we can install them), a virtual
# environment in .venv, and the project with its test tools. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(poppler-utils)          # pdftotext: the best Thai PDF text extractor we have measured
# Tesseract's Thai and English models for OCR of scans (tesserocr's wheel brings the engine, not the models).
APT_PACKAGES+=(tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng)
# Tesseract's orientation model: a scan read poorly is checked for being sideways or upside down, turned, read again.
APT_PACKAGES+=(tesseract-ocr-osd)
# poppler in-process (the `pdftotext` Python binding, which pip builds from source): its headers and a compiler.
APT_PACKAGES+=(libpoppler-cpp-dev g++ pkg-config)
python3 -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(sysconfig.get_path("include") + "/Python.h"))' \
  2>/dev/null || APT_PACKAGES+=(python3-dev)
# Debian's Chromium renders pages that JavaScript builds (crawler/render.py, driven by Playwright, which must
# never download its own browser); Thai fonts so that evidence screenshots show Thai text.
APT_PACKAGES+=(chromium fonts-thai-tlwg)
# PostgreSQL, the shared database of a fleet of scanners (the tests start a throw-away cluster of their own with its
# programs: tests/oit/store/postgres.py), and Redis, the fleet's queue broker.
APT_PACKAGES+=(postgresql redis-server)
command -v python3 >/dev/null || APT_PACKAGES+=(python3 python3-venv)
python3 -m venv --help >/dev/null 2>&1 || APT_PACKAGES+=(python3-venv)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "ต้องติดตั้งแพ็กเกจ Debian: ${missing[*]} (ไม่มีสิทธิ์ root) / please install: ${missing[*]}" >&2
    command -v python3 >/dev/null || exit 1
  else
    echo "ติดตั้งแพ็กเกจ Debian / installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.oit-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,postgres,fleet]"
  touch "$stamp"
fi

# The fleet's servers (PostgreSQL, Redis) started, with a database `oit` for this user: tools/services.sh.
tools/services.sh
