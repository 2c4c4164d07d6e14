"""Lifecycle rules: objects under a prefix expire, or move to a colder class, after a
number of days (S3's lifecycle configuration).

Written as S3's JSON, the file ``aws s3api put-bucket-lifecycle-configuration`` takes:
``{"Rules": [{"ID": "logs", "Filter": {"Prefix": "logs/"}, "Status": "Enabled",
"Expiration": {"Days": 30}, "Transitions": [{"Days": 7, "StorageClass": "GLACIER"}]}]}``.
What the editor does not model (tag filters, noncurrent-version transitions...) is kept
as it was read and sent back unchanged. Reading a file refuses what S3 would refuse,
saying the line and the rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from storebrowser.core.errors import InvalidConfiguration
from storebrowser.core.jsonlines import JsonProblem, line_of, load_located, problem_at

MAX_RULES = 1000
#: Classes a transition may name, and the fewest days S3 asks before each.
TRANSITION_CLASSES: Mapping[str, int] = MappingProxyType({
    "STANDARD_IA": 30, "ONEZONE_IA": 30, "INTELLIGENT_TIERING": 0, "GLACIER_IR": 0,
    "GLACIER": 0, "DEEP_ARCHIVE": 0,
})  # fmt: skip
#: Fields of a rule the editor keeps but does not model (sent back as read).
KEPT_AS_IS = ("NoncurrentVersionTransitions",)
_KNOWN = {
    "ID", "Filter", "Prefix", "Status", "Expiration", "Transitions", "NoncurrentVersionExpiration",
    "AbortIncompleteMultipartUpload", *KEPT_AS_IS,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Transition:
    storage_class: str
    days: int | None = None
    date: date | None = None

    def to_json(self) -> dict[str, Any]:
        if self.days is not None:
            return {"Days": self.days, "StorageClass": self.storage_class}
        return {"Date": _date_text(self.date), "StorageClass": self.storage_class}


@dataclass(frozen=True, slots=True)
class LifecycleRule:
    """One rule. ``prefix`` ``""`` is every object; ``filter_extra`` holds a filter the
    editor does not model (tags, sizes), ``extra`` other fields, both kept as read."""

    id: str = ""
    prefix: str = ""
    enabled: bool = True
    expire_days: int | None = None
    expire_date: date | None = None
    expire_delete_markers: bool = False
    transitions: tuple[Transition, ...] = ()
    noncurrent_days: int | None = None
    abort_multipart_days: int | None = None
    filter_extra: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    line: int = field(default=0, compare=False)

    def label(self, number: int) -> str:
        """``"rule 2 'logs'"``: how messages name this rule."""
        return f"rule {number} {self.id!r}" if self.id else f"rule {number}"

    def summary(self) -> str:
        """One line for a list: what happens to which objects."""
        scope = f"objects under {self.prefix!r}" if self.prefix else "every object"
        if self.filter_extra:
            scope += " matching a filter (tags or sizes)"
        actions = [f"to {t.storage_class} after {_when(t.days, t.date)}" for t in self.transitions]
        if self.expire_days is not None or self.expire_date is not None:
            actions.append(f"deleted after {_when(self.expire_days, self.expire_date)}")
        if self.expire_delete_markers:
            actions.append("lone delete markers removed")
        if self.noncurrent_days is not None:
            actions.append(f"older versions deleted {self.noncurrent_days} days after replaced")
        if self.abort_multipart_days is not None:
            actions.append(f"unfinished uploads aborted after {self.abort_multipart_days} days")
        state = "" if self.enabled else " (disabled)"
        return f"{scope}: {', '.join(actions) or 'nothing'}{state}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.id:
            data["ID"] = self.id
        data["Filter"] = {**self.filter_extra} if self.filter_extra else {"Prefix": self.prefix}
        data["Status"] = "Enabled" if self.enabled else "Disabled"
        expiration: dict[str, Any] = {}
        if self.expire_days is not None:
            expiration["Days"] = self.expire_days
        if self.expire_date is not None:
            expiration["Date"] = _date_text(self.expire_date)
        if self.expire_delete_markers:
            expiration["ExpiredObjectDeleteMarker"] = True
        if expiration:
            data["Expiration"] = expiration
        if self.transitions:
            data["Transitions"] = [t.to_json() for t in self.transitions]
        if self.noncurrent_days is not None:
            data["NoncurrentVersionExpiration"] = {"NoncurrentDays": self.noncurrent_days}
        if self.abort_multipart_days is not None:
            data["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": self.abort_multipart_days}
        data.update(self.extra)
        return data


def _when(days: int | None, when: date | None) -> str:
    return f"{days} days" if days is not None else f"{when}"


def _date_text(value: date | None) -> str:
    return f"{value.isoformat()}T00:00:00Z" if value else ""


def lifecycle_json(rules: Sequence[LifecycleRule]) -> str:
    return json.dumps({"Rules": [rule.to_json() for rule in rules]}, indent=2, default=str)


def parse_lifecycle(text: str, source: str = "the lifecycle file") -> tuple[LifecycleRule, ...]:
    """Rules from S3-style JSON; ``InvalidConfiguration`` naming the line and the rule."""
    try:
        data = load_located(text, source)
    except JsonProblem as problem:
        raise InvalidConfiguration(str(problem)) from None
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"Rules"})
        if unknown:
            shape = '{"Rules": [...]}'
            raise problem_at(source, line_of(data), f"unknown field {unknown[0]!r}: the file holds {shape}")
        data = data.get("Rules", [])
    if not isinstance(data, list):
        raise problem_at(source, line_of(data), 'expected {"Rules": [...]} or a list of rules')
    rules = tuple(rule_from_json(item, number, source) for number, item in enumerate(data, 1))
    check_rules(rules, source)
    return rules


def rule_from_json(item: Any, number: int, source: str = "the lifecycle rules") -> LifecycleRule:
    """One rule of S3's JSON (a file, or the service's answer)."""
    line = line_of(item)

    def refuse(text: str) -> InvalidConfiguration:
        return problem_at(source, line, f"rule {number}: {text}")

    if not isinstance(item, dict):
        raise refuse("not an object {...}")
    unknown = sorted(set(item) - _KNOWN)
    if unknown:
        raise refuse(f"unknown field {unknown[0]!r}; a rule has {', '.join(sorted(_KNOWN))}")
    status = item.get("Status", "Enabled")
    if status not in ("Enabled", "Disabled"):
        raise refuse(f"Status is {status!r}; it is Enabled or Disabled")
    prefix, filter_extra = _filter(item, refuse)
    expiration = _object(item.get("Expiration", {}), "Expiration", refuse)
    noncurrent = _object(item.get("NoncurrentVersionExpiration", {}), "NoncurrentVersionExpiration", refuse)
    abort = _object(item.get("AbortIncompleteMultipartUpload", {}), "AbortIncompleteMultipartUpload", refuse)
    ident = item.get("ID", "")
    if not isinstance(ident, str):
        raise refuse("ID must be a string")
    return LifecycleRule(
        id=ident,
        prefix=prefix,
        enabled=status == "Enabled",
        expire_days=_days(expiration, "Days", "Expiration", refuse),
        expire_date=_date(expiration.get("Date"), "Expiration", refuse),
        expire_delete_markers=bool(expiration.get("ExpiredObjectDeleteMarker", False)),
        transitions=tuple(_transition(t, refuse) for t in _list(item.get("Transitions", []), refuse)),
        noncurrent_days=_days(noncurrent, "NoncurrentDays", "NoncurrentVersionExpiration", refuse),
        abort_multipart_days=_days(abort, "DaysAfterInitiation", "AbortIncompleteMultipartUpload", refuse),
        filter_extra=filter_extra,
        extra={name: item[name] for name in KEPT_AS_IS if name in item},
        line=line,
    )  # fmt: skip


def _object(value: Any, name: str, refuse: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise refuse(f"{name} must be an object {{...}}")
    return value


def _list(value: Any, refuse: Any) -> list[Any]:
    if not isinstance(value, list):
        raise refuse("Transitions must be a list")
    return value


def _filter(item: Mapping[str, Any], refuse: Any) -> tuple[str, dict[str, Any]]:
    if "Filter" in item and "Prefix" in item:
        raise refuse("give either Filter or Prefix, not both")
    if "Filter" not in item:
        prefix = item.get("Prefix", "")
        if not isinstance(prefix, str):
            raise refuse("Prefix must be a string")
        return prefix, {}
    found = _object(item["Filter"], "Filter", refuse)
    if set(found) <= {"Prefix"}:
        prefix = found.get("Prefix", "")
        if not isinstance(prefix, str):
            raise refuse("Filter.Prefix must be a string")
        return prefix, {}
    return "", dict(found)  # tags, sizes, And: kept as they are


def _days(values: Mapping[str, Any], name: str, within: str, refuse: Any) -> int | None:
    if name not in values:
        return None
    days = values[name]
    if not isinstance(days, int) or isinstance(days, bool) or days < 0:
        raise refuse(f"{within}.{name} must be a whole number of days, 0 or more")
    return days


def _date(value: Any, within: str, refuse: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise refuse(f"{within}.Date {value!r} is not an ISO 8601 date") from None
    else:
        raise refuse(f"{within}.Date must be a date such as 2027-01-31T00:00:00Z")
    offset = moment.utcoffset()
    midnight = (moment.hour, moment.minute, moment.second) == (0, 0, 0)
    if not midnight or (offset is not None and offset.total_seconds()):
        raise refuse(f"{within}.Date must be midnight UTC (S3 acts on whole days), not {value!r}")
    return moment.date()


def _transition(value: Any, refuse: Any) -> Transition:
    found = _object(value, "a transition", refuse)
    storage_class = found.get("StorageClass")
    if storage_class not in TRANSITION_CLASSES:
        raise refuse(f"a transition to {storage_class!r}: the classes are {', '.join(TRANSITION_CLASSES)}")
    days = _days(found, "Days", "Transitions", refuse)
    when = _date(found.get("Date"), "Transitions", refuse)
    if (days is None) == (when is None):
        raise refuse(f"the transition to {storage_class} needs either Days or Date")
    return Transition(str(storage_class), days, when)


def check_rules(rules: Sequence[LifecycleRule], source: str = "the lifecycle rules") -> None:
    """S3's rules for a configuration; ``InvalidConfiguration`` for the first broken."""
    if len(rules) > MAX_RULES:
        raise InvalidConfiguration(f"{source}: {len(rules)} rules; S3 keeps at most {MAX_RULES}.")
    ids: set[str] = set()
    for number, rule in enumerate(rules, 1):
        _check_rule(rule, number, source, ids)


def _check_rule(rule: LifecycleRule, number: int, source: str, ids: set[str]) -> None:
    def refuse(text: str) -> InvalidConfiguration:
        return problem_at(source, rule.line, f"{rule.label(number)}: {text}")

    if len(rule.id) > 255:
        raise refuse("the ID is longer than 255 characters")
    if rule.id and rule.id in ids:
        raise refuse(f"the ID {rule.id!r} is used by another rule; IDs are unique")
    ids.add(rule.id)
    has_expiry = rule.expire_days is not None or rule.expire_date is not None
    if rule.expire_days is not None and rule.expire_date is not None:
        raise refuse("Expiration has both Days and Date; give one")
    if has_expiry and rule.expire_delete_markers:
        raise refuse("Expiration with ExpiredObjectDeleteMarker takes no Days or Date")
    if rule.expire_days == 0:
        raise refuse("Expiration.Days must be 1 or more")
    acts = has_expiry or rule.expire_delete_markers or rule.transitions or rule.extra
    if not acts and rule.noncurrent_days is None and rule.abort_multipart_days is None:
        raise refuse("it does nothing: give an Expiration, Transitions or another action")
    for transition in rule.transitions:
        least = TRANSITION_CLASSES[transition.storage_class]
        if transition.days is not None and transition.days < least:
            raise refuse(f"a transition to {transition.storage_class} needs {least} days at least, "
                         f"not {transition.days}")  # fmt: skip
        expires = rule.expire_days
        if expires is not None and transition.days is not None and transition.days >= expires:
            raise refuse(f"the transition to {transition.storage_class} after {transition.days} days comes "
                         f"after the expiration ({rule.expire_days} days)")  # fmt: skip
    classes = [t.storage_class for t in rule.transitions]
    if len(set(classes)) != len(classes):
        raise refuse("two transitions to the same class")
