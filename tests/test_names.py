"""Names, quotes and speakers on the seeds and on short general cases."""

from __future__ import annotations

from conftest import SEEDS

from compare.facts.names import find_names, gazetteer
from compare.facts.quotes import find_quotes, quote_spans
from compare.model import Article
from compare.noise import clean
from compare.pipeline import compare_articles
from compare.textlayer import paragraphs, sentences

TEXTS = [clean(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [s for p in paragraphs(text) for s in sentences(text, *p)]


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
    mentions = find_names(text, gazetteer([text]))
    quotes = find_quotes(text, _sentences(text), mentions)
    assert [text[q.start:q.end].split()[0] for q in quotes] == ["الحكومة", "المفاوضات"]  # "داعش" is a term
    assert quotes[0].speaker == quotes[1].speaker is not None
    assert text[quotes[1].speaker_start:quotes[1].speaker_end] == "سامي النجار"


def test_seed_statement_is_given_to_the_foreign_minister() -> None:
    rudaw = TEXTS[0]
    quotes = find_quotes(rudaw, _sentences(rudaw), find_names(rudaw, gazetteer(TEXTS)))
    said = next(q for q in quotes if "القوات الأمنيّة ما تزال بحاجة" in rudaw[q.start:q.end])
    assert rudaw[said.speaker_start:said.speaker_end] == "فؤاد حسين"


def test_one_quote_given_to_two_speakers_is_a_conflict() -> None:
    a = 'وقال وزير الخارجية سامي النجار إن "الحكومة ماضية في خطتها لإعادة الإعمار بلا تردد ولا تأخير".'
    b = 'وقال رئيس الوزراء خالد المصري إن "الحكومة ماضية في خطتها لإعادة الإعمار بلا تردد ولا تأخير".'
    articles = [Article(id=f"{n}.txt", source="", text=t, published="2023-01-01") for n, t in enumerate((a, b))]
    rows = [d for d in compare_articles(articles).discrepancies if d.label == "قائل التصريح"]
    assert rows and rows[0].kind == "conflict"
    assert {v.value for v in rows[0].values} == {"سامي النجار", "خالد المصري"}
