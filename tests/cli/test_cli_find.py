"""storebrowser-cli find and du on Swift, against a reference computed from what we put
there; bad input refused with one line before any request."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.cli.conftest import RunCli, ok
from tests.find.test_find_servers import KEYS, MARKERS

ALL = {**KEYS, **MARKERS}


@pytest.fixture
def filled(swift_provider: Provider) -> Iterator[str]:
    name = f"sbtest-{uuid.uuid4().hex[:16]}"
    swift_provider.create_container(name)
    for key, (size, content_type) in ALL.items():
        sending.upload_bytes(swift_provider, name, key, b"x" * size, content_type=content_type)
    yield name
    with contextlib.suppress(NotFound):
        swift_provider.delete_container(name, force=True)


def _lines(output: bytes) -> list[str]:
    return output.decode().splitlines()


def test_find_prints_each_match_and_json_lines(swift: RunCli, filled: str) -> None:
    text = _lines(ok(swift("find", filled, "--name", "*.PNG", "--min-size", "200")))
    assert sorted(line.split()[-1] for line in text) == ["b+/5.png", "b-/6.png", "b/2.png", "b/3.png",
                                                          "b/sub/4.png"]  # fmt: skip
    as_json = [json.loads(line) for line in _lines(ok(swift("find", filled, "--contains", "ÇØ", "--json")))]
    assert [row["key"] for row in as_json] == ["ünï/çødé.psd"]
    assert as_json[0]["size"] == 3000 and as_json[0]["content_type"] == "image/vnd.adobe.photoshop"
    assert set(as_json[0]) >= {"key", "size", "modified", "etag", "storage_class"}
    # The global --json gives the same; one connection lists in key order.
    ordered = [
        json.loads(line)["key"] for line in _lines(ok(swift("--json", "find", filled, "--connections", "1")))
    ]
    assert ordered == sorted(ALL)
    below = _lines(ok(swift("find", f"{filled}/b/", "--regex", r"[24]\.png$", "--type", "image/png")))
    assert sorted(line.split()[-1] for line in below) == ["b/2.png", "b/sub/4.png"]


def test_du_sums_by_folder_and_class(swift: RunCli, filled: str) -> None:
    value = json.loads(ok(swift("du", filled, "--by-class", "--json")))
    assert value["objects"] == len(ALL) and value["bytes"] == sum(size for size, _ in ALL.values())
    assert value["complete"] is True
    assert value["by_folder"]["b/"] == {
        "objects": 5, "bytes": sum(size for key, (size, _) in ALL.items() if key.startswith("b/"))
    }  # fmt: skip
    assert value["by_folder"][""]["objects"] == 3  # a.b, a0, top.txt and nothing else at the top
    assert value["by_class"] == {"": {"objects": len(ALL), "bytes": value["bytes"]}}  # Swift names none
    deeper = json.loads(ok(swift("du", f"{filled}/b/", "--depth", "2", "--json")))
    assert set(deeper["by_folder"]) == {"", "sub/"}
    text = _lines(ok(swift("du", filled)))
    assert text[-1].split()[-2:] == ["total", filled] and "b/" in "\n".join(text)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--min-size", "10XB"), "bad size '10XB'"),
        (("--regex", "("), "bad regular expression '('"),
        (("--newer", "last week"), "bad date 'last week'"),
        (("--connections", "0"), "--connections must be"),
    ],
)
def test_bad_input_is_refused_in_one_line_before_any_request(
    cli: RunCli, args: tuple[str, ...], says: str
) -> None:
    # The account named does not even exist: the criteria are checked first.
    result = cli("--account", "nobody", "find", "c", *args)
    assert result.returncode == 2
    message = [line for line in result.stderr.decode().splitlines() if "error:" in line]
    assert len(message) == 1 and says in message[0], result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_du_of_a_missing_container_fails_with_one_line(swift: RunCli) -> None:
    result = swift("du", "sbtest-there-is-no-such-container")
    assert result.returncode == 1 and "Traceback" not in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_a_place_is_a_folder_unless_prefix_is_asked(swift: RunCli, filled: str) -> None:
    folder = _lines(ok(swift("find", f"{filled}/b", "--name", "*.png")))
    assert sorted(line.split()[-1] for line in folder) == ["b/1.png", "b/2.png", "b/3.png", "b/sub/4.png"]
    keys = _lines(ok(swift("find", f"{filled}/b", "--prefix", "--name", "*.png")))
    assert {"b+/5.png", "b-/6.png"} <= {line.split()[-1] for line in keys}
    refused = swift("du", f"{filled}/top.txt")
    assert refused.returncode == 1 and "is an object, not a folder" in refused.stderr.decode()


def test_names_are_shown_escaped_and_exact_in_json(
    swift: RunCli, swift_provider: Provider, filled: str
) -> None:
    key = "bidi/report\u202etxt.exe"
    sending.upload_bytes(swift_provider, filled, key, b"x")
    text = ok(swift("find", f"{filled}/bidi/")).decode()
    assert "report\\u202etxt.exe" in text and "\u202e" not in text
    [row] = [json.loads(line) for line in _lines(ok(swift("find", f"{filled}/bidi/", "--json")))]
    assert row["key"] == key
