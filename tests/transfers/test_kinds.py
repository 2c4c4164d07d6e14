"""The kinds of transfer job: one class each, specs that survive the journal, and a
journal written before the kinds were classes still loads."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.tags import TagEdit
from storebrowser.transfers.jobs import ConflictPolicy, Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.journal import Journal
from storebrowser.transfers.kinds import _CLASSES, KINDS, Lines, Phrase, kind_of, render
from storebrowser.transfers.kinds.words import FILES, Count
from storebrowser.transfers.progress import ItemSnapshot, JobSnapshot

#: Written by ``Journal`` of main at b19eef3, before the kinds were classes (main at
#: e3e5dbe writes the very same rows): one paused job of every kind; an upload item with
#: its remote upload and a part, a download item with its ETag and a part, a delete batch.
OLD_JOURNAL = Path(__file__).parent / "data" / "journal-main-b19eef3.sqlite3"

#: A value for every JobSpec field a kind may hold, unlike its default.
SAMPLES: dict[str, Any] = {
    "key": "photos/2024/",
    "local": "/home/u/photos",
    "dst_account": "other",
    "dst_container": "box",
    "dst_key": "copies/",
    "keys": ("a.jpg", "b/c.jpg"),
    "conflict": ConflictPolicy.RENAME,
    "content_type": "image/jpeg",
    "metadata": {"owner": "qa"},
    "remove_container": True,
    "edit": MetadataEdit(
        set_user={"owner": "ops"}, remove_user=frozenset({"tmp"}), set_system={"Cache-Control": "no-cache"}
    ),
    "etags": {"a.jpg": '"e1"'},
    "sources": ("a.jpg", "more/"),
    "options": {"tier": "cool", "days": 3},
    "storage_class": "GLACIER",
    "priority": "Expedited",
    "days": 3,
    "tags": TagEdit({"team": "qa"}, ("tmp",)),
    "encryption": "kms:key-1",
    "expire_after": 3600,
    "expire_at": "2030-01-01T00:00:00+00:00",
    "contents_only": True,
}

#: The fields main added to every journaled spec after b19eef3 (tiers, access), at their defaults:
#: main writes them into every row now.
FIELDS_SINCE: dict[str, Any] = {"storage_class": None, "priority": None, "days": None, "tags": None,
                                "encryption": None, "expire_after": None, "expire_at": None}


def test_every_kind_has_exactly_one_class() -> None:
    counts = Counter(cls.kind for cls in _CLASSES)
    assert set(counts) == set(JobKind), set(JobKind) ^ set(counts)
    assert all(count == 1 for count in counts.values()), counts
    assert all(KINDS[kind].kind is kind for kind in JobKind)


def test_what_a_kind_holds_are_fields_of_the_spec() -> None:
    fields = {f.name for f in dataclasses.fields(JobSpec)} - {"kind", "account", "container"}
    assert set(SAMPLES) == fields  # a new field needs a sample here
    for kind in JobKind:
        assert kind_of(kind).holds <= fields, kind



def test_a_kind_has_the_sources_trait_exactly_when_it_holds_sources() -> None:
    for kind in JobKind:
        assert kind.has_sources == ("sources" in kind_of(kind).holds), kind


def test_objects_changed_in_place_are_not_checked_as_landing_anywhere() -> None:
    """Sources of a class change may nest and share names: nothing lands anywhere."""
    sources = ("a/", "a/b.txt", "c/b.txt")
    spec = JobSpec(JobKind.SET_CLASS, "acct", "bucket", sources=sources, storage_class="COOL")
    assert kind_of(JobKind.SET_CLASS).problem(spec) is None


@pytest.mark.parametrize("kind", list(JobKind), ids=lambda kind: kind.value)
def test_a_spec_of_every_kind_round_trips_through_json(kind: JobKind) -> None:
    held = kind_of(kind).holds | {"options"}
    spec = JobSpec(kind, "acct", "bucket", **{name: SAMPLES[name] for name in held})
    assert JobSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec


def test_a_spec_without_options_is_written_as_before() -> None:
    spec = JobSpec(JobKind.UPLOAD_FILE, "acct", "bucket", key="k", local="/f")
    assert "options" not in spec.to_json()
    assert "options" not in Item("j", 0, "k").to_json()


@pytest.mark.parametrize("kind", list(JobKind), ids=lambda kind: kind.value)
def test_every_kind_describes_itself(kind: JobKind) -> None:
    spec = JobSpec(kind, "acct", "bucket", key="photos/", local="/home/u/out", keys=("a",),
                   sources=("a", "b/"))  # fmt: skip
    snap = JobSnapshot("id", kind, State.QUEUED, 0, None, 0.0, None, None, (), spec)
    described = kind_of(kind)
    assert str(described.title(snap)) and str(described.tooltip(spec))
    assert isinstance(described.item_prefix(spec), str)


def _german(text: str, n: int) -> str:
    """Three words of a catalogue; a count chooses its form, as Qt's numerus forms do."""
    if text in ("{n} file", "{n} files"):
        return "{n} Datei" if n == 1 else "{n} Dateien"
    return {"Upload {what} to {place}": "{what} nach {place} hochladen",
            "… and {n} more": "… und {n} weitere"}.get(text, text)  # fmt: skip


def test_words_are_translated_template_by_template() -> None:
    phrase = Phrase("Upload {what} to {place}", what=Count(1234, FILES), place="{n} files/")
    assert str(phrase) == "Upload 1,234 files to {n} files/"
    assert render(phrase, _german) == "1,234 Dateien nach {n} files/ hochladen"
    assert (str(Count(1, FILES)), render(Count(1, FILES), _german)) == ("1 file", "1 Datei")
    lines = Lines(("a", Phrase("… and {n} more", n="3")))
    assert render(Phrase("{x}", x=lines), _german) == "a\n… und 3 weitere"


def test_a_count_is_translated_with_its_number() -> None:
    asked: list[tuple[str, int]] = []

    def translate(text: str, n: int) -> str:
        asked.append((text, n))
        return text

    render(Phrase("Upload {what} to {place}", what=Count(5, FILES), place="p/"), translate)
    assert asked == [("{n} files", 5), ("Upload {what} to {place}", -1)]


def _transfers_messages() -> dict[str, bool]:
    """The "Transfers" words of the German catalogue: source text -> numerus or not."""
    ts = Path(__file__).resolve().parents[2] / "storebrowser" / "ui" / "i18n" / "storebrowser_de.ts"
    context = next(c for c in ET.parse(ts).getroot() if c.findtext("name") == "Transfers")
    return {str(m.findtext("source")): m.get("numerus") == "yes" for m in context.iter("message")}


@pytest.mark.parametrize("kind", list(JobKind), ids=lambda kind: kind.value)
def test_every_template_a_kind_says_is_in_the_catalogues(kind: JobKind) -> None:
    """A template not marked QT_TRANSLATE_NOOP("Transfers", ...) would show in English;
    a count must be a numerus message, or German would say "5 Datei"."""
    messages = _transfers_messages()
    asked: list[tuple[str, int]] = []

    def translate(text: str, n: int) -> str:
        asked.append((text, n))
        return text

    described = kind_of(kind)
    for spec in (
        JobSpec(kind, "acct", "bucket", key="photos/a.jpg", local="/u/a.jpg", keys=("a",), sources=("a",)),
        JobSpec(kind, "", "bucket", key="photos/", local="", keys=("a", "b"), sources=tuple("abcdefghijkl")),
    ):
        for items in ((), (_item("photos/a.jpg"),), (_item("photos/a.jpg"), _item("photos/b.jpg"))):
            snap = JobSnapshot("id", kind, State.QUEUED, 0, None, 0.0, None, None, items, spec)
            render(described.title(snap), translate)
            render(described.tooltip(spec), translate)
    assert asked
    for text, n in asked:
        assert text in messages, f"{text!r} is not in the catalogues (marked for lupdate?)"
        assert messages[text] is (n >= 0), f"{text!r}: numerus in the catalogue unlike its use"


def _item(key: str) -> ItemSnapshot:
    return ItemSnapshot(0, key, "", State.QUEUED, 0, None, None, "")


def _old_journal(tmp_path: Path) -> Path:
    copy = tmp_path / "transfers.sqlite3"
    shutil.copyfile(OLD_JOURNAL, copy)
    return copy


def _spec_rows(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT id, spec FROM jobs").fetchall())


def test_a_journal_written_before_the_kinds_were_classes_loads(tmp_path: Path) -> None:
    path = _old_journal(tmp_path)
    before = _spec_rows(path)
    journal = Journal(path)
    jobs = {job.kind: job for job in journal.load_jobs()}
    newer = {JobKind.SET_CLASS, JobKind.RESTORE_ARCHIVED, JobKind.SET_TAGS, JobKind.SYNC,
             JobKind.RESTORE_AS_OF}  # fmt: skip
    assert set(jobs) == set(JobKind) - newer
    upload = jobs[JobKind.UPLOAD_FILE]
    assert upload.spec == JobSpec(JobKind.UPLOAD_FILE, "acct", "bucket", key="in/", local="/data/big.bin",
                                  conflict=ConflictPolicy.RENAME, content_type="application/x-big",
                                  metadata={"owner": "qa"})  # fmt: skip
    [item] = upload.items
    assert item.state is State.QUEUED and item.upload_state == {"upload_id": "u-1", "key": "in/big.bin",
                                                                "part_size": 8388608}  # fmt: skip
    assert item.parts[1].token == '"p1"' and item.done == 8 * 1024 * 1024 and item.options == {}
    assert jobs[JobKind.DOWNLOAD_OBJECT].items[0].remote_etag == '"abc"|25165824'
    assert jobs[JobKind.DELETE].items[0].keys == ("k/1", "k/2")
    assert jobs[JobKind.SET_PROPERTIES].spec.edit == MetadataEdit(
        set_user={"owner": "ops"}, remove_user=frozenset({"tmp"}), set_system={"Cache-Control": "no-cache"}
    )
    assert jobs[JobKind.DOWNLOAD_MANY].spec.sources == ("a.txt", "photos/")
    journal.close()
    # Written by this code, each spec is the very row the old code wrote, with the fields
    # main added since at their defaults (as main writes it).
    expected = {job_id: json.dumps({**json.loads(row), **FIELDS_SINCE}) for job_id, row in before.items()}
    assert {job.id: json.dumps(job.spec.to_json()) for job in jobs.values()} == expected


def test_options_of_a_kind_survive_the_journal(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "bucket", key="p/", local="/out",
                   options={"tier": "cool"})  # fmt: skip
    job = Job(spec, state=State.PAUSED)
    journal.save_job(job)
    item = Item(job.id, 0, "p/a", "/out/a", 5, options={"version": "v1"})
    journal.add_items(job, [item])
    [loaded] = journal.load_jobs()
    assert loaded.spec == spec and loaded.items[0].options == {"version": "v1"}
