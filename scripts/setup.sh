#!/usr/bin/env bash
# Create .venv and install diurna with the exact pinned dependencies of requirements.lock.
# Idempotent and quick when nothing changed: the install is stamped with the lock file's hash.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin="${PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python_bin="$candidate"; break; fi
  done
fi
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "diurna needs Python 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
stamp=".venv/.diurna-installed-$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setting up .venv from requirements.lock (first run takes a few minutes)" >&2
  export PIP_DISABLE_PIP_VERSION_CHECK=1
  # --no-deps: the lock file is the complete, pinned closure; nothing unpinned may slip in.
  .venv/bin/python -m pip install -q --no-deps -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  .venv/bin/python -m pip check >&2 || { echo "requirements.lock is incomplete: regenerate it with scripts/lock.sh" >&2; exit 1; }
  rm -f .venv/.diurna-installed-*
  touch "$stamp"
fi
