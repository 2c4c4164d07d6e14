"""Keeping secrets out of logs: a registry of secret values and a logging filter.

Every secret the app hands to a provider is registered here first (``SecretStore`` does
it), so whatever logs it afterwards — our code, botocore, urllib3, the Azure SDK at DEBUG —
shows ``***`` instead. The filter belongs on the handlers: a filter on a logger does not
see records propagated from its children.
"""

from __future__ import annotations

import logging
import re
import threading
import urllib.parse
from collections.abc import Iterable

MASK = "***"
#: Shorter values are not registered: a secret that short protects nothing, and masking
#: every "wrong" or "admin" would garble the very messages that explain a refusal.
MIN_SECRET_LENGTH = 6
#: A value of letters only, shorter than this, could be a word of a message ("testing",
#: "password"): it is masked only where it stands as a whole token, not inside a word.
WORDLIKE_BELOW = 16
#: Before a token: not a word character, or an escape in a repr (``\n`` + value).
_TOKEN_START = r"(?:(?<!\w)|(?<=\\[nrt]))"
_TOKEN_END = r"(?!\w)"


def worth_masking(value: str) -> bool:
    """Long enough to be a secret rather than a coincidence."""
    return len(value) >= MIN_SECRET_LENGTH


def _is_wordlike(value: str) -> bool:
    return value.isalpha() and len(value) < WORDLIKE_BELOW


def secret_forms(value: str) -> set[str]:
    """``value`` and the forms it travels in (URL-quoted, the secret parts of a connection
    string or SAS), each long enough to mask."""
    forms = set()
    for form in (value, *_secret_parts(value)):
        forms |= {form, urllib.parse.quote(form, safe=""), urllib.parse.quote_plus(form)}
    return {form for form in forms if worth_masking(form)}


def masking_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every form, longest first (a connection string goes whole, not key
    by key); word-like forms only as whole tokens, random-looking ones wherever they are."""
    ordered = sorted(set(forms), key=len, reverse=True)
    if not ordered:
        return None
    alternatives = [
        f"{_TOKEN_START}{re.escape(form)}{_TOKEN_END}" if _is_wordlike(form) else re.escape(form)
        for form in ordered
    ]
    return re.compile("|".join(alternatives))


def redact_with(values: Iterable[str], text: str) -> str:
    """``text`` with these secrets masked (e.g. only those of the account in use)."""
    pattern = masking_pattern(form for value in values if value for form in secret_forms(value))
    return text if pattern is None else pattern.sub(MASK, text)


class SecretRegistry:
    """The secret values seen in this process, to mask wherever they appear."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def register(self, value: str) -> None:
        """Remember ``value`` and the forms it travels in (URL-quoted, its parts)."""
        forms = secret_forms(value)
        with self._lock:
            if forms <= self._values:
                return
            self._values |= forms
            self._pattern = masking_pattern(self._values)

    def register_all(self, values: Iterable[str]) -> None:
        for value in values:
            self.register(value)

    def redact(self, text: str, *, only: Iterable[str] | None = None) -> str:
        """Mask every registered secret in ``text``; with ``only``, just those values (the
        secrets of the account a message is about: another account's secret that happens
        to be a word of the message must not mask it)."""
        if only is not None:
            return redact_with(only, text)
        pattern = self._pattern
        return text if pattern is None else pattern.sub(MASK, text)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._pattern = None


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
