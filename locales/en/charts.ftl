### Charts (src/render/charts.rs, templates/partials/charts/*.hbs), English.

## Used by every chart partial

chart-data-table = Data table
chart-no-data = No data to show.
chart-no-value = no figure
chart-team = Team
chart-quadrant = Quadrant
chart-pillar = Pillar
chart-dimension = Dimension
chart-favourable = % favourable

## Scatter of teams: employees (x) against customers (y)

scatter-median = Median
scatter-regression = Trend (least squares)
chart-eei-csi-title = Employees and customers, team by team
chart-eei-csi-desc = Each point is a team: its Employee Engagement Index across, its Customer Satisfaction Index up. Dotted lines at the medians split four quadrants, named in the corners and marked by the shape of the points; the dashed line is the least-squares trend.

## Bars: driver ranking and dimension scores

bars-pearson-r = Correlation with NPS (Pearson r)
chart-drivers-title = What moves with customer recommendation
chart-drivers-desc = For each employee dimension, its Pearson correlation with the teams' NPS, strongest first. A bar to the right of zero: teams scoring higher on this dimension tend to have a higher NPS; to the left: a lower one.
chart-scores-customer-title = Customer scores by dimension
chart-scores-employee-title = Employee scores by dimension
chart-scores-desc = Share of favourable answers (4 or 5 out of 5) per dimension, from 0 to 100.

## Maturity building

chart-building-customer-title = Customer side
chart-building-employee-title = Employee side
chart-building-desc = The maturity building: the ground floor is execution, the first floor link, the roof emotion. Each floor is as wide as its pillar's score (% favourable); the dashed outline marks a score of 100.

## Heat-map of gaps

heatmap-significant = significant difference
heatmap-significant-legend = Gap significant after correction for multiple tests (Benjamini–Hochberg, q < 0.05)
heatmap-suppressed = Not shown: too few answers
heatmap-symmetry-title = Symmetry heat-map: employees minus customers
heatmap-symmetry-desc = One row per team, one column per dimension: the symmetry gap in points, employees' % favourable minus customers'. Blue cells: employees above customers; orange cells: customers above employees; the darker, the wider the gap. A dot marks a significant gap; hatched cells are hidden because too few people answered.
heatmap-symmetry-negative = Negative (orange): customers score higher than employees
heatmap-symmetry-positive = Positive (blue): employees score higher than customers
heatmap-perception-title = Customer perception heat-map: employees' estimate minus customers
heatmap-perception-desc = One row per team, one column per dimension: the customer perception gap in points, employees' estimate of the customers' % favourable minus what customers answered. Blue cells: employees overestimate; orange cells: they underestimate; the darker, the wider the gap. A dot marks a significant gap; hatched cells are hidden because too few people answered.
heatmap-perception-negative = Negative (orange): employees underestimate the customer experience
heatmap-perception-positive = Positive (blue): employees overestimate the customer experience

## Also used, already defined in locales/en/instrument.ftl (not repeated here):
##   quadrant-virtuous, quadrant-fragile, quadrant-untapped, quadrant-vicious
##   pillar-execution, pillar-link, pillar-emotion
##   maturity-excellence, maturity-house, maturity-pyramid, maturity-narrow
##   dimension-<code> for the eleven dimensions (dimension-courtesy … dimension-environment)
chart-enps-nps-title = Employee and customer recommendation, team by team
chart-enps-nps-desc = Each point is a team: its eNPS across, its customers' NPS up. Lines mark the medians.
chart-unlisted = { $teams } more teams are drawn without their names: unfold their region in the heat-map below, or download every team's figures (Exports).
