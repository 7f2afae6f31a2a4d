"""Templates offered on the page: per indicator, per focus area or all, in Excel's Swedish dialect."""
from indicators import store
from indicators.views import template_offer
from indicators.catalog import load_catalog


def test_every_focus_area_and_indicator_has_a_template():
    catalog = load_catalog()
    keys = template_offer.choices(catalog)
    assert keys[0] == "all"
    assert {f"indicator:{i.id}" for i in catalog.indicators} <= set(keys)
    assert {f"focus:{f.id}" for f in catalog.focus_areas} <= set(keys)
    focus = template_offer.choice(catalog, "focus:skjutningar_grovt_vald")
    assert [i.id for i in focus.indicators] == [i.id for i in catalog.indicators_in("skjutningar_grovt_vald")]
    assert template_offer.choice(catalog, "indicator:nonsense").key == "all"


def test_a_template_is_cp1252_semicolon_and_starts_after_the_latest_real_period(home):
    catalog = load_catalog()
    store.ingest("indikator;område;period;värde\r\nskjutningar;Årby;2027-01;2\r\n".encode("cp1252"),
                 "a.csv", by="A", home=home)
    latest = template_offer.latest_real_periods(store.connect(home))
    assert latest["skjutningar"] == "2027-01"
    data = template_offer.template_bytes(catalog, template_offer.choice(catalog, "indicator:skjutningar"),
                                         latest, periods=2)
    lines = data.decode("cp1252").split("\r\n")
    assert lines[0] == "indikator;område;period;värde;täljare;nämnare;antal_svarande;kommentar"
    assert lines[1].startswith("skjutningar;Eskilstuna kommun;2027-02;")
    assert any(line.startswith("skjutningar;Årby;2027-03;") for line in lines)
