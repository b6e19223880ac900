### The audit report as the consultant's deliverable (English): the
### consultant's findings and recommendations, the quoted comments, the
### trend, the channels and the follow-up of the action plan.

## The consultant's findings and recommendations

audit-consultant-heading = Findings and recommendations of the consultant
audit-consultant-findings = Findings
audit-consultant-recommendations = Recommendations
audit-consultant-signed = Written by { $author }, last saved on { $at }.
audit-consultant-saved = Last saved on { $at }.
audit-notes-hint = Nothing is written yet, so the printed report leaves this section out. Write what you found and what you recommend: it is printed right after the executive summary.
audit-notes-edit = Write the findings and recommendations
audit-notes-format = Plain paragraphs: a blank line starts a new one. **Bold**, *italics*, lists (lines starting with "- " or "1. ") and headings (# …) are kept; HTML and links are printed as text. At most 20,000 characters per text.
audit-notes-save = Save the findings and recommendations
audit-error-too-long = This text is longer than 20,000 characters. Nothing you typed is lost: shorten it, then save again.

## Quoted comments

audit-quotes-title = Comments quoted in the audit report
audit-quotes-heading = In their own words: selected comments
audit-quotes-intro = Comments chosen by the consultant among those of teams whose answers are published in this wave (at least { $k } answers from that team's customers or employees).
audit-quotes-none = No comment is quoted yet: the printed report leaves this section out.
audit-quotes-choose = Choose the comments to quote
audit-quotes-help = Only the comments of a team whose customers (or employees) are published in this wave — at least { $k } of them answered, and the report shows them — are listed; the others can never be quoted. Choose at most { $max }.
audit-quotes-count = { $count } of { $max } chosen when the page was opened.
audit-quotes-empty = No comment can be quoted in this wave: no team has a published population with comments.
audit-quotes-save = Save the choice
audit-quotes-back = Back to the audit report
audit-quote-source = { $team } — { $population }
audit-error-too-many-quotes = Choose at most 30 comments.
audit-error-quote-refused = One of the chosen comments cannot be quoted: its team's answers are not published in this wave. Nothing was saved.

## Trend against the previous wave

audit-trend-heading = Change since the previous wave
audit-trend-first = This is the organisation's first published wave: there is no earlier wave to compare with yet.
audit-trend-against = Compared with { $previous }.
audit-trend-indices-caption = Indices: previous wave → this wave, change in points
audit-trend-dimensions-caption = Dimensions, % favourable: previous wave → this wave (change in points)
audit-trend-index = Index
audit-trend-before = Previous wave
audit-trend-after = This wave
audit-trend-change = Change
audit-trend-significant = Significant
audit-trend-untested = not tested
audit-trend-legend = ● significant after correction for multiple tests (Benjamini–Hochberg, q < 0.05). CSI, EEI, NPS and eNPS are not proportions: their change is shown in points, not tested. "—": hidden in one of the two waves (fewer answers than the threshold) or not asked.

## Channels

audit-channels-none = The customers' answers do not allow a comparison between channels in this wave (a single channel, or too few answers per channel).

## Follow-up of the action plan

audit-actions-heading = Follow-up of the action plan
audit-actions-caption = Points adopted in this wave and the previous one: who, by when, and where they stand
audit-actions-none = No point of the plan has been adopted in this wave or the previous one.
audit-actions-overdue = overdue
audit-actions-overdue-count = { $count ->
    [one] One action is overdue (due date passed, neither done nor dropped).
   *[other] { $count } actions are overdue (due date passed, neither done nor dropped).
}
audit-actions-wave = Adopted after
audit-actions-counts = Actions per status:

## Print

audit-print-help-grouped = To save as PDF, print this page (A4). Short sections share a page; nothing on the screen that is not part of the report (forms, buttons) is printed.
