### La page des résultats d’une équipe pour son responsable (ticket n° 12,
### point 2) : la synthèse, le graphique à points et le bloc « Comment lire »
### (aussi sur le tableau de bord).

## Synthèse

summary-heading = En bref
summary-findings-heading = Ce qui ressort
summary-no-finding = Rien ne ressort : aucune différence entre clients et collaborateurs ne dépasse le hasard, et aucune estimation du responsable ne s’écarte de { $min } points ou plus de ce que les personnes ont répondu.
summary-changes-heading = Depuis la vague précédente
summary-no-previous = C’est la première vague publiée de l’équipe : il n’y a encore rien à comparer.
summary-team-new = L’équipe ne faisait pas partie de { $wave } : il n’y a rien à comparer.
summary-no-change = Aucun score n’a changé plus que le hasard ne l’explique depuis { $wave }.
summary-more-changes = { $count ->
    [one] Un autre score a changé plus que le hasard ne l’explique, mais moins.
   *[other] { $count } autres scores ont changé plus que le hasard ne l’explique, mais moins.
}
summary-plan-heading = Premiers pas recommandés
summary-plan-more = Chaque point, ce qu’il demande et comment l’adopter se trouvent plus bas, sous « { results-plan-heading } ».
results-detailed-heading = Chiffres détaillés
results-detailed-help = Chaque score avec son nombre de réponses et son intervalle, et chaque écart en points.

finding-symmetry = { $direction ->
    [above] Vos collaborateurs évaluent « { $dimension } » { $points } points plus haut que vos clients : un écart trop grand pour être dû au hasard.
   *[below] Vos clients évaluent « { $dimension } » { $points } points plus haut que vos collaborateurs : un écart trop grand pour être dû au hasard.
}
finding-customer_perception = { $direction ->
    [above] Les clients évaluent « { $dimension } » { $points } points plus bas que ne le pensent vos collaborateurs : un écart trop grand pour être dû au hasard.
   *[below] Les clients évaluent « { $dimension } » { $points } points plus haut que ne le pensent vos collaborateurs : un écart trop grand pour être dû au hasard.
}
finding-managerial_blind_spot = { $who ->
    [you] { $direction ->
        [above] Vous estimez « { $dimension } » chez vos collaborateurs { $points } points plus haut que ce qu’ils déclarent.
       *[below] Vous estimez « { $dimension } » chez vos collaborateurs { $points } points plus bas que ce qu’ils déclarent.
    }
   *[manager] { $direction ->
        [above] Le responsable estime « { $dimension } » chez les collaborateurs { $points } points plus haut que ce qu’ils déclarent.
       *[below] Le responsable estime « { $dimension } » chez les collaborateurs { $points } points plus bas que ce qu’ils déclarent.
    }
}
finding-manager_customer_blind_spot = { $who ->
    [you] { $direction ->
        [above] Vous estimez « { $dimension } » chez vos clients { $points } points plus haut que ce qu’ils déclarent.
       *[below] Vous estimez « { $dimension } » chez vos clients { $points } points plus bas que ce qu’ils déclarent.
    }
   *[manager] { $direction ->
        [above] Le responsable estime « { $dimension } » chez les clients { $points } points plus haut que ce qu’ils déclarent.
       *[below] Le responsable estime « { $dimension } » chez les clients { $points } points plus bas que ce qu’ils déclarent.
    }
}

change-c = { $direction ->
    [up] Le score des clients sur « { $subject } » a gagné { $points } points depuis { $wave } (de { $before } à { $after }).
   *[down] Le score des clients sur « { $subject } » a perdu { $points } points depuis { $wave } (de { $before } à { $after }).
}
change-e = { $direction ->
    [up] Le score des collaborateurs sur « { $subject } » a gagné { $points } points depuis { $wave } (de { $before } à { $after }).
   *[down] Le score des collaborateurs sur « { $subject } » a perdu { $points } points depuis { $wave } (de { $before } à { $after }).
}
change-index = { $direction ->
    [up] « { $subject } » a gagné { $points } points depuis { $wave } (de { $before } à { $after }).
   *[down] « { $subject } » a perdu { $points } points depuis { $wave } (de { $before } à { $after }).
}

## Le graphique à points

chart-dots-title = Comment chacun voit chaque dimension
chart-dots-desc = Une ligne par dimension, sur une échelle de 0 à 100 (% favorable) : clients, collaborateurs, estimation des clients par les collaborateurs, et estimations du responsable pour les collaborateurs et pour les clients, chacun avec sa forme et sa couleur. Un repère absent est un score non affiché.
chart-dots-axis = % favorable, de 0 à 100
chart-dots-legend = Légende
chart-dots-hidden = { $who ->
    [c] Clients
    [e] Collaborateurs
   *[ec] Estimation des clients par les collaborateurs
} : moins de { $k } personnes ont répondu, ces repères ne sont donc pas affichés, pour protéger l’anonymat.
chart-dots-none = { $who ->
    [c] Clients
    [e] Collaborateurs
    [ec] Estimation des clients par les collaborateurs
    [me] Estimation des collaborateurs par le responsable
   *[mc] Estimation des clients par le responsable
} : aucune réponse, donc aucun repère.
chart-dots-some-missing = D’autres repères manquent : moins de { $k } personnes ont répondu à ces questions, ou personne.

## Comment lire

how-to-read-title = Comment lire cette page
how-to-read-score-term = Score (de 0 à 100)
how-to-read-score = La part de réponses favorables (4 ou 5 sur 5) sur un thème. 70 signifie que 70 réponses sur 100 étaient favorables.
how-to-read-perspectives-term = C, E, EC, ME, MC
how-to-read-perspectives = Le point de vue d’un score : C les réponses des clients ; E celles des collaborateurs ; EC ce que les collaborateurs pensent que les clients répondent ; ME ce que le responsable pense que les collaborateurs répondent ; MC ce que le responsable pense que les clients répondent.
how-to-read-gap-term = Écart
how-to-read-gap = La distance en points entre deux de ces scores, par exemple collaborateurs moins clients. Un écart positif signifie que le premier est plus haut.
how-to-read-significant-term = Significatif
how-to-read-significant = Un écart trop grand pour être dû au hasard. La page compare beaucoup de chiffres à la fois, et quelques-uns paraîtraient grands par simple chance ; un écart ou une évolution n’est dit significatif que si, une fois cela corrigé (méthode de Benjamini–Hochberg), la probabilité de l’observer par hasard est inférieure à 5 sur 100 (q inférieur à 0,05).
how-to-read-blind-spot-term = Angle mort
how-to-read-blind-spot = La distance entre l’estimation d’un responsable et ce que les personnes ont réellement répondu. C’est le jugement d’une ou de quelques personnes : il est donné en points et n’est jamais testé.
how-to-read-fewer-term = Moins de { $k } réponses
how-to-read-fewer = Quand moins de { $k } personnes d’un groupe ont répondu, leurs scores et commentaires ne sont pas affichés, pour que personne ne puisse être reconnu. Quelques autres chiffres peuvent aussi être masqués, pour qu’un chiffre masqué ne puisse pas être retrouvé par soustraction.
how-to-read-interval-term = Intervalle
how-to-read-interval = La fourchette entre crochets après un score. Si toutes les personnes concernées avaient répondu, leur score s’y trouverait 95 fois sur 100. Moins il y a de réponses, plus elle est large.
