"""The Qt-free halves of container settings: the sentence of who can read what, CORS and
lifecycle files read with the line and the rule they break, durations and moments of an
expiry, the --sse words, customer keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storebrowser.core.access import Access, AccessLevel, LiveAnswer, LiveCheck, exposure, sentence
from storebrowser.core.cors import CorsRule, cors_json, matching_rule, parse_cors
from storebrowser.core.encryption import (
    Encryption,
    EncryptionMode,
    check_customer_key,
    customer_key_md5,
    new_customer_key,
)
from storebrowser.core.errors import InvalidConfiguration
from storebrowser.core.expiry import parse_duration, parse_moment, time_left
from storebrowser.core.lifecycle import LifecycleRule, lifecycle_json, parse_lifecycle

# -- who can read this ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("access", "level", "words"),
    [
        (Access(False, False), AccessLevel.PRIVATE, "Only people with credentials"),
        (Access(True, False), AccessLevel.PUBLIC_READ, "knows an object's name can read it"),
        (Access(True, True), AccessLevel.PUBLIC_LIST, "Anyone can list box and read every object"),
        (Access(False, True), None, "list the names in box without signing in, but not read"),
        (Access(None, False), None, "depends on conditions"),
    ],
)
def test_a_container_sentence_says_what_a_stranger_can_do(access, level, words) -> None:
    assert access.level is level
    assert words in sentence(access, "box")


def test_an_object_sentence_and_one_naming_the_exceptions() -> None:
    assert (
        sentence(Access(True), "box", "a.txt")
        == "Anyone who has its address can read a.txt, without signing in."
    )
    some = Access(False, False, "objects matching 'pub/*'")
    assert "except objects matching 'pub/*'" in sentence(some, "box")


def test_exposure_names_the_count_where_known() -> None:
    assert exposure("box", None, AccessLevel.PUBLIC_READ, 12, False) == (
        "the 12 objects in box, and every one added later"
    )
    assert "more than 10,000" in exposure("box", None, AccessLevel.PUBLIC_LIST, 10_000, True)
    assert "list of their names" in exposure("box", None, AccessLevel.PUBLIC_LIST, 1, False)
    assert exposure("box", "a.txt", AccessLevel.PUBLIC_READ, None, False) == "the object a.txt"


def test_the_live_check_and_the_settings_are_compared_where_both_say_something() -> None:
    check = LiveCheck((LiveAnswer("list", "u", 200), LiveAnswer("read", "u", 403)))
    assert check.agrees_with(Access(False, True))
    assert check.disagreements(Access(False, False)) == [
        "The settings say the server should refuse a listing without credentials, "
        "but it allowed one just now."
    ]
    # Some objects readable: one read says nothing either way.
    assert check.agrees_with(Access(False, True, "objects under 'pub/'"))
    assert LiveCheck((LiveAnswer("read", "u", None, "refused"),)).agrees_with(Access(True))


# -- CORS ------------------------------------------------------------------------------------------

GOOD_CORS = """{
  "CORSRules": [
    {
      "AllowedOrigins": ["https://app.example"],
      "AllowedMethods": ["GET", "PUT"],
      "AllowedHeaders": ["x-amz-*"],
      "MaxAgeSeconds": 600
    }
  ]
}"""


def test_a_cors_file_round_trips() -> None:
    rules = parse_cors(GOOD_CORS)
    assert rules == (CorsRule(("https://app.example",), ("GET", "PUT"), ("x-amz-*",), (), 600),)
    assert rules[0].line == 3
    assert parse_cors(cors_json(rules)) == rules


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"CORSRules": [\n{"AllowedMethods": ["GET"]}\n]}', "line 2: rule 1 has no AllowedOrigins"),
        ('{"CORSRules": [\n{"AllowedOrigins": ["*"], "AllowedMethods": ["get"]}]}',
         "line 2: rule 1: the method 'get'"),
        ('{"CORSRules": [{"AllowedOrigins": ["*"],\n "AllowedMethods": ["GET"]},\n'
         '{"AllowedOrigin": ["x"]}]}', "line 3: rule 2: unknown field 'AllowedOrigin'"),
        ('{"CORSRules": [\n\n{"AllowedOrigins": ["https://*.a.*"], "AllowedMethods": ["GET"]}]}',
         "line 3: rule 1: the origin"),
        ('{"CORSRules": [{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"], "MaxAgeSeconds": "9"}]}',
         "MaxAgeSeconds must be a whole number"),
        ('{"CORSRules": [\n{"AllowedOrigins": ["*"], "AllowedMethods": ["GET"],\n "ExposeHeaders": ["*"]}]}',
         "line 2: rule 1: ExposeHeaders cannot be '*'"),
        ('{"CORSRules": [\n  {"AllowedOrigins": ["*"],,}\n]}', "line 2, column 28: not valid JSON"),
        ('{"Rules": []}', "unknown field 'Rules'"),
    ],
)  # fmt: skip
def test_a_malformed_cors_file_is_refused_with_the_line_and_the_rule(text: str, words: str) -> None:
    with pytest.raises(InvalidConfiguration) as refused:
        parse_cors(text, "cors.json")
    assert words in str(refused.value)
    assert str(refused.value).startswith("cors.json")


def test_the_rules_say_what_a_preflight_should_get() -> None:
    rules = parse_cors(GOOD_CORS)
    assert matching_rule(rules, "https://app.example", "PUT", ["x-amz-meta-a"]) == 1
    assert matching_rule(rules, "https://app.example", "DELETE") is None
    assert matching_rule(rules, "https://other.example", "GET") is None
    assert matching_rule(rules, "https://app.example", "GET", ["authorization"]) is None


# -- lifecycle --------------------------------------------------------------------------------------

GOOD_LIFECYCLE = """{
  "Rules": [
    {
      "ID": "logs",
      "Filter": {"Prefix": "logs/"},
      "Status": "Enabled",
      "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}],
      "Expiration": {"Days": 365}
    },
    {
      "ID": "tmp",
      "Prefix": "tmp/",
      "Status": "Disabled",
      "Expiration": {"Date": "2031-01-01T00:00:00Z"}
    }
  ]
}"""


def test_a_lifecycle_file_round_trips_and_summarises() -> None:
    rules = parse_lifecycle(GOOD_LIFECYCLE)
    assert [rule.line for rule in rules] == [3, 10]
    assert rules[1] == LifecycleRule(id="tmp", prefix="tmp/", enabled=False, expire_date=date(2031, 1, 1))
    assert rules[0].summary() == "objects under 'logs/': to STANDARD_IA after 30 days, deleted after 365 days"
    assert parse_lifecycle(lifecycle_json(rules)) == rules


def test_a_filter_the_editor_does_not_model_is_kept_as_it_was() -> None:
    text = '{"Rules": [{"ID": "t", "Filter": {"Tag": {"Key": "a", "Value": "b"}}, "Status": "Enabled",' \
           ' "Expiration": {"Days": 3}}]}'  # fmt: skip
    (rule,) = parse_lifecycle(text)
    assert rule.to_json()["Filter"] == {"Tag": {"Key": "a", "Value": "b"}}
    assert "matching a filter" in rule.summary()


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ('{"ID": "a", "Status": "Enabled"}', "rule 2 'a': it does nothing"),
        ('{"ID": "a", "Status": "On", "Expiration": {"Days": 1}}', "Status is 'On'"),
        ('{"Expiration": {"Days": 0}}', "Expiration.Days must be 1 or more"),
        ('{"Expiration": {"Days": -2}}', "whole number of days"),
        ('{"Expiration": {"Date": "2031-01-01T10:00:00Z"}}', "must be midnight UTC"),
        ('{"Transitions": [{"Days": 5, "StorageClass": "STANDARD_IA"}]}', "needs 30 days at least"),
        ('{"Transitions": [{"Days": 40, "StorageClass": "GLACIER"}], "Expiration": {"Days": 30}}',
         "comes after the expiration"),
        ('{"Transitions": [{"Days": 1, "StorageClass": "COLD"}]}', "a transition to 'COLD'"),
        ('{"Expiraton": {"Days": 1}}', "unknown field 'Expiraton'"),
        ('{"Filter": {"Prefix": "a"}, "Prefix": "b", "Expiration": {"Days": 1}}', "either Filter or Prefix"),
    ],
)  # fmt: skip
def test_a_broken_lifecycle_rule_is_refused_with_the_line_and_the_rule(rule: str, words: str) -> None:
    with pytest.raises(InvalidConfiguration) as refused:
        parse_lifecycle(
            '{"Rules": [\n  {"ID": "ok", "Expiration": {"Days": 1}},\n  ' + rule + "\n]}", "lc.json"
        )
    message = str(refused.value)
    assert message.startswith("lc.json line 3: rule 2"), message
    assert words in message


def test_lifecycle_ids_are_unique() -> None:
    with pytest.raises(InvalidConfiguration, match="used by another rule"):
        parse_lifecycle('[{"ID": "a", "Expiration": {"Days": 1}}, {"ID": "a", "Expiration": {"Days": 2}}]')


# -- expiry ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("90s", timedelta(seconds=90)), ("10m", timedelta(minutes=10)), ("7d", timedelta(days=7)),
     (" 2H ", timedelta(hours=2)), ("1w", timedelta(weeks=1))],
)  # fmt: skip
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "7", "d7", "1.5h", "-3d", "0s", "7 days", "99999d"])
def test_a_duration_that_is_none_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(InvalidConfiguration) as refused:
        parse_duration(text)
    assert "\n" not in str(refused.value)


def test_moments_need_a_zone_and_a_future() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert parse_moment("2030-01-02T01:00:00+01:00", now=now) == datetime(2030, 1, 2, tzinfo=UTC)
    with pytest.raises(InvalidConfiguration, match="no time zone"):
        parse_moment("2030-01-02T00:00:00", now=now)
    with pytest.raises(InvalidConfiguration, match="in the past"):
        parse_moment("2029-12-31T23:59:59Z", now=now)
    with pytest.raises(InvalidConfiguration, match="not an ISO 8601 moment"):
        parse_moment("tomorrow", now=now)


def test_time_left_says_the_two_largest_units_rounded_down() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert time_left(now + timedelta(weeks=2) - timedelta(seconds=1), now) == "in 1 week, 6 days"
    assert time_left(now + timedelta(weeks=2), now) == "in 2 weeks"
    assert time_left(now + timedelta(minutes=3, seconds=20), now) == "in 3 minutes, 20 seconds"
    assert time_left(now + timedelta(days=1, minutes=5), now) == "in 1 day"
    assert time_left(now, now) == "now"


# -- encryption ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode", "key_id"),
    [("s3", EncryptionMode.SSE_S3, ""), ("kms", EncryptionMode.SSE_KMS, ""),
     ("kms:alias/mine", EncryptionMode.SSE_KMS, "alias/mine"), ("c", EncryptionMode.SSE_C, ""),
     ("scope:team", EncryptionMode.SCOPE, "team")],
)  # fmt: skip
def test_sse_words_round_trip(text: str, mode: EncryptionMode, key_id: str) -> None:
    chosen = Encryption.parse(text)
    assert (chosen.mode, chosen.key_id) == (mode, key_id)
    assert Encryption.parse(chosen.text()) == chosen


@pytest.mark.parametrize("text", ["aes", "c:MYKEY", "s3:x", "scope:", ""])
def test_sse_words_that_are_none_are_refused(text: str) -> None:
    with pytest.raises(InvalidConfiguration):
        Encryption.parse(text)


def test_a_customer_key_is_32_bytes_of_base64_and_refusals_never_quote_it() -> None:
    key = new_customer_key()
    assert check_customer_key(key) == key
    assert len(customer_key_md5(key)) == 24
    short = "c2hvcnQta2V5LXNob3J0LWtleQ=="
    for bad in (short, "not base64 at all!!"):
        with pytest.raises(InvalidConfiguration) as refused:
            check_customer_key(bad)
        assert bad not in str(refused.value)
