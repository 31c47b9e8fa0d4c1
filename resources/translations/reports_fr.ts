<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>BestTimesBox</name>
    <message>
      <source>Best times to post:</source>
      <translation>Meilleurs moments pour publier :</translation>
    </message>
    <message>
      <source>{engagements} engagements per post on average; from {posts} posts published since {start}. The calendar suggests these times when you plan a post.</source>
      <translation>{engagements} engagements par publication en moyenne, sur {posts} publications depuis le {start}. Le calendrier propose ces moments quand vous planifiez une publication.</translation>
    </message>
    <message>
      <source>Not enough published posts with metrics yet: a time is suggested once {n} posts went out on the same weekday and hour.</source>
      <translation>Pas encore assez de publications mesurées : un moment est proposé dès que {n} publications sont parties le même jour de la semaine à la même heure.</translation>
    </message>
  </context>
  <context>
    <name>ChartPanel</name>
    <message>
      <source>Copy the chart as an image</source>
      <translation>Copier le graphique comme image</translation>
    </message>
    <message>
      <source>Save as PNG or SVG…</source>
      <translation>Enregistrer en PNG ou SVG…</translation>
    </message>
    <message>
      <source>Export the chart's data (CSV)…</source>
      <translation>Exporter les données du graphique (CSV)…</translation>
    </message>
    <message>
      <source>Copy, save or export this chart</source>
      <translation>Copier, enregistrer ou exporter ce graphique</translation>
    </message>
    <message>
      <source>Chart actions</source>
      <translation>Actions du graphique</translation>
    </message>
    <message>
      <source>Save the chart</source>
      <translation>Enregistrer le graphique</translation>
    </message>
    <message>
      <source>PNG image (*.png);;SVG image (*.svg)</source>
      <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
      <source>Export the chart's data</source>
      <translation>Exporter les données du graphique</translation>
    </message>
    <message>
      <source>CSV file (*.csv)</source>
      <translation>Fichier CSV (*.csv)</translation>
    </message>
  </context>
  <context>
    <name>Charts</name>
    <message>
      <source>Audience per network</source>
      <translation>Audience par réseau</translation>
    </message>
    <message>
      <source>Engagement rate</source>
      <translation>Taux d’engagement</translation>
    </message>
    <message>
      <source>Posts per week against the charter</source>
      <translation>Publications par semaine face à la charte</translation>
    </message>
    <message>
      <source>First answers within the charter's delay</source>
      <translation>Premières réponses dans le délai de la charte</translation>
    </message>
    <message>
      <source>Inbox volume</source>
      <translation>Volume de messages</translation>
    </message>
    <message>
      <source>Escalations opened and resolved</source>
      <translation>Escalades ouvertes et résolues</translation>
    </message>
    <message>
      <source>Best times: engagement by weekday and hour</source>
      <translation>Meilleurs moments : engagement par jour et par heure</translation>
    </message>
    <message>
      <source>Top and bottom posts</source>
      <translation>Meilleures et moins bonnes publications</translation>
    </message>
    <message>
      <source>Objectives: target and actual</source>
      <translation>Objectifs : cible et réalisé</translation>
    </message>
    <message>
      <source>Competitors beside your accounts</source>
      <translation>Concurrents face à vos comptes</translation>
    </message>
    <message>
      <source>Google reviews: rating and answers</source>
      <translation>Avis Google : note et réponses</translation>
    </message>
    <message>
      <source>+{gain} followers, flat engagement</source>
      <translation>+{gain} abonnés, engagement stable</translation>
    </message>
    <message>
      <source>All networks, previous period</source>
      <translation>Tous réseaux, période précédente</translation>
    </message>
    <message>
      <source>Charter range (shaded)</source>
      <translation>Fourchette de la charte (zone claire)</translation>
    </message>
    <message>
      <source>No posting range in the charter</source>
      <translation>Pas de fréquence de publication dans la charte</translation>
    </message>
    <message>
      <source>week partly outside the period</source>
      <translation>semaine en partie hors de la période</translation>
    </message>
    <message>
      <source>No inbox data yet</source>
      <translation>Pas encore de données de messagerie</translation>
    </message>
    <message>
      <source>{category} (within {hours} h)</source>
      <translation>{category} (sous {hours} h)</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>Réclamations</translation>
    </message>
    <message>
      <source>Praise</source>
      <translation>Compliments</translation>
    </message>
    <message>
      <source>Suggestions</source>
      <translation>Suggestions</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Demandes</translation>
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
      <translation>Autres</translation>
    </message>
    <message>
      <source>Messages by category</source>
      <translation>Messages par catégorie</translation>
    </message>
    <message>
      <source>Messages by network</source>
      <translation>Messages par réseau</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Ouvertes</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>Résolues</translation>
    </message>
    <message>
      <source>Engagement on posts</source>
      <translation>Engagement sur les publications</translation>
    </message>
    <message>
      <source>Community messages</source>
      <translation>Messages de la communauté</translation>
    </message>
    <message>
      <source>Engagements (reactions, comments, shares, clicks)</source>
      <translation>Engagements (réactions, commentaires, partages, clics)</translation>
    </message>
    <message>
      <source>No objectives in the charter yet</source>
      <translation>Pas encore d’objectifs dans la charte</translation>
    </message>
    <message>
      <source>target</source>
      <translation>cible</translation>
    </message>
    <message>
      <source>No data for this period</source>
      <translation>Aucune donnée pour cette période</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>Impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
      <source>No competitor sampled yet: add competitors' accounts in Listening › Streams.</source>
      <translation>Aucun concurrent relevé pour l'instant : ajoutez leurs comptes dans Veille › Flux.</translation>
    </message>
    <message>
      <source>Followers</source>
      <translation>Abonnés</translation>
    </message>
    <message>
      <source>Engagement per post</source>
      <translation>Engagement par publication</translation>
    </message>
    <message>
      <source>Your accounts</source>
      <translation>Vos comptes</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>Concurrents</translation>
    </message>
    <message>
      <source>reviews this period: {n}</source>
      <translation>avis sur la période : {n}</translation>
    </message>
    <message>
      <source>average {rating} / 5</source>
      <translation>moyenne {rating} / 5</translation>
    </message>
    <message>
      <source>median answer {delay}</source>
      <translation>réponse médiane {delay}</translation>
    </message>
    <message>
      <source>No Google review in the last twelve months.</source>
      <translation>Aucun avis Google ces douze derniers mois.</translation>
    </message>
    <message>
      <source>Reviews</source>
      <translation>Avis</translation>
    </message>
    <message>
      <source>Average rating</source>
      <translation>Note moyenne</translation>
    </message>
    <message>
      <source>This period's answers</source>
      <translation>Réponses de la période</translation>
    </message>
    <message>
      <source>No review this period</source>
      <translation>Aucun avis sur la période</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Répondus</translation>
    </message>
    <message>
      <source>Within {delay}</source>
      <translation>En moins de {delay}</translation>
    </message>
    <message>
      <source>reviews: {n}</source>
      <translation>avis : {n}</translation>
    </message>
    <message>
      <source>{account}: views (total)</source>
      <translation>{account} : vues (total)</translation>
    </message>
    <message>
      <source>Views (total)</source>
      <translation>Vues (total)</translation>
    </message>
  </context>
  <context>
    <name>ChartsArea</name>
    <message>
      <source>Import CSV…</source>
      <translation>Importer un CSV…</translation>
    </message>
    <message>
      <source>Import metrics: Tribune's CSV format or a Meta Business Suite export</source>
      <translation>Importer des statistiques : format CSV de Tribune ou export Meta Business Suite</translation>
    </message>
    <message>
      <source>Monthly report…</source>
      <translation>Rapport mensuel…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>The charts could not be loaded.</source>
      <translation>Les graphiques n’ont pas pu être chargés.</translation>
    </message>
    <message>
      <source>No metrics for this period: connect the accounts or import a CSV export.</source>
      <translation>Aucune statistique pour cette période : connectez les comptes ou importez un export CSV.</translation>
    </message>
    <message>
      <source>Charts updated</source>
      <translation>Graphiques mis à jour</translation>
    </message>
    <message>
      <source>Suspicious follower jump on {account}: +{gain} followers on {day} while engagement stayed flat (×{lift}). Bought or fake followers?</source>
      <translation>Hausse d’abonnés suspecte sur {account} : +{gain} abonnés le {day} alors que l’engagement est resté stable (×{lift}). Abonnés achetés ou faux comptes ?</translation>
    </message>
  </context>
  <context>
    <name>ChartsEmptyState</name>
    <message>
      <source>No data yet for this client</source>
      <translation>Pas encore de données pour ce client</translation>
    </message>
    <message>
      <source>Connect an account or import metrics: the key figures and charts fill in as soon as there is something to count.</source>
      <translation>Connectez un compte ou importez des statistiques : les chiffres clés et les graphiques se remplissent dès qu’il y a quelque chose à compter.</translation>
    </message>
    <message>
      <source>Import metrics…</source>
      <translation>Importer des statistiques…</translation>
    </message>
    <message>
      <source>Connect an account…</source>
      <translation>Connecter un compte…</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>write a client's monthly report as a PDF</source>
      <translation>écrire le rapport mensuel d’un client en PDF</translation>
    </message>
    <message>
      <source>the team activity page (default: when several people worked)</source>
      <translation>la page d’activité de l’équipe (par défaut : quand plusieurs personnes ont travaillé)</translation>
    </message>
    <message>
      <source>language of the report (default: the client's)</source>
      <translation>langue du rapport (par défaut : celle du client)</translation>
    </message>
    <message>
      <source>network metrics</source>
      <translation>statistiques des réseaux</translation>
    </message>
    <message>
      <source>import a metrics CSV (Tribune's format or a Meta Business Suite export)</source>
      <translation>importer des statistiques en CSV (format Tribune ou export Meta Business Suite)</translation>
    </message>
    <message>
      <source>the account (id or handle) for exports that do not name it</source>
      <translation>le compte (identifiant ou nom) pour les exports qui ne l’indiquent pas</translation>
    </message>
    <message>
      <source>read slashed dates as day/month/year (03/04 = 3 April)</source>
      <translation>lire les dates à barres obliques en jour/mois/année (03/04 = 3 avril)</translation>
    </message>
    <message>
      <source>read slashed dates as month/day/year (03/04 = 4 March)</source>
      <translation>lire les dates à barres obliques en mois/jour/année (03/04 = 4 mars)</translation>
    </message>
    <message>
      <source>say how the file reads (layout, separator, dates), import nothing</source>
      <translation>dire comment le fichier se lit (disposition, séparateur, dates), sans rien importer</translation>
    </message>
    <message>
      <source>Report written: {path} ({pages} pages)</source>
      <translation>Rapport écrit : {path} ({pages} pages)</translation>
    </message>
    <message>
      <source>Read as: {reading}; {rows} rows; nothing imported.</source>
      <translation>Lu comme : {reading} ; {rows} lignes ; rien n'a été importé.</translation>
    </message>
    <message>
      <source>Read as: {reading}</source>
      <translation>Lu comme : {reading}</translation>
    </message>
    <message>
      <source>{rows} rows imported ({layout}), {errors} rejected.</source>
      <translation>{rows} lignes importées ({layout}), {errors} refusées.</translation>
    </message>
    <message>
      <source>line {line}: {reason}</source>
      <translation>ligne {line} : {reason}</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message>
      <source>The end of the period is before its start.</source>
      <translation>La fin de la période précède son début.</translation>
    </message>
    <message>
      <source>A period can cover three years at most.</source>
      <translation>Une période couvre au plus trois ans.</translation>
    </message>
    <message>
      <source>Unknown period: {kind} (last28, week, month, quarter or custom).</source>
      <translation>Période inconnue : {kind} (last28, week, month, quarter ou custom).</translation>
    </message>
  </context>
  <context>
    <name>KeyFigures</name>
    <message>
      <source>Followers</source>
      <translation>Abonnés</translation>
    </message>
    <message>
      <source>New followers</source>
      <translation>Nouveaux abonnés</translation>
    </message>
    <message>
      <source>Impressions</source>
      <translation>Impressions</translation>
    </message>
    <message>
      <source>Engagements</source>
      <translation>Engagements</translation>
    </message>
    <message>
      <source>Engagement rate</source>
      <translation>Taux d’engagement</translation>
    </message>
    <message>
      <source>Clicks</source>
      <translation>Clics</translation>
    </message>
    <message>
      <source>Posts</source>
      <translation>Publications</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Messages</translation>
    </message>
    <message>
      <source>Answered in time</source>
      <translation>Réponses dans les délais</translation>
    </message>
    <message>
      <source>no comparison</source>
      <translation>pas de comparaison</translation>
    </message>
    <message>
      <source>{change} vs previous</source>
      <translation>{change} vs précédente</translation>
    </message>
  </context>
  <context>
    <name>Metrics</name>
    <message>
      <source>{name} must be a whole number, zero or more: {value}</source>
      <translation>{name} doit être un nombre entier positif ou nul : {value}</translation>
    </message>
    <message>
      <source>Unknown network account for this client: {ids}</source>
      <translation>Compte de réseau inconnu pour ce client : {ids}</translation>
    </message>
    <message>
      <source>A post sample needs its network and post id.</source>
      <translation>Une mesure de publication doit indiquer son réseau et l’identifiant de la publication.</translation>
    </message>
    <message>
      <source>{source} ({layout}), {csv}, dates {dates}</source>
      <translation>{source} ({layout}), {csv}, dates {dates}</translation>
    </message>
    <message>
      <source>not a whole number: "{value}"</source>
      <translation>pas un nombre entier : « {value} »</translation>
    </message>
    <message>
      <source>invalid date: "{value}"</source>
      <translation>date invalide : « {value} »</translation>
    </message>
    <message>
      <source>invalid publish time: "{value}"</source>
      <translation>heure de publication invalide : « {value} »</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>The CSV file is empty.</source>
      <translation>Le fichier CSV est vide.</translation>
    </message>
    <message>
      <source>day-first (as asked)</source>
      <translation>jour en premier (comme demandé)</translation>
    </message>
    <message>
      <source>month-first (as asked)</source>
      <translation>mois en premier (comme demandé)</translation>
    </message>
    <message>
      <source>This export does not name the account: choose it (--account).</source>
      <translation>Cet export n’indique pas le compte : choisissez-le (--account).</translation>
    </message>
    <message>
      <source>published_at needs a UTC offset</source>
      <translation>published_at doit indiquer un décalage UTC</translation>
    </message>
    <message>
      <source>the post id is empty</source>
      <translation>l’identifiant de la publication est vide</translation>
    </message>
    <message>
      <source>a spreadsheet turned the post id into a number (« {value} »): its digits are lost; import the export as Meta wrote it</source>
      <translation>un tableur a changé l'identifiant de la publication en nombre (« {value} ») : ses chiffres sont perdus ; importez l'export tel que Meta l'a écrit</translation>
    </message>
    <message>
      <source>missing column {name}</source>
      <translation>colonne {name} manquante</translation>
    </message>
    <message>
      <source>Unknown account for this client: {ref}</source>
      <translation>Compte inconnu pour ce client : {ref}</translation>
    </message>
    <message>
      <source>unknown account {ref}</source>
      <translation>compte inconnu {ref}</translation>
    </message>
    <message>
      <source>Unknown CSV layout. Columns found: {found}. Layouts known: {known}.</source>
      <translation>Disposition CSV inconnue. Colonnes trouvées : {found}. Dispositions connues : {known}.</translation>
    </message>
  </context>
  <context>
    <name>MetricsImport</name>
    <message>
      <source>Import metrics</source>
      <translation>Importer des statistiques</translation>
    </message>
    <message>
      <source>CSV file (*.csv)</source>
      <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
      <source>Account of this export:</source>
      <translation>Compte de cet export :</translation>
    </message>
    <message>
      <source>{rows} rows imported, {errors} rejected.</source>
      <translation>{rows} lignes importées, {errors} refusées.</translation>
    </message>
    <message>
      <source>Line {line}: {reason}</source>
      <translation>Ligne {line} : {reason}</translation>
    </message>
  </context>
  <context>
    <name>PeriodBar</name>
    <message>
      <source>Last 28 days</source>
      <translation>28 derniers jours</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Semaine</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mois</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Trimestre</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>Personnalisée</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Période précédente</translation>
    </message>
    <message>
      <source>Next period</source>
      <translation>Période suivante</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>Période :</translation>
    </message>
    <message>
      <source>Last 28 days ({range})</source>
      <translation>28 derniers jours ({range})</translation>
    </message>
    <message>
      <source>{range} (so far)</source>
      <translation>{range} (en cours)</translation>
    </message>
    <message>
      <source>Q{n} {year}</source>
      <translation>T{n} {year}</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>Followers (end of month)</source>
      <translation>Abonnés (fin du mois)</translation>
    </message>
    <message>
      <source>New followers</source>
      <translation>Nouveaux abonnés</translation>
    </message>
    <message>
      <source>Impressions</source>
      <translation>Impressions</translation>
    </message>
    <message>
      <source>Engagements</source>
      <translation>Engagements</translation>
    </message>
    <message>
      <source>Engagement rate</source>
      <translation>Taux d’engagement</translation>
    </message>
    <message>
      <source>Clicks</source>
      <translation>Clics</translation>
    </message>
    <message>
      <source>Posts published</source>
      <translation>Publications</translation>
    </message>
    <message>
      <source>Messages received</source>
      <translation>Messages reçus</translation>
    </message>
    <message>
      <source>Answered within the charter's delay</source>
      <translation>Réponses dans le délai de la charte</translation>
    </message>
    <message>
      <source>No data for this month.</source>
      <translation>Aucune donnée pour ce mois.</translation>
    </message>
    <message>
      <source>reached</source>
      <translation>atteint</translation>
    </message>
    <message>
      <source>not reached</source>
      <translation>non atteint</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>Rapport mensuel</translation>
    </message>
    <message>
      <source>Prepared by {agency}</source>
      <translation>Préparé par {agency}</translation>
    </message>
    <message>
      <source>Key figures</source>
      <translation>Chiffres clés</translation>
    </message>
    <message>
      <source>No metrics were recorded for this month.</source>
      <translation>Aucune statistique n’a été relevée pour ce mois.</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Ce mois-ci</translation>
    </message>
    <message>
      <source>Previous month</source>
      <translation>Mois précédent</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Évolution</translation>
    </message>
    <message>
      <source>Warning: {account} gained {gain} followers on {day} without matching engagement. Bought or fake followers bring nothing; we are checking.</source>
      <translation>Attention : {account} a gagné {gain} abonnés le {day} sans hausse d’engagement correspondante. Des abonnés achetés ou faux n’apportent rien ; nous vérifions.</translation>
    </message>
    <message>
      <source>Objectives</source>
      <translation>Objectifs</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>Réalisé</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>The charter sets no objectives yet.</source>
      <translation>La charte ne fixe pas encore d’objectifs.</translation>
    </message>
    <message>
      <source>Our view of the month</source>
      <translation>Notre regard sur le mois</translation>
    </message>
    <message>
      <source>Highlights</source>
      <translation>Points forts</translation>
    </message>
    <message>
      <source>Points to improve</source>
      <translation>Points d'amélioration</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>Prochaines étapes</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Graphiques</translation>
    </message>
    <message>
      <source>Top posts</source>
      <translation>Meilleures publications</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>Publication</translation>
    </message>
    <message>
      <source>Complaints above the usual rate</source>
      <translation>Plaintes au-dessus du rythme habituel</translation>
    </message>
    <message>
      <source>Spike of negative mentions</source>
      <translation>Pic de mentions négatives</translation>
    </message>
    <message>
      <source>Complaint from an influential author</source>
      <translation>Plainte d'un auteur influent</translation>
    </message>
    <message>
      <source>Watch words</source>
      <translation>Mots sous surveillance</translation>
    </message>
    <message>
      <source>Crisis signal</source>
      <translation>Signal de crise</translation>
    </message>
    <message>
      <source>Listening</source>
      <translation>Veille</translation>
    </message>
    <message>
      <source>The listening streams found nothing this month.</source>
      <translation>Les flux de veille n'ont rien trouvé ce mois-ci.</translation>
    </message>
    <message>
      <source>One mention found beyond the brand's pages, a negative one.</source>
      <translation>1 mention trouvée en dehors des pages de la marque, négative.</translation>
    </message>
    <message>
      <source>One mention found beyond the brand's pages.</source>
      <translation>1 mention trouvée en dehors des pages de la marque.</translation>
    </message>
    <message>
      <source>{n} mentions found beyond the brand's pages, {p} of them negative.</source>
      <translation>{n} mentions trouvées en dehors des pages de la marque, dont {p} négatives.</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Mentions</source>
      <translation>Mentions</translation>
    </message>
    <message>
      <source>Negative</source>
      <translation>Négatives</translation>
    </message>
    <message>
      <source>Most followed authors</source>
      <translation>Auteurs les plus suivis</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <source>Followers</source>
      <translation>Abonnés</translation>
    </message>
    <message>
      <source>Crisis alerts</source>
      <translation>Alertes de crise</translation>
    </message>
    <message>
      <source>Signal</source>
      <translation>Signal</translation>
    </message>
    <message>
      <source>No crisis alert this month.</source>
      <translation>Aucune alerte de crise ce mois-ci.</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>Concurrents</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Posts per week</source>
      <translation>Publications par semaine</translation>
    </message>
    <message>
      <source>Engagement per post</source>
      <translation>Engagement par publication</translation>
    </message>
    <message>
      <source>Next month</source>
      <translation>Le mois prochain</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Nothing planned in the calendar yet.</source>
      <translation>Rien n’est encore planifié dans le calendrier.</translation>
    </message>
    <message>
      <source>Writing the pages</source>
      <translation>Mise en page</translation>
    </message>
    <message>
      <source>Monthly report — {month}</source>
      <translation>Rapport mensuel — {month}</translation>
    </message>
    <message>
      <source>page {page} / {pages}</source>
      <translation>page {page} / {pages}</translation>
    </message>
    <message>
      <source>Inbox and escalations</source>
      <translation>Messagerie et escalades</translation>
    </message>
    <message>
      <source>No messages for this month.</source>
      <translation>Aucun message ce mois-ci.</translation>
    </message>
    <message>
      <source>{n} messages received.</source>
      <translation>{n} messages reçus.</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Messages</translation>
    </message>
    <message>
      <source>No escalations this month.</source>
      <translation>Aucune escalade ce mois-ci.</translation>
    </message>
    <message>
      <source>Escalations — opened: {opened}, answered: {answered}, within their delay: {within}, still overdue: {overdue}.</source>
      <translation>Escalades — ouvertes : {opened}, traitées : {answered}, dans leur délai : {within}, encore en retard : {overdue}.</translation>
    </message>
    <message>
      <source>Charter compliance</source>
      <translation>Respect de la charte</translation>
    </message>
    <message>
      <source>No charter yet: Tribune's default delays apply.</source>
      <translation>Pas encore de charte : les délais par défaut de Tribune s’appliquent.</translation>
    </message>
    <message>
      <source>Answers within the charter delays</source>
      <translation>Réponses dans les délais de la charte</translation>
    </message>
    <message>
      <source>Delay</source>
      <translation>Délai</translation>
    </message>
    <message>
      <source>Within the delay</source>
      <translation>Dans le délai</translation>
    </message>
    <message>
      <source>Moderation by charter rule</source>
      <translation>Modération par règle de la charte</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Règle</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>No moderation action this month.</source>
      <translation>Aucune action de modération ce mois-ci.</translation>
    </message>
    <message>
      <source>Planned and actual posting volume</source>
      <translation>Volume de publication prévu et réalisé</translation>
    </message>
    <message>
      <source>Charter (posts/week)</source>
      <translation>Charte (publications/semaine)</translation>
    </message>
    <message>
      <source>Actual (posts/week)</source>
      <translation>Réalisé (publications/semaine)</translation>
    </message>
    <message>
      <source>Generated on {day}</source>
      <translation>Généré le {day}</translation>
    </message>
    <message>
      <source>{client} — report {month}</source>
      <translation>{client} — rapport {month}</translation>
    </message>
    <message>
      <source>Invalid month "{value}": expected YYYY-MM, e.g. 2026-03.</source>
      <translation>Mois invalide « {value} » : format attendu AAAA-MM, par exemple 2026-03 (YYYY-MM).</translation>
    </message>
    <message>
      <source>The commentary is too long (at most {n} characters).</source>
      <translation>Le commentaire est trop long ({n} caractères au plus).</translation>
    </message>
    <message>
      <source>Team activity</source>
      <translation>Activité de l’équipe</translation>
    </message>
    <message>
      <source>Nobody recorded any work for this client.</source>
      <translation>Personne n’a enregistré de travail pour ce client.</translation>
    </message>
    <message>
      <source>Who did what this month, from the audit trail: replies that left (a junior's once a lead released them), approvals, publications and escalations.</source>
      <translation>Qui a fait quoi ce mois-ci, d’après le journal d’audit : réponses parties (celles d’un junior une fois validées par un responsable), validations, publications et escalades.</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Équipe</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Replies sent</source>
      <translation>Réponses envoyées</translation>
    </message>
    <message>
      <source>Released for others</source>
      <translation>Validées pour d’autres</translation>
    </message>
    <message>
      <source>Approved posts</source>
      <translation>Publications validées</translation>
    </message>
    <message>
      <source>Published posts</source>
      <translation>Publications en ligne</translation>
    </message>
    <message>
      <source>Escalations</source>
      <translation>Escalades</translation>
    </message>
    <message>
      <source>Answered within the charter's delay ({delay}; reviews: {n})</source>
      <translation>Répondus dans le délai de la charte ({delay} ; avis : {n})</translation>
    </message>
    <message>
      <source>Average rating</source>
      <translation>Note moyenne</translation>
    </message>
    <message>
      <source>Reviews received</source>
      <translation>Avis reçus</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Répondus</translation>
    </message>
    <message>
      <source>Median time to answer</source>
      <translation>Délai médian de réponse</translation>
    </message>
    <message>
      <source>Google reviews</source>
      <translation>Avis Google</translation>
    </message>
    <message>
      <source>Stars this month:</source>
      <translation>Étoiles ce mois-ci :</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>Monthly report — {client}</source>
      <translation>Rapport mensuel — {client}</translation>
    </message>
    <message>
      <source>Month:</source>
      <translation>Mois :</translation>
    </message>
    <message>
      <source>Language of the report (the client's by default)</source>
      <translation>Langue du rapport (celle du client par défaut)</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Langue :</translation>
    </message>
    <message>
      <source>What worked this month</source>
      <translation>Ce qui a marché ce mois-ci</translation>
    </message>
    <message>
      <source>What did not work, and why</source>
      <translation>Ce qui n’a pas marché, et pourquoi</translation>
    </message>
    <message>
      <source>What we will do next month</source>
      <translation>Ce que nous ferons le mois prochain</translation>
    </message>
    <message>
      <source>Successes:</source>
      <translation>Réussites :</translation>
    </message>
    <message>
      <source>Failures:</source>
      <translation>Échecs :</translation>
    </message>
    <message>
      <source>Next steps:</source>
      <translation>Prochaines étapes :</translation>
    </message>
    <message>
      <source>Open the PDF once written</source>
      <translation>Ouvrir le PDF une fois écrit</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Stop writing the PDF (nothing is written)</source>
      <translation>Arrêter l’écriture du PDF (rien n’est écrit)</translation>
    </message>
    <message>
      <source>Save commentary</source>
      <translation>Enregistrer le commentaire</translation>
    </message>
    <message>
      <source>Write PDF…</source>
      <translation>Écrire le PDF…</translation>
    </message>
    <message>
      <source>Commentary saved.</source>
      <translation>Commentaire enregistré.</translation>
    </message>
    <message>
      <source>Write the report</source>
      <translation>Écrire le rapport</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>Écriture du rapport…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <source>Writing the report: {step}…</source>
      <translation>Écriture du rapport : {step}…</translation>
    </message>
    <message>
      <source>Report written: {path} ({pages} pages)</source>
      <translation>Rapport écrit : {path} ({pages} pages)</translation>
    </message>
    <message>
      <source>Cancelled: no PDF was written.</source>
      <translation>Annulé : aucun PDF n’a été écrit.</translation>
    </message>
  </context>
</TS>