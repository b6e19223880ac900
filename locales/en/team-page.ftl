### The team results page for a manager (issue #12, item 2): the summary,
### the dot chart and the "how to read" block (also on the dashboard).

## Summary

summary-heading = In short
summary-findings-heading = What stands out
# $min: the smallest blind spot named, in points.
summary-no-finding = Nothing stands out: no difference between customers and employees is larger than chance, and no estimate of the manager is { $min } points or more away from what people answered.
summary-changes-heading = Since the previous wave
summary-no-previous = This is the team’s first published wave: there is nothing to compare with yet.
summary-team-new = The team was not part of { $wave }: there is nothing to compare with.
summary-no-change = No score has changed by more than chance since { $wave }.
summary-more-changes = { $count ->
    [one] One other score changed by more than chance, by less.
   *[other] { $count } other scores changed by more than chance, by less.
}
summary-plan-heading = Recommended first steps
summary-plan-more = Each point, what it involves and how to adopt it are under “{ results-plan-heading }” below.
results-detailed-heading = Detailed figures
results-detailed-help = Every score with its number of answers and its interval, and every gap in points.

# A finding: $direction is above when the first side is higher (gap > 0),
# below otherwise; $points is unsigned; $who is you (the team's own manager
# reads the page) or manager.
finding-symmetry = { $direction ->
    [above] Your employees rate “{ $dimension }” { $points } points higher than your customers do: a difference too large to be chance.
   *[below] Your customers rate “{ $dimension }” { $points } points higher than your employees do: a difference too large to be chance.
}
finding-customer_perception = { $direction ->
    [above] Customers rate “{ $dimension }” { $points } points below what your employees think they do: a difference too large to be chance.
   *[below] Customers rate “{ $dimension }” { $points } points above what your employees think they do: a difference too large to be chance.
}
finding-managerial_blind_spot = { $who ->
    [you] { $direction ->
        [above] You estimate your employees’ “{ $dimension }” { $points } points above what they report.
       *[below] You estimate your employees’ “{ $dimension }” { $points } points below what they report.
    }
   *[manager] { $direction ->
        [above] The manager estimates the employees’ “{ $dimension }” { $points } points above what they report.
       *[below] The manager estimates the employees’ “{ $dimension }” { $points } points below what they report.
    }
}
finding-manager_customer_blind_spot = { $who ->
    [you] { $direction ->
        [above] You estimate your customers’ “{ $dimension }” { $points } points above what they report.
       *[below] You estimate your customers’ “{ $dimension }” { $points } points below what they report.
    }
   *[manager] { $direction ->
        [above] The manager estimates the customers’ “{ $dimension }” { $points } points above what they report.
       *[below] The manager estimates the customers’ “{ $dimension }” { $points } points below what they report.
    }
}

# A change since the previous wave $wave: $direction up or down, $points
# unsigned, $before and $after the two scores.
change-c = { $direction ->
    [up] Customers’ score for “{ $subject }” rose { $points } points since { $wave } (from { $before } to { $after }).
   *[down] Customers’ score for “{ $subject }” fell { $points } points since { $wave } (from { $before } to { $after }).
}
change-e = { $direction ->
    [up] Employees’ score for “{ $subject }” rose { $points } points since { $wave } (from { $before } to { $after }).
   *[down] Employees’ score for “{ $subject }” fell { $points } points since { $wave } (from { $before } to { $after }).
}
change-index = { $direction ->
    [up] “{ $subject }” rose { $points } points since { $wave } (from { $before } to { $after }).
   *[down] “{ $subject }” fell { $points } points since { $wave } (from { $before } to { $after }).
}

## The dot chart: one row per dimension, one marker per perspective

chart-dots-title = How each side sees each dimension
chart-dots-desc = One row per dimension, on a scale from 0 to 100 (% favourable): customers, employees, the employees’ estimate of customers, and the manager’s estimates of employees and of customers, each with its own shape and colour. A missing marker is a score that is not shown.
chart-dots-axis = % favourable, from 0 to 100
chart-dots-legend = Legend
# $who: the perspective's code; $k: the anonymity threshold.
chart-dots-hidden = { $who ->
    [c] Customers
    [e] Employees
   *[ec] Employees’ estimate of customers
}: fewer than { $k } people answered, so these markers are not shown, to protect anonymity.
chart-dots-none = { $who ->
    [c] Customers
    [e] Employees
    [ec] Employees’ estimate of customers
    [me] Manager’s estimate of employees
   *[mc] Manager’s estimate of customers
}: no answer, so no marker.
chart-dots-some-missing = Some other markers are missing: fewer than { $k } people answered those questions, or nobody did.

## How to read (partials/how_to_read.hbs, team page and dashboard)

how-to-read-title = How to read this page
how-to-read-score-term = Score (0 to 100)
how-to-read-score = The share of favourable answers (4 or 5 out of 5) on a theme. 70 means that 70 answers out of 100 were favourable.
how-to-read-perspectives-term = C, E, EC, ME, MC
how-to-read-perspectives = Whose view a score gives: C the customers’ own answers; E the employees’ own answers; EC what employees think customers answer; ME what the manager thinks employees answer; MC what the manager thinks customers answer.
how-to-read-gap-term = Gap
how-to-read-gap = The distance in points between two of these scores, for example employees minus customers. A positive gap means the first side is higher.
how-to-read-significant-term = Significant
how-to-read-significant = A difference too large to be chance. Because the page compares many figures at once, a few would look large by luck alone; a gap or a change is called significant only when, after correcting for that (the Benjamini–Hochberg method), the chance of seeing it by luck is under 5 in 100 (q below 0.05).
how-to-read-blind-spot-term = Blind spot
how-to-read-blind-spot = The distance between a manager’s estimate and what people actually answered. It is one or a few people’s judgement, so it is given in points and never tested for chance.
how-to-read-fewer-term = Fewer than { $k } answers
how-to-read-fewer = When fewer than { $k } people of a group answered, their scores and comments are not shown, so that nobody’s answers can be recognised. A few other figures may be hidden too, so that a hidden one cannot be worked out by subtraction.
how-to-read-interval-term = Interval
how-to-read-interval = The range in brackets after a score. Had everyone concerned answered, their score would lie in it 95 times out of 100. The fewer the answers, the wider it is.
