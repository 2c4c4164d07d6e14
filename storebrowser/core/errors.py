"""The error hierarchy every provider maps its SDK's exceptions onto.

Each error carries a message a person can act on; the optional ``container``/``key`` say
what it is about, so the UI can show the error on the right node instead of a dialog.
"""

from __future__ import annotations


class ActionableError(Exception):
    """A failure whose message a person can act on (a refused key, a missing setting),
    never a bug: shown as its message, without a traceback."""


class StorageError(ActionableError):
    """Base of every error a provider raises on purpose."""

    #: Whether retrying the same call later may succeed.
    retryable: bool = False

    def __init__(self, message: str, *, container: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.container = container
        self.key = key

    def __str__(self) -> str:
        return self.message


class NotFound(StorageError):
    """The container or object does not exist."""


class AlreadyExists(StorageError):
    """A container (or object, where refusing overwrite) exists already."""


class NotEmpty(StorageError):
    """A container still holds objects and deletion was not forced."""


class AuthFailed(StorageError):
    """The credentials were refused: wrong key, expired token, bad signature."""


class AccessDenied(StorageError):
    """The credentials are valid but not allowed to do this."""


class InvalidName(StorageError):
    """A container name or key breaks the rules of the provider or the local file system."""


class InvalidMetadata(StorageError):
    """User metadata or a system property breaks the provider's rules."""


class PreconditionFailed(StorageError):
    """The object is no longer the one the user saw (its ETag differs): an edit based on
    what was shown was refused, and nothing was changed. Reload and edit again."""


class InvalidTags(InvalidMetadata):
    """Object tags break the service's rules (how many, how long, which characters)."""


class InvalidStorageClass(StorageError):
    """A storage class, access tier, storage policy or restore priority the service does
    not offer, or a restore asked wrongly (days where there are none...)."""


class ObjectArchived(StorageError):
    """The object is in an archive class (S3 GLACIER / DEEP_ARCHIVE, Azure Archive): it
    cannot be read or copied until it is restored. ``restoring``: a restore is under way
    already, so there is nothing to do but wait."""

    def __init__(self, message: str, *, container: str | None = None, key: str | None = None,
                 storage_class: str | None = None, restoring: bool = False) -> None:  # fmt: skip
        super().__init__(message, container=container, key=key)
        self.storage_class = storage_class
        self.restoring = restoring


class NotArchived(StorageError):
    """A restore was asked of an object that is not archived: it can be read as it is."""


class Unsupported(StorageError):
    """The provider (or this server) cannot do this; its capability flag is off."""


class RangeNotHonored(StorageError):
    """The server answered a ranged read with something other than the asked bytes."""


class ChecksumMismatch(StorageError):
    """Bytes received or stored do not match the size or checksum they should have."""


class DamagedOnTheWay(ChecksumMismatch):
    """The service refused a body that did not match the checksum sent with it: the bytes
    changed between the checksum and the server, so sending them again may work."""

    retryable = True


class ConsentRequired(StorageError):
    """The call needs a change the user must agree to first (e.g. giving a Swift account
    a temp-URL key, which every client of the account then shares).

    ``question`` is what to ask; after a yes, ``Provider.grant(error)`` makes the change
    and the call can be tried again.
    """

    def __init__(self, message: str, *, question: str, container: str | None = None,
                 key: str | None = None) -> None:  # fmt: skip
        super().__init__(message, container=container, key=key)
        self.question = question


class InvalidConfiguration(StorageError):
    """Container settings (CORS, lifecycle rules, an expiry) break a rule; the message
    names the line of the file and the rule, and nothing was sent."""


class CustomerKeyRequired(StorageError):
    """The object is encrypted with a customer-provided key (SSE-C) and no key is known
    for the account, or the one known is not the object's: ask for it, keep it in the
    keyring under the account (``Provider.use_customer_key``), and try again."""


class EncryptionNotApplied(StorageError):
    """An upload asked for server-side encryption and the server stored the object
    without confirming it (it ignores the request): the object is not encrypted as asked."""


class Transient(StorageError):
    """A failure that may go away on retry: throttling, 5xx, a dropped connection."""

    retryable = True


class Cancelled(Exception):
    """Raised inside a cancelled operation at the next chunk boundary.

    Not a ``StorageError``: nothing went wrong, the user asked to stop.
    """

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
