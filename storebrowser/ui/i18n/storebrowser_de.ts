<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccessCommands</name>
    <message>
        <source>Customer Key (SSE-C)</source>
        <extracomment>Keeps an account&apos;s SSE-C key in the keyring: ``(account, key)``; blocking (a worker runs it).</extracomment>
        <translation>Kundenschlüssel (SSE-C)</translation>
    </message>
    <message>
        <source>The object is encrypted with your own key. Give it (base64, 32 bytes); it is kept in the system keyring for this account:</source>
        <translation>Das Objekt ist mit Ihrem eigenen Schlüssel verschlüsselt. Geben Sie ihn ein (Base64, 32 Bytes); er wird für dieses Konto im Schlüsselbund des Systems gespeichert:</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <source>Reading the settings…</source>
        <extracomment>``confirm(title, question, button) -&gt; bool``: ``Operations.confirm`` in the window.</extracomment>
        <translation>Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <source>Asking the server without credentials…</source>
        <translation>Server wird ohne Anmeldedaten gefragt…</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>How it comes about</source>
        <translation>Wie es dazu kommt</translation>
    </message>
    <message>
        <source>Live check (a request with no credentials)</source>
        <translation>Live-Prüfung (eine Anfrage ohne Anmeldedaten)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Who can read this could not be read.</source>
        <translation>Wer dies lesen darf, ließ sich nicht ermitteln.</translation>
    </message>
    <message>
        <source>Access is decided per container: a change applies to every object in {name}.</source>
        <translation>Der Zugriff gilt pro Container: Eine Änderung betrifft jedes Objekt in {name}.</translation>
    </message>
    <message>
        <source>The live answer agrees with the settings.</source>
        <translation>Die Live-Antwort stimmt mit den Einstellungen überein.</translation>
    </message>
    <message>
        <source>Not possible here: {why}.</source>
        <translation>Hier nicht möglich: {why}.</translation>
    </message>
    <message>
        <source>Not possible: {why}.</source>
        <translation>Nicht möglich: {why}.</translation>
    </message>
    <message>
        <source>Nothing to change: it is so already.</source>
        <translation>Nichts zu ändern: Es ist bereits so.</translation>
    </message>
    <message>
        <source>Make Public</source>
        <translation>Öffentlich machen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Change Who Can Read This</source>
        <translation>Ändern, wer dies lesen darf</translation>
    </message>
    <message>
        <source>{subject} is now {level}.</source>
        <translation>{subject} ist jetzt {level}.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Progress</source>
        <extracomment>A dialog property: True when the dialog ordered Tab itself (then it is left alone). A row of widgets whose tops differ by less than this is one line of the dialog.</extracomment>
        <translation>Fortschritt</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>How the account is shown in the window</source>
        <translation>Wie das Konto im Fenster angezeigt wird</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* Pflichtfeld</translation>
    </message>
    <message>
        <source>The boxes below are different ways to sign in: fill in one.</source>
        <translation>Die Felder unten sind verschiedene Anmeldewege: Füllen Sie einen davon aus.</translation>
    </message>
</context>
<context>
    <name>AccountPanels</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an account of the kind you choose</source>
        <translation>Ein Konto der gewählten Art hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Find accounts in AWS, Azure, OpenStack and rclone settings on this computer</source>
        <translation>Konten in den Einstellungen von AWS, Azure, OpenStack und rclone auf diesem Computer suchen</translation>
    </message>
    <message>
        <source>Choose an account on the left, or add one.</source>
        <extracomment>Page 0: &quot;choose an account&quot;; page 1: the editor. One form per provider kind, made when first needed.</extracomment>
        <translation>Wählen Sie links ein Konto oder fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Sign in with what the form shows and list the containers once</source>
        <translation>Mit den Angaben im Formular anmelden und die Container einmal auflisten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Connected; 1 container ({s} s)</source>
        <translation>Verbunden; 1 Container ({s} s)</translation>
    </message>
    <message>
        <source>Connected; {n} containers ({s} s)</source>
        <translation>Verbunden; {n} Container ({s} s)</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Signed in, but not allowed to list containers</source>
        <translation>Angemeldet, aber ohne Erlaubnis, Container aufzulisten</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>There is no system keyring on this computer: passwords and keys are kept for this session only, and you will be asked for them again after StoreBrowser closes. You can store them in a file instead.</source>
        <translation>Auf diesem Computer gibt es keinen Schlüsselbund des Systems: Passwörter und Schlüssel werden nur für diese Sitzung behalten, und nach dem Schließen von StoreBrowser werden Sie erneut danach gefragt. Sie können sie stattdessen in einer Datei speichern.</translation>
    </message>
    <message>
        <source>Some saved accounts could not be read:</source>
        <translation>Einige gespeicherte Konten konnten nicht gelesen werden:</translation>
    </message>
</context>
<context>
    <name>AccountTreeModel</name>
    <message>
        <source>Bookmarks</source>
        <extracomment>Entries a folder node reads to find its sub-folders before it stops looking. Opens (and connects) the provider of an account; blocking, called on a worker. The Bookmarks section&apos;s heading, and one bookmark in it. What failed, for the window to answer it (a sign-in for a missing secret). A folder scan that stopped at FOLDER_SCAN_LIMIT. Bumped on reload so a listing that was already under way is dropped. An account&apos;s containers arrived or it failed (position among the accounts). Any node finished loading (or failed); the index is of that node.</extracomment>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>  (cannot connect)</source>
        <translation>  (keine Verbindung)</translation>
    </message>
    <message>
        <source>  (error)</source>
        <translation>  (Fehler)</translation>
    </message>
    <message>
        <source>  (connecting…)</source>
        <translation>  (verbinde…)</translation>
    </message>
    <message>
        <source>Places you bookmarked (Ctrl+D); right-click one to rename, move or remove it</source>
        <translation>Orte mit Lesezeichen (Strg+D); Rechtsklick zum Umbenennen, Verschieben oder Entfernen</translation>
    </message>
    <message>
        <source>
There is no account {name} any more.</source>
        <translation>
Das Konto {name} gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>{error}
Press F5 to try again.</source>
        <translation>{error}
F5 drücken, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>{count} objects, {size}</source>
        <translation>{count} Objekte, {size}</translation>
    </message>
    <message>
        <source>Only the folders among the first {count} entries are shown here; the table lists all.</source>
        <translation>Hier stehen nur die Ordner unter den ersten {count} Einträgen; die Tabelle listet alle.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <extracomment>The account the form shows (None: a new one, or nothing).</extracomment>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Konten werden geladen…</translation>
    </message>
    <message>
        <source>Store in a file…</source>
        <translation>In einer Datei speichern…</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <source>the new account</source>
        <translation>das neue Konto</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Discard your changes to {name}?</source>
        <translation>Ihre Änderungen an {name} verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>New {kind} account</source>
        <translation>Neues {kind}-Konto</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>{name} wird gespeichert…</translation>
    </message>
    <message>
        <source>An account named {name!r} exists already.</source>
        <translation>Ein Konto namens {name!r} gibt es bereits.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Remove the account {name}? Its stored passwords and keys are deleted too. Containers and objects on the server are not touched.</source>
        <translation>Das Konto {name} entfernen? Seine gespeicherten Passwörter und Schlüssel werden ebenfalls gelöscht. Container und Objekte auf dem Server bleiben unberührt.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} entfernt.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Passwords and keys will be written unencrypted to {path}. Only your user can read the file, but anyone with access to your files or your backups can use these accounts. Store them there?</source>
        <translation>Passwörter und Schlüssel werden unverschlüsselt in {path} geschrieben. Nur Ihr Benutzer kann die Datei lesen, aber wer Zugriff auf Ihre Dateien oder Sicherungen hat, kann diese Konten nutzen. Dort speichern?</translation>
    </message>
    <message>
        <source>Store secrets in a file</source>
        <translation>Geheimnisse in einer Datei speichern</translation>
    </message>
    <message>
        <source>Store in file</source>
        <translation>In Datei speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Imported 1 account.</source>
        <translation>1 Konto importiert.</translation>
    </message>
    <message>
        <source>Imported {n} accounts.</source>
        <translation>{n} Konten importiert.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Back</source>
        <extracomment>One of ``icons.arrow_icon``&apos;s names: drawn in the palette&apos;s colours. The actions&apos; words are marked for lupdate where they are written, and translated in this context when the actions are made.</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>The folder above</source>
        <translation>Der übergeordnete Ordner</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>New Container…</source>
        <translation>Neuer Container…</translation>
    </message>
    <message>
        <source>Delete Container…</source>
        <translation>Container löschen…</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Neuer Ordner…</translation>
    </message>
    <message>
        <source>Upload Files…</source>
        <translation>Dateien hochladen…</translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation>Ordner hochladen…</translation>
    </message>
    <message>
        <source>Upload with Options…</source>
        <translation>Mit Optionen hochladen…</translation>
    </message>
    <message>
        <source>Choose the content type, metadata and what to do when a name exists (or hold Alt as you drop)</source>
        <translation>Inhaltstyp, Metadaten und das Verhalten bei vorhandenen Namen wählen (oder beim Ablegen Alt halten)</translation>
    </message>
    <message>
        <source>Download To…</source>
        <translation>Herunterladen nach…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Copy To…</source>
        <translation>Kopieren nach…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>The plain address; it opens for anyone only if the container is public</source>
        <translation>Die einfache Adresse; sie öffnet sich für alle nur, wenn der Container öffentlich ist</translation>
    </message>
    <message>
        <source>Copy Time-Limited URL…</source>
        <translation>Befristete URL kopieren…</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Storage Class…</source>
        <translation>Speicherklasse…</translation>
    </message>
    <message>
        <source>Move the objects to another class or tier</source>
        <translation>Die Objekte in eine andere Klasse oder Stufe verschieben</translation>
    </message>
    <message>
        <source>Restore from Archive…</source>
        <translation>Aus dem Archiv wiederherstellen…</translation>
    </message>
    <message>
        <source>Make archived objects readable again</source>
        <translation>Archivierte Objekte wieder lesbar machen</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Tags…</translation>
    </message>
    <message>
        <source>The tags lifecycle rules and access policies go by</source>
        <translation>Die Tags, nach denen sich Lebenszyklusregeln und Zugriffsrichtlinien richten</translation>
    </message>
    <message>
        <source>Who Can Read This?…</source>
        <translation>Wer darf das lesen?…</translation>
    </message>
    <message>
        <source>Who can read it without signing in, checked live; CORS, lifecycle, expiry, encryption</source>
        <translation>Wer es ohne Anmeldung lesen kann, live geprüft; CORS, Lebenszyklus, Ablauf, Verschlüsselung</translation>
    </message>
    <message>
        <source>Back Up Folder Here…</source>
        <translation>Ordner hierher sichern…</translation>
    </message>
    <message>
        <source>Archive a local folder as tar.gz straight into this place</source>
        <translation>Einen lokalen Ordner als tar.gz direkt hierher archivieren</translation>
    </message>
    <message>
        <source>Download All To…</source>
        <translation>Alles herunterladen nach…</translation>
    </message>
    <message>
        <source>Every object of this place into a local folder, keeping the structure</source>
        <translation>Jedes Objekt dieses Orts in einen lokalen Ordner, mit seiner Struktur</translation>
    </message>
    <message>
        <source>Publish as Website…</source>
        <translation>Als Website veröffentlichen…</translation>
    </message>
    <message>
        <source>Copy as Command…</source>
        <translation>Als Befehl kopieren…</translation>
    </message>
    <message>
        <source>The command line that does this from a terminal</source>
        <translation>Die Befehlszeile, die dies im Terminal erledigt</translation>
    </message>
    <message>
        <source>Show Versions</source>
        <translation>Versionen anzeigen</translation>
    </message>
    <message>
        <source>Earlier versions and deleted objects of this folder, instead of its objects</source>
        <translation>Frühere Versionen und gelöschte Objekte dieses Ordners statt seiner Objekte</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versionen…</translation>
    </message>
    <message>
        <source>The earlier versions of the selected object</source>
        <translation>Die früheren Versionen des ausgewählten Objekts</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <source>Go to Place…</source>
        <translation>Gehe zu Ort…</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Search everything below this place: name, size, date, class, type</source>
        <translation>Alles unterhalb dieses Orts durchsuchen: Name, Größe, Datum, Klasse, Typ</translation>
    </message>
    <message>
        <source>Folder Statistics…</source>
        <translation>Ordnerstatistik…</translation>
    </message>
    <message>
        <source>Objects and bytes below a folder or container, by storage class and sub-folder</source>
        <translation>Objekte und Bytes unterhalb eines Ordners oder Containers, nach Speicherklasse und Unterordner</translation>
    </message>
    <message>
        <source>Calculate Folder Sizes</source>
        <translation>Ordnergrößen berechnen</translation>
    </message>
    <message>
        <source>Fill in the size of the selected folders, or of every folder here</source>
        <translation>Die Größe der ausgewählten Ordner berechnen, oder aller Ordner hier</translation>
    </message>
    <message>
        <source>Bookmark This Place</source>
        <translation>Lesezeichen für diesen Ort</translation>
    </message>
    <message>
        <source>Add the place shown to the Bookmarks (use it as @name in the path bar and the CLI)</source>
        <translation>Den angezeigten Ort zu den Lesezeichen hinzufügen (als @name in der Pfadleiste und im CLI nutzbar)</translation>
    </message>
    <message>
        <source>Rename Bookmark…</source>
        <translation>Lesezeichen umbenennen…</translation>
    </message>
    <message>
        <source>Move Bookmark Up</source>
        <translation>Lesezeichen nach oben</translation>
    </message>
    <message>
        <source>Move Bookmark Down</source>
        <translation>Lesezeichen nach unten</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>Lesezeichen entfernen</translation>
    </message>
    <message>
        <source>Compare and Sync…</source>
        <translation>Vergleichen und Synchronisieren…</translation>
    </message>
    <message>
        <source>Compare this place with a local folder or another container, and make one like the other</source>
        <translation>Diesen Ort mit einem lokalen Ordner oder einem anderen Container vergleichen und einen dem anderen angleichen</translation>
    </message>
    <message>
        <source>Quick Look</source>
        <translation>Schnellansicht</translation>
    </message>
    <message>
        <source>A larger preview of the object in a window of its own (Space or Esc closes it)</source>
        <translation>Eine größere Vorschau des Objekts in einem eigenen Fenster (Leertaste oder Esc schließt sie)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Into a container or folder; an object opens in its app</source>
        <translation>In einen Container oder Ordner; ein Objekt öffnet sich in seiner App</translation>
    </message>
    <message>
        <source>Open With…</source>
        <translation>Öffnen mit…</translation>
    </message>
    <message>
        <source>Open the object in a program you choose; saving it uploads it back</source>
        <translation>Das Objekt in einem Programm Ihrer Wahl öffnen; Speichern lädt es wieder hoch</translation>
    </message>
    <message>
        <source>Stop Loading</source>
        <translation>Laden anhalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About StoreBrowser</source>
        <translation>Über StoreBrowser</translation>
    </message>
    <message>
        <source>Versions of StoreBrowser, Qt and the SDKs</source>
        <translation>Versionen von StoreBrowser, Qt und den SDKs</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <source>Open a place first, then bookmark it.</source>
        <extracomment>The actions this feature answers (defined with the others in ``ui/actions.py``). Where the window is, and how to go somewhere. Tell the user something (a line in the status bar), or that something failed. Asks for a new name (tests answer it): ``(title, label, current) -&gt; name | None``.</extracomment>
        <translation>Öffnen Sie zuerst einen Ort, dann setzen Sie ein Lesezeichen.</translation>
    </message>
    <message>
        <source>Already bookmarked as @{name}.</source>
        <translation>Bereits als @{name} gemerkt.</translation>
    </message>
    <message>
        <source>Bookmarked as @{name}: rename it from the tree&apos;s menu.</source>
        <translation>Als @{name} gemerkt: Umbenennen über das Menü der Baumansicht.</translation>
    </message>
    <message>
        <source>Rename Bookmark</source>
        <translation>Lesezeichen umbenennen</translation>
    </message>
    <message>
        <source>New name of @{name}:</source>
        <translation>Neuer Name für @{name}:</translation>
    </message>
    <message>
        <source>There is already a bookmark of that name.</source>
        <translation>Es gibt bereits ein Lesezeichen mit diesem Namen.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
</context>
<context>
    <name>CellWords</name>
    <message>
        <source>Folder</source>
        <extracomment>``QObject.tr`` of the model: the words are translated in its context. Match kinds answered from the name column itself (Qt&apos;s MatchTypeMask is 0x0F).</extracomment>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored until {date}</source>
        <translation>Wiederhergestellt bis {date}</translation>
    </message>
    <message>
        <source>Restoring to {tier}</source>
        <translation>Wird nach {tier} wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Archived: restore it (Restore from Archive…) before reading or copying it</source>
        <translation>Archiviert: vor dem Lesen oder Kopieren wiederherstellen (Aus dem Archiv wiederherstellen…)</translation>
    </message>
    <message>
        <source>Restore under way, {priority} priority</source>
        <translation>Wiederherstellung läuft, Priorität {priority}</translation>
    </message>
    <message>
        <source>A restored copy can be read until {date}</source>
        <translation>Eine wiederhergestellte Kopie ist bis {date} lesbar</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} Bytes</translation>
    </message>
    <message>
        <source>{type}, guessed from the name: the listing does not give types</source>
        <translation>{type}, aus dem Namen erraten: Die Auflistung liefert keine Typen</translation>
    </message>
    <message>
        <source>Counting: {size} bytes so far</source>
        <translation>Wird gezählt: bisher {size} Bytes</translation>
    </message>
</context>
<context>
    <name>Chrome</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <extracomment>Keys that line edits use too (Enter, Del, Backspace, F2, Ctrl+C) act only where the views have focus.</extracomment>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Filter (Enter: search the server)</source>
        <translation>Filter (Eingabe: auf dem Server suchen)</translation>
    </message>
    <message>
        <source>Typing filters the loaded names (any part, any case).
Enter asks the server for names that start with the text. Esc clears it.</source>
        <translation>Tippen filtert die geladenen Namen (beliebiger Teil, Groß-/Kleinschreibung egal).
Die Eingabetaste fragt den Server nach Namen, die mit dem Text beginnen. Esc leert das Feld.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Change {noun}</source>
        <translation>{noun} ändern</translation>
    </message>
    <message>
        <source>Move {what} to another {noun}. Metadata, content settings and tags are kept; one job, each object with its own result.</source>
        <translation>{what} in eine andere {noun} verschieben. Metadaten, Inhaltseinstellungen und Tags bleiben erhalten; ein Auftrag, jedes Objekt mit eigenem Ergebnis.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>{name} (archive)</source>
        <translation>{name} (Archiv)</translation>
    </message>
    <message>
        <source>An archive: objects must be restored before they can be read.</source>
        <translation>Ein Archiv: Objekte müssen wiederhergestellt werden, bevor sie lesbar sind.</translation>
    </message>
    <message>
        <source>Out of the archive:</source>
        <translation>Aus dem Archiv:</translation>
    </message>
    <message>
        <source>{name} is an archive class: its objects cannot be read until they are restored, which takes hours.</source>
        <translation>{name} ist eine Archivklasse: Ihre Objekte sind erst nach einer Wiederherstellung lesbar, und die dauert Stunden.</translation>
    </message>
    <message>
        <source>Objects in the archive now are brought back (rehydrated) at the priority chosen.</source>
        <translation>Objekte, die jetzt im Archiv liegen, werden mit der gewählten Priorität zurückgeholt (rehydriert).</translation>
    </message>
</context>
<context>
    <name>ColourChoice</name>
    <message>
        <source>Marks the account&apos;s tabs and its row in the tree</source>
        <translation>Kennzeichnet die Tabs des Kontos und seine Zeile im Baum</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>Magenta</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Petrol</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Violet</source>
        <translation>Violett</translation>
    </message>
</context>
<context>
    <name>ColumnChoice</name>
    <message>
        <source>Reset Columns</source>
        <extracomment>The hidden columns by default, by column number, for the kind shown now.</extracomment>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>Copy as Command</source>
        <translation>Als Befehl kopieren</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Auflisten</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Time-limited URL</source>
        <translation>Befristete URL</translation>
    </message>
    <message>
        <source>Download all</source>
        <translation>Alles herunterladen</translation>
    </message>
    <message>
        <source>Back up a folder here</source>
        <translation>Einen Ordner hierher sichern</translation>
    </message>
    <message>
        <source>Delete the container</source>
        <translation>Den Container löschen</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>Neuer Container</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Secrets are never part of a line: the other tools read them from their usual environment variables.</source>
        <translation>Geheimnisse stehen nie in einer Zeile: Die anderen Werkzeuge lesen sie aus ihren üblichen Umgebungsvariablen.</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Only on the left</source>
        <translation>Nur links</translation>
    </message>
    <message>
        <source>Only on the right</source>
        <translation>Nur rechts</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>The same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Compare and Sync</source>
        <extracomment>Keys listed per group at most (the counts are always whole).</extracomment>
        <translation>Vergleichen und Synchronisieren</translation>
    </message>
    <message>
        <source>a local folder (/…, ~/…) or ACCOUNT:CONTAINER/PREFIX</source>
        <translation>ein lokaler Ordner (/…, ~/…) oder KONTO:CONTAINER/PRÄFIX</translation>
    </message>
    <message>
        <source>Compare every file by content (reads all local files)</source>
        <translation>Jede Datei nach Inhalt vergleichen (liest alle lokalen Dateien)</translation>
    </message>
    <message>
        <source>Without this, files up to 1 MiB are compared by content on S3 and Swift (quicker than asking their times); others by size and time, then by content if the times differ</source>
        <translation>Ohne diese Option werden Dateien bis 1 MiB auf S3 und Swift nach Inhalt verglichen (schneller, als ihre Zeit abzufragen); andere nach Größe und Zeit, bei abweichender Zeit nach Inhalt</translation>
    </message>
    <message>
        <source>Newer only (leave what is newer on the right)</source>
        <translation>Nur neuere (was rechts neuer ist, bleibt)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Pick the two places, then Compare. Nothing changes until Sync.</source>
        <translation>Wählen Sie die beiden Orte, dann Vergleichen. Bis Synchronisieren ändert sich nichts.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Left (the source):</source>
        <translation>Links (die Quelle):</translation>
    </message>
    <message>
        <source>Right (made like the left):</source>
        <translation>Rechts (wird wie links):</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a local folder</source>
        <translation>Einen lokalen Ordner wählen</translation>
    </message>
    <message>
        <source>Both are local folders: pick a container on one side.</source>
        <translation>Beides sind lokale Ordner: Wählen Sie auf einer Seite einen Container.</translation>
    </message>
    <message>
        <source>Listing both places…</source>
        <translation>Beide Orte werden aufgelistet…</translation>
    </message>
    <message>
        <source>Compare again to apply Newer only.</source>
        <translation>Erneut vergleichen, um „Nur neuere“ anzuwenden.</translation>
    </message>
    <message>
        <source>Listing and comparing… listed so far: {0} on the left, {1} on the right.</source>
        <translation>Auflisten und Vergleichen… bisher aufgelistet: {0} links, {1} rechts.</translation>
    </message>
    <message>
        <source>The same: {0}. Different: {1}. Only on the left: {2}. Only on the right: {3}.</source>
        <translation>Gleich: {0}. Verschieden: {1}. Nur links: {2}. Nur rechts: {3}.</translation>
    </message>
    <message>
        <source>The right side does not exist yet: the sync creates it.</source>
        <translation>Die rechte Seite gibt es noch nicht: die Synchronisierung legt sie an.</translation>
    </message>
    <message>
        <source>A listing was incomplete: deletions are not offered.</source>
        <translation>Eine Auflistung war unvollständig: Löschungen werden nicht angeboten.</translation>
    </message>
    <message>
        <source>Keys that cannot be saved as local files, left out: {0}.</source>
        <translation>Schlüssel, die sich nicht als lokale Dateien speichern lassen, ausgelassen: {0}.</translation>
    </message>
    <message>
        <source>Newer on the right, left alone: {0}.</source>
        <translation>Rechts neuer, unverändert gelassen: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} deletion offered (unticked)</source>
        <translation>
            <numerusform>{n} Löschung angeboten (nicht angehakt)</numerusform>
            <numerusform>{n} Löschungen angeboten (nicht angehakt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deletions offered (unticked)</source>
        <translation>
            <numerusform>{n} Löschung angeboten (nicht angehakt)</numerusform>
            <numerusform>{n} Löschungen angeboten (nicht angehakt)</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan: {sends} to send, {offered}. Nothing has changed yet.</source>
        <translation>Der Plan: {sends} zu senden, {offered}. Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Delete on the Right</source>
        <translation>Rechts löschen</translation>
    </message>
    <message>
        <source>{0} on {1} will be deleted, because the left has no such key. This cannot be undone unless the container keeps versions.</source>
        <translation>{0} auf {1} werden gelöscht, weil es links keinen solchen Schlüssel gibt. Das lässt sich nur rückgängig machen, wenn der Container Versionen aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <source>{n} object or file</source>
        <translation>
            <numerusform>{n} Objekt oder Datei</numerusform>
            <numerusform>{n} Objekte oder Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects or files</source>
        <translation>
            <numerusform>{n} Objekt oder Datei</numerusform>
            <numerusform>{n} Objekte oder Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete and Sync</source>
        <translation>Löschen und synchronisieren</translation>
    </message>
    <message>
        <source>The sync is running in the transfers panel: {0} to send, {1} to delete.</source>
        <translation>Die Synchronisation läuft in der Übertragungsleiste: {0} zu senden, {1} zu löschen.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed on the Server</source>
        <translation>Auf dem Server geändert</translation>
    </message>
    <message>
        <source>Keep Mine as a Copy</source>
        <translation>Meine als Kopie behalten</translation>
    </message>
    <message>
        <source>Upload yours beside it as “name (my copy)”; theirs stays</source>
        <translation>Ihre Fassung daneben als „Name (meine Kopie)“ hochladen; die andere bleibt</translation>
    </message>
    <message>
        <source>Overwrite Theirs…</source>
        <translation>Die andere überschreiben…</translation>
    </message>
    <message>
        <source>Replace their version with yours (asks again)</source>
        <translation>Die andere Fassung durch Ihre ersetzen (fragt noch einmal)</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>Die andere übernehmen</translation>
    </message>
    <message>
        <source>Download theirs; yours is renamed “name (mine)” beside it</source>
        <translation>Die andere herunterladen; Ihre wird daneben in „Name (meine)“ umbenannt</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Open both versions in their app</source>
        <translation>Beide Fassungen in ihrer App öffnen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Decide later from View &gt; Opened Files</source>
        <translation>Später unter Ansicht &gt; Geöffnete Dateien entscheiden</translation>
    </message>
</context>
<context>
    <name>ContainerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Bytes</translation>
    </message>
</context>
<context>
    <name>CopyToDialog</name>
    <message>
        <source>Copy To</source>
        <translation>Kopieren nach</translation>
    </message>
    <message>
        <source>folder/ (empty: the top of the container)</source>
        <translation>ordner/ (leer: die oberste Ebene des Containers)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy {n} selected on the server to:</source>
        <translation>{n} ausgewählte auf dem Server kopieren nach:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Choose a container.</source>
        <translation>Wählen Sie einen Container.</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message>
        <source>Counting the objects in {name}…</source>
        <extracomment>Called with ``(objects, bytes)``, or ``None`` when the user cancelled or it failed.</extracomment>
        <translation>Objekte in {name} werden gezählt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Delete Container</source>
        <translation>Container löschen</translation>
    </message>
    <message>
        <source>Counting the objects in {name}… {n} so far</source>
        <translation>Objekte in {name} werden gezählt… bisher {n}</translation>
    </message>
</context>
<context>
    <name>Drops</name>
    <message>
        <source>Folders and big selections drag only within the app; use Download To… to save them.</source>
        <translation>Ordner und große Auswahlen lassen sich nur innerhalb der App ziehen; zum Speichern „Herunterladen nach…“ verwenden.</translation>
    </message>
    <message>
        <source>{name} cannot go into itself.</source>
        <translation>{name} kann nicht in sich selbst.</translation>
    </message>
</context>
<context>
    <name>EditingCommands</name>
    <message>
        <source>Open With — choose the program (this desktop&apos;s list of apps is not available)</source>
        <extracomment>Objects larger than this ask before they are downloaded to be opened. How a copy is handed to the desktop (tests put a stand-in editor here).</extracomment>
        <translation>Öffnen mit — Programm wählen (die App-Liste dieses Desktops ist nicht verfügbar)</translation>
    </message>
    <message>
        <source>Select one object to open.</source>
        <translation>Wählen Sie ein Objekt zum Öffnen.</translation>
    </message>
    <message>
        <source>{key} is {size}. Download it to open it?</source>
        <translation>{key} ist {size} groß. Zum Öffnen herunterladen?</translation>
    </message>
    <message>
        <source>{key} could not be opened: {why}</source>
        <translation>{key} konnte nicht geöffnet werden: {why}</translation>
    </message>
    <message>
        <source>No application opens {path}; open it with Open With… (the copy is watched).</source>
        <translation>Keine Anwendung öffnet {path}; öffnen Sie es mit „Öffnen mit…“ (die Kopie wird überwacht).</translation>
    </message>
    <message>
        <source>Open a Large Object</source>
        <translation>Großes Objekt öffnen</translation>
    </message>
    <message>
        <source>Download and Open</source>
        <translation>Herunterladen und öffnen</translation>
    </message>
</context>
<context>
    <name>EncryptionChoice</name>
    <message>
        <source>The container&apos;s default</source>
        <extracomment>What each mode needs typed beside it, if anything.</extracomment>
        <translation>Standard des Containers</translation>
    </message>
</context>
<context>
    <name>EncryptionTab</name>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Give the Key…</source>
        <translation>Schlüssel angeben…</translation>
    </message>
    <message>
        <source>This object:</source>
        <translation>Dieses Objekt:</translation>
    </message>
    <message>
        <source>Container default:</source>
        <translation>Standard des Containers:</translation>
    </message>
    <message>
        <source>Unknown.</source>
        <translation>Unbekannt.</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring for this account.</source>
        <translation>Der Schlüssel wird für dieses Konto im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <source>Transfers are shutting down; nothing new starts.</source>
        <extracomment>About four snapshots a second: smooth enough for a progress bar, cheap for the engine. How long quitting waits for running parts to finish, and for clean-ups to run.</extracomment>
        <translation>Übertragungen werden beendet; nichts Neues startet.</translation>
    </message>
    <message>
        <source>Transfers cannot start: {error}</source>
        <translation>Übertragungen können nicht starten: {error}</translation>
    </message>
</context>
<context>
    <name>ExpiryTab</name>
    <message>
        <source>Reading…</source>
        <extracomment>Asks a person for a customer key (hidden input); ``None``: they declined. Keeps a customer key in the keyring under the account (blocking: runs on a worker).</extracomment>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>90s, 10m, 12h, 7d, 2w</source>
        <translation>90s, 10m, 12h, 7d, 2w</translation>
    </message>
    <message>
        <source>Delete After</source>
        <translation>Löschen nach</translation>
    </message>
    <message>
        <source>Delete At</source>
        <translation>Löschen am</translation>
    </message>
    <message>
        <source>Keep It (Remove the Expiry)</source>
        <translation>Behalten (Ablauf entfernen)</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>Am:</translation>
    </message>
    <message>
        <source>The server hides an expired object from reads at once and removes it later.</source>
        <translation>Der Server verbirgt ein abgelaufenes Objekt sofort vor Lesezugriffen und entfernt es später.</translation>
    </message>
</context>
<context>
    <name>FactWords</name>
    <message>
        <source>(various)</source>
        <extracomment>``QObject.tr`` of the editor: the words are translated in its context.</extracomment>
        <translation>(verschiedene)</translation>
    </message>
    <message numerus="yes">
        <source>{n} byte</source>
        <translation>
            <numerusform>{n} Byte</numerusform>
            <numerusform>{n} Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} bytes</source>
        <translation>
            <numerusform>{n} Byte</numerusform>
            <numerusform>{n} Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
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
        <translation>vom Dienst nicht angegeben</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>System properties</source>
        <translation>Systemeigenschaften</translation>
    </message>
    <message>
        <source>User metadata</source>
        <translation>Benutzer-Metadaten</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>contains</source>
        <extracomment>How the name field is read: (label, the keyword of ``Criteria.parse``).</extracomment>
        <translation>enthält</translation>
    </message>
    <message>
        <source>matches glob</source>
        <translation>passt auf Muster</translation>
    </message>
    <message>
        <source>matches regular expression</source>
        <translation>passt auf regulären Ausdruck</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>How the name matches</source>
        <translation>Wie der Name passt</translation>
    </message>
    <message>
        <source>*.psd</source>
        <translation>*.psd</translation>
    </message>
    <message>
        <source>e.g. 100M</source>
        <translation>z. B. 100M</translation>
    </message>
    <message>
        <source>e.g. 2G</source>
        <translation>z. B. 2G</translation>
    </message>
    <message>
        <source>2025-01-01, or an age: 7d</source>
        <translation>2025-01-01 oder ein Alter: 7d</translation>
    </message>
    <message>
        <source>2026-01-01</source>
        <translation>2026-01-01</translation>
    </message>
    <message>
        <source>e.g. GLACIER, Cool</source>
        <translation>z. B. GLACIER, Cool</translation>
    </message>
    <message>
        <source>image/png, or image</source>
        <translation>image/png oder image</translation>
    </message>
    <message>
        <source>Names are case-sensitive</source>
        <translation>Groß-/Kleinschreibung der Namen beachten</translation>
    </message>
    <message>
        <source>Everything below {place}</source>
        <translation>Alles unterhalb von {place}</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
</context>
<context>
    <name>FolderEditor</name>
    <message>
        <source>Browse…</source>
        <extracomment>Words shown upper-case in a group box title made from a group name (&quot;azure ad&quot;). A field&apos;s value as the settings hold it.</extracomment>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>FolderProperties</name>
    <message>
        <source>Properties of {place}</source>
        <translation>Eigenschaften von {place}</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
</context>
<context>
    <name>FolderSizeCommands</name>
    <message>
        <source>There are no folders here to count.</source>
        <translation>Hier gibt es keine Ordner zum Zählen.</translation>
    </message>
    <message>
        <source>Incomplete: could not list {parts}</source>
        <translation>Unvollständig: {parts} ließ sich nicht auflisten</translation>
    </message>
</context>
<context>
    <name>HelpWords</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import accounts</source>
        <translation>Konten importieren</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Looking for accounts in ~/.aws, clouds.yaml, rclone.conf and the AWS_*, AZURE_STORAGE_* and OS_* environment variables…</source>
        <translation>Suche nach Konten in ~/.aws, clouds.yaml, rclone.conf und den Umgebungsvariablen AWS_*, AZURE_STORAGE_* und OS_*…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Gefundene Konten</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Found 1 account. Tick it to add it:</source>
        <translation>1 Konto gefunden. Zum Hinzufügen ankreuzen:</translation>
    </message>
    <message>
        <source>Found {n} accounts. Tick the ones to add:</source>
        <translation>{n} Konten gefunden. Die hinzuzufügenden ankreuzen:</translation>
    </message>
    <message>
        <source>No accounts found to import.</source>
        <translation>Keine Konten zum Importieren gefunden.</translation>
    </message>
    <message>
        <source>Skipped ({n}):</source>
        <translation>Übersprungen ({n}):</translation>
    </message>
    <message>
        <source>Already there as {name}</source>
        <translation>Bereits vorhanden als {name}</translation>
    </message>
    <message>
        <source>(name taken: saved with a number added) </source>
        <translation>(Name vergeben: mit angehängter Nummer gespeichert) </translation>
    </message>
    <message>
        <source>Add 1 account</source>
        <translation>1 Konto hinzufügen</translation>
    </message>
    <message>
        <source>Add {n} accounts</source>
        <translation>{n} Konten hinzufügen</translation>
    </message>
    <message>
        <source>Added 1 account.</source>
        <translation>1 Konto hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {n} accounts.</source>
        <translation>{n} Konten hinzugefügt.</translation>
    </message>
    <message>
        <source>{old} was saved as {new}.</source>
        <translation>{old} wurde als {new} gespeichert.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>%v of %m objects</source>
        <translation>%v von %m Objekten</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Applying the changes: {done} of {n} objects done.</source>
        <translation>Änderungen werden angewendet: {done} von {n} Objekten erledigt.</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {n} objects.</source>
        <translation>Abgebrochen nach {done} von {n} Objekten.</translation>
    </message>
    <message>
        <source>Changed {done} of {n} objects; {failed} failed, and were left as they were.</source>
        <translation>{done} von {n} Objekten geändert; {failed} fehlgeschlagen und unverändert geblieben.</translation>
    </message>
    <message>
        <source>Changed all {n} objects.</source>
        <translation>Alle {n} Objekte geändert.</translation>
    </message>
</context>
<context>
    <name>JobResultsDialog</name>
    <message>
        <source>Show only the failures</source>
        <extracomment>Rows shown at most (the export and the counts hold them all).</extracomment>
        <translation>Nur die Fehlschläge anzeigen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why / what it is now</source>
        <translation>Warum / wie es jetzt ist</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Export Failures…</source>
        <translation>Fehlschläge exportieren…</translation>
    </message>
    <message>
        <source>{done} of {total} objects done, {failed} failed.</source>
        <translation>{done} von {total} Objekten erledigt, {failed} fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The failures are listed first, each with the service&apos;s reason.</source>
        <translation>Die Fehlschläge stehen zuerst, jeweils mit der Begründung des Dienstes.</translation>
    </message>
    <message>
        <source>{n} more not shown; the export holds them all.</source>
        <translation>{n} weitere nicht angezeigt; der Export enthält alle.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>The failed objects run again; see Transfers.</source>
        <translation>Die fehlgeschlagenen Objekte laufen erneut; siehe Übertragungen.</translation>
    </message>
    <message>
        <source>Export Failures</source>
        <translation>Fehlschläge exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>{path} wird geschrieben…</translation>
    </message>
    <message>
        <source>{n} failures written to {path}.</source>
        <translation>{n} Fehlschläge nach {path} geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>{path} kann nicht geschrieben werden: {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{n} container</source>
        <extracomment>The entry to select once listed: the container or folder one came up from.</extracomment>
        <translation>
            <numerusform>{n} Container</numerusform>
            <numerusform>{n} Container</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} containers</source>
        <translation>
            <numerusform>{n} Container</numerusform>
            <numerusform>{n} Container</numerusform>
        </translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <source>This service</source>
        <extracomment>Properties read at the same time (the runner&apos;s pool is shared with the listing).</extracomment>
        <translation>Dieser Dienst</translation>
    </message>
    <message>
        <source>Properties of {name}</source>
        <translation>Eigenschaften von {name}</translation>
    </message>
    <message>
        <source>Properties of {n} Objects</source>
        <translation>Eigenschaften von {n} Objekten</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Review Changes…</source>
        <translation>Änderungen prüfen…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>System properties</source>
        <translation>Systemeigenschaften</translation>
    </message>
    <message>
        <source>cannot be set on this service</source>
        <translation>kann bei diesem Dienst nicht gesetzt werden</translation>
    </message>
    <message>
        <source>{service} cannot set {header}.</source>
        <translation>{service} kann {header} nicht setzen.</translation>
    </message>
    <message>
        <source>User metadata</source>
        <translation>Benutzer-Metadaten</translation>
    </message>
    <message>
        <source>{service} does not store user metadata.</source>
        <translation>{service} speichert keine Benutzer-Metadaten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the properties…</source>
        <translation>Eigenschaften werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the properties… {done} of {n}</source>
        <translation>Eigenschaften werden gelesen… {done} von {n}</translation>
    </message>
    <message>
        <source>{n} objects could not be read and are left out, e.g. {key}: {error}</source>
        <translation>{n} Objekte konnten nicht gelesen werden und fehlen, z. B. {key}: {error}</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Reloaded: the object as it is now, with your changes on top. Review them again.</source>
        <translation>Neu geladen: das Objekt, wie es jetzt ist, mit Ihren Änderungen darüber. Prüfen Sie sie erneut.</translation>
    </message>
    <message>
        <source>{key} in {container}</source>
        <translation>{key} in {container}</translation>
    </message>
    <message>
        <source>{n} objects in {container}</source>
        <translation>{n} Objekte in {container}</translation>
    </message>
    <message>
        <source>(various)</source>
        <translation>(verschiedene)</translation>
    </message>
    <message>
        <source>empty: guessed from the name</source>
        <translation>leer: aus dem Namen erraten</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Noch keine Änderungen.</translation>
    </message>
    <message>
        <source>These changes go to {key}, only if it is still the object shown (ETag {etag}).</source>
        <translation>Diese Änderungen gehen an {key}, nur wenn es noch das angezeigte Objekt ist (ETag {etag}).</translation>
    </message>
    <message>
        <source>These changes go to {n} objects as one job. Each is changed only if it is still the object shown (its ETag); keys not listed here stay as each object has them.</source>
        <translation>Diese Änderungen gehen als ein Auftrag an {n} Objekte. Jedes wird nur geändert, wenn es noch das angezeigte Objekt ist (sein ETag); hier nicht aufgeführte Schlüssel bleiben bei jedem Objekt, wie sie sind.</translation>
    </message>
    <message>
        <source>Apply to {n} Objects</source>
        <translation>Auf {n} Objekte anwenden</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Properties of {key} saved.</source>
        <translation>Eigenschaften von {key} gespeichert.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Several objects need the transfer queue.</source>
        <translation>Mehrere Objekte brauchen die Übertragungswarteschlange.</translation>
    </message>
    <message>
        <source>Properties of {n} objects saved.</source>
        <translation>Eigenschaften von {n} Objekten gespeichert.</translation>
    </message>
</context>
<context>
    <name>MetadataTable</name>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a key</source>
        <translation>Einen Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected keys</source>
        <translation>Die ausgewählten Schlüssel entfernen</translation>
    </message>
</context>
<context>
    <name>MetadataTableModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>A metadata key is empty: type a key or remove the row.</source>
        <extracomment>Offered as the user types a content type. What was shown when loaded (``None``: various): a key missing now is removed.</extracomment>
        <translation>Ein Metadaten-Schlüssel ist leer: Geben Sie einen Schlüssel ein oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>The key {key!r} appears twice; keys are unique.</source>
        <translation>Der Schlüssel {key!r} kommt zweimal vor; Schlüssel sind eindeutig.</translation>
    </message>
    <message>
        <source>(various)</source>
        <translation>(verschiedene)</translation>
    </message>
    <message>
        <source>The selected objects have different values; each keeps its own unless you type one.</source>
        <translation>Die ausgewählten Objekte haben verschiedene Werte; jedes behält seinen, außer Sie geben einen ein.</translation>
    </message>
    <message>
        <source>The values differ between the objects, so this key cannot be renamed here.</source>
        <translation>Die Werte unterscheiden sich zwischen den Objekten, daher kann dieser Schlüssel hier nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed (was {key} = {value})</source>
        <translation>Geändert (war {key} = {value})</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>A name cannot hold &apos;/&apos;; it separates folders.</source>
        <translation>Ein Name darf kein &apos;/&apos; enthalten; es trennt Ordner.</translation>
    </message>
    <message>
        <source>&apos;.&apos; and &apos;..&apos; are not names.</source>
        <translation>&apos;.&apos; und &apos;..&apos; sind keine Namen.</translation>
    </message>
    <message>
        <source>A name cannot hold control characters.</source>
        <translation>Ein Name darf keine Steuerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>ObjectTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <source>Archive status</source>
        <translation>Archivstatus</translation>
    </message>
</context>
<context>
    <name>ObjectsMimeData</name>
    <message>
        <source>Downloading {n} objects for the drop…</source>
        <extracomment>Staging folders older than this are removed at start (a drop may still read them). Downloads ``objects`` into a folder; calls ``done(error or None)`` when finished.</extracomment>
        <translation>{n} Objekte werden für das Ablegen heruntergeladen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OpenedFiles</name>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation>Lokale Kopie</translation>
    </message>
    <message>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>wird hochgeladen…</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>upload failed</source>
        <translation>Hochladen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>OpenedFilesDock</name>
    <message>
        <source>Opened Files</source>
        <extracomment>States shown with a warning: the copy holds a change that is not on the server. Stop watching the copy at this path / settle its conflict.</extracomment>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <source>Uploads stop; the local copy is deleted unless it holds changes not on the server</source>
        <translation>Das Hochladen endet; die lokale Kopie wird gelöscht, außer sie enthält Änderungen, die nicht auf dem Server sind</translation>
    </message>
    <message>
        <source>Stop Watching</source>
        <translation>Nicht mehr überwachen</translation>
    </message>
    <message>
        <source>The object changed on the server: keep yours, theirs, or compare</source>
        <translation>Das Objekt wurde auf dem Server geändert: Ihre behalten, die andere, oder vergleichen</translation>
    </message>
    <message>
        <source>Resolve Conflict…</source>
        <translation>Konflikt lösen…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Type a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Name of the new container in {account}:</source>
        <translation>Name des neuen Containers in {account}:</translation>
    </message>
    <message>
        <source>New Container</source>
        <translation>Neuer Container</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Container {name} created.</source>
        <translation>Container {name} erstellt.</translation>
    </message>
    <message>
        <source>Delete the empty container {name}?</source>
        <translation>Den leeren Container {name} löschen?</translation>
    </message>
    <message>
        <source>Delete Container</source>
        <translation>Container löschen</translation>
    </message>
    <message>
        <source>The container {name} holds {n} objects ({size}).

Delete them all, then the container? This cannot be undone.</source>
        <translation>Der Container {name} enthält {n} Objekte ({size}).

Alle löschen und dann den Container? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete {n} Objects and the Container</source>
        <translation>{n} Objekte und den Container löschen</translation>
    </message>
    <message>
        <source>Container {name} deleted.</source>
        <translation>Container {name} gelöscht.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Name of the new folder in {place}:</source>
        <translation>Name des neuen Ordners in {place}:</translation>
    </message>
    <message>
        <source>Upload Files to {place}</source>
        <translation>Dateien nach {place} hochladen</translation>
    </message>
    <message>
        <source>Upload Folder to {place}</source>
        <translation>Ordner nach {place} hochladen</translation>
    </message>
    <message>
        <source>Download To</source>
        <translation>Herunterladen nach</translation>
    </message>
    <message>
        <source>{n} objects</source>
        <translation>{n} Objekte</translation>
    </message>
    <message>
        <source>{n} folders with everything in them</source>
        <translation>{n} Ordner mit allem darin</translation>
    </message>
    <message>
        <source>the folder {name} with everything in it</source>
        <translation>den Ordner {name} mit allem darin</translation>
    </message>
    <message>
        <source>Delete {what} from {container}? This cannot be undone.</source>
        <translation>{what} aus {container} löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New name for {name}:</source>
        <translation>Neuer Name für {name}:</translation>
    </message>
</context>
<context>
    <name>PathBar</name>
    <message>
        <source>account:container/folder/</source>
        <extracomment>The bookmarks ``@NAME`` may name (name -&gt; place text); the window sets it.</extracomment>
        <translation>konto:container/ordner/</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Type account:container/folder/ or @bookmark, then Enter</source>
        <translation>konto:container/ordner/ oder @lesezeichen eingeben, dann Eingabetaste</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Kein Konto ausgewählt</translation>
    </message>
    <message>
        <source>Go to {place}</source>
        <translation>Gehe zu {place}</translation>
    </message>
    <message>
        <source>Type a place as account:container/folder/</source>
        <translation>Geben Sie einen Ort als konto:container/ordner/ ein</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Storage policy:</source>
        <translation>Speicherrichtlinie:</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <source>New on the left: sent</source>
        <extracomment>Where a change&apos;s key is kept on its leaf item.</extracomment>
        <translation>Neu auf der linken Seite: wird gesendet</translation>
    </message>
    <message>
        <source>Changed on the left: sent again</source>
        <translation>Links geändert: wird erneut gesendet</translation>
    </message>
    <message>
        <source>Only on the right: deleted (tick to delete)</source>
        <translation>Nur rechts: wird gelöscht (zum Löschen ankreuzen)</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>A branch with at most this many changes opens with its folders open. Leaves shown at most per branch: a plan of a million changes is summed up, not drawn.</extracomment>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>PolicyMoveDialog</name>
    <message>
        <source>Storage Policy of {what}</source>
        <extracomment>Containers looked up at most (a HEAD each: Swift&apos;s account listing names no policy). (container, its policy), by policy then name. More containers than were looked up.</extracomment>
        <translation>Speicherrichtlinie von {what}</translation>
    </message>
    <message>
        <source>Containers of other storage policies</source>
        <translation>Container anderer Speicherrichtlinien</translation>
    </message>
    <message>
        <source>{container} (storage policy {policy})</source>
        <translation>{container} (Speicherrichtlinie {policy})</translation>
    </message>
    <message>
        <source>Delete the originals once copied (a move)</source>
        <translation>Die Originale nach dem Kopieren löschen (verschieben)</translation>
    </message>
    <message>
        <source>No container of another storage policy yet: create one in the policy wanted (storebrowser-cli mb --class POLICY NAME), then come back.</source>
        <translation>Noch kein Container einer anderen Speicherrichtlinie: Legen Sie einen in der gewünschten Richtlinie an (storebrowser-cli mb --class RICHTLINIE NAME) und kommen Sie dann zurück.</translation>
    </message>
    <message>
        <source>The first {n} containers were looked at.</source>
        <translation>Die ersten {n} Container wurden angesehen.</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>die Standardrichtlinie</translation>
    </message>
    <message>
        <source>{what} in {container} live in its storage policy, {policy}: Swift keeps every object of a container in the policy the container was created with. To put them in another policy, they are copied (server-side, keys unchanged) into a container of that policy.</source>
        <translation>{what} in {container} liegen in dessen Speicherrichtlinie {policy}: Swift hält jedes Objekt eines Containers in der Richtlinie, mit der der Container angelegt wurde. Um sie in eine andere Richtlinie zu bringen, werden sie (auf dem Server, mit gleichen Schlüsseln) in einen Container dieser Richtlinie kopiert.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>PreflightBox</name>
    <message>
        <source>Live preflight check</source>
        <translation>Live-Preflight-Prüfung</translation>
    </message>
    <message>
        <source>An object of the container</source>
        <translation>Ein Objekt des Containers</translation>
    </message>
    <message>
        <source>Send Preflight</source>
        <translation>Preflight senden</translation>
    </message>
    <message>
        <source>From origin:</source>
        <translation>Vom Ursprung:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objekt:</translation>
    </message>
    <message>
        <source>Name an object of the container to ask about.</source>
        <translation>Nennen Sie ein Objekt des Containers, nach dem gefragt werden soll.</translation>
    </message>
    <message>
        <source>The rules say: allowed by rule {n}.</source>
        <translation>Die Regeln sagen: erlaubt durch Regel {n}.</translation>
    </message>
    <message>
        <source>The rules say: refused.</source>
        <translation>Die Regeln sagen: abgelehnt.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>to the end</source>
        <extracomment>An earlier version of ``info`` to read instead of the current one. The engine&apos;s limit, which reads here share (the window sets it; none in tests). The next bytes to arrive are a new object&apos;s first: they choose the tab.</extracomment>
        <translation>bis zum Ende</translation>
    </message>
    <message>
        <source>First byte shown (counted from 0; negative: from the end)</source>
        <translation>Erstes angezeigtes Byte (ab 0 gezählt; negativ: vom Ende)</translation>
    </message>
    <message>
        <source>Byte after the last one shown (empty: to the end; at most {cap} at once)</source>
        <translation>Byte nach dem letzten angezeigten (leer: bis zum Ende; höchstens {cap} auf einmal)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Next Range</source>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <source>How the text view decodes the bytes</source>
        <translation>Wie die Textansicht die Bytes dekodiert</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Bytes [</source>
        <translation>Bytes [</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>A folder: nothing to preview.</source>
        <translation>Ein Ordner: nichts für die Vorschau.</translation>
    </message>
    <message>
        <source>Select an object to preview its first bytes.</source>
        <translation>Wählen Sie ein Objekt, um seine ersten Bytes anzuzeigen.</translation>
    </message>
    <message>
        <source>{key} — {size}</source>
        <translation>{key} — {size}</translation>
    </message>
    <message>
        <source>{size} ({n} bytes)</source>
        <translation>{size} ({n} Bytes)</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}, Version {version}</translation>
    </message>
    <message>
        <source>Reading bytes [{start}:{end}]…</source>
        <translation>Bytes [{start}:{end}] werden gelesen…</translation>
    </message>
    <message>
        <source>The object ended after {n} bytes (it is shorter than listed).</source>
        <translation>Das Objekt endete nach {n} Bytes (es ist kürzer als aufgelistet).</translation>
    </message>
    <message>
        <source>The end is past the end of the object: clamped to {size}.</source>
        <translation>Das Ende liegt hinter dem Objektende: auf {size} begrenzt.</translation>
    </message>
    <message>
        <source>The start is past the end of the object ({size} bytes): nothing to show.</source>
        <translation>Der Anfang liegt hinter dem Objektende ({size} Bytes): nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>At most {cap} are shown at once: cut at {end}.</source>
        <translation>Höchstens {cap} werden auf einmal angezeigt: abgeschnitten bei {end}.</translation>
    </message>
    <message>
        <source>Bytes [{start}:{end}] of {size}.</source>
        <translation>Bytes [{start}:{end}] von {size}.</translation>
    </message>
    <message>
        <source>Not checked: this service cannot prove part of an object, and this one is larger than {cap}, the most a preview reads whole to check the bytes it shows.</source>
        <translation>Nicht geprüft: Dieser Dienst kann keinen Teil eines Objekts belegen, und dieses ist größer als {cap}, das Meiste, was eine Vorschau ganz liest, um die gezeigten Bytes zu prüfen.</translation>
    </message>
    <message>
        <source>Not checked: the service gives no checksum for this object, so its bytes cannot be proven.</source>
        <translation>Nicht geprüft: Der Dienst nennt keine Prüfsumme für dieses Objekt, seine Bytes lassen sich also nicht belegen.</translation>
    </message>
    <message>
        <source>An image is recognised by its first bytes; this range starts at {start}.</source>
        <translation>Ein Bild wird an seinen ersten Bytes erkannt; dieser Bereich beginnt bei {start}.</translation>
    </message>
    <message>
        <source>The object is empty (0 bytes).</source>
        <translation>Das Objekt ist leer (0 Bytes).</translation>
    </message>
    <message>
        <source>The start is not before the end: an empty range.</source>
        <translation>Der Anfang liegt nicht vor dem Ende: ein leerer Bereich.</translation>
    </message>
    <message>
        <source>No preview for this kind of file. The Hex tab shows its bytes.</source>
        <translation>Keine Vorschau für diese Dateiart. Der Reiter Hex zeigt ihre Bytes.</translation>
    </message>
    <message>
        <source>Not an image: the bytes do not start as a PNG, JPEG, GIF, BMP or WebP.</source>
        <translation>Kein Bild: Die Bytes beginnen nicht wie PNG, JPEG, GIF, BMP oder WebP.</translation>
    </message>
    <message>
        <source>The bytes start as a {kind} image, but it cannot be decoded.</source>
        <translation>Die Bytes beginnen wie ein {kind}-Bild, aber es lässt sich nicht dekodieren.</translation>
    </message>
    <message>
        <source>{kind} image, {w} x {h} pixels.</source>
        <translation>{kind}-Bild, {w} × {h} Pixel.</translation>
    </message>
    <message>
        <source>A {kind} image of {size}; this range holds only part of it.</source>
        <translation>Ein {kind}-Bild mit {size}; dieser Bereich enthält nur einen Teil davon.</translation>
    </message>
    <message>
        <source>A {kind} image of {size}: larger than a preview ({cap}), so it is not shown.</source>
        <translation>Ein {kind}-Bild mit {size}: größer als eine Vorschau ({cap}), daher nicht angezeigt.</translation>
    </message>
    <message>
        <source>Show Whole Image ({size})</source>
        <translation>Ganzes Bild anzeigen ({size})</translation>
    </message>
</context>
<context>
    <name>PreviewWords</name>
    <message>
        <source>Preview</source>
        <extracomment>A selection held this long is previewed (arrowing through rows asks nothing).</extracomment>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Show the first bytes of the current object</source>
        <translation>Die ersten Bytes des aktuellen Objekts anzeigen</translation>
    </message>
    <message>
        <source>Preview (F3, or Space in the list)</source>
        <translation>Vorschau (F3 oder Leertaste in der Liste)</translation>
    </message>
</context>
<context>
    <name>PropertiesTabs</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish as Website</source>
        <extracomment>HTML files looked for in the chosen folder (the choices for index and error page).</extracomment>
        <translation>Als Website veröffentlichen</translation>
    </message>
    <message>
        <source>The folder that holds the site</source>
        <translation>Der Ordner mit der Website</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Local folder:</source>
        <translation>Lokaler Ordner:</translation>
    </message>
    <message>
        <source>Index page:</source>
        <translation>Startseite:</translation>
    </message>
    <message>
        <source>Error page:</source>
        <translation>Fehlerseite:</translation>
    </message>
    <message>
        <source>The Site&apos;s Folder</source>
        <translation>Der Ordner der Website</translation>
    </message>
    <message>
        <source>Looking at the folder…</source>
        <translation>Ordner wird angesehen…</translation>
    </message>
    <message>
        <source>Choose a container.</source>
        <translation>Wählen Sie einen Container.</translation>
    </message>
    <message>
        <source>Choose the folder to publish.</source>
        <translation>Wählen Sie den zu veröffentlichenden Ordner.</translation>
    </message>
    <message>
        <source>{index} is not in the folder.</source>
        <translation>{index} ist nicht im Ordner.</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick Look</source>
        <extracomment>Share of the explorer window Quick Look covers.</extracomment>
        <translation>Schnellansicht</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Quick Look: {name}</source>
        <translation>Schnellansicht: {name}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Archive</source>
        <translation>Aus dem Archiv wiederherstellen</translation>
    </message>
    <message>
        <source>Restore</source>
        <extracomment>The job once it runs (the transfers panel shows it too).</extracomment>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep the copy for:</source>
        <translation>Kopie behalten für:</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Verschieben nach:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Restore {0} to a Date</source>
        <translation>{0} auf ein Datum zurücksetzen</translation>
    </message>
    <message>
        <source>Show Plan</source>
        <translation>Plan anzeigen</translation>
    </message>
    <message>
        <source>Pick the moment to bring {0} back to, then look at the plan.</source>
        <translation>Wählen Sie den Zeitpunkt, auf den {0} zurückgesetzt werden soll, und sehen Sie sich dann den Plan an.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>As it was at:</source>
        <translation>So wie am:</translation>
    </message>
    <message>
        <source>That moment is in the future: pick one in the past.</source>
        <translation>Dieser Zeitpunkt liegt in der Zukunft: Wählen Sie einen in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Reading the versions of every object in this folder and below…</source>
        <translation>Die Versionen jedes Objekts in diesem Ordner und darunter werden gelesen…</translation>
    </message>
    <message>
        <source>Also delete for good the {0} that did not exist then (this service keeps no delete marker: they and their snapshots cannot be brought back)</source>
        <translation>Auch die {0}, die es damals nicht gab, endgültig löschen (dieser Dienst behält keine Löschmarkierung: Sie und ihre Snapshots lassen sich nicht zurückholen)</translation>
    </message>
    <message>
        <source>Nothing restored: {0} left (not confirmed).</source>
        <translation>Nichts wiederhergestellt: {0} übrig (nicht bestätigt).</translation>
    </message>
    <message>
        <source>Restoring {0}…</source>
        <translation>{0} wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Stopped: {0} restored.</source>
        <translation>Angehalten: {0} wiederhergestellt.</translation>
    </message>
    <message>
        <source> {0} failed, {1}: {2} Retry them from the transfers panel.</source>
        <translation> {0} fehlgeschlagen, {1}: {2} Im Übertragungsbereich erneut versuchen.</translation>
    </message>
    <message>
        <source>Done: {0} restored.</source>
        <translation>Fertig: {0} wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Restore {n} Object</source>
        <translation>
            <numerusform>{n} Objekt wiederherstellen</numerusform>
            <numerusform>{n} Objekte wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore {n} Objects</source>
        <translation>
            <numerusform>{n} Objekt wiederherstellen</numerusform>
            <numerusform>{n} Objekte wiederherstellen</numerusform>
        </translation>
    </message>
    <message>
        <source> {0} left (not confirmed).</source>
        <translation> {0} übrig (nicht bestätigt).</translation>
    </message>
</context>
<context>
    <name>RestoreWords</name>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>comes back</source>
        <translation>kommt zurück</translation>
    </message>
    <message>
        <source>back to its content then</source>
        <translation>zurück zum damaligen Inhalt</translation>
    </message>
    <message>
        <source>deleted (did not exist then)</source>
        <translation>gelöscht (gab es damals nicht)</translation>
    </message>
    <message>
        <source>left as it is (its content then was not kept)</source>
        <translation>bleibt wie es ist (der damalige Inhalt wurde nicht aufbewahrt)</translation>
    </message>
    <message numerus="yes">
        <source>{n} object is</source>
        <translation>
            <numerusform>{n} Objekt ist</numerusform>
            <numerusform>{n} Objekte sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects are</source>
        <translation>
            <numerusform>{n} Objekt ist</numerusform>
            <numerusform>{n} Objekte sind</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do: {objects} as they were at {moment}.</source>
        <translation>Nichts zu tun: {objects} so wie am {moment}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} unchanged</source>
        <translation>
            <numerusform>{n} unverändert</numerusform>
            <numerusform>{n} unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>As at {moment}: {parts}. Nothing has changed yet.</source>
        <translation>Stand {moment}: {parts}. Noch wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>{n} comes back</source>
        <translation>
            <numerusform>{n} kommt zurück</numerusform>
            <numerusform>{n} kommen zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} come back</source>
        <translation>
            <numerusform>{n} kommt zurück</numerusform>
            <numerusform>{n} kommen zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} goes back to its content then</source>
        <translation>
            <numerusform>{n} erhält den damaligen Inhalt zurück</numerusform>
            <numerusform>{n} erhalten den damaligen Inhalt zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} go back to their content then</source>
        <translation>
            <numerusform>{n} erhält den damaligen Inhalt zurück</numerusform>
            <numerusform>{n} erhalten den damaligen Inhalt zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deleted (it did not exist then)</source>
        <translation>
            <numerusform>{n} gelöscht (gab es damals nicht)</numerusform>
            <numerusform>{n} gelöscht (gab es damals nicht)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} deleted (they did not exist then)</source>
        <translation>
            <numerusform>{n} gelöscht (gab es damals nicht)</numerusform>
            <numerusform>{n} gelöscht (gab es damals nicht)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} left as it is (its content then was not kept)</source>
        <translation>
            <numerusform>{n} bleibt wie es ist (der damalige Inhalt wurde nicht aufbewahrt)</numerusform>
            <numerusform>{n} bleiben wie sie sind (der damalige Inhalt wurde nicht aufbewahrt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} left as they are (their content then was not kept)</source>
        <translation>
            <numerusform>{n} bleibt wie es ist (der damalige Inhalt wurde nicht aufbewahrt)</numerusform>
            <numerusform>{n} bleiben wie sie sind (der damalige Inhalt wurde nicht aufbewahrt)</numerusform>
        </translation>
    </message>
    <message>
        <source>did not exist</source>
        <translation>gab es nicht</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Damals</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>RoundTrip</name>
    <message>
        <source>Overwrite Their Version</source>
        <extracomment>A copy was checked (and uploaded, or not): its path and the ``Outcome`` value. Asks how to settle a conflict (tests answer here).</extracomment>
        <translation>Die andere Fassung überschreiben</translation>
    </message>
    <message>
        <source>Replace the version of {key} on the server with yours? Theirs is lost unless the container keeps versions.</source>
        <translation>Die Fassung von {key} auf dem Server durch Ihre ersetzen? Die andere geht verloren, außer der Container bewahrt Versionen auf.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Save</source>
        <extracomment>What loading or saving gives back: the rules kept, and a note on where they apply.</extracomment>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Valid; Save sends it.</source>
        <translation>Gültig; Speichern sendet es.</translation>
    </message>
    <message>
        <source>As kept now.</source>
        <translation>So wie jetzt gespeichert.</translation>
    </message>
    <message>
        <source>Saved: {n} rules kept.</source>
        <translation>Gespeichert: {n} Regeln behalten.</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Delete the stored value when saving</source>
        <translation>Gespeicherten Wert beim Speichern löschen</translation>
    </message>
    <message>
        <source>Will be deleted when you save</source>
        <translation>Wird beim Speichern gelöscht</translation>
    </message>
    <message>
        <source>Type a new value to replace the stored one.</source>
        <translation>Geben Sie einen neuen Wert ein, der den gespeicherten ersetzt.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Stored in the secrets file</source>
        <translation>In der Geheimnisdatei gespeichert</translation>
    </message>
    <message>
        <source>Kept for this session only</source>
        <translation>Nur für diese Sitzung behalten</translation>
    </message>
</context>
<context>
    <name>SelectionWords</name>
    <message numerus="yes">
        <source>{n} object</source>
        <extracomment>S3 keeps a restored copy this many days unless asked otherwise (as the CLI does). What S3 takes at most (AWS: 1 to 30,000 days... we offer up to ten years).</extracomment>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} folder with everything in it</source>
        <translation>
            <numerusform>{n} Ordner mit allem darin</numerusform>
            <numerusform>{n} Ordner mit allem darin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} folders with everything in them</source>
        <translation>
            <numerusform>{n} Ordner mit allem darin</numerusform>
            <numerusform>{n} Ordner mit allem darin</numerusform>
        </translation>
    </message>
    <message>
        <source>{objects} and {folders}</source>
        <translation>{objects} und {folders}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Who Can Read {subject}?</source>
        <translation>Wer darf {subject} lesen?</translation>
    </message>
    <message>
        <source>Who Can Read This?</source>
        <translation>Wer darf das lesen?</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Objects under a prefix expire, or move to a colder class, a number of days after they were created (S3 acts once a day, at midnight UTC).</source>
        <translation>Objekte unter einem Präfix laufen eine Anzahl Tage nach ihrer Erstellung ab oder wechseln in eine kältere Klasse (S3 handelt einmal am Tag, um Mitternacht UTC).</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
</context>
<context>
    <name>ShareUrlDialog</name>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Time-Limited URL</source>
        <translation>Befristete URL</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <source>Unit of time</source>
        <translation>Zeiteinheit</translation>
    </message>
    <message>
        <source>Press “Make URL”</source>
        <translation>„URL erstellen“ drücken</translation>
    </message>
    <message>
        <source>Make URL</source>
        <translation>URL erstellen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objekt:</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Gültig für:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>At most 7 days.</source>
        <translation>Höchstens 7 Tage.</translation>
    </message>
    <message>
        <source>Anyone with this URL can read the object until it expires.</source>
        <translation>Jeder mit dieser URL kann das Objekt lesen, bis sie abläuft.</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Copied {n} paths.</source>
        <translation>{n} Pfade kopiert.</translation>
    </message>
    <message>
        <source>Copied {path}</source>
        <translation>{path} kopiert</translation>
    </message>
    <message>
        <source>Copied. The URL opens for anyone only if the container is public; Copy Time-Limited URL makes one that always works.</source>
        <translation>Kopiert. Die URL öffnet sich für alle nur, wenn der Container öffentlich ist; „Befristete URL kopieren“ erstellt eine, die immer funktioniert.</translation>
    </message>
    <message>
        <source>Change the Account?</source>
        <translation>Das Konto ändern?</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <extracomment>Keys that no menu shows: what they do where they work.</extracomment>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to {account}</source>
        <translation>Bei {account} anmelden</translation>
    </message>
    <message>
        <source>{account} needs its {labels} to sign in.</source>
        <translation>{account} braucht zur Anmeldung: {labels}.</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <source>Remember in the secrets file</source>
        <translation>In der Geheimnisdatei merken</translation>
    </message>
    <message>
        <source>The file is not encrypted; only your user can read it.</source>
        <translation>Die Datei ist nicht verschlüsselt; nur Ihr Benutzer kann sie lesen.</translation>
    </message>
    <message>
        <source>Remember in a file (not encrypted)</source>
        <translation>In einer Datei merken (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>This computer has no system keyring: unless you choose the file, the secret is forgotten when StoreBrowser closes. Only your user can read the file, but anyone with access to your files or backups can.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund des Systems: Ohne die Datei wird das Geheimnis beim Schließen von StoreBrowser vergessen. Nur Ihr Benutzer kann die Datei lesen, aber auch jeder mit Zugriff auf Ihre Dateien oder Sicherungen.</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>SignInWords</name>
    <message>
        <source>{account} needs you to sign in again.</source>
        <extracomment>Account name -&gt; what runs once it is signed in (a prompt is open or coming).</extracomment>
        <translation>{account} verlangt eine erneute Anmeldung.</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Edit Account…</source>
        <translation>Konto bearbeiten…</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Folder Statistics</source>
        <translation>Ordnerstatistik</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Statistics</source>
        <extracomment>Sums shown while counting, at most this often. Sub-folders listed by name; the rest are summed in one line.</extracomment>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Count Again</source>
        <translation>Erneut zählen</translation>
    </message>
    <message>
        <source>Counted before; Count Again counts anew.</source>
        <translation>Früher gezählt; „Erneut zählen“ zählt neu.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Stopped: the sums below are what was counted so far.</source>
        <translation>Angehalten: Die Summen unten sind das bisher Gezählte.</translation>
    </message>
    <message>
        <source>Counting… {objects} so far</source>
        <translation>Wird gezählt… bisher {objects}</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Incomplete: could not list {parts}</source>
        <translation>Unvollständig: {parts} ließ sich nicht auflisten</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Class {name}</source>
        <translation>Klasse {name}</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>(objects here)</source>
        <translation>(Objekte hier)</translation>
    </message>
    <message>
        <source>{n} more folders</source>
        <translation>{n} weitere Ordner</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Bytes</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>The account could not be reached; the message above says why.</source>
        <translation>Das Konto war nicht erreichbar; die Meldung oben sagt, warum.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No containers yet.
File ▸ New Container… makes one.</source>
        <translation>Noch keine Container.
Datei ▸ Neuer Container… legt einen an.</translation>
    </message>
    <message>
        <source>The listing failed; the message above says why.</source>
        <translation>Die Auflistung ist fehlgeschlagen; die Meldung oben sagt, warum.</translation>
    </message>
    <message>
        <source>No loaded name contains “{text}”.</source>
        <translation>Kein geladener Name enthält „{text}“.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Nothing below matches.</source>
        <translation>Darunter passt nichts.</translation>
    </message>
    <message>
        <source>No name starts with “{text}”.</source>
        <translation>Kein Name beginnt mit „{text}“.</translation>
    </message>
    <message>
        <source>This folder is empty.
Drop files here, or use Upload Files… (Ctrl+U).</source>
        <translation>Dieser Ordner ist leer.
Dateien hier ablegen oder „Dateien hochladen…“ (Strg+U) verwenden.</translation>
    </message>
    <message>
        <source>This container is empty.
Drop files here, or use Upload Files… (Ctrl+U).</source>
        <translation>Dieser Container ist leer.
Dateien hier ablegen oder „Dateien hochladen…“ (Strg+U) verwenden.</translation>
    </message>
    <message>
        <source>{found} found among {scanned} below {place}, {size} — {what}</source>
        <translation>{found} gefunden unter {scanned} unterhalb von {place}, {size} — {what}</translation>
    </message>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source> (incomplete)</source>
        <translation> (unvollständig)</translation>
    </message>
    <message>
        <source> (searching…)</source>
        <translation> (suche…)</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (angehalten)</translation>
    </message>
    <message>
        <source>{shown} of {loaded} match, {size}</source>
        <translation>{shown} von {loaded} passen, {size}</translation>
    </message>
    <message numerus="yes">
        <source>{n} item</source>
        <translation>
            <numerusform>{n} Eintrag</numerusform>
            <numerusform>{n} Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} items</source>
        <translation>
            <numerusform>{n} Eintrag</numerusform>
            <numerusform>{n} Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>{items}, {size}</source>
        <translation>{items}, {size}</translation>
    </message>
    <message>
        <source> — names starting with “{text}”</source>
        <translation> — Namen, die mit „{text}“ beginnen</translation>
    </message>
    <message>
        <source> (loaded so far)</source>
        <translation> (bisher geladen)</translation>
    </message>
    <message>
        <source>{n} selected ({size})</source>
        <translation>{n} ausgewählt ({size})</translation>
    </message>
    <message>
        <source>{n} selected (at least {size})</source>
        <translation>{n} ausgewählt (mindestens {size})</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} ausgewählt</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>New Tab</source>
        <translation>Neuer Tab</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>Nächster Tab</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>Vorheriger Tab</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <source>The places open in tabs; Ctrl+Tab goes to the next one</source>
        <translation>Die in Tabs geöffneten Orte; Strg+Tab wechselt zum nächsten</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Objects go into a container or a folder: open one in that tab first.</source>
        <translation>Objekte kommen in einen Container oder Ordner: öffnen Sie zuerst einen in diesem Tab.</translation>
    </message>
    <message>
        <source>Tabs not reopened: their account is gone ({names}).</source>
        <translation>Tabs nicht wieder geöffnet: ihr Konto gibt es nicht mehr ({names}).</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags of {what}</source>
        <translation>Tags von {what}</translation>
    </message>
    <message>
        <source>Save Tags</source>
        <translation>Tags speichern</translation>
    </message>
    <message>
        <source>Apply to All</source>
        <translation>Auf alle anwenden</translation>
    </message>
    <message>
        <source>The tags of {what} (they drive lifecycle rules and access policies).</source>
        <translation>Die Tags von {what} (nach ihnen richten sich Lebenszyklusregeln und Zugriffsrichtlinien).</translation>
    </message>
    <message>
        <source>Change the tags of {what}, as one job: each object gets the tags below and loses the keys to remove, and keeps its other tags.</source>
        <translation>Die Tags von {what} als ein Auftrag ändern: Jedes Objekt erhält die Tags unten, verliert die zu entfernenden Schlüssel und behält seine übrigen Tags.</translation>
    </message>
</context>
<context>
    <name>TagsEditor</name>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Set these tags</source>
        <translation>Diese Tags setzen</translation>
    </message>
    <message>
        <source>Remove these keys</source>
        <translation>Diese Schlüssel entfernen</translation>
    </message>
    <message>
        <source>One key a line</source>
        <translation>Ein Schlüssel pro Zeile</translation>
    </message>
    <message>
        <source>Reading the tags…</source>
        <translation>Tags werden gelesen…</translation>
    </message>
    <message>
        <source>A tag needs a key.</source>
        <translation>Ein Tag braucht einen Schlüssel.</translation>
    </message>
    <message>
        <source>The key {key} is there twice.</source>
        <translation>Der Schlüssel {key} steht zweimal da.</translation>
    </message>
    <message>
        <source>{key} is both set and removed.</source>
        <translation>{key} wird zugleich gesetzt und entfernt.</translation>
    </message>
    <message>
        <source>Add a tag to set or a key to remove.</source>
        <translation>Fügen Sie ein zu setzendes Tag oder einen zu entfernenden Schlüssel hinzu.</translation>
    </message>
</context>
<context>
    <name>TagsTab</name>
    <message>
        <source>Save Tags</source>
        <translation>Tags speichern</translation>
    </message>
    <message>
        <source>This service keeps no tags.</source>
        <translation>Dieser Dienst speichert keine Tags.</translation>
    </message>
    <message>
        <source>Apply Tags to {n} Objects</source>
        <translation>Tags auf {n} Objekte anwenden</translation>
    </message>
    <message>
        <source>Tags drive lifecycle rules and access policies. They are saved on their own (Save Tags), without changing the object.</source>
        <translation>Nach Tags richten sich Lebenszyklusregeln und Zugriffsrichtlinien. Sie werden für sich gespeichert (Tags speichern), ohne das Objekt zu ändern.</translation>
    </message>
    <message>
        <source>Each of the {n} objects gets the tags below and loses the keys to remove, and keeps its other tags; saved as one job (Apply Tags), without changing the objects.</source>
        <translation>Jedes der {n} Objekte erhält die Tags unten, verliert die zu entfernenden Schlüssel und behält seine übrigen Tags; gespeichert als ein Auftrag (Tags anwenden), ohne die Objekte zu ändern.</translation>
    </message>
    <message>
        <source>Saving tags needs the transfer queue.</source>
        <translation>Zum Speichern der Tags wird die Übertragungswarteschlange gebraucht.</translation>
    </message>
    <message>
        <source>Tags of {n} objects saved.</source>
        <translation>Tags von {n} Objekten gespeichert.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>TierWords</name>
    <message numerus="yes">
        <source>{what}: now in {storage_class} ({n} objects).</source>
        <translation>
            <numerusform>{what}: jetzt in {storage_class} ({n} Objekt).</numerusform>
            <numerusform>{what}: jetzt in {storage_class} ({n} Objekte).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: restore asked for {n} archived objects; they can be read once it is done.</source>
        <translation>
            <numerusform>{what}: Wiederherstellung für {n} archiviertes Objekt angefordert; es ist lesbar, sobald sie fertig ist.</numerusform>
            <numerusform>{what}: Wiederherstellung für {n} archivierte Objekte angefordert; sie sind lesbar, sobald sie fertig ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: tags changed on {n} objects.</source>
        <translation>
            <numerusform>{what}: Tags an {n} Objekt geändert.</numerusform>
            <numerusform>{what}: Tags an {n} Objekten geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>{failed} of {total} objects failed ({what}).</source>
        <extracomment>What a restore asks: days (S3), priority, the tier to go to (Azure).</extracomment>
        <translation>{failed} von {total} Objekten fehlgeschlagen ({what}).</translation>
    </message>
    <message>
        <source>Show Failures…</source>
        <translation>Fehlschläge anzeigen…</translation>
    </message>
    <message>
        <source>Results: {what}</source>
        <translation>Ergebnisse: {what}</translation>
    </message>
    <message>
        <source>storage class change</source>
        <translation>Änderung der Speicherklasse</translation>
    </message>
    <message>
        <source>restore from archive</source>
        <translation>Wiederherstellung aus dem Archiv</translation>
    </message>
    <message>
        <source>tag change</source>
        <translation>Änderung der Tags</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Already there</source>
        <extracomment>Object names of the buttons, for tests and for people automating the app.</extracomment>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>“{name}” exists already.</source>
        <translation>„{name}“ gibt es bereits.</translation>
    </message>
    <message>
        <source>In {where}. What should this download do?</source>
        <translation>In {where}. Was soll dieser Download tun?</translation>
    </message>
    <message>
        <source>On the server as {where}. What should this transfer do?</source>
        <translation>Auf dem Server als {where}. Was soll diese Übertragung tun?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip if same size</source>
        <translation>Bei gleicher Größe überspringen</translation>
    </message>
    <message>
        <source>Skip if identical</source>
        <translation>Bei gleichem Inhalt überspringen</translation>
    </message>
    <message>
        <source>Save the new one under a numbered name: report (1).pdf</source>
        <translation>Die neue unter einem nummerierten Namen speichern: bericht (1).pdf</translation>
    </message>
    <message>
        <source>Leave it when the server&apos;s checksum proves it the same (an earlier download finished it); otherwise download it again.</source>
        <translation>Belassen, wenn die Prüfsumme des Servers sie als gleich ausweist (ein früherer Download hat sie fertiggestellt); sonst erneut herunterladen.</translation>
    </message>
    <message>
        <source>Leave it when it has the same size (an earlier transfer finished it); otherwise overwrite it.</source>
        <translation>Belassen, wenn sie gleich groß ist (eine frühere Übertragung hat sie fertiggestellt); sonst überschreiben.</translation>
    </message>
    <message>
        <source>Do the same for every conflict of this transfer</source>
        <translation>Bei jedem Konflikt dieser Übertragung ebenso verfahren</translation>
    </message>
    <message>
        <source>Unfinished transfers</source>
        <translation>Unfertige Übertragungen</translation>
    </message>
    <message>
        <source>Resume the unfinished transfer from last time?</source>
        <translation>Die unfertige Übertragung vom letzten Mal fortsetzen?</translation>
    </message>
    <message>
        <source>Resume {n} unfinished transfers from last time?</source>
        <translation>{n} unfertige Übertragungen vom letzten Mal fortsetzen?</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <extracomment>``common_folder`` answers, by the identity of the keys tuple (a job&apos;s snapshots share its spec): the panel asks for every visible cell at every refresh, and a job of 100,000 sources takes ~10 ms to compute.</extracomment>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Cancel them: partial files and unfinished uploads are removed.</source>
        <translation>Abbrechen: Teildateien und unfertige Uploads werden entfernt.</translation>
    </message>
    <message>
        <source>Keep them paused in the transfers panel.</source>
        <translation>Pausiert im Übertragungsbereich behalten.</translation>
    </message>
    <message>
        <source>Transfers are running</source>
        <extracomment>Another window on the same engine is open: this one closes without stopping it. The last answer: &quot;pause&quot;, &quot;cancel&quot;, &quot;stay&quot; or &quot;&quot; (nothing was running).</extracomment>
        <translation>Übertragungen laufen</translation>
    </message>
    <message>
        <source>A transfer is still running.</source>
        <translation>Eine Übertragung läuft noch.</translation>
    </message>
    <message>
        <source>{n} transfers are still running.</source>
        <translation>{n} Übertragungen laufen noch.</translation>
    </message>
    <message>
        <source>Pause them to continue at the next start, or cancel them (partial files and unfinished uploads are removed)? Paused transfers stay paused.</source>
        <translation>Pausieren, um beim nächsten Start fortzufahren, oder abbrechen (Teildateien und unfertige Uploads werden entfernt)? Pausierte Übertragungen bleiben pausiert.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel transfers</source>
        <translation>Übertragungen abbrechen</translation>
    </message>
    <message>
        <source>Don&apos;t quit</source>
        <translation>Nicht beenden</translation>
    </message>
    <message>
        <source>Cancelling transfers and removing partial files…</source>
        <translation>Übertragungen werden abgebrochen und Teildateien entfernt…</translation>
    </message>
    <message>
        <source>Pausing transfers…</source>
        <translation>Übertragungen werden pausiert…</translation>
    </message>
    <message>
        <source>Transfers</source>
        <extracomment>A job that ran at least this long is worth a notification when the window is elsewhere. What the buttons act on when no row is selected: Cancel only what is running. Rows an empty panel keeps room for (the header and the toolbar besides).
----------
Used for notifications; made on first need when the desktop has a tray. The &quot;already there&quot; questions on screen, oldest first, with the job each is for.</extracomment>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Each transfer with its progress, state, size, rate and time left</source>
        <translation>Jede Übertragung mit Fortschritt, Status, Größe, Rate und Restzeit</translation>
    </message>
    <message>
        <source>Pause the selected transfers (running parts finish)</source>
        <translation>Die ausgewählten Übertragungen pausieren (laufende Teile werden beendet)</translation>
    </message>
    <message>
        <source>Resume the selected transfers</source>
        <translation>Die ausgewählten Übertragungen fortsetzen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Run the failed items of the selected transfers again</source>
        <translation>Die fehlgeschlagenen Einträge der ausgewählten Übertragungen erneut ausführen</translation>
    </message>
    <message>
        <source>Cancel the selected transfers and remove what they left half-done</source>
        <translation>Die ausgewählten Übertragungen abbrechen und Halbfertiges entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Pause the running and queued transfers</source>
        <translation>Laufende und wartende Übertragungen pausieren</translation>
    </message>
    <message>
        <source>Resume the paused transfers</source>
        <translation>Die pausierten Übertragungen fortsetzen</translation>
    </message>
    <message>
        <source>Run the failed items of failed transfers again</source>
        <translation>Die fehlgeschlagenen Einträge fehlgeschlagener Übertragungen erneut ausführen</translation>
    </message>
    <message>
        <source>Cancel the running transfers and remove what they left half-done</source>
        <translation>Die laufenden Übertragungen abbrechen und Halbfertiges entfernen</translation>
    </message>
    <message>
        <source>Move to top</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Run the selected transfers next</source>
        <translation>Die ausgewählten Übertragungen als Nächstes ausführen</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled transfers from the list</source>
        <translation>Fertige, fehlgeschlagene und abgebrochene Übertragungen aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Fertige entfernen</translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>Finished: {title}</source>
        <translation>Fertig: {title}</translation>
    </message>
    <message>
        <source>Failed: {title}: {why}</source>
        <translation>Fehlgeschlagen: {title}: {why}</translation>
    </message>
    <message>
        <source>Cancelled: {title}</source>
        <translation>Abgebrochen: {title}</translation>
    </message>
    <message>
        <source>Transfer finished</source>
        <translation>Übertragung fertig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Waiting</source>
        <extracomment>Progress as a float 0-100, or None while the total is unknown (the delegate reads it). The row&apos;s ``State``. The id of the row&apos;s job (items too). Item rows exposed to views (0 until a view expands the job). Jobs whose worker waits for the user&apos;s answer to a question (&quot;already there&quot;).</extracomment>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>A question is open: double-click this transfer to see it.</source>
        <translation>Eine Frage ist offen: Doppelklicken Sie auf diese Übertragung, um sie zu sehen.</translation>
    </message>
    <message>
        <source>{progress}, {state}</source>
        <translation>{progress}, {state}</translation>
    </message>
    <message numerus="yes">
        <source>{n} file</source>
        <translation>
            <numerusform>{n} Datei</numerusform>
            <numerusform>{n} Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} files</source>
        <translation>
            <numerusform>{n} Datei</numerusform>
            <numerusform>{n} Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} change</source>
        <translation>
            <numerusform>{n} Änderung</numerusform>
            <numerusform>{n} Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} changes</source>
        <translation>
            <numerusform>{n} Änderung</numerusform>
            <numerusform>{n} Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} object</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} objects</source>
        <translation>
            <numerusform>{n} Objekt</numerusform>
            <numerusform>{n} Objekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} item</source>
        <translation>
            <numerusform>{n} Eintrag</numerusform>
            <numerusform>{n} Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} items</source>
        <translation>
            <numerusform>{n} Eintrag</numerusform>
            <numerusform>{n} Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Upload {name} to {place}</source>
        <translation>{name} nach {place} hochladen</translation>
    </message>
    <message>
        <source>Upload {files} to {place}</source>
        <translation>{files} nach {place} hochladen</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>{name} herunterladen</translation>
    </message>
    <message>
        <source>Download {objects} from {place}</source>
        <translation>{objects} aus {place} herunterladen</translation>
    </message>
    <message>
        <source>Download {place}</source>
        <translation>{place} herunterladen</translation>
    </message>
    <message>
        <source>Sync {place} ({changes})</source>
        <translation>{place} synchronisieren ({changes})</translation>
    </message>
    <message>
        <source>Delete {objects} from {place}</source>
        <translation>{objects} aus {place} löschen</translation>
    </message>
    <message>
        <source>Storage class of {what} in {place} → {name}</source>
        <extracomment>The title, with ``{what}`` and ``{place}``.</extracomment>
        <translation>Speicherklasse von {what} in {place} → {name}</translation>
    </message>
    <message>
        <source>Restore {what} in {place} from the archive</source>
        <translation>{what} in {place} aus dem Archiv wiederherstellen</translation>
    </message>
    <message>
        <source>Tags of {what} in {place}</source>
        <translation>Tags von {what} in {place}</translation>
    </message>
    <message>
        <source>Properties of {what} in {place}</source>
        <translation>Eigenschaften von {what} in {place}</translation>
    </message>
    <message>
        <source>Upload {what} to {place}</source>
        <translation>{what} nach {place} hochladen</translation>
    </message>
    <message>
        <source>Download {what} from {place}</source>
        <translation>{what} aus {place} herunterladen</translation>
    </message>
    <message>
        <source>Move {what} to {place}</source>
        <translation>{what} nach {place} verschieben</translation>
    </message>
    <message>
        <source>Copy {what} to {place}</source>
        <extracomment>The title&apos;s verb.</extracomment>
        <translation>{what} nach {place} kopieren</translation>
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
        <translation>(ein Datenstrom)</translation>
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
        <translation>{remote}: {keys}</translation>
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
        <translation>{done} von {total} Objekten</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <source>{n} running</source>
        <translation>{n} laufen</translation>
    </message>
    <message>
        <source>{n} queued</source>
        <translation>{n} wartend</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <translation>{n} pausiert</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
    <message>
        <source>Transfers finished</source>
        <translation>Übertragungen fertig</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{states} — {figures}</source>
        <translation>{states} — {figures}</translation>
    </message>
    <message>
        <source>Bytes per second for all transfers together: 512K, 10M; empty for no limit</source>
        <translation>Bytes pro Sekunde für alle Übertragungen zusammen: 512K, 10M; leer für keine Grenze</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Grenze beim Hochladen</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Grenze beim Herunterladen</translation>
    </message>
    <message>
        <source>Limited hours</source>
        <translation>Begrenzte Stunden</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>ganztägig</translation>
    </message>
    <message>
        <source>Hold the limit only at these times, e.g. 08:00-18:00 or Mon-Fri 08:00-18:00; unlimited outside</source>
        <translation>Die Grenze nur zu diesen Zeiten halten, z. B. 08:00-18:00 oder Mon-Fri 08:00-18:00 (Tage englisch abgekürzt); außerhalb unbegrenzt</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Grenze:</translation>
    </message>
    <message>
        <source>hours:</source>
        <translation>Stunden:</translation>
    </message>
    <message>
        <source>Restore {place} as of {moment} ({objects})</source>
        <translation>{place} auf den Stand vom {moment} zurücksetzen ({objects})</translation>
    </message>
</context>
<context>
    <name>TuningBox</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>The service&apos;s own</source>
        <translation>Die des Dienstes</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Transfers at once:</source>
        <translation>Übertragungen gleichzeitig:</translation>
    </message>
    <message>
        <source>Objects of this account moving at the same time</source>
        <translation>Objekte dieses Kontos, die gleichzeitig übertragen werden</translation>
    </message>
    <message>
        <source>Parts per object:</source>
        <translation>Teile pro Objekt:</translation>
    </message>
    <message>
        <source>Parts of one large object sent or fetched at the same time</source>
        <translation>Teile eines großen Objekts, die gleichzeitig gesendet oder geholt werden</translation>
    </message>
    <message>
        <source>Part size:</source>
        <translation>Teilgröße:</translation>
    </message>
    <message>
        <source>Large objects move in parts of this size (at least the service&apos;s minimum)</source>
        <translation>Große Objekte werden in Teilen dieser Größe übertragen (mindestens dem Minimum des Dienstes)</translation>
    </message>
    <message>
        <source>Default ({value})</source>
        <translation>Standard ({value})</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>Ask for each</source>
        <extracomment>Files named in the dialog with the type guessed for each, before &quot;and N more&quot;.</extracomment>
        <translation>Jedes Mal fragen</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Keep both (rename the new one)</source>
        <translation>Beide behalten (die neue umbenennen)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <extracomment>The storage class (access tier) to store them in; ``None``: the service&apos;s default. The ``--sse`` words (``s3``, ``kms:KEY``, ``c``, ``scope:NAME``); ``None``: the default. Seconds after which the server deletes each object (Swift); ``None``: never.</extracomment>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <source>Files inside folders: each from its own name.</source>
        <translation>Dateien in Ordnern: jede nach ihrem eigenen Namen.</translation>
    </message>
    <message>
        <source>Upload to {place}</source>
        <translation>Nach {place} hochladen</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>From each file&apos;s name</source>
        <translation>Aus dem Namen jeder Datei</translation>
    </message>
    <message>
        <source>The same for every file:</source>
        <translation>Für jede Datei derselbe:</translation>
    </message>
    <message>
        <source>This service does not store a content type.</source>
        <translation>Dieser Dienst speichert keinen Inhaltstyp.</translation>
    </message>
    <message>
        <source>User metadata for every file</source>
        <translation>Benutzer-Metadaten für jede Datei</translation>
    </message>
    <message>
        <source>This service does not store user metadata.</source>
        <translation>Dieser Dienst speichert keine Benutzer-Metadaten.</translation>
    </message>
    <message>
        <source>When the name exists:</source>
        <translation>Wenn der Name existiert:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>The service&apos;s default</source>
        <translation>Standard des Dienstes</translation>
    </message>
    <message>
        <source>Store in {noun}:</source>
        <translation>Speichern in {noun}:</translation>
    </message>
    <message>
        <source>Never (or 90s, 10m, 12h, 7d, 2w)</source>
        <translation>Nie (oder 90s, 10m, 12h, 7d, 2w)</translation>
    </message>
    <message>
        <source>Server deletes after:</source>
        <translation>Server löscht nach:</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Upload {name} to {place}.</source>
        <translation>{name} nach {place} hochladen.</translation>
    </message>
    <message>
        <source>Upload {n} files and folders to {place}.</source>
        <translation>{n} Dateien und Ordner nach {place} hochladen.</translation>
    </message>
    <message>
        <source>Type the content type, or let each file&apos;s name choose it.</source>
        <translation>Geben Sie den Inhaltstyp ein, oder lassen Sie ihn aus dem Namen jeder Datei bestimmen.</translation>
    </message>
</context>
<context>
    <name>VersioningBar</name>
    <message>
        <source>This container keeps versions: overwrites and deletes keep the earlier one.</source>
        <translation>Dieser Container behält Versionen: Überschreiben und Löschen bewahren die frühere.</translation>
    </message>
    <message>
        <source>Versioning is suspended here: {reason}</source>
        <translation>Die Versionierung ist hier ausgesetzt: {reason}</translation>
    </message>
    <message>
        <source>This container keeps no versions: an overwrite or a delete cannot be undone.</source>
        <translation>Dieser Container behält keine Versionen: Überschreiben oder Löschen lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>No versions here: {reason}</source>
        <translation>Hier keine Versionen: {reason}</translation>
    </message>
    <message>
        <source>Turn On Versioning…</source>
        <translation>Versionierung einschalten…</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of {0}</source>
        <translation>Versionen von {0}</translation>
    </message>
    <message>
        <source>{0} in {1}</source>
        <translation>{0} in {1}</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
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
        <translation>Die ausgewählten gelöschten Objekte zurückholen</translation>
    </message>
    <message>
        <source>Make this version current again (a copy on the server; the current one is kept)</source>
        <translation>Diese Version wieder zur aktuellen machen (eine Kopie auf dem Server; die aktuelle bleibt erhalten)</translation>
    </message>
    <message>
        <source>Listing versions…</source>
        <translation>Versionen werden aufgelistet…</translation>
    </message>
    <message>
        <source>, {0} deleted</source>
        <translation>, {0} gelöscht</translation>
    </message>
    <message>
        <source> (listing…)</source>
        <translation> (wird aufgelistet…)</translation>
    </message>
    <message>
        <source>Turn on versioning for {0}?

{1}</source>
        <translation>Versionierung für {0} einschalten?

{1}</translation>
    </message>
    <message>
        <source>Turn On Versioning</source>
        <translation>Versionierung einschalten</translation>
    </message>
    <message>
        <source>Turn On</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>{0} keeps versions from now on.</source>
        <translation>{0} behält ab jetzt Versionen.</translation>
    </message>
    <message>
        <source>Brought back: {0}</source>
        <translation>Zurückgeholt: {0}</translation>
    </message>
    <message>
        <source>Make the version of {0} from {1} the current one?

It is copied on the server; the current content stays as an earlier version.</source>
        <translation>Die Version von {0} vom {1} zur aktuellen machen?

Sie wird auf dem Server kopiert; der aktuelle Inhalt bleibt als frühere Version erhalten.</translation>
    </message>
    <message>
        <source>Revert to This Version</source>
        <translation>Auf diese Version zurücksetzen</translation>
    </message>
    <message>
        <source>Undelete</source>
        <extracomment>One object&apos;s versions all have its name: less room for it. Something changed on the server: the object table should list again. A folder row was opened. &quot;Versions…&quot; asked for one object&apos;s versions (its key). &quot;Preview&quot; asked for one version&apos;s bytes (its ``VersionRow``); the button shows only where something shows them (``offer_preview``).</extracomment>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versionen…</translation>
    </message>
    <message>
        <source>Download Version…</source>
        <translation>Version herunterladen…</translation>
    </message>
    <message>
        <source>Delete Version…</source>
        <translation>Version löschen…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Restore Folder to a Date…</source>
        <translation>Ordner auf ein Datum zurücksetzen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>{0} is at its version from {1} again.</source>
        <translation>{0} ist wieder auf seiner Version vom {1}.</translation>
    </message>
    <message>
        <source>the delete marker</source>
        <translation>die Löschmarkierung</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>die Version</translation>
    </message>
    <message>
        <source>Delete {0} {1} of {2} (from {3}) for good?

It cannot be brought back.</source>
        <translation>{0} {1} von {2} (vom {3}) endgültig löschen?

Das lässt sich nicht zurückholen.</translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation>Version löschen</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Deleted version {0} of {1}.</source>
        <translation>Version {0} von {1} gelöscht.</translation>
    </message>
    <message>
        <source>Saved {0} ({1}).</source>
        <translation>{0} gespeichert ({1}).</translation>
    </message>
    <message>
        <source>Download Version</source>
        <translation>Version herunterladen</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
</context>
<context>
    <name>VersionsTab</name>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to {app}</source>
        <extracomment>Found accounts listed at most; the Accounts dialog&apos;s Import… shows every one. Where found credentials come from (tests give a temporary home and environment).</extracomment>
        <translation>Willkommen bei {app}</translation>
    </message>
    <message>
        <source>Browse, upload and download the objects of your cloud storage. Add an account to connect, or browse the folders of this computer on the left.</source>
        <translation>Objekte Ihres Cloud-Speichers durchsuchen, hoch- und herunterladen. Fügen Sie ein Konto hinzu, um sich zu verbinden, oder durchsuchen Sie links die Ordner dieses Computers.</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ein Konto hinzufügen</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Auf diesem Computer gefunden</translation>
    </message>
    <message>
        <source>Looking for the settings of the AWS, Azure and OpenStack tools…</source>
        <translation>Suche nach den Einstellungen der Werkzeuge von AWS, Azure und OpenStack…</translation>
    </message>
    <message>
        <source>Import Selected</source>
        <translation>Ausgewählte importieren</translation>
    </message>
    <message>
        <source>Accounts other tools set up here, ready to import:</source>
        <translation>Konten, die andere Werkzeuge hier eingerichtet haben, bereit zum Import:</translation>
    </message>
    <message>
        <source>No settings of the AWS, Azure or OpenStack tools (or rclone) were found here.</source>
        <translation>Hier wurden keine Einstellungen der Werkzeuge von AWS, Azure oder OpenStack (oder rclone) gefunden.</translation>
    </message>
    <message>
        <source>Imported: {names}.</source>
        <translation>Importiert: {names}.</translation>
    </message>
    <message>
        <source>Nothing was imported: these accounts are there already.</source>
        <translation>Nichts importiert: Diese Konten gibt es bereits.</translation>
    </message>
</context>
<context>
    <name>WindowFrame</name>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Bookmarks and accounts, their containers and folders</source>
        <translation>Lesezeichen und Konten, ihre Container und Ordner</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>The objects and folders of the place shown</source>
        <translation>Die Objekte und Ordner des angezeigten Orts</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>The containers of the account shown</source>
        <translation>Die Container des angezeigten Kontos</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Where you are; Ctrl+L to type a place or @bookmark</source>
        <translation>Wo Sie sind; Strg+L, um einen Ort oder ein @lesezeichen einzugeben</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>New Window</source>
        <translation>Neues Fenster</translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <source>Back Up Which Folder into {place}?</source>
        <translation>Welchen Ordner nach {place} sichern?</translation>
    </message>
    <message>
        <source>Back Up Folder</source>
        <translation>Ordner sichern</translation>
    </message>
    <message>
        <source>Name of the backup object:</source>
        <translation>Name des Sicherungsobjekts:</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source> {n} unreadable files were left out.</source>
        <translation> {n} unlesbare Dateien wurden ausgelassen.</translation>
    </message>
    <message>
        <source>Backup {key} stored: {size}, SHA-256 {sha}.</source>
        <translation>Sicherung {key} gespeichert: {size}, SHA-256 {sha}.</translation>
    </message>
    <message>
        <source>Download All To</source>
        <translation>Alles herunterladen nach</translation>
    </message>
    <message>
        <source>The site was not fully uploaded.</source>
        <translation>Die Website wurde nicht vollständig hochgeladen.</translation>
    </message>
    <message>
        <source>{container} is published at {url}</source>
        <translation>{container} ist veröffentlicht unter {url}</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>{container} is published; the service shows its address in its console.</source>
        <translation>{container} ist veröffentlicht; der Dienst zeigt die Adresse in seiner Konsole.</translation>
    </message>
</context>
</TS>
