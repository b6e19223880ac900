#!/usr/bin/env bash
# Imports 1,000,000 customer rows (20 answers each) through
# `miroir import-responses`, and reports rows per second and peak RSS.
# Usage: benches/load/import_million.sh [sqlite|postgres] [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
rows="${2:-1000000}"
bin=target/release/miroir
dir=$(mktemp -d)
case "$backend" in
  sqlite) export DATABASE_URL="$dir/import.db" ;;
  postgres)
    schema="imp_$RANDOM"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/test?options=-csearch_path%3D$schema" ;;
esac
trap '[ "$backend" = postgres ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" 2>/dev/null; rm -rf "$dir"' EXIT
export MIROIR_DEMO=false RUST_LOG=warn
$bin demo >/dev/null
campaign=$(python3 - <<'PY'
import os, sqlite3, subprocess
url = os.environ["DATABASE_URL"]
if url.startswith("postgres"):
    out = subprocess.run(["psql", "-At", url.split("?")[0], "-c",
        "SET search_path TO " + url.split("%3D")[1] + "; SELECT id FROM campaigns WHERE status='closed' ORDER BY opens_on LIMIT 1"],
        capture_output=True, text=True).stdout.split()
    print(out[-1])
else:
    print(sqlite3.connect(url).execute("SELECT id FROM campaigns ORDER BY opens_on LIMIT 1").fetchone()[0])
PY
)
python3 - "$rows" > "$dir/million.csv" <<'PY'
import random, sys
random.seed(1)
rows = int(sys.argv[1])
items = ["courtesy.c.1","facilitation.c.1","facilitation.c.2","values.c.1","listening.c.1","listening.c.2",
         "digital.c.1","trust.c.1","autonomy.c.1","consideration.c.1","consideration.c.2","competence.c.1",
         "cooperation.c.1","environment.c.1","csat","ces","nps","fcr"]
teams = ["NORD-LIL","NORD-RBX","SUD-MRS","SUD-NCE","EST-STR","EST-MTZ","OUEST-REN","OUEST-NTE"]
scale = {"nps": (0, 10), "ces": (1, 7), "fcr": (0, 1)}
w = sys.stdout.write
w("team,population,channel,date," + ",".join(items) + "\n")
channels = ["in_person","phone","web","app","email"]
for i in range(rows):
    vals = [str(random.randint(*scale.get(it, (1, 5)))) for it in items]
    w(f"{random.choice(teams)},customer,{random.choice(channels)},2026-03-{1 + i % 28:02d}," + ",".join(vals) + "\n")
PY
ls -la "$dir/million.csv" | awk '{print "csv_bytes=" $5}'
start=$(date +%s.%N)
/usr/bin/time -v $bin import-responses --campaign "$campaign" "$dir/million.csv" 2> "$dir/time.txt" | tail -1
end=$(date +%s.%N)
rss=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' "$dir/time.txt")
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'backend=$backend rows=$rows seconds={s:.1f} rows_per_s={$rows/s:.0f} peak_rss_mib={int(sys.argv[3])/1024:.1f}')" "$start" "$end" "$rss"
