"""The walking skeleton on the five seeds, judged against the hand annotations in gold.json."""

from __future__ import annotations

import csv
import re
import subprocess

from conftest import GOLD, needs_poppler


def _article_text(data: dict, name: str) -> str:
    return next(a["text"] for a in data["articles"] if a["id"] == name)


def test_json_contract_every_text_is_the_outlets_own_characters(seeds_json: dict) -> None:
    data = seeds_json
    assert data["schema"].startswith("compare-sources/")
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert set(texts) == set(GOLD["articles"])
    for a in data["articles"]:
        assert {"id", "source", "outlet", "published", "text"} <= set(a)
    for g in data["groups"]:
        assert {"id", "kind", "score", "passages"} <= set(g)
        assert len({p["article"] for p in g["passages"]}) >= 2
        for p in g["passages"]:
            assert p["text"] == texts[p["article"]][p["start"]:p["end"]]
    for f in data["facts"]:
        assert {"id", "article", "start", "end", "text", "type", "value"} <= set(f)
        assert f["text"] == texts[f["article"]][f["start"]:f["end"]]
    facts = {f["id"]: f for f in data["facts"]}
    for d in data["discrepancies"]:
        assert {"id", "label", "kind", "values"} <= set(d)
        for v in d["values"]:
            assert {"article", "fact", "text", "value"} <= set(v)
            if d["slot"].startswith("speaker:"):  # the speaker as written; its fact is the quote
                assert v["text"] in texts[v["article"]] and facts[v["fact"]]["type"] == "quote"
            elif v["fact"]:
                assert facts[v["fact"]]["text"] == v["text"]


def test_one_row_holds_all_four_troop_figures(seeds_json: dict) -> None:
    wanted = set(next(d for d in GOLD["discrepancies"] if d["id"] == "troops")["numbers"])
    rows = [{v["value"] for v in d["values"]} for d in seeds_json["discrepancies"]]
    assert any(wanted <= values for values in rows), rows


def _in_one_group(data: dict, pair: dict) -> bool:
    (file_a, snip_a), (file_b, snip_b) = pair["a"], pair["b"]
    for g in data["groups"]:
        has_a = any(p["article"] == file_a and snip_a in p["text"] for p in g["passages"])
        has_b = any(p["article"] == file_b and snip_b in p["text"] for p in g["passages"])
        if has_a and has_b:
            return True
    return False


def test_gold_aligned_pairs_fall_inside_one_group(seeds_json: dict) -> None:
    found = [p for p in GOLD["aligned_pairs"] if _in_one_group(seeds_json, p)]
    missed = [(p["a"][1], p["b"][1]) for p in GOLD["aligned_pairs"] if p not in found]
    assert len(found) >= 10, missed


def test_no_page_noise_becomes_a_fact(seeds_json: dict) -> None:
    """No figure or date is read from page noise. (A quote may legitimately contain a non-fact such
    as كوفيد-19 inside a sentence the outlet published; it is the figures that must not come from it.)"""
    figures = [f for f in seeds_json["facts"] if f["type"] in ("quantity", "date")]
    assert figures
    for item in GOLD["non_facts"]:
        text = _article_text(seeds_json, item["file"])
        start = text.find(item["text"])
        if start < 0:
            continue  # removed with the page noise: it cannot become a fact
        end = start + len(item["text"])
        for f in figures:
            assert not (f["article"] == item["file"] and f["start"] < end and start < f["end"]), (item, f)


def test_gold_boilerplate_lines_are_removed(seeds_json: dict) -> None:
    for name, lines in GOLD["boilerplate_lines"].items():
        text = _article_text(seeds_json, name)
        for line in lines:
            assert line not in text.split("\n"), line


def test_csv_opens_in_spreadsheets(seeds_run: dict) -> None:
    raw = seeds_run["pdf"].with_suffix(".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["id", "kind", "النوع", "label"]
    assert len(rows) == len(seeds_run["json"]["discrepancies"]) + 1
    kinds = {row[1]: row[2] for row in rows[1:]}
    assert kinds.get("conflict") == "تعارض" and all(kinds.values())  # the English code and the Arabic label


def _pdftotext(pdf) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def _words(text: str) -> list[str]:
    """Words with diacritics and tatweel removed (readers split words at them, GUIDE §5); digit runs
    are separate words because readers put the space on the wrong side of a number in RTL lines."""
    return re.findall(r"\d+|[^\W\d_]+", re.sub("[\u064b-\u065f\u0670\u0640\u200d]", "", text))


def _in_order(words: list[str], stream: list[str]) -> int:
    """How many of ``words`` appear in ``stream`` in order (a greedy subsequence match). Side-by-side
    columns interleave their lines in the text layer, so a passage is a subsequence, not a run."""
    found, pos = 0, 0
    for word in words:
        try:
            pos = stream.index(word, pos) + 1
            found += 1
        except ValueError:
            continue
    return found


@needs_poppler
def test_pdf_is_real_text_with_the_figures_and_passages(seeds_run: dict) -> None:
    text = _pdftotext(seeds_run["pdf"])
    for figure in ("2500", "3000", "3500", "5200"):
        assert figure in text
    stream = _words(text)
    passages = [p for g in seeds_run["json"]["groups"] for p in g["passages"]]
    whole = [p for p in passages if _in_order(_words(p["text"]), stream) == len(_words(p["text"]))]
    assert len(whole) >= 3, f"{len(whole)} of {len(passages)} passages recovered word for word"


@needs_poppler
def test_pdf_fonts_are_noto_naskh_and_never_dejavu(seeds_run: dict) -> None:
    fonts = subprocess.run(["pdffonts", str(seeds_run["pdf"])], capture_output=True, text=True, check=True).stdout
    assert "NotoNaskhArabic" in fonts.replace("-", "")
    assert "DejaVu" not in fonts


def test_html_is_the_same_document(seeds_run: dict) -> None:
    html = seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "<style>" in html
    assert "جدول الفروق" in html


def test_similarity_is_said_in_words_on_a_0_to_1_scale(seeds_run: dict) -> None:
    html = seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    scores = [float(x) for x in re.findall(r'التشابه: (?:متطابق|متقارب|مرتبط) \(<span dir="ltr">([\d.]+)</span> من 1\)', html)]
    assert len(scores) == len(seeds_run["json"]["groups"]) and all(0 <= s <= 1 for s in scores)


def test_an_unnamed_outlet_is_called_by_its_place(seeds_run: dict) -> None:
    """The seeds' fourth page names no outlet: «مصدر ٤» everywhere, its file in the sources table."""
    unnamed = [a for a in seeds_run["json"]["articles"] if not a["outlet"]]
    assert [a["position"] for a in unnamed] == [4]
    html = seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    assert "مصدر ٤" in html and "003_1959643b4c841efe.txt" in html and ">003_19596" not in html


def test_sources_and_method_pages_speak_arabic(seeds_run: dict) -> None:
    html = seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    sources = html.split('<h2 id="sources">')[1].split('<h2 id="method">')[0]
    method = html.split('<h2 id="method">')[1]
    assert "ملف المصادر" in sources and "dateline" not in sources and "full date" not in sources
    assert not re.search(r"لا شيء \(", sources)  # nothing removed, yet a share of the characters
    assert "أكبر حجم مقبول لملف أو صفحة" in method and "max_file_bytes" in method
