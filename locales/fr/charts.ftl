### Graphiques (src/render/charts.rs, templates/partials/charts/*.hbs), français.

## Communs à tous les graphiques

chart-data-table = Tableau des données
chart-no-data = Aucune donnée à afficher.
chart-no-value = pas de chiffre
chart-team = Équipe
chart-quadrant = Quadrant
chart-pillar = Pilier
chart-dimension = Dimension
chart-favourable = % de réponses favorables

## Nuage des équipes : collaborateurs (x) et clients (y)

scatter-median = Médiane
scatter-regression = Tendance (moindres carrés)
chart-eei-csi-title = Collaborateurs et clients, équipe par équipe
chart-eei-csi-desc = Chaque point est une équipe : son indice d’engagement collaborateurs en abscisse, son indice de satisfaction client en ordonnée. Les lignes pointillées aux médianes délimitent quatre quadrants, nommés dans les coins et signalés par la forme des points ; la ligne en tirets est la tendance des moindres carrés.

## Barres : classement des leviers et scores par dimension

bars-pearson-r = Corrélation avec le NPS (r de Pearson)
chart-drivers-title = Ce qui va de pair avec la recommandation client
chart-drivers-desc = Pour chaque dimension collaborateurs, sa corrélation de Pearson avec le NPS des équipes, de la plus forte à la plus faible. Une barre à droite de zéro : les équipes mieux notées sur cette dimension ont tendance à avoir un NPS plus élevé ; à gauche : plus faible.
chart-scores-customer-title = Scores clients par dimension
chart-scores-employee-title = Scores collaborateurs par dimension
chart-scores-desc = Part de réponses favorables (4 ou 5 sur 5) par dimension, de 0 à 100.

## Bâtiment de maturité

chart-building-customer-title = Côté clients
chart-building-employee-title = Côté collaborateurs
chart-building-desc = Le bâtiment de maturité : le rez-de-chaussée est l’exécution, le premier étage le lien, le toit l’émotion. Chaque étage est aussi large que le score de son pilier (% de réponses favorables) ; le contour en tirets marque un score de 100.

## Carte de chaleur des écarts

heatmap-significant = écart significatif
heatmap-significant-legend = Écart significatif après correction pour tests multiples (Benjamini–Hochberg, q < 0,05)
heatmap-suppressed = Masqué : trop peu de réponses
heatmap-symmetry-title = Carte de la symétrie : collaborateurs moins clients
heatmap-symmetry-desc = Une ligne par équipe, une colonne par dimension : l’écart de symétrie en points, % favorable des collaborateurs moins celui des clients. Cases bleues : collaborateurs au-dessus des clients ; cases orange : clients au-dessus des collaborateurs ; plus la couleur est foncée, plus l’écart est grand. Un point signale un écart significatif ; les cases hachurées sont masquées faute de réponses suffisantes.
heatmap-symmetry-negative = Négatif (orange) : les clients notent plus haut que les collaborateurs
heatmap-symmetry-positive = Positif (bleu) : les collaborateurs notent plus haut que les clients
heatmap-perception-title = Carte de la perception client : estimation des collaborateurs moins clients
heatmap-perception-desc = Une ligne par équipe, une colonne par dimension : l’écart de perception client en points, estimation par les collaborateurs du % favorable des clients moins la réponse des clients. Cases bleues : les collaborateurs surestiment ; cases orange : ils sous-estiment ; plus la couleur est foncée, plus l’écart est grand. Un point signale un écart significatif ; les cases hachurées sont masquées faute de réponses suffisantes.
heatmap-perception-negative = Négatif (orange) : les collaborateurs sous-estiment l’expérience client
heatmap-perception-positive = Positif (bleu) : les collaborateurs surestiment l’expérience client

## Aussi utilisées, déjà définies dans locales/fr/instrument.ftl (non répétées ici) :
##   quadrant-virtuous, quadrant-fragile, quadrant-untapped, quadrant-vicious
##   pillar-execution, pillar-link, pillar-emotion
##   maturity-excellence, maturity-house, maturity-pyramid, maturity-narrow
##   dimension-<code> pour les onze dimensions (dimension-courtesy … dimension-environment)
chart-enps-nps-title = Recommandation des collaborateurs et des clients, équipe par équipe
chart-enps-nps-desc = Chaque point est une équipe : son eNPS en abscisse, le NPS de ses clients en ordonnée. Les lignes marquent les médianes.
chart-unlisted = { $teams } autres équipes sont tracées sans leur nom : dépliez leur région dans la carte ci-dessous, ou téléchargez les chiffres de toutes les équipes (Exports).
