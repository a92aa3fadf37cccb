"""The HTML briefing in a real headless Chromium (Debian's chromium + chromium-driver).

What a reader of the HTML file gets: no console errors, a discrepancy table that filters and
sorts, cells that lead to the passage, and Arabic laid out right to left (the first outlet's
column on the right) while English articles stay left to right.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_report import _mixed

from compare.render.report import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs Debian's chromium and chromium-driver (make test installs them as SYSTEM_PACKAGES)",
)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,900")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, path: Path) -> list[dict]:
    """Load a file and return the console messages it produced."""
    browser.get_log("browser")  # drop messages of earlier pages
    browser.get(path.as_uri())
    return browser.get_log("browser")


def _visible_kinds(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.querySelectorAll('table.discrepancies tbody tr')]"
        ".filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.kind)")


def test_seeds_html_loads_filters_sorts_and_links(browser, seeds_run: dict) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    messages = _open(browser, seeds_run["pdf"].with_suffix(".html"))
    assert not [m for m in messages if m["level"] in ("SEVERE", "WARNING")], messages
    all_kinds = _visible_kinds(browser)
    assert len(all_kinds) >= 3

    Select(browser.find_element(By.ID, "filter-kind")).select_by_value("conflict")
    assert _visible_kinds(browser) == ["conflict"] * all_kinds.count("conflict")
    Select(browser.find_element(By.ID, "filter-kind")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-outlet")).select_by_value("o2")  # Diyaruna
    shown = browser.execute_script(
        "return [...document.querySelectorAll('table.discrepancies tbody tr')].filter(r => !r.hidden)"
        ".map(r => r.dataset.outlets)")
    assert shown and all("o2" in outlets.split() for outlets in shown)
    Select(browser.find_element(By.ID, "filter-outlet")).select_by_value("")
    assert len(_visible_kinds(browser)) == len(all_kinds)

    header = browser.find_elements(By.CSS_SELECTOR, "table.discrepancies th")[1]  # the fact label
    for direction in ("ascending", "descending"):
        header.click()
        assert header.get_attribute("aria-sort") == direction
        assert browser.execute_script(
            "const l = [...document.querySelectorAll('table.discrepancies tbody td.what')].map(c => c.dataset.sort);"
            "const sign = arguments[0] === 'ascending' ? 1 : -1;"
            "return l.every((x, i) => i === 0 || sign * l[i - 1].localeCompare(x, 'ar', {numeric: true}) <= 0)",
            direction)

    # first outlet's column is right of the second's
    heads = browser.find_elements(By.CSS_SELECTOR, "table.discrepancies thead th.outlet")
    assert heads[0].rect["x"] > heads[1].rect["x"]
    assert browser.execute_script("return getComputedStyle(document.body).direction") == "rtl"

    # a click on a cell (not on its link) scrolls to the passage
    cell = browser.find_element(By.CSS_SELECTOR, "table.discrepancies tbody td[data-sort] .note")
    target = cell.find_element(By.XPATH, "ancestor::td//a").get_attribute("href").split("#")[1]
    browser.execute_script("window.scrollTo(0, 0)")
    cell.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    in_view = browser.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= -1 && r.bottom <= window.innerHeight + 1", target)  # subpixel scroll offsets
    assert in_view


def test_english_cells_are_left_to_right(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "mixed.html"
    page.write_text(render_html(_mixed()), encoding="utf-8")
    assert not [m for m in _open(browser, page) if m["level"] == "SEVERE"]
    cells = browser.find_elements(By.CSS_SELECTOR, "table.passages td")
    directions = [browser.execute_script("return getComputedStyle(arguments[0]).direction", c) for c in cells]
    assert directions == ["rtl", "ltr"]
    assert cells[0].rect["x"] > cells[1].rect["x"]  # Arabic outlet first, on the right


def test_column_headers_sort_from_the_keyboard(browser, seeds_run: dict) -> None:
    """Each header is a button: Tab reaches it, Enter sorts, and the header says how (aria-sort)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, seeds_run["pdf"].with_suffix(".html"))
    buttons = browser.find_elements(By.CSS_SELECTOR, "table.discrepancies thead th button.sort")
    assert len(buttons) == len(browser.find_elements(By.CSS_SELECTOR, "table.discrepancies thead th"))
    label = buttons[1]  # the fact label
    label.send_keys(Keys.ENTER)
    header = label.find_element(By.XPATH, "ancestor::th")
    assert header.get_attribute("aria-sort") == "ascending"
    assert browser.execute_script("return document.activeElement === arguments[0]", label)
    label.send_keys(Keys.SPACE)
    assert header.get_attribute("aria-sort") == "descending"


def test_corpus_index_loads_filters_and_sorts(browser, tmp_path: Path) -> None:
    """The corpus index page: every story listed, the text filter and the conflicts-only box hide
    rows, a click on a column sorts by it, and a written briefing is linked."""
    from selenium.webdriver.common.by import By

    from compare.cli import main

    devset = Path(__file__).parent / "data" / "devset"
    store = tmp_path / "desk.sqlite"
    relayed = tmp_path / "relayed"  # one outlet's report relayed word for word by another: no conflict
    relayed.mkdir()
    text = (devset / "d4_football_final" / "a_sada_almalaeb.txt").read_text(encoding="utf-8")
    outlets = {"first.txt": "صدى الملاعب", "relay.txt": "وكالة الأخبار"}
    for name in outlets:
        (relayed / name).write_text(text, encoding="utf-8")
    (relayed / "sources.toml").write_text("\n".join(
        f'["{name}"]\noutlet = "{outlet}"\npublished = 2025-05-31' for name, outlet in outlets.items()), encoding="utf-8")
    stories = [str(devset / "d3_rate_decision"), str(relayed), str(devset / "d6_court_verdict")]
    assert main(["corpus", *stories, "--store", str(store), "--workers", "1", "-q"]) == 0
    messages = _open(browser, tmp_path / "desk.html")
    assert not [m for m in messages if m["level"] in ("SEVERE", "WARNING")], messages

    def shown() -> list[str]:
        return browser.execute_script("return [...document.querySelectorAll('#stories tbody tr')]"
                                      ".filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())")

    assert len(shown()) == 3
    conflicts = browser.execute_script("return [...document.querySelectorAll('#stories tbody tr')]"
                                       ".map(r => Number(r.dataset.conflicts))")
    browser.find_element(By.ID, "conflicts-only").click()
    assert len(shown()) == sum(1 for n in conflicts if n) < 3  # the relayed report has no conflict
    browser.find_element(By.ID, "conflicts-only").click()
    browser.find_element(By.ID, "filter").send_keys("الفائدة")
    assert len(shown()) == 1 and "الفائدة" in shown()[0]
    browser.find_element(By.ID, "filter").clear()
    browser.execute_script("document.getElementById('filter').dispatchEvent(new Event('input'))")
    header = browser.find_elements(By.CSS_SELECTOR, "#stories th")[3]  # the articles column
    header.click()
    counts = browser.execute_script("return [...document.querySelectorAll('#stories tbody tr')].map(r => Number(r.cells[3].textContent))")
    assert counts == sorted(counts) and counts[0] < counts[-1]
    header.click()
    counts = browser.execute_script("return [...document.querySelectorAll('#stories tbody tr')].map(r => Number(r.cells[3].textContent))")
    assert counts == sorted(counts, reverse=True)
    story = browser.execute_script("return document.querySelector('#stories code').textContent.split(' ').pop()")
    assert main(["corpus", "--store", str(store), "--briefing", story, "--no-pdf", "-q"]) == 0
    _open(browser, tmp_path / "desk.html")
    browser.find_element(By.CSS_SELECTOR, "#stories a").click()
    assert browser.current_url.endswith(f"desk-briefings/{story}.html")
    assert browser.find_element(By.CSS_SELECTOR, "table.discrepancies")
