"""Counts a schemathesis NDJSON report against the baseline of accepted
failures: prints `passed failed known requests`.

A test case passed when every check on its response passed; it is known
when each of its failed checks is in the baseline (same operation, check,
failure class and status, as schemathesis matches them), failed otherwise.
Schemathesis keeps the smallest failing case of each failure. Requests are
the recorded interactions.

    count.py REPORT.ndjson BASELINE.json
"""

import datetime
import json
import sys

with open(sys.argv[2], encoding="utf-8") as file:
    today = datetime.date.today().isoformat()
    accepted = {
        (e["operation"], e["check"], e["failure"], e["signature"])
        for e in json.load(file)["entries"]
        if e.get("expires", "9999-12-31") >= today
    }

passed = failed = known = requests = 0
with open(sys.argv[1], encoding="utf-8") as events:
    for line in events:
        scenario = json.loads(line).get("ScenarioFinished")
        if not scenario:
            continue
        recorder = scenario["recorder"]
        interactions = recorder.get("interactions", {})
        requests += len(interactions)
        for case, checks in recorder.get("checks", {}).items():
            response = (interactions.get(case) or {}).get("response") or {}
            failures = [
                (c["failure_info"]["failure"]["operation"], c["name"], c["failure_info"]["failure"]["type"],
                 str(response.get("status_code", "")))
                for c in checks
                if c["status"] == "failure"
            ]
            if not failures:
                passed += 1
            elif all(f in accepted for f in failures):
                known += 1
            else:
                failed += 1
print(passed, failed, known, requests)
