"""Words marked for translation where they are written but translated later.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; Qt's ``lupdate`` knows
the name and files ``text`` under ``context`` in the catalogues, so code that shows it
later (``QCoreApplication.translate(context, text)``) finds its translation. Qt's own
marker is typed as returning ``object``; this one is ``str`` and needs no Qt (the
table's column names, below the UI, are marked with it too).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text
