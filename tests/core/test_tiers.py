"""Storage classes, archive status and tag rules: the parts that need no server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.errors import InvalidStorageClass, InvalidTags, ObjectArchived
from storebrowser.core.tags import AZURE_TAG_RULES, S3_TAG_RULES, apply_tag_edit
from storebrowser.core.tiers import (
    Choice,
    ClassScope,
    StorageClass,
    StorageClasses,
    archived_error,
)

CLASSES = StorageClasses(
    scope=ClassScope.OBJECT,
    classes=(StorageClass("STANDARD", "d", default=True), StorageClass("GLACIER", "a", archive=True)),
    priorities=(Choice("Standard", "s"), Choice("Bulk", "b")),
)


def test_a_class_is_found_in_any_case_and_an_unknown_one_names_those_offered() -> None:
    assert CLASSES.find("glacier").name == "GLACIER"
    assert CLASSES.default() == CLASSES.classes[0]
    with pytest.raises(InvalidStorageClass, match=r"'COLD' is not a storage class .* STANDARD, GLACIER"):
        CLASSES.find("COLD")
    assert CLASSES.priority("bulk") == "Bulk" and CLASSES.priority(None) is None
    with pytest.raises(InvalidStorageClass, match="not a restore priority"):
        CLASSES.priority("Expedited")


def test_archive_classes_are_told_apart() -> None:
    assert CLASSES.is_archive("GLACIER") and CLASSES.is_archive("glacier")
    assert not CLASSES.is_archive("STANDARD") and not CLASSES.is_archive(None)


def test_archive_status_in_words() -> None:
    until = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    restored = ArchiveStatus(ArchiveState.RESTORED, until=until)
    assert restored.describe() == "restored until 2030-01-02 03:04 UTC"
    restoring = ArchiveStatus(ArchiveState.RESTORING, target="Hot", priority="High")
    assert restoring.describe() == "restoring to Hot (High priority)"
    assert ArchiveStatus(ArchiveState.ARCHIVED).to_json()["state"] == "archived"
    assert not restoring.readable and ArchiveStatus(ArchiveState.RESTORED).readable


def test_the_archived_error_offers_the_restore_with_a_pasteable_command() -> None:
    error = archived_error("Reading", container="box", key="a b.txt", storage_class="GLACIER")
    assert isinstance(error, ObjectArchived) and error.storage_class == "GLACIER" and not error.restoring
    assert "storebrowser-cli thaw 'box/a b.txt'" in error.message
    waiting = archived_error("Reading", container="box", key="k", storage_class=None, restoring=True)
    assert waiting.restoring and "under way" in waiting.message


# -- tags -----------------------------------------------------------------------------------


def test_eleven_tags_are_refused_quoting_the_limit() -> None:
    tags = {f"k{n}": "v" for n in range(11)}
    with pytest.raises(InvalidTags, match=r"11 tags.*S3 allows at most 10"):
        S3_TAG_RULES.check(tags)
    with pytest.raises(InvalidTags, match="Azure allows at most 10"):
        AZURE_TAG_RULES.check(tags)


def test_lengths_as_each_service_counts_them() -> None:
    S3_TAG_RULES.check({"k" * 128: "v" * 256, "empty": ""})
    with pytest.raises(InvalidTags, match="129 UTF-16 characters long; S3 takes keys of 1 to 128"):
        S3_TAG_RULES.check({"k" * 129: "v"})
    # S3 counts UTF-16: a character outside the BMP takes two positions.
    with pytest.raises(InvalidTags, match="258 UTF-16 characters long; S3 allows at most 256"):
        S3_TAG_RULES.check({"k": "\U0001d400" * 129})
    with pytest.raises(InvalidTags, match="keys of 1 to 128"):
        AZURE_TAG_RULES.check({"": "v"})
    with pytest.raises(InvalidTags, match="257 characters long; Azure allows at most 256"):
        AZURE_TAG_RULES.check({"k": "v" * 257})


@pytest.mark.parametrize("text", ["Zoë", "日本", "a b", "+-=._:/@", "x1"])
def test_s3_takes_letters_of_any_script_and_its_symbols(text: str) -> None:
    S3_TAG_RULES.check({text: text})


@pytest.mark.parametrize("bad", ["a#b", "semi;colon", "tab\there", "quote'"])
def test_characters_outside_the_rule_are_named(bad: str) -> None:
    with pytest.raises(InvalidTags, match="S3 tags may hold only letters, digits, spaces and"):
        S3_TAG_RULES.check({"k": bad})


def test_azure_takes_ascii_and_its_symbols_only() -> None:
    AZURE_TAG_RULES.check({"Project-1.x/y:z=w_v": "a b+c"})
    with pytest.raises(InvalidTags, match="'ë'"):
        AZURE_TAG_RULES.check({"k": "Zoë"})
    with pytest.raises(InvalidTags, match="'@'"):
        AZURE_TAG_RULES.check({"k": "a@b"})


def test_reserved_aws_prefix() -> None:
    with pytest.raises(InvalidTags, match="'aws:', which S3 keeps for itself"):
        S3_TAG_RULES.check({"aws:cloudformation": "x"})


def test_a_tag_edit_sets_and_unsets() -> None:
    assert apply_tag_edit({"a": "1", "b": "2"}, {"c": "3", "a": "9"}, ["b"]) == {"a": "9", "c": "3"}
