"""Bytes to text for pages saved from the web: strict UTF-8 first, then declared, then detected.

Arabic pages still arrive in Windows-1256, UTF-16, or as UTF-8 that an editor once read as
cp1256 (mojibake such as "ظˆط£"). A binary file gets a clear error instead of garbage.
Order: a byte-order mark; strict UTF-8; UTF-8 with at most one damaged byte in 500 (shown as
U+FFFD, with a warning); the charset the server or the page declares (``Content-Type`` header,
``<meta charset>``), unless it makes Arabic bytes Latin or Cyrillic letters; detection limited to the encodings below,
so that noise is refused instead of being read as some far-off code page.
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

#: Byte-order marks, longest first (a UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Legacy encodings detection may choose: Arabic (also Persian, Urdu), Hebrew, Western European.
#: Wider sets misread short Arabic or French pages as Cyrillic or Central European.
DETECTED = ("cp1256", "iso8859_6", "cp1255", "cp1252")
SUPPORTED = "UTF-8, UTF-16/32 with a byte-order mark, Windows-1256, ISO-8859-6, Windows-1255, Windows-1252"

#: A charset named by an HTML page: <meta charset="..."> or <meta http-equiv ... content="...; charset=...">.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)

#: Line ends other than LF (CR LF, CR, form feed, Unicode line/paragraph separators) and the other
#: control characters (C0 but tab, DEL, C1): a space, so that the words on each side stay apart.
_LINE_ENDS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")

#: UTF-8 Arabic misread as cp1256: lead bytes 0xD8/0xD9 become ط/ظ, continuation bytes 0x80-0xBF
#: become Latin-1 symbols, punctuation and a few Persian letters, never a space.
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1256", errors="ignore")
_MOJIBAKE = re.compile(f"[طظ][{re.escape(_CONTINUATION)}]")


def decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``where``; ``declared`` is a charset from an HTTP header.

    Raise :class:`InputError` when the bytes are not text in a supported encoding.
    """
    _refuse_binary(data, where)
    for bom, codec in _BOMS:
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
    mostly = data.decode("utf-8", errors="replace")
    if mostly.count("\ufffd") - data.count("\ufffd".encode()) <= len(data) // 500:
        return _finish(mostly)  # UTF-8 with a few damaged bytes: the ingest warns about the � it shows
    for codec in _declared(data, declared):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) < 0.2:  # cp1256 served as ISO-8859-1, KOI8-R …: the charset is wrong
            arabic = data.decode("cp1256", errors="replace")
            text = arabic if _arabic_share(arabic) > 0.5 else text
        return _finish(text)
    best = from_bytes(data, cp_isolation=list(DETECTED)).best()
    if best is None:
        raise InputError(where, f"is not text in any supported encoding ({SUPPORTED})")
    return _finish(str(best))


def _arabic_share(text: str) -> float:
    """Share of the letters that are Arabic."""
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / max(len(letters), 1)


def _refuse_binary(data: bytes, where: str) -> None:
    for magic, what in _BINARY.items():
        if data.startswith(magic):
            raise InputError(where, f"is {what}, not an article (save the page as text or HTML)")


def _declared(data: bytes, header: str | None) -> list[str]:
    """Known codec names declared by the server, then by the page itself."""
    meta = _META_CHARSET.search(data[:4096])
    names = [header, meta.group(1).decode("ascii", "ignore") if meta else None]
    known = []
    for name in filter(None, names):
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if not codec.startswith(("utf-16", "utf-32")):  # a page that can say so in ASCII is neither
            known.append(codec)
    return known


def _finish(text: str) -> str:
    """Unify line endings, blank out control characters and repair mojibake line by line."""
    text = _CONTROLS.sub(" ", _LINE_ENDS.sub("\n", text))
    return "\n".join(repair_mojibake(line) for line in text.split("\n"))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 bytes shown as cp1256 ("ظˆط£…") when most Arabic letters look like that.

    The repair is kept only when the round trip is valid UTF-8, which real Arabic text
    written with ط and ظ practically never is.
    """
    hits = len(_MOJIBAKE.findall(text))
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    if hits < 4 or hits < 0.3 * arabic:
        return text
    try:
        return text.encode("cp1256").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
