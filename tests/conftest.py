"""Shared fixtures: the ``quotes`` command in a subprocess, a served site, and a headless browser.

Browser tests drive Debian's ``chromium`` package through Playwright (never ``playwright
install``, which downloads a browser). Where the browser or Playwright is missing they skip
with the reason; ``.ci/run`` sets ``QUOTES_REQUIRE_BROWSER=1`` so that in CI they fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def quotes_argv(*args: object) -> list[str]:
    """The argv that runs ``quotes ARGS`` in a fresh Python process of this environment."""
    return [sys.executable, "-m", "quotes", *(str(a) for a in args)]


@pytest.fixture(scope="session")
def quotes_command():
    """``quotes_command(*args)`` gives the argv that runs ``quotes ARGS`` in a subprocess."""
    return quotes_argv


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Site:
    """A ``quotes serve`` process listening on ``url``."""

    url: str
    port: int
    process: subprocess.Popen
    log: IO[bytes]  # the server's output: a file, as an unread pipe would fill up and stall the server

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.read()


def start_server(argv: list, port: int, timeout: float = 60, env: dict | None = None) -> Site:
    """Start a web server (``argv`` listens on ``port``) and wait until it answers; RuntimeError if it never does."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop_site, after the server
    process = subprocess.Popen([str(a) for a in argv], stdout=log, stderr=subprocess.STDOUT, env=env)
    site = Site(f"http://127.0.0.1:{port}", port, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = site.output()
            stop_site(site)
            raise RuntimeError(f"{argv[2:4]} exited with {process.returncode}:\n{output}")
        try:
            site.get("/-/versions.json")
            return site
        except OSError:
            time.sleep(0.1)
    stop_site(site)
    raise RuntimeError(f"{argv[2:4]} did not answer on port {port} within {timeout}s")


def start_site(db_path: Path, *serve_args: str, timeout: float = 60) -> Site:
    """Start ``quotes serve --db DB -p PORT`` and wait until it answers."""
    port = free_port()
    return start_server(quotes_argv("serve", "--db", db_path, "-p", port, *serve_args), port, timeout)


def stop_site(site: Site) -> None:
    site.process.terminate()
    try:
        site.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        site.process.kill()
        site.process.wait()
    site.log.close()


@pytest.fixture
def served_site() -> Iterator:
    """A factory: ``served_site(db_path, *serve_args)`` starts ``quotes serve`` on a free port.

    Every site started is stopped when the test ends.
    """
    started: list[Site] = []

    def serve(db_path: Path, *serve_args: str) -> Site:
        site = start_site(db_path, *serve_args)
        started.append(site)
        return site

    yield serve
    for site in started:
        stop_site(site)


def browser_missing() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium driven by Playwright, shared by the tests of one module.

    Not by the whole session: Playwright's sync API keeps an event loop running while it is
    open, and later tests that call ``asyncio.run`` (Datasette's test client) would fail.
    """
    reason = browser_missing()
    if reason:
        if os.environ.get("QUOTES_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests are required here (QUOTES_REQUIRE_BROWSER is set): {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Iterator[str]:
    """``quotes demo`` in a subprocess on a free port: the example corpus extracted and served.

    Yields the base URL of the database (``http://127.0.0.1:PORT/quotes``).
    """
    db = tmp_path_factory.mktemp("demo") / "quotes.db"
    port = free_port()
    try:
        site = start_server(quotes_argv("demo", "--db", db, "-p", port), port, timeout=120,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    except RuntimeError as error:
        pytest.fail(f"quotes demo did not start: {error}")
    yield f"{site.url}/quotes"
    stop_site(site)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where browser tests save their screenshots: ``$QUOTES_SCREENSHOTS`` (the README's are made with
    ``QUOTES_SCREENSHOTS=docs/screenshots``), else a temporary folder."""
    folder = Path(os.environ.get("QUOTES_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
