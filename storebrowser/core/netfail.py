"""What went wrong with a connection, in words, from any SDK's exception.

SDKs wrap socket errors in their own exceptions, often several deep, and their text is a
repr of a tuple (``("Connection broken: ConnectionResetError(104, ...)", ...)``) that
tells a person nothing. This walks the chain by class name (no SDK imported) and says
what happened.
"""

from __future__ import annotations

from collections.abc import Iterator

#: Class names along the chain, most telling first.
_READ_TIMEOUT = {"ReadTimeoutError", "ReadTimeout", "TimeoutError", "timeout", "ServiceResponseTimeoutError"}
_CLOSED_EARLY = {"IncompleteRead", "IncompleteReadError", "RemoteDisconnected", "ChunkedEncodingError",
                 "ProtocolError", "ResponseStreamingError", "ConnectionClosedError"}  # fmt: skip
_KINDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"ConnectTimeoutError", "ConnectTimeout"}), "connecting timed out"),
    (frozenset(_READ_TIMEOUT), "no data came for too long (read timeout)"),
    (frozenset({"ConnectionResetError"}), "the connection was reset"),
    (frozenset({"ConnectionRefusedError", "NewConnectionError"}), "the connection was refused"),
    (frozenset({"BrokenPipeError", "ConnectionAbortedError"}), "the connection was closed while sending"),
    (frozenset(_CLOSED_EARLY), "the connection closed before the answer was complete"),
    (frozenset({"gaierror", "NameResolutionError"}), "the host name could not be resolved"),
)
_MAX_DEPTH = 12


def _chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and every exception it wraps (causes, contexts, SDK ``inner_exception``,
    ``reason`` and exception arguments), each once."""
    seen: set[int] = set()
    todo = [error]
    while todo and len(seen) < _MAX_DEPTH:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = (getattr(current, name, None) for name in ("inner_exception", "exc_value", "reason"))
        wrapped = [current.__cause__, current.__context__, *inner, *current.args]
        todo += [w for w in wrapped if isinstance(w, BaseException)]


def _mentioned(error: BaseException) -> set[str]:
    """Class names in the chain, and those only named in a text (a tuple's repr)."""
    names = {type(e).__name__ for e in _chain(error)}
    text = " ".join(str(a) for e in _chain(error) for a in e.args if isinstance(a, str))
    names |= {name for kinds, _ in _KINDS for name in kinds if f"{name}(" in text}
    return names


def describe_connection_failure(error: BaseException) -> str | None:
    """``"the connection was reset"`` and the like, or ``None`` when ``error`` is not about
    a connection."""
    names = _mentioned(error)
    for kinds, words in _KINDS:
        if names & kinds:
            return words
    return None
