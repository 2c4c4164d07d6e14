"""Importers, from config files and environments built in temp dirs (no server needed)."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from storebrowser.accounts import Account, AccountStore
from storebrowser.accounts.importers import (
    Clash,
    add_imported,
    import_all,
    import_aws,
    import_azure_env,
    import_clouds_yaml,
    import_openstack_env,
    import_rclone,
)
from storebrowser.accounts.importers.obscure import RevealError, reveal
from storebrowser.accounts.importers.report import ImportReport


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip())
    return path


def _by_name(report: ImportReport) -> dict:
    return {new.account.name: new for new in report.accounts}


def _skipped(report: ImportReport) -> dict[str, str]:
    return {s.name: s.reason for s in report.skipped}


# -- AWS --------------------------------------------------------------------------------


@pytest.fixture
def aws_home(tmp_path: Path) -> Path:
    _write(tmp_path / ".aws" / "config", """
        [default]
        region = eu-central-1

        [profile assume]
        role_arn = arn:aws:iam::123456789012:role/reader
        source_profile = default

        [profile sso]
        sso_session = corp
        sso_account_id = 123456789012
        sso_role_name = ReadOnly

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1

        [profile minio]
        region = us-east-1
        s3 =
          endpoint_url = http://127.0.0.1:9000
          addressing_style = path

        [profile ceph]
        services = ceph-svc

        [services ceph-svc]
        s3 =
          endpoint_url = https://ceph.example.net

        [profile regiononly]
        region = ap-south-1

        [profile process]
        credential_process = /usr/bin/get-creds
    """)  # fmt: skip
    _write(tmp_path / ".aws" / "credentials", """
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = default-secret-key

        [minio]
        aws_access_key_id = minioadmin
        aws_secret_access_key = minio-secret-key

        [ceph]
        aws_access_key_id = CEPHKEY
        aws_secret_access_key = ceph-secret-key
        aws_session_token = ceph-session-token

        [half]
        aws_access_key_id = AKIAHALF
    """)  # fmt: skip
    return tmp_path


def test_aws_profiles(aws_home: Path):
    report = import_aws(env={}, home=aws_home)
    found = _by_name(report)
    assert set(found) == {"AWS default", "AWS assume", "AWS sso", "AWS minio", "AWS ceph",
                          "AWS process"}  # fmt: skip
    default = found["AWS default"]
    assert dict(default.account.settings) == {"access_key_id": "AKIADEFAULT",
                                              "region": "eu-central-1"}  # fmt: skip
    assert dict(default.secrets) == {"secret_access_key": "default-secret-key"}
    for name in ("assume", "sso", "process"):
        assert dict(found[f"AWS {name}"].account.settings) == {"profile": name}
        assert not found[f"AWS {name}"].secrets
    minio = found["AWS minio"].account.settings
    assert minio["endpoint_url"] == "http://127.0.0.1:9000" and minio["path_style"] is True
    ceph = found["AWS ceph"]
    assert ceph.account.settings["endpoint_url"] == "https://ceph.example.net"
    assert ceph.secrets["session_token"] == "ceph-session-token"
    skipped = _skipped(report)
    assert "half" in skipped["half"] and "regiononly" in skipped
    assert "default-secret-key" not in repr(report)


def test_aws_environment_and_custom_file_locations(tmp_path: Path):
    _write(tmp_path / "elsewhere.ini", "[profile x]\nrole_arn = arn:aws:iam::1:role/r\n")
    env = {
        "AWS_CONFIG_FILE": str(tmp_path / "elsewhere.ini"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
        "AWS_ACCESS_KEY_ID": "AKIAENV",
        "AWS_SECRET_ACCESS_KEY": "env-secret-key",
        "AWS_SESSION_TOKEN": "env-session-token",
        "AWS_DEFAULT_REGION": "us-west-2",
        "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000",
    }
    report = import_aws(env=env, home=tmp_path)
    found = _by_name(report)
    assert set(found) == {"AWS x", "AWS (environment)"}
    assert any("AWS_CONFIG_FILE" in note for note in report.notes)
    from_env = found["AWS (environment)"]
    assert dict(from_env.account.settings) == {
        "access_key_id": "AKIAENV", "region": "us-west-2",
        "endpoint_url": "http://127.0.0.1:5000", "path_style": True,
    }  # fmt: skip
    assert dict(from_env.secrets) == {"secret_access_key": "env-secret-key",
                                      "session_token": "env-session-token"}  # fmt: skip


def test_aws_broken_file_reports_lines_not_contents(tmp_path: Path):
    _write(tmp_path / ".aws" / "credentials", """
        [default]
        aws_access_key_id = AKIAOK
        aws_secret_access_key = ok-secret-key
        this line leaks-a-secret-if-quoted
    """)  # fmt: skip
    report = import_aws(env={}, home=tmp_path)
    assert "AWS default" in _by_name(report)
    [problem] = report.skipped
    assert "lines 4" in problem.reason and "leaks-a-secret" not in str(problem)


# -- Azure ------------------------------------------------------------------------------


def test_azure_connection_string_and_account_key():
    conn = (
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=a2V5a2V5;EndpointSuffix=core.windows.net"
    )
    env = {
        "AZURE_STORAGE_CONNECTION_STRING": conn,
        "AZURE_STORAGE_ACCOUNT": "acme2",
        "AZURE_STORAGE_KEY": "a2V5Mg==",
        "AZURE_STORAGE_SERVICE_ENDPOINT": "http://127.0.0.1:1/acme2",
    }
    found = _by_name(import_azure_env(env))
    assert dict(found["Azure acme"].secrets) == {"connection_string": conn}
    assert dict(found["Azure acme"].account.settings) == {}
    keyed = found["Azure acme2"]
    assert dict(keyed.account.settings) == {"account_name": "acme2",
                                            "blob_endpoint": "http://127.0.0.1:1/acme2"}  # fmt: skip
    assert dict(keyed.secrets) == {"account_key": "a2V5Mg=="}


def test_azure_sas_and_what_is_skipped():
    found = _by_name(import_azure_env({"AZURE_STORAGE_ACCOUNT": "acme",
                                       "AZURE_STORAGE_SAS_TOKEN": "sv=2021&sig=abc"}))  # fmt: skip
    assert dict(found["Azure acme"].secrets) == {"sas_token": "sv=2021&sig=abc"}
    report = import_azure_env({"AZURE_STORAGE_CONNECTION_STRING": "AccountName=x;Foo=secret-ish",
                               "AZURE_STORAGE_ACCOUNT": "lonely"})  # fmt: skip
    assert report.accounts == []
    assert set(_skipped(report)) == {"AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT"}
    assert "secret-ish" not in str(report.skipped)


# -- OpenStack --------------------------------------------------------------------------


def test_openstack_v1_v3_and_preauth_environment():
    v1 = _by_name(import_openstack_env({"ST_AUTH": "http://127.0.0.1:8080/auth/v1.0",
                                        "ST_USER": "test:tester", "ST_KEY": "testing"}))  # fmt: skip
    swift = v1["Swift (ST_AUTH)"]
    assert swift.account.settings["auth_version"] == "1" and swift.secrets["api_key"] == "testing"
    v3 = _by_name(import_openstack_env({
        "OS_AUTH_URL": "https://keystone.example.net:5000/v3", "OS_USERNAME": "alice",
        "OS_PASSWORD": "alice-password", "OS_PROJECT_NAME": "web", "OS_USER_DOMAIN_NAME": "Default",
        "OS_PROJECT_DOMAIN_NAME": "Default", "OS_REGION_NAME": "RegionOne", "OS_INTERFACE": "internal",
    }))  # fmt: skip
    web = v3["Swift web"].account.settings
    assert web["auth_version"] == "3" and web["region"] == "RegionOne"
    assert web["endpoint_type"] == "internal" and web["project_name"] == "web"
    preauth = _by_name(import_openstack_env({"OS_STORAGE_URL": "http://127.0.0.1:1/v1/AUTH_x",
                                             "OS_AUTH_TOKEN": "tok-123456"}))  # fmt: skip
    assert dict(preauth["Swift (OS_STORAGE_URL)"].secrets) == {"auth_token": "tok-123456"}


def test_clouds_yaml_with_secure_yaml(tmp_path: Path):
    folder = tmp_path / ".config" / "openstack"
    _write(folder / "clouds.yaml", """
        clouds:
          prod:
            auth:
              auth_url: https://keystone.example.net/v3
              username: bob
              project_name: storage
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionTwo
          appcred:
            auth_type: v3applicationcredential
            auth:
              auth_url: https://keystone.example.net/v3
              application_credential_id: abc
          vendor:
            profile: rackspace
    """)  # fmt: skip
    _write(folder / "secure.yaml", "clouds:\n  prod:\n    auth:\n      password: bob-secret-pw\n")
    report = import_clouds_yaml(env={}, home=tmp_path, cwd=tmp_path / "nowhere")
    prod = _by_name(report)["Swift prod"]
    assert prod.secrets["api_key"] == "bob-secret-pw"
    assert prod.account.settings["auth_version"] == "3"
    assert prod.account.settings["region"] == "RegionTwo"
    assert set(_skipped(report)) == {"appcred", "vendor"}


def test_clouds_yaml_syntax_error_names_the_line(tmp_path: Path):
    path = _write(tmp_path / "c.yaml", "clouds:\n  a:\n    auth: {\n  b: [\n")
    report = import_clouds_yaml(env={"OS_CLIENT_CONFIG_FILE": str(path)}, home=tmp_path)
    assert report.accounts == [] and "line " in report.skipped[0].reason


# -- rclone -----------------------------------------------------------------------------


def test_reveal_a_known_rclone_obscured_password():
    assert reveal("jKbX8aq3wGjZorrMVcM_tQtL5BxA5cvc_DQ") == "mypassword"
    with pytest.raises(RevealError):
        reveal("short")


def test_rclone_remotes(tmp_path: Path):
    conf = _write(tmp_path / ".config" / "rclone" / "rclone.conf", """
        [minio]
        type = s3
        provider = Minio
        access_key_id = minioadmin
        secret_access_key = rclone-s3-secret
        endpoint = http://127.0.0.1:9000
        region = us-east-1

        [aws]
        type = s3
        provider = AWS
        env_auth = true

        [blob]
        type = azureblob
        account = acme
        key = YWNtZWtleQ==

        [emu]
        type = azureblob
        use_emulator = true

        [ovh]
        type = swift
        user = alice
        key = rclone-swift-key
        auth = https://auth.cloud.ovh.net/v3
        tenant = proj
        domain = Default
        tenant_domain = Default
        region = GRA

        [disk]
        type = local

        [box]
        type = crypt
        remote = disk:/x
        password = jKbX8aq3wGjZorrMVcM_tQtL5BxA5cvc_DQ
    """)  # fmt: skip
    report = import_rclone(env={}, home=tmp_path)
    by_variable = import_rclone(env={"RCLONE_CONFIG": str(conf)}, home=tmp_path / "x")
    assert set(_by_name(by_variable)) == set(_by_name(report))
    found = _by_name(report)
    assert set(found) == {"rclone minio", "rclone blob", "rclone emu", "rclone ovh", "rclone disk"}
    minio = found["rclone minio"]
    assert minio.account.settings["path_style"] is True
    assert minio.secrets["secret_access_key"] == "rclone-s3-secret"
    assert found["rclone emu"].account.settings["account_name"] == "devstoreaccount1"
    ovh = found["rclone ovh"].account.settings
    assert ovh["auth_version"] == "3" and ovh["project_name"] == "proj" and ovh["region"] == "GRA"
    assert found["rclone disk"].account.settings["root"] == str(tmp_path)
    assert set(_skipped(report)) == {"aws", "box"}


def test_encrypted_rclone_config_is_skipped(tmp_path: Path):
    conf = _write(tmp_path / "r.conf", "# Encrypted rclone configuration File\n\nRCLONE_ENCRYPT_V0:\nabc\n")
    report = import_rclone(env={"RCLONE_CONFIG": str(conf)}, home=tmp_path)
    assert report.accounts == [] and "encrypted" in report.skipped[0].reason


# -- adding to the store ----------------------------------------------------------------


def test_import_never_clobbers_and_reimport_is_a_no_op(store: AccountStore, aws_home: Path):
    store.save(Account("AWS default", "local", {"root": "/tmp/mine"}))
    report = import_aws(env={}, home=aws_home)
    result = add_imported(store, report)
    assert result.renamed == {"AWS default": "AWS default (2)"}
    assert store.get("AWS default").kind == "local"
    assert store.settings_for(store.get("AWS default (2)"))["secret_access_key"] == "default-secret-key"
    again = add_imported(store, import_aws(env={}, home=aws_home))
    assert again.added == [] and all("already there" in s.reason for s in again.skipped[-6:])
    skip = add_imported(store, import_rclone(env={}, home=aws_home), Clash.SKIP)
    assert skip.added == []


def test_import_all_gathers_every_importer(tmp_path: Path, aws_home: Path):
    env = {"AZURE_STORAGE_ACCOUNT": "acme", "AZURE_STORAGE_KEY": "a2V5", "ST_AUTH": "http://127.0.0.1:1/auth/v1.0",
           "ST_USER": "u", "ST_KEY": "k1234"}  # fmt: skip
    names = {new.account.name for new in import_all(env, aws_home, tmp_path).accounts}
    assert {"AWS default", "Azure acme", "Swift (ST_AUTH)"} <= names
