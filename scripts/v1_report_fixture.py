#!/usr/bin/env python3
"""The version-1 report fixture: a campaign's answers on instrument version 1
and the figures a build reports for it (tests/fixtures/v1_report).

    python3 scripts/v1_report_fixture.py csv            # writes answers.csv and teams.csv
    python3 scripts/v1_report_fixture.py expected BIN   # runs BIN (a build from before
                                                        # instrument version 2) and writes expected.json

`tests/api/results.rs` imports the same CSV into a campaign opened with
version 1 and compares its report with expected.json, byte for byte: a
version-1 campaign reads its answers exactly as before version 2.
The figures compared (`figures` below) are every score object of every
dimension and perspective, and the points (and p of tested gaps) of every
gap: other keys of the report may grow without changing this reading.
"""

import csv
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "v1_report"
TEAMS = [("R", "Region", ""), ("S1", "Shop 1", "R"), ("S2", "Shop 2", "R"), ("S3", "Shop 3", "")]
CHANNELS = ["web", "phone", "in_person"]
TESTED = ("symmetry", "customer_perception")


def items():
    return json.loads((ROOT / "data" / "instrument.v1.json").read_text())["items"]


def answers_csv():
    rng = random.Random(20261129)
    codebook = items()
    columns = ["team", "population", "channel"] + [i["code"] for i in codebook]
    rows = []
    plan = [("S1", "customer", 24), ("S2", "customer", 17), ("S3", "customer", 30),
            ("S1", "employee", 9), ("S2", "employee", 6), ("S3", "employee", 11),
            ("S1", "manager", 1), ("S2", "manager", 2), ("S3", "manager", 1), ("", "executive", 3)]
    for team, population, count in plan:
        tilt = {"S1": 0.6, "S2": -0.4, "S3": 0.1, "": 0.9}[team]
        for _ in range(count):
            row = {"team": team, "population": population,
                   "channel": rng.choice(CHANNELS) if population == "customer" else ""}
            for item in codebook:
                if item["population"] != population:
                    continue
                if rng.random() < 0.08:  # don't know / skipped
                    continue
                lo, hi = item["scale"]
                centre = lo + (hi - lo) * (0.55 + 0.15 * tilt)
                value = round(rng.gauss(centre, (hi - lo) / 3.5))
                row[item["code"]] = str(min(hi, max(lo, value)))
            rows.append(row)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def teams_csv():
    return "code,name,parent_code,headcount\n" + "".join(f"{c},{n},{p},12\n" for c, n, p in TEAMS)


def figures(report):
    """The reading of a report that version 2 must leave unchanged."""
    def group(g):
        out = {}
        for d, dim in sorted(g["dimensions"].items()):
            scores = {k: v for k, v in dim.items() if k != "gaps"}
            # Blind spots lose the p they wrongly carried before (METHOD.md §4:
            # estimate gaps are never tested): their points are compared.
            gaps = {k: (None if v is None else {f: v[f] for f in ("points", "p") if f in v and (f == "points" or k in TESTED)})
                    for k, v in sorted(dim["gaps"].items())}
            out[d] = {"scores": scores, "gaps": gaps}
        return out
    return {"organisation": group(report["organisation"]),
            "teams": {t["code"]: group(t) for t in report["teams"]}}


def expected(binary):
    work = Path(tempfile.mkdtemp())
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    port = port.getsockname()[1]
    env = dict(os.environ, MIROIR_DATABASE_URL=f"sqlite://{work}/v1.db", DATABASE_URL=f"sqlite://{work}/v1.db",
               MIROIR_PORT=str(port), MIROIR_SECRET="0123456789abcdef0123456789abcdef")
    subprocess.run([binary, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([binary, "admin", "create", "--email", "admin@example.org", "--password",
                    "correct horse battery staple"], env=env, check=True, capture_output=True)
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except OSError:
                time.sleep(0.5)

        def call(method, path, body=None, token=None, content_type="application/json"):
            data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
            headers = {"content-type": content_type}
            if token:
                headers["authorization"] = "Bearer " + token
            req = urllib.request.Request(base + "/api/v1" + path, data=data, headers=headers, method=method)
            with urllib.request.urlopen(req) as r:
                return json.loads(r.read() or b"null")

        token = call("POST", "/auth/token", {"email": "admin@example.org",
                                               "password": "correct horse battery staple"})["access_token"]
        org = call("POST", "/organisations", {"name": "Version one", "sector": "retail",
                                              "default_language": "en", "anonymity_threshold": 5}, token)["id"]
        call("PUT", f"/organisations/{org}/teams", teams_csv().encode(), token, "text/csv")
        c = call("POST", f"/organisations/{org}/campaigns", {"name": "Wave v1", "opens_on": "2026-01-01",
                                                             "closes_on": "2026-02-01", "languages": ["en"]}, token)
        assert c.get("instrument_version", 1) == 1, c
        call("POST", f"/campaigns/{c['id']}/open", None, token)
        call("POST", f"/campaigns/{c['id']}/responses/import", answers_csv().encode(), token, "text/csv")
        call("POST", f"/campaigns/{c['id']}/close", None, token)
        report = call("GET", f"/campaigns/{c['id']}/report", None, token)
    finally:
        server.terminate()
        server.wait()
    return json.dumps(figures(report), indent=1, sort_keys=True) + "\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:2] == ["csv"]:
        (OUT / "answers.csv").write_text(answers_csv())
        (OUT / "teams.csv").write_text(teams_csv())
    elif sys.argv[1:2] == ["expected"] and len(sys.argv) == 3:
        (OUT / "expected.json").write_text(expected(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
