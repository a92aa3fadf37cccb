"""Paths (files, folders) to :class:`Article`s: decode, strip page noise, find metadata.

Folders are searched recursively for ``.txt``, ``.md``, ``.html`` and ``.htm`` files; a
``sources.toml`` in a given folder is read as its manifest. Every problem a user can fix
raises :class:`InputError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .dates import infer_publication_date
from .decode import decode
from .errors import InputError
from .manifest import Entry, read_manifest
from .model import Article
from .noise import clean
from .settings import Settings

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "sources.toml"

#: A credit line that names the outlet: "بغداد اليوم – متابعة", "ليفانت نيوز_ أسوشيتد برس".
_CREDIT = re.compile(r"^\s*(?P<outlet>[^–—_|/\-:]{3,30}?)\s*[–—_|/\-]\s*(متابعة|خاص|وكالات|.{0,20}(برس|رويترز))")
#: A short line that is a media brand: "رووداو ديجيتال", "... نيوز", "... نت".
_BRAND = re.compile(r"^\s*(?P<outlet>\S+(?:\s\S+)?\s(ديجيتال|نيوز|نت|تايمز|بوست|الإخبارية|الإخباري|24))\s*$")
_META = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|pubdate|date"
    r"|og:published_time|publish-date)[\"'][^>]*content=[\"'](?P<date>\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Source:
    """One input before decoding: where it came from and its bytes."""

    where: str
    name: str
    data: bytes

    @property
    def is_html(self) -> bool:
        head = self.data[:2048].lower()
        return self.where.lower().endswith((".html", ".htm")) or b"<html" in head or b"<!doctype html" in head


def collect(paths: list[str], settings: Settings) -> tuple[list[Source], list[Path]]:
    """Read the given files and folders; return sources and the manifests found in folders."""
    files: list[Path] = []
    manifests: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(raw, "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(raw, f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)} files)")
            files.extend(found)
            if (path / MANIFEST_NAME).is_file():
                manifests.append(path / MANIFEST_NAME)
        else:
            files.append(path)
    sources = []
    names: set[str] = set()
    for path in files:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(str(path), f"is {size:,} bytes, over the limit of {settings.max_file_bytes:,} "
                                        "(raise it with --max-bytes)")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(str(path), f"cannot be read: {exc.strerror}") from None
        name = path.name if path.name not in names else str(path)
        names.add(name)
        sources.append(Source(str(path), name, data))
    return sources, manifests


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """Article text and metadata of a web page; comments excluded (they leaked numbers)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, output_format="txt") or ""
    meta = trafilatura.extract_metadata(html)
    date = _META.search(html)  # trafilatura guesses dates from sidebars when no meta tag exists
    return text, {
        "outlet": getattr(meta, "sitename", None),
        "title": getattr(meta, "title", None),
        "published": date.group("date") if date else None,
        "url": getattr(meta, "url", None),
    }


def read_article(source: Source, entry: Entry | None, settings: Settings) -> Article:
    """Decode and clean one source and attach what is known about it."""
    raw = decode(source.data, source.where)
    if not raw.strip():
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
    article.url = (entry and entry.url) or meta.get("url")
    _set_outlet(article, entry, meta.get("outlet"))
    if entry and entry.published:
        article.published, article.date_source = entry.published, "manifest"
    elif meta.get("published"):
        article.published, article.date_source = meta["published"], "page metadata"
    else:
        _dateline(article, body)
    _set_language(article, entry)
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
    article.unknown.append("outlet")


def _set_language(article: Article, entry: Entry | None) -> None:
    """Direction from the script of the letters; language from the manifest or the script."""
    letters = [c for c in article.text if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u08ff")
    hebrew = sum(1 for c in letters if "\u0590" <= c <= "\u05ff")
    rtl = arabic + hebrew > len(letters) / 2
    article.direction = "rtl" if rtl else "ltr"
    article.language = (entry and entry.language) or ("he" if hebrew > arabic else "ar" if rtl else "und")


def ingest(paths: list[str], settings: Settings, manifest: Path | None = None) -> tuple[list[Article], list[str]]:
    """Read all inputs into articles; merge identical ones; infer missing publication dates."""
    sources, found = collect(paths, settings)
    entries: dict[str, Entry] = {}
    for m in [*found, *([manifest] if manifest else [])]:
        entries.update(read_manifest(m))
    given = {s.name for s in sources} | {Path(s.where).name for s in sources}
    if manifest:
        missing = sorted(set(read_manifest(manifest)) - given)
        if missing:
            raise InputError(str(manifest), f"names {missing[0]}, which is not among the inputs")
    warnings: list[str] = []
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for source in sources:
        article = read_article(source, entries.get(source.name) or entries.get(Path(source.where).name), settings)
        if article.text in seen:
            warnings.append(f"{source.where}: identical to {seen[article.text]}; compared once")
            continue
        seen[article.text] = source.where
        articles.append(article)
    if len(articles) < 2:
        where = sources[0].where if sources else " ".join(paths)
        raise InputError(where, "is the only distinct article; give at least two articles to compare")
    _infer_dates(articles)
    return articles, warnings


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
