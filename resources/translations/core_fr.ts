<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>AccountConnectDialog</name>
    <message>
      <source>Connect an account</source>
      <translation>Connecter un compte</translation>
    </message>
    <message>
      <source>Mastodon (and GoToSocial, Pleroma, Akkoma…)</source>
      <translation>Mastodon (et GoToSocial, Pleroma, Akkoma…)</translation>
    </message>
    <message>
      <source>Bluesky</source>
      <translation>Bluesky</translation>
    </message>
    <message>
      <source>X</source>
      <translation>X</translation>
    </message>
    <message>
      <source>Facebook Pages and Instagram (Meta)</source>
      <translation>Pages Facebook et Instagram (Meta)</translation>
    </message>
    <message>
      <source>LinkedIn pages</source>
      <translation>Pages LinkedIn</translation>
    </message>
    <message>
      <source>Google Business Profile (reviews and posts)</source>
      <translation>Fiche d’établissement Google (avis et publications)</translation>
    </message>
    <message>
      <source>YouTube (comments and channel numbers)</source>
      <translation>YouTube (commentaires et chiffres de la chaîne)</translation>
    </message>
    <message>
      <source>Threads (posts and replies)</source>
      <translation>Threads (publications et réponses)</translation>
    </message>
    <message>
      <source>Pinterest boards (pins; no comments)</source>
      <translation>Tableaux Pinterest (épingles, sans commentaires)</translation>
    </message>
    <message>
      <source>e.g. https://mastodon.social</source>
      <translation>p. ex. https://mastodon.social</translation>
    </message>
    <message>
      <source>e.g. brand.bsky.social</source>
      <translation>p. ex. marque.bsky.social</translation>
    </message>
    <message>
      <source>Advanced: empty connects in the browser (OAuth)</source>
      <translation>Avancé : vide = OAuth dans le navigateur</translation>
    </message>
    <message>
      <source>&amp;Network</source>
      <translation>&amp;Réseau</translation>
    </message>
    <message>
      <source>&amp;Server</source>
      <translation>&amp;Serveur</translation>
    </message>
    <message>
      <source>&amp;Handle</source>
      <translation>&amp;Pseudo</translation>
    </message>
    <message>
      <source>&amp;App password</source>
      <translation>Mot de passe d’&amp;application</translation>
    </message>
    <message>
      <source>once per agency; empty: as already set</source>
      <translation>une fois pour l’agence ; vide : inchangé</translation>
    </message>
    <message>
      <source>once per computer (keyring); empty: as already set</source>
      <translation>une fois par ordinateur (trousseau) ; vide : inchangé</translation>
    </message>
    <message>
      <source>Agency app &amp;id</source>
      <translation>&amp;Identifiant de l’application de l’agence</translation>
    </message>
    <message>
      <source>Agency app s&amp;ecret</source>
      <translation>S&amp;ecret de l’application de l’agence</translation>
    </message>
    <message>
      <source>Waiting for the browser…</source>
      <translation>En attente du navigateur…</translation>
    </message>
    <message>
      <source>Tick the pages and accounts that belong to this client.</source>
      <translation>Cochez les pages et les comptes qui appartiennent à ce client.</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Connecter</translation>
    </message>
    <message>
      <source>Add the ticked accounts</source>
      <translation>Ajouter les comptes cochés</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Your browser opens the server's page: log in there and allow Tribune. Tribune registers itself on the server; nothing to prepare.</source>
      <translation>Votre navigateur ouvre la page du serveur : connectez-vous et autorisez Tribune. Tribune s’enregistre lui-même sur le serveur ; rien à préparer.</translation>
    </message>
    <message>
      <source>Tribune finds the account's server from its handle, self-hosted servers too; your browser opens that server: log in and allow Tribune. A server without OAuth needs an app password (Bluesky: Settings › Privacy and security › App passwords).</source>
      <translation>Tribune trouve le serveur du compte à partir de son pseudo, serveurs auto-hébergés compris ; votre navigateur ouvre ce serveur : connectez-vous et autorisez Tribune. Un serveur sans OAuth demande un mot de passe d’application (Bluesky : Paramètres › Confidentialité et sécurité › Mots de passe d’application).</translation>
    </message>
    <message>
      <source>Your browser opens X: log in and allow the agency's app.</source>
      <translation>Votre navigateur ouvre X : connectez-vous et autorisez l’application de l’agence.</translation>
    </message>
    <message>
      <source>Your browser opens Facebook: log in as a person who manages the client's Pages, allow the agency's app, then tick this client's Pages and Instagram accounts.</source>
      <translation>Votre navigateur ouvre Facebook : connectez-vous en tant que personne qui gère les Pages du client, autorisez l’application de l’agence, puis cochez les Pages et comptes Instagram de ce client.</translation>
    </message>
    <message>
      <source>Your browser opens LinkedIn: log in as an administrator of the client's page, allow the agency's app, then tick this client's pages.</source>
      <translation>Votre navigateur ouvre LinkedIn : connectez-vous en tant qu’administrateur de la page du client, autorisez l’application de l’agence, puis cochez les pages de ce client.</translation>
    </message>
    <message>
      <source>Your browser opens Google: log in as a manager of the client's business profile, allow the agency's app, then tick this client's places.</source>
      <translation>Votre navigateur ouvre Google : connectez-vous en tant que gestionnaire de la fiche d’établissement du client, autorisez l’application de l’agence, puis cochez les établissements de ce client.</translation>
    </message>
    <message>
      <source>Your browser opens Google: log in with the client's YouTube channel, allow the agency's app, then tick the channel.</source>
      <translation>Votre navigateur ouvre Google : connectez-vous avec la chaîne YouTube du client, autorisez l’application de l’agence, puis cochez la chaîne.</translation>
    </message>
    <message>
      <source>Your browser opens Threads: log in with the client's profile and allow the agency's Threads app (its own id and secret in Meta's app dashboard).</source>
      <translation>Votre navigateur ouvre Threads : connectez-vous avec le profil du client et autorisez l’application Threads de l’agence (son propre identifiant et son secret dans le tableau de bord des applications Meta).</translation>
    </message>
    <message>
      <source>Your browser opens Pinterest: log in with the client's business account, allow the agency's app, then tick the board its pins go to. Pinterest's API has no comments: nothing comes into the inbox from Pinterest.</source>
      <translation>Votre navigateur ouvre Pinterest : connectez-vous avec le compte professionnel du client, autorisez l’application de l’agence, puis cochez le tableau où vont ses épingles. L’API de Pinterest n’a pas de commentaires : rien de Pinterest n’arrive dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Give the server's address, e.g. https://mastodon.social.</source>
      <translation>Indiquez l’adresse du serveur, p. ex. https://mastodon.social.</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>Connexion…</translation>
    </message>
    <message>
      <source>This person manages no page or account Tribune can connect.</source>
      <translation>Cette personne ne gère aucune page ni aucun compte que Tribune puisse connecter.</translation>
    </message>
    <message>
      <source>Tick at least one page or account.</source>
      <translation>Cochez au moins une page ou un compte.</translation>
    </message>
  </context>
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
      <source>The Threads user id (Connect… finds it)</source>
      <translation>L’identifiant utilisateur Threads (Connecter… le trouve)</translation>
    </message>
    <message>
      <source>Empty for the Threads API (graph.threads.net)</source>
      <translation>Vide pour l’API Threads (graph.threads.net)</translation>
    </message>
    <message>
      <source>a long-lived Threads token, or JSON with access_token and expires_at</source>
      <translation>un jeton Threads longue durée, ou un JSON avec access_token et expires_at</translation>
    </message>
    <message>
      <source>The board id its pins go to. Pinterest's API has no comments: nothing comes into the inbox from Pinterest.</source>
      <translation>L’identifiant du tableau où vont ses épingles. L’API de Pinterest n’a pas de commentaires : rien de Pinterest n’arrive dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Empty for api.pinterest.com</source>
      <translation>Vide pour api.pinterest.com</translation>
    </message>
    <message>
      <source>an OAuth token, or JSON with refresh_token, client_id, client_secret</source>
      <translation>un jeton OAuth, ou un JSON avec refresh_token, client_id, client_secret</translation>
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
    <name>AccountsPage</name>
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
      <translation>Statut</translation>
    </message>
    <message>
      <source>Access token</source>
      <translation>Jeton d’accès</translation>
    </message>
    <message>
      <source>Advanced: paste a token</source>
      <translation>Avancé : coller un jeton</translation>
    </message>
    <message>
      <source>Tokens typed here go straight to the system keyring; they are never stored in the database.</source>
      <translation>Les jetons saisis ici vont directement dans le trousseau du système ; ils ne sont jamais enregistrés dans la base.</translation>
    </message>
    <message>
      <source>Connect…</source>
      <translation>Connecter…</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>inchangé</translation>
    </message>
    <message>
      <source>paste the token</source>
      <translation>collez le jeton</translation>
    </message>
  </context>
  <context>
    <name>AddPersonDialog</name>
    <message>
      <source>Add a person</source>
      <translation>Ajouter une personne</translation>
    </message>
    <message>
      <source>their database login, e.g. lea.martin</source>
      <translation>son identifiant de base de données, par ex. lea.martin</translation>
    </message>
    <message>
      <source>&amp;Login</source>
      <translation>&amp;Identifiant</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nom</translation>
    </message>
    <message>
      <source>&amp;Role</source>
      <translation>&amp;Rôle</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>Mot de &amp;passe</translation>
    </message>
    <message>
      <source>&amp;Clients</source>
      <translation>&amp;Clients</translation>
    </message>
  </context>
  <context>
    <name>Agency</name>
    <message>
      <source>The agency needs a name.</source>
      <translation>L’agence doit avoir un nom.</translation>
    </message>
    <message>
      <source>This e-mail address is not valid: {email}</source>
      <translation>Cette adresse e-mail n’est pas valide : {email}</translation>
    </message>
    <message>
      <source>The logo must be a PNG or JPEG image.</source>
      <translation>Le logo doit être une image PNG ou JPEG.</translation>
    </message>
    <message>
      <source>The logo weighs {size} KB: at most {limit} KB, please reduce it.</source>
      <translation>Le logo pèse {size} Ko : {limit} Ko au plus, réduisez-le.</translation>
    </message>
    <message>
      <source>White text on {colour} is hard to read (contrast {ratio}:1, at least 4.5:1 needed): choose a darker colour.</source>
      <translation>Un texte blanc sur {colour} se lit mal (contraste {ratio} :1, il faut au moins 4,5 :1) : choisissez une couleur plus foncée.</translation>
    </message>
    <message>
      <source>Tribune needs no app of the agency on {network}.</source>
      <translation>Tribune n’a pas besoin d’une application de l’agence sur {network}.</translation>
    </message>
  </context>
  <context>
    <name>AgencyDialog</name>
    <message>
      <source>Agency</source>
      <translation>Agence</translation>
    </message>
    <message>
      <source>How the agency signs its charters, reports and approval sheets.</source>
      <translation>Comment l’agence signe ses chartes, ses rapports et ses fiches de validation.</translation>
    </message>
    <message>
      <source>e.g. Social &amp; Co</source>
      <translation>p. ex. Social &amp; Co</translation>
    </message>
    <message>
      <source>Street, postcode and town</source>
      <translation>Rue, code postal et ville</translation>
    </message>
    <message>
      <source>hello@agency.example</source>
      <translation>bonjour@agence.example</translation>
    </message>
    <message>
      <source>Choose an image…</source>
      <translation>Choisir une image…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>PNG or JPEG, at most {size} KB.</source>
      <translation>PNG ou JPEG, {size} Ko au plus.</translation>
    </message>
    <message>
      <source>Tribune's blue</source>
      <translation>Bleu de Tribune</translation>
    </message>
    <message>
      <source>Host there the JSON that “tribune account bluesky-metadata” prints; empty: Tribune connects as a development app.</source>
      <translation>Hébergez à cette adresse le JSON qu’affiche « tribune account bluesky-metadata » ; vide : Tribune se connecte comme application de développement.</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nom</translation>
    </message>
    <message>
      <source>&amp;Address</source>
      <translation>&amp;Adresse</translation>
    </message>
    <message>
      <source>&amp;E-mail</source>
      <translation>&amp;E-mail</translation>
    </message>
    <message>
      <source>&amp;Logo</source>
      <translation>&amp;Logo</translation>
    </message>
    <message>
      <source>&amp;Colour</source>
      <translation>&amp;Couleur</translation>
    </message>
    <message>
      <source>&amp;Bluesky client metadata</source>
      <translation>Métadonnées client &amp;Bluesky</translation>
    </message>
    <message>
      <source>Optional: where the agency hosts Tribune's Bluesky app description, so that Bluesky shows the agency's name when a client connects.</source>
      <translation>Facultatif : où l’agence héberge la description de l’application Bluesky de Tribune, pour que Bluesky montre le nom de l’agence quand un client se connecte.</translation>
    </message>
    <message>
      <source>Bluesky's client metadata is at an https address, e.g. https://agency.example/tribune.json.</source>
      <translation>Les métadonnées client de Bluesky sont à une adresse https, par exemple https://agency.example/tribune.json.</translation>
    </message>
    <message>
      <source>Agency logo</source>
      <translation>Logo de l’agence</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>The logo weighs {size} KB: at most {limit} KB, please reduce it.</source>
      <translation>Le logo pèse {size} Ko : {limit} Ko au plus, réduisez-le.</translation>
    </message>
    <message>
      <source>This file is not an image Tribune can read.</source>
      <translation>Tribune ne sait pas lire cette image.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>No logo</source>
      <translation>Pas de logo</translation>
    </message>
    <message>
      <source>Colour of the documents</source>
      <translation>Couleur des documents</translation>
    </message>
  </context>
  <context>
    <name>ApprovalForm</name>
    <message>
      <source>Approved</source>
      <translation>Validée</translation>
    </message>
    <message>
      <source>To change</source>
      <translation>À modifier</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Commentaire</translation>
    </message>
    <message>
      <source>This file is not a readable PDF ({reason}).</source>
      <translation>Ce fichier n'est pas un PDF lisible ({reason}).</translation>
    </message>
    <message>
      <source>This PDF is not an approval sheet written by Tribune.</source>
      <translation>Ce PDF n'est pas un bon à valider écrit par Tribune.</translation>
    </message>
    <message>
      <source>This approval sheet belongs to another client.</source>
      <translation>Ce bon à valider appartient à un autre client.</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsView</name>
    <message>
      <source>Asked</source>
      <translation>Demandé le</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Par</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texte</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>Approuver</translation>
    </message>
    <message>
      <source>Send back…</source>
      <translation>Renvoyer…</translation>
    </message>
    <message>
      <source>Returned to me</source>
      <translation>Renvoyées vers moi</translation>
    </message>
    <message>
      <source>Sent back</source>
      <translation>Renvoyée le</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Commentaire</translation>
    </message>
    <message>
      <source>Your reply</source>
      <translation>Votre réponse</translation>
    </message>
    <message>
      <source>reply to send</source>
      <translation>réponse à envoyer</translation>
    </message>
    <message>
      <source>moderation</source>
      <translation>modération</translation>
    </message>
    <message>
      <source>Nothing waits for approval.</source>
      <translation>Rien n’attend d’approbation.</translation>
    </message>
    <message>
      <source>A second person approves: you cannot approve what you asked for.</source>
      <translation>Une deuxième personne approuve : vous ne pouvez pas approuver ce que vous avez demandé.</translation>
    </message>
    <message>
      <source>Only a lead approves these; you can see what waits.</source>
      <translation>Seul un responsable approuve ceci ; vous voyez ce qui attend.</translation>
    </message>
    <message>
      <source>Only a lead approves.</source>
      <translation>Seul un responsable approuve.</translation>
    </message>
    <message>
      <source>You asked for this: another person decides.</source>
      <translation>Vous l’avez demandé : une autre personne décide.</translation>
    </message>
    <message>
      <source>Send back</source>
      <translation>Renvoyer</translation>
    </message>
    <message>
      <source>What should change?</source>
      <translation>Que faut-il changer ?</translation>
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
    <name>AuditView</name>
    <message>
      <source>All clients</source>
      <translation>Tous les clients</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Tout le monde</translation>
    </message>
    <message>
      <source>Every action</source>
      <translation>Toutes les actions</translation>
    </message>
    <message>
      <source>Search…</source>
      <translation>Rechercher…</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exporter en CSV…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Objet</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>{shown} of {total} entries (newest first)</source>
      <translation>{shown} entrées sur {total} (les plus récentes d’abord)</translation>
    </message>
    <message>
      <source>Export the audit log</source>
      <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <source>Exported to {path}</source>
      <translation>Exporté dans {path}</translation>
    </message>
  </context>
  <context>
    <name>Backup</name>
    <message>
      <source>No such backup file: {path}</source>
      <translation>Fichier de sauvegarde introuvable : {path}</translation>
    </message>
    <message>
      <source>{path} is not a Tribune backup.</source>
      <translation>{path} n’est pas une sauvegarde Tribune.</translation>
    </message>
    <message>
      <source>The backup {path} is damaged or incomplete ({what}); nothing was restored.</source>
      <translation>La sauvegarde {path} est abîmée ou incomplète ({what}) ; rien n'a été restauré.</translation>
    </message>
    <message>
      <source>no schema revision</source>
      <translation>aucune révision de schéma</translation>
    </message>
    <message>
      <source>This backup comes from a newer Tribune ({revs}); update first.</source>
      <translation>Cette sauvegarde vient d’une version plus récente de Tribune ({revs}) ; mettez Tribune à jour d’abord.</translation>
    </message>
    <message>
      <source>no table listed</source>
      <translation>aucune table listée</translation>
    </message>
    <message>
      <source>unknown tables {names}</source>
      <translation>tables inconnues {names}</translation>
    </message>
    <message>
      <source>tables missing: {names}</source>
      <translation>tables manquantes : {names}</translation>
    </message>
    <message>
      <source>a media file is missing</source>
      <translation>un fichier média manque</translation>
    </message>
    <message>
      <source>unlisted members</source>
      <translation>des fichiers non listés</translation>
    </message>
    <message>
      <source>unreadable archive</source>
      <translation>archive illisible</translation>
    </message>
    <message>
      <source>no row count for {table}</source>
      <translation>pas de nombre de lignes pour {table}</translation>
    </message>
    <message>
      <source>no checksum for {table}</source>
      <translation>pas d'empreinte pour {table}</translation>
    </message>
    <message>
      <source>{table} is missing</source>
      <translation>{table} manque</translation>
    </message>
    <message>
      <source>{table} does not match its checksum</source>
      <translation>{table} ne correspond pas à son empreinte</translation>
    </message>
    <message>
      <source>{table} holds {found} rows, the manifest says {rows}</source>
      <translation>{table} contient {found} lignes, le manifeste en annonce {rows}</translation>
    </message>
    <message>
      <source>a row of {table} is unreadable</source>
      <translation>une ligne de {table} est illisible</translation>
    </message>
    <message>
      <source>a media file does not match its checksum</source>
      <translation>un fichier média ne correspond pas à son empreinte</translation>
    </message>
    <message>
      <source>{path} is the database itself: choose another file.</source>
      <translation>{path} est la base de données elle-même : choisissez un autre fichier.</translation>
    </message>
    <message>
      <source>{path} is not a regular file: choose another file.</source>
      <translation>{path} n'est pas un fichier ordinaire : choisissez un autre fichier.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>{path} is a database: a backup never overwrites one.</source>
      <translation>{path} est une base de données : une sauvegarde n'en écrase jamais.</translation>
    </message>
    <message>
      <source>{path} exists and is not a Tribune backup: choose another file.</source>
      <translation>{path} existe et n'est pas une sauvegarde Tribune : choisissez un autre fichier.</translation>
    </message>
    <message>
      <source>Restore refused by the database, nothing changed: {reason}</source>
      <translation>Restauration refusée par la base de données, rien n'a changé : {reason}</translation>
    </message>
    <message>
      <source>Restore stopped: {table} holds {held} rows instead of {rows}.</source>
      <translation>Restauration arrêtée : {table} contient {held} lignes au lieu de {rows}.</translation>
    </message>
  </context>
  <context>
    <name>ChangeNotice</name>
    <message>
      <source>someone</source>
      <translation>quelqu’un</translation>
    </message>
    <message>
      <source>Changed by {who} at {time} on another seat.</source>
      <translation>Modifié par {who} à {time} sur un autre poste.</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Recharger</translation>
    </message>
    <message>
      <source>Show the other seat's version (what you typed here is dropped)</source>
      <translation>Afficher la version de l’autre poste (ce que vous avez saisi ici est abandonné)</translation>
    </message>
    <message>
      <source>Keep my version</source>
      <translation>Garder ma version</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>see {command} --help</source>
      <translation>voir {command} --help</translation>
    </message>
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
      <source>tribune: a file name or a value contains a NUL character.</source>
      <translation>tribune : un nom de fichier ou une valeur contient un caractère NUL.</translation>
    </message>
    <message>
      <source>tribune: a file name or a value contains a character that is not text.</source>
      <translation>tribune : un nom de fichier ou une valeur contient un caractère qui n’est pas du texte.</translation>
    </message>
    <message>
      <source>tribune: the CSV file is malformed: {reason}</source>
      <translation>tribune : le fichier CSV est mal formé : {reason}</translation>
    </message>
    <message>
      <source>tribune: unexpected error ({kind}); details in {path}</source>
      <translation>tribune : erreur inattendue ({kind}) ; détails dans {path}</translation>
    </message>
    <message>
      <source>a date or a number is out of the range Tribune handles.</source>
      <translation>une date ou un nombre sort des limites que Tribune accepte.</translation>
    </message>
    <message>
      <source>the database refused a value: {reason}</source>
      <translation>la base de données a refusé une valeur : {reason}</translation>
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
      <source>the agency's app client id (X)</source>
      <translation>l'identifiant client de l'application de l'agence (X)</translation>
    </message>
    <message>
      <source>Bluesky: an app password read on stdin instead of OAuth in the browser</source>
      <translation>Bluesky : un mot de passe d’application lu sur l’entrée standard au lieu d’OAuth dans le navigateur</translation>
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
      <source>connect an account in the browser (Mastodon and its servers, X, Bluesky, Meta, LinkedIn, Google, Threads, Pinterest) or with an app password (Bluesky); tokens go to the keyring</source>
      <translation>connecter un compte dans le navigateur (Mastodon et ses serveurs, X, Bluesky, Meta, LinkedIn, Google, Threads, Pinterest) ou avec un mot de passe d’application (Bluesky) ; les jetons vont dans le trousseau</translation>
    </message>
    <message>
      <source>the server (Mastodon: required; others: the network's own)</source>
      <translation>le serveur (Mastodon : obligatoire ; autres : celui du réseau)</translation>
    </message>
    <message>
      <source>default: as the network says (Bluesky: required)</source>
      <translation>par défaut : celui que donne le réseau (Bluesky : obligatoire)</translation>
    </message>
    <message>
      <source>Meta, LinkedIn, Google, Pinterest: the ids to connect, comma-separated</source>
      <translation>Meta, LinkedIn, Google, Pinterest : les identifiants à connecter, séparés par des virgules</translation>
    </message>
    <message>
      <source>the agency's own app on a network: its id; its secret on stdin → keyring</source>
      <translation>l’application de l’agence sur un réseau : son identifiant ; son secret sur l’entrée standard → trousseau</translation>
    </message>
    <message>
      <source>Bluesky: the https address where the agency hosts its metadata</source>
      <translation>Bluesky : l’adresse https où l’agence héberge ses métadonnées</translation>
    </message>
    <message>
      <source>a public client (X, Bluesky)</source>
      <translation>un client public (X, Bluesky)</translation>
    </message>
    <message>
      <source>print the client metadata JSON the agency hosts for Bluesky OAuth</source>
      <translation>afficher le JSON de métadonnées client que l’agence héberge pour OAuth Bluesky</translation>
    </message>
    <message>
      <source>where it will be hosted (default: the agency's Bluesky app id)</source>
      <translation>où il sera hébergé (par défaut : l’identifiant d’application Bluesky de l’agence)</translation>
    </message>
    <message>
      <source>Paste the app secret, then press Enter:</source>
      <translation>Collez le secret de l’application, puis appuyez sur Entrée :</translation>
    </message>
    <message>
      <source>No app secret on standard input.</source>
      <translation>Aucun secret d’application sur l’entrée standard.</translation>
    </message>
    <message>
      <source>The agency's app on {network} is set.</source>
      <translation>L’application de l’agence sur {network} est enregistrée.</translation>
    </message>
    <message>
      <source>Bluesky's client id is the https address of the client metadata the agency hosts (tribune account bluesky-metadata prints it).</source>
      <translation>L’identifiant client Bluesky est l’adresse https des métadonnées client que l’agence héberge (tribune account bluesky-metadata les affiche).</translation>
    </message>
    <message>
      <source>Not among the accounts this person manages: {ids}.</source>
      <translation>Absent des comptes que gère cette personne : {ids}.</translation>
    </message>
    <message>
      <source>Choose the accounts of this client with --pick ID,ID among:</source>
      <translation>Choisissez les comptes de ce client avec --pick ID,ID parmi :</translation>
    </message>
    <message>
      <source>Numbers of this client's accounts (e.g. 1,3):</source>
      <translation>Numéros des comptes de ce client (p. ex. 1,3) :</translation>
    </message>
    <message>
      <source>Give numbers from the list.</source>
      <translation>Donnez des numéros de la liste.</translation>
    </message>
    <message>
      <source>No app password on standard input.</source>
      <translation>Aucun mot de passe d’application sur l’entrée standard.</translation>
    </message>
    <message>
      <source>This person manages no page or account Tribune can connect.</source>
      <translation>Cette personne ne gère aucune page ni aucun compte que Tribune puisse connecter.</translation>
    </message>
    <message>
      <source>Account {network} {handle} connected; token stored in the system keyring.</source>
      <translation>Compte {network} {handle} connecté ; jeton enregistré dans le trousseau du système.</translation>
    </message>
    <message>
      <source>Give the Bluesky handle with --handle.</source>
      <translation>Indiquez le pseudo Bluesky avec --handle.</translation>
    </message>
    <message>
      <source>Paste the app password, then press Enter:</source>
      <translation>Collez le mot de passe d’application, puis appuyez sur Entrée :</translation>
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
      <source>the agency's database</source>
      <translation>la base de données de l'agence</translation>
    </message>
    <message>
      <source>copy everything into another, empty database (SQLite ↔ PostgreSQL), verified</source>
      <translation>tout copier dans une autre base vide (SQLite ↔ PostgreSQL), vérifié</translation>
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
    <message>
      <source>The previous data is kept in {path}.</source>
      <translation>Les données précédentes sont conservées dans {path}.</translation>
    </message>
    <message>
      <source>Moved {rows} rows to {url}, every table checked. Use it with --db or $TRIBUNE_DB (or File › Settings in the app).</source>
      <translation>{rows} lignes déplacées vers {url}, chaque table vérifiée. Utilisez-la avec --db ou $TRIBUNE_DB (ou Fichier › Préférences dans l'application).</translation>
    </message>
    <message>
      <source>people, roles and client grants</source>
      <translation>personnes, rôles et clients attribués</translation>
    </message>
    <message>
      <source>add a person (on PostgreSQL their login role; the password is read on stdin)</source>
      <translation>ajouter une personne (sur PostgreSQL, son rôle de connexion ; le mot de passe est lu sur l’entrée standard)</translation>
    </message>
    <message>
      <source>client slugs separated by commas, or « all » (admins, leads)</source>
      <translation>identifiants de clients séparés par des virgules, ou « all » (administrateurs, responsables)</translation>
    </message>
    <message>
      <source>list the people</source>
      <translation>lister les personnes</translation>
    </message>
    <message>
      <source>let a person see and work on a client</source>
      <translation>permettre à une personne de voir un client et d’y travailler</translation>
    </message>
    <message>
      <source>take a client away from a person</source>
      <translation>retirer un client à une personne</translation>
    </message>
    <message>
      <source>stop a person from connecting</source>
      <translation>empêcher une personne de se connecter</translation>
    </message>
    <message>
      <source>remove a person (what they did stays in the audit trail)</source>
      <translation>retirer une personne (ce qu’elle a fait reste dans le journal d’audit)</translation>
    </message>
    <message>
      <source>new password (on stdin); lifts a suspension</source>
      <translation>nouveau mot de passe (sur l’entrée standard) ; lève une suspension</translation>
    </message>
    <message>
      <source>change a person's role</source>
      <translation>changer le rôle d’une personne</translation>
    </message>
    <message>
      <source>the person this connection acts as</source>
      <translation>la personne au nom de laquelle agit cette connexion</translation>
    </message>
    <message>
      <source>Give the person's password on stdin (one line).</source>
      <translation>Donnez le mot de passe de la personne sur l’entrée standard (une ligne).</translation>
    </message>
    <message>
      <source>all clients</source>
      <translation>tous les clients</translation>
    </message>
    <message>
      <source> (suspended)</source>
      <translation> (suspendu)</translation>
    </message>
    <message>
      <source>Rights are not enforced on a local SQLite file: anyone who can open it can change it. Use a shared PostgreSQL database to enforce them.</source>
      <translation>Les droits ne sont pas appliqués sur un fichier SQLite local : quiconque peut l’ouvrir peut le modifier. Utilisez une base PostgreSQL partagée pour les faire respecter.</translation>
    </message>
    <message>
      <source>Added: {line}</source>
      <translation>Ajouté : {line}</translation>
    </message>
    <message>
      <source>No people yet.</source>
      <translation>Aucune personne pour l’instant.</translation>
    </message>
    <message>
      <source>Removed: {login}</source>
      <translation>Retiré : {login}</translation>
    </message>
    <message>
      <source>the agency's name, address, logo and colour</source>
      <translation>le nom, l’adresse, le logo et la couleur de l’agence</translation>
    </message>
    <message>
      <source>show the agency's profile</source>
      <translation>afficher la fiche de l’agence</translation>
    </message>
    <message>
      <source>change the agency's profile (administrators); others are kept</source>
      <translation>modifier la fiche de l’agence (administrateurs) ; le reste est conservé</translation>
    </message>
    <message>
      <source>a PNG or JPEG image</source>
      <translation>une image PNG ou JPEG</translation>
    </message>
    <message>
      <source>remove the logo</source>
      <translation>retirer le logo</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(aucune)</translation>
    </message>
    <message>
      <source>{format}, {size} KB</source>
      <translation>{format}, {size} Ko</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Couleur</translation>
    </message>
    <message>
      <source>Tribune's blue</source>
      <translation>Bleu de Tribune</translation>
    </message>
    <message>
      <source>cannot read the logo {path}: {reason}</source>
      <translation>impossible de lire le logo {path} : {reason}</translation>
    </message>
    <message>
      <source>give --logo or --no-logo, not both</source>
      <translation>indiquez --logo ou --no-logo, pas les deux</translation>
    </message>
    <message>
      <source>nothing to change: give --name, --address, --email, --logo or --colour</source>
      <translation>rien à modifier : indiquez --name, --address, --email, --logo ou --colour</translation>
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
      <source>draft the charter's crisis holding message, in review, per network</source>
      <translation>rédiger le message d'attente de crise de la charte, en validation, par réseau</translation>
    </message>
    <message>
      <source>close the client's crisis: the next signal opens a new one</source>
      <translation>clore la crise du client : le prochain signal en ouvre une nouvelle</translation>
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
      <source>Post {id}.</source>
      <translation>Publication {id}.</translation>
    </message>
    <message>
      <source>This client has no open crisis.</source>
      <translation>Ce client n'a pas de crise en cours.</translation>
    </message>
    <message>
      <source>Crisis closed (opened {opened}): the next signal opens a new one.</source>
      <translation>Crise close (ouverte le {opened}) : le prochain signal en ouvre une nouvelle.</translation>
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
      <source>General</source>
      <translation>Général</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Save the client first.</source>
      <translation>Enregistrez d’abord le client.</translation>
    </message>
    <message>
      <source>Network accounts</source>
      <translation>Comptes réseaux</translation>
    </message>
    <message>
      <source>Client — {name}</source>
      <translation>Client — {name}</translation>
    </message>
    <message>
      <source>A client needs a name.</source>
      <translation>Un client doit avoir un nom.</translation>
    </message>
  </context>
  <context>
    <name>ClientGeneralPage</name>
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
  </context>
  <context>
    <name>ClientListModel</name>
    <message numerus="yes">
      <source>%Ln unread</source>
      <translation>
        <numerusform>%Ln non lu</numerusform>
        <numerusform>%Ln non lus</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln overdue</source>
      <translation>
        <numerusform>%Ln en retard</numerusform>
        <numerusform>%Ln en retard</numerusform>
      </translation>
    </message>
    <message>
      <source>Crisis alert</source>
      <translation>Alerte de crise</translation>
    </message>
    <message numerus="yes">
      <source>%Ln account(s) to check</source>
      <translation>
        <numerusform>%Ln compte à vérifier</numerusform>
        <numerusform>%Ln comptes à vérifier</numerusform>
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
      <source>A colour is written #rrggbb, for example #0f766e.</source>
      <translation>Une couleur s’écrit #rrvvbb, par exemple #0f766e.</translation>
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
    <name>CloseAfterWrites</name>
    <message>
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Someone else changed this</source>
      <translation>Quelqu'un d'autre a modifié ceci</translation>
    </message>
    <message>
      <source>someone else</source>
      <translation>quelqu'un d'autre</translation>
    </message>
    <message>
      <source>Changed by {who} on {when}</source>
      <translation>Modifié par {who} le {when}</translation>
    </message>
    <message>
      <source>Changed by {who}</source>
      <translation>Modifié par {who}</translation>
    </message>
    <message>
      <source>Mine (not saved)</source>
      <translation>Ma version (non enregistrée)</translation>
    </message>
    <message>
      <source>Theirs (saved)</source>
      <translation>Leur version (enregistrée)</translation>
    </message>
    <message>
      <source>Merged text (edit, then save the merge)</source>
      <translation>Texte fusionné (modifiez-le, puis enregistrez la fusion)</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>Garder la mienne</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>Garder la leur</translation>
    </message>
    <message>
      <source>Merge by hand…</source>
      <translation>Fusionner à la main…</translation>
    </message>
    <message>
      <source>Save the merge</source>
      <translation>Enregistrer la fusion</translation>
    </message>
    <message>
      <source>A reply is already queued</source>
      <translation>Une réponse est déjà en attente d'envoi</translation>
    </message>
  </context>
  <context>
    <name>ContactsPage</name>
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
      <source>Departments</source>
      <translation>Services</translation>
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
  </context>
  <context>
    <name>Csv</name>
    <message>
      <source>separator « {sep} », encoding {encoding}</source>
      <translation>séparateur « {sep} », encodage {encoding}</translation>
    </message>
    <message>
      <source>The dates mix two orders: « {a} » is day-first, « {b} » month-first; export the file again without editing it in a spreadsheet.</source>
      <translation>Les dates mêlent deux ordres : « {a} » commence par le jour, « {b} » par le mois ; exportez le fichier à nouveau sans le modifier dans un tableur.</translation>
    </message>
    <message>
      <source>day-first (« {value} » has a day above 12)</source>
      <translation>jour en premier (« {value} » a un jour au-delà de 12)</translation>
    </message>
    <message>
      <source>month-first (« {value} » has a day above 12)</source>
      <translation>mois en premier (« {value} » a un jour au-delà de 12)</translation>
    </message>
    <message>
      <source>day-first (the convention of this layout)</source>
      <translation>jour en premier (la convention de cette disposition)</translation>
    </message>
    <message>
      <source>month-first (the convention of this layout)</source>
      <translation>mois en premier (la convention de cette disposition)</translation>
    </message>
    <message>
      <source>The file is separated by « {sep} » (read as such).</source>
      <translation>Le fichier est séparé par « {sep} » (lu ainsi).</translation>
    </message>
  </context>
  <context>
    <name>DbMove</name>
    <message>
      <source>The target is the current database: nothing to move.</source>
      <translation>La cible est la base actuelle : rien à déplacer.</translation>
    </message>
    <message>
      <source>The target database already holds data ({tables}); a move only goes into an empty database.</source>
      <translation>La base cible contient déjà des données ({tables}) ; un déplacement ne se fait que vers une base vide.</translation>
    </message>
    <message>
      <source>Move stopped, the target is unchanged: {reason}</source>
      <translation>Déplacement arrêté, la cible est inchangée : {reason}</translation>
    </message>
    <message>
      <source>Move stopped, the target is unchanged: {table} differs after the copy ({held} rows instead of {rows}).</source>
      <translation>Déplacement arrêté, la cible est inchangée : {table} diffère après la copie ({held} lignes au lieu de {rows}).</translation>
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
    <message>
      <source>The database stayed busy for {seconds} s (another import?); the demo stopped half way and this database holds part of it. Load the demo into a new empty database.</source>
      <translation>La base de données est restée occupée pendant {seconds} s (une autre importation ?) ; la démo s’est arrêtée en cours de route et cette base en contient une partie. Chargez la démo dans une nouvelle base vide.</translation>
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
    <name>Files</name>
    <message>
      <source>the disk is full</source>
      <translation>le disque est plein</translation>
    </message>
    <message>
      <source>{path} is a folder: give a file name.</source>
      <translation>{path} est un dossier : indiquez un nom de fichier.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
      <source>Cannot write to the folder {folder}.</source>
      <translation>Impossible d'écrire dans le dossier {folder}.</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>Impossible d'écrire {path} : {reason}</translation>
    </message>
    <message>
      <source>the file written was incomplete (is the disk full?)</source>
      <translation>le fichier écrit était incomplet (disque plein ?)</translation>
    </message>
  </context>
  <context>
    <name>Formatting</name>
    <message>
      <source>en</source>
      <comment>the code of this catalogue's language: fr, en</comment>
      <translation>fr</translation>
    </message>
  </context>
  <context>
    <name>Holding</name>
    <message>
      <source>We have seen your messages and we take the matter very seriously. We will come back to you shortly with precise answers.</source>
      <translation>Nous avons bien vu vos messages et nous prenons le sujet très au sérieux. Nous revenons vers vous très vite avec des réponses précises.</translation>
    </message>
    <message>
      <source>Not offered for Google, which would read its first line as an offer or an event: post it there by hand.</source>
      <translation>Pas proposé pour Google, qui lirait sa première ligne comme une offre ou un événement : publiez-le là-bas à la main.</translation>
    </message>
    <message>
      <source>Drafted from the charter's crisis procedure.</source>
      <translation>Rédigé d'après la procédure de crise de la charte.</translation>
    </message>
    <message>
      <source>The charter has no holding message: default words, to adapt.</source>
      <translation>La charte ne prévoit pas de message d'attente : texte par défaut, à adapter.</translation>
    </message>
    <message>
      <source>Crisis: holding message</source>
      <translation>Crise : message d'attente</translation>
    </message>
    <message>
      <source>Holding message drafted for {networks}: it waits in the calendar for a lead's approval.</source>
      <translation>Message d'attente rédigé pour {networks} : il attend dans le calendrier l'accord d'un responsable.</translation>
    </message>
    <message>
      <source>The holding message of this crisis was already drafted ({networks}): it waits in the calendar for a lead's approval.</source>
      <translation>Le message d'attente de cette crise est déjà rédigé ({networks}) : il attend dans le calendrier l'accord d'un responsable.</translation>
    </message>
  </context>
  <context>
    <name>Limits</name>
    <message>
      <source>the date {value} is outside {low}–{high}</source>
      <translation>la date {value} sort de la période {low}–{high}</translation>
    </message>
    <message>
      <source>the number {value} is too large</source>
      <translation>le nombre {value} est trop grand</translation>
    </message>
    <message>
      <source>not a whole number: {value}</source>
      <translation>pas un nombre entier : {value}</translation>
    </message>
    <message>
      <source>{value} is not between {low} and {high}</source>
      <translation>{value} n'est pas entre {low} et {high}</translation>
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
      <source>Streams…</source>
      <translation>Flux d'écoute…</translation>
    </message>
    <message>
      <source>Holding message</source>
      <translation>Message d'attente</translation>
    </message>
    <message>
      <source>Draft the charter's crisis holding message for every network, in review until a lead approves it</source>
      <translation>Rédiger le message d'attente de la procédure de crise pour chaque réseau, en validation jusqu'à l'accord d'un responsable</translation>
    </message>
    <message>
      <source>Crisis over</source>
      <translation>Crise terminée</translation>
    </message>
    <message>
      <source>Close this crisis: its holding message stays as it is; the next signal opens a new crisis, with its own holding message</source>
      <translation>Clore cette crise : son message d'attente reste tel quel ; le prochain signal ouvre une nouvelle crise, avec son propre message d'attente</translation>
    </message>
    <message>
      <source>What Tribune listens to for this client</source>
      <translation>Ce que Tribune écoute pour ce client</translation>
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
    <message numerus="yes">
      <source>%Ln item(s) in 30 days, {p} % negative</source>
      <translation>
        <numerusform>%Ln élément en 30 jours, {p} % négatif</numerusform>
        <numerusform>%Ln éléments en 30 jours, {p} % négatifs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln new item(s).</source>
      <translation>
        <numerusform>%Ln nouvel élément.</numerusform>
        <numerusform>%Ln nouveaux éléments.</numerusform>
      </translation>
    </message>
    <message>
      <source>No audience known yet.</source>
      <translation>Aucune audience connue pour l’instant.</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>Mots-clés</translation>
    </message>
    <message>
      <source>Hashtag</source>
      <translation>Hashtag</translation>
    </message>
    <message>
      <source>Competitor</source>
      <translation>Concurrent</translation>
    </message>
    <message>
      <source>Alert feed (RSS/Atom)</source>
      <translation>Flux d'alerte (RSS/Atom)</translation>
    </message>
    <message>
      <source>{network}: {kind} « {query} »</source>
      <translation>{network} : {kind} « {query} »</translation>
    </message>
    <message>
      <source>No stream yet: add the brand's name with Streams….</source>
      <translation>Aucun flux pour l'instant : ajoutez le nom de la marque avec « Flux d'écoute… ».</translation>
    </message>
    <message>
      <source>Sent to the inbox.</source>
      <translation>Envoyé dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Crisis closed: the next signal opens a new one.</source>
      <translation>Crise close : le prochain signal en ouvrira une nouvelle.</translation>
    </message>
    <message>
      <source>Listening…</source>
      <translation>Écoute en cours…</translation>
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
      <translation>Statut</translation>
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
    <message>
      <source>Negative</source>
      <translation>Négatif</translation>
    </message>
    <message>
      <source>Positive</source>
      <translation>Positif</translation>
    </message>
    <message>
      <source>{label} because of: {words}</source>
      <translation>{label} à cause de : {words}</translation>
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
      <source>Opening the database…</source>
      <translation>Ouverture de la base…</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>É&amp;dition</translation>
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
      <source>&amp;Client</source>
      <translation>&amp;Client</translation>
    </message>
    <message>
      <source>&amp;Archive client</source>
      <translation>&amp;Archiver le client</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>Local database</source>
      <translation>Base locale</translation>
    </message>
    <message>
      <source>Connection to the shared database lost: retrying…</source>
      <translation>Connexion à la base partagée perdue : nouvelle tentative…</translation>
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
    <message>
      <source>Connecting {network} needs the agency's app: set its id and secret first (tribune account app).</source>
      <translation>Connecter {network} demande l’application de l’agence : enregistrez d’abord son identifiant et son secret (tribune account app).</translation>
    </message>
    <message>
      <source>Bluesky needs the account's handle.</source>
      <translation>Bluesky demande le pseudo du compte.</translation>
    </message>
    <message>
      <source>{network} has no pages to choose from.</source>
      <translation>{network} n’a pas de pages à choisir.</translation>
    </message>
  </context>
  <context>
    <name>People</name>
    <message>
      <source>administrator</source>
      <translation>administrateur</translation>
    </message>
    <message>
      <source>lead</source>
      <translation>responsable</translation>
    </message>
    <message>
      <source>community manager</source>
      <translation>community manager</translation>
    </message>
    <message>
      <source>junior</source>
      <translation>junior</translation>
    </message>
    <message>
      <source>read only</source>
      <translation>lecture seule</translation>
    </message>
    <message>
      <source>Only an administrator manages people.</source>
      <translation>Seul un administrateur gère les personnes.</translation>
    </message>
    <message>
      <source>Only an administrator creates, archives or deletes clients.</source>
      <translation>Seul un administrateur crée, archive ou supprime des clients.</translation>
    </message>
    <message>
      <source>Only an administrator changes the agency's settings.</source>
      <translation>Seul un administrateur modifie les réglages de l’agence.</translation>
    </message>
    <message>
      <source>Only a lead approves: ask a lead of this client.</source>
      <translation>Seul un responsable approuve : demandez à un responsable de ce client.</translation>
    </message>
    <message>
      <source>Only a lead signs a charter.</source>
      <translation>Seul un responsable signe une charte.</translation>
    </message>
    <message>
      <source>A junior cannot moderate: ask a community manager or a lead.</source>
      <translation>Un junior ne peut pas modérer : demandez à un community manager ou à un responsable.</translation>
    </message>
    <message>
      <source>Your role is read only: you can see reports and charts, not change anything.</source>
      <translation>Votre rôle est en lecture seule : vous voyez les rapports et les graphiques, sans rien modifier.</translation>
    </message>
    <message>
      <source>You have no access to Tribune's data.</source>
      <translation>Vous n’avez pas accès aux données de Tribune.</translation>
    </message>
    <message>
      <source>The login {login} is not one of the agency's people: ask an administrator.</source>
      <translation>L’identifiant {login} n’est pas une personne de l’agence : demandez à un administrateur.</translation>
    </message>
    <message>
      <source>Your access is suspended: ask an administrator.</source>
      <translation>Votre accès est suspendu : demandez à un administrateur.</translation>
    </message>
    <message>
      <source>(you are {role})</source>
      <translation>(vous êtes {role})</translation>
    </message>
    <message>
      <source>This client is not granted to you: ask an administrator.</source>
      <translation>Ce client ne vous est pas attribué : demandez à un administrateur.</translation>
    </message>
    <message>
      <source>A junior's post waits for a lead's approval before it is scheduled.</source>
      <translation>La publication d’un junior attend l’approbation d’un responsable avant d’être programmée.</translation>
    </message>
    <message>
      <source>A password cannot contain a NUL character.</source>
      <translation>Un mot de passe ne peut pas contenir de caractère NUL.</translation>
    </message>
    <message>
      <source>A login is 1 to 63 lower-case letters, digits, _ . or -, starting with a letter (not pg_ nor tribune_).</source>
      <translation>Un identifiant compte de 1 à 63 minuscules, chiffres, _ . ou -, et commence par une lettre (ni pg_ ni tribune_).</translation>
    </message>
    <message>
      <source>Unknown role {role} (use {roles}).</source>
      <translation>Rôle inconnu {role} (utilisez {roles}).</translation>
    </message>
    <message>
      <source>No person has the login {login}.</source>
      <translation>Aucune personne n’a l’identifiant {login}.</translation>
    </message>
    <message>
      <source>No client called {name}.</source>
      <translation>Aucun client ne s’appelle {name}.</translation>
    </message>
    <message>
      <source>A password needs at least 8 characters.</source>
      <translation>Un mot de passe compte au moins 8 caractères.</translation>
    </message>
    <message>
      <source>{login} is already one of the people.</source>
      <translation>{login} fait déjà partie des personnes.</translation>
    </message>
    <message>
      <source>Only administrators and leads can be granted every client.</source>
      <translation>Seuls les administrateurs et les responsables peuvent se voir attribuer tous les clients.</translation>
    </message>
    <message>
      <source>You cannot suspend yourself.</source>
      <translation>Vous ne pouvez pas vous suspendre vous-même.</translation>
    </message>
    <message>
      <source>You cannot remove yourself.</source>
      <translation>Vous ne pouvez pas vous retirer vous-même.</translation>
    </message>
    <message>
      <source>No such reply waiting for approval.</source>
      <translation>Aucune réponse de ce type n’attend d’approbation.</translation>
    </message>
    <message>
      <source>This reply was already decided.</source>
      <translation>Cette réponse a déjà été tranchée.</translation>
    </message>
    <message>
      <source>This reply is no longer waiting.</source>
      <translation>Cette réponse n’est plus en attente.</translation>
    </message>
    <message>
      <source>Another person must approve your reply.</source>
      <translation>Une autre personne doit approuver votre réponse.</translation>
    </message>
    <message>
      <source>Say what to change (a note is needed).</source>
      <translation>Dites ce qu’il faut changer (une note est nécessaire).</translation>
    </message>
    <message>
      <source>Rights are not enforced on a local file: anyone who can open it can change anything.</source>
      <translation>Les droits ne sont pas appliqués sur un fichier local : quiconque peut l’ouvrir peut tout modifier.</translation>
    </message>
    <message>
      <source>You are connected as {name} ({role}).</source>
      <translation>Vous êtes connecté en tant que {name} ({role}).</translation>
    </message>
    <message>
      <source>Read-only: your role cannot reply.</source>
      <translation>Lecture seule : votre rôle ne permet pas de répondre.</translation>
    </message>
    <message>
      <source>Read-only: your role cannot change posts.</source>
      <translation>Lecture seule : votre rôle ne permet pas de modifier les publications.</translation>
    </message>
    <message>
      <source>Read-only: your role cannot change the charter.</source>
      <translation>Lecture seule : votre rôle ne permet pas de modifier la charte.</translation>
    </message>
    <message>
      <source>Read-only: your role cannot sort or annotate messages.</source>
      <translation>Lecture seule : votre rôle ne permet pas de trier ni d’annoter les messages.</translation>
    </message>
  </context>
  <context>
    <name>PeopleDialog</name>
    <message>
      <source>People, approvals and audit log</source>
      <translation>Personnes, approbations et journal d’audit</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Personnes</translation>
    </message>
    <message>
      <source>Waiting for approval</source>
      <translation>En attente d’approbation</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>Journal d’audit</translation>
    </message>
  </context>
  <context>
    <name>PeopleTab</name>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Tribune role</source>
      <translation>Rôle dans Tribune</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>Last activity</source>
      <translation>Dernière activité</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Add a person…</source>
      <translation>Ajouter une personne…</translation>
    </message>
    <message>
      <source>Change role…</source>
      <translation>Changer le rôle…</translation>
    </message>
    <message>
      <source>Grant a client…</source>
      <translation>Attribuer un client…</translation>
    </message>
    <message>
      <source>Revoke a client…</source>
      <translation>Retirer un client…</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>Suspendre</translation>
    </message>
    <message>
      <source>Reset access…</source>
      <translation>Réinitialiser l’accès…</translation>
    </message>
    <message>
      <source>Rights are not enforced on a local file: anyone who can open it can change it. Use a shared PostgreSQL database to enforce them.</source>
      <translation>Les droits ne sont pas appliqués sur un fichier local : quiconque peut l’ouvrir peut le modifier. Utilisez une base PostgreSQL partagée pour les faire respecter.</translation>
    </message>
    <message>
      <source>You are {login} ({role}).</source>
      <translation>Vous êtes {login} ({role}).</translation>
    </message>
    <message>
      <source>Only an administrator can add, change or suspend people.</source>
      <translation>Seul un administrateur peut ajouter, modifier ou suspendre des personnes.</translation>
    </message>
    <message>
      <source>all clients</source>
      <translation>tous les clients</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>suspendu</translation>
    </message>
    <message>
      <source>active</source>
      <translation>actif</translation>
    </message>
    <message>
      <source>Only an administrator manages people.</source>
      <translation>Seul un administrateur gère les personnes.</translation>
    </message>
    <message>
      <source>Choose a person.</source>
      <translation>Choisissez une personne.</translation>
    </message>
    <message>
      <source>Change role</source>
      <translation>Changer le rôle</translation>
    </message>
    <message>
      <source>Grant a client</source>
      <translation>Attribuer un client</translation>
    </message>
    <message>
      <source>Revoke a client</source>
      <translation>Retirer un client</translation>
    </message>
    <message>
      <source>{name} will no longer be able to connect. What they did stays.</source>
      <translation>{name} ne pourra plus se connecter. Ce que cette personne a fait reste.</translation>
    </message>
    <message>
      <source>Reset access</source>
      <translation>Réinitialiser l’accès</translation>
    </message>
    <message>
      <source>New password for {login} (at least 8 characters):</source>
      <translation>Nouveau mot de passe pour {login} (au moins 8 caractères) :</translation>
    </message>
  </context>
  <context>
    <name>PostCli</name>
    <message>
      <source>a post's photos and videos</source>
      <translation>les photos et vidéos d’une publication</translation>
    </message>
    <message>
      <source>list a post's photos and videos with their descriptions</source>
      <translation>lister les photos et vidéos d’une publication avec leurs descriptions</translation>
    </message>
    <message>
      <source>describe a photo or video for screen readers (the text on stdin, or --text)</source>
      <translation>décrire une photo ou une vidéo pour les lecteurs d’écran (le texte sur l’entrée standard, ou --text)</translation>
    </message>
    <message>
      <source>the description ("" removes it)</source>
      <translation>la description ("" la retire)</translation>
    </message>
    <message>
      <source>This post has no photo or video.</source>
      <translation>Cette publication n’a ni photo ni vidéo.</translation>
    </message>
    <message>
      <source>(no description)</source>
      <translation>(sans description)</translation>
    </message>
    <message>
      <source>Give the description on stdin or with --text ("" removes it).</source>
      <translation>Donnez la description sur l’entrée standard ou avec --text ("" la retire).</translation>
    </message>
    <message>
      <source>Media {id} described ({count} characters).</source>
      <translation>Média {id} décrit ({count} caractères).</translation>
    </message>
    <message>
      <source>Media {id} has no description now.</source>
      <translation>Le média {id} n’a plus de description.</translation>
    </message>
  </context>
  <context>
    <name>PostsCsv</name>
    <message>
      <source>« {part} » is not field=Column.</source>
      <translation>« {part} » n'est pas de la forme champ=Colonne.</translation>
    </message>
    <message>
      <source>Unknown field « {name} »: fields are {fields}.</source>
      <translation>Champ inconnu « {name} » : les champs sont {fields}.</translation>
    </message>
    <message>
      <source>The column mapping is empty.</source>
      <translation>La correspondance de colonnes est vide.</translation>
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
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Same as the system</source>
      <translation>Comme le système</translation>
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
      <source>Leave empty for the local database. For a shared agency database: postgresql://your-login@server/tribune, and your password below (it is kept in the system keyring, never in the settings).</source>
      <translation>Laissez vide pour la base locale. Pour une base partagée de l’agence : postgresql://votre-identifiant@serveur/tribune, et votre mot de passe ci-dessous (il est gardé dans le trousseau du système, jamais dans les réglages).</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Clair</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Sombre</translation>
    </message>
    <message>
      <source>Unchanged — kept in the system keyring</source>
      <translation>Inchangé — gardé dans le trousseau du système</translation>
    </message>
    <message>
      <source>&amp;Keep listening in the tray when the window is closed</source>
      <translation>&amp;Garder l’écoute dans la zone de notification quand la fenêtre est fermée</translation>
    </message>
    <message>
      <source>Closing the window hides Tribune in the system tray: the background sync and crisis alerts keep running. Quit from the tray icon's menu.</source>
      <translation>Fermer la fenêtre range Tribune dans la zone de notification : la synchronisation en arrière-plan et les alertes de crise continuent. Quittez depuis le menu de son icône.</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>Mot de &amp;passe</translation>
    </message>
    <message>
      <source>You are</source>
      <translation>Vous êtes</translation>
    </message>
    <message>
      <source>A&amp;ppearance</source>
      <translation>A&amp;pparence</translation>
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
      <source>{login} — on a shared database, the login in its address (ask an administrator to be added); on a local file, your account on this computer.</source>
      <translation>{login} — sur une base partagée, l’identifiant de son adresse (demandez à un administrateur de vous ajouter) ; sur un fichier local, votre compte sur cet ordinateur.</translation>
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
    <message>
      <source>A password goes with a PostgreSQL address that names a login.</source>
      <translation>Un mot de passe va avec une adresse PostgreSQL qui nomme un identifiant.</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>Inbox</source>
      <translation>Messagerie</translation>
    </message>
    <message>
      <source>Next message</source>
      <translation>Message suivant</translation>
    </message>
    <message>
      <source>Previous message</source>
      <translation>Message précédent</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>Répondre</translation>
    </message>
    <message>
      <source>Send the reply</source>
      <translation>Envoyer la réponse</translation>
    </message>
    <message>
      <source>Assign to me</source>
      <translation>Me l’attribuer</translation>
    </message>
    <message>
      <source>Choose a category</source>
      <translation>Choisir une catégorie</translation>
    </message>
    <message>
      <source>Escalate</source>
      <translation>Escalader</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>Modérer</translation>
    </message>
    <message>
      <source>Close the message</source>
      <translation>Clore le message</translation>
    </message>
    <message>
      <source>Ignore the message</source>
      <translation>Ignorer le message</translation>
    </message>
    <message>
      <source>Search the inbox</source>
      <translation>Chercher dans la messagerie</translation>
    </message>
    <message>
      <source>Calendar and charter</source>
      <translation>Calendrier et charte</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Rétablir</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>Show the first nine clients of the sidebar</source>
      <translation>Afficher l’un des neuf premiers clients de la barre latérale</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Touches</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
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
      <source>The database {url} was written by a newer Tribune ({revs}): update Tribune to open it.</source>
      <translation>La base {url} a été écrite par un Tribune plus récent ({revs}) : mettez Tribune à jour pour l'ouvrir.</translation>
    </message>
    <message>
      <source>The database refused this for your login ({reason}). Ask an administrator for the right role or client.</source>
      <translation>La base a refusé ceci pour votre identifiant ({reason}). Demandez à un administrateur le bon rôle ou le bon client.</translation>
    </message>
    <message>
      <source>The login {login} is not one of the agency's people on this database: ask an administrator to add you.</source>
      <translation>L’identifiant {login} n’est pas une personne de l’agence sur cette base : demandez à un administrateur de vous ajouter.</translation>
    </message>
    <message>
      <source>Cannot open the database {url}: {reason}</source>
      <translation>Impossible d’ouvrir la base {url} : {reason}</translation>
    </message>
    <message>
      <source>Cannot update the database {url}: {reason}</source>
      <translation>Impossible de mettre à jour la base {url} : {reason}</translation>
    </message>
    <message>
      <source>Cannot use the data folder {path}: {reason}</source>
      <translation>Impossible d'utiliser le dossier de données {path} : {reason}</translation>
    </message>
    <message>
      <source>The database stayed busy for {seconds} s (another import?); nothing was written. Try again.</source>
      <translation>La base de données est restée occupée pendant {seconds} s (une autre importation ?) ; rien n’a été enregistré. Réessayez.</translation>
    </message>
    <message>
      <source>Waiting for another Tribune process that is writing to the database…</source>
      <translation>En attente d’un autre Tribune qui écrit dans la base de données…</translation>
    </message>
    <message>
      <source>The database stayed busy for {seconds} s (another import?). What was imported before that was kept; run the same import again to add the rest.</source>
      <translation>La base de données est restée occupée pendant {seconds} s (une autre importation ?). Ce qui était déjà importé a été gardé ; relancez la même importation pour ajouter le reste.</translation>
    </message>
    <message>
      <source>[… {count} more characters not kept]</source>
      <translation>[… {count} caractères de plus non conservés]</translation>
    </message>
  </context>
  <context>
    <name>StreamsDialog</name>
    <message>
      <source>Listening streams — {client}</source>
      <translation>Flux d'écoute — {client}</translation>
    </message>
    <message>
      <source>Keywords</source>
      <translation>Mots-clés</translation>
    </message>
    <message>
      <source>Hashtag</source>
      <translation>Hashtag</translation>
    </message>
    <message>
      <source>Competitor</source>
      <translation>Concurrent</translation>
    </message>
    <message>
      <source>Alert feed (RSS/Atom)</source>
      <translation>Flux d'alerte (RSS/Atom)</translation>
    </message>
    <message>
      <source>Stop this stream</source>
      <translation>Arrêter ce flux</translation>
    </message>
    <message>
      <source>Every network the client can search</source>
      <translation>Tous les réseaux où le client peut chercher</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Listen to</source>
      <translation>Écouter</translation>
    </message>
    <message>
      <source>Words, hashtag or address</source>
      <translation>Mots, hashtag ou adresse</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Où</translation>
    </message>
    <message>
      <source>What Tribune listens to for this client:</source>
      <translation>Ce que Tribune écoute pour ce client :</translation>
    </message>
    <message>
      <source>{kind} « {query} » on {network}</source>
      <translation>{kind} « {query} » sur {network}</translation>
    </message>
    <message>
      <source>No stream yet: add the brand's name below.</source>
      <translation>Aucun flux pour l'instant : ajoutez le nom de la marque ci-dessous.</translation>
    </message>
    <message>
      <source>Stream added.</source>
      <translation>Flux ajouté.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln stream(s) added, one per network.</source>
      <translation>
        <numerusform>%Ln flux ajouté, un par réseau.</numerusform>
        <numerusform>%Ln flux ajoutés, un par réseau.</numerusform>
      </translation>
    </message>
    <message>
      <source>Stream stopped; what it found stays.</source>
      <translation>Flux arrêté ; ce qu'il a trouvé reste.</translation>
    </message>
    <message>
      <source>e.g. Aquarelle &amp; Pétales</source>
      <translation>p. ex. Aquarelle &amp; Pétales</translation>
    </message>
    <message>
      <source>e.g. #bouquetdumois</source>
      <translation>p. ex. #bouquetdumois</translation>
    </message>
    <message>
      <source>e.g. Fleurs de Lys</source>
      <translation>p. ex. Fleurs de Lys</translation>
    </message>
    <message>
      <source>https://… (a news or alert feed)</source>
      <translation>https://… (un flux d'actualités ou d'alertes)</translation>
    </message>
  </context>
  <context>
    <name>TablePage</name>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
  </context>
  <context>
    <name>Versions</name>
    <message>
      <source>Someone else saved the same thing at the same moment; try again.</source>
      <translation>Quelqu'un d'autre a enregistré la même chose au même moment ; réessayez.</translation>
    </message>
    <message>
      <source>someone else</source>
      <translation>quelqu'un d'autre</translation>
    </message>
    <message>
      <source>{who} changed « {title} » at {time}: your change was not saved.</source>
      <translation>{who} a modifié « {title} » à {time} : votre modification n'a pas été enregistrée.</translation>
    </message>
    <message>
      <source>{who} changed « {title} » meanwhile: your change was not saved.</source>
      <translation>{who} a modifié « {title} » entre-temps : votre modification n'a pas été enregistrée.</translation>
    </message>
    <message>
      <source>Someone</source>
      <translation>Quelqu'un</translation>
    </message>
    <message>
      <source>{who} already queued a reply at {time} — queue yours too?</source>
      <translation>{who} a déjà mis une réponse en attente à {time} — mettre la vôtre aussi ?</translation>
    </message>
  </context>
  <context>
    <name>VolumeChart</name>
    <message>
      <source>Items found per day; the red part of each bar is negative.</source>
      <translation>Éléments trouvés par jour ; la partie rouge de chaque barre est négative.</translation>
    </message>
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
      <source>Restore</source>
      <translation>Restaurer</translation>
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
    <name>WindowMenus</name>
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
      <source>&amp;People and rights…</source>
      <translation>&amp;Personnes et droits…</translation>
    </message>
    <message>
      <source>&amp;Waiting for approval…</source>
      <translation>En &amp;attente d’approbation…</translation>
    </message>
    <message>
      <source>A&amp;udit log…</source>
      <translation>Journal d’a&amp;udit…</translation>
    </message>
    <message>
      <source>A&amp;gency…</source>
      <translation>A&amp;gence…</translation>
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
      <source>&amp;Undo</source>
      <translation>&amp;Annuler</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rétablir</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Co&amp;uper</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Copier</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>C&amp;oller</translation>
    </message>
    <message>
      <source>Select &amp;all</source>
      <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
      <source>S&amp;ync now</source>
      <translation>S&amp;ynchroniser maintenant</translation>
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
      <source>&amp;Reload the client list</source>
      <translation>&amp;Recharger la liste des clients</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <source>&amp;About Tribune</source>
      <translation>À &amp;propos de Tribune</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>À propos de &amp;Qt</translation>
    </message>
  </context>
  <context>
    <name>WindowTray</name>
    <message>
      <source>&amp;Open Tribune</source>
      <translation>&amp;Ouvrir Tribune</translation>
    </message>
    <message>
      <source>S&amp;ync now</source>
      <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>Tribune keeps listening in the tray. Quit from its menu.</source>
      <translation>Tribune reste à l’écoute dans la zone de notification. Quittez depuis son menu.</translation>
    </message>
  </context>
  <context>
    <name>WorkspaceHeader</name>
    <message>
      <source>Client settings</source>
      <translation>Fiche client</translation>
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