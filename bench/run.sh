#!/usr/bin/env bash
# Throughput of `dyad code` and `dyad ingest` on the news pool, one core, with peak memory.
# Usage: bench/run.sh [NEWS_POOL.jsonl]   (builds Release into build-bench first)
set -euo pipefail
cd "$(dirname "$0")/.."
POOL=${1:-../shared/data/corpus/news_pool.jsonl}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build-bench -j"$(nproc)" --target dyad pipeline_bench > /dev/null
MB=$(du -m "$POOL" | cut -f1)
echo "== per-stage, one core (pipeline_bench)"
./build-bench/bench/pipeline_bench "$POOL"
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o /tmp/dyad-bench-time "$@" > /dev/null 2> /tmp/dyad-bench-err || true
  read -r secs kb < /tmp/dyad-bench-time
  echo "$label: ${secs}s for ${MB} MB file -> $(awk -v m="$MB" -v s="$secs" 'BEGIN{printf "%.2f", m/s}') MB/s, peak memory $((kb / 1024)) MB"
  tail -1 /tmp/dyad-bench-err
}
echo "== dyad code (single thread, JSON Lines out)"
measure "code" ./build-bench/src/cli/dyad code "$POOL"
echo "== dyad ingest (fresh store, then again: idempotent)"
rm -f /tmp/dyad-bench.db*
measure "ingest (1 thread)" ./build-bench/src/cli/dyad ingest --threads 1 --db /tmp/dyad-bench.db "$POOL"
measure "ingest again" ./build-bench/src/cli/dyad ingest --threads 1 --db /tmp/dyad-bench.db "$POOL"
measure "ingest (all cores, fresh)" bash -c "rm -f /tmp/dyad-bench2.db*; ./build-bench/src/cli/dyad ingest --db /tmp/dyad-bench2.db '$POOL'"
echo "articles stored: $(sqlite3 /tmp/dyad-bench.db 'select count(*) from articles' 2>/dev/null || echo '?')"
