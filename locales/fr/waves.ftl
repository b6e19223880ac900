### Issue n° 15 : vérification de l’agrégation, qui entraîne l’autre, actions adoptées face aux autres équipes, distance au label (français).

## Les moyennes d’équipe ont-elles un sens ?
aggregation-heading = Chaque dimension peut-elle se lire au niveau de l’équipe ?
aggregation-summary = { $count ->
    [one] Une dimension sur onze différencie assez les équipes et rassemble assez leurs membres pour se lire en moyenne d’équipe.
   *[other] { $count } dimensions sur onze différencient assez les équipes et rassemblent assez leurs membres pour se lire en moyennes d’équipe.
}
aggregation-rule = Convention : les équipes diffèrent plus que leurs membres (ICC(1) ≥ { $icc }) et les membres d’une équipe s’accordent (rwg(j) moyen ≥ { $rwg }). Une corrélation marquée ⚠ repose sur une dimension qui ne la respecte pas : à lire avec prudence.
aggregation-caption = ICC(1) et rwg(j) moyen par dimension, sur les équipes de la corrélation
aggregation-icc = ICC(1)
aggregation-rwg = rwg(j)
aggregation-r = r (collaborateurs–clients)
aggregation-verdict = Niveau équipe
aggregation-yes = Oui
aggregation-no = Non, à lire avec prudence

## Qui entraîne l’autre ?
lagged-heading = Qui entraîne l’autre, les collaborateurs ou les clients ?
lagged-reading-employees_first = Les collaborateurs entraînent les clients : l’engagement des collaborateurs d’une équipe en { $before } annonce la satisfaction de ses clients en { $after }, au-delà de ce que ses clients disaient déjà, et plus nettement que l’inverse.
lagged-reading-customers_first = Les clients entraînent les collaborateurs : la satisfaction des clients d’une équipe en { $before } annonce l’engagement de ses collaborateurs en { $after }, au-delà de ce que ses collaborateurs disaient déjà, et plus nettement que l’inverse.
lagged-reading-both_ways = Cela va dans les deux sens : l’engagement des collaborateurs en { $before } annonce la satisfaction des clients en { $after } et inversement, sans sens dominant.
lagged-reading-employees_path_only = L’engagement des collaborateurs en { $before } annonce la satisfaction des clients en { $after }, mais pas nettement plus que l’inverse : les données ne disent pas encore qui entraîne l’autre.
lagged-reading-customers_path_only = La satisfaction des clients en { $before } annonce l’engagement des collaborateurs en { $after }, mais pas nettement plus que l’inverse : les données ne disent pas encore qui entraîne l’autre.
lagged-reading-undetermined = Entre { $before } et { $after }, aucun des deux côtés n’annonce nettement l’évolution de l’autre : les données ne disent pas qui entraîne l’autre.
lagged-reading-employees_first-short = Les collaborateurs d’abord
lagged-reading-customers_first-short = Les clients d’abord
lagged-reading-both_ways-short = Dans les deux sens
lagged-reading-employees_path_only-short = Collaborateurs → clients seulement, sans écart net
lagged-reading-customers_path_only-short = Clients → collaborateurs seulement, sans écart net
lagged-reading-undetermined-short = Indéterminé
lagged-figures = Chemins standardisés : collaborateurs → clients β = { $e2c } [{ $e2c_low } ; { $e2c_high }], clients → collaborateurs β = { $c2e } [{ $c2e_low } ; { $c2e_high }] (intervalles à 95 %).
lagged-difference = Écart entre les deux : { $value } [{ $low } ; { $high }], p = { $p }.
lagged-caution = Sur les { $teams } équipes publiées des deux côtés aux deux vagues. C’est une antériorité dans le temps entre équipes, pas une preuve de cause : un facteur qui ferait bouger d’abord les collaborateurs puis les clients (un manager, une réorganisation) dessinerait les mêmes flèches.
lagged-too-few = Seules { $teams } équipes sont publiées des deux côtés aux deux vagues ; il en faut au moins { $min } pour dire qui entraîne l’autre.
lagged-dimensions-caption = La même lecture, dimension par dimension (chemins standardisés, intervalles à 95 %)
lagged-reading = Lecture
lagged-employees = Collaborateurs
lagged-customers = Clients
lagged-wave = { $wave ->
    [1] vague précédente
   *[other] vague suivante
}
lagged-employees-to-customers = Collaborateurs → clients
lagged-customers-to-employees = Clients → collaborateurs
lagged-employee-stability = Collaborateurs → collaborateurs
lagged-customer-stability = Clients → clients
lagged-path = Chemin
lagged-estimate = Chemin standardisé [intervalle à 95 %]
lagged-unclear = l’intervalle contient zéro
chart-lagged = Qui entraîne l’autre : chemins croisés entre deux vagues
chart-lagged-desc = Les collaborateurs (en haut) et les clients (en bas) à la vague précédente (à gauche) et à la suivante (à droite). Chaque flèche est aussi large que son chemin standardisé ; une flèche en tirets est un chemin dont l’intervalle à 95 % contient zéro. Les flèches croisées disent qui entraîne l’autre.

## Actions adoptées face aux autres équipes (différence de différences)
action-did-heading = Face aux équipes qui ne l’ont pas adoptée (évolution des dimensions visées, équipes qui l’ont adoptée moins les autres, intervalle à 95 %) :
action-did-teams = { $adopting } équipes l’ont adoptée ({ $adopting_change } points) contre { $others } autres ({ $other_change } points)

## Distance au label de symétrie
label-heading = Distance au label de symétrie
label-ready = Sur les chiffres de cette campagne, l’organisation atteint les seuils du label.
label-not-ready = Sur les chiffres de cette campagne, l’organisation n’atteint pas encore les seuils du label.
label-rule = Le label demande trois audits (clients, collaborateurs, dirigeants), chacun d’au moins { $floor } sur 100, de moyenne supérieure à { $average }.
label-caption = Les trois audits tels que cette campagne les lit, leurs marges et les dimensions qui les relèveraient le plus
label-audit = Audit
label-score = Score sur 100
label-margin = Marge sur le seuil
label-levers = Dimensions qui le relèveraient le plus (points gagnés si parfaites)
label-average = Moyenne des trois
label-levers-note = Doit dépasser le seuil de moyenne
label-audit-customers = Clients (CSI)
label-audit-employees = Collaborateurs (EEI)
label-audit-executives = Dirigeants (100 − écart moyen de leurs estimations au terrain)

## Exports
export-item-icc1 = ICC(1)
export-item-rwg-j = rwg(j) moyen
export-item-team-level = lisible au niveau de l’équipe (1 = oui)
export-item-label-ready = prêt pour le label de symétrie (1 = oui)

## Audit : annexe de méthode
audit-method-aggregation = Lecture des moyennes d’équipe : par dimension et par population, sur les équipes de la corrélation, l’ICC(1) de l’analyse de variance à un facteur de toutes les réponses, les équipes comme groupes (taille moyenne de groupe N/J, comme le calcule le paquet R multilevel), et la moyenne sur les équipes du rwg(j) face à une distribution uniforme (σ² = (5² − 1)/12 = 2 ; 0 quand la variance observée l’atteint). Une dimension se lit au niveau de l’équipe quand ICC(1) ≥ 0,05 et rwg(j) moyen ≥ 0,70 des deux côtés.
audit-method-lagged = Qui entraîne l’autre : sur les équipes sans sous-équipe publiées des deux côtés à deux vagues successives (au moins 10), les quatre séries d’équipes (EEI et CSI à chaque vague) sont centrées réduites ; les moindres carrés de l’CSI de la vague suivante sur l’EEI et l’CSI de la précédente, et de même pour l’EEI, donnent les chemins croisés et autorégressifs standardisés, avec leurs erreurs types, intervalles à 95 % (t de Student, n − 3 degrés de liberté) et p ; l’écart entre les deux chemins croisés est testé avec la covariance que partagent les deux équations. Une antériorité dans le temps, pas une preuve de cause.
audit-method-did = Les actions ont-elles marché : pour chaque point adopté par des équipes à une vague, l’évolution moyenne de ses dimensions visées jusqu’à la vague suivante dans les équipes qui l’ont adopté (ou dont l’équipe parente l’a fait) moins celle des autres équipes, avec l’intervalle du t de Welch ; les actions abandonnées ensuite comptent encore.
audit-method-label = Distance au label : audit clients = CSI, audit collaborateurs = EEI, audit dirigeants = 100 moins l’écart moyen entre les estimations des dirigeants et ce que collaborateurs et clients ont répondu ; prêt quand chacun atteint au moins { $floor } et que leur moyenne dépasse { $average } (réglages de l’organisation ; la règle publiée du label est 55 et 70).

lagged-employees-to-customers-value = Collaborateurs → clients : { $value }
lagged-customers-to-employees-value = Clients → collaborateurs : { $value }

## Réglages de l’organisation : les seuils du label
label-thresholds-legend = Seuils du label de symétrie
label-thresholds-help = La règle de la vue de préparation : chacun des trois audits (clients, collaborateurs, dirigeants) au moins au plancher, et leur moyenne au-dessus de la barre. La règle publiée du label est 55 et 70.
field-label-floor = Plancher de chaque audit (sur 100)
field-label-average = Barre de la moyenne des trois (sur 100)
error-label-threshold-invalid = Un seuil du label doit être un nombre entier de 0 à 100.

## Exports : la feuille et le fichier d’une vague à l’autre (waves.csv)
export-sheet-waves = Vagues
export-column-analysis = Analyse
export-column-analysis-code = Analyse (code)
export-column-previous-campaign = Campagne précédente
export-column-adopted-point = Point adopté
export-column-adopted-point-code = Point adopté (code)
export-column-side = Côté
export-column-side-code = Côté (code)
export-column-path = Chemin
export-column-path-code = Chemin (code)
export-column-reading = Lecture
export-column-reading-code = Lecture (code)
export-column-teams = Équipes
export-column-estimate = Estimation
export-column-se = Erreur type
export-column-df = Degrés de liberté
export-column-adopting-teams = Équipes qui l’ont adopté
export-column-other-teams = Autres équipes
export-column-adopting-change = Évolution des équipes qui l’ont adopté (points)
export-column-other-change = Évolution des autres équipes (points)
export-analysis-cross-lagged = Qui bouge en premier (panel croisé décalé, standardisé)
export-analysis-difference-in-differences = Point adopté face aux autres équipes (différence de différences, points)
export-path-employees-to-customers = Collaborateurs → clients
export-path-customers-to-employees = Clients → collaborateurs
export-path-employee-stability = Collaborateurs → collaborateurs
export-path-customer-stability = Clients → clients
export-path-difference = Différence
audit-export-waves = d’une vague à l’autre
audit-export-summary = synthèse
