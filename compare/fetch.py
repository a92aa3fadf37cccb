"""http(s) URLs to page bytes with httpx: bounded in time, size and redirects; web pages only.

A page that is too slow, too big, redirects too often, is missing or is not a web page
(a PDF, an image) is an :class:`InputError` naming the URL, exactly like a bad file.
"""

from __future__ import annotations

import re
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import httpx

#: Media types read as articles; anything else (PDF, images, JSON, scripts) is refused.
ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
USER_AGENT = "compare-sources/0.1 (news comparison; +https://pypi.org/project/compare-sources/)"
#: Content codings we decode ourselves, chunk by chunk under the size limit (zlib window bits).
_CODINGS = {"gzip": 31, "x-gzip": 31, "deflate": 15}
_PIECE = 1 << 16
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What a server sent: the final URL (after redirects), the body and its declared type."""

    url: str
    data: bytes
    media_type: str | None
    charset: str | None


def is_url(text: str) -> bool:
    """True for the inputs this module fetches (http and https only)."""
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int, max_redirects: int) -> Page:
    """GET ``url``; raise :class:`InputError` on anything but a reachable, small enough web page.

    One deadline covers the whole fetch, headers included: httpx times each read, so a server
    sending its status line a byte a second, or header lines without end, would never time out.
    The fetch runs in a daemon thread that is abandoned at the deadline.
    """
    outcome: dict[str, Page | BaseException] = {}

    def work() -> None:
        try:
            outcome["page"] = _fetch(url, timeout, max_bytes, max_redirects)
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name=f"fetch {url}", daemon=True)
    worker.start()
    worker.join(timeout)
    if "error" in outcome:
        raise outcome["error"]
    page = outcome.get("page")
    if not isinstance(page, Page):
        raise _too_slow(url, timeout)
    return page


def _fetch(url: str, timeout: float, max_bytes: int, max_redirects: int) -> Page:
    import httpx  # here, not at the top: most runs read files and start faster without it

    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=max_redirects,
                          headers=headers) as client, client.stream("GET", url) as response:
            if not response.is_success:
                raise InputError(url, f"the server answered HTTP {response.status_code} {response.reason_phrase}")
            media_type, charset = content_type(response.headers.get("content-type"))
            if media_type and media_type not in ACCEPTED:
                raise InputError(url, f"serves {media_type}, not a web page or text")
            data = _body(response, url, max_bytes, deadline, timeout)
            return Page(str(response.url), data, media_type, charset)
    except httpx.TooManyRedirects:
        raise InputError(url, f"redirects more than {max_redirects} times") from None
    except httpx.TimeoutException:
        raise _too_slow(url, timeout) from None
    except httpx.UnsupportedProtocol:
        raise InputError(url, "redirects to a URL that is not http(s); only web pages are fetched") from None
    except httpx.InvalidURL:
        raise InputError(url, "is not a valid http(s) URL") from None
    except httpx.HTTPError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(url, f"cannot be fetched: {reason}") from None
    except zlib.error as exc:
        raise InputError(url, f"sent a body that does not decompress: {exc}") from None


def content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type and charset of a ``Content-Type`` header ("text/html; charset=windows-1256")."""
    if not header:
        return None, None
    charset = _CHARSET.search(header)
    return header.split(";", 1)[0].strip().lower() or None, charset.group(1) if charset else None


def _body(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The decoded body, refused as soon as it passes ``max_bytes`` or the deadline.

    Content codings are undone here, layer by layer in bounded pieces, not by httpx, which
    inflates each received chunk whole: 1,827 bytes of ``gzip, gzip`` became 2.1 GB.
    """
    declared = response.headers.get("content-length", "")
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    unknown = [c for c in codings if c not in _CODINGS]
    if unknown:
        raise InputError(url, f"uses the content encoding {unknown[0]!r}, which is not supported")
    if not codings and declared.isdigit() and int(declared) > max_bytes:
        raise _too_big(url, max_bytes)
    pieces: Iterable[bytes] = response.iter_raw()
    for coding in reversed(codings):  # the last coding applied is the first undone
        pieces = _inflate(pieces, _CODINGS[coding])
    chunks: list[bytes] = []
    size = 0
    for chunk in pieces:
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, max_bytes)
        if time.monotonic() > deadline:  # httpx times each read; a trickling server needs a total
            raise _too_slow(url, timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(pieces: Iterable[bytes], wbits: int) -> Iterator[bytes]:
    """Undo one gzip or deflate layer lazily, never more than 64 KB of output at a time."""
    decoder = zlib.decompressobj(wbits)
    for piece in pieces:
        while piece:
            out = decoder.decompress(piece, _PIECE)
            piece = decoder.unconsumed_tail
            if out:
                yield out
            if decoder.eof:
                return
    yield decoder.flush()


def _too_big(url: str, max_bytes: int) -> InputError:
    return InputError(url, f"is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def _too_slow(url: str, timeout: float) -> InputError:
    return InputError(url, f"did not arrive within {timeout:g} s (raise fetch_timeout with --settings)")
