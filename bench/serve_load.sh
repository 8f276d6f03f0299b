#!/usr/bin/env bash
# Bounded load test of `dyad serve` on 127.0.0.1 with ab (apache2-utils): 10,000 requests,
# 50 at a time, half /api/events and half /api/relations queries, run side by side (two
# ab processes of 25 connections each). Reports p50/p99/max latency per endpoint and
# overall, and the errors (failed requests and non-2xx answers); exits 1 when there was
# any error.
#
#   bench/serve_load.sh [--db STORE] [--requests N] [--concurrency C]
#
# Without --db it builds a store from ../shared/seeds and data/examples in a temporary
# directory. Needs build/src/cli/dyad (cmake --build build --target dyad).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dyad="${DYAD:-$here/build/src/cli/dyad}"
db=""
requests=10000
concurrency=50
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    *) echo "usage: $0 [--db STORE] [--requests N] [--concurrency C]" >&2; exit 2 ;;
  esac
done
command -v ab >/dev/null || { echo "serve_load: ab not found (apt-get install apache2-utils)" >&2; exit 3; }
[ -x "$dyad" ] || { echo "serve_load: $dyad not built" >&2; exit 3; }

work="$(mktemp -d /tmp/dyad_serve_load.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$db" ]; then
  db="$work/news.db"
  seeds="$here/../shared/seeds"
  inputs=("$here/data/examples")
  if [ -d "$seeds" ]; then inputs+=("$seeds"/*.txt); else echo "serve_load: no $seeds, examples only" >&2; fi
  "$dyad" ingest --db "$db" "${inputs[@]}" 2>"$work/ingest.log" || { cat "$work/ingest.log" >&2; exit 3; }
fi

"$dyad" serve --db "$db" --port 0 ${SERVE_ARGS:-} 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/api/.*|\1|p' "$work/serve.log")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve_load: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 3; }
base="http://127.0.0.1:$port"
events_url="$base/api/events?pair=AZE,SYR&limit=50"
relations_url="$base/api/relations?a=AZE&b=SYR"
# Both answer before the load starts.
for url in "$events_url" "$relations_url"; do
  code="$(ab -n 1 "$url" 2>/dev/null | sed -n 's/^Non-2xx responses: *//p')"
  [ -z "$code" ] || { echo "serve_load: $url does not answer 200" >&2; exit 3; }
done

# The server's CPU time (user + system, in clock ticks): a cost per request that does not
# depend on what else the machine runs, as the latencies do.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
cpu_before="$(cpu_ticks)"
half=$((requests / 2))
conc=$((concurrency / 2))
ab -q -n "$half" -c "$conc" -g "$work/events.tsv" "$events_url" >"$work/events.txt" 2>&1 &
ab_events=$!
ab -q -n "$half" -c "$conc" -g "$work/relations.tsv" "$relations_url" >"$work/relations.txt" 2>&1 &
ab_relations=$!
wait "$ab_events" "$ab_relations" || true
cpu_after="$(cpu_ticks)"

# ab -g writes one line per request; column 5 (ttime) is its total time in ms.
percentiles() {
  tail -q -n +2 "$@" | cut -f5 | sort -n |
    awk '{ t[NR] = $1 } END { if (NR == 0) { print "no requests"; exit }
          p50 = t[int(NR * 0.50 + 0.5)]; p99 = t[int(NR * 0.99 + 0.5)];
          printf "%d requests, p50 %d ms, p99 %d ms, max %d ms", NR, p50, p99, t[NR] }'
}
errors() {
  local failed non2xx
  failed="$(sed -n 's/^Failed requests: *//p' "$1")"
  non2xx="$(sed -n 's/^Non-2xx responses: *//p' "$1")"
  echo $(( ${failed:-0} + ${non2xx:-0} ))
}
rps() { sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$1"; }

e_err="$(errors "$work/events.txt")"
r_err="$(errors "$work/relations.txt")"
complete=$(( $(sed -n 's/^Complete requests: *//p' "$work/events.txt") + $(sed -n 's/^Complete requests: *//p' "$work/relations.txt") ))
echo "dyad serve load test: $requests requests, $concurrency concurrent, on $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "  /api/events?pair=AZE,SYR&limit=50: $(percentiles "$work/events.tsv"), $(rps "$work/events.txt") req/s, errors $e_err"
echo "  /api/relations?a=AZE&b=SYR:        $(percentiles "$work/relations.tsv"), $(rps "$work/relations.txt") req/s, errors $r_err"
echo "  all:                               $(percentiles "$work/events.tsv" "$work/relations.tsv"), completed $complete, errors $((e_err + r_err))"
awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$complete" \
  'BEGIN { printf "  server CPU: %.1f s, %.2f ms per request\n", t / hz, (n > 0 ? 1000 * t / hz / n : 0) }'
if [ "$((e_err + r_err))" -ne 0 ] || [ "$complete" -ne "$((2 * half))" ]; then
  echo "serve_load: errors (see the ab reports below)" >&2
  cat "$work/events.txt" "$work/relations.txt" >&2
  exit 1
fi
