"""The edit cache and its record, without a server: hostile names stay inside the cache,
an object too large for the disk is refused before anything is fetched, the record
survives a restart, and cleaning never throws away a copy that may hold changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storebrowser.core.errors import InvalidName
from storebrowser.editing.cache import EditCache, NotEnoughSpace, folder_name
from storebrowser.editing.cleanup import clean_stale, still_cached
from storebrowser.editing.session import plan_open
from storebrowser.editing.state import EditState, OpenedFile, OpenedFiles, file_sha256
from storebrowser.providers.registry import open_provider


@pytest.mark.parametrize("key", ["../../etc/passwd", "/abs", "a/../../b", "C:/x", "a\\b", "a//b"])
def test_a_hostile_key_is_refused_inside_the_cache(tmp_path: Path, key: str) -> None:
    cache = EditCache(tmp_path / "cache")
    with pytest.raises(InvalidName):
        cache.local_path("acc", "box", key)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("name", ["..", ".", "a/b", "../up", "x\\y", "ok"])
def test_account_and_container_names_are_one_folder_each(tmp_path: Path, name: str) -> None:
    cache = EditCache(tmp_path / "cache")
    path = cache.local_path(name, name, "k.txt")
    assert path.parent.parent.parent == (tmp_path / "cache").resolve()
    assert path.parent.name == folder_name(name) and "/" not in folder_name(name)


def test_an_object_larger_than_the_free_space_is_refused_before_download(tmp_path: Path) -> None:
    root = tmp_path / "store"
    (root / "box").mkdir(parents=True)
    (root / "box" / "big.bin").write_bytes(b"x" * 1000)
    provider = open_provider("local", {"root": str(root)})
    cache = EditCache(tmp_path / "cache", free_space=lambda _: 999)
    with pytest.raises(NotEnoughSpace, match="1,000 bytes"):
        plan_open(provider, cache, OpenedFiles(tmp_path / "o.json"), "loc", "box", "big.bin")
    ok = EditCache(tmp_path / "cache", free_space=lambda _: 1000)
    assert plan_open(provider, ok, OpenedFiles(tmp_path / "o.json"), "loc", "box", "big.bin").size == 1000


def _record(tmp_path: Path, name: str, state: EditState, days_ago: int) -> OpenedFile:
    path = tmp_path / name
    path.write_bytes(b"content")
    opened_at = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    return OpenedFile("a", "c", name, str(path), "etag", 7, file_sha256(path), {"m": "v"}, {},
                      opened_at=opened_at, state=state)  # fmt: skip


def test_the_record_survives_a_restart(tmp_path: Path) -> None:
    record = _record(tmp_path, "one.txt", EditState.CONFLICT, 0)
    OpenedFiles(tmp_path / "opened.json").put(record)
    assert OpenedFiles(tmp_path / "opened.json").all() == [record]


def test_cleaning_keeps_what_may_hold_changes(tmp_path: Path) -> None:
    store = OpenedFiles(tmp_path / "opened.json")
    old_clean = _record(tmp_path, "old.txt", EditState.UPLOADED, 20)
    recent = _record(tmp_path, "recent.txt", EditState.OPEN, 2)
    conflict = _record(tmp_path, "conflict.txt", EditState.CONFLICT, 40)
    edited = _record(tmp_path, "edited.txt", EditState.OPEN, 40)
    Path(edited.local).write_bytes(b"changed, not uploaded")
    for record in (old_clean, recent, conflict, edited):
        store.put(record)
    assert clean_stale(store, days=14) == [old_clean.local]
    assert not Path(old_clean.local).exists()
    assert {r.key for r in store.all()} == {"recent.txt", "conflict.txt", "edited.txt"}
    Path(recent.local).unlink()
    assert {r.key for r in still_cached(store)} == {"conflict.txt", "edited.txt"}


def test_a_failed_upload_back_keeps_the_copy_and_says_where(tmp_path: Path) -> None:
    import shutil

    from storebrowser.editing.session import Outcome, check_back, finish_open

    root = tmp_path / "store"
    (root / "box").mkdir(parents=True)
    (root / "box" / "doc.txt").write_bytes(b"one")
    provider = open_provider("local", {"root": str(root)})
    cache = EditCache(tmp_path / "cache")
    store = OpenedFiles(cache.state_path)
    plan = plan_open(provider, cache, store, "loc", "box", "doc.txt")
    shutil.copyfile(root / "box" / "doc.txt", plan.local)  # as the engine's download would
    opened = finish_open(provider, plan, store)
    assert check_back(provider, store, opened).outcome is Outcome.UNCHANGED
    plan.local.write_bytes(b"two")
    shutil.rmtree(root / "box")  # the container is gone: the upload back cannot work
    checked = check_back(provider, store, opened)
    assert checked.outcome is Outcome.FAILED
    assert f"kept at {plan.local}" in checked.message
    assert plan.local.read_bytes() == b"two"
    assert store.get(str(plan.local)) == checked.opened  # listed for the next start


def test_opening_again_never_downloads_over_unsaved_work(tmp_path: Path) -> None:
    import shutil

    from storebrowser.editing.session import CopyHoldsChanges, finish_open

    root = tmp_path / "store"
    (root / "box").mkdir(parents=True)
    (root / "box" / "doc.txt").write_bytes(b"one")
    provider = open_provider("local", {"root": str(root)})
    cache = EditCache(tmp_path / "cache")
    store = OpenedFiles(cache.state_path)
    plan = plan_open(provider, cache, store, "loc", "box", "doc.txt")
    shutil.copyfile(root / "box" / "doc.txt", plan.local)
    finish_open(provider, plan, store)
    plan_open(provider, cache, store, "loc", "box", "doc.txt")  # unchanged: fine to fetch again
    plan.local.write_bytes(b"my work")
    with pytest.raises(CopyHoldsChanges, match="holds changes"):
        plan_open(provider, cache, store, "loc", "box", "doc.txt")
    assert plan.local.read_bytes() == b"my work"


def test_stop_watching_lets_a_clean_copy_go_and_keeps_one_with_changes(tmp_path: Path) -> None:
    from storebrowser.editing.cleanup import let_go

    store = OpenedFiles(tmp_path / "opened.json")
    clean = _record(tmp_path, "clean.txt", EditState.OPEN, 0)
    edited = _record(tmp_path, "edited.txt", EditState.OPEN, 0)
    Path(edited.local).write_bytes(b"not uploaded yet")
    store.put(clean)
    store.put(edited)
    assert let_go(store, clean.local) is True and not Path(clean.local).exists()
    assert let_go(store, edited.local) is False and Path(edited.local).read_bytes() == b"not uploaded yet"
    assert [r.key for r in store.all()] == ["edited.txt"]
