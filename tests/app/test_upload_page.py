"""AppTests of Ladda upp: who sees the uploader, preview → confirm → the overview shows the value,
a rejected file shows every line and cannot be saved, undo, limits, two analysts at once, login."""
from __future__ import annotations


import pytest
from streamlit.testing.v1 import AppTest

from indicators.access import accounts, throttle as login_throttle
from indicators import config, store
from indicators.access.accounts import Account

from .conftest import shown

PAGE = str(config.REPO_DIR / "app_pages" / "upload.py")
OVERVIEW = str(config.REPO_DIR / "app_pages" / "overview.py")
PASSWORD = "ett långt lösenord 42"


@pytest.fixture(autouse=True)
def no_failed_logins(home):
    """Each test has its own store (caches are emptied by the conftest) and no failed logins: the
    login throttle is process-global."""
    login_throttle.reset_all()


@pytest.fixture
def analyst(home) -> Account:
    return accounts.add_user(None, "anna", "Anna Andersson", "analyst", PASSWORD)


@pytest.fixture
def viewer(home, analyst) -> Account:
    return accounts.add_user(None, "vera", "Vera Viewer", "viewer", PASSWORD)


def page(account: Account | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    if account is not None:
        at.session_state["login_account"] = account
    return at.run()


def excel_sv(*rows: str) -> bytes:
    """What Excel with Swedish settings saves as 'CSV (semikolonavgränsad)': cp1252, ';', CRLF."""
    return ("indikator;område;period;värde\r\n" + "".join(r + "\r\n" for r in rows)).encode("cp1252")


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files])
    return at.run()


def texts(elements) -> list[str]:
    """Each element's text as a reader sees it (data text is backslash-escaped Markdown)."""
    return [shown(str(e.value)) for e in elements]


def button(at: AppTest, label_start: str):
    return next(b for b in at.button if shown(b.label).startswith(label_start))


def has_button(at: AppTest, label_start: str) -> bool:
    return any(shown(b.label).startswith(label_start) for b in at.button)


def value_now(home, indicator="skjutningar", area="eskilstuna", period="2027-01"):
    rows = store.connect(home).execute(
        "SELECT value FROM observations WHERE indicator_id = ? AND area_id = ? AND period = ?",
        [indicator, area, period]).fetchall()
    return rows[0][0] if rows else None


# --- who sees what ---------------------------------------------------------------------------------

def test_without_any_account_the_page_says_how_to_create_one_and_shows_no_uploader(home):
    at = page()
    assert not at.exception
    assert not at.file_uploader
    assert "python -m indicators user add" in at.code[0].value
    assert not has_button(at, "Ångra")


def test_an_anonymous_visitor_sees_no_uploader_and_cannot_reach_undo(analyst):
    at = page()
    assert not at.exception
    assert not at.file_uploader and not at.tabs
    assert any("Logga in" in text for text in texts(at.info))
    assert not has_button(at, "Ångra") and not at.get("download_button")


def test_a_viewer_sees_no_uploader_and_cannot_reach_undo(viewer, home):
    store.ingest(excel_sv("skjutningar;Årby;2027-01;2"), "a.csv", by="A", home=home)
    at = page(viewer)
    assert not at.exception
    assert not at.file_uploader and not at.tabs
    assert any("Vera Viewer (vera)" in text for text in texts(at.warning))
    assert not has_button(at, "Ångra") and not at.get("download_button")


def test_a_removed_account_loses_access_at_the_next_run(analyst):
    at = page(analyst)
    assert at.file_uploader
    accounts.remove_user(None, "anna")
    at.run()
    assert not at.file_uploader


# --- upload, preview, confirm ---------------------------------------------------------------------

def test_an_analyst_uploads_a_swedish_excel_file_sees_the_summary_confirms_and_the_overview_shows_it(
        analyst, home):
    at = page(analyst)
    data = excel_sv("skjutningar;Eskilstuna kommun;2027-01;987", "skjutningar;Fröslunda;2027-01;12",
                    "skjutningar;ÅRBY;2027-01;..")
    at = upload(at, ("skjutningar mars.csv", data))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Rader": "3", "Indikatorer": "1", "Områden": "3", "Perioder": "1",
                       "Nya värden": "3", "Ändrade värden": "0"}
    assert any("Bekräftade skjutningar" in text and "Fröslunda" in text for text in texts(at.markdown))
    assert value_now(home) is None                       # nothing saved before the confirmation
    button(at, "Spara skjutningar mars.csv").click().run()
    assert not at.exception
    assert any("Sparad som inläsning" in text and "3 nya" in text for text in texts(at.success))
    assert value_now(home) == 987.0
    saved = store.uploads(store.connect(home))[0]
    assert (saved.loaded_by, saved.file_name) == ("Anna Andersson (anna)", "skjutningar mars.csv")

    overview = AppTest.from_file(OVERVIEW, default_timeout=60).run()
    assert not overview.exception
    frames = [d.value for d in overview.dataframe]
    shown = [frame.astype(str).apply(" ".join, axis=1).tolist() for frame in frames]
    assert any("Bekräftade skjutningar" in row and "987" in row for rows in shown for row in rows)


def test_a_revision_shows_old_and_new_before_saving(analyst, home):
    store.ingest(excel_sv("skjutningar;Eskilstuna kommun;2027-01;10"), "first.csv", by="A", home=home)
    at = upload(page(analyst), ("second.csv", excel_sv("skjutningar;Eskilstuna kommun;2027-01;11")))
    assert {m.label: m.value for m in at.metric}["Ändrade värden"] == "1"
    table = at.dataframe[0].value
    assert table.iloc[0][["Gammalt värde", "Nytt värde"]].tolist() == ["10", "11"]


def test_a_file_with_errors_shows_each_line_and_cannot_be_saved(analyst, home):
    data = excel_sv("skjutningar;Froslundaa;2027-01;3", "skjutningar;Årby;2027-01;tolv",
                    "skjutningar;Årby;2027-Q1;2", "skjutningar;Skiftinge;2027-01;-1")
    at = upload(page(analyst), ("fel.csv", data))
    assert not at.exception
    assert any("4 problem" in text for text in texts(at.error))
    table = at.dataframe[0].value
    assert table["Rad"].tolist() == [2, 3, 4, 5]
    assert table["Kolumn"].tolist() == ["område", "värde", "period", "värde"]
    assert table.iloc[0]["Närmaste giltiga värde"] == "Fröslunda"
    assert not has_button(at, "Spara")
    assert at.get("download_button")                      # the problem list can be downloaded
    assert len(store.uploads(store.connect(home))) == 4   # still only the reference and demo files


def test_several_files_at_once_each_get_their_own_preview(analyst, home):
    at = upload(page(analyst), ("bra.csv", excel_sv("skjutningar;Årby;2027-01;2")),
                ("dålig.csv", excel_sv("skjutningar;Narnia;2027-01;2")))
    assert has_button(at, "Spara bra.csv") and not has_button(at, "Spara dålig.csv")
    assert len(at.error) == 1


def test_a_path_like_file_name_is_saved_under_its_own_name_inside_the_store(analyst, home):
    at = upload(page(analyst), ("../../x.csv", excel_sv("skjutningar;Årby;2027-01;2")))
    button(at, "Spara x.csv").click().run()
    assert not at.exception
    assert store.uploads(store.connect(home))[0].file_name == "x.csv"
    assert not (home.parent.parent / "x.csv").exists()
    assert all(p.resolve().is_relative_to(home.resolve()) for p in (home / "archive").rglob("*"))


def test_a_file_over_the_size_limit_gets_one_clear_message(analyst, monkeypatch):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_MB", "1")
    big = excel_sv(*["skjutningar;Årby;2027-01;2"] * 40_000)
    at = upload(page(analyst), ("stor.csv", big))
    assert any("största tillåtna storlek är 1,0 MB" in text for text in at.dataframe[0].value.iloc[:, 2])
    assert not has_button(at, "Spara")
    assert any("Högst 1 MB" in text for text in texts(at.caption))


def test_a_file_with_too_many_rows_gets_one_clear_message(analyst, monkeypatch):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_ROWS", "2")
    at = upload(page(analyst), ("lång.csv", excel_sv("skjutningar;Årby;2027-01;2",
                                                       "skjutningar;Årby;2027-02;2",
                                                       "skjutningar;Årby;2027-03;2")))
    problems = at.dataframe[0].value
    assert len(problems) == 1 and "högst 2 rader" in problems.iloc[0, 2]
    assert not has_button(at, "Spara")


def test_when_another_analyst_saves_meanwhile_both_land_and_the_analyst_is_told(analyst, home):
    at = upload(page(analyst), ("mina.csv", excel_sv("skjutningar;Årby;2027-01;2",
                                                      "skjutningar;Skiftinge;2027-01;4")))
    other = store.ingest(excel_sv("skjutningar;Årby;2027-01;3"), "bos.csv", by="Bo Berg (bo)", home=home)
    button(at, "Spara mina.csv").click().run()
    assert not at.exception
    warning = " ".join(texts(at.warning)) + " ".join(texts(at.markdown))
    assert "någon annan" in warning and f"#{other.upload_id} av Bo Berg (bo)" in warning
    assert "1 av dem" in warning
    assert value_now(home, area="arby") == 2.0             # saved last, so ours is current
    assert [u.status for u in store.uploads(store.connect(home))[:2]] == ["active", "active"]


# --- history and undo -------------------------------------------------------------------------------

def test_undo_asks_first_says_what_changes_and_restores_the_earlier_value(analyst, home):
    store.ingest(excel_sv("skjutningar;Eskilstuna kommun;2027-01;10"), "first.csv", by="A", home=home)
    at = upload(page(analyst), ("rättelse.csv", excel_sv("skjutningar;Eskilstuna kommun;2027-01;12")))
    button(at, "Spara").click().run()
    assert value_now(home) == 12.0
    newest = store.uploads(store.connect(home))[0].upload_id
    assert next(s for s in at.selectbox if s.label == "Välj en inläsning").value == newest
    button(at, f"Ångra inläsning #{newest}").click().run()
    assert value_now(home) == 12.0                          # asking is not undoing
    question = " ".join(texts(at.warning))
    assert f"ångra inläsning #{newest}" in question and "1 värden går tillbaka" in question
    button(at, f"Ja, ångra #{newest}").click().run()
    assert not at.exception
    assert value_now(home) == 10.0
    assert any("är ångrad" in text for text in texts(at.success))
    history = at.dataframe[-1].value if at.dataframe else None
    assert history is not None and history.iloc[0]["Status"].startswith("ångrad")


def test_undo_can_be_cancelled(analyst, home):
    first = store.ingest(excel_sv("skjutningar;Årby;2027-01;2"), "a.csv", by="A", home=home)
    at = page(analyst)
    button(at, f"Ångra inläsning #{first.upload_id}").click().run()
    button(at, "Avbryt").click().run()
    assert value_now(home, area="arby") == 2.0
    assert has_button(at, "Ångra inläsning")


def test_the_history_offers_the_archived_original_and_the_raw_history(analyst, home):
    store.ingest(excel_sv("skjutningar;Årby;2027-01;2"), "a.csv", by="A", home=home)
    at = page(analyst)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Ladda ner originalfilen" in labels and "Ladda ner hela historiken (CSV)" in labels
    assert "Ladda ner mallen (CSV för Excel)" in labels


# --- login -----------------------------------------------------------------------------------------

LOGIN_SCRIPT = """
import streamlit as st
from indicators import web
with st.sidebar:
    web.login_box()
"""


def login(at: AppTest, username: str, password: str) -> AppTest:
    at.sidebar.text_input(key="login_username").input(username)
    at.sidebar.text_input(key="login_password").input(password)
    next(b for b in at.sidebar.button if b.label == "Logga in").click()
    return at.run()


def test_a_local_login_records_the_account_and_shows_logout(analyst):
    at = login(AppTest.from_string(LOGIN_SCRIPT, default_timeout=60).run(), "anna", PASSWORD)
    assert not at.exception
    assert at.session_state["login_account"].username == "anna"
    assert any("Anna Andersson (anna)" in text for text in texts(at.sidebar.caption))
    assert at.session_state["login_password"] == ""        # the password is not kept
    next(b for b in at.sidebar.button if b.label == "Logga ut").click().run()
    assert "login_account" not in at.session_state


@pytest.mark.parametrize("username, password", [("anna", "fel lösenord 123"), ("anna", ""),
                                                ("okänd", PASSWORD), ("../../etc/passwd", "x")])
def test_a_wrong_or_empty_password_or_unknown_user_gets_one_message_and_no_login(analyst, username, password):
    at = login(AppTest.from_string(LOGIN_SCRIPT, default_timeout=60).run(), username, password)
    assert not at.exception
    assert "login_account" not in at.session_state
    assert texts(at.sidebar.error) == ["Fel användarnamn eller lösenord."]


def test_repeated_failures_make_the_session_wait(analyst):
    at = AppTest.from_string(LOGIN_SCRIPT, default_timeout=60).run()
    for _ in range(login_throttle.FREE_ATTEMPTS):
        at = login(at, "anna", "fel lösenord 123")
    at = login(at, "anna", PASSWORD)                      # even the right password waits now
    assert "login_account" not in at.session_state
    assert any("Vänta" in text for text in texts(at.sidebar.error))


# --- Excel workbooks, OpenID Connect, login required for browsing -----------------------------------

def test_an_xlsx_workbook_is_previewed_and_saved_like_a_csv(analyst, home):
    import io

    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["indikator", "område", "period", "värde"])
    sheet.append(["skjutningar", "Eskilstuna kommun", "2027-01", 21])
    sheet.append(["skjutningar", "Skiftinge", "2027-01", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    at = page(analyst)
    at.file_uploader[0].set_value(("mars.xlsx", buffer.getvalue(),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    assert {m.label: m.value for m in at.metric}["Nya värden"] == "2"
    button(at, "Spara mars.xlsx").click().run()
    assert value_now(home) == 21.0
    assert archive_suffix(home) == ".xlsx"


def archive_suffix(home) -> str:
    from indicators.store import archive
    return archive.original(home, store.uploads(store.connect(home))[0].upload_id).suffix


OIDC_SECRETS = """
[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
cookie_secret = "test-secret-test-secret-test-secret"
client_id = "id"
client_secret = "secret"
server_metadata_url = "https://login.example/v2.0/.well-known/openid-configuration"
"""


def test_with_openid_connect_the_page_asks_for_the_oidc_login_and_shows_no_uploader(home, tmp_path,
                                                                                   monkeypatch):
    from indicators.access import oidc as auth_config
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(OIDC_SECRETS, encoding="utf-8")
    monkeypatch.setattr(auth_config, "default_secrets_path", lambda: secrets)
    at = page()
    assert not at.exception and not at.file_uploader
    assert any("knappen i sidomenyn" in text for text in texts(at.info))
    box = AppTest.from_string(LOGIN_SCRIPT, default_timeout=60).run()
    assert [b.label for b in box.sidebar.button] == ["Logga in"]
    assert not box.sidebar.text_input                       # no password form under OIDC


def test_when_browsing_requires_login_a_visitor_sees_only_the_login(analyst, monkeypatch):
    monkeypatch.setenv("INDICATORS_REQUIRE_LOGIN", "ja")
    script = LOGIN_SCRIPT + "web.require_login_for_browsing()\nst.write('secret page')\n"
    at = AppTest.from_string(script, default_timeout=60).run()
    assert any("Logga in i sidomenyn" in text for text in texts(at.info))
    assert "secret page" not in texts(at.markdown)
    at = login(at, "anna", PASSWORD)
    assert "secret page" in texts(at.markdown)


# --- download links of raw history and originals (issue 10, item 11) -----------------------------

FRAME_SCRIPT = LOGIN_SCRIPT + "web.upload_page()\n"
ANALYST_DOWNLOADS = {"Ladda ner originalfilen", "Ladda ner hela historiken (CSV)"}


def download_labels(at: AppTest) -> set[str]:
    return {b.proto.label for b in at.get("download_button")}


def test_raw_history_and_originals_are_offered_only_while_an_analyst_is_logged_in(analyst, viewer, home):
    store.ingest(excel_sv("skjutningar;Årby;2027-01;2"), "a.csv", by="A", home=home)
    at = login(AppTest.from_string(FRAME_SCRIPT, default_timeout=60).run(), "anna", PASSWORD)
    assert ANALYST_DOWNLOADS <= download_labels(at)
    assert at.session_state["login_analyst_downloads"] is True
    next(b for b in at.sidebar.button if b.label == "Logga ut").click().run()
    assert not at.exception
    assert not download_labels(at) & ANALYST_DOWNLOADS
    assert "login_analyst_downloads" not in at.session_state    # withdrawn (the run started again)

    at = login(at, "vera", PASSWORD)                                 # a viewer never gets them
    assert not download_labels(at) & ANALYST_DOWNLOADS


def test_an_analyst_removed_on_the_server_loses_the_links_at_the_next_run(analyst, home):
    store.ingest(excel_sv("skjutningar;Årby;2027-01;2"), "a.csv", by="A", home=home)
    at = login(AppTest.from_string(FRAME_SCRIPT, default_timeout=60).run(), "anna", PASSWORD)
    assert ANALYST_DOWNLOADS <= download_labels(at)
    accounts.remove_user(None, "anna")
    at.run()
    assert not download_labels(at) & ANALYST_DOWNLOADS
    assert "login_analyst_downloads" not in at.session_state


def test_an_analyst_uploads_a_measures_file_in_swedish_excel_dialect_and_saves_it(analyst, home):
    data = ("åtgärd;fokusområde;titel;ansvarig;start;slut;status;uppföljning\r\n"
            "FA3-01;Trygga det offentliga rummet;Belysning i Fröslunda centrum;kommun;2025-01;2025-12;pågår;2025-T3\r\n"
            ).encode("cp1252")
    at = upload(page(analyst), ("åtgärder.csv", data))
    assert not at.exception
    button(at, "Spara åtgärder.csv").click().run()
    assert not at.exception
    with store.connect(home) as con:
        assert con.execute("SELECT measure_id, status FROM measures WHERE NOT is_demo").fetchall() == [
            ("FA3-01", "ongoing")]
