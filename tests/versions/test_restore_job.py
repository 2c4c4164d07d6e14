"""The Restore Folder to a Date job itself: its plan journaled in rows of steps beside the
job (not inside its spec), one HEAD per key and no listing before each change, and a key
someone changed after the plan left alone with why (moto); a blob that versioning would not
keep is not deleted (Azurite)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.types import ObjectVersion
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.base import Provider
from storebrowser.transfers.engine import TransferEngine
from storebrowser.transfers.jobs import Job, State
from storebrowser.transfers.journal import KEY_BATCH, Journal
from storebrowser.transfers.restoring import Step, restore_spec
from storebrowser.versions.plan import make_plan
from storebrowser.versions.restore import plan_spec
from tests.providers.conftest import unique_container_name
from tests.providers.versions_support import put
from tests.transfers.helpers import FAST_RETRY
from tests.versions.sdk_state import current_objects
from tests.versions.test_restore_servers import AT_THE_MOMENT, _history


def test_a_plan_of_many_keys_is_journaled_in_rows_of_steps(tmp_path: Path) -> None:
    version = ObjectVersion("", "3HL4kqtJvjVBH40Nrjfkd", size=1234, etag="0" * 32)
    steps = [Step(f"folder/{n:06d}.txt", version if n % 3 else None, version, "m-id" if n % 5 == 0 else None)
             for n in range(5000)]  # fmt: skip
    spec = restore_spec("acct", "box", "folder/", datetime.now(UTC), steps)
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.save_job(Job(spec))
    journal.close()
    with sqlite3.connect(tmp_path / "journal.sqlite3") as db:
        [(spec_text,)] = db.execute("SELECT spec FROM jobs").fetchall()
        [(rows,)] = db.execute("SELECT count(*) FROM job_keys").fetchall()
    assert len(spec_text) < 2000 and rows == 5000 // KEY_BATCH  # not one text of every step
    [loaded] = Journal(tmp_path / "journal.sqlite3").load_jobs()
    assert loaded.spec == spec
    read = [Step.from_text(text) for text in loaded.spec.keys]
    assert [_said(step) for step in read] == [_said(step) for step in steps]


def _said(step: Step) -> tuple[str, str, str | None, str | None, int | None, str | None]:
    target = step.target.version_id if step.target is not None else None
    now = (step.now.size, step.now.etag) if step.now is not None else (None, None)
    return (step.key, step.action, step.marker, target, *now)


class CountingCalls:
    """A provider that counts the calls made through it, by name."""

    def __init__(self, inner: Provider) -> None:
        self._inner = inner
        self.calls: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._inner, name)
        if not callable(found):
            return found

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] = self.calls.get(name, 0) + 1
            return found(*args, **kwargs)

        return counted


@pytest.fixture
def moto_box(s3_moto_provider: Provider) -> Iterator[str]:
    name = unique_container_name()
    s3_moto_provider.create_container(name)
    s3_moto_provider.set_versioning(name, True)
    yield name
    s3_moto_provider.delete_container(name, force=True)


def test_each_key_costs_one_head_and_a_key_changed_since_the_plan_is_left_alone(
    s3_moto_provider: Provider, moto_box: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    provider = s3_moto_provider
    when = _history(provider, moto_box)
    spec = plan_spec("acct", make_plan(provider, moto_box, "f/", when))
    assert spec is not None
    put(provider, moto_box, "f/changed.txt", b"written after the plan")
    counting = CountingCalls(provider)
    providers: dict[str, Any] = {"acct": counting}
    engine = TransferEngine(providers, Journal(tmp_path / "j.sqlite3"), retry=FAST_RETRY)
    job_id = engine.submit(spec)
    assert engine.wait_idle(120)
    job = engine.snapshot().job(job_id)
    engine.shutdown()
    assert job.state is State.FAILED
    failed = {item.key: item.error for item in job.items if item.state is State.FAILED}
    assert list(failed) == ["f/changed.txt"] and "changed since the restore was planned" in str(failed)
    expected = dict(AT_THE_MOMENT, **{"f/changed.txt": b"written after the plan"})
    assert current_objects(provider, moto_box, "f/", request) == expected
    assert counting.calls.get("list_versions_page", 0) == 0
    # One HEAD per key, and one more after a delete marker is removed (to see it is back).
    assert counting.calls["stat"] == len(spec.keys) + sum(
        1 for text in spec.keys if Step.from_text(text).marker is not None
    )


def test_a_blob_with_no_version_id_is_not_deleted_for_good(
    azure: AzureProvider, azure_box: str, tmp_path: Path
) -> None:
    """In a container with blob versions, a blob with no version id (versioning off when it
    was written, or now) would be lost by the job's delete: that key fails with why.
    Azurite has no versions: the container is taken as one with them."""
    put(azure, azure_box, "k", b"only copy")
    info = azure.stat(azure_box, "k")
    seen = ObjectVersion("k", "current", size=info.size, etag=info.etag, content_md5=info.content_md5)
    vars(azure)["_blob_versions"] = {azure_box: True}
    spec = restore_spec("acct", azure_box, "", datetime.now(UTC), [Step("k", None, now=seen)])
    engine = TransferEngine({"acct": azure}, Journal(tmp_path / "j.sqlite3"), retry=FAST_RETRY)
    job_id = engine.submit(spec)
    assert engine.wait_idle(120)
    job = engine.snapshot().job(job_id)
    engine.shutdown()
    [item] = job.items
    assert item.state is State.FAILED and "lose it for good" in str(item.error)
    assert azure.read(azure_box, "k") == b"only copy"
