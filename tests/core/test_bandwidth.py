"""The bandwidth limit's bucket on an injected clock: the rate held, evenly, changed while
a taker waits; the schedule; rclone's syntax."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import datetime
from datetime import time as clock_time

import pytest

from storebrowser.core.bandwidth import (
    LIMITED_CHUNK,
    BadLimit,
    Bandwidth,
    Limits,
    Schedule,
    TokenBucket,
    format_rate,
    parse_limits,
    parse_rate,
)
from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled

KiB, MiB = 1024, 1024 * 1024


class FakeClock:
    """Time that moves only when someone sleeps; an optional hook runs at each sleep."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0
        self.on_sleep: list[Callable[[], None]] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += 1
        self.now += seconds
        for hook in list(self.on_sleep):
            hook()


def send_for(bucket: TokenBucket, clock: FakeClock, total: int) -> list[tuple[float, int]]:
    """Take ``total`` bytes in chunks; the (time, bytes) each chunk was allowed at."""
    allowed = []
    sent = 0
    while sent < total:
        bucket.take(LIMITED_CHUNK)
        sent += LIMITED_CHUNK
        allowed.append((clock.now, LIMITED_CHUNK))
    return allowed


def test_the_rate_holds_within_a_percent_over_ten_seconds() -> None:
    clock = FakeClock()
    bucket = TokenBucket(MiB, clock=clock, sleep=clock.sleep)
    start = clock.now
    send_for(bucket, clock, 10 * MiB)
    assert clock.now - start == pytest.approx(10.0, rel=0.01)


def test_bytes_flow_evenly_no_slot_of_100_ms_far_above_the_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(MiB, clock=clock, sleep=clock.sleep)
    start = clock.now
    allowed = send_for(bucket, clock, 5 * MiB)
    slots: dict[int, int] = {}
    for moment, count in allowed:
        slot = int((moment - start) / 0.1)
        slots[slot] = slots.get(slot, 0) + count
    # A tenth of the rate per slot, give or take one chunk: no part-sized bursts.
    assert max(slots.values()) <= MiB // 10 + LIMITED_CHUNK
    assert len(slots) >= 45  # and no silent slots in between


def test_a_big_take_waits_its_whole_length() -> None:
    clock = FakeClock()
    bucket = TokenBucket(MiB, clock=clock, sleep=clock.sleep)
    start = clock.now
    bucket.take(8 * MiB)
    assert clock.now - start == pytest.approx(8.0, rel=0.01)


def test_no_rate_never_sleeps() -> None:
    clock = FakeClock()
    bucket = TokenBucket(None, clock=clock, sleep=clock.sleep)
    send_for(bucket, clock, 100 * MiB)
    assert clock.slept == 0


def test_turning_the_limit_off_frees_a_waiting_taker() -> None:
    clock = FakeClock()
    bucket = TokenBucket(64 * KiB, clock=clock, sleep=clock.sleep)
    start = clock.now

    def lift() -> None:
        if clock.now - start >= 1.0:
            bucket.set_rate(None)

    clock.on_sleep.append(lift)
    bucket.take(4 * MiB)  # 64 s at the old rate
    assert clock.now - start < 1.5


def test_a_faster_rate_shortens_the_wait_of_a_taker() -> None:
    clock = FakeClock()
    bucket = TokenBucket(KiB * 100, clock=clock, sleep=clock.sleep)
    start = clock.now

    def faster() -> None:
        if clock.now - start >= 1.0 and bucket.rate != 10 * MiB:
            bucket.set_rate(10 * MiB)

    clock.on_sleep.append(faster)
    bucket.take(2 * MiB)  # about 20 s at 100 KiB/s
    assert clock.now - start < 1.5


def test_an_idle_bucket_saves_no_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(MiB, clock=clock, sleep=clock.sleep)
    clock.now += 60  # a minute of nothing
    start = clock.now
    send_for(bucket, clock, MiB)
    assert clock.now - start >= 0.9  # at most one chunk (or 50 ms) came free


def test_a_cancel_ends_the_wait() -> None:
    clock = FakeClock()
    bucket = TokenBucket(KiB, clock=clock, sleep=clock.sleep)
    cancel = CancelToken()
    clock.on_sleep.append(cancel.cancel)
    with pytest.raises(Cancelled):
        bucket.take(MiB, cancel)


def test_two_directions_are_separate_and_the_schedule_frees_outside_its_hours() -> None:
    clock = FakeClock()
    hour = [clock_time(12, 0)]
    limits = Limits(up=MiB, down=None, schedule=Schedule.parse("08:00-18:00"))
    bandwidth = Bandwidth(limits, clock=clock, sleep=clock.sleep, local_time=lambda: hour[0])
    start = clock.now
    bandwidth.received(10 * MiB)
    assert clock.now == start  # no download limit
    bandwidth.sent(2 * MiB)
    assert clock.now - start == pytest.approx(2.0, rel=0.05)
    hour[0] = clock_time(19, 30)
    clock.now += 5  # the schedule is looked at again
    start = clock.now
    bandwidth.sent(10 * MiB)
    assert clock.now == start
    assert bandwidth.in_force() == (None, None)


def test_a_new_limit_takes_hold_at_once() -> None:
    clock = FakeClock()
    bandwidth = Bandwidth(clock=clock, sleep=clock.sleep)
    bandwidth.sent(MiB)
    assert clock.slept == 0
    bandwidth.set(Limits(up=512 * KiB))
    start = clock.now
    bandwidth.sent(MiB)
    assert clock.now - start == pytest.approx(2.0, rel=0.05)
    assert bandwidth.read_size(MiB) == MiB  # downloads unlimited: their usual reads
    bandwidth.set(Limits(down=512 * KiB))
    assert bandwidth.read_size(MiB) == LIMITED_CHUNK


@pytest.mark.parametrize(
    ("text", "up", "down"),
    [
        ("1M", MiB, MiB),
        ("10M:100K", 10 * MiB, 100 * KiB),
        ("512k:off", 512 * KiB, None),
        ("0", None, None),
        ("off", None, None),
        ("100", 100 * KiB, 100 * KiB),  # rclone: no suffix is KiB/s
        ("1.5M", int(1.5 * MiB), int(1.5 * MiB)),
        ("2MiB:1G", 2 * MiB, 1024 * MiB),
    ],
)
def test_rclone_syntax(text: str, up: int | None, down: int | None) -> None:
    assert parse_limits(text) == (up, down)


@pytest.mark.parametrize("text", ["fast", "1X", "1M:2M:3M", "-1M", "M"])
def test_bad_limits_say_what_would_do(text: str) -> None:
    with pytest.raises(BadLimit, match=r"512K|UP:DOWN"):
        parse_limits(text)


def test_rates_are_written_back_shortest() -> None:
    rates = (None, MiB, 512 * KiB, 1536 * KiB, 1000)
    assert [format_rate(r) for r in rates] == ["off", "1M", "512K", "1536K", "1000B"]
    assert parse_rate(format_rate(3 * MiB)) == 3 * MiB


def test_schedules_across_midnight_and_bad_hours() -> None:
    night = Schedule.parse("22:00-06:00")
    assert night.contains(clock_time(23, 0)) and night.contains(clock_time(5, 59))
    assert not night.contains(clock_time(12, 0))
    day = Schedule.parse("08:00 - 18:00")
    assert day.contains(clock_time(8, 0)) and not day.contains(clock_time(18, 0))
    for bad in ("8-18", "25:00-18:00", "08:00-18:61"):
        with pytest.raises(BadLimit, match=r"08:00-18:00|23:59"):
            Schedule.parse(bad)


def test_schedules_on_weekdays() -> None:
    office = Schedule.parse("Mon-Fri 08:00-18:00")
    friday, saturday = datetime(2026, 12, 4, 9, 30), datetime(2026, 12, 5, 9, 30)
    assert friday.weekday() == 4 and office.contains(friday) and not office.contains(saturday)
    assert not office.contains(datetime(2026, 12, 4, 18, 30))
    # A span across midnight belongs to the day it starts on.
    late = Schedule.parse("Fri 22:00-06:00")
    assert late.contains(datetime(2026, 12, 4, 23, 0)) and late.contains(datetime(2026, 12, 5, 5, 0))
    assert not late.contains(datetime(2026, 12, 4, 5, 0))  # Thursday night's end: not listed
    weekend = Schedule.parse("sat,sun")
    assert weekend.contains(saturday) and not weekend.contains(friday)
    spellings = {
        "Monday-Friday 9:00-17:00": "Mon-Fri 09:00-17:00",
        "Sat,Sun": "Sat,Sun",
        "Mon,Wed,Fri 08:00-18:00": "Mon,Wed,Fri 08:00-18:00",
        "Sat-Mon": "Mon,Sat,Sun",  # a range may wrap past Sunday
        "08:00-18:00": "08:00-18:00",  # the hours alone: every day, as before
    }
    assert {text: Schedule.parse(text).text() for text in spellings} == spellings
    for bad in ("Mo-Fr 08:00-18:00", "Funday 08:00-18:00", "Mon-Fri 8-18"):
        with pytest.raises(BadLimit, match=r"Mon-Fri 08:00-18:00"):
            Schedule.parse(bad)


def test_the_limit_holds_only_on_the_schedule_s_days() -> None:
    clock = FakeClock()
    now = [datetime(2026, 12, 5, 12, 0)]  # a Saturday
    limits = Limits(up=MiB, schedule=Schedule.parse("Mon-Fri 08:00-18:00"))
    bandwidth = Bandwidth(limits, clock=clock, sleep=clock.sleep, local_time=lambda: now[0])
    assert bandwidth.in_force() == (None, None)
    now[0] = datetime(2026, 12, 7, 12, 0)  # Monday
    assert bandwidth.in_force() == (MiB, None)
    assert Limits.from_json(limits.to_json()) == limits


def test_saved_limits_round_trip_and_damage_reads_as_none() -> None:
    limits = Limits(MiB, 2 * MiB, Schedule.parse("08:00-18:00"))
    assert Limits.from_json(limits.to_json()) == limits
    assert Limits.from_json({"up": "lots", "down": -5, "hours": "noon"}) == Limits()
    assert Limits.from_json(None) == Limits()


def test_a_paced_download_pays_for_each_read_before_it_is_made() -> None:
    clock = FakeClock()
    bandwidth = Bandwidth(Limits(down=MiB), clock=clock, sleep=clock.sleep)
    asked: list[float] = []

    def reads() -> Iterator[bytes]:
        for _ in range(4):  # reads that come whole, as a checked range does
            asked.append(clock.now)
            yield b"x" * (512 * KiB)

    start = clock.now
    got = list(bandwidth.paced(reads(), step=512 * KiB, total=2 * MiB))
    assert sum(map(len, got)) == 2 * MiB
    gaps = [later - earlier for earlier, later in itertools.pairwise(asked)]
    assert gaps == pytest.approx([0.5, 0.5, 0.5], rel=0.05)  # each read waited its turn first
    assert clock.now - start == pytest.approx(2.0, rel=0.05)


def test_a_paced_download_closes_its_reads_when_left() -> None:
    closed: list[bool] = []

    def reads() -> Iterator[bytes]:
        try:
            while True:
                yield b"x" * KiB
        finally:
            closed.append(True)

    paced = Bandwidth().paced(reads(), step=KiB, total=10 * KiB)
    next(paced)
    paced.close()
    assert closed == [True]


def test_whole_reads_shrink_to_an_eighth_of_a_second_while_downloads_are_limited() -> None:
    usual = 4 * MiB
    assert Bandwidth().whole_read_size(usual) == usual
    assert Bandwidth(Limits(up=KiB)).whole_read_size(usual) == usual
    assert Bandwidth(Limits(down=MiB)).whole_read_size(usual) == 128 * KiB
    assert Bandwidth(Limits(down=100 * MiB)).whole_read_size(usual) == 512 * KiB
    assert Bandwidth(Limits(down=10 * KiB)).whole_read_size(usual) == LIMITED_CHUNK
