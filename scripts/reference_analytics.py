#!/usr/bin/env python3
"""Reference figures for Miroir's analytics engine (METHOD.md §3-6).

Generates, with fixed seeds, random campaigns as raw respondents, writes
their aggregate rows (what the database keeps) and the figures computed
independently from the raw respondents with numpy/scipy, to
tests/fixtures/analytics/campaign_<seed>.json. The Rust test
`analytics::fixture_tests` rebuilds the report from the rows and compares.

Usage: pip install numpy==2.4.6 scipy==1.17.1 statsmodels && python3 scripts/reference_analytics.py

Every tested gap (symmetry, customer perception) also carries q, the
Benjamini-Hochberg adjusted p over the family of every published tested gap
of the report (METHOD.md §4), from statsmodels' multipletests(fdr_bh):
see `shown_scopes` and `add_q`.

Campaign 4 is answered on instrument version 2: managers and executives
estimate "out of 10, how many would agree" (0-10); an estimate is 10 x the
mean of the answers, n = estimators, no interval, no mean, and every blind
spot is points only (METHOD.md §2-4). Campaigns 1-3 are version 1.

The demo campaign is checked the same way: `miroir demo-raw --wave N`
prints a demo wave as raw respondents, and
`python3 scripts/reference_analytics.py --raw IN.json OUT.json` writes its
fixture (tests/fixtures/analytics/demo_wave_<N>.json):

    miroir demo-raw --wave 2 > /tmp/demo_2.json
    python3 scripts/reference_analytics.py --raw /tmp/demo_2.json \
        tests/fixtures/analytics/demo_wave_2.json
"""
import json
import math
import os
from collections import defaultdict

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests

Z = 1.959964
DIMS = ["courtesy", "facilitation", "values", "listening", "digital", "trust",
        "autonomy", "consideration", "competence", "cooperation", "environment"]
PILLARS = {"execution": ["facilitation", "digital", "autonomy", "competence", "cooperation"],
           "link": ["courtesy", "listening", "trust"],
           "emotion": ["values", "consideration", "environment"]}
PERSP = {"customer": ["c"], "employee": ["e", "ec"], "manager": ["me", "mc"],
         "executive": ["xe", "xc"]}
CHANNELS = ["in_person", "phone", "web", "app", "email", "other"]
HEADLINES = {"customer": {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7), "fcr": (0, 1)},
             "employee": {"enps": (0, 10), "ies": (1, 7)}}
# Perspectives answered 0-10 from instrument version 2 (METHOD.md §2).
ESTIMATES = ("me", "mc", "xe", "xc")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "analytics")


def make_tree(rng):
    teams = []  # (code, parent)
    for r in range(3):
        region = f"R{r}"
        teams.append((region, None))
        for a in range(4):
            area = f"{region}A{a}"
            teams.append((area, region))
            for s in range(int(rng.integers(4, 6))):
                teams.append((f"{area}S{s}", area))
    return teams


def likert(rng, logit, size=None):
    """1..5 answers; higher logit → more favourable."""
    p = 1 / (1 + math.exp(-logit))
    fav = rng.random(size) < p
    return np.where(fav, rng.integers(4, 6, size), rng.integers(1, 4, size))


def estimate_answers(rng, codes, n_items, missing, share_of):
    """Version 2: each estimator says how many of 10 would agree, 0-10."""
    answers = {}
    for d in DIMS:
        for code in codes:
            for i in range(1, n_items[d] + 1):
                if rng.random() >= missing[d]:
                    answers[f"{d}.{code}.{i}"] = int(rng.binomial(10, share_of(d)))
    return answers


def make_respondents(rng, teams, n_items, version=1):
    out = []  # dicts: team, population, channel, answers {item: value}
    leaf = {c for c, _ in teams} - {p for _, p in teams if p}
    dim_effect = {d: rng.normal(0.3, 0.6) for d in DIMS}
    missing = {d: rng.choice([0.05, 0.15, 0.5]) for d in DIMS}

    def dim_answers(codes, logit_of):
        answers = {}
        for d in DIMS:
            for code in codes:
                for i in range(1, n_items[d] + 1):
                    if rng.random() >= missing[d]:
                        answers[f"{d}.{code}.{i}"] = int(likert(rng, logit_of(d)))
        return answers

    for code, _ in teams:
        own = code in leaf or rng.random() < 0.3
        if not own:
            continue
        u = rng.normal(0, 1)
        n_cust = int(min(60, rng.lognormal(1.7, 0.9))) if rng.random() > 0.1 else 0
        n_emp = int(min(25, rng.lognormal(1.6, 0.7)))
        chans = list(rng.choice(CHANNELS, size=int(rng.integers(1, 3)), replace=False))
        for _ in range(n_cust):
            ans = dim_answers(["c"], lambda d: 0.6 * u + dim_effect[d] + rng.normal(0, 0.3))
            for item, (lo, hi) in HEADLINES["customer"].items():
                if rng.random() > 0.1:
                    ans[item] = int(np.clip(round(rng.normal((lo + hi) / 2 + u * (hi - lo) / 5, (hi - lo) / 3)), lo, hi))
            if ans:
                out.append(dict(team=code, population="customer",
                                channel=str(rng.choice(chans)), answers=ans))
        for _ in range(n_emp):
            ans = dim_answers(["e", "ec"], lambda d: u + dim_effect[d])
            for item, (lo, hi) in HEADLINES["employee"].items():
                if rng.random() > 0.1:
                    ans[item] = int(np.clip(round(rng.normal((lo + hi) / 2 + u * (hi - lo) / 5, (hi - lo) / 3)), lo, hi))
            for i in (1, 2, 3):
                if rng.random() > 0.2:
                    ans[f"orientation.{i}"] = int(likert(rng, u + 0.5))
            if ans:
                out.append(dict(team=code, population="employee", channel=None, answers=ans))
        for _ in range(int(rng.integers(0, 3))):
            if version >= 2:
                bias = rng.normal(0.5, 0.8)  # some overestimate their team, some do not
                ans = estimate_answers(rng, ["me", "mc"], n_items, missing,
                                       lambda d: 1 / (1 + math.exp(-(u + dim_effect[d] + bias))))
            else:
                ans = dim_answers(["me", "mc"], lambda d: 1.0 + dim_effect[d])
            out.append(dict(team=code, population="manager", channel=None, answers=ans))
    for _ in range(int(rng.integers(3, 7))):
        if version >= 2:
            ans = estimate_answers(rng, ["xe", "xc"], n_items, missing, lambda d: 0.75)
        else:
            ans = dim_answers(["xe", "xc"], lambda d: 1.5)
        out.append(dict(team=None, population="executive", channel=None, answers=ans))
    return out


def group_key(item):
    parts = item.split(".")
    if len(parts) == 3 and parts[0] != "orientation":
        return f"{parts[0]}.{parts[1]}"
    return "orientation" if parts[0] == "orientation" else item


def aggregate(resps):
    hist = defaultdict(lambda: defaultdict(int))
    counts = defaultdict(int)
    orient = defaultdict(int)
    for r in resps:
        key = (r["team"], r["population"], r["channel"])
        for item, v in r["answers"].items():
            hist[key + (item,)][v] += 1
        for scope in {"*"} | {group_key(i) for i in r["answers"]}:
            counts[key + (scope,)] += 1
        o = [v for i, v in r["answers"].items() if i.startswith("orientation.")]
        if o:
            orient[(r["team"], 6 * sum(o) // len(o))] += 1
    h_rows = [list(k) + [x for v, c in sorted(vals.items()) for x in (v, c)]
              for k, vals in sorted(hist.items(), key=lambda kv: str(kv[0]))]
    r_rows = [list(k) + [c] for k, c in sorted(counts.items(), key=lambda kv: str(kv[0]))]
    o_rows = [[t, key, c] for (t, key), c in sorted(orient.items())]
    return h_rows, r_rows, o_rows


def wilson(x, n):
    p = x / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return 100 * (c - h), 100 * (c + h)


def two_prop_p(x1, n1, x2, n2):
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    return float(2 * stats.norm.sf(abs((x1 / n1 - x2 / n2) / se)))


def score(resps, pop, d, code):
    vals = [v for r in resps if r["population"] == pop
            for i, v in r["answers"].items() if i.startswith(f"{d}.{code}.")]
    n = sum(1 for r in resps if r["population"] == pop
            and any(i.startswith(f"{d}.{code}.") for i in r["answers"]))
    if not vals:
        return dict(n=n, answers=0)
    fav = sum(1 for v in vals if v >= 4)
    lo, hi = wilson(fav, len(vals))
    return dict(n=n, answers=len(vals), fav_count=fav, favourable=100 * fav / len(vals),
                ci_low=lo, ci_high=hi, mean=float(np.mean(vals)))


def estimate_score(resps, pop, d, code):
    """An estimate (version 2): 10 x the mean of the 0-10 answers pooled over
    the perspective's items and estimators; n = estimators with an answer;
    no interval and no mean."""
    vals = [v for r in resps if r["population"] == pop
            for i, v in r["answers"].items() if i.startswith(f"{d}.{code}.")]
    n = sum(1 for r in resps if r["population"] == pop
            and any(i.startswith(f"{d}.{code}.") for i in r["answers"]))
    if not vals:
        return dict(n=n, answers=0)
    return dict(n=n, answers=len(vals), favourable=10 * float(np.mean(vals)),
                ci_low=None, ci_high=None, mean=None)


def perspective_score(version, resps, pop, d, code):
    if version >= 2 and code in ESTIMATES:
        return estimate_score(resps, pop, d, code)
    return score(resps, pop, d, code)


def headline(resps, pop, item):
    vals = [r["answers"][item] for r in resps if r["population"] == pop and item in r["answers"]]
    return np.array(vals)


def group_figures(resps, k, version=1):
    g = {"n": {p: sum(1 for r in resps if r["population"] == p) for p in PERSP}}
    g["scores"], g["gaps"] = {}, {}
    for d in DIMS:
        s = {code: perspective_score(version, resps, pop, d, code) for pop, codes in PERSP.items() for code in codes}
        g["scores"].update({f"{d}.{c}": v for c, v in s.items()})
        for name, a, b, tested in [("symmetry", "e", "c", True), ("customer_perception", "ec", "c", True),
                                   ("managerial_blind_spot", "me", "e", False),
                                   ("manager_customer_blind_spot", "mc", "c", False),
                                   # Blind spots are never tested (METHOD.md §4).
                                   ("leadership_employee", "xe", "e", False),
                                   ("leadership_customer", "xc", "c", False)]:
            if s[a]["answers"] and s[b]["answers"]:
                gap = {"points": s[a]["favourable"] - s[b]["favourable"]}
                if tested:
                    gap["p"] = two_prop_p(s[a]["fav_count"], s[a]["answers"], s[b]["fav_count"], s[b]["answers"])
                g["gaps"][f"{d}.{name}"] = gap
    ind = {}
    for item, pop in [("nps", "customer"), ("enps", "employee")]:
        v = headline(resps, pop, item)
        if len(v):
            pp, pd = np.mean(v >= 9), np.mean(v <= 6)
            se = math.sqrt((pp + pd - (pp - pd) ** 2) / len(v))
            sc = 100 * (pp - pd)
            ind[item] = [sc, sc - 100 * Z * se, sc + 100 * Z * se, len(v)]
    for item, pop, cut in [("csat", "customer", 4), ("ces", "customer", 5), ("fcr", "customer", 1), ("ies", "employee", 5)]:
        v = headline(resps, pop, item)
        if len(v):
            ind[item] = 100 * float(np.mean(v >= cut))
    means = [np.mean([v for i, v in r["answers"].items() if i.startswith("orientation.")])
             for r in resps if r["population"] == "employee"
             and any(i.startswith("orientation.") for i in r["answers"])]
    if means:
        m = np.array(means)
        ind["cos"] = [100 * np.mean(m >= 4.5), 100 * np.mean((m >= 3.5) & (m < 4.5)), 100 * np.mean(m < 3.5)]
    # Indices and pillars over dimensions that primary suppression leaves visible.
    for side, code, pop in [("customer", "c", "customer"), ("employee", "e", "employee")]:
        def ok(d):
            s = g["scores"][f"{d}.{code}"]
            return s["answers"] > 0 and s["n"] >= k and g["n"][pop] >= k
        vis = [g["scores"][f"{d}.{code}"]["favourable"] for d in DIMS if ok(d)]
        ind["csi" if side == "customer" else "eei"] = float(np.mean(vis)) if vis else None
        pil = {}
        for p, dims in PILLARS.items():
            v = [g["scores"][f"{d}.{code}"]["favourable"] for d in dims if ok(d)]
            pil[p] = float(np.mean(v)) if v else None
        g.setdefault("pillars", {})[side] = pil
    g["indices"] = ind
    return g


TIE = 1e-9


def snap(values):
    """Equal team scores summed in another order differ in the last bits:
    values within TIE of the first of a sorted run are the same value."""
    order = np.argsort(values, kind="stable")
    out = list(values)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and values[order[end]] - values[order[start]] <= TIE:
            end += 1
        for i in order[start:end]:
            out[i] = values[order[start]]
        start = end
    return out


def correlation(xs, ys):
    if len(xs) < 5 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    r, p = stats.pearsonr(xs, ys)
    rho, sp = stats.spearmanr(snap(xs), snap(ys))
    n = len(xs)
    if abs(r) >= 1:
        lo = hi = r
    else:
        z, se = math.atanh(r), 1 / math.sqrt(n - 3)
        lo, hi = math.tanh(z - Z * se), math.tanh(z + Z * se)
    return {"pearson": {"r": float(r), "ci_low": lo, "ci_high": hi, "p": float(p)},
            "spearman": {"rho": float(rho), "p": float(sp)}}


def suppress(kids, own, total, k, initial=None):
    """METHOD.md §7 on a tree, written from the rules (not from the engine):
    primary suppression below k, then until nothing changes: under a shown
    parent the hidden children with respondents are none or at least two
    totalling k or more; a hidden parent with respondents below keeps one
    such child hidden; a shown parent with 1..k-1 own respondents hides a
    child. The partner is the visible child with the smallest n (then the
    earliest); with none, the parent itself."""
    hidden = {x: total[x] < k or bool(initial and initial[x]) for x in total}
    changed = True
    while changed:
        changed = False
        for p in kids:
            data = [c for c in kids[p] if total[c] > 0]
            hid = [c for c in data if hidden[c]]
            if hidden[p]:
                need = total[p] > 0 and data and not hid
            else:
                ht = sum(total[c] for c in hid)
                need = len(hid) == 1 or 0 < ht < k or (not hid and 0 < own[p] < k)
            if not need:
                continue
            vis = [c for c in data if not hidden[c]]
            if vis:
                hidden[min(vis, key=lambda c: (total[c], c))] = True
            elif not hidden[p]:
                hidden[p] = True
            else:
                continue
            changed = True
    return hidden


def tree_order(teams):
    """Teams in display order (depth first, siblings by code), the
    organisation last: the order in which the rules visit parents and the
    "earliest" of equal partners. Returns the preorder of codes, code →
    index, and index (or "org") → child indices."""
    by_parent = defaultdict(list)
    for code, parent in teams:
        by_parent[parent].append(code)
    preorder, stack = [], sorted(by_parent[None], reverse=True)
    while stack:
        code = stack.pop()
        preorder.append(code)
        stack.extend(sorted(by_parent[code], reverse=True))
    order = {code: i for i, code in enumerate(preorder)}
    kids = {i: [order[c] for c in sorted(by_parent[code])] for i, code in enumerate(preorder)}
    kids["org"] = [order[c] for c in sorted(by_parent[None])]
    return preorder, order, kids


def group_counts(members, answered, preorder, order, kids):
    """Respondents among `members` for whom `answered` holds: per group in
    its subtree (total) and its own (own; the organisation has none)."""
    own = defaultdict(int)
    for r in members:
        if answered(r):
            own[order[r["team"]]] += 1
    total = {}
    for x in list(reversed(range(len(preorder)))) + ["org"]:
        total[x] = own[x] + sum(total[c] for c in kids[x])
    own["org"] = 0
    return total, own


def published(resps, teams, k):
    """Per team code: the scopes shown for customers and employees, as
    {"customer": None | set of shown dimensions, "employee": ...}; None when
    the population is hidden at Scope All. Scopes are suppressed on the
    whole tree, each dimension with the population's hidden groups as its
    starting point."""
    preorder, order, kids = tree_order(teams)
    out = {code: {} for code, _ in teams}
    for pop, persp in [("customer", "c"), ("employee", "e")]:
        members = [r for r in resps if r["population"] == pop]

        def hidden_for(answered):
            return group_counts(members, answered, preorder, order, kids)
        total, own = hidden_for(lambda r: True)
        tree = kids
        base = suppress(tree, own, total, k)
        net = "nps" if pop == "customer" else "enps"
        for d in DIMS + [net]:
            prefix = f"{d}.{persp}." if d != net else None
            total, own = hidden_for(lambda r: any(i.startswith(prefix) for i in r["answers"])
                                    if prefix else net in r["answers"])
            flags = suppress(tree, own, total, k, base)
            for code, _ in teams:
                i = order[code]
                if base[i]:
                    out[code][pop] = None
                elif not flags[i]:
                    out[code].setdefault(pop, set()).add(d)
                else:
                    out[code].setdefault(pop, set())
    return out


def unit_values(resps, teams, k):
    """Units (teams whose customers and employees are all their own) whose
    figures are published, with their published values (METHOD.md §5, §7)."""
    by_team = defaultdict(list)
    for r in resps:
        by_team[r["team"]].append(r)
    parents = {p for _, p in teams if p is not None}
    below = defaultdict(int)
    for code, parent in teams:
        anon = sum(1 for r in by_team[code] if r["population"] in ("customer", "employee"))
        p = parent
        while p is not None and anon:
            below[p] += anon
            p = dict(teams)[p]
    shown = published(resps, teams, k)
    vals = []
    for code, _ in teams:
        rs = by_team[code]
        ce, cc = shown[code]["employee"], shown[code]["customer"]
        if code in parents and below[code] > 0 or ce is None or cc is None:
            continue
        e = {d: score(rs, "employee", d, "e") for d in DIMS}
        c = {d: score(rs, "customer", d, "c") for d in DIMS}
        e = {d: s["favourable"] for d, s in e.items() if s["answers"] and d in ce}
        c = {d: s["favourable"] for d, s in c.items() if s["answers"] and d in cc}
        nps = headline(rs, "customer", "nps")
        enps = headline(rs, "employee", "enps")
        vals.append(dict(code=code, e=e, c=c,
                         eei=float(np.mean(list(e.values()))) if e else None,
                         csi=float(np.mean(list(c.values()))) if c else None,
                         nps=100 * (np.mean(nps >= 9) - np.mean(nps <= 6)) if "nps" in cc else None,
                         enps=100 * (np.mean(enps >= 9) - np.mean(enps <= 6)) if "enps" in ce else None))
    return vals


def linkage(resps, teams, k):
    vals = unit_values(resps, teams, k)

    def pairs(fx, fy):
        ps = [(fx(t), fy(t)) for t in vals if fx(t) is not None and fy(t) is not None]
        return [float(x) for x, _ in ps], [float(y) for _, y in ps]

    out = {"eligible_teams": len(vals)}
    if len(vals) < 5:
        return out
    out["eei_csi"] = correlation(*pairs(lambda t: t["eei"], lambda t: t["csi"]))
    out["enps_nps"] = correlation(*pairs(lambda t: t["enps"], lambda t: t["nps"]))
    out["dimensions"] = {d: correlation(*pairs(lambda t: t["e"].get(d), lambda t: t["c"].get(d))) for d in DIMS}
    drivers = []
    for d in DIMS:
        xs, ys = pairs(lambda t: t["e"].get(d), lambda t: t["nps"])
        c = correlation(xs, ys)
        if c:
            drivers.append({"dimension": d, "r": c["pearson"]["r"]})
    out["drivers"] = sorted(drivers, key=lambda x: -x["r"])
    both = [t for t in vals if t["eei"] is not None and t["csi"] is not None]
    me = float(np.median([t["eei"] for t in both]))
    mc = float(np.median([t["csi"] for t in both]))
    names = {(True, True): "virtuous", (False, True): "fragile", (True, False): "untapped", (False, False): "vicious"}
    out["quadrants"] = {t["code"]: names[(t["eei"] >= me - TIE, t["csi"] >= mc - TIE)] for t in both}
    return out


def shown_scopes(resps, teams, k):
    """For the family of tests: per group ("" = the organisation) and
    perspective code ("c", "e", "ec"), the dimensions whose scores the report
    shows, by the rules of `suppress` (each scope starting from its
    population's hidden groups), written apart from `published`."""
    preorder, order, kids = tree_order(teams)
    order = {**order, "": "org"}
    out = {code: {} for code in order}
    for pop, codes in [("customer", ["c"]), ("employee", ["e", "ec"])]:
        members = [r for r in resps if r["population"] == pop]

        def counts(answered):
            return group_counts(members, answered, preorder, order, kids)
        total, own = counts(lambda r: True)
        base = suppress(kids, own, total, k)
        for persp in codes:
            for d in DIMS:
                prefix = f"{d}.{persp}."
                total, own = counts(lambda r: any(i.startswith(prefix) for i in r["answers"]))
                flags = suppress(kids, own, total, k, base)
                for code, i in order.items():
                    if not base[i] and not flags[i]:
                        out[code].setdefault(persp, set()).add(d)
    return out


def add_q(groups, shown):
    """q of every published tested gap, Benjamini-Hochberg over all of them
    at once (every group, dimension and tested gap kind)."""
    at, ps = [], []
    for code, g in groups.items():
        for d in DIMS:
            for name, a in [("symmetry", "e"), ("customer_perception", "ec")]:
                gap = g["gaps"].get(f"{d}.{name}")
                if gap and d in shown[code].get("c", ()) and d in shown[code].get(a, ()):
                    at.append(gap)
                    ps.append(gap["p"])
    if ps:
        _, q, _, _ = multipletests(ps, method="fdr_bh")
        for gap, v in zip(at, q):
            gap["q"] = float(v)


def subtree(teams, root):
    kids = defaultdict(list)
    for c, p in teams:
        kids[p].append(c)
    out, stack = [], [root]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(kids[x])
    return set(out)


def campaign(seed, k, version=1):
    rng = np.random.default_rng(seed)
    teams = make_tree(rng)
    n_items = {d: int(rng.integers(1, 3)) for d in DIMS}
    resps = make_respondents(rng, teams, n_items, version)
    return {"seed": seed, **fixture(resps, teams, k, version)}


def fixture(resps, teams, k, version=1):
    """Aggregate rows and expected figures of raw respondents."""
    h, r, o = aggregate(resps)
    groups = {"": group_figures(resps, k, version)}
    for code, _ in teams:
        members = subtree(teams, code)
        groups[code] = group_figures([x for x in resps if x["team"] in members], k, version)
    add_q(groups, shown_scopes(resps, teams, k))
    for g in groups.values():
        # Compact: [n] or [n, favourable, ci_low, ci_high, mean]; gaps [points(, p(, q))].
        g["scores"] = {key: [s["n"]] + ([s["favourable"], s["ci_low"], s["ci_high"], s["mean"]]
                                        if s["answers"] else [])
                       for key, s in g["scores"].items()}
        g["gaps"] = {key: [v["points"]] + ([v["p"]] if "p" in v else []) + ([v["q"]] if "q" in v else [])
                     for key, v in g["gaps"].items()}
    return {"k": k, "instrument_version": version, "teams": [[c, f"Team {c}", p] for c, p in teams],
            "histograms": h, "respondents": r, "orientation": o,
            "expected": {"groups": groups, "linkage": linkage(resps, teams, k)}}


def rounded(x):
    """Fewer bytes: 10 decimals keep every figure within 5e-11."""
    if isinstance(x, float):
        return round(x, 10)
    if isinstance(x, dict):
        return {a: rounded(b) for a, b in x.items()}
    if isinstance(x, list):
        return [rounded(b) for b in x]
    return x


def write(data, path):
    with open(path, "w") as f:
        json.dump(rounded(data), f, separators=(",", ":"), allow_nan=False)
    print(path, os.path.getsize(path))


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 4 and sys.argv[1] == "--raw":
        with open(sys.argv[2]) as f:
            raw = json.load(f)
        teams = [(c, p) for c, p in raw["teams"]]
        write(fixture(raw["respondents"], teams, raw["k"], raw.get("instrument_version", 1)), sys.argv[3])
        sys.exit(0)
    os.makedirs(OUT, exist_ok=True)
    for seed, k, version in [(1, 5, 1), (2, 5, 1), (3, 3, 1), (4, 5, 2)]:
        write(campaign(seed, k, version), os.path.join(OUT, f"campaign_{seed}.json"))
