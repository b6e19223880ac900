//! The French words of the demo: towns, people's names and the comments that
//! respondents leave. Kept apart from the generator so that the model reads
//! as a model and the wording can be reviewed on its own.

use crate::analytics::Dimension;

/// A region: code, display name, and its branches as (code suffix, town).
pub struct RegionText {
    pub code: &'static str,
    pub name: &'static str,
    pub branches: &'static [(&'static str, &'static str)],
}

pub const REGIONS: [RegionText; 4] = [
    RegionText {
        code: "NORD",
        name: "Direction régionale Nord",
        branches: &[
            ("LIL", "Lille"),
            ("RBX", "Roubaix"),
            ("TRC", "Tourcoing"),
            ("ARR", "Arras"),
            ("AMI", "Amiens"),
            ("VAL", "Valenciennes"),
            ("DUN", "Dunkerque"),
            ("CAL", "Calais"),
            ("DOU", "Douai"),
            ("LEN", "Lens"),
            ("BET", "Béthune"),
        ],
    },
    RegionText {
        code: "SUD",
        name: "Direction régionale Sud",
        branches: &[
            ("MRS", "Marseille"),
            ("TLN", "Toulon"),
            ("NCE", "Nice"),
            ("MPL", "Montpellier"),
            ("NIM", "Nîmes"),
            ("AVI", "Avignon"),
            ("PER", "Perpignan"),
            ("AIX", "Aix-en-Provence"),
            ("TLS", "Toulouse"),
            ("BEZ", "Béziers"),
        ],
    },
    RegionText {
        code: "EST",
        name: "Direction régionale Est",
        branches: &[
            ("STR", "Strasbourg"),
            ("MTZ", "Metz"),
            ("NCY", "Nancy"),
            ("MUL", "Mulhouse"),
            ("REI", "Reims"),
            ("COL", "Colmar"),
            ("DIJ", "Dijon"),
            ("BES", "Besançon"),
            ("TRO", "Troyes"),
            ("EPI", "Épinal"),
            ("CHM", "Charleville-Mézières"),
        ],
    },
    RegionText {
        code: "OUEST",
        name: "Direction régionale Ouest",
        branches: &[
            ("NTE", "Nantes"),
            ("REN", "Rennes"),
            ("BRE", "Brest"),
            ("ANG", "Angers"),
            ("LMS", "Le Mans"),
            ("TRS", "Tours"),
            ("VAN", "Vannes"),
            ("LOR", "Lorient"),
            ("QUI", "Quimper"),
            ("LRO", "La Rochelle"),
        ],
    },
];

pub const FIRST_NAMES: [&str; 40] = [
    "Claire",
    "Marc",
    "Sophie",
    "Julien",
    "Nathalie",
    "Thomas",
    "Isabelle",
    "Nicolas",
    "Céline",
    "Mathieu",
    "Aurélie",
    "Sébastien",
    "Émilie",
    "Olivier",
    "Camille",
    "Antoine",
    "Hélène",
    "François",
    "Laure",
    "Guillaume",
    "Sandrine",
    "Karim",
    "Élodie",
    "Romain",
    "Valérie",
    "Yann",
    "Inès",
    "Pierre",
    "Chloé",
    "Stéphane",
    "Amandine",
    "Benoît",
    "Léa",
    "Jérôme",
    "Sarah",
    "Frédéric",
    "Manon",
    "Mehdi",
    "Anne",
    "Loïc",
];

pub const LAST_NAMES: [&str; 56] = [
    "Vasseur",
    "Delorme",
    "Lefebvre",
    "Moreau",
    "Garnier",
    "Chevalier",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Mercier",
    "Blanchard",
    "Guérin",
    "Boyer",
    "Roussel",
    "Perrin",
    "Morel",
    "Girard",
    "André",
    "Lemoine",
    "Faure",
    "Marchand",
    "Dumont",
    "Benali",
    "Caron",
    "Renaud",
    "Brunet",
    "Picard",
    "Meunier",
    "Leroy",
    "Colin",
    "Aubert",
    "Barbier",
    "Hamel",
    "Lacroix",
    "Schmitt",
    "Weber",
    "Le Gall",
    "Rivière",
    "Noël",
    "Carpentier",
    "Baron",
    "Hoarau",
    "Masson",
    "Duval",
    "Leclerc",
    "Joly",
    "Gauthier",
    "Roche",
    "Berthelot",
    "Mallet",
    "Kerbrat",
    "Ollivier",
    "Texier",
    "Charpentier",
    "Bouvier",
    "Prévost",
];

/// ASCII form of a name for an e-mail address: accents dropped, spaces and
/// apostrophes turned into hyphens.
pub fn email_part(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '\'' => '-',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// What a satisfied customer writes, whatever the channel.
pub const CUSTOMER_PRAISE: [&str; 8] = [
    "Conseillère très à l'écoute, mon dossier de prêt a été traité en une semaine. Merci !",
    "Accueil chaleureux comme toujours, on se sent connu et reconnu.",
    "Mon conseiller a pris le temps de m'expliquer chaque option sans me pousser à signer.",
    "Rendez-vous tenu à l'heure et question réglée sur place, rien à redire.",
    "Très bon suivi après le décès de mon père, humain et efficace.",
    "On m'a rappelé comme promis le lendemain, c'est devenu rare.",
    "Équipe sympathique et compétente, je recommande l'agence à mes proches.",
    "Ouverture de compte pour mon fils faite en vingt minutes, bravo.",
];

/// What a disappointed customer writes about the dimension that let them
/// down most.
pub fn customer_complaint(dimension: Dimension) -> &'static [&'static str] {
    match dimension {
        Dimension::Courtesy => &[
            "Accueil froid, on ne m'a même pas dit bonjour.",
            "Le ton employé au guichet était franchement désagréable.",
        ],
        Dimension::Facilitation => &[
            "Il m'a fallu fournir trois fois les mêmes justificatifs pour un simple crédit auto.",
            "Procédure interminable pour changer de plafond de carte.",
        ],
        Dimension::Values => &[
            "La banque se dit « proche de ses clients » mais les frais augmentent sans explication.",
            "Les belles promesses de la publicité ne se retrouvent pas en agence.",
        ],
        Dimension::Listening => &[
            "J'ai l'impression de ne pas être écouté, on me propose des produits dont je ne veux pas.",
            "Ma réclamation est restée sans réponse depuis deux mois.",
        ],
        Dimension::Digital => &[
            "L'application plante au moment de valider un virement, et l'agence ne sait pas pourquoi.",
            "Ce que je vois dans l'appli ne correspond pas à ce que voit mon conseiller.",
        ],
        Dimension::Trust => &[
            "On m'a annoncé un taux au téléphone et un autre à la signature.",
            "Je ne suis plus sûr que l'on me conseille dans mon intérêt.",
        ],
        Dimension::Autonomy => &[
            "Mon conseiller ne peut rien décider seul, tout remonte au siège.",
            "Pour un geste commercial de 10 €, il a fallu attendre l'accord de la direction.",
        ],
        Dimension::Consideration => &[
            "Je suis client depuis vingt ans et on me traite comme un numéro de dossier.",
            "Troisième conseiller en deux ans, personne ne connaît ma situation.",
        ],
        Dimension::Competence => &[
            "La personne ne connaissait pas les règles de l'assurance emprunteur.",
            "On m'a donné une information erronée sur mon PEL.",
        ],
        Dimension::Cooperation => &[
            "J'ai dû répéter mon problème à chaque appel, l'agence et la plateforme ne se parlent pas.",
            "Le service crédit et l'agence se renvoient la balle.",
        ],
        Dimension::Environment => &[
            "Encore des relevés papier alors que j'ai demandé le numérique.",
            "Aucune offre d'éco-prêt ne m'a été proposée pour mes travaux.",
        ],
    }
}

/// What an engaged employee writes.
pub const EMPLOYEE_PRAISE: [&str; 6] = [
    "Bonne ambiance d'équipe, on s'entraide vraiment quand l'agence est chargée.",
    "Ma directrice d'agence est disponible et nous fait confiance.",
    "Fier de travailler ici, on a de vraies marges de manœuvre pour les clients.",
    "Les formations de cette année m'ont beaucoup aidé sur le conseil patrimonial.",
    "On nous remercie quand un client écrit pour dire merci, ça compte.",
    "Équipe soudée, objectifs exigeants mais atteignables.",
];

/// What a disengaged employee writes about what weighs on them most.
pub fn employee_complaint(dimension: Dimension) -> &'static [&'static str] {
    match dimension {
        Dimension::Courtesy => &[
            "Les échanges avec le siège sont parfois méprisants.",
            "Tensions dans l'équipe depuis la réorganisation, personne ne se parle plus.",
        ],
        Dimension::Facilitation => &[
            "Trop de validations pour la moindre opération, on passe plus de temps à saisir qu'à conseiller.",
            "Les procédures changent chaque mois et personne ne nous prévient.",
        ],
        Dimension::Values => &[
            "On nous parle de proximité mais on ferme des agences et on réduit les effectifs.",
            "Les objectifs commerciaux passent avant l'intérêt du client.",
        ],
        Dimension::Listening => &[
            "Nos remontées de terrain ne sont jamais suivies d'effet.",
            "Personne ne nous demande notre avis avant de changer les outils.",
        ],
        Dimension::Digital => &[
            "Les clients ont une appli plus récente que nos postes de travail.",
            "Le logiciel de crédit est lent et plante plusieurs fois par jour.",
        ],
        Dimension::Trust => &[
            "On apprend les décisions par la presse avant de les apprendre par la direction.",
            "Difficile de croire aux annonces après trois plans de transformation.",
        ],
        Dimension::Autonomy => &[
            "Aucune délégation : impossible d'accorder un geste commercial sans remonter au régional.",
            "Le droit à l'erreur n'existe pas ici, alors on n'ose plus rien.",
        ],
        Dimension::Consideration => &[
            "Seuls les chiffres comptent, jamais l'effort fourni.",
            "Remplacements non compensés depuis des mois, l'équipe est épuisée.",
        ],
        Dimension::Competence => &[
            "Les nouveaux arrivent au guichet sans formation sur les produits.",
            "On nous demande de vendre de l'assurance sans nous y former.",
        ],
        Dimension::Cooperation => &[
            "Le back-office met dix jours à répondre à nos demandes.",
            "La plateforme téléphonique nous transfère les clients sans le moindre historique.",
        ],
        Dimension::Environment => &[
            "On imprime encore tout en trois exemplaires.",
            "Aucune politique de mobilité douce pour les trajets entre agences.",
        ],
    }
}

/// Notes written by the owner of each adopted action, by action-plan code.
pub fn action_note(point: &str) -> &'static str {
    match point {
        "equip" => {
            "Tablettes déployées dans toutes les agences au T3 ; historique client partagé entre agence, \
             plateforme et application en cours."
        }
        "listen-inside" => "Point d'équipe hebdomadaire de 15 minutes et registre des irritants tenu en agence.",
        "exemplarity" => "Présence du directeur d'agence à l'accueil le matin ; engagements de rappel tenus sous 48 h.",
        "remove-irritants" => "Suppression de la double saisie des justificatifs et délégation de signature relevée.",
        "share-voice" => "Verbatims clients affichés chaque lundi ; rappel systématique des clients insatisfaits.",
        "empower" => {
            "Délégation des gestes commerciaux jusqu'à 150 € aux conseillers ; revue mensuelle des erreurs sans \
             sanction."
        }
        _ => "Action suivie en comité régional.",
    }
}
