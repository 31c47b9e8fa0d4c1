<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>AccountHealthView</name>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Token expires</source>
      <translation>Expiration du jeton</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Dernière synchro</translation>
    </message>
    <message>
      <source>No network account yet.</source>
      <translation>Aucun compte de réseau pour l’instant.</translation>
    </message>
    <message numerus="yes">
      <source>{date} (in %Ln day(s))</source>
      <translation>
        <numerusform>{date} (dans %Ln jour)</numerusform>
        <numerusform>{date} (dans %Ln jours)</numerusform>
      </translation>
    </message>
    <message>
      <source>never</source>
      <translation>jamais</translation>
    </message>
  </context>
  <context>
    <name>Bluesky</name>
    <message>
      <source>No Bluesky account answers to the handle {handle}.</source>
      <translation>Aucun compte Bluesky ne répond au pseudo {handle}.</translation>
    </message>
    <message>
      <source>Tribune does not know this kind of identity ({did}).</source>
      <translation>Tribune ne connaît pas ce type d’identité ({did}).</translation>
    </message>
    <message>
      <source>The identity {did} could not be read.</source>
      <translation>L’identité {did} n’a pas pu être lue.</translation>
    </message>
    <message>
      <source>This identity names no Bluesky server (PDS).</source>
      <translation>Cette identité ne désigne aucun serveur Bluesky (PDS).</translation>
    </message>
    <message>
      <source>The identity found for {handle} does not name that handle back.</source>
      <translation>L’identité trouvée pour {handle} ne mentionne pas ce pseudo en retour.</translation>
    </message>
    <message>
      <source>The Bluesky server {pds} did not answer ({reason}).</source>
      <translation>Le serveur Bluesky {pds} n’a pas répondu ({reason}).</translation>
    </message>
    <message>
      <source>The server refused this handle and app password.</source>
      <translation>Le serveur a refusé ce pseudo et ce mot de passe d’application.</translation>
    </message>
    <message>
      <source>The Bluesky server's answer was incomplete.</source>
      <translation>La réponse du serveur Bluesky était incomplète.</translation>
    </message>
    <message>
      <source>This Bluesky server does not offer OAuth: connect with an app password.</source>
      <translation>Ce serveur Bluesky ne propose pas OAuth : connectez-vous avec un mot de passe d’application.</translation>
    </message>
    <message>
      <source>The authorisation server {issuer} describes itself wrongly.</source>
      <translation>Le serveur d’autorisation {issuer} se décrit de façon incorrecte.</translation>
    </message>
    <message>
      <source>The authorisation server {issuer} does not offer PKCE.</source>
      <translation>Le serveur d’autorisation {issuer} ne propose pas PKCE.</translation>
    </message>
    <message>
      <source>The Bluesky server refused {what} ({error}); start again.</source>
      <translation>Le serveur Bluesky a refusé {what} ({error}) ; recommencez.</translation>
    </message>
    <message>
      <source>to start the authorisation</source>
      <translation>de commencer l’autorisation</translation>
    </message>
    <message>
      <source>The answer came from another server than {issuer}; nothing was changed.</source>
      <translation>La réponse venait d’un autre serveur que {issuer} ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The Bluesky server refused the authorisation code; start again.</source>
      <translation>Le serveur Bluesky a refusé le code d’autorisation ; recommencez.</translation>
    </message>
    <message>
      <source>the authorisation code</source>
      <translation>le code d’autorisation</translation>
    </message>
    <message>
      <source>The Bluesky server's tokens are not those Tribune asked for (bound to its key, for the atproto scope); nothing was changed.</source>
      <translation>Les jetons du serveur Bluesky ne sont pas ceux que Tribune a demandés (liés à sa clé, pour la portée atproto) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The authorisation was given for another account than {handle}; nothing was changed.</source>
      <translation>L’autorisation a été donnée pour un autre compte que {handle} ; rien n’a été modifié.</translation>
    </message>
  </context>
  <context>
    <name>Connectors</name>
    <message>
      <source>{network} does not allow this through its API: {what}.</source>
      <translation>{network} ne permet pas cela par son API : {what}.</translation>
    </message>
    <message>
      <source>No connector for the {network} network yet.</source>
      <translation>Pas encore de connecteur pour le réseau {network}.</translation>
    </message>
    <message>
      <source>publishing</source>
      <translation>publication</translation>
    </message>
    <message>
      <source>replies</source>
      <translation>réponses</translation>
    </message>
    <message>
      <source>hiding a comment</source>
      <translation>masquer un commentaire</translation>
    </message>
    <message>
      <source>hiding someone else's message</source>
      <translation>masquer le message de quelqu'un d'autre</translation>
    </message>
    <message>
      <source>deleting someone else's message</source>
      <translation>supprimer le message de quelqu'un d'autre</translation>
    </message>
    <message>
      <source>blocking an author</source>
      <translation>bloquer un auteur</translation>
    </message>
    <message>
      <source>reporting a message</source>
      <translation>signaler un message</translation>
    </message>
    <message>
      <source>A {network} post takes one video, alone.</source>
      <translation>Une publication {network} ne prend qu’une vidéo, seule.</translation>
    </message>
    <message>
      <source>The text is {n} characters long; {network} allows {limit}.</source>
      <translation>Le texte fait {n} caractères ; {network} en autorise {limit}.</translation>
    </message>
    <message>
      <source>Bluesky refused the app password ({error}): reconnect the account.</source>
      <translation>Bluesky a refusé le mot de passe d’application ({error}) : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Bluesky's session answer lacks its tokens.</source>
      <translation>La réponse de session de Bluesky ne contient pas ses jetons.</translation>
    </message>
    <message>
      <source>Bluesky session expired: reconnect the account.</source>
      <translation>Session Bluesky expirée : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Bluesky refused the request ({error}): {message}</source>
      <translation>Bluesky a refusé la requête ({error}) : {message}</translation>
    </message>
    <message>
      <source>Bluesky sent notifications of an unexpected shape.</source>
      <translation>Bluesky a envoyé des notifications d’une forme inattendue.</translation>
    </message>
    <message>
      <source>A Bluesky notification without the expected fields was skipped.</source>
      <translation>Une notification Bluesky sans les champs attendus a été ignorée.</translation>
    </message>
    <message>
      <source>This message has no Bluesky author id.</source>
      <translation>Ce message n'a pas d'identifiant d'auteur Bluesky.</translation>
    </message>
    <message>
      <source>Bluesky did not return the post's uri.</source>
      <translation>Bluesky n’a pas renvoyé l’URI de la publication.</translation>
    </message>
    <message>
      <source>Bluesky direct messages are not supported yet; reply publicly.</source>
      <translation>Les messages privés Bluesky ne sont pas encore pris en charge ; répondez publiquement.</translation>
    </message>
    <message>
      <source>The Bluesky post answered no longer exists.</source>
      <translation>La publication Bluesky à laquelle vous répondez n’existe plus.</translation>
    </message>
    <message>
      <source>{host} did not answer in time</source>
      <translation>{host} n’a pas répondu à temps</translation>
    </message>
    <message>
      <source>cannot reach {host} ({kind})</source>
      <translation>impossible de joindre {host} ({kind})</translation>
    </message>
    <message>
      <source>{host} limits our requests; retry in {minutes} min.</source>
      <translation>{host} limite nos requêtes ; réessayez dans {minutes} min.</translation>
    </message>
    <message>
      <source>{host} answered HTTP {status}</source>
      <translation>{host} a répondu HTTP {status}</translation>
    </message>
    <message>
      <source>{host} refused the access token: reconnect the account.</source>
      <translation>{host} a refusé le jeton d’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>{problem}; tried {n} times.</source>
      <translation>{problem} ; {n} tentatives.</translation>
    </message>
    <message>
      <source>The server sent an address on another host ({host}); not followed, so the access token stays with {network}.</source>
      <translation>Le serveur a indiqué une adresse sur un autre hôte ({host}) : elle n'est pas suivie, le jeton d'accès reste chez {network}.</translation>
    </message>
    <message>
      <source>{host} sent a reply that is not valid JSON (HTTP {status}).</source>
      <translation>{host} a envoyé une réponse qui n’est pas du JSON valide (HTTP {status}).</translation>
    </message>
    <message>
      <source>{host} sent JSON of an unexpected shape (HTTP {status}).</source>
      <translation>{host} a envoyé du JSON d’une forme inattendue (HTTP {status}).</translation>
    </message>
    <message>
      <source>Mastodon refused the request (HTTP {status}): {reason}</source>
      <translation>Mastodon a refusé la requête (HTTP {status}) : {reason}</translation>
    </message>
    <message>
      <source>A Mastodon notification without the expected fields was skipped.</source>
      <translation>Une notification Mastodon sans les champs attendus a été ignorée.</translation>
    </message>
    <message>
      <source>A Mastodon conversation without the expected fields was skipped.</source>
      <translation>Une conversation Mastodon sans les champs attendus a été ignorée.</translation>
    </message>
    <message>
      <source>Mastodon did not return a media id.</source>
      <translation>Mastodon n’a pas renvoyé d’identifiant de média.</translation>
    </message>
    <message>
      <source>Mastodon did not return a status id.</source>
      <translation>Mastodon n’a pas renvoyé d’identifiant de statut.</translation>
    </message>
    <message>
      <source>Mastodon did not return the account.</source>
      <translation>Mastodon n'a pas renvoyé le compte.</translation>
    </message>
    <message>
      <source>Meta says the access token is no longer valid ({message}): reconnect the account.</source>
      <translation>Meta indique que le jeton d’accès n’est plus valide ({message}) : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Meta limits our requests for this account; retry later.</source>
      <translation>Meta limite nos requêtes pour ce compte ; réessayez plus tard.</translation>
    </message>
    <message>
      <source>Meta refused the request (code {code}): {message}</source>
      <translation>Meta a refusé la requête (code {code}) : {message}</translation>
    </message>
    <message>
      <source>Meta says the access token is no longer valid: reconnect the account.</source>
      <translation>Meta indique que le jeton d’accès n’est plus valide : reconnectez le compte.</translation>
    </message>
    <message>
      <source>A Meta item without the expected fields was skipped.</source>
      <translation>Un élément Meta sans les champs attendus a été ignoré.</translation>
    </message>
    <message>
      <source>Meta did not return the post's id.</source>
      <translation>Meta n’a pas renvoyé l’identifiant de la publication.</translation>
    </message>
    <message>
      <source>Meta did not return the photo's id.</source>
      <translation>Meta n’a pas renvoyé l’identifiant de la photo.</translation>
    </message>
    <message>
      <source>Tribune sends one file per Instagram post; carousels are not sent.</source>
      <translation>Tribune envoie un seul fichier par publication Instagram ; les carrousels ne sont pas envoyés.</translation>
    </message>
    <message>
      <source>Instagram fetches the image from a public address: the post needs an image published at an http(s) address.</source>
      <translation>Instagram récupère l’image à une adresse publique : la publication doit avoir une image accessible en http(s).</translation>
    </message>
    <message>
      <source>Instagram did not create the media container.</source>
      <translation>Instagram n’a pas créé le conteneur du média.</translation>
    </message>
    <message>
      <source>Instagram did not publish the container.</source>
      <translation>Instagram n’a pas publié le conteneur.</translation>
    </message>
    <message>
      <source>Instagram could not process the video.</source>
      <translation>Instagram n’a pas pu traiter la vidéo.</translation>
    </message>
    <message>
      <source>Instagram is still processing the video; the post waits.</source>
      <translation>Instagram traite encore la vidéo ; la publication attend.</translation>
    </message>
    <message>
      <source>The feed declares XML entities; refused.</source>
      <translation>Le flux déclare des entités XML ; refusé.</translation>
    </message>
    <message>
      <source>a web page</source>
      <translation>une page web</translation>
    </message>
    <message>
      <source>no RSS or Atom element</source>
      <translation>aucun élément RSS ni Atom</translation>
    </message>
    <message>
      <source>This address is not an RSS or Atom feed (found {found}).</source>
      <translation>Cette adresse n'est pas un flux RSS ou Atom (trouvé : {found}).</translation>
    </message>
    <message>
      <source>An empty feed entry was skipped.</source>
      <translation>Un article vide du flux a été ignoré.</translation>
    </message>
    <message>
      <source>The feed answered HTTP {status}.</source>
      <translation>Le flux a répondu HTTP {status}.</translation>
    </message>
    <message>
      <source>X refused to renew the access: reconnect the account.</source>
      <translation>X a refusé de renouveler l’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>X refused the request (HTTP {status}): {reason}</source>
      <translation>X a refusé la requête (HTTP {status}) : {reason}</translation>
    </message>
    <message>
      <source>X did not say who this account is.</source>
      <translation>X n'a pas indiqué à qui est ce compte.</translation>
    </message>
    <message>
      <source>X sent a list of an unexpected shape.</source>
      <translation>X a envoyé une liste de forme inattendue.</translation>
    </message>
    <message>
      <source>An X item without the expected fields was skipped.</source>
      <translation>Un élément X sans les champs attendus a été ignoré.</translation>
    </message>
    <message>
      <source>X accepts images and videos; not {mime}.</source>
      <translation>X accepte les images et les vidéos, pas {mime}.</translation>
    </message>
    <message>
      <source>X did not return a media id.</source>
      <translation>X n'a pas renvoyé d'identifiant de média.</translation>
    </message>
    <message>
      <source>X could not process the video: {reason}</source>
      <translation>X n’a pas pu traiter la vidéo : {reason}</translation>
    </message>
    <message>
      <source>X is still processing the video; the post waits.</source>
      <translation>X traite encore la vidéo ; la publication attend.</translation>
    </message>
    <message>
      <source>X refused the picture's description: {reason}</source>
      <translation>X a refusé la description de l’image : {reason}</translation>
    </message>
    <message>
      <source>X did not return the post's id.</source>
      <translation>X n'a pas renvoyé l'identifiant de la publication.</translation>
    </message>
    <message>
      <source>X takes at most 4 images per post.</source>
      <translation>X accepte au plus 4 images par publication.</translation>
    </message>
    <message>
      <source>X did not say which conversation this message is in.</source>
      <translation>X n’a pas indiqué dans quelle conversation se trouve ce message.</translation>
    </message>
    <message>
      <source>X did not return the message sent.</source>
      <translation>X n’a pas renvoyé le message envoyé.</translation>
    </message>
    <message>
      <source>X did not return the author.</source>
      <translation>X n'a pas renvoyé l'auteur.</translation>
    </message>
    <message>
      <source>LinkedIn refused to renew the access: reconnect the account.</source>
      <translation>LinkedIn a refusé de renouveler l’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>LinkedIn refused the request (HTTP {status}): {reason}</source>
      <translation>LinkedIn a refusé la requête (HTTP {status}) : {reason}</translation>
    </message>
    <message>
      <source>LinkedIn sent a list of an unexpected shape.</source>
      <translation>LinkedIn a envoyé une liste de forme inattendue.</translation>
    </message>
    <message>
      <source>LinkedIn member</source>
      <translation>Membre LinkedIn</translation>
    </message>
    <message>
      <source>A LinkedIn comment without the expected fields was skipped.</source>
      <translation>Un commentaire LinkedIn sans les champs attendus a été ignoré.</translation>
    </message>
    <message>
      <source>LinkedIn takes images and videos; not {mime}.</source>
      <translation>LinkedIn accepte les images et les vidéos, pas {mime}.</translation>
    </message>
    <message>
      <source>LinkedIn did not give an upload address.</source>
      <translation>LinkedIn n'a pas donné d'adresse d'envoi.</translation>
    </message>
    <message>
      <source>LinkedIn refused the image (HTTP {status}).</source>
      <translation>LinkedIn a refusé l'image (HTTP {status}).</translation>
    </message>
    <message>
      <source>LinkedIn refused a part of the video (HTTP {status}).</source>
      <translation>LinkedIn a refusé une partie de la vidéo (HTTP {status}).</translation>
    </message>
    <message>
      <source>LinkedIn could not process the video.</source>
      <translation>LinkedIn n’a pas pu traiter la vidéo.</translation>
    </message>
    <message>
      <source>LinkedIn is still processing the video; the post waits.</source>
      <translation>LinkedIn traite encore la vidéo ; la publication attend.</translation>
    </message>
    <message>
      <source>LinkedIn takes at most 20 images.</source>
      <translation>LinkedIn accepte au plus 20 images.</translation>
    </message>
    <message>
      <source>LinkedIn did not return the post's URN.</source>
      <translation>LinkedIn n'a pas renvoyé l'URN de la publication.</translation>
    </message>
    <message>
      <source>LinkedIn has no private answer to a comment.</source>
      <translation>LinkedIn ne permet pas de répondre en privé à un commentaire.</translation>
    </message>
    <message>
      <source>LinkedIn did not return the comment.</source>
      <translation>LinkedIn n'a pas renvoyé le commentaire.</translation>
    </message>
    <message>
      <source>Google's quota is spent for now: {message}</source>
      <translation>Le quota Google est épuisé pour l'instant : {message}</translation>
    </message>
    <message>
      <source>Google refused to renew the access: reconnect the account.</source>
      <translation>Google a refusé de renouveler l’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Google refused the request (HTTP {status}): {message}</source>
      <translation>Google a refusé la requête (HTTP {status}) : {message}</translation>
    </message>
    <message>
      <source>Google sent reviews of an odd shape.</source>
      <translation>Google a envoyé des avis d’une forme inattendue.</translation>
    </message>
    <message>
      <source>A Google user</source>
      <translation>Un utilisateur de Google</translation>
    </message>
    <message>
      <source>A review could not be read.</source>
      <translation>Un avis n’a pas pu être lu.</translation>
    </message>
    <message>
      <source>Google has no private answer to a review.</source>
      <translation>Google ne permet pas de répondre en privé à un avis.</translation>
    </message>
    <message>
      <source>Google did not return the post.</source>
      <translation>Google n'a pas renvoyé la publication.</translation>
    </message>
    <message>
      <source>YouTube refused the request (HTTP {status}): {message}</source>
      <translation>YouTube a refusé la requête (HTTP {status}) : {message}</translation>
    </message>
    <message>
      <source>YouTube sent comments of an odd shape.</source>
      <translation>YouTube a envoyé des commentaires d’une forme inattendue.</translation>
    </message>
    <message>
      <source>A YouTube comment could not be read.</source>
      <translation>Un commentaire YouTube n’a pas pu être lu.</translation>
    </message>
    <message>
      <source>YouTube has no private answer to a comment.</source>
      <translation>YouTube ne permet pas de répondre en privé à un commentaire.</translation>
    </message>
    <message>
      <source>YouTube did not return the comment.</source>
      <translation>YouTube n’a pas renvoyé le commentaire.</translation>
    </message>
    <message>
      <source>YouTube sent no channel statistics.</source>
      <translation>YouTube n'a envoyé aucune statistique de la chaîne.</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>Image</translation>
    </message>
    <message>
      <source>Video</source>
      <translation>Vidéo</translation>
    </message>
    <message>
      <source>Audio</source>
      <translation>Audio</translation>
    </message>
    <message>
      <source>Media</source>
      <translation>Média</translation>
    </message>
    <message>
      <source>Poll: {options}</source>
      <translation>Sondage : {options}</translation>
    </message>
    <message>
      <source>no description</source>
      <translation>sans description</translation>
    </message>
    <message>
      <source>[{kind}: {description}] {url}</source>
      <translation>[{kind} : {description}] {url}</translation>
    </message>
    <message>
      <source>boost of {handle}: {text}</source>
      <translation>boost de {handle} : {text}</translation>
    </message>
    <message>
      <source>Content warning: {text}</source>
      <translation>Avertissement de contenu : {text}</translation>
    </message>
    <message>
      <source>Pinterest's API has no comments: nothing from Pinterest comes into the inbox.</source>
      <translation>L’API de Pinterest n’a pas de commentaires : rien de Pinterest n’arrive dans la boîte de réception.</translation>
    </message>
    <message>
      <source>Pinterest refused the request (HTTP {status}): {message}</source>
      <translation>Pinterest a refusé la requête (HTTP {status}) : {message}</translation>
    </message>
    <message>
      <source>A pin takes one image (videos are not sent by Tribune).</source>
      <translation>Une épingle prend une image (Tribune n’envoie pas les vidéos).</translation>
    </message>
    <message>
      <source>The pin's image is missing: {name}.</source>
      <translation>L’image de l’épingle est introuvable : {name}.</translation>
    </message>
    <message>
      <source>Pinterest did not return the pin.</source>
      <translation>Pinterest n’a pas renvoyé l’épingle.</translation>
    </message>
    <message>
      <source>Pinterest refused to renew the access: reconnect the account.</source>
      <translation>Pinterest a refusé de renouveler l’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Threads did not create the post.</source>
      <translation>Threads n’a pas créé la publication.</translation>
    </message>
    <message>
      <source>Threads could not prepare the post: {reason}</source>
      <translation>Threads n’a pas pu préparer la publication : {reason}</translation>
    </message>
    <message>
      <source>Threads is still preparing the post; it goes at next sync.</source>
      <translation>Threads prépare encore la publication ; elle partira à la prochaine synchronisation.</translation>
    </message>
    <message>
      <source>Threads did not publish the post.</source>
      <translation>Threads n’a pas publié la publication.</translation>
    </message>
    <message>
      <source>Threads has no private answer to a reply.</source>
      <translation>Threads n’a pas de réponse privée à une réponse.</translation>
    </message>
    <message>
      <source>[media: {kind}]</source>
      <translation>[média : {kind}]</translation>
    </message>
    <message>
      <source>The Threads access has ended: reconnect the account.</source>
      <translation>L’accès à Threads a pris fin : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Bluesky refused to renew the access: reconnect the account.</source>
      <translation>Bluesky a refusé de renouveler l’accès : reconnectez le compte.</translation>
    </message>
    <message>
      <source>This Bluesky connection is damaged: reconnect the account.</source>
      <translation>Cette connexion Bluesky est abîmée : reconnectez le compte.</translation>
    </message>
    <message>
      <source>Bluesky renewed the access of another account.</source>
      <translation>Bluesky a renouvelé l’accès d’un autre compte.</translation>
    </message>
    <message>
      <source>A Threads carousel takes at most {n} images or videos; not sent.</source>
      <translation>Un carrousel Threads prend au plus {n} images ou vidéos ; non envoyé.</translation>
    </message>
    <message>
      <source>Threads only takes photos and videos at a public https address, not a file from this computer: not sent. Give them with “Add by address…” in the post.</source>
      <translation>Threads ne prend photos et vidéos qu’à une adresse https publique, pas un fichier de cet ordinateur : non envoyées. Donnez-les avec « Ajouter par adresse… » dans la publication.</translation>
    </message>
  </context>
  <context>
    <name>CrisisTray</name>
    <message>
      <source>Crisis alert: {client}</source>
      <translation>Alerte de crise : {client}</translation>
    </message>
  </context>
  <context>
    <name>Listening</name>
    <message>
      <source>{host} refused the search (HTTP {status}).</source>
      <translation>{host} a refusé la recherche (HTTP {status}).</translation>
    </message>
    <message>
      <source>Bluesky refused the app password: reconnect the account.</source>
      <translation>Bluesky a refusé le mot de passe d’application : reconnectez le compte.</translation>
    </message>
    <message>
      <source>The feed answered HTTP {status}.</source>
      <translation>Le flux a répondu HTTP {status}.</translation>
    </message>
    <message>
      <source>The client has no {network} account any more.</source>
      <translation>Le client n’a plus de compte {network}.</translation>
    </message>
    <message>
      <source>No token in the keyring for the {network} account.</source>
      <translation>Aucun jeton dans le trousseau pour le compte {network}.</translation>
    </message>
    <message>
      <source>{network} cannot be searched.</source>
      <translation>{network} n'offre pas de recherche.</translation>
    </message>
    <message>
      <source>YouTube's daily quota is spent.</source>
      <translation>Le quota quotidien de YouTube est épuisé.</translation>
    </message>
    <message>
      <source>YouTube's daily quota is spent: searching again after {time} UTC.</source>
      <translation>Le quota quotidien de YouTube est épuisé : nouvelle recherche après {time} UTC.</translation>
    </message>
  </context>
  <context>
    <name>OAuth</name>
    <message>
      <source>Tribune was not connected</source>
      <translation>Tribune n'a pas été connecté</translation>
    </message>
    <message>
      <source>Tribune is connected</source>
      <translation>Tribune est connecté</translation>
    </message>
    <message>
      <source>You can close this page and go back to Tribune.</source>
      <translation>Vous pouvez fermer cette page et revenir à Tribune.</translation>
    </message>
    <message>
      <source>The connection was cancelled; nothing was changed.</source>
      <translation>La connexion a été annulée ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The browser did not come back to Tribune in time; nothing was changed.</source>
      <translation>Le navigateur n'est pas revenu vers Tribune à temps ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Port {port} of this computer is taken, so the network cannot come back to Tribune; close the program using it and try again.</source>
      <translation>Le port {port} de cet ordinateur est occupé, le réseau ne peut donc pas revenir vers Tribune ; fermez le programme qui l’utilise et réessayez.</translation>
    </message>
    <message>
      <source>The answer did not belong to this connection (its state did not match); nothing was changed.</source>
      <translation>La réponse n'appartenait pas à cette connexion (son état ne correspondait pas) ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>The connection was refused on the network's page ({error}).</source>
      <translation>La connexion a été refusée sur la page du réseau ({error}).</translation>
    </message>
    <message>
      <source>The network refused the authorisation code (HTTP {status}); start again.</source>
      <translation>Le réseau a refusé le code d'autorisation (HTTP {status}) ; recommencez.</translation>
    </message>
    <message>
      <source>The network sent no access token.</source>
      <translation>Le réseau n'a envoyé aucun jeton d'accès.</translation>
    </message>
    <message>
      <source>The server did not let Tribune register (HTTP {status}).</source>
      <translation>Le serveur n'a pas laissé Tribune s'inscrire (HTTP {status}).</translation>
    </message>
    <message>
      <source>The server's registration was incomplete.</source>
      <translation>L'inscription auprès du serveur est incomplète.</translation>
    </message>
    <message>
      <source>{network} refused to list the accounts (HTTP {status}).</source>
      <translation>{network} a refusé de lister les comptes (HTTP {status}).</translation>
    </message>
    <message>
      <source>Meta sent no long-lived token.</source>
      <translation>Meta n’a pas envoyé de jeton longue durée.</translation>
    </message>
    <message>
      <source>Threads refused the long-lived token (HTTP {status}).</source>
      <translation>Threads a refusé le jeton longue durée (HTTP {status}).</translation>
    </message>
    <message>
      <source>Threads sent no long-lived token.</source>
      <translation>Threads n’a pas envoyé de jeton longue durée.</translation>
    </message>
    <message>
      <source>The network did not say which account was connected.</source>
      <translation>Le réseau n’a pas dit quel compte a été connecté.</translation>
    </message>
  </context>
  <context>
    <name>Posts</name>
    <message>
      <source>No first comment on {network}</source>
      <translation>Pas de premier commentaire sur {network}</translation>
    </message>
  </context>
  <context>
    <name>Sync</name>
    <message>
      <source>fetch new messages and publish due posts for a client</source>
      <translation>récupérer les nouveaux messages et publier les posts arrivés à échéance d’un client</translation>
    </message>
    <message>
      <source>only this network</source>
      <translation>seulement ce réseau</translation>
    </message>
    <message>
      <source>fetch only, publish nothing</source>
      <translation>récupérer seulement, ne rien publier</translation>
    </message>
    <message>
      <source>only check each account's connection; fetch and publish nothing</source>
      <translation>vérifier seulement la connexion de chaque compte ; ne rien récupérer ni publier</translation>
    </message>
    <message>
      <source>give an account a new token (read on stdin); its messages and history are kept</source>
      <translation>donner un nouveau jeton à un compte (lu sur l’entrée standard) ; ses messages et son historique sont conservés</translation>
    </message>
    <message>
      <source>the account's handle or id</source>
      <translation>l’identifiant (@) ou le numéro du compte</translation>
    </message>
    <message>
      <source>the account's network</source>
      <translation>le réseau du compte</translation>
    </message>
    <message>
      <source>Paste the new access token, then press Enter:</source>
      <translation>Collez le nouveau jeton d’accès, puis appuyez sur Entrée :</translation>
    </message>
    <message>
      <source>No token on standard input.</source>
      <translation>Aucun jeton sur l’entrée standard.</translation>
    </message>
    <message>
      <source>Reconnect needed: the network no longer accepts this account's access token.</source>
      <translation>À reconnecter : le réseau n’accepte plus le jeton d’accès de ce compte.</translation>
    </message>
    <message>
      <source>Error: the last sync of this account did not go through.</source>
      <translation>Erreur : la dernière synchronisation de ce compte n’a pas abouti.</translation>
    </message>
    <message>
      <source>{explanation} Details: {reason}</source>
      <translation>{explanation} Message du réseau : « {reason} »</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <source>reconnect needed</source>
      <translation>à reconnecter</translation>
    </message>
    <message>
      <source>rate limited</source>
      <translation>limité en débit</translation>
    </message>
    <message>
      <source>unreachable</source>
      <translation>injoignable</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>ignoré</translation>
    </message>
    <message>
      <source>synced by another seat</source>
      <translation>synchronisé par un autre poste</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annulée</translation>
    </message>
    <message>
      <source>error</source>
      <translation>erreur</translation>
    </message>
    <message>
      <source>{network} {handle}: {state} — {added} new, {dup} already there, {published} published</source>
      <translation>{network} {handle} : {state} — nouveaux : {added}, déjà présents : {dup}, publiés : {published}</translation>
    </message>
    <message>
      <source>, {n} skipped</source>
      <translation>, {n} ignorés</translation>
    </message>
    <message>
      <source>No accounts to sync.</source>
      <translation>Aucun compte à synchroniser.</translation>
    </message>
    <message>
      <source>, {n} moderated</source>
      <translation>, {n} modérés</translation>
    </message>
    <message>
      <source>tribune: {n} of {total} accounts could not be synced.</source>
      <translation>tribune : {n} comptes sur {total} n’ont pas pu être synchronisés.</translation>
    </message>
    <message>
      <source>This client has no {network} account.</source>
      <translation>Ce client n’a pas de compte {network}.</translation>
    </message>
    <message>
      <source>This client is already being synced.</source>
      <translation>Ce client est déjà en cours de synchronisation.</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message numerus="yes">
      <source>%n deleted status(es) skipped</source>
      <translation>
        <numerusform>%n publication supprimée ignorée</numerusform>
        <numerusform>%n publications supprimées ignorées</numerusform>
      </translation>
    </message>
    <message>
      <source>No connector for {network} yet; skipped.</source>
      <translation>Pas encore de connecteur pour {network} ; ignoré.</translation>
    </message>
    <message>
      <source>No token in the system keyring for this account: reconnect it.</source>
      <translation>Aucun jeton dans le trousseau système pour ce compte : reconnectez-le.</translation>
    </message>
    <message>
      <source>{network} {handle}: {n} fetched</source>
      <translation>{network} {handle} : {n} récupérés</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <source>Unexpected problem ({kind}).</source>
      <translation>Problème inattendu ({kind}).</translation>
    </message>
    <message>
      <source>Connected — token expires in {n} days</source>
      <translation>Connecté — le jeton expire dans {n} jours</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <source>Not checked yet</source>
      <translation>Pas encore vérifié</translation>
    </message>
    <message>
      <source>Saved, but {network} {handle} is not connected: {reason}</source>
      <translation>Enregistré, mais le compte {network} {handle} n’est pas connecté : {reason}</translation>
    </message>
    <message>
      <source>This client has no account {ref}.</source>
      <translation>Ce client n’a pas de compte {ref}.</translation>
    </message>
    <message>
      <source>{ref} is on several networks ({networks}): add --network.</source>
      <translation>{ref} existe sur plusieurs réseaux ({networks}) : ajoutez --network.</translation>
    </message>
    <message>
      <source>{host} (process {pid})</source>
      <translation>{host} (processus {pid})</translation>
    </message>
    <message>
      <source>{seat} is syncing this account; skipped here.</source>
      <translation>{seat} synchronise ce compte ; ignoré ici.</translation>
    </message>
  </context>
  <context>
    <name>SyncBar</name>
    <message>
      <source>Sync now</source>
      <translation>Synchroniser</translation>
    </message>
    <message>
      <source>Fetch new messages and publish due posts</source>
      <translation>Récupérer les nouveaux messages et publier les posts arrivés à échéance</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Listening…</source>
      <translation>Écoute…</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Synchronisation…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <source> — next try at {time}</source>
      <translation> — nouvel essai à {time}</translation>
    </message>
    <message>
      <source>Sync cancelled.</source>
      <translation>Synchronisation annulée.</translation>
    </message>
    <message numerus="yes">
      <source> (+%Ln other account(s))</source>
      <translation>
        <numerusform> (+%Ln autre compte)</numerusform>
        <numerusform> (+%Ln autres comptes)</numerusform>
      </translation>
    </message>
    <message>
      <source>Synced: {added} new, {published} published.</source>
      <translation>Synchronisé — nouveaux : {added}, publiés : {published}.</translation>
    </message>
    <message>
      <source>{account}: {reason}</source>
      <translation>{account} : {reason}</translation>
    </message>
    <message>
      <source>Sync failed: {reason}</source>
      <translation>Échec de la synchronisation : {reason}</translation>
    </message>
  </context>
</TS>