"""The SQLite export browsed with Datasette in a real headless browser (Debian's Chromium, driven by Selenium).

scripts/check installs Chromium and its driver; where they are missing this test fails in CI and
under scripts/check (it never skips silently there) and is skipped, with the reason, elsewhere.
With ``HLED_SCREENSHOTS=DIR`` it saves its screenshots there (docs/_static for the docs page).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from hled._cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    reason = f"{what} is not installed: scripts/check installs it "
    reason += "(apt-get install chromium chromium-driver; the test group's datasette and selenium)"
    if os.environ.get("CI") or os.environ.get("HLED_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)  # pragma: no cover - a developer's machine without a browser


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Datasette serving the exported database and its metadata on 127.0.0.1."""
    _need("datasette", shutil.which("datasette") is not None or _importable("datasette"))
    folder = tmp_path_factory.mktemp("browse")
    assert main(["export", "--format", "sqlite", "--out", str(folder / "hled.sqlite")]) == 0
    assert main(["export", "--format", "datasette-metadata", "--out", str(folder / "hled.metadata.json")]) == 0
    port = _free_port()
    server = subprocess.Popen(  # our own interpreter, our own files
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(folder / "hled.sqlite"),
            "--metadata",
            str(folder / "hled.metadata.json"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()  # localhost
                break
            time.sleep(0.1)
        else:  # pragma: no cover - only if Datasette does not start
            pytest.fail("Datasette did not start on " + base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:  # pragma: no cover - only without the test dependencies
        return False
    return True


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _need("Chromium", Path(CHROMIUM).exists() and Path(DRIVER).exists())
    _need("selenium", _importable("selenium"))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _visit(browser, url: str, shot: str) -> str:
    browser.get(url)
    folder = os.environ.get("HLED_SCREENSHOTS")
    if folder:
        browser.save_screenshot(str(Path(folder) / f"datasette-{shot}.png"))
    return browser.find_element("tag name", "body").text


def _rows(browser) -> list[str]:
    return [row.text for row in browser.find_elements("css selector", "table.rows-and-columns tbody tr")]


class TestBrowse:
    def test_a_table_page(self, site, browser):
        """The events table shows every event, described by the metadata."""
        text = _visit(browser, f"{site}/hled/events?_sort=date_start&_size=100", "table")

        assert "Launch of the High-Level Economic Dialogue" in text
        assert "43 rows" in text
        assert len(_rows(browser)) == 43

    def test_a_record_page(self, site, browser):
        text = _visit(browser, f"{site}/hled/events/2013-launch", "record")

        assert "2013-launch" in text
        assert "Secretaría de Relaciones Exteriores, Mexico City" in text

    def test_a_view(self, site, browser):
        """The meeting_chairs view lists the 2023 meeting's chairs by side."""
        _visit(browser, f"{site}/hled/meeting_chairs?date=2023-09-29", "view")
        rows = _rows(browser)

        assert len(rows) == 7
        assert sum("Alicia Bárcena" in row for row in rows) == 1
        assert sum(" MX " in f" {row} " for row in rows) == 3

    def test_full_text_search(self, site, browser):
        """The search table finds the Secretariat of Economy without accents typed."""
        text = _visit(browser, f"{site}/hled/search?_search=secretaria+economia", "search")

        assert "organizations" in text
        assert any(
            row.startswith(("organizations se", "organizations\nse")) or " se " in f" {row} " for row in _rows(browser)
        )
