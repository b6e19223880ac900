#!/usr/bin/env bash
# Scale out: two Miroir instances on one PostgreSQL behind nginx (round
# robin), complete customer responses (GET form + POST) at concurrency 8
# through nginx, then an exact check that every response either instance
# acknowledged is stored once. Prints one instance alone in the same run
# for the ratio. See docs/DEPLOYMENT.md.
# Usage: benches/load/two_instances.sh [seconds]
# Needs: a release build, nginx, wrk, curl, python3, psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
bin=$PWD/target/release/miroir
dir=$(mktemp -d)
base=$((RANDOM % 800 + 19100))
p1=$base; p2=$((base + 1)); front=$((base + 2))
schema="bench_$RANDOM"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
db="postgres://postgres@127.0.0.1:5432/test?options=-csearch_path%3D$schema"
count() { psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $schema.responses"; }
export DATABASE_URL="$db" MIROIR_DEMO=false MIROIR_SUBMIT_RATE=100000000 MIROIR_LOGIN_RATE=1000 RUST_LOG=warn
export MIROIR_SECRET="bench-secret-shared-by-both-instances-0123456789"
export MIROIR_TRUSTED_PROXIES=127.0.0.1/32
$bin admin create --email bench@example.org --password 'bench password 1234' >/dev/null
$bin --port "$p1" >"$dir/one.log" 2>&1 & one=$!
$bin --port "$p2" >"$dir/two.log" 2>&1 & two=$!
cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir;
  proxy_temp_path $dir;
  upstream miroir { server 127.0.0.1:$p1; server 127.0.0.1:$p2; keepalive 32; }
  server {
    listen 127.0.0.1:$front;
    location / {
      proxy_pass http://miroir;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
nginx -c "$dir/nginx.conf"
trap 'kill $one $two 2>/dev/null; nginx -c "$dir/nginx.conf" -s stop 2>/dev/null; psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" 2>/dev/null; rm -rf "$dir"' EXIT
for p in $p1 $p2 $front; do for _ in $(seq 50); do curl -sf "localhost:$p/healthz" >/dev/null && break; sleep 0.2; done; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
token=$(curl -sf -X POST "localhost:$front/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password 1234"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
org=$(api -X POST "localhost:$front/api/v1/organisations" -d '{"name":"Bench","sector":"retail","default_language":"en"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
python3 -c 'print("code,name,parent_code,headcount"); [print(f"T{i:02d},Store {i},,20") for i in range(48)]' \
  | curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @- "localhost:$front/api/v1/organisations/$org/teams" >/dev/null
campaign=$(api -X POST "localhost:$front/api/v1/organisations/$org/campaigns" -d '{"name":"Bench","opens_on":"2026-01-01","closes_on":"2026-12-31"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
code=$(api -X POST "localhost:$front/api/v1/campaigns/$campaign/open" | python3 -c 'import sys,json;print(json.load(sys.stdin)["code"])')
page=$(curl -s -c "$dir/cookies" "localhost:$front/s/$code/T07?ch=web")
export MIROIR_COOKIE="miroir_csrf=$(awk '$6=="miroir_csrf"{print $7}' "$dir/cookies")"
export MIROIR_FORM=$(python3 - "$page" <<'PY'
import re, sys, urllib.parse
html = sys.argv[1]
csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
names = sorted(set(re.findall(r'type="radio" name="([^"]+)"', html)))
pairs = [("csrf", csrf), ("channel", "web")] + [(n, "4" if n not in ("nps",) else "9") for n in names]
pairs = [(k, "1" if k == "fcr" else v) for k, v in pairs]
print(urllib.parse.urlencode(pairs))
PY
)
export MIROIR_CODE="$code"
run() { # $1 label, $2 port
  local before after out line acked us
  before=$(count)
  out=$(wrk -t2 -c8 -d"${seconds}s" -s benches/load/respond.lua "http://127.0.0.1:$2")
  sleep 1
  after=$(count)
  line=$(echo "$out" | grep '^acknowledged=')
  acked=$(echo "$line" | sed 's/^acknowledged=\([0-9]*\).*/\1/')
  us=$(echo "$line" | sed 's/.*duration_us=\([0-9]*\).*/\1/')
  echo "$1 responses_per_s=$(python3 -c "print(round($acked / ($us / 1e6)))") acknowledged=$acked stored=$((after - before))"
}
run "one_instance_direct" "$p1"
run "two_instances_behind_nginx" "$front"
run "one_instance_direct" "$p1"
run "two_instances_behind_nginx" "$front"
before=$(count)
n=2000
seq "$n" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
  -H "Cookie: $MIROIR_COOKIE" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$MIROIR_FORM&idempotency_key=exact-check-{}-$RANDOM$RANDOM" "localhost:$front/s/$code/T07" > "$dir/codes"
acked=$(grep -c '^303$' "$dir/codes" || true)
after=$(count)
echo "two_instances exact_check: sent=$n acknowledged=$acked stored=$((after - before))"
[ "$acked" = "$((after - before))" ] || { echo "MISMATCH: acknowledged $acked, stored $((after - before))" >&2; exit 1; }
