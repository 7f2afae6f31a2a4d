"""Import profiles: saved choices, recognised by the header layout of the next export."""
import pytest

from indicators.ingest import Options
from indicators.store import profiles


def test_a_profile_is_saved_listed_and_removed(tmp_path):
    saved = profiles.save("SCB folkmängd", Options(indicator="folkmangd"), ["region", "2019", "2020"], tmp_path)
    assert profiles.load(tmp_path) == {"SCB folkmängd": saved}
    assert saved.options == Options(indicator="folkmangd")
    assert profiles.remove("SCB folkmängd", tmp_path) and profiles.load(tmp_path) == {}
    assert not profiles.remove("SCB folkmängd", tmp_path)


def test_next_quarters_export_with_one_more_period_column_is_recognised(tmp_path):
    profiles.save("Brå kvartal", Options(indicator="skadegorelse"), ["Område", "2024K1", "2024K2"], tmp_path)
    assert [p.name for p in profiles.matching(["Område", "2024K1", "2024K2", "2024K3"], tmp_path)] == ["Brå kvartal"]
    assert profiles.matching(["Kommun", "2024K1"], tmp_path) == []


def test_a_profile_says_what_changed_when_the_source_changed_its_layout(tmp_path):
    saved = profiles.save("Brå", Options(indicator="anmalda_brott"), ["Kommun", "Antal", "Per 100 000 inv."], tmp_path)
    added, lost = saved.changes(["Kommun", "Antal", "Per 100 000 invånare"])
    assert added == ["Per 100 000 invånare"] and lost == ["per_100_000_inv"]


@pytest.mark.parametrize("name", ["", " ", "a/b", "x" * 61])
def test_a_name_that_cannot_be_a_profile_is_refused(tmp_path, name):
    with pytest.raises(profiles.ProfileError):
        profiles.save(name, Options(indicator="folkmangd"), ["region"], tmp_path)


def test_a_profile_never_keeps_the_period_which_belongs_to_the_file(tmp_path):
    saved = profiles.save("Brå år", Options(indicator="anmalda_brott", period="2024", only_known_areas=True),
                          ["Kommun", "Per 100 000 inv."], tmp_path)
    assert saved.options == Options(indicator="anmalda_brott", only_known_areas=True)
