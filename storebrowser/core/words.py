"""Words marked for translation where they are written but translated later.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; Qt's ``lupdate`` knows
the name and files ``text`` under ``context`` in the catalogues, so code that shows it
later (``QCoreApplication.translate(context, text)``) finds its translation. Qt's own
marker is typed as returning ``object``; this one is ``str`` and needs no Qt (the
table's column names, below the UI, are marked with it too).

Words with a count (``"{n} files"``) are marked with a number after the disambiguation,
as ``QCoreApplication.translate(context, text, disambiguation, n)`` is called:
``QT_TRANSLATE_NOOP("Transfers", "{n} files", "", 2)``. lupdate's Python reader files
such a call as a numerus message (a translation per plural form of the language), and
the code that shows the words passes the real count: ``translate(context, text, "", n)``.
Only a literal number there tells lupdate (a name would be taken for an encoding); its
value is not used.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(  # the name lupdate looks for
    context: str, text: str, disambiguation: str | None = None, n: int = -1
) -> str:
    return text
