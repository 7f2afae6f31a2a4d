"""The upload page's templates for measures, events and assessments are recognised as their kind
and go in once the analyst has filled in what only they know (titles, texts)."""
import duckdb
import pytest

from indicators import exports
from indicators.catalog import load_catalog
from indicators.ingest import validate
from indicators.ingest.template import FOLLOW_UP_KINDS, follow_up_template

FILL = {"measures": "titel", "events": "titel", "assessments": "bedömning"}


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_a_filled_follow_up_template_is_recognised_and_valid(kind):
    catalog = load_catalog()
    table = follow_up_template(catalog, kind)
    empty = validate(duckdb.connect(), exports.write("csv_cp1252", table), "mall.csv", catalog)
    assert empty.content == kind
    assert {p.key for p in empty.problems} == {"ingest.required_value"}  # only what the analyst must write
    table[FILL[kind]] = "Ifylld text"
    filled = validate(duckdb.connect(), exports.write("csv_cp1252", table), "mall.csv", catalog)
    assert filled.ok, [p.message("en") for p in filled.problems]
