"""The analyst's journey in a real browser: log in with a local account made by the CLI, upload a
cp1252 ';' file through the real file input, confirm, see the value on the focus-area page, undo."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.browser.conftest import PLOT_TIMEOUT_MS, REPO

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "anna.andersson", "fyra ord som ingen gissar"
INDICATOR, VALUE, SHOWN = "vald_nara_relation", "444,4", "444,4"
SHOTS = os.environ.get("UPLOAD_SCREENSHOTS")   # a folder: save screenshots of each step there


def home_with_analyst(built_store, tmp_path):
    """A private copy of the built store with one analyst account, created the way the README says."""
    target = tmp_path / "server-home"
    shutil.copytree(built_store, target)
    env = {**os.environ, "INDICATORS_HOME": str(target)}
    env.pop("INDICATORS_ACCOUNTS", None)
    done = subprocess.run(
        [sys.executable, "-m", "indicators", "user", "add", USERNAME, "--name", "Anna Andersson",
         "--role", "analyst", "--password-stdin"],
        input=PASSWORD + "\n", text=True, capture_output=True, cwd=REPO, env=env)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture
def server_home(built_store, tmp_path):
    return home_with_analyst(built_store, tmp_path)


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def excel_file() -> bytes:
    rows = ["indikator;område;period;värde", f"{INDICATOR};Eskilstuna kommun;2026;{VALUE}",
            f"{INDICATOR};Fröslunda;2026;..", f"{INDICATOR};Årby;2026;12,5"]
    return ("\r\n".join(rows) + "\r\n").encode("cp1252")


def log_in(page, password: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    if not sidebar.get_by_label("Användarnamn").is_visible():
        sidebar.get_by_test_id("stExpander").locator("summary").click()
    sidebar.get_by_label("Användarnamn").fill(USERNAME)
    sidebar.get_by_label("Lösenord", exact=True).fill(password)
    sidebar.get_by_role("button", name="Logga in").click()


def open_page(page, title: str) -> None:
    """Through the sidebar navigation, as a person would (one session: a local login lives in it)."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=title, exact=True).click()


def logged_in_on_upload(page, app_url: str) -> None:
    """Opens the dashboard, goes to Ladda upp through the menu and logs in as the analyst."""
    page.goto(app_url)
    page.get_by_test_id("stSidebar").get_by_text("Språk").wait_for()
    open_page(page, "Ladda upp")
    page.get_by_text("Logga in i sidomenyn").wait_for()
    log_in(page, PASSWORD)
    page.get_by_role("button", name="Logga ut").wait_for()


def test_an_analyst_logs_in_uploads_sees_the_value_and_undoes_it(app_url, page):
    page.goto(app_url)
    page.get_by_test_id("stSidebar").get_by_text("Språk").wait_for()   # the frame has run
    open_page(page, "Ladda upp")
    page.get_by_text("Logga in i sidomenyn").wait_for()
    shot(page, "0-anonymous")
    assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0

    log_in(page, "fel lösenord igen")
    page.get_by_text("Fel användarnamn eller lösenord.").wait_for()
    log_in(page, PASSWORD)
    page.get_by_text("Anna Andersson (anna.andersson)").wait_for()
    page.get_by_role("button", name="Logga ut").wait_for()

    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "våld i nära relation.csv", "mimeType": "text/csv", "buffer": excel_file()}])
    save = page.get_by_role("button", name=re.compile("Spara våld i nära relation.csv"))
    save.wait_for()
    page.get_by_text("Filen är godkänd").wait_for()
    shot(page, "1-preview")
    save.click()
    page.get_by_text(re.compile("Sparad som inläsning #\\d+")).wait_for()
    shot(page, "2-saved")

    open_page(page, "Skjutningar och grovt våld")
    page.wait_for_selector(".js-plotly-plot", timeout=PLOT_TIMEOUT_MS)
    heading = page.get_by_role("heading", name=re.compile("grova frids- och kvinnofridskränkningar"))
    heading.wait_for()
    page.wait_for_function(f"document.body.innerText.includes('{SHOWN}') || "
                           f"[...document.querySelectorAll('svg text')].some(t => t.textContent.includes('{SHOWN}'))",
                           timeout=PLOT_TIMEOUT_MS)
    heading.scroll_into_view_if_needed()
    shot(page, "3-focus")

    open_page(page, "Ladda upp")
    page.get_by_text("Anna Andersson (anna.andersson)").wait_for()   # still logged in (same session)
    page.get_by_role("tab", name="Historik och ångra").click()
    page.get_by_role("button", name=re.compile("Ångra inläsning #\\d+")).click()
    page.get_by_text(re.compile("Vill du ångra inläsning")).wait_for()
    shot(page, "4-undo-question")
    page.get_by_role("button", name=re.compile("Ja, ångra #\\d+")).click()
    page.get_by_text(re.compile("är ångrad")).wait_for()
    page.get_by_role("button", name=re.compile("Ja, ångra")).wait_for(state="detached")
    page.get_by_text("Den här inläsningen är redan ångrad.").wait_for()
    shot(page, "5-undone")
    assert "Traceback" not in page.content()
