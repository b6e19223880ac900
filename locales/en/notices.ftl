# Digests and nudges by e-mail (domain::notices), their settings and the
# overdue actions of the action plan.
notice-kind-results_ready = Results are ready (when a wave closes)
notice-kind-digest = Weekly digest of my actions due soon or overdue
notice-kind-participation = Low participation alerts while a wave is open
notice-footer = You receive this e-mail because “{ $kind }” is on in your account. To stop these e-mails, open: { $link }
notice-results-subject = { $campaign }: the results are ready
notice-results-body = Hello { $name },

    The wave “{ $campaign }” of { $organisation } has closed and its results are ready. The figures are shown only in Miroir, to the people allowed to see them:

    { $links }
notice-results-dashboard = The organisation’s dashboard: { $link }
notice-results-team = Team { $team }: { $link }
notice-digest-subject = Your actions due soon or overdue ({ $count })
notice-digest-body = Hello { $name },

    These actions of the action plan are yours and are due within a week or overdue:

    { $items }

    { $links }
notice-digest-item = - { $point } ({ $where }, { $organisation }), due on { $due }
notice-digest-item-overdue = - { $point } ({ $where }, { $organisation }), due on { $due }: OVERDUE
notice-digest-link = The action plan of { $organisation }: { $link }
notice-participation-subject = { $campaign }: participation is low
notice-participation-body = Hello { $name },

    Half of the wave “{ $campaign }” has passed and fewer than { $threshold }% of those invited have answered in these teams (the wave closes on { $closes }):

    { $teams }

    A word to the team often helps: answers are anonymous and shown only for groups of several people. Follow participation here: { $link }
notice-participation-team = - { $team }: { $answers } answers for { $invited } invited
notice-participation-team-hidden = - { $team }: too few answers to be shown yet (fewer than { $k } or hidden to protect a smaller group)
error-notice-kind = Choose among the e-mails offered.
error-notice-threshold = Enter a whole percentage from 1 to 99.
account-notifications = E-mails I receive
account-notifications-help = Each e-mail also has a link to stop it without signing in.
account-notifications-submit = Save my e-mail choices
notice-notifications-saved = Your e-mail choices are saved.
unsubscribe-title = Stop these e-mails
unsubscribe-confirm = Stop sending “{ $kind }” to { $email }?
unsubscribe-submit = Stop these e-mails
unsubscribe-done = Done: “{ $kind }” will no longer be sent to { $email }. You can turn it on again on your account page.
unsubscribe-account = My account
action-overdue = Overdue
actions-overdue-count = Overdue actions: { $count }
