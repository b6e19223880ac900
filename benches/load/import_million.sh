#!/usr/bin/env bash
# Imports 1,000,000 customer rows (18 answers each) through
# `miroir import-responses`, then loads the same CSV with the database's own
# bulk loader into a plain table as the reference, in the same run:
# `sqlite3 .import` (SQLite) or `psql \copy` (PostgreSQL). Prints rows per
# second and peak RSS of each, and the ratio miroir / reference.
# Usage: benches/load/import_million.sh [sqlite|postgres] [rows]
# Needs: a release build (cargo build --release), python3, /usr/bin/time,
# sqlite3 or psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
rows="${2:-1000000}"
bin="${MIROIR_BIN:-target/release/miroir}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/import_million.XXXXXX")
pg=(psql -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test)
case "$backend" in
  sqlite)
    export DATABASE_URL="$dir/import.db"
    sql() { sqlite3 "$DATABASE_URL" "$1"; } ;;
  postgres)
    schema="imp_$RANDOM"
    "${pg[@]}" -c "CREATE SCHEMA $schema"
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/test?options=-csearch_path%3D$schema"
    sql() { "${pg[@]}" -c "SET search_path TO $schema; $1"; } ;;
  *) echo "usage: $0 [sqlite|postgres] [rows]" >&2; exit 2 ;;
esac
cleanup() {
  if [ "$backend" = postgres ]; then "${pg[@]}" -c "DROP SCHEMA $schema CASCADE" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
export MIROIR_DEMO=false RUST_LOG=warn
$bin demo >/dev/null
# The demo's waves are closed, and a closed wave refuses imports: the
# first one is opened again for the benchmark.
campaign=$(sql "SELECT id FROM campaigns ORDER BY opens_on, id LIMIT 1" | tail -1)
sql "UPDATE campaigns SET status = 'open' WHERE id = '$campaign'" >/dev/null
before=$(sql "SELECT count(*) FROM responses" | tail -1)

items="courtesy.c.1 facilitation.c.1 facilitation.c.2 values.c.1 listening.c.1 listening.c.2 digital.c.1 trust.c.1 autonomy.c.1 consideration.c.1 consideration.c.2 competence.c.1 cooperation.c.1 environment.c.1 csat ces nps fcr"
python3 - "$rows" "$items" > "$dir/million.csv" <<'PY'
import random, sys
random.seed(1)
rows = int(sys.argv[1])
items = sys.argv[2].split()
teams = ["NORD-LIL","NORD-RBX","SUD-MRS","SUD-NCE","EST-STR","EST-MTZ","OUEST-REN","OUEST-NTE"]
scale = {"nps": (0, 10), "ces": (1, 7), "fcr": (0, 1)}
w = sys.stdout.write
w("team,population,channel,date," + ",".join(items) + "\n")
channels = ["in_person","phone","web","app","email"]
for i in range(rows):
    vals = [str(random.randint(*scale.get(it, (1, 5)))) for it in items]
    w(f"{random.choice(teams)},customer,{random.choice(channels)},2026-03-{1 + i % 28:02d}," + ",".join(vals) + "\n")
PY
csv_bytes=$(stat -c %s "$dir/million.csv")

# Runs a command under /usr/bin/time -v; prints "seconds peak_rss_kib".
timed() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$dir/out.txt" 2> "$dir/time.txt" || { cat "$dir/out.txt" "$dir/time.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(python3 -c "print(f'{$end - $start:.2f}')") $(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' "$dir/time.txt")"
}

read -r miroir_s miroir_rss < <(timed "$bin" import-responses --campaign "$campaign" "$dir/million.csv")
after=$(sql "SELECT count(*) FROM responses" | tail -1)
if [ $((after - before)) -ne "$rows" ]; then
  echo "miroir stored $((after - before)) responses, not $rows" >&2
  exit 1
fi

# The reference: the same file into a plain table of text columns (no key,
# no index, no check), by the database's own bulk loader.
columns="team text, population text, channel text, date text"
for item in $items; do columns="$columns, \"$item\" text"; done
case "$backend" in
  sqlite)
    sqlite3 "$dir/reference.db" "CREATE TABLE plain ($columns)"
    read -r ref_s ref_rss < <(timed sqlite3 "$dir/reference.db" -cmd ".mode csv" ".import --skip 1 $dir/million.csv plain")
    ref_name="sqlite3 .import"
    stored=$(sqlite3 "$dir/reference.db" "SELECT count(*) FROM plain") ;;
  postgres)
    sql "CREATE TABLE plain ($columns)"
    read -r ref_s ref_rss < <(timed "${pg[@]}" -c "SET search_path TO $schema" -c "\\copy plain FROM '$dir/million.csv' WITH (FORMAT csv, HEADER true)")
    ref_name="psql \\copy"
    stored=$(sql "SELECT count(*) FROM plain" | tail -1) ;;
esac
[ "$stored" -eq "$rows" ] || { echo "the reference stored $stored rows, not $rows" >&2; exit 1; }

python3 - "$backend" "$rows" "$csv_bytes" "$miroir_s" "$miroir_rss" "$ref_name" "$ref_s" "$ref_rss" <<'PY'
import sys
backend, rows, csv_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
m_s, m_rss, ref, r_s, r_rss = float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], float(sys.argv[7]), int(sys.argv[8])
print(f"backend={backend} rows={rows} csv_mib={csv_bytes / 2**20:.1f}")
print(f"miroir import-responses: {m_s:.1f} s, {rows / m_s:,.0f} rows/s, peak RSS {m_rss / 1024:.1f} MiB")
print(f"{ref}: {r_s:.1f} s, {rows / r_s:,.0f} rows/s, peak RSS {r_rss / 1024:.1f} MiB")
print(f"ratio miroir / reference: {r_s / m_s:.2f} of the reference's rows/s")
PY
