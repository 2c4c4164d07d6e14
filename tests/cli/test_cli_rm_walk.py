"""``rm -r`` lists the folder on the partitioned walk: exactly the keys below it go, on a
server, including keys that sort between the walk's parts, and none beside it."""

from __future__ import annotations

import io

import pytest

from storebrowser.core.listing import iter_objects
from tests.cli.conftest import RunCli
from tests.cli.sync_support import add_account, ok, provider_of, settings_of
from tests.providers.conftest import unique_container_name

#: Keys around the walk's split points (first folder level, and the keys that sort
#: between folders and beside them: "d/a", "d/a!", "d/a/", "d/a0", "d/b", "d0").
INSIDE = ["d/a", "d/a!", "d/a/x", "d/a/y/z", "d/a0", "d/b/c", "d/é", "d/ z", "d/%2F", "d/"]
BESIDE = ["d0", "d!x", "c/d/x", "e/d/x", "dd/x"]


@pytest.mark.parametrize("backend", ["swift", "s3_swift"])
def test_rm_recursive_removes_exactly_the_folder(
    cli: RunCli, backend: str, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    provider = provider_of(backend, request)
    container = unique_container_name()
    ok(run("mb", container))
    for key in INSIDE + BESIDE:
        provider.put_object(container, key, io.BytesIO(key.encode()), size=len(key.encode()))
    ok(run("rm", "-r", f"{container}/d/"))
    left = sorted(info.key for info in iter_objects(provider, container))
    assert left == sorted(BESIDE)
