<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>AltTextDialog</name>
    <message>
      <source>Describe the picture</source>
      <translation>Décrire l’image</translation>
    </message>
    <message>
      <source>Say what the picture shows for people who cannot see it: the people, the place, the text written on it. Screen readers read it aloud; every post using this picture sends the same description.</source>
      <translation>Dites ce que montre l’image pour les personnes qui ne la voient pas : les personnes, le lieu, le texte écrit dessus. Les lecteurs d’écran la lisent à voix haute ; toutes les publications qui utilisent cette image envoient la même description.</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>Texte alternatif</translation>
    </message>
    <message>
      <source>{used} / {limit} characters</source>
      <translation>{used} / {limit} caractères</translation>
    </message>
  </context>
  <context>
    <name>ApprovalImport</name>
    <message>
      <source>The sheet holds no post to decide on.</source>
      <translation>Le bon ne contient aucune publication à décider.</translation>
    </message>
    <message>
      <source>the post was deleted</source>
      <translation>la publication a été supprimée</translation>
    </message>
    <message>
      <source>no box, or both, ticked</source>
      <translation>aucune case, ou les deux, cochées</translation>
    </message>
    <message>
      <source>changed since the sheet was sent</source>
      <translation>modifiée depuis l'envoi du bon</translation>
    </message>
    <message>
      <source>no longer waiting</source>
      <translation>n'attend plus de décision</translation>
    </message>
    <message>
      <source>Marked « to change » on the sheet, no comment.</source>
      <translation>Cochée « à modifier » sur le bon, sans commentaire.</translation>
    </message>
  </context>
  <context>
    <name>CalendarActions</name>
    <message>
      <source>A published post cannot be moved.</source>
      <translation>Une publication déjà publiée ne peut pas être déplacée.</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <source>Copy to the next day</source>
      <translation>Copier au lendemain</translation>
    </message>
    <message>
      <source>Copy to another day…</source>
      <translation>Copier à un autre jour…</translation>
    </message>
    <message>
      <source>Copy to network</source>
      <translation>Copier vers le réseau</translation>
    </message>
    <message>
      <source>Client approved</source>
      <translation>Validée par le client</translation>
    </message>
    <message>
      <source>Client rejected…</source>
      <translation>Refusée par le client…</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>Programmer</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Copy to another day</source>
      <translation>Copier à un autre jour</translation>
    </message>
    <message>
      <source>Day (YYYY-MM-DD):</source>
      <translation>Jour (AAAA-MM-JJ) :</translation>
    </message>
    <message>
      <source>Invalid date: {value}</source>
      <translation>Date invalide : {value}</translation>
    </message>
    <message>
      <source>Rejected by the client</source>
      <translation>Refusée par le client</translation>
    </message>
    <message>
      <source>Client's comment:</source>
      <translation>Commentaire du client :</translation>
    </message>
    <message>
      <source>Delete post</source>
      <translation>Supprimer la publication</translation>
    </message>
    <message>
      <source>Delete this post?</source>
      <translation>Supprimer cette publication ?</translation>
    </message>
    <message>
      <source>Import iCalendar or CSV…</source>
      <translation>Importer un iCalendar ou un CSV…</translation>
    </message>
    <message>
      <source>Export iCalendar…</source>
      <translation>Exporter en iCalendar…</translation>
    </message>
    <message>
      <source>Send this period for approval…</source>
      <translation>Envoyer la période en validation…</translation>
    </message>
    <message>
      <source>Import the client's approval sheet…</source>
      <translation>Importer le bon à valider du client…</translation>
    </message>
    <message>
      <source>Publishing queue…</source>
      <translation>File de publication…</translation>
    </message>
  </context>
  <context>
    <name>CalendarApproval</name>
    <message>
      <source>Posts to approve — {client}</source>
      <translation>Publications à valider — {client}</translation>
    </message>
    <message>
      <source>First comment:</source>
      <translation>Premier commentaire :</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Validée</translation>
    </message>
    <message>
      <source>Attached:</source>
      <translation>Fichiers joints :</translation>
    </message>
    <message>
      <source>To change</source>
      <translation>À modifier</translation>
    </message>
    <message>
      <source>Comment:</source>
      <translation>Commentaire :</translation>
    </message>
    <message>
      <source>Posts planned {period}. For each one, tick Approved or To change; say what to change in the comment lines, then sign at the end.</source>
      <translation>Publications prévues {period}. Pour chacune, cochez « Validée » ou « À modifier » ; dites ce qu'il faut changer sur les lignes de commentaire, puis signez à la fin.</translation>
    </message>
    <message>
      <source>Posts planned {period}.</source>
      <translation>Publications prévues {period}.</translation>
    </message>
    <message>
      <source>No post waits for your approval in this period.</source>
      <translation>Aucune publication n'attend votre validation sur cette période.</translation>
    </message>
    <message>
      <source>For information: already approved or published</source>
      <translation>Pour information : déjà validées ou publiées</translation>
    </message>
    <message>
      <source>Client's approval</source>
      <translation>Validation du client</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Nom :</translation>
    </message>
    <message>
      <source>Role:</source>
      <translation>Fonction :</translation>
    </message>
    <message>
      <source>Date:</source>
      <translation>Date :</translation>
    </message>
    <message>
      <source>Signature:</source>
      <translation>Signature :</translation>
    </message>
    <message>
      <source>This client no longer exists.</source>
      <translation>Ce client n’existe plus.</translation>
    </message>
    <message>
      <source>Approval sheet</source>
      <translation>Bon à valider</translation>
    </message>
    <message>
      <source>page {page} / {pages}</source>
      <translation>page {page} / {pages}</translation>
    </message>
  </context>
  <context>
    <name>CalendarArea</name>
    <message>
      <source>Previous</source>
      <translation>Précédent</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd'hui</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Suivant</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mois</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Semaine</translation>
    </message>
    <message>
      <source>List</source>
      <translation>Liste</translation>
    </message>
    <message>
      <source>Search posts</source>
      <translation>Chercher une publication</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filtres</translation>
    </message>
    <message>
      <source>New post</source>
      <translation>Nouvelle publication</translation>
    </message>
    <message>
      <source>More</source>
      <translation>Plus</translation>
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
      <source>From {day}</source>
      <translation>À partir du {day}</translation>
    </message>
    <message numerus="yes">
      <source>%Ln post(s) shown</source>
      <translation>
        <numerusform>%Ln publication affichée</numerusform>
        <numerusform>%Ln publications affichées</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarCheck</name>
    <message>
      <source>en</source>
      <comment>the code of this catalogue's language: fr, en</comment>
      <translation>fr</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>lundi</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>mardi</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>mercredi</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>jeudi</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>vendredi</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>samedi</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>dimanche</translation>
    </message>
    <message>
      <source>« {title} », {day} {time}: far from the best times to post ({slots}).</source>
      <translation>« {title} », {day} {time} : loin des meilleurs moments pour publier ({slots}).</translation>
    </message>
    <message>
      <source>{network} is not among the charter's networks.</source>
      <translation>{network} ne fait pas partie des réseaux de la charte.</translation>
    </message>
    <message>
      <source>{network}: {count} posts in the week of {week}, the charter asks for at least {min}.</source>
      <translation>{network} : {count} publications la semaine du {week}, la charte en demande au moins {min}.</translation>
    </message>
    <message>
      <source>{network}: {count} posts in the week of {week}, the charter allows at most {max}.</source>
      <translation>{network} : {count} publications la semaine du {week}, la charte en autorise au plus {max}.</translation>
    </message>
    <message>
      <source>{network}, {day} {time}: outside the charter's hours ({windows}).</source>
      <translation>{network}, {day} {time} : en dehors des horaires de la charte ({windows}).</translation>
    </message>
    <message>
      <source>{network}: « {category} » is {actual} % of the posts, the charter plans {planned} %.</source>
      <translation>{network} : « {category} » représente {actual} % des publications, la charte prévoit {planned} %.</translation>
    </message>
    <message>
      <source>« {title} » is planned on {when} but not approved yet.</source>
      <translation>« {title} » est prévue le {when} mais n'est pas encore validée.</translation>
    </message>
    <message>
      <source>{name} on {day}: nothing planned around it.</source>
      <translation>{name} le {day} : rien de prévu autour.</translation>
    </message>
  </context>
  <context>
    <name>CalendarChip</name>
    <message>
      <source>all day</source>
      <translation>toute la journée</translation>
    </message>
  </context>
  <context>
    <name>CalendarCli</name>
    <message>
      <source>the content calendar</source>
      <translation>le calendrier éditorial</translation>
    </message>
    <message>
      <source>import posts from an iCalendar (.ics) or CSV file</source>
      <translation>importer des publications depuis un fichier iCalendar (.ics) ou CSV</translation>
    </message>
    <message>
      <source>check the planned posts against the charter</source>
      <translation>contrôler les publications prévues au regard de la charte</translation>
    </message>
    <message>
      <source>first day (YYYY-MM-DD)</source>
      <translation>premier jour (AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>last day (YYYY-MM-DD)</source>
      <translation>dernier jour (AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>write the approval sheet (PDF) of a period</source>
      <translation>écrire le bon à valider (PDF) d'une période</translation>
    </message>
    <message>
      <source>language of the sheet (default: the client's)</source>
      <translation>langue du bon à valider (par défaut : celle du client)</translation>
    </message>
    <message>
      <source>record the decisions of the client's filled approval sheet</source>
      <translation>enregistrer les décisions du bon à valider rempli par le client</translation>
    </message>
    <message>
      <source>record the client's approval of the posts waiting for it in a period</source>
      <translation>enregistrer la validation par le client des publications qui l'attendent sur une période</translation>
    </message>
    <message>
      <source>and put them in the publishing queue</source>
      <translation>et les mettre dans la file de publication</translation>
    </message>
    <message>
      <source>Invalid date « {value} » (expected YYYY-MM-DD).</source>
      <translation>Date invalide « {value} » (attendu : AAAA-MM-JJ).</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>CSV columns for a layout Tribune does not know, e.g. "text=Message,date=Date,networks=Réseau" (saved for the client and reused)</source>
      <translation>colonnes d'un CSV dont Tribune ne connaît pas la disposition, p. ex. "text=Message,date=Date,networks=Réseau" (enregistrées pour le client et réutilisées)</translation>
    </message>
    <message>
      <source>networks for CSV files that do not name them, e.g. facebook,instagram</source>
      <translation>réseaux pour les fichiers CSV qui ne les nomment pas, p. ex. facebook,instagram</translation>
    </message>
    <message>
      <source>read slashed dates as day/month/year</source>
      <translation>lire les dates à barres obliques en jour/mois/année</translation>
    </message>
    <message>
      <source>read slashed dates as month/day/year</source>
      <translation>lire les dates à barres obliques en mois/jour/année</translation>
    </message>
    <message>
      <source>export the posts as iCalendar or CSV</source>
      <translation>exporter les publications en iCalendar ou en CSV</translation>
    </message>
    <message>
      <source>the iCalendar file to write</source>
      <translation>le fichier iCalendar à écrire</translation>
    </message>
    <message>
      <source>the CSV file to write (Tribune's import layout)</source>
      <translation>le fichier CSV à écrire (la disposition d'import de Tribune)</translation>
    </message>
    <message>
      <source>{added} added, {duplicates} already there, {errors} refused.</source>
      <translation>{added} ajoutée(s), {duplicates} déjà présente(s), {errors} refusée(s).</translation>
    </message>
    <message>
      <source>Read as: {reading}</source>
      <translation>Lu comme : {reading}</translation>
    </message>
    <message>
      <source>  line {line}{ref}: {reason}</source>
      <translation>  ligne {line}{ref} : {reason}</translation>
    </message>
    <message>
      <source>Say where to write: --out FILE.ics or --csv FILE.csv.</source>
      <translation>Indiquez où écrire : --out FICHIER.ics ou --csv FICHIER.csv.</translation>
    </message>
    <message>
      <source>{count} rows (one per post and network) written to {path}.</source>
      <translation>{count} lignes (une par publication et par réseau) écrites dans {path}.</translation>
    </message>
    <message>
      <source>{count} posts written to {path}.</source>
      <translation>{count} publications écrites dans {path}.</translation>
    </message>
    <message>
      <source>error</source>
      <translation>erreur</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>attention</translation>
    </message>
    <message>
      <source>hint</source>
      <translation>suggestion</translation>
    </message>
    <message>
      <source>Nothing to report: the calendar follows the charter.</source>
      <translation>Rien à signaler : le calendrier respecte la charte.</translation>
    </message>
    <message>
      <source>Approval sheet written to {path} ({pages} pages).</source>
      <translation>Bon à valider écrit dans {path} ({pages} pages).</translation>
    </message>
    <message>
      <source>Approved: {n}, to change: {m}, left as they were: {k}.</source>
      <translation>Validées : {n}, à modifier : {m}, laissées telles quelles : {k}.</translation>
    </message>
    <message>
      <source>--to comes before --from.</source>
      <translation>--to est antérieur à --from.</translation>
    </message>
    <message>
      <source>No post waits for approval in this period.</source>
      <translation>Aucune publication n'attend de validation sur cette période.</translation>
    </message>
    <message>
      <source>{n} posts approved and scheduled.</source>
      <translation>{n} publications validées et programmées.</translation>
    </message>
    <message>
      <source>{n} posts approved.</source>
      <translation>{n} publications validées.</translation>
    </message>
  </context>
  <context>
    <name>CalendarFiles</name>
    <message>
      <source>Import cancelled: nothing was written.</source>
      <translation>Import annulé : rien n’a été enregistré.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <source>Import posts</source>
      <translation>Importer des publications</translation>
    </message>
    <message>
      <source>Calendars (*.ics *.csv)</source>
      <translation>Calendriers (*.ics *.csv)</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>Lecture de {name}…</translation>
    </message>
    <message>
      <source>{added} added, {duplicates} already there, {errors} refused.</source>
      <translation>{added} ajoutée(s), {duplicates} déjà présente(s), {errors} refusée(s).</translation>
    </message>
    <message>
      <source>Read as: {reading}</source>
      <translation>Lu comme : {reading}</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Importing posts…</source>
      <translation>Import des publications…</translation>
    </message>
    <message>
      <source>Export the calendar</source>
      <translation>Exporter le calendrier</translation>
    </message>
    <message>
      <source>Exporting the calendar…</source>
      <translation>Export du calendrier…</translation>
    </message>
    <message numerus="yes">
      <source>%Ln post(s) written to {path}.</source>
      <translation>
        <numerusform>%Ln publication écrite dans {path}.</numerusform>
        <numerusform>%Ln publications écrites dans {path}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Approval sheet</source>
      <translation>Bon à valider</translation>
    </message>
    <message>
      <source>Writing the approval sheet…</source>
      <translation>Création du bon à valider…</translation>
    </message>
    <message>
      <source>Sending the period's drafts for review…</source>
      <translation>Envoi des brouillons de la période en relecture…</translation>
    </message>
    <message>
      <source>Approval sheet written to {path} ({pages} pages).</source>
      <translation>Bon à valider écrit dans {path} ({pages} pages).</translation>
    </message>
    <message>
      <source>The client's approval sheet</source>
      <translation>Le bon à valider du client</translation>
    </message>
    <message>
      <source>Reading the client's decisions…</source>
      <translation>Lecture des décisions du client…</translation>
    </message>
    <message>
      <source>Approved: {n}, to change: {m}, left as they were: {k}.</source>
      <translation>Validées : {n}, à modifier : {m}, laissées telles quelles : {k}.</translation>
    </message>
  </context>
  <context>
    <name>CalendarLegend</name>
    <message>
      <source>charter error</source>
      <translation>erreur de charte</translation>
    </message>
    <message>
      <source>Status of each post, and the charter check's marks: a red dot on a post, an error; an orange dot, a warning</source>
      <translation>Statut de chaque publication et marques du contrôle de la charte : un point rouge sur une publication, une erreur ; un point orange, un avertissement</translation>
    </message>
    <message>
      <source>charter warning</source>
      <translation>avertissement de charte</translation>
    </message>
  </context>
  <context>
    <name>CalendarList</name>
    <message numerus="yes">
      <source>%Ln post(s) in the list</source>
      <translation>
        <numerusform>%Ln publication dans la liste</numerusform>
        <numerusform>%Ln publications dans la liste</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CalendarLocale</name>
    <message>
      <source>en_GB</source>
      <translation>fr_FR</translation>
    </message>
  </context>
  <context>
    <name>CalendarUndo</name>
    <message>
      <source>Move post</source>
      <translation>Déplacer la publication</translation>
    </message>
    <message>
      <source>Copy post</source>
      <translation>Copier la publication</translation>
    </message>
    <message>
      <source>Edit post</source>
      <translation>Modifier la publication</translation>
    </message>
    <message>
      <source>New post</source>
      <translation>Nouvelle publication</translation>
    </message>
  </context>
  <context>
    <name>CheckPanel</name>
    <message>
      <source>Charter check</source>
      <translation>Contrôle de la charte</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>Show or hide the charter check: what the charter says about the posts shown (hidden: wider days)</source>
      <translation>Afficher ou masquer le contrôle de la charte : ce que la charte dit des publications affichées (masqué : des jours plus larges)</translation>
    </message>
    <message>
      <source>Nothing to report: the calendar follows the charter.</source>
      <translation>Rien à signaler : le calendrier respecte la charte.</translation>
    </message>
  </context>
  <context>
    <name>Connectors</name>
    <message>
      <source>A first line “Offer: title (2026-12-01 → 2026-12-24)” or “Event: title (2026-12-12 14:00 → 17:00)” makes an offer or an event; an offer may add “Code: …” and “Terms: …” lines and is redeemed at the link; any other text is a “What's new” post.</source>
      <translation>Une première ligne « Offre : titre (2026-12-01 → 2026-12-24) » ou « Événement : titre (2026-12-12 14:00 → 17:00) » fait une offre ou un événement ; une offre peut ajouter des lignes « Code : … » et « Conditions : … » et s’utilise au lien ; tout autre texte est une « Nouveauté ».</translation>
    </message>
    <message>
      <source>The Google post's first lines cannot be read: {why}</source>
      <translation>Les premières lignes de la publication Google sont illisibles : {why}</translation>
    </message>
    <message>
      <source>a time does not exist.</source>
      <translation>une heure n’existe pas.</translation>
    </message>
    <message>
      <source>a date does not exist.</source>
      <translation>une date n'existe pas.</translation>
    </message>
    <message>
      <source>the title is missing.</source>
      <translation>le titre manque.</translation>
    </message>
    <message>
      <source>the title is longer than {n} characters.</source>
      <translation>le titre dépasse {n} caractères.</translation>
    </message>
    <message>
      <source>give both a start time and an end time, or neither.</source>
      <translation>donnez une heure de début et une heure de fin, ou aucune.</translation>
    </message>
    <message>
      <source>it ends before it starts.</source>
      <translation>la fin précède le début.</translation>
    </message>
    <message>
      <source>a code or terms go only with an offer.</source>
      <translation>un code ou des conditions ne vont qu’avec une offre.</translation>
    </message>
    <message>
      <source>the code is empty or longer than {n} characters.</source>
      <translation>le code est vide ou dépasse {n} caractères.</translation>
    </message>
    <message>
      <source>the terms are longer than {n} characters.</source>
      <translation>les conditions dépassent {n} caractères.</translation>
    </message>
    <message>
      <source>Google redeems an offer at a web address: the link “{link}” is not one.</source>
      <translation>Google fait utiliser une offre à une adresse web : le lien « {link} » n’en est pas une.</translation>
    </message>
    <message>
      <source>A Google post takes one photo; not sent.</source>
      <translation>Une publication Google accepte une seule photo ; non envoyée.</translation>
    </message>
    <message>
      <source>Google only takes a photo at a public https address, not a file from this computer: not sent. Give the photo with “Add by address…” in the post.</source>
      <translation>Google ne prend une photo qu’à une adresse https publique, pas un fichier de cet ordinateur : non envoyée. Donnez la photo avec « Ajouter par adresse… » dans la publication.</translation>
    </message>
  </context>
  <context>
    <name>CsvMappingDialog</name>
    <message>
      <source>Columns of the CSV file</source>
      <translation>Colonnes du fichier CSV</translation>
    </message>
    <message>
      <source>Tribune does not know this file's layout. Say which column holds what; the choice is kept for this client and the next file with the same columns.</source>
      <translation>Tribune ne connaît pas la disposition de ce fichier. Indiquez quelle colonne contient quoi ; le choix est gardé pour ce client et le prochain fichier aux mêmes colonnes.</translation>
    </message>
    <message>
      <source>Date (and time)</source>
      <translation>Date (et heure)</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <source>Networks</source>
      <translation>Réseaux</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texte</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Lien</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(aucune)</translation>
    </message>
    <message>
      <source>Publish on (when no column says)</source>
      <translation>Publier sur (si aucune colonne ne le dit)</translation>
    </message>
  </context>
  <context>
    <name>EditorSaving</name>
    <message>
      <source>Saving…</source>
      <translation>Enregistrement…</translation>
    </message>
    <message>
      <source>The database does not answer: not saved yet.</source>
      <translation>La base de données ne répond pas : pas encore enregistré.</translation>
    </message>
    <message>
      <source>Their version is shown; yours was not saved.</source>
      <translation>Leur version est affichée ; la vôtre n'a pas été enregistrée.</translation>
    </message>
    <message>
      <source>Draft saved at {time}</source>
      <translation>Brouillon enregistré à {time}</translation>
    </message>
  </context>
  <context>
    <name>FilterMenu</name>
    <message>
      <source>Networks</source>
      <translation>Réseaux</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
  </context>
  <context>
    <name>FindingsList</name>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <source>Click: show the post · Enter: open it</source>
      <translation>Clic : montrer la publication · Entrée : l'ouvrir</translation>
    </message>
    <message>
      <source>Click: show the day · Enter: open its week</source>
      <translation>Clic : montrer le jour · Entrée : ouvrir sa semaine</translation>
    </message>
  </context>
  <context>
    <name>Ical</name>
    <message>
      <source>the file written is incomplete</source>
      <translation>le fichier écrit est incomplet</translation>
    </message>
    <message>
      <source>the event has no UID</source>
      <translation>l'événement n'a pas d'UID</translation>
    </message>
    <message>
      <source>the event has no start (DTSTART)</source>
      <translation>l'événement n'a pas de début (DTSTART)</translation>
    </message>
    <message>
      <source>the start (DTSTART) is not a valid date</source>
      <translation>le début (DTSTART) n'est pas une date valide</translation>
    </message>
    <message>
      <source>unknown time zone « {tzid} »</source>
      <translation>fuseau horaire inconnu « {tzid} »</translation>
    </message>
    <message>
      <source>unknown network {network}</source>
      <translation>réseau inconnu {network}</translation>
    </message>
    <message>
      <source>no network: the client has no network account to post to</source>
      <translation>aucun réseau : le client n'a aucun compte où publier</translation>
    </message>
    <message>
      <source>Time zone « {name} » read as {iana}.</source>
      <translation>Fuseau horaire « {name} » lu comme {iana}.</translation>
    </message>
    <message>
      <source>This is not an iCalendar file: {reason}</source>
      <translation>Ce n'est pas un fichier iCalendar : {reason}</translation>
    </message>
    <message>
      <source>This is not an iCalendar file: no VCALENDAR found.</source>
      <translation>Ce n'est pas un fichier iCalendar : aucun VCALENDAR trouvé.</translation>
    </message>
    <message>
      <source>This file holds {todos} task(s) (VTODO) and {journals} journal entry(ies) (VJOURNAL), not events (VEVENT): Tribune imports events only.</source>
      <translation>Ce fichier contient {todos} tâche(s) (VTODO) et {journals} entrée(s) de journal (VJOURNAL), pas d'événements (VEVENT) : Tribune n'importe que des événements.</translation>
    </message>
    <message>
      <source>This calendar holds no event (VEVENT): nothing to import.</source>
      <translation>Ce calendrier ne contient aucun événement (VEVENT) : rien à importer.</translation>
    </message>
    <message>
      <source>{todos} task(s) (VTODO) and {journals} journal entry(ies) (VJOURNAL) ignored: Tribune imports events only.</source>
      <translation>{todos} tâche(s) (VTODO) et {journals} entrée(s) de journal (VJOURNAL) ignorées : Tribune n'importe que des événements.</translation>
    </message>
    <message>
      <source>{series} recurring event(s) expanded over 12 months from today or from their first occurrence if later ({begin} to {end}).</source>
      <translation>{series} événement(s) récurrent(s) développé(s) sur 12 mois à partir d'aujourd'hui, ou de leur première occurrence si elle est plus tardive (du {begin} au {end}).</translation>
    </message>
    <message>
      <source>UID {uid}: only the first {count} occurrences were taken.</source>
      <translation>UID {uid} : seules les {count} premières occurrences ont été prises.</translation>
    </message>
    <message>
      <source>{count} cancelled event(s) or occurrence(s) not imported.</source>
      <translation>{count} événement(s) ou occurrence(s) annulé(s) non importé(s).</translation>
    </message>
    <message>
      <source>{count} event(s) without UID: each was given one from its start and title.</source>
      <translation>{count} événement(s) sans UID : chacun en a reçu un, tiré de son début et de son titre.</translation>
    </message>
    <message>
      <source>the UID is longer than 255 characters</source>
      <translation>l'UID dépasse 255 caractères</translation>
    </message>
    <message>
      <source>event {n} (no UID)</source>
      <translation>événement {n} (sans UID)</translation>
    </message>
    <message>
      <source>event {n}, UID {uid}</source>
      <translation>événement {n}, UID {uid}</translation>
    </message>
    <message>
      <source>{where}: {name} « {value} » unreadable, ignored</source>
      <translation>{where} : {name} « {value} » illisible, ignoré</translation>
    </message>
    <message>
      <source>the rule repeats too often since {start} to be read</source>
      <translation>la règle se répète trop souvent depuis le {start} pour être lue</translation>
    </message>
    <message>
      <source>the recurrence cannot be read: {reason}</source>
      <translation>la récurrence est illisible : {reason}</translation>
    </message>
    <message>
      <source>{where}: no occurrence from {begin} to {end}, nothing imported.</source>
      <translation>{where} : aucune occurrence du {begin} au {end}, rien d'importé.</translation>
    </message>
    <message>
      <source>This is not an iCalendar file: it is not text.</source>
      <translation>Ce n'est pas un fichier iCalendar : ce n'est pas du texte.</translation>
    </message>
    <message>
      <source>The file is not valid UTF-8: line(s) {lines} were read as {encoding}.</source>
      <translation>Le fichier n'est pas en UTF-8 valide : la ou les lignes {lines} ont été lues en {encoding}.</translation>
    </message>
    <message>
      <source>The file is not UTF-8: it was read as {encoding}.</source>
      <translation>Le fichier n'est pas en UTF-8 : il a été lu en {encoding}.</translation>
    </message>
  </context>
  <context>
    <name>Keydates</name>
    <message>
      <source>The key dates file {path} is unreadable: {reason}</source>
      <translation>Le fichier des temps forts {path} est illisible : {reason}</translation>
    </message>
  </context>
  <context>
    <name>MediaAddress</name>
    <message>
      <source>Address refused: {why}</source>
      <translation>Adresse refusée : {why}</translation>
    </message>
    <message>
      <source>it is empty.</source>
      <translation>elle est vide.</translation>
    </message>
    <message>
      <source>it is not a web address.</source>
      <translation>ce n’est pas une adresse web.</translation>
    </message>
    <message>
      <source>only https addresses are taken.</source>
      <translation>seules les adresses https sont acceptées.</translation>
    </message>
    <message>
      <source>it leads to an address that is not https.</source>
      <translation>elle mène à une adresse qui n’est pas en https.</translation>
    </message>
    <message>
      <source>it points to a private network ({address}): the networks fetch pictures from the internet and could not reach it.</source>
      <translation>elle mène à un réseau privé ({address}) : les réseaux vont chercher les images sur internet et ne pourraient pas l’atteindre.</translation>
    </message>
    <message>
      <source>the server answered {status}.</source>
      <translation>le serveur a répondu {status}.</translation>
    </message>
    <message>
      <source>it is not a picture or a video ({type}).</source>
      <translation>ce n’est ni une image ni une vidéo ({type}).</translation>
    </message>
    <message>
      <source>{size} MB, more than the {limit} MB allowed.</source>
      <translation>{size} Mo, plus que les {limit} Mo permis.</translation>
    </message>
    <message>
      <source>too many redirects.</source>
      <translation>trop de redirections.</translation>
    </message>
    <message>
      <source>the server could not be reached.</source>
      <translation>le serveur est injoignable.</translation>
    </message>
    <message>
      <source>more than the {limit} MB allowed.</source>
      <translation>plus que les {limit} Mo permis.</translation>
    </message>
    <message>
      <source>Address refused: too many redirects.</source>
      <translation>Adresse refusée : trop de redirections.</translation>
    </message>
    <message>
      <source>The picture at {host} could not be fetched.</source>
      <translation>L’image sur {host} n’a pas pu être téléchargée.</translation>
    </message>
  </context>
  <context>
    <name>MediaAlt</name>
    <message>
      <source>A description of at most {limit} characters, not {count}.</source>
      <translation>Une description de {limit} caractères au plus, pas {count}.</translation>
    </message>
    <message>
      <source>No such photo or video for this client.</source>
      <translation>Cette photo ou vidéo n’existe pas pour ce client.</translation>
    </message>
    <message>
      <source>{network}: not sent by Tribune</source>
      <translation>{network} : non envoyée par Tribune</translation>
    </message>
    <message>
      <source>{network}: not sent with a video</source>
      <translation>{network} : non envoyée avec une vidéo</translation>
    </message>
    <message>
      <source>{network}: {limit} characters</source>
      <translation>{network} : {limit} caractères</translation>
    </message>
    <message>
      <source>{network}: no limit given</source>
      <translation>{network} : pas de limite indiquée</translation>
    </message>
    <message>
      <source>{network}: the description of {name} is cut at {limit} characters</source>
      <translation>{network} : la description de {name} est coupée à {limit} caractères</translation>
    </message>
    <message numerus="yes">
      <source>Accessibility: %Ln photo(s) or video(s) without a description (alt text): {names}</source>
      <translation>
        <numerusform>Accessibilité : %Ln photo ou vidéo sans description (texte alternatif) : {names}</numerusform>
        <numerusform>Accessibilité : %Ln photos ou vidéos sans description (texte alternatif) : {names}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MediaGuard</name>
    <message>
      <source>Media « {name} » refused: {why}</source>
      <translation>Média « {name} » refusé : {why}</translation>
    </message>
    <message>
      <source>an absolute path; name a file beside the CSV</source>
      <translation>chemin absolu ; nommez un fichier à côté du CSV</translation>
    </message>
    <message>
      <source>it leaves the CSV's folder</source>
      <translation>il sort du dossier du CSV</translation>
    </message>
    <message>
      <source>file not found</source>
      <translation>fichier introuvable</translation>
    </message>
    <message>
      <source>unreadable</source>
      <translation>illisible</translation>
    </message>
    <message>
      <source>it leads outside the CSV's folder</source>
      <translation>il mène hors du dossier du CSV</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <translation>ce n'est pas un fichier ordinaire</translation>
    </message>
    <message>
      <source>larger than {mb} MB</source>
      <translation>plus de {mb} Mo</translation>
    </message>
    <message>
      <source>its content is not the picture or video its name says</source>
      <translation>son contenu n'est pas l'image ou la vidéo que son nom annonce</translation>
    </message>
  </context>
  <context>
    <name>MonthView</name>
    <message>
      <source>+{count} more</source>
      <translation>+{count} autres</translation>
    </message>
  </context>
  <context>
    <name>PostEditor</name>
    <message>
      <source>New post</source>
      <translation>Nouvelle publication</translation>
    </message>
    <message>
      <source>Edit post</source>
      <translation>Modifier la publication</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>Toute la journée</translation>
    </message>
    <message>
      <source>The client's best time to post, from the engagement of past posts</source>
      <translation>Le meilleur moment pour publier pour ce client, d’après l’engagement des publications passées</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Prévue le</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
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
      <source>Networks</source>
      <translation>Réseaux</translation>
    </message>
    <message>
      <source>Internal notes (never published)</source>
      <translation>Notes internes (jamais publiées)</translation>
    </message>
    <message>
      <source>Published: shown as it went out, read only.</source>
      <translation>Publiée : affichée telle qu'elle est partie, en lecture seule.</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <source>★ Best time: {when}</source>
      <translation>★ Meilleur moment : {when}</translation>
    </message>
    <message>
      <source>Wait until the media are copied in.</source>
      <translation>Attendez que les médias soient copiés.</translation>
    </message>
    <message>
      <source>Choose at least one network.</source>
      <translation>Choisissez au moins un réseau.</translation>
    </message>
    <message>
      <source>Cannot be scheduled as it is:</source>
      <translation>Impossible de programmer en l'état :</translation>
    </message>
    <message>
      <source>Before scheduling:</source>
      <translation>Avant de programmer :</translation>
    </message>
  </context>
  <context>
    <name>PostListModel</name>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Networks</source>
      <translation>Réseaux</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texte</translation>
    </message>
  </context>
  <context>
    <name>Posts</name>
    <message>
      <source>Idea</source>
      <translation>Idée</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <source>In review</source>
      <translation>En validation</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Validée</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>Programmée</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Publiée</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Unknown client #{id}.</source>
      <translation>Client inconnu n° {id}.</translation>
    </message>
    <message>
      <source>A planned time needs a time zone.</source>
      <translation>Une heure prévue doit avoir un fuseau horaire.</translation>
    </message>
    <message>
      <source>This post no longer exists.</source>
      <translation>Cette publication n'existe plus.</translation>
    </message>
    <message>
      <source>Choose at least one network.</source>
      <translation>Choisissez au moins un réseau.</translation>
    </message>
    <message>
      <source>Unknown network: {network}</source>
      <translation>Réseau inconnu : {network}</translation>
    </message>
    <message>
      <source>The network {network} is listed twice.</source>
      <translation>Le réseau {network} est indiqué deux fois.</translation>
    </message>
    <message>
      <source>The {network} version is already published.</source>
      <translation>La version {network} est déjà publiée.</translation>
    </message>
    <message>
      <source>A new post starts as an idea or a draft.</source>
      <translation>Une nouvelle publication commence comme idée ou brouillon.</translation>
    </message>
    <message>
      <source>Changed after approval: to be approved again.</source>
      <translation>Modifiée après validation : à faire valider de nouveau.</translation>
    </message>
    <message>
      <source>A published post cannot be moved.</source>
      <translation>Une publication déjà publiée ne peut pas être déplacée.</translation>
    </message>
    <message>
      <source>Someone else moved this post since: undo skipped, their change is kept.</source>
      <translation>Quelqu'un d'autre a déplacé cette publication depuis : annulation ignorée, sa modification est conservée.</translation>
    </message>
    <message>
      <source>{network}: nothing to publish.</source>
      <translation>{network} : rien à publier.</translation>
    </message>
    <message>
      <source>Unknown status: {status}</source>
      <translation>Statut inconnu : {status}</translation>
    </message>
    <message>
      <source>A post cannot go from « {old} » to « {new} ».</source>
      <translation>Une publication ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
      <source>Fix this before scheduling: {problems}</source>
      <translation>À corriger avant de programmer : {problems}</translation>
    </message>
    <message>
      <source>this post</source>
      <translation>cette publication</translation>
    </message>
    <message>
      <source>{who} changed this post since: undo skipped, their change is kept.</source>
      <translation>{who} a modifié cette publication depuis : annulation ignorée, sa modification est conservée.</translation>
    </message>
    <message>
      <source>Someone else</source>
      <translation>Quelqu'un d'autre</translation>
    </message>
    <message>
      <source>{who} described this picture again since: undo skipped, their words are kept.</source>
      <translation>{who} a décrit à nouveau cette image depuis : annulation ignorée, sa description est conservée.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>Toute la journée</translation>
    </message>
    <message>
      <source>Planned time</source>
      <translation>Heure prévue</translation>
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
    <name>PostsApproval</name>
    <message>
      <source>Client approved</source>
      <translation>Validée par le client</translation>
    </message>
    <message>
      <source>Client rejected: {comment}</source>
      <translation>Refusée par le client : {comment}</translation>
    </message>
    <message>
      <source>someone</source>
      <translation>quelqu'un</translation>
    </message>
    <message>
      <source>« {title} » was changed by {who} at {time} after the client saw it: put it before the client again.</source>
      <translation>« {title} » a été modifiée par {who} à {time} après que le client l'a vue : soumettez-la de nouveau au client.</translation>
    </message>
    <message>
      <source>This post is already scheduled or published.</source>
      <translation>Cette publication est déjà programmée ou publiée.</translation>
    </message>
    <message>
      <source>Say why the post is rejected (a comment is needed).</source>
      <translation>Dites pourquoi la publication est refusée (un commentaire est nécessaire).</translation>
    </message>
  </context>
  <context>
    <name>PostsCounters</name>
    <message>
      <source>{network}: {used} / {limit} characters</source>
      <translation>{network} : {used} / {limit} caractères</translation>
    </message>
    <message>
      <source>{network}: {count} hashtags (at most {limit})</source>
      <translation>{network} : {count} hashtags (au plus {limit})</translation>
    </message>
    <message>
      <source>{network}: {count} files (at most {limit})</source>
      <translation>{network} : {count} fichiers (au plus {limit})</translation>
    </message>
    <message>
      <source>Instagram fetches images from a web address: post {name} from the app.</source>
      <translation>Instagram récupère les images depuis une adresse web : publiez {name} depuis l’application.</translation>
    </message>
    <message>
      <source>Instagram: Tribune sends one file per post.</source>
      <translation>Instagram : Tribune envoie un seul fichier par publication.</translation>
    </message>
    <message>
      <source>{network} only takes a photo at a public https address: remove {name} and use “Add by address…”.</source>
      <translation>{network} ne prend une photo qu’à une adresse https publique : retirez {name} et utilisez « Ajouter par adresse… ».</translation>
    </message>
    <message>
      <source>{network}: the video {name} must go alone</source>
      <translation>{network} : la vidéo {name} doit être seule</translation>
    </message>
    <message>
      <source>{network}: {name} is {size} MB (at most {limit} MB)</source>
      <translation>{network} : {name} pèse {size} Mo (au plus {limit} Mo)</translation>
    </message>
  </context>
  <context>
    <name>PostsCsv</name>
    <message>
      <source>The CSV file is empty.</source>
      <translation>Le fichier CSV est vide.</translation>
    </message>
    <message>
      <source>The column mapping saved for this client was used.</source>
      <translation>La correspondance de colonnes enregistrée pour ce client a été utilisée.</translation>
    </message>
    <message>
      <source>This {source} file does not say on which networks to publish: choose them (--networks facebook,instagram).</source>
      <translation>Ce fichier {source} ne dit pas sur quels réseaux publier : choisissez-les (--networks facebook,instagram).</translation>
    </message>
    <message>
      <source>as asked</source>
      <translation>comme demandé</translation>
    </message>
    <message>
      <source>{source}, {csv}, dates {dates}</source>
      <translation>{source}, {csv}, dates {dates}</translation>
    </message>
    <message>
      <source>invalid date « {value} » (expected YYYY-MM-DD)</source>
      <translation>date invalide « {value} » (attendu : AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>invalid time « {value} » (expected HH:MM)</source>
      <translation>heure invalide « {value} » (attendu : HH:MM)</translation>
    </message>
    <message>
      <source>no network</source>
      <translation>aucun réseau</translation>
    </message>
    <message>
      <source>unknown network « {network} »</source>
      <translation>réseau inconnu « {network} »</translation>
    </message>
    <message>
      <source>empty text</source>
      <translation>texte vide</translation>
    </message>
    <message>
      <source>the file written is incomplete</source>
      <translation>le fichier écrit est incomplet</translation>
    </message>
    <message>
      <source>The mapping names columns the file does not have: {missing}. Columns found: {found}.</source>
      <translation>La correspondance nomme des colonnes absentes du fichier : {missing}. Colonnes trouvées : {found}.</translation>
    </message>
    <message>
      <source>The mapping needs at least « date » and « text ».</source>
      <translation>La correspondance doit donner au moins « date » et « text ».</translation>
    </message>
    <message>
      <source>column mapping</source>
      <translation>correspondance de colonnes</translation>
    </message>
    <message>
      <source>Unknown CSV layout (missing columns for Tribune's: {missing}). Columns found: {found}. Layouts known: {known}. Another layout imports with a column mapping (--map "text=…,date=…,networks=…").</source>
      <translation>Disposition CSV inconnue (colonnes manquantes pour celle de Tribune : {missing}). Colonnes trouvées : {found}. Dispositions connues : {known}. Une autre disposition s'importe avec une correspondance de colonnes (--map "text=…,date=…,networks=…").</translation>
    </message>
    <message>
      <source>Media to attach (web addresses): {urls}</source>
      <translation>Médias à joindre (adresses web) : {urls}</translation>
    </message>
  </context>
  <context>
    <name>PostsMedia</name>
    <message>
      <source>File not found: {path}</source>
      <translation>Fichier introuvable : {path}</translation>
    </message>
    <message>
      <source>{name}: only images (JPEG, PNG, GIF, WebP) and videos (MP4, MOV).</source>
      <translation>{name} : uniquement des images (JPEG, PNG, GIF, WebP) et des vidéos (MP4, MOV).</translation>
    </message>
    <message>
      <source>The file {name} is missing: attach it again.</source>
      <translation>Le fichier {name} est introuvable : joignez-le de nouveau.</translation>
    </message>
  </context>
  <context>
    <name>QueueDialog</name>
    <message>
      <source>Publishing queue</source>
      <translation>File de publication</translation>
    </message>
    <message>
      <source>Scheduled posts wait here and are published when Tribune is online; each network version is sent once.</source>
      <translation>Les publications programmées attendent ici et partent quand Tribune est en ligne ; chaque version par réseau n'est envoyée qu'une fois.</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <source>Waiting</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>Envoi en cours</translation>
    </message>
    <message>
      <source>Failed, will retry</source>
      <translation>Échec, nouvel essai prévu</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Essais</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>Publication</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Dernière erreur</translation>
    </message>
  </context>
  <context>
    <name>VariantTab</name>
    <message>
      <source>What will this network show?</source>
      <translation>Que verra-t-on sur ce réseau ?</translation>
    </message>
    <message>
      <source>Add media…</source>
      <translation>Ajouter un média…</translation>
    </message>
    <message>
      <source>Add by address…</source>
      <translation>Ajouter par adresse…</translation>
    </message>
    <message>
      <source>Attach an image or video published at a public https address</source>
      <translation>Joindre une image ou une vidéo publiée à une adresse https publique</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Take the selected file or picture off this network's post</source>
      <translation>Retirer de la publication de ce réseau le fichier ou l’image sélectionné</translation>
    </message>
    <message>
      <source>Describe…</source>
      <translation>Décrire…</translation>
    </message>
    <message>
      <source>Describe the selected photo or video for people who cannot see it (alt text)</source>
      <translation>Décrire la photo ou la vidéo choisie pour les personnes qui ne la voient pas (texte alternatif)</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Lien</translation>
    </message>
    <message>
      <source>First comment</source>
      <translation>Premier commentaire</translation>
    </message>
    <message>
      <source>Media</source>
      <translation>Médias</translation>
    </message>
    <message>
      <source>Instance limit</source>
      <translation>Limite de l'instance</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Aperçu</translation>
    </message>
    <message>
      <source>Attach media</source>
      <translation>Joindre des médias</translation>
    </message>
    <message>
      <source>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov)</source>
      <translation>Images et vidéos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov)</translation>
    </message>
    <message>
      <source>Add by address</source>
      <translation>Ajouter par adresse</translation>
    </message>
    <message>
      <source>Public https address of the image or video:</source>
      <translation>Adresse https publique de l’image ou de la vidéo :</translation>
    </message>
    <message>
      <source>{name} — checking…</source>
      <translation>{name} — vérification…</translation>
    </message>
    <message>
      <source>At {host}</source>
      <translation>Sur {host}</translation>
    </message>
    <message>
      <source>{network} gets no description from Tribune.</source>
      <translation>Tribune n’envoie pas de description à {network}.</translation>
    </message>
    <message>
      <source>{network} takes no description for a video: it goes out without.</source>
      <translation>{network} ne prend pas de description pour une vidéo : elle part sans.</translation>
    </message>
    <message>
      <source>Description: {text}</source>
      <translation>Description : {text}</translation>
    </message>
    <message>
      <source>{name} — no description</source>
      <translation>{name} — sans description</translation>
    </message>
    <message>
      <source>No description yet: “Describe…” says what it shows.</source>
      <translation>Pas encore de description : « Décrire… » dit ce qu’elle montre.</translation>
    </message>
    <message>
      <source>{name} — copying…</source>
      <translation>{name} — copie en cours…</translation>
    </message>
    <message>
      <source> · {count} / {limit} hashtags</source>
      <translation> · {count} / {limit} hashtags</translation>
    </message>
    <message>
      <source>{used} / {limit}</source>
      <translation>{used} / {limit}</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
  </context>
  <context>
    <name>WeekView</name>
    <message>
      <source>★ best time</source>
      <translation>★ meilleur moment</translation>
    </message>
    <message numerus="yes">
      <source>%Ln all-day post(s)</source>
      <translation>
        <numerusform>%Ln publication sur la journée</numerusform>
        <numerusform>%Ln publications sur la journée</numerusform>
      </translation>
    </message>
  </context>
</TS>