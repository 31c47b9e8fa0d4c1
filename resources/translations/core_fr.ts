<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>AccountHelp</name>
    <message>
      <source>The account's name, e.g. @brand</source>
      <translation>Le nom du compte, par ex. @marque</translation>
    </message>
    <message>
      <source>The instance, e.g. https://mastodon.social</source>
      <translation>L'instance, par ex. https://mastodon.social</translation>
    </message>
    <message>
      <source>access token (Preferences › Development)</source>
      <translation>jeton d'accès (Préférences › Développement)</translation>
    </message>
    <message>
      <source>The handle, e.g. brand.bsky.social</source>
      <translation>L'identifiant, par ex. marque.bsky.social</translation>
    </message>
    <message>
      <source>Empty for bsky.social, else the account's server</source>
      <translation>Vide pour bsky.social, sinon le serveur du compte</translation>
    </message>
    <message>
      <source>an app password</source>
      <translation>un mot de passe d'application</translation>
    </message>
    <message>
      <source>The Page id</source>
      <translation>L'identifiant de la Page</translation>
    </message>
    <message>
      <source>Empty for the Graph API (graph.facebook.com)</source>
      <translation>Vide pour l'API Graph (graph.facebook.com)</translation>
    </message>
    <message>
      <source>a Page access token</source>
      <translation>un jeton d'accès de la Page</translation>
    </message>
    <message>
      <source>The Instagram professional account id</source>
      <translation>L'identifiant du compte professionnel Instagram</translation>
    </message>
    <message>
      <source>the linked Page's access token</source>
      <translation>le jeton d'accès de la Page liée</translation>
    </message>
    <message>
      <source>The page: urn:li:organization:123 or its number</source>
      <translation>La page : urn:li:organization:123 ou son numéro</translation>
    </message>
    <message>
      <source>Empty for api.linkedin.com</source>
      <translation>Vide pour api.linkedin.com</translation>
    </message>
    <message>
      <source>a page admin's OAuth token, or JSON with refresh_token, client_id, client_secret</source>
      <translation>le jeton OAuth d’un administrateur de la page, ou un JSON avec refresh_token, client_id, client_secret</translation>
    </message>
    <message>
      <source>The account's @username</source>
      <translation>Le @nom du compte</translation>
    </message>
    <message>
      <source>Empty for api.x.com</source>
      <translation>Vide pour api.x.com</translation>
    </message>
    <message>
      <source>an OAuth 2.0 user token, or JSON with its refresh_token and client_id</source>
      <translation>un jeton utilisateur OAuth 2.0, ou un JSON avec son refresh_token et son client_id</translation>
    </message>
    <message>
      <source>A name for the feed, e.g. Press</source>
      <translation>Un nom pour le flux, par ex. Presse</translation>
    </message>
    <message>
      <source>The feed's address (RSS or Atom)</source>
      <translation>L'adresse du flux (RSS ou Atom)</translation>
    </message>
    <message>
      <source>none needed</source>
      <translation>aucun</translation>
    </message>
  </context>
  <context>
    <name>Areas</name>
    <message>
      <source>Charter</source>
      <translation>Charte</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Messagerie</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Statistiques</translation>
    </message>
    <message>
      <source>Listening</source>
      <translation>Veille</translation>
    </message>
    <message>
      <source>The community-management charter agreed with this client: objectives, networks and volumes, topics, escalation contacts and delays, moderation rules, tone of voice. Versioned and exported as a PDF to sign.</source>
      <translation>La charte de community management convenue avec ce client : objectifs, réseaux et volumes, sujets, contacts d’escalade et délais, règles de modération, ton. Versionnée et exportée en PDF à signer.</translation>
    </message>
    <message>
      <source>The content calendar: posts planned per network, written, approved and queued, with the year's key dates. Works offline.</source>
      <translation>Le calendrier éditorial : publications planifiées par réseau, rédigées, validées et mises en file, avec les temps forts de l’année. Fonctionne hors ligne.</translation>
    </message>
    <message>
      <source>Every comment, mention, message and review from the client's networks, triaged, answered in the charter's tone, escalated and followed until resolved.</source>
      <translation>Chaque commentaire, mention, message et avis venu des réseaux du client, trié, traité dans le ton de la charte, escaladé et suivi jusqu’à sa résolution.</translation>
    </message>
    <message>
      <source>Audience, engagement and response times against the charter's delays, and the monthly PDF report for the client.</source>
      <translation>Audience, engagement et temps de réponse face aux délais de la charte, et le rapport mensuel en PDF pour le client.</translation>
    </message>
    <message>
      <source>What the networks and alert feeds say about the client and its competitors, beyond its own accounts, and the crisis signals of its charter.</source>
      <translation>Ce que disent les réseaux et les flux d’alerte du client et de ses concurrents, au-delà de ses propres comptes, et les signaux de crise de sa charte.</translation>
    </message>
  </context>
  <context>
    <name>Backup</name>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
      <source>Cannot write the backup {path}: {reason}</source>
      <translation>Impossible d’écrire la sauvegarde {path} : {reason}</translation>
    </message>
    <message>
      <source>No such backup file: {path}</source>
      <translation>Fichier de sauvegarde introuvable : {path}</translation>
    </message>
    <message>
      <source>{path} is not a Tribune backup.</source>
      <translation>{path} n’est pas une sauvegarde Tribune.</translation>
    </message>
    <message>
      <source>This backup comes from a newer Tribune ({revs}); update first.</source>
      <translation>Cette sauvegarde vient d’une version plus récente de Tribune ({revs}) ; mettez Tribune à jour d’abord.</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>Community management for agencies. With no command, opens the desktop app.</source>
      <translation>Community management pour les agences. Sans commande, ouvre l’application.</translation>
    </message>
    <message>
      <source>database URL (else $TRIBUNE_DB, else SQLite in the data folder)</source>
      <translation>URL de la base (sinon $TRIBUNE_DB, sinon SQLite dans le dossier de données)</translation>
    </message>
    <message>
      <source>print machine-readable JSON</source>
      <translation>afficher du JSON lisible par une machine</translation>
    </message>
    <message>
      <source>tribune: interrupted</source>
      <translation>tribune : interrompu</translation>
    </message>
    <message>
      <source>tribune: unexpected error ({kind}); details in {path}</source>
      <translation>tribune : erreur inattendue ({kind}) ; détails dans {path}</translation>
    </message>
    <message>
      <source>list and add clients</source>
      <translation>lister et ajouter des clients</translation>
    </message>
    <message>
      <source>list the clients</source>
      <translation>lister les clients</translation>
    </message>
    <message>
      <source>include archived clients</source>
      <translation>inclure les clients archivés</translation>
    </message>
    <message>
      <source>add a client</source>
      <translation>ajouter un client</translation>
    </message>
    <message>
      <source>short name (default: from the name)</source>
      <translation>nom court (par défaut : tiré du nom)</translation>
    </message>
    <message>
      <source>network accounts</source>
      <translation>comptes réseaux</translation>
    </message>
    <message>
      <source>add a network account; the token is read on stdin and stored in the keyring</source>
      <translation>ajouter un compte réseau ; le jeton est lu sur l’entrée standard et rangé dans le trousseau</translation>
    </message>
    <message>
      <source>add the account without a token (RSS feeds)</source>
      <translation>ajouter le compte sans jeton (flux RSS)</translation>
    </message>
    <message>
      <source>connect an account in the browser (Mastodon and its servers, X); tokens go to the keyring</source>
      <translation>connecter un compte dans le navigateur (Mastodon et ses serveurs, X) ; les jetons vont au trousseau</translation>
    </message>
    <message>
      <source>the server (Mastodon: required; X: https://api.x.com)</source>
      <translation>le serveur (Mastodon : obligatoire ; X : https://api.x.com)</translation>
    </message>
    <message>
      <source>the agency's app client id (X)</source>
      <translation>l'identifiant client de l'application de l'agence (X)</translation>
    </message>
    <message>
      <source>default: as the network says</source>
      <translation>par défaut : celui que donne le réseau</translation>
    </message>
    <message>
      <source>print the address to open instead of opening the browser</source>
      <translation>afficher l'adresse à ouvrir au lieu d'ouvrir le navigateur</translation>
    </message>
    <message>
      <source>list a client's accounts</source>
      <translation>lister les comptes d’un client</translation>
    </message>
    <message>
      <source>No clients yet. Add one with: tribune client add NAME</source>
      <translation>Aucun client pour l’instant. Ajoutez-en un avec : tribune client add NOM</translation>
    </message>
    <message>
      <source>(archived)</source>
      <translation>(archivé)</translation>
    </message>
    <message>
      <source>Client {name} added ({slug}).</source>
      <translation>Client {name} ajouté ({slug}).</translation>
    </message>
    <message>
      <source>Paste the access token, then press Enter:</source>
      <translation>Collez le jeton d’accès, puis appuyez sur Entrée :</translation>
    </message>
    <message>
      <source>No token on standard input (use --no-token for an account without one).</source>
      <translation>Aucun jeton sur l’entrée standard (utilisez --no-token pour un compte sans jeton).</translation>
    </message>
    <message>
      <source>Account {network} {handle} added; token stored in the system keyring.</source>
      <translation>Compte {network} {handle} ajouté ; jeton rangé dans le trousseau du système.</translation>
    </message>
    <message>
      <source>Account {network} {handle} added.</source>
      <translation>Compte {network} {handle} ajouté.</translation>
    </message>
    <message>
      <source>Give the server's address with --base-url.</source>
      <translation>Donnez l'adresse du serveur avec --base-url.</translation>
    </message>
    <message>
      <source>Open this address to connect the account:</source>
      <translation>Ouvrez cette adresse pour connecter le compte :</translation>
    </message>
    <message>
      <source>Account {network} {handle} connected; token stored in the system keyring.</source>
      <translation>Compte {network} {handle} connecté ; jeton enregistré dans le trousseau du système.</translation>
    </message>
    <message>
      <source>No accounts.</source>
      <translation>Aucun compte.</translation>
    </message>
    <message>
      <source>load the demo agency (a year of data)</source>
      <translation>charger l’agence de démonstration (un an de données)</translation>
    </message>
    <message>
      <source>do nothing if the database already has clients</source>
      <translation>ne rien faire si la base a déjà des clients</translation>
    </message>
    <message>
      <source>write every row to one file (no secrets)</source>
      <translation>écrire toutes les données dans un fichier (sans aucun secret)</translation>
    </message>
    <message>
      <source>replace the database content with a backup file</source>
      <translation>remplacer le contenu de la base par une sauvegarde</translation>
    </message>
    <message>
      <source>The database already has clients; demo not loaded.</source>
      <translation>La base a déjà des clients ; démonstration non chargée.</translation>
    </message>
    <message>
      <source>Demo agency loaded: {details}</source>
      <translation>Agence de démonstration chargée : {details}</translation>
    </message>
    <message>
      <source>Backup written to {path} ({rows} rows).</source>
      <translation>Sauvegarde écrite dans {path} ({rows} lignes).</translation>
    </message>
    <message>
      <source>Restored {rows} rows from {path}.</source>
      <translation>{rows} lignes restaurées depuis {path}.</translation>
    </message>
  </context>
  <context>
    <name>CliListening</name>
    <message>
      <source>listen to what the networks say (veille)</source>
      <translation>écouter ce que disent les réseaux (veille)</translation>
    </message>
    <message>
      <source>add a listening stream</source>
      <translation>ajouter un flux de veille</translation>
    </message>
    <message>
      <source>only this network (default: every searchable account)</source>
      <translation>ce réseau seulement (par défaut : tous les comptes où chercher)</translation>
    </message>
    <message>
      <source>run the client's streams</source>
      <translation>lancer les flux de veille du client</translation>
    </message>
    <message>
      <source>list what the streams found</source>
      <translation>lister ce que les flux ont trouvé</translation>
    </message>
    <message>
      <source>Stream {id} added: {kind} «{query}» on {network}.</source>
      <translation>Flux {id} ajouté : {kind} «{query}» sur {network}.</translation>
    </message>
    <message>
      <source>This client has no listening stream: add one first.</source>
      <translation>Ce client n’a aucun flux de veille : ajoutez-en un d’abord.</translation>
    </message>
    <message>
      <source>{network} {kind} «{query}»: {added} new</source>
      <translation>{network} {kind} «{query}» : {added} nouveaux</translation>
    </message>
    <message>
      <source>CRISIS: {reason} ({delivery})</source>
      <translation>CRISE : {reason} ({delivery})</translation>
    </message>
    <message>
      <source>--limit must be at least 1.</source>
      <translation>--limit doit valoir au moins 1.</translation>
    </message>
    <message>
      <source>Nothing found yet.</source>
      <translation>Rien de trouvé pour l’instant.</translation>
    </message>
  </context>
  <context>
    <name>ClientDialog</name>
    <message>
      <source>Not synced yet</source>
      <translation>Pas encore synchronisé</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <source>Reconnect needed</source>
      <translation>Reconnexion nécessaire</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>New client</source>
      <translation>Nouveau client</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>e.g. Boulangeries Maison Dupré</source>
      <translation>p. ex. Boulangeries Maison Dupré</translation>
    </message>
    <message>
      <source>e.g. Bakery chain, 18 shops</source>
      <translation>p. ex. Chaîne de boulangeries, 18 boutiques</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choisir…</translation>
    </message>
    <message>
      <source>Choose an image…</source>
      <translation>Choisir une image…</translation>
    </message>
    <message>
      <source>What the team should know about this client</source>
      <translation>Ce que l’équipe doit savoir sur ce client</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nom</translation>
    </message>
    <message>
      <source>&amp;Sector</source>
      <translation>&amp;Secteur</translation>
    </message>
    <message>
      <source>&amp;Time zone</source>
      <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Langue</translation>
    </message>
    <message>
      <source>&amp;Colour</source>
      <translation>&amp;Couleur</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <source>N&amp;otes</source>
      <translation>N&amp;otes</translation>
    </message>
    <message>
      <source>General</source>
      <translation>Général</translation>
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
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Departments (comma-separated)</source>
      <translation>Services (séparés par des virgules)</translation>
    </message>
    <message>
      <source>Add contact</source>
      <translation>Ajouter un contact</translation>
    </message>
    <message>
      <source>The client's people who answer for their departments: escalations go to them.</source>
      <translation>Les personnes du client qui répondent pour leur service : les escalades leur sont adressées.</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <source>Handle</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Adresse du serveur</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Access token</source>
      <translation>Jeton d’accès</translation>
    </message>
    <message>
      <source>Add account</source>
      <translation>Ajouter un compte</translation>
    </message>
    <message>
      <source>Tokens typed here go straight to the system keyring; they are never stored in the database.</source>
      <translation>Les jetons saisis ici vont directement dans le trousseau du système ; ils ne sont jamais enregistrés dans la base.</translation>
    </message>
    <message>
      <source>Network accounts</source>
      <translation>Comptes réseaux</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>inchangé</translation>
    </message>
    <message>
      <source>paste the token</source>
      <translation>collez le jeton</translation>
    </message>
    <message>
      <source>Client — {name}</source>
      <translation>Client — {name}</translation>
    </message>
    <message>
      <source>Client colour</source>
      <translation>Couleur du client</translation>
    </message>
    <message>
      <source>Client logo</source>
      <translation>Logo du client</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.svg)</source>
      <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
      <source>This file is not an image Tribune can read.</source>
      <translation>Tribune ne sait pas lire cette image.</translation>
    </message>
    <message>
      <source>A client needs a name.</source>
      <translation>Un client doit avoir un nom.</translation>
    </message>
  </context>
  <context>
    <name>ClientListModel</name>
    <message numerus="yes">
      <source>%n unread</source>
      <translation>
        <numerusform>%n non lu</numerusform>
        <numerusform>%n non lus</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n en retard</numerusform>
        <numerusform>%n en retard</numerusform>
      </translation>
    </message>
    <message>
      <source>Crisis alert</source>
      <translation>Alerte de crise</translation>
    </message>
    <message numerus="yes">
      <source>%n account(s) need attention</source>
      <translation>
        <numerusform>%n compte demande votre attention</numerusform>
        <numerusform>%n comptes demandent votre attention</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ClientSidebar</name>
    <message>
      <source>Clients</source>
      <translation>Clients</translation>
    </message>
  </context>
  <context>
    <name>Clients</name>
    <message>
      <source>Unknown time zone: {tz} (for example Europe/Paris)</source>
      <translation>Fuseau horaire inconnu : {tz} (par exemple Europe/Paris)</translation>
    </message>
    <message>
      <source>Language must be fr or en, not {value}</source>
      <translation>La langue doit être fr ou en, pas {value}</translation>
    </message>
    <message>
      <source>Colour must look like #3b6fd8, not {value}</source>
      <translation>La couleur doit ressembler à #3b6fd8, pas {value}</translation>
    </message>
    <message>
      <source>A client needs a name.</source>
      <translation>Un client doit avoir un nom.</translation>
    </message>
    <message>
      <source>A client name has at most 200 characters.</source>
      <translation>Un nom de client compte au plus 200 caractères.</translation>
    </message>
    <message>
      <source>No client named {ref}.</source>
      <translation>Aucun client nommé {ref}.</translation>
    </message>
    <message>
      <source>A client named {name} already exists.</source>
      <translation>Un client nommé {name} existe déjà.</translation>
    </message>
    <message>
      <source>The short name {slug} is already used by {name}.</source>
      <translation>Le nom court {slug} est déjà pris par {name}.</translation>
    </message>
    <message>
      <source>The name {name} gives no usable short name; add letters.</source>
      <translation>Le nom {name} ne donne aucun nom court utilisable ; ajoutez des lettres.</translation>
    </message>
    <message>
      <source>{name} was changed by someone else meanwhile; reload it and try again.</source>
      <translation>{name} a été modifié par quelqu’un d’autre entre-temps ; rechargez-le et recommencez.</translation>
    </message>
    <message>
      <source>Type the client's name exactly ({name}) to delete it.</source>
      <translation>Tapez exactement le nom du client ({name}) pour le supprimer.</translation>
    </message>
    <message>
      <source>A contact needs a name.</source>
      <translation>Un contact doit avoir un nom.</translation>
    </message>
    <message>
      <source>Invalid e-mail address: {email}</source>
      <translation>Adresse e-mail invalide : {email}</translation>
    </message>
    <message>
      <source>This contact no longer exists.</source>
      <translation>Ce contact n’existe plus.</translation>
    </message>
    <message>
      <source>Unknown network {network} (one of: {known}).</source>
      <translation>Réseau inconnu {network} (au choix : {known}).</translation>
    </message>
    <message>
      <source>An account needs a handle.</source>
      <translation>Un compte doit avoir un identifiant.</translation>
    </message>
    <message>
      <source>The address must start with http:// or https://: {url}</source>
      <translation>L’adresse doit commencer par http:// ou https:// : {url}</translation>
    </message>
    <message>
      <source>{client} already has the {network} account {handle}.</source>
      <translation>{client} a déjà le compte {network} {handle}.</translation>
    </message>
    <message>
      <source>This network account no longer exists.</source>
      <translation>Ce compte réseau n’existe plus.</translation>
    </message>
    <message>
      <source>A team member needs a name.</source>
      <translation>Un membre de l’équipe doit avoir un nom.</translation>
    </message>
    <message>
      <source>{name} is already in the team.</source>
      <translation>{name} fait déjà partie de l’équipe.</translation>
    </message>
  </context>
  <context>
    <name>DeleteClientDialog</name>
    <message>
      <source>Delete client</source>
      <translation>Supprimer le client</translation>
    </message>
    <message>
      <source>This deletes {name} with its charter, calendar, inbox, reports and stored credentials. It cannot be undone; archiving keeps everything instead.

Type the client's name to confirm:</source>
      <translation>Cette action supprime {name} avec sa charte, son calendrier, sa messagerie, ses rapports et ses identifiants enregistrés. Elle est irréversible ; l’archivage, lui, conserve tout.

Tapez le nom du client pour confirmer :</translation>
    </message>
    <message>
      <source>Delete for ever</source>
      <translation>Supprimer définitivement</translation>
    </message>
    <message>
      <source>Deleting…</source>
      <translation>Suppression…</translation>
    </message>
  </context>
  <context>
    <name>Demo</name>
    <message>
      <source>The database already has clients; use an empty one for the demo (for example --db sqlite:////tmp/demo.sqlite3).</source>
      <translation>La base a déjà des clients ; utilisez une base vide pour la démonstration (par exemple --db sqlite:////tmp/demo.sqlite3).</translation>
    </message>
  </context>
  <context>
    <name>Documents</name>
    <message>
      <source>Cannot write the PDF to {path}: folder missing or read-only.</source>
      <translation>Impossible d’écrire le PDF dans {path} : dossier absent ou en lecture seule.</translation>
    </message>
    <message>
      <source>page {page} / {pages}</source>
      <translation>page {page} / {pages}</translation>
    </message>
    <message>
      <source>Cannot write the PDF to {path}.</source>
      <translation>Impossible d’écrire le PDF dans {path}.</translation>
    </message>
  </context>
  <context>
    <name>Listening</name>
    <message>
      <source>Crisis alert for {client}</source>
      <translation>Alerte de crise pour {client}</translation>
    </message>
    <message>
      <source>You receive this because the charter names you as a crisis contact. Sent by Tribune.</source>
      <translation>Vous recevez ce message car la charte vous désigne comme contact de crise. Envoyé par Tribune.</translation>
    </message>
    <message>
      <source>not e-mailed: the client's SMTP server is not set</source>
      <translation>pas de courriel : le serveur SMTP du client n’est pas réglé</translation>
    </message>
    <message>
      <source>not e-mailed: no SMTP password in the keyring</source>
      <translation>pas de courriel : aucun mot de passe SMTP dans le trousseau</translation>
    </message>
    <message>
      <source>not e-mailed: the SMTP server failed ({kind})</source>
      <translation>pas de courriel : le serveur SMTP a échoué ({kind})</translation>
    </message>
    <message>
      <source>not e-mailed: the charter names no crisis contact with an e-mail</source>
      <translation>pas de courriel : la charte ne désigne aucun contact de crise avec une adresse</translation>
    </message>
    <message>
      <source>{n} complaints or negative messages in the last hour, against {usual:.1f} an hour usually (the charter's threshold: {limit} an hour).</source>
      <translation>{n} plaintes ou messages négatifs dans la dernière heure, contre {usual:.1f} par heure d’habitude (seuil de la charte : {limit} par heure).</translation>
    </message>
    <message>
      <source>{n} negative posts about the client found by listening in the last hour, against {usual:.1f} an hour usually.</source>
      <translation>{n} publications négatives sur le client trouvées par la veille dans la dernière heure, contre {usual:.1f} par heure d’habitude.</translation>
    </message>
    <message>
      <source>{name} ({followers} followers on {network}, above the charter's {limit}) complains publicly.</source>
      <translation>{name} ({followers} abonnés sur {network}, au-delà des {limit} de la charte) se plaint publiquement.</translation>
    </message>
    <message>
      <source>{n} messages in the last hour name a watch word of the charter: {words}.</source>
      <translation>{n} messages de la dernière heure citent un mot surveillé de la charte : {words}.</translation>
    </message>
    <message>
      <source>No such listening item for this client.</source>
      <translation>Cet élément de veille n’existe pas pour ce client.</translation>
    </message>
    <message>
      <source>This item is already in the inbox.</source>
      <translation>Cet élément est déjà dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Unknown kind of stream: {kind}.</source>
      <translation>Type de flux inconnu : {kind}.</translation>
    </message>
    <message>
      <source>Give the words, hashtag or feed to listen to.</source>
      <translation>Indiquez les mots, le hashtag ou le flux à écouter.</translation>
    </message>
    <message>
      <source>A feed is an http:// or https:// address.</source>
      <translation>Un flux est une adresse http:// ou https://.</translation>
    </message>
    <message>
      <source>A feed is read as RSS/Atom, not on a network.</source>
      <translation>Un flux se lit en RSS/Atom, pas sur un réseau.</translation>
    </message>
    <message>
      <source>A hashtag is one word.</source>
      <translation>Un hashtag est un seul mot.</translation>
    </message>
    <message>
      <source>{network} cannot be searched; searchable: {list}.</source>
      <translation>On ne peut pas chercher sur {network} ; réseaux possibles : {list}.</translation>
    </message>
    <message>
      <source>Add the client's {network} account first: searches use its credentials.</source>
      <translation>Ajoutez d’abord le compte {network} du client : les recherches utilisent ses accès.</translation>
    </message>
    <message>
      <source>This stream already exists.</source>
      <translation>Ce flux existe déjà.</translation>
    </message>
    <message>
      <source>No such stream for this client.</source>
      <translation>Ce flux n’existe pas pour ce client.</translation>
    </message>
  </context>
  <context>
    <name>ListeningArea</name>
    <message>
      <source>Search the items found…</source>
      <translation>Chercher dans les éléments trouvés…</translation>
    </message>
    <message>
      <source>Listen now</source>
      <translation>Écouter maintenant</translation>
    </message>
    <message>
      <source>Top authors by audience</source>
      <translation>Principaux auteurs par audience</translation>
    </message>
    <message>
      <source>Streams</source>
      <translation>Flux</translation>
    </message>
    <message>
      <source>Send to inbox</source>
      <translation>Envoyer dans la boîte</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Écarter</translation>
    </message>
    <message>
      <source>{n} items in 30 days, {p} % negative</source>
      <translation>{n} éléments en 30 jours, {p} % négatifs</translation>
    </message>
    <message>
      <source>No audience known yet.</source>
      <translation>Aucune audience connue pour l’instant.</translation>
    </message>
    <message>
      <source>No stream yet: add one with tribune listening add.</source>
      <translation>Aucun flux pour l’instant : ajoutez-en un avec tribune listening add.</translation>
    </message>
    <message>
      <source>Sent to the inbox.</source>
      <translation>Envoyé dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Listening…</source>
      <translation>Écoute en cours…</translation>
    </message>
    <message>
      <source>{n} new items.</source>
      <translation>{n} nouveaux éléments.</translation>
    </message>
    <message>
      <source>Crisis alert: {client}</source>
      <translation>Alerte de crise : {client}</translation>
    </message>
    <message>
      <source>The listening data could not be read.</source>
      <translation>Les données de veille n’ont pas pu être lues.</translation>
    </message>
  </context>
  <context>
    <name>ListeningModel</name>
    <message>
      <source>Published</source>
      <translation>Publié</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <source>Followers</source>
      <translation>Abonnés</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texte</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nouveau</translation>
    </message>
    <message>
      <source>In the inbox</source>
      <translation>Dans la boîte</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>Écarté</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>New client (Ctrl+N)</source>
      <translation>Nouveau client (Ctrl+N)</translation>
    </message>
    <message>
      <source>Search clients…  Ctrl+K</source>
      <translation>Chercher un client…  Ctrl+K</translation>
    </message>
    <message>
      <source>Client settings</source>
      <translation>Réglages du client</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>Ouverture de la base…</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Travail en cours…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>&amp;New client…</source>
      <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
      <source>&amp;Back up…</source>
      <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
      <source>&amp;Restore a backup…</source>
      <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Préférences…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Client</source>
      <translation>&amp;Client</translation>
    </message>
    <message>
      <source>&amp;Edit client…</source>
      <translation>&amp;Modifier le client…</translation>
    </message>
    <message>
      <source>&amp;Switch client…</source>
      <translation>&amp;Changer de client…</translation>
    </message>
    <message>
      <source>&amp;Archive client</source>
      <translation>&amp;Archiver le client</translation>
    </message>
    <message>
      <source>&amp;Delete client…</source>
      <translation>&amp;Supprimer le client…</translation>
    </message>
    <message>
      <source>Show archived clients</source>
      <translation>Afficher les clients archivés</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Actualiser</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>&amp;About Tribune</source>
      <translation>À &amp;propos de Tribune</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
      <source>Local database</source>
      <translation>Base locale</translation>
    </message>
    <message>
      <source>Un&amp;archive client</source>
      <translation>&amp;Désarchiver le client</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>Something unexpected happened ({kind}). Your data is safe; details were written to the log file.</source>
      <translation>Un incident inattendu s’est produit ({kind}). Vos données sont intactes ; les détails sont dans le journal.</translation>
    </message>
    <message>
      <source>Tribune</source>
      <translation>Tribune</translation>
    </message>
  </context>
  <context>
    <name>OAuth</name>
    <message>
      <source>{network} accounts are connected with a token for now (Advanced: paste it).</source>
      <translation>Les comptes {network} se connectent pour l'instant avec un jeton (Avancé : collez-le).</translation>
    </message>
    <message>
      <source>X needs the agency's app client id (--client-id).</source>
      <translation>X a besoin de l'identifiant client de l'application de l'agence (--client-id).</translation>
    </message>
    <message>
      <source>The network did not say which account was connected.</source>
      <translation>Le réseau n'a pas dit quel compte a été connecté.</translation>
    </message>
  </context>
  <context>
    <name>QuickSwitcher</name>
    <message>
      <source>Switch client</source>
      <translation>Changer de client</translation>
    </message>
    <message>
      <source>Type a client's name…</source>
      <translation>Tapez le nom d’un client…</translation>
    </message>
  </context>
  <context>
    <name>Secrets</name>
    <message>
      <source>No system keyring is available, so Tribune cannot store credentials. Install and unlock one (GNOME Keyring or KWallet on Linux; it is built in on macOS and Windows), then try again.</source>
      <translation>Aucun trousseau système n’est disponible : Tribune ne peut pas ranger d’identifiants. Installez-en un et déverrouillez-le (GNOME Keyring ou KWallet sous Linux ; il est intégré à macOS et Windows), puis réessayez.</translation>
    </message>
    <message>
      <source>An empty secret cannot be stored.</source>
      <translation>Un secret vide ne peut pas être enregistré.</translation>
    </message>
    <message>
      <source>The keyring refused to store the credential ({kind}).</source>
      <translation>Le trousseau a refusé d’enregistrer l’identifiant ({kind}).</translation>
    </message>
    <message>
      <source>The keyring could not be read ({kind}).</source>
      <translation>Le trousseau n’a pas pu être lu ({kind}).</translation>
    </message>
    <message>
      <source>The keyring could not delete the credential ({kind}).</source>
      <translation>Le trousseau n’a pas pu supprimer l’identifiant ({kind}).</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Préférences</translation>
    </message>
    <message>
      <source>Leave empty for the local database. For a shared agency database: postgresql://user@server/tribune (the password is asked by the server's own authentication, e.g. ~/.pgpass).</source>
      <translation>Laissez vide pour la base locale. Pour une base partagée par l’agence : postgresql://utilisateur@serveur/tribune (le mot de passe relève de l’authentification du serveur, p. ex. ~/.pgpass).</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Same as the system</source>
      <translation>Comme le système</translation>
    </message>
    <message>
      <source>Your name, as shown in the audit trail</source>
      <translation>Votre nom, tel qu’il apparaît dans le journal d’audit</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Never (manual only)</source>
      <translation>Jamais (manuel uniquement)</translation>
    </message>
    <message>
      <source>&amp;Database</source>
      <translation>&amp;Base de données</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Langue</translation>
    </message>
    <message>
      <source>&amp;Your name</source>
      <translation>&amp;Votre nom</translation>
    </message>
    <message>
      <source>Background &amp;sync every</source>
      <translation>&amp;Synchronisation automatique toutes les</translation>
    </message>
    <message>
      <source>A new database or language applies at the next start.</source>
      <translation>Une nouvelle base ou une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>Connexion…</translation>
    </message>
    <message>
      <source>Connected. The database will be prepared at the next start.</source>
      <translation>Connecté. La base sera préparée au prochain démarrage.</translation>
    </message>
    <message>
      <source>Connected. The database is up to date.</source>
      <translation>Connecté. La base est à jour.</translation>
    </message>
  </context>
  <context>
    <name>Storage</name>
    <message>
      <source>Invalid database URL: {url}</source>
      <translation>URL de base de données invalide : {url}</translation>
    </message>
    <message>
      <source>The database folder does not exist: {path}</source>
      <translation>Le dossier de la base n’existe pas : {path}</translation>
    </message>
    <message>
      <source>Unsupported database (use sqlite or postgresql): {url}</source>
      <translation>Base non prise en charge (sqlite ou postgresql) : {url}</translation>
    </message>
    <message>
      <source>Migration left broken references: {n}</source>
      <translation>La migration a laissé des références cassées : {n}</translation>
    </message>
    <message>
      <source>Cannot open the database {url}: {reason}</source>
      <translation>Impossible d’ouvrir la base {url} : {reason}</translation>
    </message>
    <message>
      <source>Cannot update the database {url}: {reason}</source>
      <translation>Impossible de mettre à jour la base {url} : {reason}</translation>
    </message>
  </context>
  <context>
    <name>VolumeChart</name>
    <message>
      <source>Nothing found yet.</source>
      <translation>Rien de trouvé pour l’instant.</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <source>Welcome to Tribune</source>
      <translation>Bienvenue dans Tribune</translation>
    </message>
    <message>
      <source>Each client of the agency gets a workspace: its charter, its content calendar, its inbox and its reports. Start with the demo agency to look around, or create your first client.</source>
      <translation>Chaque client de l’agence a son espace : sa charte, son calendrier éditorial, sa messagerie et ses rapports. Commencez par l’agence de démonstration pour découvrir, ou créez votre premier client.</translation>
    </message>
    <message>
      <source>Load the demo agency</source>
      <translation>Charger l’agence de démonstration</translation>
    </message>
    <message>
      <source>Create my first client</source>
      <translation>Créer mon premier client</translation>
    </message>
  </context>
  <context>
    <name>WindowActions</name>
    <message>
      <source>Loading the demo agency…</source>
      <translation>Chargement de l’agence de démonstration…</translation>
    </message>
    <message>
      <source>Back up the agency</source>
      <translation>Sauvegarder l’agence</translation>
    </message>
    <message>
      <source>Backups (*.zip)</source>
      <translation>Sauvegardes (*.zip)</translation>
    </message>
    <message>
      <source>Backup written: {path} ({rows} rows)</source>
      <translation>Sauvegarde écrite : {path} ({rows} lignes)</translation>
    </message>
    <message>
      <source>Restore a backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <source>Restoring replaces every client and all their data in this database with the content of the backup. Continue?</source>
      <translation>La restauration remplace tous les clients et toutes leurs données de cette base par le contenu de la sauvegarde. Continuer ?</translation>
    </message>
    <message>
      <source>Restored {rows} rows.</source>
      <translation>{rows} lignes restaurées.</translation>
    </message>
    <message>
      <source>About Tribune</source>
      <translation>À propos de Tribune</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Tribune {version}&lt;/h3&gt;&lt;p&gt;Community management for agencies: one workspace per client with its charter, content calendar, inbox and reports.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Tribune {version}&lt;/h3&gt;&lt;p&gt;Le community management pour les agences : un espace par client avec sa charte, son calendrier éditorial, sa messagerie et ses rapports.&lt;/p&gt;&lt;p&gt;Base de données : {db}&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>Check the database in File › Settings, then restart Tribune.</source>
      <translation>Vérifiez la base dans Fichier › Préférences, puis relancez Tribune.</translation>
    </message>
  </context>
</TS>