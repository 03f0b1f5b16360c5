"""matrix.html in a real headless Chromium: rows and columns, cells open their quotes (click
and Enter), filters, the phone layout, and no script from article text ever runs.
Screenshots of the desktop and phone layouts are saved to docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.export import export
from annotator.export.view import short_label
from tests.export.conftest import PAYLOADS, hostile_data, seed_data

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    [path] = export(seed_data(), "html", tmp_path_factory.mktemp("html") / "matrix.html")
    return path.as_uri()


def _js(driver, script, *args):
    return driver.execute_script(script, *args)


def _open(driver, url, width=1280, height=900):
    driver.set_window_size(width, height)
    driver.get(url)
    assert _js(driver, "return document.readyState") == "complete"


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


def test_rows_columns_and_cells_open_quotes(driver, seed_page):
    _open(driver, seed_page)
    assert len(_visible(driver, "#matrix tbody tr")) == 4
    assert len(_visible(driver, "#matrix thead th[data-question]")) == 7
    names = [e.text.split("\n")[0] for e in _visible(driver, "#matrix tbody th.who .name")]
    assert names == ["Jamie Shea", "Stefan Wolfe", "Mark Hilborne", "Olena Borodyna"]
    _screenshot(driver, "matrix-desktop.png", 1280)
    driver.set_window_size(1280, 900)

    # click: Hilborne on the quick peace deal
    cell = driver.find_element(
        "css selector", 'tr[data-expert="mark-hilborne"] td[data-question="quick_peace_deal"] button.cell'
    )
    assert "Oppose" in cell.text and "✖" in cell.text
    cell.click()
    assert _dialog_open(driver)
    items = _visible(driver, "#dialog-quotes li")
    assert len(items) == 1
    assert "The urgency for a ‘deal’ overlooks this critical point." in items[0].text
    assert "2025-02-27" in items[0].text and "characters 5237–5431" in items[0].text
    link = items[0].find_element("css selector", "a")
    assert link.get_attribute("href") == "https://news.example.org/seed-article"
    assert link.text == "Starmer’s Diplomatic Meeting with Trump on Ukraine Security"
    assert "Should the West press for a quick ceasefire" in driver.find_element("id", "dialog-question").text
    driver.find_element("id", "dialog-close").click()
    assert not _dialog_open(driver)
    assert _js(driver, "return document.activeElement") == cell  # focus goes back to the cell


def test_keyboard_enter_opens_and_escape_closes(driver, seed_page):
    from selenium.webdriver.common.keys import Keys

    _open(driver, seed_page)
    cell = driver.find_element(
        "css selector",
        'tr[data-expert="olena-borodyna"] td[data-question="europe_strategy_coherent"] button.cell',
    )
    _js(driver, "arguments[0].focus()", cell)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert _dialog_open(driver)
    assert len(_visible(driver, "#dialog-quotes li")) == 4
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not _dialog_open(driver)
    # cells are reachable with Tab: every cell with quotes is a button in the tab order
    assert all(
        b.get_attribute("tabindex") in (None, "0")
        for b in driver.find_elements("css selector", "button.cell")
    )
    # the full question shows when a column heading gets focus
    head = driver.find_element("css selector", 'th[data-question="arm_ukraine_first"] .qhead')
    tip = driver.find_element("css selector", 'th[data-question="arm_ukraine_first"] .tip')
    assert not tip.is_displayed()
    _js(driver, "arguments[0].focus()", head)
    assert tip.is_displayed() and "prioritise funding" in tip.text


def test_filters_hide_what_they_should(driver, seed_page):
    from selenium.webdriver.support.ui import Select

    _open(driver, seed_page)
    question = Select(driver.find_element("id", "filter-question"))
    expert = Select(driver.find_element("id", "filter-expert"))
    stance = Select(driver.find_element("id", "filter-stance"))

    question.select_by_value("quick_peace_deal")
    assert [e.get_attribute("data-question") for e in _visible(driver, "thead th[data-question]")] == [
        "quick_peace_deal"
    ]
    assert len(_visible(driver, "tbody td")) == 4
    question.select_by_value("")

    expert.select_by_value("stefan-wolfe")
    assert [e.get_attribute("data-expert") for e in _visible(driver, "tbody tr")] == ["stefan-wolfe"]
    expert.select_by_value("")

    stance.select_by_value("oppose")
    rows = [e.get_attribute("data-expert") for e in _visible(driver, "tbody tr")]
    assert rows == ["stefan-wolfe", "mark-hilborne", "olena-borodyna"]  # Shea opposes nothing
    shown = _visible(driver, "button.cell, span.cell")
    assert len(shown) == 4 and all("Oppose" in e.text for e in shown)
    assert "Showing 4 of" in driver.find_element("id", "filter-status").text

    question.select_by_value("europe_strategy_coherent")
    assert [e.get_attribute("data-expert") for e in _visible(driver, "tbody tr")] == [
        "stefan-wolfe",
        "olena-borodyna",
    ]
    driver.find_element("id", "filter-reset").click()
    assert len(_visible(driver, "tbody tr")) == 4 and len(_visible(driver, "thead th[data-question]")) == 7
    assert len(_visible(driver, "tbody td")) == 28


def test_phone_layout_cards(driver, seed_page):
    _open(driver, seed_page, width=390, height=844)
    assert _js(driver, "return window.innerWidth") <= 390
    # one card per expert, each cell labelled with its question; nothing wider than the screen
    assert (
        _js(driver, "return getComputedStyle(document.querySelector('#matrix tbody tr')).display") == "block"
    )
    labels = _visible(driver, 'tr[data-expert="jamie-shea"] .cell-q')
    assert [e.text for e in labels] == [short_label(q) for q in seed_data().questions]
    assert _js(driver, "return document.documentElement.scrollWidth") <= 390
    head = driver.find_element("css selector", "#matrix thead")
    assert head.size["height"] <= 1  # visually hidden, still read by screen readers
    cell = driver.find_element("css selector", 'tr[data-expert="jamie-shea"] button.cell')
    _js(driver, "arguments[0].scrollIntoView()", cell)
    cell.click()
    assert _dialog_open(driver)
    dialog = driver.find_element("id", "quotes-dialog")
    assert dialog.size["width"] <= 390
    driver.find_element("id", "dialog-close").click()
    _screenshot(driver, "matrix-phone.png", 390)


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


def test_works_as_an_iframe_embed(driver, seed_page, tmp_path):
    host = tmp_path / "host.html"
    host.write_text(
        f'<!DOCTYPE html><html><body><h1>Host story</h1><iframe id="embed" src="{seed_page}" '
        'title="Expert matrix" style="width:100%;height:700px;border:0"></iframe></body></html>',
        encoding="utf-8",
    )
    _open(driver, host.as_uri())
    driver.switch_to.frame(driver.find_element("id", "embed"))
    try:
        assert len(_visible(driver, "#matrix tbody tr")) == 4
        driver.find_element("css selector", "button.cell").click()
        assert _dialog_open(driver) and _visible(driver, "#dialog-quotes li")
    finally:
        driver.switch_to.default_content()
