"""Workbooks as Excel keeps them: percent cells as shown, formulas, sheets, title rows."""
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, values, where


def _percent_workbook():
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER_SV)
    for area, share in (("Fröslunda", 0.31), ("Årby", 0.125)):
        sheet.append(["otrygghet_kvall", area, 2024, share])
        sheet.cell(sheet.max_row, 4).number_format = "0,0%"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_cell_formatted_as_percent_is_read_as_excel_shows_it():
    validation, con = check(_percent_workbook(), "andelar.xlsx")
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert values(con) == [("froslunda", "2024", 31.0, None), ("arby", "2024", 12.5, None)]
    assert [n.detail["count"] for n in validation.notices if n.key == "ingest.percent_cells"] == [2]


def test_a_formula_without_a_saved_result_is_rejected_naming_the_cell():
    data = export.workbook({"Blad1": [HEADER_SV, ["skjutningar", "arby", "2024-01", "=1+2"]]})
    validation, _ = check(data, "formel.xlsx")
    assert where(validation) == [(None, None, "ingest.formula_without_value")]
    assert "D2" in validation.problems[0].message("sv")


def test_a_title_row_above_the_header_of_a_sheet_is_skipped_and_rows_keep_excel_numbers():
    data = export.workbook({"Blad1": [["Trygghetsmätning 2024"], HEADER_SV, ["otrygghet_kvall", "arby", 2024, "tolv"]]})
    validation, _ = check(data, "titel.xlsx")
    assert where(validation) == [(3, "värde", "ingest.not_a_number")]
    assert [(n.line, n.key) for n in validation.notices] == [(1, "ingest.skipped_title")]


def test_the_sheet_names_of_a_workbook_are_listed_in_order_and_anything_else_has_none():
    from indicators.ingest import workbook
    from tests.unit.hostile_files import files

    data = export.workbook({"Problemindex": [HEADER_SV], "Otrygghet": [HEADER_SV]})
    assert workbook.sheet_names(data) == ["Problemindex", "Otrygghet"]
    assert workbook.sheet_names(b"indikator;omr\xe5de;period;v\xe4rde\r\n") == []
    assert workbook.sheet_names(b"") == []
    for name, hostile in files().items():       # broken workbooks: no exception, at most names
        assert isinstance(workbook.sheet_names(hostile), list), name


def test_a_workbook_with_several_sheets_of_data_is_not_read_until_one_is_named():
    data = export.workbook({"Blad1": [HEADER_SV, ["skjutningar", "arby", "2024-01", 1]],
                            "Blad2": [HEADER_SV, ["skjutningar", "arby", "2024-02", 2]]})
    validation, _ = check(data, "tva_blad.xlsx")
    assert where(validation) == [(None, None, "ingest.choose_sheet")]
    assert "”Blad1”, ”Blad2”" in validation.problems[0].message("sv")
    named, con = check(data, "tva_blad.xlsx", sheet="Blad2")
    assert named.ok and values(con) == [("arby", "2024-02", 2.0, None)]


def test_a_note_sheet_beside_the_one_sheet_of_data_needs_no_choice():
    data = export.workbook({"Läs mig": [["Källa: SCB"]], "Data": [HEADER_SV, ["skjutningar", "arby", "2024-01", 4]]})
    validation, con = check(data, "med_not.xlsx")
    assert validation.ok and values(con) == [("arby", "2024-01", 4.0, None)]
