#!/usr/bin/env python3
"""Reference figures for Miroir's cross-wave analytics (issue #15).

Generates, with a fixed seed, one organisation surveyed in three waves
(88 teams, stores entering and leaving between waves, small teams below k)
as raw respondents, and computes independently from the raw answers:

* the aggregation check of each wave, per dimension and population, over
  the teams the linkage correlates: ICC(1) from the one-way ANOVA of every
  answer with teams as groups (statsmodels `anova_lm`, the R `multilevel`
  package's ICC1 with group size N/J) and the mean rwg(j) (per-item sample
  variances, uniform null (A² − 1)/12, A = 5);
* for waves 1→2 and 2→3, the cross-lagged panel (statsmodels OLS on
  z-scored published team values) and, for points adopted by some teams in
  the first wave, the difference in differences
  (`scipy.stats.ttest_ind(equal_var=False)`).

Writes tests/fixtures/analytics/waves.json; the Rust test
`analytics::fixture_tests::waves_match_the_reference` compares every
figure at 1e-9.

Before any of that, `check_multilevel` transcribes the R `multilevel`
package's definitions of ICC1 and rwg.j literally (from raw answer
matrices, listwise deletion, the mean variance capped at the null) and
checks the histogram formulas used here and in Rust against them and
against hand-worked numbers. scripts/reference_multilevel.R checks the
Rust figures against the package itself, on the package's own data.

Usage: target/pyref/bin/python scripts/reference_longitudinal.py

The demo's three waves are checked the same way (`miroir demo-raw --wave N`
also lists the points adopted in that wave):

    for n in 1 2 3; do target/debug/miroir demo-raw --wave $n > /tmp/demo_$n.json; done
    target/pyref/bin/python scripts/reference_longitudinal.py --demo \
        tests/fixtures/analytics/demo_waves.json /tmp/demo_1.json /tmp/demo_2.json /tmp/demo_3.json
"""
import json
import math
import os
import sys
from collections import defaultdict

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats

sys.path.insert(0, os.path.dirname(__file__))
import reference_analytics as ref  # noqa: E402

DIMS = ref.DIMS
A = 5
NULL_VARIANCE = (A * A - 1) / 12
MIN_PANEL = 10
with open(os.path.join(os.path.dirname(__file__), "..", "data", "action_plan.json")) as _f:
    TARGETS = {p["code"]: p["dimensions"] for p in json.load(_f)}  # ACTION-PLAN.md


# --------------------------------------------------------------------------
# The R `multilevel` package, transcribed (Bliese, multilevel 2.7).

def multilevel_icc1(y, group):
    """ICC1(aov(y ~ as.factor(group))): GSIZE = (df_w + df_b + 1)/(df_b + 1)."""
    frame = pd.DataFrame({"y": y, "g": [str(g) for g in group]})
    table = sm.stats.anova_lm(smf.ols("y ~ C(g)", data=frame).fit(), typ=1)
    df_b, df_w = table["df"].iloc[0], table["df"].iloc[1]
    msb, msw = table["mean_sq"].iloc[0], table["mean_sq"].iloc[1]
    gsize = (df_w + (df_b + 1)) / (df_b + 1)
    return (msb - msw) / (msb + (gsize - 1) * msw)


def multilevel_rwg_j(matrix, group, ranvar):
    """rwg.j(x, grpid, ranvar): listwise deletion, NA for one-row groups,
    the mean item variance S capped at ranvar (`if (S > ranvar) S <- ranvar`,
    multilevel 2.7), so a variance at or above the null gives 0."""
    out = {}
    for g in sorted(set(group)):
        rows = np.array([r for r, h in zip(matrix, group) if h == g and not any(v is None for v in r)], float)
        if len(rows) < 2:
            out[g] = None
            continue
        j = rows.shape[1]
        meanvar = min(float(np.mean(np.var(rows, axis=0, ddof=1))), ranvar)
        num = j * (1 - meanvar / ranvar)
        out[g] = num / (num + meanvar / ranvar)
    return out


def icc1(teams):
    """teams: per team, the list of its answers (every item pooled)."""
    y = [v for t in teams for v in t]
    g = [i for i, t in enumerate(teams) for _ in t]
    if len([t for t in teams if t]) < 2 or len(y) <= len([t for t in teams if t]):
        return None
    return float(multilevel_icc1(y, g))


def rwg_j(items):
    """items: per item, the team's non-missing answers. 0 when the mean
    variance reaches the null (James, Demaree & Wolf)."""
    variances = [float(np.var(v, ddof=1)) for v in items if len(v) >= 2]
    if not variances:
        return None
    j = len(variances)
    ratio = float(np.mean(variances)) / NULL_VARIANCE
    if ratio >= 1:
        return 0.0
    return j * (1 - ratio) / (j * (1 - ratio) + ratio)


def check_multilevel():
    # Hand-worked: teams {1,2,3}, {3,4,5}: MSB 6, MSW 1, N/J 3 → 5/8.
    assert abs(multilevel_icc1([1, 2, 3, 3, 4, 5], [0, 0, 0, 1, 1, 1]) - 0.625) < 1e-12
    # Unequal groups: the package uses N/J, not the ANOVA k0.
    y, g = [1, 2, 2, 4, 5, 5, 4, 3], [0, 0, 0, 1, 1, 1, 1, 1]
    means = [np.mean(y[:3]), np.mean(y[3:])]
    grand = np.mean(y)
    msb = (3 * (means[0] - grand) ** 2 + 5 * (means[1] - grand) ** 2) / 1
    msw = (np.sum((np.array(y[:3]) - means[0]) ** 2) + np.sum((np.array(y[3:]) - means[1]) ** 2)) / 6
    assert abs(multilevel_icc1(y, g) - (msb - msw) / (msb + (8 / 2 - 1) * msw)) < 1e-12
    # rwg(j), James, Demaree & Wolf (1984): J = 2, s̄² = 0.5, σ² = 2 → 1.5/1.75.
    got = multilevel_rwg_j([[2, 4], [3, 4], [4, 4]], [0, 0, 0], 2)[0]
    assert abs(got - 1.5 / 1.75) < 1e-12, got
    assert abs(rwg_j([[2, 3, 4], [4, 4, 4]]) - 1.5 / 1.75) < 1e-12
    # Complete data: the histogram formulas equal the package's.
    rng = np.random.default_rng(7)
    for _ in range(50):
        n_items = int(rng.integers(1, 4))
        groups = [rng.integers(1, 6, size=(int(rng.integers(2, 9)), n_items)) for _ in range(6)]
        matrix = [list(map(int, r)) for grp in groups for r in grp]
        gid = [i for i, grp in enumerate(groups) for _ in grp]
        lit = multilevel_rwg_j(matrix, gid, NULL_VARIANCE)
        for i, grp in enumerate(groups):
            mine = rwg_j([list(grp[:, c]) for c in range(n_items)])
            meanvar = float(np.mean(np.var(grp, axis=0, ddof=1)))
            assert abs(mine - lit[i]) < 1e-12, (mine, lit[i])
            if meanvar >= NULL_VARIANCE:
                assert mine == 0.0
        pooled = [[int(v) for v in grp.flatten()] for grp in groups]
        y = [v for t in pooled for v in t]
        g = [i for i, t in enumerate(pooled) for _ in t]
        assert abs(icc1(pooled) - multilevel_icc1(y, g)) < 1e-12
    # A variance above the null: the package caps it at the null → 0.
    # J = 2, s̄² = 8 (ratio 4, capped to 1): 0.
    assert multilevel_rwg_j([[1, 1], [5, 5]], [0, 0], 2)[0] == 0.0
    assert rwg_j([[1, 5], [1, 5]]) == 0.0


# --------------------------------------------------------------------------
# The three waves.

def make_teams():
    teams = []
    for r in range(4):
        region = f"R{r}"
        teams.append((region, None))
        for a in range(3):
            area = f"{region}A{a}"
            teams.append((area, region))
            for s in range(6):
                teams.append((f"{area}S{s}", area))
    return teams


def present(code, wave):
    """S5 stores open in wave 2; S0 stores of area A2 close after wave 2."""
    if code.endswith("S5") and wave == 0:
        return False
    if code.endswith("A2S0") and wave == 2:
        return False
    return True


def waves(rng):
    teams = make_teams()
    stores = [c for c, p in teams if p is not None and "S" in c]
    n_items = {d: int(rng.integers(1, 4)) for d in DIMS}
    missing = {d: rng.choice([0.03, 0.1, 0.3]) for d in DIMS}
    dim_effect = {d: rng.normal(0.3, 0.5) for d in DIMS}
    # Latent levels: employees lead customers by one wave.
    emp = {c: rng.normal(0, 1) for c in stores}
    cust = {c: 0.5 * emp[c] + rng.normal(0, 0.8) for c in stores}
    size_e = {c: int(min(30, rng.lognormal(2.0, 0.7))) for c in stores}
    size_c = {c: int(min(45, rng.lognormal(2.4, 0.8))) for c in stores}
    adoptions = [{}, {}]
    out = []
    for w in range(3):
        if w > 0:
            new_emp = {c: 0.6 * emp[c] + rng.normal(0, 0.6) for c in stores}
            new_cust = {c: 0.4 * cust[c] + 0.5 * emp[c] + rng.normal(0, 0.5) for c in stores}
            emp, cust = new_emp, new_cust
        lift = defaultdict(float)
        if w > 0:
            # "listen-inside" works (+0.8 on its targets), "equip" does not.
            for c in adoptions[w - 1].get("listen-inside", []):
                for d in TARGETS["listen-inside"]:
                    lift[(c, d)] += 0.8
        resps = []
        live = [(c, p) for c, p in teams if present(c, w)]
        for code in [c for c, _ in live if c in emp]:
            def answers(codes, logit_of):
                ans = {}
                for d in DIMS:
                    for persp in codes:
                        for i in range(1, n_items[d] + 1):
                            if rng.random() >= missing[d]:
                                ans[f"{d}.{persp}.{i}"] = int(ref.likert(rng, logit_of(d)))
                return ans
            for _ in range(size_e[code]):
                a = answers(["e"], lambda d: emp[code] + dim_effect[d] + lift[(code, d)] + rng.normal(0, 0.4))
                if a:
                    resps.append(dict(team=code, population="employee", channel=None, answers=a))
            for _ in range(size_c[code]):
                a = answers(["c"], lambda d: cust[code] + dim_effect[d] + 0.6 * lift[(code, d)] + rng.normal(0, 0.4))
                if a:
                    resps.append(dict(team=code, population="customer",
                                      channel=str(rng.choice(["in_person", "phone"])), answers=a))
        for _ in range(4):
            resps.append(dict(team=None, population="executive", channel=None,
                              answers={f"{d}.{p}.1": int(ref.likert(rng, 1.2)) for d in DIMS for p in ("xe", "xc")}))
        if w < 2:
            here = [c for c, _ in live if c in emp]
            adoptions[w] = {point: sorted(str(c) for c in rng.choice(here, size=int(len(here) * share), replace=False))
                            for point, share in [("listen-inside", 0.4), ("equip", 0.3)]}
        out.append((live, resps))
    return out, adoptions


# --------------------------------------------------------------------------
# Figures.

def aggregation(resps, teams, k):
    units = ref.unit_values(resps, teams, k)
    if len(units) < 5:
        return None
    by_team = defaultdict(list)
    for r in resps:
        by_team[r["team"]].append(r)
    out = {}
    for d in DIMS:
        out[d] = {}
        for pop, persp, key in [("customer", "c", "c"), ("employee", "e", "e")]:
            teams_answers, rwgs = [], []
            for u in units:
                if d not in u[key]:
                    continue
                items = defaultdict(list)
                for r in by_team[u["code"]]:
                    if r["population"] != pop:
                        continue
                    for item, v in r["answers"].items():
                        if item.startswith(f"{d}.{persp}."):
                            items[item].append(v)
                teams_answers.append([v for vs in items.values() for v in vs])
                value = rwg_j(list(items.values()))
                if value is not None:
                    rwgs.append(value)
            out[d][pop] = [len(teams_answers), icc1(teams_answers),
                           float(np.mean(rwgs)) if rwgs else None]
    return out


def leaf_values(resps, teams, k):
    """Per store: published eei/csi (when both populations are) and the
    published dimension scores of each side."""
    parents = {p for _, p in teams if p is not None}
    shown = ref.published(resps, teams, k)
    by_team = defaultdict(list)
    for r in resps:
        by_team[r["team"]].append(r)
    out = {}
    for code, _ in teams:
        if code in parents:
            continue
        side = {}
        for pop, persp in [("customer", "c"), ("employee", "e")]:
            visible = shown[code].get(pop)
            side[persp] = {} if visible is None else {
                d: s["favourable"] for d in DIMS
                for s in [ref.score(by_team[code], pop, d, persp)] if s["answers"] and d in visible}
        both = shown[code].get("customer") is not None and shown[code].get("employee") is not None
        out[code] = dict(e=side["e"], c=side["c"],
                         eei=float(np.mean(list(side["e"].values()))) if both and side["e"] else None,
                         csi=float(np.mean(list(side["c"].values()))) if both and side["c"] else None)
    return out


def estimate(value, se, df):
    half = stats.t.ppf(0.975, df) * se
    return [float(value), float(se), float(df), float(value - half), float(value + half),
            float(2 * stats.t.sf(abs(value / se), df))]


def panel(rows):
    if len(rows) < MIN_PANEL:
        return None
    cols = np.array(rows, float).T
    if any(np.std(c) == 0 for c in cols):
        return None
    e1, c1, e2, c2 = (stats.zscore(c, ddof=1) for c in cols)
    x = sm.add_constant(np.column_stack([e1, c1]))
    fc = sm.OLS(c2, x).fit()
    fe = sm.OLS(e2, x).fit()
    n = len(rows)

    def path(fit, i):
        return [float(fit.params[i]), float(fit.bse[i]), float(fit.df_resid),
                float(fit.conf_int(0.05)[i][0]), float(fit.conf_int(0.05)[i][1]), float(fit.pvalues[i])]
    # Identical regressors: Cov(vec B) = Σ ⊗ (X'X)⁻¹, Σ from the residuals.
    resid = np.column_stack([fc.resid, fe.resid])
    sigma = resid.T @ resid / (n - 3)
    cov = np.kron(sigma, np.linalg.inv(x.T @ x))
    ia, ib = 1, 3 + 2  # slope of e1 in the customer equation, of c1 in the employee one
    var = cov[ia, ia] + cov[ib, ib] - 2 * cov[ia, ib]
    return {"teams": n,
            "employees_to_customers": path(fc, 1), "customers_to_employees": path(fe, 2),
            "employee_stability": path(fe, 1), "customer_stability": path(fc, 2),
            "difference": estimate(fc.params[1] - fe.params[2], math.sqrt(var), n - 3)}


def cross_lagged(before, after):
    pairs = [(before[c], after[c]) for c in sorted(set(before) & set(after))]
    rows = [(b["eei"], b["csi"], a["eei"], a["csi"]) for b, a in pairs
            if None not in (b["eei"], b["csi"], a["eei"], a["csi"])]
    dims = {}
    for d in DIMS:
        r = [(b["e"].get(d), b["c"].get(d), a["e"].get(d), a["c"].get(d)) for b, a in pairs
             if None not in (b["eei"], a["eei"])]
        dims[d] = panel([x for x in r if None not in x])
    return {"eligible_teams": len(rows), "indices": panel(rows), "dimensions": dims}


def contrast(changes):
    a = [v for adopted, v in changes if adopted]
    b = [v for adopted, v in changes if not adopted]
    if not a or not b:
        return None
    diff = None
    if len(a) >= 2 and len(b) >= 2 and (np.var(a) > 0 or np.var(b) > 0):
        t = stats.ttest_ind(a, b, equal_var=False)
        ci = t.confidence_interval(0.95)
        value = float(np.mean(a) - np.mean(b))
        diff = [value, value / float(t.statistic), float(t.df), float(ci.low), float(ci.high), float(t.pvalue)]
    return [len(a), len(b), float(np.mean(a)), float(np.mean(b)), diff]


def did(point, before, after, adopting):
    common = sorted(set(before) & set(after))

    def side(targets, key):
        changes = []
        for c in common:
            b, a = before[c][key], after[c][key]
            if all(d in b and d in a for d in targets):
                changes.append((c in adopting, sum(a[d] - b[d] for d in targets) / len(targets)))
        return contrast(changes)

    def sides(targets):
        return {"customer": side(targets, "c"), "employee": side(targets, "e")}
    return {"targets": sides(TARGETS[point]), "dimensions": {d: sides([d]) for d in TARGETS[point]}}


def main():
    check_multilevel()
    rng = np.random.default_rng(15)
    k = 5
    generated, adoptions = waves(rng)
    fixture = {"k": k, "waves": [], "pairs": []}
    leaves = []
    for live, resps in generated:
        h, r, o = ref.aggregate(resps)
        fixture["waves"].append({
            "teams": [[c, f"Team {c}", p] for c, p in live],
            "histograms": h, "respondents": r, "orientation": o,
            "expected": {"aggregation": aggregation(resps, live, k)},
        })
        leaves.append(leaf_values(resps, live, k))
    for w in (0, 1):
        fixture["pairs"].append({
            "before": w, "after": w + 1,
            "cross_lagged": cross_lagged(leaves[w], leaves[w + 1]),
            "adoptions": [{"action": point, "teams": teams,
                           "expected": did(point, leaves[w], leaves[w + 1], set(teams))}
                          for point, teams in sorted(adoptions[w].items())],
        })
    ref.write(fixture, os.path.join(ref.OUT, "waves.json"))


def below(teams, code):
    """`code` and every team under it."""
    kids = defaultdict(list)
    for c, p in teams:
        kids[p].append(c)
    out, stack = set(), [code]
    while stack:
        c = stack.pop()
        out.add(c)
        stack.extend(kids[c])
    return out


def demo(out, paths):
    """The demo's waves from `miroir demo-raw`: no rows are written (the
    Rust test rebuilds the waves from the plan), only the figures."""
    raws = []
    for path in paths:
        with open(path) as f:
            raws.append(json.load(f))
    fixture = {"k": raws[0]["k"], "waves": [], "pairs": []}
    leaves = []
    for raw in raws:
        teams = [(c, p) for c, p in raw["teams"]]
        fixture["waves"].append({"expected": {"aggregation": aggregation(raw["respondents"], teams, raw["k"])}})
        leaves.append(leaf_values(raw["respondents"], teams, raw["k"]))
    for w in range(len(raws) - 1):
        teams = [(c, p) for c, p in raws[w]["teams"]]
        adopted = defaultdict(set)
        for point, team in raws[w]["adopted"]:
            if team is not None:
                adopted[point] |= below(teams, team)
        fixture["pairs"].append({
            "before": w, "after": w + 1,
            "cross_lagged": cross_lagged(leaves[w], leaves[w + 1]),
            "adoptions": [{"action": point, "teams": sorted(codes),
                           "expected": did(point, leaves[w], leaves[w + 1], codes)}
                          for point, codes in sorted(adopted.items())],
        })
    ref.write(fixture, out)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--demo":
        check_multilevel()
        demo(sys.argv[2], sys.argv[3:])
    else:
        main()
