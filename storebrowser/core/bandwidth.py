"""The bandwidth limit: one token bucket per direction, shared by every transfer of the
engine, refilled continuously and charged per chunk, so bytes flow at the rate evenly
(no burst of a whole part, then silence). Its rate can change while transfers wait on it,
and a schedule can hold it to some hours of the day.

Written here rather than taken from a library: the ones on PyPI either do not block
(``token-bucket`` answers yes or no), or count requests in windows (``pyrate-limiter``,
``limits``: a window's allowance can go in one burst), and none lets a rate change wake
the threads already waiting, nor takes an injected clock for tests. The bucket is the
generic cell-rate idea in a few lines: a debt of bytes, each taker waiting until the
debt it joined is paid.

Values are rclone's ``--bwlimit`` syntax: a number with a suffix ``B``, ``K``, ``M``,
``G`` (binary: ``1M`` is 1 MiB/s), no suffix meaning KiB/s, ``0`` or ``off`` none;
``UP:DOWN`` limits the two directions apart.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from datetime import time as clock_time

from storebrowser.core.cancel import NEVER, CancelToken

KiB = 1024
#: What a limited transfer charges at a time (and reads, downloading): small enough that
#: a 100 ms slot of a slow limit still sees bytes move.
LIMITED_CHUNK = 64 * KiB
#: The largest read a download takes in whole (to check its MD5) while limited (an eighth
#: of a second of the rate, one chunk at least): bytes arrive in bursts of this size, so
#: small enough to stay even, large enough that the requests stay few.
LIMITED_WHOLE_READ = 512 * KiB
#: Bytes a bucket may hold unused: this many seconds of its rate, at least one chunk.
BURST_SECONDS = 0.05
#: The longest sleep before a waiter looks at the cancel token again.
MAX_WAIT = 0.2
#: How often the schedule is looked at, in seconds.
SCHEDULE_CHECK = 1.0

_UNITS = {"": KiB, "B": 1, "K": KiB, "M": KiB**2, "G": KiB**3, "T": KiB**4}
_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([BKMGT]?)(?:i?B?)?(?:/s)?\s*$", re.IGNORECASE)
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-\u2013]\s*(\d{1,2}):(\d{2})\s*$")
#: Days first, then hours: ``Mon-Fri 08:00-18:00``, ``Sat,Sun``; the hours alone, every day.
_DAYS_FIRST = re.compile(r"^\s*([A-Za-z][A-Za-z,\s\-\u2013]*?)(?:\s+(\d.*))?\s*$")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_NAMES_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SCHEDULE_HINT = "write it as 08:00-18:00, Mon-Fri 08:00-18:00 or Sat,Sun"


class BadLimit(ValueError):
    """Input a person typed that is not a limit; the message says what would be."""


def parse_rate(text: str) -> int | None:
    """Bytes per second, or ``None`` for no limit (``0``, ``off``, empty)."""
    cleaned = text.strip()
    if cleaned.lower() in ("", "0", "off", "none", "unlimited"):
        return None
    match = _RATE.match(cleaned)
    if match is None:
        raise BadLimit(f"{text.strip()!r} is not a rate: write a number with K or M, such as 512K or 10M "
                       "(0 or off for none)")  # fmt: skip
    rate = int(float(match.group(1)) * _UNITS[match.group(2).upper()])
    return rate or None


def parse_limits(text: str) -> tuple[int | None, int | None]:
    """``UP[:DOWN]``: one value limits both directions."""
    up, sep, down = text.partition(":")
    if sep and ":" in down:
        raise BadLimit(f"{text!r}: write UP or UP:DOWN, such as 1M or 1M:10M")
    up_rate = parse_rate(up)
    return up_rate, (parse_rate(down) if sep else up_rate)


def format_rate(rate: int | None) -> str:
    """The shortest exact spelling: ``10M``, ``512K``, ``1000B``; ``off`` for none."""
    if rate is None:
        return "off"
    for suffix in ("G", "M", "K"):
        unit = _UNITS[suffix]
        if rate >= unit and rate % unit == 0:
            return f"{rate // unit}{suffix}"
    if rate >= KiB and (rate * 10) % KiB == 0:
        return f"{rate * 10 // KiB / 10:g}K"
    return f"{rate}B"


@dataclass(frozen=True, slots=True)
class Schedule:
    """Limited from ``start`` to ``end`` (local time); across midnight when ``end`` is
    earlier; all day when both are equal. ``days`` (0 Monday ... 6 Sunday; ``None``:
    every day) are the days a span starts on: ``Fri 22:00-06:00`` holds until Saturday
    06:00, not on Friday's early hours."""

    start: clock_time
    end: clock_time
    days: frozenset[int] | None = None

    def contains(self, moment: clock_time | datetime) -> bool:
        """Whether ``moment`` is in a limited span; a bare time of day is taken to be on
        one of the days."""
        at = moment.time() if isinstance(moment, datetime) else moment
        weekday = moment.weekday() if isinstance(moment, datetime) else None
        if self.start == self.end:
            started_on = weekday
        elif self.start < self.end:
            if not self.start <= at < self.end:
                return False
            started_on = weekday
        elif at >= self.start:
            started_on = weekday
        elif at < self.end:  # after midnight: the span started the day before
            started_on = None if weekday is None else (weekday - 1) % 7
        else:
            return False
        return self.days is None or started_on is None or started_on in self.days

    def text(self) -> str:
        hours = f"{self.start:%H:%M}-{self.end:%H:%M}"
        if self.days is None:
            return hours
        days = _days_text(self.days)
        return days if self.start == self.end == clock_time(0, 0) else f"{days} {hours}"

    @classmethod
    def parse(cls, text: str) -> Schedule:
        days: frozenset[int] | None = None
        hours = text
        if (first := _DAYS_FIRST.match(text)) is not None:
            days = _parse_days(first.group(1), text)
            hours = first.group(2) or "00:00-00:00"
        match = _HOURS.match(hours)
        if match is None:
            raise BadLimit(f"{text.strip()!r} is not a span of hours: {_SCHEDULE_HINT}")
        numbers = [int(part) for part in match.groups()]
        if numbers[0] > 23 or numbers[2] > 23 or numbers[1] > 59 or numbers[3] > 59:
            raise BadLimit(f"{text.strip()!r}: hours go from 00:00 to 23:59")
        return cls(clock_time(numbers[0], numbers[1]), clock_time(numbers[2], numbers[3]), days)


def _parse_days(text: str, whole: str) -> frozenset[int]:
    """``Mon-Fri``, ``Sat,Sun``, ``Fri-Mon`` (a range may wrap past Sunday)."""
    days: set[int] = set()
    for item in text.replace(" ", "").split(","):
        first, _, last = item.replace("\u2013", "-").partition("-")
        start, end = _day(first, whole), _day(last or first, whole)
        days.update((start + step) % 7 for step in range((end - start) % 7 + 1))
    return frozenset(days)


def _day(name: str, whole: str) -> int:
    """A day by its name or the name's first three letters at least: ``Mon``, ``Tues``."""
    for number, full in enumerate(DAY_NAMES_FULL):
        if len(name) >= 3 and full.lower().startswith(name.lower()):
            return number
    raise BadLimit(f"{whole.strip()!r}: {name!r} is not a day ({', '.join(DAY_NAMES)}); {_SCHEDULE_HINT}")


def _days_text(days: frozenset[int]) -> str:
    """The shortest spelling: runs of three days or more as ``Mon-Fri``."""
    parts: list[str] = []
    ordered = sorted(days)
    run = [ordered[0]]
    for day in [*ordered[1:], -1]:  # -1 ends the last run
        if day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[d] for d in run)
        run = [day]
    return ",".join(parts)


@dataclass(frozen=True, slots=True)
class Limits:
    """What a person set: bytes per second each way (``None``: no limit), and the hours
    the limits hold (``None``: always)."""

    up: int | None = None
    down: int | None = None
    schedule: Schedule | None = None

    @property
    def any(self) -> bool:
        return self.up is not None or self.down is not None

    def to_json(self) -> dict[str, object]:
        return {"up": self.up, "down": self.down, "hours": self.schedule.text() if self.schedule else None}

    @classmethod
    def from_json(cls, value: object) -> Limits:
        """A saved setting; anything damaged in it is read as no limit."""
        if not isinstance(value, dict):
            return cls()
        up, down, hours = value.get("up"), value.get("down"), value.get("hours")
        try:
            schedule = Schedule.parse(hours) if isinstance(hours, str) else None
        except BadLimit:
            schedule = None
        return cls(_positive(up), _positive(down), schedule)


def _positive(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


NO_LIMITS = Limits()


class TokenBucket:
    """Bytes at ``rate`` per second to every thread that ``take``s them, together.

    A taker adds its bytes to the bucket's debt and waits until that debt is paid at the
    rate; the bucket holds at most ``BURST_SECONDS`` of the rate (one chunk at least)
    unused, so an idle moment does not turn into a burst later. ``clock`` and ``sleep``
    are injectable for tests (``sleep`` is then called with the lock held)."""

    def __init__(
        self,
        rate: int | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._cond = threading.Condition()
        self._clock = clock
        self._sleep = sleep if sleep is not None else self._cond.wait
        self._rate = rate
        self._tokens = 0.0
        self._stamp = clock()
        self._generation = 0

    @property
    def rate(self) -> int | None:
        return self._rate

    def set_rate(self, rate: int | None) -> None:
        """A new rate from now on; threads waiting on the old one wait anew on it."""
        with self._cond:
            if rate == self._rate:
                return
            self._refill()
            self._rate = rate
            self._tokens = min(self._tokens, self._capacity()) if rate is not None else 0.0
            self._generation += 1
            self._cond.notify_all()

    def take(self, count: int, cancel: CancelToken = NEVER) -> None:
        """Wait until ``count`` bytes may go (no wait without a rate)."""
        if self._rate is None or count <= 0:  # unlocked read: the common case costs nothing
            return
        with self._cond:
            if self._rate is None:
                return
            self._refill()
            self._tokens -= count
            self._wait_for_debt(cancel)

    def _wait_for_debt(self, cancel: CancelToken) -> None:
        generation = self._generation
        deadline = self._deadline()
        while deadline is not None:
            now = self._clock()
            if now >= deadline:
                return
            cancel.raise_if_cancelled()
            self._sleep(min(deadline - now, MAX_WAIT))
            if self._generation != generation:  # the rate changed: the debt left, at the new rate
                generation = self._generation
                self._refill()
                deadline = self._deadline()

    def _deadline(self) -> float | None:
        if self._rate is None or self._tokens >= 0:
            return None
        return self._stamp + -self._tokens / self._rate

    def _capacity(self) -> float:
        return max(float(LIMITED_CHUNK), (self._rate or 0) * BURST_SECONDS)

    def _refill(self) -> None:
        now = self._clock()
        if self._rate is not None:
            self._tokens = min(self._capacity(), self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now


class Bandwidth:
    """The engine's limit: an upload bucket and a download bucket, set from ``Limits``
    at any time (by any thread), the schedule looked at about once a second."""

    def __init__(
        self,
        limits: Limits = NO_LIMITS,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
        local_time: Callable[[], clock_time | datetime] = datetime.now,
    ) -> None:
        self.up = TokenBucket(clock=clock, sleep=sleep)
        self.down = TokenBucket(clock=clock, sleep=sleep)
        self._clock = clock
        self._local_time = local_time
        self._lock = threading.Lock()
        self._limits = NO_LIMITS
        self._checked = float("-inf")
        self.set(limits)

    @property
    def limits(self) -> Limits:
        return self._limits

    def set(self, limits: Limits) -> None:
        with self._lock:
            self._limits = limits
            self._checked = float("-inf")
        self._apply_schedule()

    def in_force(self) -> tuple[int | None, int | None]:
        """The rates that hold now (none outside the schedule's hours)."""
        limits = self._limits
        if limits.schedule is not None and not limits.schedule.contains(self._local_time()):
            return None, None
        return limits.up, limits.down

    def sent(self, count: int, cancel: CancelToken = NEVER) -> None:
        """``count`` bytes are being uploaded: wait for their turn."""
        if self._limits.any:
            self._apply_schedule()
            self.up.take(count, cancel)

    def received(self, count: int, cancel: CancelToken = NEVER) -> None:
        """``count`` bytes were downloaded: wait before reading more."""
        if self._limits.any:
            self._apply_schedule()
            self.down.take(count, cancel)

    def read_size(self, usual: int) -> int:
        """The chunk to read a download in: small while a download limit is set."""
        return min(usual, LIMITED_CHUNK) if self._limits.down is not None else usual

    def paced(
        self, chunks: Iterator[bytes], *, step: int, total: int, cancel: CancelToken = NEVER
    ) -> Iterator[bytes]:
        """A download's chunks, each read's bytes paid for before it is made (``step`` at
        a time, at most what is left of ``total``), the difference settled after: reads
        start evenly spaced, so even reads that arrive whole (a checked range) do not all
        land at once. Closing it closes ``chunks`` (a connection goes back to its pool)."""
        credit, left = 0, total
        try:
            while True:
                if (ahead := min(step, left) - credit) > 0:
                    self.received(ahead, cancel)
                    credit += ahead
                chunk = next(chunks, None)
                if chunk is None:
                    return
                credit -= len(chunk)
                left -= len(chunk)
                if credit < 0:
                    self.received(-credit, cancel)
                    credit = 0
                yield chunk
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    def limited(
        self, chunks: Iterable[bytes], *, total: int | None = None, cancel: CancelToken = NEVER
    ) -> Iterator[bytes]:
        """A read outside the engine's jobs (a version saved, ``cat``, a preview, a
        conflict's compare) held to the download limit together with them: ``paced`` a
        chunk at a time (``total`` bytes at most, when known). Without a limit the chunks
        pass as they come, and a limit set meanwhile holds from the next chunk."""
        left = total if total is not None else sys.maxsize
        return self.paced(iter(chunks), step=LIMITED_CHUNK, total=left, cancel=cancel)

    def whole_read_size(self, usual: int) -> int:
        """The size of a read the provider takes in whole (Azure's checked ranges): small
        while a download limit is set, or it arrives as one burst."""
        rate = self._limits.down
        if rate is None:
            return usual
        return min(usual, max(LIMITED_CHUNK, min(LIMITED_WHOLE_READ, rate // 8)))  # an eighth of a second

    def _apply_schedule(self) -> None:
        now = self._clock()
        with self._lock:
            if now - self._checked < SCHEDULE_CHECK:
                return
            self._checked = now
        up, down = self.in_force()
        self.up.set_rate(up)
        self.down.set_rate(down)
