"""Input breadth: every encoding, web pages, folders, other languages, duplicates, manifests, atomic outputs."""

from __future__ import annotations

import codecs
from html import escape
from pathlib import Path

import pytest
from conftest import SEEDS

from compare.decode import decode, repair_mojibake
from compare.errors import InputError
from compare.ingest import detect_language, find_inputs, ingest, jaccard, word_shingles
from compare.manifest import read_manifest
from compare.pipeline import compare
from compare.render.export import staged
from compare.settings import Settings

SEED = sorted(SEEDS.glob("*.txt"))
TEXT = SEED[0].read_text(encoding="utf-8")

#: The same short report in each language the tool tells apart (written for these tests).
SAMPLES = {
    "ar": "قال الرئيس الأمريكي إن القوات الأمريكية ستغادر العراق في نهاية العام، وذلك بعد لقائه مع رئيس الوزراء.",
    "fa": "رئیس جمهور آمریکا گفت که نیروهای آمریکایی تا پایان سال از عراق خارج می شوند و این تصمیم برای دو کشور مهم است.",
    "ur": "امریکی صدر نے کہا کہ امریکی فوجی سال کے آخر تک عراق سے نکل جائیں گے اور یہ فیصلہ دونوں ملکوں کے لیے اہم ہے۔",
    "he": "נשיא ארצות הברית אמר כי הכוחות האמריקאים יעזבו את עיראק עד סוף השנה, לאחר פגישה עם ראש הממשלה.",
    "en": "The American president said that the troops will leave Iraq by the end of the year, after a meeting with the prime minister.",
    "fr": "Le président américain a dit que les troupes quitteront l'Irak à la fin de l'année, après une rencontre avec le premier ministre.",
}


def html_page(text: str, charset: str | None = "utf-8") -> str:
    """A saved web page around an article's lines: a script, a nav and a comment section that must not leak."""
    lines = [line for line in text.splitlines() if line.strip()]
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>{meta}<title>{escape(lines[0])}</title>
<script>var views = 987654; document.write("نص من سكريبت");</script></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li></ul></nav>
<article>
{paragraphs}
</article>
<section id="comments" class="comments"><h3>التعليقات</h3>
<div class="comment"><p>محمد: العدد الحقيقي 1500 جندي وليس كما ذكر في الخبر.</p></div></section>
<footer><p>جميع الحقوق محفوظة 2024</p></footer></body></html>"""


def _read(path: Path) -> str:
    """The clean text ingest makes of ``path`` (compared with another seed)."""
    return ingest([str(path), str(SEED[4])], Settings())[0][0].text


# --- encodings ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "encode"), [
    ("utf8", lambda t: t.encode("utf-8")),
    ("utf8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("utf16-le-bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ("utf16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("utf16", lambda t: t.encode("utf-16")),
    ("utf32", lambda t: t.encode("utf-32")),
    ("cp1256", lambda t: t.encode("cp1256", errors="strict")),
    ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ("cr", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ("cp1256-crlf", lambda t: t.replace("\n", "\r\n").encode("cp1256")),
    ("mojibake", lambda t: t.encode("utf-8").decode("cp1256").encode("utf-8")),
])
def test_every_encoding_gives_the_same_text(tmp_path: Path, name: str, encode) -> None:
    text = TEXT.replace("\xa0", " ")  # NBSP is in cp1256 too, but keep the comparison plain
    reference = tmp_path / "reference.txt"
    reference.write_text(text, encoding="utf-8")
    variant = tmp_path / f"{name}.txt"
    variant.write_bytes(encode(text))
    assert _read(variant) == _read(reference)


def test_declared_charset_of_an_html_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(html_page(SEED[1].read_text(encoding="utf-8"), "windows-1256").encode("cp1256"))
    assert _read(page).split() == _read(SEED[1]).split()


def test_header_charset_wins_over_detection() -> None:
    text = "Le président est arrivé à Paris, où il a rencontré le ministre."
    assert decode(text.encode("cp1252"), "x", declared="windows-1252") == text
    assert decode(text.encode("cp1252"), "x", declared="no-such-charset") == text  # detection still works


def test_french_in_cp1252_is_detected() -> None:
    assert decode(SAMPLES["fr"].encode("cp1252"), "x") == SAMPLES["fr"]


def test_controls_and_odd_line_ends_keep_words_apart() -> None:
    assert decode("كلمة\x01أخرى\x0cثالثة\u2028رابعة\x85خامسة".encode(), "x").split() == [
        "كلمة", "أخرى", "ثالثة", "رابعة", "خامسة"]


def test_repair_mojibake() -> None:
    garbled = TEXT.encode("utf-8").decode("cp1256")
    assert garbled.startswith("ط¶ظ…ظ†")
    assert repair_mojibake(garbled) == TEXT
    assert repair_mojibake(TEXT) == TEXT
    legit = "ضغط، ربط، خط، شرط، ضبط، قط، نفط، سقط، حظ"  # ط and ظ before a comma: real Arabic, left alone
    assert repair_mojibake(legit) == legit


def test_mojibake_only_in_the_title_line() -> None:
    lines = TEXT.split("\n")
    mixed = "\n".join([lines[0].encode("utf-8").decode("cp1256"), *lines[1:]])
    assert decode(mixed.encode("utf-8"), "x") == TEXT


@pytest.mark.parametrize(("data", "problem"), [
    (b"%PDF-1.4\n...", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n....", "a PNG image"),
    (b"PK\x03\x04....", "a ZIP archive"),
    (b"abc\x00def", "contains NUL bytes"),
    (bytes(range(0x80, 0x100)) * 8, "not text in any supported encoding"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "not utf-8"),
])
def test_undecodable(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode(data, "bad.txt")


# --- web pages ---------------------------------------------------------------------------------

def test_html_page_keeps_every_word_and_drops_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(html_page(TEXT), encoding="utf-8")
    text = _read(page)
    assert text.split() == _read(SEED[0]).split()
    for leak in ("987654", "سكريبت", "الرئيسية", "1500", "جميع الحقوق"):
        assert leak not in text


# --- folders -----------------------------------------------------------------------------------

def test_folder_rule(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("a/one.txt", "a/deep/two.HTML", "a/three.md", "a/four.htm", ".git/x.txt", "a/.hidden.txt",
                 "a/skip.pdf", "a/skip.json", "a/sources.toml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    items, manifests = find_inputs([str(tmp_path)])
    assert [p.relative_to(tmp_path).as_posix() for p in items] == [
        "a/deep/two.HTML", "a/four.htm", "a/one.txt", "a/three.md"]
    assert manifests == []  # only a sources.toml directly in a given folder is a manifest


def test_folder_with_manifest_and_order(tmp_path: Path) -> None:
    articles, warnings = ingest([str(SEEDS)], Settings())
    assert [a.id for a in articles] == [p.name for p in SEED] and not warnings
    assert articles[0].outlet == "رووداو" and articles[0].date_source == "manifest"


# --- languages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detect_language(language: str) -> None:
    direction = "rtl" if language in ("ar", "fa", "ur", "he") else "ltr"
    assert detect_language(SAMPLES[language] * 3) == (language, direction)


def test_detect_language_fallbacks() -> None:
    assert detect_language(TEXT) == ("ar", "rtl")
    assert detect_language("12 34 — 56") == ("und", "ltr")
    assert detect_language("北京 上海 广州 深圳 今天 天气") == ("und", "ltr")
    assert detect_language("Xyzzy plugh frobnitz") == ("und", "ltr")


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_whole_pipeline_in_other_languages(tmp_path: Path, language: str) -> None:
    """Two articles in one language (the second with a changed figure) go through every stage."""
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text(f"{SAMPLES[language]} 2500\n{SAMPLES[language]}\n", encoding="utf-8")
    second.write_text(f"{SAMPLES[language]} 3000\n", encoding="utf-8")
    comparison = compare([str(first), str(second)])
    assert {a.language for a in comparison.articles} == {language}
    for fact in comparison.facts:
        assert comparison.article(fact.article).text[fact.start:fact.end] == fact.text


# --- duplicates --------------------------------------------------------------------------------

def test_identical_articles_are_merged_with_a_warning(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED[0].read_text(encoding="utf-8").encode("utf-16"))  # same text, other bytes
    articles, warnings = ingest([str(SEED[0]), str(copy), str(SEED[1])], Settings())
    assert [a.id for a in articles] == [SEED[0].name, SEED[1].name]
    assert warnings == [f"{copy}: identical to {SEED[0]}; compared once"]


def test_near_duplicates_are_compared_with_a_warning_and_a_note(tmp_path: Path) -> None:
    edited = tmp_path / "edited.txt"
    edited.write_text(TEXT.replace("الأمريكي", "الأميركي").replace("واشنطن", "واشنطن،", 1), encoding="utf-8")
    articles, warnings = ingest([str(SEED[0]), str(edited)], Settings())
    assert len(articles) == 2
    assert len(warnings) == 1 and "near-duplicate" in warnings[0]
    assert all("شبه مطابقة" in a.notes[0] for a in articles)


def test_distinct_articles_are_not_near_duplicates() -> None:
    articles, warnings = ingest([str(SEEDS)], Settings())
    assert not warnings and not any(a.notes for a in articles)
    assert jaccard(word_shingles(SAMPLES["en"]), word_shingles(SAMPLES["en"] + " Later.")) >= 0.9


# --- manifests ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("toml", "problem"), [
    ('["a.txt"]\noutlet = ', "not valid TOML"),
    ('["a.txt"]\npublished = 2021-02-30\n', "not valid TOML"),
    ('["a.txt"]\npublished = "2021-02-30"\n', "is not a valid date"),
    ('["a.txt"]\npublished = 2999-01-01\n', "not a possible publication date"),
    ('["a.txt"]\npublished = 0021-07-26\n', "not a possible publication date"),
    ('["a.txt"]\noutlet = 5\n', "outlet must be non-empty text"),
    ('["a.txt"]\ncolour = "red"\n', "unknown field(s): colour"),
    ('outlet = "x"\n', "must be a table"),
])
def test_bad_manifest(tmp_path: Path, toml: str, problem: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        read_manifest(path)


def test_good_manifest(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('["a.txt"]\noutlet = "رووداو"\npublished = "2021-07-26"\nlanguage = "ar"\n', encoding="utf-8")
    entry = read_manifest(path)["a.txt"]
    assert (entry.outlet, entry.published, entry.language) == ("رووداو", "2021-07-26", "ar")


# --- atomic outputs ----------------------------------------------------------------------------

def test_staged_writes_all_or_nothing(tmp_path: Path) -> None:
    outputs = [tmp_path / "new" / "deeper" / f"b.{ext}" for ext in ("html", "json")]
    with pytest.raises(RuntimeError), staged(outputs) as temp:
        temp[outputs[0]].write_bytes(b"half")
        raise RuntimeError("rendering failed")
    assert list(tmp_path.iterdir()) == []  # not even the folders
    with staged(outputs) as temp:
        for path in outputs:
            temp[path].write_bytes(path.suffix.encode())
    assert sorted(p.name for p in outputs[0].parent.iterdir()) == ["b.html", "b.json"]
    assert outputs[1].read_bytes() == b".json" and outputs[1].stat().st_mode & 0o777 == 0o644


def test_noise_filter_keeps_short_sentences_and_drops_the_blocks_after_the_article() -> None:
    from compare.noise import clean

    story = [
        "شارك آلاف المتظاهرين في مسيرة حاشدة وسط العاصمة للمطالبة بالإصلاح ومحاربة الفساد",
        "وأكد أن الحكومة ستواصل دعم المتضررين",
        "وقالت الشرطة إن المسيرة انتهت بهدوء في المساء بعد ساعات من التظاهر أمام مبنى البرلمان.",
    ]
    page = ["الأكثر قراءة", "أخبار محلية", *story, "مقالات ذات صلة", "انطلاق مهرجان الربيع في المدينة القديمة اليوم",
            "هل أعجبك هذا المقال؟"]
    cleaned = clean("\n".join(page))
    assert cleaned.kept_lines == story
    assert cleaned.removed[-3:] == page[-3:]


def test_a_headline_without_punctuation_is_kept_but_a_section_label_is_not() -> None:
    from compare.noise import clean

    page = ["أخبار محلية", "Flooding kills 29 in northern province", "تابعونا",
            "The floods killed 29 people and injured about 300 others, the agency said."]
    assert clean("\n".join(page)).kept_lines == [page[1], page[3]]
