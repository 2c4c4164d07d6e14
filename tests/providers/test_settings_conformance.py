"""Container settings on every backend: a capability that is on works, one that is off
raises ``Unsupported`` with the reason the capabilities give (the UI shows the same)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storebrowser.core.access import AccessLevel
from storebrowser.core.errors import Unsupported
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending

CALLS = {
    "access_control": lambda p, c: p.access_report(c),
    "cors": lambda p, c: p.get_cors(c),
    "lifecycle": lambda p, c: p.get_lifecycle(c),
    "object_expiry": lambda p, c: p.object_expiry(c, "a.txt"),
}


@pytest.mark.parametrize("capability", sorted(CALLS))
def test_each_setting_works_or_says_why_not(provider: Provider, container: str, capability: str) -> None:
    sending.upload_bytes(provider, container, "a.txt", b"x")
    call = CALLS[capability]
    if getattr(provider.capabilities, capability):
        try:
            call(provider, container)
        except Unsupported as refusal:  # a server without it (s3api) says so in its words
            assert provider.kind == "s3", refusal
        return
    with pytest.raises(Unsupported) as refused:
        call(provider, container)
    reason = provider.capabilities.reason(capability)
    assert reason, f"{provider.kind} gives no reason for {capability} being off"
    assert reason in str(refused.value)


def test_the_local_folder_offers_none_of_it(local_provider: Provider, tmp_path) -> None:
    local_provider.create_container("box")
    caps = local_provider.capabilities
    assert not (
        caps.access_control or caps.cors or caps.lifecycle or caps.object_expiry or caps.upload_encryption
    )
    for call in (lambda: local_provider.plan_access("box", None, AccessLevel.PUBLIC_READ),
                 lambda: local_provider.live_check("box"),
                 lambda: local_provider.set_object_expiry("box", "a", after=timedelta(days=1))):  # fmt: skip
        with pytest.raises(Unsupported, match="a local folder is served to nobody"):
            call()
