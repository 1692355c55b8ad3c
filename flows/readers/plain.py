"""Plain text (.txt, .md): decoded as sources.decode says (byte-order mark, UTF-8, Windows-1252)."""
from __future__ import annotations

from flows.readers import Reading
from flows.sources import decode


def read(data: bytes, name: str) -> Reading:
    text, encoding = decode(data)
    return Reading(text, "text", encoding)
