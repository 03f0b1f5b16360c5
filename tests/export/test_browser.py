"""matrix.html in a real headless Chromium: rows and columns, cells open their quotes (click
and Enter) with their context, source and reasons, filters, the experts directory (sort,
filter, links, phone), the phone layout, and no script from article text ever runs.
Screenshots of the desktop and phone layouts, the dialog and the directory go to docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.export import export
from annotator.export.view import short_label
from tests import newsroom
from tests.export.conftest import PAYLOADS, hostile_data, newsroom_data

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    [path] = export(newsroom_data(), "html", tmp_path_factory.mktemp("html") / "matrix.html")
    return path.as_uri()


def _js(driver, script, *args):
    return driver.execute_script(script, *args)


def _open(driver, url, width=1280, height=900):
    driver.set_window_size(width, height)
    driver.get(url)
    from selenium.webdriver.support.ui import WebDriverWait

    # a page with an iframe is complete only once the frame has loaded too
    WebDriverWait(driver, 15).until(lambda d: _js(d, "return document.readyState") == "complete")


def _visible(driver, css):
    return [e for e in driver.find_elements("css selector", css) if e.is_displayed()]


def _dialog_open(driver):
    return _js(driver, "return document.getElementById('quotes-dialog').open")


def _screenshot(driver, name, width):
    height = _js(driver, "return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, 4000))
    DOCS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(DOCS / name))


def _no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def test_rows_columns_and_cells_open_quotes(driver, page_url):
    _open(driver, page_url)
    assert len(_visible(driver, "#matrix tbody tr")) == 4
    assert len(_visible(driver, "#matrix thead th[data-question]")) == len(newsroom.QUESTIONS)
    names = [e.text.split("\n")[0] for e in _visible(driver, "#matrix tbody th.who .name")]
    assert names == [newsroom.NAMES[e] for e in newsroom.ROWS]
    _screenshot(driver, "matrix-desktop.png", 1280)
    driver.set_window_size(1280, 900)

    # click: Tanaka on the tram, reviewed by two people
    cell = driver.find_element(
        "css selector", 'tr[data-expert="mei-tanaka"] td[data-question="build_tram"] button.cell'
    )
    assert "Oppose" in cell.text and "✖" in cell.text
    cell.click()
    assert _dialog_open(driver)
    assert (
        driver.find_element("id", "dialog-who").text == "senior lecturer in public finance, Eastgate College"
    )
    items = _visible(driver, "#dialog-quotes li")
    assert len(items) == 2
    # the context: the sentence before and the quote's own, the quote marked
    marked = items[1].find_element("css selector", "blockquote mark.said")
    assert marked.text == "“Building the tram now would be a costly error.”"
    context = items[1].find_element("css selector", "blockquote").text
    assert context.startswith("“Buses on their own lanes") and context.endswith("costly error.”")
    why = items[1].find_element("css selector", ".quote-why").text
    assert why.startswith("Why:") and "reviewer-a, reviewer-b" in why
    assert (
        "on the question because it mentions “build”"
        in items[0].find_element("css selector", ".quote-why").text
    )
    assert "%" in items[0].find_element("css selector", ".quote-why").text  # the model's confidence
    assert "characters" not in items[1].text and str(newsroom.ARTICLE_ID) not in items[1].text  # no offsets
    link = items[1].find_element("css selector", ".quote-source a")
    assert link.get_attribute("href") == newsroom.URL and link.text == newsroom.TITLE
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    assert newsroom.PUBLISHED in items[1].find_element("css selector", ".quote-source").text
    assert "Should Riverton build the tram line?" in driver.find_element("id", "dialog-question").text
    _screenshot_dialog(driver, "matrix-dialog.png")
    driver.find_element("id", "dialog-close").click()
    assert not _dialog_open(driver)
    assert _js(driver, "return document.activeElement") == cell  # focus goes back to the cell


def _screenshot_dialog(driver, name):
    DOCS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(DOCS / name))


def test_keyboard_enter_opens_and_escape_closes(driver, page_url):
    from selenium.webdriver.common.keys import Keys

    _open(driver, page_url)
    cell = driver.find_element(
        "css selector", 'tr[data-expert="amara-okafor"] td[data-question="raise_fares"] button.cell'
    )
    _js(driver, "arguments[0].focus()", cell)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert _dialog_open(driver)
    assert len(_visible(driver, "#dialog-quotes li")) == 2
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not _dialog_open(driver)
    # cells are reachable with Tab: every cell with quotes is a button in the tab order
    assert all(
        b.get_attribute("tabindex") in (None, "0")
        for b in driver.find_elements("css selector", "button.cell")
    )
    # the full question shows when a column heading gets focus
    head = driver.find_element("css selector", 'th[data-question="bus_lanes_first"] .qhead')
    tip = driver.find_element("css selector", 'th[data-question="bus_lanes_first"] .tip')
    assert not tip.is_displayed()
    _js(driver, "arguments[0].focus()", head)
    assert tip.is_displayed() and "bus lanes before any tram" in tip.text


def test_filters_hide_what_they_should(driver, page_url):
    from selenium.webdriver.support.ui import Select

    _open(driver, page_url)
    question = Select(driver.find_element("id", "filter-question"))
    expert = Select(driver.find_element("id", "filter-expert"))
    stance = Select(driver.find_element("id", "filter-stance"))

    question.select_by_value("build_tram")
    assert [e.get_attribute("data-question") for e in _visible(driver, "thead th[data-question]")] == [
        "build_tram"
    ]
    assert len(_visible(driver, "#matrix tbody td")) == 4
    question.select_by_value("")

    expert.select_by_value("lukas-brandt")
    assert [e.get_attribute("data-expert") for e in _visible(driver, "#matrix tbody tr")] == ["lukas-brandt"]
    expert.select_by_value("")

    stance.select_by_value("oppose")
    rows = [e.get_attribute("data-expert") for e in _visible(driver, "#matrix tbody tr")]
    assert rows == ["amara-okafor", "mei-tanaka"]  # Brandt and Levy oppose nothing
    shown = _visible(driver, "#matrix button.cell, #matrix span.cell")
    assert len(shown) == 2 and all("Oppose" in e.text for e in shown)
    assert "Showing 2 of" in driver.find_element("id", "filter-status").text

    question.select_by_value("raise_fares")
    assert [e.get_attribute("data-expert") for e in _visible(driver, "#matrix tbody tr")] == ["amara-okafor"]
    driver.find_element("id", "filter-reset").click()
    n = len(newsroom.QUESTIONS)
    assert (
        len(_visible(driver, "#matrix tbody tr")) == 4
        and len(_visible(driver, "thead th[data-question]")) == n
    )
    assert len(_visible(driver, "#matrix tbody td")) == 4 * n


def test_phone_layout_cards(driver, page_url):
    _open(driver, page_url, width=390, height=844)
    assert _js(driver, "return window.innerWidth") <= 390
    # one card per expert, each cell labelled with its question; nothing wider than the screen
    assert (
        _js(driver, "return getComputedStyle(document.querySelector('#matrix tbody tr')).display") == "block"
    )
    labels = _visible(driver, 'tr[data-expert="amara-okafor"] .cell-q')
    assert [e.text for e in labels] == [short_label(q) for q in newsroom_data().questions]
    assert _js(driver, "return document.documentElement.scrollWidth") <= 390
    head = driver.find_element("css selector", "#matrix thead")
    assert head.size["height"] <= 1  # visually hidden, still read by screen readers
    # the first expert's card starts on the first screen
    top = _js(driver, "return document.querySelector('#matrix tbody tr').getBoundingClientRect().top")
    assert top < _js(driver, "return window.innerHeight") - 60
    cell = driver.find_element("css selector", 'tr[data-expert="amara-okafor"] button.cell')
    _js(driver, "arguments[0].scrollIntoView()", cell)
    cell.click()
    assert _dialog_open(driver)
    dialog = driver.find_element("id", "quotes-dialog")
    assert dialog.size["width"] <= 390
    driver.find_element("id", "dialog-close").click()
    _screenshot(driver, "matrix-phone.png", 390)


def test_experts_directory_sorts_filters_and_links(driver, page_url):
    _open(driver, page_url)
    rows = lambda: [e.get_attribute("data-expert") for e in _visible(driver, "#directory tbody tr")]  # noqa: E731
    assert rows() == newsroom.ROWS
    tanaka = driver.find_element("css selector", '#directory tr[data-expert="mei-tanaka"]')
    assert "Eastgate College" in tanaka.text and "3" in tanaka.find_element("css selector", "td.num").text
    chips = [
        " ".join(e.get_attribute("textContent").split())
        for e in tanaka.find_elements("css selector", ".dir-questions li")
    ]
    assert chips == ["✖ Build the tram: Oppose", "✔ Bus lanes first: Support", "○ Raise fares: Neutral"]
    link = tanaka.find_element("css selector", ".dir-articles a")
    assert link.get_attribute("href") == newsroom.URL and link.text == newsroom.TITLE
    # sort: most quotes first, then back; names A to Z
    quotes = driver.find_element("css selector", '#directory button.sort[data-sort="quotes"]')
    quotes.click()
    assert rows() == ["amara-okafor", "mei-tanaka", "lukas-brandt", "hannah-levy"]
    head = driver.find_element("xpath", "//table[@id='directory']//th[.//button[@data-sort='quotes']]")
    assert head.get_attribute("aria-sort") == "descending"
    quotes.click()
    assert rows() == ["hannah-levy", "lukas-brandt", "amara-okafor", "mei-tanaka"]
    driver.find_element("css selector", '#directory button.sort[data-sort="name"]').click()
    assert rows() == ["amara-okafor", "hannah-levy", "lukas-brandt", "mei-tanaka"]
    # filter by any words: an organisation, a question
    box = driver.find_element("id", "directory-filter")
    box.send_keys("bus lanes")
    assert sorted(rows()) == ["lukas-brandt", "mei-tanaka"]
    assert driver.find_element("id", "directory-status").text == "Showing 2 of 4 experts"
    box.clear()
    box.send_keys("cycling")
    assert rows() == ["hannah-levy"]
    box.clear()
    box.send_keys(" ")
    assert len(rows()) == 4
    _js(driver, "document.getElementById('experts').scrollIntoView()")
    _screenshot_dialog(driver, "experts-directory.png")


def test_experts_directory_on_a_phone(driver, page_url):
    _open(driver, page_url, width=390, height=844)
    assert _js(driver, "return document.documentElement.scrollWidth") <= 390
    card = driver.find_element("css selector", '#directory tr[data-expert="amara-okafor"]')
    assert _js(driver, "return getComputedStyle(arguments[0]).display", card) == "block"
    assert card.size["width"] <= 390
    box = driver.find_element("id", "directory-filter")
    _js(driver, "arguments[0].scrollIntoView()", box)
    box.send_keys("northfield")
    assert [e.get_attribute("data-expert") for e in _visible(driver, "#directory tbody tr")] == [
        "amara-okafor"
    ]


def test_article_script_payloads_never_run(driver, tmp_path):
    [path] = export(hostile_data(), "html", tmp_path / "evil.html")
    _open(driver, path.as_uri())
    _no_alert(driver)
    assert _js(driver, "return typeof window.__pwned") == "undefined"
    buttons = driver.find_elements("css selector", "button.cell")
    assert buttons
    for b in buttons:
        b.click()
        _no_alert(driver)
        text = driver.find_element("id", "dialog-quotes").text
        for p in PAYLOADS:
            assert p.split("\u2028")[0].strip()[:20] in text  # shown as words
        assert "onerror=\"window.__pwned='context'\"" in text  # the context too, as words
        assert not driver.find_elements(
            "css selector", "#dialog-quotes img, #dialog-quotes svg, #dialog-quotes a"
        )
        driver.find_element("id", "dialog-close").click()
    assert _js(driver, "return typeof window.__pwned") == "undefined"
    assert driver.find_element("css selector", "h1").text == "<b>Bold</b> questions"
    assert driver.title == "<b>Bold</b> questions"
    assert (
        "Eve <img src=x onerror=\"window.__pwned='name'\">"
        in driver.find_element("css selector", "th.who").text
    )


def test_works_as_an_iframe_embed(driver, page_url, tmp_path):
    host = tmp_path / "host.html"
    host.write_text(
        f'<!DOCTYPE html><html><body><h1>Host story</h1><iframe id="embed" src="{page_url}" '
        'title="Expert matrix" style="width:100%;height:700px;border:0"></iframe></body></html>',
        encoding="utf-8",
    )
    _open(driver, host.as_uri())
    driver.switch_to.frame(driver.find_element("id", "embed"))
    try:
        assert len(_visible(driver, "#matrix tbody tr")) == 4
        driver.find_element("css selector", "#matrix button.cell").click()
        assert _dialog_open(driver) and _visible(driver, "#dialog-quotes li")
    finally:
        driver.switch_to.default_content()
