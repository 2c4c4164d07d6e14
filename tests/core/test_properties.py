from __future__ import annotations

import pytest

from storebrowser.core.errors import InvalidMetadata, PreconditionFailed
from storebrowser.core.properties import (
    CONTENT_DISPOSITION,
    CONTENT_TYPE,
    ObjectProperties,
    check_system,
    object_changed,
    same_etag,
)
from storebrowser.core.types import ObjectInfo


@pytest.mark.parametrize(
    "value",
    [
        "text/plain",
        "text/html; charset=utf-8",
        'multipart/form-data; boundary="a b"',
        "application/vnd.x+json;",
    ],
)
def test_well_formed_content_types_pass(value: str) -> None:
    check_system({CONTENT_TYPE: value})


@pytest.mark.parametrize(
    ("system", "rule"),
    [
        ({CONTENT_TYPE: "text"}, "type/subtype"),
        ({CONTENT_TYPE: "text/plain; charset"}, "type/subtype"),
        ({CONTENT_TYPE: "text/plain\r\nSet-Cookie: x"}, "control character"),
        ({CONTENT_DISPOSITION: 'inline; filename="ü"'}, "RFC 6266"),
        ({"cache_control": " max-age=1"}, "blanks"),
        ({"cache_control": "x" * 5000}, "at most 4096"),
        ({"etag": "x"}, "not a system property"),
    ],
)
def test_values_no_header_can_carry_are_refused(system: dict[str, str], rule: str) -> None:
    with pytest.raises(InvalidMetadata, match=rule):
        check_system(system)


def test_none_and_empty_clear_and_pass() -> None:
    check_system({CONTENT_TYPE: None, "cache_control": ""})


def test_properties_keep_only_what_is_set() -> None:
    props = ObjectProperties(
        ObjectInfo("k", etag="e", metadata={"a": "1"}), {CONTENT_TYPE: "text/plain", "cache_control": ""}
    )
    assert dict(props.system) == {CONTENT_TYPE: "text/plain"}
    assert (props.etag, dict(props.metadata)) == ("e", {"a": "1"})


def test_object_changed_says_what_to_do() -> None:
    error = object_changed("c", "k", "old", "new")
    assert isinstance(error, PreconditionFailed) and not error.retryable
    assert str(error) == (
        "'k' changed since it was shown (ETag old, now new); reload it and edit again. Nothing was changed."
    )
    assert same_etag('"abc"', "abc") and not same_etag("abc", None)
