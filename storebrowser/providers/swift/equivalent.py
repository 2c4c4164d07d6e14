"""The ``swift`` line for a request ("Copy as Command"), where the tool has a simple one."""

from __future__ import annotations

from storebrowser.core.equivalent import Equivalent, Request, quote


def swift_command(r: Request) -> Equivalent | None:
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
    return Equivalent("swift", f"swift {quote(auth)} {secret} {quote(parts)}")
