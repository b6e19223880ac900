### Le rapport d’audit comme livrable du consultant (français) : constats
### et recommandations du consultant, verbatims cités, évolution, canaux et
### suivi du plan d’action.

## Constats et recommandations du consultant

audit-consultant-heading = Constats et recommandations du consultant
audit-consultant-findings = Constats
audit-consultant-recommendations = Recommandations
audit-consultant-signed = Rédigé par { $author }, dernier enregistrement le { $at }.
audit-consultant-saved = Dernier enregistrement le { $at }.
audit-notes-hint = Rien n’est encore rédigé : le rapport imprimé omet donc cette partie. Écrivez vos constats et vos recommandations : ils sont imprimés juste après la synthèse.
audit-notes-edit = Rédiger les constats et recommandations
audit-notes-format = Paragraphes simples : une ligne vide commence un nouveau paragraphe. Le **gras**, l’*italique*, les listes (lignes commençant par « - » ou « 1. ») et les titres (# …) sont conservés ; le HTML et les liens sont imprimés comme du texte. 20 000 caractères au plus par texte.
audit-notes-save = Enregistrer les constats et recommandations
audit-error-too-long = Ce texte dépasse 20 000 caractères. Rien de ce que vous avez saisi n’est perdu : raccourcissez-le, puis enregistrez de nouveau.

## Verbatims cités

audit-quotes-title = Verbatims cités dans le rapport d’audit
audit-quotes-heading = Dans leurs mots : verbatims choisis
audit-quotes-intro = Commentaires choisis par le consultant parmi ceux des équipes dont les réponses sont publiées pour cette vague (au moins { $k } réponses des clients ou des collaborateurs de l’équipe).
audit-quotes-none = Aucun verbatim n’est encore cité : le rapport imprimé omet cette partie.
audit-quotes-choose = Choisir les verbatims à citer
audit-quotes-help = Seuls les commentaires d’une équipe dont les clients (ou les collaborateurs) sont publiés pour cette vague — au moins { $k } ont répondu, et le rapport les montre — sont proposés ; les autres ne peuvent jamais être cités. { $max } au plus.
audit-quotes-count = { $count } sur { $max } choisis à l’ouverture de la page.
audit-quotes-empty = Aucun commentaire ne peut être cité pour cette vague : aucune équipe n’a de population publiée avec des commentaires.
audit-quotes-save = Enregistrer le choix
audit-quotes-back = Retour au rapport d’audit
audit-quote-source = { $team } — { $population }
audit-error-too-many-quotes = Choisissez 30 commentaires au plus.
audit-error-quote-refused = L’un des commentaires choisis ne peut pas être cité : les réponses de son équipe ne sont pas publiées pour cette vague. Rien n’a été enregistré.

## Évolution depuis la vague précédente

audit-trend-heading = Évolution depuis la vague précédente
audit-trend-first = C’est la première vague publiée de l’organisation : il n’y a pas encore de vague antérieure à laquelle la comparer.
audit-trend-against = Comparaison avec { $previous }.
audit-trend-indices-caption = Indices : vague précédente → cette vague, évolution en points
audit-trend-dimensions-caption = Dimensions, % favorables : vague précédente → cette vague (évolution en points)
audit-trend-index = Indice
audit-trend-before = Vague précédente
audit-trend-after = Cette vague
audit-trend-change = Évolution
audit-trend-significant = Significative
audit-trend-untested = non testé
audit-trend-legend = ● significatif après correction pour tests multiples (Benjamini–Hochberg, q < 0,05). Le CSI, l’EEI, le NPS et l’eNPS ne sont pas des proportions : leur évolution est donnée en points, sans test. « — » : masqué dans l’une des deux vagues (moins de réponses que le seuil) ou non posé.

## Canaux

audit-channels-none = Les réponses des clients ne permettent pas de comparer les canaux pour cette vague (un seul canal, ou trop peu de réponses par canal).

## Suivi du plan d’action

audit-actions-heading = Suivi du plan d’action
audit-actions-caption = Points adoptés lors de cette vague et de la précédente : qui, pour quand, et où ils en sont
audit-actions-none = Aucun point du plan n’a été adopté lors de cette vague ni de la précédente.
audit-actions-overdue = en retard
audit-actions-overdue-count = { $count ->
    [one] Une action est en retard (échéance passée, ni réalisée ni abandonnée).
   *[other] { $count } actions sont en retard (échéance passée, ni réalisées ni abandonnées).
}
audit-actions-wave = Adopté après
audit-actions-counts = Actions par statut :

## Impression

audit-print-help-grouped = Pour l’enregistrer en PDF, imprimez cette page (A4). Les parties courtes partagent une page ; rien de ce qui n’appartient pas au rapport (formulaires, boutons) n’est imprimé.
