"""A plain reference for find and du, written apart from the engine: what a person means by
each filter, applied to a list of objects one by one."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from storebrowser.core.types import ObjectInfo


@dataclass(frozen=True)
class Wanted:
    contains: str | None = None
    glob: str | None = None
    regex: str | None = None
    min_size: int | None = None
    max_size: int | None = None
    newer: datetime | None = None
    older: datetime | None = None
    storage_class: str | None = None
    content_type: str | None = None


def name_of(key: str) -> str:
    parts = key.split("/")
    return parts[-2] + "/" if key.endswith("/") else parts[-1]


def wanted(info: ObjectInfo, want: Wanted) -> bool:
    name = name_of(info.key)
    checks = [
        want.contains is None or want.contains.lower() in name.lower(),
        want.glob is None
        or fnmatch.fnmatchcase(_glob_target(info.key, name, want.glob), want.glob.lower()),
        want.regex is None or re.search(want.regex, info.key, re.IGNORECASE) is not None,
        want.min_size is None or info.size >= want.min_size,
        want.max_size is None or info.size <= want.max_size,
        want.newer is None or (info.modified is not None and info.modified >= want.newer),
        want.older is None or (info.modified is not None and info.modified < want.older),
        want.storage_class is None or (info.storage_class or "").lower() == want.storage_class.lower(),
        want.content_type is None
        or (info.content_type or "").split(";")[0].strip().lower() == want.content_type.lower(),
    ]
    return all(checks)


def matching(infos: Iterable[ObjectInfo], want: Wanted) -> set[str]:
    return {info.key for info in infos if wanted(info, want)}


def _glob_target(key: str, name: str, glob: str) -> str:
    return (key if "/" in glob.rstrip("/") else name).lower()
