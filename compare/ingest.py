"""Paths (files, folders) and http(s) URLs to :class:`Article`s: decode, strip page noise, find metadata.

Which inputs count: a file named on the command line is always read, whatever its name;
a folder is searched recursively for ``.txt``, ``.md``, ``.html`` and ``.htm`` files (any
case), skipping hidden files and folders (names starting with "."); a ``sources.toml`` in a
given folder is read as its manifest; ``http://`` and ``https://`` URLs are fetched
(:mod:`compare.fetch`). Every problem a user can fix raises :class:`InputError` naming the input.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .decode import decode
from .errors import InputError
from .facts.dates import infer_publication_date
from .fetch import fetch, is_url
from .manifest import Entry, read_manifest
from .model import Article
from .noise import clean
from .normalize import key
from .settings import Settings

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "sources.toml"
HTML_TYPES = ("text/html", "application/xhtml+xml")

#: A credit line that names the outlet: "بغداد اليوم – متابعة", "ليفانت نيوز_ أسوشيتد برس".
_CREDIT = re.compile(r"^\s*(?P<outlet>[^–—_|/\-:]{3,30}?)\s*[–—_|/\-]\s*(متابعة|خاص|وكالات|.{0,20}(برس|رويترز))")
#: A short line that is a media brand: "رووداو ديجيتال", "... نيوز", "... نت".
_BRAND = re.compile(r"^\s*(?P<outlet>\S+(?:\s\S+)?\s(ديجيتال|نيوز|نت|تايمز|بوست|الإخبارية|الإخباري|24))\s*$")
_META = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|pubdate|date"
    r"|og:published_time|publish-date)[\"'][^>]*content=[\"'](?P<date>\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)

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


def find_inputs(paths: list[str]) -> tuple[list[Path | str], list[Path]]:
    """Files (folders expanded) and URLs in the order given, and the manifests found in folders."""
    items: list[Path | str] = []
    manifests: list[Path] = []
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
            items.append(path)
            continue
        found = articles_in(path)
        if not found:
            raise InputError(raw, f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)} files)")
        items.extend(found)
        if (path / MANIFEST_NAME).is_file():
            manifests.append(path / MANIFEST_NAME)
    return items, manifests


def articles_in(folder: Path) -> list[Path]:
    """Article files anywhere below ``folder``, sorted, hidden files and folders skipped."""
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


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


def collect(paths: list[str], settings: Settings) -> tuple[list[Source], list[Path]]:
    """Read the given files, folders and URLs; return sources (unique names) and folder manifests."""
    items, manifests = find_inputs(paths)
    sources = []
    names: set[str] = set()
    for item in items:
        source = load(item, settings)
        if source.name in names:
            source = replace(source, name=source.where)
        names.add(source.name)
        sources.append(source)
    return sources, manifests


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """Article text and metadata of a web page; comments excluded (they leaked numbers).

    When trafilatura finds no main text (a short or unusual page) its baseline extractor is
    used, so that a page's words are never silently dropped.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, output_format="txt")
    if not text:
        text = trafilatura.baseline(html)[1]
    meta = trafilatura.extract_metadata(html)
    date = _META.search(html)  # trafilatura guesses dates from sidebars when no meta tag exists
    return text or "", {
        "outlet": getattr(meta, "sitename", None),
        "title": getattr(meta, "title", None),
        "published": date.group("date") if date else None,
        "url": getattr(meta, "url", None),
    }


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
    article.title = (entry and entry.title) or meta.get("title") or cleaned.kept_lines[0][:200]
    article.url = (entry and entry.url) or meta.get("url") or source.url
    _set_outlet(article, entry, meta.get("outlet"))
    if entry and entry.published:
        article.published, article.date_source = entry.published, "manifest"
    elif meta.get("published"):
        article.published, article.date_source = meta["published"], "page metadata"
    else:
        _dateline(article, body)
    language, article.direction = detect_language(article.text)
    article.language = (entry and entry.language) or language
    return article


def _set_outlet(article: Article, entry: Entry | None, page_outlet: str | None) -> None:
    if entry and entry.outlet:
        article.outlet, article.outlet_source = entry.outlet, "manifest"
        return
    if page_outlet:
        article.outlet, article.outlet_source = page_outlet, "page metadata"
        return
    for line in article.removed_lines:
        m = _CREDIT.match(line) or _BRAND.match(line)
        if m:
            article.outlet, article.outlet_source = m.group("outlet").strip(), f"credit line “{line}”"
            return
    host = urlsplit(article.url or "").hostname
    if host:
        article.outlet, article.outlet_source = host.removeprefix("www."), "web address"
        return
    article.unknown.append("outlet")


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
    sources, found = collect(paths, settings)
    entries = _manifest_entries(found, manifest, sources)
    articles = [read_article(source, _entry(entries, source), settings) for source in sources]
    articles, warnings = merge_duplicates(articles, settings.near_duplicate)
    if len(articles) < 2:
        raise InputError(articles[0].source, "is the only distinct article; give at least two articles to compare")
    _infer_dates(articles)
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


def _dateline(article: Article, body: str) -> None:
    """A date line on the page (it is removed with the noise, so read it from the page body)."""
    found = infer_publication_date(body)
    if found and found[1].startswith(("dateline", "full date")):
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
