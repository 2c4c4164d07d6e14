"""The ``aws`` line for a request ("Copy as Command"), where the tool has a simple one."""

from __future__ import annotations

from storebrowser.core.equivalent import Equivalent, Request, quote


def aws_command(r: Request) -> Equivalent | None:
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
    return Equivalent("aws", quote(["aws", *parts, *flags]), note)
