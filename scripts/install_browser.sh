#!/usr/bin/env bash
# Debian's chromium and chromedriver for the dashboard's browser tests; does nothing when present.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: chromium is missing and apt-get as root is not available: browser tests will skip" >&2
  exit 0
fi
echo "installing Debian chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-driver >/dev/null
