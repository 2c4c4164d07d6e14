"""Class changes, restores and tag edits of many objects as engine jobs, on real servers:
one journaled item per object; a job killed halfway resumes with the objects not done;
failures are kept by key with the service's reason and retried; what the servers hold is
read back through their SDKs."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import StorageError
from storebrowser.core.tags import TagEdit
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.providers.backends import s3_moto_settings
from tests.providers.moto_support import moto_sdk_fixture  # noqa: F401 - the sdk fixture
from tests.servers.moto_s3 import MotoServer
from tests.transfers.helpers import FAST_RETRY
from tests.transfers.killtest import journaled_done_items

ROOT = Path(__file__).resolve().parents[2]
#: The issue's bulk change: 2,000 objects, one job.
BULK = 2000


def _run(provider: Provider, journal: Journal, spec: JobSpec) -> JobSnapshot:
    engine = TransferEngine({"acct": provider}, journal, concurrency=4, retry=FAST_RETRY)
    try:
        job_id = engine.submit(spec)
        assert engine.wait_idle(timeout=600)
        return next(j for j in engine.snapshot().jobs if j.id == job_id)
    finally:
        engine.shutdown()


def _failures(job: JobSnapshot) -> dict[str, str]:
    return {item.key: item.error or "" for item in job.items if item.state is State.FAILED}


@pytest.fixture
def moto_bucket(sdk: Any) -> Iterator[str]:
    name = f"tierjobs-{uuid.uuid4().hex[:12]}"
    sdk.create_bucket(Bucket=name)
    yield name
    with contextlib.suppress(Exception):
        for page in sdk.get_paginator("list_objects_v2").paginate(Bucket=name):
            keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if keys:
                sdk.delete_objects(Bucket=name, Delete={"Objects": keys})
        sdk.delete_bucket(Bucket=name)


def _kill_halfway(config: dict[str, Any], journal: Path) -> int:
    """Run the child until a fifth of the objects are journaled done, SIGKILL it; how
    many were done by then."""
    command = [sys.executable, "-m", "tests.transfers.tiering_child", json.dumps(config)]
    child = subprocess.Popen(command, cwd=ROOT)
    try:
        deadline = time.monotonic() + 300
        while journaled_done_items(journal) < BULK // 5:
            assert child.poll() is None, "the child finished or died before it was killed"
            assert time.monotonic() < deadline, "the child made no progress"
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
    return journaled_done_items(journal)


class CountedChanges:
    """Our provider, counting the class changes asked of it (the SDK underneath is real)."""

    def __init__(self, inner: Provider) -> None:
        self._inner = inner
        self.changed: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def set_storage_class(self, container: str, key: str, *args: Any, **kwargs: Any) -> Any:
        self.changed.append(key)
        return self._inner.set_storage_class(container, key, *args, **kwargs)


def test_a_bulk_class_change_survives_a_kill_lists_its_failures_and_retries_them(
    s3_moto_provider: Provider, sdk: Any, moto_bucket: str, moto_server: MotoServer, tmp_path: Path
) -> None:
    keys = [f"data/{n:05d}.txt" for n in range(BULK)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda k: sdk.put_object(Bucket=moto_bucket, Key=k, Body=k.encode(),
                                               Metadata={"owner": "qa"}), keys))  # fmt: skip
    sdk.put_object(Bucket=moto_bucket, Key="frozen.txt", Body=b"cold", StorageClass="GLACIER")
    journal_path = tmp_path / "journal.sqlite3"
    sources = ["data/", "frozen.txt", "gone.txt"]  # one archived, one that is not there
    config = {"kind": "s3", "settings": s3_moto_settings(moto_server), "journal": str(journal_path),
              "container": moto_bucket, "sources": sources, "storage_class": "STANDARD_IA",
              "delay": 0.01}  # fmt: skip
    done_before = _kill_halfway(config, journal_path)
    assert BULK // 5 <= done_before < BULK

    counted = CountedChanges(s3_moto_provider)
    journal = Journal(journal_path)
    engine = TransferEngine({"acct": counted}, journal, concurrency=4, retry=FAST_RETRY)  # type: ignore[dict-item]
    try:
        (job_id,) = engine.resume_unfinished()  # as `jobs resume` and the window do
        assert engine.wait_idle(timeout=600)
        job = next(j for j in engine.snapshot().jobs if j.id == job_id)
        assert len(job.items) == BULK + 2 and job.state is State.FAILED
        # Only what the killed run had not journaled done ran again (those in flight
        # at the kill run again and say they were in that class already).
        assert len(counted.changed) <= BULK + 2 - done_before + 4
        failures = _failures(job)
        assert set(failures) == {"frozen.txt", "gone.txt"}
        assert "must be restored before" in failures["frozen.txt"]
        assert "'gone.txt'" in failures["gone.txt"]
        assert "2 of 2002 items failed" in (job.error or "")
        notes = {item.note for item in job.items if item.state is State.DONE}
        assert notes <= {"now in STANDARD_IA", "already in STANDARD_IA"}

        # The failures, fixed, are retried alone.
        sdk.restore_object(Bucket=moto_bucket, Key="frozen.txt", RestoreRequest={"Days": 1})
        sdk.put_object(Bucket=moto_bucket, Key="gone.txt", Body=b"back")
        counted.changed.clear()
        engine.retry(job_id)
        assert engine.wait_idle(timeout=120)
        job = next(j for j in engine.snapshot().jobs if j.id == job_id)
        assert job.state is State.DONE and sorted(counted.changed) == ["frozen.txt", "gone.txt"]
    finally:
        engine.shutdown()
        journal.close()
    for key in (keys[0], keys[BULK // 2], keys[-1], "gone.txt", "frozen.txt"):
        head = sdk.head_object(Bucket=moto_bucket, Key=key)
        assert head["StorageClass"] == "STANDARD_IA", key
    head = sdk.head_object(Bucket=moto_bucket, Key=keys[7])
    assert head["Metadata"] == {"owner": "qa"} and head["ContentLength"] == len(keys[7])


def test_a_restore_under_a_prefix_takes_the_archived_objects_only(
    s3_moto_provider: Provider, sdk: Any, moto_bucket: str, journal: Journal
) -> None:
    sdk.put_object(Bucket=moto_bucket, Key="old/a", Body=b"a", StorageClass="GLACIER")
    sdk.put_object(Bucket=moto_bucket, Key="old/b", Body=b"b", StorageClass="DEEP_ARCHIVE")
    sdk.put_object(Bucket=moto_bucket, Key="old/c", Body=b"c")
    sdk.put_object(Bucket=moto_bucket, Key="d", Body=b"d")
    spec = JobSpec(JobKind.RESTORE_ARCHIVED, "acct", moto_bucket, sources=("old/", "d"), days=3,
                   priority="Bulk")  # fmt: skip
    job = _run(s3_moto_provider, journal, spec)
    assert job.state is State.DONE and job.kind.counts_objects
    notes = {item.key: item.note for item in job.items}
    assert set(notes) == {"old/a", "old/b", "d"}  # old/c is not archived: not taken
    assert notes["d"] == "not archived: it can be read as it is"
    assert notes["old/a"].startswith("restored until")  # moto restores at once
    assert 'ongoing-request="false"' in sdk.head_object(Bucket=moto_bucket, Key="old/b")["Restore"]
    assert "Restore" not in sdk.head_object(Bucket=moto_bucket, Key="d")


def test_a_tag_edit_of_many_objects_keeps_each_objects_other_tags(
    s3_moto_provider: Provider, sdk: Any, moto_bucket: str, journal: Journal
) -> None:
    sdk.put_object(Bucket=moto_bucket, Key="t/a", Body=b"a", Tagging="keep=a&tmp=1")
    sdk.put_object(Bucket=moto_bucket, Key="t/b", Body=b"b", Tagging="keep=b")
    full = "&".join(f"k{n}=v" for n in range(10))
    sdk.put_object(Bucket=moto_bucket, Key="t/full", Body=b"f", Tagging=full)
    edit = TagEdit({"project": "apollo"}, ("tmp",))
    job = _run(s3_moto_provider, journal,
               JobSpec(JobKind.SET_TAGS, "acct", moto_bucket, sources=("t/",), tags=edit))  # fmt: skip
    assert job.state is State.FAILED

    def tags(key: str) -> dict[str, str]:
        found = sdk.get_object_tagging(Bucket=moto_bucket, Key=key)["TagSet"]
        return {t["Key"]: t["Value"] for t in found}

    assert tags("t/a") == {"keep": "a", "project": "apollo"}
    assert tags("t/b") == {"keep": "b", "project": "apollo"}
    failures = _failures(job)
    assert list(failures) == ["t/full"]  # an 11th tag: refused before the request, the rule said
    assert "11 tags of 't/full': S3 allows at most 10" in failures["t/full"]
    assert len(tags("t/full")) == 10


def test_azure_tier_and_tag_jobs_and_a_leased_blob_failing_alone(
    azure_provider: Provider, azurite_server: Any, journal: Journal
) -> None:
    from azure.storage.blob import BlobServiceClient

    service = BlobServiceClient.from_connection_string(azurite_server.connection_string)
    name = f"tierjobs-{uuid.uuid4().hex[:12]}"
    box = service.create_container(name)
    try:
        for key in ("a", "b", "c"):
            box.upload_blob(key, key.encode(), metadata={"owner": "qa"})
        lease = box.get_blob_client("b").acquire_lease()
        job = _run(azure_provider, journal, JobSpec(JobKind.SET_TAGS, "acct", name, sources=("",),
                                                     tags=TagEdit({"stage": "raw"})))  # fmt: skip
        failures = _failures(job)
        assert set(failures) == {"b"}, failures  # a leased blob's tags need its lease: denied
        assert "lease" in failures["b"].lower() and "Traceback" not in failures["b"], failures
        assert box.get_blob_client("a").get_blob_tags() == {"stage": "raw"}
        spec = JobSpec(JobKind.SET_CLASS, "acct", name, sources=("a", "c"), storage_class="Cool")
        job = _run(azure_provider, journal, spec)
        assert job.state is State.DONE, _failures(job)
        for key in ("a", "c"):
            props = box.get_blob_client(key).get_blob_properties()
            assert props.blob_tier == "Cool" and props.metadata == {"owner": "qa"}
        lease.release()
    finally:
        with contextlib.suppress(StorageError, Exception):
            service.delete_container(name)
