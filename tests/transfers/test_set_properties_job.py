"""The metadata-edit job: one edit, many objects, each guarded by the ETag the user saw;
progress in objects; failures per object; journaled. Local folder and real servers."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.errors import StorageError
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_TYPE
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from tests.providers.other_clients import OtherClient, other_client
from tests.transfers.helpers import FAST_RETRY

BACKENDS = ["local", "azure", "swift", "s3_swift"]
KEYS = ("a.txt", "docs/b.txt", "c.txt")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[tuple[Provider, str, OtherClient]]:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    container = f"props-{uuid.uuid4().hex[:12]}"
    provider.create_container(container)
    if not provider.capabilities.user_metadata:
        pytest.skip(f"{provider.kind} stores no user metadata here")
    for key in KEYS:
        sending.upload_bytes(provider, container, key, key.encode(),
                             metadata={"owner": "qa", "tmp": "x", "keep": key})
    yield provider, container, other_client(request.param, request, provider)
    with contextlib.suppress(StorageError):
        provider.delete_container(container, force=True)


def _edit(provider: Provider) -> MetadataEdit:
    system = {CACHE_CONTROL: "no-cache"} if CACHE_CONTROL in provider.capabilities.system_properties else {}
    if not system and provider.capabilities.content_type:
        system = {CONTENT_TYPE: "text/csv"}
    return MetadataEdit(set_user={"owner": "ops"}, remove_user=frozenset({"tmp"}), set_system=system)


def _engine(provider: Provider, journal: Journal, *, start: bool = True) -> TransferEngine:
    return TransferEngine({"acct": provider}, journal, concurrency=2, retry=FAST_RETRY, start=start)


def test_an_edit_applies_to_each_object_and_a_changed_one_fails_alone(
    store: tuple[Provider, str, OtherClient], journal: Journal
) -> None:
    provider, container, other = store
    etags = {key: provider.stat(container, key).etag or "" for key in KEYS}
    other.overwrite(container, "docs/b.txt", b"changed by someone else", {"theirs": "yes"})
    edit = _edit(provider)
    engine = _engine(provider, journal)
    try:
        job_id = engine.submit(
            JobSpec(JobKind.SET_PROPERTIES, "acct", container, keys=KEYS, edit=edit, etags=etags)
        )
        assert engine.wait_idle(timeout=120)
        job = next(j for j in engine.snapshot().jobs if j.id == job_id)
    finally:
        engine.shutdown()
    assert job.kind.counts_objects
    assert job.state is State.FAILED
    assert (job.done, job.total) == (2, 3)
    states = {item.key: (item.state, item.error) for item in job.items}
    assert states["a.txt"] == states["c.txt"] == (State.DONE, None)
    state, error = states["docs/b.txt"]
    assert state is State.FAILED
    assert error is not None and "'docs/b.txt' changed since it was shown" in error
    assert "changed since it was shown" in (job.error or "")
    for key in ("a.txt", "c.txt"):
        raw = other.head(container, key)
        assert raw.metadata == {"owner": "ops", "keep": key}
        assert raw.system.items() >= edit.set_system.items()
        assert provider.read(container, key) == key.encode()
    assert other.head(container, "docs/b.txt").metadata == {"theirs": "yes"}


def test_without_etags_the_edit_applies_to_what_is_there(
    store: tuple[Provider, str, OtherClient], journal: Journal
) -> None:
    provider, container, other = store
    engine = _engine(provider, journal)
    try:
        engine.submit(JobSpec(JobKind.SET_PROPERTIES, "acct", container, keys=KEYS[:2], edit=_edit(provider)))
        assert engine.wait_idle(timeout=120)
        (job,) = engine.snapshot().jobs
    finally:
        engine.shutdown()
    assert job.state is State.DONE, job.error
    assert other.head(container, "a.txt").metadata == {"owner": "ops", "keep": "a.txt"}
    assert other.head(container, "c.txt").metadata == {"owner": "qa", "tmp": "x", "keep": "c.txt"}


def test_an_edit_the_provider_refuses_fails_each_item_with_its_rule(
    local: Provider, journal: Journal
) -> None:
    if not local.capabilities.user_metadata:
        pytest.skip("no extended attributes here")
    sending.upload_bytes(local, "bucket", "x.txt", b"x", metadata={"a": "1"})
    engine = _engine(local, journal)
    try:
        bad = MetadataEdit(set_user={"": "empty key"})
        engine.submit(JobSpec(JobKind.SET_PROPERTIES, "acct", "bucket", keys=("x.txt", "missing"), edit=bad))
        assert engine.wait_idle(timeout=30)
        (job,) = engine.snapshot().jobs
    finally:
        engine.shutdown()
    errors = {item.key: item.error or "" for item in job.items}
    assert "keys are 1-200 bytes" in errors["x.txt"]
    assert "keys are 1-200 bytes" in errors["missing"]  # refused before looking it up
    assert dict(local.stat("bucket", "x.txt").metadata) == {"a": "1"}


def test_the_job_is_journaled_and_resumes_after_a_restart(local: Provider, tmp_path: Path) -> None:
    if not local.capabilities.user_metadata:
        pytest.skip("no extended attributes here")
    for key in KEYS:
        sending.upload_bytes(local, "bucket", key, b"x", metadata={"tmp": "1"})
    etags = {key: local.stat("bucket", key).etag or "" for key in KEYS}
    spec = JobSpec(JobKind.SET_PROPERTIES, "acct", "bucket", keys=KEYS, edit=_edit(local), etags=etags)
    assert JobSpec.from_json(spec.to_json()) == spec
    first = Journal(tmp_path / "journal.sqlite3")
    _engine(local, first, start=False).submit(spec)  # queued, never run: the app quit
    first.close()
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        engine = _engine(local, journal, start=False)
        (job_id,) = engine.resume_unfinished()
        (loaded,) = journal.load_jobs()
        assert loaded.spec == spec
        engine.run_pending()
        (job,) = engine.snapshot().jobs
        assert (job.id, job.state, job.done, job.total) == (job_id, State.DONE, 3, 3)
        assert all(dict(local.stat("bucket", key).metadata) == {"owner": "ops"} for key in KEYS)
        assert journal.load_jobs() == []
    finally:
        journal.close()
