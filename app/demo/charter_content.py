"""Content of the demo charters: one realistic French charter per demo client."""

from __future__ import annotations

from typing import Any

P = "<p>{}</p>".format


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _h(title: str, body: str) -> str:
    return f"<h3>{title}</h3>{body}"


# slug -> content; contacts are named, resolved to ids at population time.
CHARTERS: dict[str, dict[str, Any]] = {
    "aquarelle-petales": {
        "context": _h(
            "Contexte",
            P(
                "Aquarelle &amp; Pétales livre des fleurs fraîches en 4 heures dans 40 villes. "
                "Sa communauté (85 000 abonnés Facebook, 32 000 sur Instagram) mêle clients "
                "fidèles et acheteurs d'un jour, très nombreux à la Saint-Valentin et à la fête "
                "des mères."
            ),
        )
        + _h(
            "Objectifs",
            _ul(
                "Faire de chaque réclamation de livraison une occasion de montrer notre sérieux.",
                "Donner envie d'offrir des fleurs sans occasion particulière.",
                "Réduire le nombre de réclamations publiques restées sans réponse à zéro.",
            ),
        ),
        "objectives": [
            ("Taux d'engagement Instagram", "engagement_rate", 4.5, "%", "month"),
            ("Réclamations traitées dans le délai", "answered_within_delay", 95, "%", "month"),
            ("Abonnés Instagram", "followers", 36000, "", "quarter"),
        ],
        "networks": [
            (
                "facebook",
                "AquarelleEtPetales",
                5,
                10,
                "12:00-14:00, 18:00-21:00",
                "bouquets 40, coulisses 20, conseils 20, offres 20",
            ),
            (
                "instagram",
                "aquarelle.petales",
                4,
                7,
                "08:00-09:00, 19:00-22:00",
                "bouquets 50, coulisses 30, conseils 20",
            ),
            ("mastodon", "aquarelle", 2, 4, "09:00-11:00", "conseils 60, coulisses 40"),
        ],
        "escalation": [
            ("complaint", "livraison", "Sophie Garnier", 120),
            ("request", "remboursement", "Sophie Garnier", 240),
            (None, "données personnelles", "Nadia Chérif", 240),
            (None, "partenariat", "Marc Olivier", 960),
            ("abuse", "", "Nadia Chérif", 60),
        ],
        "crisis": [("Sophie Garnier", "téléphone puis courriel"), ("Marc Olivier", "SMS")],
        "reporting": [
            ("Rapport mensuel d'activité", "month", "Marc Olivier"),
            ("Point hebdomadaire réclamations", "week", "Sophie Garnier"),
        ],
        "register": "vous",
        "signature": "Léa, pour Aquarelle & Pétales",
        "use": ["bouquet", "fraîcheur", "nous sommes désolés", "nous revenons vers vous"],
        "avoid": ["c'est réglé", "pas de notre faute", "malheureusement rien à faire"],
        "watch": ["retard", "fanées", "arnaque", "jamais reçu", "Saint-Valentin"],
        "days": {str(d): [["08:00", "20:00"]] for d in range(6)},
    },
    "maison-dupre": {
        "context": _h(
            "Contexte",
            P(
                "Maison Dupré, ce sont 18 boulangeries artisanales en Île-de-France. Les réseaux "
                "servent à faire vivre la proximité de chaque magasin : le pain du jour, les "
                "équipes, les recettes de saison."
            ),
        )
        + _h(
            "Objectifs",
            _ul(
                "Faire venir en magasin (galette des rois, bûches, concours de Pâques).",
                "Recruter : deux tiers des candidatures viennent des réseaux.",
            ),
        ),
        "objectives": [
            ("Taux d'engagement Facebook", "engagement_rate", 6, "%", "month"),
            ("Premières réponses dans le délai", "answered_within_delay", 90, "%", "month"),
            ("Publications", "posts_published", 40, "", "month"),
        ],
        "networks": [
            (
                "facebook",
                "MaisonDupre",
                5,
                7,
                "07:00-08:30, 16:00-18:00",
                "produits 50, équipes 30, recettes 20",
            ),
            (
                "instagram",
                "maison.dupre",
                5,
                10,
                "07:00-09:00, 18:00-20:00",
                "produits 60, coulisses 40",
            ),
            ("bluesky", "maisondupre.bsky.social", 2, 5, "12:00-14:00", "recettes 50, actus 50"),
        ],
        "escalation": [
            ("complaint", "", "Karim Haddad", 240),
            (None, "allergène", "Hélène Dupré", 60),
            (None, "recrutement", "Léa Fournier", 960),
        ],
        "crisis": [("Hélène Dupré", "téléphone"), ("Karim Haddad", "SMS")],
        "reporting": [("Rapport mensuel", "month", "Hélène Dupré")],
        "register": "tu",
        "signature": "L'équipe Maison Dupré",
        "use": ["fait maison", "fournil", "à tout de suite en boutique"],
        "avoid": ["industriel", "pas possible"],
        "watch": ["intoxication", "allergie", "cheveu", "fermé"],
        "days": {**{str(d): [["07:00", "19:30"]] for d in range(6)}, "6": [["07:00", "13:00"]]},
    },
    "banque-solidaire": {
        "context": _h(
            "Contexte",
            P(
                "La Banque Solidaire du Rhône est une banque coopérative régionale. Le secteur "
                "est régulé : aucun conseil financier en public, aucune donnée de compte sur "
                "un réseau ouvert."
            ),
        )
        + _h(
            "Objectifs",
            _ul(
                "Être reconnue comme la banque qui répond, y compris aux critiques.",
                "Faire connaître les projets financés dans la région.",
            ),
        ),
        "objectives": [
            ("Réponses dans le délai", "answered_within_delay", 98, "%", "month"),
            ("Portée LinkedIn", "reach", 120000, "", "quarter"),
        ],
        "networks": [
            (
                "linkedin",
                "banque-solidaire-rhone",
                2,
                3,
                "08:00-09:30, 12:00-13:30",
                "projets financés 50, expertise 30, vie de la banque 20",
            ),
            (
                "facebook",
                "BanqueSolidaireRhone",
                3,
                5,
                "12:00-14:00, 18:00-20:00",
                "projets financés 40, conseils pratiques 40, agences 20",
            ),
        ],
        "escalation": [
            ("complaint", "", "Philippe Armand", 240),
            (None, "compte", "Philippe Armand", 120),
            (None, "fraude", "Claire Vasseur", 60),
            (None, "presse", "Antoine Roux", 120),
            ("abuse", "", "Claire Vasseur", 120),
        ],
        "crisis": [
            ("Claire Vasseur", "téléphone"),
            ("Antoine Roux", "téléphone"),
            ("Philippe Armand", "courriel"),
        ],
        "reporting": [
            ("Rapport mensuel", "month", "Antoine Roux"),
            ("Revue conformité", "quarter", "Claire Vasseur"),
        ],
        "register": "vous",
        "signature": "Julien, conseiller en ligne",
        "use": ["nous vous invitons à nous écrire en message privé", "votre conseiller"],
        "avoid": ["garanti", "sans risque", "placement idéal"],
        "watch": ["fraude", "piratage", "phishing", "bug appli", "frais abusifs"],
        "days": {str(d): [["09:00", "18:00"]] for d in range(5)},
    },
    "nuage-logiciel": {
        "context": _h(
            "Contexte",
            P(
                "Nuage Logiciel édite un service de facturation pour indépendants. Sa communauté "
                "est bilingue : on répond dans la langue de l'utilisateur. Les incidents sont "
                "annoncés sur la page de statut."
            ),
        )
        + _h(
            "Objectifs",
            _ul(
                "Réduire les tickets de support grâce aux réponses publiques réutilisables.",
                "Annoncer chaque incident en moins de 30 minutes.",
            ),
        ),
        "objectives": [
            ("Délai de première réponse", "first_response_minutes", 60, "min", "month"),
            ("Abonnés Mastodon", "followers", 5000, "", "year"),
        ],
        "networks": [
            (
                "mastodon",
                "nuage",
                3,
                7,
                "09:00-11:00, 14:00-16:00",
                "produit 50, astuces 30, équipe 20",
            ),
            ("bluesky", "nuage.bsky.social", 3, 7, "09:00-11:00", "produit 50, astuces 50"),
            ("linkedin", "nuage-logiciel", 1, 3, "08:00-09:00", "entreprise 60, recrutement 40"),
        ],
        "escalation": [
            ("complaint", "", "Maya Chen", 120),
            (None, "panne", "Maya Chen", 30),
            (None, "presse", "Louis Bertin", 240),
        ],
        "crisis": [("Maya Chen", "Slack #incidents"), ("Louis Bertin", "téléphone")],
        "reporting": [("Rapport mensuel", "month", "Louis Bertin")],
        "register": "vous",
        "signature": "— L'équipe Nuage",
        "use": ["merci pour votre signalement", "page de statut"],
        "avoid": ["bug mineur", "c'est de votre faute"],
        "watch": ["panne", "down", "facture perdue", "RGPD"],
        "days": {str(d): [["09:00", "19:00"]] for d in range(5)},
    },
    "hotel-les-embruns": {
        "context": _h(
            "Contexte",
            P(
                "Les Embruns, hôtel 4 étoiles face à la mer à Saint-Malo. Les avis en ligne "
                "décident des réservations : chacun reçoit une réponse personnalisée."
            ),
        )
        + _h(
            "Objectifs",
            _ul(
                "Répondre à 100 % des avis sous 48 heures ouvrées.",
                "Donner envie de venir hors saison.",
            ),
        ),
        "objectives": [
            ("Avis avec réponse", "answered_within_delay", 100, "%", "month"),
            ("Taux d'engagement Instagram", "engagement_rate", 5, "%", "month"),
        ],
        "networks": [
            ("instagram", "hotel.lesembruns", 3, 5, "18:00-21:00", "mer 50, chambres 25, table 25"),
            ("facebook", "HotelLesEmbruns", 2, 4, "12:00-14:00", "offres 40, région 40, équipe 20"),
        ],
        "escalation": [
            ("complaint", "", "Gwenaëlle Le Goff", 480),
            (None, "réservation", "Yann Kervella", 120),
        ],
        "crisis": [("Gwenaëlle Le Goff", "téléphone")],
        "reporting": [("Rapport mensuel", "month", "Gwenaëlle Le Goff")],
        "register": "vous",
        "signature": "Gwenaëlle et toute l'équipe des Embruns",
        "use": ["au plaisir de vous accueillir", "face à la mer"],
        "avoid": ["bon marché", "client difficile"],
        "watch": ["punaises", "bruit", "annulation", "remboursement"],
        "days": {str(d): [["08:00", "22:00"]] for d in range(7)},
    },
}

COMMON_RICH = {
    "scope": _h(
        "Sujets traités",
        _ul(
            "Produits, services, commandes et suivi.",
            "Actualités de la marque, événements, offres.",
        ),
    )
    + _h(
        "Sujets non traités",
        _ul(
            "Politique, religion, sujets sans lien avec la marque.",
            "Litiges en cours devant un tribunal.",
        ),
    )
    + _h("Ce à quoi nous répondons", _ul("Questions, réclamations, remerciements, suggestions."))
    + _h(
        "Ce à quoi nous ne répondons jamais (et qui le fait)",
        _ul(
            "Questions juridiques : le service juridique, par courriel.",
            "Demandes de la presse : le responsable communication.",
        ),
    ),
    "intervention": _h(
        "Ce que nous poussons",
        P(
            "Les réponses factuelles et vérifiées, les liens d'aide, les nouveautés annoncées "
            "par le client."
        ),
    )
    + _h(
        "Ce que nous remontons",
        P(
            "Toute réclamation fondée, avec le lien du message, au contact de la matrice "
            "d'escalade ; les idées et signaux faibles dans le rapport."
        ),
    )
    + _h(
        "Suivi et reporting",
        P(
            "Une réclamation publique n'est close que lorsque le client "
            "confirme la résolution. Jamais « c'est réglé » tant que ce n'est pas vrai."
        ),
    ),
    "autonomy": _h(
        "Le community manager peut, seul",
        _ul(
            "Répondre aux questions dont la réponse est publique.",
            "Remercier, orienter vers le bon interlocuteur, masquer un spam.",
        ),
    )
    + _h(
        "Avec validation préalable",
        _ul(
            "Tout geste commercial (validation du responsable service client).",
            "Toute prise de parole sur un sujet sensible (validation de la direction).",
        ),
    ),
    "crisis": _h(
        "Signaux d'alerte",
        _ul(
            "Plus de 10 messages négatifs sur un même sujet en une heure.",
            "Reprise par un média ou un compte de plus de 50 000 abonnés.",
        ),
    )
    + _h(
        "Message d'attente",
        P(
            "« Nous avons bien vu vos messages et nous prenons le sujet "
            "très au sérieux. Nous revenons vers vous avant ce soir avec des réponses précises. »"
        ),
    ),
    "style": _h(
        "Proximité",
        P(
            "Chaleureux et précis ; on remercie, on s'excuse quand c'est "
            "justifié, on ne se justifie jamais aux dépens du client."
        ),
    )
    + _h(
        "Exemples de réponses",
        P(
            "« Bonjour Claire, merci pour votre message. Nous sommes "
            "désolés pour ce retard : nous vous écrivons en privé pour "
            "arranger cela tout de suite. »"
        ),
    ),
}

# slug -> list of (status, days ago signed/sent) for versions 1..n; the last may be a draft.
STATES = {
    "aquarelle-petales": ["signed:180", "draft"],
    "maison-dupre": ["signed:60"],
    "banque-solidaire": ["signed:400", "signed:45"],
    "nuage-logiciel": ["sent:3"],
    "hotel-les-embruns": ["draft"],
}
