"""What the metadata editor says: the facts of the objects chosen, and the review of an
edit before it is sent (``metadata_editor`` shows them)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtGui import QPalette

from storebrowser.core.metadiff import Change
from storebrowser.ui.format import counted, human_size, local_time
from storebrowser.ui.properties.metadata_model import error_colour
from storebrowser.ui.properties.selection import ReviewLine, Selection
from storebrowser.ui.words import TranslationContext


class FactWords(TranslationContext):
    """The translation context of this module's words (``FactWords.tr``, as lupdate reads it)."""


#: ``QObject.tr`` of the editor: the words are translated in its context.
Translate = Callable[[str], str]


def selection_facts(selection: Selection, tr: Translate) -> list[tuple[str, str]]:
    """Label and value of what the objects are: size, date, ETag, MD5, class, version,
    where an archived object stands (archived, restoring, restored until...); "(various)"
    where several objects differ."""
    various = FactWords.tr("(various)")
    first = selection.objects[0].info
    size = selection.total_size
    size_text = (
        f"{human_size(size)} ("
        + counted(size, FactWords.tr("{n} byte", "", size), FactWords.tr("{n} bytes", "", size))
        + ")"
    )
    if selection.single:
        rows = [
            (FactWords.tr("Size"), size_text),
            (FactWords.tr("Last modified"), local_time(first.modified)),
        ]
    else:
        moments = [p.info.modified for p in selection.objects if p.info.modified is not None]
        earliest = local_time(min(moments)) if moments else ""
        latest = local_time(max(moments)) if moments else ""
        span = earliest if earliest == latest else f"{earliest} … {latest}"
        rows = [(FactWords.tr("Total size"), size_text), (FactWords.tr("Last modified"), span)]
    for label, name, missing in (
        (FactWords.tr("ETag"), "etag", ""),
        (FactWords.tr("MD5"), "content_md5", FactWords.tr("not given by the service")),
        (FactWords.tr("Storage class"), "storage_class", ""),
        (FactWords.tr("Version"), "version", None),
    ):
        value = selection.fact(name)
        if value is None:
            rows.append((label, various))
        elif value:
            rows.append((label, value))
        elif missing:
            rows.append((label, missing))
    statuses = [p.info.archive.describe() if p.info.archive else "" for p in selection.objects]
    archive = selection.common(statuses)
    if archive != "":  # archived, being restored, restored until...; or several of these
        rows.append((FactWords.tr("Archive"), archive or various))
    return rows


def review_html(lines: Sequence[ReviewLine], count: int, palette: QPalette, tr: Translate) -> str:
    """The changes of an edit as HTML: + added, - removed, ~ changed, in the palette's colours."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    colours = {
        Change.ADDED: "#3fb950" if dark else "#1a7f37",
        Change.REMOVED: error_colour(palette).name(),
        Change.CHANGED: "#d29922" if dark else "#9a6700",
    }
    parts: list[str] = []
    headings = (("system", FactWords.tr("System properties")), ("user", FactWords.tr("User metadata")))
    for section, heading in headings:
        chosen = [line for line in lines if line.section == section]
        if not chosen:
            continue
        parts.append(f"<p><b>{html.escape(heading)}</b></p><table cellpadding='2'>")
        for line in chosen:
            sign = {Change.ADDED: "+", Change.REMOVED: "-", Change.CHANGED: "~"}[line.change.change]
            text = html.escape(line.describe(count)[2:])
            parts.append(
                f"<tr><td style='color:{colours[line.change.change]}'><b>{sign}</b></td><td>{text}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)
