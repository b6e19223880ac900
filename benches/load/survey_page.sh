#!/usr/bin/env bash
# The customer survey form (GET /s/<code>/<team>?ch=in_person) beside nginx
# serving the same bytes, measured in the same invocation: `wrk -c8 -t2
# -d10s` on each, interleaved three times; prints every run, the medians
# and the ratio. Then complete responses (GET the form, POST the answers,
# as a respondent does) per second, with the same nginx figure beside.
# Usage: benches/load/survey_page.sh [sqlite|postgres]
# Needs: a release build (cargo build --release), wrk, curl, nginx, python3.
# MIROIR_BIN measures another build (e.g. the one before a change);
# BENCH_SECONDS shortens each wrk run (default 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
bin="${MIROIR_BIN:-target/release/miroir}"
dir=$(mktemp -d)
chmod 755 "$dir"
port=18$((RANDOM % 900 + 100))
nport=19$((RANDOM % 900 + 100))
. benches/load/common.sh
bench_db "$backend" "$dir"
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_SUBMIT_RATE=100000000 MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
server=""; nginx_pid=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  drop_db
  rm -rf "$dir"
}
trap cleanup EXIT
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$port" >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import sys,json;print(json.load(sys.stdin)[\"$1\"])"; }
token=$(curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password 1234"}' | json access_token)
org=$(api -X POST "localhost:$port/api/v1/organisations" -d '{"name":"Bench","sector":"retail","default_language":"en"}' | json id)
python3 -c 'print("code,name,parent_code,headcount"); [print(f"T{i:02d},Store {i},,20") for i in range(40)]' \
  | curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @- "localhost:$port/api/v1/organisations/$org/teams" >/dev/null
campaign=$(api -X POST "localhost:$port/api/v1/organisations/$org/campaigns" -d '{"name":"Bench","opens_on":"2026-01-01","closes_on":"2026-12-31"}' | json id)
code=$(api -X POST "localhost:$port/api/v1/campaigns/$campaign/open" | json code)
form_path="/s/$code/T07?ch=in_person"

# The same bytes from nginx, on the same machine, in the same run.
mkdir -p "$dir/www" "$dir/tmp"
curl -s "localhost:$port$form_path" -o "$dir/www/form.html"
chmod 644 "$dir/www/form.html"
cat > "$dir/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $dir/www;
    location / { default_type "text/html; charset=utf-8"; add_header Cache-Control no-store; }
    # POST answered as nginx answers a static file: the floor of a round trip.
    location = /post { return 303 /thanks; }
  }
}
NGINX
nginx -c "$dir/nginx.conf" -p "$dir" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "localhost:$nport/form.html" >/dev/null && break; sleep 0.1; done
bytes_miroir=$(curl -s "localhost:$port$form_path" | wc -c)
bytes_nginx=$(curl -s "localhost:$nport/form.html" | wc -c)
echo "backend=$backend page_bytes miroir=$bytes_miroir nginx=$bytes_nginx"

rps() { wrk "$@" | awk '/Requests\/sec/{print $2}'; }
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
ratio() { python3 -c "print(f'{100*$1/$2:.1f}')"; }
m=(); n=()
for run in 1 2 3; do
  a=$(rps -c8 -t2 -d"${BENCH_SECONDS:-10}s" "http://127.0.0.1:$port$form_path")
  b=$(rps -c8 -t2 -d"${BENCH_SECONDS:-10}s" "http://127.0.0.1:$nport/form.html")
  echo "run=$run miroir_get_per_s=$a nginx_get_per_s=$b"
  m+=("$a"); n+=("$b")
done
mm=$(median "${m[@]}"); nm=$(median "${n[@]}")
echo "backend=$backend survey_form_get median miroir=$mm/s nginx=$nm/s ratio=$(ratio "$mm" "$nm")%"

# Complete responses: each connection GETs the form then POSTs the answers
# (a fresh idempotency key each time), as one respondent does.
page=$(curl -s -c "$dir/cookies" "localhost:$port$form_path")
export MIROIR_COOKIE="miroir_csrf=$(awk '$6=="miroir_csrf"{print $7}' "$dir/cookies")"
export MIROIR_FORM=$(python3 - "$page" <<'PY'
import re, sys, urllib.parse
html = sys.argv[1]
csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
names = sorted(set(re.findall(r'type="radio" name="([^"]+)"', html)))
pairs = [("csrf", csrf), ("channel", "in_person")] + [(n, "1" if n == "fcr" else "9" if n == "nps" else "4") for n in names]
print(urllib.parse.urlencode(pairs))
PY
)
export MIROIR_GET="$form_path" MIROIR_PATH="/s/$code/T07"
out=$(wrk -c8 -t2 -d"${BENCH_SECONDS:-10}s" -s benches/load/respond_one.lua "http://127.0.0.1:$port")
r=$(echo "$out" | awk '/Requests\/sec/{print $2}')
out_n=$(MIROIR_GET=/form.html MIROIR_PATH=/post wrk -c8 -t2 -d"${BENCH_SECONDS:-10}s" -s benches/load/respond_one.lua "http://127.0.0.1:$nport")
rn=$(echo "$out_n" | awk '/Requests\/sec/{print $2}')
echo "backend=$backend complete_responses (GET+POST) miroir=$(python3 -c "print(f'{$r/2:.0f}')")/s nginx=$(python3 -c "print(f'{$rn/2:.0f}')")/s ratio=$(ratio "$r" "$rn")% $(echo "$out" | grep '^pairs=')"
