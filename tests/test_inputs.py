"""Input breadth: every encoding, web pages, folders, other languages, duplicates, manifests, atomic outputs."""

from __future__ import annotations

import codecs
from html import escape
from pathlib import Path

import pytest
from conftest import SEEDS

from compare.decode import decode, repair_mojibake
from compare.errors import InputError
from compare.ingest import copyright_name, detect_language, find_inputs, ingest, jaccard, word_shingles
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
    items, manifests, skipped = find_inputs([str(tmp_path)])
    assert [p.relative_to(tmp_path).as_posix() for p in items] == [
        "a/deep/two.HTML", "a/four.htm", "a/one.txt", "a/three.md"]
    assert manifests == [] and skipped == []  # only a sources.toml directly in a given folder is a manifest


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


def test_two_runs_writing_the_same_names_never_mix_their_sets(tmp_path: Path) -> None:
    """Issue 11, item 5: a run puts its set in place under a lock on the output folder, so a second
    run's set waits until the first is complete (2 of 3 concurrent runs used to mix files)."""
    import fcntl
    import os
    import threading

    outputs = [tmp_path / f"r.{ext}" for ext in ("html", "json")]
    folder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(folder, fcntl.LOCK_EX)  # another run is putting its set in place

    def run() -> None:
        with staged(outputs) as temp:
            for path in outputs:
                temp[path].write_bytes(b"second run")

    writer = threading.Thread(target=run)
    writer.start()
    writer.join(0.5)
    assert writer.is_alive() and not any(path.exists() for path in outputs)
    os.close(folder)
    writer.join(10)
    assert all(path.read_bytes() == b"second run" for path in outputs)


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


# --- page furniture and the publication date (pages written for these tests) -----------------

_BODY = [
    "ضربت عاصفة قوية الساحل الشرقي فجر اليوم، وأعلنت الحماية المدنية مقتل 14 شخصاً وإصابة 60 آخرين.",
    "وقال المتحدث باسم الحماية المدنية إن 320 عوناً يشاركون في عمليات البحث عن 9 مفقودين في القرى الساحلية.",
    "وأضاف أن السيول جرفت 35 سيارة وألحقت أضراراً بنحو 200 منزل في ثلاث بلديات على الأقل، وفق حصيلة أولية.",
    "ومن المنتظر أن يزور رئيس الحكومة المنطقة المنكوبة غداً للوقوف على حجم الأضرار وتقديم المساعدات العاجلة.",
]


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n".join([*head, *_BODY, *tail])


def test_counters_tickers_and_page_labels_are_dropped_in_any_position() -> None:
    from compare.noise import clean

    furniture = [
        "الرئيسية › محليات › طقس", "أسعار الصرف: الدولار 134.20 دينار | اليورو 146.85 دينار",
        "الطقس: 34°", "البورصة: +0.8%", "مجلة أسبوعية مستقلة - العدد 512", "كتب: سمير الهادي",
        "▶ شاهد: لحظة وصول السيول إلى الشاطئ (01:45)", "[صورة] السيول في وسط المدينة",
        "شارك: ١٫٢ ألف مشاركة | تغريد | واتساب", "عدد القراءات: 8.412", "قرئ 3215 مرة | تعليقات (5)",
        "25.6 ألف مشاهدة · 342 مشاركة", "وقت القراءة: 3 دقائق", "0 / 1000", "حجم الخط: A- A+",
        "الوسوم: عاصفة | سيول | الساحل الشرقي", "للإعلان: 01-445566", "اشتراك سنوي: 120 ألف ليرة",
        "في الصفحة 7: كيف تحمي بيتك من السيول؟", "© 2025 الساحل اليوم - جميع الحقوق محفوظة",
    ]
    page = "\n".join([*furniture[:8], "عاصفة الساحل الشرقي: 14 قتيلاً وعشرات الجرحى", _BODY[0], furniture[8],
                      *_BODY[1:3], furniture[9], _BODY[3], *furniture[9:]])
    cleaned = clean(page)
    assert cleaned.kept_lines == ["عاصفة الساحل الشرقي: 14 قتيلاً وعشرات الجرحى", *_BODY]
    assert set(furniture) <= set(cleaned.removed)


def test_a_block_opener_ends_the_article_wherever_it_starts() -> None:
    """Related stories, most-read boxes and comments end the article even in the first half of
    the page: their headlines (numbered, bulleted or bare) carry their own figures."""
    from compare.noise import clean

    tail = ("الأكثر قراءة", "١. الذهب يقفز إلى ٢٬٣٥٠ دولاراً للأونصة", "٢. مقتل ٣ أشخاص في انهيار مبنى قديم",
            "- موجة حر: الحرارة تلامس 48 درجة", "حرائق الغابات تتلف 230 هكتاراً بولاية مجاورة",
            "هزة بقوة 4,1 درجات تضرب السواحل دون خسائر", "البورصة تربح 12 مليار جنيه في ختام الأسبوع",
            "انتخابات الطلبة: قائمة الغد تفوز بـ11 مقعداً من أصل 15", "مهرجان الصيف يستقطب 1.3 مليون زائر")
    cleaned = clean(_page("عاصفة الساحل الشرقي تحصد 14 قتيلاً", tail=tail))
    assert cleaned.kept_lines == ["عاصفة الساحل الشرقي تحصد 14 قتيلاً", *_BODY]
    assert cleaned.removed == list(tail)


def test_an_inline_box_goes_but_the_story_after_it_stays() -> None:
    from compare.noise import clean

    page = "\n".join(["عاصفة الساحل الشرقي تحصد 14 قتيلاً", _BODY[0], "مقالات ذات صلة",
                      "أزغار: إعادة فتح 3 مسالك جبلية بعد أمطار طوفانية", *_BODY[1:]])
    cleaned = clean(page)
    assert cleaned.kept_lines == ["عاصفة الساحل الشرقي تحصد 14 قتيلاً", *_BODY]


def test_a_box_above_the_story_does_not_swallow_it() -> None:
    from compare.noise import clean

    page = _page("الأكثر قراءة", "1. الذهب يسجل 2,418 دولاراً للأونصة", "2. تراجع التضخم إلى 2.1% في أكتوبر",
                 "عاصفة الساحل الشرقي تحصد 14 قتيلاً")
    assert clean(page).kept_lines == ["عاصفة الساحل الشرقي تحصد 14 قتيلاً", *_BODY]


def test_reader_comments_end_the_article_but_live_blog_time_stamps_do_not() -> None:
    from compare.noise import clean

    comments = ("ابن الجبل", "منذ 12 دقيقة", "الحصيلة الحقيقية تفوق 40 قتيلاً، الله يرحمهم",
                "سمية · قبل 35 دقيقة", "في حينا وحده سقطت 6 منازل ولم يصلنا أحد حتى الآن، والجميع في العراء.")
    cleaned = clean(_page("عاصفة الساحل الشرقي تحصد 14 قتيلاً", tail=comments))
    assert cleaned.kept_lines == ["عاصفة الساحل الشرقي تحصد 14 قتيلاً", *_BODY]
    live = "\n".join(["العاصفة على الساحل الشرقي لحظة بلحظة", "منذ 5 دقائق", _BODY[0], "منذ 20 دقيقة",
                      _BODY[1], "منذ ساعة", *_BODY[2:]])
    assert clean(live).kept_lines == ["العاصفة على الساحل الشرقي لحظة بلحظة", *_BODY]


def test_date_lines_are_kept_aside_for_the_publication_date() -> None:
    from compare.ingest import choose_dateline
    from compare.noise import clean

    page = _page("تاريخ الزيارة: 03 يوليو 2025", "الخميس 3 يوليو 2025 | الساحل اليوم", "عاصفة الساحل الشرقي تحصد 14 قتيلاً",
                 "آخر تحديث: ٠١ يوليو ٢٠٢٥ - ١٩:٠٥ (غرينتش)", "نُشر في: ٣٠ يونيو ٢٠٢٥ - ٠٨:٤٥",
                 "صورة أرشيفية - 12 أكتوبر 1994")
    cleaned = clean(page)
    assert cleaned.kept_lines == ["عاصفة الساحل الشرقي تحصد 14 قتيلاً", *_BODY]
    assert [(d.label, d.place) for d in cleaned.datelines] == [
        ("crawled", "head"), ("plain", "head"), ("updated", "meta"), ("published", "meta")]
    assert choose_dateline(cleaned.datelines)[0].isoformat() == "2025-06-30"  # «نُشر في» first
    assert choose_dateline(cleaned.datelines[:3])[0].isoformat() == "2025-07-01"  # the article's own update
    assert choose_dateline(cleaned.datelines[:2])[0].isoformat() == "2025-07-03"  # a masthead, never a crawl stamp
    assert choose_dateline(cleaned.datelines[:1]) is None


def test_a_dateline_in_the_future_or_a_hijri_one_beside_the_gregorian() -> None:
    import datetime as dt

    from compare.ingest import choose_dateline
    from compare.noise import clean

    page = _page("عاصفة الساحل الشرقي تحصد 14 قتيلاً", "نشر في: 30 يونيو 2031",
                 "الخميس 29 جمادى الأولى 1447هـ - 20 نوفمبر 2025م")
    found = choose_dateline(clean(page).datelines, today=dt.date(2026, 1, 1))
    assert found and found[0] == dt.date(2025, 11, 20)


def test_publication_date_from_the_dateline_not_the_body_a_caption_or_a_related_story(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(_page("الساحل اليوم", "عاصفة الساحل الشرقي تحصد 14 قتيلاً", "الإثنين 30 جوان 2025 - 11:40",
                          "[صورة] السيول في وسط المدينة يوم 28 جوان 2025",
                          tail=("اقرأ أيضاً", "الأحد 29 جوان 2025", "هزة بقوة 4,1 درجات تضرب السواحل")),
                    encoding="utf-8")
    body_date = tmp_path / "body.txt"
    body_date.write_text(_page("عاصفة الساحل الشرقي تحصد 14 قتيلاً",
                               "وتعقد الحكومة اجتماعاً طارئاً يوم الخميس 3 يوليو 2025 لبحث تعويض المتضررين من العاصفة."),
                         encoding="utf-8")
    articles = {a.id: a for a in ingest([str(page), str(body_date), str(SEED[0])], Settings())[0]}
    assert articles["page.txt"].published == "2025-06-30"
    assert articles["page.txt"].date_source == "dateline الإثنين 30 جوان 2025 - 11:40"
    assert articles["body.txt"].date_source != "full date in the first lines: الخميس 3 يوليو 2025"


def test_publication_date_of_a_web_page() -> None:
    from compare.ingest import html_published

    def page(meta: str, head: str = "") -> str:
        return f"""<html><head>{head}</head><body class="has-sidebar">
<header class="site-header"><div class="today">الخميس 3 يوليو 2025</div><time datetime="2025-07-03">اليوم</time></header>
<aside class="related"><ul><li><time datetime="2025-07-02T10:00">أمس</time> خبر آخر</li></ul></aside>
<main><article><h1>عاصفة الساحل الشرقي تحصد 14 قتيلاً</h1>{meta}<p>{_BODY[0]}</p></article>
<section class="comments"><div class="comment"><time datetime="2025-07-04T09:00">منذ ساعة</time></div></section>
</main></body></html>"""

    assert html_published(page('<time datetime="2025-06-30T16:20:00+01:00">2025/06/30 - 16:20</time>')) == (
        "2025-06-30", "page metadata (<time datetime>)")
    assert html_published(page("", '<meta content="2025-06-29T08:00:00Z" property="article:published_time">'))[0] \
        == "2025-06-29"
    ld = '<script type="application/ld+json">{"@graph": [{"datePublished": "2025-06-28T08:00:00Z"}]}</script>'
    assert html_published(page("", ld))[0] == "2025-06-28"
    span = '<div class="byline"><span>الساحل - وكالات</span><span class="date">27 حزيران (يونيو) 2025 - 21:10</span></div>'
    assert html_published(page(span)) == ("2025-06-27", "dateline 27 حزيران (يونيو) 2025 - 21:10")
    assert html_published(page("<span>آخر تحديث: 26/06/2025 - 23:10</span>"))[0] == "2025-06-26"
    assert html_published(page('<div class="meta">بقلم سمير الهادي</div>')) is None  # not the header, aside or comments


# --- the annotated dev stories (tests/data/devset: real page styles, fictional events) -------

DEVSET = Path(__file__).parent / "data" / "devset"
#: Reasons of the gold non-facts that are page furniture (the others are non-counts in the body).
_FURNITURE = ("counter", "ticker", "related", "sidebar", "comment", "copyright", "script", "menu", "breadcrumb",
              "issue number", "phone", "subscription", "video", "widget", "reading", "timestamp", "poll",
              "header", "more from", "another story", "refresh", "page reference", "same issue", "variable")


@pytest.mark.skipif(not DEVSET.is_dir(), reason="no dev stories")
@pytest.mark.parametrize("story", sorted(p.name for p in DEVSET.glob("d*")) if DEVSET.is_dir() else [])
def test_dev_story_furniture_is_dropped_and_the_story_and_its_date_are_kept(story: str) -> None:
    import json

    from compare.normalize import key

    folder = DEVSET / story
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = {a.id: a for a in ingest([str(folder)], Settings())[0]}
    assert {f: articles[f].published for f in gold["articles"]} == {
        f: a["published"] for f, a in gold["articles"].items()}
    texts = {f: key(articles[f].text) for f in gold["articles"]}
    for pair in gold["aligned_pairs"]:
        for f, snippet in (pair["a"], pair["b"]):
            assert key(snippet) in texts[f], (f, snippet)
    for non_fact in gold["non_facts"]:
        if any(word in non_fact["reason"] for word in _FURNITURE):
            assert key(non_fact["text"]) not in texts[non_fact["file"]], non_fact


def test_html_comments_inside_the_article_do_not_break_date_finding(tmp_path: Path) -> None:
    """Saved pages carry <!-- --> comments between paragraphs; the date-line search walks every
    element and must step over them."""
    body = ("<p>أعلنت وزارة الصحة اليوم تسجيل 40 إصابة جديدة في المدينة، بحسب بيان رسمي نشرته "
            "على موقعها الإلكتروني مساء الخميس.</p><!-- ad slot --><p>وقال المتحدث باسم الوزارة إن "
            "الفرق الطبية تعمل على مدار الساعة لاحتواء الوضع في الأحياء المتضررة.</p>")
    extra = {"a": "<p>وأضاف أن المستشفيات استقبلت عشرات الحالات خلال الأيام الماضية.</p>",
             "b": "<p>ودعت السلطات السكان إلى الالتزام بالإرشادات الصحية وتجنب التجمعات.</p>"}
    for name in ("a", "b"):
        (tmp_path / f"{name}.html").write_text(
            f"<html><body><article><h1>عنوان الخبر {name}</h1><!-- byline -->{body}{extra[name]}"
            "</article></body></html>", encoding="utf-8")
    articles, _ = ingest([str(tmp_path)], Settings())
    assert len(articles) == 2 and all("40 إصابة" in a.text for a in articles)


@pytest.mark.parametrize(("line", "name"), [
    ("© 2025 الأطلس الجديد - جميع الحقوق محفوظة", "الأطلس الجديد"),
    ("جميع الحقوق محفوظة لصوت الهضاب © 2025", "صوت الهضاب"),
    ("جميع الحقوق محفوظة لموقع أخبار المرسى © 2025", "أخبار المرسى"),
    ("حقوق النشر © ٢٠٢٥ المدار", "المدار"),
    ("© 2025 - جميع الحقوق محفوظة", None),
])
def test_copyright_line_names_the_outlet(line: str, name: str | None) -> None:
    assert copyright_name(line) == name


def test_outlets_of_the_dev_stories_come_from_their_pages() -> None:
    """Outlets named by the page itself (copyright line, site metadata, credit line), not the file."""
    import json

    found = right = 0
    for story in sorted((Path(__file__).parent / "data" / "devset").glob("d*_*")):
        gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
        articles, _ = ingest([str(story)], Settings())
        for article in articles:
            found += 1
            right += bool(article.outlet) and article.outlet.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")) \
                in gold["articles"][article.id]["outlet"]
    assert (right, found) == (30, 30)


def test_a_masthead_tagline_is_not_the_headline() -> None:
    articles, _ = ingest([str(Path(__file__).parent / "data" / "devset" / "d1_earthquake")], Settings())
    titles = {a.id: a.title for a in articles}
    assert titles["b_sawt_hidhab.txt"] == "بعد ليلة رعب.. أزغار تحصي قتلاها وتنتظر المساعدات"


@pytest.mark.parametrize(("credit", "outlet"), [
    ("الزرقاء - الميدان اليوم", "الميدان اليوم"),
    ("بغداد - رووداو", "رووداو"),
    ("تالا نزيري - المدار | إعداد: ريم الحمادي", "المدار"),
    ("الرئيسية - الأخبار", None),  # a breadcrumb
])
def test_a_dateline_credit_names_the_outlet(tmp_path: Path, credit: str, outlet: str | None) -> None:
    body = ("أعلنت السلطات المحلية اليوم افتتاح الجسر الجديد فوق النهر بعد عامين من الأشغال، "
            "وقال المحافظ إن المشروع سيخفف الازدحام في وسط المدينة.")
    (tmp_path / "a.txt").write_text(f"{credit}\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وقالت مصادر إن الجسر كلف أكثر من عشرين مليون دينار، وإن افتتاحه تأخر أشهراً.\n",
                                    encoding="utf-8")
    articles, _ = ingest([str(tmp_path)], Settings())
    assert next(a for a in articles if a.id == "a.txt").outlet == outlet


@pytest.mark.parametrize(("head", "outlet"), [
    ('<meta property="og:site_name" content="الميدان اليوم">', "الميدان اليوم"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", '
     '"name": "شبكة الرصد"}}</script>', "شبكة الرصد"),
    ('<meta name="author" content="قناة الوادي">', "قناة الوادي"),
    ('<meta name="author" content="سمير الهادي">', None),  # a reporter is not the outlet
])
def test_a_saved_page_names_its_outlet_in_its_metadata(tmp_path: Path, head: str, outlet: str | None) -> None:
    body = ("<p>أعلنت السلطات المحلية اليوم افتتاح الجسر الجديد فوق النهر بعد عامين من الأشغال، وقال "
            "المحافظ إن المشروع سيخفف الازدحام في وسط المدينة ويختصر زمن التنقل بين ضفتيه.</p>")
    (tmp_path / "a.html").write_text(f"<html><head>{head}<title>الجسر</title></head><body><article><h1>افتتاح "
                                     f"الجسر الجديد</h1>{body}</article></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وقالت مصادر إن الجسر كلف أكثر من عشرين مليون دينار، وإن افتتاحه تأخر أشهراً.\n",
                                    encoding="utf-8")
    articles, _ = ingest([str(tmp_path)], Settings())
    page = next(a for a in articles if a.id == "a.html")
    assert page.outlet == outlet and (outlet is None or page.outlet_source == "page metadata")


def test_a_weekday_after_a_comma_does_not_crash_the_date_guess(tmp_path: Path) -> None:
    """«قال الوزير اليوم، الجمعة، إن …» in an article with no date, beside one that has one
    (3 of 191 real clusters crashed with KeyError: '')."""
    (tmp_path / "a.txt").write_text("قال الوزير اليوم، الجمعة، إن الحكومة ستعلن خطة جديدة لدعم المزارعين في "
                                    "المحافظات الجنوبية خلال الأسبوع المقبل.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("الخميس 4 كانون الأول 2025\nأعلن وزير الزراعة أمس عن خطة لدعم المزارعين "
                                    "بقروض ميسرة تشمل المحافظات الجنوبية.\n", encoding="utf-8")
    articles, _ = ingest([str(tmp_path)], Settings())
    assert {a.id for a in articles} == {"a.txt", "b.txt"}


# --- damaged and mislabelled encodings (issue 11, item 15) -------------------------------------

@pytest.mark.parametrize("declared", ["iso-8859-1", "koi8-r", "windows-1252"])
def test_cp1256_page_with_a_wrong_charset_is_read_as_arabic(declared: str) -> None:
    text = SEED[1].read_text(encoding="utf-8")
    assert decode(text.encode("cp1256"), "page", declared).split() == decode(text.encode("utf-8"), "page").split()


def test_utf8_article_with_a_few_damaged_bytes_is_read_with_a_warning(tmp_path: Path) -> None:
    data = bytearray(SEED[0].read_bytes())
    for position in (400, 2_000, 3_500):  # inside Arabic letters: invalid UTF-8 sequences
        data[position] = 0xFF
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(bytes(data))
    articles, warnings = ingest([str(damaged), str(SEED[1])], Settings())
    assert articles[0].text.count("\ufffd") == 6  # a damaged lead byte orphans its continuation byte
    assert any(w.startswith(f"{damaged}: 6 character(s) could not be decoded") for w in warnings), warnings
    french = "Le président a annoncé jeudi une réforme économique très attendue. " * 20
    assert decode(french.encode("cp1252"), "page", "iso-8859-1") == french  # Latin text keeps its charset


def test_unreadable_folders_are_reported_not_skipped_in_silence(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, item 11: an unreadable subfolder used to be skipped with exit 0 and no word; an
    unlistable input folder was said to hold no articles. Listing is refused as the kernel refuses
    it to a user without permission (root, who runs CI, reads every folder)."""
    import os
    import shutil

    for name, seeds in (("story/a", SEED[:2]), ("story/b", SEED[2:3]), ("locked", SEED[:2])):
        (tmp_path / name).mkdir(parents=True)
        for seed in seeds:
            shutil.copy(seed, tmp_path / name / seed.name)
    locked = {tmp_path / "story" / "b", tmp_path / "locked"}
    scandir = os.scandir

    def refusing(path: str) -> object:
        if Path(path) in locked:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    articles, warnings = ingest([str(tmp_path / "story")], Settings())
    assert len(articles) == 2
    assert f"{tmp_path / 'story' / 'b'}: folder skipped, it cannot be read (Permission denied)" in warnings
    with pytest.raises(InputError, match="locked: cannot be read: Permission denied"):
        ingest([str(tmp_path / "locked")], Settings())
