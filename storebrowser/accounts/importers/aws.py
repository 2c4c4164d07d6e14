"""AWS: profiles of ~/.aws/config and ~/.aws/credentials, and the AWS_* variables.

Parsed with configparser under botocore's rules: ``[profile NAME]`` (or ``[default]``) in
the config file, ``[NAME]`` in the credentials file, credentials-file values first, nested
``s3 =`` sub-sections, ``services`` sections for endpoints. Profiles with static keys become
key accounts; roles, SSO, credential processes and web identity stay profile-based so that
botocore does that work (and its refreshing) itself.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from storebrowser.accounts.importers.report import ImportReport

#: Keys that make botocore fetch credentials itself: the account keeps the profile name.
PROFILE_BASED = (
    "role_arn",
    "sso_start_url",
    "sso_session",
    "sso_account_id",
    "credential_process",
    "web_identity_token_file",
)


def import_aws(env: Mapping[str, str] | None = None, home: Path | None = None) -> ImportReport:
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    report = ImportReport()
    config_path = Path(env.get("AWS_CONFIG_FILE") or home / ".aws" / "config").expanduser()
    creds_path = Path(env.get("AWS_SHARED_CREDENTIALS_FILE") or home / ".aws" / "credentials").expanduser()
    config = _read(config_path, report)
    creds = _read(creds_path, report)
    for name, values in _profiles(config, creds).items():
        _offer_profile(report, f"{config_path} / {creds_path.name}", name, values, config)
    profile_based = [n.account.name for n in report.accounts if n.account.settings.get("profile")]
    if profile_based and env.get("AWS_CONFIG_FILE"):
        report.notes.append(
            f"{', '.join(profile_based)} read their profile from {config_path} through "
            "AWS_CONFIG_FILE: StoreBrowser needs that variable set when it runs, too."
        )
    _offer_env(report, env)
    return report


def _read(path: Path, report: ImportReport) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, default_section="\0none")
    if not path.is_file():
        return parser
    try:
        parser.read(path, encoding="utf-8")
    except configparser.MissingSectionHeaderError as error:
        report.skip(str(path), "", f"line {error.lineno}: text before the first [section].")
    except configparser.ParsingError as error:
        # Line numbers only: the offending lines may hold keys.
        lines = ", ".join(str(number) for number, _ in error.errors)
        report.skip(str(path), "", f"lines {lines} are not 'name = value'; they were ignored.")
    except (OSError, UnicodeDecodeError) as error:
        report.skip(str(path), "", f"cannot be read: {type(error).__name__}")
    return parser


def _profiles(
    config: configparser.RawConfigParser, creds: configparser.RawConfigParser
) -> dict[str, dict[str, str]]:
    profiles: dict[str, dict[str, str]] = {}
    for section in config.sections():
        if section == "default":
            profiles["default"] = dict(config.items(section))
        elif section.startswith("profile "):
            profiles.setdefault(section[8:].strip(), {}).update(config.items(section))
    for section in creds.sections():
        profiles.setdefault(section.strip(), {}).update(creds.items(section))
    return profiles


def _offer_profile(
    report: ImportReport,
    source: str,
    name: str,
    values: Mapping[str, str],
    config: configparser.RawConfigParser,
) -> None:
    s3 = _nested(values.get("s3", ""))
    endpoint = (
        s3.get("endpoint_url")
        or values.get("endpoint_url")
        or _service_endpoint(config, values.get("services", ""))
    )
    settings: dict[str, Any] = {
        "region": values.get("region"),
        "endpoint_url": endpoint,
        "path_style": _path_style(endpoint, s3.get("addressing_style")),
    }
    account_name = f"AWS {name}"
    if any(values.get(key) for key in PROFILE_BASED):
        report.offer(source, account_name, "s3", {**settings, "profile": name})
        return
    key_id, secret = values.get("aws_access_key_id"), values.get("aws_secret_access_key")
    if key_id and secret:
        report.offer(
            source,
            account_name,
            "s3",
            {**settings, "access_key_id": key_id},
            {"secret_access_key": secret, "session_token": values.get("aws_session_token", "")},
        )
    elif key_id or secret:
        report.skip(source, name, "has only half of an access key (ID or secret missing).")
    else:
        report.skip(
            source,
            name,
            "has no keys, role, SSO or credential process "
            "(its credentials come from elsewhere, e.g. the environment).",
        )


def _offer_env(report: ImportReport, env: Mapping[str, str]) -> None:
    key_id, secret = env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")
    if not (key_id or secret):
        return
    if not (key_id and secret):
        report.skip(
            "environment",
            "AWS_ACCESS_KEY_ID",
            "needs both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
        )
        return
    endpoint = env.get("AWS_ENDPOINT_URL_S3") or env.get("AWS_ENDPOINT_URL")
    settings = {
        "access_key_id": key_id,
        "region": env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION"),
        "endpoint_url": endpoint,
        "path_style": _path_style(endpoint, None),
    }
    secrets = {"secret_access_key": secret, "session_token": env.get("AWS_SESSION_TOKEN", "")}
    report.offer("environment", "AWS (environment)", "s3", settings, secrets)
    if env.get("AWS_SESSION_TOKEN"):
        report.notes.append(
            "AWS (environment) uses a session token: it stops working when "
            "those temporary credentials expire."
        )


def _nested(value: str) -> dict[str, str]:
    """botocore's nested form: ``s3 =`` followed by indented ``name = value`` lines."""
    nested: dict[str, str] = {}
    for line in value.splitlines():
        name, sep, item = line.partition("=")
        if sep:
            nested[name.strip()] = item.strip()
    return nested


def _service_endpoint(config: configparser.RawConfigParser, services: str) -> str | None:
    section = f"services {services.strip()}"
    if not services or not config.has_section(section):
        return None
    return _nested(config.get(section, "s3", fallback="")).get("endpoint_url")


def _path_style(endpoint: str | None, addressing_style: str | None) -> bool | None:
    if addressing_style:
        return addressing_style == "path"
    # Most S3-compatible services (and any endpoint given as an IP address) need
    # path-style requests; AWS's own endpoints work either way.
    if endpoint and "amazonaws.com" not in endpoint:
        return True
    return None
