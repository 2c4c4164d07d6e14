"""access, cors, lifecycle, expire, sse-key and put --sse, run as a script runs them (and
once at a real terminal), against the Swift all-in-one and moto."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.encryption import new_customer_key
from tests.cli.conftest import CliResult, RunCli, ok
from tests.cli.test_cli_servers import moto  # noqa: F401 - the account fixture (swift: conftest)

GOOD_CORS = {"CORSRules": [{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["*"],
                            "AllowedHeaders": ["*"], "MaxAgeSeconds": 60}]}  # fmt: skip


def _json(result: CliResult) -> Any:
    return json.loads(ok(result))


@pytest.fixture
def box(swift: RunCli, tmp_path: Path) -> str:
    name = f"clitest-{uuid.uuid4().hex[:12]}"
    ok(swift("mb", name))
    page = tmp_path / "page.json"
    page.write_text("{}")
    ok(swift("put", str(page), name))
    return name


def test_access_reports_asks_and_changes_with_the_live_check_agreeing(swift: RunCli, box: str) -> None:
    report = ok(swift("access", box, "--check")).decode()
    assert report.startswith(f"Only people with credentials for this account can list {box}")
    assert "The live answer agrees with the settings." in report

    # A script cannot answer the question: nothing changes, and it says why (exit 1).
    refused = swift("access", box, "public-list")
    assert refused.returncode == 1
    assert "needs a yes at the terminal, or --yes" in refused.stderr.decode()
    assert f"X-Container-Read of {box}: (none) -> .r:*,.rlistings" in refused.stderr.decode()
    assert "the 1 object in" in refused.stderr.decode()
    assert _json(swift("access", box, "--json"))["level"] == "private"

    changed = _json(swift("access", box, "public-list", "--yes", "--check", "--json"))
    assert changed["level"] == "public-list" and changed["change"]["changes"]
    assert [a["allowed"] for a in changed["check"]["answers"]] == [True, True]
    assert changed["check"]["disagreements"] == []
    mine = _json(swift("--json", "access", f"{box}/page.json", "--check"))
    assert mine["read"] is True and mine["check"]["answers"][0]["allowed"] is True

    again = ok(swift("access", box, "public-list")).decode()  # nothing to make public: no question
    assert again.startswith("Already public read and list: nothing to change.")
    ok(swift("access", box, "private"))  # making private asks nothing
    assert _json(swift("access", box, "--json", "--check"))["check"]["answers"][1]["allowed"] is False


def test_access_asks_at_a_real_terminal(swift: RunCli, box: str, cli_env: dict[str, str]) -> None:
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "storebrowser.cli", "--account", "sw", "access", box, "public-read"],
        stdin=secondary, stderr=secondary, stdout=subprocess.PIPE, env=cli_env,
    )  # fmt: skip
    os.close(secondary)
    seen = _read_until(primary, b"Go ahead? [y/N]")
    assert b"This makes readable by anyone, without signing in: the 1 object in" in seen
    os.write(primary, b"y\n")
    out, _ = process.communicate(timeout=120)
    os.close(primary)
    assert process.returncode == 0, seen
    assert out.decode().startswith("Changed.\nAnyone who knows an object's name can read it")


def _read_until(fd: int, marker: bytes) -> bytes:
    seen = b""
    deadline = time.monotonic() + 120
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            seen += os.read(fd, 4096)
    return seen


def test_access_on_a_local_account_says_why_not(cli: RunCli, tmp_path: Path) -> None:
    ok(cli("accounts", "add", "here", "--kind", "local", "--set", f"root={tmp_path}"))
    (tmp_path / "box").mkdir()
    refused = cli("--account", "here", "access", "box")
    assert refused.returncode == 1
    assert "a local folder is served to nobody" in refused.stderr.decode()


def test_cors_set_check_and_clear_on_swift(swift: RunCli, box: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "CORSRules": [\n    {"AllowedMethods": ["GET"]}\n  ]\n}\n')
    refused = swift("cors", box, "--set", str(bad))
    assert refused.returncode == 2
    assert f"{bad} line 3: rule 1 has no AllowedOrigins" in refused.stderr.decode()
    only_get = tmp_path / "get.json"
    only_get.write_text(json.dumps({"CORSRules": [{"AllowedOrigins": ["https://a.example"],
                                                   "AllowedMethods": ["GET"]}]}))  # fmt: skip
    refused = swift("cors", box, "--set", str(only_get))
    assert refused.returncode == 1
    assert "Swift lets an allowed origin use every method" in refused.stderr.decode()

    good = tmp_path / "cors.json"
    good.write_text(json.dumps(GOOD_CORS))
    shown = _json(swift("--json", "cors", box, "--set", str(good), "--check", "https://app.example"))
    assert shown["CORSRules"][0]["AllowedOrigins"] == ["https://app.example"]
    assert shown["check"]["allowed"] is True and shown["check"]["status"] == 200
    other = _json(swift("cors", box, "--check", "https://elsewhere.example", "--json"))
    assert other["check"]["allowed"] is False
    assert "No CORS rules" in ok(swift("cors", box, "--clear")).decode()


def test_lifecycle_and_expire_on_moto(moto: RunCli, tmp_path: Path) -> None:  # noqa: F811
    name = f"clitest-{uuid.uuid4().hex[:12]}"
    ok(moto("mb", name))
    bad = tmp_path / "lc.json"
    bad.write_text('{"Rules": [\n  {"ID": "x", "Status": "Enabled", "Expiration": {"Days": 0}}\n]}')
    refused = moto("lifecycle", name, "--set", str(bad))
    assert refused.returncode == 2
    assert f"{bad} line 2: rule 1 'x': Expiration.Days must be 1 or more" in refused.stderr.decode()
    good = tmp_path / "good.json"
    good.write_text('{"Rules": [{"ID": "logs", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 30}}]}')
    shown = ok(moto("lifecycle", name, "--set", str(good))).decode()
    assert "# objects under 'logs/': deleted after 30 days" in shown
    told = ok(moto("expire", f"{name}/tmp/", "--after", "7d")).decode()
    assert "S3 has no expiry per object: the rule covers every key that starts with 'tmp/'" in told
    rules = _json(moto("lifecycle", name, "--json"))["Rules"]
    assert [rule.get("ID") for rule in rules][:1] == ["logs"] and len(rules) == 2
    asked = moto("expire", f"{name}/tmp/x")
    assert asked.returncode == 1 and "S3 has no expiry per object" in asked.stderr.decode()
    refused = moto("expire", f"{name}/tmp/", "--after", "10m")
    assert refused.returncode == 1 and "whole days" in refused.stderr.decode()
    assert "No lifecycle rules" in ok(moto("lifecycle", name, "--clear")).decode()


def test_expire_on_swift(swift: RunCli, box: str) -> None:
    told = ok(swift("expire", f"{box}/page.json", "--after", "90s")).decode()
    assert f"{box}/page.json expires at " in told and "(in " in told
    bad = swift("expire", f"{box}/page.json", "--after", "7x")
    assert bad.returncode == 2 and "'7x' is not a duration" in bad.stderr.decode()
    zoneless = swift("expire", f"{box}/page.json", "--at", "2031-01-01T00:00:00")
    assert zoneless.returncode == 2 and "no time zone" in zoneless.stderr.decode()
    shown = _json(swift("expire", f"{box}/page.json", "--json"))  # no option: said, not changed
    assert shown["expires"] is not None
    assert "has no expiry now" in ok(swift("expire", f"{box}/page.json", "--never")).decode()
    assert _json(swift("expire", f"{box}/page.json", "--json"))["expires"] is None


def test_put_with_sse_on_moto(moto: RunCli, moto_server, tmp_path: Path) -> None:  # noqa: F811
    from tests.cli.test_cli_servers import _s3

    name = f"clitest-{uuid.uuid4().hex[:12]}"
    ok(moto("mb", name))
    source = tmp_path / "doc.txt"
    source.write_bytes(b"secret document")
    ok(moto("put", str(source), f"{name}/s3.txt", "--sse", "s3"))
    ok(moto("put", str(source), f"{name}/kms.txt", "--sse", "kms:alias/team"))
    head = _s3(moto_server).head_object(Bucket=name, Key="kms.txt")
    assert (head["ServerSideEncryption"], head["SSEKMSKeyId"]) == ("aws:kms", "alias/team")
    assert _s3(moto_server).head_object(Bucket=name, Key="s3.txt")["ServerSideEncryption"] == "AES256"
    assert moto("put", str(source), name, "--sse", "rot13").returncode == 2
    shown = _json(moto("encryption", f"{name}/kms.txt", "--json"))
    assert (shown["object"]["algorithm"], shown["object"]["kms_key_id"]) == ("aws:kms", "alias/team")
    assert shown["default"]["sentence"]  # moto 5 answers SSE-S3 or nothing: either is said
    said = ok(moto("encryption", f"{name}/s3.txt")).decode().splitlines()
    assert said[0].startswith(f"Default of {name}: ")
    assert said[1] == "s3.txt: Encrypted at rest with keys the service manages (SSE-S3, AES-256)."

    no_key = moto("put", str(source), f"{name}/c.txt", "--sse", "c")
    assert no_key.returncode == 1 and "storebrowser-cli sse-key --generate" in no_key.stderr.decode()
    key = new_customer_key()
    kept = ok(moto("sse-key", "--stdin", stdin=key.encode() + b"\n")).decode()
    assert "Kept the SSE-C key of mo in the keyring" in kept and key not in kept
    ignored = moto("put", str(source), f"{name}/c.txt", "--sse", "c")
    assert ignored.returncode == 1  # moto stores it unencrypted and says nothing: told, not hidden
    assert "did not confirm SSE-C" in (ignored.stdout + ignored.stderr).decode()
    assert key.encode() not in ignored.stdout + ignored.stderr


def test_put_with_an_expiry_on_swift_and_refused_on_moto(swift: RunCli, moto: RunCli, box: str,  # noqa: F811
                                                         tmp_path: Path) -> None:  # fmt: skip
    source = tmp_path / "note.txt"
    source.write_bytes(b"gone soon")
    ok(swift("put", str(source), f"{box}/later.txt", "--expire-after", "2w"))
    later = _json(swift("expire", f"{box}/later.txt", "--json"))["expires"]
    assert later is not None  # X-Delete-After, by the server's clock
    ok(swift("put", str(source), f"{box}/dated.txt", "--expire-at", "2031-01-31T18:00:00+01:00"))
    assert _json(swift("expire", f"{box}/dated.txt", "--json"))["expires"] == "2031-01-31T17:00:00+00:00"
    bad = swift("put", str(source), box, "--expire-after", "soon")
    assert bad.returncode == 2 and "--expire-after: 'soon' is not a duration" in bad.stderr.decode()

    ok(moto("mb", box))
    refused = moto("put", str(source), f"{box}/x.txt", "--expire-after", "7d")
    assert refused.returncode == 1 and "S3 has no expiry per object" in refused.stderr.decode()
    assert ok(moto("ls", box)).strip() == b""  # refused before anything was sent


def test_a_hostile_key_is_escaped_by_access_and_encryption(swift: RunCli, box: str, tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_bytes(b"x")
    key = "red\x1b[31m\u202etxt.exe"
    ok(swift("put", str(source), f"{box}/{key}"))
    said = ok(swift("access", f"{box}/{key}")).decode()
    assert "red\\x1b[31m\\u202etxt.exe" in said and "\x1b" not in said and "\u202e" not in said
    said = ok(swift("encryption", f"{box}/{key}")).decode()
    assert "red\\x1b[31m\\u202etxt.exe: " in said and "\x1b" not in said
    assert _json(swift("access", f"{box}/{key}", "--json"))["key"] == key  # --json stays exact
