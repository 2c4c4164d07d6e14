"""Jobs of several sources (UPLOAD_MANY, DOWNLOAD_MANY) on the local-folder provider:
layout, clashes refused at submit, conflicts asked per item, the journal (old specs load,
a restart resumes)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import AccessDenied, AuthFailed, InvalidName, Transient
from storebrowser.providers.base import Provider
from storebrowser.transfers import ConflictPolicy, JobKind, Journal, State, TransferEngine, sending, sources
from storebrowser.transfers.jobs import Item, JobSpec
from tests.transfers.helpers import Counting
from tests.transfers.test_engine_local import KiB, serial_engine, threaded_engine


def upload_many(*sources: Path | str, key: str = "in/", **kwargs: object) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_MANY, "acct", "bucket", key=key,
                   sources=tuple(str(s) for s in sources), **kwargs)  # type: ignore[arg-type]  # fmt: skip


def download_many(*keys: str, folder: Path, **kwargs: object) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_MANY, "acct", "bucket", local=str(folder), sources=keys,
                   **kwargs)  # type: ignore[arg-type]  # fmt: skip


def tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_files_a_folder_and_a_folders_contents_upload_as_one_job(local: Provider, journal, tmp_path):
    src = tree(tmp_path / "src", {"a.txt": b"a", "b.bin": os.urandom(100 * KiB),
                                  "photos/x.jpg": b"x", "photos/deep/y.jpg": b"y",
                                  "site/index.html": b"<p>"})  # fmt: skip
    engine = threaded_engine(local, journal)
    job = engine.submit(upload_many(src / "a.txt", src / "b.bin", src / "photos", f"{src / 'site'}/",
                                    key="in"))  # fmt: skip
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert [i.key for i in snap.items] == ["in/a.txt", "in/b.bin", "in/photos/x.jpg",
                                           "in/photos/deep/y.jpg", "in/index.html"]  # fmt: skip
    assert snap.done == snap.total == 100 * KiB + 6
    assert local.read("bucket", "in/photos/deep/y.jpg") == b"y"
    assert local.read("bucket", "in/b.bin") == (src / "b.bin").read_bytes()
    assert [i.index for i in snap.items] == list(range(5))


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        (upload_many("/one/x.txt", "/two/x.txt"),
         "/one/x.txt and /two/x.txt would both be uploaded as bucket/in/x.txt"),
        (download_many("a/x", "b/x/", folder=Path("/d")), "a/x and b/x/ would both land in /d as x"),
        (download_many("a/", "a/b/c", folder=Path("/d")), "a/b/c is inside a/, which is chosen too"),
        (download_many("", "k", folder=Path("/d")), "The whole container is chosen with other objects"),
        (upload_many(), "Nothing to transfer"),
    ],
)
def test_sources_landing_on_one_target_are_refused_at_submit(local: Provider, journal, spec, why):
    engine = serial_engine(local, journal)
    with pytest.raises(InvalidName, match="^" + why.replace(".", r"\.")):
        engine.submit(spec)
    assert engine.snapshot().jobs == () and journal.load_jobs() == []


def test_a_folders_contents_beside_a_file_of_the_same_name_fail_the_second_only(local, journal, tmp_path):
    src = tree(tmp_path / "src", {"top/x.txt": b"from the file", "bag/x.txt": b"from the folder"})
    engine = serial_engine(local, journal)
    job = engine.submit(upload_many(src / "top" / "x.txt", f"{src / 'bag'}/"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED
    assert [i.state for i in snap.items] == [State.DONE, State.FAILED]
    assert "would be uploaded as in/x.txt, as" in (snap.items[1].error or "")
    assert local.read("bucket", "in/x.txt") == b"from the file"


def test_objects_and_a_prefix_download_as_one_job_each_in_its_place(local: Provider, journal, tmp_path):
    data = {"docs/report.pdf": os.urandom(300 * KiB), "docs/photos/a.jpg": b"a",
            "docs/photos/2024/b.jpg": b"b", "other/readme": b"r"}  # fmt: skip
    for key, body in data.items():
        sending.upload_bytes(local, "bucket", key, body)
    out = tmp_path / "out"
    engine = threaded_engine(local, journal)
    job = engine.submit(download_many("docs/report.pdf", "docs/photos/", "other/readme", folder=out))
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert len(snap.items) == 4 and snap.done == snap.total == sum(len(b) for b in data.values())
    assert (out / "report.pdf").read_bytes() == data["docs/report.pdf"]
    assert (out / "photos" / "2024" / "b.jpg").read_bytes() == b"b"
    assert (out / "readme").read_bytes() == b"r"
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert found == ["photos/2024/b.jpg", "photos/a.jpg", "readme", "report.pdf"]  # no .part left


def test_a_missing_object_fails_its_item_only(local: Provider, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "here", b"h")
    engine = serial_engine(local, journal)
    job = engine.submit(download_many("gone", "here", folder=tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED and "1 of 2 items failed" in (snap.error or "")
    assert snap.items[0].state is State.FAILED and snap.items[1].state is State.DONE
    assert (tmp_path / "here").read_bytes() == b"h"


def test_ask_is_asked_per_item_with_the_jobs_kind(local: Provider, journal, tmp_path):
    for key in ("f/one", "f/two", "three"):
        sending.upload_bytes(local, "bucket", key, b"new")
        (tmp_path / key.rpartition("/")[2]).write_bytes(b"old")
    asked: list[tuple[JobKind, str]] = []

    def ask(item: Item, kind: JobKind, target: str) -> ConflictPolicy:
        asked.append((kind, Path(target).name))
        return ConflictPolicy.SKIP if Path(target).name == "two" else ConflictPolicy.OVERWRITE

    engine = serial_engine(local, journal, ask=ask)
    job = engine.submit(download_many("f/one", "f/two", "three", folder=tmp_path,
                                      conflict=ConflictPolicy.ASK))  # fmt: skip
    engine.run_pending()
    assert engine.snapshot().job(job).state is State.DONE
    assert asked == [(JobKind.DOWNLOAD_MANY, n) for n in ("one", "two", "three")]
    assert [(tmp_path / n).read_bytes() for n in ("one", "two", "three")] == [b"new", b"old", b"new"]
    assert JobKind.DOWNLOAD_MANY.many_items and JobKind.UPLOAD_MANY.many_items


def test_a_restart_resumes_a_download_of_many_where_it_stopped(local: Provider, journal, tmp_path):
    big = os.urandom(640 * KiB)  # ten parts
    sending.upload_bytes(local, "bucket", "a/small", b"s")
    sending.upload_bytes(local, "bucket", "b/big.bin", big)
    first = Counting(local)
    engine = serial_engine(first, journal)
    job = engine.submit(download_many("a/small", "b/", folder=tmp_path))
    first.before_read = lambda r: engine.shutdown() if r.start == 4 * 64 * KiB else None
    engine.run_pending()  # stops after the running part, as on quitting the app

    again = Journal(journal.path)
    second = Counting(local)
    engine2 = serial_engine(second, again)
    assert engine2.resume_unfinished() == [job]
    assert engine2.snapshot().job(job).kind is JobKind.DOWNLOAD_MANY
    engine2.run_pending()
    snap = engine2.snapshot().job(job)
    again.close()
    assert snap.state is State.DONE, snap.error
    assert [r.start // (64 * KiB) for r in second.reads] == [5, 6, 7, 8, 9]
    assert (tmp_path / "small").read_bytes() == b"s"
    assert (tmp_path / "b" / "big.bin").read_bytes() == big
    assert not list(tmp_path.rglob("*.part"))


def test_a_job_journaled_before_sources_existed_still_loads_and_runs(local: Provider, tmp_path):
    """The journal of an older StoreBrowser: no ``sources`` in the spec, no ``source`` in
    the items. It loads with the defaults and finishes its work."""
    sending.upload_bytes(local, "bucket", "p/one", b"1")
    sending.upload_bytes(local, "bucket", "p/two", b"2")
    journal = Journal(tmp_path / "old.sqlite3")
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "bucket", key="p/", local=str(tmp_path / "out")).to_json()
    del spec["sources"]
    db = journal._db  # written as the old code wrote it, row by row
    db.execute("INSERT INTO jobs(id, spec, state, position, expanded) VALUES ('old', ?, 'running', 1, 1)",
               (json.dumps(spec),))  # fmt: skip
    for idx, key in enumerate(("p/one", "p/two")):
        item = json.dumps({"key": key, "local": "", "total": 1, "keys": []})
        db.execute("INSERT INTO items(job_id, idx, spec, state) VALUES ('old', ?, ?, 'queued')", (idx, item))
    engine = serial_engine(local, journal)
    assert engine.resume_unfinished() == ["old"]
    assert engine.snapshot().job("old").spec.sources == ()
    engine.run_pending()
    assert engine.snapshot().job("old").state is State.DONE
    assert (tmp_path / "out" / "p" / "two").read_bytes() == b"2"
    journal.close()


def test_sources_and_their_items_survive_the_journal(journal, tmp_path):
    spec = upload_many(tmp_path / "a", f"{tmp_path / 'b'}/", key="k/")
    assert JobSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec
    engine = TransferEngine({}, journal, start=False)
    job = engine.submit(spec)
    assert journal.load_jobs()[0].spec.sources == spec.sources
    assert engine.snapshot().job(job).spec.kind.is_upload


def test_a_named_pipe_fails_a_folder_of_them_skips(local: Provider, journal, tmp_path):
    src = tmp_path / "src"
    (src / "box").mkdir(parents=True)
    os.mkfifo(src / "pipe")
    os.mkfifo(src / "box" / "inner")
    (src / "box" / "file").write_bytes(b"f")
    engine = serial_engine(local, journal)
    job = engine.submit(upload_many(src / "pipe", src / "box"))
    engine.run_pending()
    states = {i.key: (i.state, i.error or i.note) for i in engine.snapshot().job(job).items}
    assert states["in/pipe"][0] is State.FAILED and "only files and folders" in states["in/pipe"][1]
    assert states["in/box/inner"][0] is State.DONE and "skipped" in states["in/box/inner"][1]
    assert local.read("bucket", "in/box/file") == b"f"



class SlowStat(Counting):
    """The local provider with a round trip's delay in ``stat``; records how many overlap."""

    def __init__(self, inner: Provider) -> None:
        super().__init__(inner)
        self.running = self.most = 0

    def stat(self, container: str, key: str) -> Any:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.02)
            return self._inner.stat(container, key)
        finally:
            with self.lock:
                self.running -= 1


def test_many_objects_are_looked_up_side_by_side_and_keep_their_order(local: Provider, journal, tmp_path):
    keys = [f"obj-{n:03}" for n in range(40)]
    for n, key in enumerate(keys):
        sending.upload_bytes(local, "bucket", key, b"x" * n)
    sources = (*keys[:20], "missing-one", *keys[20:])
    slow = SlowStat(local)
    engine = serial_engine(slow, journal)  # type: ignore[arg-type]
    job = engine.submit(download_many(*sources, folder=tmp_path / "out"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert slow.most > 1  # side by side, not one round trip after the other
    assert [item.key for item in snap.items] == list(sources)
    assert [item.total for item in snap.items if item.key != "missing-one"] == list(range(40))
    assert snap.items[20].state is State.FAILED and "1 of 41 items failed" in (snap.error or "")
    assert all((tmp_path / "out" / key).stat().st_size == n for n, key in enumerate(keys))


class FailingStat(Counting):
    """``stat`` of chosen keys raises the given errors, one per call, then works."""

    def __init__(self, inner: Provider, errors: dict[str, list[Exception]]) -> None:
        super().__init__(inner)
        self.errors = errors

    def stat(self, container: str, key: str) -> Any:
        with self.lock:
            queued = self.errors.get(key, [])
            error = queued.pop(0) if queued else None
        if error is not None:
            raise error
        return self._inner.stat(container, key)


def test_a_lookup_that_fails_fails_its_item_and_a_passing_glitch_is_retried(
    local: Provider, journal, tmp_path
):
    for key in ("a", "b", "c", "d"):
        sending.upload_bytes(local, "bucket", key, key.encode())
    flaky = FailingStat(local, {"b": [AccessDenied("Access to b is denied.")], "c": [Transient("timed out")]})
    engine = serial_engine(flaky, journal)
    job = engine.submit(download_many("a", "b", "c", "d", folder=tmp_path / "out"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert [item.state for item in snap.items] == [State.DONE, State.FAILED, State.DONE, State.DONE]
    assert snap.items[1].error == "Access to b is denied."
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "c", "d"]


def test_a_failed_sign_in_during_the_lookups_fails_the_job(local: Provider, journal, tmp_path):
    for key in ("a", "b"):
        sending.upload_bytes(local, "bucket", key, key.encode())
    refused = FailingStat(local, {"b": [AuthFailed("The key was refused.")]})
    engine = serial_engine(refused, journal)
    job = engine.submit(download_many("a", "b", folder=tmp_path / "out"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED and "The key was refused." in (snap.error or "")
    assert not (tmp_path / "out").exists()


def test_names_differing_in_case_are_refused_where_disks_ignore_case(monkeypatch, tmp_path):
    spec = download_many("docs/Report.pdf", "old/report.pdf", folder=tmp_path)
    monkeypatch.setattr(sources, "CASE_INSENSITIVE_DISKS", False)
    assert sources.sources_problem(spec) is None  # Linux keeps both files
    monkeypatch.setattr(sources, "CASE_INSENSITIVE_DISKS", True)
    problem = sources.sources_problem(spec) or ""
    assert "docs/Report.pdf and old/report.pdf would both land in" in problem


def test_a_file_chosen_twice_goes_once(local: Provider, journal, tmp_path):
    src = tree(tmp_path / "src", {"photos/a.jpg": b"a", "photos/b.jpg": b"b"})
    engine = serial_engine(local, journal)
    job = engine.submit(upload_many(f"{src / 'photos'}/", src / "photos" / "a.jpg", key="in/"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert [item.key for item in snap.items] == ["in/a.jpg", "in/b.jpg"]  # not in/a.jpg twice
