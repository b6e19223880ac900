#!/usr/bin/env bash
# Customer submissions per second through the real form endpoint, with wrk
# at concurrency 1, 16 and 64, then a check that the stored count equals the
# acknowledged one. Usage: benches/load/submissions.sh [sqlite|postgres]
# Needs: a release build (cargo build --release), wrk, curl, python3,
# sqlite3 or psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
bin=target/release/miroir
dir=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
. benches/load/common.sh
bench_db "$backend" "$dir"
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_SUBMIT_RATE=100000000 MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; drop_db; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
bench_campaign "$port" 40
# One real form: its CSRF cookie and field, and an answer to every question.
bench_form "$port" "$code" T07 in_person "$dir"
export MIROIR_PATH="/s/$code/T07"
# Counted in the database: an open wave's report is not published (409).
for c in 1 16 64; do
  threads=$(( c < 2 ? 1 : 2 ))
  before=$(count)
  out=$(wrk -t"$threads" -c"$c" -d10s -s benches/load/submit.lua "http://127.0.0.1:$port")
  echo "$out" >> "${WRK_LOG:-/dev/null}"
  sleep 1
  after=$(count)
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  latency=$(echo "$out" | awk '/Latency/{print $2}')
  acked=$(echo "$out" | sed -n 's/^requests=\([0-9]*\) errors_status=\([0-9]*\)$/\1 \2/p')
  # wrk stops at the deadline without waiting for requests in flight, so
  # up to `c` more may be stored than it counted: the exact check follows.
  echo "backend=$backend concurrency=$c requests_per_s=$rps mean_latency=$latency completed_and_status_errors=$acked stored=$((after - before))"
done
# Exact check: a fixed number of submissions, every answer awaited.
echo -n "backend=$backend exact_check: "
bench_exact "$port" "$code" T07 "$dir" 2000 16
