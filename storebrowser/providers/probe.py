"""Requests with no credentials at all, as a stranger's browser sends them: the live
half of "who can read this?" and of a CORS preflight.

The standard library's ``urllib`` on purpose: no SDK signs the request, and unlike
``requests`` it reads no ``.netrc`` (which would add a password). Redirects are not
followed (a 301/307 is an answer to report, not a detour to take). The system's proxy
settings apply, as they do to the SDKs.
"""

from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from storebrowser.core.netfail import describe_connection_failure

TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class ProbeAnswer:
    status: int | None
    headers: Mapping[str, str] = field(default_factory=dict)
    error: str = ""

    def header(self, name: str) -> str:
        """A header's value (any case), ``""`` when absent."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None  # the 3xx itself is the answer


def anonymous(
    method: str, url: str, headers: Mapping[str, str] | None = None, *, verify_tls: bool = True
) -> ProbeAnswer:
    """Send ``method url`` without credentials; the status and headers, or why none came."""
    handlers: list[urllib.request.BaseHandler] = [_NoRedirects()]
    if not verify_tls:
        handlers.append(urllib.request.HTTPSHandler(context=ssl._create_unverified_context()))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, method=method, headers=dict(headers or {}))
    try:
        with opener.open(request, timeout=TIMEOUT) as reply:
            reply.read(64 * 1024)  # a listing or an object's first bytes; the rest is not wanted
            return ProbeAnswer(reply.status, dict(reply.headers.items()))
    except urllib.error.HTTPError as error:
        with error:
            return ProbeAnswer(error.code, dict(error.headers.items()))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        why = describe_connection_failure(reason) if isinstance(reason, BaseException) else None
        return ProbeAnswer(None, error=str(why or reason))
