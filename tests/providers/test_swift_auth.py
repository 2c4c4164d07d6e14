"""Keystone v2/v3 cannot be reached here (the test cluster runs tempauth): check the
options we build for them without network, and the error mapping table."""

from __future__ import annotations

import pytest
from keystoneauth1.identity import v2, v3
from swiftclient.exceptions import ClientException

from storebrowser.core.errors import AccessDenied, AuthFailed, NotEmpty, NotFound, Transient
from storebrowser.providers.registry import get_kind
from storebrowser.providers.swift.auth import (
    SwiftSettings,
    endpoint_filter,
    keystone_plugin,
    servicenet_url,
    swiftclient_os_options,
)
from storebrowser.providers.swift.errors import SwiftError, map_swift_error
from storebrowser.providers.swift.rackspace import RackspaceApiKey, is_rackspace_identity

V3 = {
    "auth_url": "https://keystone.example.com/v3",
    "auth_version": "3",
    "username": "alice",
    "api_key": "s3cret",
    "project_name": "media",
    "project_domain_name": "ProjDomain",
    "user_domain_name": "UserDomain",
    "region": "RegionTwo",
    "endpoint_type": "internal",
}


def test_v3_plugin_carries_project_and_domains() -> None:
    plugin = keystone_plugin(SwiftSettings.from_mapping(V3))
    assert isinstance(plugin, v3.Password)
    assert plugin.auth_url == "https://keystone.example.com/v3"
    assert plugin.project_name == "media"
    assert plugin.project_domain_name == "ProjDomain"
    (method,) = plugin.auth_methods
    assert (method.username, method.password, method.user_domain_name) == ("alice", "s3cret", "UserDomain")


def test_v2_plugin_uses_the_project_as_tenant() -> None:
    settings = SwiftSettings.from_mapping({**V3, "auth_version": "2", "auth_url": "https://id.example/v2.0"})
    plugin = keystone_plugin(settings)
    assert isinstance(plugin, v2.Password)
    assert (plugin.username, plugin.password, plugin.tenant_name) == ("alice", "s3cret", "media")


def test_endpoint_filter_picks_region_and_interface() -> None:
    settings = SwiftSettings.from_mapping(V3)
    assert endpoint_filter(settings) == {
        "service_type": "object-store",
        "interface": "internal",
        "region_name": "RegionTwo",
    }
    public = SwiftSettings.from_mapping({**V3, "endpoint_type": "public", "region": ""})
    assert endpoint_filter(public) == {"service_type": "object-store", "interface": "public"}


def test_swiftclient_os_options() -> None:
    assert swiftclient_os_options(SwiftSettings.from_mapping(V3)) == {
        "service_type": "object-store",
        "endpoint_type": "internalURL",
        "project_name": "media",
        "project_domain_name": "ProjDomain",
        "user_domain_name": "UserDomain",
        "region_name": "RegionTwo",
    }
    v2_options = swiftclient_os_options(SwiftSettings.from_mapping({**V3, "auth_version": "2"}))
    assert v2_options["tenant_name"] == "media"
    assert v2_options["endpoint_type"] == "internalURL"
    assert "user_domain_name" not in v2_options


def test_servicenet_url_for_v1_internal_endpoint() -> None:
    url = "https://storage101.dfw1.clouddrive.com/v1/MossoCloudFS_abc"
    assert servicenet_url(url) == "https://snet-storage101.dfw1.clouddrive.com/v1/MossoCloudFS_abc"
    assert servicenet_url(servicenet_url(url)) == servicenet_url(url)


def test_settings_repr_hides_secrets() -> None:
    settings = SwiftSettings.from_mapping({**V3, "auth_token": "tok-123"})
    assert "s3cret" not in repr(settings)
    assert "tok-123" not in repr(settings)


def test_kind_validation() -> None:
    kind = get_kind("swift")
    assert kind.problems(V3) == []
    assert kind.problems({**V3, "project_name": ""}) == ["Keystone v3 needs a project name."]
    assert kind.problems({"storage_url": "http://x/v1/AUTH_a"})


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, AuthFailed),
        (403, AccessDenied),
        (404, NotFound),
        (409, NotEmpty),
        (500, Transient),
        (503, Transient),
        (429, Transient),
        (400, SwiftError),
    ],
)
def test_status_mapping(status: int, expected: type) -> None:
    error = ClientException("Container DELETE failed", http_status=status, http_reason="Reason")
    mapped = map_swift_error(error, "Deleting 'c'", container="c", conflict_means_not_empty=True)
    assert type(mapped) is expected
    assert mapped.container == "c"


def test_connection_errors_are_transient() -> None:
    assert isinstance(map_swift_error(ConnectionRefusedError(111, "refused"), "Listing"), Transient)


def test_rackspace_identity_v2_sends_the_api_key() -> None:
    settings = SwiftSettings.from_mapping(
        {
            "auth_url": "https://identity.api.rackspacecloud.com/v2.0/",
            "auth_version": "2",
            "username": "rackuser",
            "api_key": "0123abcd",
            "region": "DFW",
            "endpoint_type": "internal",
        }
    )
    plugin = keystone_plugin(settings)
    assert isinstance(plugin, RackspaceApiKey)
    assert plugin.get_auth_data() == {
        "RAX-KSKEY:apiKeyCredentials": {"username": "rackuser", "apiKey": "0123abcd"}
    }
    assert endpoint_filter(settings)["interface"] == "internal"  # ServiceNet
    assert not is_rackspace_identity("https://keystone.example.com/v2.0")
    assert not is_rackspace_identity("https://evilrackspacecloud.com/v2.0")
