"""http(s) URLs to page bytes with httpx: bounded in time, size and redirects; web pages only.

A page that is too slow, too big, redirects too often, is missing or is not a web page
(a PDF, an image) is an :class:`InputError` naming the URL, exactly like a bad file.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import httpx

#: Media types read as articles; anything else (PDF, images, JSON, scripts) is refused.
ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
USER_AGENT = "compare-sources/0.1 (news comparison; +https://pypi.org/project/compare-sources/)"
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
    """GET ``url``; raise :class:`InputError` on anything but a reachable, small enough web page."""
    import httpx  # here, not at the top: most runs read files and start faster without it

    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=max_redirects,
                          headers={"User-Agent": USER_AGENT}) as client, client.stream("GET", url) as response:
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
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        raise InputError(url, "is not a valid http(s) URL") from None
    except httpx.HTTPError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(url, f"cannot be fetched: {reason}") from None


def content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type and charset of a ``Content-Type`` header ("text/html; charset=windows-1256")."""
    if not header:
        return None, None
    charset = _CHARSET.search(header)
    return header.split(";", 1)[0].strip().lower() or None, charset.group(1) if charset else None


def _body(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The (decompressed) body, refused as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_big(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, max_bytes)
        if time.monotonic() > deadline:  # httpx times each read; a trickling server needs a total
            raise _too_slow(url, timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(url: str, max_bytes: int) -> InputError:
    return InputError(url, f"is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def _too_slow(url: str, timeout: float) -> InputError:
    return InputError(url, f"did not arrive within {timeout:g} s (raise fetch_timeout with --settings)")
