#!/usr/bin/env bash
# Installs what dyad needs on Debian 12, builds it, and codes the bundled example
# articles into a SQLite store (dyad-example.db), printing what it found and the
# Qatar-Turkey relation that two of its outlets report. Then installs the Python package
# dyad into the virtual environment .venv (Debian's Python, seeing Debian's pandas):
# activate it with `. .venv/bin/activate`. And builds the dashboard (web/dist) that
# `dyad serve` shows at /.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target dyad dyad_python
# The dashboard dyad serve shows at /: web/dist, from the npm packages of web/package-lock.json.
(cd web && npm ci --no-audit --no-fund && npm run build)
rm -f dyad-example.db dyad-example.db-wal dyad-example.db-shm
./build/src/cli/dyad ingest --db dyad-example.db data/examples
./build/src/cli/dyad events --db dyad-example.db
./build/src/cli/dyad relations --db dyad-example.db QAT TUR

# The Python package: build/python/dyad (the module and the package's files), on the
# path of .venv through a .pth file.
if [ ! -x .venv/bin/python3 ] || [ "$(.venv/bin/python3 -c 'import sys; print(sys.base_prefix)')" != /usr ]; then
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
site="$(.venv/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$(pwd)/build/python" > "$site/dyad.pth"
.venv/bin/python3 -c "import dyad; print(dyad.code(['Azerbaijan\'s foreign minister visited Damascus.'])[['date', 'source_code', 'cameo', 'target_code', 'evidence_text']].to_string())"
echo "The Python package is installed in .venv: run '. .venv/bin/activate', then python3 -c 'import dyad'"
echo "The dashboard: ./build/src/cli/dyad serve --db dyad-example.db, then open http://127.0.0.1:8080/"
