"""Container settings that explain themselves: who can read what, CORS, lifecycle rules,
an object's expiry, encryption. Optional parts of the provider protocol, each under a
capability (``access_control``, ``cors``, ``lifecycle``, ``object_expiry``,
``upload_encryption``); a provider without one raises ``Unsupported`` with the reason
its capabilities give (``Capabilities.reason``).

The live halves are built here once, on the provider's plain URLs: ``live_check``
fetches them with no credentials (``providers.probe``), ``preflight`` sends a browser's
OPTIONS. Providers implement the reading and the changing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from storebrowser.core.access import AccessLevel, AccessPlan, AccessReport, LiveAnswer, LiveCheck
from storebrowser.core.cors import CorsRule, CorsSettings, PreflightResult, check_rules
from storebrowser.core.encryption import DefaultEncryption, Encryption, EncryptionInfo
from storebrowser.core.errors import Unsupported
from storebrowser.core.lifecycle import LifecycleRule
from storebrowser.core.lifecycle import check_rules as check_lifecycle_rules

if TYPE_CHECKING:
    from storebrowser.core.capabilities import Capabilities
    from storebrowser.core.types import ObjectInfo, Page


class ContainerSettings:
    """Mixed into ``Provider``; the defaults say the provider cannot."""

    capabilities: Capabilities

    if TYPE_CHECKING:  # provided by Provider

        def describe(self) -> str: ...

        def object_url(self, container: str, key: str) -> str: ...

        def list_page(
            self,
            container: str,
            prefix: str = "",
            delimiter: str | None = "/",
            token: str | None = None,
            limit: int = 1000,
        ) -> Page[ObjectInfo]: ...

    # -- who can read this --------------------------------------------------------------

    def access_report(self, container: str, key: str | None = None) -> AccessReport:
        """What the settings say about reading ``container`` (or its object ``key``)
        without credentials, and the changes this account can make."""
        raise self._lacks("access_control", "showing who can read a container")

    def plan_access(self, container: str, key: str | None, level: AccessLevel) -> AccessPlan:
        """The exact change that gives ``level`` (read-only: nothing is sent), or the
        reason it cannot be made (``AccessPlan.refusal``)."""
        raise self._lacks("access_control", "changing who can read a container")

    def apply_access(self, plan: AccessPlan) -> AccessReport:
        """Make ``plan`` (refused when the settings changed since it was made); the new report."""
        raise self._lacks("access_control", "changing who can read a container")

    def listing_url(self, container: str) -> str:
        """The plain URL that lists ``container`` (one entry) for a reader without credentials."""
        raise self._lacks("access_control", "anonymous listings")

    def verify_tls(self) -> bool:
        """Whether live checks verify the server's certificate (as the account does)."""
        return True

    def live_check(self, container: str, key: str | None = None) -> LiveCheck:
        """Ask the server as a stranger: a read of the object (for a container: of its
        first object) and, for a container, a listing. Nothing is signed."""
        if not self.capabilities.access_control:
            raise self._lacks("access_control", "checking anonymous access")
        if key is not None:
            return LiveCheck((self._ask("read", self.object_url(container, key)),))
        answers = [self._ask("list", self.listing_url(container))]
        page = self.list_page(container, "", None, None, 1)
        first = next((entry for entry in page.entries if not entry.is_prefix), None)
        if first is None:
            gap = f"{container} is empty: there was no object to try a read on."
            return LiveCheck(tuple(answers), (gap,))
        answers.append(self._ask("read", self.object_url(container, first.key)))
        return LiveCheck(tuple(answers))

    def _ask(self, what: str, url: str) -> LiveAnswer:
        # A read asks for the first byte only: a GET, since some servers (moto) judge a
        # HEAD by other rules than the GET a reader sends.
        headers = {"Range": "bytes=0-0"} if what == "read" else {}
        from storebrowser.providers import probe  # urllib, http, ssl: only for the live check

        answer = probe.anonymous("GET", url, headers, verify_tls=self.verify_tls())
        return LiveAnswer(what, url, answer.status, answer.error)

    # -- CORS ---------------------------------------------------------------------------

    def get_cors(self, container: str) -> CorsSettings:
        raise self._lacks("cors", "CORS rules")

    def check_cors(self, rules: Sequence[CorsRule]) -> None:
        """``InvalidConfiguration`` naming the rule this service would refuse; no request."""
        if not self.capabilities.cors:
            raise self._lacks("cors", "CORS rules")
        check_rules(rules)

    def set_cors(self, container: str, rules: Sequence[CorsRule]) -> CorsSettings:
        """Replace the rules (none: remove them all), checked first; what is kept now."""
        raise self._lacks("cors", "CORS rules")

    def preflight(
        self, container: str, key: str, origin: str, method: str = "GET", headers: Sequence[str] = ()
    ) -> PreflightResult:
        """A browser's preflight for ``method`` on the object from ``origin``, unsigned."""
        if not self.capabilities.cors:
            raise self._lacks("cors", "CORS rules")
        url = self.object_url(container, key)
        asked = {"Origin": origin, "Access-Control-Request-Method": method.upper()}
        if headers:
            asked["Access-Control-Request-Headers"] = ", ".join(headers)
        from storebrowser.providers import probe  # urllib, http, ssl: only for a preflight

        answer = probe.anonymous("OPTIONS", url, asked, verify_tls=self.verify_tls())
        return PreflightResult(
            url, origin, method.upper(), answer.status,
            allow_origin=answer.header("Access-Control-Allow-Origin"),
            allow_methods=answer.header("Access-Control-Allow-Methods"),
            allow_headers=answer.header("Access-Control-Allow-Headers"),
            max_age=answer.header("Access-Control-Max-Age"),
            error=answer.error,
        )  # fmt: skip

    # -- lifecycle and expiry -------------------------------------------------------------

    def get_lifecycle(self, container: str) -> tuple[LifecycleRule, ...]:
        raise self._lacks("lifecycle", "lifecycle rules")

    def check_lifecycle(self, rules: Sequence[LifecycleRule]) -> None:
        if not self.capabilities.lifecycle:
            raise self._lacks("lifecycle", "lifecycle rules")
        check_lifecycle_rules(rules)

    def set_lifecycle(self, container: str, rules: Sequence[LifecycleRule]) -> tuple[LifecycleRule, ...]:
        """Replace the rules (none: remove the configuration), checked first."""
        raise self._lacks("lifecycle", "lifecycle rules")

    def expire_prefix(
        self, container: str, prefix: str, *, after: timedelta | None = None, at: datetime | None = None
    ) -> LifecycleRule:
        """A lifecycle rule that deletes the objects under ``prefix`` (S3 counts days from
        each object's creation; a date is midnight UTC). Other rules are kept."""
        raise self._lacks("lifecycle", "expiring objects by lifecycle rules")

    def object_expiry(self, container: str, key: str) -> datetime | None:
        """When the server deletes the object by itself, if it will."""
        raise self._lacks("object_expiry", "an expiry per object")

    def set_object_expiry(
        self, container: str, key: str, *, after: timedelta | None = None, at: datetime | None = None
    ) -> datetime | None:
        """Delete the object ``after`` from now (the server's clock) or ``at``; neither:
        keep it. The moment it is set to go."""
        raise self._lacks("object_expiry", "an expiry per object")

    # -- encryption -----------------------------------------------------------------------

    def object_encryption(self, container: str, key: str) -> EncryptionInfo:
        return EncryptionInfo(note=f"{self.describe()} does not say how objects are encrypted.")

    def default_encryption(self, container: str) -> DefaultEncryption:
        return DefaultEncryption(note=f"{self.describe()} has no default encryption to show.")

    def check_encryption(self, encryption: Encryption | None) -> None:
        """``Unsupported`` (with the reason) for an encryption an upload cannot ask here."""
        if encryption is not None and encryption.mode.value not in self.capabilities.upload_encryption:
            reason = self.capabilities.reason("upload_encryption")
            offered = ", ".join(sorted(self.capabilities.upload_encryption)) or "none"
            raise Unsupported(
                f"{self.describe()} cannot encrypt an upload with {encryption.describe()}"
                + (f": {reason}" if reason else f" (it offers: {offered}).")
            )

    def use_customer_key(self, key: str | None) -> None:
        """The SSE-C key to send from now on (the caller keeps it in the keyring)."""
        raise self._lacks("upload_encryption", "customer-provided keys")

    # -- helpers ----------------------------------------------------------------------------

    def _lacks(self, capability: str, what: str) -> Unsupported:
        reason = self.capabilities.reason(capability)
        if reason:
            return Unsupported(f"{self.describe()}: {reason}")
        return Unsupported(f"{self.describe()} does not support {what}.")


def refusals(levels: Sequence[AccessLevel], reason: str) -> dict[AccessLevel, str]:
    """The same reason for several levels."""
    return dict.fromkeys(levels, reason)


#: A plan counts at most this many objects for "what becomes readable".
COUNT_CAP = 10_000


def count_objects(provider: ContainerSettings, container: str, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many objects ``container`` holds, up to ``cap``; ``(cap, True)`` past it."""
    count, token = 0, None
    while True:
        page = provider.list_page(container, "", None, token, min(1000, cap - count + 1))
        count += sum(1 for entry in page.entries if not entry.is_prefix)
        if count > cap:
            return cap, True
        token = page.next_token
        if token is None:
            return count, False
