"""Browser journeys: Playwright drives Debian's Chromium against a live test server.

Fixtures:
- `page`: a fresh browser context and page whose base URL is the live server, so journeys call
  `page.goto("/accounts/signup/")`.
- `screenshot(name)`: saves a full-page PNG under test-artifacts/screenshots/<test name>/.
- `signed_in(page, user)`: logs `user` in through the login form (password
  accounts.testing.PASSWORD).
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls tests make to set up
# data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PARCOURS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("PARCOURS_TEST_ARTIFACTS", "test-artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    # Generous: a cold first request on a busy 2-core machine can take several seconds.
    context.set_default_timeout(30_000)
    # The live server's first request loads templates, translations and URL patterns: let it
    # take its time once, outside the journey's own timeouts.
    context.request.get(live_server.url + "/", timeout=90_000)
    page = context.new_page()
    # A script or style the Content Security Policy blocks is a broken page for a person.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not blocked, f"Blocked by the Content Security Policy: {blocked}"


@pytest.fixture
def screenshot(page, request):
    folder = ARTIFACTS / "screenshots" / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    counter = {"n": 0}

    def take(name):
        counter["n"] += 1
        path = folder / f"{counter['n']:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def signed_in():
    from accounts.testing import PASSWORD

    def sign_in(page, user):
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.email)
        page.fill("input[name=password]", PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/$"))

    return sign_in
