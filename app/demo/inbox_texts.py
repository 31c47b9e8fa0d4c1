"""The words of the demo inbox: names, per-client vocabulary, message templates."""

FIRST = [
    "Marie",
    "Julie",
    "Camille",
    "Léa",
    "Chloé",
    "Sarah",
    "Inès",
    "Manon",
    "Emma",
    "Anaïs",
    "Thomas",
    "Nicolas",
    "Lucas",
    "Hugo",
    "Maxime",
    "Karim",
    "Mehdi",
    "Antoine",
    "Yannick",
    "Sophie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Pierre",
    "Jean",
    "Michel",
    "Gaëlle",
    "Zoé",
]
LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
]

# Each client's words, as complete French phrases (article included, chosen so that every
# template below reads correctly: no "de le", no agreement left to chance).
#   item: something bought, after "Combien coûte" / "Problème avec"
#   service: after "est-ce que … est possible", "… arrive en retard", "concernant"
#   place: after "vos horaires pour" / "ouvrir … plus tôt le samedi"
#   fav: what people love, plural or possessive ("J'adore …")
#   idea: after "Ce serait bien d'avoir"
#   booking: after "Je voudrais modifier"
VOCAB = {
    "aquarelle-petales": {
        "item": "le bouquet de pivoines",
        "service": "la livraison",
        "place": "la boutique",
        "fav": "vos roses anciennes",
        "idea": "des bouquets en plus petit format",
        "booking": "ma commande pour la fête des mères",
    },
    "maison-dupre": {
        "item": "la galette des rois",
        "service": "la commande de croissants",
        "place": "la boutique de Lyon 3",
        "fav": "vos croissants",
        "idea": "du pain sans gluten",
        "booking": "ma commande de galettes",
    },
    "banque-solidaire": {
        "item": "la carte bancaire",
        "service": "le virement",
        "place": "l'agence de Villeurbanne",
        "fav": "votre appli",
        "idea": "le paiement sans contact sur mobile",
        "booking": "mon rendez-vous avec ma conseillère",
    },
    "nuage-logiciel": {
        "item": "the invoice export",
        "service": "billing",
        "place": "the dashboard",
        "fav": "the mobile app",
        "idea": "the last update",
        "booking": "my plan",
    },
    "hotel-les-embruns": {
        "item": "la chambre vue mer",
        "service": "le petit-déjeuner",
        "place": "le spa",
        "fav": "votre petit-déjeuner",
        "idea": "un parking pour les vélos",
        "booking": "ma réservation",
    },
}
TEMPLATES = {
    "question": [
        "Bonjour, est-ce que {service} est possible ce dimanche ?",
        "Quels sont vos horaires pour {place} ?",
        "Vous êtes ouverts le 1er mai ? Merci d'avance",
        "Combien coûte {item} ?",
    ],
    "complaint": [
        "Ma commande n'est jamais arrivée, je suis très déçue. Remboursement ?",
        "Toujours pas de nouvelles concernant {service}, c'est inadmissible",
        "Troisième fois que {service} arrive en retard. Service client injoignable.",
        "Problème avec {item}, j'attends un geste commercial",
    ],
    "praise": [
        "Merci pour votre accueil, c'était parfait !",
        "Bravo à toute l'équipe, super accueil",
        "J'adore {fav}, toujours au top",
        "{Fav} : un vrai bonheur, merci beaucoup !",
    ],
    "suggestion": [
        "Ce serait bien d'avoir {idea}",
        "Vous devriez ouvrir {place} plus tôt le samedi",
    ],
    "request": [
        "Pouvez-vous me rappeler concernant {service} ?",
        "Je voudrais modifier {booking}",
    ],
    "spam": [
        "Gagnez 500 € par jour avec la crypto, cliquez ici",
        "Follow back ? promo code GRATUIT",
    ],
    "other": [
        "{Fav} 😍",
        "On en parle à la pause café 😄",
        "Je vous recommande à tous mes amis 👍",
    ],
}
# Only Facebook pages have reviews (recommendations) among the networks Tribune reads.
REVIEW_NETWORKS = ("facebook",)
EN = {
    "question": [
        "Hi, does {item} support multiple currencies?",
        "When will {place} be available on mobile?",
    ],
    "complaint": [
        "{Item} broke again after {idea}, this is terrible. Refund?",
        "Still waiting for support about {service}, disappointed",
    ],
    "praise": ["Thanks, {fav} is great!", "Love {place}, great work team"],
    "suggestion": ["Would be nice to have dark mode in {fav}", "Idea: a CSV option in {item}"],
    "request": ["Could you please reset my {service} account?", "I would like to change {booking}"],
    "spam": ["Earn 500$ a day with crypto, follow back"],
    "other": ["{Fav} 👀", "Anyone at the meetup?"],
}
WEIGHTS = [
    ("question", 30),
    ("complaint", 14),
    ("praise", 28),
    ("suggestion", 6),
    ("request", 10),
    ("spam", 4),
    ("other", 8),
]
SAVED = [
    ("Remerciement", "Merci beaucoup {first_name} pour votre message ! {signature}", "praise"),
    (
        "Réclamation : passage en privé",
        "Bonjour {first_name}, nous sommes désolés. Pouvez-vous nous envoyer votre numéro de "
        "commande {order} en message privé ? Nous regardons cela tout de suite.",
        "complaint",
    ),
    (
        "Horaires",
        "Bonjour {first_name}, nous sommes ouverts du lundi au samedi de 9 h à 19 h.",
        "question",
    ),
    (
        "Bienvenue",
        "Bienvenue parmi nous {first_name} ! Ravi de vous compter dans la communauté.",
        "",
    ),
]
