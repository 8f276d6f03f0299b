#!/usr/bin/env bash
# Installs what dyad needs on Debian 12, builds it, and codes the bundled example
# articles into a SQLite store (dyad-example.db), printing what it found and the
# Qatar-Turkey relation that two of its outlets report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target dyad
rm -f dyad-example.db dyad-example.db-wal dyad-example.db-shm
./build/src/cli/dyad ingest --db dyad-example.db data/examples
./build/src/cli/dyad events --db dyad-example.db
./build/src/cli/dyad relations --db dyad-example.db QAT TUR
