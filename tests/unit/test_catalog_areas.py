"""Areas by code and alias, comparison kinds, and indicators found by the codes sources use."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from indicators import config
from indicators.catalog import (AREA_KINDS, COMPARISON_KINDS, LOCAL_KINDS, CatalogError,
                                read_catalog)

SHIPPED = config.DATA_DIR / "catalog"

AREAS_CSV = """id,name,kind,code,aliases
eskilstuna,Eskilstuna kommun,kommun,0484,0484 Eskilstuna|Eskilstuna|Eskilstuna totalt|LPO Eskilstuna
froslunda,Fröslunda,område,,
arby,Årby,Område,,
riket,Riket,riket,00,Hela riket|Hela landet|Sverige|0000
sodermanland,Södermanlands län,län,04,04 Södermanlands län
polisregion_ost,Polisregion Öst,polisregion,,Region Öst
katrineholm,Katrineholms kommun,jämförelse,0483,Katrineholm
"""


def _catalog_folder(tmp_path: Path, areas: str = AREAS_CSV) -> Path:
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "catalog"))
    (folder / "areas.csv").write_text(areas, encoding="utf-8")
    return folder


@pytest.fixture
def catalog(tmp_path):
    return read_catalog(_catalog_folder(tmp_path), "sv")


def test_the_kinds_are_the_local_ones_and_the_comparison_ones():
    assert LOCAL_KINDS == ("kommun", "område")
    assert COMPARISON_KINDS == ("riket", "lan", "polisregion", "jamforelse")
    assert AREA_KINDS == LOCAL_KINDS + COMPARISON_KINDS


def test_codes_aliases_and_kinds_are_read_from_areas_csv(catalog):
    eskilstuna = catalog.area("eskilstuna")
    assert eskilstuna.code == "0484"
    assert eskilstuna.aliases == ("0484 Eskilstuna", "Eskilstuna", "Eskilstuna totalt", "LPO Eskilstuna")
    assert catalog.area("froslunda").code is None and catalog.area("froslunda").aliases == ()
    assert [catalog.area(a).kind for a in ("arby", "sodermanland", "katrineholm")] == [
        "område", "lan", "jamforelse"]  # written "Område", "län", "jämförelse"


def test_local_and_comparison_areas_split_the_catalog_in_catalog_order(catalog):
    assert [a.id for a in catalog.local_areas] == ["eskilstuna", "froslunda", "arby"]
    assert [a.id for a in catalog.comparison_areas] == [
        "riket", "sodermanland", "polisregion_ost", "katrineholm"]
    assert [a.is_comparison for a in catalog.areas] == [False] * 3 + [True] * 4
    assert catalog.municipality.id == "eskilstuna"


@pytest.mark.parametrize("text, area_id", [
    ("eskilstuna", "eskilstuna"), ("Eskilstuna kommun", "eskilstuna"), ("0484", "eskilstuna"),
    ("0484 Eskilstuna", "eskilstuna"), ("LPO Eskilstuna", "eskilstuna"), ("lpo eskilstuna", "eskilstuna"),
    ("Eskilstuna totalt", "eskilstuna"), ("  ESKILSTUNA   TOTALT ", "eskilstuna"),
    ("Eskilstuna", "eskilstuna"),
    # a leading official code decides when the rest does not name another area
    ("0484 Eskilstuna kommun", "eskilstuna"), ("0484 Eskilstuna stad", "eskilstuna"),
    ("0484 - Eskilstuna", "eskilstuna"), ("0484  ESKILSTUNA", "eskilstuna"),
    ("0484 Fröslunda", None), ("0999 Eskilstuna", None), ("Eskilstuna 0484", None),
    ("Riket", "riket"), ("HELA RIKET", "riket"), ("Hela landet", "riket"), ("Sverige", "riket"),
    ("00", "riket"), ("0000", "riket"), ("00 Riket", "riket"), ("0000 Riket", "riket"),
    ("04", "sodermanland"), ("04 Södermanlands län", "sodermanland"),
    ("04 Sodermanlands lan", "sodermanland"), ("Södermanlands län", "sodermanland"),
    ("SODERMANLANDS LAN", "sodermanland"), ("Region Öst", "polisregion_ost"),
    ("region ost", "polisregion_ost"), ("Polisregion Öst", "polisregion_ost"),
    ("0483 Katrineholm", "katrineholm"), ("Fröslunda", "froslunda"), ("ARBY", "arby"),
    ("Totalt", None), ("", None), ("0", None), ("04 Stockholms län", "sodermanland"),
])
def test_an_area_is_found_by_id_name_code_code_and_name_or_alias(catalog, text, area_id):
    assert catalog.area_id_for(text) == area_id


def test_area_lookup_of_something_that_is_not_text_is_none(catalog):
    assert catalog.area_id_for(None) is None and catalog.area_id_for(484) is None


def test_an_old_catalog_without_code_and_aliases_columns_still_loads(tmp_path):
    cat = read_catalog(_catalog_folder(tmp_path, "id,name,kind\nby,Byn,kommun\nbacken,Backen,område\n"), "sv")
    assert [(a.code, a.aliases, a.is_comparison) for a in cat.areas] == [(None, (), False)] * 2
    assert cat.comparison_areas == () and cat.area_id_for("BYN") == "by"


def _problems(folder: Path, lang: str) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        read_catalog(folder, lang)
    return caught.value.problems


@pytest.mark.parametrize("old, new, mentions", [
    ("polisregion_ost,Polisregion Öst,polisregion,,Region Öst",
     "polisregion_ost,Polisregion Öst,polisregion,,Region Öst|Sverige",
     ["areas.csv", "rad 7", "Sverige", "riket"]),
    ("katrineholm,Katrineholms kommun,jämförelse,0483,Katrineholm",
     "katrineholm,Katrineholms kommun,jämförelse,0484,Katrineholm",
     ["areas.csv", "rad 8", "0484", "eskilstuna"]),
    ("katrineholm,Katrineholms kommun,jämförelse,0483,Katrineholm",
     "katrineholm,Katrineholms kommun,jämförelse,0483,LPO  eskilstuna",
     ["areas.csv", "rad 8", "LPO  eskilstuna", "eskilstuna"]),
    ("riket,Riket,riket,00,Hela riket|Hela landet|Sverige|0000",
     "riket,Riket,riket,00,Hela riket|Hela landet|Sverige|0000|Fröslunda",
     ["areas.csv", "rad 5", "Fröslunda", "froslunda"]),
    ("katrineholm,Katrineholms kommun,jämförelse,0483,", "katrineholm,Katrineholms kommun,jämförelse,04 83,",
     ["areas.csv", "rad 8", "04 83"]),
    ("katrineholm,Katrineholms kommun,jämförelse", "katrineholm,Katrineholms kommun,grannkommun",
     ["areas.csv", "rad 8", "grannkommun", "jamforelse"]),
])
def test_a_code_or_alias_that_two_areas_share_is_rejected_with_file_and_line(tmp_path, old, new, mentions):
    assert old in AREAS_CSV
    problems = _problems(_catalog_folder(tmp_path, AREAS_CSV.replace(old, new)), "sv")
    assert any(all(m in p for m in mentions) for p in problems), problems


def test_a_5000_area_catalog_builds_its_lookups_once_and_answers_fast(tmp_path):
    lines = [AREAS_CSV.rstrip("\n")] + [
        f"sa{i:05d},Statistikområde {i:05d},område,0484S{i:05d},SO {i:05d}|DeSO 0484A{i:05d}"
        for i in range(1, 5001)]
    cat = read_catalog(_catalog_folder(tmp_path, "\n".join(lines) + "\n"), "sv")
    texts = ([f"Statistikomrade {i:05d}" for i in range(1, 5001)] + [f"so {i:05d}" for i in range(1, 5001)]
             + [f"0484S{i:05d} Statistikområde {i:05d}" for i in range(1, 5001)] + ["Okänt"] * 5000)
    started = time.perf_counter()
    found = [cat.area_id_for(t) for t in texts]
    elapsed = time.perf_counter() - started
    assert found[:3] == ["sa00001", "sa00002", "sa00003"] and found[5000] == "sa00001"
    assert found[10000] == "sa00001" and found[-1] is None
    assert elapsed < 1.0, f"{len(texts)} look-ups took {elapsed:.2f} s"


# --- indicator codes ---------------------------------------------------------------------------

def _with_codes(tmp_path: Path, codes: dict[str, str]) -> Path:
    folder = _catalog_folder(tmp_path)
    path = folder / "indicators.toml"
    text = path.read_text(encoding="utf-8")
    for indicator_id, line in codes.items():
        anchor = f'id = "{indicator_id}"\n'
        assert anchor in text
        text = text.replace(anchor, anchor + line + "\n", 1)
    path.write_text(text, encoding="utf-8")
    return folder


def test_an_indicator_is_found_by_its_source_code_in_any_case_and_bare_when_unambiguous(tmp_path):
    cat = read_catalog(_with_codes(tmp_path, {
        "vald_nara_relation": 'codes = ["kolada:N07499", "bra:GF01"]',
        "skadegorelse": 'codes = ["scb:X1", "scb:Y1", "kolada:Y1"]',
        "problemindex": 'codes = ["kolada:X1"]'}), "sv")
    assert cat.indicator("vald_nara_relation").codes == ("kolada:N07499", "bra:GF01")
    for code in ("kolada:N07499", "KOLADA:n07499", " kolada : N07499 ", "N07499", "n07499", "GF01"):
        assert cat.indicator_for_code(code).id == "vald_nara_relation", code
    assert cat.indicator_for_code("scb:x1").id == "skadegorelse"
    assert cat.indicator_for_code("X1") is None          # two indicators use X1: ambiguous
    assert cat.indicator_for_code("Y1").id == "skadegorelse"  # two sources, one indicator
    for unknown in ("kolada:N00000", "scb:N07499", "", None, "vald_nara_relation"):
        assert cat.indicator_for_code(unknown) is None, unknown


@pytest.mark.parametrize("codes, mentions", [
    ({"skjutningar": 'codes = ["kolada:N1"]', "skadegorelse": 'codes = ["Kolada:n1"]'},
     ["indicators.toml", "skadegorelse", "Kolada:n1", "skjutningar"]),
    ({"skjutningar": 'codes = ["N07403"]'}, ["indicators.toml", "skjutningar", "N07403"]),
    ({"skjutningar": 'codes = "kolada:N07403"'}, ["indicators.toml", "skjutningar", "codes"]),
])
def test_bad_or_shared_indicator_codes_are_rejected(tmp_path, codes, mentions):
    problems = _problems(_with_codes(tmp_path, codes), "en")
    assert any(all(m in p for m in mentions) for p in problems), problems
