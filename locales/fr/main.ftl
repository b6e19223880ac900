### Messages de l’interface de Miroir (français).

## Navigation et mise en page
nav-skip = Aller au contenu
nav-label = Navigation principale
nav-home = Organisations
nav-admin = Administration
nav-logout = Se déconnecter
nav-login = Se connecter
footer-tagline = Miroir — la symétrie des attentions entre vos clients et vos collaborateurs.
language-en = Anglais
language-fr = Français
save = Enregistrer
cancel = Annuler
edit = Modifier
actions = Actions
back-to-org = Retour à l’organisation

## Messages après une action
notice-setup-done = Le compte administrateur est prêt. Connectez-vous pour continuer.
notice-password-changed = Votre mot de passe a été changé. Merci de vous reconnecter.
notice-org-created = L’organisation a été créée.
notice-org-deleted = L’organisation et toutes ses données ont été supprimées.
notice-saved = Vos modifications ont été enregistrées.
notice-team-created = L’équipe a été créée.
notice-team-deleted = L’équipe a été supprimée.
notice-member-removed = La personne a été retirée de l’organisation.

## Connexion, installation, compte
login-title = Connexion
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
forgot-title = Mot de passe oublié ?
forgot-by-mail = Saisissez l’adresse e-mail de votre compte : s’il en existe un, un lien à usage unique pour choisir un nouveau mot de passe lui sera envoyé.
forgot-submit = Envoyer le lien
forgot-ask-admin = Ce serveur n’envoie pas d’e-mails : demandez à votre administrateur un lien pour choisir un nouveau mot de passe.
notice-reset-sent = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe lui a été envoyé. Consultez vos e-mails.
email-reset-subject = Choisir un nouveau mot de passe
email-reset-body = Bonjour,

    Quelqu’un (vous, nous l’espérons) a demandé à choisir un nouveau mot de passe pour votre compte. Utilisez ce lien à usage unique, valable { $hours } heures :
    { $link }

    Si vous ne l’avez pas demandé, ignorez cet e-mail : votre mot de passe reste inchangé.
setup-title = Créer le premier administrateur
setup-intro = Aucun administrateur de la plateforme n’existe encore. Créez celui qui créera ensuite les organisations et invitera les personnes.
setup-submit = Créer l’administrateur
field-setup-token = Jeton d’installation
setup-token-help = Affiché dans le journal du serveur à son démarrage (ou par `miroir admin setup-token`). Le lien affiché au même endroit le remplit pour vous.
password-help = Au moins 10 caractères.
account-title = Mon compte
account-organisations = Mes organisations
account-password = Changer mon mot de passe
account-password-submit = Changer le mot de passe
reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le mot de passe
home-title = Organisations
home-empty = Vous n’avez encore accès à aucune organisation.
home-team-results = Les derniers résultats de vos équipes

## Champs
field-email = Adresse e-mail
field-password = Mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-display-name = Nom
field-org-name = Nom de l’organisation
field-sector = Secteur
field-default-language = Langue par défaut
field-threshold = Seuil d’anonymat
field-choose = — choisir —
field-team-code = Code
field-team-name = Nom de l’équipe
field-parent = Équipe parente
field-no-parent = (aucune : premier niveau)
field-headcount = Effectif
field-role = Rôle
field-teams = Équipes managées
field-teams-placeholder = codes d’équipe
field-csv-file = Fichier CSV
threshold-help = Aucun résultat n’est affiché pour un groupe ayant moins de réponses anonymes que ce seuil (3 au minimum ; 5 recommandé).

## Organisations
org-title = Organisation
org-new-title = Nouvelle organisation
org-edit-title = Modifier l’organisation
org-delete-title = Supprimer l’organisation
org-delete-warning = Supprimer « { $name } » efface définitivement ses équipes, les accès, les campagnes et toutes les réponses.
org-delete-confirm = Saisissez le nom de l’organisation, « { $name } », pour confirmer
org-delete-submit = Supprimer définitivement
sector-banking = Banque
sector-insurance = Assurance
sector-retail = Grande distribution
sector-specialised_retail = Distribution spécialisée
sector-ecommerce = E-commerce et plateformes
sector-telecoms = Télécoms
sector-automotive = Automobile
sector-tourism_hospitality = Tourisme et hôtellerie
sector-restaurants = Restauration
sector-energy_utilities = Énergie et services aux collectivités
sector-public_services = Services publics
sector-real_estate = Immobilier
sector-transport = Transport
sector-health = Santé
sector-education = Éducation
sector-other = Autre

## Équipes
teams-heading = Équipes
teams-caption = Équipes, les sous-équipes en retrait sous leur parente
teams-empty = Aucune équipe pour l’instant. Créez-en une ou importez un fichier CSV.
team-title = Équipe
team-new-title = Nouvelle équipe
team-edit-title = Modifier l’équipe
team-children = Sous-équipes
team-delete = Supprimer cette équipe
team-code-help = Lettres, chiffres, - et _ (32 au plus). Utilisé dans les liens d’enquête et les imports.
team-import-title = Importer des équipes (CSV)
team-import-help = Une ligne par équipe avec les colonnes code, name, parent_code et headcount. Les codes existants sont mis à jour, les nouveaux créés. Si une ligne est erronée, rien n’est enregistré.
team-import-submit = Importer
team-import-done = Import terminé : { $created } équipes créées, { $updated } mises à jour.
import-errors-caption = Lignes refusées
import-row = Ligne
import-column = Colonne
import-message = Problème

## Personnes
members-title = Personnes
members-caption = Personnes ayant accès à cette organisation
members-add = Ajouter une personne
members-remove = Retirer
members-new-account = Un compte a été créé. Transmettez ce lien à usage unique pour que la personne choisisse son mot de passe (valable 72 heures) :
members-teams-help = Pour les managers : les codes des équipes qu’ils managent, séparés par des espaces ou des virgules.
role-director = Direction
role-manager = Manager
role-viewer = Lecteur
role-consultant = Consultant

## Administration
admin-users-title = Comptes
admin-users-caption = Tous les comptes de cette installation
admin-kind = Type
admin-kind-admin = Administrateur de la plateforme
admin-reset = Lien de mot de passe
admin-make-consultant = Rendre consultant
admin-unmake-consultant = Retirer le rôle de consultant
admin-new-account = Nouveau compte
admin-consultant-box = Cette personne est consultante (peut créer des organisations clientes)
admin-create = Créer le compte
admin-reset-link = Lien de mot de passe à usage unique pour { $email } (valable 72 heures) :

## Erreurs
error-title = Un problème est survenu
error-request-id = Référence de cette erreur :
error-back-home = Retour à l’accueil
error-not-found = Cette page n’existe pas, ou vous n’y avez pas accès.
error-unauthorized = Merci de vous connecter.
error-forbidden = Votre rôle ne permet pas cette action.
error-csrf = Ce formulaire a expiré ou ne vient pas de Miroir. Revenez en arrière, rechargez la page et réessayez.
error-rows = Certaines lignes sont erronées : rien n’a été enregistré. Corrigez-les et renvoyez le fichier.
error-rate-limited = Trop de tentatives. Patientez une minute et réessayez.
error-too-large = Ce que vous avez envoyé est trop volumineux.
error-unsupported-media-type = Ce type de contenu n’est pas accepté ici : envoyez du JSON (application/json) ou du CSV (text/csv), comme l’appel l’attend.
error-unavailable = Le service est très occupé en ce moment. Réessayez dans quelques secondes.
error-request-invalid = La requête n’a pas pu être lue.
error-internal = Une erreur inattendue s’est produite. Elle a été consignée ; merci de réessayer plus tard.
error-form-invalid = Le formulaire n’a pas pu être lu. Merci de réessayer.
error-json-invalid = Le corps de la requête n’est pas un JSON valide pour cet appel.
error-login-failed = Adresse e-mail ou mot de passe incorrect.
error-email-invalid = Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.
error-email-taken = Un compte utilise déjà cette adresse e-mail.
error-name-empty = Ce nom est obligatoire.
error-name-too-long = Ce nom est trop long (200 caractères au plus).
error-team-code-empty = Le code d’équipe est obligatoire.
error-team-code-invalid = Un code d’équipe ne contient que des lettres, des chiffres, - et _ (32 au plus).
error-team-code-taken = Une autre équipe utilise déjà ce code.
error-team-code-duplicate = Ce code figure déjà sur une ligne précédente du fichier.
error-team-cycle = Une équipe ne peut pas être placée sous elle-même ni sous l’une de ses sous-équipes.
error-team-too-deep = L’arbre des équipes serait trop profond ici : il admet un nombre limité de niveaux sous l’organisation (12, sauf si l’administrateur a fixé MIROIR_MAX_TEAM_DEPTH).
error-team-not-empty = Cette équipe a encore des sous-équipes : déplacez-les ou supprimez-les d’abord.
error-team-unknown = Aucune équipe ne porte ce code dans l’organisation.
error-parent-unknown = Aucune équipe ne porte ce code parent.
error-headcount-invalid = L’effectif doit être un nombre entier, 0 ou plus.
error-threshold-invalid = Le seuil d’anonymat doit être un nombre entier, 3 ou plus.
error-sector-invalid = Choisissez un secteur dans la liste.
error-language-invalid = Choisissez une langue dans la liste.
error-password-too-short = Le mot de passe doit comporter au moins 10 caractères.
error-password-too-long = Le mot de passe est trop long.
error-password-wrong = Le mot de passe actuel est incorrect.
error-confirmation-mismatch = Le nom saisi ne correspond pas à celui de l’organisation.
error-setup-closed = Un administrateur existe déjà.
error-setup-token = Ce jeton d’installation n’est pas valable. Utilisez celui affiché dans le journal du serveur au démarrage, ou affichez-en un nouveau avec `miroir admin setup-token`.
error-reset-invalid = Ce lien est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à votre administrateur.
error-role-invalid = Choisissez un rôle dans la liste.
error-manager-needs-team = Un manager doit manager au moins une équipe : saisissez son code.
error-already-member = Cette personne fait déjà partie de l’organisation.
error-csv-malformed = Cette ligne n’est pas un CSV lisible (nombre de colonnes ou guillemets incorrects).
error-csv-missing-column = Cette colonne manque dans la ligne d’en-tête.
error-csv-duplicate-column = Cette colonne apparaît plusieurs fois dans la ligne d’en-tête.
error-control-character = Ce texte contient un caractère de contrôle (comme un octet NUL ou un code d’échappement) qui ne peut pas être enregistré. Retirez-le et réessayez.

## Campagnes
campaigns-title = Campagnes
campaigns-caption = Vagues d’enquête de cette organisation
campaigns-empty = Aucune campagne pour l’instant.
campaign-title = Campagne
campaign-new-title = Nouvelle campagne
campaign-edit-title = Modifier la campagne
campaign-dates = Du { $opens } au { $closes }
campaign-open = Ouvrir la campagne
campaign-close = Clôturer la campagne
campaign-archive = Archiver
campaign-confirm-close-title = Clôturer la campagne ?
campaign-confirm-close-what = Clôturer « { $name } » met fin à la collecte : ses liens et invitations n’acceptent plus de réponses ni d’imports, les réponses recueillies sont figées, et les résultats sont publiés dans l’organisation (tableaux de bord, résultats des équipes, exports).
campaign-confirm-archive-title = Archiver la campagne ?
campaign-confirm-archive-what = Archiver « { $name } » la range : ses résultats publiés restent consultables, et plus rien n’y peut changer.
campaign-confirm-final = Cette étape est définitive.
campaign-executive-link = Donner les estimations de la direction
campaign-self-link = Auto-évaluation
field-campaign-name = Nom de la campagne
field-opens-on = Ouverture le
field-closes-on = Clôture le
field-status = Statut
field-languages = Langues proposées aux répondants
field-populations = Qui répond
status-draft = Brouillon
status-open = Ouverte
status-closed = Clôturée
status-archived = Archivée
notice-campaign-created = La campagne a été créée. Ouvrez-la quand le questionnaire est prêt : il est figé à partir de là.
rates-heading = Taux de réponse
rates-caption = Réponses reçues par équipe
rates-executives = Estimations de la direction reçues : { $count }
rates-employee-rate = Collaborateurs / effectif
rates-links = Liens
rates-invited = invités
rates-customer-link = Lien client
invite-heading = Invitations des collaborateurs
invite-help = Chaque collaborateur reçoit un lien à usage unique. Téléchargez-les en CSV pour un publipostage : les liens ne sont affichés qu’une fois et ne peuvent pas être retrouvés.
invite-count = Nombre de liens
invite-count-help = Laissez vide pour en créer un par personne de l’effectif de l’équipe.
invite-submit = Télécharger les liens (CSV)
import-heading = Importer des réponses collectées ailleurs
import-help = Un fichier CSV avec les colonnes team, population, channel (facultative), date (facultative) et les codes des questions. Si une ligne est erronée, rien n’est enregistré.
import-submit = Importer les réponses
import-done = { $count } réponses importées.
qr-sheet-title = QR codes à imprimer
qr-sheet-help = Imprimez cette page (A4) : un QR code par équipe, à poser au comptoir ou sur les tickets.
qr-alt = QR code de l’enquête clients de { $team }
qr-invite = Racontez-nous votre visite : scannez ce code.

## Enquêtes
survey-title = Enquête
survey-intro-customer = Merci de nous accorder quelques minutes. Vos réponses sont anonymes et aident cette équipe à mieux vous servir.
survey-intro-employee = Ce questionnaire est anonyme : personne, pas même votre manager, ne peut relier vos réponses à vous. Les résultats ne sont affichés que pour des groupes de plusieurs personnes.
survey-intro-manager = Votre auto-évaluation : comment pensez-vous que votre équipe et vos clients vont répondre ? La comparaison de vos estimations avec leurs réponses révèle vos angles morts. Vos réponses sont signées, visibles de vous et de votre direction.
survey-intro-executive = Les estimations de la direction : comment pensez-vous que les collaborateurs et les clients vont répondre ? Elles sont comparées aux réponses réelles.
survey-length = { $count } questions.
survey-errors = { $count ->
    [one] Une réponse demande votre attention : voyez le message à côté de la question.
   *[other] { $count } réponses demandent votre attention : voyez les messages à côté des questions.
}
survey-comment = Souhaitez-vous ajouter quelque chose ? (facultatif)
survey-comment-help = Merci de ne pas écrire votre nom ni celui de quelqu’un d’autre.
survey-contact-legend = Souhaitez-vous être recontacté(e) ? (facultatif)
survey-contact-ok = Oui, je souhaite être recontacté(e) au sujet de mon expérience
survey-contact = Votre adresse e-mail ou numéro de téléphone
survey-contact-message = À quel sujet devons-nous vous rappeler ?
survey-contact-help = Vos coordonnées sont conservées à part de vos réponses et servent uniquement à vous recontacter.
survey-submit = Envoyer mes réponses
survey-thanks-title = Merci !
survey-thanks = Vos réponses ont été enregistrées. Vous pouvez fermer cette page.
survey-unknown-link-title = Lien non reconnu
survey-unknown-link = Ce lien d’enquête n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-le à la personne qui vous l’a envoyé.
survey-invitation-used-title = Déjà répondu
survey-invitation-used = Ce lien personnel a déjà été utilisé : chaque invitation permet une seule réponse. Merci de votre participation.
survey-closed-title = Enquête fermée
survey-closed = Cette enquête n’est pas ouverte aux réponses en ce moment. Merci de votre intérêt.

## Erreurs des campagnes et des enquêtes
error-date-invalid = Saisissez une date au format AAAA-MM-JJ.
error-dates-order = La date de clôture ne peut pas précéder la date d’ouverture.
error-population-invalid = Choisissez les populations dans la liste.
error-populations-mirror = Clients et collaborateurs doivent tous deux répondre : la méthode les compare.
error-campaign-frozen = La campagne est ouverte : son questionnaire et ses réglages sont figés.
error-campaign-transition = La campagne ne peut pas passer à ce statut depuis son statut actuel.
error-campaign-not-collecting = Cette campagne ne collecte plus de réponses.
error-invitation-count = Saisissez un nombre de liens de 1 à 5000 (ou renseignez l’effectif de l’équipe).
error-answer-missing = Merci de choisir une réponse (ou « Je ne sais pas » lorsque c’est proposé).
error-answer-invalid = Cette réponse ne fait pas partie des choix.
error-invitation-unknown = Cette invitation n’est pas valide.
error-invitation-used = Cette invitation a déjà été utilisée.
error-campaign-closed = Cette campagne n’est pas ouverte aux réponses.
error-population-not-in-campaign = Cette campagne n’interroge pas ce groupe de personnes.
error-contact-missing = Indiquez une adresse e-mail ou un numéro de téléphone, ou décochez la case.
error-import-unknown-column = Colonne inconnue : ni team, population, channel, date, ni un code de question.
error-import-population = La population doit être customer, employee, manager ou executive.
error-import-executive-team = Les réponses de la direction sont au niveau de l’organisation : laissez l’équipe vide.
error-import-team-missing = Le code d’équipe est obligatoire pour cette population.
error-import-channel-population = Seules les réponses clients ont un canal.
error-import-channel = Le canal doit être in_person, phone, web, app, email ou other.
error-import-item-population = Cette question n’est pas posée à cette population.
error-import-out-of-scale = La valeur doit être un nombre entier dans l’échelle de la question.
error-import-campaign-status = Les réponses ne peuvent être importées que pendant que la campagne est ouverte : une vague clôturée est figée.

## Résultats
team-results-title = Résultats de l’équipe
results-bases = Réponses :
suppressed-customer = Moins de { $k } clients ont répondu : leurs résultats ne sont pas affichés, pour protéger l’anonymat.
suppressed-employee = Moins de { $k } collaborateurs ont répondu : leurs résultats ne sont pas affichés, pour protéger l’anonymat.
suppressed-short = moins de réponses que le seuil d’anonymat
suppressed-cell = masqué
results-scores-heading = Scores et écarts par dimension
results-scores-caption = % de réponses favorables (4 ou 5) avec la base n et l’intervalle à 95 % ; écarts en points
results-dimension = Dimension
results-legend = ● signale un écart significatif après correction pour tests multiples (Benjamini–Hochberg, q < 0,05). Les estimations du manager sont ses propres réponses, présentées face au score de l’équipe et jamais testées.
results-plan-heading = Points recommandés du plan d’action
results-because = Recommandé en raison de :
results-no-recommendation = Aucun écart n’appelle ici un point du plan.
results-comments-heading = Commentaires
results-comments-help = Affichés seulement pour les groupes d’au moins { $k } répondants, dans un ordre aléatoire, sans date.
results-contacts-heading = Clients qui souhaitent être recontactés
results-contacts-caption = Boucler la boucle : rappeler puis marquer comme fait
results-contact-done = Fait ?
results-contact-is-done = Fait
results-contact-undo = Annuler
results-contact-mark = Marquer comme fait
gap-significant = significatif
field-owner = Responsable
field-due-on = Échéance
field-note = Note
action-adopt = Adopter ce point
action-point = Point du plan
action-where = Pour
action-effect = Effet à la vague suivante
action-effect-in = Évolution en { $wave } (points) :
action-effect-later = Mesuré à la prochaine vague.
action-history = Historique
action-whole-organisation = Toute l’organisation
actions-title = Plan d’action
actions-caption = Points adoptés, leur responsable, leur statut et leur effet
actions-intro = Les points du plan en dix points adoptés pour des équipes ou pour toute l’organisation, suivis de vague en vague.
actions-none = Aucun point adopté pour l’instant.
actions-adopt-org = Adopter un point pour toute l’organisation
notice-action-adopted = Le point a été adopté : suivez-le dans le plan d’action.
error-action-unknown = Choisissez un point du plan.
error-action-status = Choisissez un statut dans la liste.
login-setup-open = Aucun administrateur de la plateforme n’existe encore. Avec le jeton d’installation affiché au démarrage du serveur, créez-le ici :
gap-low_customer = score client faible (points sous 60)
gap-low_employee = score collaborateur faible (points sous 60)
gap-low_index = indicateur faible (points sous 60)
gap-channel_spread = écart entre canaux (points)
dimension-ies = Effort interne (IES)
dimension-ces = Effort client (CES)
dimension-fcr = Résolution au premier contact (FCR)

## Tableau de bord
dashboard-title = Tableau de bord
dashboard-waves = Vagues d’enquête
dashboard-headline = L’essentiel
dashboard-linkage = Les expériences des collaborateurs et des clients évoluent-elles ensemble ?
dashboard-dimensions = Scores par dimension, organisation
index-csi = Indice de satisfaction client (CSI)
index-eei = Indice d’engagement collaborateur (EEI)
index-nps = Net Promoter Score (NPS)
index-enps = NPS collaborateur (eNPS)
index-csat = Satisfaction (CSAT, % 4–5)
index-ces = Facilité client (CES, % facile)
index-fcr = Résolution au premier contact (FCR, %)
index-ies = Facilité interne (IES, % facile)
index-cos = Orientation client des collaborateurs (COS)
cos-strong = forte
cos-medium = moyenne
cos-weak = faible
linkage-summary = Sur { $teams } équipes ayant assez de réponses des deux côtés, l’engagement de l’équipe (EEI) et la satisfaction de ses clients (CSI) sont corrélés :
linkage-enps-nps = eNPS et NPS :
linkage-too-few = Seules { $teams } équipes ont assez de réponses de collaborateurs et de clients : il en faut au moins 5 pour calculer une corrélation.
heatmap-heading = Carte de chaleur de la symétrie
heatmap-gap = Écart affiché
heatmap-sort = Ordre
heatmap-sort-tree = par région
heatmap-sort-gap = plus grands écarts d’abord
heatmap-show = Afficher
heatmap-caption = Équipes × dimensions, en points
maturity-heading = Maturité de la relation
channels-heading = Cohérence entre canaux
channels-caption = % de clients favorables par canal, et l’écart entre canaux
channels-spread = Écart
trend-heading = Évolution depuis { $previous }
trend-caption = % favorables avant → après (évolution en points ; ● significatif après correction pour tests multiples, Benjamini–Hochberg, q < 0,05)
audit-title = Rapport d’audit
scroll-region = Tableau défilant

## Rapport d’audit
audit-kind = Audit de la symétrie des attentions
audit-print-help = Pour l’enregistrer en PDF, imprimez cette page (A4) : chaque partie commence sur une nouvelle page.
audit-export-scores = scores
audit-export-gaps = écarts
audit-export-indices = indices
audit-export-comma = CSV, virgule et point décimal :
audit-export-semicolon = CSV, point-virgule et virgule décimale (Excel en français) :
audit-export-data = CSV en précision complète (données) :
audit-field-period = Période d’enquête
audit-field-answers = Réponses
audit-field-teams = Équipes
audit-field-generated = Rapport établi le
audit-summary = Synthèse
audit-maturity-customer = Vue par les clients, la relation est
audit-maturity-employee = Vue par les collaborateurs :
audit-priorities = Les points du plan d’action qu’appellent les écarts à l’échelle de l’organisation :
audit-findings = Constats
audit-plan = Le plan d’action en dix points
audit-plan-caption = Chaque point : recommandé pour l’organisation, pour combien d’équipes, et adopté
audit-recommended-org = Pour l’organisation
audit-recommended-teams = Équipes concernées
audit-adopted = Adopté
audit-method = Méthode
audit-method-scores = Les scores sont le pourcentage de réponses favorables (4 ou 5 sur l’échelle d’accord en cinq points), les « je ne sais pas » étant exclus de toute base ; l’intervalle à 95 % est celui de Wilson. Le CSI et l’EEI sont les moyennes des onze scores de dimension des clients et des collaborateurs. Le NPS et l’eNPS sont la part de 9–10 moins la part de 0–6.
audit-method-gaps = Les écarts sont des différences en points de % favorables. Les écarts de symétrie et de perception sont testés par un test z de deux proportions ; un rapport fait des centaines de tests, aussi chaque p est ajusté sur l’ensemble des écarts testés du rapport (Benjamini–Hochberg) et un écart est significatif après correction pour tests multiples si q < 0,05 ; les estimations d’un manager viennent d’une seule personne et sont présentées sans test.
audit-method-linkage = Le lien entre collaborateurs et clients est mesuré sur les équipes ayant assez de réponses des deux côtés : r de Pearson avec intervalle de Fisher et ρ de Spearman, tous deux avec un test t.
audit-method-anonymity = Aucun résultat n’est affiché pour les clients ou les collaborateurs d’un groupe de moins de { $k } réponses ; un second groupe est masqué si nécessaire pour qu’aucun résultat masqué ne puisse être retrouvé par soustraction.
audit-method-maturity = La maturité se lit comme un bâtiment à trois niveaux : exécution (rez-de-chaussée), lien (premier étage), émotion (toit) : excellence quand les trois atteignent 75, maison quand exécution et lien atteignent 65 et sont équilibrés, pyramide quand l’exécution devance le lien de 10 points ou plus, immeuble étroit sinon.
yes = oui

## Portefeuille
portfolio-title = Portefeuille clients
portfolio-caption = La dernière vague d’enquête de chaque client
portfolio-wave = Dernière vague
portfolio-maturity = Maturité (clients / collaborateurs)
portfolio-benchmark = Comparaison sectorielle
portfolio-benchmark-help = Moyennes anonymisées sur toutes les organisations d’un secteur, affichées seulement si au moins { $min } ont des résultats.
portfolio-sector-figures = moyenne de { $count } autres organisations :
portfolio-sector-too-few = seulement { $count } autres organisations avec des résultats publiés (il en faut au moins { $min }) : pas encore de comparaison.
nav-portfolio = Portefeuille
invite-emails = Ou les envoyer par e-mail (facultatif)
invite-emails-help = Une adresse par ligne : chaque personne reçoit son propre lien par e-mail. Chaque adresse est conservée chiffrée, uniquement pour relancer les personnes qui n’ont pas répondu, et effacée à la clôture de la vague ; les réponses ne sont pas reliées aux adresses.
notice-invitations-sent = Les invitations ont été envoyées par e-mail.
error-mail-not-configured = L’envoi d’e-mails n’est pas configuré sur ce serveur (MIROIR_SMTP_URL) : téléchargez plutôt les liens.
email-invitation-subject = { $campaign } : votre avis, anonymement
email-invitation-body = Bonjour,

    Votre entreprise pose les mêmes questions à ses collaborateurs et à ses clients, pour voir où l’attention portée en interne et celle portée aux clients divergent.

    Votre lien personnel pour l’équipe { $team } (une seule réponse, anonyme, environ 5 minutes) :
    { $link }

    Personne ne peut relier vos réponses à vous : les résultats ne sont affichés que pour des groupes de plusieurs personnes.
survey-part = Partie { $number } sur { $of }
error-not-published = Les résultats sont publiés à la clôture de la vague : tant qu’elle est ouverte, seule la participation est affichée.
fewer-than-k = moins de { $k }
fewer-than-k-title = Moins de { $k } réponses, ou masqué pour qu’un effectif inférieur à { $k } ne puisse pas être retrouvé par soustraction.

# La raison, en une phrase, d’un point recommandé ($direction : above si
# l’écart est positif, below s’il est négatif ; $points : sa taille, sans signe).
reason-symmetry = { $direction ->
    [above] Les collaborateurs évaluent « { $dimension } » { $points } points plus haut que les clients
   *[below] Les clients évaluent « { $dimension } » { $points } points plus haut que les collaborateurs
}
reason-customer_perception = { $direction ->
    [above] Les clients évaluent « { $dimension } » { $points } points plus bas que ne le pensent vos collaborateurs
   *[below] Les clients évaluent « { $dimension } » { $points } points plus haut que ne le pensent vos collaborateurs
}
reason-managerial_blind_spot = { $direction ->
    [above] Les collaborateurs évaluent « { $dimension } » { $points } points plus bas que ne le pense leur manager
   *[below] Les collaborateurs évaluent « { $dimension } » { $points } points plus haut que ne le pense leur manager
}
reason-manager_customer_blind_spot = { $direction ->
    [above] Les clients évaluent « { $dimension } » { $points } points plus bas que ne le pense leur manager
   *[below] Les clients évaluent « { $dimension } » { $points } points plus haut que ne le pense leur manager
}
reason-leadership_employee = { $direction ->
    [above] Les collaborateurs évaluent « { $dimension } » { $points } points plus bas que ne le pense la direction
   *[below] Les collaborateurs évaluent « { $dimension } » { $points } points plus haut que ne le pense la direction
}
reason-leadership_customer = { $direction ->
    [above] Les clients évaluent « { $dimension } » { $points } points plus bas que ne le pense la direction
   *[below] Les clients évaluent « { $dimension } » { $points } points plus haut que ne le pense la direction
}
reason-low_customer = Seuls { $score } % des clients sont favorables sur « { $dimension } », { $points } points sous 60 %
reason-low_employee = Seuls { $score } % des collaborateurs sont favorables sur « { $dimension } », { $points } points sous 60 %
reason-low_index = « { $dimension } » est à { $score } %, { $points } points sous 60 %
reason-channel_spread = Les clients évaluent « { $dimension } » avec { $points } points d’écart d’un canal à l’autre
recommendation-rank = Priorité { $rank }

breadcrumbs = Fil d’Ariane
campaign-results-heading = Résultats
org-latest-results = Derniers résultats : { $campaign }

## Exports (XLSX) : noms des feuilles, en-têtes de colonnes, éléments du résumé, notes
export-sheet-summary = Synthèse
export-sheet-scores = Scores
export-sheet-gaps = Écarts
export-sheet-teams = Équipes
export-sheet-heat-map = Carte des écarts
export-sheet-linkage = Liens
export-sheet-channels = Canaux
export-sheet-recommendations = Recommandations
export-note-suppressed = Moins de réponses que le seuil d’anonymat : le chiffre n’est pas montré.
export-note-heat-map = Écart entre collaborateurs et clients (collaborateurs − clients, en points) : orange quand les collaborateurs sont en dessous des clients, violet quand ils sont au-dessus ; couleur pleine à partir de 25 points. Cases vides : moins de réponses que le seuil d’anonymat.
export-note-linkage-unavailable = Trop peu d’équipes ont assez de réponses de leurs collaborateurs et de leurs clients pour calculer une corrélation.
export-column-item = Élément
export-column-item-code = Élément (code)
export-column-value = Valeur
export-column-ci-low = Intervalle à 95 %, bas
export-column-ci-high = Intervalle à 95 %, haut
export-column-n = Réponses
export-column-p = p
export-column-q = q (Benjamini–Hochberg)
export-item-campaign = Campagne
export-item-campaign-id = Identifiant de la campagne
export-item-status = Statut
export-item-anonymity-threshold = Seuil d’anonymat (réponses minimum)
export-item-respondents = Répondants
export-item-maturity = Maturité
export-item-eligible-teams = Équipes ayant assez de réponses des deux côtés
export-index-csi = Indice de satisfaction client (CSI)
export-index-eei = Indice d’engagement collaborateur (EEI)
export-index-nps = Net Promoter Score (NPS)
export-index-enps = NPS collaborateur (eNPS)
export-index-csat = Satisfaction (CSAT, % 4–5)
export-index-ces = Facilité client (CES, % facile)
export-index-fcr = Résolution au premier contact (FCR, %)
export-index-ies = Facilité interne (IES, % facile)
export-index-cos-strong = Orientation client des collaborateurs : forte (%)
export-index-cos-medium = Orientation client des collaborateurs : moyenne (%)
export-index-cos-weak = Orientation client des collaborateurs : faible (%)
export-linkage-eei-csi = Engagement (EEI) et satisfaction client (CSI)
export-linkage-enps-nps = eNPS et NPS
export-pearson = Corrélation de Pearson
export-spearman = Corrélation de Spearman
export-group-organisation = Organisation
export-group-team = Équipe
export-column-group-kind = Niveau
export-column-group-kind-code = Niveau (code)
export-column-team-code = Code de l’équipe
export-column-team-name = Équipe
export-column-parent-code = Code de l’équipe parente
export-column-dimension = Dimension
export-column-dimension-code = Dimension (code)
export-column-perspective = Regard
export-column-perspective-code = Regard (code)
export-column-favourable = Favorables (%)
export-column-mean = Moyenne (1–5)
export-column-suppressed = Masqué (trop peu de réponses)
export-column-gap = Écart
export-column-gap-code = Écart (code)
export-column-perspective-a = Premier regard
export-column-perspective-a-code = Premier regard (code)
export-column-n-a = Réponses, premier
export-column-perspective-b = Second regard
export-column-perspective-b-code = Second regard (code)
export-column-n-b = Réponses, second
export-column-points = Écart (points)
export-column-significant = Significatif
export-column-n-customer = Réponses clients
export-column-n-employee = Réponses collaborateurs
export-column-n-manager = Réponses managers
export-column-n-executive = Réponses dirigeants
export-column-suppressed-customer = Clients masqués
export-column-suppressed-employee = Collaborateurs masqués
export-column-csi = CSI
export-column-eei = EEI
export-column-nps = NPS
export-column-nps-ci-low = NPS, intervalle bas
export-column-nps-ci-high = NPS, intervalle haut
export-column-nps-n = NPS, réponses
export-column-enps = eNPS
export-column-enps-ci-low = eNPS, intervalle bas
export-column-enps-ci-high = eNPS, intervalle haut
export-column-enps-n = eNPS, réponses
export-column-csat = CSAT (%)
export-column-csat-n = CSAT, réponses
export-column-ces = CES (%)
export-column-ces-n = CES, réponses
export-column-fcr = FCR (%)
export-column-fcr-n = FCR, réponses
export-column-ies = IES (%)
export-column-ies-n = IES, réponses
export-column-cos-strong = COS forte (%)
export-column-cos-medium = COS moyenne (%)
export-column-cos-weak = COS faible (%)
export-column-customer-execution = Clients : exécution
export-column-customer-link = Clients : lien
export-column-customer-emotion = Clients : émotion
export-column-employee-execution = Collaborateurs : exécution
export-column-employee-link = Collaborateurs : lien
export-column-employee-emotion = Collaborateurs : émotion
export-column-customer-maturity = Clients : maturité
export-column-customer-maturity-code = Clients : maturité (code)
export-column-employee-maturity = Collaborateurs : maturité
export-column-employee-maturity-code = Collaborateurs : maturité (code)
export-column-pair = Paire
export-column-pair-code = Paire (code)
export-column-pearson-r = r de Pearson
export-column-pearson-ci-low = r de Pearson, intervalle bas
export-column-pearson-ci-high = r de Pearson, intervalle haut
export-column-pearson-p = p de Pearson
export-column-spearman-rho = rho de Spearman
export-column-spearman-p = p de Spearman
export-column-rank = Rang
export-column-driver = Levier
export-column-driver-code = Levier (code)
export-column-r = r
export-column-quadrant = Quadrant
export-column-quadrant-code = Quadrant (code)
export-column-channel = Canal
export-column-channel-code = Canal (code)
export-column-channel-n = Réponses par ce canal
export-column-spread = Écart entre canaux (points)
export-column-action = Point recommandé
export-column-action-code = Point recommandé (code)
export-column-reason = Pourquoi
export-column-because-dimension = En raison de
export-column-because-dimension-code = En raison de (code)
export-column-because-gap = Écart en cause
export-column-because-gap-code = Écart en cause (code)

## Dates (render::date)
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
datetime-long = { $date } à { $time }
lang-switch-label = Langue

## Ses propres données (RGPD)
account-data = Vos données
account-data-help = Téléchargez tout ce que Miroir conserve sur vous : votre compte, vos organisations et rôles, les équipes que vous managez, vos autoévaluations signées et les entrées du plan d’action écrites sous votre nom. Les réponses anonymes aux enquêtes n’y figurent pas : rien ne les relie à qui que ce soit.
account-data-download = Télécharger mes données (JSON)
account-delete = Supprimer mon compte
account-delete-what = Supprimer votre compte efface aussitôt votre nom, votre adresse e-mail, vos rôles et vos équipes ; vous êtes déconnecté partout. Vos autoévaluations restent dans les résultats où elles ont été comptées, sans plus être reliées à vous, et votre nom est retiré des historiques d’actions. C’est définitif.
account-delete-password = Votre mot de passe, pour confirmer
account-delete-submit = Supprimer définitivement mon compte
notice-account-deleted = Votre compte a été supprimé.
error-last-platform-admin = Vous êtes le seul administrateur de la plateforme : nommez-en un autre avant de supprimer votre compte.
author-deleted = compte supprimé
dashboard-exports = Exports (CSV, XLSX)
heatmap-folded = { $teams } équipes : les { $regions } régions d’abord ; ouvrez une région pour voir ses équipes.
heatmap-unfold = voir ses { $teams } équipes
heatmap-fold = masquer ses { $teams } équipes
heatmap-legend = Légende des couleurs de la carte
heatmap-band-minus = −{ $points } points ou moins
heatmap-band-between = de { $low } à { $high } points
heatmap-band-plus = +{ $points } points ou plus
heatmap-hidden = hachuré : moins de { $k } réponses, non affiché (anonymat)

## Vagues qui se déroulent seules
field-schedule = Ouverture et clôture
field-scheduled = S’ouvrir et se clôturer seule à ces dates
field-scheduled-help = La vague s’ouvre à sa date d’ouverture et se clôture à la fin de sa date de clôture, dans le fuseau horaire ci-dessous, sans que personne n’appuie sur « Ouvrir » ou « Clôturer ».
field-time-zone = Fuseau horaire (par exemple Europe/Paris)
error-time-zone = Fuseau horaire inconnu : écrivez-le Continent/Ville, par exemple Europe/Paris.
campaign-scheduled = S’ouvre et se clôture seule à ces dates ({ $zone }).
campaign-history = Historique
campaign-history-open = ouverte
campaign-history-close = clôturée
campaign-history-archive = archivée
campaign-history-by-scheduler = à sa date, d’elle-même
campaign-history-by = par { $name }
campaign-history-by-deleted = par un compte supprimé
