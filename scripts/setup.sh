#!/usr/bin/env bash
# Installs what dyad needs on Debian 12, builds it, and codes the bundled example
# articles into a SQLite store (dyad-example.db), printing what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  build-essential cmake pkg-config ca-certificates \
  nlohmann-json3-dev libcli11-dev libsqlite3-dev zlib1g-dev libzstd-dev \
  libutf8proc-dev libxxhash-dev libgtest-dev libgmock-dev clang libclang-rt-14-dev
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target dyad
rm -f dyad-example.db
./build/src/cli/dyad ingest --db dyad-example.db data/examples
./build/src/cli/dyad events --db dyad-example.db --format text
