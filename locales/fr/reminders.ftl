## Relances sans lien avec les réponses (ticket 13) et participation par région.

email-reminder-subject = Rappel : { $campaign }, votre avis, anonymement
email-reminder-body = Bonjour,

    Vous avez été invité à répondre à l’enquête { $campaign }, et votre lien n’a pas encore été utilisé. Il reste ouvert jusqu’au { $closes }.

    Votre lien personnel (une seule réponse, anonyme, environ 5 minutes) :
    { $link }

    Vous recevez ce rappel parce que votre lien n’a pas été utilisé : personne ne peut relier une réponse à vous, et votre adresse est effacée à la clôture de la vague.
notice-reminders-sent = Le rappel a été envoyé aux personnes dont le lien n’a pas encore été utilisé.
error-reminders-exhausted = Cette vague a déjà eu ses trois rappels : aucun autre ne peut être envoyé.
error-reminder-not-open = Les rappels ne sont envoyés que lorsque la vague est ouverte.
error-invitation-emails-or-count = Indiquez soit un nombre de liens, soit une liste d’adresses, pas les deux.
reminders-heading = Rappels
reminders-kept = Quand les invitations partent par e-mail, Miroir conserve chaque adresse, chiffrée, à côté de son invitation, uniquement pour relancer les personnes dont le lien n’a pas encore été utilisé. Un rappel ne dit jamais qui a répondu quoi : les réponses ne sont pas reliées aux invitations. Toutes les adresses sont effacées à la clôture de la vague.
reminders-kept-count = Adresses conservées pour cette vague (chiffrées) : { $count }
reminders-erased = Cette vague est close : les adresses conservées pour les rappels ont été effacées.
reminders-sent = Rappels envoyés : { $sent } sur { $max }.
reminders-scheduled = Un rappel automatique part le { $date }, trois jours avant la clôture, s’il en reste un des trois.
reminders-scheduled-done = Le rappel automatique a été envoyé.
reminders-submit = Relancer les personnes qui n’ont pas répondu
reminders-none-left = Les trois rappels de cette vague ont été envoyés.
reminders-mail-off = L’envoi d’e-mails n’est pas configuré sur ce serveur : aucun rappel ne peut être envoyé.
rates-response-rate = Réponses / invitations
rates-response-rate-help = Réponses des collaborateurs rapportées aux invitations, affichées pour une équipe (avec ses sous-équipes) qui compte au moins { $k } invitations ; des effectifs seulement, jamais de scores, tant que la vague est ouverte.
rates-regions-heading = Participation par région
rates-regions-caption = Réponses reçues par région, avec ses équipes
rates-region = Région
rates-invitations = Invitations
