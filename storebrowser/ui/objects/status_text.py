"""The window's words about the table: the status bar's counts, and what an empty table
says (why it is empty and what to do, painted by the views' ``set_empty_text``) so an
empty place never looks like a broken window."""

from __future__ import annotations

from storebrowser.core.display import display_text
from storebrowser.table.columns import RowsSummary
from storebrowser.ui.format import counted, human_size, number
from storebrowser.ui.objects.model import ObjectTableModel
from storebrowser.ui.places.tree_model import LoadState
from storebrowser.ui.words import TranslationContext


class StatusText(TranslationContext):
    """The translation context of this module's words (``StatusText.tr``, as lupdate reads it)."""


def containers_empty_text(account_state: LoadState) -> str:
    """An account's container list, from the state of its node in the tree."""
    if account_state is LoadState.ERROR:
        return StatusText.tr("The account could not be reached; the message above says why.")
    if account_state is not LoadState.LOADED:
        return StatusText.tr("Loading…")
    return StatusText.tr("No containers yet.\nFile ▸ New Container… makes one.")


def objects_empty_text(model: ObjectTableModel, *, in_folder: bool) -> str:
    """The object table of a container (or of a folder in it, ``in_folder``)."""
    if model.error:
        return StatusText.tr("The listing failed; the message above says why.")
    if model.filter_text:
        return StatusText.tr("No loaded name contains “{text}”.").format(text=model.filter_text)
    if model.criteria is not None:
        return StatusText.tr("Searching…") if not model.complete else StatusText.tr("Nothing below matches.")
    if model.search_text:
        return StatusText.tr("No name starts with “{text}”.").format(text=model.search_text)
    if not model.complete:
        return StatusText.tr("Loading…")
    if in_folder:
        return StatusText.tr("This folder is empty.\nDrop files here, or use Upload Files… (Ctrl+U).")
    return StatusText.tr("This container is empty.\nDrop files here, or use Upload Files… (Ctrl+U).")


def found_status(model: ObjectTableModel) -> str:
    """Find's running count: matches, objects looked at, the place, what is looked for."""
    assert model.criteria is not None
    text = StatusText.tr("{found} found among {scanned} below {place}, {size} — {what}").format(
        found=number(model.loaded_count),
        scanned=counted(
            model.scanned_count,
            StatusText.tr("{n} object", "", model.scanned_count),
            StatusText.tr("{n} objects", "", model.scanned_count),
        ),
        place=display_text(f"{model.container}/{model.prefix}"),
        size=human_size(model.total_bytes),
        what=display_text(model.criteria.describe()),
    )
    if model.error:
        return text + StatusText.tr(" (incomplete)")
    return (
        text
        if model.complete
        else text + (StatusText.tr(" (searching…)") if model.loading else StatusText.tr(" (stopped)"))
    )


def objects_status(model: ObjectTableModel) -> str:
    """Items and bytes of what is loaded (what matches, while filtered)."""
    if model.criteria is not None and not model.filter_text:
        return found_status(model)
    shown, loaded = model.rowCount(), model.loaded_count
    if model.filter_text:
        text = StatusText.tr("{shown} of {loaded} match, {size}").format(
            shown=number(shown),
            loaded=counted(
                loaded, StatusText.tr("{n} item", "", loaded), StatusText.tr("{n} items", "", loaded)
            ),
            size=human_size(model.visible_bytes),
        )
    else:
        items = counted(loaded, StatusText.tr("{n} item", "", loaded), StatusText.tr("{n} items", "", loaded))
        text = StatusText.tr("{items}, {size}").format(items=items, size=human_size(model.total_bytes))
    if model.search_text:
        text += StatusText.tr(" — names starting with “{text}”").format(text=model.search_text)
    if not model.complete:
        text += StatusText.tr(" (loaded so far)")
    return text


def selection_status(selected: RowsSummary) -> str:
    """The count of a selection and what it weighs. A folder not counted (Calculate Folder
    Sizes) weighs what nobody knows yet, so its selection says "at least", or no size at
    all, rather than a wrong figure."""
    n, size = number(selected.count), human_size(selected.known_size)
    if not selected.uncounted:
        return StatusText.tr("{n} selected ({size})").format(n=n, size=size)
    if selected.known_size:
        return StatusText.tr("{n} selected (at least {size})").format(n=n, size=size)
    return StatusText.tr("{n} selected").format(n=n)
