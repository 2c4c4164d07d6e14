"""class, thaw, tags, classes, put --class, mb --class and the class and archive status in
ls/meta, as a script runs them, against moto, Azurite and the Swift all-in-one (two
storage policies). What the servers hold is read back with their SDKs directly."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import CliResult, RunCli
from tests.cli.test_cli_servers import _s3, moto  # noqa: F401 - fixtures
from tests.servers.azurite import AzuriteServer
from tests.servers.moto_s3 import MotoServer

AZURE_KEY_ENV = "SB_TEST_AZURE_KEY"


def _ok(result: CliResult) -> Any:
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    return json.loads(out) if out.startswith(("{", "[")) else out


def _refused(result: CliResult, code: int, text: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == code, (result.returncode, err)
    assert text in err and "Traceback" not in err, err


def _bucket(moto_server: MotoServer) -> tuple[Any, str]:
    sdk = _s3(moto_server)
    name = f"clitiers-{uuid.uuid4().hex[:12]}"
    sdk.create_bucket(Bucket=name)
    return sdk, name


@pytest.fixture
def azure(cli: RunCli, azurite_server: AzuriteServer) -> RunCli:
    add = cli("accounts", "add", "az", "--kind", "azure",
              "--set", f"account_name={azurite_server.account_name}",
              "--set", f"blob_endpoint={azurite_server.blob_endpoint}",
              "--secret-env", f"account_key={AZURE_KEY_ENV}", "--secrets-in-file",
              env={AZURE_KEY_ENV: azurite_server.account_key})  # fmt: skip
    assert add.returncode == 0, add.stderr.decode()

    def run(*args: str, **kwargs: object) -> CliResult:
        return cli("--account", "az", *args, **kwargs)  # type: ignore[arg-type]

    return run


# -- S3 (moto) -----------------------------------------------------------------------------------


def test_put_in_a_class_and_the_status_in_ls_and_meta(
    moto: RunCli, moto_server: MotoServer, tmp_path: Path  # noqa: F811
) -> None:
    sdk, name = _bucket(moto_server)
    (tmp_path / "small.txt").write_text("cold")
    (tmp_path / "big.bin").write_bytes(os.urandom(11 * 1024 * 1024))
    _ok(moto("put", str(tmp_path / "small.txt"), f"{name}/", "--class", "glacier"))
    _ok(moto("--part-size", "5", "put", str(tmp_path / "big.bin"), f"{name}/", "--class", "STANDARD_IA"))
    assert sdk.head_object(Bucket=name, Key="small.txt")["StorageClass"] == "GLACIER"
    big = sdk.head_object(Bucket=name, Key="big.bin")
    assert big["StorageClass"] == "STANDARD_IA" and big["ETag"].strip('"').endswith("-3")
    listed = {e["key"]: e for e in _ok(moto("--json", "ls", name))}
    assert listed["small.txt"]["storage_class"] == "GLACIER"
    assert listed["big.bin"]["storage_class"] == "STANDARD_IA"
    meta = _ok(moto("--json", "meta", "get", f"{name}/small.txt"))
    assert meta["storage_class"] == "GLACIER" and meta["archive"]["state"] == "archived"
    text = _ok(moto("meta", "get", f"{name}/small.txt"))
    assert "storage-class: GLACIER" in text and "archive: archived" in text
    _refused(moto("cat", f"{name}/small.txt"), 1, f"must be restored before it can be read or copied: use "
             f"Restore from Archive… (or `storebrowser-cli thaw {name}/small.txt`)")  # fmt: skip
    download = moto("get", f"{name}/small.txt", str(tmp_path / "out"))
    assert download.returncode == 1 and b"is archived (in GLACIER)" in download.stdout + download.stderr
    assert not (tmp_path / "out" / "small.txt").exists()  # (its empty .part stays for a retry)
    _refused(moto("put", str(tmp_path / "small.txt"), f"{name}/x", "--class", "COLDEST"), 2,
             "'COLDEST' is not a storage class this service offers")  # fmt: skip


def test_thaw_then_read_and_what_is_refused(moto: RunCli, moto_server: MotoServer) -> None:  # noqa: F811
    sdk, name = _bucket(moto_server)
    sdk.put_object(Bucket=name, Key="old/a.log", Body=b"a", StorageClass="GLACIER")
    sdk.put_object(Bucket=name, Key="old/b.log", Body=b"b", StorageClass="STANDARD")
    _refused(moto("thaw", f"{name}/old/a.log", "--days", "0"), 2, "1 day at least")
    _refused(moto("thaw", f"{name}/old/a.log", "--to", "STANDARD"), 2, "--to is for Azure")
    _refused(moto("thaw", f"{name}/old/a.log", "--priority", "Fast"), 2, "not a restore priority")
    not_archived = _ok(moto("thaw", f"{name}/old/b.log"))  # said, and left alone
    assert f"done {name}/old/b.log: not archived: it can be read as it is" in not_archived
    assert "Restore" not in sdk.head_object(Bucket=name, Key="old/b.log")
    assert "Restore" not in sdk.head_object(Bucket=name, Key="old/a.log")  # nothing asked above
    report = _ok(moto("--json", "thaw", "-r", f"{name}/old/", "--days", "2", "--priority", "bulk"))
    results = {item["object"]: item for item in report["items"]}
    assert list(results) == [f"{name}/old/a.log"] and report["failed"] == {}  # b.log: not archived
    assert results[f"{name}/old/a.log"]["result"] == "done"
    assert results[f"{name}/old/a.log"]["note"].startswith("restored until")  # moto restores at once
    assert 'ongoing-request="false"' in sdk.head_object(Bucket=name, Key="old/a.log")["Restore"]
    assert moto("cat", f"{name}/old/a.log").stdout == b"a"
    assert "restored until" in _ok(moto("meta", "get", f"{name}/old/a.log"))


def test_class_runs_as_a_job_and_lists_the_failures_by_object(
    moto: RunCli, moto_server: MotoServer  # noqa: F811
) -> None:
    sdk, name = _bucket(moto_server)
    for key in ("a.txt", "logs/1", "logs/2"):
        sdk.put_object(Bucket=name, Key=key, Body=key.encode(), Metadata={"owner": "qa"},
                       ContentType="text/x-a", Tagging="keep=yes")  # fmt: skip
    stamp = sdk.head_object(Bucket=name, Key="a.txt")["LastModified"]
    _refused(moto("class", f"{name}/a.txt", "COLDEST"), 2, "'COLDEST' is not a storage class")
    _refused(moto("class", f"{name}/a.txt", "GLACIER", "--priority", "High"), 2, "S3 restores with `thaw`")
    assert sdk.head_object(Bucket=name, Key="a.txt")["LastModified"] == stamp  # nothing was sent
    result = moto("class", f"{name}/a.txt", f"{name}/missing", "standard_ia", "--json")
    _refused(result, 1, "1 of 2 objects failed")
    report = json.loads(result.stdout)
    assert [item["result"] for item in report["items"]] == ["done", "failed"]
    assert report["items"][0]["note"] == "now in STANDARD_IA"
    assert list(report["failed"]) == [f"{name}/missing"] and len(report["kept_jobs"]) == 1
    assert "`storebrowser-cli jobs resume` retries them" in result.stderr.decode()
    assert "no object 'missing'" in report["failed"][f"{name}/missing"]
    head = sdk.head_object(Bucket=name, Key="a.txt")
    assert head["StorageClass"] == "STANDARD_IA" and head["Metadata"] == {"owner": "qa"}
    assert head["ContentType"] == "text/x-a"
    assert sdk.get_object_tagging(Bucket=name, Key="a.txt")["TagSet"] == [{"Key": "keep", "Value": "yes"}]
    text = _ok(moto("class", "-r", f"{name}/logs/", "GLACIER_IR"))
    assert all(f"done {name}/logs/{n}: now in GLACIER_IR" in text for n in (1, 2))
    again = _ok(moto("class", f"{name}/logs/1", "GLACIER_IR"))
    assert f"done {name}/logs/1: already in GLACIER_IR" in again
    # The failure kept in the journal: once the object is there, `jobs resume` retries it alone.
    sdk.put_object(Bucket=name, Key="missing", Body=b"m")
    resumed = _ok(moto("--json", "jobs", "resume"))
    assert resumed["failed"] == {} and resumed["done"] == resumed["items"] == 2
    assert sdk.head_object(Bucket=name, Key="missing")["StorageClass"] == "STANDARD_IA"
    assert sdk.head_object(Bucket=name, Key="a.txt")["LastModified"] == head["LastModified"]  # not again


def test_tags_show_set_and_unset(moto: RunCli, moto_server: MotoServer) -> None:  # noqa: F811
    sdk, name = _bucket(moto_server)
    sdk.put_object(Bucket=name, Key="t", Body=b"t")
    place = f"{name}/t"
    assert _ok(moto("--json", "tags", place)) == {"object": place, "tags": {}}
    _ok(moto("tags", place, "set", "team=data", "stage=raw 1"))
    assert _ok(moto("tags", place)) == "stage=raw 1\nteam=data\n"
    _ok(moto("tags", place, "unset", "stage"))
    assert sdk.get_object_tagging(Bucket=name, Key="t")["TagSet"] == [{"Key": "team", "Value": "data"}]
    _refused(moto("tags", place, "set", "bad#key=x"), 2, "S3 tags may hold only letters")
    many = [f"k{n}=v" for n in range(10)]
    _refused(moto("tags", place, "set", *many), 2, "11 tags of 't': S3 allows at most 10")
    _refused(moto("tags", place, "unset", "nope"), 2, "not among the tags")
    assert sdk.get_object_tagging(Bucket=name, Key="t")["TagSet"] == [{"Key": "team", "Value": "data"}]


def test_tags_of_a_prefix_as_one_job(moto: RunCli, moto_server: MotoServer) -> None:  # noqa: F811
    sdk, name = _bucket(moto_server)
    sdk.put_object(Bucket=name, Key="p/a", Body=b"a", Tagging="keep=1&tmp=x")
    sdk.put_object(Bucket=name, Key="p/b", Body=b"b")
    sdk.put_object(Bucket=name, Key="other", Body=b"o")
    _refused(moto("tags", f"{name}/p/", "set", "bad#=x", "-r"), 2, "S3 tags may hold only letters")
    _refused(moto("tags", "set", "a=b"), 2, "name the objects first")
    report = _ok(moto("--json", "tags", "-r", f"{name}/p", "set", "team=data"))
    assert [item["object"] for item in report["items"]] == [f"{name}/p/a", f"{name}/p/b"]
    assert report["failed"] == {} and report["kept_jobs"] == []
    _ok(moto("tags", "-r", f"{name}/p/", "unset", "tmp"))
    shown = _ok(moto("--json", "tags", f"{name}/p/a", f"{name}/p/b", f"{name}/other"))
    assert shown == [
        {"object": f"{name}/p/a", "tags": {"keep": "1", "team": "data"}},
        {"object": f"{name}/p/b", "tags": {"team": "data"}},
        {"object": f"{name}/other", "tags": {}},
    ]


# -- Swift ---------------------------------------------------------------------------------------


def test_swift_policies_per_container(swift: RunCli, tmp_path: Path) -> None:
    listing = _ok(swift("--json", "classes"))
    assert listing["scope"] == "container" and [c["name"] for c in listing["classes"]] == ["gold", "silver"]
    name = f"clitiers-{uuid.uuid4().hex[:12]}"
    _ok(swift("mb", name, "--class", "silver"))
    assert _ok(swift("--json", "classes", name))["container"] == {"name": name, "class": "silver"}
    _refused(swift("mb", f"{name}-x", "--class", "bronze"), 2, "'bronze' is not a storage policy")
    (tmp_path / "f.txt").write_text("f")
    _ok(swift("put", str(tmp_path / "f.txt"), f"{name}/"))
    _refused(swift("put", str(tmp_path / "f.txt"), f"{name}/", "--class", "gold"), 1,
             "copy them into a container of that policy")  # fmt: skip
    _refused(swift("class", f"{name}/f.txt", "gold"), 1, "copy them into a container of that policy")
    _refused(swift("tags", f"{name}/f.txt"), 1, "Swift has no object tags; use metadata instead.")
    _refused(swift("thaw", f"{name}/f.txt"), 1, "Swift at")


# -- Azure (Azurite) -----------------------------------------------------------------------------


def test_azure_tiers_archive_and_rehydration(
    azure: RunCli, azurite_server: AzuriteServer, tmp_path: Path
) -> None:
    from azure.storage.blob import BlobServiceClient

    sdk = BlobServiceClient.from_connection_string(azurite_server.connection_string)
    name = f"clitiers-{uuid.uuid4().hex[:12]}"
    _ok(azure("mb", name))
    (tmp_path / "r.csv").write_text("a,b")
    _ok(azure("put", str(tmp_path / "r.csv"), f"{name}/", "--class", "cool", "--meta", "owner=qa"))
    blob = sdk.get_blob_client(name, "r.csv")
    assert blob.get_blob_properties().blob_tier == "Cool"
    _ok(azure("tags", f"{name}/r.csv", "set", "project=apollo"))
    _ok(azure("class", f"{name}/r.csv", "Archive"))
    assert _ok(azure("--json", "ls", name))[0]["archive"]["state"] == "archived"  # Azure listings know
    _refused(azure("cat", f"{name}/r.csv"), 1, "is archived (in Archive)")
    _refused(azure("thaw", f"{name}/r.csv", "--days", "3"), 2, "--days is for S3")
    _refused(azure("thaw", f"{name}/r.csv", "--to", "Archive"), 2, "--to Archive: choose one of Hot, Cool")
    report = _ok(azure("--json", "thaw", f"{name}/r.csv", "--priority", "high", "--to", "Cold"))
    assert report["items"][0]["note"] == "readable now (Cold)"  # Azurite: no rehydration time
    props = blob.get_blob_properties()
    # The metadata asked, and the file's modification time (rclone's key) the upload keeps.
    asked = {k: v for k, v in props.metadata.items() if k != "mtime"}
    assert props.blob_tier == "Cold" and asked == {"owner": "qa"} and "mtime" in props.metadata
    assert blob.get_blob_tags() == {"project": "apollo"}
    assert azure("cat", f"{name}/r.csv").stdout == b"a,b"
    _refused(azure("tags", f"{name}/r.csv", "set", "name=Zoë"), 2, "Azure tags may hold only ASCII")


def test_ls_and_the_archive_status_column_say_the_same(
    moto: RunCli, moto_server: MotoServer, request: pytest.FixtureRequest  # noqa: F811
) -> None:
    """``ls --json`` and the object table's Archive status column come from one listing:
    each archived object is "archived" in both (moto lists no restore status, so a
    restored GLACIER object stays "archived" there; only ``meta get`` knows more)."""
    from storebrowser.table.columns import ObjectColumns
    from storebrowser.table.packing import pack
    from tests.providers.backends import open_counted

    sdk, name = _bucket(moto_server)
    for key, storage_class in (("a-cold", "GLACIER"), ("b-deep", "DEEP_ARCHIVE"), ("c-warm", "STANDARD")):
        sdk.put_object(Bucket=name, Key=key, Body=b"x", StorageClass=storage_class)
    _ok(moto("thaw", f"{name}/b-deep"))  # moto restores at once
    listed = {entry["key"]: entry["archive"] for entry in _ok(moto("--json", "ls", name))}
    assert listed["a-cold"]["state"] == "archived" and listed["c-warm"] is None
    assert listed["b-deep"]["state"] == "archived"  # the listing alone: no restore status on moto
    assert "restored until" in _ok(moto("meta", "get", f"{name}/b-deep"))
    with open_counted("s3_moto", request) as counted:
        columns = ObjectColumns("")
        entries = counted.provider.list_page(name, "", "/").entries
        columns.append(pack(entries, "", columns.types, columns.classes))
    in_table = {}
    for row in range(len(columns)):
        status = columns.archive(row)
        in_table[columns.key(row)] = status.to_json() if status else None
    assert in_table == listed
