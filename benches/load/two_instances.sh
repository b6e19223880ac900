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
. benches/load/common.sh
bench_db postgres "$dir"
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
trap 'kill $one $two 2>/dev/null; nginx -c "$dir/nginx.conf" -s stop 2>/dev/null; drop_db; rm -rf "$dir"' EXIT
for p in $p1 $p2 $front; do for _ in $(seq 50); do curl -sf "localhost:$p/healthz" >/dev/null && break; sleep 0.2; done; done
bench_campaign "$front" 48
bench_form "$front" "$code" T07 web "$dir"
export MIROIR_CODE="$code"
run() { bench_respond "$1" "$2" "$seconds"; }
run "one_instance_direct" "$p1"
run "two_instances_behind_nginx" "$front"
run "one_instance_direct" "$p1"
run "two_instances_behind_nginx" "$front"
printf "two_instances exact_check: "
bench_exact "$front" "$code" T07 "$dir"
