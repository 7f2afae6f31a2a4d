"""A shared link is the first thing a fresh server sees: it must open that page, in that language,
without Streamlit's "Page not found" dialog (which a folder named pages/ beside app.py triggers:
the screens live in app_pages/, see indicators/web/launcher.py)."""
import pytest

pytestmark = pytest.mark.browser


def test_the_first_visit_to_a_fresh_server_through_a_deep_link_opens_that_page(app_url, page):
    page.goto(f"{app_url}/polisens-lista?lang=en")
    page.get_by_role("heading", name="Areas on the police list").wait_for()
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.get_by_text("Page not found").count() == 0
    assert "lang=en" in page.url and "/polisens-lista" in page.url


def test_the_language_switch_turns_the_page_english_and_the_link_keeps_it(app_url, page):
    page.goto(f"{app_url}/polisens-lista")
    page.get_by_role("heading", name="Områden på polisens lista").wait_for()
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Areas on the police list").wait_for()
    page.wait_for_url(lambda url: "lang=en" in url)
    assert "/polisens-lista" in page.url


@pytest.mark.parametrize("lang, heading", [("sv", "Målet för samverkansöverenskommelsen 2024–2027"),
                                           ("en", "The goal of the collaboration agreement 2024–2027")])
def test_the_overview_opens_at_its_own_path_too(app_url, page, lang, heading):
    """The overview is the default page (at /), and /oversikt, the path the docs name, opens it."""
    page.goto(f"{app_url}/oversikt?lang={lang}")
    page.get_by_role("heading", name=heading).first.wait_for()
    assert page.get_by_text("Page not found").count() == 0
