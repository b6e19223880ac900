# Rappels et synthèses par e-mail (domain::notices), leurs réglages et les
# actions en retard du plan d’action.
notice-kind-results_ready = Les résultats sont prêts (à la clôture d’une vague)
notice-kind-digest = Synthèse hebdomadaire de mes actions à échéance proche ou en retard
notice-kind-participation = Alertes de faible participation pendant une vague
notice-footer = Vous recevez cet e-mail car « { $kind } » est activé dans votre compte. Pour ne plus recevoir ces e-mails, ouvrez : { $link }
notice-results-subject = { $campaign } : les résultats sont prêts
notice-results-body = Bonjour { $name },

    La vague « { $campaign } » de { $organisation } est close et ses résultats sont prêts. Les chiffres ne sont affichés que dans Miroir, aux personnes autorisées à les voir :

    { $links }
notice-results-dashboard = Le tableau de bord de l’organisation : { $link }
notice-results-team = Équipe { $team } : { $link }
notice-digest-subject = Vos actions à échéance proche ou en retard ({ $count })
notice-digest-body = Bonjour { $name },

    Ces actions du plan d’action vous sont confiées et arrivent à échéance dans la semaine ou sont en retard :

    { $items }

    { $links }
notice-digest-item = - { $point } ({ $where }, { $organisation }), échéance le { $due }
notice-digest-item-overdue = - { $point } ({ $where }, { $organisation }), échéance le { $due } : EN RETARD
notice-digest-link = Le plan d’action de { $organisation } : { $link }
notice-participation-subject = { $campaign } : la participation est faible
notice-participation-body = Bonjour { $name },

    La moitié de la vague « { $campaign } » est passée et moins de { $threshold } % des personnes invitées ont répondu dans ces équipes (la vague se clôt le { $closes }) :

    { $teams }

    Un mot à l’équipe aide souvent : les réponses sont anonymes et ne sont affichées que pour des groupes de plusieurs personnes. Suivre la participation ici : { $link }
notice-participation-team = - { $team } : { $answers } réponses pour { $invited } personnes invitées
notice-participation-team-hidden = - { $team } : trop peu de réponses pour être affichées (moins de { $k } ou masquées pour protéger un groupe plus petit)
error-notice-kind = Choisissez parmi les e-mails proposés.
error-notice-threshold = Saisissez un pourcentage entier de 1 à 99.
account-notifications = Les e-mails que je reçois
account-notifications-help = Chaque e-mail contient aussi un lien pour l’arrêter sans se connecter.
account-notifications-submit = Enregistrer mes choix d’e-mails
notice-notifications-saved = Vos choix d’e-mails sont enregistrés.
unsubscribe-title = Ne plus recevoir ces e-mails
unsubscribe-confirm = Ne plus envoyer « { $kind } » à { $email } ?
unsubscribe-submit = Ne plus recevoir ces e-mails
unsubscribe-done = C’est fait : « { $kind } » ne sera plus envoyé à { $email }. Vous pouvez le réactiver sur la page de votre compte.
unsubscribe-account = Mon compte
action-overdue = En retard
actions-overdue-count = Actions en retard : { $count }
