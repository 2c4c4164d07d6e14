"""rclone: remotes of type s3, azureblob, swift and local from rclone.conf.

Found where rclone looks: ``RCLONE_CONFIG``, then ``$XDG_CONFIG_HOME/rclone/rclone.conf``
(~/.config/rclone/rclone.conf), then the old ~/.rclone.conf. Options rclone stores
obscured are revealed (``obscure.reveal``); an encrypted config is skipped, since reading
it needs the config password.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from storebrowser.accounts.importers.obscure import RevealError, reveal
from storebrowser.accounts.importers.report import ImportReport

#: Options rclone marks as passwords (stored obscured) among those read here.
OBSCURED = {"azureblob": {"password", "client_certificate_password"}, "swift": set(), "s3": set()}
#: Azurite's fixed development account, which rclone's ``use_emulator`` means.
EMULATOR_ACCOUNT = "devstoreaccount1"
EMULATOR_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
EMULATOR_ENDPOINT = "http://127.0.0.1:10000/devstoreaccount1"
#: rclone providers that want virtual-hosted-style requests (rclone switches them itself).
_VIRTUAL_HOSTED = {"AWS", "Alibaba", "TencentCOS", "Netease", "Qiniu"}


def rclone_config_path(env: Mapping[str, str], home: Path) -> Path:
    if env.get("RCLONE_CONFIG"):
        return Path(env["RCLONE_CONFIG"]).expanduser()
    xdg = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    modern = xdg / "rclone" / "rclone.conf"
    legacy = home / ".rclone.conf"
    return legacy if legacy.is_file() and not modern.is_file() else modern


def import_rclone(
    env: Mapping[str, str] | None = None, home: Path | None = None, path: Path | None = None
) -> ImportReport:
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    path = path or rclone_config_path(env, home)
    report = ImportReport()
    if not path.is_file():
        return report
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.skip(str(path), "", f"cannot be read: {type(error).__name__}")
        return report
    if "RCLONE_ENCRYPT_V0:" in text:
        report.skip(
            str(path),
            "",
            "is encrypted with a config password; decrypt it with "
            "'rclone config' (or export the remotes) to import them.",
        )
        return report
    parser = configparser.RawConfigParser(strict=False, default_section="\0none")
    try:
        parser.read_string(text, source=str(path))
    except configparser.MissingSectionHeaderError as error:
        report.skip(str(path), "", f"line {error.lineno}: text before the first [remote].")
        return report
    except configparser.ParsingError as error:
        lines = ", ".join(str(number) for number, _ in error.errors)
        report.skip(str(path), "", f"lines {lines} are not 'name = value'; they were ignored.")
    for remote in parser.sections():
        options = {k: v.strip() for k, v in parser.items(remote)}
        _offer_remote(report, str(path), remote, options, home)
    return report


def _offer_remote(
    report: ImportReport, source: str, remote: str, options: dict[str, str], home: Path
) -> None:
    kind = options.get("type", "")
    mapper = _MAPPERS.get(kind)
    if mapper is None:
        report.skip(
            source,
            remote,
            f"type {kind or '(none)'!r} is not one StoreBrowser opens (s3, azureblob, swift, local).",
        )
        return
    try:
        for name in OBSCURED.get(kind, set()) & set(options):
            options[name] = reveal(options[name])
    except RevealError as error:
        report.skip(source, remote, f"an obscured password could not be revealed: {error}.")
        return
    mapper(report, source, remote, options, home)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes", "on"}


def _s3(report: ImportReport, source: str, remote: str, o: dict[str, str], home: Path) -> None:
    if _truthy(o.get("env_auth")) and not o.get("access_key_id"):
        report.skip(
            source,
            remote,
            "takes its credentials from the environment (env_auth); "
            "import the AWS profiles or variables instead.",
        )
        return
    provider = o.get("provider", "AWS")
    endpoint = o.get("endpoint") or None
    if endpoint and "://" not in endpoint:
        endpoint = f"https://{endpoint}"  # rclone accepts a bare host name
    force_path = o.get("force_path_style")
    path_style = _truthy(force_path) if force_path else provider not in _VIRTUAL_HOSTED
    settings: dict[str, Any] = {
        "access_key_id": o.get("access_key_id"),
        "region": o.get("region"),
        "endpoint_url": endpoint,
        "path_style": path_style,
    }
    if not o.get("access_key_id") and not o.get("secret_access_key"):
        settings["anonymous"] = True
    report.offer(
        source,
        f"rclone {remote}",
        "s3",
        settings,
        {
            "secret_access_key": o.get("secret_access_key", ""),
            "session_token": o.get("session_token", ""),
        },
    )


def _azureblob(report: ImportReport, source: str, remote: str, o: dict[str, str], home: Path) -> None:
    settings: dict[str, str | None]
    if _truthy(o.get("use_emulator")):
        settings = {
            "account_name": o.get("account") or EMULATOR_ACCOUNT,
            "blob_endpoint": o.get("endpoint") or EMULATOR_ENDPOINT,
        }
        secrets = {"account_key": o.get("key") or EMULATOR_KEY}
    elif o.get("sas_url"):
        settings = {"account_name": o.get("account"), "blob_endpoint": o.get("endpoint")}
        secrets = {"sas_token": o["sas_url"]}
    elif o.get("key"):
        settings = {"account_name": o.get("account"), "blob_endpoint": o.get("endpoint")}
        secrets = {"account_key": o["key"]}
    else:
        report.skip(
            source,
            remote,
            "signs in with Azure AD, a service principal or managed "
            "identity; add it with 'Sign in with Azure AD' instead.",
        )
        return
    report.offer(source, f"rclone {remote}", "azure", settings, secrets)


def _swift(report: ImportReport, source: str, remote: str, o: dict[str, str], home: Path) -> None:
    if _truthy(o.get("env_auth")):
        report.skip(
            source,
            remote,
            "takes its credentials from the OS_* variables (env_auth); import those instead.",
        )
        return
    if o.get("application_credential_id") or o.get("application_credential_name"):
        report.skip(
            source,
            remote,
            "uses an application credential, which the Swift account settings do not cover.",
        )
        return
    version = o.get("auth_version", "0")
    auth_url = o.get("auth", "")
    if version in {"", "0"}:  # rclone: guess from the URL
        version = "3" if "/v3" in auth_url else "2" if "/v2" in auth_url else "1"
    settings = {
        "auth_url": auth_url or None,
        "auth_version": version,
        "username": o.get("user"),
        "project_name": o.get("tenant"),
        "project_domain_name": o.get("tenant_domain"),
        "user_domain_name": o.get("domain"),
        "region": o.get("region"),
        "endpoint_type": "internal" if o.get("endpoint_type") == "internal" else None,
        "storage_url": o.get("storage_url"),
    }
    secrets = {"api_key": o.get("key", ""), "auth_token": o.get("auth_token", "")}
    if o.get("storage_url") and o.get("auth_token"):
        settings = {"storage_url": o["storage_url"]}  # pre-authenticated wins, as in rclone
        secrets = {"auth_token": o["auth_token"]}
    elif o.get("storage_url"):
        settings.pop("storage_url")
        report.notes.append(f"rclone {remote}: its storage_url override was not imported.")
    report.offer(source, f"rclone {remote}", "swift", settings, secrets)


def _local(report: ImportReport, source: str, remote: str, o: dict[str, str], home: Path) -> None:
    # A local remote names no folder (rclone takes it from "remote:path"): start at home.
    report.offer(source, f"rclone {remote}", "local", {"root": str(home)})
    report.notes.append(
        f"rclone {remote}: a local remote has no folder of its own; the account opens {home}."
    )


_MAPPERS: dict[str, Callable[[ImportReport, str, str, dict[str, str], Path], None]] = {
    "s3": _s3,
    "azureblob": _azureblob,
    "swift": _swift,
    "local": _local,
}
