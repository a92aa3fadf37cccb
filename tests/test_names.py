"""Names, quotes and speakers on the seeds, a dev story and short general cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from compare.facts.names import find_names, gazetteer
from compare.facts.quotes import Quote, find_quotes, quote_spans, speaker_of
from compare.model import Article
from compare.noise import clean
from compare.pipeline import compare_articles
from compare.textlayer import paragraphs, sentences

TEXTS = [clean(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))]
DEVSET = Path(__file__).resolve().parent / "data" / "devset"


def _sentences(text: str) -> list[tuple[int, int]]:
    return [s for p in paragraphs(text) for s in sentences(text, *p)]


def _quotes(*texts: str) -> list[list[Quote]]:
    """Quotes of each text, the gazetteer built over all of them (as the pipeline does)."""
    names = gazetteer(list(texts))
    return [find_quotes(t, _sentences(t), find_names(t, names)) for t in texts]


def _said(text: str, quote: Quote) -> str | None:
    """The speaker of a quote as the article writes it."""
    return text[quote.speaker_start:quote.speaker_end] if quote.speaker_start is not None else None


def test_gazetteer_finds_the_people_named_after_titles() -> None:
    names = gazetteer(TEXTS)
    found = {text[m.start:m.end] for text in TEXTS for m in find_names(text, names)}
    for person in ("مصطفى الكاظمي", "جو بايدن", "فؤاد حسين", "لويد أوستن", "قاسم الأعرجي", "جين ساكي",
                   "باراك أوباما", "دونالد ترمب"):
        assert person in found, person
    assert "بدون" not in found  # a skeleton twin of بايدن is not a mention


def test_spelling_variants_of_a_name_share_one_key() -> None:
    names = gazetteer(["وقال الرئيس دونالد ترمب إن القرار نهائي.", "وأكد ترامب أن القرار نهائي."])
    mentions = [m for t in ("أمر الرئيس دونالد ترمب بذلك.", "وأكد ترامب ذلك.") for m in find_names(t, names)]
    assert len({m.key for m in mentions}) == 1 and len(mentions) == 2


def test_quote_marks_pair_in_every_style() -> None:
    for text in ('قال "نحن هنا" أمس', "قال “نحن هنا” أمس", "قال ”نحن هنا” أمس", "قال «نحن هنا» أمس"):
        (start, end), = quote_spans(text)
        assert text[start:end] == "نحن هنا"


def test_speakers_and_a_subjectless_verb_continuing_the_last_one() -> None:
    text = ('وقال وزير الخارجية سامي النجار إن "الحكومة ماضية في خطتها بلا تردد". '
            'وأضاف أن "المفاوضات ستستأنف الأسبوع المقبل في العاصمة". '
            'ورفع المتظاهرون لافتات كتب عليها "داعش".')
    (quotes,) = _quotes(text)
    assert [text[q.start:q.end].split()[0] for q in quotes] == ["الحكومة", "المفاوضات"]  # "داعش" is a term
    assert quotes[0].speaker == quotes[1].speaker is not None
    assert _said(text, quotes[1]) == "وزير الخارجية سامي النجار"
    assert quotes[1].role == "وزير الخارجية"


def test_a_comma_around_the_name_is_the_same_speaker_another_minister_is_not() -> None:
    a = 'وقال وزير النقل، كريم الساعدي، خلال جولة في الميناء: «سنفتح الطريق الساحلي قبل نهاية الشهر الجاري».'
    b = 'وقال وزير النقل كريم الساعدي: «سنفتح الطريق الساحلي قبل نهاية الشهر الجاري».'
    c = 'وقالت وزيرة الصحة والسكان، هالة المصري، إن «المستشفيات استقبلت كل المصابين دون استثناء».'
    (qa,), (qb,), (qc,) = _quotes(a, b, c)
    assert _said(a, qa) == "وزير النقل، كريم الساعدي" and _said(b, qb) == "وزير النقل كريم الساعدي"
    assert qa.speaker == qb.speaker and qa.role == "وزير النقل"
    assert _said(c, qc) == "وزيرة الصحة والسكان، هالة المصري" and qc.speaker != qa.speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('وقال محافظ الإقليم الشمالي عمر الدباغ إن «الطرق الجبلية ما تزال مغلقة أمام السيارات».',
     "محافظ الإقليم الشمالي عمر الدباغ"),
    ('وأكد مدير الدفاع المدني في المحافظة، العقيد سامي حداد، أن «فرق الإنقاذ تعمل دون توقف منذ الفجر».',
     "مدير الدفاع المدني في المحافظة، العقيد سامي حداد"),
    ('وقال العميد ناصر الزين في مؤتمر صحافي: «الوضع الأمني تحت السيطرة الكاملة».', "العميد ناصر الزين"),
    ('وأوضح الناطق باسم خفر السواحل، المقدم رياض الفاسي، أن «الدوريات ستتواصل طيلة الليل».',
     "الناطق باسم خفر السواحل، المقدم رياض الفاسي"),
    ('وقال رئيس اتحاد الصيادين حسان بركة إن «القوارب الصغيرة لن تخرج قبل تحسن الطقس».',
     "رئيس اتحاد الصيادين حسان بركة"),
    ('وقالت ليلى منصور، مديرة المدرسة، إن «الدروس ستستأنف يوم الأحد المقبل».', "ليلى منصور"),
    ('ونقلت وكالة الأنباء عن السفير طارق العمري قوله إن «المحادثات تسير في الاتجاه الصحيح».',
     "السفير طارق العمري"),
])
def test_role_phrases_ranks_and_names(sentence: str, speaker: str) -> None:
    (quotes,) = _quotes(sentence)
    assert [_said(sentence, q) for q in quotes] == [speaker]
    assert quotes[0].kind == "person"


def test_a_surname_alone_resolves_to_the_full_name_written_before() -> None:
    text = ('وصل إلى المدينة قائد الشرطة اللواء ماجد الحسني صباح اليوم. '
            'وقال الحسني إن «التحقيق سيكشف كل الملابسات خلال أيام قليلة».')
    (quotes,) = _quotes(text)
    mentions = find_names(text, gazetteer([text]))
    full = next(m for m in mentions if text[m.start:m.end] == "ماجد الحسني")
    assert _said(text, quotes[0]) == "الحسني" and quotes[0].speaker == full.key


def test_a_bare_role_is_the_person_named_with_it_earlier() -> None:
    text = ('تفقد والي الولاية الشرقية، حمزة العربي، القرى المتضررة. '
            'وقال الوالي إن «المساعدات ستصل إلى كل العائلات قبل المساء».')
    names = gazetteer([text])
    mentions = find_names(text, names)
    (quote,) = find_quotes(text, _sentences(text), mentions)
    assert _said(text, quote) == "الوالي"
    assert quote.speaker == next(m.key for m in mentions if text[m.start:m.end] == "حمزة العربي")


def test_a_body_or_a_role_without_a_name_speaks() -> None:
    org = 'وقالت وزارة الصحة في بيان إن «عدد الإصابات الجديدة تراجع للأسبوع الثالث على التوالي».'
    role = 'وأكد الناطق باسم الجيش أن «القوات أنهت عملية التمشيط في المنطقة الحدودية».'
    (qo,), (qr,) = _quotes(org, role)
    assert _said(org, qo) == "وزارة الصحة" and qo.kind == "org" and qo.speaker
    assert _said(role, qr) == "الناطق باسم الجيش" and qr.kind == "role" and qr.speaker
    assert qo.speaker != qr.speaker


@pytest.mark.parametrize("text", [
    'وقال في تصريح خاص إلى الصحافة المحلية إن «الأسعار سترتفع مع بداية الشهر المقبل».',
    'وقال البيان إن «الاجتماع المقبل سيعقد في العاصمة خلال أسبوعين».',
    'وأضاف أن «المفاوضات ستستأنف بعد عطلة العيد مباشرة».',
    'وقال إن «الخاص إلى جانب العام يحتاجان إلى تنظيم أفضل».',
])
def test_a_fragment_a_function_word_or_a_common_noun_never_speaks(text: str) -> None:
    (quotes,) = _quotes(text)
    assert [q.speaker for q in quotes] == [None]
    assert [q.speaker_start for q in quotes] == [None]


def test_envoy_and_ambassador_spellings_of_one_person_meet() -> None:
    a = 'وقال السفير خالد بن سالم الراشدي إن «الاتفاق يفتح صفحة جديدة بين البلدين».'
    b = 'ونقلت الوكالة عن المبعوث خالد الراشدى قوله إن «الاتفاق يفتح صفحة جديدة بين البلدين».'
    c = 'وقال المدرب فرناندو سانتوس إن «اللاعبين قدموا مباراة كبيرة أمام جمهورهم».'
    d = 'وقال المدرب فيرناندو سانتوز إن «اللاعبين قدموا مباراة كبيرة أمام جمهورهم».'
    (qa,), (qb,), (qc,), (qd,) = _quotes(a, b, c, d)
    assert qa.speaker == qb.speaker and qc.speaker == qd.speaker and qa.speaker != qc.speaker


def test_who_reports_a_sentence_without_quote_marks() -> None:
    text = ('وأكد الوالي مراد بن علي أن 12 قرية ما تزال معزولة. '
            'وارتفع عدد القتلى إلى 30 بحسب الشرطة. '
            'وأعلنت الأمم المتحدة أنها سترسل فريقا لتقييم الأضرار. '
            'وارتفعت الحرارة إلى 40 درجة.')
    mentions = find_names(text, gazetteer([text]))
    found = [speaker_of(text, s, e, mentions) for s, e in _sentences(text)]
    assert [text[f[1]:f[2]] if f else None for f in found] == [
        "الوالي مراد بن علي", "الشرطة", "الأمم المتحدة", None]


def test_seed_statement_is_given_to_the_foreign_minister() -> None:
    rudaw = TEXTS[0]
    quotes = find_quotes(rudaw, _sentences(rudaw), find_names(rudaw, gazetteer(TEXTS)))
    said = next(q for q in quotes if "القوات الأمنيّة ما تزال بحاجة" in rudaw[q.start:q.end])
    assert _said(rudaw, said) == "وزير الخارجية العراقي، فؤاد حسين"


def test_seed_speakers_resolve_surnames_bare_roles_and_reported_speech() -> None:
    names = gazetteer(TEXTS)
    said = [(text[q.start:q.end], _said(text, q), q.speaker)
            for text in TEXTS for q in find_quotes(text, _sentences(text), find_names(text, names))]

    def speaker(words: str) -> tuple[str | None, str | None]:
        return next((s, k) for quoted, s, k in said if quoted.startswith(words))

    kirby = next(m.key for t in TEXTS for m in find_names(t, names) if t[m.start:m.end] == "جون كيربي")
    assert speaker("إعادة تأكيد التزامه") == ("المتحدّث", kirby)  # «وأشار المتحدّث إلى أن ...»
    assert speaker("سندعم الحكومة الجديدة")[0] == "شينكر"  # «وتابع شينكر»
    assert speaker("هذه الزيارة تأتي")[0] == "الكاظمي"  # «ونقل البيان عن الكاظمي قوله»


@pytest.mark.skipif(not (DEVSET / "d1_earthquake").is_dir(), reason="dev stories not in tests/data")
def test_dev_story_quote_given_to_two_ministers() -> None:
    folder = DEVSET / "d1_earthquake"
    texts = {p.name: clean(p.read_text(encoding="utf-8")).text for p in sorted(folder.glob("*.txt"))}
    names = gazetteer(list(texts.values()))
    speakers = {}
    for name, text in texts.items():
        for q in find_quotes(text, _sentences(text), find_names(text, names)):
            if text[q.start:q.end].startswith("الدولة ستتكفل"):
                speakers[name] = (_said(text, q), q.speaker)
    assert speakers["a_atlas_jadid.txt"][0] == "وزير الداخلية إبراهيم بلقاسم"
    assert speakers["b_sawt_hidhab.txt"][0] == "وزير الداخلية، إبراهيم بلقاسم"
    assert speakers["c_madar.txt"][0] == "وزير السكن والعمران، رضا حمادي"
    assert speakers["a_atlas_jadid.txt"][1] == speakers["b_sawt_hidhab.txt"][1] != speakers["c_madar.txt"][1]


def test_one_quote_given_to_two_speakers_is_a_conflict() -> None:
    a = 'وقال وزير الخارجية سامي النجار إن "الحكومة ماضية في خطتها لإعادة الإعمار بلا تردد ولا تأخير".'
    b = 'وقال رئيس الوزراء خالد المصري إن "الحكومة ماضية في خطتها لإعادة الإعمار بلا تردد ولا تأخير".'
    articles = [Article(id=f"{n}.txt", source="", text=t, published="2023-01-01") for n, t in enumerate((a, b))]
    rows = [d for d in compare_articles(articles).discrepancies if d.label == "قائل التصريح"]
    assert rows and rows[0].kind == "conflict"
    assert {v.text for v in rows[0].values} == {"وزير الخارجية سامي النجار", "رئيس الوزراء خالد المصري"}


def test_reported_speech_gives_its_words_to_the_speaker_without_quote_marks() -> None:
    """«وحذر المحافظ من أن ...» reports a statement: its words after «أن», given to the governor,
    marked as reported so that no report prints them between quote marks."""
    text = ("قال وزير الداخلية عادل الشمري إن الوضع تحت السيطرة.\n"
            "وكان محافظ الضفاف نبيل الأيوبي قد حذر من أن السلطات لن تسمح بتحويل المطالب الاجتماعية إلى فوضى.\n"
            "وأضاف الشمري: «لن نسمح بأي فوضى في الشوارع بعد اليوم».")
    (quotes,) = _quotes(text)
    reported = [q for q in quotes if q.reported]
    # «الوضع تحت السيطرة» is too short to be a statement
    assert [text[q.start:q.end] for q in reported] == ["السلطات لن تسمح بتحويل المطالب الاجتماعية إلى فوضى"]
    assert [_said(text, q) for q in reported] == ["محافظ الضفاف نبيل الأيوبي"]
    (marked,) = [q for q in quotes if not q.reported]
    assert _said(text, marked) == "الشمري"
