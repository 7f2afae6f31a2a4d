"""The frame (app.py with st.navigation) runs every page in both languages, switching page by page
in one session, as a visitor clicking through the sidebar does."""
import pytest
from streamlit.testing.v1 import AppTest

from .conftest import FOCUS_PAGES, PAGES, REPO


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_runs_inside_the_frame(home, lang):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for name, charts in PAGES.items():
        at.switch_page(f"app_pages/{name}.py").run()
        assert not at.exception, (name, [e.value for e in at.exception])
        assert len(at.get("plotly_chart")) == charts, name
    at.switch_page("app_pages/focus.py").run()   # the first focus area's page (all share the script)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("plotly_chart")) == FOCUS_PAGES["skjutningar_grovt_vald"]


def test_the_language_switch_offers_every_language_named_in_itself_and_switches(home):
    from indicators import i18n
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    switch = at.radio(key="language_switch")
    assert list(switch.options) == [i18n.t("app.language_name", code) for code in i18n.LANGS]
    assert list(switch.options) == ["Svenska", "English"]
    switch.set_value("en").run()
    assert not at.exception
    assert at.title[0].value == i18n.t("app.title", "en")
    assert at.query_params["lang"] in ("en", ["en"])


def test_the_menu_names_each_page_once(home):
    """The overview also answers at /oversikt (a hidden twin of the default page): not a second entry."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels.count("Översikt") == 1, labels
