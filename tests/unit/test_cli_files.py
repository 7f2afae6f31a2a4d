"""The command line reads statistical-database exports with the analyst's one choice, saves it
as a profile, and never lets a file's text drive the terminal (DATA.md §4)."""
from indicators.cli import main
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV

EXPORT = [["Andel otrygga efter område och år"], [], ["Område", "2023", "2024"], ["Årby", "31", "29"],
          ["Källa: Trygghetsmätningen"]]


def _write(tmp_path, rows, name="export.csv"):
    path = tmp_path / name
    path.write_bytes(export.semicolon_cp1252(rows))
    return str(path)


def test_an_export_without_an_indicator_column_is_checked_with_one_choice(home, tmp_path, capsys):
    path = _write(tmp_path, EXPORT)
    assert main(["check", path]) == 1
    assert "--indicator" in capsys.readouterr().err
    assert main(["check", path, "--indicator", "otrygghet_kvall"]) == 0
    out = capsys.readouterr().out
    assert "Rad 1: Rubrikrad överhoppad" in out and "Rad 5: Fotnot överhoppad" in out and "giltig" in out


def test_a_profile_saved_at_ingest_loads_next_quarters_file_in_one_step(home, tmp_path, capsys):
    first = _write(tmp_path, EXPORT)
    assert main(["ingest", first, "--indicator", "otrygghet_kvall", "--save-profile", "Trygghet"]) == 0
    assert "Trygghet" in capsys.readouterr().out
    later = _write(tmp_path, EXPORT[:2] + [["Område", "2023", "2024", "2025"], ["Årby", "31", "29", "27"]], "nasta.csv")
    assert main(["check", later]) == 1
    assert '--profile "Trygghet"' in capsys.readouterr().out  # recognised and proposed
    assert main(["ingest", later, "--profile", "Trygghet"]) == 0
    assert main(["profile", "list"]) == 0 and "indicator=otrygghet_kvall" in capsys.readouterr().out
    assert main(["profile", "show", "Okänd"]) == 1
    assert main(["profile", "remove", "Trygghet"]) == 0
    assert main(["check", later, "--profile", "Trygghet"]) == 2


def test_a_profile_whose_source_changed_its_columns_says_what_changed(home, tmp_path, capsys):
    path = _write(tmp_path, [["Kommun", "Antal", "Per 100 000 inv."], ["Årby", "3", "1 200"]])
    assert main(["check", path, "--indicator", "vald_nara_relation", "--period", "2024",
                 "--value-column", "Per 100 000 inv.", "--save-profile", "Brå"]) == 0
    changed = _write(tmp_path, [["Kommun", "Antal", "Per 100 000 invånare"], ["Årby", "3", "1 200"]], "ny.csv")
    assert main(["check", changed, "--profile", "Brå"]) == 1
    captured = capsys.readouterr()
    assert "Per 100 000 invånare" in captured.out and "per_100_000_inv" in captured.out


def test_ingest_stores_the_sheet_it_was_asked_for(home, tmp_path, capsys):
    path = tmp_path / "bok.xlsx"
    path.write_bytes(export.workbook({"Omslag": [HEADER_SV, ["otrygghet_kvall", "arby", 2024, 99]],
                                      "Värden": [HEADER_SV, ["otrygghet_kvall", "arby", 2024, 21]]}))
    assert main(["ingest", str(path), "--sheet", "Värden"]) == 0
    from indicators import store
    with store.connect(home) as con:
        assert con.execute("SELECT value FROM observations WHERE indicator_id = 'otrygghet_kvall'"
                           " AND area_id = 'arby' AND period = '2024'").fetchall() == [(21.0,)]


def test_terminal_escape_codes_from_a_file_are_printed_escaped(home, tmp_path, capsys):
    path = tmp_path / "kolada.json"  # JSON may carry any control character as \u001b
    path.write_text('{"values": [{"kpi": "N07403", "municipality": "\\u001b[2J\\u001b[31m0484",'
                    ' "period": 2023, "values": [{"gender": "T", "value": 1.0}]}]}', encoding="utf-8")
    assert main(["check", str(path), "--indicator", "vald_nara_relation"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err
    csv = tmp_path / "c1.csv"  # a C1 control (CSI) and a right-to-left override in UTF-8 text
    csv.write_bytes(("indikator;område;period;värde\nskjutningar;\u009b2J\u202eÅrby;2024-01;1\n").encode("utf-8"))
    assert main(["check", str(csv)]) == 1
    err = capsys.readouterr().err
    assert "\u009b" not in err and "\u202e" not in err and "\\x9b2J" in err
