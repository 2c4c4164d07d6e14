"""CORS rules kept and answered: a real preflight from a chosen origin against the Swift
proxy and Azurite (both enforce their rules); moto keeps the rules and applies them to
plain requests, but answers every preflight 403 with its own headers, so its preflight is
not a check of the rules (noted in tests/servers/README.md). Lifecycle rules on moto,
which keeps them and never runs them; Swift's s3api does not take them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storebrowser.core.cors import CorsRule, matching_rule, parse_cors
from storebrowser.core.errors import InvalidConfiguration, StorageError, Unsupported
from storebrowser.core.expiry import parse_duration
from storebrowser.core.lifecycle import parse_lifecycle
from storebrowser.providers import probe
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name

ORIGIN = "https://app.example"
OTHER = "https://elsewhere.example"


@pytest.fixture
def fresh(request: pytest.FixtureRequest) -> Iterator[tuple[Provider, str]]:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    name = unique_container_name()
    provider.create_container(name)
    sending.upload_bytes(provider, name, "page.json", b"{}")
    yield provider, name
    if provider.capabilities.cors and provider.kind == "azure":
        provider.set_cors(name, [])  # account-wide: leave none behind for other tests
    provider.delete_container(name, force=True)


def _rule_for(kind: str) -> CorsRule:
    if kind == "swift":  # every method and header, as Swift allows them
        return CorsRule((ORIGIN,), ("*",), ("*",), ("etag",), 60)
    return CorsRule((ORIGIN,), ("GET", "PUT"), ("x-custom",), ("etag",), 60)


@pytest.mark.parametrize("fresh", ["swift", "azure"], indirect=True)
def test_a_real_preflight_follows_the_rules(fresh: tuple[Provider, str]) -> None:
    provider, box = fresh
    rule = _rule_for(provider.kind)
    kept = provider.set_cors(box, [rule])
    assert kept.rules == (rule,)
    assert provider.get_cors(box).rules == (rule,)
    if provider.kind == "azure":
        assert kept.scope == "account" and "every container" in kept.note
    for origin, method, expected in ((ORIGIN, "GET", True), (ORIGIN, "PUT", True), (OTHER, "GET", False)):
        result = provider.preflight(box, "page.json", origin, method, ["x-custom"])
        said = matching_rule(kept.rules, origin, method, ["x-custom"]) is not None
        assert result.allowed is expected is said, result
        if expected:
            assert result.allow_origin == origin
            assert result.sentence().endswith(f"allowed (Access-Control-Allow-Origin: {origin}).")
    provider.set_cors(box, [])
    assert provider.get_cors(box).rules == ()
    assert not provider.preflight(box, "page.json", ORIGIN, "GET").allowed


@pytest.mark.parametrize(
    ("fresh", "rules", "words"),
    [
        ("swift", [CorsRule((ORIGIN,), ("GET",))], 'write "AllowedMethods": ["*"]'),
        ("swift", [CorsRule((ORIGIN,), ("*",)), CorsRule((OTHER,), ("*",))], "one CORS rule per container"),
        ("swift", [CorsRule(("https://*.example",), ("*",))], "compares origins exactly"),
        ("azure", [CorsRule((ORIGIN,), ("GET",))] * 6, "5 at most per account"),
        ("azure", [CorsRule((ORIGIN,), ("GET",), id="named")], "keeps no ID"),
        ("s3_moto", [CorsRule((ORIGIN,), ("PATCH",))], "S3 does not take the method 'PATCH'"),
        ("s3_moto", [CorsRule((ORIGIN,), ("*",))], "S3 does not take the method '*'"),
    ],
    indirect=["fresh"],
)
def test_what_a_service_cannot_keep_is_refused_before_sending(fresh, rules, words) -> None:
    provider, box = fresh
    before = provider.get_cors(box).rules
    with pytest.raises(InvalidConfiguration, match=words.replace("[", r"\[").replace("*", r"\*")):
        provider.set_cors(box, rules)
    assert provider.get_cors(box).rules == before


@pytest.mark.parametrize("fresh", ["s3_moto"], indirect=True)
def test_moto_keeps_cors_rules_and_applies_them_to_plain_requests(fresh) -> None:
    provider, box = fresh
    rules = parse_cors(
        '{"CORSRules": [{"ID": "app", "AllowedOrigins": ["https://app.example"],'
        ' "AllowedMethods": ["GET"], "AllowedHeaders": ["*"], "MaxAgeSeconds": 60}]}'
    )
    assert provider.set_cors(box, rules).rules == rules
    provider.apply_access(provider.plan_access(box, "page.json", provider.access_report(box).levels[1]))
    answer = probe.anonymous("GET", provider.object_url(box, "page.json"), {"Origin": ORIGIN})
    assert answer.status == 200 and answer.header("Access-Control-Allow-Origin") == ORIGIN
    provider.set_cors(box, [])
    assert provider.get_cors(box).rules == ()


# -- lifecycle --------------------------------------------------------------------------------------

LIFECYCLE = """{"Rules": [
  {"ID": "logs", "Filter": {"Prefix": "logs/"}, "Status": "Enabled",
   "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}], "Expiration": {"Days": 365}},
  {"ID": "uploads", "Filter": {"Prefix": ""}, "Status": "Enabled",
   "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}
]}"""


@pytest.mark.parametrize("fresh", ["s3_moto"], indirect=True)
def test_moto_keeps_lifecycle_rules_and_an_expiry_for_a_prefix_joins_them(fresh) -> None:
    provider, box = fresh
    rules = parse_lifecycle(LIFECYCLE)
    assert provider.set_lifecycle(box, rules) == rules
    rule = provider.expire_prefix(box, "tmp/", after=parse_duration("7d"))
    assert rule.expire_days == 7 and rule.prefix == "tmp/"
    kept = provider.get_lifecycle(box)
    assert kept[:2] == rules and kept[2] == rule
    again = provider.expire_prefix(box, "tmp/", after=parse_duration("2d"))  # replaces its own rule
    assert [r.expire_days for r in provider.get_lifecycle(box) if r.id == again.id] == [2]
    with pytest.raises(InvalidConfiguration, match="whole days"):
        provider.expire_prefix(box, "tmp/", after=parse_duration("10m"))
    assert provider.set_lifecycle(box, []) == ()


@pytest.mark.parametrize("fresh", ["s3_swift"], indirect=True)
def test_swift_s3api_takes_no_lifecycle_rules_and_no_cors_and_says_so(fresh) -> None:
    provider, box = fresh
    assert provider.get_lifecycle(box) == ()
    with pytest.raises(StorageError) as refused:
        provider.set_lifecycle(box, parse_lifecycle(LIFECYCLE))
    assert "MalformedXML" in str(refused.value) and "\n" not in str(refused.value)
    with pytest.raises(Unsupported, match="does not implement it"):
        provider.get_cors(box)


@pytest.mark.parametrize("fresh", ["swift", "azure", "local"], indirect=True)
def test_lifecycle_rules_elsewhere_say_why_not(fresh) -> None:
    provider, box = fresh
    with pytest.raises(Unsupported) as refused:
        provider.get_lifecycle(box)
    reason = provider.capabilities.reason("lifecycle")
    assert reason and reason in str(refused.value)
    if provider.kind == "azure":
        assert "management API" in reason and "data-plane SDK" in reason
