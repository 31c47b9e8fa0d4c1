# ruff: noqa: E501  (French demo texts are data: one line each)
"""Demo step: a year of realistic French posts for each demo client (six months back, six ahead).

Past posts are published (with network ids), the next two weeks scheduled or approved, later
ones drafts and ideas; key dates get their posts (Saint-Valentin for the florist, galette
for the bakery…). Bulk Core inserts: a few thousand rows in well under a second.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from app.db import Database
from app.models import Client, NetworkAccount
from app.models.posts import Post, PostVariant
from app.services.keydates import marketing_days
from app.services.posts_counters import PUBLISHABLE_NETWORKS

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
                    "Nouveauté : notre composition {flower}, à offrir sans occasion. {url} #fleurs",
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
                    "Nouveau dans tes boutiques : le {bread} aux graines, pétri à la main. #boulangerie",
                ],
            ),
            (
                "coulisses",
                3,
                [
                    "4 h du matin au fournil : nos boulangers façonnent les {bread} 👨‍🍳 #coulisses",
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
    "flower": ("pivoines", "roses anciennes", "renoncules", "tulipes", "anémones"),
    "bread": (
        "pain de campagne",
        "croissant",
        "pain aux noix",
        "pain au levain",
        "pain aux céréales",
    ),
}
STATUS_LIVE = ("scheduled", "approved")


def _text(template: str, rng, slug: str) -> str:
    return template.format(
        flower=rng.choice(FILLERS["flower"]),
        bread=rng.choice(FILLERS["bread"]),
        url=f"https://{slug}.example/p/{rng.randint(100, 999)}",
        n=rng.randint(1, 9),
    )


def _variant_text(network: str, text: str) -> str:
    if network == "linkedin":
        return text + "\n\n#communication #proximité"
    if network in ("x", "bluesky") and len(text) > 250:
        return text[:245] + "…"
    return text


def populate(db: Database, ctx) -> None:
    rng = ctx.rng
    now = dt.datetime.now(dt.UTC)
    post_rows, variant_rows = [], []
    with db.read() as session:
        tz = {cid: zone for cid, zone in session.execute(select(Client.id, Client.timezone))}
        accounts = session.execute(
            select(NetworkAccount.client_id, NetworkAccount.network, NetworkAccount.id)
        ).all()
        next_id = (session.scalar(select(Post.id).order_by(Post.id.desc()).limit(1)) or 0) + 1
    for slug, (per_week, hours, mix, specials) in CONTENT.items():
        cid = ctx.clients.get(slug)
        if cid is None:
            continue
        zone = ZoneInfo(tz[cid])
        nets = {n: aid for c, n, aid in accounts if c == cid and n in PUBLISHABLE_NETWORKS}
        if not nets:
            continue
        start = ctx.today - dt.timedelta(days=182)
        plans: list[tuple[dt.date, str, str]] = []
        weights = [w for _, w, _ in mix]
        day = start
        while day < ctx.today + dt.timedelta(days=183):
            if rng.random() < per_week / 7 * (0.6 if day.weekday() >= 5 else 1.1):
                cat, _, texts = rng.choices(mix, weights=weights)[0]
                plans.append((day, cat, _text(rng.choice(texts), rng, slug)))
            day += dt.timedelta(days=1)
        for year in {start.year, ctx.today.year, (ctx.today + dt.timedelta(days=183)).year}:
            for kd in marketing_days(year):
                if kd.key in specials and start <= kd.day < ctx.today + dt.timedelta(days=183):
                    when = kd.day - dt.timedelta(
                        days=2 if kd.key in ("valentine", "mothers_day") else 0
                    )
                    plans.append((when, "temps fort", _text(specials[kd.key], rng, slug)))
        for day, cat, text in plans:
            local = dt.datetime.combine(
                day, dt.time(rng.choice(hours), rng.choice((0, 15, 30, 45))), tzinfo=zone
            )
            planned = local.astimezone(dt.UTC)
            delta = planned - now
            if delta.total_seconds() < 0:
                status = "published"
            elif delta.days < 14:
                status = rng.choice(STATUS_LIVE)
            elif delta.days < 45:
                status = rng.choice(("in_review", "draft", "draft"))
            else:
                status = rng.choice(("draft", "idea", "idea"))
            chosen = [n for n in nets if rng.random() < 0.75] or [rng.choice(list(nets))]
            pid = next_id
            next_id += 1
            post_rows.append(
                {
                    "id": pid,
                    "client_id": cid,
                    "uid": uuid.uuid4().hex,
                    "title": text.split(" ")[0:6] and " ".join(text.split(" ")[:6]),
                    "planned_at": planned,
                    "all_day": False,
                    "category": cat,
                    "tags": [],
                    "campaign": "Temps forts" if cat == "temps fort" else "",
                    "author": rng.choice(list(ctx.staff) or ["Camille Martin"]),
                    "status": status,
                    "status_reason": "",
                    "notes": "",
                    "approval_comment": "",
                    "created_at": planned - dt.timedelta(days=rng.randint(3, 30)),
                    "updated_at": planned - dt.timedelta(days=1),
                    "version": 1,
                }
            )
            for network in chosen:
                published = status == "published"
                ext = str(rng.randint(10**9, 10**10)) if published else ""
                variant_rows.append(
                    {
                        "post_id": pid,
                        "client_id": cid,
                        "network": network,
                        "account_id": nets[network],
                        "text": _variant_text(network, text),
                        "link": "",
                        "first_comment": "",
                        "media": [],
                        "idempotency_key": uuid.uuid4().hex,
                        "publish_state": "published" if published else "",
                        "attempts": 1 if published else 0,
                        "sending_at": planned if published else None,
                        "external_id": ext,
                        "url": f"https://{network}.example/{slug}/{ext}" if published else "",
                        "published_at": planned if published else None,
                        "last_error": "",
                        "retryable": True,
                    }
                )
    with db.session() as session:
        if post_rows:
            session.execute(insert(Post), post_rows)
            session.execute(insert(PostVariant), variant_rows)
    ctx.count("posts", len(post_rows))
