"""Which of the explorer's actions are enabled, and why not: from the provider's
capabilities and the selection, as plain values (``SelectionState``) and no Qt, so that
the rules are tested on their own. ``ui.actions`` applies the verdicts to its QActions.
"""

from __future__ import annotations

from dataclasses import dataclass

from storebrowser.core.capabilities import Capabilities
from storebrowser.core.places import Location


@dataclass(frozen=True, slots=True)
class SelectionState:
    """What the actions depend on, read off the window."""

    location: Location | None
    #: ``None`` while the account's provider is not open yet.
    capabilities: Capabilities | None
    provider_name: str = ""
    #: Selected rows of the object table (objects and pseudo-folders), and how many of
    #: them are folders: counts, so a select-all of a million rows costs nothing here.
    selected: int = 0
    selected_folders: int = 0
    #: Selected containers (account view rows, or the container node in the tree).
    containers: tuple[str, ...] = ()
    can_back: bool = False
    can_forward: bool = False


#: ``(enabled, reason shown when disabled)`` per action name.
Verdict = tuple[bool, str]


def enablement(state: SelectionState) -> dict[str, Verdict]:
    """Which actions apply, and why not when they do not."""
    loc, caps, name = state.location, state.capabilities, state.provider_name or "This service"
    in_container = loc is not None and not loc.is_account
    objects, plain = state.selected, state.selected - state.selected_folders
    connected = caps is not None
    not_yet = "The account is not connected yet."

    def need(condition: bool, why: str) -> Verdict:
        return (True, "") if condition else (False, why)

    def capable(flag: str, what: str) -> Verdict:
        if not connected:
            return False, not_yet
        return need(bool(getattr(caps, flag)), f"{name} does not support {what}.")

    def both(first: Verdict, second: Verdict) -> Verdict:
        return first if not first[0] else second

    pick = "Select one or more objects or folders."
    # Swift: objects change storage policy by a copy into a container of another one.
    per_container = caps is not None and caps.container_classes
    class_change = (capable("container_classes", "storage policies") if per_container
                    else capable("storage_tiers", "changing storage classes"))  # fmt: skip
    return {
        "back": need(state.can_back, ""),
        "forward": need(state.can_forward, ""),
        "up": need(loc is not None and loc.parent() is not None, ""),
        "refresh": need(loc is not None, "Choose an account first."),
        "new_container": both(need(loc is not None, "Choose an account first."), need(connected, not_yet)),
        "delete_container": need(bool(state.containers), "Select a container in the tree or the list."),
        "new_folder": need(in_container, "Open a container first."),
        "upload_files": need(in_container, "Open a container first."),
        "upload_folder": need(in_container, "Open a container first."),
        "upload_options": need(in_container, "Open a container first."),
        "download": need(objects > 0 or bool(state.containers), pick),
        "delete": need(objects > 0, pick),
        "rename": both(
            need(objects == 1, "Select exactly one object or folder."),
            capable("server_side_copy", "renaming (it needs a copy on the server)"),
        ),
        "copy_to": both(need(objects > 0, pick), capable("server_side_copy", "copying on the server")),
        "copy_path": need(objects > 0 or bool(state.containers), pick),
        "copy_url": both(
            need(plain > 0 and plain == objects, "Select one or more objects."),
            need(connected, not_yet),
        ),
        "share_url": both(
            need(plain == 1 and objects == 1, "Select exactly one object."),
            capable("presigned_urls", "time-limited URLs"),
        ),
        "quick_look": need(plain == 1 and objects == 1, "Select exactly one object."),
        "open_with": need(plain == 1 and objects == 1, "Select exactly one object."),
        "properties": need(
            plain > 0 or objects == 1 or len(state.containers) == 1 or (in_container and not objects),
            "Select one or more objects, or one folder or container.",
        ),
        "storage_class": both(need(objects > 0, pick), class_change),
        "restore_archive": both(need(objects > 0, pick), capable("archive_restore", "archive restores")),
        "tags": both(need(objects > 0, pick), capable("object_tags", "object tags")),
        "find": need(in_container, "Open a container first."),
        "folder_stats": need(
            in_container or len(state.containers) == 1, "Open or select a container, or select a folder."
        ),
        "folder_sizes": need(in_container, "Open a container first."),
        "backup_here": need(in_container, "Open a container first."),
        "download_all": need(in_container or bool(state.containers), "Open or select a container first."),
        "publish": both(
            need(loc is not None, "Choose an account first."), capable("static_website", "static websites")
        ),
        "copy_command": need(loc is not None, "Choose an account first."),
        "bookmark_add": need(loc is not None, "Choose an account first."),
        "compare": need(loc is not None, "Choose an account first."),
        "access": both(
            need(in_container or bool(state.containers), "Open or select a container first."),
            settings_verdict(caps, name),
        ),
        "show_versions": both(
            need(in_container, "Open a container first."), capable("versioning", "versions")
        ),
        "versions": both(
            need(plain == 1 and objects == 1, "Select exactly one object."), capable("versioning", "versions")
        ),
    }


def settings_verdict(caps: Capabilities | None, name: str) -> Verdict:
    """Container settings: any of them offered; else the provider's reason."""
    if caps is None:
        return False, "The account is not connected yet."
    if caps.access_control or caps.cors or caps.lifecycle or caps.object_expiry:
        return True, ""
    return False, caps.reason("access_control") or f"{name} has no such settings."
