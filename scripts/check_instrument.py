#!/usr/bin/env python3
"""Validate Miroir's questionnaire data and its wording (standard library only).

Checks data/instrument.json (the current version, 2), data/instrument.v1.json
(version 1, kept for the campaigns opened with it), data/action_plan.json and
locales/{fr,en}/*.ftl
against the conventions of METHOD.md §1-2 and ACTION-PLAN.md, then estimates
how long each questionnaire takes. Exits 1 when anything is wrong.

Usage: python3 check.py [ROOT]   (ROOT defaults to this script's folder)
"""

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# METHOD.md §2, in its order: the data must say the same.
DIMENSION_PILLARS = {
    "courtesy": "link", "facilitation": "execution", "values": "emotion",
    "listening": "link", "digital": "execution", "trust": "link",
    "autonomy": "execution", "consideration": "emotion",
    "competence": "execution", "cooperation": "execution", "environment": "emotion",
}
PILLARS = ("execution", "link", "emotion")

# Who answers each perspective (METHOD.md §1).
PERSPECTIVE_POPULATION = {
    "c": "customer", "e": "employee", "ec": "employee",
    "me": "manager", "mc": "manager", "xe": "executive", "xc": "executive",
}
POPULATIONS = ("customer", "employee", "manager", "executive")
# An estimate perspective repeats the statements of the perspective it estimates.
ESTIMATED = {"ec": "c", "me": "e", "mc": "c", "xe": "e", "xc": "c"}
AGREEMENT_SCALE = [1, 5]
# From version 2, managers and executives estimate "out of 10, how many would
# agree" (METHOD.md §2); employees' estimate of customers keeps agreement.
ESTIMATE_SCALE = [0, 10]
ESTIMATE_PERSPECTIVES = ("me", "mc", "xe", "xc")
# file name -> version it must hold
INSTRUMENT_FILES = {"instrument.json": 2, "instrument.v1.json": 1}
MAX_ITEMS_PER_PERSPECTIVE = 3

# Headline items (METHOD.md §2): code -> (population, scale).
HEADLINE = {
    "nps": ("customer", [0, 10]), "csat": ("customer", [1, 5]),
    "ces": ("customer", [1, 7]), "fcr": ("customer", [0, 1]),
    "enps": ("employee", [0, 10]), "ies": ("employee", [1, 7]),
    "orientation.1": ("employee", [1, 5]), "orientation.2": ("employee", [1, 5]),
    "orientation.3": ("employee", [1, 5]),
}

# Respondent time budgets (PRODUCT.md) and the reading-time assumptions.
SECONDS_PER_LIKERT = 8
SECONDS_PER_HEADLINE = 10
BUDGET_SECONDS = {"customer": 3 * 60, "employee": 8 * 60}
CUSTOMER_DIMENSION_ITEMS = range(11, 15)

LOCALES = ("fr", "en")
CHANNELS = ("in_person", "phone", "web", "app", "email", "other")
MATURITIES = ("excellence", "house", "pyramid", "narrow")
QUADRANTS = ("virtuous", "fragile", "untapped", "vicious")
GAPS = ("symmetry", "customer_perception", "managerial_blind_spot",
        "manager_customer_blind_spot", "leadership_employee", "leadership_customer")
ACTION_STATUSES = ("planned", "in_progress", "done", "dropped")

DIMENSION_ITEM_CODE = re.compile(r"^([a-z]+)\.(c|e|ec|me|mc|xe|xc)\.([1-9])$")
ACTION_CODE = re.compile(r"^[a-z]+(-[a-z]+)*$")
MESSAGE_ID = re.compile(r"^[a-zA-Z][a-zA-Z0-9_-]*$")
MESSAGE_LINE = re.compile(r"^([^\s=]+) *= *(.*)$")


class Report:
    def __init__(self):
        self.errors = []

    def error(self, where, text):
        self.errors.append(f"{where}: {text}")


def load_json(path, report):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        report.error(path.name, f"cannot read JSON: {exc}")
        return None


def parse_ftl(path, label, report):
    """Return {id: text} for a Fluent file that holds plain-text messages only.

    The files need no placeables, terms, attributes or selectors, so anything
    of the kind is reported rather than half-understood.
    """
    messages = {}
    current = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        report.error(label, f"cannot read: {exc}")
        return messages
    for number, line in enumerate(lines, 1):
        where = f"{label}:{number}"
        if line != line.rstrip():
            report.error(where, "trailing whitespace")
        if not line.strip() or line.startswith("#"):
            current = None
            continue
        if line[0] in " \t":
            if current is None or line.strip()[0] in "[*.":
                report.error(where, "unexpected indented line")
            else:
                messages[current] += " " + line.strip()
            continue
        match = MESSAGE_LINE.match(line)
        if not match:
            report.error(where, "not a 'message-id = text' line")
            current = None
            continue
        mid, text = match.groups()
        if not MESSAGE_ID.match(mid):
            report.error(where, f"invalid message id {mid!r}")
        if mid in messages:
            report.error(where, f"duplicate message id {mid!r}")
        if "{" in text or "}" in text:
            report.error(where, f"{mid}: braces are Fluent placeables; plain text expected")
        messages[mid] = text
        current = mid
    for mid, text in messages.items():
        if not text.strip():
            report.error(label, f"{mid}: empty message")
    return messages


def check_typography(lang, path, messages, report):
    for mid, text in messages.items():
        where = f"{path} {mid}"
        if "  " in text:
            report.error(where, "double space")
        if lang == "fr":
            if "'" in text or '"' in text:
                report.error(where, "use ’ and « » rather than straight quotes")
            if re.search(r"[^\s\u00a0\u202f][?!:;]", text):
                report.error(where, "French puts a space before ? ! : ;")
            if re.search(r"«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»", text):
                report.error(where, "French puts a space inside « »")
        elif "«" in text or "»" in text:
            report.error(where, "English uses “ ” or ' rather than « »")


def check_dimensions(instrument, report):
    dims = instrument.get("dimensions", [])
    codes = [d.get("code") for d in dims]
    if codes != list(DIMENSION_PILLARS):
        report.error("instrument.json", f"dimensions must be, in METHOD.md order: {list(DIMENSION_PILLARS)}; got {codes}")
    for d in dims:
        expected = DIMENSION_PILLARS.get(d.get("code"))
        if d.get("pillar") not in PILLARS or (expected and d.get("pillar") != expected):
            report.error("instrument.json", f"dimension {d.get('code')}: pillar {d.get('pillar')!r}, expected {expected!r}")
    return [c for c in codes if c in DIMENSION_PILLARS]


def expected_scale(version, perspective):
    if version >= 2 and perspective in ESTIMATE_PERSPECTIVES:
        return ESTIMATE_SCALE
    return AGREEMENT_SCALE


def check_items(instrument, dimensions, report):
    items = instrument.get("items", [])
    version = instrument.get("version")
    codes = Counter(i.get("code") for i in items)
    for code, count in codes.items():
        if count > 1:
            report.error("instrument.json", f"item {code} appears {count} times")
    numbers = defaultdict(list)  # (dimension, perspective) -> item numbers
    for item in items:
        code = item.get("code")
        where = f"instrument.json item {code}"
        if set(item) != {"code", "population", "dimension", "perspective", "scale"}:
            report.error(where, f"keys must be code, population, dimension, perspective, scale; got {sorted(item)}")
        if item.get("population") not in POPULATIONS:
            report.error(where, f"unknown population {item.get('population')!r}")
        if code in HEADLINE:
            population, scale = HEADLINE[code]
            if (item.get("population"), item.get("scale")) != (population, scale):
                report.error(where, f"expected population {population} and scale {scale}")
            if item.get("dimension") is not None or item.get("perspective") is not None:
                report.error(where, "a headline item has no dimension and no perspective")
            continue
        match = DIMENSION_ITEM_CODE.match(code or "")
        if not match:
            report.error(where, "code is neither a headline item nor <dimension>.<perspective>.<n>")
            continue
        dimension, perspective, n = match.group(1), match.group(2), int(match.group(3))
        if dimension not in dimensions:
            report.error(where, f"unknown dimension {dimension!r}")
        if (item.get("dimension"), item.get("perspective")) != (dimension, perspective):
            report.error(where, "dimension/perspective fields disagree with the code")
        if item.get("population") != PERSPECTIVE_POPULATION[perspective]:
            report.error(where, f"perspective {perspective} is answered by {PERSPECTIVE_POPULATION[perspective]}")
        scale = expected_scale(version, perspective)
        if item.get("scale") != scale:
            report.error(where, f"perspective {perspective} uses the scale {scale} in version {version}")
        numbers[(dimension, perspective)].append(n)
    for missing in sorted(set(HEADLINE) - set(codes)):
        report.error("instrument.json", f"headline item {missing} is missing")
    for dimension in dimensions:
        counts = {p: sorted(numbers.get((dimension, p), [])) for p in PERSPECTIVE_POPULATION}
        for p, ns in counts.items():
            if ns != list(range(1, len(ns) + 1)) or not 1 <= len(ns) <= MAX_ITEMS_PER_PERSPECTIVE:
                report.error("instrument.json", f"{dimension}.{p}: items must be numbered 1..n with n in 1..3; got {ns}")
        if len({len(ns) for ns in counts.values()}) > 1:
            report.error("instrument.json", f"{dimension}: item count differs across perspectives: "
                         + ", ".join(f"{p}={len(ns)}" for p, ns in counts.items()))
    return items


def check_action_plan(plan, dimensions, report):
    if not isinstance(plan, list):
        report.error("action_plan.json", "expected a list of points")
        return []
    if [p.get("number") for p in plan] != list(range(1, len(plan) + 1)) or len(plan) != 10:
        report.error("action_plan.json", "expected ten points numbered 1..10 in order")
    codes = [p.get("code") for p in plan]
    for code, count in Counter(codes).items():
        if count > 1:
            report.error("action_plan.json", f"point {code} appears {count} times")
    for point in plan:
        where = f"action_plan.json point {point.get('code')}"
        if set(point) != {"code", "number", "dimensions"}:
            report.error(where, f"keys must be code, number, dimensions; got {sorted(point)}")
        if not ACTION_CODE.match(point.get("code") or ""):
            report.error(where, "code must be lower-case words joined by dashes")
        targets = point.get("dimensions") or []
        if not targets or len(set(targets)) != len(targets):
            report.error(where, "needs at least one dimension, each once")
        for dim in targets:
            if dim not in dimensions:
                report.error(where, f"unknown dimension {dim!r}")
    return codes


def item_message_id(code):
    return "item-" + code.replace(".", "-")


def expected_instrument_ids(dimensions, items):
    ids = {item_message_id(i["code"]) for i in items if i.get("code")}
    ids |= {f"dimension-{d}{s}" for d in dimensions for s in ("", "-desc")}
    ids |= {f"pillar-{p}{s}" for p in PILLARS for s in ("", "-desc")}
    ids |= {f"population-{p}" for p in POPULATIONS}
    ids |= {f"perspective-{p}{s}" for p in PERSPECTIVE_POPULATION for s in ("", "-lead")}
    ids |= {f"perspective-{p}-estimate-lead" for p in ESTIMATE_PERSPECTIVES}
    ids |= {"scale-estimate-0", "scale-estimate-10"}
    ids |= {f"channel-{c}" for c in CHANNELS}
    ids |= {f"scale-agree-{n}" for n in range(1, 6)} | {"scale-dont-know"}
    ids |= {"scale-nps-0", "scale-nps-10", "scale-effort-1", "scale-effort-7"}
    ids |= {f"scale-csat-{n}" for n in range(1, 6)} | {"scale-fcr-yes", "scale-fcr-no"}
    ids |= {f"maturity-{m}{s}" for m in MATURITIES for s in ("", "-desc")}
    ids |= {f"quadrant-{q}{s}" for q in QUADRANTS for s in ("", "-desc")}
    ids |= {f"gap-{g}{s}" for g in GAPS for s in ("", "-desc")}
    return ids


def expected_action_ids(action_codes):
    ids = {f"action-{c}{s}" for c in action_codes if c for s in ("", "-desc")}
    return ids | {f"action-status-{s}" for s in ACTION_STATUSES}


def check_locales(root, expected, items, report):
    """expected: {file name: set of required ids}; returns {lang: {file: messages}}."""
    catalogs = {}
    for lang in LOCALES:
        catalogs[lang] = {}
        for name, ids in expected.items():
            label = f"locales/{lang}/{name}"
            messages = parse_ftl(root / label, label, report)
            catalogs[lang][name] = messages
            check_typography(lang, label, messages, report)
            for mid in sorted(ids - set(messages)):
                report.error(f"locales/{lang}/{name}", f"missing message {mid}")
            for mid in sorted(set(messages) - ids):
                kind = "item-* message without an item in instrument.json" if mid.startswith("item-") else "unexpected message"
                report.error(f"locales/{lang}/{name}", f"{kind}: {mid}")
    for name in expected:
        ids = [set(catalogs[lang][name]) for lang in LOCALES]
        if ids[0] != ids[1]:
            report.error(f"locales/*/{name}", f"id sets differ: only in {LOCALES[0]}: {sorted(ids[0] - ids[1])}; "
                         f"only in {LOCALES[1]}: {sorted(ids[1] - ids[0])}")
    for lang in LOCALES:
        check_wording(lang, catalogs[lang]["instrument.ftl"], items, report)
    return catalogs


def check_wording(lang, messages, items, report):
    """Estimates repeat the statement they estimate; a questionnaire never repeats itself."""
    by_perspective = defaultdict(list)
    for item in items:
        code, perspective = item.get("code") or "", item.get("perspective")
        text = messages.get(item_message_id(code))
        if text is None or perspective not in PERSPECTIVE_POPULATION:
            continue
        by_perspective[perspective].append(text)
        if perspective in ESTIMATED:
            dimension, _, n = code.split(".")
            source = messages.get(item_message_id(f"{dimension}.{ESTIMATED[perspective]}.{n}"))
            if source is not None and source != text:
                report.error(f"locales/{lang}/instrument.ftl {item_message_id(code)}",
                             f"must repeat {item_message_id(f'{dimension}.{ESTIMATED[perspective]}.{n}')} word for word")
    for perspective, texts in by_perspective.items():
        for text, count in Counter(texts).items():
            if count > 1:
                report.error(f"locales/{lang}/instrument.ftl", f"perspective {perspective} asks the same statement {count} times: {text}")


def questionnaire_lengths(items):
    """{population: (likert items, headline items, seconds)}."""
    lengths = {}
    for population in POPULATIONS:
        mine = [i for i in items if i.get("population") == population]
        likert = sum(1 for i in mine if i.get("dimension"))
        headline = len(mine) - likert
        lengths[population] = (likert, headline, likert * SECONDS_PER_LIKERT + headline * SECONDS_PER_HEADLINE)
    return lengths


def check_lengths(items, report):
    lengths = questionnaire_lengths(items)
    customer_dimension_items = lengths["customer"][0]
    if customer_dimension_items not in CUSTOMER_DIMENSION_ITEMS:
        report.error("instrument.json", f"customer questionnaire has {customer_dimension_items} dimension items; "
                     f"expected {CUSTOMER_DIMENSION_ITEMS.start}-{CUSTOMER_DIMENSION_ITEMS.stop - 1}")
    for population, budget in BUDGET_SECONDS.items():
        if lengths[population][2] > budget:
            report.error("instrument.json", f"{population} questionnaire takes about {lengths[population][2]} s, over {budget} s")
    return lengths


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    report = Report()
    instruments = {}
    for name, version in INSTRUMENT_FILES.items():
        instruments[name] = load_json(root / "data" / name, report) or {}
        if instruments[name].get("version") != version:
            report.error(name, f"version must be {version}; got {instruments[name].get('version')!r}")
    instrument = instruments["instrument.json"]
    plan = load_json(root / "data" / "action_plan.json", report)
    dimensions = check_dimensions(instrument, report)
    items = check_items(instrument, dimensions, report)
    old = instruments["instrument.v1.json"]
    check_items(old, check_dimensions(old, report), report)
    if [i.get("code") for i in old.get("items", [])] != [i.get("code") for i in items]:
        report.error("instrument.v1.json", "versions 1 and 2 must ask the same items (only scales differ)")
    action_codes = check_action_plan(plan, dimensions, report)
    expected = {"instrument.ftl": expected_instrument_ids(dimensions, items),
                "action-plan.ftl": expected_action_ids(action_codes)}
    catalogs = check_locales(root, expected, items, report)
    lengths = check_lengths(items, report)

    print(f"instrument v{instrument.get('version')}: {len(dimensions)} dimensions, {len(items)} items; "
          f"action plan: {len(action_codes)} points")
    for lang in LOCALES:
        print(f"locales/{lang}: " + ", ".join(f"{name} {len(msgs)} messages" for name, msgs in catalogs[lang].items()))
    print(f"questionnaire length (~{SECONDS_PER_LIKERT} s per dimension item, ~{SECONDS_PER_HEADLINE} s per headline item):")
    for population, (likert, headline, seconds) in lengths.items():
        budget = BUDGET_SECONDS.get(population)
        limit = f" (budget {budget // 60} min)" if budget else ""
        print(f"  {population:<9} {likert:>2} dimension + {headline} headline = {likert + headline:>2} items, "
              f"~{seconds} s = {seconds / 60:.1f} min{limit}")
    if report.errors:
        print(f"\n{len(report.errors)} problem(s):")
        for line in report.errors:
            print(f"  {line}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
