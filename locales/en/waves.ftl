### Issue #15: aggregation check, who moves first, adopted actions against the other teams, distance to the label (English).

## May team averages be read? (aggregation check)
aggregation-heading = May each dimension be read at team level?
aggregation-summary = { $count ->
    [one] One dimension of eleven carries enough difference between teams and agreement within them to be read as a team average.
   *[other] { $count } dimensions of eleven carry enough difference between teams and agreement within them to be read as team averages.
}
aggregation-rule = Convention: teams differ more than their members (ICC(1) ≥ { $icc }) and the members of a team agree (mean rwg(j) ≥ { $rwg }). A correlation marked ⚠ rests on a dimension that does not meet it: read it with care.
aggregation-caption = ICC(1) and mean rwg(j) per dimension, over the teams of the correlation
aggregation-icc = ICC(1)
aggregation-rwg = rwg(j)
aggregation-r = r (employees–customers)
aggregation-verdict = Team level
aggregation-yes = Yes
aggregation-no = No, read with care

## Who moves first? (cross-lagged panel)
lagged-heading = Who moves first, employees or customers?
lagged-reading-employees_first = Employees move first: a team's employee engagement in { $before } predicts its customer satisfaction in { $after }, beyond what its customers already said, and more strongly than the other way round.
lagged-reading-customers_first = Customers move first: a team's customer satisfaction in { $before } predicts its employee engagement in { $after }, beyond what its employees already said, and more strongly than the other way round.
lagged-reading-both_ways = It goes both ways: employee engagement in { $before } predicts customer satisfaction in { $after } and customer satisfaction predicts employee engagement, with no clear winner.
lagged-reading-employees_path_only = Employee engagement in { $before } predicts customer satisfaction in { $after }, but not clearly more than the other way round: the data cannot yet say who moves first.
lagged-reading-customers_path_only = Customer satisfaction in { $before } predicts employee engagement in { $after }, but not clearly more than the other way round: the data cannot yet say who moves first.
lagged-reading-undetermined = Between { $before } and { $after }, neither side clearly predicts the other's change: the data cannot say who moves first.
lagged-reading-employees_first-short = Employees first
lagged-reading-customers_first-short = Customers first
lagged-reading-both_ways-short = Both ways
lagged-reading-employees_path_only-short = Employees → customers only, not clearly stronger
lagged-reading-customers_path_only-short = Customers → employees only, not clearly stronger
lagged-reading-undetermined-short = Undetermined
lagged-figures = Standardised paths: employees → customers β = { $e2c } [{ $e2c_low } ; { $e2c_high }], customers → employees β = { $c2e } [{ $c2e_low } ; { $c2e_high }] (95 % intervals).
lagged-difference = Difference of the two: { $value } [{ $low } ; { $high }], p = { $p }.
lagged-caution = Over the { $teams } teams published on both sides in both waves. This is precedence in time across teams, not proof of cause: something that moves employees first and customers later (a manager, a reorganisation) would draw the same arrows.
lagged-too-few = Only { $teams } teams are published on both sides in both waves; at least { $min } are needed to say who moves first.
lagged-dimensions-caption = The same, dimension by dimension (standardised paths, 95 % intervals)
lagged-reading = Reading
lagged-employees = Employees
lagged-customers = Customers
lagged-wave = { $wave ->
    [1] earlier wave
   *[other] later wave
}
lagged-employees-to-customers = Employees → customers
lagged-customers-to-employees = Customers → employees
lagged-employee-stability = Employees → employees
lagged-customer-stability = Customers → customers
lagged-path = Path
lagged-estimate = Standardised path [95 % interval]
lagged-unclear = the interval includes zero
chart-lagged = Who moves first: cross-lagged paths between two waves
chart-lagged-desc = Employees (top) and customers (bottom) in the earlier wave (left) and the later one (right). Each arrow is as wide as its standardised path; a dashed arrow is a path whose 95 % interval includes zero. The crossing arrows tell who moves first.

## Adopted actions against the other teams (difference in differences)
action-did-heading = Against the teams that did not adopt it (change of its target dimensions, adopting teams minus the others, 95 % interval):
action-did-teams = { $adopting } adopting teams ({ $adopting_change } points) against { $others } others ({ $other_change } points)

## Distance to the symmetry label
label-heading = Distance to the symmetry label
label-ready = On this campaign's figures, the organisation meets the label's thresholds.
label-not-ready = On this campaign's figures, the organisation does not meet the label's thresholds yet.
label-rule = The label asks for three audits (customers, employees, executives), each at least { $floor } out of 100, averaging more than { $average }.
label-caption = The three audits as this campaign reads them, their margins and the dimensions that would raise them most
label-audit = Audit
label-score = Score / 100
label-margin = Margin over the threshold
label-levers = Dimensions that would raise it most (points gained if perfect)
label-average = Average of the three
label-levers-note = Must exceed the average threshold
label-audit-customers = Customers (CSI)
label-audit-employees = Employees (EEI)
label-audit-executives = Executives (100 − mean distance of their estimates from the field)

## Exports
export-item-icc1 = ICC(1)
export-item-rwg-j = mean rwg(j)
export-item-team-level = may be read at team level (1 = yes)
export-item-label-ready = ready for the symmetry label (1 = yes)

## Audit: method annex
audit-method-aggregation = May team averages be read: per dimension and population, over the teams of the correlation, ICC(1) from the one-way analysis of variance of every answer with teams as groups (mean group size N/J, as the R multilevel package computes it) and the mean over teams of rwg(j) against a uniform null (σ² = (5² − 1)/12 = 2; 0 when the observed variance reaches it). A dimension may be read at team level when ICC(1) ≥ 0.05 and the mean rwg(j) ≥ 0.70 on both sides.
audit-method-lagged = Who moves first: over the teams without sub-teams published on both sides in two consecutive waves (at least 10), the four team series (EEI and CSI in each wave) are standardised; ordinary least squares of CSI in the later wave on EEI and CSI in the earlier one, and of EEI likewise, give the standardised cross-lagged and autoregressive paths with their standard errors, 95 % intervals (Student's t, n − 3 degrees of freedom) and p; the difference of the two cross paths is tested with the covariance the two equations share. Precedence in time, not proof of cause.
audit-method-did = Did the actions work: for each point adopted for teams in a wave, the mean change of its target dimensions between that wave and the next in the teams that adopted it (or whose parent did) minus the mean change in the other teams, with Welch's t interval; actions later dropped still count.
audit-method-label = Distance to the label: customers' audit = CSI, employees' audit = EEI, executives' audit = 100 minus the mean distance between the executives' estimates and what employees and customers answered; ready when each is at least { $floor } and their average exceeds { $average } (organisation settings; the label's published rule is 55 and 70).

lagged-employees-to-customers-value = Employees → customers: { $value }
lagged-customers-to-employees-value = Customers → employees: { $value }

## Organisation settings: the label's thresholds
label-thresholds-legend = Symmetry label thresholds
label-thresholds-help = The readiness view's rule: each of the three audits (customers, employees, executives) at least the floor, and their average above the bar. The label's published rule is 55 and 70.
field-label-floor = Floor for each audit (out of 100)
field-label-average = Bar for the average of the three (out of 100)
error-label-threshold-invalid = A label threshold must be a whole number from 0 to 100.

## Exports: the cross-wave sheet and file (waves.csv)
export-sheet-waves = Waves
export-column-analysis = Analysis
export-column-analysis-code = Analysis (code)
export-column-previous-campaign = Previous campaign
export-column-adopted-point = Adopted point
export-column-adopted-point-code = Adopted point (code)
export-column-side = Side
export-column-side-code = Side (code)
export-column-path = Path
export-column-path-code = Path (code)
export-column-reading = Reading
export-column-reading-code = Reading (code)
export-column-teams = Teams
export-column-estimate = Estimate
export-column-se = Standard error
export-column-df = Degrees of freedom
export-column-adopting-teams = Adopting teams
export-column-other-teams = Other teams
export-column-adopting-change = Change in adopting teams (points)
export-column-other-change = Change in other teams (points)
export-analysis-cross-lagged = Who moves first (cross-lagged panel, standardised)
export-analysis-difference-in-differences = Adopted point against the other teams (difference in differences, points)
export-path-employees-to-customers = Employees → customers
export-path-customers-to-employees = Customers → employees
export-path-employee-stability = Employees → employees
export-path-customer-stability = Customers → customers
export-path-difference = Difference
audit-export-waves = from one wave to the next
audit-export-summary = summary
