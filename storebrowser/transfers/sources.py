"""The sources of a job of several (``JobKind.has_sources``): for UPLOAD_MANY and
DOWNLOAD_MANY, where each lands, and clashes (objects changed in place land nowhere).

Two sources that would land on the same key (or local path) are refused when the job is
submitted, from their names alone (no I/O): the person sees why at once, instead of a
job whose items race each other for one target. A folder's *contents* (a path ending in
a separator) cannot be checked that way; the expansion fails the later duplicates.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import PurePath

from storebrowser.transfers.jobs import JobSpec


def is_contents(source: str) -> bool:
    """``photos/``: the folder's contents go, not the folder itself (as ``put`` reads it)."""
    return source.endswith(("/", os.sep))


def is_prefix(key: str) -> bool:
    """A download source ending ``/`` (or ``""``, the whole container) is a prefix."""
    return key == "" or key.endswith("/")


def upload_prefix(key: str) -> str:
    """The prefix an upload of several sources goes into: ``a`` means ``a/``."""
    return key if not key or key.endswith("/") else key + "/"


def key_name(key: str) -> str:
    """The last segment of a key or prefix, without its ``/``."""
    return key.rstrip("/").rpartition("/")[2]


def sources_problem(spec: JobSpec) -> str | None:
    """Why the sources of ``spec`` cannot make one job, for a person; None when they can."""
    if not spec.kind.has_sources or not (spec.kind.is_upload or spec.kind.is_download):
        return None  # objects changed in place (a class change, a tag edit) land nowhere
    if not spec.sources:
        return "Nothing to transfer: choose at least one file, folder or object."
    if spec.kind.is_upload:
        names = [(PurePath(s).name, s) for s in spec.sources if not is_contents(s)]
        where = f"{spec.container}/{upload_prefix(spec.key)}"
        return _same_names(names, f"both be uploaded as {where}{{name}}")
    if "" in spec.sources and len(spec.sources) > 1:
        return "The whole container is chosen with other objects of it; choose one or the other."
    nested = _nested(spec.sources)
    if nested is not None:
        inner, outer = nested
        return f"{inner} is inside {outer}, which is chosen too; choose one of them."
    # On the usual macOS and Windows disks Report.pdf and report.pdf are one file: two
    # items would write one .part at once. Elsewhere both are kept, as the service has both.
    fold = str.casefold if CASE_INSENSITIVE_DISKS else str
    names = [(fold(key_name(s)), s) for s in spec.sources if s]
    return _same_names(names, f"both land in {spec.local} as {{name}}")


#: Whether local names differing only in case are one file (APFS and NTFS by default).
CASE_INSENSITIVE_DISKS = sys.platform in ("darwin", "win32")


def _same_names(names: list[tuple[str, str]], what: str) -> str | None:
    counts = Counter(name for name, _source in names)
    for name, count in counts.items():
        if count > 1:
            clashing = [source for n, source in names if n == name][:2]
            return (
                f"{clashing[0]} and {clashing[1]} would {what.format(name=name)}; "
                "transfer them separately, or rename one first."
            )
    return None


def _nested(keys: tuple[str, ...]) -> tuple[str, str] | None:
    """A key inside another chosen prefix (it would come twice, in two layouts). Sorted,
    everything under a prefix follows it in one run: one pass, not all pairs."""
    outer = None
    for key in sorted(set(keys)):
        if outer is not None and key.startswith(outer):
            return key, outer
        if key and is_prefix(key):
            outer = key
    return None
