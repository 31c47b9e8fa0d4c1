# ruff: noqa: E501  (French demo texts are data: one line each)
"""The demo's French post texts per client, and the key dates each client marks."""

from __future__ import annotations

# slug -> (posts per week, hours, [(category, weight, [texts])], {keydate key: text})
CONTENT = {
    "aquarelle-petales": (
        4,
        (9, 12, 18),
        [
            (
                "produit",
                4,
                [
                    "Le bouquet « {flower} » est de retour 🌷 Livré en 4 h partout en France. {url}",
                    "Nouveauté : notre composition de {flower}, à offrir sans occasion. {url} #fleurs",
                ],
            ),
            (
                "conseil",
                3,
                [
                    "Astuce de fleuriste : coupez les tiges en biseau et changez l'eau tous les deux jours 💧 #conseil",
                    "Comment faire durer vos {flower} ? Nos 3 gestes simples 👉 {url}",
                ],
            ),
            (
                "coulisses",
                2,
                [
                    "Ce matin à l'atelier, Léa prépare 200 bouquets de {flower} 🌸 #coulisses",
                    "Nos fleurs arrivent de producteurs français : rencontre avec un horticulteur du Var.",
                ],
            ),
            (
                "communauté",
                1,
                [
                    "Montrez-nous vos bouquets ! Les plus belles photos seront partagées ici 📸 #AquarelleEtVous",
                ],
            ),
        ],
        {
            "valentine": "Saint-Valentin 💐 Commandez avant le 13 à midi pour une livraison le 14. {url}",
            "mothers_day": "Fête des mères : nos bouquets de pivoines sont prêts 💗 Livraison garantie dimanche. {url}",
            "grandmothers": "Dimanche, c'est la fête des grands-mères 🌼 Un petit bouquet qui fait du bien. {url}",
            "black_friday": "Black Friday : -20 % sur les plantes vertes jusqu'à lundi 🌿 {url}",
        },
    ),
    "maison-dupre": (
        5,
        (7, 11, 16),
        [
            (
                "produit",
                4,
                [
                    "Le {bread} du jour sort du four 🥖 Passe en boutique avant midi !",
                    "Nouveau dans tes boutiques : notre {bread}, pétri à la main. #boulangerie",
                ],
            ),
            (
                "coulisses",
                3,
                [
                    "4 h du matin au fournil : nos boulangers façonnent le {bread} 👨‍🍳 #coulisses",
                    "On t'explique pourquoi notre levain a 12 ans 🍞",
                ],
            ),
            (
                "communauté",
                2,
                [
                    "Ton {bread} préféré chez Maison Dupré ? Dis-le-nous en commentaire 👇",
                ],
            ),
            (
                "promo",
                1,
                [
                    "Cette semaine : une baguette offerte pour 5 achetées avec la carte fidélité 🎁",
                ],
            ),
        ],
        {
            "epiphany": "La galette des rois est arrivée 👑 Frangipane ou brioche, tu choisis ? {url}",
            "chandeleur": "Chandeleur 🥞 Nos crêpes maison sont en boutique toute la journée !",
            "back_to_school": "C'est la rentrée 🎒 Le goûter est prêt : pains au chocolat tout chauds.",
            "christmas_eve": "Bûches de Noël : pensez à commander avant le 22 décembre 🎄 {url}",
        },
    ),
    "banque-solidaire": (
        3,
        (9, 12, 17),
        [
            (
                "pédagogie",
                4,
                [
                    "Budget : 3 réflexes pour préparer une dépense imprévue. Nos conseils 👉 {url}",
                    "Épargne solidaire : comment votre argent finance des projets locaux. {url}",
                ],
            ),
            (
                "entreprise",
                2,
                [
                    "Nos conseillers accompagnent les associations du Rhône : rencontre avec l'une d'elles. {url}",
                ],
            ),
            (
                "actualité",
                2,
                [
                    "Taux du livret A : ce qui change pour vous ce mois-ci. {url}",
                ],
            ),
            (
                "recrutement",
                1,
                [
                    "Nous recrutons des conseillers clientèle à Lyon et Villeurbanne. Postulez : {url}",
                ],
            ),
        ],
        {
            "back_to_school": "Rentrée : nos conseils pour un premier compte étudiant sans frais cachés. {url}",
            "black_friday": "Black Friday : 5 questions à se poser avant un achat à crédit. {url}",
        },
    ),
    "nuage-logiciel": (
        3,
        (10, 14, 17),
        [
            (
                "produit",
                4,
                [
                    "Nuage 3.{n} est disponible : synchronisation hors ligne et export CSV. Notes de version : {url}",
                    "Nouvelle intégration : connectez Nuage à votre agenda en deux clics. {url} #SaaS",
                ],
            ),
            (
                "tutoriel",
                3,
                [
                    "Tutoriel : automatiser vos relances clients en 5 minutes. {url}",
                ],
            ),
            (
                "équipe",
                2,
                [
                    "Rencontre avec l'équipe support, joignable en français 7 j / 7 👋",
                ],
            ),
            (
                "événement",
                1,
                [
                    "Retrouvez-nous au salon VivaTech, stand B42 🚀 {url}",
                ],
            ),
        ],
        {"black_friday": "Black Friday : 3 mois offerts sur l'abonnement annuel. {url}"},
    ),
    "hotel-les-embruns": (
        4,
        (9, 13, 19),
        [
            (
                "destination",
                4,
                [
                    "Lever de soleil sur la baie depuis la chambre 12 🌅 #Bretagne",
                    "Balade du week-end : le sentier des douaniers à 10 minutes de l'hôtel. {url}",
                ],
            ),
            (
                "offre",
                2,
                [
                    "Offre week-end : deux nuits, petit-déjeuner et dîner face à la mer. {url}",
                ],
            ),
            (
                "gastronomie",
                2,
                [
                    "Le chef vous propose ce soir un bar de ligne au beurre blanc 🐟",
                ],
            ),
            (
                "avis",
                1,
                [
                    "« Un accueil adorable et une vue incroyable » — merci Claire pour ce mot ❤️",
                ],
            ),
        ],
        {
            "valentine": "Saint-Valentin face à la mer : dîner aux chandelles et nuit en suite. {url}",
            "music_day": "Fête de la musique : concert sur la terrasse à partir de 19 h 🎶",
        },
    ),
}
FILLERS = {
    # all start with a consonant: "bouquets de {flower}" never needs "d'"
    "flower": ("pivoines", "roses anciennes", "renoncules", "tulipes", "pensées"),
    "bread": (
        "pain de campagne",
        "croissant",
        "pain aux noix",
        "pain au levain",
        "pain aux céréales",
    ),
}
