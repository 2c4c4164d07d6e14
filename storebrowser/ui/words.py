"""Translation contexts for words that are not a widget's: ``CellWords.tr("...")``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class TranslationContext:
    """A translation context named after the class. lupdate files a call written
    ``SomeWords.tr("...")`` under the context ``SomeWords``; ``tr`` looks it up there
    (``n``: the count that chooses a plural form)."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)
