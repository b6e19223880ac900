## Reminders without linkage (issue 13) and participation by region.

email-reminder-subject = Reminder: { $campaign }, your opinion, anonymously
email-reminder-body = Hello,

    You were invited to answer the survey { $campaign }, and your link has not been used yet. It stays open until { $closes }.

    Your personal link (one answer, anonymous, about 5 minutes):
    { $link }

    You get this reminder because your link has not been used: nobody can tie an answer to you, and your address is erased when the wave closes.
notice-reminders-sent = The reminder has been sent to the people whose link has not been used yet.
error-reminders-exhausted = This wave has had its three reminders already: no more can be sent.
error-reminder-not-open = Reminders are sent only while the wave is open.
error-invitation-emails-or-count = Give either a number of links or a list of addresses, not both.
reminders-heading = Reminders
reminders-kept = When invitations are sent by e-mail, Miroir keeps each address, encrypted, beside its invitation, only to remind the people whose link has not been used yet. A reminder never says who answered what: answers are not linked to invitations. Every address is erased when the wave closes.
reminders-kept-count = Addresses kept for this wave (encrypted): { $count }
reminders-erased = This wave is closed: the addresses it kept for reminders have been erased.
reminders-sent = Reminders sent: { $sent } of { $max }.
reminders-scheduled = An automatic reminder goes on { $date }, three days before the closing date, if one of the three is left.
reminders-scheduled-done = The automatic reminder has been sent.
reminders-submit = Remind those who have not answered
reminders-none-left = The three reminders of this wave have been sent.
reminders-mail-off = Sending e-mail is not configured on this server: no reminder can be sent.
rates-response-rate = Answers / invited
rates-response-rate-help = Employee answers over invitations, shown for a team (with its sub-teams) that has at least { $k } invitations; counts only, never scores, while the wave is open.
rates-regions-heading = Participation by region
rates-regions-caption = Answers received per region, with its teams
rates-region = Region
rates-invitations = Invited
