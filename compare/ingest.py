"""Paths (files, folders) and http(s) URLs to :class:`Article`s: decode, strip page noise, find metadata.

Which inputs count: a file named on the command line is always read, whatever its name;
a folder is searched recursively for ``.txt``, ``.md``, ``.html`` and ``.htm`` files (any
case), skipping hidden files and folders (names starting with "."); a ``sources.toml`` in a
given folder is read as its manifest; ``http://`` and ``https://`` URLs are fetched
(:mod:`compare.fetch`). Every problem a user can fix raises :class:`InputError` naming the input.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .decode import decode
from .errors import InputError
from .facts.dates import find_dates, infer_publication_date
from .fetch import fetch, is_url
from .manifest import Entry, read_manifest
from .model import Article
from .noise import Cleaned, Dateline, clean, dateline_label
from .normalize import key
from .settings import Settings

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "sources.toml"
HTML_TYPES = ("text/html", "application/xhtml+xml")

#: A credit line that names the outlet: "بغداد اليوم – متابعة", "ليفانت نيوز_ أسوشيتد برس".
_CREDIT = re.compile(r"^\s*(?P<outlet>[^–—_|/\-:]{3,30}?)\s*[–—_|/\-]\s*(متابعة|خاص|وكالات|.{0,20}(برس|رويترز))")
#: A dateline credit, place then outlet: «الزرقاء - الميدان اليوم», «تالا نزيري - المدار | إعداد: …».
#: The outlet part is one to three words and not a note (خاص، متابعة، وكالات …: then the line names a
#: place only, and _CREDIT reads «outlet - متابعة»).
_PLACE_CREDIT = re.compile(r"^\s*(?!(?:الرئيسية|الصفحة الرئيسية|أخبار|الأخبار)\s)[^–—\-|:\d]{2,25}?\s+[–—\-]\s+(?P<outlet>(?!خاص|متابعة|متابعات|وكالات|ترجمة|تقرير)"
                           r"[^\s|:،,\d–—\-]+(?:\s[^\s|:،,\d–—\-]+){0,2})\s*(?:[|:،,].*)?$")
#: A short line that is a media brand: "رووداو ديجيتال", "... نيوز", "... نت".
_BRAND = re.compile(r"^\s*(?P<outlet>\S+(?:\s\S+)?\s(ديجيتال|نيوز|نت|تايمز|بوست|الإخبارية|الإخباري|24))\s*$")
#: <meta> names of a page's publication time (property, name or itemprop), lower case.
_META_NAMES = {"article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
               "publish_date", "og:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created",
               "sailthru.date", "parsely-pub-date"}
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
#: Containers whose dates are not the article's: comments, related stories, sidebars, tickers
#: (matched on each class or id token of a container that does not hold the page's <h1>).
_NOT_ARTICLE = re.compile(r"comment|related|sidebar|widget|^most|ticker|recommend|read-?also|^more|"
                          r"newsletter|footer|^nav|menu|breadcrumb|promo|^tags?$|^aside", re.IGNORECASE)
_NOT_ARTICLE_TAGS = {"script", "style", "aside", "nav", "footer", "noscript", "template", "form"}
_INLINE = {"a", "b", "i", "em", "strong", "small", "bdi", "abbr", "br", "sup", "sub", "u"}
#: Rank of a date line by its label and place: «نُشر في» first, then the article's own date line,
#: then its update stamp, then a masthead date; a crawl stamp never.
_DATELINE_RANK = {("published", "meta"): 0, ("published", "head"): 1, ("plain", "meta"): 2,
                  ("updated", "meta"): 3, ("plain", "head"): 4, ("updated", "head"): 5,
                  ("published", "trailer"): 6, ("published", "body"): 7, ("plain", "body"): 8,
                  ("updated", "body"): 9}

#: Frequent function words that tell languages of one script apart (GUIDE §7: rules, not lists
#: of seed phrases). Arabic-script words are in each language's own spelling (ي vs ی, ه vs ہ).
_FUNCTION_WORDS = {
    "ar": {"في", "من", "على", "إلى", "الى", "عن", "أن", "التي", "الذي", "هذا", "هذه", "كان", "مع", "قال"},
    "fa": {"در", "به", "از", "که", "این", "است", "را", "با", "برای", "می", "آن", "شد", "کرد", "یک"},
    "ur": {"کے", "کی", "ہے", "میں", "اور", "کو", "سے", "نے", "یہ", "کا", "ہیں", "پر", "تھا"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "said"},
    "fr": {"le", "la", "les", "de", "des", "et", "est", "une", "du", "que", "dans", "pour", "qui", "sur", "au"},
}
#: Languages told apart inside each script; the first is the default when no function word helps.
_SCRIPT_LANGUAGES = {"ARABIC": ("ar", "fa", "ur"), "HEBREW": ("he",), "LATIN": ("und", "en", "fr")}
_LANGUAGE_SAMPLE = 20_000
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Source:
    """One input before decoding: where it came from and its bytes (plus what a server said)."""

    where: str
    name: str
    data: bytes
    media_type: str | None = None
    charset: str | None = None
    url: str | None = None

    @property
    def is_html(self) -> bool:
        if self.media_type:
            return self.media_type in HTML_TYPES
        head = self.data[:2048].lower()
        return self.where.lower().endswith((".html", ".htm")) or b"<html" in head or b"<!doctype html" in head


def find_inputs(paths: list[str]) -> tuple[list[Path | str], list[Path], list[str]]:
    """Files (folders expanded) and URLs in the order given, the manifests found in folders, and
    warnings for subfolders that could not be read."""
    items: list[Path | str] = []
    manifests: list[Path] = []
    skipped: list[str] = []
    for raw in paths:
        if is_url(raw):
            items.append(raw)
            continue
        if re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
            raise InputError(raw, "only http:// and https:// URLs can be fetched")
        path = Path(raw)
        if not path.exists():
            raise InputError(raw, "no such file or folder")
        if not path.is_dir():
            if not path.is_file():  # a FIFO or device would block or never end
                raise InputError(raw, "is not a regular file or folder")
            items.append(path)
            continue
        found, unread = articles_in(path)
        skipped += unread
        if not found:
            raise InputError(raw, f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)} files)")
        items.extend(found)
        if (path / MANIFEST_NAME).is_file():
            manifests.append(path / MANIFEST_NAME)
    return items, manifests, skipped


def articles_in(folder: Path, suffixes: Collection[str] = ARTICLE_SUFFIXES) -> tuple[list[Path], list[str]]:
    """Article files (or other ``suffixes``) anywhere below ``folder``, sorted, hidden files and
    folders skipped; and a warning for each subfolder that could not be listed (never skipped in
    silence)."""
    found: list[Path] = []
    skipped: list[str] = []

    def unreadable(exc: OSError) -> None:
        if Path(exc.filename) == folder:
            raise InputError(str(folder), f"cannot be read: {exc.strerror or exc}")
        skipped.append(f"{exc.filename}: folder skipped, it cannot be read ({exc.strerror or exc})")

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in suffixes
                  and Path(root, name).is_file()]
    return sorted(found), sorted(skipped)


def load(item: Path | str, settings: Settings) -> Source:
    """The bytes of one file or URL, never more than the size limit."""
    if isinstance(item, str):
        page = fetch(item, timeout=settings.fetch_timeout, max_bytes=settings.max_file_bytes,
                     max_redirects=settings.max_redirects)
        return Source(item, url_name(item), page.data, page.media_type, page.charset, page.url)
    try:
        size, data = item.stat().st_size, b""
        if size <= settings.max_file_bytes:  # then read one byte past the limit: devices and pipes lie
            with item.open("rb") as handle:
                data = handle.read(settings.max_file_bytes + 1)
            size = max(size, len(data))
    except OSError as exc:
        raise InputError(str(item), f"cannot be read: {exc.strerror or exc}") from None
    if size > settings.max_file_bytes:
        raise InputError(str(item), f"is {size:,} bytes, over the size limit of {settings.max_file_bytes:,} "
                                    "(raise it with --max-bytes)")
    return Source(str(item), item.name, data)


def url_name(url: str) -> str:
    """An article id for a URL: host and path, without the scheme."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


def collect(paths: list[str], settings: Settings) -> tuple[list[Source], list[Path], list[str]]:
    """Read the given files, folders and URLs; return sources (unique names), folder manifests and
    warnings about what could not be read."""
    items, manifests, skipped = find_inputs(paths)
    sources = []
    names: set[str] = set()
    for item in items:
        source = load(item, settings)
        if source.name in names:
            source = replace(source, name=source.where)
        names.add(source.name)
        sources.append(source)
    return sources, manifests, skipped


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """Article text and metadata of a web page; comments excluded (they leaked numbers).

    When trafilatura finds no main text (a short or unusual page) its baseline extractor is
    used, so that a page's words are never silently dropped. The publication date comes from
    the page itself (:func:`html_published`), not from trafilatura, which guesses dates from
    sidebars when no meta tag exists.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, output_format="txt")
    if not text:
        text = trafilatura.baseline(html)[1]
    meta = trafilatura.extract_metadata(html)
    found = html_published(html)
    return text or "", {
        "outlet": getattr(meta, "sitename", None) or json_ld_publisher(html) or _outlet_author(getattr(meta, "author", None)),
        "title": getattr(meta, "title", None),
        "published": found[0] if found else None,
        "date_source": found[1] if found else None,
        "url": getattr(meta, "url", None),
    }


def html_published(html: str, today: dt.date | None = None) -> tuple[str, str] | None:
    """(ISO date, evidence) of a web page's publication, or None.

    In order: a ``<meta>`` publication time (article:published_time, datePublished …), JSON-LD
    ``datePublished``, a ``<time datetime>`` of the article (one marked as the publication time
    first), then a date line in the page's text («نُشر في: …», «الإثنين 17 نوفمبر 2025 - 08:10»),
    ranked like the date lines of a text page. Dates in comments, related stories, sidebars,
    tickers, menus and the footer are never used, nor a date after ``today``.
    """
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    today = today or dt.date.today()
    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return None
    found: list[tuple[str, str]] = []
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _META_NAMES:
            found.append((meta.get("content") or "", f"page metadata ({name})"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            found += [(d, "page metadata (JSON-LD datePublished)") for d in _json_ld_dates(script.text or "")]
    title_box = _title_box(tree)
    times = [t for t in tree.iter("time") if _in_article(t, title_box)]
    marked = [t for t in times if t.get("pubdate") is not None
              or "publish" in f"{t.get('itemprop') or ''} {t.get('class') or ''}".lower()]
    found += [(t.get("datetime") or "", "page metadata (<time datetime>)") for t in [*marked, *times]]
    for value, how in found:
        m = _ISO_DATE.match(value)
        day = _safe_iso(m.group(1)) if m else None
        if day and day <= today:
            return day.isoformat(), how
    choice = choose_dateline(_html_datelines(tree, title_box), today)
    return (choice[0].isoformat(), choice[1]) if choice else None


def _json_ld_items(text: str) -> list[dict]:
    """Every object of a JSON-LD block, depth first (also inside @graph lists); none if invalid."""
    import json

    try:
        stack = [json.loads(text)]
    except ValueError:
        return []
    out: list[dict] = []
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            out.append(item)
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


def _json_ld_dates(text: str) -> list[str]:
    """``datePublished`` values anywhere in a JSON-LD block."""
    items = _json_ld_items(text)
    if not items:
        return re.findall(r'"datePublished"\s*:\s*"([^"]+)"', text)
    return [item["datePublished"] for item in items if isinstance(item.get("datePublished"), str)]


#: Words that make an author field an outlet rather than a reporter («قناة الميدان», «شبكة الرصد»).
_MEDIA_WORDS = re.compile(r"(?<!\w)(?:قناة|شبكة|موقع|صحيفة|جريدة|وكالة|إذاعة|مجلة|بوابة|نيوز|news|tv|24|press)(?!\w)",
                          re.IGNORECASE)


def _outlet_author(author: str | None) -> str | None:
    """``<meta name="author">`` as the outlet, only when it names a medium: on most sites it is
    the reporter, and a person's name must not stand where the outlet belongs."""
    return author.strip() if author and _MEDIA_WORDS.search(author) and len(author.split()) <= 5 else None


def json_ld_publisher(html: str) -> str | None:
    """The ``publisher.name`` of the page's JSON-LD: the outlet, as the page declares it."""
    for block in re.findall(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', html, re.S | re.I):
        for item in _json_ld_items(block):
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
                return publisher["name"].strip()
    return None


def _safe_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _in_article(element, title_box: set) -> bool:
    """False for an element of (or inside) comments, related stories, sidebars, tickers, menus,
    the footer or the site header (a <header> outside <article> and <main>). ``title_box`` holds
    the <h1> and its ancestors: they are the article (or the whole page), never one of those."""
    for parent in [element, *element.iterancestors()]:
        tag = parent.tag if isinstance(parent.tag, str) else ""
        if parent in title_box or tag in ("html", "body"):
            continue
        if tag in _NOT_ARTICLE_TAGS:
            return False
        tokens = f"{parent.get('class') or ''} {parent.get('id') or ''}".split()
        if any(_NOT_ARTICLE.search(t) for t in tokens):
            return False
        if tag == "header" and not any(a.tag in ("article", "main") for a in parent.iterancestors()):
            return False
    return True


def _title_box(tree) -> set:
    """The page's first <h1> and its ancestors."""
    h1 = next(tree.iter("h1"), None)
    return set() if h1 is None else {h1, *h1.iterancestors()}


def _html_datelines(tree, title_box: set) -> list[Dateline]:
    """Date lines among the text elements of the article part of a page, in page order, placed
    before ("head") or after ("meta") the first <h1>. Innermost elements first (a <span
    class="date"> rather than the byline box around it); elements holding others only when no
    innermost one is a date line."""
    for leaves_only in (True, False):
        out: list[Dateline] = []
        seen_h1 = False
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue  # comments and processing instructions hold no date line
            tag = element.tag
            if tag == "h1":
                seen_h1 = True
            if tag in ("script", "style", "head", "title", "html", "body") or (leaves_only and any(
                    child.tag not in _INLINE for child in element if isinstance(child.tag, str))):
                continue
            text = " ".join(element.text_content().split())
            label = dateline_label(text) if text and len(text) < 200 else None
            if label and _in_article(element, title_box):
                out.append(Dateline(text, label, "meta" if seen_h1 else "head"))
        if out:
            return out
    return []


def choose_dateline(datelines: list[Dateline], today: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The publication date from a page's date lines, and the evidence.

    «نُشر في» wins over a plain date line and both over «آخر تحديث»; the article's own lines
    (after the headline) win over a masthead date (before it); a crawl stamp («تاريخ الزيارة»)
    is never used, nor a date after ``today``. In a line with a Hijri and a Gregorian date the
    Gregorian one is read.
    """
    today = today or dt.date.today()
    ranked = sorted((_DATELINE_RANK[d.label, d.place], i) for i, d in enumerate(datelines)
                    if (d.label, d.place) in _DATELINE_RANK)
    for _, i in ranked:
        line = datelines[i].line
        dates = [m for m in find_dates(line, None) if m.precision == "day" and m.explicit_year and m.value]
        dates.sort(key=lambda m: m.hijri)
        if dates and dates[0].value and dates[0].value <= today:
            return dates[0].value, f"dateline {line}"
    return None


def read_article(source: Source, entry: Entry | None, settings: Settings) -> Article:
    """Decode and clean one source and attach what is known about it."""
    raw = decode(source.data, source.where, source.charset)
    if not any(c.isprintable() and not c.isspace() for c in raw):  # bidi marks and BOMs are invisible
        raise InputError(source.where, "is empty")
    meta: dict[str, str | None] = {}
    body = raw
    if source.is_html:
        body, meta = extract_html(raw)
    cleaned = clean(body, settings.noise_max_words)
    if not cleaned.text.strip():
        raise InputError(source.where, "holds no article text once page noise is removed")
    article = Article(id=source.name, source=source.where, text=cleaned.text, raw_chars=len(raw),
                      removed_lines=cleaned.removed)
    headline = next((line for line in cleaned.kept_lines if not _MASTHEAD.search(line)), cleaned.kept_lines[0])
    article.title = (entry and entry.title) or meta.get("title") or headline[:200]
    article.url = (entry and entry.url) or meta.get("url") or source.url
    segments = re.sub(r"<[^>]+>", "\n", raw).splitlines() if source.is_html else article.removed_lines
    copyright_lines = [line for line in segments if "©" in line]  # an HTML footer: each element's own text
    _set_outlet(article, entry, meta.get("outlet"), copyright_lines)
    if entry and entry.published:
        article.published, article.date_source = entry.published, "manifest"
    elif meta.get("published"):
        article.published, article.date_source = meta["published"], meta.get("date_source") or "page metadata"
        article.published_inferred = not (article.date_source or "").startswith("page metadata")
    else:
        _dateline(article, cleaned)
    language, article.direction = detect_language(article.text)
    article.language = (entry and entry.language) or language
    return article


def _set_outlet(article: Article, entry: Entry | None, page_outlet: str | None, copyright_lines: list[str]) -> None:
    """The outlet from the manifest, the page's metadata, its copyright line («© 2025 المدار -
    جميع الحقوق محفوظة»), its credit line, or its web address, in that order of trust."""
    if entry and entry.outlet:
        article.outlet, article.outlet_source = entry.outlet, "manifest"
        return
    if page_outlet:
        article.outlet, article.outlet_source = page_outlet, "page metadata"
        return
    for line in copyright_lines:
        name = copyright_name(line)
        if name:
            article.outlet, article.outlet_source = name, f"copyright line “{line.strip()[:80]}”"
            return
    for line in article.removed_lines:
        m = _CREDIT.match(line) or _BRAND.match(line) or _PLACE_CREDIT.match(line)
        if m:
            article.outlet, article.outlet_source = m.group("outlet").strip(), f"credit line “{line}”"
            return
    host = urlsplit(article.url or "").hostname
    if host:
        article.outlet, article.outlet_source = host.removeprefix("www."), "web address"
        return
    article.unknown.append("outlet")


#: A masthead tagline, not a headline: «جريدة جهوية مستقلة - تصدر عن مؤسسة الهضاب للإعلام».
_MASTHEAD = re.compile(r"^\W*(?:جريدة|صحيفة|يومية|أسبوعية|مجلة|موقع إخباري|شبكة إخبارية)\s+\S+(?:\s+\S+)?\s+(?:مستقلة|"
                       r"إخبارية|عربية|وطنية|جهوية)|تصدر عن|يصدر عن|صادرة عن")
#: What a copyright line says besides the owner's name.
_COPYRIGHT_WORDS = re.compile(r"<[^>]*>|©|&copy;|\(c\)|[0-9٠-٩]{4}|جميع|كافة|الحقوق|حقوق|محفوظة|محفوظه|النشر|الطبع|"
                              r"all rights reserved|copyright|[-–—|.:,،]", re.IGNORECASE)
#: «محفوظة ل…»: the preposition before the owner's name.
_RESERVED_FOR = re.compile(r"محفوظ[ةه]\s+لـ?\s*")
#: A kind of outlet before the name: «لموقع أخبار المرسى» is the site «أخبار المرسى».
_OWNER_PREFIX = re.compile(r"^(?:موقع|صحيفة|جريدة)\s+")


def copyright_name(line: str) -> str | None:
    """The owner's name in a copyright line, or None when it names nobody («© 2025 - جميع الحقوق
    محفوظة»). The page's own words, not a list of outlets: a line that says more is not one."""
    if "©" not in line and "&copy;" not in line:
        return None
    line = _RESERVED_FOR.sub("محفوظة ", line)  # «محفوظة لصوت الهضاب»: the ل is not the name's
    rest = " ".join(_COPYRIGHT_WORDS.sub(" ", line).split())
    rest = _OWNER_PREFIX.sub("", rest).strip()
    words = rest.split()
    return rest if 1 <= len(words) <= 5 else None


def detect_language(text: str) -> tuple[str, str]:
    """(language, direction) from the main script and its most frequent function words.

    Languages: ar fa ur he en fr, or und. Direction is ``rtl`` when most letters are
    right-to-left (Arabic, Hebrew, Syriac, Thaana ...), else ``ltr``.
    """
    sample = text[:_LANGUAGE_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und", "ltr"
    rtl = sum(unicodedata.bidirectional(c) in ("R", "AL") for c in letters)
    direction = "rtl" if rtl * 2 > len(letters) else "ltr"
    scripts: dict[str, int] = {}
    for c in letters:
        script = unicodedata.name(c, "").split(" ", 1)[0]
        scripts[script] = scripts.get(script, 0) + 1
    candidates = _SCRIPT_LANGUAGES.get(max(scripts, key=lambda s: scripts[s]), ("und",))
    words = _WORD.findall(sample.lower())
    hits = {lang: sum(w in _FUNCTION_WORDS.get(lang, ()) for w in words) for lang in candidates}
    best = max(candidates, key=lambda lang: hits[lang])
    return (best if hits[best] else candidates[0]), direction


def _manifest_entries(found: list[Path], manifest: Path | None, sources: list[Source]) -> dict[str, Entry]:
    """Entries of all manifests (the --manifest one wins); each must name an input."""
    given = {s.name for s in sources} | {Path(s.where).name for s in sources} | {s.where for s in sources}
    given |= {s.url for s in sources if s.url}
    entries: dict[str, Entry] = {}
    for path in [*found, *([manifest] if manifest else [])]:
        read = read_manifest(path)
        missing = sorted(set(read) - given)
        if missing:
            raise InputError(str(path), f"names {missing[0]}, which is not among the inputs")
        entries.update(read)
    return entries


def _entry(entries: dict[str, Entry], source: Source) -> Entry | None:
    keys = (source.name, Path(source.where).name, source.where, source.url)
    return next((entries[k] for k in keys if k in entries), None)


def ingest(paths: list[str], settings: Settings, manifest: Path | None = None) -> tuple[list[Article], list[str]]:
    """Read all inputs into articles; merge identical ones; infer missing publication dates."""
    if not paths:
        raise InputError("PATH", "give at least two articles to compare")
    sources, found, skipped = collect(paths, settings)
    entries = _manifest_entries(found, manifest, sources)
    articles = [read_article(source, _entry(entries, source), settings) for source in sources]
    articles, warnings = merge_duplicates(articles, settings.near_duplicate)
    warnings += skipped + [f"{a.source}: {n} character(s) could not be decoded and are shown as �"
                 for a in articles if (n := a.text.count("\ufffd"))]
    if len(articles) < 2:
        raise InputError(articles[0].source, "is the only distinct article; give at least two articles to compare")
    _infer_dates(articles)
    for number, article in enumerate(articles, 1):
        article.position = number  # «مصدر ٤» names an outlet nothing on its page names
    return articles, warnings


def merge_duplicates(articles: list[Article], near: float) -> tuple[list[Article], list[str]]:
    """Drop exact copies (with a warning); flag pairs sharing ``near`` of their word 3-grams."""
    kept: list[Article] = []
    shingles: list[set[tuple[str, ...]]] = []
    warnings: list[str] = []
    for article in articles:
        twin = next((k for k in kept if k.text == article.text), None)
        if twin:
            warnings.append(f"{article.source}: identical to {twin.source}; compared once")
            continue
        mine = word_shingles(article.text)
        for other, theirs in zip(kept, shingles, strict=True):
            score = jaccard(mine, theirs)
            if score >= near:
                warnings.append(f"{article.source}: near-duplicate of {other.source} "
                                f"({score:.0%} of word 3-grams shared); compared anyway")
                article.notes.append(f"نسخة شبه مطابقة لمقال {other.label} ({score:.0%} من العبارات مشتركة)")
                other.notes.append(f"نسخة شبه مطابقة لمقال {article.label} ({score:.0%} من العبارات مشتركة)")
        kept.append(article)
        shingles.append(mine)
    return kept, warnings


def word_shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams of the matching key (spelling variants and diacritics do not count)."""
    words = _WORD.findall(key(text))
    return {tuple(words[i:i + n]) for i in range(max(len(words) - n + 1, 1))}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _dateline(article: Article, cleaned: Cleaned) -> None:
    """The page's date line (removed with the noise, kept aside by :func:`clean`); failing one,
    a full date among the lines above the story (never a date of the story's own paragraphs,
    a photo caption, a related story or a comment, nor a date after today)."""
    found = choose_dateline(cleaned.datelines)
    if found is None:
        guess = infer_publication_date("\n".join(cleaned.lead))
        if guess and guess[1].startswith(("dateline", "full date")) and guess[0] <= dt.date.today():
            found = guess
    if found:
        article.published, article.date_source = found[0].isoformat(), found[1]
        article.published_inferred = True


def _infer_dates(articles: list[Article]) -> None:
    """Dates with no date line: a weekday without a year is placed near the other articles' dates."""
    known = [dt.date.fromisoformat(a.published) for a in articles if a.published]
    reference = max(known) if known else None
    for article in articles:
        if article.published is None:
            found = infer_publication_date(article.text, reference)
            if found:
                article.published, article.date_source = found[0].isoformat(), found[1]
                article.published_inferred = True
            else:
                article.unknown.append("publication date")
