"""Server-side encryption: what an upload asks for, and what the server says it did.

``Encryption`` is the choice at upload, written as the CLI's ``--sse`` words (``s3``,
``kms``, ``kms:KEY``, ``c``, ``scope:NAME``); a job spec and the journal keep only these
words. The key of ``c`` (SSE-C, a key the customer provides) lives in the keyring under
the account and nowhere else: not in the spec, the journal, a log line or a command line.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from storebrowser.core.errors import InvalidConfiguration

#: The connection field (a secret, kept in the keyring) that holds an account's SSE-C key.
CUSTOMER_KEY_FIELD = "sse_customer_key"
CUSTOMER_KEY_BYTES = 32  # AES-256


class EncryptionMode(enum.Enum):
    SSE_S3 = "s3"
    SSE_KMS = "kms"
    SSE_C = "c"
    SCOPE = "scope"

    @property
    def label(self) -> str:
        return {
            EncryptionMode.SSE_S3: "SSE-S3 (keys managed by the service)",
            EncryptionMode.SSE_KMS: "SSE-KMS (a key in the key management service)",
            EncryptionMode.SSE_C: "SSE-C (your own key, kept in the system keyring)",
            EncryptionMode.SCOPE: "Encryption scope",
        }[self]


@dataclass(frozen=True, slots=True)
class Encryption:
    """What an upload asks: a mode, and the KMS key id or the Azure scope name."""

    mode: EncryptionMode
    key_id: str = ""

    @classmethod
    def parse(cls, text: str) -> Encryption:
        """``s3``, ``kms``, ``kms:KEY-ID``, ``c``, ``scope:NAME``."""
        word, _, rest = text.strip().partition(":")
        try:
            mode = EncryptionMode(word.lower())
        except ValueError:
            raise InvalidConfiguration(
                f"{text!r} is no encryption: give s3, kms, kms:KEY-ID, c (your key from the keyring) "
                "or scope:NAME (Azure)."
            ) from None
        if mode in (EncryptionMode.SSE_S3, EncryptionMode.SSE_C) and rest:
            raise InvalidConfiguration(
                f"{text!r}: {word} takes no key id"
                + ("; the key comes from the keyring." if mode is EncryptionMode.SSE_C else ".")
            )
        if mode is EncryptionMode.SCOPE and not rest:
            raise InvalidConfiguration(f"{text!r}: name the encryption scope, as scope:NAME.")
        return cls(mode, rest.strip())

    def text(self) -> str:
        """The words ``parse`` reads (what a job spec keeps)."""
        return f"{self.mode.value}:{self.key_id}" if self.key_id else self.mode.value

    def describe(self) -> str:
        if self.mode is EncryptionMode.SSE_KMS:
            return f"SSE-KMS with key {self.key_id}" if self.key_id else "SSE-KMS with the default KMS key"
        if self.mode is EncryptionMode.SCOPE:
            return f"the encryption scope {self.key_id}"
        return self.mode.label.split(" (")[0]


@dataclass(frozen=True, slots=True)
class EncryptionInfo:
    """What the server says of one object (a HEAD / Get Blob Properties)."""

    #: ``AES256``, ``aws:kms``, ``aws:kms:dsse``; ``None`` when the server says nothing.
    algorithm: str | None = None
    kms_key_id: str | None = None
    #: SSE-C: the algorithm and the base64 MD5 of the customer's key (never the key).
    customer_algorithm: str | None = None
    customer_key_md5: str | None = None
    bucket_key: bool | None = None
    #: Azure: encrypted at rest (always true there), the scope, a customer key's SHA-256.
    server_encrypted: bool | None = None
    scope: str | None = None
    note: str = ""

    def sentence(self) -> str:
        if self.customer_algorithm:
            return (f"Encrypted with a customer-provided key (SSE-C, {self.customer_algorithm}); "
                    f"reading it needs that key (MD5 {self.customer_key_md5 or 'unknown'}).")  # fmt: skip
        if self.algorithm in ("aws:kms", "aws:kms:dsse"):
            key = self.kms_key_id or "the account's default KMS key"
            kind = "DSSE-KMS" if self.algorithm == "aws:kms:dsse" else "SSE-KMS"
            return f"Encrypted at rest with {kind}, key {key}."
        if self.algorithm == "AES256":
            return "Encrypted at rest with keys the service manages (SSE-S3, AES-256)."
        if self.scope:
            return f"Encrypted at rest in the encryption scope {self.scope}."
        if self.server_encrypted:
            return "Encrypted at rest with keys the service manages."
        if self.server_encrypted is False:
            return "Not encrypted at rest, as the server says."
        return self.note or "The server says nothing of encryption for this object."

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "kms_key_id": self.kms_key_id,
            "customer_algorithm": self.customer_algorithm,
            "customer_key_md5": self.customer_key_md5,
            "bucket_key": self.bucket_key,
            "server_encrypted": self.server_encrypted,
            "scope": self.scope,
            "sentence": self.sentence(),
        }


@dataclass(frozen=True, slots=True)
class DefaultEncryption:
    """What a container applies to objects uploaded without asking for encryption."""

    algorithm: str | None = None
    kms_key_id: str | None = None
    bucket_key: bool | None = None
    scope: str | None = None
    note: str = ""

    def sentence(self) -> str:
        if self.algorithm in ("aws:kms", "aws:kms:dsse"):
            key = self.kms_key_id or "the account's default KMS key"
            return f"New objects are encrypted with SSE-KMS by default, key {key}."
        if self.algorithm == "AES256":
            return "New objects are encrypted with SSE-S3 (AES-256) by default."
        if self.scope:
            return f"New blobs are encrypted in the scope {self.scope} by default."
        return self.note or "No default encryption is set on this container."

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "kms_key_id": self.kms_key_id,
            "bucket_key": self.bucket_key,
            "scope": self.scope,
            "sentence": self.sentence(),
        }


def new_customer_key() -> str:
    """A fresh SSE-C key: 32 random bytes, base64 (how the keyring keeps it)."""
    return base64.b64encode(secrets.token_bytes(CUSTOMER_KEY_BYTES)).decode("ascii")


def check_customer_key(text: str) -> str:
    """The key as base64 text; ``InvalidConfiguration`` (not quoting it) when it is not
    32 bytes of base64."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidConfiguration("The customer key is not base64 text.") from None
    if len(raw) != CUSTOMER_KEY_BYTES:
        raise InvalidConfiguration(
            f"The customer key is {len(raw)} bytes; SSE-C takes {CUSTOMER_KEY_BYTES} (AES-256), as base64."
        )
    return base64.b64encode(raw).decode("ascii")


def customer_key_md5(key_base64: str) -> str:
    """The base64 MD5 of the raw key: what servers send back to name the key."""
    raw = base64.b64decode(key_base64)
    return base64.b64encode(hashlib.md5(raw, usedforsecurity=False).digest()).decode("ascii")
