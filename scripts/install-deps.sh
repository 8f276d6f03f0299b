#!/usr/bin/env bash
# Installs every Debian 12 package dyad needs to build, test and benchmark.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  build-essential cmake pkg-config ca-certificates \
  nlohmann-json3-dev libcli11-dev libsqlite3-dev zlib1g-dev libzstd-dev \
  libutf8proc-dev libxxhash-dev libgtest-dev libgmock-dev clang libclang-rt-14-dev \
  libcpp-httplib-dev apache2-utils \
  pybind11-dev python3-dev python3-venv python3-pandas python3-pytest \
  sqlite3 time \
  nodejs chromium fonts-dejavu-core
# npm builds the dashboard (web/); Debian's nodejs comes without it, a nodejs from
# elsewhere may bring its own.
if ! command -v npm >/dev/null 2>&1; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm
fi
