"""Ladda upp with statistical-database exports (issue 9): a PxWeb CSV with a title line and years as
columns goes in with one choice (the indicator), the page says how it is read and what it skipped,
the choices are saved as an import profile, and next quarter's file loads with the proposed
profile in one click; the suggestions that make a Brå-style file one choice; the sheet choice of a
workbook; a profile that no longer fits; a bug shows a reference, not a traceback."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators import config, store
from indicators.access import accounts, throttle as login_throttle
from indicators.store import archive, profiles

from .conftest import shown

PAGE = str(config.REPO_DIR / "app_pages" / "upload.py")
PASSWORD = "ett långt lösenord 42"
INDICATOR = "vald_nara_relation"          # per 100 000 inv., year: in every catalog of the project
NAME = "Anmälda grova frids- och kvinnofridskränkningar per 100 000 invånare"
REALWORLD = Path("/work/shared/realworld")


@pytest.fixture(autouse=True)
def no_failed_logins(home):
    """Each test has its own store (caches are emptied by the conftest) and no failed logins: the
    login throttle is process-global."""
    login_throttle.reset_all()


@pytest.fixture
def analyst(home):
    return accounts.add_user(None, "anna", "Anna Andersson", "analyst", PASSWORD)


def page(account) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.session_state["login_account"] = account
    return at.run()


def texts(elements) -> str:
    return "\n".join(shown(str(e.value)) for e in elements)


def labelled(widgets, label: str):
    return next(w for w in widgets if shown(w.label) == label)


def button(at, start: str):
    return next(b for b in at.button if shown(b.label).startswith(start))


def has_button(at, start: str) -> bool:
    return any(shown(b.label).startswith(start) for b in at.button)


def drop(at, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at.file_uploader[0].set_value([(name, data, mime)])
    return at.run()


def pxweb(years: list[int]) -> bytes:
    """SCB's "Kommaavgränsad med rubrik": a title line, a blank line, `region` + one column per
    year, quoted texts, Windows-1252, CRLF; a `Totalt` row the catalog does not have."""
    rows = {"Eskilstuna kommun": 400, "Fröslunda": 700, "Årby": 650, "Totalt": 380}
    lines = [f'"{NAME} efter region och år"', "",
             ",".join(['"region"'] + [f'"{y}"' for y in years])]
    lines += [",".join([f'"{area}"'] + [str(base + y - 2020) for y in years])
              for area, base in rows.items()]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def value(home, area: str, period: str, indicator: str = INDICATOR):
    rows = store.connect(home).execute(
        "SELECT value FROM observations WHERE indicator_id = ? AND area_id = ? AND period = ?"
        " AND NOT is_demo", [indicator, area, period]).fetchall()
    return rows[0][0] if rows else None


# --- the journey of issue 9 -------------------------------------------------------------------------

def test_a_pxweb_export_goes_in_with_one_choice_and_next_quarter_with_the_proposed_profile(analyst, home):
    at = drop(page(analyst), "scb_fridskrankningar.csv", pxweb([2021, 2022, 2023]))
    assert not at.exception
    assert "ingen indikatorkolumn" in texts(at.info)
    reading = texts(at.markdown)
    assert "Område: kolumnen ”region”" in reading
    assert f"Rubrikrad överhoppad: ”{NAME} efter region och år”" in reading
    assert not has_button(at, "Spara")

    labelled(at.selectbox, "Indikator för alla rader").set_value(INDICATOR).run()     # the one choice
    assert not at.exception
    reading = texts(at.markdown)
    assert f"Indikator: {NAME} ({INDICATOR}) (valt)" in reading
    assert "Period: 3 kolumner, ”2021”, ”2022”, ”2023”" in reading
    assert "Rubrikrad överhoppad" in reading and "Totalt" in reading        # skipped, and said so
    assert {m.label: m.value for m in at.metric}["Nya värden"] == "9"
    button(at, "Spara scb_fridskrankningar.csv").click().run()
    assert not at.exception
    assert "Sparad som inläsning" in texts(at.success) and "9 nya" in texts(at.success)
    assert value(home, "froslunda", "2023") == 703
    upload_id = store.uploads(store.connect(home))[0].upload_id
    assert archive.entry(home, upload_id).options == {"indicator": INDICATOR, "only_known_areas": True}
    assert not at.file_uploader[0].value                      # saved: the uploader is empty again

    labelled(at.text_input, "Spara valen som importprofil").input("SCB fridskränkningar")
    button(at, "Spara profilen").click().run()
    assert "sparade som profilen ”SCB fridskränkningar”" in texts(at.success)
    saved = profiles.load(home)["SCB fridskränkningar"]
    assert saved.options.as_dict() == {"indicator": INDICATOR, "only_known_areas": True}

    at = drop(at, "scb_fridskrankningar_2024.csv", pxweb([2021, 2022, 2023, 2024]))
    assert "Profilen ”SCB fridskränkningar” passar den här filen" in texts(at.info)
    assert not has_button(at, "Spara scb")
    button(at, "Använd profilen SCB fridskränkningar").click().run()           # one step
    assert not at.exception
    assert "Läses med profilen ”SCB fridskränkningar”" in texts(at.caption)
    assert {m.label: m.value for m in at.metric}["Nya värden"] == "3"
    button(at, "Spara scb_fridskrankningar_2024.csv").click().run()
    assert value(home, "arby", "2024") == 654
    assert "Läst med profilen ”SCB fridskränkningar”" in texts(at.caption)    # nothing new to save


def test_a_yearly_file_with_two_value_columns_and_its_year_in_the_name_needs_one_choice(analyst, home):
    data = ("\ufeffKommun;Antal (prel.);Per 100 000 inv. (prel.)\r\n"
            "Eskilstuna kommun;15 840;14 512\r\nKatrineholm;4 310;12 780\r\nHela landet;1 489 319;14 080\r\n"
            ).encode("utf-8")
    at = drop(page(analyst), "bra_anmalda_kommunerna_2024.csv", data)
    labelled(at.selectbox, "Indikator för alla rader").set_value(INDICATOR).run()
    assert not at.exception
    said = texts(at.caption)
    assert "Perioden ”2024” hittades i filnamnet" in said
    assert "Värdekolumnen ”Per 100 000 inv. (prel.)” har indikatorns enhet" in said
    assert labelled(at.text_input, "Period för alla rader").value == "2024"
    assert labelled(at.checkbox, "Bara katalogens områden").value is True
    reading = texts(at.markdown)
    assert "Värde: kolumnen ”Per 100 000 inv. (prel.)”" in reading and "Period: 2024 (valt)" in reading
    assert "Katrineholm" in reading                                 # skipped and listed
    button(at, "Spara bra_anmalda_kommunerna_2024.csv").click().run()
    assert value(home, "eskilstuna", "2024") == 14512
    assert "Perioden sparas inte i profilen" in texts(at.caption)


def test_a_workbook_with_several_sheets_offers_the_sheet_choice(analyst, home):
    from tests.unit import excel_exports as export
    data = export.workbook({
        "Problemindex": [["Trygghetsmätning – problemindex"], ["Område", "2023", "2024"],
                         ["Fröslunda", 2.9, 2.7]],
        "Otrygghet": [["indikator", "område", "period", "värde"], [INDICATOR, "Årby", "2024", 321]]})
    at = drop(page(analyst), "trygghet.xlsx", data,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = labelled(at.selectbox, "Blad")
    assert sheet.options == ["Problemindex", "Otrygghet"] and sheet.value is None   # asked, not assumed
    shown_problems = texts(at.error) + " ".join(str(c) for d in at.dataframe for c in d.value.iloc[:, 2])
    assert "flera blad med data" in shown_problems
    assert not has_button(at, "Spara trygghet.xlsx")
    sheet.set_value("Otrygghet").run()                                       # the one choice
    assert not at.exception and not has_button(at, "Använd")
    button(at, "Spara trygghet.xlsx").click().run()
    assert value(home, "arby", "2024") == 321
    assert archive.entry(home, store.uploads(store.connect(home))[0].upload_id).options == {
        "sheet": "Otrygghet"}


def test_a_profile_that_no_longer_fits_says_which_columns_came_and_went(analyst, home):
    profiles.save("SCB", profiles.Options(indicator=INDICATOR), ["region", "2021", "2022"], home)
    changed = pxweb([2022, 2023]).replace(b'"region"', b'"kommun","kod"', 1).replace(
        b'"Eskilstuna kommun",', b'"Eskilstuna kommun","0484",')
    at = drop(page(analyst), "ny_layout.csv", changed)
    assert not any("passar den här filen" in text for text in texts(at.info).splitlines())
    labelled(at.selectbox, "Läs med en annan sparad profil").set_value("SCB").run()
    assert not at.exception
    warning = texts(at.warning)
    assert "Profilen ”SCB” passar inte längre filen" in warning
    assert "nya kolumner kommun, kod" in warning and "kolumner som saknas region" in warning


def test_a_bug_while_handling_a_file_shows_a_reference_and_logs_the_traceback(analyst, monkeypatch, caplog):
    from indicators.views import upload_preview

    def broken(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM /srv/indicators")

    monkeypatch.setattr(upload_preview, "preview", broken)
    with caplog.at_level(logging.ERROR, logger="indicators.web"):
        at = drop(page(analyst), "a.csv", b"indikator;omr\xe5de;period;v\xe4rde\r\n")
    assert not at.exception
    message = texts(at.error)
    reference = re.search(r"felreferens (\w+)", message).group(1)
    assert "secret" not in message and "Traceback" not in message
    assert any(reference in record.getMessage() and record.exc_info for record in caplog.records)


def test_a_file_name_with_markdown_is_shown_as_its_characters(analyst, home):
    name = "[klick](javascript:alert(1)) ![bild](x.png) **fet** $x$ :red[röd].csv"   # no "/": a path
    data = ("indikator;område;period;värde\r\n" f"{INDICATOR};Årby;2024;12\r\n").encode("cp1252")
    at = drop(page(analyst), name, data)
    labels = [s.value for s in at.subheader] + [b.label for b in at.button]
    assert any(name in shown(text) for text in labels)
    assert not any(re.search(r"(?<!\\)[\[\]*$]", text) for text in labels)
    button(at, "Spara").click().run()
    success = [s.value for s in at.success]
    assert any(name in shown(text) for text in success)
    assert not any(re.search(r"(?<!\\)[\[\]$]", text.replace("**", "")) for text in success)


# --- the real exports of ../shared/realworld (when the catalog has what they need) -------------------

REAL = [  # file, sheet, the one choice (indicator or None), indicator, area label -> (id, period, value)
    ("F01_bra_anmalda_brott_kommunerna_2024.csv", None, "anmalda_brott", "anmalda_brott",
     {"Eskilstuna": ("eskilstuna", "2024", 14512), "Hela landet": ("riket", "2024", 14080)}),
    ("F03_scb_folkmangd_kommaavgransad_med_rubrik.csv", None, "folkmangd", "folkmangd",
     {"0484 Eskilstuna": ("eskilstuna", "2022", 107918)}),
    ("F04_scb_folkmangd_0484.px", None, "folkmangd", "folkmangd",
     {"0484 Eskilstuna": ("eskilstuna", "2019", 106859)}),
    ("F05_kolada_v2_N07403_0484.json", None, None, "anmalda_valdsbrott",
     {"0484": ("eskilstuna", "2023", 1415.7)}),
    ("F08_bra_ntu2010_otrygghet_regionala_resultat.csv", None, "otrygghet_kvall", "otrygghet_kvall",
     {"Eskilstuna": ("eskilstuna", "2010", 14), "HELA RIKET": ("riket", "2010", 15)}),
    ("F10_trygghetsmatning_2024.xlsx", "Problemindex", "problemindex", "problemindex",  # two sheets: asked
     {"Fröslunda": ("froslunda", "2022", 2.9), "Eskilstuna totalt": ("eskilstuna", "2024", 1.5)}),
    ("F10_trygghetsmatning_2024.xlsx", "Otrygghet", None, "otrygghet_kvall",
     {"Fröslunda": ("froslunda", "2024", 31.0)}),
]


@pytest.mark.parametrize("file, sheet, choice, indicator, expected", REAL,
                         ids=[f"{r[0][:3]}{'-' + r[1] if r[1] else ''}{'-' + r[2] if r[2] else ''}" for r in REAL])
def test_each_real_export_goes_in_with_at_most_one_choice(analyst, home, file, sheet, choice,
                                                         indicator, expected):
    from indicators.catalog import load_catalog
    path = REALWORLD / file
    catalog = load_catalog()
    if not path.exists() or catalog.indicator(indicator) is None or not all(
            catalog.area_id_for(label) for label in expected):
        pytest.skip(f"needs {indicator} and the areas {list(expected)} in the catalog")
    at = drop(page(analyst), file, path.read_bytes())
    if sheet:
        labelled(at.selectbox, "Blad").set_value(sheet).run()
    if choice:
        labelled(at.selectbox, "Indikator för alla rader").set_value(choice).run()
    assert not at.exception
    assert not at.error, texts(at.error) + texts(at.dataframe[0].value.iloc[:, 2] if at.dataframe else [])
    button(at, f"Spara {file}").click().run()
    for area, period, expected_value in expected.values():
        assert value(home, area, period, indicator) == pytest.approx(expected_value)
