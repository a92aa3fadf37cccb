"""Round-trip tests of the PDF renderer through poppler (GUIDE §5).

What an editor copies out of the PDF is the product: these tests read the PDF back
with poppler's tools instead of trusting WeasyPrint's input.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from compare.render import pdf
from compare.render.pdf import FONT_FILES, TEMPLATES, AssetFetcher, fix_text_layer, write_pdf

POPPLER = ("pdftotext", "pdffonts", "pdfdetach", "pdfinfo", "pdfimages")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfdetach, pdfinfo, pdfimages) not installed",
)

# One row per table line: (right column, left column). Ligature words: لا، الله، لأن.
PASSAGES = [
    (
        "قال الرئيس الأمريكي إن القوات لا تزال تنتشر وعددها 2500 جندي لأن المهمة لم تنته بعد.",
        "أكد المتحدث باسم البنتاغون أن عدد الجنود الأجانب ٣٥٠٠ جندي، لا أكثر، لأن الاتفاق يحدد ذلك.",
    ),
    (
        "وأضاف رئيس الوزراء العراقي أن بلاده لا تحتاج إلى قوات قتالية، والحمد لله على ذلك.",
        "ونقلت وكالة أسوشيتد برس عن مسؤول قوله إن الانسحاب سيكتمل بنهاية العام إن شاء الله.",
    ),
    (
        "وذكرت مصادر مطلعة أن الجانبين اتفقا على استمرار التعاون الأمني لأن التهديد لم ينته.",
        "وأشار البيان المشترك إلى أن العلاقة ستنتقل بالكامل إلى دور التدريب والمشورة والدعم.",
    ),
]
LIGATURE_WORDS = ("لا", "الله", "لأن", "لله")
ATTACHMENTS = [
    ("comparison.json", b'{"schema": "compare-sources/1"}', "application/json"),
    ("discrepancies.csv", b"kind,value\nconflict,2500\n", "text/csv"),
]
FORBIDDEN = ("file:///etc/passwd", "http://127.0.0.1:9/x.png")

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
# Digit runs are their own tokens: poppler puts the space beside an embedded number on
# the wrong side ("٣٥٠٠جندي"), which is harmless for search but not for word splitting.
ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+|[\u0660-\u0669]+|[0-9]+")


def html_document(passages: list[tuple[str, str]]) -> str:
    """A small briefing: headings, an RTL table, marks, Latin and forbidden resources."""
    rows = "\n".join(f"<tr><td>{right}</td><td>{left}</td></tr>" for right, left in passages)
    images = "".join(f'<img src="{url}" alt="">' for url in FORBIDDEN)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>موجز المقارنة</title>
<meta name="author" content="مكتب التحرير"><meta name="generator" content="compare-sources">
<link rel="stylesheet" href="fonts.css"><link rel="stylesheet" href="base.css"></head>
<body>
<h1>لقاء بايدن والكاظمي</h1>
<h2>أعداد القوات <span class="badge conflict">تعارض</span></h2>
<table><thead><tr><th>روداو</th><th>بغداد اليوم</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>صياغة الوكالة</h2>
<p>نقلت وكالة <span dir="ltr">AP</span> في <span dir="ltr">2021-07-26</span> عن
<mark class="diff">البنتاغون</mark> أن القرار نهائي في الكتاب&#x200d;<mark class="verbatim">&#x200d;ية</mark>
الأمريكية.</p>
{images}
</body></html>"""


def arabic_words(text: str) -> list[str]:
    """Arabic words with bidi controls and diacritics removed, in order."""
    return ARABIC_WORD.findall(DIACRITICS.sub("", BIDI_CONTROLS.sub("", text)))


def run(*args: str) -> str:
    """Run a poppler tool and return its standard output."""
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@dataclass
class Rendered:
    """One rendered PDF plus the URLs WeasyPrint asked for and the ones really opened."""

    path: Path
    pages: int
    requested: list[str]
    opened: list[str]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """Render the test document once, spying on the URL fetcher."""
    requested: list[str] = []
    opened: list[str] = []
    asset_fetch, real_fetch = AssetFetcher.fetch, URLFetcher.fetch

    def spy_request(
        self: AssetFetcher, url: str, headers: dict[str, str] | None = None
    ) -> URLFetcherResponse:
        requested.append(url)
        return asset_fetch(self, url, headers)

    def spy_open(self: URLFetcher, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        opened.append(url)
        return real_fetch(self, url, headers)

    out = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(AssetFetcher, "fetch", spy_request)
        mp.setattr(URLFetcher, "fetch", spy_open)
        pages = write_pdf(html_document(PASSAGES), out, attachments=ATTACHMENTS)
    yield Rendered(out, pages, requested, opened)


@needs_poppler
@pytest.mark.parametrize("layout", [False, True], ids=["raw", "layout"])
def test_every_word_comes_back(rendered: Rendered, layout: bool) -> None:
    text = run("pdftotext", *(["-layout"] if layout else []), str(rendered.path), "-")
    got = Counter(arabic_words(text))
    for passage in (cell for row in PASSAGES for cell in row):
        missing = Counter(arabic_words(passage)) - got
        assert not missing, f"missing {sorted(missing)} from {passage!r}"
    for word in LIGATURE_WORDS:
        assert got[word], f"ligature word {word} not recovered"
    assert not got["ال"], "a lam-alef ligature came out reversed"
    assert "الكتابية" in got, "ZWJ around a partial-word <mark> must not split the word"
    assert "\u200d" not in text
    plain = BIDI_CONTROLS.sub("", text)
    for token in ("AP", "2021-07-26", "2500", "٣٥٠٠"):
        assert token in plain


@needs_poppler
def test_raw_text_keeps_each_line_in_reading_order(rendered: Rendered) -> None:
    """Without -layout every visual line comes out whole and in logical word order.

    Wrapped table cells come out line by line across the row (-layout interleaves the
    two columns on one line instead), so a whole passage is not one contiguous run.
    """
    cells = [f" {' '.join(arabic_words(cell))} " for row in PASSAGES for cell in row]
    vocabulary = {word for cell in cells for word in cell.split()}
    lines = [arabic_words(line) for line in run("pdftotext", str(rendered.path), "-").splitlines()]
    table_lines = [line for line in lines if len(line) >= 2 and set(line) <= vocabulary]
    assert len(table_lines) >= len(cells)
    for line in table_lines:
        assert any(f" {' '.join(line)} " in cell for cell in cells), f"out of order: {line}"


@needs_poppler
def test_fonts_are_the_pinned_noto(rendered: Rendered) -> None:
    fonts = run("pdffonts", str(rendered.path))
    assert "Noto-Naskh-Arabic" in fonts
    assert "DejaVu" not in fonts
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert all(re.fullmatch(r"[A-Z]{6}\+Noto-(Naskh-Arabic|Serif)(-Bold)?", name) for name in names)
    assert {url for url in rendered.opened if url.endswith(".ttf")} == {p.as_uri() for p in FONT_FILES}


@needs_poppler
def test_attachments_and_metadata(rendered: Rendered) -> None:
    listing = run("pdfdetach", "-list", str(rendered.path))
    for name, _, _ in ATTACHMENTS:
        assert name in listing
    info = run("pdfinfo", str(rendered.path))
    assert re.search(rf"^Pages:\s+{rendered.pages}$", info, re.M)
    assert re.search(r"^Title:\s+موجز المقارنة$", info, re.M)
    assert re.search(r"^Author:\s+مكتب التحرير$", info, re.M)
    assert re.search(r"^Creator:\s+compare-sources$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)


@needs_poppler
def test_untrusted_resources_are_not_fetched(rendered: Rendered) -> None:
    for url in FORBIDDEN:
        assert url in rendered.requested  # WeasyPrint asked: the refusal is what stopped it
        assert url not in rendered.opened
    assert all(url.startswith(("file://", "data:")) for url in rendered.opened)
    images = run("pdfimages", "-list", str(rendered.path)).splitlines()[2:]
    assert images == []


@needs_poppler
def test_page_count_and_atomic_write(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    out.write_bytes(b"old")
    pages = write_pdf(html_document(PASSAGES * 12), out)
    assert pages > 1
    assert re.search(rf"^Pages:\s+{pages}$", run("pdfinfo", str(out)), re.M)
    assert [p.name for p in tmp_path.iterdir()] == ["long.pdf"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.com/base.css",
        (TEMPLATES / ".." / "compare" / "pdf.py").as_uri(),
        "file://otherhost" + str(TEMPLATES / "base.css"),
        "data:text/css,body{}",
        "file:///usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",  # a font not in the list
    ],
)
def test_fetcher_refuses(url: str) -> None:
    with pytest.raises(ValueError):
        AssetFetcher().fetch(url)


def test_fetcher_serves_templates_and_fonts() -> None:
    for path in (TEMPLATES / "base.css", *FONT_FILES):
        if path.is_file():
            response = AssetFetcher().fetch(path.as_uri())
            assert response.read(4)
            response.close()


def test_fonts_css_matches_the_allow_list() -> None:
    css = (TEMPLATES / "fonts.css").read_text(encoding="utf-8")
    urls = set(re.findall(r'url\("(file://[^"]+)"\)', css))
    assert urls == {path.as_uri() for path in FONT_FILES}


def test_fix_text_layer_is_narrow() -> None:
    fixed = fix_text_layer(
        {1: "لا", 2: "لله", 3: "ل", 4: "fi", 5: "١٢", 6: "ל\u05b7", 7: "ب\u200d", 8: "لّ", 9: "ً", 10: "ّ", 11: "\u0301"}
    )
    assert fixed == {1: "ال", 2: "هلل", 3: "ل", 4: "fi", 5: "١٢", 6: "\u05b7ל", 7: "ب\u200d", 8: "ّل",
                     9: "", 10: "", 11: ""}


def test_other_weasyprint_versions_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match=re.escape(pdf.WEASYPRINT_VERSION)):
        pdf._install_text_layer_fix()


# --- The seeds briefing, read back as an editor's PDF reader would --------------------------

WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+|[A-Za-z]+|[0-9]+|[\u0660-\u0669]+")


def words(text: str) -> list[str]:
    """Words with bidi controls, ZWJ and diacritics removed; Arabic, Latin and digit runs apart,
    because readers put the space beside an embedded LTR run on the wrong side ("Apأشار")."""
    return WORD.findall(DIACRITICS.sub("", BIDI_CONTROLS.sub("", text).replace("\u200d", "")))


def in_order(passage: list[str], stream: list[str]) -> int:
    """Length of the longest common subsequence of ``passage`` in ``stream``: side-by-side
    columns interleave their lines, so a passage is a subsequence of the page, not a run."""
    where: dict[str, list[int]] = {}
    for j, word in enumerate(passage):
        where.setdefault(word, []).append(j)
    row = [0] * (len(passage) + 1)
    for word in stream:
        hits = where.get(word)
        if not hits:
            continue
        previous = row[:]
        for j in hits:
            row[j + 1] = max(row[j + 1], previous[j] + 1)
        for j in range(1, len(row)):
            row[j] = max(row[j], row[j - 1])
    return row[-1]


def printed_paragraphs(data: dict) -> list[tuple[str, str]]:
    """(passage id, text) of every paragraph the groups section prints, once each."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    seen: dict[tuple[str, int], tuple[str, str]] = {}
    for g in data["groups"]:
        by_article: dict[str, list[dict]] = {}
        for p in g["passages"]:
            by_article.setdefault(p["article"], []).append(p)
        for article, passages in by_article.items():
            start, end = passages[0]["para_start"], passages[-1]["para_end"]
            seen.setdefault((article, start), (passages[0]["id"], texts[article][start:end]))
    return list(seen.values())


@needs_poppler
def test_seeds_passages_come_back_in_order(seeds_run: dict) -> None:
    """≥ 99% of the words of every printed passage, in order (GUIDE §5: line heights ≤ 1.45
    keep each cell one text block; raised diacritics carry no text)."""
    stream = words(run("pdftotext", str(seeds_run["pdf"]), "-"))
    total = found = 0
    for passage_id, text in printed_paragraphs(seeds_run["json"]):
        expected = words(text)
        got = in_order(expected, stream)
        assert got >= 0.9 * len(expected), f"{passage_id}: {got}/{len(expected)} words in order"
        total, found = total + len(expected), found + got
    assert found >= 0.99 * total, f"{found}/{total} words in order"


@needs_poppler
def test_seeds_table_figures_are_found_as_typed(seeds_run: dict) -> None:
    """Every value of the discrepancy table comes out with the outlet's characters (spacing aside:
    readers move the space next to an embedded number)."""
    text = re.sub(r"\s+", "", DIACRITICS.sub("", BIDI_CONTROLS.sub("", run("pdftotext", str(seeds_run["pdf"]), "-"))))
    values = [v["text"] for d in seeds_run["json"]["discrepancies"] if d["kind"] != "single-source" for v in d["values"]]
    assert values
    missing = [v for v in values if re.sub(r"\s+", "", DIACRITICS.sub("", v)) not in text]
    assert not missing


@needs_poppler
def test_seeds_pdf_fonts_attachments_and_metadata(seeds_run: dict) -> None:
    pdf_path = str(seeds_run["pdf"])
    names = [line.split()[0] for line in run("pdffonts", pdf_path).splitlines()[2:]]
    assert names and all(re.fullmatch(r"[A-Z]{6}\+Noto-(Naskh-Arabic|Serif)(-Bold)?", n) for n in names), names
    listing = run("pdfdetach", "-list", pdf_path)
    assert "2 embedded files" in listing
    for suffix in (".json", ".csv"):
        assert seeds_run["pdf"].with_suffix(suffix).name in listing
    info = run("pdfinfo", pdf_path)
    assert re.search(r"^Title:\s+" + re.escape(seeds_run["json"]["title"]) + "$", info, re.M)
    assert re.search(r"^Creator:\s+compare-sources$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
    footer = "صفحة١من" + str(pages).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))  # "صفحة ١ من ٧"
    assert footer in re.sub(r"\s+", "", BIDI_CONTROLS.sub("", run("pdftotext", "-l", "1", pdf_path, "-")))


def test_seeds_outline_has_every_section_and_group(seeds_run: dict) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(seeds_run["pdf"])
    assert reader.trailer["/Root"]["/Lang"] == "ar"

    def titles(items: list) -> list[str]:
        return [t for item in items for t in (titles(item) if isinstance(item, list) else [item.title])]

    outline = titles(reader.outline)
    html = seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    sections = re.findall(r"<h2 id=\"[^\"]+\">([^<]+)</h2>", html)
    assert {"الخلاصة", "جدول الفروق", "المقاطع المتطابقة", "المصادر", "المنهج"} <= set(sections)
    assert set(sections) <= set(outline)
    for number in range(1, len(seeds_run["json"]["groups"]) + 1):
        assert any(t.startswith(f"{number}. ") for t in outline), number


@needs_poppler
def test_hostile_article_renders_and_fetches_nothing(tmp_path: Path) -> None:
    """Article text is untrusted: markup in it is shown as text and never fetched."""
    from compare.cli import main

    hostile = '<img src="file:///etc/passwd"> <script>alert(1)</script>'
    folder = tmp_path / "in"
    folder.mkdir()
    for name, count, verb in (("a.txt", 2500, "قال"), ("b.txt", 3500, "أكد")):
        (folder / name).write_text(
            f"{verb} المتحدث باسم وزارة الدفاع إن عدد الجنود في القاعدة بلغ {count} جندي هذا الأسبوع.\n"
            f"وأضاف المتحدث في بيان نشره موقع الوزارة أن النص التالي وصل كما هو {hostile} دون تعديل.\n",
            encoding="utf-8")
    requested: list[str] = []
    real = AssetFetcher.fetch

    def spy(self: AssetFetcher, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        requested.append(url)
        return real(self, url, headers)

    out = tmp_path / "out" / "b.pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(AssetFetcher, "fetch", spy)
        assert main(["report", str(folder), "-o", str(out)]) == 0
    assert all(Path(url.removeprefix("file://")).resolve() in {*FONT_FILES} for url in requested), requested
    assert run("pdfimages", "-list", str(out)).splitlines()[2:] == []
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" in BIDI_CONTROLS.sub("", run("pdftotext", str(out), "-"))


SECTION_HEADINGS = ("الخلاصة", "جدول الفروق", "تطور الأرقام عبر الزمن", "المقاطع المتطابقة", "مصفوفة النقل",
                    "المصادر", "المنهجية")


@needs_poppler
def test_no_section_heading_ends_a_page(tmp_path: Path) -> None:
    """The boat-sinking dev story put «تطور الأرقام عبر الزمن» and its intro line at the foot of
    page 2, its table on page 3."""
    from compare.cli import main

    out = tmp_path / "d5.pdf"
    assert main(["report", str(Path(__file__).parent / "data" / "devset" / "d5_boat_sinking"), "-o", str(out), "-q"]) == 0
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(out)], capture_output=True,
                                                            text=True, check=True).stdout)[1])
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(out), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = [re.sub("[\u202a-\u202e\u2066-\u2069]", "", line).strip() for line in text.splitlines() if line.strip()]
        last = lines[-4:-1]  # the lines above the page number
        assert not [line for line in last[-2:] if line in SECTION_HEADINGS], (page, last)
