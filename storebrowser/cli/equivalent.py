"""The command line that does what the window just did ("Copy as Command").

Always the ``storebrowser-cli`` line; where it is simple, the provider's own tool too
(``aws s3``, ``az storage blob``, ``swift``). Secrets never appear: the other tools'
lines read them from the environment variables those tools document.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Request:
    """One action on one account. ``keys`` are object keys (a folder ends with ``/``);
    ``local`` is a folder (get, restore, backup, publish) or files (put)."""

    action: str  # ls, get, put, rm, url, restore, backup, mb, rb, publish, cp
    account: str
    kind: str
    settings: Mapping[str, Any]
    container: str = ""
    prefix: str = ""
    keys: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    dst_container: str = ""
    dst_prefix: str = ""
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Equivalent:
    tool: str  # "storebrowser-cli", "aws", "az", "swift"
    command: str
    note: str = ""


def _q(parts: Sequence[str]) -> str:
    return " ".join(shlex.quote(p) for p in parts)


def equivalents(request: Request) -> list[Equivalent]:
    lines = [Equivalent("storebrowser-cli", _ours(request))]
    other = {"s3": _aws, "azure": _az, "swift": _swift}.get(request.kind)
    if other is not None:
        line = other(request)
        if line is not None:
            lines.append(line)
    return lines


def _ours(r: Request) -> str:
    base = ["storebrowser-cli", "--account", r.account]
    place = f"{r.container}/{r.prefix}" if r.container else ""
    objects = [f"{r.container}/{key}" for key in r.keys]
    folder = r.local[0] if r.local else "."
    recursive = ["--recursive"] if any(k.endswith("/") for k in r.keys) else []
    build: dict[str, list[str]] = {
        "ls": ["ls", *([place] if place else [])],
        "get": ["get", *objects, folder],
        "put": ["put", *r.local, place],
        "rm": ["rm", *objects, *recursive],
        "url": ["url", *objects[:1], "--expires", r.options.get("expires", "3600")],
        "restore": ["restore", place, folder],
        "backup": ["backup", folder, place, *(["--name", r.options["name"]] if "name" in r.options else [])],
        "mb": ["mb", r.container],
        "rb": ["rb", r.container, "--force"],
        "publish": [
            "publish",
            r.container,
            folder,
            "--index",
            r.options.get("index", "index.html"),
            *(["--error", r.options["error"]] if r.options.get("error") else []),
        ],
        "cp": ["cp", *objects[:1], f"{r.dst_container}/{r.dst_prefix}"],
    }
    if r.action not in build:
        raise ValueError(f"no command for {r.action!r}")
    return _q([*base, *build[r.action]])


def _aws(r: Request) -> Equivalent | None:
    s = r.settings
    flags = []
    if s.get("profile"):
        flags += ["--profile", str(s["profile"])]
    if s.get("region"):
        flags += ["--region", str(s["region"])]
    if s.get("endpoint_url"):
        flags += ["--endpoint-url", str(s["endpoint_url"])]
    if s.get("anonymous"):
        flags += ["--no-sign-request"]
    url = f"s3://{r.container}/{r.prefix}"
    objects = [f"s3://{r.container}/{key}" for key in r.keys]
    folder = r.local[0] if r.local else "."
    single = len(r.keys) == 1
    commands: dict[str, list[str] | None] = {
        "ls": ["s3", "ls", url] if r.container else ["s3", "ls"],
        "get": (
            ["s3", "cp", objects[0], folder + "/", *(["--recursive"] if r.keys[0].endswith("/") else [])]
            if single
            else None
        ),
        "put": ["s3", "cp", r.local[0], url] if len(r.local) == 1 else None,
        "rm": (
            ["s3", "rm", objects[0], *(["--recursive"] if r.keys[0].endswith("/") else [])]
            if single
            else None
        ),
        "url": ["s3", "presign", objects[0], "--expires-in", r.options.get("expires", "3600")]
        if single
        else None,
        "restore": ["s3", "cp", url, folder, "--recursive"],
        "mb": ["s3", "mb", f"s3://{r.container}"],
        "rb": ["s3", "rb", f"s3://{r.container}", "--force"],
        "publish": [
            "s3",
            "website",
            f"s3://{r.container}",
            "--index-document",
            r.options.get("index", "index.html"),
            *(["--error-document", r.options["error"]] if r.options.get("error") else []),
        ],
        "cp": ["s3", "cp", objects[0], f"s3://{r.dst_container}/{r.dst_prefix}"] if single else None,
    }
    parts = commands.get(r.action)
    if parts is None:
        return None
    note = (
        ""
        if s.get("profile") or s.get("anonymous")
        else "keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY"
    )
    return Equivalent("aws", _q(["aws", *parts, *flags]), note)


def _az(r: Request) -> Equivalent | None:
    auth = ["--connection-string", "$AZURE_STORAGE_CONNECTION_STRING"]
    if r.settings.get("account_name"):
        auth = ["--account-name", str(r.settings["account_name"]), "--account-key", "$AZURE_STORAGE_KEY"]
    c, folder, single = r.container, (r.local[0] if r.local else "."), len(r.keys) == 1
    plain = single and not r.keys[0].endswith("/")
    commands: dict[str, list[str] | None] = {
        "ls": ["storage", "blob", "list", "--container-name", c, "--prefix", r.prefix, "--delimiter", "/"],
        "get": (
            [
                "storage",
                "blob",
                "download",
                "--container-name",
                c,
                "--name",
                r.keys[0],
                "--file",
                f"{folder}/{r.keys[0].rsplit('/', 1)[-1]}",
            ]
            if plain
            else None
        ),
        "rm": ["storage", "blob", "delete", "--container-name", c, "--name", r.keys[0]] if plain else None,
        "restore": [
            "storage",
            "blob",
            "download-batch",
            "--source",
            c,
            "--destination",
            folder,
            *(["--pattern", r.prefix + "*"] if r.prefix else []),
        ],
        "mb": ["storage", "container", "create", "--name", c],
        "rb": ["storage", "container", "delete", "--name", c],
    }
    parts = commands.get(r.action)
    if parts is None:
        return None
    # The variables stay unquoted so the shell expands them.
    line = _q(["az", *parts]) + " " + " ".join(p if p.startswith("$") else shlex.quote(p) for p in auth)
    return Equivalent("az", line)


def _swift(r: Request) -> Equivalent | None:
    s = r.settings
    if s.get("storage_url"):
        auth = ["--os-storage-url", str(s["storage_url"])]
        secret = '--os-auth-token "$OS_AUTH_TOKEN"'
    elif str(s.get("auth_version") or "1") == "1":
        auth = ["-A", str(s.get("auth_url", "")), "-U", str(s.get("username", ""))]
        secret = '-K "$ST_KEY"'
    else:
        auth = [
            "--os-auth-url",
            str(s.get("auth_url", "")),
            "--os-username",
            str(s.get("username", "")),
            "--auth-version",
            str(s.get("auth_version")),
        ]
        if s.get("project_name"):
            auth += ["--os-project-name", str(s["project_name"])]
        secret = '--os-password "$OS_PASSWORD"'
    c, folder = r.container, (r.local[0] if r.local else ".")
    commands: dict[str, list[str] | None] = {
        "ls": ["list", c, "--prefix", r.prefix, "--delimiter", "/"] if c else ["list"],
        "get": ["download", c, *r.keys, "-D", folder]
        if r.keys and not any(k.endswith("/") for k in r.keys)
        else None,
        "rm": ["delete", c, *r.keys] if r.keys and not any(k.endswith("/") for k in r.keys) else None,
        "restore": ["download", c, "--prefix", r.prefix, "-D", folder]
        if r.prefix
        else ["download", c, "-D", folder],
        "put": [
            "upload",
            c,
            *r.local,
            *(
                ["--object-name", r.prefix + r.local[0].rsplit("/", 1)[-1]]
                if r.prefix and len(r.local) == 1
                else []
            ),
        ],
        "mb": ["post", c],
        "rb": ["delete", c],
        "url": None,
    }
    parts = commands.get(r.action)
    if parts is None:
        return None
    return Equivalent("swift", f"swift {_q(auth)} {secret} {_q(parts)}")
