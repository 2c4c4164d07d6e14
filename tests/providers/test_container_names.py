from __future__ import annotations

import pytest

from storebrowser.core.errors import InvalidName
from storebrowser.providers.registry import get_kind

VALID = {
    "s3": ["abc", "my.bucket-1", "a" * 63],
    "azure": ["abc", "my-container-1", "$web", "$logs"],
    "swift": ["a", "My Container", "ünï", "x" * 256],
    "local": ["a", "My Folder", "ünï"],
}
INVALID = {
    "s3": [
        ("ab", "3-63"),
        ("Upper", "lowercase"),
        ("a..b", "two dots"),
        ("192.168.5.4", "IP"),
        ("-ab", "start and end"),
        ("xn--abc", "reserve"),
    ],
    "azure": [("ab", "3-63"), ("a--b", "hyphen"), ("Upper", "lowercase"), ("a_b", "lowercase")],
    "swift": [
        ("a/b", "may not contain '/'"),
        ("", "empty"),
        ("x" * 257, "256 bytes"),
        (".", "may not be '.' or '..'"),
        ("..", "may not be '.' or '..'"),
    ],
    "local": [("a/b", "'/'"), ("..", "'..'"), ("", "empty")],
}


@pytest.mark.parametrize(("kind", "name"), [(k, n) for k, names in VALID.items() for n in names])
def test_valid_names_pass(kind: str, name: str) -> None:
    get_kind(kind).check_container_name(name)


@pytest.mark.parametrize(
    ("kind", "name", "rule"), [(k, n, r) for k, cases in INVALID.items() for n, r in cases]
)
def test_invalid_names_quote_the_rule(kind: str, name: str, rule: str) -> None:
    with pytest.raises(InvalidName, match="not a valid container name") as caught:
        get_kind(kind).check_container_name(name)
    assert rule in str(caught.value)
