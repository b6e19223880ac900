# Shared by the load scripts (sourced, not run): a fresh database, an
# organisation with an open campaign built over the API, and one real
# survey form (its CSRF cookie and field, an answer to every question).

# bench_db BACKEND DIR: sets `db` (the DATABASE_URL), `schema` (PostgreSQL)
# and defines `count` (responses stored) and `drop_db`.
bench_db() {
  case "$1" in
    sqlite)
      db="$2/bench.db"
      count() { sqlite3 "$db" "SELECT count(*) FROM responses"; }
      drop_db() { :; } ;;
    postgres)
      schema="bench_$RANDOM"
      psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
      db="postgres://postgres@127.0.0.1:5432/test?options=-csearch_path%3D$schema"
      count() { psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $schema.responses"; }
      drop_db() { psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" 2>/dev/null || true; } ;;
    *) echo "usage: $0 [sqlite|postgres]" >&2; exit 2 ;;
  esac
}

# bench_campaign PORT TEAMS: signs in bench@example.org over the API, creates
# an organisation of TEAMS teams (T00, T01, …) and opens a campaign; sets
# `token`, `org`, `campaign` and `code`.
bench_campaign() {
  local port=$1 teams=$2
  token=$(curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.org","password":"bench password 1234"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
  org=$(api -X POST "localhost:$port/api/v1/organisations" -d '{"name":"Bench","sector":"retail","default_language":"en"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  python3 -c "print('code,name,parent_code,headcount'); [print(f'T{i:02d},Store {i},,20') for i in range($teams)]" \
    | curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @- "localhost:$port/api/v1/organisations/$org/teams" >/dev/null
  campaign=$(api -X POST "localhost:$port/api/v1/organisations/$org/campaigns" -d '{"name":"Bench","opens_on":"2026-01-01","closes_on":"2026-12-31"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  code=$(api -X POST "localhost:$port/api/v1/campaigns/$campaign/open" | python3 -c 'import sys,json;print(json.load(sys.stdin)["code"])')
}

# bench_form PORT CODE TEAM CHANNEL DIR: fetches one real form and exports
# MIROIR_COOKIE (its CSRF cookie) and MIROIR_FORM (its CSRF field, the
# channel and an answer to every question, urlencoded).
bench_form() {
  local port=$1 code=$2 team=$3 channel=$4 dir=$5 page
  page=$(curl -s -c "$dir/cookies" "localhost:$port/s/$code/$team?ch=$channel")
  export MIROIR_COOKIE="miroir_csrf=$(awk '$6=="miroir_csrf"{print $7}' "$dir/cookies")"
  MIROIR_FORM=$(python3 - "$page" "$channel" <<'PY'
import re, sys, urllib.parse
html, channel = sys.argv[1], sys.argv[2]
csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
names = sorted(set(re.findall(r'type="radio" name="([^"]+)"', html)))
pairs = [("csrf", csrf), ("channel", channel)] + [(n, "4" if n not in ("nps",) else "9") for n in names]
pairs = [(k, "1" if k == "fcr" else v) for k, v in pairs]
print(urllib.parse.urlencode(pairs))
PY
)
  export MIROIR_FORM
}

# bench_exact PORT CODE TEAM DIR [N] [P]: N POSTs (2,000) P at a time (8),
# every answer awaited; prints "sent acknowledged stored" and fails on a
# mismatch.
bench_exact() {
  local port=$1 code=$2 team=$3 dir=$4 n=${5:-2000} parallel=${6:-8} before acked after
  before=$(count)
  seq "$n" | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
    -H "Cookie: $MIROIR_COOKIE" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data "$MIROIR_FORM&idempotency_key=exact-check-{}-$RANDOM$RANDOM" "localhost:$port/s/$code/$team" > "$dir/codes"
  acked=$(grep -c '^303$' "$dir/codes" || true)
  after=$(count)
  echo "sent=$n acknowledged=$acked stored=$((after - before))"
  [ "$acked" = "$((after - before))" ] || { echo "MISMATCH: acknowledged $acked, stored $((after - before))" >&2; return 1; }
}

# bench_respond LABEL PORT SECONDS: complete responses through wrk and
# respond.lua (MIROIR_CODE set); prints responses/s, acknowledged, stored.
bench_respond() {
  local label=$1 port=$2 seconds=$3 before after out line acked us
  before=$(count)
  out=$(wrk -t2 -c8 -d"${seconds}s" -s benches/load/respond.lua "http://127.0.0.1:$port")
  sleep 1
  after=$(count)
  line=$(echo "$out" | grep '^acknowledged=')
  acked=$(echo "$line" | sed 's/^acknowledged=\([0-9]*\).*/\1/')
  us=$(echo "$line" | sed 's/.*duration_us=\([0-9]*\).*/\1/')
  # wrk stops at its deadline without waiting for the requests in flight,
  # which the server still stores: stored may exceed acknowledged by at
  # most the concurrency (8); bench_exact awaits every answer.
  echo "$label responses_per_s=$(python3 -c "print(round($acked / ($us / 1e6)))") acknowledged=$acked stored=$((after - before))"
}
