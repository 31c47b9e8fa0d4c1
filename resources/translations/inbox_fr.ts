<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>CliInbox</name>
    <message>
      <source>import and list inbox messages</source>
      <translation>importer et lister les messages de la boîte de réception</translation>
    </message>
    <message>
      <source>import messages from a CSV file</source>
      <translation>importer des messages depuis un fichier CSV</translation>
    </message>
    <message>
      <source>list a client's messages</source>
      <translation>lister les messages d'un client</translation>
    </message>
    <message>
      <source>only late ones</source>
      <translation>seulement ceux en retard</translation>
    </message>
    <message>
      <source>queue a reply to a message (the text on stdin)</source>
      <translation>mettre en attente une réponse à un message (le texte sur l'entrée standard)</translation>
    </message>
    <message>
      <source>answer privately</source>
      <translation>répondre en privé</translation>
    </message>
    <message>
      <source>queue it even if a colleague already queued a reply</source>
      <translation>la mettre en attente même si un collègue a déjà mis une réponse en attente</translation>
    </message>
    <message>
      <source>{added} added, {dup} duplicates, {bad} rejected</source>
      <translation>{added} ajoutés, {dup} doublons, {bad} rejetés</translation>
    </message>
    <message>
      <source>line {line}: {reason}</source>
      <translation>ligne {line} : {reason}</translation>
    </message>
    <message>
      <source>--limit must be at least 1.</source>
      <translation>--limit doit valoir au moins 1.</translation>
    </message>
    <message>
      <source>No message.</source>
      <translation>Aucun message.</translation>
    </message>
    <message>
      <source>Give the reply's text on stdin.</source>
      <translation>Donnez le texte de la réponse sur l'entrée standard.</translation>
    </message>
    <message>
      <source>Reply {reply} queued for message {id}.</source>
      <translation>Réponse {reply} en attente d'envoi pour le message {id}.</translation>
    </message>
  </context>
  <context>
    <name>ConversationPanel</name>
    <message>
      <source>★ First message from this author: welcome them.</source>
      <translation>★ Premier message de cette personne : souhaitez-lui la bienvenue.</translation>
    </message>
    <message>
      <source>Tags, separated by commas (Enter saves)</source>
      <translation>Étiquettes, séparées par des virgules (Entrée enregistre)</translation>
    </message>
    <message>
      <source>Assign to me</source>
      <translation>Me l'attribuer</translation>
    </message>
    <message>
      <source>Escalate…</source>
      <translation>Escalader…</translation>
    </message>
    <message>
      <source>Moderate…</source>
      <translation>Modérer…</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>Clore…</translation>
    </message>
    <message>
      <source>Internal note (never sent)</source>
      <translation>Note interne (jamais envoyée)</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Ajouter la note</translation>
    </message>
    <message>
      <source>The contact's answer</source>
      <translation>La réponse du contact</translation>
    </message>
    <message>
      <source>Record answer</source>
      <translation>Enregistrer la réponse</translation>
    </message>
    <message>
      <source>Remind</source>
      <translation>Relancer</translation>
    </message>
    <message>
      <source>Conversation</source>
      <translation>Conversation</translation>
    </message>
    <message>
      <source>Their messages on the left, our replies on the right, notes in yellow</source>
      <translation>Leurs messages à gauche, nos réponses à droite, les notes en jaune</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <source>Author's history</source>
      <translation>Historique de l'auteur</translation>
    </message>
    <message>
      <source>Escalations</source>
      <translation>Escalades</translation>
    </message>
    <message>
      <source>Save…</source>
      <translation>Enregistrer…</translation>
    </message>
    <message>
      <source>Save as saved reply…</source>
      <translation>Enregistrer comme réponse type…</translation>
    </message>
    <message>
      <source>Manage…</source>
      <translation>Gérer…</translation>
    </message>
    <message>
      <source>Edit or delete the saved replies</source>
      <translation>Modifier ou supprimer les réponses types</translation>
    </message>
    <message>
      <source>Write a reply in the charter's tone… (Ctrl+Enter sends)</source>
      <translation>Rédigez une réponse dans le ton de la charte… (Ctrl+Entrée pour envoyer)</translation>
    </message>
    <message>
      <source>Private reply</source>
      <translation>Réponse privée</translation>
    </message>
    <message>
      <source>Send reply</source>
      <translation>Envoyer la réponse</translation>
    </message>
    <message>
      <source>Sent back by {lead}: {note}</source>
      <translation>Renvoyée par {lead} : {note}</translation>
    </message>
    <message>
      <source>Your reworked reply goes back to a lead, who sees it in the approvals.</source>
      <translation>Votre réponse retravaillée repart vers un responsable, qui la retrouve dans les validations.</translation>
    </message>
    <message>
      <source>Your reply was:</source>
      <translation>Votre réponse était :</translation>
    </message>
    <message>
      <source>Resubmit for approval</source>
      <translation>Soumettre à nouveau</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>hiding</source>
      <translation>masquage</translation>
    </message>
    <message>
      <source>deletion</source>
      <translation>suppression</translation>
    </message>
    <message>
      <source>author block</source>
      <translation>blocage de l'auteur</translation>
    </message>
    <message>
      <source>report</source>
      <translation>signalement</translation>
    </message>
    <message>
      <source>{what}: sent to the network at the next sync</source>
      <translation>{what} : envoyé au réseau à la prochaine synchronisation</translation>
    </message>
    <message>
      <source>{what}: done on the network</source>
      <translation>{what} : fait sur le réseau</translation>
    </message>
    <message>
      <source>{what}: in Tribune only ({reason})</source>
      <translation>{what} : dans Tribune seulement ({reason})</translation>
    </message>
    <message>
      <source>{what}: refused by the network ({reason})</source>
      <translation>{what} : refusé par le réseau ({reason})</translation>
    </message>
    <message>
      <source>shown again on the network at the next sync</source>
      <translation>de nouveau visible sur le réseau à la prochaine synchronisation</translation>
    </message>
    <message>
      <source>{held}, then published</source>
      <translation>{held}, puis publié</translation>
    </message>
    <message>
      <source>{what}: undone, shown again on the network</source>
      <translation>{what} : annulé, de nouveau visible sur le réseau</translation>
    </message>
    <message>
      <source>{held}, then rejected</source>
      <translation>{held}, puis refusé</translation>
    </message>
    <message>
      <source>{network} has no private answer through its API.</source>
      <translation>{network} ne permet pas de réponse privée par son API.</translation>
    </message>
    <message>
      <source>A private message is always answered privately.</source>
      <translation>Un message privé reçoit toujours une réponse privée.</translation>
    </message>
    <message>
      <source>Answer in a private message instead of a public reply</source>
      <translation>Répondre par message privé plutôt que publiquement</translation>
    </message>
    <message>
      <source>No message selected</source>
      <translation>Aucun message sélectionné</translation>
    </message>
    <message>
      <source>J / K: next / previous · R: reply · E: escalate · X: close</source>
      <translation>J / K : suivant / précédent · R : répondre · E : escalader · X : clore</translation>
    </message>
    <message>
      <source>assigned to {name}</source>
      <translation>attribué à {name}</translation>
    </message>
    <message>
      <source>due {when}</source>
      <translation>échéance {when}</translation>
    </message>
    <message>
      <source>deleted (original kept)</source>
      <translation>supprimé (original conservé)</translation>
    </message>
    <message>
      <source>hidden</source>
      <translation>masqué</translation>
    </message>
    <message>
      <source>resolution: {text}</source>
      <translation>résolution : {text}</translation>
    </message>
    <message>
      <source>No earlier message from this author.</source>
      <translation>Aucun message antérieur de cette personne.</translation>
    </message>
    <message>
      <source>waiting for the next sync</source>
      <translation>en attente de la prochaine synchronisation</translation>
    </message>
    <message>
      <source>sending</source>
      <translation>envoi en cours</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>envoyée</translation>
    </message>
    <message>
      <source>not sent</source>
      <translation>non envoyée</translation>
    </message>
    <message>
      <source>awaiting a lead's approval</source>
      <translation>en attente de validation</translation>
    </message>
    <message>
      <source>sent back by a lead</source>
      <translation>renvoyée par un responsable</translation>
    </message>
    <message>
      <source>Internal note · {author}</source>
      <translation>Note interne · {author}</translation>
    </message>
    <message>
      <source>{author} (us, {state})</source>
      <translation>{author} (nous, {state})</translation>
    </message>
    <message>
      <source>Select a message in the list: its conversation shows here, with our replies and the team's notes.</source>
      <translation>Sélectionnez un message dans la liste : sa conversation s'affiche ici, avec nos réponses et les notes de l'équipe.</translation>
    </message>
  </context>
  <context>
    <name>EmptyInbox</name>
    <message>
      <source>Nothing to answer</source>
      <translation>Rien à répondre</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synchroniser maintenant</translation>
    </message>
    <message>
      <source>Import messages…</source>
      <translation>Importer des messages…</translation>
    </message>
    <message>
      <source>Show all messages</source>
      <translation>Afficher tous les messages</translation>
    </message>
    <message>
      <source>No message matches these filters</source>
      <translation>Aucun message ne correspond à ces filtres</translation>
    </message>
    <message>
      <source>Widen the search or show every message.</source>
      <translation>Élargissez la recherche ou affichez tous les messages.</translation>
    </message>
    <message>
      <source>Sync now to fetch new messages, or import messages from a CSV file.</source>
      <translation>Synchronisez maintenant pour récupérer les nouveaux messages, ou importez des messages depuis un fichier CSV.</translation>
    </message>
  </context>
  <context>
    <name>EscalateDialog</name>
    <message>
      <source>Escalate</source>
      <translation>Escalader</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>The charter names {name}: answer within {h} h.</source>
      <translation>La charte désigne {name} : réponse sous {h} h.</translation>
    </message>
    <message>
      <source>The charter names nobody for this message: choose a contact.</source>
      <translation>La charte ne désigne personne pour ce message : choisissez un contact.</translation>
    </message>
    <message>
      <source>Open my mail client</source>
      <translation>Ouvrir ma messagerie</translation>
    </message>
    <message>
      <source>Save an .eml file</source>
      <translation>Enregistrer un fichier .eml</translation>
    </message>
    <message>
      <source>Send by SMTP (client's server)</source>
      <translation>Envoyer par SMTP (serveur du client)</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <source>A word for the contact (optional)</source>
      <translation>Un mot pour le contact (facultatif)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>Escalation</name>
    <message>
      <source>[{client}] {category} from {author} on {network}</source>
      <translation>[{client}] {category} de {author} sur {network}</translation>
    </message>
    <message>
      <source>Hello {contact},

This message was posted on {network} on {when}:

{quote}

Link: {url}

{note}Could you tell us how to answer, or how this will be resolved, before {due}?

Thank you,
{me}</source>
      <translation>Bonjour {contact},

Ce message a été publié sur {network} le {when} :

{quote}

Lien : {url}

{note}Pouvez-vous nous dire comment y répondre, ou comment ce sera résolu, avant le {due} ?

Merci,
{me}</translation>
    </message>
    <message>
      <source>Unknown channel {c}.</source>
      <translation>Canal inconnu : {c}.</translation>
    </message>
    <message>
      <source>This contact is not one of the client's.</source>
      <translation>Ce contact n'appartient pas à ce client.</translation>
    </message>
    <message>
      <source>Choose whom to ask: the charter names nobody for this.</source>
      <translation>Choisissez à qui demander : la charte ne désigne personne pour ce cas.</translation>
    </message>
    <message>
      <source>{name} has no e-mail address.</source>
      <translation>{name} n'a pas d'adresse e-mail.</translation>
    </message>
    <message>
      <source>No such escalation.</source>
      <translation>Escalade introuvable.</translation>
    </message>
    <message>
      <source>Write down what the contact answered.</source>
      <translation>Notez ce que le contact a répondu.</translation>
    </message>
    <message>
      <source>the answer of {name}</source>
      <translation>la réponse de {name}</translation>
    </message>
    <message>
      <source>Reminder: {subject}</source>
      <translation>Relance : {subject}</translation>
    </message>
    <message>
      <source>The answer was due on {due}; we are still waiting for it.

</source>
      <translation>La réponse était attendue le {due} ; nous l'attendons toujours.

</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>on time</source>
      <translation>dans les délais</translation>
    </message>
    <message>
      <source>late</source>
      <translation>en retard</translation>
    </message>
    <message>
      <source>{h} h {m:02d}</source>
      <translation>{h} h {m:02d}</translation>
    </message>
    <message>
      <source>Asked at</source>
      <translation>Demandé le</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <source>Asked by</source>
      <translation>Demandé par</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Answered at</source>
      <translation>Répondu le</translation>
    </message>
    <message>
      <source>Charter delay</source>
      <translation>Délai de la charte</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Verdict</translation>
    </message>
    <message>
      <source>Escalation log — {client}</source>
      <translation>Journal des escalades — {client}</translation>
    </message>
    <message numerus="yes">
      <source>%Ln escalation(s)</source>
      <translation>
        <numerusform>%Ln escalade</numerusform>
        <numerusform>%Ln escalades</numerusform>
      </translation>
    </message>
    <message>
      <source>Give the SMTP server and the sender address.</source>
      <translation>Indiquez le serveur SMTP et l'adresse d'expéditeur.</translation>
    </message>
    <message>
      <source>No SMTP password in the keyring for this client.</source>
      <translation>Aucun mot de passe SMTP dans le trousseau pour ce client.</translation>
    </message>
    <message>
      <source>The e-mail could not be sent ({kind}).</source>
      <translation>L'e-mail n'a pas pu être envoyé ({kind}).</translation>
    </message>
    <message>
      <source>Give the SMTP server's name.</source>
      <translation>Indiquez le nom du serveur SMTP.</translation>
    </message>
    <message>
      <source>The SMTP port is a number from 1 to 65535.</source>
      <translation>Le port SMTP est un nombre de 1 à 65535.</translation>
    </message>
    <message>
      <source>The sender must be an e-mail address.</source>
      <translation>L'expéditeur doit être une adresse e-mail.</translation>
    </message>
    <message>
      <source>Unknown client.</source>
      <translation>Client inconnu.</translation>
    </message>
    <message>
      <source>Set the client's SMTP server first (SMTP… button of the inbox).</source>
      <translation>Réglez d'abord le serveur SMTP du client (bouton « SMTP… » de la messagerie).</translation>
    </message>
    <message>
      <source>This contact has no e-mail address.</source>
      <translation>Ce contact n'a pas d'adresse e-mail.</translation>
    </message>
  </context>
  <context>
    <name>Inbox</name>
    <message>
      <source>No message {id} for this client.</source>
      <translation>Aucun message {id} pour ce client.</translation>
    </message>
    <message>
      <source>A saved reply needs a title and a text.</source>
      <translation>Une réponse type a besoin d'un titre et d'un texte.</translation>
    </message>
    <message>
      <source>A saved reply is already called {t}.</source>
      <translation>Une réponse type s'appelle déjà {t}.</translation>
    </message>
    <message>
      <source>This saved reply no longer exists.</source>
      <translation>Cette réponse type n'existe plus.</translation>
    </message>
    <message>
      <source>The charter says « vous »: this reply says « tu ».</source>
      <translation>La charte dit « vous » : cette réponse dit « tu ».</translation>
    </message>
    <message>
      <source>The charter says « tu »: this reply says « vous ».</source>
      <translation>La charte dit « tu » : cette réponse dit « vous ».</translation>
    </message>
    <message>
      <source>Word to avoid: {word}</source>
      <translation>Mot à éviter : {word}</translation>
    </message>
    <message>
      <source>{n} characters: {network} allows {limit}.</source>
      <translation>{n} caractères : {network} en autorise {limit}.</translation>
    </message>
    <message>
      <source>Take it private: answer publicly that you are on it, and ask for the order details in a private message.</source>
      <translation>Passez en privé : répondez publiquement que vous vous en occupez, et demandez les détails de la commande en message privé.</translation>
    </message>
    <message>
      <source>The reply is empty.</source>
      <translation>La réponse est vide.</translation>
    </message>
    <message>
      <source>{network} has no private answer through its API: reply in public.</source>
      <translation>{network} ne permet pas de réponse privée par son API : répondez publiquement.</translation>
    </message>
    <message>
      <source>{author}'s message</source>
      <translation>le message de {author}</translation>
    </message>
    <message>
      <source>nobody</source>
      <translation>personne</translation>
    </message>
    <message>
      <source>Select at least one message.</source>
      <translation>Sélectionnez au moins un message.</translation>
    </message>
    <message>
      <source>Some messages do not belong to this client.</source>
      <translation>Certains messages n'appartiennent pas à ce client.</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nouveau</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>En cours</translation>
    </message>
    <message>
      <source>Waiting on the client</source>
      <translation>En attente du client</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Répondus</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Clos</translation>
    </message>
    <message>
      <source>Ignored</source>
      <translation>Ignoré</translation>
    </message>
    <message>
      <source>comment</source>
      <translation>commentaire</translation>
    </message>
    <message>
      <source>mention</source>
      <translation>mention</translation>
    </message>
    <message>
      <source>private message</source>
      <translation>message privé</translation>
    </message>
    <message>
      <source>review</source>
      <translation>avis</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>Question</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>Réclamation</translation>
    </message>
    <message>
      <source>Praise</source>
      <translation>Compliment</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Demande</translation>
    </message>
    <message>
      <source>Spam</source>
      <translation>Spam</translation>
    </message>
    <message>
      <source>Abuse</source>
      <translation>Abus</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <source>Unknown status {status}.</source>
      <translation>Statut inconnu : {status}.</translation>
    </message>
    <message>
      <source>Say why: closing or ignoring a message needs a reason.</source>
      <translation>Dites pourquoi : clore ou ignorer un message demande une raison.</translation>
    </message>
    <message>
      <source>A complaint is closed only once its resolution is recorded: say how it was actually resolved.</source>
      <translation>Une réclamation n'est close qu'une fois sa résolution enregistrée : indiquez comment elle a réellement été résolue.</translation>
    </message>
    <message>
      <source>Unknown category {c}.</source>
      <translation>Catégorie inconnue : {c}.</translation>
    </message>
    <message>
      <source>No such team member.</source>
      <translation>Membre de l'équipe introuvable.</translation>
    </message>
    <message>
      <source>Priority is 0, 1 or 2.</source>
      <translation>La priorité vaut 0, 1 ou 2.</translation>
    </message>
    <message>
      <source>A note cannot be empty.</source>
      <translation>Une note ne peut pas être vide.</translation>
    </message>
    <message>
      <source>No such reply sent back for this client.</source>
      <translation>Aucune réponse renvoyée de ce type pour ce client.</translation>
    </message>
    <message>
      <source>Only {name}, who wrote this reply, can resubmit it.</source>
      <translation>Seule la personne qui a écrit cette réponse, {name}, peut la soumettre à nouveau.</translation>
    </message>
    <message>
      <source>This reply was already resubmitted or answered meanwhile: the conversation shows what happened.</source>
      <translation>Cette réponse a déjà été soumise à nouveau, ou le message a reçu une réponse entre-temps : la conversation montre ce qui s’est passé.</translation>
    </message>
  </context>
  <context>
    <name>InboxArea</name>
    <message>
      <source>Search (accents optional)</source>
      <translation>Rechercher (accents facultatifs)</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Ouverts</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tous</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Unassigned</source>
      <translation>Non attribués</translation>
    </message>
    <message>
      <source>Tag</source>
      <translation>Étiquette</translation>
    </message>
    <message>
      <source>More actions</source>
      <translation>Autres actions</translation>
    </message>
    <message>
      <source>SMTP…</source>
      <translation>SMTP…</translation>
    </message>
    <message>
      <source>The client's SMTP server for escalation e-mails</source>
      <translation>Le serveur SMTP du client pour les e-mails d'escalade</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Draft the holding message</source>
      <translation>Rédiger le message d'attente</translation>
    </message>
    <message>
      <source>The charter's crisis holding message, one post per network, for approval</source>
      <translation>Le message d'attente de la procédure de crise, une publication par réseau, à faire valider</translation>
    </message>
    <message numerus="yes">
      <source>Escalation(s) overdue (%Ln): remind {names}.</source>
      <translation>
        <numerusform>Escalade en retard (%Ln) : relancez {names}.</numerusform>
        <numerusform>Escalades en retard (%Ln) : relancez {names}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>Tout le monde</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>Attribué à</translation>
    </message>
    <message>
      <source>Overdue only</source>
      <translation>En retard seulement</translation>
    </message>
    <message>
      <source>All networks</source>
      <translation>Tous les réseaux</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>Toutes catégories</translation>
    </message>
    <message>
      <source>Unassigned only</source>
      <translation>Non attribués seulement</translation>
    </message>
    <message>
      <source>Import CSV…</source>
      <translation>Importer un CSV…</translation>
    </message>
    <message>
      <source>Escalation log…</source>
      <translation>Journal des escalades…</translation>
    </message>
    <message>
      <source>Reply queued for sending.</source>
      <translation>Réponse en file d'envoi.</translation>
    </message>
    <message>
      <source>Reply waiting for a lead's approval before it is sent.</source>
      <translation>Réponse en attente de l’approbation d’un responsable avant son envoi.</translation>
    </message>
    <message>
      <source>Save the e-mail</source>
      <translation>Enregistrer l'e-mail</translation>
    </message>
    <message>
      <source>Hello {first}, {answer}</source>
      <translation>Bonjour {first}, {answer}</translation>
    </message>
    <message numerus="yes">
      <source>%Ln selected</source>
      <translation>
        <numerusform>%Ln sélectionné</numerusform>
        <numerusform>%Ln sélectionnés</numerusform>
      </translation>
    </message>
    <message>
      <source>Assign to</source>
      <translation>Attribuer à</translation>
    </message>
    <message>
      <source>Nobody</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Categorise</source>
      <translation>Catégoriser</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>Normale</translation>
    </message>
    <message>
      <source>High</source>
      <translation>Haute</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>Urgente</translation>
    </message>
    <message>
      <source>Mark in progress</source>
      <translation>Passer en cours</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>Clore…</translation>
    </message>
    <message>
      <source>Ignore…</source>
      <translation>Ignorer…</translation>
    </message>
    <message>
      <source>Saved reply</source>
      <translation>Réponse type</translation>
    </message>
    <message>
      <source>Title of the saved reply (placeholders: {first_name}, {order}, {signature}):</source>
      <translation>Titre de la réponse type (variables : {first_name}, {order}, {signature}) :</translation>
    </message>
    <message>
      <source>Import messages</source>
      <translation>Importer des messages</translation>
    </message>
    <message>
      <source>Importing messages…</source>
      <translation>Import des messages…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>{a} added, {d} duplicates, {e} rejected</source>
      <translation>{a} ajoutés, {d} doublons, {e} rejetés</translation>
    </message>
    <message>
      <source>line {l}: {r}</source>
      <translation>ligne {l} : {r}</translation>
    </message>
    <message>
      <source>Export the escalation log</source>
      <translation>Exporter le journal des escalades</translation>
    </message>
    <message numerus="yes">
      <source>%Ln escalation(s) exported.</source>
      <translation>
        <numerusform>%Ln escalade exportée.</numerusform>
        <numerusform>%Ln escalades exportées.</numerusform>
      </translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Saved replies…</source>
      <translation>Réponses types…</translation>
    </message>
    <message>
      <source>Crisis alert: {n} complaints or negative messages in the last {h} hours (usually {usual}). Warn the client's crisis contacts.</source>
      <translation>Alerte crise : {n} réclamations ou messages négatifs ces {h} dernières heures (d'habitude {usual}). Prévenez les contacts de crise du client.</translation>
    </message>
    <message>
      <source>e-mail (their mail program)</source>
      <translation>e-mail (depuis votre messagerie)</translation>
    </message>
    <message>
      <source>e-mail (file sent by hand)</source>
      <translation>e-mail (fichier envoyé à la main)</translation>
    </message>
    <message>
      <source>e-mail (sent by Tribune)</source>
      <translation>e-mail (envoyé par Tribune)</translation>
    </message>
    <message>
      <source>{who} asked {contact} by {channel}; due {due}. {answer}</source>
      <translation>{who} a sollicité {contact} par {channel} ; échéance {due}. {answer}</translation>
    </message>
    <message>
      <source>Answer: {a}</source>
      <translation>Réponse : {a}</translation>
    </message>
    <message>
      <source>No answer yet.</source>
      <translation>Pas encore de réponse.</translation>
    </message>
    <message>
      <source>SMTP settings saved.</source>
      <translation>Réglages SMTP enregistrés.</translation>
    </message>
    <message>
      <source>E-mail sent to {address}.</source>
      <translation>E-mail envoyé à {address}.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln message(s)</source>
      <translation>
        <numerusform>%Ln message</numerusform>
        <numerusform>%Ln messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln found</source>
      <translation>
        <numerusform>%Ln résultat</numerusform>
        <numerusform>%Ln résultats</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InboxImport</name>
    <message>
      <source>missing received time</source>
      <translation>date de réception manquante</translation>
    </message>
    <message>
      <source>bad date {value} (ISO 8601 with an offset expected)</source>
      <translation>date invalide {value} (ISO 8601 avec décalage horaire attendu)</translation>
    </message>
    <message>
      <source>the date {value} has no time zone offset</source>
      <translation>la date {value} n'a pas de décalage horaire</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>Le fichier est vide.</translation>
    </message>
    <message>
      <source>Not a CSV file: {reason}</source>
      <translation>Ce n'est pas un fichier CSV : {reason}</translation>
    </message>
    <message>
      <source>Line 1: missing columns: {cols}</source>
      <translation>Ligne 1 : colonnes manquantes : {cols}</translation>
    </message>
    <message>
      <source>broken CSV: {reason}</source>
      <translation>CSV cassé : {reason}</translation>
    </message>
    <message numerus="yes">
      <source>%Ln column(s) instead of {m}</source>
      <translation>
        <numerusform>%Ln colonne au lieu de {m}</numerusform>
        <numerusform>%Ln colonnes au lieu de {m}</numerusform>
      </translation>
    </message>
    <message>
      <source>No such file: {path}</source>
      <translation>Fichier introuvable : {path}</translation>
    </message>
    <message>
      <source>The file is not UTF-8 (byte {pos}).</source>
      <translation>Le fichier n'est pas en UTF-8 (octet {pos}).</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>missing network</source>
      <translation>réseau manquant</translation>
    </message>
    <message>
      <source>unknown network {value}</source>
      <translation>réseau inconnu {value}</translation>
    </message>
    <message>
      <source>missing external id</source>
      <translation>identifiant externe manquant</translation>
    </message>
    <message>
      <source>external id longer than 200 characters</source>
      <translation>identifiant externe de plus de 200 caractères</translation>
    </message>
    <message>
      <source>unknown kind {value} (comment, mention, message, review)</source>
      <translation>type inconnu {value} (comment, mention, message, review)</translation>
    </message>
    <message>
      <source>the received time has no time zone offset</source>
      <translation>la date de réception n'a pas de décalage horaire</translation>
    </message>
  </context>
  <context>
    <name>InboxLegend</name>
    <message>
      <source>‼ urgent · ! high priority · ★ first message · time left: green on time, amber under 2 h, red late</source>
      <translation>‼ urgent · ! prioritaire · ★ premier message · délai : vert à temps, orange sous 2 h, rouge en retard</translation>
    </message>
  </context>
  <context>
    <name>InboxListModel</name>
    <message>
      <source>{d} d {h} h</source>
      <translation>{d} j {h} h</translation>
    </message>
    <message>
      <source>{h} h {m:02d}</source>
      <translation>{h} h {m:02d}</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <source>Time left</source>
      <translation>Reste</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Reçu</translation>
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
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>Attribué à</translation>
    </message>
    <message>
      <source> (hidden)</source>
      <translation> (masqué)</translation>
    </message>
    <message>
      <source>First message from this author: welcome them.</source>
      <translation>Premier message de cette personne : souhaitez-lui la bienvenue.</translation>
    </message>
    <message>
      <source>‼ Urgent: handle first (priority set by the team).</source>
      <translation>‼ Urgent : à traiter en premier (priorité fixée par l'équipe).</translation>
    </message>
    <message>
      <source>! High priority.</source>
      <translation>! Priorité haute.</translation>
    </message>
    <message>
      <source>★ First message from this author: welcome them.</source>
      <translation>★ Premier message de cette personne : souhaitez-lui la bienvenue.</translation>
    </message>
    <message>
      <source>Time left to answer: {left}</source>
      <translation>Temps restant pour répondre : {left}</translation>
    </message>
    <message>
      <source>{category} · {status}</source>
      <translation>{category} · {status}</translation>
    </message>
    <message>
      <source>Assigned to {name}</source>
      <translation>Attribué à {name}</translation>
    </message>
  </context>
  <context>
    <name>ModerateDialog</name>
    <message>
      <source>Moderate</source>
      <translation>Modérer</translation>
    </message>
    <message>
      <source> (second approval)</source>
      <translation> (seconde validation)</translation>
    </message>
    <message>
      <source>Charter rule</source>
      <translation>Règle de la charte</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Criticism is answered, never hidden: complaints cannot be hidden or deleted.</source>
      <translation>On répond à la critique, on ne la cache jamais : une réclamation ne peut être ni masquée ni supprimée.</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Appliquer</translation>
    </message>
    <message>
      <source>Hide</source>
      <translation>Masquer</translation>
    </message>
    <message>
      <source>Delete (the original is kept)</source>
      <translation>Supprimer (l'original est conservé)</translation>
    </message>
    <message>
      <source>Ban the author</source>
      <translation>Bannir l'auteur</translation>
    </message>
    <message>
      <source>Report to the network</source>
      <translation>Signaler au réseau</translation>
    </message>
  </context>
  <context>
    <name>Moderation</name>
    <message>
      <source>A complaint cannot be hidden or deleted: criticism is answered, not silenced. Answer it, escalate it, and record how it was resolved.</source>
      <translation>Une réclamation ne peut être ni masquée ni supprimée : on répond à la critique, on ne la fait pas taire. Répondez, escaladez, et enregistrez comment elle a été résolue.</translation>
    </message>
    <message>
      <source>Unknown moderation action {a}.</source>
      <translation>Action de modération inconnue : {a}.</translation>
    </message>
    <message>
      <source>Choose the reason among the charter's moderation rules.</source>
      <translation>Choisissez le motif parmi les règles de modération de la charte.</translation>
    </message>
    <message>
      <source>The rule « {rule} » does not allow this action.</source>
      <translation>La règle « {rule} » ne permet pas cette action.</translation>
    </message>
    <message>
      <source>No such moderation request.</source>
      <translation>Demande de modération introuvable.</translation>
    </message>
    <message>
      <source>This request was already decided.</source>
      <translation>Cette demande a déjà été tranchée.</translation>
    </message>
    <message>
      <source>A second person must approve: you asked for this action.</source>
      <translation>Une seconde personne doit valider : c'est vous qui avez demandé cette action.</translation>
    </message>
    <message>
      <source>Say why the message is restored.</source>
      <translation>Dites pourquoi le message est rétabli.</translation>
    </message>
    <message>
      <source>Held for review by {network}</source>
      <translation>Retenu pour examen par {network}</translation>
    </message>
  </context>
  <context>
    <name>SavedRepliesDialog</name>
    <message>
      <source>Saved replies</source>
      <translation>Réponses types</translation>
    </message>
    <message>
      <source>Placeholders: {first_name}, {order}, {signature}</source>
      <translation>Variables : {first_name}, {order}, {signature}</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Save changes</source>
      <translation>Enregistrer les modifications</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>SmtpDialog</name>
    <message>
      <source>SMTP server for escalation e-mails</source>
      <translation>Serveur SMTP pour les e-mails d'escalade</translation>
    </message>
    <message>
      <source>Unchanged (kept in the keyring)</source>
      <translation>Inchangé (conservé dans le trousseau)</translation>
    </message>
    <message>
      <source>Use STARTTLS</source>
      <translation>Utiliser STARTTLS</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Serveur</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utilisateur</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>Sender</source>
      <translation>Expéditeur</translation>
    </message>
    <message>
      <source>The password is stored in the system keyring, not in Tribune.</source>
      <translation>Le mot de passe est conservé dans le trousseau du système, pas dans Tribune.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Ignorer</translation>
    </message>
    <message numerus="yes">
      <source>Close %Ln message(s)</source>
      <translation>
        <numerusform>Fermer %Ln message</numerusform>
        <numerusform>Fermer %Ln messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Ignore %Ln message(s)</source>
      <translation>
        <numerusform>Ignorer %Ln message</numerusform>
        <numerusform>Ignorer %Ln messages</numerusform>
      </translation>
    </message>
    <message>
      <source>Why (required)</source>
      <translation>Pourquoi (obligatoire)</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Raison</translation>
    </message>
    <message>
      <source>How was it actually resolved? (required for a complaint)</source>
      <translation>Comment a-t-elle réellement été résolue ? (obligatoire pour une réclamation)</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <source>A complaint is closed only once its resolution is recorded.</source>
      <translation>Une réclamation n'est close qu'une fois sa résolution enregistrée.</translation>
    </message>
  </context>
</TS>