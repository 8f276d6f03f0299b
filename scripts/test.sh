#!/usr/bin/env bash
# Builds dyad and runs every test: the unit and end-to-end tests (GoogleTest via CTest),
# then the fuzz targets for a few seconds each under AddressSanitizer and UBSan (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${DYAD_SKIP_DEPS:-0}" != 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    build-essential cmake pkg-config ca-certificates \
    nlohmann-json3-dev libcli11-dev libsqlite3-dev zlib1g-dev libzstd-dev \
    libutf8proc-dev libxxhash-dev libgtest-dev libgmock-dev clang libclang-rt-14-dev
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_FUZZ=ON
cmake --build build-fuzz -j"$(nproc)" --target fuzz_targets
(cd build-fuzz && ctest --output-on-failure -L fuzz)
