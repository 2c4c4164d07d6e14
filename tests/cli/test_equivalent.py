"""'Copy as Command': every storebrowser-cli line parses with our own parser, the other
tools' lines carry no secret, and a generated line run for real does the job."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from storebrowser.cli.app import build_parser
from storebrowser.core.equivalent import Request
from storebrowser.providers.equivalent import equivalents
from tests.cli.conftest import RunCli

SETTINGS = {
    "s3": {"endpoint_url": "http://127.0.0.1:9000", "region": "us-east-1", "access_key_id": "AKIDEXAMPLE"},
    "azure": {"account_name": "devstoreaccount1", "blob_endpoint": "http://127.0.0.1:10000/devstoreaccount1"},
    "swift": {"auth_url": "http://127.0.0.1:8080/auth/v1.0", "username": "test:tester"},
    "local": {"root": "/srv/files"},
}
ACTIONS = {
    "ls": {},
    "get": {"keys": ("docs/a b.txt",), "local": ("/tmp/out",)},
    "put": {"local": ("/tmp/in/report.pdf",)},
    "rm": {"keys": ("docs/",)},
    "url": {"keys": ("docs/a b.txt",), "options": {"expires": "600"}},
    "restore": {"local": ("/tmp/restore",)},
    "backup": {"local": ("/home/me/photos",), "options": {"name": "photos-%Y.tar.gz"}},
    "mb": {},
    "rb": {},
    "publish": {"local": ("/tmp/site",), "options": {"index": "index.html", "error": "404.html"}},
    "cp": {"keys": ("docs/a b.txt",), "dst_container": "other", "dst_prefix": "copies/"},
}


@pytest.mark.parametrize("kind", sorted(SETTINGS))
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_our_line_parses_and_no_line_holds_a_secret(kind: str, action: str) -> None:
    request = Request(action, "My Account", kind, SETTINGS[kind], container="box", prefix="docs/",
                      **ACTIONS[action])  # type: ignore[arg-type]  # fmt: skip
    lines = equivalents(request)
    ours = shlex.split(lines[0].command)
    assert ours[0] == "storebrowser-cli"
    args = build_parser().parse_args(ours[1:])  # a line our CLI would refuse is a bug
    assert args.command == action and args.account == "My Account"
    for line in lines:  # settings hold no secret; make sure none is invented either
        assert "AKIDEXAMPLE" not in line.command
        assert "secret" not in line.command.lower()


def test_other_tools_lines_read_secrets_from_the_environment() -> None:
    get = dict(keys=("a.txt",), local=("/tmp/out",))
    aws = equivalents(Request("get", "a", "s3", SETTINGS["s3"], container="box", **get))[1]  # type: ignore[arg-type]
    assert aws.command.startswith("aws s3 cp s3://box/a.txt /tmp/out/")
    assert "--endpoint-url http://127.0.0.1:9000" in aws.command and "AWS_SECRET_ACCESS_KEY" in aws.note
    az = equivalents(Request("get", "a", "azure", SETTINGS["azure"], container="box", **get))[1]  # type: ignore[arg-type]
    assert "--account-key $AZURE_STORAGE_KEY" in az.command
    swift = equivalents(Request("get", "a", "swift", SETTINGS["swift"], container="box", **get))[1]  # type: ignore[arg-type]
    assert swift.command.startswith('swift -A http://127.0.0.1:8080/auth/v1.0 -U test:tester -K "$ST_KEY"')


def test_a_generated_line_does_the_job(cli: RunCli, tmp_path: Path) -> None:
    # The default account of a first run is "Local files" under the data folder.
    root = tmp_path / "data" / "StoreBrowser" / "Local files" / "box" / "docs"
    root.mkdir(parents=True)
    (root / "a b.txt").write_bytes(b"hello")
    out = tmp_path / "out"
    request = Request(
        "get", "Local files", "local", {}, container="box", keys=("docs/a b.txt",), local=(str(out),)
    )
    line = shlex.split(equivalents(request)[0].command)
    result = cli(*line[1:])
    assert result.returncode == 0, result.stderr.decode()
    assert (out / "a b.txt").read_bytes() == b"hello"



@pytest.mark.parametrize("key", ["esc\x1b[31mred.txt", "new\nline.txt", "report\u202etxt.exe", "it's\\a\tb"])
def test_a_key_with_control_characters_shows_escaped_and_reaches_the_shell_exactly(key: str) -> None:
    request = Request("get", "a", "local", SETTINGS["local"], container="box", keys=(key,), local=("/tmp/o",))
    line = equivalents(request)[0].command
    assert line.isprintable(), line  # the dialog shows one readable line
    plain = equivalents(Request("get", "a", "local", SETTINGS["local"], container="box", keys=("k",),
                                local=("/tmp/o",)))[0].command  # fmt: skip
    expected = [word.replace("box/k", f"box/{key}") for word in shlex.split(plain)]
    echoed = subprocess.run(["bash", "-c", f"printf '%s\\0' {line}"], capture_output=True, check=True,
                            env={"LANG": "C.UTF-8"})  # fmt: skip
    assert echoed.stdout.decode().split("\0")[:-1] == expected
