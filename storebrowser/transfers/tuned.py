"""An account's own pace in the engine: how many of its objects run at once, how many
parts of each, and their size (``core.tuning``: the account's values over its kind's)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.tuning import Tuning
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import get_kind
from storebrowser.transfers.context import Settings
from storebrowser.transfers.jobs import Job, JobSpec

#: What a job between folders of this computer shares: no limit.
UNLIMITED = Bandwidth()


class AccountPace:
    """Asks the app for an account's ``Tuning`` (``None`` values: the engine's own)."""

    def __init__(self, tuning_of: Callable[[str], Tuning] | None) -> None:
        self._tuning_of = tuning_of

    def of(self, account: str) -> Tuning:
        if self._tuning_of is None:
            return Tuning()
        try:
            return self._tuning_of(account)
        except Exception:  # an account removed or renamed meanwhile: the engine's own values
            return Tuning()

    def settings(self, base: Settings, account: str) -> Settings:
        """``base`` with the account's parts at once and part size."""
        tuning = self.of(account)
        if tuning.parts is None and tuning.part_size is None:
            return base
        return replace(
            base,
            part_concurrency=tuning.parts or base.part_concurrency,
            part_size=tuning.part_size or base.part_size,
            upload_part_size=tuning.part_size,
        )

    def job_settings(
        self, base: Settings, spec: JobSpec, provider_for: Callable[[str], Provider]
    ) -> Settings:
        """The account's settings for one of its jobs; without the bandwidth limit when
        every account of the job is on this computer (its kind is not ``remote``)."""
        settings = self.settings(base, spec.account)
        accounts = [spec.account, *([spec.dst_account] if spec.dst_account else [])]
        if not any(_remote(provider_for, account) for account in accounts):
            settings = replace(settings, bandwidth=UNLIMITED)
        return settings

    def busy(self, jobs: Iterable[Job], account: str) -> bool:
        """The account runs as many objects at once as it allows."""
        cap = self.of(account).transfers
        if cap is None:
            return False
        return sum(job.running for job in jobs if job.spec.account == account) >= cap

    def connections(self, usual: int, account: str) -> int:
        """Requests the account's transfers may have in flight: what its pool is sized for."""
        tuning = self.of(account)
        if tuning.transfers and tuning.parts:
            return max(usual, tuning.transfers * tuning.parts)
        return usual


def _remote(provider_for: Callable[[str], Provider], account: str) -> bool:
    try:
        return get_kind(provider_for(account).kind).remote
    except Exception:  # an account gone or a kind unknown: limited, to be safe
        return True
