"""The catalog: the shipped Eskilstuna catalog is complete, lookups are forgiving, broken folders fail loudly."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators import config
from indicators.catalog import (AGGREGATIONS, GRAINS, MEASURES, POLARITIES, TARGET_KINDS,
                                TARGET_STATUSES, CatalogError, Target, area_key, load_catalog,
                                read_catalog)
from indicators.periods import grain_of

SHIPPED = config.DATA_DIR / "catalog"
CATALOG = load_catalog(SHIPPED)
INDICATOR_IDS = [i.id for i in CATALOG.indicators]

FOCUS_AREAS = {
    "overgripande": "Övergripande mål",
    "skjutningar_grovt_vald": "Stoppa skjutningar och grovt våld",
    "nyrekrytering_unga": "Stoppa nyrekrytering av barn och unga i kriminalitet",
    "offentliga_rummet": "Trygga det offentliga rummet",
    "systemhotande_brottslighet": "Bekämpa systemhotande brottslighet",
}

# id: focus area, name (sv), unit (sv), grain, polarity, sensitive, target kind, amount, status
INDICATORS = {
    "omraden_polisens_lista": ("overgripande", "Områden på polisens lista över utsatta områden", "antal", "year", "lower", False, "value", 0, "adopted"),
    "skjutningar": ("skjutningar_grovt_vald", "Bekräftade skjutningar", "antal", "month", "lower", False, "relative", -50, "example"),
    "skjutvapenvald_offer": ("skjutningar_grovt_vald", "Döda och skadade i skjutningar", "antal", "quarter", "lower", True, "relative", -50, "example"),
    "grovt_vald_offentlig_miljo": ("skjutningar_grovt_vald", "Anmälda grova våldsbrott i offentlig miljö per 1 000 invånare", "per 1 000 inv.", "quarter", "lower", False, "relative", -25, "example"),
    "vald_nara_relation": ("skjutningar_grovt_vald", "Anmälda grova frids- och kvinnofridskränkningar per 100 000 invånare", "per 100 000 inv.", "year", "lower", False, "relative", -20, "example"),
    "unga_misstankta": ("nyrekrytering_unga", "Unga 15–17 år misstänkta för brott", "antal", "quarter", "lower", True, "relative", -40, "example"),
    "unga_sig": ("nyrekrytering_unga", "Unga med samordnad insats i sociala insatsgrupper", "antal", "quarter", "higher", True, "relative", 50, "example"),
    "fritid_deltagande": ("nyrekrytering_unga", "Andel unga 13–19 år i organiserad fritidsaktivitet", "%", "year", "higher", False, "change", 10, "example"),
    "hog_franvaro": ("nyrekrytering_unga", "Andel elever i åk 7–9 med hög frånvaro", "%", "half", "lower", False, "change", -5, "example"),
    "otrygghet_kvall": ("offentliga_rummet", "Andel som känner sig otrygga ute sent en kväll i sitt bostadsområde", "%", "year", "lower", False, "change", -10, "example"),
    "problemindex": ("offentliga_rummet", "Problemindex i trygghetsmätningen (0–6)", "index", "year", "lower", False, "change", -0.5, "example"),
    "skadegorelse": ("offentliga_rummet", "Anmälda skadegörelsebrott per 1 000 invånare", "per 1 000 inv.", "quarter", "lower", False, "relative", -20, "example"),
    "trygghetsvandringar": ("offentliga_rummet", "Genomförda trygghetsvandringar och platsåtgärder", "antal", "quarter", "higher", False, "relative", 50, "example"),
    "otillaten_paverkan": ("systemhotande_brottslighet", "Rapporterade fall av otillåten påverkan mot kommunens medarbetare", "antal", "quarter", "none", False, "none", None, "example"),
    "felaktiga_utbetalningar": ("systemhotande_brottslighet", "Upptäckta felaktiga utbetalningar, mnkr", "mnkr", "year", "higher", False, "relative", 30, "example"),
    "gemensamma_kontroller": ("systemhotande_brottslighet", "Myndighetsgemensamma kontroller av verksamheter", "antal", "quarter", "higher", False, "relative", 50, "example"),
    "anmalda_valdsbrott": ("skjutningar_grovt_vald", "Anmälda våldsbrott per 100 000 invånare (Kolada N07403)", "per 100 000 inv.", "year", "lower", False, "relative", -15, "example"),
    "anmalda_brott": ("overgripande", "Anmälda brott totalt per 100 000 invånare (Brå)", "per 100 000 inv.", "year", "lower", False, "none", None, "example"),
    "folkmangd": ("overgripande", "Folkmängd 31 december (SCB)", "antal", "year", "none", False, "none", None, "example"),
}
# Indicators that real public series feed: the source named, and the codes the source uses.
REAL_SERIES = {
    "anmalda_valdsbrott": (("Kolada", "Brå"), {"kolada:N07403"}),
    "anmalda_brott": (("Brå",), set()),
    "folkmangd": (("SCB",), set()),
}

AREAS = {
    "eskilstuna": ("Eskilstuna kommun", "kommun"), "froslunda": ("Fröslunda", "område"),
    "skiftinge": ("Skiftinge", "område"), "arby": ("Årby", "område"),
    "lagersberg": ("Lagersberg", "område"), "rabergstorp": ("Råbergstorp", "område"),
    "nyfors": ("Nyfors", "område"), "centrum": ("Centrum", "område"),
    "arsta": ("Ärsta", "område"), "torshalla": ("Torshälla", "område"),
    "riket": ("Riket", "riket"), "sodermanland": ("Södermanlands län", "lan"),
    "polisregion_ost": ("Polisregion Öst", "polisregion"),
}
# id: official code, aliases (examples of DATA.md §1; a catalog may list more)
AREA_CODES = {
    "eskilstuna": ("0484", {"0484 Eskilstuna", "Eskilstuna", "Eskilstuna totalt", "LPO Eskilstuna"}),
    "riket": ("00", {"Hela riket", "Hela landet", "Sverige", "0000"}),
    "sodermanland": ("04", {"04 Södermanlands län"}),
    "polisregion_ost": (None, {"Region Öst"}),
    "froslunda": (None, set()),
}


# --- the shipped catalog is DATA.md section 1 -----------------------------------------------------

def test_the_shipped_catalog_has_exactly_the_focus_areas_of_the_agreement_in_order():
    assert {f.id: f.name_sv for f in CATALOG.focus_areas} == FOCUS_AREAS
    assert [f.id for f in CATALOG.focus_areas] == list(FOCUS_AREAS)


def test_a_focus_area_has_a_short_name_for_menus_else_its_name_and_an_optional_icon():
    shootings = CATALOG.focus_area("skjutningar_grovt_vald")
    assert shootings.short_name("sv") == "Skjutningar och grovt våld"
    assert shootings.short_name("en") == "Shootings and serious violence"
    assert shootings.icon == ":material/crisis_alert:"
    goal = CATALOG.focus_area("overgripande")
    assert goal.short_name("en") == "Overall goal" and goal.icon == ""


def test_a_catalog_without_the_optional_focus_area_columns_loads(tmp_path):
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "catalog"))
    path = folder / "focus_areas.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(",".join(line.split(",")[:4]) for line in lines) + "\n",
                    encoding="utf-8")
    loaded = read_catalog(folder, "sv")
    assert [f.short_name("sv") for f in loaded.focus_areas] == list(FOCUS_AREAS.values())
    assert {f.icon for f in loaded.focus_areas} == {""}


def test_the_shipped_catalog_has_every_indicator_of_the_data_contract():
    assert set(INDICATOR_IDS) >= set(INDICATORS)


@pytest.mark.parametrize("indicator_id, expected", INDICATORS.items())
def test_each_shipped_indicator_matches_the_data_contract(indicator_id, expected):
    focus, name, unit, grain, polarity, sensitive, kind, amount, status = expected
    ind = CATALOG.indicator(indicator_id)
    assert (ind.focus_area, ind.name_sv, ind.unit_sv, ind.grain, ind.polarity, ind.sensitive) == (
        focus, name, unit, grain, polarity, sensitive)
    assert (ind.target.kind, ind.target.amount, ind.target.year, ind.target.status) == (
        kind, amount, 2027, status)


@pytest.mark.parametrize("indicator_id, expected", REAL_SERIES.items())
def test_indicators_fed_by_public_series_name_their_source_and_carry_its_codes(indicator_id, expected):
    names, codes = expected
    ind = CATALOG.indicator(indicator_id)
    assert all(name in ind.source for name in names)
    assert set(ind.codes) >= codes
    for code in codes:
        assert CATALOG.indicator_for_code(code) is ind
        assert CATALOG.indicator_for_code(code.split(":")[1].lower()) is ind


def test_a_kolada_file_finds_reported_violent_crime_by_its_kpi_alone():
    assert CATALOG.indicator_for_code("N07403").id == "anmalda_valdsbrott"
    assert CATALOG.indicator_for_code("kolada:N99999") is None


def test_every_indicator_code_is_written_source_colon_code():
    for ind in CATALOG.indicators:
        assert all(code.count(":") == 1 and all(code.split(":")) for code in ind.codes), ind.id


@pytest.mark.parametrize("area_id, expected", AREAS.items())
def test_each_shipped_area_has_its_name_and_kind(area_id, expected):
    area = CATALOG.area(area_id)
    assert (area.name, area.kind) == expected


def test_the_shipped_catalog_has_exactly_the_areas_of_the_data_contract_in_order():
    assert [a.id for a in CATALOG.areas] == list(AREAS)


@pytest.mark.parametrize("area_id, expected", AREA_CODES.items())
def test_each_shipped_area_has_the_code_and_at_least_the_aliases_of_the_data_contract(area_id, expected):
    area = CATALOG.area(area_id)
    assert area.code == expected[0] and set(area.aliases) >= expected[1]


def test_the_municipality_is_the_single_area_of_kind_kommun():
    assert CATALOG.municipality.id == "eskilstuna"


def test_the_comparison_areas_are_riket_the_county_and_the_police_region():
    assert [a.id for a in CATALOG.comparison_areas] == ["riket", "sodermanland", "polisregion_ost"]
    assert [a.id for a in CATALOG.local_areas] == list(AREAS)[:10]


@pytest.mark.parametrize("indicator", CATALOG.indicators, ids=INDICATOR_IDS)
def test_every_indicator_in_the_catalog_is_complete(indicator):
    for text in ("name_sv", "name_en", "unit_sv", "unit_en", "definition_sv", "definition_en",
                 "source"):
        assert getattr(indicator, text).strip(), text
    assert len(indicator.definition_sv) > 120 and len(indicator.definition_en) > 120
    assert indicator.grain in GRAINS and indicator.polarity in POLARITIES
    assert indicator.measure in MEASURES and indicator.aggregation in AGGREGATIONS
    assert CATALOG.focus_area(indicator.focus_area) is not None
    assert indicator.target.kind in TARGET_KINDS and indicator.target.status in TARGET_STATUSES
    assert (indicator.target.amount is None) == (indicator.target.kind == "none")
    assert (indicator.polarity == "none") <= (indicator.target.kind == "none")
    assert grain_of(indicator.baseline_period) in ("year", indicator.grain)
    assert (indicator.scale is not None) == (indicator.measure == "rate")


@pytest.mark.parametrize("indicator", CATALOG.indicators, ids=INDICATOR_IDS)
def test_the_baseline_of_every_shipped_indicator_is_the_calendar_year_2023(indicator):
    assert indicator.baseline_period == "2023"


@pytest.mark.parametrize("indicator_id, aggregation", [
    ("skjutningar", "sum"), ("skadegorelse", "sum"), ("grovt_vald_offentlig_miljo", "sum"),
    ("hog_franvaro", "mean"), ("otrygghet_kvall", "mean"), ("problemindex", "mean"),
])
def test_counts_and_rates_add_up_while_shares_and_indices_are_averaged(indicator_id, aggregation):
    assert CATALOG.indicator(indicator_id).aggregation == aggregation


@pytest.mark.parametrize("indicator_id, scale", [
    ("grovt_vald_offentlig_miljo", 1000), ("skadegorelse", 1000), ("vald_nara_relation", 100000),
    ("skjutningar", None), ("otrygghet_kvall", None),
])
def test_rates_carry_the_scale_of_their_unit(indicator_id, scale):
    assert CATALOG.indicator(indicator_id).scale == scale


def test_indicators_in_a_focus_area_keep_catalog_order():
    ids = [i.id for i in CATALOG.indicators_in("offentliga_rummet")]
    assert ids == ["otrygghet_kvall", "problemindex", "skadegorelse", "trygghetsvandringar"]


# --- lookups ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, area_id", [
    ("Fröslunda", "froslunda"), ("froslunda", "froslunda"), ("FRÖSLUNDA", "froslunda"),
    ("Froslunda", "froslunda"), ("  Fröslunda ", "froslunda"), ("Årby", "arby"), ("ARBY", "arby"),
    ("Ärsta", "arsta"), ("Råbergstorp", "rabergstorp"), ("Torshalla", "torshalla"),
    ("Eskilstuna kommun", "eskilstuna"), ("eskilstuna-kommun", "eskilstuna"),
    ("Eskilstuna   Kommun", "eskilstuna"), ("eskilstuna_kommun", "eskilstuna"),
    ("ESKILSTUNA", "eskilstuna"), ("Frösslunda", None), ("", None), ("Stockholm", None),
    ("0484", "eskilstuna"), ("0484 Eskilstuna", "eskilstuna"), ("LPO Eskilstuna", "eskilstuna"),
    ("Eskilstuna totalt", "eskilstuna"), ("HELA RIKET", "riket"), ("Hela landet", "riket"),
    ("04 Södermanlands län", "sodermanland"), ("Södermanlands län", "sodermanland"),
    ("Region Öst", "polisregion_ost"), ("Totalt", None),
])
def test_an_area_is_found_by_id_name_code_or_alias_in_any_spelling(text, area_id):
    assert CATALOG.area_id_for(text) == area_id


@pytest.mark.parametrize("text, key", [
    ("Fröslunda", "froslunda"), ("Café Ängen", "cafe_angen"), (" Eskilstuna - Kommun ", "eskilstuna_kommun"),
    ("area_0001", "area_0001"),
])
def test_area_key_is_lower_case_ascii_with_single_underscores(text, key):
    assert area_key(text) == key


@pytest.mark.parametrize("lookup", ["indicator", "area", "focus_area"])
def test_unknown_ids_give_none_never_a_key_error(lookup):
    assert getattr(CATALOG, lookup)("finns_inte") is None
    assert CATALOG.indicators_in("finns_inte") == ()


@pytest.mark.parametrize("lang, name, unit", [
    ("sv", "Bekräftade skjutningar", "antal"), ("en", "Confirmed shootings", "number"),
])
def test_names_and_units_follow_the_language(lang, name, unit):
    ind = CATALOG.indicator("skjutningar")
    assert (ind.name(lang), ind.unit(lang)) == (name, unit)
    assert ind.definition(lang) == (ind.definition_sv if lang == "sv" else ind.definition_en)


@pytest.mark.parametrize("kind, amount, baseline, expected", [
    ("value", 0, 3, 0), ("value", 0, None, 0), ("relative", -50, 40, 20),
    ("relative", 50, 10, 15), ("change", -10, 30, 20), ("change", -0.5, 2.0, 1.5),
    ("relative", -50, None, None), ("change", 10, float("nan"), None), ("none", None, 5, None),
])
def test_a_target_gives_its_level_from_the_baseline(kind, amount, baseline, expected):
    assert Target(kind, amount, 2027, "example").value_for(baseline) == expected


def test_loading_is_cached_per_folder_and_can_be_forced_fresh():
    assert load_catalog(SHIPPED) is load_catalog(SHIPPED)
    fresh = read_catalog(SHIPPED, "sv")
    assert fresh is not load_catalog(SHIPPED) and fresh == load_catalog(SHIPPED)


def test_load_catalog_defaults_to_the_configured_folder(tmp_path, monkeypatch):
    folder = shutil.copytree(SHIPPED, tmp_path / "cat")
    (folder / "areas.csv").write_text("id,name,kind\nby,Byn,kommun\n", encoding="utf-8")
    monkeypatch.setenv("INDICATORS_CATALOG", str(folder))
    assert [a.id for a in load_catalog().areas] == ["by"]


def test_an_edited_catalog_file_is_read_again(tmp_path):
    folder = shutil.copytree(SHIPPED, tmp_path / "cat")
    assert load_catalog(folder).area("extra") is None
    with (folder / "areas.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,Extraområdet,område\n")
    assert load_catalog(folder).area("extra").name == "Extraområdet"


# --- broken catalogs --------------------------------------------------------------------------------

@pytest.fixture
def broken(tmp_path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "catalog"))


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(folder: Path, lang: str = "sv") -> list[str]:
    with pytest.raises(CatalogError) as caught:
        read_catalog(folder, lang)
    return caught.value.problems


BREAKAGES = [
    ("indicators.toml", 'focus_area = "overgripande"', 'focus_area = "okant"', ["omraden_polisens_lista", "okant"]),
    ("indicators.toml", 'grain = "month"', 'grain = "weekly"', ["skjutningar", "grain", "weekly"]),
    ("indicators.toml", 'polarity = "none"\naggregation = "sum"', 'polarity = "down"\naggregation = "sum"', ["otillaten_paverkan", "polarity", "down"]),
    ("indicators.toml", 'measure = "share"', 'measure = "percent"', ["fritid_deltagande", "measure"]),
    ("indicators.toml", 'grain = "month"\npolarity = "lower"\naggregation = "sum"', 'grain = "month"\npolarity = "lower"\naggregation = "median"', ["skjutningar", "aggregation", "median"]),
    ("indicators.toml", 'name_en = "Confirmed shootings"\n', "", ["skjutningar", "name_en"]),
    ("indicators.toml", 'unit_sv = "mnkr"\n', 'unit_sv = ""\n', ["felaktiga_utbetalningar", "unit_sv"]),
    ("indicators.toml", 'definition_en = """Number of shootings', 'definition_x = """Number of shootings', ["skjutningar", "definition_en"]),
    ("indicators.toml", 'grain = "month"\npolarity = "lower"\naggregation = "sum"\nmeasure = "count"\ndecimals = 0\nbaseline_period = "2023"',
     'grain = "month"\npolarity = "lower"\naggregation = "sum"\nmeasure = "count"\ndecimals = 0\nbaseline_period = "2023-Q1"', ["skjutningar", "2023-Q1"]),
    ("indicators.toml", 'baseline_period = "2023"', 'baseline_period = "tjugotjugotre"', ["omraden_polisens_lista", "tjugotjugotre"]),
    ("indicators.toml", 'kind = "relative", amount = -50', 'kind = "percent", amount = -50', ["skjutningar", "target.kind", "percent"]),
    ("indicators.toml", 'status = "adopted"', 'status = "antaget"', ["omraden_polisens_lista", "target.status", "antaget"]),
    ("indicators.toml", 'amount = -50, year = 2027', 'amount = "hälften", year = 2027', ["skjutningar", "target.amount"]),
    ("indicators.toml", 'scale = 1000\n', "", ["grovt_vald_offentlig_miljo", "scale"]),
    ("indicators.toml", 'sensitive = true', 'sensitive = "ja"', ["skjutvapenvald_offer", "sensitive"]),
    ("indicators.toml", 'id = "skjutvapenvald_offer"', 'id = "skjutningar"', ["skjutningar", "nr 5"]),
    ("indicators.toml", '[[indicator]]\nid = "skjutningar"', '[[indicator]\nid = "skjutningar"', ["TOML"]),
    ("focus_areas.csv", "offentliga_rummet,", "skjutningar_grovt_vald,", ["focus_areas.csv", "rad 5", "skjutningar_grovt_vald"]),
    ("focus_areas.csv", ":material/park:", "park", ["focus_areas.csv", "rad 5", "icon", "park"]),
    ("areas.csv", "arby,Årby,område", "arby,Årby,stadsdel", ["areas.csv", "rad 5", "stadsdel"]),
    ("areas.csv", "eskilstuna,Eskilstuna kommun,kommun", "eskilstuna,Eskilstuna kommun,område", ["areas.csv", "kommun", "0"]),
    ("areas.csv", "centrum,Centrum,område", "centrum,Centrum,kommun", ["areas.csv", "kommun", "2"]),
    ("areas.csv", "nyfors,Nyfors", "froslunda,Nyfors", ["areas.csv", "froslunda"]),
    ("areas.csv", "nyfors,Nyfors", "nyfors,FRÖSLUNDA", ["areas.csv", "FRÖSLUNDA", "froslunda"]),
    ("areas.csv", "nyfors,Nyfors", "Nyfors Östra,Nyfors", ["areas.csv", "Nyfors Östra"]),
    ("areas.csv", "id,name,kind", "id,namn,kind", ["areas.csv", "name"]),
]


@pytest.mark.parametrize("file, old, new, mentions", BREAKAGES,
                         ids=[f"{b[0]}:{b[3][-1]}" for b in BREAKAGES])
def test_a_broken_catalog_raises_catalog_error_naming_file_entry_and_value(
        broken, file, old, new, mentions):
    _edit(broken / file, old, new)
    problems = _problems(broken)
    assert any(p.startswith(file) and all(m in p for m in mentions) for p in problems), problems


def test_several_catalog_problems_are_reported_at_once(broken):
    _edit(broken / "indicators.toml", 'grain = "month"', 'grain = "weekly"')
    _edit(broken / "indicators.toml", 'focus_area = "overgripande"', 'focus_area = "okant"')
    _edit(broken / "areas.csv", "arby,Årby,område", "arby,Årby,stadsdel")
    _edit(broken / "focus_areas.csv", "Övergripande mål,Overall goal", "Övergripande mål,")
    problems = _problems(broken, "en")
    assert len(problems) == 4, problems
    joined = "\n".join(problems)
    for mention in ("weekly", "okant", "stadsdel", "name_en", "areas.csv", "focus_areas.csv"):
        assert mention in joined
    with pytest.raises(CatalogError, match="4 problem"):
        read_catalog(broken, "en")


@pytest.mark.parametrize("missing", ["focus_areas.csv", "indicators.toml", "areas.csv"])
def test_a_missing_catalog_file_is_named(broken, missing):
    (broken / missing).unlink()
    assert any(missing in p for p in _problems(broken))


def test_a_missing_catalog_folder_is_a_catalog_error(tmp_path):
    with pytest.raises(CatalogError):
        load_catalog(tmp_path / "finns_inte")


def test_catalog_error_is_a_value_error_and_never_a_key_error(broken):
    (broken / "indicators.toml").write_text("[[indicator]]\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_catalog(broken, "sv")
    assert not isinstance(caught.value, KeyError)
    assert len(caught.value.problems) > 10


@pytest.mark.parametrize("lang, word", [("sv", "rad 5"), ("en", "line 5")])
def test_load_catalog_says_a_broken_catalogs_problems_in_the_configured_language(
        broken, monkeypatch, lang, word):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    _edit(broken / "areas.csv", "arby,Årby,område", "arby,Årby,stadsdel")
    with pytest.raises(CatalogError) as caught:
        load_catalog(broken)
    assert any(word in p for p in caught.value.problems), caught.value.problems


def test_the_shipped_catalog_has_the_agreements_sub_goals_and_marks_the_placeholders():
    catalog = load_catalog()
    named = {g.focus_area: [g.id for g in catalog.sub_goals_in(g.focus_area)] for g in catalog.sub_goals}
    assert named["skjutningar_grovt_vald"] == ["vald_kriminella_natverk", "mans_vald_mot_kvinnor"]
    assert len(named["nyrekrytering_unga"]) == 4
    assert all(g.placeholder for f in ("offentliga_rummet", "systemhotande_brottslighet")
               for g in catalog.sub_goals_in(f))
    assert not any(g.placeholder for f in ("skjutningar_grovt_vald", "nyrekrytering_unga")
                   for g in catalog.sub_goals_in(f))
    for goal in catalog.sub_goals:
        assert all(catalog.indicator(i).focus_area == goal.focus_area for i in goal.indicators)


def test_a_sub_goal_naming_an_indicator_of_another_focus_area_is_a_catalog_problem(tmp_path):
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "catalog"))
    path = folder / "sub_goals.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("|anmalda_valdsbrott", "|unga_sig"), encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        read_catalog(folder, "en")
    assert any("sub_goals.csv" in p and "unga_sig" in p for p in raised.value.problems)
