"""The words, phrases and emoji the listening sentiment weighs (:mod:`.sentiment`).

Words are folded (lower case, accents removed); each carries a weight from −3 to +3. A
phrase (several words) is read before its words. ``EXPECTED`` words are neutral alone but
negative when negated: "jamais reçu", "not delivered", "ne répond pas". Kept by hand, French
and English, for what people say about brands on social networks. A word that means one
thing in French and another in English ("sale", "frais") is left out.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


WORDS: dict[str, float] = {}
for _weight, _text in (
    (
        -3,
        """
        arnaque arnaques arnaqueur arnaqueurs awful catastrophique degoutant degoutante
        degoute degoutee disgusting escroc escrocs escroquerie fraud fraude furieuse
        furieux furious honteuse honteux horribles inacceptable inadmissible lamentable
        pathetic pire pires ridiculous scam scams scandale scandaleuse scandaleux
        unacceptable worst
        """,
    ),
    (
        -2,
        """
        abime abimee abimees abimes abuse abusee abusent agace agacee agressif agressive
        angry annoyed annoying annule annulee avoid bad baisse beware bizarre bol
        boycott boycottez broken canceled cancelled casse cassee cassees casses
        catastrophe cauchemar censure charged colere complaint complaints cracked crash
        crashes crashing creve crevee damaged dangereuse dangereux dangerous dead debite
        debites deception decevant decevante decevants decu decue decues decus defective
        defectueuse defectueux degradee deplorable desagreable desagreables desastre
        desastreux dirty disappointed disappointing disappointment disaster dishonest
        disrespectful ecoeurant ecoeure ecoeuree ecrase ecrasee enerve enervee
        escroqueries eviter evitez facture fail failed failing failure fane fanee fanees
        fanes faulty filthy fissure fissuree frustrated frustrating fuir fuite fuites
        fuyez galere garbage hate hated honte honteusement horrendous horrible ignore
        ignored ignoree ignores ignoring impoli impolie impossible incompetent
        incompetents injoignable inquiet inquiete insupportable intoxication inutile
        irrespectueux junk lawsuit leaked liar liars lied lies lost louche loupe loupee
        mad malade marre mauvais mauvaise mauvaises mediocre mediocrite menace mensonge
        mensonger mensonges menteur menteurs mepris meprisant meprisante mess minable
        minables misleading missing moisi moisie moldy mort morte mortes morts mouldy
        nightmare nul nulle nulles nuls overcharged panne pannes perdu perdue pissed
        plainte plaintes poor pourri pourrie pourries pourris preleve prelevee raccroche
        raccroches ras rate ratee ratees rates refund refunds refuse refused refusent
        regret regrets regrette regretted remboursement remboursez ripoff rotten rude
        ruin ruined sad scammed shady sketchy smelled smells spam spoiled stale stink
        stinks sucked sucks supprime supprimee surfacture tache tachee terrible toxic
        toxique trash triste trompe trompee trompeur trompeuse unhelpful unprofessional
        unreliable upset useless vexe vexee vol voleur voleurs waste wilted worried
        worse wrong
        """,
    ),
    (
        -1,
        """
        cher chers delay delayed expensive issue issues late lent lente outage
        overpriced problem probleme problemes problems rappel recall retard retards slow
        souci soucis
        """,
    ),
    (
        1,
        """
        agreable bon bonne bonnes bons fast fine fraiche fraiches good quick rapide
        rapides reactif reactive reactivite
        """,
    ),
    (
        2,
        """
        accueillant accueillante adored aimable appreciate appreciated attentionne
        attentionnee awesome beau beautiful beaux belle belles best bijou bluffant
        bluffe bravo brilliant chaleureuse chaleureux charming chouette conquis conquise
        content contente contents delicieuse delicieux delicious delighted efficace
        elegant elegante emerveille emerveillee enjoy enjoyed epatant excellence
        excellent excellente excellents fabulous felicitations fidele fier fiere
        flawless formidable fresh friendly genial geniale geniaux glad grateful great
        happier happy helpful heureuse heureux impeccable impressed impressive joie joli
        jolie jolies jolis joy kind love loved lovely loves merci nice pepite plaisir
        pleased ravi ravie ravis ravissant ravissante recommande recommanderai
        recommandons recommend recommended reliable reviendrai satisfait satisfaite
        smooth soigne soignee splendide stunning super superb sweet sympa thank thanks
        thoughtful top
        """,
    ),
    (
        3,
        """
        adorable adore adorent adorons amazing exceptionnel exceptionnelle fantastic
        gorgeous incroyable magnifique magnifiques merveilleuse merveilleux outstanding
        parfait parfaite parfaites parfaits perfect sublime sublimes superbe superbes
        wonderful
        """,
    ),
):
    WORDS.update(dict.fromkeys(_words(_text), float(_weight)))

# neutral alone, negative when negated ("jamais reçu", "not delivered", "ne répond pas")
EXPECTED = frozenset(
    _words(
        """
        achetez aide aider answer answered answers arrive arrived arrivee arrivees
        arrives called came come commande commandez delivered duree excuse excuses
        explanation explication fix fixed fixing fonctionne fonctionnent help helped
        last lasted livre livree livrees livres marche marchent news nouvelles ordered
        rappele rappelee received recu recue recues recus refunded regle reglee
        rembourse remboursee replied reply repond repondent repondu reponse reponses
        resolu resolue resolved response ressemblait ressemble retour retours showed
        solved suivi survive survived tenu tient valait vaut venu venue venus work
        worked working works
        """
    )
)

PHRASES: dict[tuple[str, ...], float] = {
    ("pas", "terrible"): -2,
    ("plus", "jamais"): -3,
    ("never", "again"): -3,
    ("merci", "pour", "rien"): -3,
    ("thanks", "for", "nothing"): -3,
    ("n", "importe", "quoi"): -2,
    ("c", "est", "une", "blague"): -2,
    ("une", "blague"): -2,
    ("is", "this", "a", "joke"): -2,
    ("still", "waiting"): -2,
    ("attends", "toujours"): -2,
    ("attend", "toujours"): -2,
    ("toujours", "en", "attente"): -2,
    ("toujours", "rien"): -2,
    ("still", "nothing"): -2,
    ("rien", "ne", "va"): -3,
    ("stay", "away"): -3,
    ("waste", "of", "money"): -3,
    ("rien", "a", "redire"): 2,
    ("rien", "a", "dire"): 2,
    ("nothing", "to", "say"): 0,
    ("couldn", "t", "be", "happier"): 3,
    ("could", "not", "be", "happier"): 3,
    ("a", "l", "heure"): 1,
    ("on", "time"): 1,
    ("pas", "mal"): 2,
    ("not", "bad"): 2,
    ("tres", "bien"): 2,
    ("bien", "recu"): 1,
    ("au", "top"): 2,
    ("above", "and", "beyond"): 3,
    ("charged", "me", "twice"): -2,
    ("waste", "your", "time"): -3,
    ("waste", "of", "time"): -3,
    ("perte", "de", "temps"): -3,
    ("a", "joke"): -2,
    ("zero", "stars"): -3,
    ("zero", "etoile"): -3,
    ("one", "star"): -2,
    ("une", "etoile"): -2,
    ("five", "stars"): 2,
    ("5", "stars"): 2,
    ("cinq", "etoiles"): 2,
    ("5", "etoiles"): 2,
    ("sans", "hesiter"): 2,
    ("sans", "hesitation"): 2,
    ("a", "tomber"): 2,
    ("order", "again"): 2,
    ("buy", "again"): 2,
    ("recommande", "vivement"): 3,
    ("recommend", "them", "enough"): 3,
    ("recommend", "it", "enough"): 3,
    ("au", "petit", "soin"): 2,
    ("aux", "petits", "soins"): 2,
    ("made", "my", "day"): 3,
    ("made", "her", "day"): 3,
    ("made", "his", "day"): 3,
    ("ras", "le", "bol"): -3,
    ("en", "a", "marre"): -2,
    ("j", "en", "ai", "marre"): -3,
    ("pas", "serieux"): -2,
    ("jamais", "de", "souci"): 2,
    ("aucun", "souci"): 2,
    ("pas", "de", "souci"): 2,
    ("pas", "de", "probleme"): 2,
    ("aucun", "probleme"): 2,
    ("no", "issue"): 2,
    ("no", "issues"): 2,
    ("bon", "cadeau"): 0,
    ("not", "worth"): -2,
    ("ne", "vaut", "pas"): -2,
    ("not", "worth", "it"): -2,
    ("fed", "up"): -2,
    ("trop", "cher"): -2,
    ("too", "expensive"): -2,
    ("de", "bon", "conseil"): 2,
    ("no", "problem"): 2,
}

NEGATORS = frozenset(
    _words(
        """
        aucun aucune jamais n ne neither never ni no nobody none nor not nothing pas
        personne rien sans without zero
        """
    )
)
# a negator's scope skips these little words ("n'ont pas tenu", "not what I ordered")
SKIP = frozenset(
    _words(
        """
        a ai all anything as at avait avons be been c ce ces cette de des du elle en
        encore est etait ete even ever had has have i il is it j je l la le les m ma me
        mes mon my on ont qu que s se so still the to toujours tout un une very vos
        votre vraiment was what y yet
        """
    )
)

INTENSIFIERS: dict[str, float] = {
    "tres": 1.5,
    "trop": 1.5,
    "vraiment": 1.5,
    "tellement": 1.5,
    "hyper": 1.5,
    "extremement": 1.5,
    "totalement": 1.5,
    "completement": 1.5,
    "absolument": 1.5,
    "franchement": 1.5,
    "si": 1.5,
    "super": 1.5,
    "very": 1.5,
    "really": 1.5,
    "so": 1.5,
    "extremely": 1.5,
    "totally": 1.5,
    "absolutely": 1.5,
    "completely": 1.5,
    "utterly": 1.5,
    "highly": 1.5,
    "incredibly": 1.5,
    "too": 1.5,
    "such": 1.5,
    "truly": 1.5,
    "assez": 0.5,
    "plutot": 0.5,
    "legerement": 0.5,
    "peu": 0.5,
    "slightly": 0.5,
    "somewhat": 0.5,
    "bit": 0.5,
    "fairly": 0.5,
}

EMOJI: dict[str, float] = {
    "😡": -2,
    "🤬": -3,
    "😠": -2,
    "😤": -2,
    "👎": -2,
    "😭": -2,
    "😢": -2,
    "😞": -2,
    "😒": -1,
    "🙄": -1,
    "🤮": -3,
    "💩": -2,
    "😩": -2,
    "😔": -1,
    "😕": -1,
    "☹": -2,
    "🙁": -1,
    "😫": -2,
    "😍": 3,
    "❤": 2,
    "💖": 2,
    "💕": 2,
    "💗": 2,
    "👍": 2,
    "👏": 2,
    "🙏": 1,
    "😊": 2,
    "😀": 2,
    "😃": 2,
    "😄": 2,
    "😁": 2,
    "🥰": 3,
    "🎉": 2,
    "✨": 1,
    "💯": 2,
    "🤩": 3,
    "☺": 2,
    "🙂": 1,
    ":)": 2,
    ":-)": 2,
    ":d": 2,
    "<3": 2,
    ":(": -2,
    ":-(": -2,
    ":'(": -2,
}
