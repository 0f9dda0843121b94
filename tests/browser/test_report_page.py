"""`dean report` in headless Chromium: loads from file:// with no console error and no
request, sorts and filters by click and by keyboard, keeps its state in the URL hash,
switches language, passes axe-core, prints without controls, fits a 390-px screen; the
hostile plan injects nothing; a 1,000-initiative plan stays usable. Assertions are on the
DOM and on text, never on pixels."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

REPORTS = ["real_report", "hostile_report", "big_report"]


def rows(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#ini-table tbody tr", "rs => rs.map(r => r.cells[0].innerText.trim())"
    )


def data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    start = text.index('id="dean-data">') + len('id="dean-data">')
    return json.loads(text[start : text.index("</script>", start)])


def labels(items: list[dict[str, Any]]) -> list[str]:
    return [f"#{i['id']}" for i in items]


@pytest.fixture(params=REPORTS)
def any_report(request: pytest.FixtureRequest) -> Path:
    report: Path = request.getfixturevalue(request.param)
    return report


@pytest.mark.parametrize("lang", ["es", "en"])
def test_loads_from_file_with_no_error_and_no_request(open_page, any_report, lang):
    w = open_page(any_report, hash=f"#lang={lang}")
    assert w.page.evaluate("document.documentElement.lang") == lang
    assert w.page.url.startswith("file://")
    assert w.console == []
    assert w.requests == []
    assert w.dialogs == []
    assert len(rows(w.page)) == min(100, len(data(any_report)["initiatives"]))


def test_sorting_by_click_and_by_keyboard(open_page, real_report):
    items = data(real_report)["initiatives"]
    w = open_page(real_report)
    page = w.page
    assert rows(page) == labels(items)
    assert page.get_attribute('th[data-key="id"]', "aria-sort") == "ascending"

    page.click('th[data-key="progress"] button')
    ascending = sorted(
        enumerate(items),
        key=lambda p: (
            p[1]["milestones"]["progress"] is None,
            p[1]["milestones"]["progress"] or 0,
            p[0],
        ),
    )
    assert rows(page) == labels([i for _, i in ascending])
    assert page.get_attribute('th[data-key="progress"]', "aria-sort") == "ascending"
    assert page.get_attribute('th[data-key="id"]', "aria-sort") is None

    page.focus('th[data-key="progress"] button')
    page.keyboard.press("Enter")
    descending = sorted(
        enumerate(items),
        key=lambda p: (
            p[1]["milestones"]["progress"] is None,
            -(p[1]["milestones"]["progress"] or 0),
            p[0],
        ),
    )
    assert rows(page) == labels([i for _, i in descending])
    assert page.get_attribute('th[data-key="progress"]', "aria-sort") == "descending"
    assert "sort=progress" in page.url and "dir=desc" in page.url

    # on a narrow screen the column headings give way to a sort menu
    assert not page.is_visible("#f-sort")
    narrow = open_page(real_report, width=390).page
    box = narrow.locator('th[data-key="title"] button').bounding_box()
    assert box is not None and box["x"] + box["width"] < 0  # off screen, still in the tree
    narrow.select_option("#f-sort", "title:asc")
    titles = sorted(items, key=lambda i: i["title"]["en"].lower())
    assert rows(narrow) == labels(titles)
    assert "sort=title&dir=asc" in narrow.url


def test_each_filter_by_keyboard_and_click(open_page, real_report):
    items = data(real_report)["initiatives"]
    w = open_page(real_report)
    page = w.page

    page.focus("#f-q")
    page.keyboard.type("cyber")
    assert rows(page) == ["#7"]
    assert page.inner_text("#showing") == "1–1 of 1 initiatives"
    page.click("#f-reset")
    assert rows(page) == labels(items)

    page.select_option("#f-pillar", "3")
    assert rows(page) == labels([i for i in items if i["pillar"] == 3])
    page.select_option("#f-pillar", "")

    page.focus("#f-status")
    page.select_option("#f-status", "unknown")
    assert rows(page) == labels([i for i in items if i["status"] == "unknown"]) == ["#9"]
    page.select_option("#f-status", "")

    page.select_option("#f-lead", "SE")
    with_se = [i for i in items if "SE" in i["leads"]["mx"] + i["leads"]["us"]]
    assert rows(page) == labels(with_se) and len(with_se) >= 2

    # overdue: none in the real plan on this date; the combination says so
    page.focus("#f-overdue")
    page.keyboard.press("Space")
    assert page.is_checked("#f-overdue")
    assert rows(page) == []
    assert page.inner_text("#showing") == "No initiative matches."
    assert page.inner_text("#details-list") == ""


def test_overdue_filter_on_a_plan_with_overdue_milestones(open_page, big_report):
    items = data(big_report)["initiatives"]
    late = sorted((i for i in items if i["milestones"]["overdue"] > 0), key=lambda i: i["id"])
    assert 0 < len(late) < len(items)
    w = open_page(big_report)
    w.page.check("#f-overdue")
    assert w.page.inner_text("#showing") == f"1–{min(100, len(late))} of {len(late)} initiatives"
    assert rows(w.page) == labels(late[:100])


def test_url_hash_round_trip(open_page, real_report):
    w = open_page(real_report)
    page = w.page
    page.click('[data-set-lang="es"]')
    page.fill("#f-q", "coop")
    page.select_option("#f-pillar", "1")
    page.click('th[data-key="title"] button')
    page.click('th[data-key="title"] button')
    expected = rows(page)
    assert expected and len(expected) < 11
    url = page.url
    fragment = url[url.index("#") :]
    for part in ("lang=es", "q=coop", "pillar=1", "sort=title", "dir=desc"):
        assert part in fragment

    again = open_page(real_report, hash=fragment).page
    assert rows(again) == expected
    assert again.input_value("#f-q") == "coop"
    assert again.input_value("#f-pillar") == "1"
    assert again.get_attribute('th[data-key="title"]', "aria-sort") == "descending"
    assert again.evaluate("document.documentElement.lang") == "es"
    # a link to a section (no "=") is left alone until the view changes
    anchor = open_page(real_report, hash="#timeline").page
    assert anchor.url.endswith("#timeline")
    assert anchor.evaluate("window.scrollY") > 0
    assert rows(anchor) == [f"#{n}" for n in range(1, 12)]
    anchor.select_option("#f-pillar", "2")
    assert anchor.url.endswith("#lang=en&pillar=2")


def visible_text(page: Any, selector: str) -> str:
    return page.inner_text(selector).strip()


def test_language_toggle_by_click_and_by_keyboard(open_page, real_report):
    w = open_page(real_report)
    page = w.page
    assert visible_text(page, "#initiatives-h") == "Initiatives"
    assert page.get_attribute('[data-set-lang="en"]', "aria-pressed") == "true"

    page.click('[data-set-lang="es"]')
    assert page.evaluate("document.documentElement.lang") == "es"
    assert visible_text(page, "#initiatives-h") == "Iniciativas"
    assert visible_text(page, "#timeline-h") == "Cronograma"
    assert page.get_attribute('[data-set-lang="es"]', "aria-pressed") == "true"
    assert page.get_attribute('[data-set-lang="en"]', "aria-pressed") == "false"
    assert "lang=es" in page.url
    first = page.eval_on_selector("#ini-table tbody tr", "r => r.cells[1].innerText")
    assert first.startswith("Fortalecimiento de las cadenas de suministro")
    assert page.eval_on_selector("#ini-table tbody tr td a span", "e => e.lang") == "es"
    assert "activa" in page.inner_text("#ini-table tbody")
    # text in one language only is marked, and carries its own lang attribute
    # both titles, each with its provenance, in the details
    facts = page.inner_text("#details-list article:nth-of-type(7) dl")
    assert (
        "Título (es)\nFortalecimiento de la cooperación en materia de ciberseguridad (oficial)"
        in facts
    )
    assert "Título (en)\nStrengthening cooperation on cybersecurity (traducción nuestra)" in facts
    marked = page.eval_on_selector_all(
        "#details-list small.only", "es => es.map(e => [e.innerText, e.parentNode.lang])"
    )
    assert marked and all(m == ["[en]", "en"] for m in marked)

    page.focus('[data-set-lang="en"]')
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert visible_text(page, "#initiatives-h") == "Initiatives"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "es"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_axe_finds_no_violation(open_page, any_report, lang):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(any_report, hash=f"#lang={lang}").page
    if page.query_selector("#findings details"):  # check the list of findings too
        page.eval_on_selector("#findings details", "d => { d.open = true; }")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_focus_is_visible(open_page, real_report):
    page = open_page(real_report).page
    page.keyboard.press("Tab")  # the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "initiatives"
    assert page.evaluate("location.hash") == "#lang=en"  # the view's state stays in the URL
    # the table of contents and the titles in the table move the focus the same way
    page.click('#toc a[href="#timeline"]')
    assert page.evaluate("document.activeElement.id") == "timeline"
    page.click("#ini-table tbody tr:nth-child(8) a")
    assert page.evaluate("document.activeElement.id") == "ini-7"
    assert page.evaluate("document.activeElement.innerText").startswith("#8 · ")


def test_print_hides_the_controls_and_shows_every_initiative(open_page, real_report):
    page = open_page(real_report, hash="#q=cyber").page
    assert rows(page) == ["#7"]
    assert not page.is_visible("#findings-cap")
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all(
        ".controls, #filters, #f-q, #pager, .lang-btn, #toc a",
        "es => es.map(e => e.getClientRects().length)",
    )
    assert len(boxes) > 10 and set(boxes) == {0}  # nothing to press on paper
    assert page.is_visible("#details-list article") and page.is_visible("#ini-table")
    # the print rendering (beforeprint) shows every initiative of the selection, unpaged
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert len(page.query_selector_all("#details-list article")) == 1
    assert page.is_visible("#findings-cap")  # the list of findings, closed on screen
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert not page.is_visible("#findings-cap")
    assert page.eval_on_selector("#filters", "e => getComputedStyle(e).display") != "none"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_horizontal_scroll_at_390_pixels(open_page, any_report, lang):
    page = open_page(any_report, hash=f"#lang={lang}", width=390, height=844).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("window.innerWidth") == 390


def test_hostile_plan_injects_nothing(open_page, hostile_report):
    w = open_page(hostile_report)
    page = w.page
    # hover and click everything that could carry a handler
    for sel in ("#ini-table tbody a", "#details-list a", "h1"):
        for el in page.query_selector_all(sel)[:20]:
            el.hover()
    page.click('[data-set-lang="es"]')
    page.click('[data-set-lang="en"]')
    assert page.evaluate("window.__pwned") is None
    assert w.dialogs == [] and w.requests == [] and w.console == []
    assert page.query_selector_all("img, iframe, object, embed, style:not(head > style)") == []
    assert len(page.query_selector_all("script")) == 3
    assert page.eval_on_selector_all("[onload], [onerror], [onmouseover]", "es => es.length") == 0
    hrefs = page.eval_on_selector_all("a[href]", "es => es.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    body = page.inner_text("body")
    assert "</script><script>window.__pwned=1</script>" in body  # shown as text
    assert "{{ 7*7 }}" in body and "javascript:window.__pwned=4" in body
    page.click('[data-set-lang="es"]')  # the Spanish title carries the bidi controls
    body = page.inner_text("body")
    assert "\u202e" not in body and "abc\\u202edef\\u2066 <svg onload=" in body
    assert page.title() == "DEAN · Estado del plan de trabajo al 2026-11-28"
    page.click('[data-set-lang="en"]')
    assert page.title() == "</title><i>HLED</i> · Work plan status as of 2026-11-28"


def test_big_plan_stays_usable(open_page, big_report):
    items = data(big_report)["initiatives"]
    assert len(items) == 1000
    start = time.monotonic()
    w = open_page(big_report)
    loaded = time.monotonic() - start
    page = w.page
    assert loaded < 10, loaded
    assert len(rows(page)) == 100
    assert page.inner_text("#showing") == "1–100 of 1000 initiatives"
    page.click("#page-next")
    assert rows(page)[0] == labels(sorted(items, key=lambda i: i["id"]))[100]
    assert "page=2" in page.url
    start = time.monotonic()
    page.fill("#f-q", "frontera")
    page.click('th[data-key="progress"] button')
    took = time.monotonic() - start
    assert took < 3, took
    assert page.inner_text("#showing").startswith("1–")
    assert len(page.query_selector_all("#details-list article")) == len(rows(page))


def test_sort_filter_hash_and_toggle_on_every_plan(open_page, any_report):
    """The interactions above, on the real, the hostile and the 1,000-initiative plan."""
    items = data(any_report)["initiatives"]

    def by_progress(chosen: list[int], descending: bool) -> list[str]:
        def key(n: int) -> tuple[bool, float, int]:
            p = items[n]["milestones"]["progress"]
            return (p is None, -(p or 0) if descending else (p or 0), n)

        return labels([items[n] for n in sorted(chosen, key=key)][:100])

    page = open_page(any_report).page
    everything = list(range(len(items)))
    page.click('th[data-key="progress"] button')
    assert rows(page) == by_progress(everything, False)
    page.focus('th[data-key="progress"] button')
    page.keyboard.press("Enter")
    assert rows(page) == by_progress(everything, True)

    page.select_option("#f-pillar", "1")
    first = [n for n in everything if items[n]["pillar"] == 1]
    assert rows(page) == by_progress(first, True)
    page.check("#f-overdue")
    late = [n for n in first if items[n]["milestones"]["overdue"] > 0]
    assert rows(page) == by_progress(late, True)
    page.uncheck("#f-overdue")

    page.click('[data-set-lang="es"]')
    assert page.evaluate("document.documentElement.lang") == "es"
    assert visible_text(page, "#initiatives-h") == "Iniciativas"
    url = page.url
    again = open_page(any_report, hash=url[url.index("#") :]).page
    assert rows(again) == rows(page) == by_progress(first, True)
    assert again.evaluate("document.documentElement.lang") == "es"
    assert again.input_value("#f-pillar") == "1"
