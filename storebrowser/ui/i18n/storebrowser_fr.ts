<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccessCommands</name>
    <message>
        <source>Customer Key (SSE-C)</source>
        <extracomment>Keeps an account&apos;s SSE-C key in the keyring: ``(account, key)``; blocking (a worker runs it).</extracomment>
        <translation>Clé client (SSE-C)</translation>
    </message>
    <message>
        <source>The object is encrypted with your own key. Give it (base64, 32 bytes); it is kept in the system keyring for this account:</source>
        <translation>L&apos;objet est chiffré avec votre propre clé. Saisissez-la (base64, 32 octets) ; elle est conservée dans le trousseau du système pour ce compte :</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <source>Reading the settings…</source>
        <extracomment>``confirm(title, question, button) -&gt; bool``: ``Operations.confirm`` in the window.</extracomment>
        <translation>Lecture des réglages…</translation>
    </message>
    <message>
        <source>Asking the server without credentials…</source>
        <translation>Interrogation du serveur sans identifiants…</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>How it comes about</source>
        <translation>D&apos;où cela vient</translation>
    </message>
    <message>
        <source>Live check (a request with no credentials)</source>
        <translation>Vérification en direct (une requête sans identifiants)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Who can read this could not be read.</source>
        <translation>Impossible de déterminer qui peut lire ceci.</translation>
    </message>
    <message>
        <source>Access is decided per container: a change applies to every object in {name}.</source>
        <translation>L&apos;accès se règle par conteneur : une modification s&apos;applique à chaque objet de {name}.</translation>
    </message>
    <message>
        <source>The live answer agrees with the settings.</source>
        <translation>La réponse en direct concorde avec les réglages.</translation>
    </message>
    <message>
        <source>Not possible here: {why}.</source>
        <translation>Impossible ici : {why}.</translation>
    </message>
    <message>
        <source>Not possible: {why}.</source>
        <translation>Impossible : {why}.</translation>
    </message>
    <message>
        <source>Nothing to change: it is so already.</source>
        <translation>Rien à modifier : c&apos;est déjà le cas.</translation>
    </message>
    <message>
        <source>Make Public</source>
        <translation>Rendre public</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Change Who Can Read This</source>
        <translation>Modifier qui peut lire ceci</translation>
    </message>
    <message>
        <source>{subject} is now {level}.</source>
        <translation>{subject} est désormais : {level}.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Progress</source>
        <extracomment>A dialog property: True when the dialog ordered Tab itself (then it is left alone). A row of widgets whose tops differ by less than this is one line of the dialog.</extracomment>
        <translation>Progression</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>How the account is shown in the window</source>
        <translation>Comment le compte est affiché dans la fenêtre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <source>The boxes below are different ways to sign in: fill in one.</source>
        <translation>Les cadres ci-dessous sont différentes façons de se connecter : remplissez-en un.</translation>
    </message>
</context>
<context>
    <name>AccountPanels</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an account of the kind you choose</source>
        <translation>Ajouter un compte du type choisi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Find accounts in AWS, Azure, OpenStack and rclone settings on this computer</source>
        <translation>Rechercher des comptes dans les réglages AWS, Azure, OpenStack et rclone de cet ordinateur</translation>
    </message>
    <message>
        <source>Choose an account on the left, or add one.</source>
        <extracomment>Page 0: &quot;choose an account&quot;; page 1: the editor. One form per provider kind, made when first needed.</extracomment>
        <translation>Choisissez un compte à gauche, ou ajoutez-en un.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Sign in with what the form shows and list the containers once</source>
        <translation>Se connecter avec les données du formulaire et lister une fois les conteneurs</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Connected; 1 container ({s} s)</source>
        <translation>Connecté ; 1 conteneur ({s} s)</translation>
    </message>
    <message>
        <source>Connected; {n} containers ({s} s)</source>
        <translation>Connecté ; {n} conteneurs ({s} s)</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Échec de l&apos;authentification</translation>
    </message>
    <message>
        <source>Signed in, but not allowed to list containers</source>
        <translation>Connecté, mais sans autorisation de lister les conteneurs</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>Serveur injoignable</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Échec de la connexion sécurisée</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>There is no system keyring on this computer: passwords and keys are kept for this session only, and you will be asked for them again after StoreBrowser closes. You can store them in a file instead.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : les mots de passe et les clés ne sont conservés que pour cette session, et ils vous seront redemandés après la fermeture de StoreBrowser. Vous pouvez plutôt les enregistrer dans un fichier.</translation>
    </message>
    <message>
        <source>Some saved accounts could not be read:</source>
        <translation>Certains comptes enregistrés n&apos;ont pas pu être lus :</translation>
    </message>
</context>
<context>
    <name>AccountTreeModel</name>
    <message>
        <source>Bookmarks</source>
        <extracomment>Entries a folder node reads to find its sub-folders before it stops looking. Opens (and connects) the provider of an account; blocking, called on a worker. The Bookmarks section&apos;s heading, and one bookmark in it. What failed, for the window to answer it (a sign-in for a missing secret). A folder scan that stopped at FOLDER_SCAN_LIMIT. Bumped on reload so a listing that was already under way is dropped. An account&apos;s containers arrived or it failed (position among the accounts). Any node finished loading (or failed); the index is of that node.</extracomment>
        <translation>Signets</translation>
    </message>
    <message>
        <source>  (cannot connect)</source>
        <translation>  (connexion impossible)</translation>
    </message>
    <message>
        <source>  (error)</source>
        <translation>  (erreur)</translation>
    </message>
    <message>
        <source>  (connecting…)</source>
        <translation>  (connexion…)</translation>
    </message>
    <message>
        <source>Places you bookmarked (Ctrl+D); right-click one to rename, move or remove it</source>
        <translation>Les emplacements mis en signet (Ctrl+D) ; clic droit pour renommer, déplacer ou supprimer</translation>
    </message>
    <message>
        <source>
There is no account {name} any more.</source>
        <translation>
Le compte {name} n&apos;existe plus.</translation>
    </message>
    <message>
        <source>{error}
Press F5 to try again.</source>
        <translation>{error}
Appuyez sur F5 pour réessayer.</translation>
    </message>
    <message>
        <source>{count} objects, {size}</source>
        <translation>{count} objets, {size}</translation>
    </message>
    <message>
        <source>Only the folders among the first {count} entries are shown here; the table lists all.</source>
        <translation>Seuls les dossiers parmi les {count} premières entrées sont affichés ici ; le tableau les liste tous.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <extracomment>The account the form shows (None: a new one, or nothing).</extracomment>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Chargement des comptes…</translation>
    </message>
    <message>
        <source>Store in a file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Rechargement…</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>le nouveau compte</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Discard your changes to {name}?</source>
        <translation>Abandonner vos modifications de {name} ?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>New {kind} account</source>
        <translation>Nouveau compte {kind}</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Enregistrement de {name}…</translation>
    </message>
    <message>
        <source>An account named {name!r} exists already.</source>
        <translation>Un compte nommé {name!r} existe déjà.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} enregistré.</translation>
    </message>
    <message>
        <source>Remove the account {name}? Its stored passwords and keys are deleted too. Containers and objects on the server are not touched.</source>
        <translation>Supprimer le compte {name} ? Ses mots de passe et clés enregistrés sont aussi supprimés. Les conteneurs et objets sur le serveur ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} supprimé.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Passwords and keys will be written unencrypted to {path}. Only your user can read the file, but anyone with access to your files or your backups can use these accounts. Store them there?</source>
        <translation>Les mots de passe et les clés seront écrits non chiffrés dans {path}. Seul votre utilisateur peut lire ce fichier, mais toute personne ayant accès à vos fichiers ou à vos sauvegardes peut utiliser ces comptes. Les y enregistrer ?</translation>
    </message>
    <message>
        <source>Store secrets in a file</source>
        <translation>Enregistrer les secrets dans un fichier</translation>
    </message>
    <message>
        <source>Store in file</source>
        <translation>Enregistrer dans un fichier</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Imported 1 account.</source>
        <translation>1 compte importé.</translation>
    </message>
    <message>
        <source>Imported {n} accounts.</source>
        <translation>{n} comptes importés.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Back</source>
        <extracomment>One of ``icons.arrow_icon``&apos;s names: drawn in the palette&apos;s colours. The actions&apos; words are marked for lupdate where they are written, and translated in this context when the actions are made.</extracomment>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Dossier parent</translation>
    </message>
    <message>
        <source>The folder above</source>
        <translation>Le dossier au-dessus</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New Container…</source>
        <translation>Nouveau conteneur…</translation>
    </message>
    <message>
        <source>Delete Container…</source>
        <translation>Supprimer le conteneur…</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <source>Upload Files…</source>
        <translation>Envoyer des fichiers…</translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation>Envoyer un dossier…</translation>
    </message>
    <message>
        <source>Upload with Options…</source>
        <translation>Envoyer avec options…</translation>
    </message>
    <message>
        <source>Choose the content type, metadata and what to do when a name exists (or hold Alt as you drop)</source>
        <translation>Choisir le type de contenu, les métadonnées et que faire si un nom existe (ou maintenir Alt en déposant)</translation>
    </message>
    <message>
        <source>Download To…</source>
        <translation>Télécharger vers…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Copy To…</source>
        <translation>Copier vers…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copier l&apos;URL</translation>
    </message>
    <message>
        <source>The plain address; it opens for anyone only if the container is public</source>
        <translation>L&apos;adresse simple ; elle ne s&apos;ouvre pour tous que si le conteneur est public</translation>
    </message>
    <message>
        <source>Copy Time-Limited URL…</source>
        <translation>Copier une URL temporaire…</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Storage Class…</source>
        <translation>Classe de stockage…</translation>
    </message>
    <message>
        <source>Move the objects to another class or tier</source>
        <translation>Déplacer les objets vers une autre classe ou un autre niveau</translation>
    </message>
    <message>
        <source>Restore from Archive…</source>
        <translation>Restaurer depuis l&apos;archive…</translation>
    </message>
    <message>
        <source>Make archived objects readable again</source>
        <translation>Rendre les objets archivés à nouveau lisibles</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Étiquettes…</translation>
    </message>
    <message>
        <source>The tags lifecycle rules and access policies go by</source>
        <translation>Les étiquettes sur lesquelles s&apos;appuient les règles de cycle de vie et les stratégies d&apos;accès</translation>
    </message>
    <message>
        <source>Who Can Read This?…</source>
        <translation>Qui peut lire ceci ?…</translation>
    </message>
    <message>
        <source>Who can read it without signing in, checked live; CORS, lifecycle, expiry, encryption</source>
        <translation>Qui peut le lire sans se connecter, vérifié en direct ; CORS, cycle de vie, expiration, chiffrement</translation>
    </message>
    <message>
        <source>Back Up Folder Here…</source>
        <translation>Sauvegarder un dossier ici…</translation>
    </message>
    <message>
        <source>Archive a local folder as tar.gz straight into this place</source>
        <translation>Archiver un dossier local en tar.gz directement à cet emplacement</translation>
    </message>
    <message>
        <source>Download All To…</source>
        <translation>Tout télécharger vers…</translation>
    </message>
    <message>
        <source>Every object of this place into a local folder, keeping the structure</source>
        <translation>Chaque objet de cet emplacement dans un dossier local, en gardant la structure</translation>
    </message>
    <message>
        <source>Publish as Website…</source>
        <translation>Publier comme site web…</translation>
    </message>
    <message>
        <source>Copy as Command…</source>
        <translation>Copier comme commande…</translation>
    </message>
    <message>
        <source>The command line that does this from a terminal</source>
        <translation>La ligne de commande qui fait cela depuis un terminal</translation>
    </message>
    <message>
        <source>Show Versions</source>
        <translation>Afficher les versions</translation>
    </message>
    <message>
        <source>Earlier versions and deleted objects of this folder, instead of its objects</source>
        <translation>Les versions antérieures et les objets supprimés de ce dossier, au lieu de ses objets</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versions…</translation>
    </message>
    <message>
        <source>The earlier versions of the selected object</source>
        <translation>Les versions antérieures de l&apos;objet sélectionné</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <source>Go to Place…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtrer…</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Search everything below this place: name, size, date, class, type</source>
        <translation>Rechercher tout sous cet emplacement : nom, taille, date, classe, type</translation>
    </message>
    <message>
        <source>Folder Statistics…</source>
        <translation>Statistiques du dossier…</translation>
    </message>
    <message>
        <source>Objects and bytes below a folder or container, by storage class and sub-folder</source>
        <translation>Objets et octets sous un dossier ou un conteneur, par classe de stockage et sous-dossier</translation>
    </message>
    <message>
        <source>Calculate Folder Sizes</source>
        <translation>Calculer la taille des dossiers</translation>
    </message>
    <message>
        <source>Fill in the size of the selected folders, or of every folder here</source>
        <translation>Calculer la taille des dossiers sélectionnés, ou de tous les dossiers ici</translation>
    </message>
    <message>
        <source>Bookmark This Place</source>
        <translation>Mettre cet emplacement en signet</translation>
    </message>
    <message>
        <source>Add the place shown to the Bookmarks (use it as @name in the path bar and the CLI)</source>
        <translation>Ajouter l&apos;emplacement affiché aux signets (utilisable comme @nom dans la barre de chemin et la CLI)</translation>
    </message>
    <message>
        <source>Rename Bookmark…</source>
        <translation>Renommer le signet…</translation>
    </message>
    <message>
        <source>Move Bookmark Up</source>
        <translation>Monter le signet</translation>
    </message>
    <message>
        <source>Move Bookmark Down</source>
        <translation>Descendre le signet</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>Supprimer le signet</translation>
    </message>
    <message>
        <source>Compare and Sync…</source>
        <translation>Comparer et synchroniser…</translation>
    </message>
    <message>
        <source>Compare this place with a local folder or another container, and make one like the other</source>
        <translation>Comparer cet emplacement à un dossier local ou à un autre conteneur, et rendre l&apos;un semblable à l&apos;autre</translation>
    </message>
    <message>
        <source>Quick Look</source>
        <translation>Coup d&apos;œil</translation>
    </message>
    <message>
        <source>A larger preview of the object in a window of its own (Space or Esc closes it)</source>
        <translation>Un aperçu plus grand de l&apos;objet dans sa propre fenêtre (Espace ou Échap la ferme)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Into a container or folder; an object opens in its app</source>
        <translation>Dans un conteneur ou un dossier ; un objet s&apos;ouvre dans son application</translation>
    </message>
    <message>
        <source>Open With…</source>
        <translation>Ouvrir avec…</translation>
    </message>
    <message>
        <source>Open the object in a program you choose; saving it uploads it back</source>
        <translation>Ouvrir l&apos;objet dans le programme de votre choix ; l&apos;enregistrer le renvoie</translation>
    </message>
    <message>
        <source>Stop Loading</source>
        <translation>Arrêter le chargement</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About StoreBrowser</source>
        <translation>À propos de StoreBrowser</translation>
    </message>
    <message>
        <source>Versions of StoreBrowser, Qt and the SDKs</source>
        <translation>Versions de StoreBrowser, de Qt et des SDK</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <source>Open a place first, then bookmark it.</source>
        <extracomment>The actions this feature answers (defined with the others in ``ui/actions.py``). Where the window is, and how to go somewhere. Tell the user something (a line in the status bar), or that something failed. Asks for a new name (tests answer it): ``(title, label, current) -&gt; name | None``.</extracomment>
        <translation>Ouvrez d&apos;abord un emplacement, puis mettez-le en signet.</translation>
    </message>
    <message>
        <source>Already bookmarked as @{name}.</source>
        <translation>Déjà en signet sous @{name}.</translation>
    </message>
    <message>
        <source>Bookmarked as @{name}: rename it from the tree&apos;s menu.</source>
        <translation>En signet sous @{name} : renommez-le depuis le menu de l&apos;arborescence.</translation>
    </message>
    <message>
        <source>Rename Bookmark</source>
        <translation>Renommer le signet</translation>
    </message>
    <message>
        <source>New name of @{name}:</source>
        <translation>Nouveau nom de @{name} :</translation>
    </message>
    <message>
        <source>There is already a bookmark of that name.</source>
        <translation>Un signet porte déjà ce nom.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
</context>
<context>
    <name>CellWords</name>
    <message>
        <source>Folder</source>
        <extracomment>``QObject.tr`` of the model: the words are translated in its context. Match kinds answered from the name column itself (Qt&apos;s MatchTypeMask is 0x0F).</extracomment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Restored until {date}</source>
        <translation>Restauré jusqu’au {date}</translation>
    </message>
    <message>
        <source>Restoring to {tier}</source>
        <translation>Restauration vers {tier}</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauration en cours</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Archived: restore it (Restore from Archive…) before reading or copying it</source>
        <translation>Archivé : restaurez-le (Restaurer depuis l’archive…) avant de le lire ou de le copier</translation>
    </message>
    <message>
        <source>Restore under way, {priority} priority</source>
        <translation>Restauration en cours, priorité {priority}</translation>
    </message>
    <message>
        <source>A restored copy can be read until {date}</source>
        <translation>Une copie restaurée est lisible jusqu’au {date}</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} octets</translation>
    </message>
    <message>
        <source>{type}, guessed from the name: the listing does not give types</source>
        <translation>{type}, déduit du nom : la liste ne donne pas les types</translation>
    </message>
    <message>
        <source>Counting: {size} bytes so far</source>
        <translation>Comptage : {size} octets jusqu’ici</translation>
    </message>
</context>
<context>
    <name>Chrome</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Actions</source>
        <extracomment>Keys that line edits use too (Enter, Del, Backspace, F2, Ctrl+C) act only where the views have focus.</extracomment>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Filter (Enter: search the server)</source>
        <translation>Filtrer (Entrée : chercher sur le serveur)</translation>
    </message>
    <message>
        <source>Typing filters the loaded names (any part, any case).
Enter asks the server for names that start with the text. Esc clears it.</source>
        <translation>La saisie filtre les noms chargés (n&apos;importe quelle partie, sans casse).
Entrée demande au serveur les noms qui commencent par le texte. Échap l&apos;efface.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Change {noun}</source>
        <translation>Changer de {noun}</translation>
    </message>
    <message>
        <source>Move {what} to another {noun}. Metadata, content settings and tags are kept; one job, each object with its own result.</source>
        <translation>Changer {what} de {noun}. Les métadonnées, les réglages de contenu et les étiquettes sont conservés ; une seule tâche, chaque objet avec son propre résultat.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>{name} (archive)</source>
        <translation>{name} (archive)</translation>
    </message>
    <message>
        <source>An archive: objects must be restored before they can be read.</source>
        <translation>Une archive : les objets doivent être restaurés avant de pouvoir être lus.</translation>
    </message>
    <message>
        <source>Out of the archive:</source>
        <translation>Sortie de l&apos;archive :</translation>
    </message>
    <message>
        <source>{name} is an archive class: its objects cannot be read until they are restored, which takes hours.</source>
        <translation>{name} est une classe d&apos;archive : ses objets ne peuvent être lus qu&apos;après avoir été restaurés, ce qui prend des heures.</translation>
    </message>
    <message>
        <source>Objects in the archive now are brought back (rehydrated) at the priority chosen.</source>
        <translation>Les objets actuellement dans l&apos;archive sont récupérés (réhydratés) avec la priorité choisie.</translation>
    </message>
</context>
<context>
    <name>ColourChoice</name>
    <message>
        <source>Marks the account&apos;s tabs and its row in the tree</source>
        <translation>Marque les onglets du compte et sa ligne dans l’arborescence</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>Magenta</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Bleu canard</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Violet</source>
        <translation>Violet</translation>
    </message>
</context>
<context>
    <name>ColumnChoice</name>
    <message>
        <source>Reset Columns</source>
        <extracomment>The hidden columns by default, by column number, for the kind shown now.</extracomment>
        <translation>Réinitialiser les colonnes</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>Copy as Command</source>
        <translation>Copier comme commande</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lister</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Time-limited URL</source>
        <translation>URL temporaire</translation>
    </message>
    <message>
        <source>Download all</source>
        <translation>Tout télécharger</translation>
    </message>
    <message>
        <source>Back up a folder here</source>
        <translation>Sauvegarder un dossier ici</translation>
    </message>
    <message>
        <source>Delete the container</source>
        <translation>Supprimer le conteneur</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>Nouveau conteneur</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Secrets are never part of a line: the other tools read them from their usual environment variables.</source>
        <translation>Les secrets ne figurent jamais dans une ligne : les autres outils les lisent dans leurs variables d&apos;environnement habituelles.</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Only on the left</source>
        <translation>Seulement à gauche</translation>
    </message>
    <message>
        <source>Only on the right</source>
        <translation>Seulement à droite</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Différent</translation>
    </message>
    <message>
        <source>The same</source>
        <translation>Identique</translation>
    </message>
    <message>
        <source>Compare and Sync</source>
        <extracomment>Keys listed per group at most (the counts are always whole).</extracomment>
        <translation>Comparer et synchroniser</translation>
    </message>
    <message>
        <source>a local folder (/…, ~/…) or ACCOUNT:CONTAINER/PREFIX</source>
        <translation>un dossier local (/…, ~/…) ou COMPTE:CONTENEUR/PRÉFIXE</translation>
    </message>
    <message>
        <source>Compare every file by content (reads all local files)</source>
        <translation>Comparer chaque fichier par son contenu (lit tous les fichiers locaux)</translation>
    </message>
    <message>
        <source>Without this, files up to 1 MiB are compared by content on S3 and Swift (quicker than asking their times); others by size and time, then by content if the times differ</source>
        <translation>Sans cette option, les fichiers jusqu’à 1 Mio sont comparés par leur contenu sur S3 et Swift (plus rapide que de demander leur date) ; les autres par taille et date, puis par contenu si les dates diffèrent</translation>
    </message>
    <message>
        <source>Newer only (leave what is newer on the right)</source>
        <translation>Plus récents seulement (laisser ce qui est plus récent à droite)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Pick the two places, then Compare. Nothing changes until Sync.</source>
        <translation>Choisissez les deux emplacements, puis Comparer. Rien ne change avant Synchroniser.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Left (the source):</source>
        <translation>Gauche (la source) :</translation>
    </message>
    <message>
        <source>Right (made like the left):</source>
        <translation>Droite (rendue semblable à la gauche) :</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Choose a local folder</source>
        <translation>Choisir un dossier local</translation>
    </message>
    <message>
        <source>Both are local folders: pick a container on one side.</source>
        <translation>Les deux sont des dossiers locaux : choisissez un conteneur d&apos;un côté.</translation>
    </message>
    <message>
        <source>Listing both places…</source>
        <translation>Liste des deux emplacements…</translation>
    </message>
    <message>
        <source>Compare again to apply Newer only.</source>
        <translation>Comparez à nouveau pour appliquer « Plus récents seulement ».</translation>
    </message>
    <message>
        <source>Listing and comparing… listed so far: {0} on the left, {1} on the right.</source>
        <translation>Liste et comparaison… listés jusqu’ici : {0} à gauche, {1} à droite.</translation>
    </message>
    <message>
        <source>The same: {0}. Different: {1}. Only on the left: {2}. Only on the right: {3}.</source>
        <translation>Identiques : {0}. Différents : {1}. Seulement à gauche : {2}. Seulement à droite : {3}.</translation>
    </message>
    <message>
        <source>The right side does not exist yet: the sync creates it.</source>
        <translation>Le côté droit n’existe pas encore : la synchronisation le crée.</translation>
    </message>
    <message>
        <source>A listing was incomplete: deletions are not offered.</source>
        <translation>Une liste était incomplète : aucune suppression n’est proposée.</translation>
    </message>
    <message>
        <source>Keys that cannot be saved as local files, left out: {0}.</source>
        <translation>Clés qui ne peuvent pas être enregistrées comme fichiers locaux, laissées de côté : {0}.</translation>
    </message>
    <message>
        <source>Newer on the right, left alone: {0}.</source>
        <translation>Plus récents à droite, laissés tels quels : {0}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} deletion offered (unticked)</source>
        <translation>
            <numerusform>{n} suppression proposée (non cochée)</numerusform>
            <numerusform>{n} suppressions proposées (non cochées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deletions offered (unticked)</source>
        <translation>
            <numerusform>{n} suppression proposée (non cochée)</numerusform>
            <numerusform>{n} suppressions proposées (non cochées)</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan: {sends} to send, {offered}. Nothing has changed yet.</source>
        <translation>Le plan : {sends} à envoyer, {offered}. Rien n’a encore changé.</translation>
    </message>
    <message>
        <source>Delete on the Right</source>
        <translation>Supprimer à droite</translation>
    </message>
    <message>
        <source>{0} on {1} will be deleted, because the left has no such key. This cannot be undone unless the container keeps versions.</source>
        <translation>{0} sur {1} seront supprimés, car la gauche n&apos;a pas cette clé. Irréversible, sauf si le conteneur garde des versions.</translation>
    </message>
    <message numerus="yes">
        <source>{n} object or file</source>
        <translation>
            <numerusform>{n} objet ou fichier</numerusform>
            <numerusform>{n} objets ou fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects or files</source>
        <translation>
            <numerusform>{n} objet ou fichier</numerusform>
            <numerusform>{n} objets ou fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete and Sync</source>
        <translation>Supprimer et synchroniser</translation>
    </message>
    <message>
        <source>The sync is running in the transfers panel: {0} to send, {1} to delete.</source>
        <translation>La synchronisation tourne dans le panneau des transferts : {0} à envoyer, {1} à supprimer.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed on the Server</source>
        <translation>Modifié sur le serveur</translation>
    </message>
    <message>
        <source>Keep Mine as a Copy</source>
        <translation>Garder la mienne comme copie</translation>
    </message>
    <message>
        <source>Upload yours beside it as “name (my copy)”; theirs stays</source>
        <translation>Envoyer la vôtre à côté sous « nom (ma copie) » ; l&apos;autre reste</translation>
    </message>
    <message>
        <source>Overwrite Theirs…</source>
        <translation>Écraser l&apos;autre…</translation>
    </message>
    <message>
        <source>Replace their version with yours (asks again)</source>
        <translation>Remplacer l&apos;autre version par la vôtre (redemande)</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>Prendre l&apos;autre</translation>
    </message>
    <message>
        <source>Download theirs; yours is renamed “name (mine)” beside it</source>
        <translation>Télécharger l&apos;autre ; la vôtre est renommée « nom (la mienne) » à côté</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Open both versions in their app</source>
        <translation>Ouvrir les deux versions dans leur application</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Decide later from View &gt; Opened Files</source>
        <translation>Décider plus tard depuis Affichage &gt; Fichiers ouverts</translation>
    </message>
</context>
<context>
    <name>ContainerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
</context>
<context>
    <name>CopyToDialog</name>
    <message>
        <source>Copy To</source>
        <translation>Copier vers</translation>
    </message>
    <message>
        <source>folder/ (empty: the top of the container)</source>
        <translation>dossier/ (vide : la racine du conteneur)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy {n} selected on the server to:</source>
        <translation>Copier {n} éléments sélectionnés sur le serveur vers :</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Conteneur :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Choose a container.</source>
        <translation>Choisissez un conteneur.</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message>
        <source>Counting the objects in {name}…</source>
        <extracomment>Called with ``(objects, bytes)``, or ``None`` when the user cancelled or it failed.</extracomment>
        <translation>Comptage des objets de {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Delete Container</source>
        <translation>Supprimer le conteneur</translation>
    </message>
    <message>
        <source>Counting the objects in {name}… {n} so far</source>
        <translation>Comptage des objets de {name}… {n} jusqu&apos;ici</translation>
    </message>
</context>
<context>
    <name>Drops</name>
    <message>
        <source>Folders and big selections drag only within the app; use Download To… to save them.</source>
        <translation>Les dossiers et les grandes sélections ne se glissent qu&apos;à l&apos;intérieur de l&apos;application ; utilisez Télécharger vers… pour les enregistrer.</translation>
    </message>
    <message>
        <source>{name} cannot go into itself.</source>
        <translation>{name} ne peut pas aller dans lui-même.</translation>
    </message>
</context>
<context>
    <name>EditingCommands</name>
    <message>
        <source>Open With — choose the program (this desktop&apos;s list of apps is not available)</source>
        <extracomment>Objects larger than this ask before they are downloaded to be opened. How a copy is handed to the desktop (tests put a stand-in editor here).</extracomment>
        <translation>Ouvrir avec — choisir le programme (la liste des applications de ce bureau n&apos;est pas disponible)</translation>
    </message>
    <message>
        <source>Select one object to open.</source>
        <translation>Sélectionnez un objet à ouvrir.</translation>
    </message>
    <message>
        <source>{key} is {size}. Download it to open it?</source>
        <translation>{key} fait {size}. Le télécharger pour l&apos;ouvrir ?</translation>
    </message>
    <message>
        <source>{key} could not be opened: {why}</source>
        <translation>{key} n&apos;a pas pu être ouvert : {why}</translation>
    </message>
    <message>
        <source>No application opens {path}; open it with Open With… (the copy is watched).</source>
        <translation>Aucune application n&apos;ouvre {path} ; ouvrez-le avec « Ouvrir avec… » (la copie est surveillée).</translation>
    </message>
    <message>
        <source>Open a Large Object</source>
        <translation>Ouvrir un gros objet</translation>
    </message>
    <message>
        <source>Download and Open</source>
        <translation>Télécharger et ouvrir</translation>
    </message>
</context>
<context>
    <name>EncryptionChoice</name>
    <message>
        <source>The container&apos;s default</source>
        <extracomment>What each mode needs typed beside it, if anything.</extracomment>
        <translation>Valeur par défaut du conteneur</translation>
    </message>
</context>
<context>
    <name>EncryptionTab</name>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Give the Key…</source>
        <translation>Saisir la clé…</translation>
    </message>
    <message>
        <source>This object:</source>
        <translation>Cet objet :</translation>
    </message>
    <message>
        <source>Container default:</source>
        <translation>Par défaut du conteneur :</translation>
    </message>
    <message>
        <source>Unknown.</source>
        <translation>Inconnu.</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring for this account.</source>
        <translation>La clé est conservée dans le trousseau du système pour ce compte.</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <source>Transfers are shutting down; nothing new starts.</source>
        <extracomment>About four snapshots a second: smooth enough for a progress bar, cheap for the engine. How long quitting waits for running parts to finish, and for clean-ups to run.</extracomment>
        <translation>Les transferts s&apos;arrêtent ; rien de nouveau ne démarre.</translation>
    </message>
    <message>
        <source>Transfers cannot start: {error}</source>
        <translation>Les transferts ne peuvent pas démarrer : {error}</translation>
    </message>
</context>
<context>
    <name>ExpiryTab</name>
    <message>
        <source>Reading…</source>
        <extracomment>Asks a person for a customer key (hidden input); ``None``: they declined. Keeps a customer key in the keyring under the account (blocking: runs on a worker).</extracomment>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>90s, 10m, 12h, 7d, 2w</source>
        <translation>90s, 10m, 12h, 7d, 2w</translation>
    </message>
    <message>
        <source>Delete After</source>
        <translation>Supprimer après ce délai</translation>
    </message>
    <message>
        <source>Delete At</source>
        <translation>Supprimer à cette date</translation>
    </message>
    <message>
        <source>Keep It (Remove the Expiry)</source>
        <translation>Le conserver (retirer l&apos;expiration)</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Après :</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>À la date :</translation>
    </message>
    <message>
        <source>The server hides an expired object from reads at once and removes it later.</source>
        <translation>Le serveur masque aussitôt un objet expiré aux lectures et le supprime plus tard.</translation>
    </message>
</context>
<context>
    <name>FactWords</name>
    <message>
        <source>(various)</source>
        <extracomment>``QObject.tr`` of the editor: the words are translated in its context.</extracomment>
        <translation>(divers)</translation>
    </message>
    <message numerus="yes">
        <source>{n} byte</source>
        <translation>
            <numerusform>{n} octet</numerusform>
            <numerusform>{n} octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} bytes</source>
        <translation>
            <numerusform>{n} octets</numerusform>
            <numerusform>{n} octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Taille totale</translation>
    </message>
    <message>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>not given by the service</source>
        <translation>non fourni par le service</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Classe de stockage</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>System properties</source>
        <translation>Propriétés système</translation>
    </message>
    <message>
        <source>User metadata</source>
        <translation>Métadonnées utilisateur</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>contains</source>
        <extracomment>How the name field is read: (label, the keyword of ``Criteria.parse``).</extracomment>
        <translation>contient</translation>
    </message>
    <message>
        <source>matches glob</source>
        <translation>correspond au motif</translation>
    </message>
    <message>
        <source>matches regular expression</source>
        <translation>correspond à l&apos;expression régulière</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>How the name matches</source>
        <translation>Comment le nom doit correspondre</translation>
    </message>
    <message>
        <source>*.psd</source>
        <translation>*.psd</translation>
    </message>
    <message>
        <source>e.g. 100M</source>
        <translation>p. ex. 100M</translation>
    </message>
    <message>
        <source>e.g. 2G</source>
        <translation>p. ex. 2G</translation>
    </message>
    <message>
        <source>2025-01-01, or an age: 7d</source>
        <translation>2025-01-01, ou un âge : 7d</translation>
    </message>
    <message>
        <source>2026-01-01</source>
        <translation>2026-01-01</translation>
    </message>
    <message>
        <source>e.g. GLACIER, Cool</source>
        <translation>p. ex. GLACIER, Cool</translation>
    </message>
    <message>
        <source>image/png, or image</source>
        <translation>image/png, ou image</translation>
    </message>
    <message>
        <source>Names are case-sensitive</source>
        <translation>Respecter la casse des noms</translation>
    </message>
    <message>
        <source>Everything below {place}</source>
        <translation>Tout sous {place}</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Classe de stockage</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
</context>
<context>
    <name>FolderEditor</name>
    <message>
        <source>Browse…</source>
        <extracomment>Words shown upper-case in a group box title made from a group name (&quot;azure ad&quot;). A field&apos;s value as the settings hold it.</extracomment>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>FolderProperties</name>
    <message>
        <source>Properties of {place}</source>
        <translation>Propriétés de {place}</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
</context>
<context>
    <name>FolderSizeCommands</name>
    <message>
        <source>There are no folders here to count.</source>
        <translation>Il n’y a pas de dossier à compter ici.</translation>
    </message>
    <message>
        <source>Incomplete: could not list {parts}</source>
        <translation>Incomplet : impossible de lister {parts}</translation>
    </message>
</context>
<context>
    <name>HelpWords</name>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import accounts</source>
        <translation>Importer des comptes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Looking for accounts in ~/.aws, clouds.yaml, rclone.conf and the AWS_*, AZURE_STORAGE_* and OS_* environment variables…</source>
        <translation>Recherche de comptes dans ~/.aws, clouds.yaml, rclone.conf et les variables d&apos;environnement AWS_*, AZURE_STORAGE_* et OS_*…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Comptes trouvés</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
    <message>
        <source>Found 1 account. Tick it to add it:</source>
        <translation>1 compte trouvé. Cochez-le pour l&apos;ajouter :</translation>
    </message>
    <message>
        <source>Found {n} accounts. Tick the ones to add:</source>
        <translation>{n} comptes trouvés. Cochez ceux à ajouter :</translation>
    </message>
    <message>
        <source>No accounts found to import.</source>
        <translation>Aucun compte à importer n&apos;a été trouvé.</translation>
    </message>
    <message>
        <source>Skipped ({n}):</source>
        <translation>Ignorés ({n}) :</translation>
    </message>
    <message>
        <source>Already there as {name}</source>
        <translation>Déjà présent sous le nom {name}</translation>
    </message>
    <message>
        <source>(name taken: saved with a number added) </source>
        <translation>(nom déjà pris : enregistré avec un numéro ajouté) </translation>
    </message>
    <message>
        <source>Add 1 account</source>
        <translation>Ajouter 1 compte</translation>
    </message>
    <message>
        <source>Add {n} accounts</source>
        <translation>Ajouter {n} comptes</translation>
    </message>
    <message>
        <source>Added 1 account.</source>
        <translation>1 compte ajouté.</translation>
    </message>
    <message>
        <source>Added {n} accounts.</source>
        <translation>{n} comptes ajoutés.</translation>
    </message>
    <message>
        <source>{old} was saved as {new}.</source>
        <translation>{old} a été enregistré sous le nom {new}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>%v of %m objects</source>
        <translation>%v sur %m objets</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Applying the changes: {done} of {n} objects done.</source>
        <translation>Application des modifications : {done} sur {n} objets traités.</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {n} objects.</source>
        <translation>Annulé après {done} sur {n} objets.</translation>
    </message>
    <message>
        <source>Changed {done} of {n} objects; {failed} failed, and were left as they were.</source>
        <translation>{done} sur {n} objets modifiés ; {failed} en échec, laissés tels quels.</translation>
    </message>
    <message>
        <source>Changed all {n} objects.</source>
        <translation>Les {n} objets ont tous été modifiés.</translation>
    </message>
</context>
<context>
    <name>JobResultsDialog</name>
    <message>
        <source>Show only the failures</source>
        <extracomment>Rows shown at most (the export and the counts hold them all).</extracomment>
        <translation>Afficher seulement les échecs</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Why / what it is now</source>
        <translation>Pourquoi / état actuel</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Relancer les échecs</translation>
    </message>
    <message>
        <source>Export Failures…</source>
        <translation>Exporter les échecs…</translation>
    </message>
    <message>
        <source>{done} of {total} objects done, {failed} failed.</source>
        <translation>{done} sur {total} objets traités, {failed} en échec.</translation>
    </message>
    <message>
        <source>The failures are listed first, each with the service&apos;s reason.</source>
        <translation>Les échecs sont listés en premier, chacun avec le motif donné par le service.</translation>
    </message>
    <message>
        <source>{n} more not shown; the export holds them all.</source>
        <translation>{n} autres non affichés ; l&apos;export les contient tous.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>The failed objects run again; see Transfers.</source>
        <translation>Les objets en échec sont relancés ; voir Transferts.</translation>
    </message>
    <message>
        <source>Export Failures</source>
        <translation>Exporter les échecs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Écriture de {path}…</translation>
    </message>
    <message>
        <source>{n} failures written to {path}.</source>
        <translation>{n} échecs écrits dans {path}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>Impossible d&apos;écrire {path} : {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{n} container</source>
        <extracomment>The entry to select once listed: the container or folder one came up from.</extracomment>
        <translation>
            <numerusform>{n} conteneur</numerusform>
            <numerusform>{n} conteneurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} containers</source>
        <translation>
            <numerusform>{n} conteneur</numerusform>
            <numerusform>{n} conteneurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <source>This service</source>
        <extracomment>Properties read at the same time (the runner&apos;s pool is shared with the listing).</extracomment>
        <translation>Ce service</translation>
    </message>
    <message>
        <source>Properties of {name}</source>
        <translation>Propriétés de {name}</translation>
    </message>
    <message>
        <source>Properties of {n} Objects</source>
        <translation>Propriétés de {n} objets</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Review Changes…</source>
        <translation>Vérifier les modifications…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>System properties</source>
        <translation>Propriétés système</translation>
    </message>
    <message>
        <source>cannot be set on this service</source>
        <translation>ne peut pas être défini sur ce service</translation>
    </message>
    <message>
        <source>{service} cannot set {header}.</source>
        <translation>{service} ne peut pas définir {header}.</translation>
    </message>
    <message>
        <source>User metadata</source>
        <translation>Métadonnées utilisateur</translation>
    </message>
    <message>
        <source>{service} does not store user metadata.</source>
        <translation>{service} ne stocke pas de métadonnées utilisateur.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the properties…</source>
        <translation>Lecture des propriétés…</translation>
    </message>
    <message>
        <source>Reading the properties… {done} of {n}</source>
        <translation>Lecture des propriétés… {done} sur {n}</translation>
    </message>
    <message>
        <source>{n} objects could not be read and are left out, e.g. {key}: {error}</source>
        <translation>{n} objets n&apos;ont pas pu être lus et sont exclus, p. ex. {key} : {error}</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Reloaded: the object as it is now, with your changes on top. Review them again.</source>
        <translation>Rechargé : l&apos;objet tel qu&apos;il est maintenant, avec vos modifications par-dessus. Vérifiez-les à nouveau.</translation>
    </message>
    <message>
        <source>{key} in {container}</source>
        <translation>{key} dans {container}</translation>
    </message>
    <message>
        <source>{n} objects in {container}</source>
        <translation>{n} objets dans {container}</translation>
    </message>
    <message>
        <source>(various)</source>
        <translation>(divers)</translation>
    </message>
    <message>
        <source>empty: guessed from the name</source>
        <translation>vide : déduit du nom</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Aucune modification pour l&apos;instant.</translation>
    </message>
    <message>
        <source>These changes go to {key}, only if it is still the object shown (ETag {etag}).</source>
        <translation>Ces modifications s&apos;appliquent à {key}, seulement s&apos;il s&apos;agit toujours de l&apos;objet affiché (ETag {etag}).</translation>
    </message>
    <message>
        <source>These changes go to {n} objects as one job. Each is changed only if it is still the object shown (its ETag); keys not listed here stay as each object has them.</source>
        <translation>Ces modifications s&apos;appliquent à {n} objets en une seule tâche. Chacun n&apos;est modifié que s&apos;il s&apos;agit toujours de l&apos;objet affiché (son ETag) ; les clés non listées ici restent telles que chaque objet les a.</translation>
    </message>
    <message>
        <source>Apply to {n} Objects</source>
        <translation>Appliquer à {n} objets</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Properties of {key} saved.</source>
        <translation>Propriétés de {key} enregistrées.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Several objects need the transfer queue.</source>
        <translation>Plusieurs objets nécessitent la file des transferts.</translation>
    </message>
    <message>
        <source>Properties of {n} objects saved.</source>
        <translation>Propriétés de {n} objets enregistrées.</translation>
    </message>
</context>
<context>
    <name>MetadataTable</name>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a key</source>
        <translation>Ajouter une clé</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected keys</source>
        <translation>Supprimer les clés sélectionnées</translation>
    </message>
</context>
<context>
    <name>MetadataTableModel</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>A metadata key is empty: type a key or remove the row.</source>
        <extracomment>Offered as the user types a content type. What was shown when loaded (``None``: various): a key missing now is removed.</extracomment>
        <translation>Une clé de métadonnées est vide : saisissez une clé ou supprimez la ligne.</translation>
    </message>
    <message>
        <source>The key {key!r} appears twice; keys are unique.</source>
        <translation>La clé {key!r} figure deux fois ; les clés doivent être uniques.</translation>
    </message>
    <message>
        <source>(various)</source>
        <translation>(divers)</translation>
    </message>
    <message>
        <source>The selected objects have different values; each keeps its own unless you type one.</source>
        <translation>Les objets sélectionnés ont des valeurs différentes ; chacun garde la sienne, sauf si vous en saisissez une.</translation>
    </message>
    <message>
        <source>The values differ between the objects, so this key cannot be renamed here.</source>
        <translation>Les valeurs diffèrent d&apos;un objet à l&apos;autre : cette clé ne peut donc pas être renommée ici.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Changed (was {key} = {value})</source>
        <translation>Modifié (était {key} = {value})</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>A name cannot hold &apos;/&apos;; it separates folders.</source>
        <translation>Un nom ne peut pas contenir &apos;/&apos; : il sépare les dossiers.</translation>
    </message>
    <message>
        <source>&apos;.&apos; and &apos;..&apos; are not names.</source>
        <translation>&apos;.&apos; et &apos;..&apos; ne sont pas des noms.</translation>
    </message>
    <message>
        <source>A name cannot hold control characters.</source>
        <translation>Un nom ne peut pas contenir de caractères de contrôle.</translation>
    </message>
</context>
<context>
    <name>ObjectTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Classe de stockage</translation>
    </message>
    <message>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <source>Archive status</source>
        <translation>État d’archivage</translation>
    </message>
</context>
<context>
    <name>ObjectsMimeData</name>
    <message>
        <source>Downloading {n} objects for the drop…</source>
        <extracomment>Staging folders older than this are removed at start (a drop may still read them). Downloads ``objects`` into a folder; calls ``done(error or None)`` when finished.</extracomment>
        <translation>Téléchargement de {n} objets pour le dépôt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OpenedFiles</name>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation>Copie locale</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>upload failed</source>
        <translation>échec de l&apos;envoi</translation>
    </message>
</context>
<context>
    <name>OpenedFilesDock</name>
    <message>
        <source>Opened Files</source>
        <extracomment>States shown with a warning: the copy holds a change that is not on the server. Stop watching the copy at this path / settle its conflict.</extracomment>
        <translation>Fichiers ouverts</translation>
    </message>
    <message>
        <source>Uploads stop; the local copy is deleted unless it holds changes not on the server</source>
        <translation>Les envois cessent ; la copie locale est supprimée sauf si elle contient des modifications absentes du serveur</translation>
    </message>
    <message>
        <source>Stop Watching</source>
        <translation>Ne plus surveiller</translation>
    </message>
    <message>
        <source>The object changed on the server: keep yours, theirs, or compare</source>
        <translation>L&apos;objet a changé sur le serveur : garder la vôtre, l&apos;autre, ou comparer</translation>
    </message>
    <message>
        <source>Resolve Conflict…</source>
        <translation>Résoudre le conflit…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Type a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>Name of the new container in {account}:</source>
        <translation>Nom du nouveau conteneur dans {account} :</translation>
    </message>
    <message>
        <source>New Container</source>
        <translation>Nouveau conteneur</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Container {name} created.</source>
        <translation>Conteneur {name} créé.</translation>
    </message>
    <message>
        <source>Delete the empty container {name}?</source>
        <translation>Supprimer le conteneur vide {name} ?</translation>
    </message>
    <message>
        <source>Delete Container</source>
        <translation>Supprimer le conteneur</translation>
    </message>
    <message>
        <source>The container {name} holds {n} objects ({size}).

Delete them all, then the container? This cannot be undone.</source>
        <translation>Le conteneur {name} contient {n} objets ({size}).

Les supprimer tous, puis le conteneur ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete {n} Objects and the Container</source>
        <translation>Supprimer {n} objets et le conteneur</translation>
    </message>
    <message>
        <source>Container {name} deleted.</source>
        <translation>Conteneur {name} supprimé.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Name of the new folder in {place}:</source>
        <translation>Nom du nouveau dossier dans {place} :</translation>
    </message>
    <message>
        <source>Upload Files to {place}</source>
        <translation>Envoyer des fichiers vers {place}</translation>
    </message>
    <message>
        <source>Upload Folder to {place}</source>
        <translation>Envoyer un dossier vers {place}</translation>
    </message>
    <message>
        <source>Download To</source>
        <translation>Télécharger vers</translation>
    </message>
    <message>
        <source>{n} objects</source>
        <translation>{n} objets</translation>
    </message>
    <message>
        <source>{n} folders with everything in them</source>
        <translation>{n} dossiers avec tout leur contenu</translation>
    </message>
    <message>
        <source>the folder {name} with everything in it</source>
        <translation>le dossier {name} avec tout son contenu</translation>
    </message>
    <message>
        <source>Delete {what} from {container}? This cannot be undone.</source>
        <translation>Supprimer {what} de {container} ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>New name for {name}:</source>
        <translation>Nouveau nom pour {name} :</translation>
    </message>
</context>
<context>
    <name>PathBar</name>
    <message>
        <source>account:container/folder/</source>
        <extracomment>The bookmarks ``@NAME`` may name (name -&gt; place text); the window sets it.</extracomment>
        <translation>compte:conteneur/dossier/</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Type account:container/folder/ or @bookmark, then Enter</source>
        <translation>Saisissez compte:conteneur/dossier/ ou @signet, puis Entrée</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Aucun compte sélectionné</translation>
    </message>
    <message>
        <source>Go to {place}</source>
        <translation>Aller à {place}</translation>
    </message>
    <message>
        <source>Type a place as account:container/folder/</source>
        <translation>Saisissez un emplacement sous la forme compte:conteneur/dossier/</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <source>Storage policy:</source>
        <translation>Politique de stockage :</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <source>New on the left: sent</source>
        <extracomment>Where a change&apos;s key is kept on its leaf item.</extracomment>
        <translation>Nouveau à gauche : envoyé</translation>
    </message>
    <message>
        <source>Changed on the left: sent again</source>
        <translation>Modifié à gauche : renvoyé</translation>
    </message>
    <message>
        <source>Only on the right: deleted (tick to delete)</source>
        <translation>Seulement à droite : supprimé (cocher pour supprimer)</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>A branch with at most this many changes opens with its folders open. Leaves shown at most per branch: a plan of a million changes is summed up, not drawn.</extracomment>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
</context>
<context>
    <name>PolicyMoveDialog</name>
    <message>
        <source>Storage Policy of {what}</source>
        <extracomment>Containers looked up at most (a HEAD each: Swift&apos;s account listing names no policy). (container, its policy), by policy then name. More containers than were looked up.</extracomment>
        <translation>Politique de stockage de {what}</translation>
    </message>
    <message>
        <source>Containers of other storage policies</source>
        <translation>Conteneurs d’autres politiques de stockage</translation>
    </message>
    <message>
        <source>{container} (storage policy {policy})</source>
        <translation>{container} (politique de stockage {policy})</translation>
    </message>
    <message>
        <source>Delete the originals once copied (a move)</source>
        <translation>Supprimer les originaux une fois copiés (un déplacement)</translation>
    </message>
    <message>
        <source>No container of another storage policy yet: create one in the policy wanted (storebrowser-cli mb --class POLICY NAME), then come back.</source>
        <translation>Aucun conteneur d&apos;une autre politique de stockage pour l&apos;instant : créez-en un dans la politique voulue (storebrowser-cli mb --class POLITIQUE NOM), puis revenez.</translation>
    </message>
    <message>
        <source>The first {n} containers were looked at.</source>
        <translation>Les {n} premiers conteneurs ont été examinés.</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>celle par défaut</translation>
    </message>
    <message>
        <source>{what} in {container} live in its storage policy, {policy}: Swift keeps every object of a container in the policy the container was created with. To put them in another policy, they are copied (server-side, keys unchanged) into a container of that policy.</source>
        <translation>{what} dans {container} se trouvent dans sa politique de stockage, {policy} : Swift garde chaque objet d&apos;un conteneur dans la politique avec laquelle le conteneur a été créé. Pour les placer dans une autre politique, ils sont copiés (côté serveur, clés inchangées) dans un conteneur de cette politique.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>PreflightBox</name>
    <message>
        <source>Live preflight check</source>
        <translation>Test de pré-vérification (preflight) en direct</translation>
    </message>
    <message>
        <source>An object of the container</source>
        <translation>Un objet du conteneur</translation>
    </message>
    <message>
        <source>Send Preflight</source>
        <translation>Envoyer la pré-vérification</translation>
    </message>
    <message>
        <source>From origin:</source>
        <translation>Depuis l&apos;origine :</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Méthode :</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Name an object of the container to ask about.</source>
        <translation>Indiquez un objet du conteneur à interroger.</translation>
    </message>
    <message>
        <source>The rules say: allowed by rule {n}.</source>
        <translation>Les règles disent : autorisé par la règle {n}.</translation>
    </message>
    <message>
        <source>The rules say: refused.</source>
        <translation>Les règles disent : refusé.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>to the end</source>
        <extracomment>An earlier version of ``info`` to read instead of the current one. The engine&apos;s limit, which reads here share (the window sets it; none in tests). The next bytes to arrive are a new object&apos;s first: they choose the tab.</extracomment>
        <translation>jusqu&apos;à la fin</translation>
    </message>
    <message>
        <source>First byte shown (counted from 0; negative: from the end)</source>
        <translation>Premier octet affiché (compté à partir de 0 ; négatif : depuis la fin)</translation>
    </message>
    <message>
        <source>Byte after the last one shown (empty: to the end; at most {cap} at once)</source>
        <translation>Octet après le dernier affiché (vide : jusqu&apos;à la fin ; au plus {cap} à la fois)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Next Range</source>
        <translation>Plage suivante</translation>
    </message>
    <message>
        <source>How the text view decodes the bytes</source>
        <translation>Comment la vue texte décode les octets</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Bytes [</source>
        <translation>Octets [</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Encodage :</translation>
    </message>
    <message>
        <source>A folder: nothing to preview.</source>
        <translation>Un dossier : rien à prévisualiser.</translation>
    </message>
    <message>
        <source>Select an object to preview its first bytes.</source>
        <translation>Sélectionnez un objet pour afficher ses premiers octets.</translation>
    </message>
    <message>
        <source>{key} — {size}</source>
        <translation>{key} — {size}</translation>
    </message>
    <message>
        <source>{size} ({n} bytes)</source>
        <translation>{size} ({n} octets)</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}, version {version}</translation>
    </message>
    <message>
        <source>Reading bytes [{start}:{end}]…</source>
        <translation>Lecture des octets [{start}:{end}]…</translation>
    </message>
    <message>
        <source>The object ended after {n} bytes (it is shorter than listed).</source>
        <translation>L&apos;objet s&apos;est terminé après {n} octets (il est plus court qu&apos;indiqué dans la liste).</translation>
    </message>
    <message>
        <source>The end is past the end of the object: clamped to {size}.</source>
        <translation>La fin dépasse la fin de l&apos;objet : ramenée à {size}.</translation>
    </message>
    <message>
        <source>The start is past the end of the object ({size} bytes): nothing to show.</source>
        <translation>Le début dépasse la fin de l&apos;objet ({size} octets) : rien à afficher.</translation>
    </message>
    <message>
        <source>At most {cap} are shown at once: cut at {end}.</source>
        <translation>Au plus {cap} sont affichés à la fois : coupé à {end}.</translation>
    </message>
    <message>
        <source>Bytes [{start}:{end}] of {size}.</source>
        <translation>Octets [{start}:{end}] sur {size}.</translation>
    </message>
    <message>
        <source>Not checked: this service cannot prove part of an object, and this one is larger than {cap}, the most a preview reads whole to check the bytes it shows.</source>
        <translation>Non vérifié : ce service ne peut prouver aucune partie d&apos;un objet, et celui-ci dépasse {cap}, le maximum qu&apos;un aperçu lit en entier pour vérifier les octets qu&apos;il montre.</translation>
    </message>
    <message>
        <source>Not checked: the service gives no checksum for this object, so its bytes cannot be proven.</source>
        <translation>Non vérifié : le service ne donne aucune somme de contrôle pour cet objet, ses octets ne peuvent donc pas être prouvés.</translation>
    </message>
    <message>
        <source>An image is recognised by its first bytes; this range starts at {start}.</source>
        <translation>Une image se reconnaît à ses premiers octets ; cette plage commence à {start}.</translation>
    </message>
    <message>
        <source>The object is empty (0 bytes).</source>
        <translation>L&apos;objet est vide (0 octet).</translation>
    </message>
    <message>
        <source>The start is not before the end: an empty range.</source>
        <translation>Le début n&apos;est pas avant la fin : plage vide.</translation>
    </message>
    <message>
        <source>No preview for this kind of file. The Hex tab shows its bytes.</source>
        <translation>Pas d&apos;aperçu pour ce type de fichier. L&apos;onglet Hex en montre les octets.</translation>
    </message>
    <message>
        <source>Not an image: the bytes do not start as a PNG, JPEG, GIF, BMP or WebP.</source>
        <translation>Pas une image : les octets ne commencent pas comme un PNG, JPEG, GIF, BMP ou WebP.</translation>
    </message>
    <message>
        <source>The bytes start as a {kind} image, but it cannot be decoded.</source>
        <translation>Les octets commencent comme une image {kind}, mais elle ne peut pas être décodée.</translation>
    </message>
    <message>
        <source>{kind} image, {w} x {h} pixels.</source>
        <translation>Image {kind}, {w} x {h} pixels.</translation>
    </message>
    <message>
        <source>A {kind} image of {size}; this range holds only part of it.</source>
        <translation>Une image {kind} de {size} ; cette plage n&apos;en contient qu&apos;une partie.</translation>
    </message>
    <message>
        <source>A {kind} image of {size}: larger than a preview ({cap}), so it is not shown.</source>
        <translation>Une image {kind} de {size} : plus grande qu&apos;un aperçu ({cap}), elle n&apos;est donc pas affichée.</translation>
    </message>
    <message>
        <source>Show Whole Image ({size})</source>
        <translation>Afficher l&apos;image entière ({size})</translation>
    </message>
</context>
<context>
    <name>PreviewWords</name>
    <message>
        <source>Preview</source>
        <extracomment>A selection held this long is previewed (arrowing through rows asks nothing).</extracomment>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Show the first bytes of the current object</source>
        <translation>Afficher les premiers octets de l&apos;objet courant</translation>
    </message>
    <message>
        <source>Preview (F3, or Space in the list)</source>
        <translation>Aperçu (F3, ou Espace dans la liste)</translation>
    </message>
</context>
<context>
    <name>PropertiesTabs</name>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish as Website</source>
        <extracomment>HTML files looked for in the chosen folder (the choices for index and error page).</extracomment>
        <translation>Publier comme site web</translation>
    </message>
    <message>
        <source>The folder that holds the site</source>
        <translation>Le dossier qui contient le site</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Conteneur :</translation>
    </message>
    <message>
        <source>Local folder:</source>
        <translation>Dossier local :</translation>
    </message>
    <message>
        <source>Index page:</source>
        <translation>Page d&apos;index :</translation>
    </message>
    <message>
        <source>Error page:</source>
        <translation>Page d&apos;erreur :</translation>
    </message>
    <message>
        <source>The Site&apos;s Folder</source>
        <translation>Le dossier du site</translation>
    </message>
    <message>
        <source>Looking at the folder…</source>
        <translation>Examen du dossier…</translation>
    </message>
    <message>
        <source>Choose a container.</source>
        <translation>Choisissez un conteneur.</translation>
    </message>
    <message>
        <source>Choose the folder to publish.</source>
        <translation>Choisissez le dossier à publier.</translation>
    </message>
    <message>
        <source>{index} is not in the folder.</source>
        <translation>{index} n&apos;est pas dans le dossier.</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick Look</source>
        <extracomment>Share of the explorer window Quick Look covers.</extracomment>
        <translation>Coup d&apos;œil</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Quick Look: {name}</source>
        <translation>Coup d&apos;œil : {name}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Archive</source>
        <translation>Restaurer depuis l&apos;archive</translation>
    </message>
    <message>
        <source>Restore</source>
        <extracomment>The job once it runs (the transfers panel shows it too).</extracomment>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep the copy for:</source>
        <translation>Garder la copie pendant :</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Déplacer vers :</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorité :</translation>
    </message>
    <message>
        <source>Restore {0} to a Date</source>
        <translation>Restaurer {0} à une date</translation>
    </message>
    <message>
        <source>Show Plan</source>
        <translation>Afficher le plan</translation>
    </message>
    <message>
        <source>Pick the moment to bring {0} back to, then look at the plan.</source>
        <translation>Choisissez le moment auquel ramener {0}, puis examinez le plan.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>As it was at:</source>
        <translation>Tel qu&apos;il était le :</translation>
    </message>
    <message>
        <source>That moment is in the future: pick one in the past.</source>
        <translation>Ce moment est dans le futur : choisissez-en un dans le passé.</translation>
    </message>
    <message>
        <source>Reading the versions of every object in this folder and below…</source>
        <translation>Lecture des versions de chaque objet de ce dossier et en dessous…</translation>
    </message>
    <message>
        <source>Also delete for good the {0} that did not exist then (this service keeps no delete marker: they and their snapshots cannot be brought back)</source>
        <translation>Supprimer aussi définitivement les {0} qui n&apos;existaient pas à ce moment-là (ce service ne garde pas de marqueur de suppression : eux et leurs instantanés ne pourront pas être récupérés)</translation>
    </message>
    <message>
        <source>Nothing restored: {0} left (not confirmed).</source>
        <translation>Rien de restauré : {0} laissés (non confirmés).</translation>
    </message>
    <message>
        <source>Restoring {0}…</source>
        <translation>Restauration de {0}…</translation>
    </message>
    <message>
        <source>Stopped: {0} restored.</source>
        <translation>Arrêté : {0} restaurés.</translation>
    </message>
    <message>
        <source> {0} failed, {1}: {2} Retry them from the transfers panel.</source>
        <translation> {0} en échec, {1} : {2} Réessayez-les depuis le panneau des transferts.</translation>
    </message>
    <message>
        <source>Done: {0} restored.</source>
        <translation>Terminé : {0} restaurés.</translation>
    </message>
    <message numerus="yes">
        <source>Restore {n} Object</source>
        <translation>
            <numerusform>Restaurer {n} objet</numerusform>
            <numerusform>Restaurer {n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore {n} Objects</source>
        <translation>
            <numerusform>Restaurer {n} objet</numerusform>
            <numerusform>Restaurer {n} objets</numerusform>
        </translation>
    </message>
    <message>
        <source> {0} left (not confirmed).</source>
        <translation> {0} laissés (non confirmés).</translation>
    </message>
</context>
<context>
    <name>RestoreWords</name>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message>
        <source>comes back</source>
        <translation>revient</translation>
    </message>
    <message>
        <source>back to its content then</source>
        <translation>revient à son contenu d’alors</translation>
    </message>
    <message>
        <source>deleted (did not exist then)</source>
        <translation>supprimé (n’existait pas alors)</translation>
    </message>
    <message>
        <source>left as it is (its content then was not kept)</source>
        <translation>laissé tel quel (son contenu d’alors n’a pas été conservé)</translation>
    </message>
    <message numerus="yes">
        <source>{n} object is</source>
        <translation>
            <numerusform>{n} objet est</numerusform>
            <numerusform>{n} objets sont</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects are</source>
        <translation>
            <numerusform>{n} objet est</numerusform>
            <numerusform>{n} objets sont</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do: {objects} as they were at {moment}.</source>
        <translation>Rien à faire : {objects} comme au {moment}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} unchanged</source>
        <translation>
            <numerusform>{n} inchangé</numerusform>
            <numerusform>{n} inchangés</numerusform>
        </translation>
    </message>
    <message>
        <source>As at {moment}: {parts}. Nothing has changed yet.</source>
        <translation>Au {moment} : {parts}. Rien n’a encore changé.</translation>
    </message>
    <message numerus="yes">
        <source>{n} comes back</source>
        <translation>
            <numerusform>{n} revient</numerusform>
            <numerusform>{n} reviennent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} come back</source>
        <translation>
            <numerusform>{n} revient</numerusform>
            <numerusform>{n} reviennent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} goes back to its content then</source>
        <translation>
            <numerusform>{n} revient à son contenu d’alors</numerusform>
            <numerusform>{n} reviennent à leur contenu d’alors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} go back to their content then</source>
        <translation>
            <numerusform>{n} revient à son contenu d’alors</numerusform>
            <numerusform>{n} reviennent à leur contenu d’alors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deleted (it did not exist then)</source>
        <translation>
            <numerusform>{n} supprimé (n’existait pas alors)</numerusform>
            <numerusform>{n} supprimés (n’existaient pas alors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deleted (they did not exist then)</source>
        <translation>
            <numerusform>{n} supprimé (n’existait pas alors)</numerusform>
            <numerusform>{n} supprimés (n’existaient pas alors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} left as it is (its content then was not kept)</source>
        <translation>
            <numerusform>{n} laissé tel quel (son contenu d’alors n’a pas été conservé)</numerusform>
            <numerusform>{n} laissés tels quels (leur contenu d’alors n’a pas été conservé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} left as they are (their content then was not kept)</source>
        <translation>
            <numerusform>{n} laissé tel quel (son contenu d’alors n’a pas été conservé)</numerusform>
            <numerusform>{n} laissés tels quels (leur contenu d’alors n’a pas été conservé)</numerusform>
        </translation>
    </message>
    <message>
        <source>did not exist</source>
        <translation>n’existait pas</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>À cette date</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
</context>
<context>
    <name>RoundTrip</name>
    <message>
        <source>Overwrite Their Version</source>
        <extracomment>A copy was checked (and uploaded, or not): its path and the ``Outcome`` value. Asks how to settle a conflict (tests answer here).</extracomment>
        <translation>Écraser l&apos;autre version</translation>
    </message>
    <message>
        <source>Replace the version of {key} on the server with yours? Theirs is lost unless the container keeps versions.</source>
        <translation>Remplacer la version de {key} sur le serveur par la vôtre ? L&apos;autre est perdue sauf si le conteneur garde les versions.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Save</source>
        <extracomment>What loading or saving gives back: the rules kept, and a note on where they apply.</extracomment>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Valid; Save sends it.</source>
        <translation>Valide ; Enregistrer l&apos;envoie.</translation>
    </message>
    <message>
        <source>As kept now.</source>
        <translation>Tel qu&apos;enregistré actuellement.</translation>
    </message>
    <message>
        <source>Saved: {n} rules kept.</source>
        <translation>Enregistré : {n} règles conservées.</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Afficher la saisie</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Delete the stored value when saving</source>
        <translation>Supprimer la valeur stockée à l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Will be deleted when you save</source>
        <translation>Sera supprimé à l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Type a new value to replace the stored one.</source>
        <translation>Saisissez une nouvelle valeur pour remplacer celle enregistrée.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Enregistré dans le trousseau</translation>
    </message>
    <message>
        <source>Stored in the secrets file</source>
        <translation>Enregistré dans le fichier de secrets</translation>
    </message>
    <message>
        <source>Kept for this session only</source>
        <translation>Conservé pour cette session uniquement</translation>
    </message>
</context>
<context>
    <name>SelectionWords</name>
    <message numerus="yes">
        <source>{n} object</source>
        <extracomment>S3 keeps a restored copy this many days unless asked otherwise (as the CLI does). What S3 takes at most (AWS: 1 to 30,000 days... we offer up to ten years).</extracomment>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} folder with everything in it</source>
        <translation>
            <numerusform>{n} dossier avec tout son contenu</numerusform>
            <numerusform>{n} dossiers avec tout leur contenu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} folders with everything in them</source>
        <translation>
            <numerusform>{n} dossier avec tout son contenu</numerusform>
            <numerusform>{n} dossiers avec tout leur contenu</numerusform>
        </translation>
    </message>
    <message>
        <source>{objects} and {folders}</source>
        <translation>{objects} et {folders}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Who Can Read {subject}?</source>
        <translation>Qui peut lire {subject} ?</translation>
    </message>
    <message>
        <source>Who Can Read This?</source>
        <translation>Qui peut lire ceci ?</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Objects under a prefix expire, or move to a colder class, a number of days after they were created (S3 acts once a day, at midnight UTC).</source>
        <translation>Les objets sous un préfixe expirent, ou passent dans une classe plus froide, un certain nombre de jours après leur création (S3 agit une fois par jour, à minuit UTC).</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
</context>
<context>
    <name>ShareUrlDialog</name>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Time-Limited URL</source>
        <translation>URL temporaire</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Valide pendant</translation>
    </message>
    <message>
        <source>Unit of time</source>
        <translation>Unité de temps</translation>
    </message>
    <message>
        <source>Press “Make URL”</source>
        <translation>Appuyez sur « Créer l&apos;URL »</translation>
    </message>
    <message>
        <source>Make URL</source>
        <translation>Créer l&apos;URL</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Valide pendant :</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL :</translation>
    </message>
    <message>
        <source>At most 7 days.</source>
        <translation>7 jours au maximum.</translation>
    </message>
    <message>
        <source>Anyone with this URL can read the object until it expires.</source>
        <translation>Toute personne disposant de cette URL peut lire l&apos;objet jusqu&apos;à son expiration.</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Copied {n} paths.</source>
        <translation>{n} chemins copiés.</translation>
    </message>
    <message>
        <source>Copied {path}</source>
        <translation>{path} copié</translation>
    </message>
    <message>
        <source>Copied. The URL opens for anyone only if the container is public; Copy Time-Limited URL makes one that always works.</source>
        <translation>Copiée. L&apos;URL ne s&apos;ouvre pour tous que si le conteneur est public ; Copier une URL temporaire en crée une qui fonctionne toujours.</translation>
    </message>
    <message>
        <source>Change the Account?</source>
        <translation>Modifier le compte ?</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <extracomment>Keys that no menu shows: what they do where they work.</extracomment>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to {account}</source>
        <translation>Se connecter à {account}</translation>
    </message>
    <message>
        <source>{account} needs its {labels} to sign in.</source>
        <translation>Pour se connecter, {account} a besoin de : {labels}.</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <source>Remember in the secrets file</source>
        <translation>Mémoriser dans le fichier de secrets</translation>
    </message>
    <message>
        <source>The file is not encrypted; only your user can read it.</source>
        <translation>Le fichier n&apos;est pas chiffré ; seul votre utilisateur peut le lire.</translation>
    </message>
    <message>
        <source>Remember in a file (not encrypted)</source>
        <translation>Mémoriser dans un fichier (non chiffré)</translation>
    </message>
    <message>
        <source>This computer has no system keyring: unless you choose the file, the secret is forgotten when StoreBrowser closes. Only your user can read the file, but anyone with access to your files or backups can.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : à moins de choisir le fichier, le secret est oublié à la fermeture de StoreBrowser. Seul votre utilisateur peut lire le fichier, mais toute personne ayant accès à vos fichiers ou à vos sauvegardes le peut aussi.</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>SignInWords</name>
    <message>
        <source>{account} needs you to sign in again.</source>
        <extracomment>Account name -&gt; what runs once it is signed in (a prompt is open or coming).</extracomment>
        <translation>{account} vous demande de vous reconnecter.</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Edit Account…</source>
        <translation>Modifier le compte…</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Folder Statistics</source>
        <translation>Statistiques du dossier</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Statistics</source>
        <extracomment>Sums shown while counting, at most this often. Sub-folders listed by name; the rest are summed in one line.</extracomment>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Count Again</source>
        <translation>Recompter</translation>
    </message>
    <message>
        <source>Counted before; Count Again counts anew.</source>
        <translation>Compté auparavant ; Recompter compte à nouveau.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Stopped: the sums below are what was counted so far.</source>
        <translation>Arrêté : les totaux ci-dessous correspondent à ce qui a été compté jusqu&apos;ici.</translation>
    </message>
    <message>
        <source>Counting… {objects} so far</source>
        <translation>Comptage… {objects} jusqu&apos;ici</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>objets</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Incomplete: could not list {parts}</source>
        <translation>Incomplet : impossible de lister {parts}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Class {name}</source>
        <translation>Classe {name}</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(non indiquée)</translation>
    </message>
    <message>
        <source>(objects here)</source>
        <translation>(objets ici)</translation>
    </message>
    <message>
        <source>{n} more folders</source>
        <translation>{n} autres dossiers</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>The account could not be reached; the message above says why.</source>
        <translation>Le compte n&apos;a pas pu être joint ; le message ci-dessus explique pourquoi.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No containers yet.
File ▸ New Container… makes one.</source>
        <translation>Pas encore de conteneur.
Fichier ▸ Nouveau conteneur… en crée un.</translation>
    </message>
    <message>
        <source>The listing failed; the message above says why.</source>
        <translation>La liste a échoué ; le message ci-dessus explique pourquoi.</translation>
    </message>
    <message>
        <source>No loaded name contains “{text}”.</source>
        <translation>Aucun nom chargé ne contient « {text} ».</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Nothing below matches.</source>
        <translation>Rien en dessous ne correspond.</translation>
    </message>
    <message>
        <source>No name starts with “{text}”.</source>
        <translation>Aucun nom ne commence par « {text} ».</translation>
    </message>
    <message>
        <source>This folder is empty.
Drop files here, or use Upload Files… (Ctrl+U).</source>
        <translation>Ce dossier est vide.
Déposez des fichiers ici ou utilisez Envoyer des fichiers… (Ctrl+U).</translation>
    </message>
    <message>
        <source>This container is empty.
Drop files here, or use Upload Files… (Ctrl+U).</source>
        <translation>Ce conteneur est vide.
Déposez des fichiers ici ou utilisez Envoyer des fichiers… (Ctrl+U).</translation>
    </message>
    <message>
        <source>{found} found among {scanned} below {place}, {size} — {what}</source>
        <translation>{found} trouvés parmi {scanned} sous {place}, {size} — {what}</translation>
    </message>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message>
        <source> (incomplete)</source>
        <translation> (incomplet)</translation>
    </message>
    <message>
        <source> (searching…)</source>
        <translation> (recherche…)</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (arrêté)</translation>
    </message>
    <message>
        <source>{shown} of {loaded} match, {size}</source>
        <translation>{shown} sur {loaded} correspondent, {size}</translation>
    </message>
    <message numerus="yes">
        <source>{n} item</source>
        <translation>
            <numerusform>{n} élément</numerusform>
            <numerusform>{n} éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} items</source>
        <translation>
            <numerusform>{n} élément</numerusform>
            <numerusform>{n} éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>{items}, {size}</source>
        <translation>{items}, {size}</translation>
    </message>
    <message>
        <source> — names starting with “{text}”</source>
        <translation> — noms commençant par « {text} »</translation>
    </message>
    <message>
        <source> (loaded so far)</source>
        <translation> (chargés jusqu&apos;ici)</translation>
    </message>
    <message>
        <source>{n} selected ({size})</source>
        <translation>{n} sélectionné(s) ({size})</translation>
    </message>
    <message>
        <source>{n} selected (at least {size})</source>
        <translation>{n} sélectionné(s) (au moins {size})</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} sélectionné(s)</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>New Tab</source>
        <translation>Nouvel onglet</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Fermer l’onglet</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>Onglet suivant</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>Onglet précédent</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Onglets</translation>
    </message>
    <message>
        <source>The places open in tabs; Ctrl+Tab goes to the next one</source>
        <translation>Les emplacements ouverts en onglets ; Ctrl+Tab passe au suivant</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Objects go into a container or a folder: open one in that tab first.</source>
        <translation>Les objets vont dans un conteneur ou un dossier : ouvrez-en d’abord un dans cet onglet.</translation>
    </message>
    <message>
        <source>Tabs not reopened: their account is gone ({names}).</source>
        <translation>Onglets non rouverts : leur compte n’existe plus ({names}).</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags of {what}</source>
        <translation>Étiquettes de {what}</translation>
    </message>
    <message>
        <source>Save Tags</source>
        <translation>Enregistrer les étiquettes</translation>
    </message>
    <message>
        <source>Apply to All</source>
        <translation>Appliquer à tous</translation>
    </message>
    <message>
        <source>The tags of {what} (they drive lifecycle rules and access policies).</source>
        <translation>Les étiquettes de {what} (elles pilotent les règles de cycle de vie et les stratégies d&apos;accès).</translation>
    </message>
    <message>
        <source>Change the tags of {what}, as one job: each object gets the tags below and loses the keys to remove, and keeps its other tags.</source>
        <translation>Modifier les étiquettes de {what} en une seule tâche : chaque objet reçoit les étiquettes ci-dessous, perd les clés à supprimer et garde ses autres étiquettes.</translation>
    </message>
</context>
<context>
    <name>TagsEditor</name>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Set these tags</source>
        <translation>Définir ces étiquettes</translation>
    </message>
    <message>
        <source>Remove these keys</source>
        <translation>Supprimer ces clés</translation>
    </message>
    <message>
        <source>One key a line</source>
        <translation>Une clé par ligne</translation>
    </message>
    <message>
        <source>Reading the tags…</source>
        <translation>Lecture des étiquettes…</translation>
    </message>
    <message>
        <source>A tag needs a key.</source>
        <translation>Une étiquette doit avoir une clé.</translation>
    </message>
    <message>
        <source>The key {key} is there twice.</source>
        <translation>La clé {key} figure deux fois.</translation>
    </message>
    <message>
        <source>{key} is both set and removed.</source>
        <translation>{key} est à la fois définie et supprimée.</translation>
    </message>
    <message>
        <source>Add a tag to set or a key to remove.</source>
        <translation>Ajoutez une étiquette à définir ou une clé à supprimer.</translation>
    </message>
</context>
<context>
    <name>TagsTab</name>
    <message>
        <source>Save Tags</source>
        <translation>Enregistrer les étiquettes</translation>
    </message>
    <message>
        <source>This service keeps no tags.</source>
        <translation>Ce service ne conserve pas d&apos;étiquettes.</translation>
    </message>
    <message>
        <source>Apply Tags to {n} Objects</source>
        <translation>Appliquer les étiquettes à {n} objets</translation>
    </message>
    <message>
        <source>Tags drive lifecycle rules and access policies. They are saved on their own (Save Tags), without changing the object.</source>
        <translation>Les étiquettes pilotent les règles de cycle de vie et les stratégies d&apos;accès. Elles sont enregistrées à part (Enregistrer les étiquettes), sans modifier l&apos;objet.</translation>
    </message>
    <message>
        <source>Each of the {n} objects gets the tags below and loses the keys to remove, and keeps its other tags; saved as one job (Apply Tags), without changing the objects.</source>
        <translation>Chacun des {n} objets reçoit les étiquettes ci-dessous, perd les clés à supprimer et garde ses autres étiquettes ; enregistré en une seule tâche (Appliquer les étiquettes), sans modifier les objets.</translation>
    </message>
    <message>
        <source>Saving tags needs the transfer queue.</source>
        <translation>L&apos;enregistrement des étiquettes nécessite la file des transferts.</translation>
    </message>
    <message>
        <source>Tags of {n} objects saved.</source>
        <translation>Étiquettes de {n} objets enregistrées.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
</context>
<context>
    <name>TierWords</name>
    <message numerus="yes">
        <source>{what}: now in {storage_class} ({n} objects).</source>
        <translation>
            <numerusform>{what} : désormais en {storage_class} ({n} objet).</numerusform>
            <numerusform>{what} : désormais en {storage_class} ({n} objets).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: restore asked for {n} archived objects; they can be read once it is done.</source>
        <translation>
            <numerusform>{what} : restauration demandée pour {n} objet archivé ; il sera lisible une fois terminée.</numerusform>
            <numerusform>{what} : restauration demandée pour {n} objets archivés ; ils seront lisibles une fois terminée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: tags changed on {n} objects.</source>
        <translation>
            <numerusform>{what} : étiquettes modifiées sur {n} objet.</numerusform>
            <numerusform>{what} : étiquettes modifiées sur {n} objets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>{failed} of {total} objects failed ({what}).</source>
        <extracomment>What a restore asks: days (S3), priority, the tier to go to (Azure).</extracomment>
        <translation>{failed} objets sur {total} en échec ({what}).</translation>
    </message>
    <message>
        <source>Show Failures…</source>
        <translation>Afficher les échecs…</translation>
    </message>
    <message>
        <source>Results: {what}</source>
        <translation>Résultats : {what}</translation>
    </message>
    <message>
        <source>storage class change</source>
        <translation>changement de classe de stockage</translation>
    </message>
    <message>
        <source>restore from archive</source>
        <translation>restauration depuis l’archive</translation>
    </message>
    <message>
        <source>tag change</source>
        <translation>changement d’étiquettes</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Already there</source>
        <extracomment>Object names of the buttons, for tests and for people automating the app.</extracomment>
        <translation>Déjà présent</translation>
    </message>
    <message>
        <source>“{name}” exists already.</source>
        <translation>« {name} » existe déjà.</translation>
    </message>
    <message>
        <source>In {where}. What should this download do?</source>
        <translation>Dans {where}. Que doit faire ce téléchargement ?</translation>
    </message>
    <message>
        <source>On the server as {where}. What should this transfer do?</source>
        <translation>Sur le serveur sous {where}. Que doit faire ce transfert ?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Skip if same size</source>
        <translation>Ignorer si même taille</translation>
    </message>
    <message>
        <source>Skip if identical</source>
        <translation>Ignorer si identique</translation>
    </message>
    <message>
        <source>Save the new one under a numbered name: report (1).pdf</source>
        <translation>Enregistrer le nouveau sous un nom numéroté : rapport (1).pdf</translation>
    </message>
    <message>
        <source>Leave it when the server&apos;s checksum proves it the same (an earlier download finished it); otherwise download it again.</source>
        <translation>Le laisser si la somme de contrôle du serveur le montre identique (un téléchargement précédent l&apos;a terminé) ; sinon le télécharger à nouveau.</translation>
    </message>
    <message>
        <source>Leave it when it has the same size (an earlier transfer finished it); otherwise overwrite it.</source>
        <translation>Le laisser s&apos;il a la même taille (un transfert précédent l&apos;a terminé) ; sinon l&apos;écraser.</translation>
    </message>
    <message>
        <source>Do the same for every conflict of this transfer</source>
        <translation>Faire de même pour chaque conflit de ce transfert</translation>
    </message>
    <message>
        <source>Unfinished transfers</source>
        <translation>Transferts inachevés</translation>
    </message>
    <message>
        <source>Resume the unfinished transfer from last time?</source>
        <translation>Reprendre le transfert inachevé de la dernière fois ?</translation>
    </message>
    <message>
        <source>Resume {n} unfinished transfers from last time?</source>
        <translation>Reprendre les {n} transferts inachevés de la dernière fois ?</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <extracomment>``common_folder`` answers, by the identity of the keys tuple (a job&apos;s snapshots share its spec): the panel asks for every visible cell at every refresh, and a job of 100,000 sources takes ~10 ms to compute.</extracomment>
        <translation>… et {n} autres</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Cancel them: partial files and unfinished uploads are removed.</source>
        <translation>Les annuler : les fichiers partiels et les envois inachevés sont supprimés.</translation>
    </message>
    <message>
        <source>Keep them paused in the transfers panel.</source>
        <translation>Les garder en pause dans le panneau des transferts.</translation>
    </message>
    <message>
        <source>Transfers are running</source>
        <extracomment>Another window on the same engine is open: this one closes without stopping it. The last answer: &quot;pause&quot;, &quot;cancel&quot;, &quot;stay&quot; or &quot;&quot; (nothing was running).</extracomment>
        <translation>Des transferts sont en cours</translation>
    </message>
    <message>
        <source>A transfer is still running.</source>
        <translation>Un transfert est encore en cours.</translation>
    </message>
    <message>
        <source>{n} transfers are still running.</source>
        <translation>{n} transferts sont encore en cours.</translation>
    </message>
    <message>
        <source>Pause them to continue at the next start, or cancel them (partial files and unfinished uploads are removed)? Paused transfers stay paused.</source>
        <translation>Les mettre en pause pour les poursuivre au prochain démarrage, ou les annuler (les fichiers partiels et les envois inachevés sont supprimés) ? Les transferts en pause restent en pause.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel transfers</source>
        <translation>Annuler les transferts</translation>
    </message>
    <message>
        <source>Don&apos;t quit</source>
        <translation>Ne pas quitter</translation>
    </message>
    <message>
        <source>Cancelling transfers and removing partial files…</source>
        <translation>Annulation des transferts et suppression des fichiers partiels…</translation>
    </message>
    <message>
        <source>Pausing transfers…</source>
        <translation>Mise en pause des transferts…</translation>
    </message>
    <message>
        <source>Transfers</source>
        <extracomment>A job that ran at least this long is worth a notification when the window is elsewhere. What the buttons act on when no row is selected: Cancel only what is running. Rows an empty panel keeps room for (the header and the toolbar besides).
----------
Used for notifications; made on first need when the desktop has a tray. The &quot;already there&quot; questions on screen, oldest first, with the job each is for.</extracomment>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Each transfer with its progress, state, size, rate and time left</source>
        <translation>Chaque transfert avec sa progression, son état, sa taille, son débit et le temps restant</translation>
    </message>
    <message>
        <source>Pause the selected transfers (running parts finish)</source>
        <translation>Mettre en pause les transferts sélectionnés (les parties en cours se terminent)</translation>
    </message>
    <message>
        <source>Resume the selected transfers</source>
        <translation>Reprendre les transferts sélectionnés</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Run the failed items of the selected transfers again</source>
        <translation>Relancer les éléments échoués des transferts sélectionnés</translation>
    </message>
    <message>
        <source>Cancel the selected transfers and remove what they left half-done</source>
        <translation>Annuler les transferts sélectionnés et supprimer ce qui est resté à moitié fait</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Pause the running and queued transfers</source>
        <translation>Mettre en pause les transferts en cours et en attente</translation>
    </message>
    <message>
        <source>Resume the paused transfers</source>
        <translation>Reprendre les transferts en pause</translation>
    </message>
    <message>
        <source>Run the failed items of failed transfers again</source>
        <translation>Relancer les éléments échoués des transferts échoués</translation>
    </message>
    <message>
        <source>Cancel the running transfers and remove what they left half-done</source>
        <translation>Annuler les transferts en cours et supprimer ce qui est resté à moitié fait</translation>
    </message>
    <message>
        <source>Move to top</source>
        <translation>Mettre en tête</translation>
    </message>
    <message>
        <source>Run the selected transfers next</source>
        <translation>Exécuter ensuite les transferts sélectionnés</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled transfers from the list</source>
        <translation>Retirer de la liste les transferts terminés, échoués et annulés</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Effacer les terminés</translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>En attente de votre réponse</translation>
    </message>
    <message>
        <source>Finished: {title}</source>
        <translation>Terminé : {title}</translation>
    </message>
    <message>
        <source>Failed: {title}: {why}</source>
        <translation>Échec : {title} : {why}</translation>
    </message>
    <message>
        <source>Cancelled: {title}</source>
        <translation>Annulé : {title}</translation>
    </message>
    <message>
        <source>Transfer finished</source>
        <translation>Transfert terminé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Waiting</source>
        <extracomment>Progress as a float 0-100, or None while the total is unknown (the delegate reads it). The row&apos;s ``State``. The id of the row&apos;s job (items too). Item rows exposed to views (0 until a view expands the job). Jobs whose worker waits for the user&apos;s answer to a question (&quot;already there&quot;).</extracomment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>A question is open: double-click this transfer to see it.</source>
        <translation>Une question est ouverte : double-cliquez sur ce transfert pour la voir.</translation>
    </message>
    <message>
        <source>{progress}, {state}</source>
        <translation>{progress}, {state}</translation>
    </message>
    <message numerus="yes">
        <source>{n} file</source>
        <translation>
            <numerusform>{n} fichier</numerusform>
            <numerusform>{n} fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} files</source>
        <translation>
            <numerusform>{n} fichier</numerusform>
            <numerusform>{n} fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} change</source>
        <translation>
            <numerusform>{n} changement</numerusform>
            <numerusform>{n} changements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} changes</source>
        <translation>
            <numerusform>{n} changement</numerusform>
            <numerusform>{n} changements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} objet</numerusform>
            <numerusform>{n} objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} item</source>
        <translation>
            <numerusform>{n} élément</numerusform>
            <numerusform>{n} éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} items</source>
        <translation>
            <numerusform>{n} élément</numerusform>
            <numerusform>{n} éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Upload {name} to {place}</source>
        <translation>Envoyer {name} vers {place}</translation>
    </message>
    <message>
        <source>Upload {files} to {place}</source>
        <translation>Envoyer {files} vers {place}</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>Télécharger {name}</translation>
    </message>
    <message>
        <source>Download {objects} from {place}</source>
        <translation>Télécharger {objects} depuis {place}</translation>
    </message>
    <message>
        <source>Download {place}</source>
        <translation>Télécharger {place}</translation>
    </message>
    <message>
        <source>Sync {place} ({changes})</source>
        <translation>Synchroniser {place} ({changes})</translation>
    </message>
    <message>
        <source>Delete {objects} from {place}</source>
        <translation>Supprimer {objects} de {place}</translation>
    </message>
    <message>
        <source>Storage class of {what} in {place} → {name}</source>
        <extracomment>The title, with ``{what}`` and ``{place}``.</extracomment>
        <translation>Classe de stockage de {what} dans {place} → {name}</translation>
    </message>
    <message>
        <source>Restore {what} in {place} from the archive</source>
        <translation>Restaurer {what} dans {place} depuis l&apos;archive</translation>
    </message>
    <message>
        <source>Tags of {what} in {place}</source>
        <translation>Étiquettes de {what} dans {place}</translation>
    </message>
    <message>
        <source>Properties of {what} in {place}</source>
        <translation>Propriétés de {what} dans {place}</translation>
    </message>
    <message>
        <source>Upload {what} to {place}</source>
        <translation>Envoyer {what} vers {place}</translation>
    </message>
    <message>
        <source>Download {what} from {place}</source>
        <translation>Télécharger {what} depuis {place}</translation>
    </message>
    <message>
        <source>Move {what} to {place}</source>
        <translation>Déplacer {what} vers {place}</translation>
    </message>
    <message>
        <source>Copy {what} to {place}</source>
        <extracomment>The title&apos;s verb.</extracomment>
        <translation>Copier {what} vers {place}</translation>
    </message>
    <message>
        <source>{local}
→ {remote}</source>
        <translation>{local}
→ {remote}</translation>
    </message>
    <message>
        <source>{remote}
→ {local}</source>
        <translation>{remote}
→ {local}</translation>
    </message>
    <message>
        <source>(a stream)</source>
        <translation>(un flux)</translation>
    </message>
    <message>
        <source>{remote}
→ {target}</source>
        <translation>{remote}
→ {target}</translation>
    </message>
    <message>
        <source>{left}
→ {right}</source>
        <translation>{left}
→ {right}</translation>
    </message>
    <message>
        <source>{remote}: {keys}</source>
        <translation>{remote} : {keys}</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{done} of {total} objects</source>
        <translation>{done} sur {total} objets</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <source>{n} running</source>
        <translation>{n} en cours</translation>
    </message>
    <message>
        <source>{n} queued</source>
        <translation>{n} en file</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <translation>{n} en pause</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} échoué(s)</translation>
    </message>
    <message>
        <source>Transfers finished</source>
        <translation>Transferts terminés</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>{time} restant</translation>
    </message>
    <message>
        <source>{states} — {figures}</source>
        <translation>{states} — {figures}</translation>
    </message>
    <message>
        <source>Bytes per second for all transfers together: 512K, 10M; empty for no limit</source>
        <translation>Octets par seconde pour tous les transferts ensemble : 512K, 10M ; vide pour aucune limite</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Limite d’envoi</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Limite de téléchargement</translation>
    </message>
    <message>
        <source>Limited hours</source>
        <translation>Heures limitées</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>toute la journée</translation>
    </message>
    <message>
        <source>Hold the limit only at these times, e.g. 08:00-18:00 or Mon-Fri 08:00-18:00; unlimited outside</source>
        <translation>Appliquer la limite seulement à ces heures, p. ex. 08:00-18:00 ou Mon-Fri 08:00-18:00 (jours abrégés en anglais) ; illimité en dehors</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Limite :</translation>
    </message>
    <message>
        <source>hours:</source>
        <translation>heures :</translation>
    </message>
    <message>
        <source>Restore {place} as of {moment} ({objects})</source>
        <translation>Restaurer {place} à l’état du {moment} ({objects})</translation>
    </message>
</context>
<context>
    <name>TuningBox</name>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>The service&apos;s own</source>
        <translation>Celle du service</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Transfers at once:</source>
        <translation>Transferts simultanés :</translation>
    </message>
    <message>
        <source>Objects of this account moving at the same time</source>
        <translation>Objets de ce compte transférés en même temps</translation>
    </message>
    <message>
        <source>Parts per object:</source>
        <translation>Parties par objet :</translation>
    </message>
    <message>
        <source>Parts of one large object sent or fetched at the same time</source>
        <translation>Parties d’un grand objet envoyées ou récupérées en même temps</translation>
    </message>
    <message>
        <source>Part size:</source>
        <translation>Taille des parties :</translation>
    </message>
    <message>
        <source>Large objects move in parts of this size (at least the service&apos;s minimum)</source>
        <translation>Les grands objets sont transférés en parties de cette taille (au moins le minimum du service)</translation>
    </message>
    <message>
        <source>Default ({value})</source>
        <translation>Par défaut ({value})</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Ask for each</source>
        <extracomment>Files named in the dialog with the type guessed for each, before &quot;and N more&quot;.</extracomment>
        <translation>Demander à chaque fois</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Keep both (rename the new one)</source>
        <translation>Garder les deux (renommer le nouveau)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <extracomment>The storage class (access tier) to store them in; ``None``: the service&apos;s default. The ``--sse`` words (``s3``, ``kms:KEY``, ``c``, ``scope:NAME``); ``None``: the default. Seconds after which the server deletes each object (Swift); ``None``: never.</extracomment>
        <translation>… et {n} autres</translation>
    </message>
    <message>
        <source>Files inside folders: each from its own name.</source>
        <translation>Fichiers dans des dossiers : chacun d&apos;après son propre nom.</translation>
    </message>
    <message>
        <source>Upload to {place}</source>
        <translation>Envoyer vers {place}</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>From each file&apos;s name</source>
        <translation>D&apos;après le nom de chaque fichier</translation>
    </message>
    <message>
        <source>The same for every file:</source>
        <translation>Le même pour tous les fichiers :</translation>
    </message>
    <message>
        <source>This service does not store a content type.</source>
        <translation>Ce service ne stocke pas de type de contenu.</translation>
    </message>
    <message>
        <source>User metadata for every file</source>
        <translation>Métadonnées utilisateur pour chaque fichier</translation>
    </message>
    <message>
        <source>This service does not store user metadata.</source>
        <translation>Ce service ne stocke pas de métadonnées utilisateur.</translation>
    </message>
    <message>
        <source>When the name exists:</source>
        <translation>Si le nom existe :</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Chiffrement :</translation>
    </message>
    <message>
        <source>The service&apos;s default</source>
        <translation>Valeur par défaut du service</translation>
    </message>
    <message>
        <source>Store in {noun}:</source>
        <translation>Stockage ({noun}) :</translation>
    </message>
    <message>
        <source>Never (or 90s, 10m, 12h, 7d, 2w)</source>
        <translation>Jamais (ou 90s, 10m, 12h, 7d, 2w)</translation>
    </message>
    <message>
        <source>Server deletes after:</source>
        <translation>Le serveur supprime après :</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Upload {name} to {place}.</source>
        <translation>Envoyer {name} vers {place}.</translation>
    </message>
    <message>
        <source>Upload {n} files and folders to {place}.</source>
        <translation>Envoyer {n} fichiers et dossiers vers {place}.</translation>
    </message>
    <message>
        <source>Type the content type, or let each file&apos;s name choose it.</source>
        <translation>Saisissez le type de contenu, ou laissez le nom de chaque fichier le déterminer.</translation>
    </message>
</context>
<context>
    <name>VersioningBar</name>
    <message>
        <source>This container keeps versions: overwrites and deletes keep the earlier one.</source>
        <translation>Ce conteneur garde les versions : un écrasement ou une suppression conserve la version précédente.</translation>
    </message>
    <message>
        <source>Versioning is suspended here: {reason}</source>
        <translation>Le versionnage est suspendu ici : {reason}</translation>
    </message>
    <message>
        <source>This container keeps no versions: an overwrite or a delete cannot be undone.</source>
        <translation>Ce conteneur ne garde pas de versions : un écrasement ou une suppression est irréversible.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>No versions here: {reason}</source>
        <translation>Pas de versions ici : {reason}</translation>
    </message>
    <message>
        <source>Turn On Versioning…</source>
        <translation>Activer le versionnage…</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of {0}</source>
        <translation>Versions de {0}</translation>
    </message>
    <message>
        <source>{0} in {1}</source>
        <translation>{0} dans {1}</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>VersionsPane</name>
    <message>
        <source>Bring the selected deleted objects back</source>
        <translation>Récupérer les objets supprimés sélectionnés</translation>
    </message>
    <message>
        <source>Make this version current again (a copy on the server; the current one is kept)</source>
        <translation>Rendre cette version de nouveau courante (une copie sur le serveur ; la version courante est conservée)</translation>
    </message>
    <message>
        <source>Listing versions…</source>
        <translation>Liste des versions…</translation>
    </message>
    <message>
        <source>, {0} deleted</source>
        <translation>, {0} supprimé(s)</translation>
    </message>
    <message>
        <source> (listing…)</source>
        <translation> (liste en cours…)</translation>
    </message>
    <message>
        <source>Turn on versioning for {0}?

{1}</source>
        <translation>Activer le versionnage pour {0} ?

{1}</translation>
    </message>
    <message>
        <source>Turn On Versioning</source>
        <translation>Activer le versionnage</translation>
    </message>
    <message>
        <source>Turn On</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>{0} keeps versions from now on.</source>
        <translation>{0} garde désormais les versions.</translation>
    </message>
    <message>
        <source>Brought back: {0}</source>
        <translation>Récupéré(s) : {0}</translation>
    </message>
    <message>
        <source>Make the version of {0} from {1} the current one?

It is copied on the server; the current content stays as an earlier version.</source>
        <translation>Faire de la version de {0} du {1} la version courante ?

Elle est copiée sur le serveur ; le contenu actuel est conservé comme version antérieure.</translation>
    </message>
    <message>
        <source>Revert to This Version</source>
        <translation>Revenir à cette version</translation>
    </message>
    <message>
        <source>Undelete</source>
        <extracomment>One object&apos;s versions all have its name: less room for it. Something changed on the server: the object table should list again. A folder row was opened. &quot;Versions…&quot; asked for one object&apos;s versions (its key). &quot;Preview&quot; asked for one version&apos;s bytes (its ``VersionRow``); the button shows only where something shows them (``offer_preview``).</extracomment>
        <translation>Récupérer</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versions…</translation>
    </message>
    <message>
        <source>Download Version…</source>
        <translation>Télécharger la version…</translation>
    </message>
    <message>
        <source>Delete Version…</source>
        <translation>Supprimer la version…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Restore Folder to a Date…</source>
        <translation>Restaurer le dossier à une date…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>{0} is at its version from {1} again.</source>
        <translation>{0} est revenu à sa version du {1}.</translation>
    </message>
    <message>
        <source>the delete marker</source>
        <translation>le marqueur de suppression</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>la version</translation>
    </message>
    <message>
        <source>Delete {0} {1} of {2} (from {3}) for good?

It cannot be brought back.</source>
        <translation>Supprimer définitivement {0} {1} de {2} (du {3}) ?

Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation>Supprimer la version</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Deleted version {0} of {1}.</source>
        <translation>Version {0} de {1} supprimée.</translation>
    </message>
    <message>
        <source>Saved {0} ({1}).</source>
        <translation>{0} enregistré ({1}).</translation>
    </message>
    <message>
        <source>Download Version</source>
        <translation>Télécharger la version</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
</context>
<context>
    <name>VersionsTab</name>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to {app}</source>
        <extracomment>Found accounts listed at most; the Accounts dialog&apos;s Import… shows every one. Where found credentials come from (tests give a temporary home and environment).</extracomment>
        <translation>Bienvenue dans {app}</translation>
    </message>
    <message>
        <source>Browse, upload and download the objects of your cloud storage. Add an account to connect, or browse the folders of this computer on the left.</source>
        <translation>Parcourez, envoyez et téléchargez les objets de votre stockage cloud. Ajoutez un compte pour vous connecter, ou parcourez à gauche les dossiers de cet ordinateur.</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Trouvés sur cet ordinateur</translation>
    </message>
    <message>
        <source>Looking for the settings of the AWS, Azure and OpenStack tools…</source>
        <translation>Recherche des réglages des outils AWS, Azure et OpenStack…</translation>
    </message>
    <message>
        <source>Import Selected</source>
        <translation>Importer la sélection</translation>
    </message>
    <message>
        <source>Accounts other tools set up here, ready to import:</source>
        <translation>Comptes configurés ici par d&apos;autres outils, prêts à importer :</translation>
    </message>
    <message>
        <source>No settings of the AWS, Azure or OpenStack tools (or rclone) were found here.</source>
        <translation>Aucun réglage des outils AWS, Azure ou OpenStack (ni rclone) n&apos;a été trouvé ici.</translation>
    </message>
    <message>
        <source>Imported: {names}.</source>
        <translation>Importés : {names}.</translation>
    </message>
    <message>
        <source>Nothing was imported: these accounts are there already.</source>
        <translation>Rien n&apos;a été importé : ces comptes existent déjà.</translation>
    </message>
</context>
<context>
    <name>WindowFrame</name>
    <message>
        <source>Places</source>
        <translation>Emplacements</translation>
    </message>
    <message>
        <source>Bookmarks and accounts, their containers and folders</source>
        <translation>Signets et comptes, leurs conteneurs et dossiers</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>The objects and folders of the place shown</source>
        <translation>Les objets et dossiers de l&apos;emplacement affiché</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Conteneurs</translation>
    </message>
    <message>
        <source>The containers of the account shown</source>
        <translation>Les conteneurs du compte affiché</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Where you are; Ctrl+L to type a place or @bookmark</source>
        <translation>Où vous êtes ; Ctrl+L pour saisir un emplacement ou un @signet</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>New Window</source>
        <translation>Nouvelle fenêtre</translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <source>Back Up Which Folder into {place}?</source>
        <translation>Quel dossier sauvegarder dans {place} ?</translation>
    </message>
    <message>
        <source>Back Up Folder</source>
        <translation>Sauvegarder un dossier</translation>
    </message>
    <message>
        <source>Name of the backup object:</source>
        <translation>Nom de l&apos;objet de sauvegarde :</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <source> {n} unreadable files were left out.</source>
        <translation> {n} fichiers illisibles ont été ignorés.</translation>
    </message>
    <message>
        <source>Backup {key} stored: {size}, SHA-256 {sha}.</source>
        <translation>Sauvegarde {key} enregistrée : {size}, SHA-256 {sha}.</translation>
    </message>
    <message>
        <source>Download All To</source>
        <translation>Tout télécharger vers</translation>
    </message>
    <message>
        <source>The site was not fully uploaded.</source>
        <translation>Le site n&apos;a pas été entièrement envoyé.</translation>
    </message>
    <message>
        <source>{container} is published at {url}</source>
        <translation>{container} est publié à l&apos;adresse {url}</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copier l&apos;URL</translation>
    </message>
    <message>
        <source>{container} is published; the service shows its address in its console.</source>
        <translation>{container} est publié ; le service indique son adresse dans sa console.</translation>
    </message>
</context>
</TS>
