"""Every real export layout in ../shared/realworld/ loads with at most the options its README shows
and stores the values the README gives (through the command line, into a real store)."""
from pathlib import Path

import pytest

from indicators import store
from indicators.cli import main

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"  # shared/ beside the clone

CASES = [
    ("F01_bra_anmalda_brott_kommunerna_2024.csv",
     ["--indicator", "anmalda_brott", "--period", "2024", "--value-column", "Per 100 000 inv. (prel.)",
      "--only-known-areas"],
     {("anmalda_brott", "eskilstuna", "2024"): 14512.0, ("anmalda_brott", "riket", "2024"): 14080.0}),
    ("F03_scb_folkmangd_kommaavgransad_med_rubrik.csv", ["--indicator", "folkmangd"],
     {("folkmangd", "eskilstuna", "2019"): 106859.0, ("folkmangd", "eskilstuna", "2020"): 106975.0,
      ("folkmangd", "eskilstuna", "2021"): 107593.0, ("folkmangd", "eskilstuna", "2022"): 107918.0}),
    ("F04_scb_folkmangd_0484.px", ["--indicator", "folkmangd"],
     {("folkmangd", "eskilstuna", "2019"): 106859.0, ("folkmangd", "eskilstuna", "2022"): 107918.0,
      ("folkmangd", "eskilstuna", "2023"): None}),
    ("F05_kolada_v2_N07403_0484.json", [],
     {("anmalda_valdsbrott", "eskilstuna", "2022"): 1480.2, ("anmalda_valdsbrott", "eskilstuna", "2023"): 1415.7,
      ("anmalda_valdsbrott", "eskilstuna", "2024"): None}),
    ("F08_bra_ntu2010_otrygghet_regionala_resultat.csv",
     ["--indicator", "otrygghet_kvall", "--period", "2010", "--value-column", "Otrygghet vid utevistelse sen kväll",
      "--only-known-areas"],
     {("otrygghet_kvall", "eskilstuna", "2010"): 14.0, ("otrygghet_kvall", "riket", "2010"): 15.0,
      ("otrygghet_kvall", "sodermanland", "2010"): 15.0}),
    ("F10_trygghetsmatning_2024.xlsx", ["--sheet", "Problemindex", "--indicator", "problemindex"],
     {("problemindex", "froslunda", "2022"): 2.9, ("problemindex", "lagersberg", "2024"): 2.0,
      ("problemindex", "eskilstuna", "2024"): 1.5}),
    ("F10_trygghetsmatning_2024.xlsx", ["--sheet", "Otrygghet"],
     {("otrygghet_kvall", "froslunda", "2024"): 31.0}),
]


@pytest.mark.parametrize("name, options, expected", CASES, ids=[f"{c[0][:3]}-{i}" for i, c in enumerate(CASES)])
def test_a_real_export_loads_as_exported_and_stores_the_values_its_source_meant(home, name, options, expected):
    path = REALWORLD / name
    assert main(["check", str(path), *options]) == 0
    assert main(["ingest", str(path), *options, "--by", "test"]) == 0
    with store.connect(home) as con:
        upload = con.execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0]
        for (indicator, area, period), value in expected.items():
            rows = con.execute("SELECT value FROM revisions WHERE upload_id = ? AND indicator_id = ? AND area_id = ?"
                               " AND period = ?", [upload, indicator, area, period]).fetchall()
            assert rows == [(value,)], (indicator, area, period)


def test_the_kolada_file_finds_its_indicator_by_the_kpi_code_alone(home, capsys):
    assert main(["check", str(REALWORLD / "F05_kolada_v2_N07403_0484.json")]) == 0


def test_an_export_without_its_one_choice_says_which_choice_is_needed(home, capsys):
    assert main(["check", str(REALWORLD / "F03_scb_folkmangd_kommaavgransad_med_rubrik.csv")]) == 1
    assert "--indicator" in capsys.readouterr().err


def test_an_export_missing_several_choices_names_them_all_at_once_with_the_period_of_its_name(home, capsys):
    path = str(REALWORLD / "F01_bra_anmalda_brott_kommunerna_2024.csv")
    assert main(["check", path]) == 1
    line = next(text for text in capsys.readouterr().err.splitlines() if "--indicator" in text)
    assert "--value-column" in line and "--period 2024" in line and "filnamnet" in line


def test_once_the_indicator_is_named_the_command_line_suggests_the_value_column_too(home, capsys, monkeypatch):
    monkeypatch.setenv("INDICATORS_LANG", "en")
    path = str(REALWORLD / "F08_bra_ntu2010_otrygghet_regionala_resultat.csv")
    assert main(["check", path, "--indicator", "otrygghet_kvall"]) == 1
    line = next(text for text in capsys.readouterr().err.splitlines() if "needs these choices" in text)
    assert '--value-column "Otrygghet vid utevistelse sen kväll"' in line and "--period 2010" in line
    assert "--indicator" not in line


def test_a_workbook_with_two_sheets_of_data_and_no_sheet_named_lists_its_sheets(home, capsys):
    assert main(["check", str(REALWORLD / "F10_trygghetsmatning_2024.xlsx"), "--indicator", "problemindex"]) == 1
    err = capsys.readouterr().err
    assert "”Problemindex”, ”Otrygghet”" in err and "--sheet" in err


def test_the_unnamed_column_and_the_symbols_are_named_as_the_user_sees_them(home, capsys):
    path = str(REALWORLD / "F08_bra_ntu2010_otrygghet_regionala_resultat.csv")
    main(["check", path])
    out = capsys.readouterr().out
    assert "kolumn 1 (utan rubrik)" in out and "#1" not in out
    main(["check", path, "--indicator", "otrygghet_kvall", "--period", "2010", "--value-column",
          "Otrygghet vid utevistelse sen kväll"])   # Haninge's XX is read before its area is refused
    out = capsys.readouterr().out
    assert "symbolen ”XX”" in out and "”×”" not in out


def test_the_pc_axis_file_names_its_one_missing_value_and_no_real_value_as_a_symbol(home, capsys):
    assert main(["check", str(REALWORLD / "F04_scb_folkmangd_0484.px"), "--indicator", "folkmangd"]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "symbolen" in line]
    assert len(said) == 1 and "Celler med symbolen ”..”" in said[0] and said[0].endswith(": 1."), said
