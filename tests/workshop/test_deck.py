"""The slide deck: one self-contained file (a CSP that forbids anything external),
the demo's real figures on its slides, both languages, and, in headless chromium,
keyboard navigation, projector-sized type, speaker notes and one slide per page."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from privaudit.i18n import use_language
from privaudit.model import Report
from privaudit.pipeline.services import strength_estimator
from privaudit.workshop.deck import render_deck
from privaudit.workshop.figures import Figures, practice_figures
from privaudit.workshop.lesson import STEPS
from tests.i18n.english import english_lines
from tests.report.browser import Browser, find_chromium, pdf_pages
from tests.workshop.conftest import not_yet_translated

SLIDES = len(STEPS) + 1
_TAG = re.compile(r"<[^>]+>")


def visible_text(page: str) -> str:
    body = page.split("<body>", 1)[1].split("<script>", 1)[0]
    return html.unescape(_TAG.sub("\n", body))


def test_the_deck_needs_nothing_from_outside(figures: Figures) -> None:
    page = render_deck(figures)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert re.findall(r"\bsrc\s*=", page) == [], "no element loads anything"
    for tag, url in re.findall(r"<(\w+)[^>]*\bhref\s*=\s*\"([^\"]*)\"", page):
        assert tag == "a" and url.startswith("https://"), "only plain links may point out"
    assert "@import" not in page and "url(" not in page
    assert page.count('<section class="slide"') == SLIDES


def test_the_demos_own_figures_are_on_the_slides(figures: Figures, demo: Report) -> None:
    text = visible_text(render_deck(figures))
    assert f"{demo.inputs.accounts} logins" in text
    for sample in figures.samples:
        assert sample.password in text
    assert "451,320" in text  # sunshine1 in the demo corpus
    assert "The demo password sunshine1 is in the breach list 451,320 times." in text
    assert "Instagram uses only text codes" in text
    for title in figures.plan:
        assert html.escape(title, quote=False) in render_deck(figures) or title in text


def test_the_spanish_deck_is_spanish(demo: Report) -> None:
    with use_language("es"):
        page = render_deck(practice_figures(demo, strength_estimator()))
        left = not_yet_translated(english_lines(visible_text(page), allowed=["Sam"]), demo)
    assert '<html lang="es">' in page
    assert "Paso 3 de 6" in page and "Notas para quien enseña:" in page
    assert left == []


@pytest.fixture
def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip("chromium is not installed (.ci/install-system-deps installs it in CI)")
    return found


PROBE = """(() => {
  const current = [...document.querySelectorAll('.slide')].findIndex(
      s => getComputedStyle(s).display !== 'none');
  const slide = document.querySelectorAll('.slide')[current];
  const text = [...slide.querySelectorAll('li, p, td, th')].filter(e => !e.closest('.notes'));
  const notes = slide.querySelector('.notes');
  return {current: current, hash: location.hash,
          body: Math.min(...text.map(e => parseFloat(getComputedStyle(e).fontSize))),
          fits: slide.scrollHeight <= innerHeight && slide.scrollWidth <= innerWidth,
          notes: getComputedStyle(notes).display !== 'none'};
})()"""


def _key(browser: Browser, sid: str, key: str, code: str) -> None:
    for kind in ("keyDown", "keyUp"):
        event = {"type": kind, "key": key, "code": code}
        if key == " ":
            event["text"] = " "
        browser.send("Input.dispatchKeyEvent", event, session=sid)


@pytest.mark.slow  # starts chromium
def test_the_deck_in_a_real_browser(
    chromium: str, tmp_path: Path, figures: Figures, record_property: Any
) -> None:
    page = tmp_path / "deck.html"
    page.write_text(render_deck(figures), "utf-8")
    browser = Browser(chromium, tmp_path / "profile")
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        sid = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.send(f"{domain}.enable", session=sid)
        projector = {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False}
        browser.send("Emulation.setDeviceMetricsOverride", projector, session=sid)
        browser.send("Page.navigate", {"url": page.as_uri()}, session=sid)
        browser.wait_for("Page.loadEventFired")

        def probe() -> dict[str, Any]:
            answer = browser.send(
                "Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, session=sid
            )
            value: dict[str, Any] = answer["result"]["value"]
            return value

        seen = []
        for i, (key, code) in enumerate([("ArrowRight", "ArrowRight")] * (SLIDES - 1)):
            facts = probe()
            assert facts["current"] == i and facts["hash"] == f"#{i + 1}"
            assert facts["body"] >= 28, f"slide {i + 1}: body type under 28 px"
            assert facts["fits"], f"slide {i + 1} does not fit 1280x720"
            seen.append(facts)
            if i == 3:  # the breach slide, as the room sees it
                shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=sid)
                png = tmp_path / "deck-slide-4.png"
                png.write_bytes(base64.b64decode(shot["data"]))
                record_property("screenshot", str(png))
                print(f"deck screenshot: {png}")
            _key(browser, sid, key, code)
        assert probe()["current"] == SLIDES - 1
        _key(browser, sid, "ArrowRight", "ArrowRight")
        assert probe()["current"] == SLIDES - 1, "the last slide stays"
        _key(browser, sid, "PageUp", "PageUp")
        _key(browser, sid, "ArrowLeft", "ArrowLeft")
        assert probe()["current"] == SLIDES - 3
        _key(browser, sid, " ", "Space")
        _key(browser, sid, "PageDown", "PageDown")
        assert probe()["current"] == SLIDES - 1
        _key(browser, sid, "Home", "Home")
        assert probe()["current"] == 0
        assert not probe()["notes"]
        _key(browser, sid, "n", "KeyN")
        for i in range(SLIDES):  # the notes view: each slide with its notes, still whole
            with_notes = probe()
            assert with_notes["notes"], "n shows the speaker notes"
            assert with_notes["fits"], f"slide {i + 1} and its notes do not fit"
            _key(browser, sid, "ArrowRight", "ArrowRight")

        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=sid)
        pdf = browser.send("Page.printToPDF", {"preferCSSPageSize": True}, session=sid)["data"]
        data = base64.b64decode(pdf)
        (tmp_path / "deck-notes.pdf").write_bytes(data)
        assert pdf_pages(data) == SLIDES, "one slide per page, notes included"
        browser.drain(0.3)
        log = browser.page_log()
    finally:
        browser.close()
    assert log.console == [], json.dumps(log.console)
    assert log.failed == []
    assert log.requests == [page.as_uri()]


def test_numbers_in_a_column_are_grouped_alike_and_right_aligned(figures: Figures) -> None:
    from privaudit.i18n import use_language
    from privaudit.workshop.content import column_numbers, sample_rows, step_lines
    from privaudit.workshop.lesson import STEPS

    with use_language("es"):
        seen = [row[3] for row in sample_rows(figures)]
        assert seen == ["451\u00a0320", "18\u00a0742", "2\u00a0316", "0"]
        assert column_numbers([2316, 999]) == ["2316", "999"]  # nothing grouped: as CLDR
        page = render_deck(figures)
    assert "2\u00a0316" in page or "2&#160;316" in page or "2 316" in page
    table = step_lines(STEPS[1], figures, practice=True)[1:]
    ends = {len(line.rstrip()) for line in table}
    assert len(ends) == 1, table  # right-aligned: every row ends in the same column
