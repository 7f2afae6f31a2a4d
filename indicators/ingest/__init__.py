"""Ingest: bytes of an uploaded file -> a list of problems, or valid rows staged for the store.

Contract: `validate(con, data, file_name, catalog)` never raises for bad input; it returns a
`Validation` whose `problems` name line and column (`Problem`), and when there are none the valid
rows are in the TEMP view `staged` of the connection handed in (`drop_staged` removes it).
One module per step: decoding (bytes -> text), tabular (text/workbook -> raw rows), headers
(column roles), numbers (Swedish numbers), checks (the rules, vectorised SQL), problems (messages),
template (what an analyst fills in). Imports only the core (config, i18n, periods, catalog).
"""
from indicators.ingest.options import Options
from indicators.ingest.problems import Notice, Problem
from indicators.ingest.validation import Validation, drop_staged, validate

__all__ = ["Notice", "Options", "Problem", "Validation", "drop_staged", "validate"]
