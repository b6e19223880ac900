### Textes du questionnaire Miroir (français). Structure et codes des items : data/instrument.json.
### Identifiants : item-<code de l’item, points remplacés par des tirets>.
### Les items d’estimation (ec, me, mc, xe, xc) reprennent mot pour mot l’affirmation de la perspective
### qu’ils estiment (c ou e), pour que chaque écart compare des réponses à la même phrase ; check.py le vérifie.

## Questionnaire client : expérience vécue (perspective c)

item-courtesy-c-1 = Les personnes à qui j’ai eu affaire ont été courtoises et respectueuses.
item-facilitation-c-1 = Il a été facile d’obtenir ce dont j’avais besoin.
item-facilitation-c-2 = Le service s’est adapté à ma situation particulière.
item-values-c-1 = Cette entreprise agit en accord avec les valeurs qu’elle affiche.
item-listening-c-1 = On a pris le temps de m’écouter.
item-listening-c-2 = Mes remarques et suggestions sont prises en compte.
item-digital-c-1 = Les outils numériques de cette entreprise (site, application) et ses équipes se complètent bien pour me servir.
item-trust-c-1 = Je peux me fier à ce que l’on me dit.
item-autonomy-c-1 = La personne qui s’est occupée de moi avait la possibilité de prendre des décisions pour m’aider.
item-consideration-c-1 = Cette entreprise me considère comme une personne, pas comme un numéro de dossier.
item-consideration-c-2 = Cette entreprise reconnaît ma fidélité.
item-competence-c-1 = Les personnes à qui j’ai eu affaire connaissaient assez leur métier pour répondre à mes questions.
item-cooperation-c-1 = Je n’ai pas eu à répéter ma demande d’un interlocuteur ou d’un canal à l’autre.
item-environment-c-1 = Cette entreprise prend soin de l’environnement dans sa façon de me servir.

## Questionnaire client : indicateurs clés

item-nps = Quelle est la probabilité que vous recommandiez cette entreprise à un proche ou à un collègue ?
item-csat = Dans l’ensemble, quel est votre niveau de satisfaction concernant ce contact ?
item-ces = Dans quelle mesure a-t-il été facile de faire traiter votre demande ?
item-fcr = Votre demande a-t-elle été résolue dès votre premier contact, sans avoir à relancer ?

## Questionnaire collaborateur : expérience vécue (perspective e)

item-courtesy-e-1 = Dans l’entreprise, les gens se traitent avec courtoisie et respect.
item-facilitation-e-1 = Il est facile d’obtenir ce dont j’ai besoin pour faire mon travail.
item-facilitation-e-2 = Nos règles et procédures s’adaptent aux situations réelles du terrain.
item-values-e-1 = Dans mon travail au quotidien, je vois l’entreprise agir en accord avec les valeurs qu’elle affiche.
item-listening-e-1 = Mon manager prend le temps de m’écouter.
item-listening-e-2 = Mes remarques et suggestions sont suivies d’effets.
item-digital-e-1 = Mes outils numériques sont au moins aussi performants que ceux dont disposent nos clients.
item-trust-e-1 = Je peux me fier à ce que me dit ma hiérarchie.
item-autonomy-e-1 = Je suis libre de prendre des initiatives pour les clients, avec un droit à l’erreur.
item-consideration-e-1 = L’entreprise me considère comme une personne, pas comme une simple ressource.
item-consideration-e-2 = Mon travail est reconnu à sa juste valeur.
item-competence-e-1 = Je reçois la formation et le soutien nécessaires pour bien faire mon travail.
item-cooperation-e-1 = Les autres équipes et les fonctions support coopèrent bien avec nous.
item-environment-e-1 = L’entreprise prend soin de l’environnement dans notre façon de travailler.

## Questionnaire collaborateur : estimation de l’expérience client (perspective ec, affichée après perspective-ec-lead)

item-courtesy-ec-1 = Les personnes à qui j’ai eu affaire ont été courtoises et respectueuses.
item-facilitation-ec-1 = Il a été facile d’obtenir ce dont j’avais besoin.
item-facilitation-ec-2 = Le service s’est adapté à ma situation particulière.
item-values-ec-1 = Cette entreprise agit en accord avec les valeurs qu’elle affiche.
item-listening-ec-1 = On a pris le temps de m’écouter.
item-listening-ec-2 = Mes remarques et suggestions sont prises en compte.
item-digital-ec-1 = Les outils numériques de cette entreprise (site, application) et ses équipes se complètent bien pour me servir.
item-trust-ec-1 = Je peux me fier à ce que l’on me dit.
item-autonomy-ec-1 = La personne qui s’est occupée de moi avait la possibilité de prendre des décisions pour m’aider.
item-consideration-ec-1 = Cette entreprise me considère comme une personne, pas comme un numéro de dossier.
item-consideration-ec-2 = Cette entreprise reconnaît ma fidélité.
item-competence-ec-1 = Les personnes à qui j’ai eu affaire connaissaient assez leur métier pour répondre à mes questions.
item-cooperation-ec-1 = Je n’ai pas eu à répéter ma demande d’un interlocuteur ou d’un canal à l’autre.
item-environment-ec-1 = Cette entreprise prend soin de l’environnement dans sa façon de me servir.

## Questionnaire collaborateur : orientation client et indicateurs clés

item-orientation-1 = Je sais ce que nos clients attendent.
item-orientation-2 = Je suis en mesure de résoudre le problème d’un client dès le premier contact.
item-orientation-3 = Je me sens responsable de la satisfaction de nos clients.
item-enps = Quelle est la probabilité que vous recommandiez l’entreprise comme employeur à un proche ?
item-ies = Dans quelle mesure est-il facile d’obtenir en interne ce dont vous avez besoin pour servir les clients ?

## Auto-évaluation du manager : estimation de l’expérience de l’équipe (perspective me, affichée après perspective-me-lead)

item-courtesy-me-1 = Dans l’entreprise, les gens se traitent avec courtoisie et respect.
item-facilitation-me-1 = Il est facile d’obtenir ce dont j’ai besoin pour faire mon travail.
item-facilitation-me-2 = Nos règles et procédures s’adaptent aux situations réelles du terrain.
item-values-me-1 = Dans mon travail au quotidien, je vois l’entreprise agir en accord avec les valeurs qu’elle affiche.
item-listening-me-1 = Mon manager prend le temps de m’écouter.
item-listening-me-2 = Mes remarques et suggestions sont suivies d’effets.
item-digital-me-1 = Mes outils numériques sont au moins aussi performants que ceux dont disposent nos clients.
item-trust-me-1 = Je peux me fier à ce que me dit ma hiérarchie.
item-autonomy-me-1 = Je suis libre de prendre des initiatives pour les clients, avec un droit à l’erreur.
item-consideration-me-1 = L’entreprise me considère comme une personne, pas comme une simple ressource.
item-consideration-me-2 = Mon travail est reconnu à sa juste valeur.
item-competence-me-1 = Je reçois la formation et le soutien nécessaires pour bien faire mon travail.
item-cooperation-me-1 = Les autres équipes et les fonctions support coopèrent bien avec nous.
item-environment-me-1 = L’entreprise prend soin de l’environnement dans notre façon de travailler.

## Auto-évaluation du manager : estimation de l’expérience des clients de l’équipe (perspective mc, affichée après perspective-mc-lead)

item-courtesy-mc-1 = Les personnes à qui j’ai eu affaire ont été courtoises et respectueuses.
item-facilitation-mc-1 = Il a été facile d’obtenir ce dont j’avais besoin.
item-facilitation-mc-2 = Le service s’est adapté à ma situation particulière.
item-values-mc-1 = Cette entreprise agit en accord avec les valeurs qu’elle affiche.
item-listening-mc-1 = On a pris le temps de m’écouter.
item-listening-mc-2 = Mes remarques et suggestions sont prises en compte.
item-digital-mc-1 = Les outils numériques de cette entreprise (site, application) et ses équipes se complètent bien pour me servir.
item-trust-mc-1 = Je peux me fier à ce que l’on me dit.
item-autonomy-mc-1 = La personne qui s’est occupée de moi avait la possibilité de prendre des décisions pour m’aider.
item-consideration-mc-1 = Cette entreprise me considère comme une personne, pas comme un numéro de dossier.
item-consideration-mc-2 = Cette entreprise reconnaît ma fidélité.
item-competence-mc-1 = Les personnes à qui j’ai eu affaire connaissaient assez leur métier pour répondre à mes questions.
item-cooperation-mc-1 = Je n’ai pas eu à répéter ma demande d’un interlocuteur ou d’un canal à l’autre.
item-environment-mc-1 = Cette entreprise prend soin de l’environnement dans sa façon de me servir.

## Auto-évaluation de la direction : estimation de l’expérience des collaborateurs (perspective xe, affichée après perspective-xe-lead)

item-courtesy-xe-1 = Dans l’entreprise, les gens se traitent avec courtoisie et respect.
item-facilitation-xe-1 = Il est facile d’obtenir ce dont j’ai besoin pour faire mon travail.
item-facilitation-xe-2 = Nos règles et procédures s’adaptent aux situations réelles du terrain.
item-values-xe-1 = Dans mon travail au quotidien, je vois l’entreprise agir en accord avec les valeurs qu’elle affiche.
item-listening-xe-1 = Mon manager prend le temps de m’écouter.
item-listening-xe-2 = Mes remarques et suggestions sont suivies d’effets.
item-digital-xe-1 = Mes outils numériques sont au moins aussi performants que ceux dont disposent nos clients.
item-trust-xe-1 = Je peux me fier à ce que me dit ma hiérarchie.
item-autonomy-xe-1 = Je suis libre de prendre des initiatives pour les clients, avec un droit à l’erreur.
item-consideration-xe-1 = L’entreprise me considère comme une personne, pas comme une simple ressource.
item-consideration-xe-2 = Mon travail est reconnu à sa juste valeur.
item-competence-xe-1 = Je reçois la formation et le soutien nécessaires pour bien faire mon travail.
item-cooperation-xe-1 = Les autres équipes et les fonctions support coopèrent bien avec nous.
item-environment-xe-1 = L’entreprise prend soin de l’environnement dans notre façon de travailler.

## Auto-évaluation de la direction : estimation de l’expérience des clients (perspective xc, affichée après perspective-xc-lead)

item-courtesy-xc-1 = Les personnes à qui j’ai eu affaire ont été courtoises et respectueuses.
item-facilitation-xc-1 = Il a été facile d’obtenir ce dont j’avais besoin.
item-facilitation-xc-2 = Le service s’est adapté à ma situation particulière.
item-values-xc-1 = Cette entreprise agit en accord avec les valeurs qu’elle affiche.
item-listening-xc-1 = On a pris le temps de m’écouter.
item-listening-xc-2 = Mes remarques et suggestions sont prises en compte.
item-digital-xc-1 = Les outils numériques de cette entreprise (site, application) et ses équipes se complètent bien pour me servir.
item-trust-xc-1 = Je peux me fier à ce que l’on me dit.
item-autonomy-xc-1 = La personne qui s’est occupée de moi avait la possibilité de prendre des décisions pour m’aider.
item-consideration-xc-1 = Cette entreprise me considère comme une personne, pas comme un numéro de dossier.
item-consideration-xc-2 = Cette entreprise reconnaît ma fidélité.
item-competence-xc-1 = Les personnes à qui j’ai eu affaire connaissaient assez leur métier pour répondre à mes questions.
item-cooperation-xc-1 = Je n’ai pas eu à répéter ma demande d’un interlocuteur ou d’un canal à l’autre.
item-environment-xc-1 = Cette entreprise prend soin de l’environnement dans sa façon de me servir.

## Piliers de la relation (METHOD.md §2, §6)

pillar-execution = Exécution
pillar-execution-desc = Les fondamentaux du service bien assurés : facilité, outils numériques, autonomie, compétence et coopération.
pillar-link = Lien
pillar-link-desc = La qualité de la relation entre les personnes : courtoisie, écoute et confiance.
pillar-emotion = Émotion
pillar-emotion-desc = Ce qui donne du sens et de la durée à la relation : valeurs, considération et respect de l’environnement.

## Dimensions (METHOD.md §2)

dimension-courtesy = Comportement et savoir-vivre
dimension-courtesy-desc = La courtoisie et le respect dont chacun bénéficie : les clients de la part des équipes, les collaborateurs entre eux.
dimension-facilitation = Facilitation et adaptabilité
dimension-facilitation-desc = La facilité à obtenir ce dont on a besoin, et la capacité du service et des règles à s’adapter aux situations réelles.
dimension-values = Valeurs
dimension-values-desc = La cohérence entre les valeurs affichées par l’entreprise et ses actes, vue par les clients comme par les collaborateurs.
dimension-listening = Écoute et feedback
dimension-listening-desc = La qualité de l’écoute accordée aux clients et aux collaborateurs, et la suite donnée à leurs remarques.
dimension-digital = Harmonie humain / numérique
dimension-digital-desc = La bonne articulation entre outils numériques et relation humaine, et un équipement des collaborateurs au moins égal à celui des clients.
dimension-trust = Relation de confiance
dimension-trust-desc = La confiance que clients et collaborateurs peuvent accorder à ce qu’on leur dit.
dimension-autonomy = Autonomie
dimension-autonomy-desc = La latitude laissée aux collaborateurs de terrain pour décider et prendre des initiatives en faveur des clients, avec un droit à l’erreur.
dimension-consideration = Considération
dimension-consideration-desc = La considération et la reconnaissance accordées à chacun en tant que personne, plutôt qu’en tant que dossier ou que ressource.
dimension-competence = Compétence et soutien
dimension-competence-desc = La maîtrise du métier par les équipes, ainsi que la formation et le soutien qu’elles reçoivent pour bien l’exercer.
dimension-cooperation = Coopération
dimension-cooperation-desc = La coopération entre équipes, fonctions support et canaux, pour que personne n’ait à se répéter.
dimension-environment = Respect de l’environnement
dimension-environment-desc = L’attention portée à l’environnement dans la façon de servir les clients et dans la façon de travailler.

## Populations (METHOD.md §1)

population-customer = Clients
population-employee = Collaborateurs
population-manager = Managers
population-executive = Dirigeants

## Perspectives : libellés courts pour les rapports, et introduction affichée au-dessus des affirmations de chaque perspective

perspective-c = Clients
perspective-e = Collaborateurs
perspective-ec = Clients vus par les collaborateurs
perspective-me = Collaborateurs vus par le manager
perspective-mc = Clients vus par le manager
perspective-xe = Collaborateurs vus par la direction
perspective-xc = Clients vus par la direction
perspective-c-lead = Dans quelle mesure êtes-vous d’accord avec chacune de ces affirmations sur votre expérience ?
perspective-e-lead = Dans quelle mesure êtes-vous d’accord avec chacune de ces affirmations sur votre expérience au travail ?
perspective-ec-lead = Selon vous, comment vos clients répondraient-ils ? Pour chaque affirmation, choisissez la réponse que la plupart d’entre eux donneraient.
perspective-me-lead = Selon vous, comment les membres de votre équipe répondraient-ils ? Pour chaque affirmation, choisissez la réponse que la plupart d’entre eux donneraient.
perspective-mc-lead = Selon vous, comment les clients de votre équipe répondraient-ils ? Pour chaque affirmation, choisissez la réponse que la plupart d’entre eux donneraient.
perspective-xe-lead = Selon vous, comment les collaborateurs de l’entreprise répondraient-ils ? Pour chaque affirmation, choisissez la réponse que la plupart d’entre eux donneraient.
perspective-xc-lead = Selon vous, comment les clients de l’entreprise répondraient-ils ? Pour chaque affirmation, choisissez la réponse que la plupart d’entre eux donneraient.
perspective-me-estimate-lead = Sur 10 de vos collaborateurs, combien seraient d’accord avec l’affirmation suivante ?
perspective-mc-estimate-lead = Sur 10 clients de votre équipe, combien seraient d’accord avec l’affirmation suivante ?
perspective-xe-estimate-lead = Sur 10 collaborateurs de l’entreprise, combien seraient d’accord avec l’affirmation suivante ?
perspective-xc-estimate-lead = Sur 10 clients de l’entreprise, combien seraient d’accord avec l’affirmation suivante ?

## Canaux de contact des réponses clients

channel-in_person = En personne
channel-phone = Téléphone
channel-web = Site web
channel-app = Application mobile
channel-email = E-mail
channel-other = Autre

## Échelles de réponse

scale-agree-1 = Pas du tout d’accord
scale-agree-2 = Plutôt pas d’accord
scale-agree-3 = Ni d’accord ni pas d’accord
scale-agree-4 = Plutôt d’accord
scale-agree-5 = Tout à fait d’accord
scale-dont-know = Je ne sais pas / sans objet
scale-nps-0 = Pas du tout probable
scale-nps-10 = Extrêmement probable
scale-estimate-0 = Aucun
scale-estimate-10 = Tous les dix
scale-effort-1 = Très difficile
scale-effort-7 = Très facile
scale-csat-1 = Très insatisfait(e)
scale-csat-2 = Insatisfait(e)
scale-csat-3 = Ni satisfait(e) ni insatisfait(e)
scale-csat-4 = Satisfait(e)
scale-csat-5 = Très satisfait(e)
scale-fcr-yes = Oui
scale-fcr-no = Non

## Formes de maturité (METHOD.md §6)

maturity-excellence = Excellence
maturity-excellence-desc = Les trois piliers ont des scores élevés : la relation est solide, des fondamentaux jusqu’à l’émotion.
maturity-house = Maison
maturity-house-desc = L’exécution et le lien sont élevés et de niveau proche : la maison tient debout, il reste à construire l’étage de l’émotion.
maturity-pyramid = Pyramide
maturity-pyramid-desc = L’exécution devance nettement le lien : la base se renforce d’abord, les étages relationnels viendront ensuite.
maturity-narrow = Immeuble étroit
maturity-narrow-desc = Les trois piliers sont à des niveaux proches et moyens : les fondamentaux de la relation restent à consolider partout.

## Quadrants des équipes, séparés par les médianes des indices collaborateurs et clients (METHOD.md §5)

quadrant-virtuous = Symétrie vertueuse
quadrant-virtuous-desc = Collaborateurs et clients sont tous deux au niveau de la médiane ou au-dessus : l’attention portée en interne se retrouve auprès des clients.
quadrant-fragile = Satisfaction fragile
quadrant-fragile-desc = Les clients sont satisfaits, les collaborateurs beaucoup moins : le service est rendu aux dépens de l’équipe, ce qui dure rarement.
quadrant-untapped = Engagement inexploité
quadrant-untapped-desc = Les collaborateurs sont engagés, mais les clients ne le ressentent pas : l’engagement ne se traduit pas en service, c’est l’exécution qu’il faut regarder.
quadrant-vicious = Cercle vicieux
quadrant-vicious-desc = Collaborateurs et clients sont tous deux sous la médiane : les difficultés de chacun entretiennent celles de l’autre.

## Écarts, en points de % de réponses favorables (METHOD.md §4)

gap-symmetry = Écart de symétrie
gap-symmetry-desc = Score des collaborateurs moins score des clients, en points. Positif : les collaborateurs jugent leur expérience meilleure que les clients ne jugent la leur, signe que l’attention portée en interne n’arrive pas jusqu’aux clients ; négatif : les clients sont mieux servis que les collaborateurs ne sont traités, peut-être à leurs dépens. Dans les deux sens, un écart important signale une asymétrie des attentions.
gap-customer_perception = Écart de perception client
gap-customer_perception-desc = Estimation des collaborateurs moins réponse des clients, en points. Positif : les collaborateurs surestiment l’expérience de leurs clients ; négatif : ils la sous-estiment.
gap-managerial_blind_spot = Angle mort managérial
gap-managerial_blind_spot-desc = Estimation du manager moins réponse de son équipe, en points. Positif : le manager pense son équipe mieux lotie qu’elle ne le dit ; négatif : il est plus pessimiste que son équipe.
gap-manager_customer_blind_spot = Angle mort du manager sur les clients
gap-manager_customer_blind_spot-desc = Estimation du manager moins réponse des clients de l’équipe, en points. Positif : le manager surestime l’expérience client ; négatif : il la sous-estime.
gap-leadership_employee = Angle mort de la direction sur les collaborateurs
gap-leadership_employee-desc = Estimation de la direction moins réponse des collaborateurs de toute l’organisation, en points. Positif : la direction pense les collaborateurs mieux lotis qu’ils ne le disent ; négatif : elle est plus pessimiste qu’eux.
gap-leadership_customer = Angle mort de la direction sur les clients
gap-leadership_customer-desc = Estimation de la direction moins réponse des clients de toute l’organisation, en points. Positif : la direction surestime l’expérience client ; négatif : elle la sous-estime.
