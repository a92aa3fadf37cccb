"""Render the briefing HTML to a right-to-left PDF with WeasyPrint (GUIDE §5).

Three things here are not plain WeasyPrint calls, each for a measured reason:
one shared :class:`FontConfiguration` (otherwise ``@font-face`` silently falls back
to DejaVu), a URL fetcher that only serves our own assets (article text is
untrusted), and a fix of the text layer: Arabic ligatures copy out reversed (لا -> ال),
and raised diacritics split words and lines in copied text.
"""

from __future__ import annotations

import base64
import contextvars
import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from urllib.request import url2pathname

import weasyprint
import weasyprint.pdf
from weasyprint import HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .export import staged
from .report import TEMPLATES

# The @font-face files of templates/fonts.css (Debian fonts-noto-core 2.004); the only
# files outside TEMPLATES the renderer may read.
_NOTO = Path("/usr/share/fonts/truetype/noto")
FONT_FILES: frozenset[Path] = frozenset(
    _NOTO / name
    for name in (
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
        "NotoSerif-Regular.ttf",
        "NotoSerif-Bold.ttf",
    )
)

# The text-layer fix patches a WeasyPrint internal; re-check it before moving the pin.
WEASYPRINT_VERSION = "70.0"

# Hebrew, Arabic (+ Supplement, Extended-A/B) and their presentation forms.
_RTL_RANGES = (
    (0x0590, 0x05FF),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
)
# Arabic-Indic digits sit in the Arabic block but are read left to right.
_DIGITS = frozenset(chr(c) for c in (*range(0x0660, 0x066A), *range(0x06F0, 0x06FA)))

_fixing_text_layer = contextvars.ContextVar("fixing_text_layer", default=False)


def _is_rtl_cluster(text: str) -> bool:
    """True for a glyph's text of ≥2 characters that are all RTL letters or marks."""
    return len(text) >= 2 and all(
        ch not in _DIGITS and any(lo <= ord(ch) <= hi for lo, hi in _RTL_RANGES) for ch in text
    )


def _lone_mark(text: str) -> bool:
    """True for a glyph whose text is only combining marks (a separate diacritic glyph)."""
    return bool(text) and all(unicodedata.category(ch) == "Mn" for ch in text)


def fix_text_layer(to_unicode: Mapping[int, str]) -> dict[int, str]:
    """Return a glyph -> text map that PDF readers turn back into the words as written.

    - WeasyPrint maps a ligature glyph (لا, or a letter with its marks) to its text in
      logical order; readers rebuild an RTL line by reversing it character by character,
      so the glyph's text is stored reversed to come out right.
    - A diacritic drawn as its own glyph (tanween, shadda) is placed with a text rise, so
      readers see a character on another baseline: they split the word there ("العراقيّ ة")
      and, in table cells, break the line into pieces in the wrong order (measured: 30
      such words scrambled 5 of 25 seed passages). Such glyphs map to no text: they are
      still drawn, and copied text has the word without its optional diacritics.
    """
    return {glyph: "" if _lone_mark(text) else text[::-1] if _is_rtl_cluster(text) else text
            for glyph, text in to_unicode.items()}


def _install_text_layer_fix() -> None:
    """Wrap ``weasyprint.pdf.build_fonts_dictionary``, where ToUnicode maps are written.

    The wrapper only acts inside :func:`write_pdf` (a context variable), swaps each
    font's ``to_unicode`` for a fixed copy while the fonts are written and puts the
    original back, so other WeasyPrint users in the process are untouched.
    """
    if weasyprint.__version__ != WEASYPRINT_VERSION:
        raise RuntimeError(
            f"compare.render.pdf patches WeasyPrint {WEASYPRINT_VERSION} internals (ToUnicode of "
            f"ligatures and marks) but WeasyPrint {weasyprint.__version__} is installed: check "
            "weasyprint/pdf/fonts.py:build_fonts_dictionary and update the pin"
        )
    original = weasyprint.pdf.build_fonts_dictionary
    if getattr(original, "_compare_text_layer_fix", False):
        return

    def build_fonts_dictionary(pdf: Any, fonts: dict[Any, Any], *args: Any, **kwargs: Any) -> Any:
        if not _fixing_text_layer.get():
            return original(pdf, fonts, *args, **kwargs)
        saved = {id(font): font.to_unicode for font in fonts.values()}
        try:
            for font in fonts.values():
                font.to_unicode = fix_text_layer(font.to_unicode)
            return original(pdf, fonts, *args, **kwargs)
        finally:
            for font in fonts.values():
                font.to_unicode = saved[id(font)]

    build_fonts_dictionary._compare_text_layer_fix = True  # type: ignore[attr-defined]
    weasyprint.pdf.build_fonts_dictionary = build_fonts_dictionary


class AssetFetcher(URLFetcher):
    """Serve files inside the templates folder and the pinned fonts; refuse the rest.

    Article text reaches the HTML, so markup such as ``<img src="file:///etc/passwd">``
    or an ``http://`` URL must never be read. WeasyPrint logs the refusal and skips
    the resource.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Fetch ``url`` if it resolves to an allowed file, else raise ValueError."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"refused non-local resource: {url[:200]}")
        path = Path(url2pathname(parts.path)).resolve()  # follows symlinks and ".."
        fonts = {font.resolve() for font in FONT_FILES}
        if not (path.is_relative_to(TEMPLATES.resolve()) or path in fonts) or not path.is_file():
            raise ValueError(f"refused file outside the project's assets: {path}")
        return super().fetch("file://" + quote(str(path)), headers)


def _attachment(name: str, data: bytes, mime: str, created: dt.datetime) -> Attachment:
    """Build an embedded file; a data: URL is how WeasyPrint takes a given MIME type.

    Its dates are the briefing's generation time, not WeasyPrint's clock, so that with
    SOURCE_DATE_EPOCH two runs write byte-identical PDFs (the file ID hashes the content).
    """
    url = f"data:{mime or 'application/octet-stream'};base64,{base64.b64encode(data).decode()}"
    return Attachment(
        url=url,
        name=name,
        relationship="Data",  # PDF/A-3: data the briefing's tables were derived from
        url_fetcher=URLFetcher(allowed_protocols=("data",)),
        created=created,
        modified=created,
    )


def write_pdf(
    html: str,
    out: Path,
    *,
    attachments: Iterable[tuple[str, bytes, str]] = (),
    created: dt.datetime | None = None,
) -> int:
    """Render ``html`` (relative URLs resolve in ``templates/``) to ``out``; return the page count.

    The PDF is PDF/A-3u and tagged, so it can carry ``attachments`` (filename, bytes,
    MIME type), e.g. the comparison's JSON and CSV, dated ``created`` (default: now). It is written to a temporary file
    beside ``out`` and moved into place, so a reader never sees half a file.
    """
    _install_text_layer_fix()
    missing = sorted(str(path) for path in FONT_FILES if not path.is_file())
    if missing:  # WeasyPrint would fall back to whatever fontconfig finds (DejaVu)
        raise RuntimeError(f"fonts missing (apt install fonts-noto-core): {', '.join(missing)}")
    fetcher = AssetFetcher()
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=str(TEMPLATES), url_fetcher=fetcher).render(font_config=font_config)
    out = Path(out)
    token = _fixing_text_layer.set(True)
    try:
        with staged([out]) as temp:
            document.write_pdf(
                temp[out],
                pdf_variant="pdf/a-3u",
                pdf_tags=True,
                attachments=[_attachment(*item, created or dt.datetime.now(dt.UTC)) for item in attachments],
            )
    finally:
        _fixing_text_layer.reset(token)
    return len(document.pages)
