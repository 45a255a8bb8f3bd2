"""Fixtures shared by the browser tests: a real ``quotes serve`` on the example corpus, and chromium.

Browser tests use Debian's chromium (``apt-get install -y chromium``) through the Python
playwright package; where either is missing they are skipped with a message saying so.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "quotes" / "examples"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """A headless chromium, or a skip that says what is missing.

    One per test module, not per session: Playwright's sync API keeps an event loop running
    while it is open, and tests that call ``asyncio.run`` (Datasette's test client) must not
    run inside it.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package: pip install -e '.[test]'")
    executable = chromium_path()
    if not executable:
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium: apt-get install -y chromium "
                    "(.ci/run installs it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """``quotes demo`` in a subprocess on a free port: the example corpus extracted and served.

    Yields the base URL of the database (``http://127.0.0.1:PORT/quotes``).
    """
    db = tmp_path_factory.mktemp("served") / "quotes.db"
    port = free_port()
    log = open(db.with_suffix(".log"), "w+", encoding="utf-8")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "-c", "from quotes.cli import cli; cli()", "demo", "--db", str(db), "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"quotes demo did not start:\n{log.read()}")
                time.sleep(0.2)
        yield f"{base}/quotes"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where browser tests save their screenshots: ``$QUOTES_SCREENSHOTS`` (the README's are made with
    ``QUOTES_SCREENSHOTS=docs/screenshots``), else a temporary folder."""
    folder = Path(os.environ.get("QUOTES_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
