"""Progress that follows the wire, not botocore's signing pass.

Over plain http botocore signs the payload (SigV4): it reads the whole body to hash it,
then rewinds and sends it. Counted naively, progress would reach 100 % before a byte
left. Like s3transfer, we stop counting while a request is being created and signed
(the ``request-created`` event) and count again when it is sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storebrowser.providers.streams import ProgressStream

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class SendProgressStream(ProgressStream):
    """A ``ProgressStream`` that ignores reads made while the request is signed."""

    signing = False

    def _advance(self, count: int) -> None:
        if not self.signing:
            super()._advance(count)


def _body(request: Any) -> SendProgressStream | None:
    body = getattr(request, "body", None)
    return body if isinstance(body, SendProgressStream) else None


def _pause(request: Any, **_: Any) -> None:
    if (body := _body(request)) is not None:
        body.signing = True


def _resume(request: Any, **_: Any) -> None:
    if (body := _body(request)) is not None:
        body.signing = False


def install(client: S3Client) -> None:
    """Wrap the signer (a ``request-created`` handler) between pause and resume."""
    events = client.meta.events
    events.register_first("request-created.s3", _pause, unique_id="storebrowser-progress-pause")
    events.register_last("request-created.s3", _resume, unique_id="storebrowser-progress-resume")
