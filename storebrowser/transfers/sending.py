"""The one upload path of the app: one request when the object is small (or the service
has no parts), parts otherwise, sent by ``parts.PartSender``.

Engine jobs and plain calls (the CLI, the window's small writes, tests) differ only in
what keeps the parts of an upload in parts, the ``PartLedger``: the engine's journal
(``resumable``: a restart takes the remote upload up again, so a failure leaves it
open), or nothing (``Unjournaled``: a failure aborts it, so nothing half-made is left
behind). A cancel aborts it either way. Providers only give the primitives:
``put_object``, ``start_multipart``/``resume_multipart`` and the ``MultipartUpload``.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, TypedDict

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import Cancelled, NotFound
from storebrowser.core.retry import NO_RETRY, RetryPolicy, call_with_retry
from storebrowser.core.types import ObjectInfo, PartRecord, ProgressCallback
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.providers.streams import ProgressStream, read_exactly
from storebrowser.transfers.parts import (
    PART_RETRY,
    ExecutorFactory,
    MemoryBudget,
    PartSender,
    PartsStopped,
    RetriedProgress,
    choose_part_size,
    thread_pool,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SendPolicy:
    """How the requests of one upload go."""

    #: Parts in flight at once.
    concurrency: int
    part_retry: RetryPolicy = PART_RETRY
    #: The upload in one request, and the start and completion of one in parts.
    request_retry: RetryPolicy = NO_RETRY
    budget: MemoryBudget | None = None
    executor_factory: ExecutorFactory = thread_pool
    #: The engine's bandwidth limit, charged as the provider reports bytes sent.
    bandwidth: Bandwidth | None = None
    #: Bytes per part asked (an account's setting); ``None``: the provider's own.
    part_size: int | None = None


class PartLedger(Protocol):
    """Where the parts of one upload are kept while it runs, and between runs."""

    #: True: a failure leaves the remote upload open, as a later run resumes it.
    resumable: bool

    def upload_state(self) -> dict[str, Any] | None:
        """``MultipartUpload.state()`` of an upload kept from an earlier run."""

    def parts(self) -> dict[int, PartRecord]:
        """Its finished parts (a copy)."""

    def keep_only(self, numbers: Collection[int]) -> None:
        """Drop the other parts: the server does not hold them."""

    def forget_parts(self) -> None: ...

    def started(self, upload: MultipartUpload) -> None:
        """A new remote upload; keep its state."""

    def part_done(self, part: PartRecord) -> None: ...

    def finished(self) -> None:
        """Completed or aborted: nothing is left to resume."""

    def stop(self) -> bool:
        """True to pause between parts (``PartsStopped``; the upload stays open)."""


class Unjournaled:
    """Parts kept in memory for the length of one call: nothing resumes them."""

    resumable = False

    def __init__(self) -> None:
        self._state: dict[str, Any] | None = None
        self._parts: dict[int, PartRecord] = {}

    def upload_state(self) -> dict[str, Any] | None:
        return self._state

    def parts(self) -> dict[int, PartRecord]:
        return dict(self._parts)

    def keep_only(self, numbers: Collection[int]) -> None:
        self._parts = {n: part for n, part in self._parts.items() if n in numbers}

    def forget_parts(self) -> None:
        self._parts = {}

    def started(self, upload: MultipartUpload) -> None:
        self._state = upload.state()

    def part_done(self, part: PartRecord) -> None:
        self._parts[part.number] = part

    def finished(self) -> None:
        self._state, self._parts = None, {}

    def stop(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class Sent:
    info: ObjectInfo
    #: How it went, for an item's note: ``resumed``, or why it started over.
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Request:
    """One object to store: where, what, and how to report and stop."""

    provider: Provider
    container: str
    key: str
    content_type: str | None
    metadata: Mapping[str, str] | None
    #: The class (tier) to store it in; ``None``: the service's default.
    storage_class: str | None
    #: The server-side encryption asked; ``None``: the container's default.
    encryption: Encryption | None
    progress: ProgressCallback | None
    cancel: CancelToken
    policy: SendPolicy
    #: Called after the last part is sent, before the parts are made the object: raises
    #: to leave the object as it was (``upload._check_unchanged``).
    before_complete: Callable[[], None] | None = None


def send(
    provider: Provider,
    container: str,
    key: str,
    stream: BinaryIO,
    *,
    size: int | None,
    content_type: str | None = None,
    metadata: Mapping[str, str] | None = None,
    storage_class: str | None = None,
    encryption: Encryption | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken = NEVER,
    policy: SendPolicy | None = None,
    ledger: PartLedger | None = None,
    before_complete: Callable[[], None] | None = None,
) -> Sent:
    """Store ``stream`` (``size`` bytes, or unknown when ``None``) as ``key``: one request
    when it is small or the provider takes no parts (for this key), parts otherwise
    (resumed from the ``ledger`` when the server still holds them). ``PartsStopped`` when
    the ledger said stop: the upload stays open. ``before_complete``: in parts, called
    once every part is sent, before they are made the object (an error leaves it as it was)."""
    policy = policy or SendPolicy(provider.part_concurrency)
    request = _Request(provider, container, key, content_type, metadata, storage_class, encryption,
                       _limited(progress, policy.bandwidth, cancel), cancel, policy,
                       before_complete)  # fmt: skip
    ledger = ledger if ledger is not None else Unjournaled()
    small = size is not None and size <= _whole_up_to(provider, policy.bandwidth)
    if small or not provider.can_upload_in_parts(key):
        return Sent(_send_whole(request, stream, size))
    part_size = choose_part_size(provider, size, policy.part_size)
    if size is not None:
        return _send_parts(request, stream, size, part_size, ledger)
    first = read_exactly(stream, part_size)  # a pipe: it may fit in one request after all
    if len(first) < part_size:
        return Sent(_send_whole(request, io.BytesIO(first), len(first)))
    return _send_parts(request, stream, None, part_size, ledger, first)


def goes_in_parts(provider: Provider, key: str, size: int | None, policy: SendPolicy) -> bool:
    """Whether ``send`` stores ``size`` bytes as ``key`` in parts (a known size only)."""
    if size is None:
        return False
    return size > _whole_up_to(provider, policy.bandwidth) and provider.can_upload_in_parts(key)


def _whole_up_to(provider: Provider, bandwidth: Bandwidth | None) -> int:
    """The largest upload sent in one request: the provider's threshold, or its smallest
    part while an upload limit holds and the provider reads a whole body before sending
    it (the body would go out in one burst after the limit had held only its reading)."""
    if provider.reads_whole_body and bandwidth is not None and bandwidth.in_force()[0] is not None:
        return min(provider.multipart_threshold, provider.min_part_size)
    return provider.multipart_threshold


def _limited(
    progress: ProgressCallback | None, bandwidth: Bandwidth | None, cancel: CancelToken
) -> ProgressCallback | None:
    """The one place uploads meet the bandwidth limit: every provider reports the bytes
    its SDK reads from the body as it sends them (a few KiB at a time), so waiting in
    that report holds the sending evenly. A retry's taken-back bytes are not refunded."""
    if bandwidth is None:
        return progress

    def report(delta: int) -> None:
        if delta > 0:
            bandwidth.sent(delta, cancel)
        if progress is not None:
            progress(delta)

    return report


def _send_parts(
    request: _Request,
    stream: BinaryIO,
    size: int | None,
    part_size: int,
    ledger: PartLedger,
    first: bytes | None = None,
) -> Sent:
    """In parts: the ledger's upload resumed, or a new one; aborted on a cancel, and on any
    failure unless the ledger resumes it."""
    upload, note = _open(request, part_size, ledger)
    policy = request.policy
    try:
        sender = PartSender(
            upload, progress=request.progress, cancel=request.cancel, concurrency=policy.concurrency,
            retry=policy.part_retry, done=ledger.parts(), on_part=ledger.part_done, stop=ledger.stop,
            budget=policy.budget, executor_factory=policy.executor_factory,
        )  # fmt: skip
        start = first if first is not None else _first_part(stream, upload)
        parts = sender.send_stream(start, stream, size)
        whole_md5 = sender.whole_md5
        if request.before_complete is not None:
            request.before_complete()
        info = call_with_retry(lambda: upload.complete(parts, whole_md5=whole_md5), policy.request_retry,
                               cancel=request.cancel)  # fmt: skip
    except PartsStopped:
        raise
    except BaseException as error:
        if isinstance(error, Cancelled) or not ledger.resumable:
            abandon(request.provider, request.container, request.key, ledger, upload)
        raise
    ledger.finished()
    return Sent(info, note)


def _send_whole(request: _Request, stream: BinaryIO, size: int | None) -> ObjectInfo:
    """One request; a retried attempt reads the stream again from where it started and
    takes back the progress it reported (a stream that cannot seek is not retried)."""
    retry = request.policy.request_retry if stream.seekable() else NO_RETRY
    start = stream.tell() if retry.attempts > 1 else 0
    counter = RetriedProgress(request.progress)

    def rewind(_attempt: int, _error: Exception) -> None:
        counter.rewind()
        stream.seek(start)

    return call_with_retry(
        lambda: request.provider.put_object(
            request.container, request.key, stream, size=size, content_type=request.content_type,
            metadata=request.metadata, progress=counter.report, cancel=request.cancel,
            **_put_options(request),
        ),
        retry, cancel=request.cancel, on_retry=rewind,
    )  # fmt: skip


def _open(request: _Request, part_size: int, ledger: PartLedger) -> tuple[MultipartUpload, str]:
    """The ledger's upload when the server still has it (its parts count as sent), else a
    new one."""
    provider, note = request.provider, ""
    state = ledger.upload_state()
    if state is not None:
        try:
            upload: MultipartUpload | None = provider.resume_multipart(state)
        except NotFound:
            upload = None
        if upload is not None and _keep_parts_the_server_has(upload, ledger):
            if request.progress is not None:
                request.progress(sum(part.size for part in ledger.parts().values()))
            return upload, "resumed"
        note = "the server had dropped the unfinished upload; started over"
    ledger.forget_parts()
    new = call_with_retry(
        lambda: provider.start_multipart(
            request.container, request.key, part_size=part_size,
            content_type=request.content_type, metadata=request.metadata, **_put_options(request),
        ),
        request.policy.request_retry, cancel=request.cancel,
    )  # fmt: skip
    ledger.started(new)
    return new, note


class UploadOptions(TypedDict, total=False):
    storage_class: str
    encryption: Encryption


def _put_options(request: _Request) -> UploadOptions:
    """``storage_class=`` and ``encryption=`` for the upload calls when asked (providers
    without them take no such argument unless asked, and then refuse it)."""
    options = UploadOptions()
    if request.storage_class:
        options["storage_class"] = request.storage_class
    if request.encryption:
        options["encryption"] = request.encryption
    return options


def _keep_parts_the_server_has(upload: MultipartUpload, ledger: PartLedger) -> bool:
    """Keep the ledger's parts the server lists too; False when it has none of them (the
    upload expired or was aborted: start over). When the provider cannot list parts
    (``uploaded_parts()`` is None) the ledger is trusted on its word."""
    known = ledger.parts()
    if not known:
        return True
    listed = upload.uploaded_parts()
    if listed is None:
        return True
    on_server = {part.number: part for part in listed}
    kept = [
        number
        for number, part in known.items()
        if (there := on_server.get(number)) is not None
        and there.size == part.size and _token(there) == _token(part)
    ]  # fmt: skip
    ledger.keep_only(kept)
    return bool(kept)


def _token(part: PartRecord) -> str:
    return part.token.strip('"')


def _first_part(stream: BinaryIO, upload: MultipartUpload) -> bytes:
    """Part 1, read even when the ledger has it: the part loop keeps the server's only if
    the file still holds its bytes."""
    return read_exactly(stream, upload.part_size)


def abandon(
    provider: Provider, container: str, key: str, ledger: PartLedger, upload: MultipartUpload | None = None
) -> None:
    """Remove what an unfinished upload of ``key`` left on the server (``upload``, or the
    ledger's, and any the provider opened without an answer), and forget it. Best effort:
    the reason it is abandoned matters more."""
    # Uploads whose start request lost its answer: no state of ours names them.
    provider.discard_unanswered_uploads(container, key)
    if upload is None and ledger.upload_state() is None:
        return  # nothing started that we know of: nothing to forget either
    try:
        if upload is None and (state := ledger.upload_state()) is not None:
            upload = provider.resume_multipart(state)
        if upload is not None:
            upload.abort()
    except NotFound:
        pass  # gone already
    except Exception:
        log.warning("could not abort the upload of %s", key, exc_info=True)
    ledger.finished()


# -- plain calls, nothing journaled -----------------------------------------------------


def upload(
    provider: Provider,
    container: str,
    key: str,
    stream: BinaryIO,
    *,
    size: int | None = None,
    content_type: str | None = None,
    metadata: Mapping[str, str] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken = NEVER,
    bandwidth: Bandwidth | None = None,
) -> ObjectInfo:
    """Upload ``stream`` (of ``size`` bytes, or unknown length when ``None``), in parts
    when it is large and the provider can; a failure removes what was sent."""
    policy = SendPolicy(provider.part_concurrency, bandwidth=bandwidth)
    return send(provider, container, key, stream, size=size, content_type=content_type,
                metadata=metadata, progress=progress, cancel=cancel, policy=policy).info  # fmt: skip


def limited_body(stream: BinaryIO, bandwidth: Bandwidth | None, cancel: CancelToken = NEVER) -> BinaryIO:
    """``stream`` as a body held to the upload limit of ``bandwidth`` (every byte the SDK
    reads from it waits its turn), for a write outside ``send`` (an edited file's
    conditional replace); ``stream`` itself when there is no limit to hold."""
    paid = _limited(None, bandwidth, cancel)
    return stream if paid is None else ProgressStream(stream, paid, cancel).binary()


def upload_bytes(
    provider: Provider,
    container: str,
    key: str,
    data: bytes,
    *,
    content_type: str | None = None,
    metadata: Mapping[str, str] | None = None,
) -> ObjectInfo:
    return upload(provider, container, key, io.BytesIO(data), size=len(data),
                  content_type=content_type, metadata=metadata)  # fmt: skip
