"""The explorer's actions: one QAction each, for menus, toolbar, context menus and
shortcuts, enabled from the provider's capabilities and the selection.

``update`` takes a ``SelectionState`` (plain values) and sets enabled state and
tooltips; an action that the provider cannot do says why in its tooltip. The logic is
in ``ui.enablement`` (no Qt) so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.ui.enablement import SelectionState, Verdict, enablement, settings_verdict
from storebrowser.ui.icons import arrow_icon

__all__ = ["ExplorerActions", "SelectionState", "Verdict", "enablement", "settings_verdict"]


@dataclass(frozen=True, slots=True)
class _Spec:
    name: str
    text: str
    shortcut: Sequence[QKeySequence | QKeySequence.StandardKey | str] = ()
    icon: QStyle.StandardPixmap | None = None
    theme: str = ""
    tip: str = ""
    #: One of ``icons.arrow_icon``'s names: drawn in the palette's colours.
    drawn: str = ""


_SP = QStyle.StandardPixmap
#: The actions' words are marked for lupdate where they are written, and translated in
#: this context when the actions are made.
WORDS = "Actions"

_KEYS = QKeySequence.StandardKey
_SPECS = (
    _Spec("back", QT_TRANSLATE_NOOP("Actions", "Back"), [_KEYS.Back], None, "go-previous", drawn="back"),
    _Spec(
        "forward", QT_TRANSLATE_NOOP("Actions", "Forward"), [_KEYS.Forward], None, "go-next", drawn="forward"
    ),
    _Spec(
        "up",
        QT_TRANSLATE_NOOP("Actions", "Up"),
        ["Alt+Up", "Backspace"],
        None,
        "go-up",
        QT_TRANSLATE_NOOP("Actions", "The folder above"),
        drawn="up",
    ),
    _Spec(
        "refresh",
        QT_TRANSLATE_NOOP("Actions", "Refresh"),
        [_KEYS.Refresh],
        _SP.SP_BrowserReload,
        "view-refresh",
    ),
    _Spec(
        "new_container",
        QT_TRANSLATE_NOOP("Actions", "New Container…"),
        ["Ctrl+Shift+B"],
        _SP.SP_DriveHDIcon,
        "folder-new",
    ),
    _Spec(
        "delete_container",
        QT_TRANSLATE_NOOP("Actions", "Delete Container…"),
        [],
        _SP.SP_TrashIcon,
        "edit-delete",
    ),
    _Spec(
        "new_folder",
        QT_TRANSLATE_NOOP("Actions", "New Folder…"),
        ["Ctrl+Shift+N"],
        _SP.SP_FileDialogNewFolder,
        "folder-new",
    ),
    _Spec(
        "upload_files",
        QT_TRANSLATE_NOOP("Actions", "Upload Files…"),
        ["Ctrl+U"],
        None,
        "document-send",
        drawn="upload",
    ),
    _Spec(
        "upload_folder",
        QT_TRANSLATE_NOOP("Actions", "Upload Folder…"),
        ["Ctrl+Shift+U"],
        _SP.SP_DirOpenIcon,
        "folder-open",
    ),
    _Spec(
        "upload_options",
        QT_TRANSLATE_NOOP("Actions", "Upload with Options…"),
        ["Ctrl+Alt+U"],
        None,
        "document-send",
        QT_TRANSLATE_NOOP(
            "Actions",
            "Choose the content type, metadata and what to do when a name exists (or hold Alt as you drop)",
        ),
        drawn="upload",
    ),
    _Spec(
        "download",
        QT_TRANSLATE_NOOP("Actions", "Download To…"),
        ["Ctrl+Shift+D"],
        None,
        "document-save",
        drawn="download",
    ),
    _Spec("delete", QT_TRANSLATE_NOOP("Actions", "Delete"), [_KEYS.Delete], _SP.SP_TrashIcon, "edit-delete"),
    _Spec("rename", QT_TRANSLATE_NOOP("Actions", "Rename…"), ["F2"], None, "edit-rename"),
    _Spec(
        "copy_to",
        QT_TRANSLATE_NOOP("Actions", "Copy To…"),
        ["Ctrl+Shift+C"],
        _SP.SP_FileLinkIcon,
        "edit-copy",
    ),
    _Spec("copy_path", QT_TRANSLATE_NOOP("Actions", "Copy Path"), [_KEYS.Copy], None, "edit-copy"),
    _Spec(
        "copy_url",
        QT_TRANSLATE_NOOP("Actions", "Copy URL"),
        ["Ctrl+Alt+C"],
        None,
        "insert-link",
        QT_TRANSLATE_NOOP(
            "Actions", "The plain address; it opens for anyone only if the container is public"
        ),
    ),
    _Spec(
        "share_url",
        QT_TRANSLATE_NOOP("Actions", "Copy Time-Limited URL…"),
        ["Ctrl+Shift+L"],
        None,
        "emblem-shared",
    ),
    _Spec(
        "properties",
        QT_TRANSLATE_NOOP("Actions", "Properties"),
        ["Alt+Return"],
        _SP.SP_FileDialogInfoView,
        "document-properties",
    ),
    _Spec(
        "storage_class",
        QT_TRANSLATE_NOOP("Actions", "Storage Class…"),
        [],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "Move the objects to another class or tier"),
    ),
    _Spec(
        "restore_archive",
        QT_TRANSLATE_NOOP("Actions", "Restore from Archive…"),
        [],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "Make archived objects readable again"),
    ),
    _Spec(
        "tags",
        QT_TRANSLATE_NOOP("Actions", "Tags…"),
        [],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "The tags lifecycle rules and access policies go by"),
    ),
    _Spec(
        "access",
        QT_TRANSLATE_NOOP("Actions", "Who Can Read This?…"),
        ["Ctrl+Shift+A"],
        _SP.SP_MessageBoxQuestion,
        "security-medium",
        QT_TRANSLATE_NOOP(
            "Actions", "Who can read it without signing in, checked live; CORS, lifecycle, expiry, encryption"
        ),
    ),
    _Spec(
        "backup_here",
        QT_TRANSLATE_NOOP("Actions", "Back Up Folder Here…"),
        [],
        None,
        "document-save-as",
        QT_TRANSLATE_NOOP("Actions", "Archive a local folder as tar.gz straight into this place"),
    ),
    _Spec(
        "download_all",
        QT_TRANSLATE_NOOP("Actions", "Download All To…"),
        [],
        _SP.SP_DialogSaveButton,
        "folder-download",
        QT_TRANSLATE_NOOP("Actions", "Every object of this place into a local folder, keeping the structure"),
    ),
    _Spec(
        "publish",
        QT_TRANSLATE_NOOP("Actions", "Publish as Website…"),
        [],
        _SP.SP_ComputerIcon,
        "applications-internet",
    ),
    _Spec(
        "copy_command",
        QT_TRANSLATE_NOOP("Actions", "Copy as Command…"),
        ["Ctrl+Shift+K"],
        None,
        "utilities-terminal",
        QT_TRANSLATE_NOOP("Actions", "The command line that does this from a terminal"),
    ),
    _Spec(
        "show_versions",
        QT_TRANSLATE_NOOP("Actions", "Show Versions"),
        ["Ctrl+Shift+V"],
        None,
        "",
        QT_TRANSLATE_NOOP(
            "Actions", "Earlier versions and deleted objects of this folder, instead of its objects"
        ),
    ),
    _Spec(
        "versions",
        QT_TRANSLATE_NOOP("Actions", "Versions…"),
        [],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "The earlier versions of the selected object"),
    ),
    _Spec("accounts", QT_TRANSLATE_NOOP("Actions", "Accounts…"), [], _SP.SP_DriveNetIcon, "network-server"),
    _Spec("focus_path", QT_TRANSLATE_NOOP("Actions", "Go to Place…"), ["Ctrl+L"], None, ""),
    _Spec("focus_filter", QT_TRANSLATE_NOOP("Actions", "Filter…"), [_KEYS.Find], None, "edit-find"),
    _Spec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "Find…"),
        ["Ctrl+Shift+F"],
        None,
        "system-search",
        QT_TRANSLATE_NOOP("Actions", "Search everything below this place: name, size, date, class, type"),
    ),
    _Spec(
        "folder_stats",
        QT_TRANSLATE_NOOP("Actions", "Folder Statistics…"),
        ["Ctrl+Shift+I"],
        None,
        "document-properties",
        QT_TRANSLATE_NOOP(
            "Actions", "Objects and bytes below a folder or container, by storage class and sub-folder"
        ),
    ),
    _Spec(
        "folder_sizes",
        QT_TRANSLATE_NOOP("Actions", "Calculate Folder Sizes"),
        [],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "Fill in the size of the selected folders, or of every folder here"),
    ),
    _Spec(
        "bookmark_add",
        QT_TRANSLATE_NOOP("Actions", "Bookmark This Place"),
        ["Ctrl+D"],
        None,
        "bookmark-new",
        QT_TRANSLATE_NOOP(
            "Actions", "Add the place shown to the Bookmarks (use it as @name in the path bar and the CLI)"
        ),
    ),
    _Spec("bookmark_rename", QT_TRANSLATE_NOOP("Actions", "Rename Bookmark…"), [], None, "edit-rename"),
    _Spec("bookmark_up", QT_TRANSLATE_NOOP("Actions", "Move Bookmark Up"), ["Ctrl+Shift+Up"], None, "go-up"),
    _Spec(
        "bookmark_down",
        QT_TRANSLATE_NOOP("Actions", "Move Bookmark Down"),
        ["Ctrl+Shift+Down"],
        None,
        "go-down",
    ),
    _Spec("bookmark_remove", QT_TRANSLATE_NOOP("Actions", "Remove Bookmark"), [], None, "edit-delete"),
    _Spec(
        "compare",
        QT_TRANSLATE_NOOP("Actions", "Compare and Sync…"),
        [],
        None,
        "view-refresh",
        QT_TRANSLATE_NOOP(
            "Actions",
            "Compare this place with a local folder or another container, and make one like the other",
        ),
    ),
    _Spec(
        "quick_look",
        QT_TRANSLATE_NOOP("Actions", "Quick Look"),
        ["Shift+Space"],
        None,
        "document-preview",
        QT_TRANSLATE_NOOP(
            "Actions", "A larger preview of the object in a window of its own (Space or Esc closes it)"
        ),
    ),
    _Spec(
        "open",
        QT_TRANSLATE_NOOP("Actions", "Open"),
        ["Return", "Enter"],
        None,
        "",
        QT_TRANSLATE_NOOP("Actions", "Into a container or folder; an object opens in its app"),
    ),
    _Spec(
        "open_with",
        QT_TRANSLATE_NOOP("Actions", "Open With…"),
        [],
        None,
        "document-open",
        QT_TRANSLATE_NOOP("Actions", "Open the object in a program you choose; saving it uploads it back"),
    ),
    _Spec("stop", QT_TRANSLATE_NOOP("Actions", "Stop Loading"), [], _SP.SP_BrowserStop, "process-stop"),
    _Spec("quit", QT_TRANSLATE_NOOP("Actions", "Quit"), [_KEYS.Quit], None, "application-exit"),
    _Spec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "Keyboard Shortcuts"),
        [_KEYS.HelpContents],
        None,
        "preferences-desktop-keyboard",
    ),
    _Spec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "About StoreBrowser"),
        [],
        None,
        "help-about",
        QT_TRANSLATE_NOOP("Actions", "Versions of StoreBrowser, Qt and the SDKs"),
    ),
)


class ExplorerActions(QObject):
    """Holds the QActions by name (``actions["delete"]``) and keeps them up to date."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.by_name: dict[str, QAction] = {}
        for spec in _SPECS:
            action = QAction(QCoreApplication.translate(WORDS, spec.text), parent)
            action.setObjectName(spec.name)
            keys = [QKeySequence(k) if isinstance(k, str | _KEYS) else k for k in spec.shortcut]
            action.setShortcuts([k for k in keys if not k.isEmpty()])
            tip = QCoreApplication.translate(WORDS, spec.tip) if spec.tip else action.text().rstrip("…")
            action.setStatusTip(tip)
            if action.shortcuts():  # the first shortcut in the tooltip, as desktop apps do
                tip += f" ({action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            self.by_name[spec.name] = action
        self._base_tips = {name: a.toolTip() for name, a in self.by_name.items()}
        self.refresh_icons()

    def refresh_icons(self) -> None:
        """Icons from the desktop theme where it has them, else drawn or the style's;
        again when the palette changes (light/dark switch)."""
        style = QApplication.style()
        for spec in _SPECS:
            icon = QIcon.fromTheme(spec.theme) if spec.theme else QIcon()
            if icon.isNull() and spec.drawn:
                icon = arrow_icon(spec.drawn)
            elif icon.isNull() and spec.icon is not None:
                icon = style.standardIcon(spec.icon)
            self.by_name[spec.name].setIcon(icon)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def connect_handlers(self, handlers: Mapping[str, Callable[[], None]]) -> None:
        """Run ``handlers[name]`` when the action ``name`` is triggered."""
        for name, handler in handlers.items():
            self.by_name[name].triggered.connect(handler)

    def update(self, state: SelectionState) -> None:
        for name, (enabled, why) in enablement(state).items():
            action = self.by_name[name]
            action.setEnabled(enabled)
            base = self._base_tips[name]
            action.setToolTip(base if enabled or not why else f"{base}: {self.tr(why)}")
