"""Logging for the app and the CLI: stderr, every known secret masked.

Without ``--debug`` only StoreBrowser's own warnings reach stderr. The SDKs' warnings
("Connection pool is full", "Unable to stream download", "Unexpected return type" …)
are about requests that we retry or turn into one clear message of our own; printed
as well they are noise a person cannot act on. ``--debug`` shows everything.
"""

from __future__ import annotations

import logging
import sys

from storebrowser.accounts import redact
from storebrowser.core.display import display_lines

OWN_LOGGER = "storebrowser"
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


class OwnRecordsOnly(logging.Filter):
    """Lets through the records of StoreBrowser's loggers only."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == OWN_LOGGER or record.name.startswith(OWN_LOGGER + ".")


class EscapingFormatter(logging.Formatter):
    """Log lines may quote keys and server answers: no escape sequence or bidi mark of
    theirs reaches the terminal (``core.display``). Line by line, so a traceback keeps
    its lines."""

    def format(self, record: logging.LogRecord) -> str:
        return display_lines(super().format(record))


def setup_logging(debug: bool) -> None:
    """Warnings of our own (everything with ``debug``) to stderr, secrets masked."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(EscapingFormatter(LOG_FORMAT))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])
    if not debug:
        for installed in logging.getLogger().handlers:
            if not any(isinstance(f, OwnRecordsOnly) for f in installed.filters):
                installed.addFilter(OwnRecordsOnly())
    redact.install()
