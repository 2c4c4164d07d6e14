"""OpenStack Swift: the OS_* variables (and v1 ST_*), and clouds.yaml.

clouds.yaml is read with PyYAML and looked for where openstacksdk looks:
``OS_CLIENT_CONFIG_FILE``, ./clouds.yaml, ~/.config/openstack/, /etc/openstack/;
secure.yaml beside it may hold the passwords and is merged in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from storebrowser.accounts.importers.report import ImportReport

SOURCE = "environment"
_PASSWORD_AUTH = {"", "password", "v2password", "v3password"}


def import_openstack_env(env: Mapping[str, str] | None = None) -> ImportReport:
    env = os.environ if env is None else env
    report = ImportReport()
    if env.get("ST_AUTH"):
        report.offer(
            SOURCE,
            "Swift (ST_AUTH)",
            "swift",
            {
                "auth_url": env["ST_AUTH"],
                "auth_version": "1",
                "username": env.get("ST_USER"),
            },
            {"api_key": env.get("ST_KEY", "")},
        )
    if env.get("OS_STORAGE_URL") and env.get("OS_AUTH_TOKEN"):
        report.offer(
            SOURCE,
            "Swift (OS_STORAGE_URL)",
            "swift",
            {"storage_url": env["OS_STORAGE_URL"]},
            {"auth_token": env["OS_AUTH_TOKEN"]},
        )
    elif env.get("OS_AUTH_URL"):
        auth = {
            "auth_url": env["OS_AUTH_URL"],
            "username": env.get("OS_USERNAME"),
            "password": env.get("OS_PASSWORD"),
            "project_name": env.get("OS_PROJECT_NAME") or env.get("OS_TENANT_NAME"),
            "project_domain_name": env.get("OS_PROJECT_DOMAIN_NAME"),
            "user_domain_name": env.get("OS_USER_DOMAIN_NAME"),
        }
        _offer_keystone(
            report,
            SOURCE,
            f"Swift {auth['project_name'] or auth['username'] or 'OS_AUTH_URL'}",
            auth,
            version=env.get("OS_IDENTITY_API_VERSION") or env.get("OS_AUTH_VERSION"),
            region=env.get("OS_REGION_NAME"),
            interface=env.get("OS_INTERFACE") or env.get("OS_ENDPOINT_TYPE"),
        )
    return report


def clouds_yaml_paths(env: Mapping[str, str], home: Path, cwd: Path) -> list[Path]:
    if env.get("OS_CLIENT_CONFIG_FILE"):
        return [Path(env["OS_CLIENT_CONFIG_FILE"]).expanduser()]
    return [
        cwd / "clouds.yaml",
        home / ".config" / "openstack" / "clouds.yaml",
        Path("/etc/openstack/clouds.yaml"),
    ]


def import_clouds_yaml(
    env: Mapping[str, str] | None = None, home: Path | None = None, cwd: Path | None = None
) -> ImportReport:
    env = os.environ if env is None else env
    paths = clouds_yaml_paths(env, home or Path.home(), cwd or Path.cwd())
    report = ImportReport()
    path = next((p for p in paths if p.is_file()), None)
    if path is None:
        return report
    clouds = _load_clouds(path, report)
    secure = (
        _load_clouds(path.with_name("secure.yaml"), report) if path.with_name("secure.yaml").is_file() else {}
    )
    for name, cloud in clouds.items():
        if not isinstance(cloud, dict):
            report.skip(str(path), str(name), "is not a mapping of settings.")
            continue
        _offer_cloud(report, str(path), str(name), _deep_merge(cloud, secure.get(name) or {}))
    return report


def _load_clouds(path: Path, report: ImportReport) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f"line {mark.line + 1}: " if mark is not None else ""
        report.skip(str(path), "", f"{line}not valid YAML ({error.problem}).")
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        report.skip(str(path), "", f"cannot be read: {type(error).__name__}")
        return {}
    clouds = data.get("clouds") if isinstance(data, dict) else None
    if not isinstance(clouds, dict):
        report.skip(str(path), "", "has no 'clouds:' mapping.")
        return {}
    return clouds


def _offer_cloud(report: ImportReport, source: str, name: str, cloud: Mapping[str, Any]) -> None:
    auth_type = str(cloud.get("auth_type", "") or "")
    if auth_type not in _PASSWORD_AUTH:
        report.skip(
            source,
            name,
            f"uses auth_type {auth_type!r}; only password sign-in maps onto Swift accounts.",
        )
        return
    auth = cloud.get("auth") or {}
    if not isinstance(auth, dict) or not auth.get("auth_url"):
        report.skip(source, name, "has no auth.auth_url (vendor profiles are not expanded).")
        return
    _offer_keystone(
        report,
        source,
        f"Swift {name}",
        auth,
        version=cloud.get("identity_api_version"),
        region=cloud.get("region_name"),
        interface=cloud.get("interface"),
    )


def _offer_keystone(
    report: ImportReport,
    source: str,
    name: str,
    auth: Mapping[str, Any],
    *,
    version: object,
    region: object,
    interface: object,
) -> None:
    url = str(auth.get("auth_url", ""))
    settings = {
        "auth_url": url,
        "auth_version": _auth_version(version, url, auth),
        "username": auth.get("username"),
        "project_name": auth.get("project_name") or auth.get("tenant_name"),
        "project_domain_name": auth.get("project_domain_name") or auth.get("domain_name"),
        "user_domain_name": auth.get("user_domain_name") or auth.get("domain_name"),
        "region": region,
        "endpoint_type": "internal" if str(interface or "").startswith("internal") else None,
    }
    settings = {k: (str(v) if v is not None else None) for k, v in settings.items()}
    report.offer(source, name, "swift", settings, {"api_key": str(auth.get("password") or "")})


def _auth_version(version: object, url: str, auth: Mapping[str, Any]) -> str:
    text = str(version or "").strip().lstrip("v")
    if text:
        return "2" if text.startswith("2") else "3" if text.startswith("3") else "1"
    path = url.rstrip("/").rsplit("/", 1)[-1]
    if path.startswith("v3"):
        return "3"
    if path.startswith("v2"):
        return "2"
    if path.startswith("v1") or "auth/v1" in url:
        return "1"
    return "3" if auth.get("user_domain_name") or auth.get("project_domain_name") else "2"


def _deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
