"""The press pack: same slides as the deck, native charts with the store's protected numbers, no
small count of a sensitive indicator anywhere (embedded chart workbooks included), the demo mark."""
from __future__ import annotations

import csv
import io
import struct
import zipfile

import openpyxl
import pytest
from pptx import Presentation

from indicators.present import presspack, presspack_png, slides, slideset, view
from indicators import store
from indicators.catalog import load_catalog
from indicators.periods import parse
from indicators.present.slide_figures import figure

SENSITIVE = "unga_misstankta"
AREAS = ("eskilstuna", "froslunda", "skiftinge", "arby")
DEMO_MARK = "EXEMPELDATA – fiktiva siffror"
# Quarterly counts 2022-Q1 .. 2026-Q2: Fröslunda's years sum to 3 and Skiftinge's to 4 (hidden),
# Årby's to 13 (shown), the municipality's to 160.
QUARTERS = {"eskilstuna": (40, 40, 40, 40), "froslunda": (1, 0, 0, 2), "skiftinge": (1, 1, 1, 1),
            "arby": (3, 4, 2, 4)}


def _small_counts_csv() -> bytes:
    lines = ["indicator;area;period;value"]
    for year in range(2022, 2027):
        for q in range(1, 5):
            if year == 2026 and q > 2:
                continue
            for area, values in QUARTERS.items():
                lines.append(f"{SENSITIVE};{area};{year}K{q};{values[q - 1]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def small_home(home):
    outcome = store.ingest(_small_counts_csv(), "unga_sma_tal.csv", by="test", home=home)
    assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
    return home


@pytest.fixture
def catalog():
    return load_catalog()


def _spec(catalog, lang="sv"):
    return slideset.from_params({"fa": "nyrekrytering_unga,offentliga_rummet",
                                 "ind": f"{SENSITIVE},otrygghet_kvall,skjutningar",
                                 "areas": ",".join(AREAS), "lang": lang}, catalog)


def _charts(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                yield slide, shape


def _workbook_rows(shape):
    blob = shape.chart.part.chart_workbook.xlsx_part.blob
    sheet = openpyxl.load_workbook(io.BytesIO(blob)).active
    return list(sheet.iter_rows(values_only=True))


def _is_small(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 4


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_deck_has_the_chosen_slides_with_their_findings_as_titles(small_home, catalog, lang):
    spec = _spec(catalog, lang)
    pack = presspack.build(store.connect(small_home), catalog, spec, png=False)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    expected = slides.build(store.connect(small_home), catalog, spec)
    assert len(expected) == 1 + 2 + 3
    titles = [next(s.text_frame.text for s in slide.shapes if s.name == "title") for slide in deck.slides]
    assert titles[:len(expected)] == [s.title for s in expected]
    extra = list(deck.slides)[len(expected):]  # the measures table the deck ends with (demo measures here)
    assert all(any(s.name == "measures_table" for s in slide.shapes) for slide in extra)
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    for slide, model in zip(list(deck.slides)[:len(expected)], expected):
        footer = next(s.text_frame.text for s in slide.shapes if s.name == "provenance")
        assert footer == model.provenance and model.source in footer and model.as_of in footer


def test_every_chart_is_native_and_holds_the_stores_numbers_after_protection(small_home, catalog):
    con = store.connect(small_home)
    spec = _spec(catalog)
    pack = presspack.build(con, catalog, spec, png=False)
    model = [s for s in slides.build(con, catalog, spec) if s.chart is not None]
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    found = list(_charts(deck))
    assert len(found) == len(model)
    for (_, shape), expected in zip(found, model):
        native = [tuple(s.values) for s in shape.chart.plots[0].series]
        assert native == [tuple(s.values) for s in expected.chart.series]
        assert shape._element.nvGraphicFramePr.cNvPr.get("descr") == expected.chart.alt

    # the yearly survey share is the store's value as it is
    share = next(s for s in model if s.key == "indicator:otrygghet_kvall").chart
    stored = dict(con.execute("SELECT period, value FROM observations WHERE indicator_id ="
                              " 'otrygghet_kvall' AND area_id = 'froslunda'").fetchall())
    froslunda = next(s for s in share.series if s.area_id == "froslunda")
    for category, value in zip(share.categories, froslunda.values):
        assert value == pytest.approx(stored[category])

    # the sensitive quarterly count is the store's yearly sum, hidden where it is 1-4
    counts = next(s for s in model if s.key == f"indicator:{SENSITIVE}").chart
    rows = con.execute(f"SELECT area_id, period, value FROM observations WHERE indicator_id ="
                       f" '{SENSITIVE}'").fetchall()
    yearly = {}
    for area, period, value in rows:
        yearly[(area, parse(period).year)] = yearly.get((area, parse(period).year), 0) + value
    by_area = {s.area_id: dict(zip(counts.categories, s.values)) for s in counts.series}
    assert by_area["arby"]["2023"] == yearly[("arby", 2023)] == 13
    assert by_area["eskilstuna"]["2024"] == yearly[("eskilstuna", 2024)] == 160
    assert yearly[("froslunda", 2023)] == 3 and by_area["froslunda"]["2023"] is None
    assert yearly[("skiftinge", 2023)] == 4 and by_area["skiftinge"]["2023"] is None


def test_no_small_count_of_a_sensitive_indicator_anywhere_in_the_pack(small_home, catalog):
    con = store.connect(small_home)
    pack = presspack.build(con, catalog, _spec(catalog), png=False)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    checked = 0
    for _, shape in _charts(deck):
        if shape.name != f"chart:{SENSITIVE}":
            continue
        names = [s.name for s in shape.chart.plots[0].series]
        observed = [i for i, n in enumerate(names) if n not in ("Rak väg till målet", "Straight path to the target")]
        for i in observed:
            values = shape.chart.plots[0].series[i].values
            assert not any(_is_small(v) for v in values), (names[i], values)
            checked += len(values)
        rows = _workbook_rows(shape)
        header = rows[0]
        for row in rows[1:]:
            for column, cell in enumerate(row):
                if column and (column - 1) in observed:
                    assert not _is_small(cell), (header[column], row)
    assert checked > 20

    table = list(csv.DictReader(io.StringIO(pack.files["siffror.csv"].decode("utf-8-sig")),
                                delimiter=";"))
    sensitive_rows = [r for r in table if r["indikator"] == SENSITIVE and r["serie"] != "Rak väg till målet"]
    assert sensitive_rows
    for row in sensitive_rows:
        value = float(row["värde"].replace(",", ".")) if row["värde"] else None
        assert not _is_small(value), row
        if row["dolt"]:
            assert row["värde"] == "" and row["visas_som"] in ("<5", "..")
    assert any(r["visas_som"] == "<5" for r in sensitive_rows)

    sheet = openpyxl.load_workbook(io.BytesIO(pack.files["siffror.xlsx"]))["Siffror"]
    header, *cells = list(sheet.iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(header)}
    for row in cells:
        if row[col["indikator"]] == SENSITIVE and row[col["serie"]] != "Rak väg till målet":
            assert not _is_small(row[col["värde"]]), row


def test_the_demo_mark_is_in_every_file_that_shows_demo_data(home, catalog):
    con = store.connect(home)
    pack = presspack.build(con, catalog, _spec(catalog), png=False)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    model = slides.build(con, catalog, _spec(catalog))
    assert any(s.demo for s in model) and not model[0].demo  # the police list is real data
    for slide, expected in zip(deck.slides, model):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert (DEMO_MARK in "\n".join(texts)) == expected.demo
        for shape in slide.shapes:
            if shape.has_chart and expected.demo:
                assert DEMO_MARK in shape.chart.chart_title.text_frame.text
    assert DEMO_MARK in pack.files["siffror.csv"].decode("utf-8-sig")
    about = openpyxl.load_workbook(io.BytesIO(pack.files["siffror.xlsx"]))["Om"]
    assert any(DEMO_MARK in str(c) for row in about.iter_rows(values_only=True) for c in row)
    assert pack.files["sammanfattning.pdf"].startswith(b"%PDF")
    with zipfile.ZipFile(io.BytesIO(pack.zip_bytes())) as archive:
        assert set(archive.namelist()) == set(pack.files)


def test_without_demo_data_there_is_no_demo_mark(home, catalog):
    store.set_demo_hidden(True, home)
    pack = presspack.build(store.connect(home), catalog, _spec(catalog), png=False)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    for slide in deck.slides:
        assert all(DEMO_MARK not in s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert DEMO_MARK not in pack.files["siffror.csv"].decode("utf-8-sig")


def test_no_browser_gives_a_plain_message_and_the_rest_of_the_pack(home, catalog, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    pack = presspack.build(store.connect(home), catalog, _spec(catalog), png=True)
    assert not any(name.startswith("png/") for name in pack.files)
    assert pack.warnings and "BROWSER_PATH" in pack.warnings[0]
    assert "presentation.pptx" in pack.files


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(presspack_png.browser() is None, reason="no chromium for kaleido")
def test_one_png_per_chart_in_wide_and_square_sizes(home, catalog):
    spec = slideset.from_params({"fa": "offentliga_rummet", "ind": "skjutningar"}, catalog)
    pack = presspack.build(store.connect(home), catalog, spec, png=True)
    pngs = {n: d for n, d in pack.files.items() if n.startswith("png/")}
    assert not pack.warnings
    assert len(pngs) == 2 * 3  # goal, focus, indicator: two sizes each
    sizes = {_png_size(d) for d in pngs.values()}
    assert sizes == {(1920, 1080), (1080, 1080)}


def test_a_browser_that_never_answers_is_stopped_and_the_rest_of_the_pack_is_made(home, catalog, tmp_path,
                                                                                 monkeypatch):
    import os
    import time

    hang = tmp_path / "chromium-that-hangs"
    pids = tmp_path / "pids"
    hang.write_text(f"#!/bin/sh\necho $$ >> {pids}\nexec sleep 600\n")
    hang.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(hang))
    monkeypatch.setattr(presspack_png, "START_SECONDS", 4.0)
    monkeypatch.setattr(presspack_png, "IMAGE_SECONDS", 0.5)
    started = time.monotonic()
    pack = presspack.build(store.connect(home), catalog, _spec(catalog), png=True)
    assert time.monotonic() - started < 60
    assert not any(name.startswith("png/") for name in pack.files)
    assert "presentation.pptx" in pack.files
    assert pack.warnings and "svarade inte" in pack.warnings[0]
    for pid in (int(p) for p in pids.read_text().split()) if pids.exists() else ():
        assert not _running(pid)  # the hanging browser was ended with the worker


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed orphan waits as a zombie where init does not reap it)."""
    import time

    for _ in range(50):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        if state in ("Z", "X"):
            return False
        time.sleep(0.1)
    return True


def test_a_year_missing_in_every_series_keeps_its_place_as_a_gap_in_the_native_chart(home, catalog):
    """Issue 13, point 9: the demo survey has no value for 2020 in any area; the slide's axis still
    has 2020, between 2019 and 2021, with no value there."""
    con = store.connect(home)
    spec = slideset.from_params({"ind": "otrygghet_kvall", "areas": "eskilstuna,froslunda",
                                 "lang": "sv"}, catalog)
    pack = presspack.build(con, catalog, spec, png=False)
    stored = {p for (p,) in con.execute("SELECT DISTINCT period FROM observations WHERE indicator_id ="
                                        " 'otrygghet_kvall' AND value IS NOT NULL").fetchall()}
    hole = next(str(y) for y in range(2019, 2026) if str(y) not in stored)
    model = slides.build(con, catalog, spec)
    number = next(i for i, s in enumerate(model) if s.key == "indicator:otrygghet_kvall")
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    shape = next(s for s in list(deck.slides)[number].shapes if s.has_chart)
    categories = list(shape.chart.plots[0].categories)
    at = categories.index(hole)
    assert categories[at - 1] == str(int(hole) - 1) and categories[at + 1] == str(int(hole) + 1)
    assert all(series.values[at] is None for series in shape.chart.plots[0].series)


def test_one_missing_month_is_named_on_the_slide_and_the_later_months_are_used(home, catalog):
    """Issue 13, point 11: a month without a value no longer ends the rolling year on the slide;
    the subtitle names it and the finding rests on the latest month."""
    con = store.connect(home)
    last = con.execute("SELECT max(period) FROM observations WHERE indicator_id = 'skjutningar'"
                       " AND area_id = 'eskilstuna' AND value IS NOT NULL").fetchall()[0][0]
    gap = parse(last)
    for _ in range(7):
        gap = gap.previous()
    con.close()
    upload = f"indikator;område;period;värde\r\nskjutningar;Eskilstuna;{gap.text};\r\n".encode("utf-8")
    assert store.ingest(upload, "lucka.csv", by="test", home=home).ok
    con = store.connect(home)
    spec = slideset.from_params({"ind": "skjutningar", "areas": "eskilstuna", "lang": "sv"}, catalog)
    slide = next(s for s in slides.build(con, catalog, spec) if s.key == "indicator:skjutningar")
    assert gap.text in slide.subtitle and "saknas" in slide.subtitle
    assert last in slide.subtitle  # the rolling year runs to the latest month, past the gap


def test_a_focus_slide_without_a_chart_says_why_in_the_deck_the_image_and_the_warnings(home, catalog):
    """Two real months of skjutningar for one area replace the demo series, so the municipality
    has no yearly value and the focus slide no chart: the pack must say so, not drop the image."""
    upload = ("indikator;område;period;värde\r\nskjutningar;Fröslunda;2024-05;1\r\n"
              "skjutningar;Fröslunda;2024-06;2\r\n").encode("utf-8")
    assert store.ingest(upload, "skjutningar.csv", by="test", home=home).ok
    con = store.connect(home)
    spec = slideset.from_params({"fa": "skjutningar_grovt_vald", "lang": "sv"}, catalog)
    pack = presspack.build(con, catalog, spec, png=False)
    number, slide = next((n, s) for n, s in enumerate(pack.slides) if s.key == "focus:skjutningar_grovt_vald")
    assert slide.chart is None
    assert "Eskilstuna" in slide.no_chart and "Fröslunda" in slide.no_chart
    assert any(slide.no_chart in w and f"Bild {number + 1}" in w for w in pack.warnings)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    texts = [s.text_frame.text for s in list(deck.slides)[number].shapes if s.name == "no_chart"]
    assert texts == [slide.no_chart]
    assert slide.no_chart in view.no_chart_html(slide)                # the presentation page says it
    image = figure(slide, standalone=True, width=1080, height=1080)   # the PNG is drawn, not skipped
    assert image is not None and any(slide.no_chart.split()[0] in (a.text or "")
                                     for a in image.layout.annotations)


def test_the_period_on_a_slide_runs_from_the_earliest_to_the_latest_whatever_the_area_order(home, catalog):
    """One area's 2010 survey value and another's 2024: "Period: 2010–2024", never "2024–2010"
    (the store's rows come area by area)."""
    upload = ("indikator;område;period;värde\r\notrygghet_kvall;Årby;2024;20\r\n"  # id "arby": first
              "otrygghet_kvall;Fröslunda;2010;30\r\n").encode("utf-8")
    assert store.ingest(upload, "ntu2010.csv", by="test", home=home).ok
    con = store.connect(home)
    spec = slideset.from_params({"fa": "offentliga_rummet", "lang": "sv"}, catalog)
    slide = next(s for s in slides.build(con, catalog, spec) if s.key == "focus:offentliga_rummet")
    assert (slide.first, slide.last) == ("2010", "2024")
    assert "Period: 2010–2024" in slide.provenance


def test_the_command_line_counts_slides_and_images_apart_and_the_count_matches_the_files(home, tmp_path,
                                                                                          capsys):
    """"5 bilder" read as five images when the PNGs were fewer: the line names both counts."""
    from indicators.cli.main import main

    out = tmp_path / "pack"
    assert main(["presspack", "--out", str(out), "--focus", "offentliga_rummet", "--lang", "sv",
                     "--no-png", "--no-zip"]) == 0
    printed = capsys.readouterr().out
    written = [p for p in out.rglob("*") if p.is_file()]
    assert f"{len(written)} filer skrivna" in printed
    assert "2 bilder i presentationen, 0 PNG-bilder" in printed
