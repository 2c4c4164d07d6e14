"""When an object should go: after a duration (``90s``, ``10m``, ``7d``) or at a moment
(ISO 8601 with a time zone), read from what a person typed."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from storebrowser.core.errors import InvalidConfiguration

_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
#: Ten years: past this a typo is likelier than a wish.
LONGEST = timedelta(days=3653)


def parse_duration(text: str) -> timedelta:
    """``"90s"``, ``"10m"``, ``"12h"``, ``"7d"``, ``"2w"`` -> a positive ``timedelta``."""
    found = _DURATION.match(text)
    if found is None:
        raise InvalidConfiguration(
            f"{text!r} is not a duration: a whole number and a unit, s, m, h, d or w (e.g. 90s, 10m, 7d)."
        )
    amount = int(found.group(1))
    duration = timedelta(**{_UNITS[found.group(2).lower()]: amount})
    if duration <= timedelta(0):
        raise InvalidConfiguration(f"{text!r}: an expiry must lie in the future (1s at least).")
    if duration > LONGEST:
        raise InvalidConfiguration(f"{text!r} is more than ten years; give a date with --at instead.")
    return duration


def parse_moment(text: str, *, now: datetime | None = None) -> datetime:
    """ISO 8601 with a zone (``2027-01-31T18:00:00Z``, ``...+01:00``) -> an aware UTC
    ``datetime`` in the future. A moment without a zone is refused: whose evening?"""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidConfiguration(
            f"{text!r} is not an ISO 8601 moment such as 2027-01-31T18:00:00Z."
        ) from None
    if moment.tzinfo is None:
        raise InvalidConfiguration(f"{text!r} has no time zone: add Z for UTC or an offset such as +01:00.")
    moment = moment.astimezone(UTC)
    if moment <= (now or datetime.now(UTC)):
        raise InvalidConfiguration(f"{text!r} is in the past: an expiry must lie in the future.")
    return moment


_SIZES = ((604800, "week"), (86400, "day"), (3600, "hour"), (60, "minute"), (1, "second"))


def time_left(moment: datetime, now: datetime | None = None) -> str:
    """How long until ``moment``, in its two largest units, rounded down: ``"in 1 week, 6 days"``,
    ``"in 3 minutes, 20 seconds"``; ``"now"`` once it has come."""
    seconds = int((moment - (now or datetime.now(UTC))).total_seconds())
    if seconds < 1:
        return "now"
    parts: list[str] = []
    for size, unit in _SIZES:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {unit}{'' if count == 1 else 's'}")
        if len(parts) == 2 or (parts and not count):
            break
    return "in " + ", ".join(parts)
