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
./build-bench/bench/pipeline_bench "$POOL" | tee /tmp/dyad-bench-stages
SENTENCES=$(awk '/^articles/ {gsub(",", "", $4); print $4}' /tmp/dyad-bench-stages)
measure() {  # label, command...: wall time, CPU time (user+sys), per-core rates, peak memory
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o /tmp/dyad-bench-time "$@" > /dev/null 2> /tmp/dyad-bench-err || true
  read -r wall user sys kb < /tmp/dyad-bench-time
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')
  echo "$label: wall ${wall}s, CPU ${cpu}s; per core $(awk -v m="$MB" -v c="$cpu" 'BEGIN{printf "%.2f", m/c}') MB/s${SENTENCES:+, $(awk -v n="$SENTENCES" -v c="$cpu" 'BEGIN{printf "%.0f", n/c}') sentences/s}; peak memory $((kb / 1024)) MB"
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
echo "== store scaling (store_bench: synthetic articles; 1M undated of one pair and code, a store growing past 1M events)"
cmake --build build-bench -j"$(nproc)" --target store_bench > /dev/null
./build-bench/bench/store_bench undated 1000000
./build-bench/bench/store_bench grow 350000
