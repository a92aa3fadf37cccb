"""Bytes to text for pages saved from the web: strict UTF-8 first, then detection, then repair.

Arabic pages still arrive in Windows-1256, UTF-16, or as UTF-8 that an editor once read as
cp1256 (mojibake such as "ظˆط£"). A binary file gets a clear error instead of garbage.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import InputError

#: Magic numbers of files users save by mistake beside articles.
_BINARY = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}

#: UTF-8 Arabic misread as cp1256: lead bytes 0xD8/0xD9 become ط/ظ, continuation bytes 0x80-0xBF
#: become Latin-1 symbols, punctuation and a few Persian letters, never a space.
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1256", errors="ignore")
_MOJIBAKE = re.compile(f"[طظ][{re.escape(_CONTINUATION)}]")


def decode(data: bytes, where: str) -> str:
    """Decode ``data`` read from ``where``; raise :class:`InputError` when it is not text."""
    for magic, what in _BINARY.items():
        if data.startswith(magic):
            raise InputError(where, f"is {what}, not an article (save the page as text or HTML)")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _finish(data[len(bom):].decode(codec))
            except UnicodeDecodeError:
                raise InputError(where, f"starts with a {codec} byte-order mark but is not {codec}") from None
    if b"\x00" in data[:4096]:
        raise InputError(where, "is a binary file (it contains NUL bytes), not an article")
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(where, "is not text in any supported encoding (UTF-8, UTF-16, Windows-1256, ...)")
    return _finish(str(best))


def _finish(text: str) -> str:
    """Unify line endings and repair UTF-8-read-as-cp1256 mojibake when it is clearly present."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 bytes shown as cp1256 ("ظˆط£…") when most Arabic letters look like that."""
    hits = len(_MOJIBAKE.findall(text))
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    if hits < 4 or hits < 0.3 * arabic:
        return text
    try:
        return text.encode("cp1256").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
