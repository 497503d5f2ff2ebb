#!/usr/bin/env bash
# Install everything zhnews needs on a fresh Debian machine: system packages
# (PostgreSQL for the team backend and its tests, Chromium + a CJK font for the
# browser tests, tesseract for scanned pages) when run as root, then a virtualenv in .venv with the package
# and its test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
need_apt=()
command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need_apt+=(fonts-wqy-zenhei)
# OCR of scanned pages (zhnews/formats/ocr.py): tesseract with its Chinese models
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need_apt+=(tesseract-ocr-chi-sim tesseract-ocr-chi-tra)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing system packages: ${need_apt[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: not root or no apt-get; skipping system packages (${need_apt[*]}): PostgreSQL and browser tests will be skipped" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[dev]'
echo "setup: ready (.venv/bin/zhnews)" >&2
