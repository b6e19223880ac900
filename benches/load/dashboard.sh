#!/usr/bin/env bash
# The dashboard of a 1,000-team organisation (40 regions x 24 branches,
# `miroir bench-seed`), signed in as a platform administrator: page size
# and time of the folded page (regions first) and of one unfolded region,
# warm (report cached), medians of 21 requests with curl; the same bytes
# served by nginx in the same run as the reference.
# Usage: benches/load/dashboard.sh [sqlite|postgres]
# Needs: a release build (cargo build --release), curl, python3; nginx for the reference.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
bin="${MIROIR_BIN:-target/release/miroir}"
responses="${RESPONSES:-1000000}"
dir=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
nport=19$((RANDOM % 900 + 100))
. benches/load/common.sh
bench_db "$backend" "$dir"
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
$bin migrate >/dev/null
seeded=$($bin bench-seed --regions 40 --branches 24 --responses "$responses")
org=$(echo "$seeded" | awk '{print $2}')
campaign=$(echo "$seeded" | awk '{print $4}' | tr -d :)
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$port" >"$dir/server.log" 2>&1 &
server=$!
nginx_pid=
cleanup() {
  kill $server 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  drop_db
  [ -n "${KEEP:-}" ] && cp "$dir/folded.html" "$KEEP" ; rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 100); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
# Sign in through the form (CSRF cookie and field, then the session cookie).
login=$(curl -s -c "$dir/cookies" "localhost:$port/login")
csrf=$(echo "$login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$dir/cookies" -c "$dir/cookies" -o /dev/null \
  --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.org" \
  --data-urlencode "password=bench password 1234" "localhost:$port/login"
page="/orgs/$org/campaigns/$campaign/dashboard"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # url -> "median_ms bytes"
  local url=$1 times=() size
  for _ in $(seq 21); do
    out=$(curl -s -b "$dir/cookies" -o /dev/null -w '%{time_total} %{size_download}' "$url")
    times+=("$(echo "$out" | awk '{printf "%.2f", $1*1000}')"); size=$(echo "$out" | awk '{print $2}')
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $size"
}
start=$(date +%s.%N)
curl -s -b "$dir/cookies" -o "$dir/folded.html" "localhost:$port$page"
cold=$(python3 -c "import sys; print(round((float('$(date +%s.%N)') - $start) * 1000))")
curl -s -b "$dir/cookies" -o "$dir/open.html" "localhost:$port$page?region=R001"
folded=$(measure "localhost:$port$page")
open=$(measure "localhost:$port$page?region=R001")
rows=$(grep -c '<tr><th scope="row" class="depth-\|<tr class="region-open">' "$dir/folded.html" || true)
echo "backend=$backend teams=1000 responses=$responses first_request_ms=$cold"
echo "miroir folded dashboard: median_ms=$(echo "$folded" | cut -d' ' -f1) bytes=$(echo "$folded" | cut -d' ' -f2) heat_rows=$rows"
echo "miroir one region open:  median_ms=$(echo "$open" | cut -d' ' -f1) bytes=$(echo "$open" | cut -d' ' -f2)"
if command -v nginx >/dev/null; then
  mkdir -p "$dir/www" "$dir/nginx"; chmod 755 "$dir" "$dir/www"
  cp "$dir/folded.html" "$dir/www/folded.html"; chmod 644 "$dir/www/folded.html"
  cat > "$dir/nginx/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $dir/nginx/nginx.pid; error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx; fastcgi_temp_path $dir/nginx; uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;
  server { listen 127.0.0.1:$nport; root $dir/www; } }
CONF
  nginx -c "$dir/nginx/nginx.conf" & nginx_pid=$!
  for _ in $(seq 50); do curl -sf "localhost:$nport/folded.html" >/dev/null && break; sleep 0.1; done
  ref=$(measure "localhost:$nport/folded.html")
  echo "nginx, same bytes:       median_ms=$(echo "$ref" | cut -d' ' -f1) bytes=$(echo "$ref" | cut -d' ' -f2)"
  python3 -c "print('ratio miroir/nginx (folded page): %.1f' % ($(echo "$folded" | cut -d' ' -f1) / max($(echo "$ref" | cut -d' ' -f1), 0.01)))"
fi
