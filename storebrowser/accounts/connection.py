""" "Test connection": one cheap authenticated request, with a typed outcome and its time."""

from __future__ import annotations

import enum
import logging
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storebrowser.accounts.model import Account, AccountError, MergedSettings
from storebrowser.accounts.redact import SECRETS
from storebrowser.accounts.store import AccountStore
from storebrowser.core.errors import AccessDenied, AuthFailed, StorageError
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import ProviderKind, Settings

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    OK = "ok"
    AUTH_FAILED = "auth failed"
    #: Signed in, but not allowed to list containers (a container-scoped SAS, a narrow
    #: IAM policy): the account may still work for the containers it is allowed.
    ACCESS_DENIED = "access denied"
    UNREACHABLE = "unreachable"
    TLS_ERROR = "tls error"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ConnectionTest:
    outcome: Outcome
    message: str
    seconds: float
    #: Containers seen, when listing worked (a hint for the dialog: "3 buckets").
    containers: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


# Matched by class name along the cause chain, so that no SDK has to be imported here.
_TLS_NAMES = {"SSLError", "SSLCertVerificationError", "CertificateError"}
_UNREACHABLE_NAMES = {
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "gaierror",
    "TimeoutError",
    "timeout",
    "EndpointConnectionError",
    "ConnectTimeoutError",
    "ConnectTimeout",
    "NewConnectionError",
    "NameResolutionError",
    "ServiceRequestError",
    "ReadTimeoutError",
    "ConnectionClosedError",
}


def test_connection(store: AccountStore, account: Account) -> ConnectionTest:
    """Connect and list containers once. Blocking: run it on a worker thread."""
    try:
        secrets: list[str] | None = store.settings_for(account).secret_values()
    except AccountError:  # a missing secret: the test below says so
        secrets = None
    return _timed_test(account.name, lambda: store.open_provider(account), secrets)


def test_settings(kind: ProviderKind, settings: Settings, name: str = "") -> ConnectionTest:
    """The same test for settings not saved yet (secrets merged in), as an account dialog
    holds them while the user edits. Blocking: run it on a worker thread."""

    def open_provider() -> Provider:
        try:
            return kind.open(settings)
        except ValueError as error:  # the registry lists problems by label, never values
            raise AccountError(str(error)) from None

    secrets = MergedSettings(settings, kind.secret_fields).secret_values()
    return _timed_test(name or kind.label, open_provider, secrets)


def _timed_test(
    name: str, open_provider: Callable[[], Provider], secrets: list[str] | None
) -> ConnectionTest:
    """``secrets``: the account's own, masked in its message (another account's secret
    that happens to be a word of the message must not mask that word)."""
    started = time.monotonic()
    provider = None
    try:
        provider = open_provider()
        provider.connect()
        containers = provider.list_containers()
    except Exception as error:  # every failure becomes an outcome
        outcome, message = classify(error)
        log.debug("Connection test of %s: %s", name, outcome.value)
        return ConnectionTest(outcome, SECRETS.redact(message, only=secrets), time.monotonic() - started)
    finally:
        if provider is not None:
            provider.close()
    seconds = time.monotonic() - started
    noun = "container" if len(containers) == 1 else "containers"
    return ConnectionTest(
        Outcome.OK, f"Connected; {len(containers)} {noun}.", seconds, containers=len(containers)
    )


def classify(error: Exception) -> tuple[Outcome, str]:
    """The outcome an exception stands for, and a sentence to show."""
    chain = list(_causes(error))
    if any(_named(e, _TLS_NAMES) or isinstance(e, ssl.SSLError) for e in chain):
        return Outcome.TLS_ERROR, (
            f"The secure connection failed: {error}. Check the endpoint URL, the server's "
            "certificate, or turn off certificate checks for a test server you trust."
        )
    if isinstance(error, AuthFailed):
        return Outcome.AUTH_FAILED, str(error)
    if isinstance(error, AccessDenied):
        return Outcome.ACCESS_DENIED, str(error)
    if any(_named(e, _UNREACHABLE_NAMES) for e in chain):
        return Outcome.UNREACHABLE, f"The server could not be reached: {error}"
    if isinstance(error, StorageError | AccountError):
        return Outcome.ERROR, str(error)
    return Outcome.ERROR, f"{type(error).__name__}: {error}"


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__cause__, current.__context__]
        # urllib3's MaxRetryError keeps the real failure in ``reason``.
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            todo.append(reason)
        todo += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]


def _named(error: BaseException, names: set[str]) -> bool:
    return any(cls.__name__ in names for cls in type(error).__mro__)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
test_settings.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
