"""Every command line for a request ("Copy as Command"): ``storebrowser-cli``'s, then the
service's own tool's where its provider kind has one. Used by the window and the CLI."""

from __future__ import annotations

from storebrowser.core.equivalent import Equivalent, Request, storebrowser_cli_line
from storebrowser.providers.registry import kinds


def equivalents(request: Request) -> list[Equivalent]:
    lines = [Equivalent("storebrowser-cli", storebrowser_cli_line(request))]
    kind = kinds().get(request.kind)
    if kind is not None and kind.tool_command is not None:
        line = kind.tool_command(request)
        if line is not None:
            lines.append(line)
    return lines
