"""Keeping secrets out of logs: a registry of secret values and a logging filter.

Every secret the app hands to a provider is registered here first (``SecretStore`` does
it), so whatever logs it afterwards — our code, botocore, urllib3, the Azure SDK at DEBUG —
shows ``***`` instead. The filter belongs on the handlers: a filter on a logger does not
see records propagated from its children.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from collections.abc import Iterable

MASK = "***"
#: Shorter values are not registered: masking every "ab" in every message would make
#: logs unreadable, and a secret that short protects nothing.
MIN_SECRET_LENGTH = 4


class SecretRegistry:
    """The secret values seen in this process, to mask wherever they appear."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._ordered: tuple[str, ...] = ()

    def register(self, value: str) -> None:
        """Remember ``value`` and the forms it travels in (URL-quoted, its parts)."""
        forms = set()
        for form in (value, *_secret_parts(value)):
            forms |= {form, urllib.parse.quote(form, safe=""), urllib.parse.quote_plus(form)}
        forms = {form for form in forms if len(form) >= MIN_SECRET_LENGTH}
        with self._lock:
            if forms <= self._values:
                return
            self._values |= forms
            # Longest first, so a connection string is masked whole, not key by key.
            self._ordered = tuple(sorted(self._values, key=len, reverse=True))

    def register_all(self, values: Iterable[str]) -> None:
        for value in values:
            self.register(value)

    def redact(self, text: str) -> str:
        for value in self._ordered:
            if value in text:
                text = text.replace(value, MASK)
        return text

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._ordered = ()


def _secret_parts(value: str) -> list[str]:
    """Secret values inside a connection string or SAS (``AccountKey=...;sig=...``)."""
    parts: list[str] = []
    for piece in value.replace("&", ";").replace("?", ";").split(";"):
        name, sep, part = piece.partition("=")
        if sep and name.strip().lower() in {"accountkey", "sharedaccesssignature", "sig"}:
            parts.append(part)
            parts.append(urllib.parse.unquote(part))
    return parts


#: The process-wide registry; ``SecretStore`` registers into it.
SECRETS = SecretRegistry()


class RedactingFilter(logging.Filter):
    """Masks registered secrets in a record's message, arguments and traceback."""

    def __init__(self, registry: SecretRegistry = SECRETS) -> None:
        super().__init__()
        self.registry = registry

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the parts, masked
            message = f"{record.msg} {record.args}"
        record.msg = self.registry.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.registry.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.registry.redact(record.stack_info)
        return True


def install(logger: logging.Logger | None = None, registry: SecretRegistry = SECRETS) -> None:
    """Add the filter to every handler of ``logger`` (the root logger by default).

    Call after the handlers exist; handlers added later need ``add_filter_to``.
    """
    for handler in (logger or logging.getLogger()).handlers:
        add_filter_to(handler, registry)


def add_filter_to(handler: logging.Handler, registry: SecretRegistry = SECRETS) -> None:
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter(registry))
