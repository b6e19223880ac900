#!/usr/bin/env bash
# Complete customer responses per second (GET of the survey form, then the
# POST of its answers) on 48 teams at concurrency 8, the figure of issue
# #14; then an exact check that every acknowledged response is stored once.
# Usage: benches/load/responses.sh [sqlite|postgres] [seconds] [runs]
# Needs: a release build (cargo build --release), wrk, curl, python3,
# sqlite3 or psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
. benches/load/common.sh
backend="${1:-sqlite}"
seconds="${2:-10}"
runs="${3:-3}"
bin=target/release/miroir
dir=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
bench_db "$backend" "$dir"
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_SUBMIT_RATE=100000000 MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; drop_db; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
bench_campaign "$port" 48
bench_form "$port" "$code" T07 web "$dir"
export MIROIR_CODE="$code"
for run in $(seq "$runs"); do
  bench_respond "backend=$backend run=$run" "$port" "$seconds"
done
printf "backend=%s exact_check: " "$backend"
bench_exact "$port" "$code" T07 "$dir"
echo "backend=$backend server_peak_rss_kib=$(awk '/VmHWM/{print $2}' "/proc/$server/status")"
