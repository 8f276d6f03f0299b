#!/usr/bin/env bash
# Builds dyad and runs every test: the unit and end-to-end tests (GoogleTest via CTest),
# then each fuzz target for a few seconds under AddressSanitizer and UBSan (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${DYAD_SKIP_DEPS:-0}" != 1 ]; then scripts/install-deps.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
(cd web && npm ci --no-audit --no-fund && npm run build)   # the dashboard, for its browser test
(cd build && ctest --output-on-failure -j"$(nproc)")
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_FUZZ=ON
cmake --build build-fuzz -j"$(nproc)" --target fuzz_targets
(cd build-fuzz && ctest --output-on-failure -L fuzz)
