"""Open the index and a report in headless Chromium: title shown, every figure loaded, no console errors,
and no request leaves the machine. Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them).
"""

from __future__ import annotations

import shutil

import pytest

from .test_notebooks import SEED, _report


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1600"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    yield driver
    driver.quit()


def _open(browser, path):
    browser.get(path.resolve().as_uri())
    return browser.execute_script("return document.readyState")


def _check_page(browser):
    images = browser.execute_script(
        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.src.slice(0, 22)])"
    )
    assert all(done and width > 0 for done, width, _ in images), images
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert [r for r in resources if not r.startswith(("file:", "data:"))] == []
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    return images


def test_index_renders(browser, built):
    assert _open(browser, built["out"] / "index.html") == "complete"
    assert browser.title == "Media analysis reports"
    assert browser.find_element("tag name", "h1").text == "Media analysis reports"
    links = browser.find_elements("css selector", "a")
    assert len(links) >= 12
    _check_page(browser)


@pytest.mark.parametrize("notebook", ["quotes_and_speakers", "timeline"])
def test_report_renders_with_figures(browser, built, notebook):
    assert _open(browser, _report(built, SEED.stem, notebook)) == "complete"
    assert "Blinken" in browser.title
    assert browser.find_element("tag name", "h1").text.strip()
    assert "Blinken denies" in browser.find_element("css selector", "h2.ma-title").text
    images = _check_page(browser)
    assert len(images) >= 1
