"""Issue 9 through the real page: an analyst drops an SCB PxWeb export (a title line, years as
columns), makes the one choice (the indicator), reads how the file is read and what was skipped,
saves it and saves the choices as a profile; next quarter's export (one more year) is then read
with the proposed profile in one click and saved."""
from __future__ import annotations

import re

import pytest

from tests.browser.test_upload_browser import log_in, open_page, server_home, shot  # noqa: F401 - fixture
from tests.app.test_upload_choices import INDICATOR, NAME, pxweb

pytestmark = pytest.mark.browser

DROP = "[data-testid='stFileUploaderDropzoneInput']"


def drop(page, name: str, data: bytes) -> None:
    page.locator(DROP).set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": data}])


def test_an_export_goes_in_with_one_choice_and_next_quarter_with_the_proposed_profile(app_url, page):
    page.goto(app_url)
    page.get_by_test_id("stSidebar").get_by_text("Språk").wait_for()
    open_page(page, "Ladda upp")
    page.get_by_text("Logga in i sidomenyn").wait_for()
    log_in(page, "fyra ord som ingen gissar")
    page.get_by_role("button", name="Logga ut").wait_for()

    drop(page, "scb_fridskrankningar.csv", pxweb([2021, 2022, 2023]))
    page.get_by_text("Filen har ingen indikatorkolumn").wait_for()
    page.get_by_text(f"Rubrikrad överhoppad: ”{NAME} efter region och år”").wait_for()
    page.get_by_text("Område: kolumnen ”region”").wait_for()
    shot(page, "profile-0-dropped")

    page.get_by_role("combobox", name="Indikator för alla rader").click()    # the one choice
    page.get_by_role("option", name=NAME).click()
    page.get_by_text(f"Indikator: {NAME} ({INDICATOR}) (valt)").wait_for()
    page.get_by_text("Period: 3 kolumner, ”2021”, ”2022”, ”2023”").wait_for()
    page.get_by_text(re.compile("rader med områden som inte finns i katalogen hoppades över: Totalt")).wait_for()
    shot(page, "profile-1-chosen")
    page.get_by_role("button", name="Spara scb_fridskrankningar.csv").click()
    page.get_by_text(re.compile(r"Sparad som inläsning #\d+ \(scb_fridskrankningar.csv\): 9 nya")).wait_for()

    page.get_by_role("textbox", name="Spara valen som importprofil").fill("SCB fridskränkningar")
    page.get_by_role("button", name="Spara profilen").click()
    page.get_by_text("Valen är sparade som profilen ”SCB fridskränkningar”").wait_for()

    drop(page, "scb_fridskrankningar_2024.csv", pxweb([2021, 2022, 2023, 2024]))
    page.get_by_text("Profilen ”SCB fridskränkningar” passar den här filen").wait_for()
    shot(page, "profile-2-proposed")
    page.get_by_role("button", name="Använd profilen SCB fridskränkningar").click()   # one step
    page.get_by_text("Läses med profilen ”SCB fridskränkningar”").wait_for()
    page.get_by_role("button", name="Spara scb_fridskrankningar_2024.csv").click()
    page.get_by_text(re.compile(r"Sparad som inläsning #\d+ \(scb_fridskrankningar_2024.csv\): 3 nya")).wait_for()
    assert "Traceback" not in page.content()
