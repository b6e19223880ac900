### Plan d’action Miroir en dix points (français). Codes et dimensions visées : data/action_plan.json.

## Les dix points : action-<code> est le titre, action-<code>-desc la description

action-exemplarity = Les managers montrent l’exemple
action-exemplarity-desc = Les managers accordent à leurs équipes l’attention qu’ils leur demandent d’accorder aux clients : disponibilité, courtoisie, promesses tenues. Commencer par des engagements simples et visibles, comme un entretien individuel régulier avec chaque collaborateur et une réponse à chaque demande dans un délai convenu.

action-listen-inside = Écouter les collaborateurs comme les clients
action-listen-inside-desc = Mettre en place une écoute interne régulière : un court baromètre, et quelques minutes en réunion d’équipe pour faire remonter ce qui gêne. Consigner les irritants des collaborateurs, les traiter avec la même priorité et le même suivi que les réclamations clients, puis dire à l’équipe ce qui a été fait.

action-remove-irritants = Supprimer les irritants internes
action-remove-irritants-desc = Repérer les processus, circuits de validation et outils qui coûtent le plus d’efforts aux collaborateurs, en commençant par ceux qui ralentissent aussi les clients. Les simplifier ou les supprimer un à un, pour que l’énergie des équipes aille aux clients plutôt qu’aux obstacles internes.

action-equip = Équiper les collaborateurs au moins aussi bien que les clients
action-equip-desc = Donner aux collaborateurs les mêmes informations et applications que celles dont disposent les clients, voire mieux : tablettes en magasin, historique client partagé entre les canaux. Aucun client ne devrait en savoir plus sur son propre dossier que le collaborateur qui le sert.

action-empower = Donner de l’autonomie au terrain
action-empower-desc = Laisser aux collaborateurs en contact avec les clients une latitude explicite pour décider en leur faveur (gestes commerciaux, exceptions, solutions sur-le-champ), dans un cadre clair. Traiter les erreurs commises de bonne foi comme des enseignements à partager, non comme des fautes à sanctionner.

action-recognise = Reconnaître et remercier
action-recognise-desc = Reconnaître les bons comportements de service au moment où ils se produisent, et pas seulement les résultats commerciaux. Transmettre les compliments des clients aux personnes concernées et les partager avec toute l’équipe.

action-share-voice = Partager la voix du client
action-share-voice-desc = Chaque équipe voit régulièrement ses propres résultats clients et verbatims, présentés simplement. Les équipes rappellent les clients mécontents pour « boucler la boucle », et discutent ensemble de ce qu’elles en apprennent.

action-relational-skills = Développer les compétences relationnelles
action-relational-skills-desc = Former et accompagner les équipes à l’écoute, à l’empathie et à la gestion des situations difficiles, par des mises en situation et des cas réels plutôt que par des cours magistraux. Les managers assurent le suivi sur le terrain pour que ces compétences s’exercent au quotidien.

action-cooperate = Mettre les fonctions support au service du terrain
action-cooperate-desc = Les fonctions support et le siège traitent les équipes de terrain comme leurs clients, avec des engagements de service et des délais de réponse. Harmoniser informations et procédures pour que le client reçoive une seule réponse cohérente, quel que soit le canal.

action-live-the-promise = Incarner la promesse relationnelle
action-live-the-promise-desc = Rendre explicite la promesse relationnelle de la marque : le type de relation que l’entreprise veut entretenir avec ses clients. L’appliquer d’abord en interne, y compris le soin porté à la santé des personnes et à l’environnement, pour que les collaborateurs vivent ce qu’on leur demande de faire vivre aux clients.

## Statut d’une action adoptée

action-status-planned = Prévue
action-status-in_progress = En cours
action-status-done = Réalisée
action-status-dropped = Abandonnée
