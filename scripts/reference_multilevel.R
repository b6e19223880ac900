# The aggregation check of issue #15 against the R `multilevel` package
# itself (Bliese; Debian's r-cran-multilevel), on the package's own data:
# lq2002, 2,042 soldiers in 49 companies, whose documented example is
# rwg.j(lq2002[,3:13], lq2002$COMPID) (the 11 leadership items, 1-5).
# The task significance (3 items, 1-5) and hostility (5 items, 0-4) scales
# are checked too.
#
# For each scale it writes the answer counts of every company and item
# (what Miroir stores), the package's ICC1 of the one-way ANOVA of every
# answer (the scale's items stacked) with companies as groups, and the
# package's rwg.j of every company with ranvar = 2 (the uniform null of a
# 5-point scale, (5^2 - 1)/12) and their mean.
# src/analytics/multilevel_tests.rs compares Miroir's figures to 1e-9.
#
# Run: Rscript scripts/reference_multilevel.R > tests/fixtures/analytics/multilevel.json
suppressMessages(library(multilevel))
data(lq2002)

num <- function(x) if (is.na(x)) "null" else formatC(x, digits = 17, format = "g")

scale_json <- function(name, columns) {
  items <- lq2002[, columns]
  group <- lq2002$COMPID
  stacked <- unlist(items, use.names = FALSE)
  groups <- rep(group, times = length(columns))
  icc1 <- ICC1(aov(stacked ~ as.factor(groups)))
  rwg <- rwg.j(items, group, ranvar = 2)
  teams <- sort(unique(group))
  team_json <- vapply(teams, function(g) {
    rows <- items[group == g, , drop = FALSE]
    counts <- vapply(columns, function(col) {
      values <- rows[[col]]
      paste0("[", paste(vapply(0:10, function(v) sum(values == v), numeric(1)), collapse = ","), "]")
    }, character(1))
    value <- rwg$rwg.j[rwg$grpid == as.character(g)]
    sprintf("{\"group\":%d,\"items\":[%s],\"rwg_j\":%s}", g, paste(counts, collapse = ","), num(value))
  }, character(1))
  sprintf(
    "\"%s\":{\"items\":[%s],\"icc1\":%s,\"mean_rwg_j\":%s,\"teams\":[%s]}",
    name,
    paste0("\"", columns, "\"", collapse = ","),
    num(icc1),
    num(mean(rwg$rwg.j, na.rm = TRUE)),
    paste(team_json, collapse = ",")
  )
}

scales <- c(
  scale_json("leadership", sprintf("LEAD%02d", 1:11)),
  scale_json("task_significance", sprintf("TSIG%02d", 1:3)),
  scale_json("hostility", sprintf("HOSTIL%02d", 1:5))
)
cat(sprintf(
  "{\"package\":\"multilevel %s\",\"data\":\"lq2002\",\"scales\":{%s}}\n",
  as.character(packageVersion("multilevel")),
  paste(scales, collapse = ",")
))
