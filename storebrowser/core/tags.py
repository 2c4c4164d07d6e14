"""Object tags (S3 object tagging, Azure blob index tags): the services' rules, checked
before anything is sent, each refusal quoting the rule it breaks.

Tags are not metadata: they are few (10 per object), drive lifecycle rules and access
policies, and are read and written by their own calls. Keys and values are case-sensitive.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storebrowser.core.errors import InvalidTags


@dataclass(frozen=True, slots=True)
class TagRules:
    """One service's rules for the tags of one object."""

    service: str
    max_tags: int
    max_key: int
    max_value: int
    #: Which characters keys and values may hold, as the service's documentation says it.
    allowed_text: str
    allowed: Callable[[str], bool]
    #: How the service counts length (S3 counts UTF-16 code units).
    length: Callable[[str], int] = len
    length_unit: str = "characters"
    #: Key prefixes the service keeps for itself.
    reserved_prefixes: tuple[str, ...] = ()

    def check(self, tags: Mapping[str, str], *, key: str | None = None) -> dict[str, str]:
        """``tags`` as a plain dict, or ``InvalidTags`` quoting the broken rule."""
        where = f" of {key!r}" if key else ""
        if len(tags) > self.max_tags:
            raise InvalidTags(
                f"{len(tags)} tags{where}: {self.service} allows at most {self.max_tags} tags per "
                "object. Remove some.",
                key=key,
            )
        for name, value in tags.items():
            self._check_key(name, where, key)
            self._check_text(value, f"The value of tag {name!r}{where}", key)
            if self.length(value) > self.max_value:
                raise InvalidTags(
                    f"The value of tag {name!r}{where} is {self.length(value)} {self.length_unit} "
                    f"long; {self.service} allows at most {self.max_value}.",
                    key=key,
                )
        return dict(tags)

    def _check_key(self, name: str, where: str, key: str | None) -> None:
        if not 1 <= self.length(name) <= self.max_key:
            raise InvalidTags(
                f"Tag key {name!r}{where} is {self.length(name)} {self.length_unit} long; "
                f"{self.service} takes keys of 1 to {self.max_key}.",
                key=key,
            )
        self._check_text(name, f"Tag key {name!r}{where}", key)
        for prefix in self.reserved_prefixes:
            if name.lower().startswith(prefix):
                raise InvalidTags(
                    f"Tag key {name!r}{where} starts with {prefix!r}, which {self.service} keeps for "
                    "itself. Choose another key.",
                    key=key,
                )

    def _check_text(self, text: str, what: str, key: str | None) -> None:
        bad = sorted({c for c in text if not self.allowed(c)})
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            raise InvalidTags(
                f"{what} holds {shown}; {self.service} tags may hold only {self.allowed_text}.", key=key
            )


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _s3_allowed(char: str) -> bool:
    # AWS's pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$: letters, separators, numbers, and these.
    return unicodedata.category(char)[0] in "LZN" or char in "_.:/=+-@"


_AZURE_SYMBOLS = frozenset(" +-./:=_")


def _azure_allowed(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or char in _AZURE_SYMBOLS


#: AWS: "up to 10 tags per object; a tag key can be up to 128 Unicode characters, a value
#: up to 256 (counted in UTF-16); letters, numbers and spaces representable in UTF-8,
#: and + - = . _ : / @"; keys may not begin with "aws:".
S3_TAG_RULES = TagRules(
    service="S3",
    max_tags=10,
    max_key=128,
    max_value=256,
    allowed_text="letters, digits, spaces and + - = . _ : / @",
    allowed=_s3_allowed,
    length=_utf16_length,
    length_unit="UTF-16 characters",
    reserved_prefixes=("aws:",),
)

#: Azure Set Blob Tags: "up to 10 tags; keys 1 to 128 characters, values 0 to 256;
#: valid characters: lowercase and uppercase letters, digits (0-9), space, and + - . / : = _".
AZURE_TAG_RULES = TagRules(
    service="Azure",
    max_tags=10,
    max_key=128,
    max_value=256,
    allowed_text="ASCII letters, digits, spaces and + - . / : = _",
    allowed=_azure_allowed,
)


def apply_tag_edit(
    current: Mapping[str, str], set_tags: Mapping[str, str], unset: tuple[str, ...] | list[str]
) -> dict[str, str]:
    """``current`` with ``set_tags`` set and the keys in ``unset`` removed."""
    result = {name: value for name, value in current.items() if name not in unset}
    result.update(set_tags)
    return result


@dataclass(frozen=True, slots=True)
class TagEdit:
    """A change of tags for one object or many: tags to set and keys to remove, applied
    to what each object has; with ``replace`` the object's tags become ``set_tags``
    exactly (the editor of one object, which showed them all). Plain data: a job's spec
    carries it through the journal."""

    set_tags: Mapping[str, str]
    unset: tuple[str, ...] = ()
    replace: bool = False

    def apply(self, current: Mapping[str, str]) -> dict[str, str]:
        if self.replace:
            return dict(self.set_tags)
        return apply_tag_edit(current, self.set_tags, self.unset)

    @property
    def empty(self) -> bool:
        return not self.replace and not self.set_tags and not self.unset

    def to_json(self) -> dict[str, object]:
        return {"set": dict(self.set_tags), "unset": list(self.unset), "replace": self.replace}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> TagEdit:
        tags = data.get("set") or {}
        unset = data.get("unset") or []
        assert isinstance(tags, dict) and isinstance(unset, list)
        return cls({str(k): str(v) for k, v in tags.items()}, tuple(str(k) for k in unset),
                   bool(data.get("replace")))  # fmt: skip
