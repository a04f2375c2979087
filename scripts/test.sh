#!/usr/bin/env bash
# Set everything up, then run the whole test suite. A run in which no test passes fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install_browser.sh
# Lint and formatting first (configured in pyproject.toml): a style error fails the run like a test.
.venv/bin/ruff check .
.venv/bin/ruff format --check .
export DIURNA_REQUIRE_TESTS=1
exec .venv/bin/python -m pytest "$@"
