"""swiftclient connections that send the object name exactly, dot segments included.

swiftclient quotes names with ``urllib.parse.quote``, which leaves ``.`` alone; requests
then prepares the URL through urllib3's ``parse_url``, which removes ``.``/``..``
segments (RFC 3986 section 5.2.4) before anything is sent. So ``C/../other/p.txt`` was
stored in the container ``other``, a GET of ``C/.`` listed ``C``, and ``a/./b.txt`` was
never found. Swift itself stores and serves such names; only the client loses them.

The fix sits where the loss happens: the session's ``prepare_request`` puts back the path
swiftclient asked for, with those segments as ``%2E``/``%2E%2E``, which urllib3 and
http.client send unchanged and the proxy decodes into the exact name. Any other request
is prepared exactly as before.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from requests.adapters import HTTPAdapter
from requests.utils import requote_uri
from swiftclient.client import Connection, HTTPConnection
from swiftclient.requests_compat import SwiftClientRequestsSession

from storebrowser.providers.urlpath import encode_dot_segments, has_dot_segment


class _ExactPathSession(SwiftClientRequestsSession):  # type: ignore[misc]  # swiftclient is untyped: its classes are Any
    def __init__(self) -> None:
        super().__init__()
        #: What the environment says (proxies, CA bundle) per scheme and host: see below.
        self._environment: dict[tuple[str, str, Any, Any, Any], dict[str, Any]] = {}
        adapter = _RememberingAdapter()
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def merge_environment_settings(self, url: str, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        """requests reads the proxy and CA-bundle variables of the environment again for
        every request (a walk over ``os.environ`` each time: an eighth of the client's CPU
        for small objects). They are read once per host for the life of the connection."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc, repr(proxies), verify, repr(cert))
        settings = self._environment.get(key)
        if settings is None:
            settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
            self._environment[key] = settings
        return {**settings, "stream": stream}

    def prepare_request(self, request: Any) -> Any:
        prepared = super().prepare_request(request)
        asked = urlsplit(request.url).path
        if has_dot_segment(asked):
            exact = encode_dot_segments(requote_uri(asked))
            prepared.url = urlunsplit(urlsplit(prepared.url)._replace(path=exact))
        return prepared


class _RememberingAdapter(HTTPAdapter):
    """requests looks at the CA bundle's path on disk (``isdir``) for every request it
    sends: the answer is kept per host, CA bundle and client certificate."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: dict[tuple[str, str, Any, Any], tuple[dict[str, Any], dict[str, Any]]] = {}

    def build_connection_pool_key_attributes(
        self, request: Any, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        parts = urlsplit(request.url)
        key = (parts.scheme, parts.netloc, verify, repr(cert))
        known = self._keys.get(key)
        if known is None:
            known = super().build_connection_pool_key_attributes(request, verify, cert)
            self._keys[key] = known
        host, pool = known
        return dict(host), dict(pool)


class _ExactPathHTTPConnection(HTTPConnection):  # type: ignore[misc]  # swiftclient is untyped: its classes are Any
    request_session: Any  # swiftclient's requests session

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_session.close()
        self.request_session = _ExactPathSession()
        self.request_session.headers = None  # as swiftclient: no requests default headers


class ExactPathConnection(Connection):  # type: ignore[misc]  # swiftclient is untyped: its classes are Any
    """A ``swiftclient.client.Connection`` whose requests keep ``.``/``..`` in names."""

    def http_connection(self, url: str | None = None) -> tuple[Any, Any]:
        connection = _ExactPathHTTPConnection(
            url or self.url,
            cacert=self.cacert,
            insecure=self.insecure,
            cert=self.cert,
            cert_key=self.cert_key,
            ssl_compression=self.ssl_compression,
            timeout=self.timeout,
        )
        return connection.parsed_url, connection
