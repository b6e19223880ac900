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
case "$backend" in
  sqlite) db="$dir/bench.db" ;;
  postgres)
    schema="bench_$RANDOM"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    db="postgres://postgres@127.0.0.1:5432/test?options=-csearch_path%3D$schema" ;;
esac
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_SUBMIT_RATE=100000000 MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; [ "$backend" = postgres ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
token=$(curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password 1234"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
org=$(api -X POST "localhost:$port/api/v1/organisations" -d '{"name":"Bench","sector":"retail","default_language":"en"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
python3 -c 'print("code,name,parent_code,headcount"); [print(f"T{i:02d},Store {i},,20") for i in range(40)]' \
  | curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @- "localhost:$port/api/v1/organisations/$org/teams" >/dev/null
campaign=$(api -X POST "localhost:$port/api/v1/organisations/$org/campaigns" -d '{"name":"Bench","opens_on":"2026-01-01","closes_on":"2026-12-31"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
code=$(api -X POST "localhost:$port/api/v1/campaigns/$campaign/open" | python3 -c 'import sys,json;print(json.load(sys.stdin)["code"])')
# One real form: its CSRF cookie and field, and an answer to every question.
page=$(curl -s -c "$dir/cookies" "localhost:$port/s/$code/T07?ch=in_person")
export MIROIR_COOKIE="miroir_csrf=$(awk '$6=="miroir_csrf"{print $7}' "$dir/cookies")"
export MIROIR_FORM=$(python3 - "$page" <<'PY'
import re, sys, urllib.parse
html = sys.argv[1]
csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
names = sorted(set(re.findall(r'type="radio" name="([^"]+)"', html)))
pairs = [("csrf", csrf), ("channel", "in_person")] + [(n, "4" if n not in ("nps",) else "9") for n in names]
pairs = [(k, "1" if k == "fcr" else v) for k, v in pairs]
print(urllib.parse.urlencode(pairs))
PY
)
export MIROIR_PATH="/s/$code/T07"
# Counted in the database: an open wave's report is not published (409).
stored() {
  case "$backend" in
    sqlite) sqlite3 "$db" "SELECT count(*) FROM responses" ;;
    postgres) psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $schema.responses" ;;
  esac
}
for c in 1 16 64; do
  threads=$(( c < 2 ? 1 : 2 ))
  before=$(stored)
  out=$(wrk -t"$threads" -c"$c" -d10s -s benches/load/submit.lua "http://127.0.0.1:$port")
  echo "$out" >> "${WRK_LOG:-/dev/null}"
  sleep 1
  after=$(stored)
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  latency=$(echo "$out" | awk '/Latency/{print $2}')
  acked=$(echo "$out" | sed -n 's/^requests=\([0-9]*\) errors_status=\([0-9]*\)$/\1 \2/p')
  # wrk stops at the deadline without waiting for requests in flight, so
  # up to `c` more may be stored than it counted: the exact check follows.
  echo "backend=$backend concurrency=$c requests_per_s=$rps mean_latency=$latency completed_and_status_errors=$acked stored=$((after - before))"
done
# Exact check: a fixed number of submissions, every answer awaited.
before=$(stored)
n=2000
seq "$n" | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
  -H "Cookie: $MIROIR_COOKIE" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$MIROIR_FORM&idempotency_key=exact-check-{}-$RANDOM$RANDOM" "localhost:$port$MIROIR_PATH" > "$dir/codes"
acked=$(grep -c '^303$' "$dir/codes" || true)
after=$(stored)
echo "backend=$backend exact_check: sent=$n acknowledged=$acked stored=$((after - before))"
[ "$acked" = "$((after - before))" ] || { echo "MISMATCH: acknowledged $acked, stored $((after - before))" >&2; exit 1; }
