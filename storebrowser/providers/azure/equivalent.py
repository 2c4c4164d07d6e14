"""The ``az`` line for a request ("Copy as Command"), where the tool has a simple one."""

from __future__ import annotations

from storebrowser.core.equivalent import Equivalent, Request, quote, shell_word


def az_command(r: Request) -> Equivalent | None:
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
    line = quote(["az", *parts]) + " " + " ".join(p if p.startswith("$") else shell_word(p) for p in auth)
    return Equivalent("az", line)
