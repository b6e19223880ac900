#!/usr/bin/env bash
# A 1,000-team wave (40 regions x 24 branches, 10 M answers by default,
# `miroir bench-seed --open`): the close, which builds and publishes its
# reports once (time, and the server's peak memory before and after), then
# the published report through the API (medians of 21 requests with curl)
# warm, and again after a restart (served from the database), beside nginx
# serving the same bytes in the same run.
# Usage: benches/load/report.sh [sqlite|postgres]
# Needs: a release build (cargo build --release), curl, python3, nginx.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
bin="${MIROIR_BIN:-$PWD/target/release/miroir}"
responses="${RESPONSES:-10000000}"
dir=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
nport=19$((RANDOM % 900 + 100))
. benches/load/common.sh
bench_db "$backend" "$dir"
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_LOGIN_RATE=1000 RUST_LOG="${RUST_LOG:-warn}"
$bin migrate >/dev/null
seeded=$($bin bench-seed --regions 40 --branches 24 --responses "$responses" --open)
campaign=$(echo "$seeded" | awk '{print $4}' | tr -d :)
echo "seeded: $seeded"
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
server=
start_server() {
  $bin --port "$port" >>"$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
}
cleanup() {
  [ -n "$server" ] && kill $server 2>/dev/null || true
  [ -f "$dir/nginx.pid" ] && nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  drop_db
  rm -rf "$dir"
}
trap cleanup EXIT
start_server
hwm() { awk '/VmHWM/{print int($2/1024)}' "/proc/$server/status"; }
token=$(curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password 1234"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # url [header] -> "median_ms bytes"
  local url=$1 times=() size out
  for _ in $(seq 21); do
    out=$(curl -s -H "Authorization: Bearer $token" -o /dev/null -w '%{time_total} %{size_download}' "$url")
    times+=("$(echo "$out" | awk '{printf "%.2f", $1*1000}')"); size=$(echo "$out" | awk '{print $2}')
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $size"
}
before=$(hwm)
close_ms=$(curl -s -o "$dir/closed.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $token" \
  "localhost:$port/api/v1/campaigns/$campaign/close" | awk '{printf "%.0f", $1*1000}')
grep -q '"closed"' "$dir/closed.json" || { echo "close failed: $(cat "$dir/closed.json")" >&2; exit 1; }
echo "backend=$backend close_with_publication_ms=$close_ms server_peak_mib_before=$before server_peak_mib_after=$(hwm)"
# With RUST_LOG=miroir=debug, where the close's time went (the server's own line).
grep -h "organisation figures published\|aggregates loaded\|wave closed" "$dir/server.log" | sed 's/^/  /' || true
url="localhost:$port/api/v1/campaigns/$campaign/report"
read -r warm bytes <<<"$(measure "$url")"
echo "backend=$backend published_report_warm_ms=$warm bytes=$bytes"
kill $server; wait $server 2>/dev/null || true
start_server
first=$(curl -s -H "Authorization: Bearer $token" -o "$dir/report.json" -w '%{time_total}' "$url" | awk '{printf "%.2f", $1*1000}')
read -r again _ <<<"$(measure "$url")"
echo "backend=$backend after_restart_first_ms=$first after_restart_median_ms=$again server_peak_mib=$(hwm)"
mkdir -p "$dir/www" && cp "$dir/report.json" "$dir/www/report.json"
cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 64; }
http { access_log off; server { listen 127.0.0.1:$nport; root $dir/www; } }
NGINX
nginx -c "$dir/nginx.conf"
sleep 0.3
read -r ref _ <<<"$(measure "localhost:$nport/report.json")"
echo "backend=$backend nginx_same_bytes_ms=$ref ratio_published_to_nginx=$(python3 -c "print(round($again / $ref, 1))")"
