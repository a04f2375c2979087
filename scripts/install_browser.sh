#!/usr/bin/env bash
# Debian's chromium and chromedriver for the dashboard's browser tests (tests/api/test_browser.py).
# Idempotent: does nothing when both are present. Installs with apt-get as root (or through
# password-less sudo). When they cannot be installed it says why and exits 0: the browser tests
# then skip with that reason instead of failing the whole run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  echo "install_browser: chromium/chromedriver are missing and root is not available: browser tests will skip" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: no apt-get here; install chromium and its chromedriver by hand: browser tests will skip" >&2
  exit 0
fi
echo "install_browser: installing Debian chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { "${AS_ROOT[@]}" apt-get update -qq && "${AS_ROOT[@]}" apt-get install -y -qq chromium chromium-driver; } >/dev/null; then
  echo "install_browser: apt-get could not install chromium chromium-driver: browser tests will skip" >&2
  exit 0
fi
chromium --version >&2
