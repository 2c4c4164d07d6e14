"""Object properties on every backend: read, set, clear, the ETag guard, validation.

What we wrote is read back by another client (the SDK itself, or ``os.getxattr``), and
changes behind our back are made by it too. Tests skip by capability; the rules quoted
by validation errors are the provider's own, hence tables per kind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from storebrowser.core.errors import InvalidMetadata, NotFound, PreconditionFailed, Unsupported
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.properties import (
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_TYPE,
    SYSTEM_PROPERTIES,
)
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from tests.providers.backends import CountedProvider
from tests.providers.conftest import unique_container_name
from tests.providers.other_clients import OtherClient, other_client

VALUES = {
    CONTENT_TYPE: "text/markdown; charset=utf-8",
    CACHE_CONTROL: "max-age=60, public",
    CONTENT_DISPOSITION: 'attachment; filename="notes.md"',
    CONTENT_ENCODING: "gzip",
    CONTENT_LANGUAGE: "en-GB",
}
#: Whether another client's metadata-only change gives the object a new ETag. Where it
#: does not (S3 and Swift: the ETag is the content's MD5), the guard cannot see it.
ETAG_MOVES_ON_METADATA_CHANGE = {"local": True, "azure": True, "s3": False, "swift": False}


@pytest.fixture
def other(provider: Provider, request: pytest.FixtureRequest) -> OtherClient:
    return other_client(request.node.callspec.params["provider"], request, provider)


def need(provider: Provider, capability: str) -> None:
    if not getattr(provider.capabilities, capability):
        pytest.skip(f"{provider.kind} has no {capability}")


def settable(provider: Provider) -> dict[str, str]:
    """``VALUES`` of the system properties this provider can set."""
    supported = {
        name: value for name, value in VALUES.items() if name in provider.capabilities.system_properties
    }
    if not supported:
        pytest.skip(f"{provider.kind} sets no system property")
    return supported


def _upload(provider: Provider, container: str, key: str = "notes.txt", data: bytes = b"some notes") -> str:
    metadata = {"keep": "me", "owner": "qa"} if provider.capabilities.user_metadata else None
    content_type = "text/plain" if provider.capabilities.content_type else None
    sending.upload_bytes(provider, container, key, data, content_type=content_type, metadata=metadata)
    return key


# -- capabilities -------------------------------------------------------------------------


def test_capability_flags_agree_with_behaviour(provider: Provider, container: str) -> None:
    caps = provider.capabilities
    assert caps.system_properties <= set(SYSTEM_PROPERTIES)
    assert (CONTENT_TYPE in caps.system_properties) == caps.content_type
    key = _upload(provider, container)
    for name in set(SYSTEM_PROPERTIES) - caps.system_properties:
        with pytest.raises(Unsupported):
            provider.check_properties(system={name: VALUES[name]})
        with pytest.raises(Unsupported):
            provider.set_properties(container, key, system={name: VALUES[name]})
    if not caps.user_metadata:
        with pytest.raises(Unsupported):
            provider.set_properties(container, key, metadata={"a": "b"})


# -- reading ------------------------------------------------------------------------------


def test_get_properties_is_what_another_client_sees(
    provider: Provider, container: str, other: OtherClient
) -> None:
    key = _upload(provider, container)
    props = provider.get_properties(container, key)
    raw = other.head(container, key)
    assert props.info == provider.stat(container, key)
    assert props.info.size == raw.size == len(b"some notes")
    assert props.metadata == raw.metadata
    assert props.version is None or isinstance(props.version, str)
    if provider.capabilities.content_type:
        assert props.system == raw.system == {CONTENT_TYPE: "text/plain"}
    with pytest.raises(NotFound):
        provider.get_properties(container, "missing")


# -- writing ------------------------------------------------------------------------------


def test_system_properties_are_set_and_user_metadata_kept(
    provider: Provider, container: str, other: OtherClient
) -> None:
    values = settable(provider)
    key = _upload(provider, container)
    before = other.head(container, key)
    info = provider.set_properties(container, key, system=values)
    raw = other.head(container, key)
    assert raw.system == values
    assert raw.metadata == before.metadata
    assert info.etag == provider.stat(container, key).etag
    assert provider.get_properties(container, key).system == values


def test_changing_one_system_property_keeps_the_others(
    provider: Provider, container: str, other: OtherClient
) -> None:
    values = settable(provider)
    key = _upload(provider, container)
    provider.set_properties(container, key, system=values)
    name = CACHE_CONTROL if CACHE_CONTROL in values else CONTENT_TYPE
    provider.set_properties(
        container, key, system={name: "no-cache" if name == CACHE_CONTROL else "text/csv"}
    )
    raw = other.head(container, key)
    assert raw.system == {**values, name: raw.system[name]} and raw.system[name] != values[name]


def test_user_metadata_is_replaced_and_system_properties_kept(
    provider: Provider, container: str, other: OtherClient
) -> None:
    need(provider, "user_metadata")
    values = settable(provider)
    key = _upload(provider, container)
    provider.set_properties(container, key, system=values)
    provider.set_properties(container, key, metadata={"owner": "ops", "new": "1"})
    raw = other.head(container, key)
    assert raw.metadata == {"owner": "ops", "new": "1"}
    assert raw.system == values
    assert provider.read(container, key) == b"some notes"


def test_clearing_system_properties(provider: Provider, container: str, other: OtherClient) -> None:
    values = settable(provider)
    key = _upload(provider, container, "clear.txt")
    provider.set_properties(container, key, system=values)
    names = sorted(values)
    clears = {name: (None if n % 2 else "") for n, name in enumerate(names)}  # both ways clear
    provider.set_properties(container, key, system=clears)
    raw = other.head(container, key)
    # A cleared Content-Type is the one guessed from the name: sent as such, or (local)
    # no longer stored, so guessed when read.
    assert raw.system in ({CONTENT_TYPE: "text/plain"}, {})
    if CONTENT_TYPE in values:
        assert provider.get_properties(container, key).system == {CONTENT_TYPE: "text/plain"}
    else:
        assert raw.system == {}


def test_an_encoded_object_reads_as_stored(provider: Provider, container: str) -> None:
    """Content-Encoding describes the bytes; a read (download, preview) gives them as
    stored, undecoded, whole or in ranges."""
    if CONTENT_ENCODING not in provider.capabilities.system_properties:
        pytest.skip(f"{provider.kind} cannot set Content-Encoding")
    data = b"not really gzip, but labelled so" * 100
    key = _upload(provider, container, "labelled.txt", data)
    provider.set_properties(container, key, system={CONTENT_ENCODING: "gzip"})
    assert provider.read(container, key) == data
    assert provider.read(container, key, ByteRange(10, 20)) == data[10:20]


def test_set_properties_of_a_missing_object_is_not_found(provider: Provider, container: str) -> None:
    settable(provider)
    with pytest.raises(NotFound):
        provider.set_properties(container, "missing.txt", system={CONTENT_TYPE: "text/plain"})


# -- the ETag guard -----------------------------------------------------------------------


def _edit(provider: Provider) -> dict[str, object]:
    changes: dict[str, object] = {}
    if provider.capabilities.user_metadata:
        changes["metadata"] = {"mine": "1"}
    if provider.capabilities.system_properties:
        name = CACHE_CONTROL if CACHE_CONTROL in provider.capabilities.system_properties else CONTENT_TYPE
        changes["system"] = {name: VALUES[name]}
    if not changes:
        pytest.skip(f"{provider.kind} has nothing to edit")
    return changes


def test_a_stale_etag_is_refused_and_nothing_changes(
    provider: Provider, container: str, other: OtherClient
) -> None:
    changes = _edit(provider)
    key = _upload(provider, container)
    shown = provider.get_properties(container, key).etag
    other.overwrite(container, key, b"someone else's notes", {"theirs": "yes"})
    after_them = other.head(container, key)
    assert provider.stat(container, key).etag != shown
    with pytest.raises(PreconditionFailed, match=r"changed since it was shown.*reload it") as refused:
        provider.set_properties(container, key, if_match=shown, **changes)  # type: ignore[arg-type]
    assert refused.value.key == key
    assert other.head(container, key) == after_them
    assert provider.read(container, key) == b"someone else's notes"


def test_the_current_etag_is_accepted(provider: Provider, container: str, other: OtherClient) -> None:
    changes = _edit(provider)
    key = _upload(provider, container)
    provider.set_properties(container, key, if_match=provider.stat(container, key).etag, **changes)  # type: ignore[arg-type]
    raw = other.head(container, key)
    assert raw.metadata == changes.get("metadata", raw.metadata)
    assert raw.system.items() >= dict(changes.get("system", {})).items()  # type: ignore[call-overload]


def test_a_metadata_change_by_another_client_is_seen_where_the_etag_moves(
    provider: Provider, container: str, other: OtherClient
) -> None:
    need(provider, "user_metadata")
    key = _upload(provider, container)
    shown = provider.stat(container, key).etag
    other.set_metadata(container, key, {"theirs": "yes"})
    moved = provider.stat(container, key).etag != shown
    assert moved == ETAG_MOVES_ON_METADATA_CHANGE[provider.kind]
    if moved:
        with pytest.raises(PreconditionFailed):
            provider.set_properties(container, key, metadata={"mine": "1"}, if_match=shown)
        assert other.head(container, key).metadata == {"theirs": "yes"}
    else:  # the documented limit: the guard sees content changes only
        provider.set_properties(container, key, metadata={"mine": "1"}, if_match=shown)
        assert other.head(container, key).metadata == {"mine": "1"}


def test_edit_properties_keeps_keys_it_does_not_name(
    provider: Provider, container: str, other: OtherClient
) -> None:
    need(provider, "user_metadata")
    key = _upload(provider, container)
    system = {CONTENT_TYPE: "text/csv"} if provider.capabilities.content_type else {}
    edit = MetadataEdit(
        set_user={"owner": "ops", "added": "2"}, remove_user=frozenset({"keep"}), set_system=system
    )
    shown = provider.stat(container, key).etag
    provider.edit_properties(container, key, edit, if_match=shown)
    raw = other.head(container, key)
    assert raw.metadata == {"owner": "ops", "added": "2"}
    assert raw.system == system
    other.overwrite(container, key, b"changed", {"theirs": "yes"})
    with pytest.raises(PreconditionFailed):
        provider.edit_properties(container, key, MetadataEdit(set_user={"x": "1"}), if_match=shown)
    assert other.head(container, key).metadata == {"theirs": "yes"}


def test_set_metadata_still_replaces_user_metadata(
    provider: Provider, container: str, other: OtherClient
) -> None:
    need(provider, "user_metadata")
    need(provider, "content_type")
    key = _upload(provider, container)
    provider.set_metadata(container, key, {"only": "this"}, content_type="text/csv")
    raw = other.head(container, key)
    assert (raw.metadata, raw.system[CONTENT_TYPE]) == ({"only": "this"}, "text/csv")


# -- validation before any request ----------------------------------------------------------

#: (user metadata, system properties, the words of the rule the error must quote).
BAD: dict[str, list[tuple[Mapping[str, str], Mapping[str, str], str]]] = {
    "s3": [
        ({"Upper": "x"}, {}, "S3 stores keys in lower case"),
        ({"bad key": "x"}, {}, "sent as HTTP header names"),
        ({"k": "x" * 2100}, {}, "S3 allows at most 2048 bytes"),
        ({"k": "line\nbreak"}, {}, "control character"),
    ],
    "azure": [
        ({"bad-key": "x"}, {}, "valid C# identifiers"),
        ({"k": "ünï"}, {}, "printable ASCII only"),
        ({"big": "x" * 8200}, {}, "Azure allows 8 KiB"),
    ],
    "swift": [
        ({"under_score": "x"}, {}, "no '_', which proxies drop"),
        ({"k": "x" * 300}, {}, "Swift allows 256 bytes"),
        ({f"k{n}": "v" for n in range(91)}, {}, "Swift allows 90"),
        ({"k": "100%25"}, {}, "'%' followed by two hex digits"),
    ],
    "local": [
        ({"": "x"}, {}, "keys are 1-200 bytes"),
        ({"k": "a\x00b"}, {}, "no NUL"),
    ],
}
BAD_SYSTEM: list[tuple[Mapping[str, str], str]] = [
    ({CONTENT_TYPE: "not a type"}, "write it as type/subtype"),
    ({CONTENT_TYPE: "text/plain\r\nX-Evil: 1"}, "control character"),
    ({CACHE_CONTROL: "max-age=1\n"}, "control character"),
    ({CONTENT_DISPOSITION: 'attachment; filename="ü.txt"'}, "RFC 6266"),
    ({"content_md5": "x"}, "not a system property"),
]


def _bad_cases(
    provider: Provider,
) -> Iterator[tuple[Mapping[str, str] | None, Mapping[str, str] | None, str]]:
    if provider.capabilities.user_metadata:
        for metadata, system, rule in BAD[provider.kind]:
            yield metadata, system or None, rule
    for system, rule in BAD_SYSTEM:
        if set(system) <= provider.capabilities.system_properties or "content_md5" in system:
            yield None, system, rule


def test_bad_properties_are_refused_before_any_request(counted_provider: CountedProvider) -> None:
    provider, proxy = counted_provider.provider, counted_provider.proxy
    container = unique_container_name()
    provider.create_container(container)
    try:
        key = _upload(provider, container)
        for metadata, system, rule in _bad_cases(provider):
            proxy.reset()
            with pytest.raises(InvalidMetadata, match=rule):
                provider.check_properties(metadata, system)
            with pytest.raises(InvalidMetadata, match=rule):
                provider.set_properties(container, key, metadata=metadata, system=system)
            assert proxy.requests == 0, (rule, proxy.request_lines)
    finally:
        with contextlib.suppress(NotFound):
            provider.delete_container(container, force=True)


def test_bad_local_properties_are_refused_and_nothing_changes(local_provider: Provider) -> None:
    need(local_provider, "user_metadata")
    local_provider.create_container("box")
    key = _upload(local_provider, "box")
    other = other_client("local", None, local_provider)  # type: ignore[arg-type]
    before = other.head("box", key)
    cases = list(_bad_cases(local_provider))
    assert len(cases) >= len(BAD["local"]) + 3
    for metadata, system, rule in cases:
        with pytest.raises(InvalidMetadata, match=rule):
            local_provider.set_properties("box", key, metadata=metadata, system=system)
    assert other.head("box", key) == before


def test_a_folder_without_extended_attributes_stores_no_properties(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where ``user.`` attributes do not work (FAT, some mounts), nothing can be set and
    the type shown is the one guessed from the name."""
    from storebrowser.providers.local import xattrs

    monkeypatch.setattr(xattrs, "probe", lambda _folder: False)
    provider = open_provider("local", {"root": str(tmp_path / "plain")})
    provider.connect()
    provider.create_container("box")
    sending.upload_bytes(provider, "box", "a.csv", b"1,2")
    caps = provider.capabilities
    assert (caps.user_metadata, caps.content_type, caps.system_properties) == (False, False, frozenset())
    assert provider.get_properties("box", "a.csv").system == {CONTENT_TYPE: "text/csv"}
    for changes in ({"metadata": {"a": "1"}}, {"metadata": {}}, {"system": {CONTENT_TYPE: "text/plain"}}):
        with pytest.raises(Unsupported):
            provider.set_properties("box", "a.csv", **changes)  # type: ignore[arg-type]
