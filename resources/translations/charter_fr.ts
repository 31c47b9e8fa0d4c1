<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BusinessHoursEditor</name>
    <message>
        <source>Business hours</source>
        <translation>Horaires d&apos;ouverture</translation>
    </message>
    <message>
        <source>Public holidays of (country)</source>
        <translation>Jours fériés du pays</translation>
    </message>
    <message>
        <source>Region (optional)</source>
        <translation>Région (facultatif)</translation>
    </message>
    <message>
        <source>Other closed days</source>
        <translation>Autres jours fermés</translation>
    </message>
    <message>
        <source>Counted in the client&apos;s time zone: {tz}</source>
        <translation>Comptés dans le fuseau horaire du client&#xa0;: {tz}</translation>
    </message>
</context>
<context>
    <name>Charter</name>
    <message>
        <source>Unknown client (id {id}).</source>
        <translation>Client inconnu (id {id}).</translation>
    </message>
    <message>
        <source>Row {row}: this contact no longer exists.</source>
        <translation>Ligne {row}&#xa0;: ce contact n&apos;existe plus.</translation>
    </message>
    <message>
        <source>{client} has no charter yet.</source>
        <translation>{client} n&apos;a pas encore de charte.</translation>
    </message>
    <message>
        <source>{client} has no charter version {n}.</source>
        <translation>{client} n&apos;a pas de version {n} de charte.</translation>
    </message>
    <message>
        <source>Unknown charter version.</source>
        <translation>Version de charte inconnue.</translation>
    </message>
    <message>
        <source>Version {n} is signed and frozen; start a new draft to change the charter.</source>
        <translation>La version {n} est signée et figée&#xa0;; créez un nouveau brouillon pour modifier la charte.</translation>
    </message>
    <message>
        <source>Version {n} was sent for signature; take it back to draft to change it.</source>
        <translation>La version {n} a été envoyée pour signature&#xa0;; repassez-la en brouillon pour la modifier.</translation>
    </message>
    <message>
        <source>Unknown charter section.</source>
        <translation>Section de charte inconnue.</translation>
    </message>
    <message>
        <source>A section needs a title.</source>
        <translation>Une section doit avoir un titre.</translation>
    </message>
    <message>
        <source>The new order must list every section once.</source>
        <translation>Le nouvel ordre doit citer chaque section une fois.</translation>
    </message>
    <message>
        <source>The charter is not complete ({n} issues), first: {first}</source>
        <translation>La charte n&apos;est pas complète ({n} points à corriger), le premier&#xa0;: {first}</translation>
    </message>
    <message>
        <source>The signed copy must be a PDF file.</source>
        <translation>L&apos;exemplaire signé doit être un fichier PDF.</translation>
    </message>
    <message>
        <source>The signed copy is larger than 50 MB.</source>
        <translation>L&apos;exemplaire signé dépasse 50 Mo.</translation>
    </message>
    <message>
        <source>Give the name of a signatory for the agency and for the client.</source>
        <translation>Indiquez le nom d&apos;un signataire pour l&apos;agence et pour le client.</translation>
    </message>
    <message>
        <source>The charter is not complete; fix the issues before signing.</source>
        <translation>La charte n&apos;est pas complète&#xa0;; corrigez les points signalés avant de signer.</translation>
    </message>
    <message>
        <source>Attach the signed copy to a signed version.</source>
        <translation>Joignez l&apos;exemplaire signé à une version signée.</translation>
    </message>
    <message>
        <source>No signed copy is attached to this version.</source>
        <translation>Aucun exemplaire signé n&apos;est joint à cette version.</translation>
    </message>
    <message>
        <source>The stored signed copy does not match its SHA-256.</source>
        <translation>L&apos;exemplaire signé enregistré ne correspond plus à son SHA-256.</translation>
    </message>
</context>
<context>
    <name>CharterActions</name>
    <message>
        <source>New draft</source>
        <translation>Nouveau brouillon</translation>
    </message>
    <message>
        <source>Send for signature</source>
        <translation>Envoyer pour signature</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Repasser en brouillon</translation>
    </message>
    <message>
        <source>Record signature…</source>
        <translation>Enregistrer la signature…</translation>
    </message>
    <message>
        <source>Attach signed copy…</source>
        <translation>Joindre l&apos;exemplaire signé…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter le PDF…</translation>
    </message>
    <message>
        <source>Start a new draft</source>
        <translation>Créer un nouveau brouillon</translation>
    </message>
    <message>
        <source>Version {n} was signed on {date} and is frozen. To change the charter, start a new draft from it.</source>
        <translation>La version {n} a été signée le {date} et elle est figée. Pour modifier la charte, créez un nouveau brouillon à partir d&apos;elle.</translation>
    </message>
    <message>
        <source>Version {n}, signed on {date}, was replaced by a later version.</source>
        <translation>La version {n}, signée le {date}, a été remplacée par une version plus récente.</translation>
    </message>
    <message>
        <source>Version {n} was sent for signature on {date}; take it back to draft to change it.</source>
        <translation>La version {n} a été envoyée pour signature le {date}&#xa0;; repassez-la en brouillon pour la modifier.</translation>
    </message>
    <message>
        <source>Signed copy: {name} (SHA-256 {digest}…).</source>
        <translation>Exemplaire signé&#xa0;: {name} (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <source>Version {n} — {status} — {date}</source>
        <translation>Version {n} — {status} — {date}</translation>
    </message>
    <message>
        <source>A new draft was started from the signed version.</source>
        <translation>Un nouveau brouillon a été créé à partir de la version signée.</translation>
    </message>
    <message>
        <source>Sent for signature. Export the PDF to send it.</source>
        <translation>Envoyée pour signature. Exportez le PDF pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>The charter is signed and now in force.</source>
        <translation>La charte est signée et désormais en vigueur.</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>Exemplaire signé</translation>
    </message>
    <message>
        <source>The signed copy is attached.</source>
        <translation>L&apos;exemplaire signé est joint.</translation>
    </message>
    <message>
        <source>Export the charter</source>
        <translation>Exporter la charte</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Charter exported to {path} ({pages} pages).</source>
        <translation>Charte exportée dans {path} ({pages} pages).</translation>
    </message>
</context>
<context>
    <name>CharterArea</name>
    <message>
        <source>Loading the charter…</source>
        <translation>Chargement de la charte…</translation>
    </message>
    <message>
        <source>Write the charter from the template</source>
        <translation>Rédiger la charte à partir du modèle</translation>
    </message>
    <message>
        <source>{client} has no charter yet. Start from the template: every section comes with guidance on what to write.</source>
        <translation>{client} n&apos;a pas encore de charte. Partez du modèle&#xa0;: chaque section indique ce qu&apos;il faut y écrire.</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Annuler (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rétablir (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>Move a section</source>
        <translation>Déplacer une section</translation>
    </message>
    <message>
        <source>Edit « {title} »</source>
        <translation>Modifier «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Type in « {title} »</source>
        <translation>Saisie dans «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Modifications non enregistrées…</translation>
    </message>
</context>
<context>
    <name>CharterCompare</name>
    <message>
        <source>(deleted contact)</source>
        <translation>(contact supprimé)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>CharterConflicts</name>
    <message>
        <source>Not saved: someone else changed this section</source>
        <translation>Non enregistré&#xa0;: quelqu&apos;un d&apos;autre a modifié cette section</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
</context>
<context>
    <name>CharterLabels</name>
    <message>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>réclamation</translation>
    </message>
    <message>
        <source>praise</source>
        <translation>compliment</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>suggestion</translation>
    </message>
    <message>
        <source>request</source>
        <translation>demande</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>spam</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>abus</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>followers</source>
        <translation>abonnés</translation>
    </message>
    <message>
        <source>engagement rate</source>
        <translation>taux d&apos;engagement</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>portée</translation>
    </message>
    <message>
        <source>answered within delay</source>
        <translation>réponses dans le délai</translation>
    </message>
    <message>
        <source>first response time</source>
        <translation>délai de première réponse</translation>
    </message>
    <message>
        <source>posts published</source>
        <translation>publications</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semaine</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>trimestre</translation>
    </message>
    <message>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <source>insult</source>
        <translation>insulte</translation>
    </message>
    <message>
        <source>hate speech, racism</source>
        <translation>haine, racisme</translation>
    </message>
    <message>
        <source>threat, harassment</source>
        <translation>menace, harcèlement</translation>
    </message>
    <message>
        <source>advertising</source>
        <translation>publicité</translation>
    </message>
    <message>
        <source>personal data</source>
        <translation>données personnelles</translation>
    </message>
    <message>
        <source>off-topic</source>
        <translation>hors-sujet</translation>
    </message>
    <message>
        <source>criticism</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>masquer</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <source>ban</source>
        <translation>bannir</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>répondre</translation>
    </message>
    <message>
        <source>report</source>
        <translation>signaler</translation>
    </message>
    <message>
        <source>tu (informal)</source>
        <translation>tu (tutoiement)</translation>
    </message>
    <message>
        <source>vous (formal)</source>
        <translation>vous (vouvoiement)</translation>
    </message>
    <message>
        <source>RSS / press watch</source>
        <translation>RSS / veille presse</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Posts/week min</source>
        <translation>Min. / semaine</translation>
    </message>
    <message>
        <source>Posts/week max</source>
        <translation>Max. / semaine</translation>
    </message>
    <message>
        <source>Best hours</source>
        <translation>Meilleures heures</translation>
    </message>
    <message>
        <source>Content mix (%)</source>
        <translation>Mix de contenus (%)</translation>
    </message>
    <message>
        <source>Message category</source>
        <translation>Catégorie de message</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Second approval</source>
        <translation>Double validation</translation>
    </message>
    <message>
        <source>How to alert</source>
        <translation>Comment alerter</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>sent for signature</source>
        <translation>envoyée pour signature</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>remplacée</translation>
    </message>
    <message>
        <source>no charter</source>
        <translation>pas de charte</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dimanche</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>Version {n} now: {status} ({who}, {time}); your change was not saved.</source>
        <translation>Version {n} désormais&#xa0;: {status} ({who}, {time})&#xa0;; votre modification n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu&apos;un d&apos;autre</translation>
    </message>
</context>
<context>
    <name>CharterPdf</name>
    <message>
        <source>Nothing agreed yet.</source>
        <translation>Rien n&apos;est encore convenu.</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Horaires d&apos;ouverture</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>Public holidays of {region} are closed.</source>
        <translation>Les jours fériés ({region}) sont fermés.</translation>
    </message>
    <message>
        <source>Also closed: {days}.</source>
        <translation>Également fermé&#xa0;: {days}.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Emojis</source>
        <translation>Émojis</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Words to use</source>
        <translation>Mots à employer</translation>
    </message>
    <message>
        <source>Words to avoid</source>
        <translation>Mots à éviter</translation>
    </message>
    <message>
        <source>Watch words</source>
        <translation>Mots de veille</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Not signed yet: this version is not in force.</source>
        <translation>Pas encore signée&#xa0;: cette version n&apos;est pas en vigueur.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>For the agency</source>
        <translation>Pour l&apos;agence</translation>
    </message>
    <message>
        <source>Name: {value}</source>
        <translation>Nom&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Role: {value}</source>
        <translation>Fonction&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Date: {value}</source>
        <translation>Date&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Handwritten: “Read and approved”</source>
        <translation>Mention manuscrite&#xa0;: «&#xa0;Lu et approuvé&#xa0;»</translation>
    </message>
    <message>
        <source>page {page} / {pages}</source>
        <translation>page {page} / {pages}</translation>
    </message>
    <message>
        <source>DRAFT — not signed</source>
        <translation>PROJET — non signé</translation>
    </message>
    <message>
        <source>For the agency — {name}</source>
        <translation>Pour l&apos;agence — {name}</translation>
    </message>
    <message>
        <source>For the client — {name}</source>
        <translation>Pour le client — {name}</translation>
    </message>
    <message>
        <source>The parties have read this charter, version {n}, and agree to apply it from the date of the last signature.</source>
        <translation>Les parties ont pris connaissance de la présente charte, version {n}, et s&apos;engagent à l&apos;appliquer à compter de la date de la dernière signature.</translation>
    </message>
    <message>
        <source>Cannot write the PDF to {path}: it is a folder.</source>
        <translation>Impossible d&apos;écrire le PDF dans {path}&#xa0;: c&apos;est un dossier.</translation>
    </message>
    <message>
        <source>Charter v{n} — {client}</source>
        <translation>Charte v{n} — {client}</translation>
    </message>
</context>
<context>
    <name>CharterSaver</name>
    <message>
        <source>Unsaved changes…</source>
        <translation>Modifications non enregistrées…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
</context>
<context>
    <name>CharterSchema</name>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h} h {m:02d}</translation>
    </message>
    <message>
        <source>Row {row}: hours must look like 12:00-14:00, 18:00-20:00.</source>
        <translation>Ligne {row}&#xa0;: les heures s&apos;écrivent comme 12:00-14:00, 18:00-20:00.</translation>
    </message>
    <message>
        <source>Row {row}: content mix must look like « products 40, tips 60 ».</source>
        <translation>Ligne {row}&#xa0;: le mix de contenus s&apos;écrit comme «&#xa0;produits 40, conseils 60&#xa0;».</translation>
    </message>
    <message>
        <source>Row {row}: give a message category or a topic.</source>
        <translation>Ligne {row}&#xa0;: indiquez une catégorie de message ou un sujet.</translation>
    </message>
    <message>
        <source>Add at least one row.</source>
        <translation>Ajoutez au moins une ligne.</translation>
    </message>
    <message>
        <source>No delay for the category « {category} ».</source>
        <translation>Aucun délai pour la catégorie «&#xa0;{category}&#xa0;».</translation>
    </message>
    <message>
        <source>Business hours have no open day.</source>
        <translation>Les horaires n&apos;ont aucun jour ouvert.</translation>
    </message>
    <message>
        <source>Row {row}: choose a contact.</source>
        <translation>Ligne {row}&#xa0;: choisissez un contact.</translation>
    </message>
    <message>
        <source>Row {row}: give a delay.</source>
        <translation>Ligne {row}&#xa0;: indiquez un délai.</translation>
    </message>
    <message>
        <source>Row {row}: choose at least one action.</source>
        <translation>Ligne {row}&#xa0;: choisissez au moins une action.</translation>
    </message>
    <message>
        <source>Row {row}: fill in « {column} ».</source>
        <translation>Ligne {row}&#xa0;: remplissez «&#xa0;{column}&#xa0;».</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Ligne {row}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{col} must be text.</source>
        <translation>{col} doit être un texte.</translation>
    </message>
    <message>
        <source>text too long (2,000 characters at most).</source>
        <translation>texte trop long (2 000 caractères au plus).</translation>
    </message>
    <message>
        <source>{col} must be a whole number ≥ 0.</source>
        <translation>{col} doit être un nombre entier ≥ 0.</translation>
    </message>
    <message>
        <source>a delay is at most 30 days.</source>
        <translation>un délai ne dépasse pas 30 jours.</translation>
    </message>
    <message>
        <source>the target must be a number.</source>
        <translation>la cible doit être un nombre.</translation>
    </message>
    <message>
        <source>{col} must be yes or no.</source>
        <translation>{col} doit valoir oui ou non.</translation>
    </message>
    <message>
        <source>unknown value {value} (expected one of: {choices}).</source>
        <translation>valeur inconnue {value} (attendu&#xa0;: {choices}).</translation>
    </message>
    <message>
        <source>this contact is not one of the client&apos;s contacts.</source>
        <translation>ce contact ne fait pas partie des contacts du client.</translation>
    </message>
    <message>
        <source>actions must be among: {choices}.</source>
        <translation>les actions sont à choisir parmi&#xa0;: {choices}.</translation>
    </message>
    <message>
        <source>Unknown charter section: {key}</source>
        <translation>Section de charte inconnue&#xa0;: {key}</translation>
    </message>
    <message>
        <source>Section values must be an object.</source>
        <translation>Les valeurs d&apos;une section doivent former un objet.</translation>
    </message>
    <message>
        <source>Section rows must be a list.</source>
        <translation>Les lignes d&apos;une section doivent former une liste.</translation>
    </message>
    <message>
        <source>a row must be an object.</source>
        <translation>une ligne doit être un objet.</translation>
    </message>
    <message>
        <source>unknown column {col}.</source>
        <translation>colonne inconnue {col}.</translation>
    </message>
    <message>
        <source>criticism is never a reason to delete: answer it, or hide it only if it breaks another rule.</source>
        <translation>une critique n&apos;est jamais une raison de supprimer&#xa0;: répondez-y, ou masquez-la seulement si elle enfreint une autre règle.</translation>
    </message>
    <message>
        <source>The register must be tu or vous.</source>
        <translation>Le registre est «&#xa0;tu&#xa0;» ou «&#xa0;vous&#xa0;».</translation>
    </message>
    <message>
        <source>The signature is text of 200 characters at most.</source>
        <translation>La signature est un texte de 200 caractères au plus.</translation>
    </message>
    <message>
        <source>Word lists must be lists of text.</source>
        <translation>Les listes de mots doivent contenir du texte.</translation>
    </message>
    <message>
        <source>Business hours must be an object.</source>
        <translation>Les horaires doivent former un objet.</translation>
    </message>
    <message>
        <source>Unknown weekday {day}.</source>
        <translation>Jour de la semaine inconnu&#xa0;: {day}.</translation>
    </message>
    <message>
        <source>Opening hours must look like 09:00.</source>
        <translation>Les horaires s&apos;écrivent comme 09:00.</translation>
    </message>
    <message>
        <source>Closing time must be after opening time.</source>
        <translation>L&apos;heure de fermeture doit suivre l&apos;heure d&apos;ouverture.</translation>
    </message>
    <message>
        <source>A closed day must be a date like 2026-12-24, not {value}.</source>
        <translation>Un jour fermé est une date comme 2026-12-24, pas {value}.</translation>
    </message>
    <message>
        <source>The holidays country is a two-letter code like FR.</source>
        <translation>Le pays des jours fériés est un code à deux lettres comme FR.</translation>
    </message>
</context>
<context>
    <name>CliCharter</name>
    <message>
        <source>the community-management charter</source>
        <translation>la charte de community management</translation>
    </message>
    <message>
        <source>export the charter as a PDF to sign</source>
        <translation>exporter la charte en PDF à signer</translation>
    </message>
    <message>
        <source>version number (default: the latest)</source>
        <translation>numéro de version (par défaut&#xa0;: la dernière)</translation>
    </message>
    <message>
        <source>language of the labels and dates (default: the charter&apos;s)</source>
        <translation>langue des libellés et des dates (par défaut&#xa0;: celle de la charte)</translation>
    </message>
    <message>
        <source>list the versions of a charter</source>
        <translation>lister les versions d&apos;une charte</translation>
    </message>
    <message>
        <source>record the signatures of a charter version (a lead)</source>
        <translation>enregistrer les signatures d’une version de la charte (un responsable)</translation>
    </message>
    <message>
        <source>The output file must end in .pdf: {path}</source>
        <translation>Le fichier de sortie doit se terminer par .pdf&#xa0;: {path}</translation>
    </message>
    <message>
        <source>A version number is 1 or more.</source>
        <translation>Un numéro de version vaut 1 ou plus.</translation>
    </message>
    <message>
        <source>{path}: charter v{n}, {pages} pages</source>
        <translation>{path}&#xa0;: charte v{n}, {pages} pages</translation>
    </message>
    <message>
        <source>No charter yet.</source>
        <translation>Pas encore de charte.</translation>
    </message>
    <message>
        <source>No such charter version.</source>
        <translation>Cette version de la charte n’existe pas.</translation>
    </message>
    <message>
        <source>Charter v{n} signed.</source>
        <translation>Charte v{n} signée.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare two versions</source>
        <translation>Comparer deux versions</translation>
    </message>
    <message>
        <source>Version {n} ({status})</source>
        <translation>Version {n} ({status})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message numerus="yes">
        <source>Sections changed between version {a} and version {b}: %n.</source>
        <translation>
            <numerusform>Section modifiée entre la version {a} et la version {b}&#xa0;: %n.</numerusform>
            <numerusform>Sections modifiées entre la version {a} et la version {b}&#xa0;: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two versions are identical.</source>
        <translation>Les deux versions sont identiques.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimée</translation>
    </message>
</context>
<context>
    <name>DelayEdit</name>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
</context>
<context>
    <name>RichTextEditor</name>
    <message>
        <source>Paragraph</source>
        <translation>Paragraphe</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Gras (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>Italique (Ctrl+I)</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation>Insérer un lien</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Adresse (https://…)</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Row {row}: this contact no longer exists.</source>
        <translation>Ligne {row}&#xa0;: ce contact n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <source>Add a row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Supprimer la ligne</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Record the signature of version {n}</source>
        <translation>Enregistrer la signature de la version {n}</translation>
    </message>
    <message>
        <source>For the agency ({name})</source>
        <translation>Pour l&apos;agence ({name})</translation>
    </message>
    <message>
        <source>For the client ({name})</source>
        <translation>Pour le client ({name})</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>No scanned copy attached.</source>
        <translation>Aucun exemplaire scanné joint.</translation>
    </message>
    <message>
        <source>Attach the signed PDF…</source>
        <translation>Joindre le PDF signé…</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>Exemplaire signé</translation>
    </message>
    <message>
        <source>{name} — SHA-256 {digest}…</source>
        <translation>{name} — SHA-256 {digest}…</translation>
    </message>
    <message>
        <source>Give the name of the signatory for each side.</source>
        <translation>Indiquez le nom du signataire de chaque partie.</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <source>Tone of voice</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Emojis allowed</source>
        <translation>Émojis autorisés</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Words to use</source>
        <translation>Mots à employer</translation>
    </message>
    <message>
        <source>Words to avoid</source>
        <translation>Mots à éviter</translation>
    </message>
    <message>
        <source>Watch words (listening)</source>
        <translation>Mots de veille (écoute)</translation>
    </message>
</context>
</TS>
