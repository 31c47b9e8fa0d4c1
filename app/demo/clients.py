"""Demo step: the agency, its team, and five clients of different kinds."""

from __future__ import annotations

from app.db import Database
from app.demo import DemoContext
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service

AGENCY = {
    "name": "Social & Co",
    "address": "12 rue de la République, 69002 Lyon",
    "email": "bonjour@socialandco.example",
    "colour": "#0f766e",  # the accent of the agency's documents
}


def agency_logo() -> bytes:
    """Social & Co's logo, drawn here (the demo needs no file): a teal rounded square with a
    white speech bubble and "S&Co", as a PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from app.documents.pdf import ensure_fonts

    family = ensure_fonts()
    image = QImage(360, 360, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(AGENCY["colour"]))
    painter.drawRoundedRect(QRectF(0, 0, 360, 360), 64, 64)
    painter.setBrush(QColor("#f2b84b"))
    painter.drawEllipse(QRectF(236, 44, 64, 64))
    font = QFont(family, 1)
    font.setPixelSize(118)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 60, 360, 240), Qt.AlignmentFlag.AlignCenter, "S&Co")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 refuses bytes here though its stub says bytes: the stub is wrong
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


STAFF = [
    ("Camille Martin", "Community manager senior", "camille@socialandco.example"),
    ("Julien Moreau", "Community manager", "julien@socialandco.example"),
    ("Inès Benali", "Cheffe de projet social media", "ines@socialandco.example"),
    ("Thomas Leroy", "Directeur de clientèle", "thomas@socialandco.example"),
]

# name, slug, sector, language, timezone, colour, notes, contacts, accounts
CLIENTS = [
    (
        "Aquarelle & Pétales",
        "aquarelle-petales",
        "Livraison de fleurs en ligne",
        "fr",
        "Europe/Paris",
        "#d83b8a",
        "Fleuriste en ligne, livraison en 4 h. Pics d'activité à la Saint-Valentin et à la "
        "fête des mères : les réclamations de livraison arrivent sur Facebook.",
        [
            (
                "Sophie Garnier",
                "Responsable service client",
                "sophie.garnier@aquarelle-petales.example",
                "+33 4 72 00 11 22",
                ["Service client", "Livraison"],
            ),
            (
                "Marc Olivier",
                "Directeur marketing",
                "marc.olivier@aquarelle-petales.example",
                "+33 4 72 00 11 23",
                ["Marketing", "Partenariats"],
            ),
            (
                "Nadia Chérif",
                "Juriste",
                "nadia.cherif@aquarelle-petales.example",
                "",
                ["Juridique", "Données personnelles"],
            ),
        ],
        [
            ("facebook", "AquarelleEtPetales", "https://graph.facebook.example"),
            ("instagram", "aquarelle.petales", "https://graph.facebook.example"),
            ("mastodon", "aquarelle", "https://mastodon.example"),
        ],
    ),
    (
        "Boulangeries Maison Dupré",
        "maison-dupre",
        "Chaîne de boulangeries (18 magasins)",
        "fr",
        "Europe/Paris",
        "#d8a73b",
        "Ton chaleureux, on tutoie la communauté. Galette des rois en janvier, concours photo "
        "à Pâques.",
        [
            (
                "Hélène Dupré",
                "Gérante",
                "helene@maison-dupre.example",
                "+33 1 45 00 22 10",
                ["Direction", "Qualité"],
            ),
            (
                "Karim Haddad",
                "Responsable des magasins",
                "karim@maison-dupre.example",
                "+33 1 45 00 22 11",
                ["Magasins", "Service client"],
            ),
            (
                "Léa Fournier",
                "Chargée de communication",
                "lea@maison-dupre.example",
                "",
                ["Communication", "Recrutement"],
            ),
        ],
        [
            ("facebook", "MaisonDupre", "https://graph.facebook.example"),
            ("instagram", "maison.dupre", "https://graph.facebook.example"),
            ("bluesky", "maisondupre.bsky.social", "https://bsky.example"),
        ],
    ),
    (
        "Banque Solidaire du Rhône",
        "banque-solidaire",
        "Banque coopérative régionale",
        "fr",
        "Europe/Paris",
        "#2f9e6e",
        "Secteur régulé : jamais de conseil financier en public, vouvoiement, toute question "
        "sur un compte passe en message privé. Validation juridique des publications.",
        [
            (
                "Philippe Armand",
                "Directeur de la relation client",
                "p.armand@bsr.example",
                "+33 4 78 10 20 30",
                ["Relation client", "Réclamations"],
            ),
            (
                "Claire Vasseur",
                "Responsable conformité",
                "c.vasseur@bsr.example",
                "+33 4 78 10 20 31",
                ["Conformité", "Juridique"],
            ),
            (
                "Antoine Roux",
                "Responsable communication",
                "a.roux@bsr.example",
                "",
                ["Communication", "Presse"],
            ),
        ],
        [
            ("linkedin", "banque-solidaire-rhone", "https://api.linkedin.example"),
            ("facebook", "BanqueSolidaireRhone", "https://graph.facebook.example"),
            ("rss", "Alertes presse", "https://alerts.example/feeds/bsr.xml"),
        ],
    ),
    (
        "Nuage Logiciel",
        "nuage-logiciel",
        "Start-up SaaS (facturation pour indépendants)",
        "en",
        "Europe/Paris",
        "#3b6fd8",
        "Bilingual community; answers in the user's language. Status page for incidents.",
        [
            ("Maya Chen", "Head of support", "maya@nuage.example", "", ["Support", "Incidents"]),
            (
                "Louis Bertin",
                "CEO",
                "louis@nuage.example",
                "+33 6 12 34 56 78",
                ["Direction", "Presse"],
            ),
        ],
        [
            ("mastodon", "nuage", "https://fosstodon.example"),
            ("bluesky", "nuage.bsky.social", "https://bsky.example"),
            ("linkedin", "nuage-logiciel", "https://api.linkedin.example"),
        ],
    ),
    (
        "Hôtel Les Embruns",
        "hotel-les-embruns",
        "Hôtel 4 étoiles à Saint-Malo",
        "fr",
        "Europe/Paris",
        "#3bb5d8",
        "Avis clients sur Google et Tripadvisor à traiter sous 48 h ouvrées.",
        [
            (
                "Gwenaëlle Le Goff",
                "Directrice",
                "direction@lesembruns.example",
                "+33 2 99 00 00 01",
                ["Direction", "Réservations"],
            ),
            (
                "Yann Kervella",
                "Chef de réception",
                "reception@lesembruns.example",
                "",
                ["Réception", "Service client"],
            ),
        ],
        [
            ("instagram", "hotel.lesembruns", "https://graph.facebook.example"),
            ("facebook", "HotelLesEmbruns", "https://graph.facebook.example"),
        ],
    ),
]


def populate(db: Database, ctx: DemoContext) -> None:
    with db.session() as session:
        agency_service.save_agency(session, **AGENCY, logo=agency_logo())
        for name, role, email in STAFF:
            ctx.staff[name] = agency_service.add_staff(session, name, role, email).id
        for name, slug, sector, language, tz, colour, notes, contacts, accounts in CLIENTS:
            info = clients.create_client(
                session,
                name,
                slug=slug,
                sector=sector,
                language=language,
                timezone=tz,
                colour=colour,
                notes=notes,
            )
            ctx.clients[slug] = info.id
            for c_name, role, email, phone, depts in contacts:
                clients.save_contact(
                    session,
                    info.id,
                    name=c_name,
                    role=role,
                    email=email,
                    phone=phone,
                    departments=depts,
                )
            for network, handle, base_url in accounts:
                clients.add_account(session, info.id, network, handle, base_url=base_url)
            ctx.count("clients")
