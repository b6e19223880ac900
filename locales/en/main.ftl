### Miroir interface messages (English).

## Navigation and layout
nav-skip = Skip to content
nav-label = Main navigation
nav-home = Organisations
nav-admin = Administration
nav-logout = Sign out
nav-login = Sign in
footer-tagline = Miroir — the symmetry of attention between your customers and your employees.
language-en = English
language-fr = French
save = Save
cancel = Cancel
edit = Edit
actions = Actions
back-to-org = Back to the organisation

## Notices after an action
notice-setup-done = The administrator account is ready. Sign in to continue.
notice-password-changed = Your password has been changed. Please sign in again.
notice-org-created = The organisation has been created.
notice-org-deleted = The organisation and all its data have been deleted.
notice-saved = Your changes have been saved.
notice-team-created = The team has been created.
notice-team-deleted = The team has been deleted.
notice-member-removed = The person has been removed from the organisation.

## Sign-in, setup, account
login-title = Sign in
login-submit = Sign in
login-forgot = Forgot your password?
forgot-title = Forgot your password?
forgot-by-mail = Type the e-mail address of your account: if it has one, a single-use link to choose a new password will be sent to it.
forgot-submit = Send the link
forgot-ask-admin = This server does not send e-mail: ask your administrator for a link to choose a new password.
notice-reset-sent = If an account uses this address, a link to choose a new password has been sent to it. Check your e-mail.
email-reset-subject = Choose a new password
email-reset-body = Hello,

    Someone (you, we hope) asked to choose a new password for your account. Use this single-use link, valid { $hours } hours:
    { $link }

    If you did not ask for it, ignore this e-mail: your password stays as it is.
setup-title = Create the first administrator
setup-intro = No platform administrator exists yet. Create the one who will then create organisations and invite people.
setup-submit = Create the administrator
field-setup-token = Set-up token
setup-token-help = Printed in the server’s log when it started (or by `miroir admin setup-token`). The link printed there fills it in.
password-help = At least 10 characters.
account-title = My account
account-organisations = My organisations
account-password = Change my password
account-password-submit = Change the password
reset-title = Choose a new password
reset-submit = Set the password
home-title = Organisations
home-empty = You do not have access to any organisation yet.
home-team-results = Your teams’ latest results

## Fields
field-email = E-mail address
field-password = Password
field-current-password = Current password
field-new-password = New password
field-display-name = Name
field-org-name = Organisation name
field-sector = Sector
field-default-language = Default language
field-threshold = Anonymity threshold
field-choose = — choose —
field-team-code = Code
field-team-name = Team name
field-parent = Parent team
field-no-parent = (none: top level)
field-headcount = Headcount
field-role = Role
field-teams = Managed teams
field-teams-placeholder = team codes
field-csv-file = CSV file
threshold-help = No result is shown for a group with fewer anonymous answers than this (3 or more; 5 recommended).

## Organisations
org-title = Organisation
org-new-title = New organisation
org-edit-title = Edit the organisation
org-delete-title = Delete the organisation
org-delete-warning = Deleting “{ $name }” removes its teams, people's access, campaigns and every answer for good.
org-delete-confirm = Type the organisation's name, “{ $name }”, to confirm
org-delete-submit = Delete for good
sector-banking = Banking
sector-insurance = Insurance
sector-retail = Retail
sector-specialised_retail = Specialised retail
sector-ecommerce = E-commerce & platforms
sector-telecoms = Telecoms
sector-automotive = Automotive
sector-tourism_hospitality = Tourism & hospitality
sector-restaurants = Restaurants
sector-energy_utilities = Energy & utilities
sector-public_services = Public services
sector-real_estate = Real estate
sector-transport = Transport
sector-health = Health
sector-education = Education
sector-other = Other

## Teams
teams-heading = Teams
teams-caption = Teams, sub-teams indented under their parent
teams-empty = No team yet. Create one or import a CSV file.
team-title = Team
team-new-title = New team
team-edit-title = Edit the team
team-children = Sub-teams
team-delete = Delete this team
team-code-help = Letters, digits, - and _ (up to 32). Used in survey links and imports.
team-import-title = Import teams (CSV)
team-import-help = One line per team with the columns code, name, parent_code and headcount. Existing codes are updated, new ones created. If any line is wrong, nothing is stored.
team-import-submit = Import
team-import-done = Import done: { $created } teams created, { $updated } updated.
import-errors-caption = Lines refused
import-row = Line
import-column = Column
import-message = Problem

## People
members-title = People
members-caption = People with access to this organisation
members-add = Add a person
members-remove = Remove
members-new-account = An account was created. Send this single-use link so the person chooses a password (valid 72 hours):
members-teams-help = For managers: the codes of the teams they manage, separated by spaces or commas.
role-director = Director
role-manager = Manager
role-viewer = Viewer
role-consultant = Consultant

## Administration
admin-users-title = Accounts
admin-users-caption = Every account of this installation
admin-kind = Kind
admin-kind-admin = Platform administrator
admin-reset = Password link
admin-make-consultant = Make consultant
admin-unmake-consultant = Remove consultant role
admin-new-account = New account
admin-consultant-box = This person is a consultant (may create client organisations)
admin-create = Create the account
admin-reset-link = Single-use password link for { $email } (valid 72 hours):

## Errors
error-title = Something went wrong
error-request-id = Reference of this error:
error-back-home = Back to the home page
error-not-found = This page does not exist, or you do not have access to it.
error-unauthorized = Please sign in.
error-forbidden = Your role does not allow this action.
error-csrf = This form has expired or did not come from Miroir. Go back, reload the page and try again.
error-rows = Some lines are wrong: nothing has been stored. Correct them and send the file again.
error-rate-limited = Too many attempts. Wait a minute and try again.
error-too-large = What you sent is too large.
error-unsupported-media-type = This kind of content is not accepted here: send JSON (application/json) or CSV (text/csv) as the call expects.
error-unavailable = The service is busy right now. Please try again in a few seconds.
error-request-invalid = The request could not be read.
error-internal = An unexpected error occurred. It has been logged; please try again later.
error-form-invalid = The form could not be read. Please try again.
error-json-invalid = The request body is not valid JSON for this call.
error-login-failed = Wrong e-mail address or password.
error-email-invalid = Enter a valid e-mail address, such as name@example.org.
error-email-taken = An account already uses this e-mail address.
error-name-empty = This name is required.
error-name-too-long = This name is too long (200 characters at most).
error-team-code-empty = The team code is required.
error-team-code-invalid = A team code uses letters, digits, - and _ only (32 at most).
error-team-code-taken = Another team already uses this code.
error-team-code-duplicate = This code appears on an earlier line of the file.
error-team-cycle = A team cannot be placed under itself or one of its own sub-teams.
error-team-too-deep = The team tree would be too deep here: it allows a limited number of levels below the organisation (12 unless the administrator set MIROIR_MAX_TEAM_DEPTH).
error-team-not-empty = This team still has sub-teams: move or delete them first.
error-team-unknown = No team has this code in the organisation.
error-parent-unknown = No team has this parent code.
error-headcount-invalid = The headcount must be a whole number, 0 or more.
error-threshold-invalid = The anonymity threshold must be a whole number, 3 or more.
error-sector-invalid = Choose a sector from the list.
error-language-invalid = Choose a language from the list.
error-password-too-short = The password must have at least 10 characters.
error-password-too-long = The password is too long.
error-password-wrong = The current password is not correct.
error-confirmation-mismatch = The name typed does not match the organisation's name.
error-setup-closed = An administrator already exists.
error-setup-token = This set-up token is not valid. Use the one printed in the server’s log at start, or print a new one with `miroir admin setup-token`.
error-reset-invalid = This link is unknown, already used or expired. Ask your administrator for a new one.
error-role-invalid = Choose a role from the list.
error-manager-needs-team = A manager must manage at least one team: enter its code.
error-already-member = This person already belongs to the organisation.
error-csv-malformed = This line cannot be read as CSV (wrong number of columns or bad quoting).
error-csv-missing-column = This column is missing from the header line.
error-csv-duplicate-column = This column appears more than once in the header line.
error-control-character = This text contains a control character (such as a NUL byte or an escape code) that cannot be stored. Remove it and try again.

## Campaigns
campaigns-title = Campaigns
campaigns-caption = Survey waves of this organisation
campaigns-empty = No campaign yet.
campaign-title = Campaign
campaign-new-title = New campaign
campaign-edit-title = Edit the campaign
campaign-dates = From { $opens } to { $closes }
campaign-open = Open the campaign
campaign-close = Close the campaign
campaign-archive = Archive
campaign-confirm-close-title = Close the campaign?
campaign-confirm-close-what = Closing “{ $name }” ends the collection: its links and invitations take no more answers and no more imports, the answers collected are frozen, and the figures are published to the organisation (dashboards, team results, exports).
campaign-confirm-archive-title = Archive the campaign?
campaign-confirm-archive-what = Archiving “{ $name }” files it away: its published figures stay readable, and nothing in it can change any more.
campaign-confirm-final = This step cannot be undone.
campaign-executive-link = Give the executives' estimates
campaign-self-link = Self-assessment
field-campaign-name = Campaign name
field-opens-on = Opens on
field-closes-on = Closes on
field-status = Status
field-languages = Languages offered to respondents
field-populations = Who answers
status-draft = Draft
status-open = Open
status-closed = Closed
status-archived = Archived
notice-campaign-created = The campaign has been created. Open it when the questionnaire is ready: it is frozen from then on.
rates-heading = Response rates
rates-caption = Answers received per team
rates-executives = Executives' estimates received: { $count }
rates-employee-rate = Employees / headcount
rates-links = Links
rates-invited = invited
rates-customer-link = Customer link
invite-heading = Employee invitations
invite-help = Each employee gets a single-use link. Download them as CSV for a mail merge: the links are shown once and cannot be recovered.
invite-count = Number of links
invite-count-help = Leave empty to make one per person of the team's headcount.
invite-submit = Download the links (CSV)
import-heading = Import responses collected elsewhere
import-help = A CSV file with the columns team, population, channel (optional), date (optional) and item codes. If any line is wrong, nothing is stored.
import-submit = Import the responses
import-done = { $count } responses imported.
qr-sheet-title = QR codes to print
qr-sheet-help = Print this page (A4): one QR code per team, to place at the counter or on receipts.
qr-alt = QR code of the customer survey for { $team }
qr-invite = Tell us about your visit: scan this code.

## Surveys
survey-title = Survey
survey-intro-customer = Thank you for giving us a few minutes. Your answers are anonymous and help this team serve you better.
survey-intro-employee = This questionnaire is anonymous: nobody, not even your manager, can link your answers to you. Results are shown only for groups of several people.
survey-intro-manager = Your self-assessment: how do you think your team and your customers will answer? Comparing your estimates with their answers shows your blind spots. Your answers are signed and visible to you and your directors.
survey-intro-executive = The executives' estimates: how do you think the organisation's employees and customers will answer? They are compared with the real answers.
survey-length = { $count } questions.
survey-errors = { $count ->
    [one] One answer needs your attention: see the message beside the question.
   *[other] { $count } answers need your attention: see the messages beside the questions.
}
survey-comment = Anything you want to add? (optional)
survey-comment-help = Please do not write your name or anyone else's.
survey-contact-legend = Would you like to be contacted? (optional)
survey-contact-ok = Yes, I would like to be contacted about my experience
survey-contact = Your e-mail address or phone number
survey-contact-message = What should we call you back about?
survey-contact-help = Your contact details are kept apart from your answers and only used to get back to you.
survey-submit = Send my answers
survey-thanks-title = Thank you!
survey-thanks = Your answers have been recorded. You can close this page.
survey-unknown-link-title = Link not recognised
survey-unknown-link = This survey link is not valid. Check that it was copied in full, or ask the person who sent it.
survey-invitation-used-title = Already answered
survey-invitation-used = This personal link has already been used: each invitation allows one answer. Thank you for taking part.
survey-closed-title = Survey closed
survey-closed = This survey is not open for answers at the moment. Thank you for your interest.

## Errors of campaigns and surveys
error-date-invalid = Enter a date as YYYY-MM-DD.
error-dates-order = The closing date must not come before the opening date.
error-population-invalid = Choose populations from the list.
error-populations-mirror = Customers and employees must both answer: the method compares them.
error-campaign-frozen = The campaign is open: its questionnaire and settings are frozen.
error-campaign-transition = The campaign cannot change to that status from its current one.
error-campaign-not-collecting = This campaign is no longer collecting answers.
error-invitation-count = Enter a number of links from 1 to 5000 (or set the team's headcount).
error-answer-missing = Please choose an answer (or “Don't know” when offered).
error-answer-invalid = This answer is not one of the choices.
error-invitation-unknown = This invitation is not valid.
error-invitation-used = This invitation has already been used.
error-campaign-closed = This campaign is not open for answers.
error-population-not-in-campaign = This campaign does not ask this group of people.
error-contact-missing = Give an e-mail address or a phone number, or untick the box.
error-import-unknown-column = Unknown column: neither team, population, channel, date nor an item code.
error-import-population = The population must be customer, employee, manager or executive.
error-import-executive-team = Executive answers are organisation-level: leave the team empty.
error-import-team-missing = The team code is required for this population.
error-import-channel-population = Only customer answers have a channel.
error-import-channel = The channel must be in_person, phone, web, app, email or other.
error-import-item-population = This item is not asked to this population.
error-import-out-of-scale = The value must be a whole number within the item's scale.
error-import-campaign-status = Responses can be imported only while the campaign is open: a closed wave is frozen.

## Results
team-results-title = Team results
results-bases = Answers:
suppressed-customer = Fewer than { $k } customers answered: their figures are not shown, to protect anonymity.
suppressed-employee = Fewer than { $k } employees answered: their figures are not shown, to protect anonymity.
suppressed-short = fewer answers than the anonymity threshold
suppressed-cell = hidden
results-scores-heading = Scores and gaps by dimension
results-scores-caption = % favourable (answers 4 or 5) with base n and 95 % interval; gaps in points
results-dimension = Dimension
results-legend = ● marks a gap that is significant after correction for multiple tests (Benjamini–Hochberg, q < 0.05). A manager's estimates are their own answers, shown against the team's score and never tested.
results-plan-heading = Recommended points of the action plan
results-because = Recommended because of:
results-no-recommendation = No gap calls for a point of the plan here.
results-comments-heading = Comments
results-comments-help = Shown only for groups of at least { $k } respondents, in random order, without dates.
results-contacts-heading = Customers who asked to be contacted
results-contacts-caption = Close the loop: call back and mark as done
results-contact-done = Done?
results-contact-is-done = Done
results-contact-undo = Undo
results-contact-mark = Mark as done
gap-significant = significant
field-owner = Owner
field-due-on = Due date
field-note = Note
action-adopt = Adopt this point
action-point = Point of the plan
action-where = For
action-effect = Effect in the next wave
action-effect-in = Change in { $wave } (points):
action-effect-later = Measured at the next wave.
action-history = History
action-whole-organisation = Whole organisation
actions-title = Action plan
actions-caption = Adopted points, their owner, status and effect
actions-intro = Points of the ten-point plan adopted for teams or for the whole organisation, followed from wave to wave.
actions-none = No point adopted yet.
actions-adopt-org = Adopt a point for the whole organisation
notice-action-adopted = The point has been adopted: follow it in the action plan.
error-action-unknown = Choose a point of the plan.
error-action-status = Choose a status from the list.
login-setup-open = No platform administrator exists yet. With the set-up token printed when the server started, create one here:
gap-low_customer = low customer score (points under 60)
gap-low_employee = low employee score (points under 60)
gap-low_index = low indicator (points under 60)
gap-channel_spread = spread between channels (points)
dimension-ies = Internal effort (IES)
dimension-ces = Customer effort (CES)
dimension-fcr = First-contact resolution (FCR)

## Dashboard
dashboard-title = Dashboard
dashboard-waves = Survey waves
dashboard-headline = Headline
dashboard-linkage = Do employees' and customers' experiences move together?
dashboard-dimensions = Scores by dimension, organisation
index-csi = Customer satisfaction index (CSI)
index-eei = Employee engagement index (EEI)
index-nps = Net Promoter Score (NPS)
index-enps = Employee NPS (eNPS)
index-csat = Satisfaction (CSAT, % 4–5)
index-ces = Customer ease (CES, % easy)
index-fcr = First-contact resolution (FCR, %)
index-ies = Internal ease (IES, % easy)
index-cos = Customer orientation of employees (COS)
cos-strong = strong
cos-medium = medium
cos-weak = weak
linkage-summary = Over { $teams } teams with enough answers on both sides, team engagement (EEI) and customer satisfaction (CSI) correlate:
linkage-enps-nps = eNPS and NPS:
linkage-too-few = Only { $teams } teams have enough answers from both employees and customers: at least 5 are needed to compute a correlation.
heatmap-heading = Symmetry heat-map
heatmap-gap = Gap shown
heatmap-sort = Order
heatmap-sort-tree = by region
heatmap-sort-gap = largest gaps first
heatmap-show = Show
heatmap-caption = Teams × dimensions, in points
maturity-heading = Maturity of the relationship
channels-heading = Consistency across channels
channels-caption = Customers' % favourable by channel, and the spread between channels
channels-spread = Spread
trend-heading = Change since { $previous }
trend-caption = % favourable before → after (change in points; ● significant after correction for multiple tests, Benjamini–Hochberg, q < 0.05)
audit-title = Audit report
scroll-region = Scrollable table

## Audit report
audit-kind = Symmetry of attention audit
audit-print-help = To save as PDF, print this page (A4): each section starts on a new page.
audit-export-scores = scores
audit-export-gaps = gaps
audit-export-indices = indices
audit-export-comma = CSV, comma and decimal point:
audit-export-semicolon = CSV, semicolon and decimal comma (French spreadsheets):
audit-export-data = CSV at full precision (data):
audit-field-period = Survey period
audit-field-answers = Answers
audit-field-teams = Teams
audit-field-generated = Report generated on
audit-summary = Executive summary
audit-maturity-customer = Seen by customers, the relationship is a
audit-maturity-employee = Seen by employees:
audit-priorities = The points of the action plan that the organisation-wide gaps call for:
audit-findings = Findings
audit-plan = The ten-point action plan
audit-plan-caption = Each point: recommended for the organisation, for how many teams, and adopted
audit-recommended-org = For the organisation
audit-recommended-teams = Teams where recommended
audit-adopted = Adopted
audit-method = Method
audit-method-scores = Scores are the percentage of favourable answers (4 or 5 on the five-point agreement scale), with "don't know" left out of every base; the 95 % interval is Wilson's. CSI and EEI are the means of the eleven dimension scores of customers and employees. NPS and eNPS are the share of 9–10 minus the share of 0–6.
audit-method-gaps = Gaps are differences in points of % favourable. The symmetry and perception gaps are tested with a pooled two-proportion z-test; a report makes hundreds of such tests, so each p is adjusted over every tested gap of the report (Benjamini–Hochberg) and a gap is significant after correction for multiple tests when q < 0.05; a manager's estimates come from one person and are shown, never tested.
audit-method-linkage = The link between employees and customers is measured over teams with enough answers on both sides: Pearson's r with a Fisher interval and Spearman's ρ, both with a t-test.
audit-method-anonymity = No figure is shown for customers or employees of a group with fewer than { $k } answers; a second group is hidden when needed so that no hidden figure can be recovered by subtraction.
audit-method-maturity = Maturity reads the three pillars as a building: execution (ground floor), link (first floor), emotion (roof): excellence when all three reach 75, a house when execution and link reach 65 and are balanced, a pyramid when execution leads link by 10 points or more, a narrow building otherwise.
yes = yes

## Portfolio
portfolio-title = Client portfolio
portfolio-caption = Each client's latest survey wave
portfolio-wave = Latest wave
portfolio-maturity = Maturity (customers / employees)
portfolio-benchmark = Sector benchmark
portfolio-benchmark-help = Anonymised averages over all organisations of a sector, shown only when at least { $min } have results.
portfolio-sector-figures = average of { $count } other organisations:
portfolio-sector-too-few = only { $count } other organisations with published results (at least { $min } needed): no benchmark yet.
nav-portfolio = Portfolio
invite-emails = Or send them by e-mail (optional)
invite-emails-help = One address per line: each person gets their own link by e-mail. Each address is kept encrypted, only to remind those who have not answered, and erased when the wave closes; answers are not linked to addresses.
notice-invitations-sent = The invitations have been sent by e-mail.
error-mail-not-configured = Sending e-mail is not configured on this server (MIROIR_SMTP_URL): download the links instead.
email-invitation-subject = { $campaign }: your opinion, anonymously
email-invitation-body = Hello,

    Your company is asking its employees and its customers the same questions, to see where attention inside and attention to customers diverge.

    Your personal link for the team { $team } (one answer, anonymous, about 5 minutes):
    { $link }

    Nobody can link your answers to you: results are shown only for groups of several people.
survey-part = Part { $number } of { $of }
error-not-published = Results are published when the wave closes: while it is open, only participation is shown.
fewer-than-k = fewer than { $k }
fewer-than-k-title = Fewer than { $k } answers, or hidden so that a count below { $k } cannot be found by subtraction.

# The one-sentence reason of a recommended point ($direction: above when the
# gap is positive, below when negative; $points: its size, unsigned).
reason-symmetry = { $direction ->
    [above] Employees rate “{ $dimension }” { $points } points higher than customers do
   *[below] Customers rate “{ $dimension }” { $points } points higher than employees do
}
reason-customer_perception = { $direction ->
    [above] Customers rate “{ $dimension }” { $points } points below what your employees believe
   *[below] Customers rate “{ $dimension }” { $points } points above what your employees believe
}
reason-managerial_blind_spot = { $direction ->
    [above] Employees rate “{ $dimension }” { $points } points below what their manager believes
   *[below] Employees rate “{ $dimension }” { $points } points above what their manager believes
}
reason-manager_customer_blind_spot = { $direction ->
    [above] Customers rate “{ $dimension }” { $points } points below what their manager believes
   *[below] Customers rate “{ $dimension }” { $points } points above what their manager believes
}
reason-leadership_employee = { $direction ->
    [above] Employees rate “{ $dimension }” { $points } points below what the executives believe
   *[below] Employees rate “{ $dimension }” { $points } points above what the executives believe
}
reason-leadership_customer = { $direction ->
    [above] Customers rate “{ $dimension }” { $points } points below what the executives believe
   *[below] Customers rate “{ $dimension }” { $points } points above what the executives believe
}
reason-low_customer = Only { $score } % of customers are favourable on “{ $dimension }”, { $points } points below 60 %
reason-low_employee = Only { $score } % of employees are favourable on “{ $dimension }”, { $points } points below 60 %
reason-low_index = “{ $dimension }” stands at { $score } %, { $points } points below 60 %
reason-channel_spread = Customers rate “{ $dimension }” { $points } points apart from one channel to another
recommendation-rank = Priority { $rank }

breadcrumbs = Breadcrumbs
campaign-results-heading = Results
org-latest-results = Latest results: { $campaign }

## Exports (XLSX): sheet names, column headers, summary items, notes
export-sheet-summary = Summary
export-sheet-scores = Scores
export-sheet-gaps = Gaps
export-sheet-teams = Teams
export-sheet-heat-map = Heat-map
export-sheet-linkage = Linkage
export-sheet-channels = Channels
export-sheet-recommendations = Recommendations
export-note-suppressed = Fewer answers than the anonymity threshold: the figure is not shown.
export-note-heat-map = Gap between employees and customers (employees − customers, points): orange where employees are below customers, purple where they are above; full colour from 25 points. Empty cells: fewer answers than the anonymity threshold.
export-note-linkage-unavailable = Too few teams have enough answers from both employees and customers to compute a correlation.
export-column-item = Item
export-column-item-code = Item (code)
export-column-value = Value
export-column-ci-low = 95% interval, low
export-column-ci-high = 95% interval, high
export-column-n = Answers
export-column-p = p
export-column-q = q (Benjamini–Hochberg)
export-item-campaign = Campaign
export-item-campaign-id = Campaign identifier
export-item-status = Status
export-item-anonymity-threshold = Anonymity threshold (minimum answers)
export-item-respondents = Respondents
export-item-maturity = Maturity
export-item-eligible-teams = Teams with enough answers on both sides
export-index-csi = Customer satisfaction index (CSI)
export-index-eei = Employee engagement index (EEI)
export-index-nps = Net Promoter Score (NPS)
export-index-enps = Employee NPS (eNPS)
export-index-csat = Satisfaction (CSAT, % 4–5)
export-index-ces = Customer ease (CES, % easy)
export-index-fcr = First-contact resolution (FCR, %)
export-index-ies = Internal ease (IES, % easy)
export-index-cos-strong = Customer orientation of employees: strong (%)
export-index-cos-medium = Customer orientation of employees: medium (%)
export-index-cos-weak = Customer orientation of employees: weak (%)
export-linkage-eei-csi = Engagement (EEI) and customer satisfaction (CSI)
export-linkage-enps-nps = eNPS and NPS
export-pearson = Pearson correlation
export-spearman = Spearman correlation
export-group-organisation = Organisation
export-group-team = Team
export-column-group-kind = Level
export-column-group-kind-code = Level (code)
export-column-team-code = Team code
export-column-team-name = Team
export-column-parent-code = Parent team code
export-column-dimension = Dimension
export-column-dimension-code = Dimension (code)
export-column-perspective = Perspective
export-column-perspective-code = Perspective (code)
export-column-favourable = Favourable (%)
export-column-mean = Mean (1–5)
export-column-suppressed = Hidden (too few answers)
export-column-gap = Gap
export-column-gap-code = Gap (code)
export-column-perspective-a = First perspective
export-column-perspective-a-code = First perspective (code)
export-column-n-a = Answers, first
export-column-perspective-b = Second perspective
export-column-perspective-b-code = Second perspective (code)
export-column-n-b = Answers, second
export-column-points = Gap (points)
export-column-significant = Significant
export-column-n-customer = Customer answers
export-column-n-employee = Employee answers
export-column-n-manager = Manager answers
export-column-n-executive = Executive answers
export-column-suppressed-customer = Customers hidden
export-column-suppressed-employee = Employees hidden
export-column-csi = CSI
export-column-eei = EEI
export-column-nps = NPS
export-column-nps-ci-low = NPS, interval low
export-column-nps-ci-high = NPS, interval high
export-column-nps-n = NPS, answers
export-column-enps = eNPS
export-column-enps-ci-low = eNPS, interval low
export-column-enps-ci-high = eNPS, interval high
export-column-enps-n = eNPS, answers
export-column-csat = CSAT (%)
export-column-csat-n = CSAT, answers
export-column-ces = CES (%)
export-column-ces-n = CES, answers
export-column-fcr = FCR (%)
export-column-fcr-n = FCR, answers
export-column-ies = IES (%)
export-column-ies-n = IES, answers
export-column-cos-strong = COS strong (%)
export-column-cos-medium = COS medium (%)
export-column-cos-weak = COS weak (%)
export-column-customer-execution = Customers: execution
export-column-customer-link = Customers: link
export-column-customer-emotion = Customers: emotion
export-column-employee-execution = Employees: execution
export-column-employee-link = Employees: link
export-column-employee-emotion = Employees: emotion
export-column-customer-maturity = Customers: maturity
export-column-customer-maturity-code = Customers: maturity (code)
export-column-employee-maturity = Employees: maturity
export-column-employee-maturity-code = Employees: maturity (code)
export-column-pair = Pair
export-column-pair-code = Pair (code)
export-column-pearson-r = Pearson r
export-column-pearson-ci-low = Pearson r, interval low
export-column-pearson-ci-high = Pearson r, interval high
export-column-pearson-p = Pearson p
export-column-spearman-rho = Spearman rho
export-column-spearman-p = Spearman p
export-column-rank = Rank
export-column-driver = Driver
export-column-driver-code = Driver (code)
export-column-r = r
export-column-quadrant = Quadrant
export-column-quadrant-code = Quadrant (code)
export-column-channel = Channel
export-column-channel-code = Channel (code)
export-column-channel-n = Answers through the channel
export-column-spread = Spread between channels (points)
export-column-action = Recommended point
export-column-action-code = Recommended point (code)
export-column-reason = Why
export-column-because-dimension = Because of
export-column-because-dimension-code = Because of (code)
export-column-because-gap = Gap behind it
export-column-because-gap-code = Gap behind it (code)

## Dates (render::date)
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
datetime-long = { $date }, { $time }
lang-switch-label = Language

## One's own data (GDPR)
account-data = Your data
account-data-help = Download everything Miroir holds about you: your account, your organisations and roles, the teams you manage, your signed self-assessments and the action-plan entries written under your name. Anonymous survey answers are not in it: nothing links them to anyone.
account-data-download = Download my data (JSON)
account-delete = Delete my account
account-delete-what = Deleting your account removes your name, your e-mail address, your roles and your team assignments at once; you are signed out everywhere. Your self-assessments stay in the results they were counted in, no longer linked to you, and your name is removed from action histories. This cannot be undone.
account-delete-password = Your password, to confirm
account-delete-submit = Delete my account for good
notice-account-deleted = Your account has been deleted.
error-last-platform-admin = You are the only platform administrator: name another one before deleting your account.
author-deleted = deleted account
dashboard-exports = Exports (CSV, XLSX)
heatmap-folded = { $teams } teams: the { $regions } regions come first; open a region to see its teams.
heatmap-unfold = show its { $teams } teams
heatmap-fold = hide its { $teams } teams
heatmap-legend = Colour legend of the heat-map
heatmap-band-minus = −{ $points } points or less
heatmap-band-between = { $low } to { $high } points
heatmap-band-plus = +{ $points } points or more
heatmap-hidden = hatched: fewer than { $k } answers, not shown (anonymity)

## Waves that run themselves
field-schedule = Opening and closing
field-scheduled = Open and close by itself on these dates
field-scheduled-help = The wave opens on its opening date and closes at the end of its closing date, in the time zone below, without anyone pressing "Open" or "Close".
field-time-zone = Time zone (e.g. Europe/Paris)
error-time-zone = Unknown time zone: write it as Continent/City, e.g. Europe/Paris.
campaign-scheduled = Opens and closes by itself on these dates ({ $zone }).
campaign-history = History
campaign-history-open = opened
campaign-history-close = closed
campaign-history-archive = archived
campaign-history-by-scheduler = on its date, by itself
campaign-history-by = by { $name }
campaign-history-by-deleted = by a deleted account
